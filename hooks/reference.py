"""The code reference: one mkdocstrings section per module of snippets/, in every language.

docs/<language>/reference.md holds the line ``<!-- reference: snippets -->``; this hook
replaces it with a ``::: snippets.<module>`` directive for each example module, so a new
module appears in the reference of both languages without anyone listing it.

Each function's source, folded under it, is kept in a ``<template>`` until the reader opens
the fold (overrides/assets/javascripts/site.js): as live HTML, the source was two thirds of
the page's 6,900 elements, styled and laid out on every load by a phone that never shows it.
The fold is a button that discloses the source, in an admonition's box, not mkdocstrings'
``<details>``: on a phone at 4x CPU throttling, the page's 47 closed ``<details>`` took about a
fifth of its style and layout time on every load (see the README).

mkdocstrings names its sections in English on every page: it takes one locale for the whole
site, and has no Swedish. The Swedish reference gets Swedish labels here.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import placeholders
from tools.pages import page_language

# mkdocstrings' labels, as its templates write them, in the languages it lacks.
LABELS = {
    "sv": {
        "Parameters:": "Parametrar:",
        "Returns:": "Returnerar:",
        "Raises:": "Undantag:",
        "Name": "Namn",
        "Type": "Typ",
        "Description": "Beskrivning",
        "Default": "Standard",
        "required": "obligatorisk",
        "Source code in": "Källkod i",
    }
}
LABEL = re.compile(
    r'(<span class="doc-section-title">|<th>|<em>|class="admonition-title" aria-expanded="false">)'
    r"([^<]+?)(\s*)(?=<)"
)
SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
PLACEHOLDER = "<!-- reference: snippets -->"
SOURCE = re.compile(
    r'<details class="mkdocstrings-source">\s*<summary>(.*?)</summary>(.*?)</details>', re.S
)
FOLD = (
    r'<div class="admonition mkdocstrings-source">'
    r'<button type="button" class="admonition-title" aria-expanded="false">\1</button>'
    r"<template>\2</template></div>"
)


def directives() -> str:
    modules = sorted(path.stem for path in SNIPPETS.glob("q*.py"))
    return "\n\n".join(f"::: snippets.{module}" for module in modules)


def on_config(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n runs every plugin's on_config again for each further language, and
    # mkdocstrings adds its style sheet each time: English pages linked it twice.
    config.extra_css = list(dict.fromkeys(config.extra_css))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return placeholders.fill(markdown, PLACEHOLDER, directives)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "doc-section-title" not in html and "mkdocstrings-source" not in html:
        return html
    html = SOURCE.sub(FOLD, html)
    labels = LABELS.get(page_language(page, config))
    if labels:
        html = LABEL.sub(lambda m: m[1] + labels.get(m[2], m[2]) + m[3], html)
    return html
