"""The glossary: one consistent term per concept, the same entries in both languages."""

from __future__ import annotations

import re

from hooks.glossary import abbreviations, entries, first_appearances_only
from tools.pages import DOCS, LANGUAGES, ROOT, all_pages

LINK = re.compile(r"glossary\.md#([\w-]+)")
MINIMUM_TERMS = 50


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


def test_every_term_becomes_a_tooltip() -> None:
    for language in LANGUAGES:
        tooltips = abbreviations(language)
        for term, _, _ in entries(language):
            name = term.split(" (")[0]
            assert f"*[{name}]: " in tooltips, f"docs/{language}/glossary.md: {name}"
    assert (DOCS / LANGUAGES[0] / "glossary.md").exists()


def test_a_term_gets_its_tooltip_at_its_first_appearance_only() -> None:
    html = (
        '<p><abbr title="A learned value.">Weight</abbr> and <abbr title="Chosen.">epoch</abbr>'
        ', then <abbr title="A learned value.">weight</abbr> again.</p>'
    )
    assert first_appearances_only(html) == (
        '<p><abbr title="A learned value.">Weight</abbr> and <abbr title="Chosen.">epoch</abbr>'
        ", then weight again.</p>"
    )
