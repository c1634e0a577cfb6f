"""What a code block's copy button copies: a program that runs as it is (hooks/copy_programs.py).

A block marked ``<!--pytest-codeblocks:cont-->`` fails alone (NameError). On the page it shows
the code it builds on folded above it (a ``<details>``), and its ``.highlight`` wrapper carries
``data-copy``: the whole program as the code tests run it (``tools.codeblocks.program``).
Material's copy button copies the ``data-copy`` of the nearest ancestor that has one.

Code that does not run on purpose (marked ``<!--pytest.mark.xfail(...)-->``), wherever the
site shows it, gets a label saying so and class ``no-copy`` (Material gives it no button).

The HTML's blocks are matched with the page's CodeExamples by the code they show, in order (a
Python block only with one Pygments coloured); a block that cannot be found is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from types import MappingProxyType

from tools.codeblocks import Block, CodeExample, examples, program, shown
from tools.pages import ROOT

LABELS = {
    "sv": {
        "builds_on": "Bygger på koden ovan ({lines}) \u2013 kopieringsknappen kopierar allt",
        "line": ("rad", "rader"),
        "course": "Kursens kod, oförändrad: den går inte att köra",
        "not_runnable": "Koden går inte att köra som den står",
        "course_excerpt": "Kursens kod, oförändrad: ett utdrag som inte går att köra ensamt",
        "excerpt": "Ett utdrag: koden går inte att köra ensam",
    },
    "en": {
        "builds_on": "Builds on the code above ({lines}) \u2013 the copy button copies all of it",
        "line": ("line", "lines"),
        "course": "The course's code as written: it does not run",
        "not_runnable": "This code does not run as written",
        "course_excerpt": "The course's code as written: an excerpt that does not run on its own",
        "excerpt": "An excerpt: this code does not run on its own",
    },
}
# A code block as pymdownx.highlight writes it (tabindex and --lines from hooks/code_blocks.py).
HIGHLIGHT = re.compile(
    r'<div class="(?P<classes>(?:[\w-]+ )*highlight)"(?P<attributes>[^>]*)>'
    r'(?P<inside>(?:<span class="filename">.*?</span>)?<pre[^>]*><span></span>'
    r"<code[^>]*>(?P<code>.*?)</code></pre>)",
    re.DOTALL,
)
# The marker of code that is expected to fail, as Markdown passes it into the HTML.
XFAIL = re.compile(r"<!--\s*pytest\.mark\.xfail\b(?:(?!-->).)*-->\s*(?:</?p>\s*)?$", re.DOTALL)
QUESTION = re.compile(r'<div class="admonition question\b[^"]*">')
DIV = re.compile(r"<div\b|</div>")
TAG = re.compile(r"<[^>]*>")


@dataclass
class Shown:
    """A code block in a page's HTML."""

    start: int
    end: int
    classes: str
    attributes: str
    inside: str
    text: str  # the code as the page shows it
    highlighted: bool  # Pygments coloured it: it was not plain text (such as shown output)


def shown_blocks(html: str) -> list[Shown]:
    return [
        Shown(
            m.start(),
            m.end(),
            m["classes"],
            m["attributes"],
            m["inside"],
            shown(unescape(TAG.sub("", m["code"]))),
            '<span class="' in m["code"],
        )
        for m in HIGHLIGHT.finditer(html)
    ]


def same(block: Block, on_page: Shown) -> bool:
    """Same code, and for Python coloured by Pygments (shown output is plain text)."""
    return on_page.text == shown(block.code) and (block.language != "python" or on_page.highlighted)


def question_boxes(html: str) -> list[tuple[int, int]]:
    """Where the question admonitions (``!!! question``) begin and end in the HTML."""
    spans = []
    for match in QUESTION.finditer(html):
        depth = 0
        for tag in DIV.finditer(html, match.start()):
            depth += 1 if tag[0] == "<div" else -1
            if depth == 0:
                spans.append((match.start(), tag.end()))
                break
    return spans


def fold(before: str, language: str) -> str:
    """The code a block builds on, folded. The fold is filled from the next wrapper's `data-copy`
    (its first `data-lines` lines) when a reader opens it (assets/javascripts/site.js): the
    page does not carry every earlier block a second time, which made a phone lay out and
    Lighthouse count (as illegible small text) thousands of hidden lines."""
    count = len(before.rstrip("\n").split("\n"))
    one, many = LABELS[language]["line"]
    summary = LABELS[language]["builds_on"].format(lines=f"{count} {one if count == 1 else many}")
    return (
        f'<details class="kb-builds-on no-copy" data-lines="{count}">'
        f"<summary>{escape(summary, quote=False)}</summary>"
        '<pre><code tabindex="0"></code></pre></details>'
    )


def not_runnable(example: CodeExample) -> bool:
    """Code that does not run on purpose: marked xfail (the course's code as it was given)."""
    return marked_not_runnable(example.marks)


def marked_not_runnable(marks: Iterable[str]) -> bool:
    """Whether a block's pytest marks (with or without "pytest.") make it not run on purpose."""
    return any(mark.strip().removeprefix("pytest.").startswith("mark.xfail") for mark in marks)


def excerpt(marks: Iterable[str]) -> bool:
    """Code that fails only for want of names defined elsewhere (``raises=NameError``): its label
    says it is an excerpt, so that a student does not look for a mistake in it."""
    return any("raises=NameError" in mark for mark in marks)


def label(is_excerpt: bool, in_box: bool, language: str) -> str:
    """The label over code that does not run on purpose, in the question's box or elsewhere."""
    if is_excerpt:
        return LABELS[language]["course_excerpt" if in_box else "excerpt"]
    return LABELS[language]["course" if in_box else "not_runnable"]


def not_runnable_code(pages: Iterable[Path]) -> dict[str, bool]:
    """The code of every block that does not run on purpose, as shown, and whether it is an
    excerpt: wherever it is shown again (a self-test or exam page, say), it gets no copy button
    either, and the same label."""
    return {
        shown(block.code): excerpt(example.marks)
        for page in pages
        if "pytest.mark.xfail" in (ROOT / page).read_text(encoding="utf-8")
        for example in examples(page)
        if not_runnable(example)
        for block in example.blocks
    }


def rewrite(
    html: str,
    found: list[CodeExample],
    language: str,
    not_runnable_code: Mapping[str, bool] = MappingProxyType({}),
) -> tuple[str, list[str]]:
    """The page's HTML with continued blocks folded and copying whole programs, and code that
    does not run (marked xfail here, or the code of such a block elsewhere) labelled and
    without a copy button; and the blocks that were not found."""
    language = language if language in LABELS else "en"
    blocks = shown_blocks(html)
    # block number -> classes, attributes, HTML just before the block, HTML inside it first
    changes: dict[int, tuple[str, str, str, str]] = {}
    problems = []
    position = 0
    for example in found:
        for number, block in enumerate(example.blocks):
            index = next((i for i in range(position, len(blocks)) if same(block, blocks[i])), None)
            if index is None:
                problems.append(f"{block.where}: not found in the page's HTML")
                continue
            position = index + 1
            languages = {b.language for b in example.blocks[: number + 1]}
            if number and len(languages) == 1 and not example.error:
                whole = program(example.blocks[: number + 1])
                before = program(example.blocks[:number])
                attributes = f' data-copy="{escape(whole.rstrip())}"'
                # Before the wrapper, not inside it: Material mounts a block's copy button
                # (content.lazy) on the first <pre> it finds in the wrapper.
                changes[index] = ("", attributes, fold(before, language), "")
    boxes = question_boxes(html)
    for index, block in enumerate(blocks):
        marked = XFAIL.search(html, max(0, block.start - 2000), block.start)
        if marked or block.text in not_runnable_code:
            in_box = any(start < block.start < end for start, end in boxes)
            cut = excerpt([marked[0]]) if marked else not_runnable_code[block.text]
            text = escape(label(cut, in_box, language), quote=False)
            changes[index] = (" no-copy", "", "", f'<p class="kb-not-runnable">{text}</p>')
    parts, last = [], 0
    for index in sorted(changes):
        block = blocks[index]
        classes, attributes, before, first = changes[index]
        parts += [
            html[last : block.start],
            before,
            f'<div class="{block.classes}{classes}"{block.attributes}{attributes}>',
            first,
            block.inside,
        ]
        last = block.end
    parts.append(html[last:])
    return "".join(parts), problems
