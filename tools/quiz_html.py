"""The quiz items as HTML, which hooks/quiz.py puts on the pages.

Each item is a form: a fieldset whose legend is the prompt, radio buttons (one right answer)
or checkboxes (all that apply), a check button and a live region for the verdict. The right
answers, every option's explanation and a link to the heading that explains it are in a closed
``<details>`` block, so the page works without JavaScript.
"""

from __future__ import annotations

import functools
import html
import json
import re
from string import ascii_lowercase

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import highlight, quiz
from tools.pages import DOCS
from tools.questions import questions

TEXT = {
    "sv": {
        "heading": "Testa dig själv",
        "intro-js": "Välj svar och klicka på Kontrollera.",  # with the button (kb-quiz__js)
        "intro": "Varje alternativ har en förklaring.",
        "single": "Välj ett svar.",
        "multiple": "Välj alla som stämmer.",
        "check": "Kontrollera",
        "answers": "Rätt svar och förklaringar",
        "right": "Rätt",
        "wrong": "Fel",
        "read": "Läs mer",
        "question": "Fråga",
        "score": "Antal rätt",
        "reset": "Börja om",
        "shuffle": "Blanda ordningen",
        "filter": "Vilka frågor vill du öva på?",
        "choose-all": "Välj alla",
        "choose-none": "Välj ingen",
        "open-only": "Visa bara quizfrågor jag inte har svarat rätt på",
        "again": "Läs på igen",
        # Where no item shows on the quiz page ({filter}, {open-only}: those controls' labels)
        "none-chosen": "Du har inte valt några frågor att öva på: välj dem under ”{filter}”.",
        "all-right": "Du har svarat rätt på allt i de frågor du har valt. Kryssa ur ”{open-only}” "
        "för att se dem igen, eller börja om.",
        # Said by quiz.js:
        "confirm-reset": "Vill du ta bort dina svar på de valda frågorna och börja om?",
        "verdict-right": "Rätt!",
        "verdict-wrong": "Fel svar.",
        "verdict-partly": "Delvis rätt.",
        "verdict-missed": "Du har inte valt alla rätta alternativ.",
        "verdict-none": "Välj ett svar först.",
        "verdict-earlier": "Du har svarat rätt på den här tidigare.",
        "verdict-earlier-wrong": "Du svarade fel på den här förra gången.",
    },
    "en": {
        "heading": "Test yourself",
        "intro-js": "Choose, then press Check.",
        "intro": "Every option comes with an explanation.",
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
        "filter": "Which questions do you want to practice?",
        "choose-all": "Select all",
        "choose-none": "Select none",
        "open-only": "Show only the items I have not answered right",
        "again": "Read again",
        "none-chosen": "You have chosen no questions to practice: choose them under “{filter}”.",
        "all-right": "You have answered every item of the questions you chose right. Untick "
        "“{open-only}” to see them again, or start over.",
        "confirm-reset": "Forget your answers to the chosen questions and start over?",
        "verdict-right": "Right!",
        "verdict-wrong": "Wrong answer.",
        "verdict-partly": "Partly right.",
        "verdict-missed": "More options are right.",
        "verdict-none": "Choose an answer first.",
        "verdict-earlier": "You answered this one right before.",
        "verdict-earlier-wrong": "You answered this one wrong last time.",
    },
}
SAID_BY_SCRIPT = (
    "right",
    "wrong",
    "confirm-reset",
    *(k for k in TEXT["en"] if k.startswith("verdict-")),
)

_inline = markdown.Markdown(extensions=["attr_list"])


@functools.cache  # an item shows on its question page and the quiz page, at every build
def inline(text: str) -> str:
    """Inline Markdown (code, emphasis, links) as HTML, without the paragraph around it."""
    rendered = _inline.reset().convert(text)
    # On a phone, code breaks after its punctuation rather than inside a name.
    return highlight.breakable_inline_code(
        re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)
    )


class Links:
    """Links from the page being built to a heading of a question page, as relative URLs."""

    def __init__(self, page: Page, files: Files, language: str) -> None:
        self.page, self.files, self.language = page, files, language

    def url(self, slug: str, target: str) -> str:
        """``target`` as written in an item of ``slug`` ("#a", "q04-x.md#a" or "q04-x.md")."""
        name, _, anchor = target.partition("#")
        name = name or f"{slug}.md"
        src = f"{self.language}/questions/{name}"
        get = self.files.get_file_from_path
        file = get(src) or get(f"questions/{name}")
        if file is None:
            raise PluginError(f"hooks/quiz.py: no page {src} for a link in a quiz item")
        url = "" if file is self.page.file else file.url_relative_to(self.page.file)
        return f"{url}#{anchor}" if anchor else url or "#"

    def title(self, slug: str, target: str) -> str:
        name, _, anchor = target.partition("#")
        page = DOCS / self.language / "questions" / (name or f"{slug}.md")
        return quiz.headings(page).get(anchor, "")

    def rewrite(self, slug: str, rendered: str) -> str:
        """Links to question pages (``q04-x.md#a``) written in the Markdown of an item."""

        def resolve(match: re.Match[str]) -> str:
            return f'href="{html.escape(self.url(slug, match[1]))}"'

        return re.sub(r'href="((?:q\d{2}-[a-z0-9-]+\.md)?(?:#[^"]*)?)"', resolve, rendered)


def hint(item: quiz.Item, language: str) -> str:
    """How many options to choose ("Välj alla som stämmer."), unless the prompt says it."""
    said = TEXT[language]["multiple" if item.multiple else "single"]
    return "" if said.rstrip(".").lower() in item.prompt.lower() else said


def render_item(
    item: quiz.Item, links: Links, language: str, *, place: tuple[int, int] | None = None
) -> str:
    """One item as a form (see the module's docstring). On the quiz page, where the items of
    every question follow each other, ``place`` (k, n) tags it "Question 1 · k/n", a link to it."""
    t = TEXT[language]
    uid = f"kb-quiz-{item.slug}-{item.id}"
    kind = "checkbox" if item.multiple else "radio"
    # The tag is the item's permalink, the address a teacher hands out (quiz.md, "For teachers").
    tag = (
        f'<a class="kb-quiz__tag" href="#{uid}">{t["question"]} {item.number} · '
        f"{place[0]}/{place[1]}</a> "
        if place
        else ""
    )
    how_many = hint(item, language)
    how_many = how_many and f'<span class="kb-quiz__hint">{how_many}</span>'
    options = []
    explained = []
    for shown, position in enumerate(item.shown):
        option = item.options[position]
        text = links.rewrite(item.slug, inline(option.text))
        # Lettered as shown, in the option and its explanation alike: a student answers "b" on
        # a printed sheet, a class talks about "option c", a key is read by letter. Text, not
        # an element: a span each was 516 more elements on the quiz page.
        letter = f"{ascii_lowercase[shown]}. "
        options.append(
            f'<div class="kb-quiz__option">'
            f'<input type="{kind}" name="{uid}" id="{uid}-{position}" value="{position}">'
            f'<label for="{uid}-{position}">{letter}{text}</label></div>'
        )
        verdict = "right" if option.correct else "wrong"
        title = links.title(item.slug, option.see)
        read = f"{t['read']}: {html.escape(title)}" if title else t["read"]
        explained.append(
            f'<li class="kb-quiz__why kb-quiz__why--{verdict}" data-option="{position}">'
            f'{letter}<strong class="kb-quiz__verdict">{t[verdict]}:</strong> {text} &ndash; '
            f"{links.rewrite(item.slug, inline(option.why))} "
            f'<a href="{html.escape(links.url(item.slug, option.see))}">{read}</a></li>'
        )
    right = ",".join(str(position) for position in item.right)
    return (
        f'<form class="kb-quiz__item" id="{uid}" data-quiz-item="{item.key}" '
        f'data-quiz-question="{item.slug}" data-quiz-right="{right}" novalidate>'
        f'<fieldset><legend>{tag}<span class="kb-quiz__prompt">'
        f"{links.rewrite(item.slug, inline(item.prompt))}</span> "
        f"{how_many}</legend>"
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


# A status (the scores) silent until the reader first touches or focuses the page: quiz.js
# restores the reader's scores at load, which a screen reader read out over the page.
MUTED = 'aria-live="off" data-quiz-muted'


def _score(slug: str, count: int) -> str:
    return f'<strong data-quiz-score="{slug}" data-quiz-total="{count}">0/{count}</strong>'


def _titles(language: str) -> dict[str, str]:
    return {question.slug: html.escape(question.title) for question in questions(language, DOCS)}


def question_section(slug: str, items: list[quiz.Item], links: Links, language: str) -> str:
    """The items of one question page, with its score and a button to start it over."""
    t = TEXT[language]
    forms = "".join(render_item(item, links, language) for item in items)
    # The score is a status, read whole ("Antal rätt: 0/6"), the button beside it left out:
    # a screen reader hears it change after the verdict, and after Start over, which said
    # nothing, clearing every answer. Not the score restored at load (MUTED).
    progress = (
        f'<p class="kb-quiz__progress kb-quiz__js"><span role="status" {MUTED}>'
        f'<span class="kb-quiz__score-label">{t["score"]}:</span> {_score(slug, len(items))}'
        f'</span> <button type="button" class="md-button" data-quiz-reset="{slug}">'
        f"{t['reset']}</button></p>"
    )
    # How to check an answer, only where the Check button is (not on paper, nor without
    # JavaScript, where each item's answers are in its "details" block).
    intro = f'<p><span class="kb-quiz__js">{t["intro-js"]} </span>{t["intro"]}</p>'
    return _container(language, f"{intro}{forms}{progress}")


def empty_quiz(why: str, language: str) -> str:
    """What the quiz page says when it shows no item, and why ("none-chosen", "all-right")."""
    t = TEXT[language]
    return t[why].format(filter=t["filter"], **{"open-only": t["open-only"]})


def _empty(language: str) -> str:
    return "".join(
        f'<p class="kb-quiz__empty" data-quiz-empty="{why}" hidden>{empty_quiz(why, language)}</p>'
        for why in ("none-chosen", "all-right")
    )


def quiz_items(by_slug: dict[str, list[quiz.Item]], links: Links, language: str) -> str:
    """The quiz page's controls (filter per question, shuffle, start over) and every item."""
    t = TEXT[language]
    titles = _titles(language)
    count = sum(len(items) for items in by_slug.values())
    choices = "".join(
        # autocomplete off: a browser that restores a control after the script ran would undo it
        f'<label class="kb-quiz__choice"><input type="checkbox" checked autocomplete="off" '
        f'value="{slug}" data-quiz-filter="{slug}"> {titles.get(slug, slug)}</label>'
        for slug in by_slug
    )
    controls = (
        f'<div class="kb-quiz__controls kb-quiz__js">'
        # Folded: 13 checkboxes took a phone's first screen and a half before the first item.
        f'<details class="kb-quiz__filters"><summary>{t["filter"]}</summary>'
        f'<p class="kb-quiz__choose">'
        f'<button type="button" class="md-button" data-quiz-choose="all">{t["choose-all"]}'
        f"</button> "
        f'<button type="button" class="md-button" data-quiz-choose="none">{t["choose-none"]}'
        f"</button></p>"
        f'<fieldset class="kb-quiz__filter" aria-label="{t["filter"]}">{choices}</fieldset>'
        f"</details>"
        f'<p><button type="button" class="md-button" data-quiz-shuffle>{t["shuffle"]}</button> '
        f'<button type="button" class="md-button" data-quiz-reset="chosen">{t["reset"]}</button>'
        f"</p>"
        # The score of the chosen questions at the top: the per-question scores are 70 items down.
        # A status: a screen reader hears it change, after the verdict, as the tally is seen.
        f'<p class="kb-quiz__tally" role="status" {MUTED}>{t["score"]}: '
        f"<strong data-quiz-tally>0/{count}</strong></p>"
        f'<label class="kb-quiz__choice"><input type="checkbox" autocomplete="off" data-quiz-open>'
        f" {t['open-only']}</label>"
        # Why no item shows, when none does (quiz.js): the list was empty without a word.
        f'<div role="status" {MUTED}>{_empty(language)}</div>'
        f"</div>"
    )
    forms = "".join(
        render_item(item, links, language, place=(number, len(items)))
        for items in by_slug.values()
        for number, item in enumerate(items, start=1)
    )
    return _container(
        language, f'{controls}<div class="kb-quiz__list">{forms}</div>', "kb-quiz--all"
    )


def quiz_scores(by_slug: dict[str, list[quiz.Item]], links: Links, language: str) -> str:
    """The score per question, each with a link to its page for the reader to read again."""
    titles = _titles(language)
    rows = [
        f'<li data-quiz-row="{slug}">{titles.get(slug, slug)}: {_score(slug, len(items))}'
        f'<span class="kb-quiz__again" hidden> &ndash; '
        # The row names the question already; a screen reader's list of links needs it too.
        f'<a href="{html.escape(links.url(slug, ""))}" '
        f'aria-label="{TEXT[language]["again"]}: {html.escape(titles.get(slug, slug))}">'
        f"{TEXT[language]['again']}</a></span></li>"
        for slug, items in by_slug.items()
    ]
    return f'<ul class="kb-quiz__scores">{"".join(rows)}</ul>'
