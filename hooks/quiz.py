"""The quiz (tools/quiz.py): on each question page that has items, and all of them on the quiz page.

- The build stops, listing every problem, when a ``.quiz.yml`` file is broken.
- A question page with items gets a last section, ``## Testa dig själv`` / ``## Test yourself``.
- ``docs/<language>/quiz.md`` holds ``<!-- quiz: items -->`` (every item of every question, with
  a filter per question and a shuffle button) and ``<!-- quiz: scores -->`` (the score per
  question, with a link back to each question answered wrong).

Each item is a plain HTML form (tools/quiz_html.py) that works without JavaScript. quiz.js
(loaded only by these pages, with quiz.css) checks answers, shows the explanations of the
options chosen and keeps the reader's progress in the browser.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tools import quiz
from tools.pages import DOCS, page_language
from tools.quiz_html import TEXT, Links, question_section, quiz_items, quiz_scores

ITEMS = "<!-- quiz: items -->"  # on the quiz page
SCORES = "<!-- quiz: scores -->"  # on the quiz page
SECTION = "<!-- quiz: section -->"  # what on_page_markdown leaves on a question page
ASSETS = ("assets/stylesheets/quiz.css", "assets/javascripts/quiz.js")

_pending: dict[str, dict[str, str]] = {}  # page -> placeholder -> its items, as HTML


def _slug(page: Page, language: str) -> str:
    """The question a page answers (its stem), or "" for any other page."""
    path = page.file.src_uri.removeprefix(f"{language}/")
    match = re.fullmatch(r"questions/(q\d{2}-[a-z0-9-]+)\.md", path)
    return match[1] if match else ""


@event_priority(100)  # before the other hooks' work: broken data stops the build at once
def on_pre_build(config: MkDocsConfig) -> None:
    _pending.clear()
    found = quiz.problems(DOCS)
    if found:
        raise PluginError("Broken quiz items (docs/*/questions/*.quiz.yml):\n" + "\n".join(found))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page, config)
    slug = _slug(page, language)
    if slug and slug in quiz.by_question(language, DOCS):
        return f"{markdown.rstrip()}\n\n## {TEXT[language]['heading']}\n\n{SECTION}\n"
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the items where the page has a placeholder; they go in at on_post_page."""
    if not any(placeholder in html for placeholder in (SECTION, ITEMS, SCORES)):
        return html
    language = page_language(page, config)
    by_slug = quiz.by_question(language, DOCS)
    links = Links(page, files, language)
    found = {}
    if SECTION in html:
        slug = _slug(page, language)
        found[SECTION] = question_section(slug, by_slug[slug], links, language)
    if ITEMS in html:
        found[ITEMS] = quiz_items(by_slug, links, language)
    if SCORES in html:
        found[SCORES] = quiz_scores(by_slug, links, language)
    _pending[page.file.src_uri] = found
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the items in, with quiz.css and quiz.js, on the pages that show items (only there).

    The items join the page after the search plugin has read it: its index keeps to the
    pages' own text (Material's data-search-exclude does not hold for form controls).
    """
    found = _pending.pop(page.file.src_uri, None)
    if not found:
        return output
    css, js = (get_relative_url(path, page.url) for path in ASSETS)
    # The style sheet just before the first items, not in the head: the page above them is
    # shown without waiting for it (a question page's items are at its end).
    first = min(found, key=output.find)
    found[first] = f'<link rel="stylesheet" href="{css}">{found[first]}'
    for placeholder, rendered in found.items():
        output = output.replace(placeholder, rendered)
    return output.replace("</head>", f'<script src="{js}" defer></script></head>', 1)
