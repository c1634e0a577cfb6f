"""No code fence on the site is one the tests would silently pass over."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.codeblocks import examples, fence_problems
from tools.pages import all_pages


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_fence_names_a_language_the_tests_understand(page: Path) -> None:
    problems = fence_problems(page)
    assert not problems, "\n".join(problems)


def test_a_py_fence_is_reported_with_its_page_and_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n```py\nprint(1)\n```\n\n~~~python\nprint(2)\n~~~\n")
    problems = fence_problems(page)
    assert problems[0].startswith(f"{page.as_posix()}:3: write ```python")
    assert problems[1].startswith(f"{page.as_posix()}:7: use a ``` fence")


def test_a_titled_python_fence_is_collected_not_skipped(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('```python title="hello.py"\nprint("hi")\n```\n')
    assert fence_problems(page) == []
    assert [block.code for e in examples(page) for block in e.blocks] == ['print("hi")\n']
