"""Pygments' HTML with fewer elements, an element for each indented line that may wrap, and
the places where inline code may break.

Pygments puts every name and every run of whitespace in a span of its own. Material colours a
name as the code around it, nbconvert's notebook styles leave it alone, and whitespace shows no
colour (tests/test_site.py checks the style sheets), so these spans change nothing a reader sees
but the anti-aliasing of a few glyph edges. They are a fifth of a code-heavy page's elements,
which every style pass, layout and accessibility check walks.
"""

from __future__ import annotations

import html as html_text
import re

NAME_OR_SPACE = re.compile(r'<span class="[nw]">([^<]*)</span>')
INLINE_CODE = re.compile(r"<code\b[^>]*>(?:(?!</code>).)*</code>", re.DOTALL)
# After these (a dot after a name, not in a number), in text rather than in a tag, not before
# a closing parenthesis and not last in the code.
BREAK_AFTER = re.compile(r"(?:(?<=[/,(=])|(?<=\w\.)(?!\d))(?=[^<>]*(?:<|$))(?![<)]|$)")


def breakable_inline_code(html: str) -> str:
    """Inline code in `html` that may break after a dot, a slash, a comma, an opening
    parenthesis or an equals sign (`<wbr>`, which copying leaves out), so that a narrow column
    breaks `EarlyStopping(patience=5)` after its parenthesis, not inside a name."""
    return INLINE_CODE.sub(lambda code: BREAK_AFTER.sub("<wbr>", code[0]), html)


def without_plain_spans(html: str) -> str:
    return NAME_OR_SPACE.sub(r"\1", html)


TOKEN_SPAN = re.compile(r"<(/?)span\b[^>]*>")
# Longer than this, an indented line may wrap on a phone (about 27 characters a row in a box at
# 320 px); shorter ones need no element of their own.
MAY_WRAP = 24


def indented_lines(code: str) -> str:
    """Each indented line that may wrap on a phone in a span that knows its indent
    (``--indent``), so that the rest of it goes on below its own code, not at the block's edge
    (site.css). A token span of Pygments' that runs over the line (a docstring) is closed before
    the line's span and opened again inside it and after it: the line's span holds whole
    elements. The text, and so what a copy button copies, is unchanged."""
    out, open_tags = [], []
    for line in code.split("\n"):
        before = "".join(open_tags)
        for tag in TOKEN_SPAN.finditer(line):
            if tag[1]:
                open_tags.pop()
            else:
                open_tags.append(tag[0])
        text = html_text.unescape(re.sub(r"<[^>]+>", "", line))
        indent = len(text) - len(text.lstrip(" "))
        if indent and len(text) > MAY_WRAP:
            after = "".join(open_tags)
            line = (
                f'{"</span>" * before.count("<span")}<span class="kb-line" style="--indent: '
                f'{indent}">{before}{line}{"</span>" * len(open_tags)}</span>{after}'
            )
        out.append(line)
    return "\n".join(out)


COLUMNS = re.compile(r"^ *\S.*?\S {2,}\S", re.MULTILINE)  # a row: words, then spaces that align


def printed_columns(code: str) -> bool:
    """Plain text (no Pygments span: printed output) with two rows or more aligned in columns."""
    return "<span" not in code and len(COLUMNS.findall(code)) >= 2


# A code cell's code (highlight-ipynb), and code in a Markdown cell (the course's own, quoted).
NOTEBOOK_CODE = re.compile(r'(<div class="highlight[^"]*"><pre>)(.*?)(</pre>)', re.DOTALL)


def notebook_indented_lines(html: str) -> str:
    """indented_lines() in each block of code on a notebook page (not in its outputs)."""
    return NOTEBOOK_CODE.sub(lambda cell: cell[1] + indented_lines(cell[2]) + cell[3], html)


PRINTED = re.compile(r'(<div class="jp-RenderedText[^>]*>\s*<pre)(>.*?</pre>)', re.DOTALL)


def notebook_printed_columns(html: str) -> str:
    """A notebook's printed output in columns marked `kb-columns`, as a question page's is
    (hooks/code_blocks.py): it scrolls sideways with its rows whole instead of wrapping."""
    return PRINTED.sub(
        lambda out: out[1] + ' class="kb-columns"' + out[2] if printed_columns(out[2]) else out[0],
        html,
    )
