"""The glossary: one consistent term per concept, the same entries in both languages."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import Browser, expect

from tests.test_browser import TOUCH, opened
from tools.glossary import (
    TOOLTIPS_ON,
    entries,
    first_appearances_only,
    tooltip,
    without_tooltips,
)
from tools.pages import LANGUAGES, ROOT, all_pages, language_prefix
from tools.questions import questions

LINK = re.compile(r"glossary\.md#([\w-]+)")
MINIMUM_TERMS = 50
TOOLTIP = re.compile(r'<abbr title="([^"]*)"(?: tabindex="0")?>([^<]*)</abbr>')


def _anchors(language: str) -> list[str]:
    return [anchor for _, anchor, _ in entries(language)]


def test_every_language_defines_the_same_terms() -> None:
    original = set(_anchors(LANGUAGES[0]))
    for language in LANGUAGES[1:]:
        other = set(_anchors(language))
        assert other == original, (
            f"docs/{language}/glossary.md lacks {sorted(original - other)}, "
            f"has extra {sorted(other - original)}"
        )


def test_a_term_without_its_anchor_is_named_with_file_and_line(tmp_path: Path) -> None:
    """Without `{ #id }` a term is no entry: it would get no tooltip and no Anki card."""
    glossary = tmp_path / "en" / "glossary.md"
    glossary.parent.mkdir()
    glossary.write_text(
        "# Glossary\n\nDropout { #dropout }\n:   A layer.\n\nZebra pooling\n:   A pooling layer.\n"
    )
    with pytest.raises(
        PluginError, match=r"glossary\.md:6: the term 'Zebra pooling' has no anchor"
    ):
        entries("en", tmp_path)


def test_a_term_names_the_other_language_s_term_only_where_it_differs() -> None:
    """ "Adam (*Adam*)" read as unfinished on the page and on the Anki cards: a term the two
    languages share stands alone."""
    repeated = [
        f"docs/{language}/glossary.md: {term}"
        for language in LANGUAGES
        for term, _, _ in entries(language)
        if (parts := re.fullmatch(r"(.+?) \(\*(.+)\*\)", term))
        and parts[1].lower() == parts[2].lower()
    ]
    assert not repeated, "terms that repeat themselves in parentheses:\n" + "\n".join(repeated)


def test_the_glossary_covers_the_course() -> None:
    for language in LANGUAGES:
        anchors = _anchors(language)
        assert len(anchors) >= MINIMUM_TERMS, f"docs/{language}/glossary.md: {len(anchors)} terms"
        assert len(set(anchors)) == len(anchors), f"docs/{language}/glossary.md: duplicate anchors"


def test_every_glossary_link_has_an_entry() -> None:
    defined = {language: set(_anchors(language)) for language in LANGUAGES}
    missing = [
        f"{page}: glossary.md#{anchor}"
        for page in all_pages()
        for anchor in LINK.findall((ROOT / page).read_text(encoding="utf-8"))
        if anchor not in defined[page.parts[1]]
    ]
    assert not missing, "no glossary entry for:\n" + "\n".join(missing)


def _built_pages(site: Path, language: str) -> list[Path]:
    root = site / language_prefix(language)
    others = {lang for lang in LANGUAGES if lang != language}
    return [
        html
        for html in sorted(root.rglob("index.html"))
        if html.relative_to(root).parts[0] not in others | {"glossary"}
    ]


def test_every_term_shows_its_definition_as_a_tooltip_on_some_page(site: Path) -> None:
    missing = []  # both languages in one run: a new term usually lacks a page in each
    for language in LANGUAGES:
        shown: dict[str, set[str]] = {}
        for html in _built_pages(site, language):
            for title, text in TOOLTIP.findall(html.read_text(encoding="utf-8")):
                shown.setdefault(unescape(title), set()).add(unescape(text).lower())
        missing += [
            f"docs/{language}/glossary.md: {term} (#{anchor})"
            for term, anchor, definition in entries(language)
            if term.split(" (")[0].lower()
            not in shown.get(tooltip(term, definition, language), set())
        ]
    assert not missing, (
        "no built page shows these terms' tooltips (use each in the running text of a page in "
        "its language, spelled as its entry is, not inflected):\n" + "\n".join(missing)
    )


def test_a_swedish_tooltip_names_the_english_term_where_it_differs(site: Path) -> None:
    # Keras, its errors and most further reading use the English term.
    q10 = (site / "questions/q10-cnn/index.html").read_text(encoding="utf-8")
    titles = {unescape(title) for title, _ in TOOLTIP.findall(q10)}
    assert any(title.startswith("(feature map) Utdata") for title in titles), sorted(titles)
    assert tooltip("Dropout (*dropout*)", "Ett lager.", "sv") == "Ett lager."
    assert tooltip("Epoch (*epok*)", "One pass. More.", "en") == "One pass."


def test_a_term_gets_its_tooltip_at_its_first_appearance_outside_headings_only() -> None:
    # Outside a link the term takes focus, so a tap or the Tab key shows it. Inside one it cannot
    # (a tap follows the link), so the term's next appearance keeps its tooltip as well.
    html = (
        '<h1 id="w"><abbr title="A learned value.">Weights</abbr></h1>'
        '<p><a href="x/"><abbr title="Chosen.">Epoch</abbr> count</a>: '
        '<abbr title="A learned value.">Weight</abbr> and <abbr title="Chosen.">epoch</abbr>'
        ', then <abbr title="A learned value.">weight</abbr> again.</p>'
    )
    assert first_appearances_only(html) == (
        '<h1 id="w">Weights</h1><p><a href="x/"><abbr title="Chosen.">Epoch</abbr> count</a>: '
        '<abbr title="A learned value." tabindex="0">Weight</abbr> and '
        '<abbr title="Chosen." tabindex="0">epoch</abbr>, then weight again.</p>'
    )


def test_a_question_to_answer_gives_no_term_its_tooltip(site: Path) -> None:
    # On the self-test and the exam sheet, "parameter" explained on hover would answer Q3; the
    # term's tooltip comes at its first appearance in the answer instead.
    assert (
        first_appearances_only(
            without_tooltips('<abbr title="Learned.">Weights</abbr>?')
            + '<abbr title="Learned.">weights</abbr>'
        )
        == without_tooltips("Weights?") + '<abbr title="Learned." tabindex="0">weights</abbr>'
    )
    with pytest.raises(PluginError, match="do not pair up"):
        first_appearances_only(without_tooltips("Weights?").removesuffix(TOOLTIPS_ON))
    given_away = []
    for language in LANGUAGES:
        for name in ("self-test", "exam-sheet"):
            page = site / language_prefix(language) / name / "index.html"
            html = page.read_text(encoding="utf-8")
            wordings = re.findall(r"glossary: off -->(.*?)<!-- glossary: on", html, re.DOTALL)
            assert len(wordings) == len(questions(language)), f"{page}: a wording not marked"
            given_away += [f"{page}: {text}" for w in wordings for _, text in TOOLTIP.findall(w)]
            # Not vacuous: the wordings hold terms that would have had tooltips.
            terms = {term.split(" (")[0].lower() for term, _, _ in entries(language)}
            assert any(term in unescape(w).lower() for w in wordings for term in terms), page
    assert not given_away, "tooltips in a question's wording:\n" + "\n".join(given_away)


def test_a_tap_on_a_term_shows_its_definition_on_a_phone(browser: Browser, url: str) -> None:
    with opened(browser, url + "questions/q08-early-stopping/", **TOUCH) as page:
        term = page.locator("article abbr[title]").first
        definition = term.get_attribute("title")
        assert definition, "the page's first term has no definition"
        term.tap()
        expect(page.locator(".md-tooltip2--active")).to_have_text(definition, timeout=3000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_opens_with_a_link_to_the_first_term_of_each_initial_letter(
    site: Path, language: str
) -> None:
    """120 terms a phone scrolls through: A leads to the first term with an A, and so on."""
    page = (site / language_prefix(language) / "glossary" / "index.html").read_text("utf-8")
    row = re.search(r'<nav class="kb-letters"[^>]*>(.*?)</nav>', page)
    assert row, f"docs/{language}/glossary.md: no row of letters (<!-- glossary: letters -->)"
    links = re.findall(r'<a href="#([\w-]+)">(.)</a>', row[1])
    expected: dict[str, str] = {}
    for term, anchor, _ in entries(language):
        expected.setdefault(term[0].upper(), anchor)
    assert [(letter, anchor) for anchor, letter in links] == list(expected.items())
    assert all(f'id="{anchor}"' in page for anchor, _ in links)
