"""The code blocks of a page as readers see them: includes expanded, markers kept.

pytest-codeblocks' parser reads the markers; pymdownx.snippets, configured as in mkdocs.yml,
expands the ``--8<--`` includes. We run the blocks ourselves (``run``: in a fresh process, in a
folder outside the repository): pytest-codeblocks' runner works in the current folder, in the
test process, and reports only ``str(exception)``.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from pymdownx.snippets import SnippetMissingError
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

from tools import fresh_process, markdown_reader
from tools.fresh_process import Code, WarningFilter
from tools.markdown_reader import language_of
from tools.pages import ROOT

RUNNABLE = {"python", "sh", "bash"}
# Info strings that mean Python to a reader but that pytest-codeblocks would silently skip.
PYTHON_ALIASES = {"py", "py3", "python3", "pycon", "pyi", "ipython", "ipython3", "python-repl"}
SHELL_ALIASES = {"shell", "console", "zsh", "shell-session", "sh-session", "terminal"}
# pytest's marks that leave a block unrun: each must say why (the README promises a reason).
SKIPPING = {"skip", "skipif", "xfail"}
# A comment meant as a marker, in a spelling neither parser reads: it would be a plain comment.
MISSPELLED_MARKER = re.compile(
    r"<!--[-\s]*(?!pytest-codeblocks:|pytest\.mark\.)(pytest[^>]*?)[-\s]*-->", re.IGNORECASE
)
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["']([^"']+)["']\s*$""")
SECTION_NAME = re.compile(r"[a-z][-_0-9a-z]*$")  # pymdownx.snippets' names; else line numbers
# An include escaped with ';' (as the contributing guide writes one to show it): left as text.
ESCAPED_INCLUDE = re.compile(r"^\s*;-+8<-+", re.MULTILINE)
# pytest-codeblocks joins continued blocks into one; we keep them apart (to check each
# block's output) by renaming the marker to a mark its parser passes through untouched.
CONT = re.compile(r"<!--[-\s]*pytest-codeblocks:cont[-\s]*-->")
CONTINUES = "pytest.mark.continues_previous_block"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


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
    only_include: bool = False  # the block is one ``--8<--`` line and nothing else

    @property
    def place(self) -> str:
        return f"{self.page.as_posix()}, code block at line {self.lineno}"

    @property
    def where(self) -> str:
        where = self.place
        if self.includes:
            where += f" (includes {', '.join(self.includes)})"
        return where

    def origin(self) -> tuple[str, int] | None:
        """For a block that is one include of a whole file or a named section: a name for the
        file, with the block's place, and the line of the file where the shown code starts."""
        if not self.only_include:
            return None
        name, _, section = self.includes[0].partition(":")
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        start = 0
        if section:
            marker = f"--8<-- [start:{section}]"
            starts = [n for n, line in enumerate(lines, 1) if line.strip().endswith(marker)]
            if not SECTION_NAME.match(section) or len(starts) != 1:
                return None
            start = starts[0]
        code = shown(self.code).splitlines()
        start += len(self.code) - len(self.code.lstrip("\n"))  # blank lines the page drops
        if lines[start : start + len(code)] != code:  # not the file's lines as they stand
            return None
        return f"{name} (included in {self.place})", start + 1


@dataclass
class CodeExample:
    """A block, or blocks joined by `<!--pytest-codeblocks:cont-->`, run as one script (in one
    namespace, each block's shown output checked right after it runs)."""

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
        """All that decides what running it shows: code, shown output, markers (their reasons
        aside: those are in the page's language)."""
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

    @property
    def measured(self) -> bool:
        return any(mark.strip().startswith("pytest.mark.measured") for mark in self.marks)

    def pytest_marks(self) -> list[pytest.MarkDecorator]:
        # The same evaluation pytest-codeblocks does, so its marker syntax keeps working.
        return [eval(mark, {"sys": sys, "pytest": pytest}) for mark in self.marks]


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
    return _expanded(text, tuple(map(_stamp, _included_files(text))))


@cache  # a build reads each page's blocks more than once; an edited include changes its stamp
def _expanded(text: str, _stamps: tuple[int | None, ...]) -> str:
    lines = _snippet_preprocessor().run(text.splitlines())
    return "\n".join(lines) + "\n" if lines else ""


def _stamp(include: str) -> int | None:
    file = ROOT / include.partition(":")[0]
    return file.stat().st_mtime_ns if file.is_file() else None


def _included_files(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := INCLUDE.match(line))]


def _absent_includes(pages: Sequence[Path], root: Path) -> Iterator[tuple[str, str, str | None]]:
    """("page:line", file, section) for each ``--8<--`` line of `pages` whose file does not
    exist (section None), or whose file has no such section."""
    for page in pages:
        lines = (root / page).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if match := INCLUDE.match(line):
                name, _, section = match.group(1).partition(":")
                where = f"{page.as_posix()}:{number}"
                if not (root / name).exists():
                    yield where, name, None
                elif SECTION_NAME.match(section) and section not in _sections(root / name):
                    yield where, name, section


def _sections(file: Path) -> list[str]:
    """The sections of a file that an include can name: a start and an end line each (without
    its end line, pymdownx.snippets includes the rest of the file, without a word)."""
    text = file.read_text(encoding="utf-8")
    started = re.findall(r"--8<-- \[start:([\w-]+)\]", text)
    return [section for section in started if f"--8<-- [end:{section}]" in text]


def missing_includes(pages: Sequence[Path], root: Path = ROOT) -> list[str]:
    """Each include of `pages` whose file or section does not exist, as "page:line: ..." with
    what to do (pymdownx.snippets would stop the build naming the file alone, or a section
    without the page)."""
    found = []
    for where, name, section in _absent_includes(pages, root):
        if section:
            sections = ", ".join(_sections(root / name)) or "none"
            found.append(
                f"{where}: includes section {section} of {name}, which lacks its "
                f'"# --8<-- [start:{section}]" or "# --8<-- [end:{section}]" line '
                f"(its sections: {sections})"
            )
            continue
        hint = (
            "output files are created and filled by `make outputs`"
            if name.startswith("snippets/output/")
            else "check the path, relative to the project's folder"
        )
        found.append(f"{where}: includes {name}, which does not exist; {hint}")
    return found


def create_missing_outputs(pages: Sequence[Path], root: Path = ROOT) -> list[Path]:
    """Create empty the output files that `pages` include but that do not exist yet, so that
    `make outputs` can fill them: a missing include fails the page before its code runs."""
    created = []
    for _, name, section in _absent_includes(
        pages, root
    ):  # read lazily: a file made here then exists
        if section is None and name.startswith("snippets/output/"):
            (root / name).touch()
            created.append(root / name)
    return created


def fence_problems(page: Path) -> list[str]:
    """Fences the test collector would silently skip, as 'page:line: what to do' messages."""
    problems = []
    indented = [line[:1].isspace() for line in (ROOT / page).read_text("utf-8").splitlines()]
    for fence in markdown_reader.read(ROOT / page).fences:
        where = f"{page.as_posix()}:{fence.line}"
        if not fence.markup:
            problems.append(f"{where}: indented code is not run by the tests; use a ``` fence")
        elif fence.markup.startswith("~"):
            problems.append(f"{where}: use a ``` fence; the tests do not read ~~~ fences")
        elif not fence.language:
            problems.append(f"{where}: name the fence's language (```python, ```text, ...)")
        elif fence.language in PYTHON_ALIASES or (fence.language == "python" and "{" in fence.info):
            problems.append(
                f"{where}: write ```python (not {fence.info!r}); "
                "other spellings are not run by the tests"
            )
        elif fence.language in SHELL_ALIASES:
            problems.append(
                f"{where}: write ```bash (not {fence.info!r}); other spellings are not run by "
                "the tests"
            )
        elif fence.language in {*RUNNABLE, "text"} and ESCAPED_INCLUDE.search(fence.code):
            problems.append(
                f"{where}: ';--8<--' shows the include line instead of the file: write --8<--"
            )
        elif fence.language in RUNNABLE and indented[fence.line - 1] and "\n\n" in fence.code:
            problems.append(  # the test collector drops them there; the page and notebook do not
                f"{where}: a blank line in an indented block (in a box, a list) is not run as "
                "shown: remove it, or move it into the included file"
            )
    text = (ROOT / page).read_text(encoding="utf-8")
    for marker in MISSPELLED_MARKER.finditer(text):
        line = text.count("\n", 0, marker.start()) + 1
        problems.append(
            f"{page.as_posix()}:{line}: the tests do not read <!--{marker[1]}-->: write "
            "<!--pytest-codeblocks:...--> or <!--pytest.mark...-->"
        )
    for example in examples(page):
        unexplained = [
            mark.name
            for mark in (decorator.mark for decorator in example.pytest_marks())
            if mark.name in SKIPPING and not mark.kwargs.get("reason")
        ]
        if unexplained and not example.error:
            problems.append(
                f"{page.as_posix()}:{example.blocks[0].lineno}: say why the block is not run: "
                f'<!--pytest.mark.{unexplained[0]}(reason="...")-->'
            )
    return problems


def examples(page: Path) -> list[CodeExample]:
    """The runnable blocks of a page, includes expanded, continued blocks joined."""
    text = CONT.sub(f"<!--{CONTINUES}-->", (ROOT / page).read_text(encoding="utf-8"))
    try:
        parsed = _parsed(text)
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
            only_include=bool(INCLUDE.fullmatch(parsed_block.code.strip())),
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
            # A missing include: which one, and what to do about it.
            absent = missing_includes([page]) if isinstance(error, SnippetMissingError) else []
            example.error = "\n".join(absent) or f"{block.where}: {type(error).__name__}: {error}"
    return found


@cache  # a build reads each page's blocks more than once
def _parsed(text: str) -> tuple[CodeBlock, ...]:
    return tuple(extract_from_buffer(io.StringIO(text)))


def run_once(found: list[CodeExample]) -> list[CodeExample]:
    """The examples with identical ones (a block and its translation) folded into the first,
    which lists the others in `same_as`: the same code, same seeds, shows nothing new."""
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


def tidy(output: str, measured: bool = False) -> str:
    """Output as compared: trailing spaces and blank lines do not count; nor, if `measured`
    (``<!--pytest.mark.measured-->``: timings), the numbers."""
    text = "\n".join(line.rstrip() for line in output.rstrip().splitlines())
    return NUMBER.sub("#", text) if measured else text


def shown(code: str) -> str:
    """A block's code as its page shows it: no blank lines around it (Pygments drops leading
    ones, an include adds a trailing one), ending in one newline."""
    return code.strip("\n").rstrip() + "\n"


def program(blocks: Sequence[Block]) -> str:
    """The program that the copy button of the last of `blocks` copies, and the tests run: the
    blocks' code, one blank line between them (n-th block: ``example.blocks[:n + 1]``)."""
    return "\n".join(shown(block.code) for block in blocks)


def joined_problem(example: CodeExample) -> SyntaxError | None:
    """Why Python blocks, each valid alone, are not one program when joined as a reader copies
    them (a `from __future__` import after other code, say)."""
    if len(example.blocks) < 2 or any(b.language != "python" for b in example.blocks):
        return None
    for block in example.blocks:
        try:
            compile(shown(block.code), block.where, "exec", dont_inherit=True)
        except SyntaxError:
            return None  # the block fails on its own, where it is, when it runs
    try:
        compile(program(example.blocks), "program", "exec", dont_inherit=True)
    except SyntaxError as error:
        line, lines = error.lineno or 0, 0
        for block in example.blocks:
            lines += shown(block.code).count("\n") + 1
            if line <= lines:
                break
        return SyntaxError(
            f"{block.where}: the blocks, joined as the copy button copies them, are not "
            f"one program: {error.msg} (line {line} of the joined program)"
        )
    return None


def run(
    example: CodeExample, folder: Path, filters: Sequence[WarningFilter] = ()
) -> Iterator[tuple[Block, str]]:
    """Run the blocks in a fresh process working in `folder` (tools/fresh_process.py); yield
    each block with what it printed. Closing the iterator early stops the process."""
    if problem := joined_problem(example):
        raise problem
    codes = [
        Code(block.where, block.language, shown(block.code), block.origin())
        for block in example.blocks
    ]
    printed = fresh_process.run(codes, folder, filters)
    try:
        # strict: after the last block the run is driven to its end, where stray output is checked
        yield from zip(example.blocks, printed, strict=True)
    finally:
        printed.close()
