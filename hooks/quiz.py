"""The quiz (tools/quiz.py): on each question page that has items, and all of them on the quiz page.

- The build stops, listing every problem, when a ``.quiz.yml`` file is broken.
- A question page with items gets a last section, ``## Testa dig själv`` / ``## Test yourself``.
- ``docs/<language>/quiz.md`` holds ``<!-- quiz: items -->`` (every item of every question, with
  a filter per question and a shuffle button) and ``<!-- quiz: scores -->`` (the score per
  question, with a link back to each question answered wrong).

Each item is a plain HTML form: a fieldset whose legend is the prompt, radio buttons (one right
answer) or checkboxes (all that apply), a check button and a live region for the verdict. The
right answers, every option's explanation and a link to the heading that explains it are in a
closed ``<details>`` block, so the page works without JavaScript. quiz.js (loaded only by these
pages, with quiz.css) checks answers, shows the explanations of the options chosen and keeps the
reader's progress in the browser. The items join each page after the search plugin has read
it, so search finds the pages' own text, not the quiz's options.
"""

from __future__ import annotations

import functools
import html
import json
import re
import sys
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs adds only hooks/
from tools import quiz
from tools.pages import DOCS
from tools.questions import questions

ITEMS = "<!-- quiz: items -->"  # on the quiz page
SCORES = "<!-- quiz: scores -->"  # on the quiz page
SECTION = "<!-- quiz: section -->"  # what on_page_markdown leaves on a question page
ASSETS = ("assets/stylesheets/quiz.css", "assets/javascripts/quiz.js")

TEXT = {
    "sv": {
        "heading": "Testa dig själv",
        "intro": "Välj svar och kontrollera. Varje alternativ har en förklaring.",
        "single": "Välj ett svar.",
        "multiple": "Välj alla som stämmer.",
        "check": "Kontrollera",
        "answers": "Rätt svar och förklaringar",
        "right": "Rätt",
        "wrong": "Fel",
        "read": "Läs mer",
        "question": "Fråga",
        "score": "Rätt besvarade",
        "reset": "Börja om",
        "shuffle": "Blanda ordningen",
        "filter": "Vilka frågor vill du öva på?",
        "all": "Alla",
        "again": "Läs igen",
        # Said by quiz.js:
        "verdict-right": "Rätt!",
        "verdict-wrong": "Inte rätt.",
        "verdict-missed": "Det finns fler rätta alternativ.",
        "verdict-none": "Välj ett svar först.",
        "verdict-earlier": "Du har svarat rätt på den här tidigare.",
    },
    "en": {
        "heading": "Test yourself",
        "intro": "Choose and check. Every option comes with an explanation.",
        "single": "Choose one answer.",
        "multiple": "Choose all that apply.",
        "check": "Check",
        "answers": "Right answers and explanations",
        "right": "Right",
        "wrong": "Wrong",
        "read": "Read more",
        "question": "Question",
        "score": "Answered right",
        "reset": "Start over",
        "shuffle": "Shuffle the order",
        "filter": "Which questions do you want to practise?",
        "all": "All",
        "again": "Read again",
        "verdict-right": "Right!",
        "verdict-wrong": "Not right.",
        "verdict-missed": "More options are right.",
        "verdict-none": "Choose an answer first.",
        "verdict-earlier": "You answered this one right before.",
    },
}
SAID_BY_SCRIPT = ("right", "wrong", "verdict-right", "verdict-wrong", "verdict-missed")
SAID_BY_SCRIPT += ("verdict-none", "verdict-earlier")

_inline = markdown.Markdown(extensions=["attr_list"])
_pending: dict[str, dict[str, str]] = {}  # page -> placeholder -> its items, as HTML


@functools.cache  # an item shows on its question page and the quiz page, at every build
def inline(text: str) -> str:
    """Inline Markdown (code, emphasis, links) as HTML, without the paragraph around it."""
    rendered = _inline.reset().convert(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)


def _language(page: Page, config: MkDocsConfig) -> str:
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def _slug(page: Page, language: str) -> str:
    """The question a page answers (its stem), or "" for any other page."""
    path = page.file.src_uri.removeprefix(f"{language}/")
    match = re.fullmatch(r"questions/(q\d{2}-[a-z0-9-]+)\.md", path)
    return match[1] if match else ""


def _items(language: str) -> dict[str, list[quiz.Item]]:
    by_slug: dict[str, list[quiz.Item]] = {}
    for item in quiz.load(language, DOCS):
        by_slug.setdefault(item.slug, []).append(item)
    return by_slug


class _Links:
    """Links from the page being built to a heading of a question page, as relative URLs."""

    def __init__(self, page: Page, files: Files, language: str) -> None:
        self.page, self.files, self.language = page, files, language

    def url(self, slug: str, target: str) -> str:
        """``target`` as written in an item of ``slug`` ("#a", "q04-x.md#a" or "q04-x.md")."""
        name, _, anchor = target.partition("#")
        name = name or f"{slug}.md"
        src = f"{self.language}/questions/{name}"
        file = self.files.get_file_from_path(src) or self.files.get_file_from_path(
            f"questions/{name}"
        )
        if file is None:
            raise PluginError(f"hooks/quiz.py: no page {src} for a link in a quiz item")
        if file is self.page.file:
            return f"#{anchor}" if anchor else "#"
        url = file.url_relative_to(self.page.file)
        return f"{url}#{anchor}" if anchor else url

    def title(self, slug: str, target: str) -> str:
        name, _, anchor = target.partition("#")
        page = DOCS / self.language / "questions" / (name or f"{slug}.md")
        return quiz.headings(page).get(anchor, "")

    def rewrite(self, slug: str, rendered: str) -> str:
        """Links to question pages (``q04-x.md#a``) written in the Markdown of an item."""

        def resolve(match: re.Match[str]) -> str:
            return f'href="{html.escape(self.url(slug, match[1]))}"'

        return re.sub(r'href="((?:q\d{2}-[a-z0-9-]+\.md)?(?:#[^"]*)?)"', resolve, rendered)


def render_item(item: quiz.Item, links: _Links, language: str, *, tagged: bool) -> str:
    """One item as a form (see the module's docstring)."""
    t = TEXT[language]
    uid = f"kb-quiz-{item.slug}-{item.id}"
    kind = "checkbox" if item.multiple else "radio"
    tag = f'<span class="kb-quiz__tag">{t["question"]} {item.number}</span> ' if tagged else ""
    hint = t["multiple"] if item.multiple else t["single"]
    if hint.rstrip(".").lower() in item.prompt.lower():
        hint = ""  # the prompt says it already
    else:
        hint = f'<span class="kb-quiz__hint">{hint}</span>'
    options = []
    explained = []
    for position, option in enumerate(item.options):
        text = links.rewrite(item.slug, inline(option.text))
        options.append(
            f'<div class="kb-quiz__option">'
            f'<input type="{kind}" name="{uid}" id="{uid}-{position}" value="{position}">'
            f'<label for="{uid}-{position}">{text}</label></div>'
        )
        verdict = "right" if option.correct else "wrong"
        title = links.title(item.slug, option.see)
        read = f"{t['read']}: {html.escape(title)}" if title else t["read"]
        explained.append(
            f'<li class="kb-quiz__why kb-quiz__why--{verdict}" data-option="{position}">'
            f'<strong class="kb-quiz__verdict">{t[verdict]}:</strong> {text} &ndash; '
            f"{links.rewrite(item.slug, inline(option.why))} "
            f'<a href="{html.escape(links.url(item.slug, option.see))}">{read}</a></li>'
        )
    right = ",".join(str(position) for position in item.right)
    return (
        f'<form class="kb-quiz__item" id="{uid}" data-quiz-item="{item.key}" '
        f'data-quiz-question="{item.slug}" data-quiz-right="{right}" novalidate>'
        f'<fieldset><legend>{tag}<span class="kb-quiz__prompt">'
        f"{links.rewrite(item.slug, inline(item.prompt))}</span> "
        f"{hint}</legend>"
        f'<div class="kb-quiz__options">{"".join(options)}</div></fieldset>'
        f'<div class="kb-quiz__actions kb-quiz__js">'
        f'<button type="submit" class="md-button">{t["check"]}</button></div>'
        f'<div class="kb-quiz__result" aria-live="polite"></div>'
        f'<details class="kb-quiz__answer success"><summary>{t["answers"]}</summary>'
        f"<ul>{''.join(explained)}</ul></details></form>"
    )


def _container(language: str, body: str, extra_class: str = "") -> str:
    """The items' wrapper, holding what quiz.js says, in the page's language."""
    said = {key: TEXT[language][key] for key in SAID_BY_SCRIPT}
    labels = html.escape(json.dumps(said, ensure_ascii=False))
    classes = f"kb-quiz {extra_class}".strip()
    return f'<div class="{classes}" data-quiz-text="{labels}">{body}</div>'


def _score(slug: str, count: int, language: str, label: str) -> str:
    return (
        f'<span class="kb-quiz__score-label">{label}:</span> '
        f'<strong data-quiz-score="{slug}" data-quiz-total="{count}">0/{count}</strong>'
    )


def question_section(slug: str, items: list[quiz.Item], links: _Links, language: str) -> str:
    """The items of one question page, with its score and a button to start it over."""
    t = TEXT[language]
    forms = "".join(render_item(item, links, language, tagged=False) for item in items)
    progress = (
        f'<p class="kb-quiz__progress kb-quiz__js">'
        f"{_score(slug, len(items), language, t['score'])} "
        f'<button type="button" class="md-button" data-quiz-reset="{slug}">'
        f"{t['reset']}</button></p>"
    )
    return _container(language, f"<p>{t['intro']}</p>{forms}{progress}")


def quiz_items(by_slug: dict[str, list[quiz.Item]], links: _Links, language: str) -> str:
    """The quiz page's controls (filter per question, shuffle, start over) and every item."""
    t = TEXT[language]
    titles = {question.slug: question.title for question in questions(language, DOCS)}
    choices = "".join(
        f'<label class="kb-quiz__choice"><input type="checkbox" checked value="{slug}" '
        f'data-quiz-filter="{slug}"> {html.escape(titles.get(slug, slug))}</label>'
        for slug in by_slug
    )
    controls = (
        f'<div class="kb-quiz__controls kb-quiz__js">'
        f'<fieldset class="kb-quiz__filter"><legend>{t["filter"]}</legend>{choices}</fieldset>'
        f'<p><button type="button" class="md-button" data-quiz-shuffle>{t["shuffle"]}</button> '
        f'<button type="button" class="md-button" data-quiz-reset="all">{t["reset"]}</button>'
        f"</p></div>"
    )
    forms = "".join(
        render_item(item, links, language, tagged=True)
        for items in by_slug.values()
        for item in items
    )
    return _container(
        language, f'{controls}<div class="kb-quiz__list">{forms}</div>', "kb-quiz--all"
    )


def quiz_scores(by_slug: dict[str, list[quiz.Item]], links: _Links, language: str) -> str:
    """The score per question, each with a link to its page for the reader to read again."""
    t = TEXT[language]
    titles = {question.slug: question.title for question in questions(language, DOCS)}
    rows = []
    for slug, items in by_slug.items():
        title = html.escape(titles.get(slug, slug))
        page = html.escape(links.url(slug, ""))
        rows.append(
            f'<li data-quiz-row="{slug}">{title}: '
            f'<strong data-quiz-score="{slug}" data-quiz-total="{len(items)}">'
            f"0/{len(items)}</strong>"
            f'<span class="kb-quiz__again" hidden> &ndash; '
            f'<a href="{page}">{t["again"]}: {title}</a></span></li>'
        )
    return f'<ul class="kb-quiz__scores">{"".join(rows)}</ul>'


@event_priority(100)  # before the other hooks' work: broken data stops the build at once
def on_pre_build(config: MkDocsConfig) -> None:
    _pending.clear()
    found = quiz.problems(DOCS)
    if found:
        raise PluginError("Broken quiz items (docs/*/questions/*.quiz.yml):\n" + "\n".join(found))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _language(page, config)
    slug = _slug(page, language)
    if slug and slug in _items(language):
        return f"{markdown.rstrip()}\n\n## {TEXT[language]['heading']}\n\n{SECTION}\n"
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the items where the page has a placeholder; they go in at on_post_page."""
    language = _language(page, config)
    if SECTION not in html and ITEMS not in html and SCORES not in html:
        return html
    by_slug = _items(language)
    links = _Links(page, files, language)
    found = {}
    if SECTION in html:
        slug = _slug(page, language)
        found[SECTION] = question_section(slug, by_slug[slug], links, language)
    if ITEMS in html:
        found[ITEMS] = quiz_items(by_slug, links, language)
    if SCORES in html:
        found[SCORES] = quiz_scores(by_slug, links, language)
    _pending[page.file.src_uri] = found
    return html


# The controls that need JavaScript are shown as the parser reaches the items, not when
# quiz.js runs: shown later, they pushed the items down (layout shift 0.195 on the quiz page).
SHOW_CONTROLS = '<script>document.documentElement.classList.add("kb-quiz-js")</script>'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the items in, with quiz.css and quiz.js, on the pages that show items (only there).

    The items join the page after the search plugin has read it: its index keeps to the
    pages' own text (Material's data-search-exclude does not hold for form controls).
    """
    found = _pending.pop(page.file.src_uri, None)
    if not found:
        return output
    css, js = (get_relative_url(path, page.url) for path in ASSETS)
    # The style sheet just before the first items, not in the head: the page above them is
    # shown without waiting for it (a question page's items are at its end).
    first = min(found, key=output.find)
    found[first] = f'<link rel="stylesheet" href="{css}">{SHOW_CONTROLS}{found[first]}'
    for placeholder, rendered in found.items():
        output = output.replace(placeholder, rendered)
    return output.replace("</head>", f'<script src="{js}" defer></script></head>', 1)
