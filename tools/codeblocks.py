"""The code blocks of a page as readers see them: includes expanded, markers kept.

pytest-codeblocks' parser reads the markers (skip, skipif, xfail, cont, expected-output,
importorskip); pymdownx.snippets, configured exactly as in mkdocs.yml, expands the
``--8<--`` includes. We run the blocks ourselves (see ``run_python``) because
pytest-codeblocks' runner works in the current folder and reports only ``str(exception)``.
"""

from __future__ import annotations

import contextlib
import io
import linecache
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from pytest_codeblocks.main import extract_from_buffer

from tools.pages import ROOT

RUNNABLE = {"python", "sh", "bash"}
# Info strings that mean Python to a reader but that pytest-codeblocks would silently skip.
PYTHON_ALIASES = {"py", "py3", "python3", "pycon", "pyi", "ipython", "ipython3", "python-repl"}
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["']([^"']+)["']\s*$""")
# pytest-codeblocks joins continued blocks into one; we keep them apart (to check each
# block's output) by renaming the marker to a mark its parser passes through untouched.
CONT = re.compile(r"<!--[-\s]*pytest-codeblocks:cont[-\s]*-->")
CONTINUES = "pytest.mark.continues_previous_block"
FENCE = re.compile(r"^(?P<indent>\s*)(?P<mark>`{3,}|~{3,})(?P<info>.*)$")


@dataclass
class Block:
    """One fenced block as a reader sees it, with the output its page shows after it."""

    page: Path  # relative to the repository root
    lineno: int  # line of the opening fence in the page
    language: str
    code: str = ""
    expected_output: str | None = None
    ignore_whitespace: bool = False
    includes: list[str] = field(default_factory=list)
    output_file: Path | None = None  # the file the expected output is included from

    @property
    def where(self) -> str:
        where = f"{self.page.as_posix()}, code block at line {self.lineno}"
        if self.includes:
            where += f" (includes {', '.join(self.includes)})"
        return where


@dataclass
class CodeExample:
    """A block, or blocks joined by `<!--pytest-codeblocks:cont-->`, run as one script.

    Continued blocks run one after another in one namespace, as a reader who copies them
    top to bottom runs them; each block's shown output is checked right after it runs.
    """

    page: Path
    blocks: list[Block]
    importorskip: str | None = None
    marks: list[str] = field(default_factory=list)
    error: str | None = None  # why the page's blocks could not be read
    same_as: list[CodeExample] = field(default_factory=list)  # identical ones on other pages

    @property
    def id(self) -> str:
        return f"{self.page.as_posix()}:{self.blocks[0].lineno if self.blocks else 0}"

    def signature(self) -> tuple[object, ...]:
        """All that decides what running the example shows: the blocks' code and shown
        output, the markers (their reasons aside: those are in the page's language)."""
        if self.error:
            return (self.id, self.error)
        marks = tuple(
            (
                mark.name,
                mark.args,
                tuple(sorted(kw for kw in mark.kwargs.items() if kw[0] != "reason")),
            )
            for mark in (decorator.mark for decorator in self.pytest_marks())
        )
        blocks = tuple(
            (b.language, b.code, b.expected_output, b.ignore_whitespace) for b in self.blocks
        )
        return (blocks, marks, self.importorskip)

    def pytest_marks(self) -> list[pytest.MarkDecorator]:
        # The same evaluation pytest-codeblocks does, so its marker syntax keeps working.
        return [eval(mark, {"sys": sys, "pytest": pytest}) for mark in self.marks]


def language_of(info: str) -> str:
    """The language named by a fence's info string: 'python title="a.py"' -> 'python'."""
    first = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    return first.strip("{}").lstrip(".").lower()


@cache
def _snippet_preprocessor() -> markdown.preprocessors.Preprocessor:
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = config["mdx_configs"]["pymdownx.snippets"]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"]


def expand_includes(text: str) -> str:
    """Expand ``--8<--`` lines the way MkDocs does (a missing file raises)."""
    lines = _snippet_preprocessor().run(text.splitlines())
    return "\n".join(lines) + "\n" if lines else ""


def _included_files(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := INCLUDE.match(line))]


def fence_problems(page: Path) -> list[str]:
    """Fences the test collector would silently skip, as 'page:line: what to do' messages."""
    problems = []
    inside: str | None = None
    for number, line in enumerate((ROOT / page).read_text(encoding="utf-8").splitlines(), 1):
        match = FENCE.match(line)
        if not match:
            continue
        mark = match["mark"]
        if inside is not None:
            if mark.startswith(inside) and not match["info"].strip():
                inside = None
            continue
        inside = mark
        where = f"{page.as_posix()}:{number}"
        language = language_of(match["info"])
        if mark.startswith("~"):
            problems.append(f"{where}: use a ``` fence; the tests do not read ~~~ fences")
        elif not language:
            problems.append(f"{where}: name the fence's language (```python, ```text, ...)")
        elif language in PYTHON_ALIASES or (language == "python" and "{" in match["info"]):
            problems.append(
                f"{where}: write ```python (not {match['info'].strip()!r}); "
                "other spellings are not run by the tests"
            )
    return problems


def examples(page: Path) -> list[CodeExample]:
    """The runnable blocks of a page, includes expanded, continued blocks joined."""
    text = CONT.sub(f"<!--{CONTINUES}-->", (ROOT / page).read_text(encoding="utf-8"))
    try:
        parsed = extract_from_buffer(io.StringIO(text))
    except RuntimeError as error:
        return [CodeExample(page, [], error=f"{page.as_posix()}: {error}")]
    found: list[CodeExample] = []
    for parsed_block in parsed:
        language = language_of(parsed_block.syntax or "")
        if language not in RUNNABLE:
            continue
        marks = [mark for mark in parsed_block.marks if mark != CONTINUES]
        block = Block(
            page=page,
            lineno=parsed_block.lineno,
            language=language,
            ignore_whitespace=parsed_block.expected_output_ignore_whitespace,
            includes=_included_files(parsed_block.code),
        )
        if CONTINUES in parsed_block.marks and found and found[-1].blocks:
            example = found[-1]
            example.marks += marks
        else:
            example = CodeExample(page, [], parsed_block.importorskip, marks)
            found.append(example)
        example.blocks.append(block)
        try:
            block.code = expand_includes(parsed_block.code)
            if parsed_block.expected_output is not None:
                block.expected_output = expand_includes(parsed_block.expected_output)
                shown = parsed_block.expected_output.strip().splitlines()
                if len(shown) == 1 and (sources := _included_files(shown[0])):
                    block.output_file = ROOT / sources[0]
        except Exception as error:  # noqa: BLE001 - reported against the page, not swallowed
            example.error = f"{block.where}: {type(error).__name__}: {error}"
    return found


def run_once(found: list[CodeExample]) -> list[CodeExample]:
    """The examples with each set of identical ones (a page's block and the same block in
    its translation) folded into the first, which lists the others in `same_as`.

    Running the same code a second time, with the same seeds, cannot show anything new.
    """
    first: dict[tuple[object, ...], CodeExample] = {}
    for example in found:
        try:
            key = example.signature()
            hash(key)
        except Exception:  # noqa: BLE001 - a marker that cannot be read fails its own test
            key = (example.id,)
        if key in first:
            first[key].same_as.append(example)
        else:
            first[key] = example
    return list(first.values())


def tidy(output: str) -> str:
    """Output as compared: trailing spaces and trailing blank lines do not count."""
    return "\n".join(line.rstrip() for line in output.rstrip().splitlines())


def run_python(block: Block, namespace: dict[str, object]) -> str:
    """Run a Python block in a namespace (shared by continued blocks); return what it printed.

    The code is compiled under a name that says where it comes from, and registered with
    linecache, so a traceback shows the page, the line and the source.
    """
    source = block.code
    linecache.cache[block.where] = (len(source), None, source.splitlines(True), block.where)
    compiled = compile(source, block.where, "exec")
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        exec(compiled, namespace)
    return stdout.getvalue()


def run_shell(block: Block) -> str:
    """Run a sh/bash block; a non-zero exit fails with its output."""
    shell = "/bin/bash" if block.language == "bash" else "/bin/sh"
    result = subprocess.run(
        [shell, "-e", "-c", block.code], capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise AssertionError(
            f"{block.where}: {shell} exited {result.returncode}\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def run(example: CodeExample) -> Iterator[tuple[Block, str]]:
    """Run the blocks of an example in order; yield each block with what it printed."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    for block in example.blocks:
        if block.language == "python":
            yield block, run_python(block, namespace)
        else:
            yield block, run_shell(block)
