"""Work that every build repeats unchanged, kept by its inputs (hooks/build_cache.py uses it).

Each build makes both languages, and `mkdocs serve` makes both again after every save, in the
same process; most of that work has the same inputs every time. A result is only ever found
under a digest of everything it was computed from, so an edit always shows. Results stay in
memory for the process (this module is imported once; MkDocs re-runs hook files on every
rebuild) and, where they are text, on disk in $TMPDIR/kb-build-cache for the next build,
outside the repository.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pymdownx.highlight
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocstrings_handlers.python._internal import rendering as mkdocstrings_rendering
from nbconvert.exporters.templateexporter import TemplateExporter

CACHE = Path(tempfile.gettempdir()) / "kb-build-cache"
# What the results on disk also depend on: an upgrade must not find the old ones.
LIBRARIES = ("markdown", "pygments", "pymdown-extensions", "mkdocs", "mkdocs-material")
VERSIONS = tuple(importlib.metadata.version(name) for name in LIBRARIES)


class Memo:
    """Results of a pure function by a digest of its inputs: in memory, and on disk as JSON."""

    def __init__(self, name: str) -> None:
        self.path = CACHE / f"{name}.json"
        self.known: dict[str, Any] | None = None
        self.used: dict[str, Any] = {}  # what this build used: all that is written back

    def get(self, inputs: object, compute: Callable[[], Any]) -> Any:
        key = hashlib.sha256(repr((VERSIONS, inputs)).encode()).hexdigest()
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


# nbconvert compiles its templates anew for every notebook it converts (two thirds of the time
# it takes); with the bytecode cache, once.
_create_environment = TemplateExporter._create_environment


@functools.wraps(_create_environment)
def _environment_with_bytecode(self: TemplateExporter) -> jinja2.Environment:
    environment = _create_environment(self)
    environment.bytecode_cache = bytecode_cache()
    return environment


TemplateExporter._create_environment = _environment_with_bytecode

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


# A page's Markdown as HTML, in memory only (the libraries' versions cannot change within a
# process): what MkDocs' Page.render sets, and the anchors it registered with mkdocs-autorefs.
_rendered: dict[str, dict[str, Any]] = {}
_rendered_now: set[str] = set()  # what this build used: all that is kept after it
INCLUDE = re.compile(r"""^\s*--8<--\s+(["'])(?P<path>[^"':]+)(?::[^"']*)?\1\s*$""")
SECTION_MARK = re.compile(r"--8<-- \[(?:start|end):[\w-]+\]")


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _includes(markdown: str, config: MkDocsConfig) -> list | None:
    """The files a page includes with pymdownx.snippets, with their contents (None: unsure)."""
    bases = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else bases
    found = []
    for line in markdown.splitlines():
        if "8<" not in line:
            continue
        match = INCLUDE.match(line)
        if not match:
            return None  # another form of include: render it every time
        candidates = [Path(os.fspath(base)) / match["path"] for base in bases]
        path = next((candidate for candidate in candidates if candidate.is_file()), None)
        text = path.read_bytes() if path else b"missing"
        if "8<" in SECTION_MARK.sub("", text.decode("utf-8", "replace")):
            return None  # it includes more files
        found.append((match["path"], hashlib.sha256(text).hexdigest()))
    return found


def _settings(config: MkDocsConfig) -> str:
    """What else the conversion reads: the Markdown extensions and their settings."""
    settings = [
        config.markdown_extensions,
        config.mdx_configs,
        config.validation,
        config.use_directory_urls,
    ]
    return json.dumps(settings, sort_keys=True, default=_stable)


def _stable(value: object) -> str:
    """A path as its text; an extension object (mkdocstrings', autorefs') by its class."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return f"{type(value).__module__}.{type(value).__qualname__}"


def render_once(page: Page, render: Callable[[MkDocsConfig, Files], None]) -> Callable:
    """Page.render, kept by every input of the conversion; a page that warned renders again."""

    def render_page(config: MkDocsConfig, files: Files) -> None:
        includes = _includes(page.markdown or "", config)
        if includes is None or "\n::: " in f"\n{page.markdown}":  # mkdocstrings: own registry
            return render(config, files)
        inputs = (
            page.markdown,
            page.file.src_uri,
            page.file.dest_uri,
            page.url,
            includes,
            sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files),
            _settings(config),
        )
        key = hashlib.sha256(repr(inputs).encode()).hexdigest()
        autorefs = config.plugins.get("autorefs")
        _rendered_now.add(key)
        if key not in _rendered:
            registered: list = []
            if autorefs:
                register = autorefs.register_anchor

                def record(page: Page, *args: Any, **kwargs: Any) -> None:
                    registered.append((args, kwargs))
                    register(page, *args, **kwargs)

                autorefs.register_anchor = record
            warnings = _Warnings()
            logging.getLogger("mkdocs").addHandler(warnings)
            try:
                render(config, files)
            finally:
                logging.getLogger("mkdocs").removeHandler(warnings)
                if autorefs:
                    del autorefs.register_anchor  # the class's method again
            if warnings.count:
                return None  # not kept: the next build shows the warnings again
            _rendered[key] = {
                "content": page.content,
                "toc": copy.deepcopy(page.toc),
                "title": page._title_from_render,
                "anchors": set(page.present_anchor_ids or ()),
                "links": {
                    file.src_uri: dict(links)
                    for file, links in (page.links_to_anchors or {}).items()
                },
                "registered": registered,
            }
            return None
        kept = _rendered[key]
        page.content = kept["content"]
        page.toc = copy.deepcopy(kept["toc"])
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = {
            files.get_file_from_path(src_uri): dict(links)
            for src_uri, links in kept["links"].items()
        }
        for args, kwargs in kept["registered"]:
            autorefs.register_anchor(page, *args, **kwargs)
        return None

    return render_page


# Other results for `mkdocs serve`'s rebuilds (in memory): the notebooks made from the pages,
# the practice files.
_kept: dict[str, Any] = {}
_kept_now: set[str] = set()


def kept(inputs: object, compute: Callable[[], Any]) -> Any:
    """compute(), or what it returned before in this process for the same inputs."""
    key = hashlib.sha256(repr(inputs).encode()).hexdigest()
    _kept_now.add(key)
    if key not in _kept:
        _kept[key] = compute()
    return _kept[key]


def folder_digest(folder: Path, skip_suffix: str = "") -> str:
    """A digest of every file under a folder (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not (skip_suffix and path.name.endswith(skip_suffix)):
            digest.update(f"{path.relative_to(folder)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def forget_unused() -> None:
    """After a build: keep only what it used (a long `mkdocs serve` stays small)."""
    for store, used in ((_rendered, _rendered_now), (_kept, _kept_now)):
        for key in set(store) - used:
            del store[key]
        used.clear()
