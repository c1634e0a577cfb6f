"""Every copy button copies a program that runs as it is (the logic: tools/copy_programs.py).

A block that continues earlier blocks (``<!--pytest-codeblocks:cont-->``) shows the code it
builds on, folded above it, and its copy button copies all of it; code that does not run on
purpose (``<!--pytest.mark.xfail(...)-->``) is labelled so and has no copy button.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.codeblocks import examples
from tools.copy_programs import rewrite
from tools.pages import DOCS, ROOT

log = logging.getLogger("mkdocs.hooks.copy_programs")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = Path(page.file.abs_src_path or "")
    if source.suffix != ".md" or not source.is_relative_to(DOCS) or not source.is_file():
        return rewrite(html, [], _language(page, config))[0]
    html, problems = rewrite(html, examples(source.relative_to(ROOT)), _language(page, config))
    for problem in problems:  # a warning fails the strict build
        log.warning("copy buttons: %s", problem)
    return html


def _language(page: Page, config: MkDocsConfig) -> str:
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")
