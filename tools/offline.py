"""Find what a built page would fetch from another host when it opens."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# rel values of <link> that make the browser fetch (canonical and alternate only point).
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.hostname not in {"127.0.0.1", "localhost"}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            if FETCHING_RELS & set(values.get("rel", "").lower().split()):
                self.urls.append(values.get("href", ""))
        elif tag in {"script", "img", "iframe", "source", "video", "audio", "embed", "track"}:
            self.urls.append(values.get("src", ""))
            self.urls.extend(
                part.split()[0] for part in values.get("srcset", "").split(",") if part.strip()
            )
        elif tag == "object":
            self.urls.append(values.get("data", ""))
        self.urls.extend(CSS_URL.findall(values.get("style", "")))


def external_fetches(html: str) -> list[str]:
    """URLs on other hosts that the page's HTML asks the browser to load."""
    parser = _Fetches()
    parser.feed(html)
    return [url for url in parser.urls if url and is_external(url)]


def external_css_urls(css: str) -> list[str]:
    """URLs on other hosts that a stylesheet loads (fonts, @import)."""
    return [url for url in CSS_URL.findall(css) if is_external(url)]
