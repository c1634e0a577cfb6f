"""Order the navigation for a reader: home, the questions, then the pages around them.

MkDocs sorts the pages it finds alphabetically by file name; this keeps the automatic
navigation (no page list to maintain) but puts its entries in this order.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

ORDER = (
    "index",
    "questions",
    "self-test",
    "quiz",
    "exam-sheet",
    "notebooks",
    "glossary",
    "reference",
    "contributing",
)


def _key(item: Page | Section) -> int:
    if isinstance(item, Section):
        first = item.children[0] if item.children else None
        name = first.file.src_uri.split("/")[-2] if isinstance(first, Page) else ""
    else:
        name = item.file.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    return ORDER.index(name) if name in ORDER else len(ORDER)


def _pages(items: list) -> list[Page]:
    pages = []
    for item in items:
        pages += _pages(item.children) if isinstance(item, Section) else [item]
    return [page for page in pages if isinstance(page, Page)]


@event_priority(-110)  # after mkdocs-static-i18n (-100) has removed the language sections
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    nav.items.sort(key=_key)
    pages = nav.pages = _pages(nav.items)
    for before, page, after in zip([None, *pages], pages, [*pages[1:], None], strict=False):
        page.previous_page, page.next_page = before, after
    return nav
