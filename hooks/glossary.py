"""Show a term's glossary definition on hover wherever the term appears, in the page's language
(tools/glossary.py): at a term's first appearance on a page, as a text defines a term once
(every "modell" underlined would be noise, and DOM for a phone to restyle). The glossary page
itself gets none: the definitions are right there.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.glossary import abbreviations, first_appearances_only
from tools.pages import page_language


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.endswith("glossary.md"):
        return markdown  # the definitions are right there; tooltips would only repeat them
    extra = abbreviations(page_language(page, config))
    return f"{markdown}\n\n{extra}\n" if extra else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return first_appearances_only(html)
    except PluginError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
