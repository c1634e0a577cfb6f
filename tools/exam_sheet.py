"""The exam sheet: every question with the course's wording and the short answer, to print.

docs/<language>/exam-sheet.md holds the line ``<!-- exam-sheet: questions -->``;
``hooks/practice.py`` replaces it with what ``questions_markdown`` returns. Each question is one
block (``<div class="exam-question">``), which the print styles keep on one sheet of paper.
"""

from __future__ import annotations

from collections.abc import Iterable

from tools import placeholders
from tools.published import rebase, url, without_comments
from tools.questions import Question

PLACEHOLDER = "<!-- exam-sheet: questions -->"
PAGE = "exam-sheet.md"
LABELS = {
    "sv": {"question": "Frågan", "answer": "Kort svar", "more": "Hela svaret"},
    "en": {"question": "The question", "answer": "Short answer", "more": "The whole answer"},
}


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.splitlines())


def block(question: Question, base: str) -> str:
    """One question as Markdown: title, the course's wording, the short answer, a link that
    carries the page's published address (``base``: the language's), printed on paper."""
    labels = LABELS[question.language]
    page = question.page.as_posix()
    wording = rebase(without_comments(question.wording), page, PAGE)
    answer = rebase(without_comments(question.short_answer), page, PAGE)
    return (
        f'<div class="exam-question" markdown>\n\n'
        f"## {question.title}\n\n"
        f'!!! question "{labels["question"]}"\n{_indented(wording)}\n\n'
        f'<p class="exam-label">{labels["answer"]}</p>\n\n'
        f"{answer}\n\n"
        f'<p class="exam-more" markdown>[{labels["more"]}]({page})'
        f'{{ data-address="{url(page, base)}" }}</p>\n\n'
        f"</div>\n"
    )


def questions_markdown(questions: Iterable[Question], base: str) -> str:
    """Every question's block, in order."""
    return "\n".join(block(question, base) for question in questions)


def fill(page_markdown: str, questions: Iterable[Question], base: str) -> str:
    """The exam-sheet page with its placeholder replaced by the questions."""
    return placeholders.fill(
        page_markdown, PLACEHOLDER, lambda: questions_markdown(questions, base)
    )
