"""Practice material to take away: an Anki deck, a Moodle quiz and a printable exam sheet.

The first tests check the small modules on tiny made-up questions (fast, no site). The rest
open what `mkdocs build --strict` wrote (the `site` fixture) in both languages, and print the
exam sheet in Chromium.

Decks are opened as a reader's Anki opens them: imported by Anki's own code (`anki.collection`)
into an empty collection, whose cards Anki then renders. The name `anki` in this file is
tools.anki, which writes the decks.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import re
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest, ImportLogWithChanges
from playwright.sync_api import Browser, Page, expect

from hooks import practice
from tools import anki, exam_sheet, moodle, published, quiz
from tools.glossary import entries
from tools.pages import LANGUAGES, ROOT, language_prefix, site_url
from tools.published import base_url, rebase, resolve, to_html, url
from tools.questions import MARKS, Question, questions

SITE_URL = site_url()
BASE = "https://example.org/kb/en/"


def question(number: int, slug: str, wording: str, answer: str, language: str = "en") -> Question:
    return Question(
        language=language,
        number=number,
        slug=slug,
        title=f"{number}. Title {number}",
        heading=f"{number}. Heading",
        description="A description.",
        wording=wording,
        short_answer=answer,
        points=(f"Question {number} is [explained](#why).", "Its second point."),
    )


QUESTIONS = [
    question(
        1,
        "q01-first",
        'Explain this:\n\n<!--pytest.mark.skip(reason="x")-->\n```python\nprint(1 < 2)\n```',
        "See [the glossary](../glossary.md#adam) and ![a figure](../diagrams/q01.svg).",
    ),
    question(2, "q02-second", "What is *two*?", "Two, as in [question 1](q01-first.md#why)."),
]
GLOSSARY = """\
# Glossary

Adam { #adam }
:   An optimizer.
    It adapts each step; see [question 2](questions/q02-second.md).

Batch (*sats*) { #batch }
:   A group of examples.
"""
TERMS = [("Adam", "adam", "An optimizer."), ("Batch (*sats*)", "batch", "A group...")]


def item(multiple: bool, right: list[bool], number: int = 1) -> quiz.Item:
    options = tuple(
        quiz.Option(text=f"Option {n}", correct=ok, why=f"Because {n}.", see="#why")
        for n, ok in enumerate(right)
    )
    return quiz.Item(
        id=f"item-{len(right)}",
        number=number,
        slug=f"q{number:02d}-first",
        multiple=multiple,
        prompt="Which *one*?",
        options=options,
    )


# What Anki renders instead of a card whose template is broken: a message with a link to this
# page of its manual. (A note whose front would be empty gets no card at all.)
TEMPLATE_ERROR = "docs.ankiweb.net/templates/errors"


@contextmanager
def anki_app() -> Iterator[Collection]:
    """An empty Anki collection, as a new reader's Anki has."""
    with tempfile.TemporaryDirectory() as folder:
        collection = Collection(str(Path(folder) / "collection.anki2"))
        try:
            yield collection
        finally:
            collection.close()


def import_deck(collection: Collection, apkg: bytes) -> ImportLogWithChanges.Log:
    """Imports a package as File > Import does; returns Anki's log of what it did."""
    package = Path(collection.path).with_name("import.apkg")
    package.write_bytes(apkg)
    return collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(package))).log


def notes(apkg: bytes) -> list[tuple[str, list[str]]]:
    """(guid, fields) of every note that Anki imports from a package."""
    with anki_app() as collection:
        import_deck(collection, apkg)
        found = map(collection.get_note, collection.find_notes(""))
        return [(note.guid, list(note.fields)) for note in found]


def tiny_deck(folder: Path, wording: str = "", timestamp: float = 1.7e9) -> bytes:
    found = QUESTIONS if not wording else [QUESTIONS[0], question(2, "q02-second", wording, "x")]
    terms = anki.terms(GLOSSARY, TERMS)
    items = [item(False, [True, False, False]), item(True, [True, False, True], number=2)]
    return anki.deck("en", "Tiny", found, terms, items, BASE, folder, timestamp=timestamp)


# The small modules, on tiny data.


def test_links_lead_to_the_published_pages() -> None:
    assert base_url("https://example.org/kb/", "sv") == "https://example.org/kb/"
    assert base_url("https://example.org/kb", "en") == "https://example.org/kb/en/"
    assert resolve("../glossary.md#adam", "questions/q01.md") == "glossary.md#adam"
    assert resolve("#why", "questions/q01.md") == "questions/q01.md#why"
    assert published.url("questions/q01.md#why", BASE) == f"{BASE}questions/q01/#why"
    assert published.url("index.md", BASE) == BASE
    assert published.url("diagrams/q01.svg", BASE) == f"{BASE}diagrams/q01.svg"
    html = to_html(QUESTIONS[0].short_answer, "questions/q01-first.md", BASE)
    assert f'href="{BASE}glossary/#adam"' in html
    assert f'src="{BASE}diagrams/q01.svg"' in html
    assert 'href="https://keras.io/"' in to_html("[K](https://keras.io/)", "index.md", BASE)


def test_html_drops_the_test_markers_and_escapes_code() -> None:
    html = to_html(QUESTIONS[0].wording, "questions/q01-first.md", BASE)
    assert "<!--" not in html
    assert "print(1 &lt; 2)" in html


def test_anki_deck_has_a_note_per_question_term_and_quiz_item(tmp_path: Path) -> None:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "q01.svg").write_text("<svg/>", encoding="utf-8")
    found = dict(notes(tiny_deck(tmp_path)))
    assert len(found) == len(QUESTIONS) + len(TERMS) + 2
    first = found[anki.note_guid("en", "question", "q01-first")]
    number, title, wording, answer, link = first
    assert (number, title) == ("01", "1. Title 1")
    assert "print(1 &lt; 2)" in wording
    assert f'<a href="{BASE}glossary/#adam">' in answer
    assert 'src="deep-learning-en-diagrams-q01.svg"' in answer  # packed: works offline
    assert "<li>Its second point.</li>" in answer  # what a full answer covers, below it
    assert link == f"{BASE}questions/q01-first/"
    term, definition, term_link = found[anki.note_guid("en", "term", "adam")]
    assert term == "Adam"
    assert "It adapts each step" in definition  # the whole entry, not only its first line
    assert f'href="{BASE}questions/q02-second/"' in definition
    assert term_link == f"{BASE}glossary/#adam"
    with anki_app() as collection:
        import_deck(collection, tiny_deck(tmp_path))
        packed = Path(collection.media.dir()) / "deep-learning-en-diagrams-q01.svg"
        assert packed.read_text(encoding="utf-8") == "<svg/>"
        assert not collection.media.check().missing


def test_anki_deck_packs_a_diagram_s_phone_drawing_where_it_has_one(tmp_path: Path) -> None:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "q01.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "diagrams" / "q01.phone.svg").write_text("<svg>phone</svg>", encoding="utf-8")
    found = dict(notes(tiny_deck(tmp_path)))
    answer = found[anki.note_guid("en", "question", "q01-first")][3]
    assert 'src="deep-learning-en-diagrams-q01.phone.svg"' in answer
    with anki_app() as collection:
        import_deck(collection, tiny_deck(tmp_path))
        packed = Path(collection.media.dir()) / "deep-learning-en-diagrams-q01.phone.svg"
        assert packed.read_text(encoding="utf-8") == "<svg>phone</svg>"
        assert not collection.media.check().missing


def test_anki_cards_of_each_kind_are_in_a_subdeck_of_their_own(tmp_path: Path) -> None:
    with anki_app() as collection:
        import_deck(collection, tiny_deck(tmp_path))
        cards = map(collection.get_card, collection.find_cards(""))
        deck_of = {card.note().guid: collection.decks.name(card.did) for card in cards}
        names = {deck.name for deck in collection.decks.all_names_and_ids()}
    assert deck_of[anki.note_guid("en", "question", "q01-first")] == "Tiny::Questions"
    assert deck_of[anki.note_guid("en", "term", "adam")] == "Tiny::Glossary"
    assert set(deck_of.values()) == {"Tiny::Questions", "Tiny::Glossary", "Tiny::Quiz"}
    assert "Tiny" in names


def test_an_anki_quiz_card_shows_the_options_as_the_site_does_and_explains_each() -> None:
    choose_all = item(True, [True, False, True], number=2)
    prompt, options, answer, link = anki.item_fields(choose_all, "en", BASE)
    assert prompt == "Which <em>one</em>? <em>Choose all that apply.</em>"
    shown = [f"Option {n}" for n in choose_all.shown]
    assert re.findall(r"<li>(.*?)</li>", options) == shown
    assert re.findall(r'<li class="(right|wrong)">[✓✗] (Option \d)', answer) == [
        ("right" if choose_all.options[n].correct else "wrong", f"Option {n}")
        for n in choose_all.shown
    ]
    assert "Because 1." in answer
    assert link == f"{BASE}questions/q02-first/#why"


def test_a_newer_deck_updates_the_cards_a_reader_has_instead_of_adding_copies(
    tmp_path: Path,
) -> None:
    with anki_app() as collection:
        first = import_deck(collection, tiny_deck(tmp_path))
        cards = sorted(collection.find_cards(""))
        collection.decks.select(collection.decks.id_for_name("Tiny"))
        studied = collection.sched.getCard()
        collection.sched.answerCard(studied, 3)  # the reader studies a card: "Good"
        newer = import_deck(collection, tiny_deck(tmp_path, "Reworded?", timestamp=1.8e9))
        assert len(first.new) == len(cards) == collection.note_count()
        assert (len(newer.new), len(newer.updated)) == (0, len(cards))
        assert sorted(collection.find_cards("")) == cards
        assert collection.find_cards('"Reworded?"')
        assert len(collection.card_stats_data(studied.id).revlog) == 1  # the review is kept
    assert anki.stable_id("a", "b") == anki.stable_id("a", "b") != anki.stable_id("a", "c")
    assert 2**30 <= anki.stable_id("a", "b") < 2**31
    assert anki.note_guid("sv", "term", "adam") != anki.note_guid("en", "term", "adam")


def test_moodle_fractions_score_a_tick_on_everything_zero() -> None:
    assert moodle.fractions(item(False, [False, True, False])) == ["0", "100", "0"]
    assert moodle.fractions(item(True, [True, True, False, False])) == ["50", "50", "-50", "-50"]
    three = moodle.fractions(item(True, [True, True, True, False]))
    assert three == ["33.33333", "33.33333", "33.33333", "-100"]
    for right in ([True, False] * 3, [True] * 6 + [False] * 7, [True, False, False, False]):
        total = sum(float(f) for f in moodle.fractions(item(True, right)))
        assert total == pytest.approx(0, abs=1e-4)
    with pytest.raises(ValueError, match="1/11"):
        moodle.fractions(item(True, [True] * 11 + [False]))


def tiny_moodle(items: list[quiz.Item], folder: Path, timestamp: float = 0) -> bytes:
    """The Moodle file of `items` and QUESTIONS, whose first answer shows diagrams/q01.svg."""
    (folder / "diagrams").mkdir(exist_ok=True)
    (folder / "diagrams" / "q01.svg").write_text("<svg/>", encoding="utf-8")
    return moodle.quiz("en", items, {q.number: q for q in QUESTIONS}, BASE, timestamp, folder)


def test_moodle_adds_no_instruction_that_the_prompt_already_gives(tmp_path: Path) -> None:
    said = dataclasses.replace(item(True, [True, False]), prompt="Which? Choose all that apply.")
    root = ET.fromstring(tiny_moodle([said], tmp_path))
    assert root.findtext("question[@type='multichoice']/showstandardinstruction") == "0"


def test_moodle_gets_its_html_as_cdata_which_keeps_a_space_before_a_letter_like_a_ring(
    tmp_path: Path,
) -> None:
    """Escaped, "<code>x</code> är" was stored by Moodle (4.5.6) as "<code>x</code>är"; its own
    export writes CDATA, which keeps the space. A "]]>" in a text is split across two sections."""
    said = dataclasses.replace(item(False, [True, False]), prompt="`keras` är ett API.")
    xml = tiny_moodle([said], tmp_path).decode()
    assert not re.search(r"&lt;/?[a-z]", xml), "a tag escaped instead of in CDATA"
    assert "<![CDATA[<p><code>keras</code> är ett API.</p>]]>" in xml
    root = ET.Element("quiz")
    ET.SubElement(root, "text").text = "<p>a[b[0]]></p>"
    assert ET.fromstring(moodle._serialized(root)).findtext("text") == "<p>a[b[0]]></p>"


def test_moodle_xml_has_each_item_with_feedback_on_each_option(tmp_path: Path) -> None:
    items = [item(False, [False, True]), item(True, [True, True, False], number=2)]
    root = ET.fromstring(tiny_moodle(items, tmp_path, 1767225600))
    categories = root.findall("question[@type='category']")
    paths = [category.findtext("category/text") for category in categories]
    expected = [f"top/Knowledge check 2/0{n} Title {n}" for n in (1, 2)]
    course, *categories = categories  # first the course's, to describe it too
    assert paths == ["top/Knowledge check 2", *expected, "top/Knowledge check 2/Written answers"]
    about_course = course.findtext("info/text") or ""
    assert f'<a href="{BASE}" target="_blank"' in about_course
    assert "2026-01-01" in about_course
    # The bank shows a category's description: where its items come from, and the file's date.
    for number, category in zip((1, 2), categories[:-1], strict=True):
        about = category.find("info")
        assert about is not None, f"category {number}: no description"
        assert about.get("format") == "html"
        page = f'href="{BASE}questions/q0{number}-'
        text = about.findtext("text") or ""
        assert page in text, f"category {number}: no link to its page"
        assert f'href="{BASE}quiz/#for-teachers"' in text, f"category {number}: no latest"
        assert text.count('target="_blank"') == 2, "a link that leaves Moodle's page"
        assert "2026-01-01" in text, f"category {number}: no date"
    # Last, in a category of their own (a quiz's random item from a question's category is a
    # quiz item), the questions themselves, answered in writing and marked by hand, a mark per
    # point a full answer covers; the grader sees the points and the short answer.
    assert [q.get("type") for q in root.iter("question")] == [
        "category",
        "category", "multichoice",
        "category", "multichoice",
        "category", "essay", "essay",
    ]  # fmt: skip
    written = categories[-1].findtext("info/text") or ""
    assert "2026-01-01" in written
    assert "a mark for each point" in written
    for number, essay in enumerate(root.findall("question[@type='essay']"), start=1):
        assert essay.findtext("name/text") == f"0{number} Title {number}"
        assert essay.findtext("idnumber") == f"en:{QUESTIONS[number - 1].slug}"
        assert essay.findtext("defaultgrade") == "2"
        assert essay.findtext("responseformat") == "editor"
        grader = essay.findtext("graderinfo/text") or ""
        assert "One mark for each point" in grader
        assert f'<li>Question {number} is <a href="{BASE}questions/q0{number}-' in grader
        assert "/#why" in grader
        assert "<li>Its second point.</li>" in grader
        assert "<strong>Short answer</strong>" in grader
        general = essay.findtext("generalfeedback/text") or ""
        assert "Its second point" not in general, "the marking key shown to students"
        assert f'href="{BASE}questions/q0{number}-' in general
        assert 'target="_blank"' in general
    assert "print(1 &lt; 2)" in (root.findtext("question[@type='essay']/questiontext/text") or "")
    multichoice = root.findall("question[@type='multichoice']")
    assert [q.findtext("single") for q in multichoice] == ["true", "false"]
    assert multichoice[0].findtext("questiontext/text") == "<p>Which <em>one</em>?</p>"
    # A wrong try costs what a guess gains: all of it with two options; a third on choose-all.
    assert [q.findtext("penalty") for q in multichoice] == ["1", "0.3333333"]
    # Interactive mode gives a try per hint and one more: one try; three, each after the first
    # with the wrong choices cleared and the number of right ones said.
    assert [len(q.findall("hint")) for q in multichoice] == [0, 2]
    for hint in multichoice[1].findall("hint"):
        assert hint.findtext("text") == "Not quite. Try again."
        assert [child.tag for child in hint] == ["text", "shownumcorrect", "clearwrong"]
    # Moodle's own instruction stands in for the site's hint, as neither prompt gives one.
    assert [q.findtext("showstandardinstruction") for q in multichoice] == ["1", "1"]
    # The result of a choose-all item says how many of the right options were ticked.
    assert [q.find("shownumcorrect") is not None for q in multichoice] == [False, True]
    for element, expected in zip(multichoice, items, strict=True):
        assert element.findtext("shuffleanswers") == "1"
        assert element.findtext("answernumbering") == "abc"
        for answer in element.findall("answer"):
            feedback = answer.findtext("feedback/text") or ""
            assert "Because" in feedback
            assert f'href="{BASE}questions/q0' in feedback
            assert "/#why" in feedback
            assert 'target="_blank"' in feedback  # the quiz stays open in Moodle
        # Moodle shows an option's feedback only if it was ticked; the general feedback has all.
        general = element.findtext("generalfeedback/text") or ""
        marks = re.findall(r'<li class="(right|wrong)">([✓✗]) Option (\d)<br>', general)
        assert marks == [
            ("right", "✓", str(n)) if expected.options[n].correct else ("wrong", "✗", str(n))
            for n in expected.shown
        ]
        assert general.count("Because") == len(expected.options)


def test_the_moodle_files_carry_their_pictures_and_fetch_nothing_from_the_site(site: Path) -> None:
    """A picture in an essay's feedback travels in the file, as Moodle's own export writes it:
    fetched from the site, it would break when the site moves and tell the site who reads."""
    for language in LANGUAGES:
        xml = built(site, language, f"practice/moodle-quiz-{language}.xml").read_text("utf-8")
        assert not re.findall(r'src="(?!@@PLUGINFILE@@/)[^"]*"', xml), language
        carried = 0
        for element in ET.fromstring(xml).iter():
            for file in element.findall("file"):
                name = file.get("name", "")
                assert f"@@PLUGINFILE@@/{name}" in (element.findtext("text") or ""), name
                drawn = (ROOT / "docs" / language / "diagrams" / name).read_bytes()
                assert base64.b64decode(file.text or "") == drawn, name
                carried += 1
        assert carried, f"{language}: no picture carried (question 1's answer shows one)"


def test_a_moodle_name_too_long_for_the_question_bank_keeps_the_question() -> None:
    long = item(False, [True, False])
    prompt = "<p>" + "A model has the layers Dense(100), Dropout(0.2), Dense(50). " * 2 + "Why?</p>"
    name = moodle.name(long, 3, prompt)
    assert len(name) <= moodle.NAME_LENGTH
    assert name.startswith("01.3 A model has the layers")
    assert name.endswith("… A model has the layers Dense(100), Dropout(0.2), Dense(50). Why?")
    assert moodle.name(long, 1, "<p>Which <em>one</em>?</p>") == "01.1 Which one?"
    cut = moodle.name(long, 2, "<p>" + "Dropout(0.2) " * 20 + "</p>")
    assert cut.endswith("Dropout(0.2)…"), "a name is cut between words"
    assert moodle.name(long, 1, "<p>Which one? Choose all that apply.</p>") == "01.1 Which one?"
    # A long sentence before a short question: the question whole, the beginning cut before
    # the code it would have broken ("model.fit(x_train…").
    prompt = (
        "<p>A model is trained with model.fit(x_train, y_train, validation_split=0.2, epochs=100,"
        " callbacks=[EarlyStopping(patience=5)]) and stops early. Which weights does it keep?</p>"
    )
    named = "01.4 A model is trained with… Which weights does it keep?"
    assert moodle.name(long, 4, prompt) == named


def test_exam_sheet_block_has_title_wording_answer_and_working_links() -> None:
    page = "# Exam sheet\n\n<!-- exam-sheet: questions -->\n"
    sheet = exam_sheet.fill(page, QUESTIONS, BASE)
    assert exam_sheet.PLACEHOLDER not in sheet
    assert len(
        re.findall(r'<div class="exam-question" style="--marks: \d+" markdown>', sheet)
    ) == len(QUESTIONS)
    assert '## 1. <span class="exam-title">Title 1</span>' in sheet
    assert "    print(1 < 2)" in sheet  # inside the question box
    assert sheet.count('<div class="exam-answer" markdown>') == len(QUESTIONS)  # a mock exam's
    assert "pytest.mark" not in sheet
    assert "](glossary.md#adam)" in sheet  # rewritten for a page one folder up
    assert "](questions/q01-first.md#why)" in sheet
    assert f'](questions/q01-first.md){{ data-address="{BASE}questions/q01-first/" }}' in sheet
    assert rebase("[a](https://x.org/a.md)", "questions/q.md", "e.md") == "[a](https://x.org/a.md)"


def test_terms_carry_the_whole_glossary_entry() -> None:
    for language in LANGUAGES:
        text = (ROOT / "docs" / language / "glossary.md").read_text(encoding="utf-8")
        found = anki.terms(text, entries(language))
        assert [t.anchor for t in found] == [anchor for _, anchor, _ in entries(language)]
        for term, (_, _, first) in zip(found, entries(language), strict=True):
            assert term.definition.startswith(first), term.anchor
        assert sum("\n" in term.definition for term in found) > len(found) / 2


# What the site build wrote, in both languages.


def built(site: Path, language: str, name: str) -> Path:
    return site / f"{language_prefix(language)}{name}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_anki_deck_has_every_question_glossary_term_and_quiz_item(
    site: Path, language: str
) -> None:
    deck = built(site, language, f"practice/deep-learning-{language}.apkg")
    found = dict(notes(deck.read_bytes()))
    expected = {anki.note_guid(language, "question", q.slug) for q in questions(language)}
    expected |= {anki.note_guid(language, "term", anchor) for _, anchor, _ in entries(language)}
    expected |= {anki.note_guid(language, "item", item.key) for item in quiz.load(language)}
    assert len(found) == len(expected)
    assert set(found) == expected
    base = base_url(SITE_URL, language)
    for q in questions(language):
        link = found[anki.note_guid(language, "question", q.slug)][-1]
        assert link == published.url(q.page.as_posix(), base)


@pytest.mark.parametrize("language", LANGUAGES)
def test_anki_renders_every_card_of_the_deck_with_its_pictures(site: Path, language: str) -> None:
    deck = built(site, language, f"practice/deep-learning-{language}.apkg")
    with anki_app() as collection:
        log = import_deck(collection, deck.read_bytes())
        assert len(log.new) == log.found_notes == collection.note_count()
        assert collection.card_count() == collection.note_count(), "a note without its card"
        for card in map(collection.get_card, collection.find_cards("")):
            for side in (card.question(), card.answer()):
                assert TEMPLATE_ERROR not in side, f"{card.note().guid}: {side}"
            note = card.note()
            if "Title" in note:  # a question: its title can give the answer away, as on paper
                assert note["Title"] not in card.question(), f"{note.guid}: title in front"
                assert note["Title"] in card.answer(), f"{note.guid}: no title on the back"
        check = collection.media.check()  # what the cards show against what the deck packed
        assert any(Path(collection.media.dir()).iterdir()), "no diagram packed"
        assert (list(check.missing), list(check.unused)) == ([], [])


def test_the_same_sources_give_the_same_files_dated_by_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A deploy rewrites a deck only when its sources change: the publishing workflow sets
    $SOURCE_DATE_EPOCH to the last commit's time, and the build dates the notes with it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, again = (practice.files_of("en", "Deep learning", SITE_URL) for _ in range(2))
    deck = first["deep-learning-en.apkg"]
    assert deck == again["deep-learning-en.apkg"]
    with zipfile.ZipFile(io.BytesIO(deck)) as apkg, tempfile.TemporaryDirectory() as folder:
        # The zip's own dates too: two builds a second apart must not differ there either.
        assert {entry.date_time for entry in apkg.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        database = Path(folder, "collection.anki2")
        database.write_bytes(apkg.read("collection.anki2"))
        with closing(sqlite3.connect(database)) as connection:
            dates = connection.execute("SELECT DISTINCT mod FROM notes").fetchall()
    assert dates == [(1767225600,)]
    moodle_file = first["moodle-quiz-en.xml"]  # the same for the Moodle file, dated in the text
    assert moodle_file == again["moodle-quiz-en.xml"]
    assert b"2026-01-01" in moodle_file


@pytest.mark.parametrize("language", LANGUAGES)
def test_moodle_quiz_has_every_item_with_feedback(site: Path, language: str) -> None:
    path = built(site, language, f"practice/moodle-quiz-{language}.xml")
    root = ET.parse(path).getroot()
    assert root.tag == "quiz"
    items = quiz.load(language)
    multichoice = root.findall("question[@type='multichoice']")
    assert len(multichoice) == len(items)
    numbers = sorted({i.number for i in items})
    # The course's, one per question with items, and the written answers'
    assert len(root.findall("question[@type='category']")) == len(numbers) + 2
    essays = root.findall("question[@type='essay']")
    assert [int(e.findtext("name/text", "")[:2]) for e in essays] == [
        q.number for q in questions(language)
    ]
    for essay in essays:  # a mark per point, each point in the grader's information
        grader = essay.findtext("graderinfo/text") or ""
        points = grader.split("<ul>", 1)[1].split("</ul>", 1)[0].count("<li>")  # the first list
        assert points == int(essay.findtext("defaultgrade") or 0) >= 3, essay.findtext("name/text")
    for element, expected in zip(multichoice, items, strict=True):
        where = f"{path.name}: {expected.key}"
        assert element.findtext("single") == ("false" if expected.multiple else "true"), where
        # As many tries (hints and one) as leave the last one worth one wrong try's penalty:
        # n - 1 tries among n options, each costing what a guess gains.
        tries = len(element.findall("hint")) + 1
        assert tries * float(element.findtext("penalty") or 0) == pytest.approx(1), where
        if not expected.multiple:
            assert tries == len(expected.options) - 1, where
        answers = element.findall("answer")
        assert len(answers) == len(expected.options), where
        for answer in answers:
            feedback = answer.findtext("feedback/text") or ""
            assert re.search(r'<a href="https?://[^"]+#[^"]+"', feedback), where


@pytest.mark.parametrize("language", LANGUAGES)
def test_exam_sheet_has_every_question(site: Path, language: str) -> None:
    html = built(site, language, "exam-sheet/index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    blocks = len(re.findall(r'<div class="exam-question" style="--marks: \d+">', html))
    assert blocks == len(questions(language))
    # Printed below each answer: the published address of the page in this language.
    addresses = re.findall(r'data-address="([^"]*)"', html)
    expected = [url(q.page.as_posix(), base_url(SITE_URL, language)) for q in questions(language)]
    assert addresses == expected
    for q in questions(language):
        assert q.title in text, q.slug
        first_words = " ".join(re.sub(r"[*`]", "", q.short_answer).split()[:6])
        assert first_words in text, q.slug
    assert 'href="../practice/' in html or 'href="practice/' in html  # the downloads


# Paper sizes less Material's 25 mm margins (@page), in millimetres.
PAPER = {"A4": (210 - 50, 297 - 50), "Letter": (215.9 - 50, 279.4 - 50)}


def _px(millimetres: float) -> int:
    return int(millimetres / 25.4 * 96)  # CSS pixels: 96 to the inch


@pytest.mark.parametrize("language", LANGUAGES)
def test_exam_sheet_prints_each_question_on_one_page(
    site: Path, url: str, browser: Browser, language: str
) -> None:
    page = browser.new_page()
    try:
        address = f"{url}{language_prefix(language)}exam-sheet/"
        page.goto(address)
        page.emulate_media(media="print")
        breaks = page.eval_on_selector_all(
            ".exam-question", "blocks => blocks.map(b => getComputedStyle(b).breakInside)"
        )
        assert breaks == ["avoid"] * len(questions(language))
        # Each part Material draws for the screen, hidden on paper (a part renamed in a new
        # Material would match nothing here: named as missing, not passed as hidden).
        shown = page.evaluate(
            """() => [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"]
                .map(s => [s, document.querySelector(s)])
                .filter(([s, part]) => !part || getComputedStyle(part).display !== "none")
                .map(([s, part]) => part ? s : `${s} (missing)`)"""
        )
        assert shown == []
        on_paper = page.locator(".md-content").inner_text()
        assert "Ctrl+P" not in on_paper, "the how-to-print paragraph is printed"
        # Each sheet numbered at its foot ("3 / 9"), as the browser read the style sheets.
        numbered = page.evaluate(
            """() => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
                .filter(rule => rule instanceof CSSPageRule)
                .flatMap(rule => [...rule.cssRules])
                .some(box => box.name === "bottom-right"
                    && box.style.content.includes("counter(page)"))"""
        )
        assert numbered, "the printed sheets carry no page numbers"
        downloads = page.locator('a[href*="practice/"]')
        assert downloads.count()
        assert not downloads.evaluate_all("a => a.some(l => l.checkVisibility())"), "downloads"
        printed = page.locator(".exam-more a").evaluate_all(
            "links => links.map(a => getComputedStyle(a, '::after').content)"
        )
        base = base_url(SITE_URL, language)
        addresses = [f'" {published.url(q.page.as_posix(), base)}"' for q in questions(language)]
        assert printed == addresses, "the whole answer's address is not printed on paper"
        for palette in ("default", "slate"):  # black on white, from the light or dark palette
            colours = page.evaluate(
                """palette => {
                    document.body.setAttribute("data-md-color-scheme", palette);
                    return [".md-typeset", ".md-typeset .admonition", "body"].map(s => {
                        const style = getComputedStyle(document.querySelector(s));
                        return [style.color, style.backgroundColor];
                    });
                }""",
                palette,
            )
            # The margins around the text too: the dark palette's color scheme would paint them.
            scheme = page.evaluate("getComputedStyle(document.documentElement).colorScheme")
            assert scheme == "light only", (palette, scheme)
            black_on_white = ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
            assert colours[0][0] == colours[1][0] == black_on_white[0], (palette, colours)
            assert colours[1][1] == colours[2][1] == black_on_white[1], (palette, colours)
        _each_question_fits_on_a_sheet(page, "answers")
        # A mock exam: with the box ticked, the questions go on paper without their answers.
        answers = page.locator(".exam-answer")
        assert answers.count() == len(questions(language))
        assert answers.first.is_visible()
        assert not page.locator(".exam-name").is_visible()  # a name line only on a mock exam
        # A question's marks are written after its number (print.css), on a mock exam only.
        marks = page.locator(".exam-question > h2")
        after = "hs => hs.map(h => getComputedStyle(h, '::after').content)"
        assert set(marks.evaluate_all(after)) <= {"none", "normal"}, "marks shown"
        page.emulate_media(media="screen")
        page.locator("[data-exam-questions-only]").check()
        page.emulate_media(media="print")
        # What each question is worth, a mark per point a full answer covers, and in all.
        assert marks.evaluate_all(after) == _printed_marks(language)
        total = sum(len(q.points) for q in questions(language))
        out_of = page.locator(".exam-name .exam-total")
        expect(out_of).to_be_visible()
        expect(out_of).to_have_text(re.compile(rf"\D{total}$"), use_inner_text=True)
        assert not answers.evaluate_all("parts => parts.some(p => p.checkVisibility())")
        assert not page.locator(".exam-intro").is_visible()  # it speaks of the answers
        assert page.locator(".exam-name").is_visible()  # for the student's name and the date
        assert page.locator(".exam-question .admonition").first.is_visible()  # the wording
        # The label over the course's code says it does not run: the first thing to notice in
        # questions 5 and 12 (their short answers say so), not something to be told on a test.
        labels = page.locator(".exam-question .kb-not-runnable")
        assert labels.count()
        assert not labels.evaluate_all("ls => ls.some(l => l.checkVisibility())"), "a hint"
        assert page.locator(".exam-question pre").first.is_visible()  # the code itself
        # Nor a question's name: question 12's, "Saving and loading models", answers its
        # "What does the code below do?". Its number stays.
        titles = page.locator(".exam-question > h2").evaluate_all("hs => hs.map(h => h.innerText)")
        assert all(re.fullmatch(r"\d+\.", title.replace("¶", "").strip()) for title in titles), (
            titles
        )
        room = page.locator(".exam-question").evaluate_all(
            "qs => qs.map(q => parseFloat(getComputedStyle(q, '::after').height) || 0)"
        )
        # Room to write below each question by what it is worth: 1.5 cm (56.7 px) a mark, up
        # to 7.5 cm (283.5 px), so that any question fits on a sheet under the name line.
        marks = [len(q.points) for q in questions(language)]
        wanted = [min(56.7 * n, 283.5) for n in marks]
        assert all(abs(r - w) < 1 for r, w in zip(room, wanted, strict=True)), (room, marks)
        _each_question_fits_on_a_sheet(page, "mock exam", any_first=True)
        # Short questions share a sheet: not one sheet each, three quarters of it blank.
        most = len(questions(language)) * 3 // 4 + 1
        for paper in PAPER:
            sheets = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))
            assert sheets <= most, f"mock exam, {paper}: {sheets} sheets, at most {most}"
    finally:
        page.close()


def _titles_in_sight(page: Page, language: str) -> list[str]:
    """The questions' titles ("11. Transfer learning") that the page shows on the screen, each
    on a line of its own (as a link or a label: a text a style hides is no line of it)."""
    lines = {line.strip() for line in page.evaluate("document.body.innerText").splitlines()}
    return [q.title for q in questions(language) if q.title in lines]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_test_does_not_show_the_questions_titles(
    url: str, browser: Browser, language: str
) -> None:
    """A title can be an answer ("11. Transfer learning"; "10. Convolutional neural networks
    (CNNs)" for question 9): the self-test heads each question by its number and hides the
    site's navigation, which lists the question pages by title (a phone's menu still does)."""
    page = browser.new_page()
    try:
        page.goto(f"{url}{language_prefix(language)}self-test/")
        assert not _titles_in_sight(page, language)
        page.goto(f"{url}{language_prefix(language)}quiz/")  # a page with the navigation
        assert _titles_in_sight(page, language)
    finally:
        page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_the_mock_exam_ticks_its_box(url: str, browser: Browser, language: str) -> None:
    """A teacher links to the mock exam (`exam-sheet/#mock-exam`, as the quiz page's "For
    teachers" says): the sheet opens with the box ticked, and so prints without the answers;
    also when the link is followed on the sheet itself (a new hash only)."""
    page = browser.new_page()
    try:
        sheet = f"{url}{language_prefix(language)}exam-sheet/"
        page.goto(sheet)
        box = page.locator("[data-exam-questions-only]")
        assert not box.is_checked()
        linked = f"{sheet}#{box.get_attribute('id')}"
        heading = page.locator(".md-content h1")
        sheet_title = heading.inner_text()
        tab = browser.new_page()  # a new tab: the sheet loads with the hash
        try:
            tab.goto(linked)
            expect(tab.locator("[data-exam-questions-only]")).to_be_checked()
            # Titled a mock exam, on the page and in the header a browser prints.
            mock_title = box.get_attribute("data-exam-title") or "no data-exam-title"
            expect(tab.locator(".md-content h1")).to_have_text(re.compile(f"^{mock_title}"))
            assert tab.title().startswith(mock_title), tab.title()
        finally:
            tab.close()
        page.goto(linked)  # on the sheet itself: a new hash only
        expect(box).to_be_checked()
        # A student who follows the link sees the questions alone, on screen too: no answer,
        # nor a question's title, which can be its answer ("11. Transfer learning"), in the
        # site's navigation or the page's contents.
        assert not page.locator(".exam-answer").first.is_visible()
        assert not _titles_in_sight(page, language)
        page.locator(".exam-choose summary").click()  # the questions to choose, by number only
        assert not _titles_in_sight(page, language)
        # On a phone the contents are in the menu, by a rule of Material's of their own.
        page.set_viewport_size({"width": 360, "height": 740})
        contents = page.locator(".md-nav--primary .md-nav--secondary")
        assert contents.count(), "no contents in the phone's menu"
        assert contents.evaluate("nav => getComputedStyle(nav).display") == "none"
        page.set_viewport_size({"width": 1280, "height": 720})
        page.emulate_media(media="print")
        assert not page.locator(".exam-answer").first.is_visible()
        page.emulate_media(media="screen")
        box.uncheck()
        expect(heading).to_have_text(sheet_title)
        assert _titles_in_sight(page, language), "the sheet to study from names its questions"
        page.goto(f"{sheet}#")
        page.goto(linked)
        expect(box).to_be_checked()
        # The other language's id, which a link keeps across the language switcher, too.
        other = box.get_attribute("data-exam-questions-only")
        assert other not in (None, "", box.get_attribute("id")), "the box names no other id"
        box.uncheck()
        page.goto(f"{sheet}#{other}")
        expect(box).to_be_checked()
    finally:
        page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sheet_of_some_questions_is_chosen_by_box_and_kept_in_its_address(
    url: str, browser: Browser, language: str
) -> None:
    """A teacher hands out a mock exam of the questions the course has reached: the questions
    left off are off the screen, the paper and the contents, and the address says which are on
    it, so that a link gives the same sheet. A number not on the sheet is ignored; "01" is 1."""
    page = browser.new_page()
    try:
        sheet = f"{url}{language_prefix(language)}exam-sheet/"
        total = len(questions(language))
        shown = page.locator(".exam-question:visible > h2")
        chosen = page.locator(".exam-chosen")
        page.goto(f"{sheet}?questions=01,4,99")  # "01" as in the pages' addresses (q01-...)
        expect(shown).to_have_count(2)
        marks = len(questions(language)[0].points) + len(questions(language)[3].points)
        out_of = page.locator(".exam-total")  # the marks in all, of the questions on the sheet
        expect(out_of).to_have_text(re.compile(rf"\D{marks}$"), use_inner_text=True)
        expect(out_of).not_to_have_attribute("hidden", "")
        assert [h.split(".")[0] for h in shown.all_inner_texts()] == ["1", "4"]
        expect(chosen).to_have_text(re.compile(rf"^2\D+{total}$"))
        contents = page.locator(".md-nav--secondary a[href^='#']:visible")
        assert contents.count() == 2, contents.all_inner_texts()
        page.emulate_media(media="print")
        expect(shown).to_have_count(2)
        assert not page.locator(".exam-choose").is_visible(), "the boxes are printed"
        page.emulate_media(media="screen")
        page.locator(".exam-choose summary").click()
        lefts = page.locator(".exam-choices .exam-title").evaluate_all(
            """titles => titles.map((title) => Math.round(title.getBoundingClientRect().left
                - title.closest("label").getBoundingClientRect().left))"""
        )
        assert len(set(lefts)) == 1, f"the titles do not line up (1. and 10.): {lefts}"
        page.locator(".exam-choices input[value='4']").uncheck()
        expect(shown).to_have_count(1)
        assert page.url == f"{sheet}?questions=1", page.url  # commas, not %2C, to copy
        page.locator(".exam-choices input[value='12']").check()
        assert page.url == f"{sheet}?questions=1,12", page.url
        other = page.locator(f"a.md-select__link[hreflang]:not([hreflang='{language}'])")
        assert other.get_attribute("href").endswith("exam-sheet/?questions=1,12"), "language"
        mock = page.locator("[data-exam-questions-only]")
        mock.check()  # and as a mock exam, by the other language's id
        expected = f"exam-sheet/?questions=1,12#{mock.get_attribute('data-exam-questions-only')}"
        assert other.get_attribute("href").endswith(expected), other.get_attribute("href")
        mock.uncheck()
        page.locator("[data-exam-choose='none']").click()  # none, then a few: fewer clicks
        expect(shown).to_have_count(0)
        expect(out_of).to_have_attribute("hidden", "")  # no "of 0"
        expect(page.locator(".exam-none")).to_be_visible()  # a word, not a blank sheet
        assert page.url == f"{sheet}?questions=", page.url
        page.reload()  # none stays none
        expect(shown).to_have_count(0)
        expect(page.locator(".exam-none")).to_be_visible()
        page.locator(".exam-choose summary").click()
        page.locator("[data-exam-choose='all']").click()
        expect(shown).to_have_count(total)
        expect(page.locator(".exam-none")).to_be_hidden()
        assert page.url == sheet, page.url  # every question: the plain address
        mock.check()  # ticked by hand, the address says so: a copied link gives a mock exam
        assert page.url == f"{sheet}#{mock.get_attribute('id')}", page.url
        mock.uncheck()  # and unticked, no longer
        assert page.url == sheet, page.url
        page.goto(f"{sheet}?questions=99")  # nothing it knows: the whole sheet
        expect(shown).to_have_count(total)
    finally:
        page.close()


def _printed_marks(language: str) -> list[str]:
    """Each question's marks as a mock exam prints them after its number: a mark per point a
    full answer covers ("(5 marks)"), as CSS reports generated content."""
    words = MARKS[language]["marks"]
    return [f'"({words.replace("{count}", str(len(q.points)))})"' for q in questions(language)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mock_exam_without_the_script_still_has_its_marks(
    url: str, browser: Browser, language: str
) -> None:
    """The box is a plain checkbox and the marks are print styles: without JavaScript a mock
    exam still shows each question's marks and the score line's total of every question."""
    page = browser.new_page(java_script_enabled=False)
    try:
        page.goto(f"{url}{language_prefix(language)}exam-sheet/")
        page.locator("[data-exam-questions-only]").check()
        page.emulate_media(media="print")
        total = sum(len(q.points) for q in questions(language))
        out_of = page.locator(".exam-name .exam-total")
        expect(out_of).to_be_visible()
        expect(out_of).to_have_text(re.compile(rf"\D{total}$"), use_inner_text=True)
        after = page.locator(".exam-question > h2").evaluate_all(
            "hs => hs.map(h => getComputedStyle(h, '::after').content)"
        )
        assert after == _printed_marks(language)
    finally:
        page.close()


def _each_question_fits_on_a_sheet(page: Page, what: str, any_first: bool = False) -> None:
    """Each question fits on a sheet, and the first one on the first sheet, under the title (a
    question that did not would leave the first sheet nearly empty), on A4 and Letter. With
    `any_first`, so does the tallest: on a mock exam of chosen questions (`?questions=5`) any
    question can come first, under the title and the name line."""
    for paper, (width, height) in PAPER.items():
        page.set_viewport_size({"width": _px(width), "height": _px(height)})
        page.evaluate("scrollTo(0, 0)")  # measured from the top of the page, as paper is
        tops_bottoms = page.locator(".exam-question").evaluate_all(
            "qs => qs.map(q => q.getBoundingClientRect()).map(r => [r.top, r.bottom])"
        )
        tallest = max(bottom - top for top, bottom in tops_bottoms)
        assert tallest <= _px(height), f"{what}, {paper}: a question is {tallest:.0f} px tall"
        top, bottom = tops_bottoms[0]
        first = top + tallest if any_first else bottom
        assert first <= _px(height), f"{what}, {paper}: the first question ends at {first:.0f} px"


def test_importing_both_languages_into_moodle_keeps_them_apart(site: Path) -> None:
    """Moodle puts questions into an existing category of the same path: the two languages'
    files must share none, or "07 Dropout" would hold the items of both."""
    paths: dict[str, set[str]] = {}
    for language in LANGUAGES:
        root = ET.parse(built(site, language, f"practice/moodle-quiz-{language}.xml")).getroot()
        paths[language] = {q.findtext("category/text") or "" for q in root.iter("question")}
        paths[language].discard("")
    shared = set.intersection(*paths.values())
    assert not shared, f"categories in every language's file: {sorted(shared)}"
