"""Tables that fit a phone without breaking a word in the middle.

Squeezed to a phone's width, a table of three or more columns broke words mid-word
("Arkite|ktur") or scrolled sideways, and a column of code broke its names ("glossary.m|d"). So:

- such a table is marked `data-kb-stacked`, and each cell gets `data-label`, its column's
  heading: on a phone, site.css shows each row as a block, each cell after its heading;
- code in a table may break after a dot, a slash, a comma, an opening parenthesis or an equals
  sign (`<wbr>`, which copying leaves out), and nowhere else unless one piece is wider than
  the column: site.css keeps names whole, and on a wider screen the code whole.

Every table (Markdown, notebooks, code reference) also arrives in the scrolling `div`s that
Material's script would move it into as the page loads, with a class the script skips: moving
it restyled and laid out the page again, blocking time for Lighthouse (README: what each
change bought). Material styles only tables without a class, so its style sheet is edited to
style this one.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import highlight
from tools.material_css import SheetEdit

TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.DOTALL)  # ours never nest
ROW = re.compile(r"<tr\b.*?</tr>", re.DOTALL)
HEADING = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.DOTALL)
CELL = re.compile(r"<td\b(?P<attributes>[^>]*)>(?P<content>.*?)</td>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
CODE = highlight.INLINE_CODE
CLASS = "kb-table"
STYLED_AS_MATERIALS = SheetEdit(
    hook="hooks/tables.py",
    sheet="assets/stylesheets/main.",
    pattern=re.compile(r"table:not\(\[class\]\)"),
    replacement=f":is(table:not([class]),table.{CLASS})",  # the same specificity
    missing="has no rule for table:not([class]): Material has changed how it styles tables; "
    "check this hook against it",
)


def _text(fragment: str) -> str:
    """What a heading says, as an attribute's value (entities kept, quotes escaped)."""
    return " ".join(TAG.sub("", fragment).split()).replace('"', "&quot;")


def _is_code(cell: str) -> bool:
    """A cell of code alone: one span of code, or several in a list ("`a`, `b`")."""
    return bool(CODE.search(cell)) and not TAG.sub("", CODE.sub("", cell)).strip(" \n,;")


def _table(table: re.Match[str]) -> str:
    head, _, rows = highlight.breakable_inline_code(table["body"]).partition("</thead>")
    labels = [_text(heading["text"]) for heading in HEADING.finditer(head)]
    cells = [CELL.findall(row) for row in ROW.findall(rows)]
    code_column = any(
        all(column < len(row) and _is_code(row[column][1]) for row in cells)
        for column in range(len(labels))
    )
    if not cells or (len(labels) < 3 and not code_column):
        return _wrapped("", f"{head}</thead>{rows}")

    def label(row: re.Match[str]) -> str:
        numbered = iter(labels)
        return CELL.sub(
            lambda cell: (
                f'<td data-label="{next(numbered, "")}"{cell["attributes"]}>{cell["content"]}</td>'
            ),
            row[0],
        )

    return _wrapped(" data-kb-stacked", f"{head}</thead>{ROW.sub(label, rows)}")


def _wrapped(attributes: str, body: str) -> str:
    """A table in the two `div`s that Material's script would put around it."""
    table = f'<table class="{CLASS}"{attributes}>{body}</table>'
    return f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table}</div></div>'


def on_files(files: Files, config: MkDocsConfig) -> Files:
    STYLED_AS_MATERIALS.find(files)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return TABLE.sub(_table, html)


def on_post_build(config: MkDocsConfig) -> None:
    STYLED_AS_MATERIALS.apply()
