"""Where the pages live, how the two languages pair up, and where the site is published.

The languages and the site's address are read from mkdocs.yml, the one place they are written.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


@functools.cache
def config(root: Path = ROOT) -> dict[str, Any]:
    """mkdocs.yml of the project in `root`: ``!relative`` paths as that folder, Python names
    (``!!python/name``) as None."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!relative", lambda loader, node: str(root))
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language a page is built in (mkdocs-static-i18n sets `locale` on its file)."""
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def _languages() -> tuple[str, ...]:
    i18n = next(p["i18n"] for p in config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    ordered = sorted(i18n["languages"], key=lambda language: not language.get("default"))
    return tuple(language["locale"] for language in ordered)


# The pages' folder, as mkdocs.yml names it. The hooks and tools read the project they live
# in: a copy of the project (the question-14 test) imports its own tools/.
DOCS = ROOT / config().get("docs_dir", "docs")


def imported_elsewhere(docs_dir: str) -> str:
    """Why a build of `docs_dir` cannot use this tools/: another copy of the project's (a virtual
    environment installed from that copy, shared with this one). Its hooks would read the other
    copy's pages and skip this one's without a word, or "" when all is well."""
    if Path(docs_dir).resolve() == DOCS.resolve():
        return ""
    this_copy = Path(docs_dir).resolve().parent
    return (
        f"the build's pages are {docs_dir}, but tools/ is imported from {ROOT}, another copy of "
        "the project: install this copy into its own virtual environment (make install), or, "
        f"if the environment belongs to that copy, run with PYTHONPATH={this_copy}"
    )


# What a build of the site needs from the repository (the rest is tests and tooling).
PROJECT_PARTS = (
    "mkdocs.yml",
    DOCS.relative_to(ROOT).as_posix(),
    "snippets",
    "hooks",
    "overrides",
    "tools",
)
LANGUAGES = _languages()  # the first one is the default language, served at /
DEFAULT_LANGUAGE = LANGUAGES[0]


def site_url(root: Path = ROOT) -> str:
    """mkdocs.yml's site_url, ending in a slash."""
    url = str(config(root).get("site_url") or "/")
    return url if url.endswith("/") else f"{url}/"


def language_prefix(language: str) -> str:
    """Where a language's pages live below the site's root: '' for the default, else 'en/'."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def site_language(path: str) -> str:
    """The language of a path below the built site's root ("en/quiz/index.html" -> "en")."""
    prefixed = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
    return next(
        (code for code in prefixed if path.startswith(language_prefix(code))), DEFAULT_LANGUAGE
    )


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
