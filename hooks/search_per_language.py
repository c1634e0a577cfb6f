"""One search index per language, so a Swedish page finds only Swedish pages.

mkdocs-static-i18n merges every language into one `search/search_index.json`
(ultrabug/mkdocs-static-i18n#271). After the whole build, this hook splits it: each language
gets the index under its own root (`search/...` for the default, `en/search/...`), with
locations relative to that root and lunr set to that language alone (for its stemming).

Material's search worker loads the index from the `base` in the page's `__config` JSON and
resolves result links against it. So on a non-default language's pages, `base` points at that
language's root (`../..` + `/en/`: the final slash matters to `new URL`). Nothing else on these
pages reads it (instant navigation and the version selector do; this site uses neither).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from tools.pages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix

CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.DOTALL
)


def _language_of(url: str) -> str:
    prefixed = (language for language in LANGUAGES[1:] if url.startswith(f"{language}/"))
    return next(prefixed, DEFAULT_LANGUAGE)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point a non-default language's pages at their own language's root for search."""
    language = _language_of(page.url)
    if language == DEFAULT_LANGUAGE:
        return output

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match["json"])
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/"
        text = json.dumps(settings).replace("<", "\\u003c")  # never a "</script>" inside
        return f"{match[1]}{text}{match[3]}"

    return CONFIG_SCRIPT.sub(rebase, output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built all languages and merged
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # inside mkdocs-static-i18n's build of another language: not done yet
    site = Path(config.site_dir)
    merged: dict[str, Any] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    per_language: dict[str, list[dict[str, Any]]] = {language: [] for language in LANGUAGES}
    for doc in merged["docs"]:
        language = _language_of(doc["location"])
        location = doc["location"].removeprefix(language_prefix(language))
        per_language[language].append({**doc, "location": location})
    for language, docs in per_language.items():
        index = {**merged, "config": {**merged["config"], "lang": [language]}, "docs": docs}
        folder = site / language_prefix(language) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
