"""Every code block on the site runs, as readers see it, and prints what its page shows.

A block that is the same in both languages (code, shown output, markers) runs once, under
a test named after both pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.codeblocks import CodeExample, examples, run, run_once, tidy
from tools.environment import can_download, gpu_available  # noqa: F401 - for skipif strings
from tools.figures import check_drawn, shown_on
from tools.pages import ROOT, all_pages

pytestmark = pytest.mark.usefixtures("tensorflow")

EXAMPLES = run_once([example for page in all_pages() for example in examples(page)])


def _param(example: CodeExample) -> object:
    try:
        marks = example.pytest_marks()
    except Exception as error:  # noqa: BLE001 - a bad marker fails its own test below
        example.error = f"{example.id}: cannot read a marker: {type(error).__name__}: {error}"
        marks = []
    name = ", ".join(e.id for e in [example, *example.same_as])
    return pytest.param(example, id=name, marks=marks)


@pytest.fixture(autouse=True)
def fresh_keras_state() -> None:
    # Keras numbers layer names globally ("dense_3"): each page must print the names it
    # prints when a reader runs it alone.
    if "keras" in sys.modules:
        sys.modules["keras"].backend.clear_session()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.mark.parametrize("example", [_param(e) for e in EXAMPLES])
def test_code_runs_and_prints_what_the_page_shows(
    example: CodeExample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    if example.error:
        pytest.fail(example.error, pytrace=False)
    if example.importorskip:
        pytest.importorskip(example.importorskip)
    monkeypatch.chdir(tmp_path)  # whatever a block writes lands outside the repository
    update = request.config.getoption("--update-outputs")
    also_on = "".join(f" (as on {e.id})" for e in example.same_as)

    for block, printed in run(example):
        if block.expected_output is None:
            continue
        if update and block.output_file:
            block.output_file.write_text(tidy(printed) + "\n", encoding="utf-8")
            continue
        expected, actual = block.expected_output, printed
        if block.ignore_whitespace:
            expected, actual = "".join(expected.split()), "".join(actual.split())
        shown_in = f" ({block.output_file.relative_to(ROOT)})" if block.output_file else ""
        assert tidy(actual) == tidy(expected), (
            f"{block.where}: the output shown on the page{shown_in} is not what the code "
            f"prints{also_on}; if the new output is right, run `make outputs`"
        )

    figures = set().union(*(shown_on(e.page) for e in [example, *example.same_as]))
    problems = check_drawn(tmp_path, figures, update)
    assert not problems, "\n".join(problems)
