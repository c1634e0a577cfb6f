"""Where the pages live and how the two languages pair up."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGUAGES = ("sv", "en")  # the first one is the default language, served at /
DEFAULT_LANGUAGE = LANGUAGES[0]


def pages(language: str) -> list[Path]:
    """Every Markdown page of one language, relative to that language's folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.md"))


def all_pages() -> list[Path]:
    """Every Markdown page of every language, relative to the repository root."""
    return [
        (DOCS / language / page).relative_to(ROOT)
        for language in LANGUAGES
        for page in pages(language)
    ]


def translation_of(page: Path, language: str) -> Path:
    """The same page in another language (relative to the repository root)."""
    relative = page.relative_to(Path("docs") / page.parts[1])
    return Path("docs") / language / relative
