"""Work that every build repeats unchanged, done once (tools/build_cache.py keeps it):
compiled Jinja templates (Material's, mkdocstrings' and nbconvert's), syntax highlighting, the
code reference's signatures, each page's search entries and, for `mkdocs serve`'s rebuilds,
each page's HTML. And `mkdocs serve` notices a saved file within 0.1 s instead of 0.5 s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.build_cache import (
    HIGHLIGHTED,
    SEARCH_ENTRIES,
    bytecode_cache,
    forget_unused,
    render_once,
)
from tools.pages import imported_elsewhere

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer


def _toc(items: Any) -> list:
    return [(item.id, item.url, item.title, item.level, _toc(item.children)) for item in items]


def on_config(config: MkDocsConfig) -> None:
    """Keep the search entries of each page (the search plugin makes a new index per build).
    First of all, stop a build whose tools/ are another copy's (the first hook's work)."""
    if problem := imported_elsewhere(config.docs_dir):
        raise PluginError(problem)
    index = config.plugins["material/search"].search_index
    add_entries = index.add_entry_from_context

    def add_entries_once(page: Page) -> None:
        inputs = (page.content, page.url, page.title, sorted(page.meta.items()), _toc(page.toc))

        def entries() -> list[dict]:
            before = len(index.entries)
            add_entries(page)
            made = index.entries[before:]
            del index.entries[before:]
            return made

        # Copies, so the kept entries stay as they were.
        index.entries += [dict(entry) for entry in SEARCH_ENTRIES.get(inputs, entries)]

    index.add_entry_from_context = add_entries_once


@event_priority(-20)  # after hooks/notebooks.py, which renders the notebooks its own way
def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if page.file.src_uri.endswith(".md"):
        page.render = render_once(page, page.render)
    return page


def on_pre_build(config: MkDocsConfig) -> None:
    """mkdocstrings' templates: compiled when the code reference is rendered, before on_env."""
    config.plugins["mkdocstrings"].get_handler("python").env.bytecode_cache = bytecode_cache()


@event_priority(100)  # before any page's template is loaded
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = bytecode_cache()
    return env


@event_priority(-300)  # after every other hook, in the last language's build
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # inside mkdocs-static-i18n's build of another language
    HIGHLIGHTED.save()
    SEARCH_ENTRIES.save()
    forget_unused()


POLL = 0.1  # seconds; MkDocs' file watcher polls every 0.5 s, which a saved page waits for


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """`mkdocs serve`: notice a saved file sooner (watchdog's polling interval, not public)."""
    server.observer._timeout = POLL  # watches added from now on
    for emitter in server.observer.emitters:  # and those already scheduled (docs, mkdocs.yml)
        emitter._timeout = POLL
    return server
