"""Work that every build repeats unchanged, kept by its inputs (hooks/build_cache.py uses it).

Each build makes both languages, and `mkdocs serve` makes both again after every save, in the
same process; most of that work has the same inputs every time. A result is only ever found
under a digest of everything it was computed from, so an edit always shows. Results stay in
memory for the process (this module is imported once; MkDocs re-runs hook files on every
rebuild) and, where they are text, on disk in $TMPDIR/kb-build-cache for the next build,
outside the repository.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pymdownx.highlight
from mkdocstrings_handlers.python._internal import rendering as mkdocstrings_rendering

CACHE = Path(tempfile.gettempdir()) / "kb-build-cache"


class Memo:
    """Results of a pure function by a digest of its inputs: in memory, and on disk as JSON."""

    def __init__(self, name: str) -> None:
        self.path = CACHE / f"{name}.json"
        self.known: dict[str, Any] | None = None
        self.used: dict[str, Any] = {}  # what this build used: all that is written back

    def get(self, inputs: object, compute: Callable[[], Any]) -> Any:
        key = hashlib.sha256(repr(inputs).encode()).hexdigest()
        if self.known is None:
            try:
                self.known = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.known = {}
        if key not in self.known:
            self.known[key] = compute()
        self.used[key] = self.known[key]
        return self.used[key]

    def save(self) -> None:
        """Write what this build used (no more: the file does not grow with every edit)."""
        if not self.used:
            return
        CACHE.mkdir(exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(self.used), encoding="utf-8")
        partial.replace(self.path)  # whole or not at all, even with two builds at once
        self.known, self.used = self.used, {}


HIGHLIGHTED = Memo("highlight")
SEARCH_ENTRIES = Memo("search")


def bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled templates: Jinja checks each template's source before it uses its bytecode."""
    folder = CACHE / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


# Syntax highlighting (Pygments through pymdownx.highlight, also in the code reference), by the
# code, its arguments and every option of the highlighter.
_highlight = pymdownx.highlight.Highlight.highlight


@functools.wraps(_highlight)
def _highlight_once(self: pymdownx.highlight.Highlight, *args: Any, **kwargs: Any) -> str:
    if self.title_mode == "html" or self.auto_title:  # these store HTML in the Markdown instance
        return _highlight(self, *args, **kwargs)
    options = sorted((name, value) for name, value in vars(self).items() if name != "md")
    inputs = (type(self).__name__, options, args, sorted(kwargs.items()))
    return HIGHLIGHTED.get(inputs, lambda: _highlight(self, *args, **kwargs))


pymdownx.highlight.Highlight.highlight = _highlight_once

# mkdocstrings-python formats each long signature in the code reference with a `ruff format`
# process: the same signatures in both languages and every rebuild, so once per process.
# (A private function, in the version pinned in requirements.txt.)
_format = functools.cache(mkdocstrings_rendering._get_formatter())
mkdocstrings_rendering._get_formatter = lambda: _format
