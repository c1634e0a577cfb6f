"""The 404 page's language switcher leads to each language's home page.

MkDocs renders 404.html, which has no page of its own, with whatever the language switcher
(`extra.alternate`) held last: mkdocs-static-i18n points it at the translations of the page it
built before, so the 404 page offered a notebook's two languages. i18n sets the attribute
`config.extra.alternate`, which the theme's template reads before the item of the same name.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from tools.pages import LANGUAGES, language_prefix


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
