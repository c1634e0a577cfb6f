"""The exam sheet: every question with the course's wording and the short answer, to print.

docs/<language>/exam-sheet.md holds the line ``<!-- exam-sheet: questions -->``;
``hooks/practice.py`` replaces it with every question's ``block``, a ``<div class="exam-question">``
that the print styles keep on one sheet of paper.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from tools import placeholders
from tools.published import rebase, url, without_comments
from tools.questions import MARKS, Question

PLACEHOLDER = "<!-- exam-sheet: questions -->"
PAGE = "exam-sheet.md"
LABELS = {
    "sv": {"question": "Frågan", "answer": "Kort svar", "more": "Hela svaret"},
    "en": {"question": "The question", "answer": "Short answer", "more": "The whole answer"},
}


def block(question: Question, base: str) -> str:
    """One question as Markdown: its marks (shown on a mock exam only), title, the course's
    wording, then the answer part (left off paper for a mock exam): the short answer and a link
    that carries the page's published address (``base``: the language's), printed on paper. The
    title's name is left off a mock exam too, past its number: "Spara och ladda modeller"
    answers "Vad gör nedanstående kod?"."""
    labels = LABELS[question.language]
    number, _, name = question.title.partition(" ")
    # A mock exam shows what each question is worth, a mark per point a full answer covers
    # (print.css; site.js adds them up on the name line).
    marks = len(question.points)
    worth = MARKS[question.language]["marks"].replace("{count}", str(marks))
    page = question.page.as_posix()
    wording = rebase(without_comments(question.wording), page, PAGE)
    answer = rebase(without_comments(question.short_answer), page, PAGE)
    return (
        f'<div class="exam-question" markdown>\n\n'
        f'<p class="exam-marks" data-marks="{marks}" data-search-exclude>({worth})</p>\n\n'
        f'## {number} <span class="exam-title">{name}</span>\n\n'
        f'!!! question "{labels["question"]}"\n{textwrap.indent(wording, "    ")}\n\n'
        f'<div class="exam-answer" markdown>\n\n'
        f'<p class="exam-label">{labels["answer"]}</p>\n\n'
        f"{answer}\n\n"
        f'<p class="exam-more" markdown>[{labels["more"]}]({page})'
        f'{{ data-address="{url(page, base)}" }}</p>\n\n'
        f"</div>\n\n"
        f"</div>\n"
    )


def fill(page_markdown: str, questions: Iterable[Question], base: str) -> str:
    """The exam-sheet page with its placeholder replaced by the questions."""
    return placeholders.fill(
        page_markdown, PLACEHOLDER, lambda: "\n".join(block(q, base) for q in questions)
    )
