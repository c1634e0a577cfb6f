"""One search index per language, so a Swedish page finds only Swedish pages.

mkdocs-static-i18n merges every language into one `search/search_index.json`
(ultrabug/mkdocs-static-i18n#271). After the whole build (all languages), this hook splits
that index: the default language keeps `search/search_index.json`, every other language gets
its own `<lang>/search/search_index.json`, with locations relative to that language's root
and lunr set to that language alone (Swedish stemming for Swedish, English for English).

Material's search worker loads `search/search_index.json` from the `base` in the page's
`__config` JSON and resolves result links against the same `base`. So on the pages of a
non-default language, `base` points at that language's root (`../..` + `/en/`: the final
slash matters to `new URL`). Nothing else on these pages reads it (instant navigation and
the version selector do, and this site uses neither).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.DOTALL
)


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The default language and the others, as mkdocs-static-i18n is configured."""
    i18n = config.plugins["i18n"]
    others = [language for language in i18n.all_languages if language != i18n.default_language]
    return i18n.default_language, others


def _language_of(url: str, others: list[str]) -> str | None:
    return next((language for language in others if url.startswith(f"{language}/")), None)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point a non-default language's pages at their own language's root for search."""
    _, others = _languages(config)
    language = _language_of(page.url, others)
    if language is None:
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
    default, others = _languages(config)
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged: dict[str, Any] = json.loads(merged_path.read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = merged["docs"]
    per_language: dict[str, list[dict[str, Any]]] = {language: [] for language in others}
    per_language[default] = []
    for doc in docs:
        language = _language_of(doc["location"], others)
        if language is None:
            per_language[default].append(doc)
        else:
            location = doc["location"].removeprefix(f"{language}/")
            per_language[language].append({**doc, "location": location})
    for language, language_docs in per_language.items():
        index = {**merged, "config": {**merged["config"], "lang": [language]}}
        index["docs"] = language_docs
        folder = site / "search" if language == default else site / language / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
