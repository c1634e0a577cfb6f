"""A diagram with a phone drawing shows it on a phone (tools/diagrams.py); a phone drawing
without its wide drawing, or without its twin in the other language, stops the build."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tools.diagrams import for_phones, unpaired
from tools.pages import language_prefix, page_language


def on_pre_build(config: MkDocsConfig) -> None:
    if found := unpaired():
        raise PluginError("Phone drawings of diagrams without their pair:\n" + "\n".join(found))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page, config)
    diagrams = get_relative_url(f"{language_prefix(language)}diagrams/", page.url)
    return for_phones(html, language, diagrams.rstrip("/") + "/")
