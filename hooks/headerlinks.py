"""Each heading's permalink (¶) is named in the page's language, by `aria-label`.

Python-Markdown's toc would give every permalink a `title`, in one language for the whole
site ("Permanent link" on Swedish pages too), and Material (`content.tooltips`) mounts a
tooltip on every element with a title as the page starts: 22 on question 12, 80 on the code
reference, start-up work on a phone for a hint on a pilcrow. mkdocs.yml turns the title off
(`permalink_title: ""`); this names the link for screen readers instead.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.pages import page_language

LABEL = {"sv": "Länk till avsnittet", "en": "Link to this section"}
# The toc's permalinks and mkdocstrings' (the code reference) put their attributes in other orders.
PERMALINK = re.compile(r'<a (?=[^>]*\bclass="headerlink")')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    label = LABEL[page_language(page, config)]
    return PERMALINK.sub(f'<a aria-label="{label}" ', html)
