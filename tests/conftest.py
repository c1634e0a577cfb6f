"""Test setup: quiet TensorFlow imported once, a headless plotting backend, fresh Keras state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")  # pages plot to files, never to a window

from tools.quiet_tensorflow import import_quietly
from tools.site import build


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the output files included by pages with what the code prints now",
    )


def pytest_configure(config: pytest.Config) -> None:
    import_quietly()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test run with `mkdocs build --strict` (shared by test files)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site_dir
