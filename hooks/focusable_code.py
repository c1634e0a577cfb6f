"""Make every code block reachable by keyboard, so a reader can scroll a long line without a mouse.

Material sets tabindex on a code block only once its script has measured that the block
overflows, which can come after an accessibility check (axe: scrollable-region-focusable)
or a keyboard user has already passed it. Setting it in the HTML removes that race.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

HIGHLIGHTED = "<pre><span></span><code>"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html.replace(HIGHLIGHTED, '<pre><span></span><code tabindex="0">')
