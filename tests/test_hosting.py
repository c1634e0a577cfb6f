"""What the hosting and search engines read from the built site (no browser needed)."""

from __future__ import annotations

import gzip
import http.client
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from hooks.nav_order import ORDER
from tests.test_site import site_target
from tools import published
from tools.markdown_reader import read
from tools.pages import (
    DEFAULT_LANGUAGE,
    DOCS,
    LANGUAGES,
    config,
    language_prefix,
    pages,
    site_language,
    site_url,
)
from tools.serve import serve, site_path
from tools.site import site_pages

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
TAG = re.compile(r"<[^>]*>")
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def _pages(site: Path) -> list[Path]:
    return [site / page / "index.html" for page in site_pages(site)]


def _part(html: Path, start: str, end: str) -> BeautifulSoup:
    """The part of a built page from `start` to `end`, parsed without the rest of the page (a
    notebook's page takes a tenth of a second to parse whole)."""
    text = html.read_text(encoding="utf-8")
    first = text.find(start)
    last = text.find(end, first)
    assert 0 <= first < last, f"{html}: no {start} ... {end}"
    return BeautifulSoup(text[first : last + len(end)], "html.parser")


def _markdown_page_urls(site_url: str) -> list[str]:
    """The address of every page written in Markdown (docs/<language>/...), both languages."""
    return [
        published.url(page.as_posix(), published.base_url(site_url, language))
        for language in LANGUAGES
        for page in pages(language)
    ]


def test_site_url_is_a_real_address() -> None:
    url = urlsplit(site_url())
    assert url.scheme == "https", url
    assert url.hostname, url
    assert not url.hostname.endswith(".invalid"), url
    assert site_path() == url.path


def test_every_page_has_a_meta_description(site: Path) -> None:
    missing = [
        str(html.relative_to(site))
        for html in _pages(site)
        if not (match := DESCRIPTION.search(html.read_text(encoding="utf-8"))) or not match[1]
    ]
    assert not missing, "pages without <meta name=description>:\n" + "\n".join(missing)


def test_every_markdown_page_describes_itself_in_its_front_matter() -> None:
    """Without its own description a page silently gets the site's (`description:` left empty
    too, which YAML reads as nothing); a front matter that is not closed by a line `---` is not
    front matter at all, and the page shows it as text."""
    missing = [
        f"docs/{language}/{page.as_posix()}"
        for language in LANGUAGES
        for page in pages(language)
        if not str(read(DOCS / language / page).meta.get("description") or "").strip()
    ]
    assert not missing, (
        "pages whose front matter has no `description` (is it closed by a line `---`?):\n"
        + "\n".join(missing)
    )


def test_no_page_head_has_relative_alternates(site: Path) -> None:
    """Material fetches `sitemap.xml` under each <link rel=alternate>; see overrides/main.html."""
    offenders = [
        str(html.relative_to(site))
        for html in _pages(site)
        if re.search(r'<link rel="alternate"[^>]*hreflang', html.read_text(encoding="utf-8"))
    ]
    assert not offenders, "pages with <link rel=alternate hreflang> in the head:\n" + "\n".join(
        offenders
    )


def test_sitemap_lists_every_page_with_absolute_alternates(site: Path) -> None:
    """Every page written in Markdown (generated notebook pages repeat them: not listed)."""
    base = site_url()
    listed = {
        entry.findtext(f"{SITEMAP}loc", ""): {
            link.get("hreflang"): link.get("href", "")
            for link in entry.iter(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for entry in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}url")
    }
    problems = []
    for url in _markdown_page_urls(base):
        if url not in listed:
            problems.append(f"{url} is not in sitemap.xml")
            continue
        if set(listed[url]) != set(LANGUAGES):
            problems.append(f"{url}: alternates for {sorted(listed[url])}, not {list(LANGUAGES)}")
        problems += [
            f"{url}: alternate {href!r} is not an absolute address under {base}"
            for href in listed[url].values()
            if not href.startswith(base)
        ]
    assert not problems, "\n".join(problems)


def test_each_language_has_its_own_search_index(site: Path) -> None:
    """Each language's index lists its own pages: none under another language's folder, and
    each page under its heading in this language (a location is relative to the language's
    root, so another language's page at the same place would have that one's title)."""
    others = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]
    for language in LANGUAGES:
        folder = site / language_prefix(language)
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language]
        assert index["docs"], f"the {language} search index is empty"
        foreign = [
            doc["location"]
            for doc in index["docs"]
            if any(doc["location"].startswith(f"{other}/") for other in others)
        ]
        assert not foreign, f"the {language} search index lists other languages: {foreign[:5]}"
        # A notebook repeats its question page: hooks/notebooks.py keeps it out of search.
        notebooks = [
            doc["location"] for doc in index["docs"] if doc["location"].startswith("notebooks/q")
        ]
        assert not notebooks, f"the {language} search index lists notebooks: {notebooks[:5]}"
        titled = [
            f"/{language_prefix(language)}{doc['location']}: {doc['title']!r}"
            for doc in index["docs"]
            if "#" not in doc["location"]
            and _heading(folder / doc["location"] / "index.html") != " ".join(doc["title"].split())
        ]
        assert not titled, f"the {language} index names pages by another heading:\n" + "\n".join(
            titled
        )


def _heading(html: Path) -> str:
    """A built page's H1, as search names the page (without its permalink)."""
    h1 = _part(html, "<article", "</h1>").select_one("article h1")
    assert h1, f"{html}: no H1"
    words = (text for text in h1.find_all(string=True) if not text.find_parent(class_="headerlink"))
    return " ".join("".join(words).split())


def test_each_language_indexes_every_page_section_by_section(site: Path) -> None:
    """The pages of both languages have the same headings (test_translations.py), so each
    index holds as many sections of a page as the other. mkdocs-static-i18n would drop a
    section that reads the same in both languages (the code reference) from all but one."""
    sections: dict[str, Counter[str]] = {}
    for language in LANGUAGES:
        folder = site / language_prefix(language)
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        sections[language] = Counter(doc["location"].split("#")[0] for doc in index["docs"])
    default = sections[DEFAULT_LANGUAGE]
    for language, counts in sections.items():
        differ = {
            page: (default[page], counts[page])
            for page in default.keys() | counts.keys()
            if default[page] != counts[page]
        }
        assert not differ, f"sections per page ({DEFAULT_LANGUAGE}, {language}): {differ}"


def test_what_a_page_keeps_out_of_search_is_not_in_its_search_entries(site: Path) -> None:
    """Text marked `data-search-exclude` (the self-test's bar: counts and buttons that mean
    nothing in a search result) is left out of the index of the page's language."""
    indexed: dict[str, str] = {}  # page path in the site -> all its entries' words
    for language in LANGUAGES:
        folder = site / language_prefix(language)
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            page = language_prefix(language) + doc["location"].split("#")[0]
            text = unescape(TAG.sub(" ", doc["text"]))
            indexed[page] = " ".join(f"{indexed.get(page, '')} {doc['title']} {text}".split())
    kept_out, problems = 0, []
    for html in _pages(site):
        page = html.parent.relative_to(site).as_posix().removeprefix(".").rstrip("/")
        page = f"{page}/" if page else ""
        if "data-search-exclude" not in html.read_text(encoding="utf-8"):
            continue  # nothing kept out (a notebook, say): no need to parse the page
        parts = _part(html, "<article", "</article>").select("article [data-search-exclude]")
        assert not parts or page in indexed, f"/{page}: no search entries found for the page"
        for part in parts:
            for line in part.stripped_strings:
                words = " ".join(line.split())
                if len(words) < 12:  # a word or two may well be said elsewhere on the page
                    continue
                kept_out += 1
                if words in indexed.get(page, ""):
                    problems.append(f"/{page}: {words!r}")
    assert kept_out, "no page keeps any text out of search: this check found nothing to check"
    assert not problems, "in the search index, though kept out:\n" + "\n".join(problems)


# The theme's own words as each language shows them: Material's, ours where Material's Swedish
# reads wrong (overrides/partials/language.html), and the palette toggles (mkdocs.yml).
THEME_WORDS = {
    "sv": ["Mörkt läge", "Ljust läge", "Gå till Git-repot", "Förbereder sökningen", "Byggd med"],
    "en": ["Dark mode", "Light mode", "Go to repository", "Initializing search", "Made with"],
}


def test_the_theme_speaks_the_language_of_the_page(site: Path) -> None:
    problems = []
    for page in _pages(site):
        path = page.relative_to(site).as_posix()
        language = site_language(path)
        html = page.read_text(encoding="utf-8")
        for words_language, words in THEME_WORDS.items():
            for words_shown in words:
                if (words_shown in html) != (words_language == language):
                    verb = "shows" if words_shown in html else "lacks"
                    problems.append(f"/{path} ({language}) {verb} {words_shown!r}")
    assert not problems, "\n".join(problems)


def test_the_language_switcher_names_each_language_in_its_own_language(site: Path) -> None:
    """A screen reader says "Svenska" in a Swedish voice (lang, WCAG 3.1.2), and hears which
    language the page is in (aria-current); each language's link leads to this page in it."""
    problems = []
    pages = _pages(site)
    for page in pages:
        path = page.relative_to(site).as_posix()
        language = site_language(path)
        links = _part(page, "<header", "</header>").select("a.md-select__link[hreflang]")
        if [link.get("hreflang") for link in links] != list(LANGUAGES):
            problems.append(f"/{path}: the switcher lists {[a.get('hreflang') for a in links]}")
        problems += [
            f"/{path}: {link.get_text(strip=True)} is marked lang={link.get('lang')}"
            for link in links
            if link.get("lang") != link.get("hreflang")
        ]
        current = [link.get("hreflang") for link in links if link.get("aria-current")]
        if current != [language]:
            problems.append(f"/{path} ({language}): the current language is marked {current}")
        # Each leads to this page in its language (the home page for the 404 page).
        folder = posixpath.dirname(path)
        here = "" if path == "404.html" else f"{folder}/".removeprefix(language_prefix(language))
        for link in links:
            href, other = str(link.get("href")), str(link.get("hreflang"))
            if site_target(folder, href) != (language_prefix(other) + here).strip("/"):
                problems.append(f"/{path}: the switcher's {other} leads to {href}")
    assert pages, "no pages built"
    assert not problems, "\n".join(problems)


SEARCH_BASE = re.compile(r'"base": *"([^"]*)"')


def test_search_on_every_page_reads_the_index_of_the_pages_language(site: Path) -> None:
    """hooks/search_per_language.py: Material's search worker loads the index under the
    page's `base`, which must be the root of the page's language (en/ for English)."""
    wrong = []
    for page in _pages(site):
        path = page.relative_to(site).as_posix()
        base = SEARCH_BASE.search(page.read_text(encoding="utf-8"))
        root = site_target(posixpath.dirname(path), base[1]) if base else None
        if root != language_prefix(site_language(path)).rstrip("/"):
            wrong.append(f"/{path}: base {base and base[1]!r} leads to /{root}")
    assert not wrong, "\n".join(wrong[:10])


# The code reference's section labels (mkdocstrings writes them in English; hooks/reference.py).
REFERENCE_LABELS = {
    "sv": {
        "Parametrar:",
        "Returnerar:",
        "Namn",
        "Typ",
        "Beskrivning",
        "Standardvärde",
        "obligatorisk",
        "Källkod i",
    },
    "en": {
        "Parameters:",
        "Returns:",
        "Name",
        "Type",
        "Description",
        "Default",
        "required",
        "Source code in",
    },
}
LABEL = re.compile(r'(?:doc-section-title">|<th>|<em>|aria-expanded="false">)([^<\s][^<]*?)\s*<')


def test_the_code_reference_labels_its_sections_in_the_language_of_the_page(site: Path) -> None:
    for language, expected in REFERENCE_LABELS.items():
        html = (site / language_prefix(language) / "reference" / "index.html").read_text("utf-8")
        labels = set(LABEL.findall(html))
        assert labels == expected, f"/{language_prefix(language)}reference/ labels {labels}"


NAV_LINK = re.compile(r'<a href="([^"#]*)"[^>]*class="md-nav__link')


def test_the_navigation_lists_home_the_questions_then_the_pages_around_them(site: Path) -> None:
    """hooks/nav_order.py: MkDocs sorts by file name, which would put the contributing guide
    before the questions; the home page's Next link leads to question 1."""
    for language in LANGUAGES:
        html = (site / language_prefix(language) / "index.html").read_text(encoding="utf-8")
        navigation = html[html.index("md-nav--primary") : html.index('class="md-content"')]
        sections = [
            link.split("/")[0].strip(".") or "index" for link in NAV_LINK.findall(navigation)
        ]
        assert tuple(dict.fromkeys(sections)) == ORDER, f"/{language_prefix(language)}: {sections}"
        following = re.search(
            r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', html
        )
        assert following, f"/{language_prefix(language)}: no Next link"
        assert following[1].startswith("questions/q01-"), following[1]


def test_404_page_speaks_both_languages_and_uses_absolute_paths(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    # Each language's part is marked with its language, for a screen reader's voice.
    assert re.search(r'<div lang="sv">\s*<h1>404 \S Sidan finns inte', html), html
    assert re.search(r'<div lang="en">\s*<h2>Page not found', html), html
    switcher = re.findall(r'href="([^"]*)" hreflang="([a-z]+)"', html)
    assert switcher == [
        (site_path() + language_prefix(language), language) for language in LANGUAGES
    ], "the language switcher of the 404 page must lead to each language's home page"
    prefix = site_path()
    assert f'href="{prefix}assets/stylesheets/' in html, "404.html must name assets by path"
    # Around them, the site in its default language: each language's build writes this one
    # file, and the last one's site name, search box and navigation were left on it.
    assert f'<html lang="{DEFAULT_LANGUAGE}"' in html, "404.html not in the default language"
    assert f'title="{config()["site_name"]}"' in html, "404.html's site name not the default's"


def test_the_favicon_is_there(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="icon" href="([^"]+)"', html)
    assert match, "no <link rel=icon>"
    assert (site / match[1]).is_file(), f"the favicon {match[1]} is not in the site"


def _get(url: str, path: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    answer = connection.getresponse()
    result = answer.status, dict(answer.getheaders()), answer.read()
    connection.close()
    return result


def test_the_test_server_answers_as_github_pages_does(tmp_path: Path) -> None:
    """tools/serve.py, which the browser tests and the audit use: the site under its path,
    text gzipped for a browser that asks, a folder by its index.html (without its final slash,
    redirected), anything else, outside the site too, by 404.html with status 404."""
    files = {"index.html": b"home", "a/index.html": b"page a", "404.html": b"gone"}
    files |= {"style.css": b"body{color:red}" * 50, "image.png": b"\x89PNG..."}
    site = tmp_path / "site"
    for name, content in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content)
    (tmp_path / "secret.txt").write_text("beside the site")
    with serve(site, prefix="/p/") as url:
        status, headers, body = _get(url, "/p/style.css")
        assert (status, headers.get("Content-Encoding")) == (200, "gzip")
        assert gzip.decompress(body) == files["style.css"]
        assert _get(url, "/p/style.css", gzip_ok=False)[2] == files["style.css"]
        assert "Content-Encoding" not in _get(url, "/p/image.png")[1], "a PNG is compressed"
        status, headers, _ = _get(url, "/p/a")
        assert (status, headers.get("Location")) == (301, "/p/a/")
        assert _get(url, "/p/a/", gzip_ok=False)[::2] == (200, b"page a")
        for missing in ("/p/nowhere/", "/p/../secret.txt", "/p/%2e%2e/secret.txt", "/index.html"):
            assert _get(url, missing, gzip_ok=False)[::2] == (404, b"gone"), missing
