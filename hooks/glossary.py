"""Show a term's glossary definition on hover wherever the term appears, in the page's language.

The glossary pages (docs/<language>/glossary.md) are the one source: each entry is a
definition-list term with an anchor, e.g.

    Överanpassning (*overfitting*) { #overfitting }
    :   När en modell lär sig träningsdatans brus ...

This hook turns every entry into an abbreviation (Python-Markdown's abbr extension) that
is appended to each page of the same language, so Material shows the first sentence of
the definition as a tooltip: at a term's first appearance on a page, as a text defines a
term once (every "modell" underlined would be noise, and DOM for a phone to restyle).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

DOCS = Path(__file__).resolve().parent.parent / "docs"
ENTRY = re.compile(
    r"^(?P<term>[^\s:!<>*\[][^\n]*?)\s*\{\s*#(?P<anchor>[\w-]+)\s*\}\s*\n:\s+(?P<definition>.+)$",
    re.MULTILINE,
)
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.DOTALL)
_cache: dict[str, tuple[float, str]] = {}


def entries(language: str) -> list[tuple[str, str, str]]:
    """(term, anchor, definition) for every entry of a language's glossary."""
    path = DOCS / language / "glossary.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return [(m["term"].strip(), m["anchor"], m["definition"].strip()) for m in ENTRY.finditer(text)]


def tooltip(definition: str) -> str:
    """The first sentence of a definition, as plain text."""
    plain = LINK.sub(r"\1", definition)
    plain = re.sub(r"[*_`]", "", plain)
    match = FIRST_SENTENCE.match(plain)
    return (match.group(1) if match else plain).replace('"', "'")


def abbreviations(language: str) -> str:
    """The abbr definitions of a language's glossary, as Markdown lines."""
    path = DOCS / language / "glossary.md"
    stamp = path.stat().st_mtime if path.exists() else 0.0
    if language in _cache and _cache[language][0] == stamp:
        return _cache[language][1]
    lines = []
    for term, _, definition in entries(language):
        name = term.split(" (")[0].strip()
        for variant in dict.fromkeys([name, name.lower(), name[:1].upper() + name[1:]]):
            lines.append(f"*[{variant}]: {tooltip(definition)}")
    # One block per definition: as one block of ~300 lines, every block processor re-tests
    # the rest of it after each line, which made tooltips most of the build time.
    text = "\n\n".join(lines)
    _cache[language] = (stamp, text)
    return text


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.endswith("glossary.md"):
        return markdown  # the definitions are right there; tooltips would only repeat them
    language = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    extra = abbreviations(language)
    return f"{markdown}\n\n{extra}\n" if extra else markdown


def first_appearances_only(html: str) -> str:
    """Keep each tooltip at the first appearance of its term; later ones become plain text."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        if match["title"] in seen:
            return match["text"]
        seen.add(match["title"])
        return match[0]

    return ABBR.sub(keep_first, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return first_appearances_only(html)
