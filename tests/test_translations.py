"""Both languages are first-class: every page exists in each, with the same blocks and code."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tools import markdown_reader
from tools.pages import DOCS, LANGUAGES, ROOT, pages

ORIGINAL, *TRANSLATIONS = LANGUAGES


def different_blocks(original: Path, translated: Path) -> str:
    """Where the two pages' blocks (paragraphs, list items, headings, boxes, code) stop
    matching, named by file and line; '' where they match. Headings are compared by level:
    their words are translated."""
    mine, theirs = (markdown_reader.read(path).structure for path in (original, translated))
    shape = [[(block.kind, block.depth) for block in side] for side in (mine, theirs)]
    matcher = difflib.SequenceMatcher(a=shape[0], b=shape[1], autojunk=False)
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag != "equal":
            return (
                "their blocks differ from here:\n"
                f"  {_at(original, mine, start, end)}\n"
                f"  {_at(translated, theirs, other_start, other_end)}\n"
                "A translation has every paragraph, list item, box and code block of its page, in "
                "the same order: add the missing one to the other page too (or ask for its "
                "translation in your pull request)."
            )
    return ""


def _at(path: Path, blocks: list[markdown_reader.Block], start: int, end: int) -> str:
    line = blocks[min(start, len(blocks) - 1)].line if blocks else 1
    what = ", ".join(block.kind for block in blocks[start:end]) or "nothing"
    return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}: {what}"


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
def test_translation_has_the_same_blocks_and_code(page: Path, language: str) -> None:
    original, translated = DOCS / ORIGINAL / page, DOCS / language / page
    different = different_blocks(original, translated)
    assert not different, different
    # Code, its comments and its output are shared: compared whole.
    fences = [markdown_reader.read(path).fences for path in (original, translated)]
    for number, (mine, theirs) in enumerate(zip(*fences, strict=True), 1):
        assert (mine.markup, mine.info, mine.code) == (theirs.markup, theirs.info, theirs.code), (
            f"{translated.relative_to(ROOT)}:{theirs.line} and {original.relative_to(ROOT)}:"
            f"{mine.line} (code block {number}) differ: code, its comments and its output are "
            "the same in both languages; make the change in both pages (code included from "
            "snippets/ is already shared: edit it there)"
        )


def test_a_block_in_one_language_only_is_named_with_file_and_line(tmp_path: Path) -> None:
    sv, en = tmp_path / "sv.md", tmp_path / "en.md"
    sv.write_text('# Rubrik\n\nEtt stycke.\n\n!!! failure "Fel"\n\n    Text.\n')
    en.write_text("# Heading\n\nA paragraph.\n\nA note in English only.\n")
    assert different_blocks(sv, sv) == ""
    different = different_blocks(sv, en)
    assert f"{sv}:5: failure box, paragraph" in different
    assert f"{en}:5: paragraph" in different


def test_a_missing_translation_names_the_missing_file(tmp_path: Path) -> None:
    for language in LANGUAGES:
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Hej\n")
    (tmp_path / "sv" / "extra.md").write_text("# Extra\n")
    assert missing_translations(tmp_path, LANGUAGES) == [
        f"{(tmp_path / 'en' / 'extra.md').as_posix()} is missing (it exists in sv)"
    ]
