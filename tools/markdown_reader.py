"""The one reader of the pages' Markdown: front matter, headings, admonitions, fences, markers.

markdown-it-py with its front-matter and admonition plugins, so a fence inside an admonition
(``??? success "Solution"``) is read as a fence, its body dedented. Only pytest-codeblocks
(which runs the code) reads the pages with a parser of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

_ATTRIBUTE_LIST = re.compile(r"\s*\{[^}]*\}\s*$")  # '{ #id .class }' ending a heading
_PARSER = MarkdownIt("commonmark").use(front_matter_plugin).use(admon_plugin)


def language_of(info: str) -> str:
    """The language a fence's info string names: 'python title="a.py"' -> 'python'."""
    first = info.split(maxsplit=1)[0] if info.strip() else ""
    return first.strip("{}").lstrip(".").lower()


@dataclass(frozen=True)
class Fence:
    line: int  # the opening fence's line, from 1
    end: int  # the line after the closing fence, from 1
    info: str  # 'python title="a.py"'
    markup: str  # ``` or ~~~, or "" for code indented four spaces
    code: str  # the body, dedented when the fence is indented

    @property
    def language(self) -> str:
        return language_of(self.info)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    source: str  # the heading line as written, without its indent: '## Kort svar { #kort }'

    @property
    def text(self) -> str:
        """Its words, as the page shows them: 'Kort svar' (attr_list takes `{ #kort }` away)."""
        return _ATTRIBUTE_LIST.sub("", self.source.lstrip("#")).strip()


@dataclass(frozen=True)
class Admonition:
    line: int
    end: int  # the line after its indented body
    kind: str  # question, success, ...


@dataclass(frozen=True)
class Comment:
    """An HTML comment on lines of its own, such as a pytest-codeblocks marker."""

    line: int
    end: int
    text: str  # without the comment's <!-- -->, stripped


# The blocks a translation keeps, in order (tables are paragraphs to the commonmark parser).
_BLOCKS = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "numbered list",
    "list_item_open": "list item",
    "blockquote_open": "quote",
    "fence": "code block",
    "code_block": "code block",
    "html_block": "HTML block",
    "hr": "rule",
}


@dataclass(frozen=True)
class Block:
    """Any block, nested ones too: what a translation keeps in the same order."""

    line: int
    kind: str  # 'paragraph', 'h2', 'failure box', 'list item', ...
    depth: int  # how deep in lists and boxes


@dataclass(frozen=True)
class MarkdownPage:
    lines: list[str]
    meta: dict[str, Any]
    body_start: int  # the first line after the front matter, from 1
    blocks: list[Fence | Heading | Admonition | Comment] = field(default_factory=list)
    structure: list[Block] = field(default_factory=list)  # every block, in order

    @property
    def fences(self) -> list[Fence]:
        return [block for block in self.blocks if isinstance(block, Fence)]

    @property
    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def admonitions(self) -> list[Admonition]:
        return [block for block in self.blocks if isinstance(block, Admonition)]

    @property
    def title(self) -> str:
        """The text of the first H1, or ''."""
        first = next((h for h in self.headings if h.level == 1), None)
        return first.text if first else ""

    def section(self, heading: str) -> str:
        """The text under the H2 `heading`, up to the next H2, stripped ('' if absent)."""
        h2 = [h for h in self.headings if h.level == 2]
        ends = [h.line for h in h2[1:]] + [len(self.lines) + 1]
        for here, end in zip(h2, ends, strict=False):
            if here.source[3:].strip() == heading:
                return "\n".join(self.lines[here.line : end - 1]).strip()
        return ""


def parse(text: str) -> MarkdownPage:
    lines = text.splitlines()
    meta: dict[str, Any] = {}
    body_start = 1
    blocks: list[Fence | Heading | Admonition | Comment] = []
    structure: list[Block] = []
    for token in _PARSER.parse(text):
        if token.map is None:
            continue
        start, end = token.map[0] + 1, token.map[1] + 1
        kind = {
            "heading_open": token.tag,
            "admonition_open": f"{token.meta.get('tag', '')} box",
        }.get(token.type, _BLOCKS.get(token.type))
        if kind:
            structure.append(Block(start, kind, token.level))
        if token.type == "front_matter":
            meta = yaml.safe_load(token.content) or {}
            body_start = end
        elif token.type == "fence":
            blocks.append(Fence(start, end, token.info.strip(), token.markup, token.content))
        elif token.type == "code_block":
            blocks.append(Fence(start, end, "", "", token.content))
        elif token.type == "heading_open":
            blocks.append(Heading(start, int(token.tag[1]), lines[start - 1].strip()))
        elif token.type == "admonition_open":
            blocks.append(Admonition(start, end, token.meta.get("tag", "")))
        elif token.type == "html_block" and token.content.lstrip().startswith("<!--"):
            comment = token.content.strip().removeprefix("<!--").removesuffix("-->").strip()
            blocks.append(Comment(start, end, comment))
    return MarkdownPage(lines, meta, body_start, blocks, structure)


def texts(text: str) -> list[tuple[int, str]]:
    """The words of each block that holds text (paragraph, heading, list item, table, a box's
    title), in order, each with its line, an image's alt text included: inline code, link
    targets and HTML left out."""
    found = []
    for token in _PARSER.parse(text):
        if token.type == "inline" and token.map:
            # An image's alt text is its children (the words a screen reader reads): translated too.
            children = [
                grand for child in token.children or [] for grand in child.children or [child]
            ]
            words = (child.content for child in children if child.type == "text")
            found.append((token.map[0] + 1, " ".join(words)))
    return found


def read(path: Path) -> MarkdownPage:
    return _read(path, path.stat().st_mtime_ns)


@functools.cache
def _read(path: Path, _mtime: int) -> MarkdownPage:
    return parse(path.read_text(encoding="utf-8"))


# What is not prose in a page, a quiz file or a diagram, besides code blocks.
NOT_PROSE = [
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"\]\([^)\s]*\)"),  # link targets
    re.compile(r"\(\*[^*()]+\*\)"),  # an English gloss: (*feature map*)
    re.compile(r"<[^>]+>"),  # HTML tags and their attributes (aria-labelledby, ...)
    re.compile(r"\{\s*#[\w-]+\s*\}"),  # attribute-list anchors: { #feature-map }
    re.compile(r"https?://\S+"),
    re.compile(r"^\*\[[^\]]+\]:.*$", re.MULTILINE),  # abbreviation definitions
]


def prose(text: str, markdown: bool = True, also: Iterable[re.Pattern[str]] = ()) -> str:
    """The text with everything that is not prose (and what `also` matches) blanked out, line
    numbers kept. Code blocks count only in Markdown: in a diagram or a quiz file, indented
    lines are prose too."""
    lines = text.split("\n")
    for fence in parse(text).fences if markdown else []:
        lines[fence.line - 1 : fence.end - 1] = [""] * (fence.end - fence.line)
    text = "\n".join(lines)
    for pattern in [*NOT_PROSE, *also]:
        text = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match[0]), text)
    return text
