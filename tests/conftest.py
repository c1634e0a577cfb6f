"""Test setup: quiet TensorFlow imported once, a headless plotting backend, fresh Keras state."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")  # pages plot to files, never to a window

from tools.quiet_tensorflow import import_quietly


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the output files included by pages with what the code prints now",
    )


def pytest_configure(config: pytest.Config) -> None:
    import_quietly()
