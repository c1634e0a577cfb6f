// A code block that continues earlier ones folds the code it builds on above its own lines
// (hooks/copy_programs.py). The fold is filled when it is first opened, from the program the
// block's copy button copies (data-copy on the block after the fold): its first data-lines lines.
document.addEventListener("toggle", (event) => {
  const fold = event.target;
  if (!(fold instanceof HTMLDetailsElement) || !fold.classList.contains("kb-builds-on")) return;
  const code = fold.querySelector("code");
  const program = fold.nextElementSibling?.dataset.copy;
  if (!fold.open || !code || code.textContent || program === undefined) return;
  code.textContent = program.split("\n").slice(0, Number(fold.dataset.lines)).join("\n");
}, true);
