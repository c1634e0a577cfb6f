"""What must be the same in both languages of a page: its headings and its code."""

from __future__ import annotations

from pathlib import Path

from tools import markdown_reader


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
