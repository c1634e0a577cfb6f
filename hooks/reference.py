"""The code reference: one mkdocstrings section per module of snippets/, in every language.

docs/<language>/reference.md holds the line ``<!-- reference: snippets -->``; this hook
replaces it with a ``::: snippets.<module>`` directive for each example module, so a new
module appears in both languages without anyone listing it.

Each function's source is folded in a ``<template>`` behind a button, in an admonition's box
(opened by overrides/assets/javascripts/site.js), not in mkdocstrings' ``<details>``: as live
HTML the sources were two thirds of the page's elements, and closed ``<details>`` took a
throttled phone a fifth of its style and layout time on every load (see the README).

mkdocstrings takes one locale for the whole site and has no Swedish: the Swedish reference
gets Swedish labels here.

On a phone a module's or a file's long name breaks after a dot, an underscore or a slash
(`<wbr>`), and a signature between its words (site.css), not in the middle of a name.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import placeholders
from tools.pages import SNIPPETS, page_language

# mkdocstrings' labels, as its templates write them, in the languages it lacks.
LABELS = {
    "sv": {
        "Parameters:": "Parametrar:",
        "Returns:": "Returnerar:",
        "Raises:": "Undantag:",
        "Name": "Namn",
        "Type": "Typ",
        "Description": "Beskrivning",
        "Default": "Standardvärde",
        "required": "obligatorisk",
        "Source code in": "Källkod i",
    }
}
LABEL = re.compile(
    r'(<span class="doc-section-title">|<th>|<em>|class="admonition-title" aria-expanded="false">)'
    r"([^<]+?)(\s*)(?=<)"
)
# A module's name in its heading, and a file's in its source fold: on a phone they break after
# a dot, an underscore or a slash ("snippets.q04_train_validation_|test"), not at the edge.
NAMES = re.compile(
    r'(<span class="doc doc-object-name doc-module-name">|aria-expanded="false">[^<]*<code>)'
    r"([^<]+)(?=</)"
)
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
    return NAMES.sub(lambda m: m[1] + re.sub(r"([._/])", r"\1<wbr>", m[2]), html)
