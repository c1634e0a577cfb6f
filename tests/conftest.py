"""Test setup: a headless plotting backend, the built site, the browser.

The run is split over two processes (pytest-xdist, `--dist loadgroup` in pyproject.toml).
The site is built once per run: the first process that needs it builds it, under a lock, and
the other uses that build. The tests of the tour (every page visited twice) are put in the
xdist group "tour", so that one process tours; every other test goes to whichever process is
free. Page code runs in processes forked from a server that imported TensorFlow once
(tools/fresh_process.py); the test processes themselves do not import it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import Browser, sync_playwright

os.environ.setdefault("MPLBACKEND", "Agg")  # pages plot to files, never to a window

from tools.codeblocks import create_missing_outputs
from tools.pages import all_pages
from tools.serve import serve
from tools.site import build

# Chromium's headless shell first: the same engine without the desktop browser around it,
# it runs the browser tests with about a sixth less processor time than full Chromium.
CHROMIUMS = [Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium")]
BROWSER_FLAGS = [
    # Without these, Chromium keeps trying to reach Google's hosts in the background.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # V8's top tier (TurboFan) off: a page lives a second or two in the tests, too short for
    # TurboFan's background compiles to pay off (README, Speed). The site's code does not
    # depend on the tier, and the audit's browser (Lighthouse's) keeps every tier.
    "--js-flags=--max-opt=2",
]


def executable() -> str | None:
    """$CHROMIUM if set, else Debian's Chromium where it is installed (headless shell first),
    else Playwright's own browser (None)."""
    if chosen := os.environ.get("CHROMIUM"):
        return chosen
    return next((str(path) for path in CHROMIUMS if path.is_file()), None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the output files included by pages with what the code prints now",
    )
    parser.addoption(
        "--site",
        type=Path,
        help="a site just built from this tree, to use instead of building one (make check)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-outputs"):  # `make outputs` writes a new page's outputs too
        create_missing_outputs(all_pages())


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "tours" in fixtures:
            item.add_marker(pytest.mark.xdist_group("tour"))
        if {"browser", "url"} & set(fixtures):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str, pytestconfig: pytest.Config
) -> Path:
    """The site, built once per test run with `mkdocs build --strict`, shared by the test files
    and by both processes (or the one given with --site)."""
    if given := pytestconfig.getoption("--site"):
        assert (given / "index.html").is_file(), f"--site {given}: no built site there"
        return given
    if worker_id == "master":  # one process (-n0): its own temporary folder
        return _built(tmp_path_factory.mktemp("site"))
    run = tmp_path_factory.getbasetemp().parent  # this run's, above each process's own
    done = run / "site.built"
    with FileLock(run / "site.lock"):
        if not done.exists():  # a failed build is tried again, and fails again, in the other
            _built(run / "site")
            done.touch()
    return run / "site"


def _built(site_dir: Path) -> Path:
    result = build(site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def url(site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 as GitHub Pages serves it (tools/serve.py)."""
    with serve(site) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for all browser tests of this process."""
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable(), args=BROWSER_FLAGS)
        yield browser
        browser.close()
