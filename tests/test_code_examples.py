"""Every code block on the site runs, as readers see it, and prints what its page shows.

Each example (a block and the blocks it continues) runs as a reader runs what its copy button
copies: in a fresh process, in an empty folder outside the repository (tools/fresh_process.py).
A block that is the same in both languages runs once, under a test named after both pages.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.config import parse_warning_filter

from tools import fresh_process
from tools.codeblocks import (
    Block,
    CodeExample,
    create_missing_outputs,
    examples,
    run,
    run_once,
    tidy,
)
from tools.environment import can_download, gpu_available  # noqa: F401 - for skipif strings
from tools.figures import check_drawn, shown_on
from tools.pages import ROOT, all_pages

SHOWN_FIGURES = set().union(*(shown_on(page) for page in all_pages()))
EXAMPLES = run_once([example for page in all_pages() for example in examples(page)])


def _in_every_language(example: CodeExample) -> list[pytest.MarkDecorator]:
    """The example's marks, each reason in the words of every page that shows it: a block and
    its translation run once, and a Swedish reason alone would greet an English reader."""
    every_page = [e.pytest_marks() for e in [example, *example.same_as]]  # alike but for reasons
    marks = []
    for n, decorator in enumerate(every_page[0]):
        reasons = dict.fromkeys(
            m[n].kwargs["reason"] for m in every_page if "reason" in m[n].kwargs
        )
        if reasons:
            mark = decorator.mark
            kwargs = {**mark.kwargs, "reason": " / ".join(reasons)}
            decorator = getattr(pytest.mark, mark.name)(*mark.args, **kwargs)
        marks.append(decorator)
    return marks


def _param(example: CodeExample) -> object:
    try:
        marks = _in_every_language(example)
    except Exception as error:  # noqa: BLE001 - a bad marker fails its own test below
        example.error = f"{example.id}: cannot read a marker: {type(error).__name__}: {error}"
        marks = []
    name = ", ".join(e.id for e in [example, *example.same_as])
    return pytest.param(example, id=name, marks=marks)


@pytest.fixture(scope="module")
def warning_filters(pytestconfig: pytest.Config) -> list[fresh_process.WarningFilter]:
    """The run's warning filters (pyproject.toml, then -W), for the process that runs the code:
    there too, any warning not listed as harmless fails."""
    ini = [parse_warning_filter(f, escape=False) for f in pytestconfig.getini("filterwarnings")]
    given = pytestconfig.known_args_namespace.pythonwarnings or []
    return ini + [parse_warning_filter(f, escape=True) for f in given]


@pytest.fixture(scope="module", autouse=True)
def fork_server() -> None:
    """Start the fork server (and its TensorFlow import) before the first test's clock."""
    fresh_process.start_server()


# What a contributor is told to do, where a test cannot tell it from the code alone.
SHOW_OUTPUT = (
    "after the block, put <!--pytest-codeblocks:expected-output--> and a ```text fence that "
    "includes an output file, snippets/output/<module>.<section>.txt (`make outputs` fills it)"
)
CONTINUE = (
    "A block that builds on code in a block above it says so: <!--pytest-codeblocks:cont--> "
    "on the line before its fence."
)


@contextlib.contextmanager
def _hint_on_name_error() -> Iterator[None]:
    try:
        yield
    except NameError as error:  # re-raised as it is, for xfail(raises=NameError)
        error.add_note(CONTINUE)
        raise


def _output_differs(block: Block, n: int, printed: str, same_as: list[CodeExample]) -> str:
    """Where the shown output of an example's n-th block is not what it printed, and the lines
    that differ: as the page shows them (-) and as the code prints them now (+)."""
    shown_in = f" ({block.output_file.relative_to(ROOT)})" if block.output_file else ""
    also_on = "".join(f" (as on {e.page.as_posix()}:{e.blocks[n].lineno})" for e in same_as)
    shown, now = tidy(block.expected_output or "").splitlines(), tidy(printed).splitlines()
    diff = difflib.unified_diff(shown, now, "shown on the page", "printed now", n=0, lineterm="")
    return (
        f"{block.where}: the output shown on the page{shown_in} is not what the code prints"
        f"{also_on}; if the new output is right, run `make outputs`\n"
        + "\n".join(line for line in diff if not line.startswith("@@"))
    )


@pytest.mark.parametrize("example", [_param(e) for e in EXAMPLES])
def test_code_runs_and_prints_what_the_page_shows(
    example: CodeExample,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    warning_filters: list[fresh_process.WarningFilter],
) -> None:
    if example.error:
        pytest.fail(example.error, pytrace=False)
    if example.importorskip:
        pytest.importorskip(example.importorskip)
    assert not tmp_path.resolve().is_relative_to(ROOT), "the code must run outside the repository"
    update = request.config.getoption("--update-outputs")

    # Whatever a block writes lands in tmp_path, outside the repository.
    with _hint_on_name_error(), contextlib.closing(run(example, tmp_path, warning_filters)) as r:
        for n, (block, printed) in enumerate(r):
            if block.expected_output is None:
                # A reader who runs it would see output the page does not show.
                assert not printed.strip(), (
                    f"{block.where}: prints output that the page does not show:\n{printed}\n"
                    f"Show it: {SHOW_OUTPUT}"
                )
                continue
            expected, actual = block.expected_output, printed
            if block.ignore_whitespace:
                expected, actual = "".join(expected.split()), "".join(actual.split())
            same = tidy(actual, example.measured) == tidy(expected, example.measured)
            if update and block.output_file:
                if not same:  # timings that differ only in their numbers are left alone
                    block.output_file.write_text(tidy(printed) + "\n", encoding="utf-8")
                continue
            assert same, _output_differs(block, n, printed, example.same_as)

    # The figures that this example's code saves must be drawn, and be what the pages show.
    code = "".join(block.code for block in example.blocks)
    problems = check_drawn(tmp_path, {name for name in SHOWN_FIGURES if name in code}, update)
    assert not problems, "\n".join(problems)


def test_make_outputs_creates_the_output_file_a_new_page_includes(tmp_path: Path) -> None:
    page = Path("docs/en/questions/q14-new.md")
    (tmp_path / page).parent.mkdir(parents=True)
    (tmp_path / "snippets" / "output").mkdir(parents=True)
    new, module = "snippets/output/q14_new.train.txt", "snippets/q14_new.py"
    (tmp_path / page).write_text(
        f'```python\n--8<-- "{module}"\n```\n\n```text\n--8<-- "{new}"\n```\n'
    )
    assert create_missing_outputs([page], tmp_path) == [tmp_path / new]
    assert (tmp_path / new).read_text() == "", "created with content"
    assert not (tmp_path / module).exists(), "only output files are created"
    assert create_missing_outputs([page], tmp_path) == [], "an existing output is left alone"


# How the examples run: what tools/fresh_process.py promises, on small examples.


def _example(*codes: str) -> CodeExample:
    page = Path("docs/en/questions/q00-example.md")
    blocks = [Block(page, 10 * n, "python", code) for n, code in enumerate(codes, 1)]
    return CodeExample(page, blocks)


def _run(example: CodeExample, folder: Path, filters: object = ()) -> list[str]:
    with contextlib.closing(run(example, folder, filters)) as results:  # type: ignore[arg-type]
        return [printed for _, printed in results]


def test_an_example_runs_in_a_fresh_process_in_a_folder_outside_the_repository(
    tmp_path: Path,
) -> None:
    first = _example(
        f"import os, sys\nprint(os.getcwd(), os.getpid() != {os.getpid()})\n",
        "import builtins\nbuiltins.left_behind = True\nprint(sorted(os.listdir()))\n",
        "open('written.txt', 'w').close()\nprint('tools' in sys.modules, sys.path[0])\n",
    )
    assert _run(first, tmp_path) == [
        f"{tmp_path} True\n",  # each block's output on its own
        "[]\n",
        f"False {tmp_path}\n",  # the repository is neither loaded nor on the path
    ]
    assert (tmp_path / "written.txt").exists()
    # The next example starts afresh: nothing is left of the one before.
    again = _example("import builtins\nprint(hasattr(builtins, 'left_behind'))\n")
    assert _run(again, tmp_path) == ["False\n"]


def test_a_failing_block_raises_its_error_naming_the_page_and_line(tmp_path: Path) -> None:
    example = _example("x = 1\n", "y = x\nz = undefined_name\n")
    with pytest.raises(NameError, match="undefined_name") as raised:
        _run(example, tmp_path)
    traceback = str(raised.value.__cause__)
    where = "docs/en/questions/q00-example.md, code block at line 20"
    assert f'File "{where}", line 2, in <module>\n    z = undefined_name' in traceback


def test_a_block_that_includes_a_module_names_the_line_in_the_module(tmp_path: Path) -> None:
    module = tmp_path / "q00_example.py"
    module.write_text("import math\n\n# --8<-- [start:part]\n\nx = 1\ny = undefined_name\n")
    page = Path("docs/en/questions/q00-example.md")
    code = "\nx = 1\ny = undefined_name\n"  # the section, its blank first line as included
    block = Block(page, 12, "python", code, includes=[f"{module}:part"], only_include=True)
    with pytest.raises(NameError) as raised:
        _run(CodeExample(page, [block]), tmp_path)
    where = f"{module} (included in {page.as_posix()}, code block at line 12)"
    assert f'File "{where}", line 6, in <module>\n    y = undefined_name' in str(
        raised.value.__cause__
    )


def test_every_block_that_is_one_include_is_mapped_to_its_module_lines() -> None:
    blocks = [b for e in EXAMPLES for b in e.blocks if b.only_include]
    assert blocks, "no block includes a module"
    unmapped = [block.where for block in blocks if block.origin() is None]
    assert not unmapped, "tracebacks would name the line in the section, not the module's:\n" + (
        "\n".join(unmapped)
    )


def test_blocks_that_do_not_join_into_one_program_fail(tmp_path: Path) -> None:
    # Each block runs alone, but a reader who copies the second gets both in one file.
    example = _example("x = 1\n", "from __future__ import annotations\nprint(x)\n")
    with pytest.raises(SyntaxError, match="joined as the copy button copies them"):
        _run(example, tmp_path)


def test_a_block_whose_last_line_has_a_value_fails_as_the_notebook_would_show_it(
    tmp_path: Path,
) -> None:
    # Jupyter shows the value of a cell's last expression (History, a list of lines) under it.
    assert _run(_example("items = [1, 2]\nitems.append(3)\nprint(items)\n"), tmp_path) == [
        "[1, 2, 3]\n"
    ], "a last line that gives None shows nothing"
    with pytest.raises(ValueError, match=r"line 10: its last line gives list \[1, 2\], which"):
        _run(_example("print('shown')\n[1, 2]\n"), tmp_path)


def test_a_warning_fails_the_block_as_in_the_test_process(
    tmp_path: Path, warning_filters: list[fresh_process.WarningFilter]
) -> None:
    example = _example("import warnings\nwarnings.warn('careful', UserWarning)\n")
    with pytest.raises(UserWarning, match="careful"):
        _run(example, tmp_path, warning_filters)


@pytest.mark.parametrize(
    "code",
    [
        "import sys\n_ = sys.stderr.write('a note\\n')\n",
        "import os\n_ = os.write(1, b'from C\\n')\n",
    ],
    ids=["standard error", "descriptor 1"],
)
def test_output_written_past_sys_stdout_fails_the_example(tmp_path: Path, code: str) -> None:
    # tf.print writes there, so do C libraries: a reader sees it, and the page cannot show it.
    with pytest.raises(AssertionError, match=r"line 10: the code printed past sys.stdout"):
        _run(_example("print('shown')\n", code), tmp_path)


def test_a_shell_block_that_writes_to_standard_error_fails(tmp_path: Path) -> None:
    shell = CodeExample(Path("q.md"), [Block(Path("q.md"), 10, "bash", "echo a note >&2\n")])
    with pytest.raises(AssertionError, match=r"line 10: the code printed to standard error"):
        _run(shell, tmp_path)


def test_a_block_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fresh_process, "TIMEOUT", 2.0)
    with pytest.raises(TimeoutError, match="line 10: still running after 2 s"):
        _run(_example("import time\ntime.sleep(30)\n"), tmp_path)


def test_a_name_from_a_block_above_names_the_marker_that_continues_it(tmp_path: Path) -> None:
    with pytest.raises(NameError) as raised, _hint_on_name_error():
        _run(_example("print(model)\n"), tmp_path)
    assert CONTINUE in getattr(raised.value, "__notes__", [])


def test_output_that_changed_is_shown_line_by_line_as_shown_and_as_printed() -> None:
    # After an upgrade the maintainer must see what changed, not only that something did.
    shown = "Keras 3.15.1\nGroups: ['model_weights']\nOptimizer: 'rm_sprop'\n"
    printed = "Keras 3.16.0\nGroups: ['model_weights']\nOptimizer: 'rmsprop'\n"
    page = Path("docs/sv/questions/q12-save-load.md")
    block = Block(page, 296, "python", expected_output=shown)
    twin_page = Path("docs/en/questions/q12-save-load.md")
    twin = CodeExample(
        twin_page, [Block(twin_page, 122, "python"), Block(twin_page, 293, "python")]
    )
    message = _output_differs(block, 1, printed, [twin])
    assert message.startswith(
        "docs/sv/questions/q12-save-load.md, code block at line 296: the output shown on the page "
        "is not what the code prints (as on docs/en/questions/q12-save-load.md:293); if the new "
        "output is right, run `make outputs`"
    )
    assert message.endswith(
        "\n--- shown on the page\n+++ printed now\n"
        "-Keras 3.15.1\n+Keras 3.16.0\n-Optimizer: 'rm_sprop'\n+Optimizer: 'rmsprop'"
    )


@pytest.mark.parametrize("code_fails", [True, False], ids=["a block fails", "all run"])
def test_make_outputs_lists_what_changed_and_records_the_versions_when_a_block_fails(
    tmp_path: Path, code_fails: bool
) -> None:
    # After an upgrade one block raised (q02's warning was gone): make stopped at the first
    # pytest, and neither recorded the versions nor listed the outputs it had rewritten. A
    # stand-in python records how it was called and fails, or not, as the code tests would.
    fail = 'case "$*" in *test_code_examples*) exit 1;; esac\n' if code_fails else ""
    (tmp_path / "python").write_text(f'#!/bin/sh\necho "$*" >> "$0.calls"\n{fail}')
    (tmp_path / "python").chmod(0o755)
    (tmp_path / "installed").touch()
    result = subprocess.run(
        ["make", "-s", "-C", ROOT, "outputs", f"BIN={tmp_path}", f"INSTALLED={tmp_path}/installed"],
        capture_output=True,
        text=True,
        check=False,
    )
    calls = (tmp_path / "python.calls").read_text().splitlines()
    assert [call.split()[2] for call in calls] == [
        "tests/test_code_examples.py",
        "tests/test_questions.py::test_pages_state_the_versions_the_tests_run",
    ]
    assert "Output files changed since the last commit" in result.stdout
    assert ("Some code failed" in result.stdout) == code_fails
    assert bool(result.returncode) == code_fails, "make outputs fails exactly when code fails"
