"""Every code block: reachable by keyboard, its height known before it is laid out, and no
element that changes nothing a reader sees.

Material sets tabindex on a code block only once its script has measured that the block
overflows, which can come after an accessibility check (axe: scrollable-region-focusable)
or a keyboard user has already passed it. Setting it in the HTML removes that race.

On a phone a code block out of sight is not laid out until it comes near (`content-visibility`
in site.css); until then it takes the height that its number of lines gives (`--lines`). With
one height for all, a block that came near after a jump to a heading grew or shrank, and moved
the heading out of sight. On a desktop every block is laid out at once.

Code wraps, and the rest of an indented line goes on two characters in from its own indent,
which its span gives (tools/highlight.py, site.css). Printed output in columns (a table that
`print` aligned with spaces) is marked `kb-columns`: wrapped, its last column fell under its
first, so it scrolls sideways instead, each row whole.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools.highlight import indented_lines, printed_columns, without_plain_spans

HIGHLIGHTED = re.compile(r"<pre><span></span><code>(.*?)</code></pre>", re.DOTALL)


def _with_attributes(block: re.Match[str], *, by_line: bool = True) -> str:
    code = without_plain_spans(block.group(1))
    lines = max(1, code.count("\n"))
    attributes = f'tabindex="0" style="--lines: {lines}"'
    if printed_columns(code):  # it does not wrap: its indented lines need no hanging indent
        attributes = f'class="kb-columns" {attributes}'
    elif by_line:
        code = indented_lines(code)
    return f"<pre><span></span><code {attributes}>{code}</code></pre>"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The code reference's sources, folded and read on a wide screen, keep their lines bare: a
    # span per line there was 311 elements on a page at the bar of Lighthouse's score (#12).
    reference = page.file.src_uri.endswith("reference.md")
    return HIGHLIGHTED.sub(lambda block: _with_attributes(block, by_line=not reference), html)
