"""The glossary (docs/<language>/glossary.md), read as the source of the tooltips.

Each entry is a definition-list term with an anchor, e.g.

    Överanpassning (*overfitting*) { #overfitting }
    :   När en modell lär sig träningsdatans brus ...

``abbreviations`` turns every entry into Python-Markdown abbreviations (the abbr extension), so
Material shows the first sentence of the definition as a tooltip (hooks/glossary.py), and the
practice exports (tools/anki.py) read the entries too.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools.pages import DOCS, ROOT

ENTRY = re.compile(
    r"^(?P<term>[^\s:!<>*\[][^\n]*?)\s*\{\s*#(?P<anchor>[\w-]+)\s*\}\s*\n:\s+(?P<definition>.+)$",
    re.MULTILINE,
)
DEFINED = re.compile(r"^(?P<term>\S[^\n]*)\n:\s", re.MULTILINE)  # any definition-list term
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.DOTALL)
# A question to answer (self-test, exam sheet) is wrapped in these: a tooltip on its terms
# would give the answer away.
TOOLTIPS_OFF, TOOLTIPS_ON = "<!-- glossary: off -->", "<!-- glossary: on -->"
_OFF, _ON = re.escape(TOOLTIPS_OFF), re.escape(TOOLTIPS_ON)
NO_TOOLTIP = re.compile(  # headings, and a part between those two comments (never past an "off")
    rf"<(h[1-6])\b[^>]*>.*?</\1>|{_OFF}(?:(?!{_OFF}).)*?{_ON}", re.DOTALL
)
# Controls: a term inside one is reached with it, and a focusable term would nest in it.
CONTROL = re.compile(r"<(a|button|summary|label)\b[^>]*>.*?</\1>", re.DOTALL)
_cache: dict[Path, tuple[float, str]] = {}


def entries(language: str, docs: Path = DOCS) -> list[tuple[str, str, str]]:
    """(term, anchor, definition) for every entry of a language's glossary."""
    path = docs / language / "glossary.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    # A term without its anchor is no entry: it would get no tooltip and no card, without a word.
    for term in DEFINED.finditer(text):
        if not ENTRY.match(text, term.start()):
            line = text.count("\n", 0, term.start()) + 1
            raise PluginError(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}: the "
                f"term {term['term']!r} has no anchor: write {{ #its-id }} after it"
            )
    return [(m["term"].strip(), m["anchor"], m["definition"].strip()) for m in ENTRY.finditer(text)]


def letters(found: list[tuple[str, str, str]], label: str) -> str:
    """A row of links, one per initial letter, each to the first term with it (the glossary is
    in alphabetical order): a jump into 120 terms that a phone otherwise scrolls through."""
    first: dict[str, str] = {}
    for term, anchor, _ in found:
        first.setdefault(term[0].upper(), anchor)
    links = "".join(f'<a href="#{anchor}">{letter}</a>' for letter, anchor in first.items())
    return f'<nav class="kb-letters" aria-label="{label}" data-search-exclude>{links}</nav>'


def tooltip(term: str, definition: str, language: str) -> str:
    """The first sentence of a definition, as plain text. On a Swedish page it follows the
    English term where that differs ("(feature map) Utdata ..."): Keras and most of what a
    student reads next name things in English."""
    plain = LINK.sub(r"\1", definition)
    plain = re.sub(r"[*_`]", "", plain)
    match = FIRST_SENTENCE.match(plain)
    sentence = (match.group(1) if match else plain).replace('"', "'")
    name, _, other = term.partition(" (")
    english = other.removesuffix(")").strip("*").strip()
    if language == "en" or not english or english.lower() == name.strip().lower():
        return sentence
    return f"({english}) {sentence}"


def abbreviations(language: str, docs: Path = DOCS) -> str:
    """The abbr definitions of a language's glossary, as Markdown lines."""
    path = docs / language / "glossary.md"
    stamp = path.stat().st_mtime if path.exists() else 0.0
    if path in _cache and _cache[path][0] == stamp:
        return _cache[path][1]
    lines = []
    for term, _, definition in entries(language, docs):
        name = term.split(" (")[0].strip()
        first_lower, first_upper = name[:1].lower() + name[1:], name[:1].upper() + name[1:]
        for variant in dict.fromkeys([name, name.lower(), first_lower, first_upper]):
            lines.append(f"*[{variant}]: {tooltip(term, definition, language)}")
    # One block per definition: as one block of ~300 lines, every block processor re-tests
    # the rest of it after each line, which made tooltips most of the build time.
    text = "\n\n".join(lines)
    _cache[path] = (stamp, text)
    return text


def without_tooltips(markdown: str) -> str:
    """`markdown` marked so that its terms get no tooltips (`first_appearances_only`)."""
    return f"{TOOLTIPS_OFF}\n\n{markdown}\n\n{TOOLTIPS_ON}"


def first_appearances_only(html: str) -> str:
    """Keep each tooltip at the first appearance of its term outside headings; later ones, and
    those in a heading (a dotted line under a title) or marked by `without_tooltips`, become
    plain text. A term outside a control takes focus: Material shows a tooltip on hover or
    focus, and a phone has no hover, so a tap (or the Tab key) shows the definition. Inside a
    link or another control the term cannot take focus (a tap follows the link), so its next
    appearance keeps its tooltip too."""
    if html.count(TOOLTIPS_OFF) != html.count(TOOLTIPS_ON):
        # An unclosed part would take the tooltips of the answers after it, where its terms
        # are meant to get theirs.
        raise PluginError(f"{TOOLTIPS_OFF} and {TOOLTIPS_ON} do not pair up")
    seen: set[str] = set()
    aside = [match.span() for match in NO_TOOLTIP.finditer(html)]
    controls = [match.span() for match in CONTROL.finditer(html)]

    def keep_first(match: re.Match[str]) -> str:
        if match["title"] in seen or any(start < match.start() < end for start, end in aside):
            return match["text"]
        if any(start < match.start() < end for start, end in controls):
            return match[0]
        seen.add(match["title"])
        return f'<abbr title="{match["title"]}" tabindex="0">{match["text"]}</abbr>'

    return ABBR.sub(keep_first, html)
