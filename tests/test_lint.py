"""All Python in the repository, snippets included, passes ruff, and the code on the pages
carries no linter comments."""

from __future__ import annotations

import subprocess
import sys

from tools.pages import ROOT, SNIPPETS


def _ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_check_finds_nothing() -> None:
    result = _ruff("check")
    fix = "many fix themselves: .venv/bin/python -m ruff check --fix ."
    assert result.returncode == 0, result.stdout + result.stderr + fix


def test_code_is_formatted_with_ruff_format() -> None:
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + "fix: .venv/bin/python -m ruff format ."


def test_the_code_readers_copy_carries_no_linter_comments() -> None:
    """`# noqa` in a snippet would be shown on the page and copied; pyproject.toml's
    per-file-ignores for snippets/ say why those rules do not apply there."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(SNIPPETS.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "# noqa" in line
    ]
    assert not found, "linter comments in code shown on the pages:\n" + "\n".join(found)
