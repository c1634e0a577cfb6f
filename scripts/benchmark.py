"""Measure the three speeds the project promises, and say whether each is within budget.

    python scripts/benchmark.py            (or: make benchmark)

1. the whole test suite, TensorFlow included          budget 180 s
2. `mkdocs build --strict` of both languages, cold    budget  30 s
3. `mkdocs serve`: from saving a page to the page
   served with the change                             budget   5 s

Timings are wall-clock seconds on this machine; run it on an otherwise idle machine. The
serve measurement works on a copy of the project, so the repository is never edited.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "snippets", "hooks", "overrides", "tools")
NOTEBOOK_HTML_CACHE = Path(tempfile.gettempdir()) / "kb-notebook-html"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUDGETS = {"test suite": 180.0, "mkdocs build": 30.0, "serve: edit to page": 5.0}


def timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed


def test_suite() -> float:
    return timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])


def build() -> float:
    shutil.rmtree(NOTEBOOK_HTML_CACHE, ignore_errors=True)  # as on a fresh machine
    with tempfile.TemporaryDirectory() as site:
        return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _page(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    return float("inf")


def serve_edit() -> float:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for part in PROJECT_PARTS:
            source = ROOT / part
            copy = shutil.copytree if source.is_dir() else shutil.copy2
            copy(source, project / part)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            # `mkdocs serve` mounts the site at the path of site_url, as the hosting does.
            site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)
            base = urlsplit(site_url.group(1)).path if site_url else "/"
            url = f"http://127.0.0.1:{port}{base}questions/q05-keras-model/"
            if _wait_for(url, "</html>", timeout=120) == float("inf"):
                sys.exit("mkdocs serve did not serve the page within 120 s")
            marker = f"benchmark-{time.time_ns()}"
            page = project / "docs" / "sv" / "questions" / "q05-keras-model.md"
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            return _wait_for(url, marker, timeout=60)
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> int:
    figures = {
        "test suite": test_suite(),
        "mkdocs build": build(),
        "serve: edit to page": serve_edit(),
    }
    over = 0
    for name, seconds in figures.items():
        budget = BUDGETS[name]
        verdict = "ok" if seconds <= budget else "OVER BUDGET"
        over += seconds > budget
        print(f"{name:<22} {seconds:7.1f} s   (budget {budget:.0f} s)  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
