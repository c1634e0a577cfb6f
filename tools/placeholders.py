"""Placeholders: an HTML comment on a line of its own, which a hook replaces with what it makes.

A page asks for generated content with a line such as ``<!-- questions: list -->`` (the home
page). The same comment mentioned inside a sentence or in code, as the contributing page
mentions it, is text and stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _line(placeholder: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(placeholder)}[ \t]*$", re.MULTILINE)


def holds(markdown: str, placeholder: str) -> bool:
    """Whether ``markdown`` has ``placeholder`` on a line of its own."""
    return bool(_line(placeholder).search(markdown))


def fill(markdown: str, placeholder: str, content: Callable[[], str]) -> str:
    """``markdown`` with the lines that are ``placeholder`` replaced by ``content()``, which is
    made only when there is such a line (some contents take a while to make)."""
    line = _line(placeholder)
    if not line.search(markdown):
        return markdown
    made = content()
    return line.sub(lambda _: made, markdown)
