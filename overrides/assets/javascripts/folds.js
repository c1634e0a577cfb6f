// Folds filled when first opened, so that a page does not carry (and a phone does not style)
// code that nobody has asked to see:
// - a code block that continues earlier ones folds the code it builds on above its own lines
//   (hooks/copy_programs.py); the fold is filled from the program the block's copy button
//   copies (data-copy on the block after the fold): its first data-lines lines;
// - the code reference keeps each function's source in a <template> (hooks/reference.py).
document.addEventListener("toggle", (event) => {
  const fold = event.target;
  if (!(fold instanceof HTMLDetailsElement) || !fold.open) return;
  const source = fold.querySelector(":scope > template");
  if (source) source.replaceWith(source.content);
  if (!fold.classList.contains("kb-builds-on")) return;
  const code = fold.querySelector("code");
  const program = fold.nextElementSibling?.dataset.copy;
  if (!code || code.textContent || program === undefined) return;
  code.textContent = program.split("\n").slice(0, Number(fold.dataset.lines)).join("\n");
}, true);
