"""Every code block on the site runs, as readers see it, and prints what its page shows.

Each example (a block, or a block and the blocks it continues) runs as a reader runs what
its copy button copies: in a fresh process, in an empty folder outside the repository
(tools/fresh_process.py forks it from a server that has already imported TensorFlow).
A block that is the same in both languages (code, shown output, markers) runs once, under
a test named after both pages.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from _pytest.config import parse_warning_filter

from tools import fresh_process
from tools.codeblocks import CodeExample, examples, run, run_once, tidy
from tools.environment import can_download, gpu_available  # noqa: F401 - for skipif strings
from tools.figures import check_drawn, shown_on
from tools.pages import ROOT, all_pages

EXAMPLES = run_once([example for page in all_pages() for example in examples(page)])


def _param(example: CodeExample) -> object:
    try:
        marks = example.pytest_marks()
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
    """Start the fork server once, before the first test: its TensorFlow import is then not
    counted in that test's time."""
    fresh_process.start_server()


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
    also_on = "".join(f" (as on {e.id})" for e in example.same_as)

    # Whatever a block writes lands in tmp_path, outside the repository.
    with contextlib.closing(run(example, tmp_path, warning_filters)) as results:
        for block, printed in results:
            if block.expected_output is None:
                continue
            if update and block.output_file:
                block.output_file.write_text(tidy(printed) + "\n", encoding="utf-8")
                continue
            expected, actual = block.expected_output, printed
            if block.ignore_whitespace:
                expected, actual = "".join(expected.split()), "".join(actual.split())
            shown_in = f" ({block.output_file.relative_to(ROOT)})" if block.output_file else ""
            assert tidy(actual, example.measured) == tidy(expected, example.measured), (
                f"{block.where}: the output shown on the page{shown_in} is not what the code "
                f"prints{also_on}; if the new output is right, run `make outputs`"
            )

    figures = set().union(*(shown_on(e.page) for e in [example, *example.same_as]))
    problems = check_drawn(tmp_path, figures, update)
    assert not problems, "\n".join(problems)
