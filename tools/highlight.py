"""Pygments' HTML with fewer elements.

Pygments puts every name and every run of whitespace in a span of its own. Material colours a
name as the code around it, nbconvert's notebook styles leave it alone, and whitespace shows no
colour (tests/test_site.py checks the style sheets), so these spans change nothing a reader sees
but the anti-aliasing of a few glyph edges. They are a fifth of a code-heavy page's elements,
which every style pass, layout and accessibility check walks.
"""

from __future__ import annotations

import re

NAME_OR_SPACE = re.compile(r'<span class="[nw]">([^<]*)</span>')


def without_plain_spans(html: str) -> str:
    return NAME_OR_SPACE.sub(r"\1", html)
