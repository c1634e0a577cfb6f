"""Every copy button copies a program that runs as it is (the logic: tools/copy_programs.py).

A continued block shows the code it builds on, folded, and copies all of it; code that does
not run on purpose (marked xfail), wherever shown, is labelled so and has no copy button.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.codeblocks import examples
from tools.copy_programs import not_runnable_code, rewrite
from tools.pages import DOCS, ROOT, all_pages, page_language

log = logging.getLogger("mkdocs.hooks.copy_programs")
# The code of the blocks that do not run on purpose -> whether it is an excerpt.
_not_runnable: dict[str, bool] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _not_runnable.clear()
    _not_runnable.update(not_runnable_code(all_pages()))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = Path(page.file.abs_src_path or "")
    is_page = source.suffix == ".md" and source.is_relative_to(DOCS) and source.is_file()
    found = examples(source.relative_to(ROOT)) if is_page else []
    html, problems = rewrite(html, found, page_language(page, config), _not_runnable)
    for problem in problems:  # a warning fails the strict build
        log.warning("copy buttons: %s", problem)
    return html
