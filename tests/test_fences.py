"""No code fence on the site is one the tests would silently pass over, and each is run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.codeblocks import examples, fence_problems, run_once
from tools.pages import all_pages


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_fence_names_a_language_the_tests_understand(page: Path) -> None:
    problems = fence_problems(page)
    assert not problems, "\n".join(problems)


def _write(folder: Path, text: str, name: str = "page.md") -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_a_py_fence_is_reported_with_its_page_and_line(tmp_path: Path) -> None:
    page = _write(
        tmp_path, "# Title\n\n```py\nprint(1)\n```\n\n~~~python\nprint(2)\n~~~\n\n    print(3)\n"
    )
    problems = fence_problems(page)
    assert problems[0].startswith(f"{page.as_posix()}:3: write ```python")
    assert problems[1].startswith(f"{page.as_posix()}:7: use a ``` fence")
    assert problems[2].startswith(f"{page.as_posix()}:11: indented code is not run")


def test_a_shell_fence_spelled_otherwise_than_bash_or_sh_is_reported(tmp_path: Path) -> None:
    page = _write(tmp_path, "# Title\n\n```shell\nexit 1\n```\n\n```console\nexit 1\n```\n")
    problems = fence_problems(page)
    assert [problem.split(": ")[0] for problem in problems] == [
        f"{page.as_posix()}:{n}" for n in (3, 7)
    ]
    assert all("write ```bash" in problem for problem in problems)


@pytest.mark.parametrize("mark", ["skip", "xfail", "skipif(True)"])
def test_a_block_left_unrun_without_a_reason_is_reported(tmp_path: Path, mark: str) -> None:
    page = _write(tmp_path, f"# Title\n\n<!--pytest.mark.{mark}-->\n```python\nprint(1)\n```\n")
    [problem] = fence_problems(page)
    assert problem.startswith(f"{page.as_posix()}:4: say why the block is not run")
    reasoned = mark.replace("(True)", "(True, ") if "(" in mark else f"{mark}("
    _write(
        tmp_path,
        f'# Title\n\n<!--pytest.mark.{reasoned}reason="a GPU")-->\n```python\nprint(1)\n```\n',
    )
    assert fence_problems(page) == []


@pytest.mark.parametrize(
    "marker", ["pytest-codeblock:expected-output", "pytest_codeblocks:cont", "pytest.marks.skip"]
)
def test_a_marker_the_tests_would_read_as_a_plain_comment_is_reported(
    tmp_path: Path, marker: str
) -> None:
    page = _write(tmp_path, f"# Title\n\n```python\nprint(1)\n```\n\n<!--{marker}-->\n")
    [problem] = fence_problems(page)
    assert problem.startswith(f"{page.as_posix()}:7: the tests do not read <!--{marker}-->")


def test_a_fence_inside_an_admonition_is_checked_too(tmp_path: Path) -> None:
    page = _write(tmp_path, '# Title\n\n??? success "Solution"\n    ```py\n    print(1)\n    ```\n')
    [problem] = fence_problems(page)
    assert problem.startswith(f"{page.as_posix()}:4: write ```python")


def test_a_blank_line_in_a_block_inside_a_box_is_reported(tmp_path: Path) -> None:
    """pytest-codeblocks drops it there, so the tests and the notebook see different code."""
    box = '!!! example "Two parts"\n    ```python\n    x = 1\n{}    y = 2\n    ```\n'
    page = _write(tmp_path, box.format("\n") + "\n```python\nx = 1\n\ny = 2\n```\n")
    assert [problem.split(": ", 1)[0] for problem in fence_problems(page)] == [
        f"{page.as_posix()}:2"
    ]
    assert fence_problems(_write(tmp_path, box.format(""))) == []


def test_an_escaped_include_in_code_or_its_output_is_reported(tmp_path: Path) -> None:
    code, output = ';--8<-- "snippets/a.py"', ';--8<-- "snippets/output/a.txt"'
    shown = f"\n````markdown\n```python\n{code}\n```\n````\n"
    page = _write(tmp_path, f"```python\n{code}\n```\n\n```text\n{output}\n```\n{shown}")
    assert [problem.split(": ", 1)[0] for problem in fence_problems(page)] == [
        f"{page.as_posix()}:1",
        f"{page.as_posix()}:5",
    ], "an escaped include shown in a Markdown example is fine"


def test_a_titled_python_fence_is_collected_not_skipped(tmp_path: Path) -> None:
    page = _write(tmp_path, '```python title="hello.py"\nprint("hi")\n```\n')
    assert fence_problems(page) == []
    assert [block.code for e in examples(page) for block in e.blocks] == ['print("hi")\n']


def test_a_block_and_its_translation_run_once_under_both_names(tmp_path: Path) -> None:
    code = "```python\nprint(1)\n```\n"
    sv = examples(_write(tmp_path, f'<!--pytest.mark.skip(reason="ej här")-->\n{code}', "sv.md"))
    en = examples(_write(tmp_path, f'<!--pytest.mark.skip(reason="not here")-->\n{code}', "en.md"))
    [once] = run_once(sv + en)
    assert once.page.name == "sv.md"
    assert [other.page.name for other in once.same_as] == ["en.md"]


@pytest.mark.parametrize(
    "other",
    [
        "```python\nprint(2)\n```\n",  # other code
        "```python\nprint(1)\n```\n<!--pytest-codeblocks:expected-output-->\n```text\n1\n```\n",
        '<!--pytest.mark.xfail(reason="x")-->\n```python\nprint(1)\n```\n',  # other marker
    ],
    ids=["code", "shown output", "marker"],
)
def test_blocks_that_differ_in_anything_but_a_reason_each_run(tmp_path: Path, other: str) -> None:
    sv = examples(_write(tmp_path, "```python\nprint(1)\n```\n", "sv.md"))
    en = examples(_write(tmp_path, other, "en.md"))
    assert not any(example.error for example in sv + en)
    assert len(run_once(sv + en)) == 2
