"""The quiz: every option explained, in both languages (tools/quiz.py, hooks/quiz.py, quiz.js).

The data tests read small fixture pages (tests/fixtures/quiz/) and break a copy of them one way
at a time; the browser tests use the built site and its real items.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import math
import operator
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import axe_playwright_python
import markdown
import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.test_browser import (
    AXE_CHECK,
    FOCUS_RING,
    NO_TRANSITIONS,
    PHONE,
    TOUCH,
    WCAG_21_AA,
    contrast_ratio,
    describe,
    on_paper,
    settle,
)
from tests.test_browser import shown as count_shown
from tools import quiz
from tools.pages import LANGUAGES, ROOT, language_prefix
from tools.quiz_html import TEXT, empty_quiz, inline
from tools.site import build, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "quiz" / "docs"
FIXTURE_STEM = "q99-fixture"
LONGER = 1.5  # how much longer than every wrong option a right one may be
HEADING = {"sv": "testa-dig-sjalv", "en": "test-yourself"}  # the section hooks/quiz.py adds
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
SIDEWAYS = """() => {
  const root = document.documentElement;
  const found = [];
  if (root.scrollWidth > root.clientWidth + 1)
    found.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  for (const el of document.querySelectorAll(".kb-quiz, .kb-quiz *")) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
      found.push(`${el.tagName.toLowerCase()}.${el.className} scrolls: ${el.scrollWidth}px`);
    const box = el.getBoundingClientRect();
    if (box.width && box.right > root.clientWidth + 1)
      found.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${box.right}px`);
  }
  return found.slice(0, 5);
}"""


# --- The data -----------------------------------------------------------------------------


def test_the_real_quiz_files_are_valid() -> None:
    assert quiz.problems() == []
    items = {language: quiz.load(language) for language in LANGUAGES}
    keys = {language: [item.key for item in found] for language, found in items.items()}
    assert len({tuple(found) for found in keys.values()}) == 1, keys


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the fixture: one small question page with two items, in both languages."""
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURE, copy)
    return copy


NULL = object()  # a value left empty in the YAML file


def _edit(docs: Path, language: str, edits: dict[tuple[int | str, ...], Any]) -> None:
    """Set values in a copy's quiz file, each by its path in the items; None deletes it, NULL
    leaves it empty."""
    path = docs / language / "questions" / f"{FIXTURE_STEM}.quiz.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for (*parents, key), value in edits.items():
        place = functools.reduce(operator.getitem, parents, data["items"])
        if value is None:
            del place[key]
        else:
            place[key] = None if value is NULL else value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_fixture_is_valid_and_loads_in_question_order(docs: Path) -> None:
    assert quiz.problems(docs) == []
    items = quiz.load("en", docs)
    assert [(item.number, item.slug, item.id) for item in items] == [
        (99, FIXTURE_STEM, "what-training-changes"),
        (99, FIXTURE_STEM, "chosen-before-training"),
    ]
    assert items[1].multiple
    assert items[1].options[0] == quiz.Option(
        text="The learning rate", correct=True, why="It is a hyperparameter.", see="#rate"
    )


def test_in_one_process_a_renamed_heading_is_found_and_an_edit_of_prose_is_not_read_again(
    docs: Path,
) -> None:
    """`mkdocs serve` checks the quiz files again at every save: only a change of what a link
    or `see` can lead to, a heading, makes it read them again (tools/quiz.py, `_check`)."""
    page = docs / "en" / "questions" / f"{FIXTURE_STEM}.md"
    assert quiz.problems(docs) == []
    reads = quiz._checked.cache_info().misses
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert quiz.problems(docs) == []
    assert quiz._checked.cache_info().misses == reads, "read again after an edit of prose"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## Weights and biases", "## Weights"), encoding="utf-8")
    assert any("#weights-and-biases" in problem for problem in quiz.problems(docs))


def test_heading_ids_are_those_python_markdown_gives() -> None:
    # An explicit { #takt }, and a repeated heading "Exempel" whose second id is exempel_1.
    assert quiz.heading_ids(FIXTURE / "sv" / "questions" / f"{FIXTURE_STEM}.md") == {
        "99-vad-ar-en-exempelfraga",
        "kort-svar",
        "vikter-och-bias",
        "takt",
        "exempel",
        "exempel_1",
    }


EN = "docs/en/questions/q99-fixture.quiz.yml"
SV = "docs/sv/questions/q99-fixture.quiz.yml"
# The fixture: item 0 (single choice) has only option 0 right, item 1 options 0 and 1 (of 3).
MISSING_ANCHOR = {(0, "options", 1, "see"): "#nope"}
# The fixture's options as written (the items' option lists, by language).
FIXTURE_OPTIONS = {
    language: [
        item["options"]
        for item in yaml.safe_load(
            (FIXTURE / language / "questions" / f"{FIXTURE_STEM}.quiz.yml").read_text("utf-8")
        )["items"]
    ]
    for language in LANGUAGES
}
BROKEN = {  # a way to break the fixture: (language, edits, the start of the one message)
    "no_right_option": (
        "en",
        {(0, "options", 0, "correct"): False},
        f"{EN}: item 'what-training-changes': no option is right",
    ),
    "all_right": (
        "en",
        {(1, "options", 2, "correct"): True},
        f"{EN}: item 'chosen-before-training': every option is right",
    ),
    "two_right_in_a_single_choice": (
        "sv",
        {(0, "options", 1, "correct"): True},
        f"{SV}: item 'what-training-changes': 2 options are right, but `multiple: false`",
    ),
    "no_why": (
        "sv",
        {(1, "options", 1, "why"): None},
        f"{SV}: item 'chosen-before-training', option 2: 'why' is a required property",
    ),
    "blank_why": (
        "sv",
        {(1, "options", 1, "why"): " "},
        f"{SV}: item 'chosen-before-training', option 2: 'why' is blank",
    ),
    "no_see": (
        "en",
        {(0, "options", 2, "see"): None},
        f"{EN}: item 'what-training-changes', option 3: 'see' is a required property",
    ),
    "see_left_empty": (  # see: #rate, unquoted: YAML reads a comment
        "en",
        {(0, "options", 1, "see"): NULL},
        f"{EN}: item 'what-training-changes', option 2: 'see' is empty (unquoted, YAML reads "
        "`#...` as a comment: write see: '#heading-id')",
    ),
    "why_left_empty": (
        "sv",
        {(1, "options", 1, "why"): NULL},
        f"{SV}: item 'chosen-before-training', option 2: 'why' is empty",
    ),
    "missing_anchor": (
        "en",
        MISSING_ANCHOR,
        f"{EN}: item 'what-training-changes', option 2: 'see' points to #nope, "
        "which is not a heading of q99-fixture.md",
    ),
    "the_other_languages_anchor": (
        "sv",
        {(0, "options", 1, "see"): "#weights-and-biases"},
        f"{SV}: item 'what-training-changes', option 2: 'see' points to #weights-and-biases, "
        "which is not a heading of q99-fixture.md; it is the id of this heading in en, and "
        "here it is #vikter-och-bias: point to that, or, if you renamed the heading, keep its "
        "old id: `## New words { #weights-and-biases }`",
    ),
    "anchor_with_accents": (
        "sv",
        {(0, "options", 1, "see"): "#99-vad-är-en-exempelfråga"},
        f"{SV}: item 'what-training-changes', option 2: 'see' points to "
        "#99-vad-är-en-exempelfråga, which is not a heading of q99-fixture.md; did you mean "
        "#99-vad-ar-en-exempelfraga?",
    ),
    "missing_anchor_on_another_page": (
        "sv",
        {(0, "options", 1, "see"): "q99-fixture.md#nope"},
        f"{SV}: item 'what-training-changes', option 2: 'see' points to #nope, "
        "which is not a heading of q99-fixture.md",
    ),
    "missing_page": (
        "en",
        {(1, "options", 0, "see"): "q98-gone.md#rate"},
        f"{EN}: item 'chosen-before-training', option 1: 'see' points to q98-gone.md#rate, "
        "but there is no question page q98-gone.md in docs/en/questions",
    ),
    "broken_link_in_why": (
        "en",
        {(1, "options", 2, "why"): "See [weights](#no-such-heading)."},
        f"{EN}: item 'chosen-before-training', option 3: why: a link points to "
        "#no-such-heading, which is not a heading of q99-fixture.md",
    ),
    "renamed": (
        "sv",
        {(1, "id"): "chosen-in-advance"},
        f"{EN}: the item ids differ from {SV} (the same ids in the same order)",
    ),
    "swapped_right_options": (
        "en",
        {(1, "options", 1, "correct"): False, (1, "options", 2, "correct"): True},
        f"{EN}: item 'chosen-before-training': the right options are [1, 3], but [1, 2] in sv",
    ),
    "options_in_another_order": (
        "en",
        {
            (0, "options", 1): FIXTURE_OPTIONS["en"][0][2],
            (0, "options", 2): FIXTURE_OPTIONS["en"][0][1],
        },
        f"{EN}: item 'what-training-changes', option 2: its 'see' leads to another section "
        "than option 2 in sv: are the options in the same order?",
    ),
    "one_option_less": (
        "en",
        {(1, "options", 1): None},
        f"{EN}: item 'chosen-before-training': 2 options, but 3 in sv",
    ),
    "repeated_id": (
        "sv",
        {(1, "id"): "what-training-changes"},
        f"{SV}: item 'what-training-changes': the id is used twice",
    ),
    "not_kebab_case": (
        "en",
        {(0, "id"): "What_Training_Changes"},
        f"{EN}: item 'What_Training_Changes': 'What_Training_Changes'",
    ),
}


@pytest.mark.parametrize("broken", BROKEN)
def test_a_broken_item_is_named_with_its_file_and_what_is_wrong(docs: Path, broken: str) -> None:
    language, edits, expected = BROKEN[broken]
    _edit(docs, language, edits)
    found = quiz.problems(docs)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found[0]
    with pytest.raises(quiz.QuizError, match=re.escape(expected)):
        quiz.load(language, docs)


def test_an_item_with_more_options_than_moodle_can_score_is_named(docs: Path) -> None:
    # Seven options, the same in both languages: a wrong try would cost 1/6, not a penalty
    # Moodle offers, and the Moodle export would stop the build without naming the item.
    for language in LANGUAGES:
        path = docs / language / "questions" / f"{FIXTURE_STEM}.quiz.yml"
        first = yaml.safe_load(path.read_text(encoding="utf-8"))["items"][0]["options"][0]
        wrong = {**first, "correct": False}
        _edit(docs, language, {(0, "options"): [first] + [wrong] * 6})
    assert quiz.problems(docs) == [
        f"{path}: item 'what-training-changes': 7 options; at most {quiz.MOST_OPTIONS}"
        for path in (SV, EN)
    ]


def test_a_file_without_its_twin_is_named(docs: Path) -> None:
    (docs / "sv" / "questions" / f"{FIXTURE_STEM}.quiz.yml").unlink()
    assert quiz.problems(docs) == [f"{SV} is missing: {EN} has no twin in sv"]


def test_a_value_that_needs_quotes_is_named_with_how_to_quote_it(docs: Path) -> None:
    path = docs / "en" / "questions" / f"{FIXTURE_STEM}.quiz.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("why: It is a hyperparameter too.", "why: Too: it is."), "utf-8")
    (found,) = quiz.problems(docs)
    assert found.startswith(f"{EN}: not valid YAML: mapping values are not allowed"), found
    assert "goes in single quotes" in found


def test_a_file_beside_no_question_page_is_named(docs: Path) -> None:
    for language in LANGUAGES:
        folder = docs / language / "questions"
        shutil.copy(folder / f"{FIXTURE_STEM}.quiz.yml", folder / "q98-gone.quiz.yml")
    found = quiz.problems(docs)
    assert "docs/sv/questions/q98-gone.quiz.yml: there is no question page q98-gone.md" in (
        "\n".join(found)
    )


def test_a_broken_item_fails_the_build_naming_file_and_item(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(FIXTURE, project / "docs", dirs_exist_ok=True)  # its page and quiz files
    _edit(project / "docs", "en", MISSING_ANCHOR)
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    assert (
        f"{EN}: item 'what-training-changes', option 2: 'see' points to #nope" in result.stderr
    ), result.stderr[-3000:]


# --- The built pages ----------------------------------------------------------------------


def _html(site: Path, language: str, page: str) -> str:
    return (site / language_prefix(language) / page / "index.html").read_text(encoding="utf-8")


def _plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


# An address the quiz page's "For teachers" gives to link to, after the site's: `quiz/#kb-...`.
TEACHERS_ADDRESS = re.compile(r"`((?:en/)?[a-z0-9/-]+/)#([a-z0-9-]+)`")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_addresses_for_teachers_to_link_to_lead_to_their_places(
    site: Path, language: str
) -> None:
    """A section (in both languages), an exercise, a glossary term and a quiz item, as written."""
    text = (ROOT / "docs" / language / "quiz.md").read_text(encoding="utf-8")
    found = TEACHERS_ADDRESS.findall(text)
    assert len(found) >= 4, f"docs/{language}/quiz.md: addresses to link to: {found}"
    for path, fragment in found:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert f'id="{fragment}"' in page, f"docs/{language}/quiz.md: {path}#{fragment}"


def _text(markdown_text: str) -> str:
    """What a reader sees of inline Markdown."""
    return _plain(markdown.markdown(markdown_text))


def _with_items(language: str) -> dict[str, list[quiz.Item]]:
    by_slug = quiz.by_question(language)
    assert by_slug, f"docs/{language}/questions has no .quiz.yml file"
    return by_slug


def test_heading_ids_match_the_built_site(site: Path) -> None:
    for language in LANGUAGES:
        for page in sorted((ROOT / "docs" / language / "questions").glob("q*.md")):
            built = _html(site, language, f"questions/{page.stem}")
            ids = set(re.findall(r'<h[1-6] id="([^"]+)"', built)) - {HEADING[language]}
            assert quiz.heading_ids(page) == ids, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_with_items_end_with_them_as_forms_that_work_without_javascript(
    site: Path, language: str
) -> None:
    by_slug = _with_items(language)
    for slug, items in by_slug.items():
        page = _html(site, language, f"questions/{slug}")
        headings = re.findall(r'<h2 id="([^"]+)"', page)
        assert headings[-1] == HEADING[language], f"{slug}: the last section is {headings[-1]}"
        section = page[page.index(f'id="{HEADING[language]}"') :]
        forms = re.findall(r'<form class="kb-quiz__item".*?</form>', section, re.DOTALL)
        assert len(forms) == len(items), slug
        for form, item in zip(forms, items, strict=True):
            kind = "checkbox" if item.multiple else "radio"
            assert "<fieldset><legend>" in form
            assert form.count(f'<input type="{kind}"') == len(item.options), item.key
            assert form.count("<label for=") == len(item.options), item.key
            # Lettered a., b., ... as shown, and each explanation with its option's letter.
            lettered = re.findall(r'<label for="[^"]*-(\d+)">(\w)\. ', form)
            explained = re.findall(r'data-option="(\d+)">(\w)\. ', form)
            letters = "abcdefghij"[: len(item.options)]
            assert "".join(letter for _, letter in lettered) == letters, item.key
            assert sorted(explained) == sorted(lettered), f"{item.key}: explanations' letters"
            assert re.search(r'<div class="kb-quiz__result" aria-live="polite">', form)
            assert re.search(r"<details [^>]*>(?!.*\bopen\b)", form)  # closed
            answers = form[form.index("<details") :]
            for option in item.options:  # every option's explanation and link
                assert _text(option.why) in _plain(answers), (item.key, option.why)
            assert "`" not in answers, "inline Markdown left unrendered"
            assert answers.count("<a href=") >= len(item.options)
    quiz_page = _html(site, language, "quiz")
    total = sum(len(items) for items in by_slug.values())
    assert quiz_page.count('<form class="kb-quiz__item"') == total
    for name in ("quiz.css", "quiz.js"):
        assert name in quiz_page


RANKS = ["the longest", "the shortest", "in between"]


def _rank(lengths: list[int], right: int) -> str | None:
    """Where the right option's length ranks among the options' (None when tied)."""
    if lengths.count(lengths[right]) > 1:
        return None
    extremes = {max(lengths): "the longest", min(lengths): "the shortest"}
    return extremes.get(lengths[right], "in between")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rank", RANKS)
def test_the_length_of_an_option_does_not_give_the_answer_away(language: str, rank: str) -> None:
    """Authors tend to write the right answer out most carefully, and so longest; a student who
    guesses by length (the longest, or once that is known the shortest, or the middle one) must
    not gain by it. Among single-answer items the right option ranks so by length, as readers
    see it, no more often than chance has it, give or take two standard deviations."""
    single = [item for item in quiz.load(language) if not item.multiple]
    found = [
        item.key
        for item in single
        if _rank([len(_text(option.text)) for option in item.options], item.right[0]) == rank
    ]
    chances = [
        (len(item.options) - 2 if rank == "in between" else 1) / len(item.options)
        for item in single
    ]
    bound = sum(chances) + 2 * math.sqrt(sum(p * (1 - p) for p in chances))
    assert len(found) <= bound, (
        f"docs/{language}/questions: in {len(found)} of {len(single)} single-answer items the "
        f"right option is {rank} (chance: {sum(chances):.0f}, at most {bound:.0f}); "
        "write the right one and the wrong ones alike: " + ", ".join(found)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_right_option_stands_out_by_its_length(language: str) -> None:
    """What the count above lets through one item at a time: a right option half as long again
    as every wrong one is found without reading it."""
    found = []
    for item in quiz.load(language):
        right = [len(_text(option.text)) for option in item.options if option.correct]
        wrong = [len(_text(option.text)) for option in item.options if not option.correct]
        if max(right) > LONGER * max(wrong):
            found.append(f"{item.key} ({max(right)} characters against {max(wrong)})")
    assert not found, (
        f"docs/{language}/questions: right options more than {LONGER} times as long as the "
        "longest wrong one; shorten them or write the wrong ones alike: " + ", ".join(found)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_where_an_option_is_shown_does_not_give_the_answer_away(site: Path, language: str) -> None:
    """Options are shown shuffled (quiz.Item.shown), the same way on the site and in Moodle:
    the right answer, which authors tend to write first, is first no more often than chance
    has it, give or take two standard deviations, and the explanations follow the order of the
    options."""
    forms = re.findall(
        r'<form class="kb-quiz__item".*?</form>', _html(site, language, "quiz"), re.DOTALL
    )
    right_first, chances = 0, []
    for form in forms:
        shown = re.findall(r'<input type="(?:radio|checkbox)" [^>]*value="(\d+)"', form)
        assert re.findall(r'data-option="(\d+)"', form) == shown, "explanations out of order"
        right = re.search(r'data-quiz-right="([\d,]*)"', form)[1].split(",")  # type: ignore[index]
        if 'type="radio"' in form:  # a single-answer item
            right_first += shown[0] in right
            chances.append(1 / len(shown))
    bound = sum(chances) + 2 * math.sqrt(sum(p * (1 - p) for p in chances))
    assert right_first <= bound, (
        f"the right answer is shown first in {right_first} of {len(chances)} single-answer items "
        f"(chance: {sum(chances):.0f}, at most {bound:.0f})"
    )
    root = ET.parse(site / language_prefix(language) / f"practice/moodle-quiz-{language}.xml")
    for element, item in zip(
        root.getroot().findall("question[@type='multichoice']"), quiz.load(language), strict=True
    ):
        answers = [_plain(answer.findtext("text") or "") for answer in element.findall("answer")]
        assert answers == [_text(item.options[n].text) for n in item.shown], item.key


@pytest.mark.parametrize(
    ("page", "part"),
    [
        ("quiz", "kb-quiz__js"),
        ("questions/q05-keras-model", "kb-quiz__js"),
        ("self-test", "kb-self-test__bar"),
    ],
)
def test_the_controls_that_need_javascript_are_shown_before_the_items_are_drawn(
    site: Path, page: str, part: str
) -> None:
    """Shown by quiz.js when it ran, after the first paint, they pushed the items down
    (Lighthouse: layout shift 0.195 on the quiz page). One class, set in the head, shows every
    such part (overrides/main.html)."""
    for language in LANGUAGES:
        built = _html(site, language, page)
        shown = built.find('classList.add("kb-js")')
        assert 0 <= shown < built.index("</head>") < built.index(part), f"{language}/{page}"


def _links(page: str) -> list[str]:
    quiz_part = "".join(
        re.findall(
            r'<div class="kb-quiz.*?</form></div>|<ul class="kb-quiz__scores".*?</ul>',
            page,
            re.DOTALL,
        )
    )
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', quiz_part)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_quiz_link_is_relative_and_leads_to_a_heading(site: Path, language: str) -> None:
    # Relative links work under the path prefix (/deep-learning/) and at the root of a host.
    pages = ["quiz", *(f"questions/{slug}" for slug in _with_items(language))]
    # The quiz page also links to the practice material (hooks/practice.py makes it).
    downloads = [
        "../exam-sheet/",
        f"../practice/deep-learning-{language}.apkg",
        f"../practice/moodle-quiz-{language}.xml",
    ]
    quiz_page = _html(site, language, "quiz")
    assert all(f'href="{href}"' in quiz_page for href in downloads)
    broken = []
    for page in pages:
        base = site / language_prefix(language) / page
        for href in _links(_html(site, language, page)) + (downloads if page == "quiz" else []):
            path, _, anchor = href.partition("#")
            if re.match(r"[a-z]+:|/", path):
                broken.append(f"{page}: {href} is not relative")
                continue
            target = (base / path).resolve()
            target = target / "index.html" if target.is_dir() else target
            if not target.is_file():
                broken.append(f"{page}: {href} leads nowhere")
            elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                broken.append(f"{page}: {href}: no heading #{anchor} there")
    assert not broken, "\n".join(broken)


# --- In a browser ---------------------------------------------------------------------------

# quiz.js keeps the progress of each language under this key, below the site's path (Material's
# __md_scope); before, without the path (moved under it at the next visit).
STORAGE = "{scope}.kb-quiz:{language}"
OLD_STORAGE = "kb-quiz:{language}"
VERDICT = {"sv": ("Rätt!", "Fel svar."), "en": ("Right!", "Wrong answer.")}


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context: no progress and no palette kept from another test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(5000)
    yield context.new_page()
    context.close()


def _address(url: str, language: str, path: str) -> str:
    return url + language_prefix(language) + path


def _form(page: Page, item: quiz.Item) -> Locator:
    return page.locator(f'form[data-quiz-item="{item.key}"]')


def _answer(page: Page, item: quiz.Item, choices: tuple[int, ...]) -> Locator:
    """Choose options of an item, check, and return its result region."""
    form = _form(page, item)
    for position in range(len(item.options)):
        if item.multiple or position in choices:
            form.locator(f'input[value="{position}"]').set_checked(position in choices)
    form.locator(".kb-quiz__actions button").click()
    return form.locator(".kb-quiz__result")


def _score(page: Page, item: quiz.Item) -> str:
    return page.locator(f'.kb-quiz__scores [data-quiz-score="{item.slug}"]').inner_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quiz_prints_as_a_sheet_to_hand_out_or_as_its_answer_key(
    tab: Page, url: str, language: str
) -> None:
    """A teacher who prints the quiz for a class: with the page's box ticked, the title and every
    item with its options, nothing else (no answers, no text for the screen or for teachers);
    unticked, the answers too, a key to mark by."""
    items = len(quiz.load(language))
    tab.goto(_address(url, language, "quiz/"))
    # The teacher tried the quiz first: an item answered right comes back ticked and marked.
    tried = next(item for item in quiz.load(language) if not item.multiple)
    _answer(tab, tried, tried.right)
    tab.reload()
    expect(tab.locator(".kb-quiz__earlier")).to_have_count(1)
    sheet = tab.locator("[data-quiz-without-answers]")
    sheet.check()
    on_paper(tab)
    assert not count_shown(sheet), "the box itself on paper"
    assert count_shown(tab.locator(".kb-quiz__item")) == items, "an item not printed"
    options = sum(len(item.options) for item in quiz.load(language))
    boxes = count_shown(tab.locator(".kb-quiz__option input"))
    assert boxes == options, "an option without its box"
    assert not count_shown(tab.locator(".kb-quiz__answer")), "an answer on the sheet to hand out"
    own = ".kb-quiz__result:not(:empty), .kb-quiz__earlier"
    assert not count_shown(tab.locator(own)), "the teacher's own verdict on the sheet"
    ticked = _form(tab, tried).locator("input:checked")
    assert ticked.evaluate("box => getComputedStyle(box).appearance") == "none", "a ticked box"
    mark = "label => getComputedStyle(label, '::before').content"
    marked = tab.locator(".kb-quiz__option--right label").first
    assert marked.evaluate(mark) == "none", "the teacher's right answer marked on the sheet"
    kept = "all => [...new Set(all.map(f => getComputedStyle(f).breakInside))]"
    assert tab.locator(".kb-quiz__item fieldset").evaluate_all(kept) == ["avoid"], "split items"
    printed = tab.locator("article > *").evaluate_all(
        "all => all.filter(e => e.checkVisibility()).map(e => e.tagName + '.' + e.className)"
    )
    assert printed == ["H1.", "DIV.kb-quiz kb-quiz--all"], printed
    tab.emulate_media(media="screen")  # the box is for the screen
    sheet.uncheck()
    on_paper(tab)
    assert count_shown(tab.locator(".kb-quiz__answer[open]")) == items, "the key without an answer"
    assert count_shown(tab.locator("h2")), "the key without the page's sections"


@pytest.mark.parametrize("language", LANGUAGES)
def test_some_of_the_right_options_and_no_wrong_one_is_partly_right_and_not_scored(
    tab: Page, url: str, language: str
) -> None:
    item = next(item for item in quiz.load(language) if len(item.right) > 1)
    total = len(quiz.by_question(language)[item.slug])
    tab.goto(_address(url, language, "quiz/"))
    shown = _answer(tab, item, item.right[:1]).inner_text()
    partly, missed = TEXT[language]["verdict-partly"], TEXT[language]["verdict-missed"]
    assert shown.startswith(f"{partly} {missed}"), shown
    assert _score(tab, item) == f"0/{total}"
    assert "kb-quiz__item--wrong" in (_form(tab, item).get_attribute("class") or "")
    wrong = next(n for n, option in enumerate(item.options) if not option.correct)
    assert _answer(tab, item, (*item.right, wrong)).inner_text().startswith(VERDICT[language][1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_answer_is_explained_a_right_one_scores_and_progress_is_kept(
    tab: Page, url: str, language: str
) -> None:
    item = next(item for item in quiz.load(language) if not item.multiple)  # one right option
    total = len(quiz.by_question(language)[item.slug])
    tab.goto(_address(url, language, "quiz/"))
    assert _score(tab, item) == f"0/{total}"
    # The verdict's live region is in the page before it has text: a screen reader announces
    # a region it knows, not one that appears with its text. The tally at the top is a status.
    empty = _form(tab, item).locator(".kb-quiz__result")
    assert empty.evaluate("r => getComputedStyle(r).display") != "none"
    assert tab.locator(".kb-quiz__tally").get_attribute("role") == "status"
    again = tab.locator(f'[data-quiz-row="{item.slug}"] .kb-quiz__again a')
    assert not again.is_visible()

    wrong = next(n for n, option in enumerate(item.options) if not option.correct)
    result = _answer(tab, item, (wrong,))
    shown = result.inner_text()
    assert VERDICT[language][1] in shown
    assert _text(item.options[wrong].why) in shown
    assert result.locator("a").get_attribute("href") == (
        _form(tab, item).locator(f'details li[data-option="{wrong}"] a').last.get_attribute("href")
    )
    assert _score(tab, item) == f"0/{total}"
    assert again.is_visible(), "no link back to the page of a question answered wrong"
    # The option's mark (✗) is read out in words, in the page's language, then its letter.
    chosen = _form(tab, item).locator(f'input[value="{wrong}"]')
    letter = "abcdefghij"[item.shown.index(wrong)]
    expect(chosen).to_have_accessible_name(
        f"{TEXT[language]['wrong']}: {letter}. {_text(item.options[wrong].text)}"
    )

    result = _answer(tab, item, item.right)
    assert VERDICT[language][0] in result.inner_text()
    assert _text(item.options[item.right[0]].why) in result.inner_text()
    assert _score(tab, item) == f"1/{total}"
    assert not again.is_visible()

    tab.reload()
    assert _score(tab, item) == f"1/{total}"
    form = _form(tab, item)
    assert "kb-quiz__item--right" in (form.get_attribute("class") or "")
    assert form.locator(f'input[value="{item.right[0]}"]').is_checked()
    scope = tab.evaluate("__md_scope.pathname")
    key = STORAGE.format(scope=scope, language=language)
    assert tab.evaluate("key => localStorage.getItem(key)", key)

    reset = tab.locator('[data-quiz-reset="chosen"]')
    tab.once("dialog", lambda dialog: dialog.dismiss())  # it asks first: nothing is forgotten
    reset.click()
    assert _score(tab, item) == f"1/{total}"
    tab.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    assert _score(tab, item) == f"0/{total}"
    assert form.locator("input:checked").count() == 0
    tab.reload()
    assert _score(tab, item) == f"0/{total}"
    assert form.locator("input:checked").count() == 0

    # Practice chosen questions only (the choice is folded), in another order.
    tab.locator(".kb-quiz__filters > summary").click()
    tab.locator(f'input[data-quiz-filter="{item.slug}"]').uncheck()
    assert not form.is_visible()
    tab.locator(f'input[data-quiz-filter="{item.slug}"]').check()
    assert form.is_visible()
    keys = "[...document.querySelectorAll('form.kb-quiz__item')].map(f => f.dataset.quizItem)"
    before = tab.evaluate(keys)
    tab.locator("[data-quiz-shuffle]").click()
    after = tab.evaluate(keys)
    assert sorted(after) == sorted(before)
    # Dozens of items: a shuffle that leaves them all in place is one chance in a vast number.
    assert after != before, "Shuffle left the items in their order"


def test_a_check_tapped_before_the_quiz_script_has_run_is_answered_when_it_runs(
    tab: Page, url: str
) -> None:
    """On a slow phone the Check buttons are shown a second or more before quiz.js runs: a tap
    then must not send the form (the page loaded again, the answer gone)."""
    language = LANGUAGES[0]
    item = next(item for item in quiz.load(language) if not item.multiple)
    held: list[Route] = []
    tab.route("**/assets/javascripts/quiz.js", lambda route: held.append(route))
    address = _address(url, language, "quiz/")
    tab.goto(address, wait_until="commit")
    result = _answer(tab, item, item.right)
    tab.wait_for_timeout(300)  # time for a navigation that the tap would start
    assert tab.url == address, "a Check before quiz.js had run sent the form"
    expect(result).to_be_empty()
    for _ in range(250):  # until the page has asked for the script (5 s at most)
        if held:
            break
        tab.wait_for_timeout(20)
    assert held, "the page never asked for quiz.js"
    held[0].continue_()
    expect(result).to_contain_text(VERDICT[language][0])
    total = len(quiz.by_question(language)[item.slug])
    assert _score(tab, item) == f"1/{total}"


def test_without_the_sites_scripts_the_items_are_as_without_javascript(tab: Page, url: str) -> None:
    """The connection drops after the page, before its scripts: no Check or self-test bar that
    does nothing, the answers in their folds."""
    scripts = re.compile(r"/assets/javascripts/(quiz|site)\.js$")
    tab.route(scripts, lambda route: route.abort("internetdisconnected"))
    tab.goto(_address(url, LANGUAGES[0], "quiz/"))
    form = tab.locator("form.kb-quiz__item").first
    expect(form.locator(".kb-quiz__actions button")).to_be_hidden()
    expect(form.locator("details.kb-quiz__answer")).to_be_visible()
    expect(tab.locator(".kb-quiz__controls")).to_be_hidden()
    tab.goto(_address(url, LANGUAGES[0], "self-test/"))
    expect(tab.locator(".kb-self-test__bar")).to_be_hidden()  # its marks are site.js's


def test_progress_kept_under_the_old_key_moves_under_the_sites_path(tab: Page, url: str) -> None:
    language = LANGUAGES[0]
    item = quiz.load(language)[0]
    total = len(quiz.by_question(language)[item.slug])
    tab.goto(_address(url, language, "quiz/"))
    old = OLD_STORAGE.format(language=language)
    tab.evaluate("([k, v]) => localStorage.setItem(k, v)", [old, json.dumps({item.key: 1})])
    tab.reload()
    assert _score(tab, item) == f"1/{total}"
    assert tab.evaluate("k => localStorage.getItem(k)", old) is None, "the old key is left"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_questions_chosen_to_practice_are_kept_and_start_over_forgets_only_them(
    tab: Page, url: str, language: str
) -> None:
    by_slug = _with_items(language)
    kept_items, (chosen, chosen_items) = by_slug[next(iter(by_slug))], list(by_slug.items())[1]
    tab.goto(_address(url, language, "quiz/"))
    tally = tab.locator("[data-quiz-tally]")
    for item in (kept_items[0], chosen_items[0]):
        _answer(tab, item, item.right)
    missed = chosen_items[1]
    _answer(tab, missed, tuple(n for n, o in enumerate(missed.options) if not o.correct)[:1])
    assert tally.inner_text() == f"2/{sum(len(items) for items in by_slug.values())}"
    tab.locator(".kb-quiz__filters > summary").click()
    tab.locator('[data-quiz-choose="none"]').click()
    tab.locator(f'input[data-quiz-filter="{chosen}"]').check()
    shown = "[...document.querySelectorAll('form.kb-quiz__item')].filter(f => !f.hidden).length"
    assert tab.evaluate(shown) == len(chosen_items)
    assert tally.inner_text() == f"1/{len(chosen_items)}", "the tally counts questions left out"

    tab.reload()
    assert tab.evaluate(shown) == len(chosen_items), "the choice was not kept"
    assert tally.inner_text() == f"1/{len(chosen_items)}"
    assert _form(tab, missed).locator(".kb-quiz__earlier--wrong").is_visible(), (
        "an item answered wrong comes back without a word about it"
    )
    assert "kb-quiz__item--wrong" in (_form(tab, missed).get_attribute("class") or "")
    tab.once("dialog", lambda dialog: dialog.accept())
    tab.locator('[data-quiz-reset="chosen"]').click()
    assert _score(tab, chosen_items[0]) == f"0/{len(chosen_items)}"
    assert tally.inner_text() == f"0/{len(chosen_items)}"
    assert _score(tab, kept_items[0]) == f"1/{len(kept_items)}", "forgot a question left out"
    asked: list[str] = []
    tab.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    tab.locator('[data-quiz-reset="chosen"]').click()  # nothing kept of the chosen question now
    assert not asked, "Start over asked before forgetting nothing"

    tab.locator(".kb-quiz__filters > summary").click()
    tab.locator('[data-quiz-choose="all"]').click()
    assert tab.evaluate(shown) == sum(len(items) for items in by_slug.values())
    # Only those not yet answered right: the one right answer left (kept_items[0]) goes.
    tab.locator("[data-quiz-open]").check()
    assert tab.evaluate(shown) == sum(len(items) for items in by_slug.values()) - 1
    assert not _form(tab, kept_items[0]).is_visible()
    tab.reload()  # kept as the choice of questions is
    assert tab.locator("[data-quiz-open]").is_checked(), "the items answered right came back"
    assert not _form(tab, kept_items[0]).is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_with_question_numbers_chooses_those_questions_to_practice(
    tab: Page, url: str, language: str
) -> None:
    """A teacher's "quiz/?questions=6,8", as the exam sheet takes them: one link for a week's
    questions, where the reader would otherwise choose them one by one."""
    by_slug = _with_items(language)
    wanted = list(by_slug)[1:3]
    numbers = ",".join(str(int(slug[1:3])) for slug in wanted)
    tab.goto(_address(url, language, f"quiz/?questions={numbers}"))
    shown = "[...document.querySelectorAll('form.kb-quiz__item')].filter(f => !f.hidden).length"
    checked = "[...document.querySelectorAll('[data-quiz-filter]:checked')].map(i => i.value)"
    assert tab.evaluate(checked) == wanted
    assert tab.evaluate(shown) == sum(len(by_slug[slug]) for slug in wanted)
    tab.goto(_address(url, language, "quiz/"))  # kept as the reader's own choice
    assert tab.evaluate(checked) == wanted
    # Numbers the quiz does not have are ignored, as on the exam sheet: the choice stays.
    tab.goto(_address(url, language, "quiz/?questions=99,0x4"))
    assert tab.evaluate(checked) == wanted
    tab.goto(_address(url, language, "quiz/?questions="))
    assert tab.evaluate(shown) == 0
    assert tab.locator('[data-quiz-empty="none-chosen"]').is_visible()


def test_a_verdict_given_at_the_foot_of_a_phones_screen_comes_into_view(
    tab: Page, url: str
) -> None:
    """With Check at the bottom of the screen, only "Fel svar." showed, the explanation below
    the screen's edge."""
    language = LANGUAGES[0]
    item = next(item for item in quiz.load(language) if not item.multiple)
    tab.set_viewport_size({"width": 360, "height": 640})
    tab.goto(_address(url, language, "quiz/"))
    button = _form(tab, item).locator(".kb-quiz__actions button")
    button.scroll_into_view_if_needed()
    button.evaluate("b => scrollBy(0, b.getBoundingClientRect().bottom + 4 - innerHeight)")
    wrong = next(n for n, option in enumerate(item.options) if not option.correct)
    result = _answer(tab, item, (wrong,))
    expect(result).to_contain_text(_text(item.options[wrong].why))
    bottom, height = result.evaluate("r => [r.getBoundingClientRect().bottom, innerHeight]")
    assert bottom <= height, f"the verdict ends {bottom - height:.0f} px below the screen"


def test_a_tap_anywhere_on_an_options_row_chooses_it(tab: Page, url: str) -> None:
    """Not only on its words: a short option ("64") was a target of a finger's width."""
    language = LANGUAGES[0]
    item, position = min(
        ((item, n) for item in quiz.load(language) for n in range(len(item.options))),
        key=lambda pair: len(pair[0].options[pair[1]].text),
    )
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(_address(url, language, "quiz/"))
    row = _form(tab, item).locator(".kb-quiz__option").nth(item.shown.index(position))
    box = row.bounding_box()
    assert box
    row.click(position={"x": box["width"] - 8, "y": box["height"] / 2})
    expect(row.locator("input")).to_be_checked()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_quiz_page_that_shows_no_item_says_why(tab: Page, url: str, language: str) -> None:
    """No question chosen, or every item of those chosen answered right and hidden: the page
    says so and what to do, where it showed an empty list and a tally of 0/0."""
    slug, items = next(iter(_with_items(language).items()))
    tab.goto(_address(url, language, "quiz/"))
    none, all_right = (
        tab.locator(f'[data-quiz-empty="{why}"]') for why in ("none-chosen", "all-right")
    )
    expect(none).to_be_hidden()
    tab.locator(".kb-quiz__filters > summary").click()
    tab.locator('[data-quiz-choose="none"]').click()
    expect(none).to_be_visible()
    expect(none).to_have_text(empty_quiz("none-chosen", language))
    expect(all_right).to_be_hidden()
    tab.locator(f'input[data-quiz-filter="{slug}"]').check()
    expect(none).to_be_hidden()
    for item in items:
        _answer(tab, item, item.right)
    tab.locator("[data-quiz-open]").check()
    expect(all_right).to_be_visible()
    expect(all_right).to_have_text(empty_quiz("all-right", language))
    expect(none).to_be_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_an_item_shows_it_though_its_question_was_left_out(
    tab: Page, url: str, language: str
) -> None:
    """A teacher links to one item (``quiz/#kb-quiz-q07-dropout-at-prediction``, the link of its
    tag "Question 7 · 2/4" there); a student who had left that question out of practice lands on
    the item, not at the top of the page with the item hidden. Its question is chosen again, and
    the others stay as the student chose them."""
    by_slug = _with_items(language)
    slugs = list(by_slug)
    # The last item of the last question (a new question may have one item only).
    linked, other = by_slug[slugs[-1]][-1], slugs[0]
    item_id = f"kb-quiz-{linked.slug}-{linked.key.split('/', 1)[1]}"
    for start in ("", "quiz/"):  # from another page, then on the quiz page (a new hash only)
        tab.goto(_address(url, language, "quiz/"))
        tab.locator(".kb-quiz__filters > summary").click()
        tab.locator('[data-quiz-choose="none"]').click()
        tab.locator(f'input[data-quiz-filter="{other}"]').check()
        assert _form(tab, linked).get_attribute("id") == item_id  # the id a teacher links to
        assert _form(tab, linked).locator(".kb-quiz__tag").get_attribute("href") == f"#{item_id}"
        assert not _form(tab, linked).is_visible()
        tab.goto(_address(url, language, start))
        tab.goto(_address(url, language, f"quiz/#{item_id}"))
        form = _form(tab, linked)
        tab.wait_for_function("f => !f.hidden", arg=form.element_handle(), timeout=2_000)
        top = form.evaluate("f => f.getBoundingClientRect().top")
        assert 0 <= top <= 200, f"from /{start}: the linked item is {top:.0f} px from the top"
    assert tab.locator(f'input[data-quiz-filter="{linked.slug}"]').is_checked()
    assert tab.locator(f'input[data-quiz-filter="{other}"]').is_checked()
    assert not tab.locator(f'input[data-quiz-filter="{slugs[1]}"]').is_checked()
    shown = "[...document.querySelectorAll('form.kb-quiz__item')].filter(f => !f.hidden).length"
    assert tab.evaluate(shown) == len(by_slug[other]) + len(by_slug[linked.slug])


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_item_can_be_answered_with_the_keyboard_alone(
    tab: Page, url: str, language: str
) -> None:
    slug, items = next(iter(_with_items(language).items()))
    item = items[0]
    tab.goto(_address(url, language, f"questions/{slug}/"))
    tab.locator(f"#{HEADING[language]} a.headerlink").focus()
    form = _form(tab, item)
    focused = "el => el === document.activeElement"

    def tab_to(target: Locator) -> None:
        for _ in range(60):  # Start over is past the page's other items
            tab.keyboard.press("Tab")
            if target.evaluate(focused):
                return
        pytest.fail(f"Tab never reached {target}")

    if item.multiple:  # each checkbox is a stop of its own: Space ticks it
        for choice in item.right:
            tab_to(form.locator(f'input[value="{choice}"]'))
            tab.keyboard.press("Space")
    else:  # a radio group is one stop, its first option shown: the arrow keys choose within it
        tab_to(form.locator(f'input[value="{item.shown[0]}"]'))
        for _ in range(item.shown.index(item.right[0])):
            tab.keyboard.press("ArrowDown")
        tab.keyboard.press("Space")
    check = form.locator(".kb-quiz__actions button")
    tab_to(check)
    ring = check.evaluate(FOCUS_RING)  # WCAG 2.4.7 and 1.4.11, as on the self-test's marks
    assert ring["visible"], "the focused button is not :focus-visible"
    assert ring["style"] != "none", "the focused button shows no focus ring"
    assert ring["width"] >= 2, ring
    assert ring["offset"] >= 0, ring
    assert contrast_ratio(ring["colour"], ring["around"]) >= 3, ring
    tab.keyboard.press("Enter")
    assert VERDICT[language][0] in form.locator(".kb-quiz__result").inner_text()
    assert tab.locator(f'[data-quiz-score="{slug}"]').inner_text() == f"1/{len(items)}"
    # The score is a status, read whole and without the button beside it: Start over cleared
    # every answer and the score without a word to a screen reader, the focus left where it was.
    score = tab.get_by_role("status").filter(has=tab.locator(f'[data-quiz-score="{slug}"]'))
    expect(score).to_have_text(f"{TEXT[language]['score']}: 1/{len(items)}")
    tab_to(tab.locator(f'[data-quiz-reset="{slug}"]'))
    tab.keyboard.press("Enter")
    expect(score).to_have_text(f"{TEXT[language]['score']}: 0/{len(items)}")


# What a screen reader hears from the page's statuses and live regions once it is parsed: the
# text of each one that changed while it was not muted (aria-live="off") and was rendered (the
# closed search's status, hidden, gets its "Type to start searching" as the index comes). An
# init script, so it listens from the end of parsing, before deferred scripts run (quiz.js
# restores the scores).
HEARD = """window.kbHeard = [];
const heard = new MutationObserver(records => {
  for (const record of records) {
    const changed = record.target.nodeType === Node.ELEMENT_NODE
      ? record.target : record.target.parentElement;
    const region = changed.closest("[role=status], [aria-live]");
    if (region && region.getAttribute("aria-live") !== "off"
        && region.checkVisibility({visibilityProperty: true}))
      window.kbHeard.push(region.textContent.trim());
  }
});
document.addEventListener("readystatechange", () => {
  if (document.readyState === "interactive")
    heard.observe(document.body, {subtree: true, childList: true, characterData: true});
});"""


def test_a_returning_readers_score_is_restored_without_being_read_out(tab: Page, url: str) -> None:
    """A screen reader read the restored score out at load, over the page's title. It speaks
    from the reader's first touch or focus: after a Check, it is heard."""
    language = LANGUAGES[0]
    slug, items = next(iter(_with_items(language).items()))
    item = items[0]
    tab.add_init_script(HEARD)
    tab.goto(_address(url, language, f"questions/{slug}/"))
    _answer(tab, item, item.right)
    tab.reload()
    score = tab.locator(f'[data-quiz-score="{slug}"]')
    expect(score).to_have_text(f"1/{len(items)}")
    settle(tab)  # the whole load heard, the search's readiness (its last step) included
    assert tab.evaluate("kbHeard") == [], "heard at load"
    _answer(tab, item, item.right)
    heard = tab.evaluate("kbHeard")
    assert f"{TEXT[language]['score']}: 1/{len(items)}" in heard, heard


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_jump_past_the_items_lands_on_its_heading(tab: Page, url: str, language: str) -> None:
    """The table of contents' link to the scores, past every item, lands on the heading. (With
    the items laid out only as they came near, on a guess of their height, it landed 219 px
    past it: quiz.css.)"""
    tab.goto(_address(url, language, "quiz/"))
    heading = tab.locator(".kb-quiz__scores").locator("xpath=preceding::h2[1]")
    anchor = heading.get_attribute("id")
    tab.locator(f'.md-sidebar--secondary a[href="#{anchor}"]').click()
    offset = "h => h.getBoundingClientRect().top - parseFloat(getComputedStyle(h).scrollMarginTop)"
    # Until the jump has landed, or for 2 s (a smooth scroll, items laid out on the way).
    with contextlib.suppress(PlaywrightTimeoutError):
        tab.wait_for_function(
            f"h => Math.abs(({offset})(h)) <= 1", arg=heading.element_handle(), timeout=2_000
        )
    off = heading.evaluate(offset)
    assert abs(off) <= 1, f"#{anchor} is {off:.0f} px off the top after the jump"


# axe-core over the quiz's parts of a page and its first three items (the others are the same
# markup): on the quiz page its controls and the scores of all questions, on a question page
# its introduction and its score (the quiz's own paragraphs).
FIRST_ITEMS = ".kb-quiz__item:nth-of-type(-n+3)"
QUIZ_PARTS = [".kb-quiz__controls", FIRST_ITEMS, ".kb-quiz__scores"]
QUESTION_PAGE_PARTS = [".kb-quiz > p", FIRST_ITEMS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_in_both_palettes_axe_finds_nothing_and_nothing_scrolls_sideways(
    browser: Browser, url: str, language: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(5000)
    context.add_init_script(path=AXE_SOURCE)  # in every page, before its own scripts
    page = context.new_page()
    found: dict[str, list[str]] = {}
    items = quiz.load(language)
    own = [item for item in items if item.slug == items[0].slug]
    pages = [
        ("quiz/", items, QUIZ_PARTS),
        (f"questions/{items[0].slug}/", own, QUESTION_PAGE_PARTS),
    ]
    for path, shown, parts in pages:
        page.goto(_address(url, language, path))
        # axe_sampled.js leaves out a part that matches nothing (renamed, say): none may be.
        gone = [part for part in parts if not page.locator(part).count()]
        assert not gone, f"/{path}: nothing matches {gone}, which axe-core would then skip"
        page.add_style_tag(content=NO_TRANSITIONS)
        # As a reader sees them: one answer wrong, one right, one explanation block open.
        wrong = next(n for n, option in enumerate(shown[0].options) if not option.correct)
        _answer(page, shown[0], (wrong,))
        if len(shown) > 1:
            _answer(page, shown[1], shown[1].right)
        _form(page, shown[0]).locator("details summary").click()
        found[f"{path} sideways"] = page.evaluate(SIDEWAYS)
        # Every item's options big enough, or far enough apart, for a finger (WCAG 2.2's
        # target size, which Lighthouse checks), as the page loads.
        check = {"tags": None, "rules": ["target-size"], "parts": [".kb-quiz"]}
        found[f"{path} target size"] = describe(page.evaluate(AXE_CHECK, check)["violations"])
        for _ in range(2):  # the palette it opens in, then the other one
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            check = {"tags": WCAG_21_AA, "rules": None, "parts": parts}
            found[f"{path} {scheme}"] = describe(page.evaluate(AXE_CHECK, check)["violations"])
            page.locator("[data-md-component=palette] label:visible").dispatch_event("click")
            page.wait_for_function(
                "before => document.body.dataset.mdColorScheme !== before", arg=scheme
            )
    context.close()
    # Two pages on a phone, each: sideways scrolling, target size, axe in two palettes.
    assert len(found) == 8, found.keys()
    assert not any(found.values()), {what: found[what] for what in found if found[what]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_touch_screen_each_button_and_question_to_choose_is_a_finger_tall(
    browser: Browser, url: str, language: str
) -> None:
    """44 px, WCAG's enhanced target size: the quiz's and the self-test's buttons were 27 to
    35 px on a phone, and the rows to choose questions by 35 px (the exam sheet's too)."""
    context = browser.new_context(**TOUCH)
    page = context.new_page()
    short = []
    controls = {
        "quiz/": ".kb-quiz .md-button, .kb-quiz__choice",
        "self-test/": ":is(.kb-self-test__bar, .kb-self-test__marks) .md-button,"
        " .kb-self-test__points + ul label",
        "exam-sheet/": ".exam-choose .md-button, .exam-choices label",
    }
    try:
        for path, selector in controls.items():
            page.goto(_address(url, language, path))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            sizes = page.locator(selector).evaluate_all(
                """controls => controls.filter(c => c.getClientRects().length)
                    .map(c => [c.textContent.trim(), c.getBoundingClientRect().height])"""
            )
            assert sizes, f"/{path}: no control matches {selector}"
            short += [f"/{path} {text!r}: {height:.0f} px" for text, height in sizes if height < 44]
    finally:
        context.close()
    assert not short, "controls shorter than a finger:\n" + "\n".join(dict.fromkeys(short))


def test_code_in_an_item_breaks_after_its_punctuation_not_inside_a_name() -> None:
    """On a phone `EarlyStopping(patience=5)` broke as "pati|ence"; a legend may break anywhere
    (overflow-wrap), so the code offers better places first. Copying leaves `<wbr>` out."""
    assert inline("Use `EarlyStopping(patience=5)`.") == (
        "Use <code>EarlyStopping(<wbr>patience=<wbr>5)</code>."
    )
