/* The quiz (hooks/quiz.py writes the items as plain forms, which work without this script).
   Checks an answer, shows why each chosen option is right or wrong, and keeps in localStorage,
   per language, which items the reader last answered right or wrong, and on the quiz page which
   questions the reader chose to practice and whether the items answered right are hidden. At
   load it only restores those; everything else waits for the reader. Loaded only on pages with
   items. */
(function () {
  "use strict";

  /* Under the site's path, as Material keeps its own: another site on the same host has its
     own quiz. */
  var SCOPE = (window.__md_scope ? window.__md_scope.pathname : "/") + ".";
  var KEY = SCOPE + "kb-quiz:" + (document.documentElement.lang || "sv");
  var LEFT_OUT = SCOPE + "kb-quiz-left-out:" + (document.documentElement.lang || "sv");
  /* "Show only the items I have not answered right", kept as the questions chosen are. */
  var OPEN_ONLY = SCOPE + "kb-quiz-open-only:" + (document.documentElement.lang || "sv");

  /* Progress kept before 2026-12, under the name alone, moves once under the site's path (the
     first site of the host to be visited takes it). This can go in a year. */
  [KEY, LEFT_OUT].forEach(function (key) {
    var old = key.slice(SCOPE.length);
    try {
      var kept = window.localStorage.getItem(old);
      if (kept === null) return;
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, kept);
      window.localStorage.removeItem(old);
    } catch (error) {
      /* Storage off: nothing was kept. */
    }
  });
  var RIGHT = 1;
  var WRONG = 0;

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key || KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function write(progress, key) {
    try {
      window.localStorage.setItem(key || KEY, JSON.stringify(progress));
    } catch (error) {
      /* Storage off or full: the quiz still works, without memory. */
    }
  }

  function say(inside, key) {
    return JSON.parse(inside.closest(".kb-quiz").getAttribute("data-quiz-text"))[key];
  }

  function forms() {
    return Array.prototype.slice.call(document.querySelectorAll("form.kb-quiz__item"));
  }

  function rightOptions(form) {
    return form.getAttribute("data-quiz-right").split(",").sort().join(",");
  }

  function clear(form) {
    form.classList.remove("kb-quiz__item--right", "kb-quiz__item--wrong");
    form.querySelectorAll(".kb-quiz__option").forEach(function (option) {
      option.classList.remove("kb-quiz__option--right", "kb-quiz__option--wrong");
      option.querySelector("label").removeAttribute("data-quiz-mark");
    });
    form.querySelector(".kb-quiz__result").textContent = "";
    var earlier = form.querySelector(".kb-quiz__earlier");
    if (earlier) earlier.remove();
  }

  function mark(form, chosen) {
    var right = rightOptions(form).split(",");
    chosen.forEach(function (value) {
      var option = form.querySelector('input[value="' + value + '"]').closest(".kb-quiz__option");
      var good = right.indexOf(value) !== -1;
      option.classList.add(good ? "kb-quiz__option--right" : "kb-quiz__option--wrong");
      /* What a screen reader says for the mark (quiz.css), in the page's language. */
      var said = say(form, good ? "right" : "wrong") + ": ";
      option.querySelector("label").setAttribute("data-quiz-mark", said);
    });
  }

  /* The score of each question on the page (x/n), and the "read again" links of the questions
     with an item last answered wrong. */
  function score(progress) {
    var right = {};
    var wrong = {};
    forms().forEach(function (form) {
      var question = form.getAttribute("data-quiz-question");
      var state = progress[form.getAttribute("data-quiz-item")];
      right[question] = (right[question] || 0) + (state === RIGHT ? 1 : 0);
      wrong[question] = wrong[question] || state === WRONG;
    });
    document.querySelectorAll("[data-quiz-score]").forEach(function (element) {
      var question = element.getAttribute("data-quiz-score");
      element.textContent = (right[question] || 0) + "/" + element.getAttribute("data-quiz-total");
    });
    document.querySelectorAll("[data-quiz-row]").forEach(function (row) {
      row.querySelector(".kb-quiz__again").hidden = !wrong[row.getAttribute("data-quiz-row")];
    });
    var tally = document.querySelector("[data-quiz-tally]");
    if (!tally) return;
    var out = leftOut();
    var chosen = forms().filter(function (form) {
      return !out[form.getAttribute("data-quiz-question")];
    });
    var done = chosen.filter(function (form) {
      return progress[form.getAttribute("data-quiz-item")] === RIGHT;
    });
    tally.textContent = done.length + "/" + chosen.length;
  }

  /* A verdict given below the screen's foot (a Check at the bottom of a phone's screen) is
     brought up: the page moves no further than it takes to show it, and its top first. */
  function inView(result) {
    var box = result.getBoundingClientRect();
    var below = box.bottom + 8 - window.innerHeight;
    if (below <= 0) return;
    var header = document.querySelector(".md-header");
    window.scrollBy(0, Math.min(below, box.top - 8 - (header ? header.offsetHeight : 0)));
  }

  function check(form) {
    var chosen = Array.prototype.map.call(
      form.querySelectorAll("input:checked"),
      function (input) { return input.value; }
    );
    var result = form.querySelector(".kb-quiz__result");
    clear(form);
    if (!chosen.length) {
      result.innerHTML = "<p></p>";
      result.firstChild.textContent = say(form, "verdict-none");
      return;
    }
    var right = chosen.slice().sort().join(",") === rightOptions(form);
    var missed = !right && chosen.every(function (value) {
      return rightOptions(form).split(",").indexOf(value) !== -1;
    });
    mark(form, chosen);
    form.classList.add(right ? "kb-quiz__item--right" : "kb-quiz__item--wrong");
    var verdict = document.createElement("p");
    var strong = document.createElement("strong");
    /* Only right options, but not all: partly right, and scored as not yet right. */
    strong.textContent = say(
      form, right ? "verdict-right" : missed ? "verdict-partly" : "verdict-wrong"
    );
    verdict.appendChild(strong);
    if (missed) verdict.appendChild(document.createTextNode(" " + say(form, "verdict-missed")));
    var list = document.createElement("ul");
    chosen.forEach(function (value) {
      var why = form.querySelector('.kb-quiz__why[data-option="' + value + '"]');
      list.appendChild(why.cloneNode(true));
    });
    result.appendChild(verdict);
    result.appendChild(list);
    inView(result);
    var progress = read();
    progress[form.getAttribute("data-quiz-item")] = right ? RIGHT : WRONG;
    write(progress);
    score(progress);
  }

  function note(form, key, extra) {
    var said = document.createElement("p");
    said.className = "kb-quiz__earlier" + extra;
    said.textContent = say(form, key);
    form.querySelector(".kb-quiz__result").before(said);
  }

  /* Items last answered right come back answered; those answered wrong, with a note (which
     options were chosen is not kept). */
  function restore() {
    var progress = read();
    forms().forEach(function (form) {
      var state = progress[form.getAttribute("data-quiz-item")];
      if (state === WRONG) {
        form.classList.add("kb-quiz__item--wrong");
        note(form, "verdict-earlier-wrong", " kb-quiz__earlier--wrong");
      }
      if (state !== RIGHT) return;
      var chosen = rightOptions(form).split(",");
      chosen.forEach(function (value) {
        form.querySelector('input[value="' + value + '"]').checked = true;
      });
      mark(form, chosen);
      form.classList.add("kb-quiz__item--right");
      note(form, "verdict-earlier", "");
    });
    score(progress);
  }

  /* Forget the answers of one question ("q05-..."), or on the quiz page of the questions chosen
     to practice ("chosen"), after asking if any is kept: that can be many. */
  function reset(button) {
    var scope = button.getAttribute("data-quiz-reset");
    var out = leftOut();
    var progress = read();
    var reached = forms().filter(function (form) {
      var question = form.getAttribute("data-quiz-question");
      return scope === "chosen" ? !out[question] : question === scope;
    });
    var kept = reached.some(function (form) {
      return form.getAttribute("data-quiz-item") in progress;
    });
    if (scope === "chosen" && kept && !window.confirm(say(button, "confirm-reset"))) return;
    reached.forEach(function (form) {
      delete progress[form.getAttribute("data-quiz-item")];
      form.reset();
      clear(form);
    });
    write(progress);
    if (choices().length) show();  /* the items hidden as answered right are open again */
    else score(progress);
  }

  function shuffle(list) {
    var items = Array.prototype.slice.call(list.children);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    items.forEach(function (item) { list.appendChild(item); });
  }

  function choices() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-quiz-filter]"));
  }

  /* The questions the reader left out of practice on the quiz page (none elsewhere). */
  function leftOut() {
    var out = {};
    choices().forEach(function (input) { if (!input.checked) out[input.value] = true; });
    return out;
  }

  /* The chosen questions' items, without those answered right when the reader asks for only
     the others (they stay until the next change of choice: an item answered just now stays).
     The choice is kept for the next visit; a new question is chosen by default. */
  function show() {
    var out = leftOut();
    var progress = read();
    var open = document.querySelector("[data-quiz-open]");
    var openOnly = !!open && open.checked;
    forms().forEach(function (form) {
      var right = progress[form.getAttribute("data-quiz-item")] === RIGHT;
      form.hidden = !!out[form.getAttribute("data-quiz-question")] || (openOnly && right);
    });
    document.querySelectorAll("[data-quiz-row]").forEach(function (row) {
      row.hidden = !!out[row.getAttribute("data-quiz-row")];
    });
    var none = forms().every(function (form) { return form.hidden; });
    var chosen = choices().some(function (input) { return input.checked; });
    document.querySelectorAll("[data-quiz-empty]").forEach(function (said) {
      var why = said.getAttribute("data-quiz-empty");
      said.hidden = !none || why !== (chosen ? "all-right" : "none-chosen");
    });
    write(out, LEFT_OUT);
    if (open) write({ on: openOnly }, OPEN_ONLY);
    score(progress);
  }

  function choose(chosen) {
    choices().forEach(function (input) {
      input.checked = typeof chosen === "boolean" ? chosen : !chosen[input.value];
    });
    show();
  }

  /* A teacher's link to some questions' items, "quiz/?questions=6,7,8" as the exam sheet takes
     them: those questions are chosen, the others left out, and the choice kept as the
     reader's; "?questions=" chooses none. Null without a choice (no parameter, or no number
     the quiz has: "?questions=99"): the reader's own choice stays. */
  function asked() {
    var number = function (input) { return parseInt(input.value.slice(1), 10); };  /* "q07-..." */
    var numbers = window.kbAskedQuestions(choices().map(number));
    if (numbers === null) return null;
    var out = {};
    choices().forEach(function (input) {
      if (numbers.indexOf(number(input)) < 0) out[input.value] = true;
    });
    return out;
  }

  /* From now on a Check is this script's (overrides/main.html held the earlier ones). */
  window.kbQuizReady = true;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("kb-quiz__item")) return;
    event.preventDefault();
    check(form);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-quiz-reset")) reset(button);
    if (button.hasAttribute("data-quiz-choose")) {
      choose(button.getAttribute("data-quiz-choose") === "all");
    }
    if (button.hasAttribute("data-quiz-shuffle")) {
      shuffle(button.closest(".kb-quiz").querySelector(".kb-quiz__list"));
    }
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.hasAttribute && input.matches("[data-quiz-filter], [data-quiz-open]")) show();
  });

  /* A link to an item ("quiz/#kb-quiz-q07-dropout-at-prediction", a teacher's) shows it, also
     to a reader who left its question out of practice (its question is chosen again) or hid
     the items answered right, and goes there: the browser does not scroll to a hidden one. */
  function reveal() {
    var form = document.getElementById(window.location.hash.slice(1));  /* ids are a-z0-9- */
    if (!form || !form.matches("form.kb-quiz__item") || !form.hidden) return;
    var question = form.getAttribute("data-quiz-question");
    choices().forEach(function (input) { if (input.value === question) input.checked = true; });
    show();
    form.hidden = false;
    form.scrollIntoView();
  }

  window.addEventListener("hashchange", reveal);

  /* The scores are statuses (role="status"), muted in the HTML (aria-live="off") while this
     script restores them, and on a page the browser kept, while it brings them up to date: a
     screen reader read the restored scores out over the page. They speak from the reader's
     first touch or focus on, an event before the change it is to hear. */
  function mute(muted) {
    document.querySelectorAll("[data-quiz-muted]").forEach(function (status) {
      if (muted) status.setAttribute("aria-live", "off");
      else status.removeAttribute("aria-live");
    });
  }

  ["pointerdown", "focusin"].forEach(function (type) {
    document.addEventListener(type, function () { mute(false); });
  });

  function start() {
    restore();
    var open = document.querySelector("[data-quiz-open]");
    if (open) open.checked = !!read(OPEN_ONLY).on;
    if (choices().length) choose(asked() || read(LEFT_OUT));
    reveal();
    /* Checked as the reader asked before this script had run (held by overrides/main.html). */
    forms().forEach(function (form) {
      if (!form.hasAttribute("data-kb-held")) return;
      form.removeAttribute("data-kb-held");
      mute(false);  /* the reader has acted: the tap came before this script could hear it */
      check(form);
    });
  }

  /* Back to a page the browser kept whole: answers given elsewhere since then count. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    mute(true);
    if (choices().length) show();
    else score(read());
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
