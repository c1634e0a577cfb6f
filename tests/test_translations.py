"""Both languages are first-class: every page exists in each, with the same shape and code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import markdown_reader
from tools.pages import DOCS, LANGUAGES, ROOT, pages

ORIGINAL, *TRANSLATIONS = LANGUAGES


def outline(text: str) -> tuple[list[int], list[str]]:
    """A page's heading levels, in order, and its fenced blocks (info string and body).

    Headings are compared by level only: their words are translated. Fences are compared
    whole: code, output and includes are shared by both languages.
    """
    page = markdown_reader.parse(text)
    fences = [f"{fence.markup}{fence.info}\n{fence.code}" for fence in page.fences]
    return [heading.level for heading in page.headings], fences


def missing_translations(docs: Path, languages: tuple[str, ...]) -> list[str]:
    """Pages that exist in one language folder but not in another, as messages."""
    found = {
        language: {p.relative_to(docs / language) for p in (docs / language).rglob("*.md")}
        for language in languages
    }
    every_page = set().union(*found.values())
    return [
        f"{(docs / language / page).as_posix()} is missing "
        f"(it exists in {', '.join(other for other in languages if page in found[other])})"
        for language in languages
        for page in sorted(every_page - found[language])
    ]


def test_every_page_exists_in_every_language() -> None:
    missing = missing_translations(DOCS, LANGUAGES)
    assert not missing, "\n".join(missing)


def _pairs() -> list[object]:
    return [
        pytest.param(page, language, id=f"{language}/{page.as_posix()}")
        for language in TRANSLATIONS
        for page in pages(ORIGINAL)
        if (DOCS / language / page).exists()
    ]


@pytest.mark.parametrize(("page", "language"), _pairs())
def test_translation_has_the_same_headings_and_code(page: Path, language: str) -> None:
    original, translated = DOCS / ORIGINAL / page, DOCS / language / page
    levels, fences = outline(original.read_text(encoding="utf-8"))
    other_levels, other_fences = outline(translated.read_text(encoding="utf-8"))
    where = f"{translated.relative_to(ROOT)} vs {original.relative_to(ROOT)}"
    assert other_levels == levels, f"{where}: heading levels differ"
    assert len(other_fences) == len(fences), f"{where}: number of code blocks differs"
    for number, (mine, theirs) in enumerate(zip(other_fences, fences, strict=True), 1):
        assert mine == theirs, f"{where}: code block {number} differs"


def test_a_missing_translation_names_the_missing_file(tmp_path: Path) -> None:
    for language in LANGUAGES:
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Hej\n")
    (tmp_path / "sv" / "extra.md").write_text("# Extra\n")
    assert missing_translations(tmp_path, LANGUAGES) == [
        f"{(tmp_path / 'en' / 'extra.md').as_posix()} is missing (it exists in sv)"
    ]
