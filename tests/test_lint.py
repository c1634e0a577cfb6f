"""All Python in the repository, snippets included, passes ruff."""

from __future__ import annotations

import subprocess
import sys

from tools.pages import ROOT


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
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted_with_ruff_format() -> None:
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + "run `ruff format .` to fix"
