"""A question is defined once, by its two pages; everything else about it is generated or checked.

Adding a question touches only its own files: its pages, its snippet modules and their outputs
(and its quiz items and new glossary terms, if it has any).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools import markdown_reader, questions, versions
from tools.codeblocks import examples
from tools.copy_programs import not_runnable
from tools.figures import SHOWN
from tools.pages import DOCS, LANGUAGES, ROOT, SNIPPETS, all_pages, language_prefix
from tools.site import build, copy_project

INCLUDE = re.compile(r"""--8<--\s+["'](?:\./)?(snippets/[^"':]+)""")
MODULE = re.compile(r"snippets/q(\d{2})_\w+\.py$")
QUESTION_PAGE = re.compile(r"docs/\w+/questions/q(\d{2})-")


def test_every_question_page_has_its_box_short_answer_and_twin() -> None:
    assert not questions.problems(), "\n".join(questions.problems())
    numbers = {
        language: [q.number for q in questions.questions(language)] for language in LANGUAGES
    }
    assert numbers[LANGUAGES[0]], "no question pages found"
    assert all(found == numbers[LANGUAGES[0]] for found in numbers.values()), numbers


# What a student learns by heart (self-test, exam sheet, Anki): the page below it has the depth.
SHORT_ANSWER_WORDS = 150


def test_a_short_answer_is_short_enough_to_learn() -> None:
    long = [
        f"{q.source.as_posix()}: {words} words (at most {SHORT_ANSWER_WORDS})"
        for language in LANGUAGES
        for q in questions.questions(language)
        if (words := len(q.short_answer.split())) > SHORT_ANSWER_WORDS
    ]
    assert not long, "Short answers to shorten:\n" + "\n".join(long)


def _question_page(folder: Path, language: str, name: str, text: str) -> Path:
    page = folder / language / "questions" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return page


def test_the_self_test_keeps_the_links_of_a_short_answer_leading_to_their_places(
    tmp_path: Path,
) -> None:
    """A short answer is shown on the self-test, a page at the language's root: its links,
    a section of its own page (`#id`) among them, are rewritten to lead where they did."""
    answer = "See [how](#how), [dropout](../glossary.md#dropout) and [q5](q05-model.md)."
    text = '---\ntitle: "3. Topic"\ndescription: D.\n---\n\n# 3. Q?\n\n'
    text += f'!!! question "The question"\n    Q?\n\n## Short answer\n\n{answer}\n\n'
    text += f"{_points('en', '[Why](#why) it helps.')}\n"
    _question_page(tmp_path, "en", "q03-topic.md", text)
    shown = questions.self_test("en", tmp_path)
    assert (
        "See [how](questions/q03-topic.md#how), [dropout](glossary.md#dropout) and "
        "[q5](questions/q05-model.md)." in shown
    ), shown
    assert "- [Why](questions/q03-topic.md#why) it helps." in shown, shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_self_test_question_is_headed_by_its_number_and_named_with_its_answer(
    language: str,
) -> None:
    """As on an exam: "Transfer learning" over question 11 would be its answer. The heading
    has an id of its own ("question-11"), not the title's, which the contents would put in the
    address bar; the title's id is the question's block's, where published links still lead
    (tests/test_site.py checks them). The title is in the link to the whole answer."""
    shown = questions.self_test(language)
    for question in questions.questions(language):
        number, _, name = question.title.partition(" ")
        heading = rf"^## {questions.QUESTION[language]} {number.rstrip('.')}$"
        assert re.search(heading, shown, re.M), f"not headed by its number alone: {question.title}"
        assert f"[{questions.READ_MORE[language]}: {name}]({question.page.as_posix()})" in shown


def _points(language: str, *points: str) -> str:
    """A question page's box of what a full answer covers."""
    items = "".join(f"\n    - {point}" for point in points)
    return f'??? abstract "{questions.POINTS[language]}"{items}\n'


def _error(tmp_path: Path, language: str, name: str, text: str) -> str:
    """What reading a broken question page raises."""
    path = _question_page(tmp_path, language, name, text)
    with pytest.raises(questions.QuestionError) as error:
        questions.read(path, language)
    return str(error.value)


def test_the_points_a_full_answer_covers_are_read_apart_from_the_short_answer(
    tmp_path: Path,
) -> None:
    text = '---\ntitle: "3. Ämne"\ndescription: D.\n---\n\n# 3. Fråga?\n\n'
    text += '!!! question "Frågan"\n    Fråga?\n\n## Kort svar\n\nSvaret.\n\n'
    text += _points("sv", "En punkt som går\n      över två rader.", "`fit` lär sig vikterna.")
    text += "\n## Fördjupning\n\n" + _points("sv", "Inte här.")
    page = _question_page(tmp_path, "sv", "q03-topic.md", text)
    question = questions.read(page, "sv")
    assert question.short_answer == "Svaret."
    assert question.points == ("En punkt som går över två rader.", "`fit` lär sig vikterna.")


def test_a_page_without_box_or_short_answer_or_twin_is_named(tmp_path: Path) -> None:
    _question_page(tmp_path, "sv", "q01-topic.md", '---\ntitle: "1. Ämne"\n---\n\n# 1. Fråga?\n')
    _question_page(tmp_path, "en", "q01-topic.md", '---\ntitle: "1. Topic"\n---\n\n# 1. Q?\n')
    _question_page(tmp_path, "en", "q02-other.md", "# 2. Other\n")
    found = questions.problems(tmp_path)
    assert found[0].startswith(f"{tmp_path}/sv/questions/q01-topic.md: missing")
    assert "a front-matter `description`" in found[0]
    assert "a question box" in found[0]
    assert "a `## Kort svar` section" in found[0]
    assert "a `## Short answer` section" in found[1]
    assert "??? abstract" not in found[1], "a box named missing where no section holds it"
    assert found[-1] == (
        "docs/sv/questions/q02-other.md is missing: "
        "docs/en/questions/q02-other.md has no twin in sv"
    )


def test_an_empty_short_answer_is_named_with_its_line(tmp_path: Path) -> None:
    page = "---\ntitle: 1. Ämne\ndescription: D\n---\n\n# 1. Fråga?\n\n"
    page += '!!! question "Fråga"\n    Vad?\n\n## Kort svar\n\n## Fördjupning\n\nText.\n'
    message = _error(tmp_path, "sv", "q01-topic.md", page)
    assert "q01-topic.md: missing a short answer under `## Kort svar` (line 11)" in message


def test_a_short_answer_under_the_other_languages_heading_is_named_with_it(
    tmp_path: Path,
) -> None:
    page = '---\ntitle: "1. Topic"\ndescription: D\n---\n\n# 1. Q?\n\n'
    page += '!!! question "The question"\n    What?\n\n## Kort svar\n\nSvar.\n'
    message = _error(tmp_path, "en", "q01-topic.md", page)
    assert message.endswith(
        "missing a `## Short answer` section (line 11 has `## Kort svar`, the heading of the"
        " docs/sv pages; here it is `## Short answer`)"
    ), message


@pytest.mark.parametrize("where", ["title", "H1"])
def test_a_number_other_than_the_file_names_is_named(tmp_path: Path, where: str) -> None:
    """The site orders questions by the file name's number; a page that shows another misleads
    a reader who looks for "question 15"."""
    title, heading = ("15", "14") if where == "title" else ("14", "15")
    page = f'---\ntitle: "{title}. Topic"\ndescription: D\n---\n\n# {heading}. Q?\n\n'
    page += '!!! question "The question"\n    What?\n\n## Short answer\n\nAnswer.\n\n'
    page += _points("en", "A point.")
    message = _error(tmp_path, "en", "q14-topic.md", page)
    what = "front-matter `title`" if where == "title" else "H1"
    assert message.endswith(
        f"q14-topic.md: its {what} must start with 14. (the file name's number), not: '15. "
        + ("Topic'" if where == "title" else "Q?'")
    ), message


def test_a_box_of_points_titled_otherwise_or_not_one_plain_list_is_named(tmp_path: Path) -> None:
    page = "---\ntitle: 1. Ämne\ndescription: D\n---\n\n# 1. Fråga?\n\n"
    page += '!!! question "Fråga"\n    Vad?\n\n## Kort svar\n\nSvar.\n\n'
    for box in [
        '??? abstract "Poäng"\n    - En punkt.\n',
        '??? abstract "{}"\n    Text.\n',
        '??? abstract "{}"\n    - En punkt:\n        - inuti den\n    - En till.\n',
        '??? abstract "{}"\n    - En punkt.\n\n    En anmärkning efteråt.\n',
        '??? abstract "{}"\n    - En punkt.\n    -\n',
    ]:
        message = _error(tmp_path, "sv", "q01-topic.md", page + box.format(questions.POINTS["sv"]))
        assert message.endswith(
            'missing a box `??? abstract "Det här ska ett fullgott svar ta upp"` under `## Kort'
            " svar` holding one list of points, a line of text each (no nested list, nothing"
            " after it)"
        ), message


def test_pages_state_the_versions_the_tests_run(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-outputs"):
        versions.record()
    recorded, running = versions.recorded(), versions.running()
    hint = "run `make outputs` so the pages state what was checked"
    if recorded.get("Python") != running["Python"]:
        hint = (
            f"run the tests with Python {recorded.get('Python')}, which the pages state "
            "(the Makefile's PYTHON line picks it where it exists); to move the site to this "
            f"Python instead, {hint}"
        )
    assert recorded == running, (
        f"{versions.RECORD.relative_to(ROOT)} records {recorded}, the tests run {running}: {hint}"
    )


def test_pages_name_sklearn_matplotlib_and_pillow_and_their_install_where_code_needs_them() -> None:
    tested = versions.recorded()
    plain = versions.verified_with("en", "import keras\nimport numpy as np\n")
    assert "scikit-learn" not in plain
    assert "Matplotlib" not in plain
    assert "Pillow" not in plain
    assert "(`pip install tensorflow` installs what it needs)" in plain
    both = versions.verified_with(
        "sv", "import keras\n    from sklearn import datasets\nimport matplotlib\n"
    )
    assert f"scikit-learn {tested['scikit-learn']}, Matplotlib {tested['Matplotlib']}" in both
    assert "(`pip install tensorflow scikit-learn matplotlib` installerar det som behövs)" in both
    for code in ['image = keras.utils.load_img("ball.jpg")\n', "keras.utils.save_img(p, x)\n"]:
        assert "(`pip install tensorflow pillow` installs" in versions.verified_with("en", code)
    listed = versions.verified_with("en", "import numpy as np, sklearn.datasets\n")
    assert "(`pip install tensorflow scikit-learn` installs" in listed
    assert "scikit-learn" not in versions.verified_with("en", "# from sklearn import x\n")


# Releases the pages name as history (what changed there), not as the version they were tested
# with: the last multi-backend Keras 2, the first that only pointed to tf.keras, Keras 3's first
# release, TensorFlow 2's, the last with GPUs on native Windows, the first with Keras 3 as tf.keras.
HISTORY = {
    "Keras 2.3",
    "Keras 2.4",
    "Keras 3.0",
    "TensorFlow 2.0",
    "TensorFlow 2.10",
    "TensorFlow 2.16",
}
PACKAGE_NAMES = {"Keras": "Keras", "TensorFlow": "TensorFlow", "TF": "TensorFlow"}
# "Keras 3.15.1", "Keras version 3.15.1", "Keras v3.15.1", "tested with 3.15.1", and a claim
# relative to one: "fixed in Keras after 3.15.1".
VERSION_NAMED = re.compile(
    r"\b(Keras|TensorFlow|TF|(?i:tested\s+with|testat\s+med))"
    r"\s+(?:(?:after|before|since|until|efter|före|sedan|till)\s+)?(?:(?:version)\s+|v)?"
    r"([23]\.\d+(?:\.\d+)?)\b"
)


def test_a_version_named_in_the_text_is_the_one_the_tests_run_or_history() -> None:
    """A claim such as "in Keras 3.15.1 ..." was checked with that version: once the tests run
    another, every such claim is named, to be checked again and renumbered."""
    tested = versions.recorded()
    assert tested, f"{versions.RECORD.relative_to(ROOT)} is missing: run `make outputs`"
    texts = [*DOCS.rglob("*.md"), *DOCS.rglob("*.quiz.yml"), *SNIPPETS.glob("*.py")]
    assert texts, "no pages to read"
    stale = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for match in VERSION_NAMED.finditer(text):  # across line breaks too
            named = match[2]
            # "tested with 3.15.1": Keras is the package at 3.x, TensorFlow at 2.x.
            guessed = "Keras" if named.startswith("3.") else "TensorFlow"
            package = PACKAGE_NAMES.get(match[1], guessed)
            same = named.split(".") == tested[package].split(".")[: named.count(".") + 1]
            history = match[1] in PACKAGE_NAMES and f"{package} {named}" in HISTORY
            if not same and not history:  # "tested with 2.16" is a claim, not history
                where = f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
                said = " ".join(match[0].split())
                stale.append(f"{where}: {said!r}, the tests run {tested[package]}")
    assert not stale, (
        "versions named in the text that the tests do not run; check each claim with the "
        "version they run and renumber it, or add a release named as history to HISTORY:\n"
        + "\n".join(stale)
    )


# A number with two decimals in a question page's prose (an accuracy, a loss) is taken from what
# the question's code prints: one of its outputs prints it, or its code writes it (a setting such
# as a learning rate). When `make outputs` rewrites an output (a new Keras), a number the page
# still quotes from the old one is named. The two-decimal numbers that come from neither, by
# question (an entry that its question's pages stop quoting is named too):
NOT_OUTPUTS = {
    ("03", "31.25"): "1,000 / 32, the batches in an epoch (the quiz)",
    ("04", "7.10"): "a section of The Elements of Statistical Learning",
    ("05", "1.25"): "1 / (1 - 0.2): how much dropout at 0.2 scales up what it keeps",
    ("05", "7.12"): "a section of Goodfellow, Bengio and Courville's Deep Learning",
    ("07", "7.12"): "the same section",
    ("09", "0.10"): "chance among ten digits",
    ("11", "1.28"): "ImageNet-1k's 1.28 million training images",
    ("11", "116.78"): "ImageNet's mean green, which caffe-style preprocessing subtracts",
    ("11", "123.68"): "ImageNet's mean red",
    ("01", "15.3%"): "AlexNet's top-5 error in ILSVRC 2012 (Krizhevsky et al.)",
    ("01", "26.2%"): "the runner-up's top-5 error that year",
    ("09", "15%"): "AlexNet's top-5 error, rounded",
    ("09", "26%"): "the runner-up's, rounded",
    ("04", "60%"): "the exercise's split, a choice (0.6 in its code)",
    ("07", "80%"): "what dropout at 0.2 keeps on average",
    ("07", "30%"): "the rate the page's exercise asks for (0.3 in its code)",
}
TWO_DECIMALS = re.compile(r"(?<![\w.,])\d+[.,]\d\d(?!\w|[.,]\d)")  # Swedish: 0,47
PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)[ \u00a0\u202f]?%")  # Swedish: 0,5 %


def _printed_as_percent(number: str, printed: str) -> bool:
    """ "83%" is printed as 83% (or 83 %): a fraction (0.83) could be any loss that matches."""
    return re.search(rf"(?<![\d.]){re.escape(number)}[ \u00a0\u202f]?%", printed) is not None


@dataclass
class Quoted:
    """A two-decimal number or a percentage in the prose of a question's page or quiz file."""

    where: str  # file:line
    question: str  # "09"
    text: str  # as written: "0,47", "83 %"
    number: str  # "0.47", "83%"
    known: bool  # printed by one of the question's outputs or written in its code


def quoted_numbers(root: Path = ROOT) -> list[Quoted]:
    quoted = []
    for path in sorted((root / "docs").glob("*/questions/q[0-9][0-9]-*")):
        if not path.name.endswith((".md", ".quiz.yml")):
            continue
        q = path.name[1:3]
        sources = [*(root / "snippets" / "output").glob(f"q{q}_*.txt")]
        sources += (root / "snippets").glob(f"q{q}_*.py")
        printed = "\n".join(f.read_text("utf-8") for f in sources)
        known = set(re.findall(r"\d+\.\d+", printed))
        text = markdown_reader.prose(
            path.read_text(encoding="utf-8"), path.suffix == ".md", also=[VERSION_NAMED]
        )
        percents = list(PERCENT.finditer(text))
        in_percents = {m.start(1) for m in percents}  # "12.34%" once, as a percentage
        decimals = [m for m in TWO_DECIMALS.finditer(text) if m.start() not in in_percents]
        for match in [*decimals, *percents]:
            line = text.count("\n", 0, match.start()) + 1
            where = f"{path.relative_to(root).as_posix()}:{line}"
            if match.re is PERCENT:
                number = match[1].replace(",", ".")
                found = _printed_as_percent(number, printed)
                quoted.append(Quoted(where, q, match[0], f"{number}%", found))
            else:
                number = match[0].replace(",", ".")
                quoted.append(Quoted(where, q, match[0], number, number in known))
    return quoted


def stale_numbers(
    root: Path = ROOT, exceptions: dict[tuple[str, str], str] = NOT_OUTPUTS
) -> list[str]:
    """'file:line: number ...' for each two-decimal number in a question's pages and quiz files
    that its outputs do not print and its code does not write (nor `exceptions` lists)."""
    return [
        f"{quote.where}: {quote.text} is printed by none of q{quote.question}'s outputs "
        f"(snippets/output/q{quote.question}_*.txt) and is not in its code "
        f"(snippets/q{quote.question}_*.py)"
        for quote in quoted_numbers(root)
        if not quote.known and (quote.question, quote.number) not in exceptions
    ]


def unquoted_exceptions(
    root: Path = ROOT, exceptions: dict[tuple[str, str], str] = NOT_OUTPUTS
) -> list[str]:
    """`exceptions` that their question's pages no longer quote (or quote from code)."""
    needed = {(q.question, q.number) for q in quoted_numbers(root) if not q.known}
    return [
        f"q{q}: {number} ({what})"
        for (q, number), what in exceptions.items()
        if (q, number) not in needed
    ]


def test_every_number_a_page_quotes_from_an_output_is_what_it_prints_now() -> None:
    stale = stale_numbers()
    assert not stale, (
        "numbers on question pages that the question's code no longer prints; after `make "
        "outputs`, write what it prints now (`git diff snippets/output` shows the old and the "
        "new), or, for a number that is not an output, add it to NOT_OUTPUTS with what it is:\n"
        + "\n".join(stale)
    )


def test_every_number_listed_as_not_an_output_is_still_quoted_by_its_question() -> None:
    unneeded = unquoted_exceptions()
    assert not unneeded, (
        "NOT_OUTPUTS lists numbers that their question's pages no longer quote, or that its "
        "code now prints or writes; drop them:\n" + "\n".join(unneeded)
    )


CHANCE = {("09", "0.10"): "chance"}  # the tests' own exception, apart from the real list


def test_an_exception_no_page_needs_is_named(tmp_path: Path) -> None:
    page = _question_page(tmp_path / "docs", "en", "q09-nets.md", "Chance is 0.10.\n")
    assert unquoted_exceptions(tmp_path, CHANCE) == []
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "q09_nets.py").write_text("CHANCE = 0.10\n")  # now in its code
    assert unquoted_exceptions(tmp_path, CHANCE) == ["q09: 0.10 (chance)"]
    page.rename(page.with_name("q08-nets.md"))  # another question's page quotes it
    (tmp_path / "snippets" / "q09_nets.py").unlink()
    assert unquoted_exceptions(tmp_path, CHANCE) == ["q09: 0.10 (chance)"]


def test_a_number_a_page_quotes_from_an_output_that_changed_is_named(tmp_path: Path) -> None:
    # After an upgrade `make outputs` rewrote q09's accuracies, and the prose still said 0.47.
    (tmp_path / "snippets" / "output").mkdir(parents=True)
    (tmp_path / "snippets" / "q09_nets.py").write_text("model.fit(x, y, validation_split=0.25)\n")
    (tmp_path / "snippets" / "output" / "q09_nets.models.txt").write_text("dense 0.97 / 0.52\n")
    for language, falls in [("sv", "faller till 0,47 och 0,97"), ("en", "falls to 0.47 and 0.97")]:
        text = f"It {falls} (TensorFlow 2.21, `x = 0.33`).\n\n```python\nx = 0.66\n```\n"
        page = _question_page(tmp_path / "docs", language, "q09-nets.md", text)
        page.with_suffix(".quiz.yml").write_text(f"- prompt: Why {falls}?\n  why: 0.25\n")
        # 0.52 is q09's output, and 0.10 is q09's exception (chance), not q08's.
        (page.parent / "q08-other.md").write_text("Not q08's: 0.52, nor 0.10.\n")
    assert stale_numbers(tmp_path, CHANCE) == [
        f"docs/{language}/questions/{name}:1: {number} is printed by none of q{q}'s outputs "
        f"(snippets/output/q{q}_*.txt) and is not in its code (snippets/q{q}_*.py)"
        for language, falls in [("en", "0.47"), ("sv", "0,47")]
        for name, q, number in [
            ("q08-other.md", "08", "0.52"),
            ("q08-other.md", "08", "0.10"),
            ("q09-nets.md", "09", falls),
            ("q09-nets.quiz.yml", "09", falls),
        ]
    ]


def test_a_percentage_a_page_quotes_is_printed_as_one_not_as_a_fraction(tmp_path: Path) -> None:
    # q04's "67% to 83%" comes from its output; a rerun that printed another interval left it.
    (tmp_path / "snippets" / "output").mkdir(parents=True)
    printed = "test accuracy 0.71, 95% interval 67% to 83%\n"  # 0.71: no percentage
    (tmp_path / "snippets" / "output" / "q04_split.txt").write_text(printed)
    for language, text in [
        ("en", "Accuracy 83%, the 95% interval 67% to 83%, not 71%.\n"),
        ("sv", "Träffsäkerhet 83 %, 95 %-intervallet 67 % till 83 %, inte 71 %.\n"),
    ]:
        _question_page(tmp_path / "docs", language, "q04-split.md", text)
    assert stale_numbers(tmp_path, {}) == [
        f"docs/{language}/questions/q04-split.md:1: {number} is printed by none of q04's outputs "
        "(snippets/output/q04_*.txt) and is not in its code (snippets/q04_*.py)"
        for language, number in [("en", "71%"), ("sv", "71 %")]
    ]


def test_a_version_a_claim_is_relative_to_is_named_too() -> None:
    # "fixed in Keras after 3.15.1" (q12) stayed when the tests moved to another Keras.
    for sentence in ["This is fixed in Keras after 3.15.1", "Felet är rättat i Keras efter 3.15.1"]:
        assert [m.group(1, 2) for m in VERSION_NAMED.finditer(sentence)] == [("Keras", "3.15.1")]


def test_a_snippet_module_belongs_to_one_question() -> None:
    # One module, one question: only that question's two pages include it.
    strays = []
    for page in all_pages():
        number = QUESTION_PAGE.match(page.as_posix())
        for included in INCLUDE.findall((ROOT / page).read_text(encoding="utf-8")):
            module = MODULE.search(included)
            if module and (number is None or module[1] != number[1]):
                strays.append(f"{page}: includes {included}, a module of question {module[1]}")
    assert not strays, "\n".join(strays)


def _shown_outputs() -> set[str]:
    shown: set[str] = set()
    for page in all_pages():
        text = (ROOT / page).read_text(encoding="utf-8")
        shown |= {Path(path).name for path in INCLUDE.findall(text)}
        shown |= set(SHOWN.findall(text))
    return shown


def test_every_output_file_is_shown_by_a_page() -> None:
    recorded = {versions.RECORD.name}  # shown on every question page by hooks/questions.py
    orphans = sorted(
        f"snippets/output/{path.name}"
        for path in (SNIPPETS / "output").iterdir()
        if path.name not in _shown_outputs() | recorded
    )
    assert not orphans, "no page shows these outputs; delete them or show them:\n" + "\n".join(
        orphans
    )


def test_two_pages_with_one_number_are_named(tmp_path: Path) -> None:
    for language, title in [("sv", "Svar"), ("en", "Answer")]:
        short = questions.SHORT_ANSWER[language]
        for topic in ("first", "second"):
            text = (
                f'---\ntitle: "1. {topic}"\ndescription: {topic}\n---\n\n# 1. {topic}?\n\n'
                f'!!! question "?"\n    {topic}?\n\n## {short}\n\n{title}.\n\n'
                + _points(language, title)
            )
            _question_page(tmp_path, language, f"q01-{topic}.md", text)
    assert questions.problems(tmp_path) == [
        f"docs/{language}/questions/q01-first.md and docs/{language}/questions/q01-second.md "
        "have the same number, 1: give each question its own"
        for language in ("sv", "en")
    ]
    with pytest.raises(questions.QuestionError, match=r"q01-first\.md and .*q01-second\.md"):
        questions.questions("en", tmp_path)


def test_every_figure_a_page_shows_is_drawn_by_code_the_tests_run() -> None:
    # A page may show a figure that an earlier question's code draws (q07 shows q06's curves).
    # Code that is skipped (here, or where the condition holds) or fails on purpose draws none.
    code = "".join(
        block.code
        for page in all_pages()
        for ex in examples(page)
        if not ex.importorskip
        and not not_runnable(ex)
        and not any(mark.strip().startswith("pytest.mark.skip") for mark in ex.marks)
        for block in ex.blocks
    )
    undrawn = [
        f"{page}: shows {figure}, which no code block the tests run saves"
        for page in all_pages()
        for figure in SHOWN.findall((ROOT / page).read_text(encoding="utf-8"))
        if figure not in code
    ]
    assert not undrawn, "\n".join(undrawn)


# A new question, made of exactly the files a contributor adds, numbered after the last one
# (so that a real question 14 does not collide with it).
NUMBER = max(question.number for question in questions.questions(LANGUAGES[0])) + 1
SLUG = f"q{NUMBER:02d}-tokens"
MODULE_NAME = f"q{NUMBER:02d}_tokens"
NEW = {
    "sv": (
        "Tokenisering",
        "Vad är en token?",
        "Kort svar",
        "I kod",
        "En token är en bit text som en språkmodell räknar med.",
    ),
    "en": (
        "Tokenization",
        "What is a token?",
        "Short answer",
        "In code",
        "A token is a piece of text that a language model counts with.",
    ),
}
NEW_CODE = '# --8<-- [start:split]\nprint("en token".split())\n# --8<-- [end:split]\n'


def _add_a_question(project: Path) -> None:
    (project / "snippets" / f"{MODULE_NAME}.py").write_text(NEW_CODE, encoding="utf-8")
    output = project / "snippets" / "output" / f"{MODULE_NAME}.split.txt"
    output.write_text("['en', 'token']\n")
    for language, (title, wording, short, in_code, answer) in NEW.items():
        page = (
            f'---\ntitle: "{NUMBER}. {title}"\ndescription: {answer}\n---\n\n'
            f'# {NUMBER}. {wording}\n\n!!! question "?"\n    {wording}\n\n## {short}\n\n'
            f"{answer}\n\n{_points(language, answer)}\n## {in_code}\n\n"
            f'```python\n--8<-- "snippets/{MODULE_NAME}.py:split"\n```\n\n'
            "<!--pytest-codeblocks:expected-output-->\n```text\n"
            f'--8<-- "snippets/output/{MODULE_NAME}.split.txt"\n```\n'
        )
        _question_page(project / "docs", language, f"{SLUG}.md", page)


@pytest.fixture(scope="module")
def site_with_a_new_question(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    _add_a_question(project)
    result = build(project / "site", project)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return project / "site"


def _article(html: Path) -> str:
    """A built page's content, without the navigation (which lists every page anyway)."""
    return html.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_question_appears_everywhere_from_its_own_files(
    site_with_a_new_question: Path, language: str
) -> None:
    root = site_with_a_new_question / language_prefix(language)
    title, wording, *_ = NEW[language]
    home = _article(root / "index.html")
    assert f'href="questions/{SLUG}/"' in home, "not listed on the home page"
    self_test = _article(root / "self-test" / "index.html")
    assert f">{questions.QUESTION[language]} {NUMBER}<" in self_test, "not in the self-test"
    assert f": {title}</a>" in self_test, "not named in the self-test"
    assert wording in self_test, "its wording is not in the self-test"
    notebooks = _article(root / "notebooks" / "index.html")
    assert f'href="{SLUG}/"' in notebooks, "its notebook is not on the notebooks page"
    assert (root / "notebooks" / SLUG / "index.html").is_file(), "it has no notebook"
    page = (root / "questions" / SLUG / "index.html").read_text(encoding="utf-8")
    navigation = page.split('class="md-nav md-nav--primary"', 1)[-1]
    assert f"{NUMBER}. {title}" in navigation, "not in the navigation"
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith(f"questions/{SLUG}/") for doc in index["docs"])


def test_the_new_question_files_are_all_a_new_question_needs() -> None:
    # The files the test above adds are the ones docs/*/contributing.md tells a contributor to add.
    for language in LANGUAGES:
        guide = (DOCS / language / "contributing.md").read_text(encoding="utf-8")
        for path in ("qNN-", "snippets/qNN_", "snippets/output/"):
            assert path in guide, f"docs/{language}/contributing.md does not name {path}"
