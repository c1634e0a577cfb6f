"""The quiz as Moodle XML for teachers: a category per question, a multichoice per quiz item;
and a category of the questions themselves as essays, marked by hand: the grader sees what a full
answer covers, a mark per point, and the short answer. The essays are a category of their own so
that a quiz's random item from a question's category is always a quiz item.

Moodle (Question bank > Import > Moodle XML format) and most learning platforms read it. Each
option carries its explanation as feedback, with a link to the section of the published page
that explains it. Moodle shows that feedback only for the options a student ticked, so the
general feedback lists every option, marked right or wrong, with its explanation.

Scoring: a single-answer item gives 100 % for the right option and 0 for the others. In a
choose-all-that-apply item the right options share 100 % and the wrong ones share -100 %, so
ticking everything scores 0 (Moodle never goes below 0). Moodle accepts only some fractions;
with up to ten right and ten wrong options every share is one of them. A wrong try of a
single-answer item costs 1/(n - 1) of its mark with n options, the penalty that makes a blind
guess worth nothing on average in a test of one try; a choose-all item costs Moodle's default
third. Interactive mode gives one try more than the question has hints, so each item has as many
hints as leave its last try worth one penalty: n - 2 for a single answer, two for choose-all
(which clear the wrong choices and say how many are right).
"""

from __future__ import annotations

import base64
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from tools.published import explained_options, inline_html, resolve, to_html, url
from tools.questions import SHORT_ANSWER, Question
from tools.quiz import Item
from tools.quiz_html import TEXT, hint

# The grades Moodle offers for an answer (question_bank::fraction_options_full), as fractions.
ACCEPTED = (1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25)
ACCEPTED += (0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)
# The penalties Moodle's question form offers for a wrong try (add_interactive_settings).
PENALTIES = ("1", "0.5", "0.3333333", "0.25", "0.2", "0.1", "0")
NAME_LENGTH = 120  # what a question bank shows of a name
LABELS = {
    "sv": {
        # The parent category: one per language, or an import of both files would put the
        # questions whose titles read the same (07 Dropout) in one category, in two languages.
        "course": "Kunskapskontroll 2",
        "more": "Läs mer i svaret på fråga {number} på webbplatsen",
        "whole": "Läs hela svaret på fråga {number} på webbplatsen",
        "again": "Inte riktigt. Försök igen.",
        # Each category's description: what it holds, then the file's date (`dated`).
        "about": "Quizfrågor till fråga {number}. {page} finns på webbplatsen.",
        "dated": "Filen är från {date}; den senaste versionen finns på {latest}.",
        "page": "Frågan och hela svaret",
        "latest": "webbplatsens quizsida",
        "teachers": "quiz.md#for-larare",
        "course-about": "Frågor till kunskapskontrollen i deep learning, från {site}: en"
        " kategori med quizfrågor till varje fråga, och kursens egna frågor under ”{written}”.",
        "site": "webbplatsen",
        "written": "Skriftliga svar",
        "written-about": "Kursens frågor, besvarade skriftligt och rättade för hand: en poäng för"
        " varje punkt som ett fullgott svar tar upp (punkterna visas för den som rättar).",
        "marking": "En poäng för varje punkt som svaret tar upp.",
    },
    "en": {
        "course": "Knowledge check 2",
        "more": "Read more on the website, in the answer to question {number}",
        "whole": "Read the whole answer to question {number} on the website",
        "again": "Not quite. Try again.",
        "about": "Quiz items on question {number}. {page} are on the website.",
        "dated": "This file is from {date}; the latest version is on {latest}.",
        "page": "The question and its whole answer",
        "latest": "the website's quiz page",
        "teachers": "quiz.md#for-teachers",
        "course-about": "Questions for the deep-learning knowledge check, from {site}: a"
        " category of quiz items for each question, and the course's questions themselves under"
        " “{written}”.",
        "site": "the website",
        "written": "Written answers",
        "written-about": "The course's questions, answered in writing and marked by hand: a"
        " mark for each point a full answer covers (shown to the grader).",
        "marking": "One mark for each point the answer covers.",
    },
}
HOW_MANY = {text[key] for text in TEXT.values() for key in ("single", "multiple")}
QUESTION_PAGE = re.compile(r"questions/q(\d+)-")


def share(count: int) -> str:
    """One of ``count`` equal shares of 100 %, as Moodle writes a fraction: 50, 33.33333."""
    if not any(abs(1 / count - accepted) < 1e-6 for accepted in ACCEPTED):
        raise ValueError(f"Moodle has no grade of 1/{count}: split 100 % another way")
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def fractions(item: Item) -> list[str]:
    """Each option's grade in percent, in the options' order."""
    right = sum(option.correct for option in item.options)
    wrong = len(item.options) - right
    if not item.multiple:
        return ["100" if option.correct else "0" for option in item.options]
    return [share(right) if option.correct else f"-{share(wrong)}" for option in item.options]


def penalty(item: Item) -> str:
    """What a wrong try costs in interactive mode, as a share of the item's mark."""
    if item.multiple:
        return "0.3333333"
    found = f"{1 / (len(item.options) - 1):.7f}".rstrip("0").rstrip(".")
    if found not in PENALTIES:
        raise ValueError(f"Moodle has no penalty of {found}: {item.key} has too many options")
    return found


def tries(item: Item) -> int:
    """The tries interactive mode gives: with the penalty above, the last is worth one penalty."""
    return round(1 / float(penalty(item)))


def name(item: Item, position: int, prompt: str) -> str:
    """``05.2 `` and the prompt as plain text, without a how-many hint ("Choose all that apply.").
    A prompt too long for the question bank keeps its question, its last sentence (several
    prompts begin alike), and as much of its beginning as fits, cut between words, not in code."""
    prefix = f"{item.number:02d}.{position} "
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=\S)", _plain(prompt)) if s not in HOW_MANY]
    text, room = " ".join(sentences), NAME_LENGTH - len(prefix)
    if len(text) <= room:
        return prefix + text
    tail = sentences.pop()
    # "Why?" alone names nothing: the sentence before it too, if a beginning still fits.
    while sentences and len(tail) < 40 and len(sentences[-1]) + len(tail) + 1 <= room - 12:
        tail = f"{sentences.pop()} {tail}"
    if len(tail) > room - 12:
        return f"{prefix}{_cut(tail, room - 1)}…"
    return f"{prefix}{_cut(text, room - len(tail) - 2)}… {tail}"


def _cut(text: str, room: int) -> str:
    """At most `room` characters of `text`, ended between words if that keeps most of them, and
    before a word that opens a bracket or a quote left open ("Dense(1…" reads as broken code)."""
    kept = text[: room + 1].rsplit(" ", 1)[0]
    if len(kept) <= room // 2:
        return text[:room]
    closed = kept
    while _open(closed) and " " in closed:
        closed = closed.rsplit(" ", 1)[0]
    return (kept if _open(closed) or len(closed) < 10 else closed).rstrip(" ,.;:([")


def _open(text: str) -> bool:
    return (
        text.count("(") > text.count(")")
        or text.count("[") > text.count("]")
        or bool(text.count('"') % 2)
    )


def _anchor(address: str, label: str) -> str:
    """A link out of Moodle that opens in a tab of its own, so the quiz stays where it was."""
    return (
        f'<a href="{html.escape(address)}" target="_blank" rel="noopener">{html.escape(label)}</a>'
    )


def _link(address: str, label: str) -> str:
    return f"<p>{_anchor(address, label)}</p>"


def category_path(question: Question) -> str:
    """``top/Knowledge check 2/05 A Keras model``; Moodle reads "//" as a slash.

    No context (``$course$/``): Moodle 5 moves a course-context path into the course's shared
    system bank, whatever bank the teacher imports into. Without one, the categories are made
    in the bank chosen on the import page, under its top category (not under the category
    chosen there; question/format.php, create_category_path), in Moodle 4 and 5 alike.
    """
    return _path(question.language, _name(question))


def _name(question: Question) -> str:
    """``05 A Keras model``: the number, for the bank's order, and the short title."""
    title = re.sub(rf"^{question.number}\.\s*", "", question.title)
    return f"{question.number:02d} {title}"


def _path(language: str, name: str = "") -> str:
    """The course's category, or one of its own (``name``)."""
    parts = ["top", LABELS[language]["course"], *([name] if name else [])]
    return "/".join(part.replace("/", "//") for part in parts)


def _category(quiz: ET.Element, path: str, about: str, dated: str) -> None:
    """A category, described by what it holds and the file's date, which the bank shows."""
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", path)
    _text(category, "info", f"<p>{about} {dated}</p>", format="html")


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


IMAGE = re.compile(r'src="([^"]+)"')


def _with_images(element: ET.Element, base: str, folder: Path) -> None:
    """Each image of the site that `element`'s text shows, carried in the file as Moodle's own
    export does (`@@PLUGINFILE@@`), so that the course page fetches nothing from the site,
    which may move and need not learn who reads what."""
    text = element.find("text")
    assert text is not None
    assert text.text is not None
    carried: set[str] = set()

    def carry(match: re.Match[str]) -> str:
        if not match[1].startswith(base):
            return match[0]
        path = folder / match[1].removeprefix(base)
        if path.name not in carried:
            carried.add(path.name)
            file = ET.SubElement(element, "file", {"name": path.name, "path": "/"})
            file.set("encoding", "base64")
            file.text = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'src="@@PLUGINFILE@@/{path.name}"'

    text.text = IMAGE.sub(carry, text.text)


def _plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


def _essay(quiz: ET.Element, question: Question, base: str, folder: Path) -> None:
    """The question as the course asks it, answered in writing and marked by hand: the grader
    sees the short answer and the points, worth a mark each; the student, once the attempt is
    closed, the short answer and a link to the whole answer."""
    labels, page = LABELS[question.language], question.page.as_posix()
    answer = to_html(question.short_answer, page, base)
    short = f"<p><strong>{SHORT_ANSWER[question.language]}</strong></p>\n{answer}"
    whole = _link(url(page, base), labels["whole"].format(number=question.number))
    grader = f"<p>{labels['marking']}</p>\n{to_html(question.checklist(), page, base)}\n{short}"
    essay = ET.SubElement(quiz, "question", {"type": "essay"})
    _text(essay, "name", _name(question))
    wording = _text(essay, "questiontext", to_html(question.wording, page, base), format="html")
    feedback = _text(essay, "generalfeedback", f"{short}\n{whole}", format="html")
    ET.SubElement(essay, "defaultgrade").text = str(question.marks)
    ET.SubElement(essay, "penalty").text = "0"
    ET.SubElement(essay, "hidden").text = "0"
    ET.SubElement(essay, "idnumber").text = f"{question.language}:{question.slug}"
    ET.SubElement(essay, "responseformat").text = "editor"
    ET.SubElement(essay, "responserequired").text = "1"
    ET.SubElement(essay, "responsefieldlines").text = "15"
    ET.SubElement(essay, "attachments").text = "0"
    ET.SubElement(essay, "attachmentsrequired").text = "0"
    for element in (wording, feedback, _text(essay, "graderinfo", grader, format="html")):
        _with_images(element, base, folder)
    _text(essay, "responsetemplate", "", format="html")


def _item(quiz: ET.Element, item: Item, position: int, language: str, base: str) -> None:
    page = f"questions/{item.slug}.md"
    prompt = to_html(item.prompt, page, base)
    question = ET.SubElement(quiz, "question", {"type": "multichoice"})
    _text(question, "name", name(item, position, prompt))
    _text(question, "questiontext", prompt, format="html")
    whole = LABELS[language]["whole"].format(number=item.number)
    general = f"<ul>{explained_options(item, base)}</ul>\n{_link(url(page, base), whole)}"
    _text(question, "generalfeedback", general, format="html")
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = penalty(item)
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = f"{language}:{item.key}"
    ET.SubElement(question, "single").text = "false" if item.multiple else "true"
    ET.SubElement(question, "shuffleanswers").text = "1"
    ET.SubElement(question, "answernumbering").text = "abc"
    # Moodle's "Select one or more:", unless the prompt says so already (as on the site).
    ET.SubElement(question, "showstandardinstruction").text = "1" if hint(item, language) else "0"
    if item.multiple:
        ET.SubElement(question, "shownumcorrect")
    grades = fractions(item)
    for position in item.shown:
        option = item.options[position]
        text = inline_html(option.text, page, base)
        answer = _text(question, "answer", text, fraction=grades[position], format="html")
        # The option's explanation links to the answer that explains it (maybe another's).
        target = resolve(option.see, page)
        found = QUESTION_PAGE.match(target)
        label = LABELS[language]["more"].format(number=int(found[1]) if found else item.number)
        feedback = f"{to_html(option.why, page, base)}\n{_link(url(target, base), label)}"
        _text(answer, "feedback", feedback, format="html")
    for _ in range(tries(item) - 1):
        again = _text(question, "hint", LABELS[language]["again"], format="html")
        if item.multiple:
            ET.SubElement(again, "shownumcorrect")
            ET.SubElement(again, "clearwrong")


def quiz(
    language: str,
    items: Iterable[Item],
    questions: Mapping[int, Question],
    base: str,
    timestamp: float,
    folder: Path,
) -> bytes:
    """The Moodle XML file of a language's items; ``questions`` maps a number to its question.

    ``base`` is the language's address on the published site (``tools.published.base_url``).
    ``timestamp`` dates the file in each category's description, which the question bank
    shows: a teacher sees which file a bank came from, and whether the site has a newer one.
    ``folder`` is the language's docs folder (``docs/sv``), where the pictures it carries are.
    """
    root = ET.Element("quiz")
    by_number: dict[int, list[Item]] = {}
    for item in items:
        by_number.setdefault(item.number, []).append(item)
    date = datetime.fromtimestamp(timestamp, UTC).date().isoformat()
    labels = LABELS[language]
    latest = _anchor(url(labels["teachers"], base), labels["latest"])
    dated = labels["dated"].format(date=date, latest=latest)
    # The course's category first: made by this entry, it gets a description too.
    site = _anchor(base, labels["site"])
    about = labels["course-about"].format(site=site, written=labels["written"])
    _category(root, _path(language), about, dated)
    for number, group in sorted(by_number.items()):
        question = questions[number]
        page = _anchor(url(question.page.as_posix(), base), labels["page"])
        _category(
            root, category_path(question), labels["about"].format(number=number, page=page), dated
        )
        for position, item in enumerate(group, start=1):
            _item(root, item, position, language, base)
    _category(root, _path(language, labels["written"]), labels["written-about"], dated)
    for number in sorted(questions):
        _essay(root, questions[number], base, folder)
    ET.indent(root)
    return _serialized(root)


def _serialized(root: ET.Element) -> bytes:
    """The file, with each text that holds markup in CDATA, as Moodle's own export writes it.
    Escaped, Moodle's parser drops a space between a tag and a letter such as "ä": "<code>x
    </code> är" was stored as "<code>x</code>är" (an import into Moodle 4.5.6)."""
    raw: dict[bytes, str] = {}
    for number, element in enumerate(root.iter("text")):
        if element.text and any(sign in element.text for sign in "<>&"):
            token = f"\ue000{number}\ue000"  # a private-use character: in no text of ours
            raw[token.encode()] = element.text
            element.text = token
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    for token, text in raw.items():
        # "]]>" would end the section: split it across two, as Moodle does.
        cdata = "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
        xml = xml.replace(token, cdata.encode(), 1)
    return xml
