"""Permalinks (¶) named in the page's language: each heading's, and each exercise's.

Python-Markdown's toc would give every permalink a `title`, in one language for the whole
site ("Permanent link" on Swedish pages too), and Material (`content.tooltips`) mounts a
tooltip on every element with a title as the page starts: 22 on question 12, 80 on the code
reference, start-up work on a phone for a hint on a pilcrow. mkdocs.yml turns the title off
(`permalink_title: ""`); this names the link for screen readers instead.

An exercise (an `!!! example` box, docs/*/contributing.md) is no heading, so it had no address
a teacher could hand out. Each gets the id `exercise-N`, in page order: the same in both
languages, so that the language switcher finds it too (site.js), and a permalink in its title
(kept out of search, where a heading's is left out by Material). A collapsed one (`??? example`)
would get neither: it stops the build, naming the page.

A glossary term has its id (`glossary/#dropout`, the same in both languages) but was no
heading either: a teacher found the address only in the page's source. Each term gets a
permalink too.
"""

from __future__ import annotations

import itertools
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.pages import page_language

LABEL = {"sv": "Länk till avsnittet", "en": "Link to this section"}
EXERCISE_LABEL = {"sv": "Länk till övningen", "en": "Link to this exercise"}
TERM_LABEL = {"sv": "Länk till begreppet", "en": "Link to this term"}
# The toc's permalinks and mkdocstrings' (the code reference) put their attributes in other orders.
# Material's, and nbconvert's on a notebook's page. The whitespace before one goes: a line could
# break there, and on a phone the ¶ stood on a line of its own under a heading (site.css).
PERMALINK = re.compile(r'<a (?=[^>]*\bclass="(?:headerlink|anchor-link)")')
EXERCISE = re.compile(r'<div class="admonition example">\s*<p class="admonition-title">(.*?)</p>')
TERM = re.compile(r'<dt id="([a-z0-9-]+)">(.*?)</dt>', re.S)
COLLAPSED_EXERCISE = re.compile(r'<details class="example\b[^>]*>\s*<summary>(.*?)</summary>')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if collapsed := COLLAPSED_EXERCISE.search(html):
        raise PluginError(
            f"docs/{page.file.src_uri}: the exercise {collapsed[1]!r} is a collapsed box: write "
            "it as `!!! example`, which gets its address (#exercise-N) and a permalink"
        )
    language = page_language(page, config)
    # The whitespace is stripped around a split: a pattern that starts with \s* is tried at
    # every space of the page (over the built site's pages, 0.32 s against 0.04 s).
    parts = PERMALINK.split(html)
    named = f'<a aria-label="{LABEL[language]}" '
    html = named.join([part.rstrip() for part in parts[:-1]] + parts[-1:])
    numbers = itertools.count(1)

    def addressed(exercise: re.Match[str]) -> str:
        anchor = f"exercise-{next(numbers)}"
        return (
            f'<div class="admonition example" id="{anchor}">\n'
            f'<p class="admonition-title">{exercise[1]}<a class="headerlink" href="#{anchor}" '
            f'aria-label="{EXERCISE_LABEL[language]}" data-search-exclude>&para;</a></p>'
        )

    html = EXERCISE.sub(addressed, html)
    if page.present_anchor_ids is not None:
        # MkDocs checks links to anchors after this: "#exercise-2" is one, as a heading's id is.
        page.present_anchor_ids.update(f"exercise-{n}" for n in range(1, next(numbers)))
    if not page.file.src_uri.endswith("glossary.md"):
        return html
    return TERM.sub(
        lambda term: (
            f'<dt id="{term[1]}">{term[2]}<a class="headerlink" href="#{term[1]}" '
            f'aria-label="{TERM_LABEL[language]}" data-search-exclude>&para;</a></dt>'
        ),
        html,
    )
