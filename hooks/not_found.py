"""The 404 page: the site's chrome in the default language, and a switcher to each home page.

MkDocs renders 404.html, which has no page of its own, with whatever the language switcher
(`extra.alternate`) held last: mkdocs-static-i18n points it at the translations of the page it
built before, so the 404 page offered a notebook's two languages. i18n sets the attribute
`config.extra.alternate`, which the theme's template reads before the item of the same name.

Each language's build writes the one 404.html at the site's root, so the last language's site
name, search box and navigation were around the default language's heading: the default
language's page (built first) is kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from tools.pages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix

_default_language_page: list[str] = []  # 404.html as the default language's build wrote it


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name == "404.html":
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        names = {alternate["lang"]: alternate["name"] for alternate in config.extra["alternate"]}
        config.extra.alternate = [
            {"name": names[language], "link": root + language_prefix(language), "lang": language}
            for language in LANGUAGES
        ]
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    if config.theme["language"] == DEFAULT_LANGUAGE:
        _default_language_page[:] = [output_content]
    return _default_language_page[0] if _default_language_page else output_content
