"""The questions, read from their pages: the one source of each question's data.

A question is the pair of pages ``docs/<language>/questions/qNN-slug.md``. Each page holds, in
its language, everything the site and the practice material need about the question:

- the number and slug, in the file name (``q03-parameters-hyperparameters``);
- a short title and a description, in the front matter;
- the question as the course asks it, in the ``!!! question`` box;
- the short answer, under the heading ``## Kort svar`` / ``## Short answer``;
- what a full answer covers, a list in a box under the short answer
  (``??? abstract "Det här ska ett fullgott svar ta upp"``): a point each that a student checks
  their own answer against, and a teacher marks by (the Moodle essay's grader information).

The home page, the self-test, the navigation, the notebooks and the practice exports are all
generated from what this module reads; no list of questions is kept anywhere else.
"""

from __future__ import annotations

import functools
import html
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from tools import markdown_reader
from tools.glossary import without_tooltips
from tools.pages import DOCS, LANGUAGES, ROOT
from tools.published import rebase

FILE_NAME = re.compile(r"^q(?P<number>\d{2})-(?P<topic>[a-z0-9-]+)\.md$")
SHORT_ANSWER = {"sv": "Kort svar", "en": "Short answer"}
POINTS = {"sv": "Det här ska ett fullgott svar ta upp", "en": "What a full answer covers"}
SELF_TEST = "self-test.md"  # the page a short answer's links are rewritten for
# A self-test question is headed by its number only, as on an exam: a title can give an answer
# away ("Transfer learning" over question 11, "Convolutional neural networks" just under
# question 9). The title comes with the answer, in the link to the whole answer.
QUESTION = {"sv": "Fråga", "en": "Question"}
ANSWER = {"sv": "Svar", "en": "Answer"}
READ_MORE = {"sv": "Läs hela svaret", "en": "Read the whole answer"}
# The self-test's bar and marks (site.js): the bar's words, the marks' names in the bar and the
# headings ("knew", "again"), the buttons' under each answer ("mark-"), the question Start over
# asks (of every question, or of those on the page), the box for the reader's own answer with its
# word count, the count of the points a full answer covers that the reader ticked as covered by
# theirs, the line that says which questions an address with "?questions=" leaves on the page,
# and, on paper only, each question's marks and the line that makes the page a marking key.
MARKS = {
    "sv": {
        "how": "Skriv ditt svar i rutan, öppna svaret, bocka för punkterna som du tog upp och "
        "markera om du kunde det eller behöver öva mer. Webbläsaren sparar allt till nästa gång.",
        "knew": "Kan",
        "again": "Öva mer",
        "of": "av",
        "hide-known": "Dölj frågorna jag kan",
        "all-hidden": "Du kan alla frågor på sidan. Börja om för att öva på dem igen.",
        "chosen": "Sidan visar bara fråga {numbers} (av {total}).",
        "chosen-one": "Sidan visar bara fråga {numbers} (av {total}).",
        "show-all": "Visa alla frågor",
        "marks": "{count} poäng",
        "key-all": "Rättningsmall för alla {total} frågor: en poäng per punkt som svaret tar upp, "
        "totalt {marks} poäng.",
        "key": "Rättningsmall för fråga {numbers}: en poäng per punkt som svaret tar upp, "
        "totalt {marks} poäng.",
        "key-one": "Rättningsmall för fråga {numbers}: en poäng per punkt som svaret tar upp, "
        "totalt {marks} poäng.",
        "reset": "Börja om",
        "mark-knew": "Jag kunde det",
        "mark-again": "Öva mer",
        "confirm-reset": "Vill du ta bort alla markeringar och svar och börja om?",
        "confirm-reset-page": "Vill du ta bort markeringarna och svaren på sidans frågor och "
        "börja om?",
        "your-answer": "Ditt svar på fråga {number} (sparas bara i den här webbläsaren)",
        "word": "{count} ord",
        "words": "{count} ord",
        "covered": "Ditt svar tar upp {count} av {total} punkter.",
    },
    "en": {
        "how": "Write your answer in the box, open the answer, tick the points you covered, and "
        "mark whether you knew it or need to practice more. Your browser keeps it all for next "
        "time.",
        "knew": "Known",
        "again": "Practice more",
        "of": "of",
        "hide-known": "Hide the questions I know",
        "all-hidden": "You know every question on this page. Start over to practice them again.",
        "chosen": "This page shows only questions {numbers} (of {total}).",
        "chosen-one": "This page shows only question {numbers} (of {total}).",
        "show-all": "Show every question",
        "marks": "{count} marks",
        "key-all": "Marking key for all {total} questions: a mark per point the answer covers, "
        "{marks} marks in all.",
        "key": "Marking key for questions {numbers}: a mark per point the answer covers, "
        "{marks} marks in all.",
        "key-one": "Marking key for question {numbers}: a mark per point the answer covers, "
        "{marks} marks in all.",
        "reset": "Start over",
        "mark-knew": "I knew it",
        "mark-again": "Practice more",
        "confirm-reset": "Forget every mark and answer and start over?",
        "confirm-reset-page": "Forget the marks and answers of the questions on this page and "
        "start over?",
        "your-answer": "Your answer to question {number} (kept in this browser only)",
        "word": "{count} word",
        "words": "{count} words",
        "covered": "Your answer covers {count} of {total} points.",
    },
}


class QuestionError(ValueError):
    """A question page that lacks something every question page must have."""


@dataclass(frozen=True)
class Question:
    language: str
    number: int
    slug: str  # the page's file name without .md: q03-parameters-hyperparameters
    title: str  # short title, from the front matter: "3. Parametrar och hyperparametrar"
    heading: str  # the page's H1
    description: str
    wording: str  # the question as the course asks it (Markdown; may hold a code block)
    short_answer: str  # Markdown, links relative to the page
    points: tuple[str, ...]  # what a full answer covers, one Markdown line each

    @property
    def marks(self) -> int:
        """What the question is worth when marked: a mark per point a full answer covers (the
        self-test's key, the mock exam, the Moodle essay)."""
        return len(self.points)

    @property
    def worth(self) -> str:
        """The marks in words, as the self-test's key and the mock exam print them: "5 marks"."""
        return MARKS[self.language]["marks"].replace("{count}", str(self.marks))

    def checklist(self, title_attributes: str = "", after_title: str = "") -> str:
        """What a full answer covers, under its title, as Markdown (links relative to the page);
        the title given attributes, ``{ .name }``, where a script finds the list by them, and
        followed by `after_title` before its colon."""
        items = "\n".join(f"- {point}" for point in self.points)
        attributes = f"\n{title_attributes}" if title_attributes else ""
        return f"**{POINTS[self.language]}{after_title}:**{attributes}\n\n{items}"

    @property
    def page(self) -> Path:
        """The page, relative to its language folder (as MkDocs and links see it)."""
        return Path("questions") / f"{self.slug}.md"

    @property
    def source(self) -> Path:
        """The page, relative to the repository root."""
        return Path("docs") / self.language / self.page


def read(path: Path, language: str) -> Question:
    """The question a page defines; raises QuestionError naming the file and what is missing."""
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    name = FILE_NAME.match(path.name)
    if not name:
        raise QuestionError(f"{where}: a question page is named qNN-topic.md")
    page = markdown_reader.read(path)
    box = next((a for a in page.admonitions if a.kind == "question"), None)
    box_lines = page.lines[box.line : box.end - 1] if box else []
    wording = "\n".join(line[4:] for line in box_lines).strip()
    title = SHORT_ANSWER[language]
    meta, heading, answer = page.meta, page.title, page.section(title)
    answer, points = _points(page, answer, language)
    # A heading without text under it is named with its line: the section is there, but empty.
    sections = {h.source[3:].strip(): h.line for h in page.headings if h.level == 2}
    short = f"a `## {title}` section" + _other_language_heading(sections, language)
    if title in sections:
        short = f"a short answer under `## {title}` (line {sections[title]})"
    missing = [
        what
        for what, value in [
            ("a front-matter `title`", meta.get("title")),
            ("a front-matter `description`", meta.get("description")),
            ("an H1 heading", heading),
            ('a question box (`!!! question "..."`)', wording),
            (short, answer),
            (
                f'a box `??? abstract "{POINTS[language]}"` under `## {title}` holding one list'
                " of points, a line of text each (no nested list, nothing after it)",
                # Without the section the box is not looked for: "missing" would mislead.
                points or title not in sections,
            ),
        ]
        if not value
    ]
    if missing:
        raise QuestionError(f"{where}: missing {', '.join(missing)}")
    # The number the reader sees is typed twice; the file name's is the one the site orders by.
    number = int(name["number"])
    for what, text in [("front-matter `title`", str(meta["title"])), ("H1", heading)]:
        if not re.match(rf"{number}\.\s", text):
            raise QuestionError(
                f"{where}: its {what} must start with {number}. (the file name's number), not: "
                f"{text[:40]!r}"
            )
    return Question(
        language=language,
        number=number,
        slug=path.stem,
        title=str(meta["title"]),
        heading=heading,
        description=str(meta["description"]),
        wording=wording,
        short_answer=answer,
        points=points,
    )


def _other_language_heading(sections: dict[str, int], language: str) -> str:
    """A hint when the page has the short answer's heading of another language."""
    for other, title in SHORT_ANSWER.items():
        if other != language and title in sections:
            return (
                f" (line {sections[title]} has `## {title}`, the heading of the docs/{other} "
                f"pages; here it is `## {SHORT_ANSWER[language]}`)"
            )
    return ""


def _points(
    page: markdown_reader.MarkdownPage, answer: str, language: str
) -> tuple[str, tuple[str, ...]]:
    """The short answer without its box of points, and the points: none unless the box is in
    the short answer, is titled as the other pages' are and holds one list, a paragraph per
    point and nothing else (a nested list or a note after it would be read into a point, and
    counted wrong as a mark in Moodle)."""
    opening = f'??? abstract "{POINTS[language]}"'
    for box in page.admonitions:
        text = "\n".join(page.lines[box.line - 1 : box.end - 1]).rstrip()
        if page.lines[box.line - 1].strip() == opening and text in answer:
            body = textwrap.dedent("\n".join(page.lines[box.line : box.end - 1])).strip()
            items = re.split(r"^- ", body, flags=re.MULTILINE)[1:]
            one_list = (("list", 0),) + (("list item", 1), ("paragraph", 2)) * len(items)
            points = tuple(" ".join(item.split()) for item in items)
            return answer.replace(text, "").strip(), points if _shape(body) == one_list else ()
    return answer, ()


@functools.cache  # a build reads every question page a dozen times; the text decides
def _shape(body: str) -> tuple[tuple[str, int], ...]:
    """The kind and depth of each block of a Markdown text."""
    return tuple((block.kind, block.depth) for block in markdown_reader.parse(body).structure)


def _paths(docs: Path, language: str) -> list[Path]:
    return sorted((docs / language / "questions").glob("*.md"))


def questions(language: str, docs: Path = DOCS) -> list[Question]:
    """Every question of a language, in order; raises QuestionError on a broken page."""
    found = [read(path, language) for path in _paths(docs, language)]
    if shared := _shared_numbers(found):
        raise QuestionError("; ".join(shared))
    return found


def _shared_numbers(found: list[Question]) -> list[str]:
    """A message for each number that more than one page has, naming the pages."""
    pages: dict[int, list[str]] = {}
    for question in found:
        pages.setdefault(question.number, []).append(question.source.as_posix())
    return [
        f"{' and '.join(names)} have the same number, {number}: give each question its own"
        for number, names in pages.items()
        if len(names) > 1
    ]


def problems(docs: Path = DOCS, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Everything wrong with the question pages, as messages naming the file."""
    found: list[str] = []
    for language in languages:
        readable = []
        for path in _paths(docs, language):
            try:
                readable.append(read(path, language))
            except QuestionError as error:
                found.append(str(error))
        found += _shared_numbers(readable)
    names = {language: {path.name for path in _paths(docs, language)} for language in languages}
    return found + [
        f"docs/{language}/questions/{name} is missing: "
        f"docs/{other}/questions/{name} has no twin in {language}"
        for language in languages
        for other in languages
        for name in sorted(names[other] - names[language])
    ]


def home_list(language: str, docs: Path = DOCS) -> str:
    """A numbered Markdown list linking every question, for a page at the language's root."""
    return "\n".join(
        f"{question.number}. [{question.heading.split('. ', 1)[-1]}]({question.page.as_posix()})"
        for question in questions(language, docs)
    )


def self_test(language: str, docs: Path = DOCS) -> str:
    """Every question as the course asks it, each short answer in a collapsed block, and a bar
    that counts the questions the reader marked as known or to practice more (site.js)."""
    found = questions(language, docs)
    words = MARKS[language]
    words_json = html.escape(json.dumps(words))  # the script's words, and the bar's
    # Not in the search index, nor on paper; shown only with JavaScript (kb-js, site.css).
    bar = (
        '<div class="kb-self-test__bar kb-screen-only" data-search-exclude '
        f'data-self-test-text="{words_json}">\n'
        f'<p class="kb-self-test__how">{words["how"]}</p>\n'
        f'<p aria-live="polite" aria-atomic="true">{words["knew"]}: '
        '<strong data-self-test-count="knew">0</strong> '
        f"{words['of']} <span data-self-test-total>{len(found)}</span> · {words['again']}: "
        '<strong data-self-test-count="again">0</strong></p>\n'
        '<label><input type="checkbox" data-self-test-hide-known autocomplete="off"> '
        f"{words['hide-known']}</label>\n"
        f'<button type="button" class="md-button" data-self-test-reset>{words["reset"]}</button>\n'
        f'<p class="kb-self-test__how" data-self-test-all-hidden hidden>{words["all-hidden"]}</p>\n'
        "</div>\n"
    )
    # On paper the page is a marking key, a mark per point (site.js retells it for the questions
    # an address chooses).
    marks = sum(question.marks for question in found)
    key = words["key-all"].replace("{total}", str(len(found))).replace("{marks}", str(marks))
    blocks = [bar, f'<p class="kb-self-test__key kb-print-only" data-search-exclude>{key}</p>\n']
    for question in found:
        page = question.page.as_posix()
        answer = rebase(question.short_answer, page, SELF_TEST)
        # site.js gives each point a box to tick, and counts them; it sums the chosen questions'
        # marks from data-mark-count, as on the exam sheet.
        printed = f'<span class="kb-print-only" data-search-exclude> ({question.worth})</span>'
        points = question.checklist("{ .kb-self-test__points }", printed)
        answer += f"\n\n{rebase(points, page, SELF_TEST)}"
        name = question.title.partition(" ")[2]
        answer += (
            f"\n\n[{READ_MORE[language]}: {name}]({page})\n{{ .kb-screen-only }}"  # not on paper
        )
        # The heading's id is its own ("fraga-11"): the title's ("11-transfer-learning", which
        # the contents put in the address bar) is the block's, where links published with it
        # still lead.
        titled = slugify(question.title, "-")
        blocks.append(
            f'<div class="kb-self-test" id="{titled}" data-question="{question.slug}" '
            f'data-mark-count="{question.marks}" markdown>\n\n'
            f"## {QUESTION[language]} {question.number}\n\n"
            f"{without_tooltips(question.wording)}\n\n"
            f'??? success "{ANSWER[language]}"\n{textwrap.indent(answer, "    ")}\n\n'
            "</div>\n"
        )
    return "\n".join(blocks)
