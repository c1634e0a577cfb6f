// The site's own script, one file for a phone's sake: folds, focus on code blocks, palette
// switch, the reader's place kept across the language switch, the self-test's marks.
//
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

// hooks/code_blocks.py makes every code block focusable before Material has looked at it. When
// Material mounts a block that does not scroll (content.lazy: as it comes into view, so often
// because the keyboard just moved focus onto it), it removes the block's tabindex, and Chromium
// moves the focus to <body> at once: the reader's focus ring vanishes. Put the focus back, on a
// block now focusable by script only (tabindex -1), so the next Tab goes on from there.
document.addEventListener("focusout", (event) => {
  const code = event.target;
  if (!(code instanceof HTMLElement) || !code.matches("pre > code")) return;
  if (event.relatedTarget || code.hasAttribute("tabindex")) return;  // a reader's own move
  queueMicrotask(() => {
    code.tabIndex = -1;
    code.focus({ preventScroll: true });
  });
}, true);

// No colour fades while the reader switches between light and dark: Material's own rule for it
// restyled every page twice as it loaded (hooks/palette.py). Set before Material's handler on
// the input (capture), cleared after it has applied the palette, as Material clears its own.
document.addEventListener("change", (event) => {
  if (!event.target.closest?.("[data-md-component=palette]")) return;
  document.documentElement.classList.add("kb-palette-switching");
  setTimeout(() => document.documentElement.classList.remove("kb-palette-switching"));
}, true);

// The language switcher keeps the reader's place. A glossary term or a quiz item has the same
// id in both languages, and is found by it; a section is found as the heading of the same
// number, since a page and its translation have the same headings in the same order
// (tests/test_translations.py). The link is left as it is (it works without this).
const HEADINGS = "article :is(h2, h3)[id]";
const PLACES = "article :is(h2, h3, dt, form)[id]";
const SWITCHED = "kb-switched-to";
// Hidden ones (the self-test's known questions) are not read, but count on the other page.
const read = (elements) => elements.findLast(
  (e) => e.checkVisibility() && e.getBoundingClientRect().top < window.innerHeight / 4,
);
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a.md-select__link[hreflang]");
  if (!link || !window.scrollY) return;
  const place = read([...document.querySelectorAll(PLACES)]);
  if (!place) return;
  const headings = [...document.querySelectorAll(HEADINGS)];
  const heading = headings.indexOf(read(headings));
  try {
    sessionStorage.setItem(SWITCHED, JSON.stringify({
      path: new URL(link.href).pathname, id: place.matches("dt, form") ? place.id : "", heading,
    }));
  } catch {
    // Storage off: the other language opens at its top, as without this script.
  }
});
try {
  const place = JSON.parse(sessionStorage.getItem(SWITCHED));
  sessionStorage.removeItem(SWITCHED);
  if (place?.path === location.pathname && !location.hash) {
    const target = (place.id && document.getElementById(place.id))
      || document.querySelectorAll(HEADINGS)[place.heading];
    if (target) {
      target.scrollIntoView();
      window.scrollBy(0, -document.querySelector(".md-header").offsetHeight - 8);  // below it
    }
  }
} catch {
  // Storage off, or a place not written by us: stay at the top.
}

// The self-test (tools/questions.py): under each answer the reader marks it "knew it" or
// "practice more"; the marks are kept in this browser, per site and language, counted in the
// bar at the top, shown by each question's heading and edge. Without this script the bar is
// not shown.
const selfTest = document.querySelector(".kb-self-test__bar");
if (selfTest) {
  const said = JSON.parse(selfTest.dataset.selfTestText);
  const scope = window.__md_scope?.pathname ?? "/";  // Material's: the site's root
  const key = `${scope}.kb-self-test:${document.documentElement.lang || "sv"}`;
  const questions = [...document.querySelectorAll(".kb-self-test[data-question]")];
  const hideKnown = selfTest.querySelector("[data-self-test-hide-known]");
  let marks = {};
  try {
    marks = JSON.parse(localStorage.getItem(key)) || {};
  } catch {
    // Storage off: the marks last as long as the page.
  }
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(marks));
    } catch {
      // Storage off or full: as above.
    }
  };
  // A question marked just now stays in sight until the reader changes the filter.
  const show = (filter) => {
    for (const question of questions) {
      const mark = marks[question.dataset.question] || "";
      question.dataset.mark = mark;
      if (filter) {
        question.hidden = hideKnown.checked && mark === "knew";
        const id = question.querySelector("h2")?.id;
        // No way to a hidden question in the contents (the sidebar's, and the menu's on a phone).
        document.querySelectorAll(`.md-nav--secondary a[href="#${id}"]`).forEach((entry) => {
          entry.parentElement.hidden = question.hidden;
        });
      }
      question.querySelectorAll("[data-mark]").forEach((button) => {
        button.setAttribute("aria-pressed", String(button.dataset.mark === mark));
      });
      const badge = question.querySelector(".kb-self-test__badge");
      badge.textContent = said[mark] || "";
      badge.hidden = !mark;
    }
    selfTest.querySelectorAll("[data-self-test-count]").forEach((count) => {
      const kind = count.dataset.selfTestCount;
      count.textContent = questions.filter((q) => marks[q.dataset.question] === kind).length;
    });
    const allHidden = questions.every((question) => question.hidden);
    selfTest.querySelector("[data-self-test-all-hidden]").hidden = !allHidden;
  };
  for (const question of questions) {
    const buttons = document.createElement("p");
    buttons.className = "kb-self-test__marks";
    for (const mark of ["knew", "again"]) {
      const button = document.createElement("button");
      Object.assign(button, { type: "button", className: "md-button" });
      button.dataset.mark = mark;
      button.textContent = said[`mark-${mark}`];
      buttons.append(button, " ");
    }
    question.querySelector("details")?.append(buttons);
    const badge = document.createElement("span");
    badge.className = "kb-self-test__badge";
    const heading = question.querySelector("h2");
    // The space keeps the heading's name apart from the mark's for a screen reader.
    heading?.insertBefore(badge, heading.querySelector(".headerlink"));
    badge.before(" ");
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".kb-self-test [data-mark], [data-self-test-reset]");
    if (!button) return;
    if (button.hasAttribute("data-self-test-reset")) {
      if (!Object.keys(marks).length || !window.confirm(said["confirm-reset"])) return;
      marks = {};
      save();
      show(true);
      return;
    }
    const question = button.closest("[data-question]").dataset.question;
    if (marks[question] === button.dataset.mark) delete marks[question];
    else marks[question] = button.dataset.mark;
    save();
    show(false);
  });
  hideKnown.addEventListener("change", () => show(true));
  // Back to a page the browser kept whole: marks made in another tab since then count.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    try {
      marks = JSON.parse(localStorage.getItem(key)) || {};
    } catch {
      // Storage off: the marks of this page stand.
    }
    show(true);
  });
  show(true);
}
