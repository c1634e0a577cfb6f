"""Both languages are first-class: every page exists in each, with the same shape and code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.pages import DOCS, LANGUAGES, ROOT, pages
from tools.parity import missing_translations, outline

ORIGINAL, *TRANSLATIONS = LANGUAGES


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
