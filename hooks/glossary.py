"""Show a term's glossary definition on hover wherever the term appears, in the page's language
(tools/glossary.py): at a term's first appearance on a page, as a text defines a term once
(every "modell" underlined would be noise, and DOM for a phone to restyle). The glossary page
itself gets none: the definitions are right there; it gets a row of letters to jump by
(`<!-- glossary: letters -->`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import placeholders
from tools.glossary import abbreviations, entries, first_appearances_only, letters
from tools.pages import page_language

LETTERS = "<!-- glossary: letters -->"
LETTERS_LABEL = {"sv": "Termer efter begynnelsebokstav", "en": "Terms by initial letter"}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page, config)
    if page.file.src_uri.endswith("glossary.md"):
        # No tooltips: the definitions are right there, tooltips would only repeat them.
        label = LETTERS_LABEL.get(language, LETTERS_LABEL["en"])
        return placeholders.fill(markdown, LETTERS, lambda: letters(entries(language), label))
    extra = abbreviations(language)
    return f"{markdown}\n\n{extra}\n" if extra else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return first_appearances_only(html)
    except PluginError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
