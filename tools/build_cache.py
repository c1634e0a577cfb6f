"""Work that every build repeats unchanged, kept by its inputs (hooks/build_cache.py uses it).

A result is only ever found under a digest of everything it was computed from, so an edit
always shows. Results stay in memory for the process (this module is imported once; MkDocs
re-runs hook files on every rebuild, and `mkdocs serve` rebuilds both languages after every
save) and, where they are text, on disk in $TMPDIR/kb-build-cache, outside the repository.
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
from mkdocs.utils import CountHandler
from mkdocstrings_handlers.python._internal import rendering as mkdocstrings_rendering
from nbconvert.exporters.templateexporter import TemplateExporter
from pymdownx.snippets import SnippetPreprocessor

CACHE = Path(tempfile.gettempdir()) / "kb-build-cache"
# What the results on disk also depend on: an upgrade must not find the old ones.
LIBRARIES = ("markdown", "pygments", "pymdown-extensions", "mkdocs", "mkdocs-material")
VERSIONS = tuple(importlib.metadata.version(name) for name in LIBRARIES)


def _digest(inputs: object) -> str:
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


class Memo:
    """Results of a pure function by a digest of its inputs: in memory, and on disk as JSON."""

    def __init__(self, name: str) -> None:
        self.path = CACHE / f"{name}.json"
        self.known: dict[str, Any] | None = None
        self.used: dict[str, Any] = {}  # what this build used: all that is written back

    def get(self, inputs: object, compute: Callable[[], Any]) -> Any:
        key = _digest((VERSIONS, inputs))
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


# Results for `mkdocs serve`'s rebuilds, in memory only (the libraries' versions cannot change
# within a process): each page's Markdown as HTML, the notebooks made from the pages, the
# practice files.
_kept: dict[str, Any] = {}
_used: set[str] = set()  # the keys this build used: all that is kept after it
# Set by Page.render (mkdocs 1.6); restored as copies, so the kept ones stay as they were.
PAGE_FIELDS = ("content", "toc", "_title_from_render", "present_anchor_ids")
INCLUDE = re.compile(r"""^\s*--8<--\s+(["'])(?P<path>[^"':]+)(?::[^"']*)?\1\s*$""")
SECTION_MARK = re.compile(r"--8<-- \[(?:start|end):[\w-]+\]")


def _includes(markdown: str, config: MkDocsConfig) -> list | None:
    """The files a page includes with pymdownx.snippets, with their contents (None: unsure)."""
    bases = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else bases
    found = []
    for line in markdown.splitlines():
        if "8<" not in line:
            continue
        directive = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if directive is None or directive["escape"]:
            continue  # text that shows the syntax (the contributing guide's), not an include
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
        if includes is None:
            return render(config, files)
        inputs = (
            page.markdown,
            page.file.src_uri,
            page.file.dest_uri,
            page.url,
            includes,
            _documented(page.markdown or "", config),
            sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files),
            _settings(config),
        )
        key = _digest(inputs)
        autorefs = config.plugins.get("autorefs")
        inventory = _inventory(config)
        _used.add(key)
        if key not in _kept:
            registered: list = []  # anchors, with mkdocs-autorefs
            listed: list = []  # mkdocstrings' objects.inv entries
            if autorefs:
                autorefs.register_anchor = _recording(autorefs.register_anchor, registered)
            if inventory is not None:
                inventory.register = _recording(inventory.register, listed)
            warnings = CountHandler(level=logging.WARNING)
            logging.getLogger("mkdocs").addHandler(warnings)
            try:
                render(config, files)
            finally:
                logging.getLogger("mkdocs").removeHandler(warnings)
                if autorefs:
                    del autorefs.register_anchor  # the class's method again
                if inventory is not None:
                    del inventory.register
            if warnings.counts:
                return None  # not kept: the next build shows the warnings again
            # What Page.render sets, and what it registered with mkdocs-autorefs and mkdocstrings.
            _kept[key] = {
                "fields": copy.deepcopy({name: getattr(page, name) for name in PAGE_FIELDS}),
                "links": {
                    file.src_uri: dict(links)
                    for file, links in (page.links_to_anchors or {}).items()
                },
                "registered": [(args[1:], kwargs) for args, kwargs in registered],
                "listed": listed,
            }
            return None
        kept = _kept[key]
        for name, value in copy.deepcopy(kept["fields"]).items():
            setattr(page, name, value)
        page.links_to_anchors = {
            files.get_file_from_path(src_uri): dict(links)
            for src_uri, links in kept["links"].items()
        }
        for args, kwargs in kept["registered"]:
            autorefs.register_anchor(page, *args, **kwargs)
        for args, kwargs in kept["listed"]:
            inventory.register(*args, **kwargs)
        return None

    return render_page


def _recording(method: Callable, calls: list) -> Callable:
    """`method`, which also notes the arguments of each call in `calls`."""

    def record(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return method(*args, **kwargs)

    return record


def _inventory(config: MkDocsConfig) -> Any:
    """mkdocstrings' inventory of this build (objects.inv), if the plugin is on."""
    plugin = config.plugins.get("mkdocstrings")
    return plugin.handlers.inventory if plugin else None


def _documented(markdown: str, config: MkDocsConfig) -> str | None:
    """For a page that mkdocstrings renders (`::: package.module`): a digest of the Python
    files of the packages it documents, and of the plugin's settings."""
    packages = sorted(set(re.findall(r"^::: ([\w]+)", markdown, re.MULTILINE)))
    if not packages:
        return None
    root = Path(config.config_file_path).parent
    sources = [
        (path.as_posix(), path.read_bytes())
        for package in packages
        for path in sorted((root / package).rglob("*.py"))
    ]
    plugin = config.plugins.get("mkdocstrings")
    return _digest((sources, json.dumps(plugin.config if plugin else {}, default=_stable)))


def kept(inputs: object, compute: Callable[[], Any]) -> Any:
    """compute(), or what it returned before in this process for the same inputs."""
    key = _digest(inputs)
    _used.add(key)
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
    for key in set(_kept) - _used:
        del _kept[key]
    _used.clear()
