"""The exam sheet: every question with the course's wording and the short answer, to print.

docs/<language>/exam-sheet.md holds the line ``<!-- exam-sheet: questions -->``;
``hooks/practice.py`` replaces it with a mock exam's line for the name, the date and the score
(``name_line``), then every question's ``block``, a ``<div class="exam-question">`` that the print
styles keep on one sheet of paper.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

from tools import placeholders
from tools.glossary import without_tooltips
from tools.published import rebase, url, without_comments
from tools.questions import Question

PLACEHOLDER = "<!-- exam-sheet: questions -->"
PAGE = "exam-sheet.md"
LABELS = {
    "sv": {
        "question": "Frågan",
        "answer": "Kort svar",
        "more": "Hela svaret",
        "name": "Namn: <span></span> Datum: <span></span> Poäng: <span></span>",
        "total": "av {marks}",
    },
    "en": {
        "question": "The question",
        "answer": "Short answer",
        "more": "The whole answer",
        "name": "Name: <span></span> Date: <span></span> Score: <span></span>",
        "total": "of {marks}",
    },
}


def block(question: Question, base: str) -> str:
    """One question as Markdown: title (and marks, shown on a mock exam only), the course's
    wording, then the answer part (left off paper for a mock exam): the short answer and a link
    that carries the page's published address (``base``: the language's), printed on paper. The
    title's name is left off a mock exam too, past its number: "Spara och ladda modeller"
    answers "Vad gör nedanstående kod?"."""
    labels = LABELS[question.language]
    number, _, name = question.title.partition(" ")
    # A mock exam shows what each question is worth, a mark per point a full answer covers, in
    # the heading (print.css writes it after the number; site.js adds the marks up).
    page = question.page.as_posix()
    wording = without_tooltips(rebase(without_comments(question.wording), page, PAGE))
    answer = rebase(without_comments(question.short_answer), page, PAGE)
    return (
        f'<div class="exam-question" style="--marks: {question.marks}" markdown>\n\n'
        f'## {number} <span class="exam-title">{name}</span> '
        f'{{ data-marks="({question.worth})" data-mark-count="{question.marks}" }}\n\n'
        f'!!! question "{labels["question"]}"\n{textwrap.indent(wording, "    ")}\n\n'
        f'<div class="exam-answer" markdown>\n\n'
        f'<p class="exam-label">{labels["answer"]}</p>\n\n'
        f"{answer}\n\n"
        f'<p class="exam-more" markdown>[{labels["more"]}]({page})'
        f'{{ data-address="{url(page, base)}" }}</p>\n\n'
        f"</div>\n\n"
        f"</div>\n"
    )


def name_line(questions: list[Question]) -> str:
    """A mock exam's line for the student's name, the date and the score out of every question's
    marks (shown on paper only; site.js counts the marks of the questions chosen)."""
    labels = LABELS[questions[0].language]
    marks = sum(question.marks for question in questions)
    total = html.escape(labels["total"])
    return (
        f'<p class="exam-name" data-search-exclude>{labels["name"]}'
        f'<span class="exam-total" data-exam-total="{total}">'
        f"{labels['total'].replace('{marks}', str(marks))}</span></p>\n"
    )


def fill(page_markdown: str, questions: Iterable[Question], base: str) -> str:
    """The exam-sheet page with its placeholder replaced by the name line and the questions."""
    found = list(questions)
    return placeholders.fill(
        page_markdown,
        PLACEHOLDER,
        lambda: "\n".join([name_line(found), *(block(q, base) for q in found)]),
    )
