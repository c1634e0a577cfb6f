// The site's own script, one file for a phone's sake: folds, focus on code blocks and their
// copy buttons, palette switch, the reader's place kept across the language switch, the
// self-test's marks, the search's words when its index did not come and its results' names,
// the exam sheet's mock-exam link and choice of questions.
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
  // An indented line in a span that knows its indent, as on the page (hooks/code_blocks.py):
  // wrapped on a phone, its rest goes on below its own code.
  const lines = program.split("\n").slice(0, Number(fold.dataset.lines));
  code.replaceChildren(...lines.flatMap((line, number) => {
    const end = number < lines.length - 1 ? "\n" : "";
    const indent = line.length - line.trimStart().length;
    if (!indent) return [line + end];
    const span = document.createElement("span");
    span.className = "kb-line";
    span.style.setProperty("--indent", indent);
    span.textContent = line;
    return [span, end];
  }));
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
// moves the focus to <body> at once: the reader's focus ring vanishes. Put it on the block's
// copy button, which Material has just put before the code, so that the next Tab goes on after
// the block and skips nothing; on the block itself (by script only, tabindex -1) if it has none.
document.addEventListener("focusout", (event) => {
  const code = event.target;
  if (!(code instanceof HTMLElement) || !code.matches("pre > code")) return;
  if (event.relatedTarget || code.hasAttribute("tabindex")) return;  // a reader's own move
  queueMicrotask(() => {
    const button = code.closest(".highlight")?.querySelector("[data-clipboard-target]");
    if (!button) code.tabIndex = -1;
    (button ?? code).focus({ preventScroll: true });
  });
}, true);

// Material puts a code block's copy button in a <nav> of its own as it mounts the block: a
// landmark without a name, so that a screen reader's landmarks were a "navigation" per block
// (20 on question 12's page) among the page's own. Not a landmark, as each comes.
{
  const article = document.querySelector(".md-content article");
  const plain = (nav) => nav.setAttribute("role", "none");
  if (article) {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const added of record.addedNodes) {
          if (added instanceof Element && added.matches("nav.md-code__nav")) plain(added);
        }
      }
    }).observe(article, { childList: true, subtree: true });
    article.querySelectorAll("nav.md-code__nav").forEach(plain);  // mounted already
  }
}

// Material's tooltips take a code button's title, its only name, once it is pointed at or
// focused (content.tooltips): it was then a button without a name. The title becomes its label
// first (capture: before Material's handlers), and the "Copied" note is announced.
const nameFromTitle = (event) => {
  const button = event.target.closest?.(".md-code__button[title]");
  if (button && !button.hasAttribute("aria-label")) button.setAttribute("aria-label", button.title);
};
document.addEventListener("focus", nameFromTitle, true);
document.addEventListener("pointerover", nameFromTitle, true);
document.querySelector("[data-md-component=dialog]")?.setAttribute("role", "status");

// Escape hides a glossary term's tooltip and leaves the focus where it is (WCAG 1.4.13); it
// shows again once the term has lost both the focus and the pointer and gets one of them back.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach((tip) => {
    tip.classList.remove("md-tooltip2--active");
  });
});

// No colour fades while the reader switches between light and dark: Material's own rule for it
// restyled every page twice as it loaded (hooks/palette.py). Set before Material's handler on
// the input (capture), cleared after it has applied the palette, as Material clears its own.
document.addEventListener("change", (event) => {
  if (!event.target.closest?.("[data-md-component=palette]")) return;
  document.documentElement.classList.add("kb-palette-switching");
  setTimeout(() => document.documentElement.classList.remove("kb-palette-switching"));
}, true);

// The language switcher keeps the reader's place. A glossary term, a quiz item or an exercise
// has the same id in both languages, and is found by it; a section is found as the heading of
// the same number, since a page and its translation have the same headings in the same order
// (tests/test_site.py compares the built pages). The link is left as it is (it works without
// this). In a block: names of its own, apart from the page's other scripts.
{
  const HEADINGS = "article :is(h2, h3)[id]";
  const BY_ID = "dt, form, .admonition";
  const PLACES = `article :is(h2, h3, ${BY_ID})[id]`;
  const SWITCHED = "kb-switched-to";
  // The last one the reader has passed; a hidden one (the self-test's known questions) is not
  // passed here, but counts on the other page, where it is shown.
  const lastPassed = (elements) => elements.findLast(
    (e) => e.checkVisibility() && e.getBoundingClientRect().top < window.innerHeight / 4,
  );
  const remember = (place) => {
    try {
      if (place) sessionStorage.setItem(SWITCHED, JSON.stringify(place));
      else sessionStorage.removeItem(SWITCHED);
    } catch {
      // Storage off: the other language opens at its top, as without this script.
    }
  };
  // With the keyboard, the place is where the focus last was in the page, not where the page
  // is scrolled: the way back to the switcher (Shift+Tab through the contents) scrolls it to
  // its top. The last one at or before that element, then.
  // Focus moved by Shift+Tab is that walk back, not a place; so is focus that moves between its
  // two keys (Material mounting a code block late, then the focus put on its copy button above).
  let focused = null;
  let back = false;
  const MODIFIERS = ["Shift", "Control", "Alt", "Meta"];
  document.addEventListener("keydown", (event) => {
    if (!MODIFIERS.includes(event.key)) back = event.key === "Tab" && event.shiftKey;
  }, true);
  document.addEventListener("focusin", (event) => {
    if (!back && event.target.closest?.("article")) focused = event.target;
  });
  // At or before: a form holding the focused option counts, as a heading above it does.
  const lastBefore = (target) => (elements) => elements.findLast(
    (e) => e.checkVisibility() && (e.contains(target)
      || e.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a.md-select__link[hreflang]");
    if (!link) return;
    // A link opened in another tab or window leaves this tab's place alone.
    const here = !(event.button || event.ctrlKey || event.metaKey || event.shiftKey);
    const keyboard = event.detail === 0 && focused?.isConnected;  // Enter: a click of detail 0
    const passed = keyboard ? lastBefore(focused) : lastPassed;
    const places = [...document.querySelectorAll(PLACES)];
    const place = here && (keyboard || window.scrollY) && passed(places);
    if (!place) return remember(null);
    const headings = [...document.querySelectorAll(HEADINGS)];
    remember({
      path: new URL(link.href).pathname,
      id: place.matches(BY_ID) ? place.id : "",
      heading: headings.indexOf(passed(headings)),
    });
  });
  const goTo = (target) => {
    target.scrollIntoView();
    window.scrollBy(0, -document.querySelector(".md-header").offsetHeight - 8);  // below it
    return window.scrollY;
  };
  try {
    const place = JSON.parse(sessionStorage.getItem(SWITCHED));
    sessionStorage.removeItem(SWITCHED);
    if (place?.path === location.pathname && !location.hash) {
      const byId = place.id ? document.getElementById(place.id) : null;
      const target = (byId?.checkVisibility() && byId)  // hidden: a quiz item left out there
        || document.querySelectorAll(HEADINGS)[place.heading];
      if (target) {
        const at = goTo(target);
        // Focus there too: a keyboard's next Tab, and a screen reader, go on from the place.
        if (!target.hasAttribute("tabindex")) {
          target.tabIndex = -1;
          target.dataset.kbPlace = "";
          // Once the reader moves on, it is text again, not something a click focuses.
          target.addEventListener("blur", () => {
            target.removeAttribute("tabindex");
            delete target.dataset.kbPlace;
          }, { once: true });
        }
        target.focus({ preventScroll: true });
        // Pictures above it that load later push it down where the browser does not hold the
        // reader's place (Safari): go there again, unless the reader has moved since.
        window.addEventListener("load", () => window.scrollY === at && goTo(target), { once: true });
      }
    }
  } catch {
    // Storage off, or a place not written by us: stay at the top.
  }
}

// The self-test (tools/questions.py): the reader writes an answer in the box under each
// question (the knowledge check is written), then ticks the points a full answer covers that
// theirs covers, and marks it "knew it" or "practice more"; answers, ticks and marks are kept
// in this browser, per site and language, the
// marks counted in the bar at the top, shown by each question's heading and edge. Without this
// script neither box nor bar is shown. In a function: names of its own, and nothing to do on
// other pages.
(() => {
  const bar = document.querySelector(".kb-self-test__bar");
  if (!bar) return;
  const questions = [...document.querySelectorAll(".kb-self-test[data-question]")];
  const words = JSON.parse(bar.dataset.selfTestText);
  const scope = window.__md_scope?.pathname ?? "/";  // Material's: the site's root
  const key = `${scope}.kb-self-test:${document.documentElement.lang || "sv"}`;
  const hideKnown = bar.querySelector("[data-self-test-hide-known]");
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(key)) || {};
    } catch {
      return {};  // storage off: the marks last as long as the page
    }
  };
  let marks = load();
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(marks));
    } catch {
      // Storage off or full: as above.
    }
  };
  // The reader's own answers and the points they ticked, each by question, apart from the
  // marks: written at every key or tick, so read again before each write (another tab may have
  // written another question's). With storage off they last as long as the page, in its boxes.
  const byQuestion = (name) => {
    const where = `${key}:${name}`;
    const read = () => {
      try {
        return JSON.parse(localStorage.getItem(where)) || {};
      } catch {
        return null;
      }
    };
    const keep = (question, value) => {
      const all = read() ?? {};
      if (value.length) all[question] = value;
      else delete all[question];
      try {
        localStorage.setItem(where, JSON.stringify(all));
      } catch {
        // Storage off or full: as above.
      }
    };
    return { where, read, keep };
  };
  const answers = byQuestion("answers");
  // A ticked point is kept by its text, not its place: a point reworded or moved on the page
  // must not carry a tick the reader gave another.
  const ticks = byQuestion("points");
  const pointBoxes = (question) => [...question.querySelectorAll("[data-point]")];
  // Written only when it changes: the count is a live region, read out at each change.
  const tally = (question) => {
    const said = question.querySelector(".kb-self-test__tally");
    if (!said) return;
    const boxes = pointBoxes(question);
    const count = boxes.filter((box) => box.checked).length;
    const text = words.covered.replace("{count}", count).replace("{total}", boxes.length);
    if (said.textContent !== text) said.textContent = text;
  };
  const showTicks = (all = ticks.read()) => {
    if (!all) return;
    for (const question of questions) {
      const ticked = all[question.dataset.question] ?? [];
      pointBoxes(question).forEach((box) => {
        box.checked = ticked.includes(box.dataset.point);
      });
      tally(question);
    }
  };
  const fields = () => [...document.querySelectorAll(".kb-self-test__answer textarea")];
  // Not dispatched by the reader, so not written back (below); `{}` empties the boxes. The
  // box being typed in (`except`) keeps what the reader is writing.
  const showAnswers = (all = answers.read(), except = null) => {
    if (!all) return;
    for (const field of fields()) {
      if (field === except) continue;
      field.value = all[field.closest("[data-question]").dataset.question] ?? "";
      field.dispatchEvent(new Event("input"));
    }
  };
  const counted = (text) => {
    const count = text.split(/\s+/).filter(Boolean).length;
    return words[count === 1 ? "word" : "words"].replace("{count}", count);
  };
  // Only some questions, as on the exam sheet ("?questions=1,4,7", its marking key for a mock
  // exam of those): the others are left off, on paper too (print.css), and uncounted; a line
  // says which are on the page, with a way back to all, and on paper the key says which it is
  // for and their marks. Numbers not on the page are ignored; with none it knows, every
  // question is on it.
  const number = (question) => question.querySelector("h2")?.textContent.match(/\d+/)?.[0] ?? "";
  const asked = window.kbAskedQuestions(questions.map((question) => Number(number(question))));
  const chosen = questions.filter((question) => asked?.includes(Number(number(question))));
  const onPage = chosen.length ? chosen : questions;
  if (chosen.length) {
    questions.forEach((question) => {
      if (!chosen.includes(question)) question.dataset.leftOff = "";
    });
    const lang = document.documentElement.lang || "sv";
    const numbers = new Intl.ListFormat(lang, { type: "conjunction" }).format(chosen.map(number));
    const worth = chosen.reduce((sum, question) => sum + Number(question.dataset.markCount ?? 0), 0);
    const fill = (text) =>
      text.replace("{numbers}", numbers).replace("{total}", questions.length).replace("{marks}", worth);
    const one = chosen.length === 1;
    const line = document.createElement("p");
    line.className = "kb-self-test__chosen kb-screen-only";
    line.textContent = fill(words[one ? "chosen-one" : "chosen"]);
    const all = Object.assign(document.createElement("a"), {
      href: location.pathname,
      textContent: words["show-all"],
    });
    line.append(" ", all);
    bar.before(line);
    const key = document.querySelector(".kb-self-test__key");
    if (key) key.textContent = fill(words[one ? "key-one" : "key"]);
    bar.querySelector("[data-self-test-total]").textContent = chosen.length;
    // The same questions in the other language: they have the same numbers there.
    document.querySelectorAll("a.md-select__link[hreflang]").forEach((link) => {
      link.search = location.search;
    });
  }
  // The marks as they stand: buttons, badges, edges, counts.
  const render = () => {
    for (const question of questions) {
      const mark = marks[question.dataset.question] || "";
      question.dataset.marked = mark;
      question.querySelectorAll("[data-mark]").forEach((button) => {
        button.setAttribute("aria-pressed", String(button.dataset.mark === mark));
      });
      const badge = question.querySelector(".kb-self-test__badge");
      badge.textContent = words[mark] || "";
      badge.hidden = !mark;
    }
    bar.querySelectorAll("[data-self-test-count]").forEach((count) => {
      const kind = count.dataset.selfTestCount;
      count.textContent = onPage.filter((q) => marks[q.dataset.question] === kind).length;
    });
  };
  // Which questions are shown. Not called on a mark: one marked just now stays in sight.
  const filter = () => {
    for (const question of questions) {
      question.hidden =
        "leftOff" in question.dataset ||
        (hideKnown.checked && marks[question.dataset.question] === "knew");
      // No way to a hidden question in the contents (the sidebar's, and the menu's on a phone).
      const id = question.querySelector("h2")?.id;
      document.querySelectorAll(`.md-nav--secondary a[href="#${id}"]`).forEach((entry) => {
        entry.parentElement.hidden = question.hidden;
      });
    }
    const allHidden = questions.every((question) => question.hidden);
    bar.querySelector("[data-self-test-all-hidden]").hidden = !allHidden;
    render();
  };
  for (const question of questions) {
    const buttons = document.createElement("p");
    buttons.className = "kb-self-test__marks";
    for (const mark of ["knew", "again"]) {
      const button = document.createElement("button");
      Object.assign(button, { type: "button", className: "md-button" });
      button.dataset.mark = mark;
      button.textContent = words[`mark-${mark}`];
      buttons.append(button, " ");
    }
    question.querySelector("details")?.append(buttons);
    // A box to tick before each point, the whole row its label, and the count under the list.
    // The list keeps its role (Safari drops it with the bullets) and is named by its title.
    const list = question.querySelector(".kb-self-test__points + ul");
    if (list) {
      const title = list.previousElementSibling;
      title.id = `kb-points-${question.dataset.question}`;
      list.setAttribute("role", "list");
      list.setAttribute("aria-labelledby", title.id);
      for (const point of list.children) {
        const label = document.createElement("label");
        const box = document.createElement("input");
        Object.assign(box, { type: "checkbox", autocomplete: "off" });
        box.dataset.point = point.textContent.trim();
        const text = document.createElement("span");  // one flex item, code and all
        text.append(...point.childNodes);
        label.append(box, text);
        point.append(label);
      }
      // A tap on a glossary term in a point shows its definition (it takes the focus), and
      // does not tick the point. (A link, interactive content, never ticks it.)
      list.addEventListener("click", (event) => {
        if (event.target.closest("abbr")) event.preventDefault();
      });
      const said = document.createElement("p");
      said.className = "kb-self-test__tally kb-screen-only";
      said.setAttribute("aria-live", "polite");
      list.after(said);
      list.addEventListener("change", () => {
        const boxes = pointBoxes(question);
        const ticked = boxes.flatMap((box) => (box.checked ? [box.dataset.point] : []));
        ticks.keep(question.dataset.question, ticked);
        tally(question);
      });
      tally(question);
    }
    // The box for the reader's answer, before the short answer: written first, then compared.
    const box = document.createElement("div");
    box.className = "kb-self-test__answer kb-screen-only";
    const label = document.createElement("label");
    const field = document.createElement("textarea");
    field.rows = 4;
    field.setAttribute("autocomplete", "off");
    field.setAttribute("spellcheck", "true");
    const count = document.createElement("span");
    count.className = "kb-self-test__words";
    count.id = `kb-words-${question.dataset.question}`;
    field.setAttribute("aria-describedby", count.id);
    // Named by its question's number: a screen reader moving from box to box hears which.
    label.append(words["your-answer"].replace("{number}", number(question)), field);
    box.append(label, count);
    // Counted at every change; kept only when the reader typed (not when shown from storage).
    field.addEventListener("input", (event) => {
      count.textContent = counted(field.value);
      const text = field.value.trim() ? field.value : "";  // blank: nothing to keep
      if (event.isTrusted) answers.keep(question.dataset.question, text);
    });
    question.querySelector("details")?.before(box);
    const badge = document.createElement("span");
    badge.className = "kb-self-test__badge";
    const heading = question.querySelector("h2");
    // The space keeps the heading's name apart from the mark's for a screen reader. A
    // no-break space: Chromium's accessibility tree, built while the badge was hidden, lost
    // an ordinary one once a mark showed it ("deep learningKan"); it looks the same.
    heading?.insertBefore(badge, heading.querySelector(".headerlink"));
    badge.before("\u00a0");
  }
  bar.addEventListener("click", (event) => {
    if (!event.target.closest("[data-self-test-reset]")) return;
    // Only the questions on the page: a reader who chose some starts over on those.
    const kept = onPage.some(
      (question) =>
        marks[question.dataset.question] ||
        question.querySelector("textarea")?.value.trim() ||
        question.querySelector("[data-point]:checked"),
    );
    const asking = words[chosen.length ? "confirm-reset-page" : "confirm-reset"];
    if (!kept || !window.confirm(asking)) return;
    if (chosen.length) {
      for (const question of onPage) {
        delete marks[question.dataset.question];
        answers.keep(question.dataset.question, "");
        ticks.keep(question.dataset.question, []);
      }
    } else {
      marks = {};
      try {
        localStorage.removeItem(answers.where);
        localStorage.removeItem(ticks.where);
      } catch {
        // Storage off: nothing kept.
      }
    }
    save();
    showAnswers(answers.read() ?? {});
    showTicks(ticks.read() ?? {});
    filter();
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".kb-self-test [data-mark]");
    if (!button) return;
    const question = button.closest("[data-question]").dataset.question;
    if (marks[question] === button.dataset.mark) delete marks[question];
    else marks[question] = button.dataset.mark;
    save();
    render();
  });
  // The filter is kept as the marks are: a reader who hid the known questions finds them hidden.
  const hiding = `${key}:hide-known`;
  try {
    hideKnown.checked = localStorage.getItem(hiding) === "1";
  } catch {
    // Storage off: the filter lasts as long as the page.
  }
  hideKnown.addEventListener("change", () => {
    try {
      localStorage.setItem(hiding, hideKnown.checked ? "1" : "0");
    } catch {
      // As above.
    }
    filter();
  });
  // Back to a page the browser kept whole: marks made in another tab since then count.
  // Back to a page the browser kept whole, or another tab of the site marked or wrote: what
  // they did shows here too.
  const refresh = () => {
    marks = load();
    showAnswers(answers.read(), document.activeElement);
    showTicks();
    filter();
  };
  window.addEventListener("pageshow", (event) => event.persisted && refresh());
  window.addEventListener("storage", (event) => {
    if ([key, answers.where, ticks.where].includes(event.key)) refresh();
  });
  showAnswers();
  showTicks();
  filter();
})();

// The search (Material's) fetches its index as a page opens, and its worker then loads the
// language's stemmer. When the connection drops before both have come, the search says
// "Preparing the search" for good, also once the connection is back. The reader is told what
// happened and what helps (data-kb-search-lost, overrides/partials/search.html): at once when
// the index did not come (Material's script throws "Network error"), else once the search has
// stayed unready for 3 s after going offline, or after being opened offline (from the browser's
// cache it was ready 1.8 s after the page began to load, on a phone at 4x throttling). Material
// writes over the line when it has results.
(() => {
  const result = document.querySelector("[data-md-component=search-result][data-kb-search-lost]");
  const meta = result?.querySelector(".md-search-result__meta");
  const query = document.querySelector("[data-md-component=search-query]");
  if (!meta || !query) return;
  const preparing = meta.textContent;
  let dropped = !navigator.onLine;
  const tell = () => {
    if (meta.textContent === preparing) meta.textContent = result.dataset.kbSearchLost;
  };
  const later = () => dropped && setTimeout(tell, 3000);
  window.addEventListener("error", (event) => {
    if (/Network error/.test(event.message) && /\/bundle\.[^/]*\.js$/.test(event.filename)) tell();
  });
  window.addEventListener("offline", () => {
    dropped = true;
    later();
  });
  query.addEventListener("focus", later);
})();

// A link to the exam sheet's mock-exam box ("exam-sheet/#mock-exam", a teacher's) ticks it, so
// that the page prints as a mock exam (print.css) without the student having to find the box.
// The other language's id (data-exam-questions-only) does too: a link keeps its id when the
// reader switches language, and a teacher may give either.
(() => {
  const box = document.querySelector("input[data-exam-questions-only][id]");
  if (!box) return;
  const ids = [box.id, box.dataset.examQuestionsOnly].filter(Boolean).map((id) => `#${id}`);
  // Ticked, the sheet is titled a mock exam, on screen, on paper and in the printed header.
  const heading = document.querySelector(".md-content h1");
  const words = [...(heading?.childNodes ?? [])].find((node) => node.nodeType === Node.TEXT_NODE);
  const sheet = words?.textContent ?? "";
  const tabTitle = document.title;
  const retitle = () => {
    // The other language's sheet opens as a mock exam too, by the id it knows.
    document.querySelectorAll("a.md-select__link[hreflang]").forEach((link) => {
      link.hash = box.checked ? box.dataset.examQuestionsOnly : "";
    });
    if (!words || !box.dataset.examTitle) return;
    words.textContent = box.checked ? box.dataset.examTitle : sheet;
    document.title = box.checked ? tabTitle.replace(sheet.trim(), box.dataset.examTitle) : tabTitle;
  };
  const tick = () => {
    if (ids.includes(window.location.hash)) box.checked = true;
    retitle();
  };
  tick();
  // Ticked or unticked by hand, the address says so: a teacher who copies it hands out what the
  // page shows (a mock exam, or the sheet with its answers).
  box.addEventListener("change", () => {
    const hash = box.checked ? `#${box.id}` : ids.includes(location.hash) ? "" : location.hash;
    history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
    retitle();
  });
  window.addEventListener("hashchange", tick);
})();

// The exam sheet's choice of questions: a teacher leaves off what the course has not reached
// yet, a student what they know. The choice is kept in the address ("?questions=1,4,7"), so
// that a link hands out the same sheet; "?questions=" is none (a word says so). Numbers not on
// the sheet are ignored; without this script, or with no number it knows, every question is
// on it.
(() => {
  const chooser = document.querySelector(".exam-choose");
  if (!chooser) return;
  const questions = [...document.querySelectorAll(".exam-question")];
  const list = chooser.querySelector(".exam-choices");
  const chosenWords = chooser.querySelector(".exam-chosen");
  const heading = (question) => question.querySelector("h2");
  const number = (question) => heading(question)?.firstChild?.textContent.trim().replace(/\.$/, "");
  const asked = window.kbAskedQuestions(questions.map((question) => Number(number(question))));
  const known = (asked ?? []).map(String);
  const none = asked?.length === 0;
  const boxes = questions.map((question) => {
    const box = Object.assign(document.createElement("input"), {
      type: "checkbox",
      value: number(question),
      checked: !none && (!known.length || known.includes(number(question))),
    });
    const title = heading(question)?.querySelector(".exam-title")?.textContent ?? "";
    const label = document.createElement("label");
    // The title in a span a mock exam hides, as in the question's heading (print.css).
    const name = Object.assign(document.createElement("span"), { className: "exam-title" });
    name.textContent = title;
    // The number in a box of its own width, so that the titles of 1. and 10. line up.
    const numbered = Object.assign(document.createElement("span"), {
      className: "exam-number",
      textContent: `${box.value}.`,
    });
    label.append(box, " ", numbered, " ", name);
    const item = document.createElement("li");
    item.append(label);
    list.append(item);
    return box;
  });
  const show = () => {
    questions.forEach((question, index) => {
      question.hidden = !boxes[index].checked;
      // No way to a question left off in the contents, as on the self-test.
      const id = heading(question)?.id;
      document.querySelectorAll(`.md-nav--secondary a[href="#${id}"]`).forEach((entry) => {
        entry.parentElement.hidden = question.hidden;
      });
    });
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    const all = chosen.length === boxes.length;
    document.querySelector(".exam-none").hidden = chosen.length > 0;
    chosenWords.textContent = all
      ? chooser.dataset.examAll
      : chooser.dataset.examSome.replace("{chosen}", chosen.length).replace("{total}", boxes.length);
    const params = new URLSearchParams(location.search);
    params.delete("questions");
    // Commas as they are: URLSearchParams would write %2C into an address a teacher copies.
    const search = [params.toString(), all ? "" : `questions=${chosen.join(",")}`]
      .filter(Boolean)
      .join("&");
    history.replaceState(history.state, "", `${location.pathname}${search && "?"}${search}${location.hash}`);
    // The same sheet in the other language (the questions have the same numbers there), and
    // its marking key: the self-test of the same questions (none: no key, all would be on it).
    document.querySelectorAll("a.md-select__link[hreflang], a.exam-key").forEach((link) => {
      link.search = search;
    });
    document.querySelectorAll(".exam-key-line").forEach((line) => {
      line.hidden = !chosen.length;
    });
    // The mock exam's marks in all, on the name line: those of the questions on the sheet.
    const total = document.querySelector(".exam-total");
    if (total) {
      const marks = questions
        .filter((question) => !question.hidden)
        .reduce((sum, question) => sum + Number(heading(question)?.dataset.markCount ?? 0), 0);
      total.textContent = total.dataset.examTotal.replace("{marks}", marks);
      total.hidden = !marks;
    }
  };
  list.addEventListener("change", show);
  chooser.addEventListener("click", (event) => {
    const which = event.target.closest("[data-exam-choose]")?.dataset.examChoose;
    if (!which) return;
    boxes.forEach((box) => {
      box.checked = which === "all";
    });
    show();
  });
  chooser.hidden = false;
  show();
})();

// Material's search results are links around an <article> (its title, a heading, and the
// text found), and an article gives its link no name: a screen reader, arrowing through the
// results, heard "link" and nothing more. Each is named by its title as Material lists it,
// those folded under "9 more on this page" too, and described by the text found, which a
// name would otherwise hide. Watched only while results come.
(() => {
  const list = document.querySelector("[data-md-component=search-result] .md-search-result__list");
  if (!list) return;
  let described = 0;
  new MutationObserver(() => {
    list.querySelectorAll("a.md-search-result__link:not([aria-label])").forEach((link) => {
      const title = link.querySelector("h1, h2")?.textContent.trim();
      if (title) link.setAttribute("aria-label", title);
      const found = link.querySelector("article > p");
      if (found) {
        found.id ||= `kb-search-found-${(described += 1)}`;
        link.setAttribute("aria-describedby", found.id);
      }
    });
  }).observe(list, { childList: true, subtree: true });
})();
