// Folds filled when first opened, so that a page does not carry (and a phone does not style)
// code that nobody has asked to see:
// - a code block that continues earlier ones folds the code it builds on above its own lines
//   (hooks/copy_programs.py); the fold is filled from the program the block's copy button
//   copies (data-copy on the block after the fold): its first data-lines lines;
// - the code reference keeps each function's source in a <template> after a button
//   (hooks/reference.py), and the button discloses it.
document.addEventListener("toggle", (event) => {
  const fold = event.target;
  if (!(fold instanceof HTMLDetailsElement) || !fold.open) return;
  if (!fold.classList.contains("kb-builds-on")) return;
  const code = fold.querySelector("code");
  const program = fold.nextElementSibling?.dataset.copy;
  if (!code || code.textContent || program === undefined) return;
  code.textContent = program.split("\n").slice(0, Number(fold.dataset.lines)).join("\n");
}, true);

function disclose(button, open) {
  let source = button.nextElementSibling;
  if (source instanceof HTMLTemplateElement) {
    const filled = document.createElement("div");
    filled.append(source.content);
    source.replaceWith(filled);
    source = filled;
  }
  button.setAttribute("aria-expanded", String(open));
  source.hidden = !open;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".mkdocstrings-source > button");
  if (button) disclose(button, button.getAttribute("aria-expanded") !== "true");
});

// On paper every source is shown, as Material opens every <details>, and closed again after.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll('.mkdocstrings-source > [aria-expanded="false"]')];
  openedForPrint.forEach((button) => disclose(button, true));
});
window.addEventListener("afterprint", () => openedForPrint.forEach((button) => disclose(button, false)));
