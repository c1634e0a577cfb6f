"""Measure the speeds the project promises, and say whether each is within budget.

    python scripts/benchmark.py                      (or: make benchmark)
    python scripts/benchmark.py --baseline b03b6af   (or: make benchmark ARGS="--baseline b03b6af")
    python scripts/benchmark.py --only build,serve   (skip the slow test suite)

1. the whole test suite, TensorFlow included          budget 180 s
2. `mkdocs build --strict` of both languages, cold    budget  30 s
   and warm (the same again, caches filled, in a new process)
3. `mkdocs serve`: from saving a page to the page
   served with the change (median of three saves)     budget   5 s

With `--baseline REV`, REV is checked out into a temporary `git worktree` (removed afterwards)
and measured the same way with the same virtual environment: its own tests, hooks and tools
(every command runs with the tree as working folder, and `python -m` puts that folder first
on sys.path, ahead of the editable install of this project). Baseline and current
measurements alternate, so a change in the machine's load hits both. The goal: a saved change
served, and a warm build, each in at most 60 % of the baseline's serve and cold build.

Each tree gets its own, initially empty temporary folder ($TMPDIR), which holds its build
caches: "cold" empties it first, as on a fresh machine, and one tree's caches never serve the
other. Timings are wall-clock seconds on this machine; run it on an otherwise idle machine.
The serve measurement works on a copy of the project, so no tree is edited.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from tools.pages import PROJECT_PARTS, site_url
from tools.site import worktree

ROOT = Path(__file__).resolve().parent.parent
MEASUREMENTS = ("suite", "build", "serve")
BUDGETS = {"test suite": 180.0, "build, cold": 30.0, "serve: edit to page": 5.0}
EDITS = 3  # saves per serve measurement; the median counts
GOAL = 0.60  # of the baseline: serve against its serve, a warm build against its cold build


class Tree:
    """A checkout of the project, with its own temporary folder for caches."""

    def __init__(self, path: Path, scratch: Path) -> None:
        self.path = path
        self.tmp = scratch
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch)}

    def timed(self, *arguments: str, cwd: Path | None = None) -> float:
        command = [sys.executable, *arguments]
        start = time.perf_counter()
        result = subprocess.run(
            command, cwd=cwd or self.path, env=self.env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - start
        if result.returncode:
            sys.exit(
                f"{' '.join(command)} failed in {self.path}:\n"
                f"{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        return elapsed

    def empty_caches(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)  # notebook HTML and every other cache
        self.tmp.mkdir()

    def test_suite(self) -> float:
        self.empty_caches()
        return self.timed("-m", "pytest", "-q", "-p", "no:cacheprovider")

    def build(self, cold: bool) -> float:
        if cold:
            self.empty_caches()
        with tempfile.TemporaryDirectory() as site:
            return self.timed("-m", "mkdocs", "build", "--strict", "-d", site)

    def serve_edit(self) -> float:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            for part in PROJECT_PARTS:
                source = self.path / part
                copy = shutil.copytree if source.is_dir() else shutil.copy2
                copy(source, project / part)
            port = _free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=project,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                # `mkdocs serve` mounts the site at the path of site_url, as the hosting does.
                base = urlsplit(site_url(project)).path
                url = f"http://127.0.0.1:{port}{base}questions/q05-keras-model/"
                if _wait_for(url, "</html>", timeout=180) == float("inf"):
                    sys.exit("mkdocs serve did not serve the page within 180 s")
                times = []
                for _ in range(EDITS):
                    time.sleep(1)  # the rebuild before has settled
                    marker = f"benchmark-{time.time_ns()}"
                    page = project / "docs" / "sv" / "questions" / "q05-keras-model.md"
                    text = page.read_text(encoding="utf-8")
                    page.write_text(f"{text}\n{marker}\n", encoding="utf-8")
                    times.append(_wait_for(url, marker, timeout=60))
                return statistics.median(times)
            finally:
                server.terminate()
                server.wait(timeout=30)


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
        time.sleep(0.05)
    return float("inf")


def measure(tree: Tree, what: str) -> dict[str, float]:
    if what == "suite":
        return {"test suite": tree.test_suite()}
    if what == "build":
        return {"build, cold": tree.build(cold=True), "build, warm": tree.build(cold=False)}
    return {"serve: edit to page": tree.serve_edit()}


def tensorflow_import(tree: Tree) -> float:
    return tree.timed("-c", "import tensorflow")


def report(current: dict[str, float], baseline: dict[str, float] | None) -> None:
    if baseline is None:
        for name, seconds in current.items():
            print(f"{name:<22} {seconds:7.1f} s")
        return
    print(f"{'measurement':<28} {'baseline':>9} {'current':>9} {'ratio':>7}   goal")
    rows = [(name, baseline[name], current[name]) for name in current]
    if "build, warm" in current:  # the goal compares a warm build with the baseline's cold one
        rows.append(("build, warm vs. cold", baseline["build, cold"], current["build, warm"]))
    for name, before, now in rows:
        ratio = now / before
        goal = ""
        if name in ("serve: edit to page", "build, warm vs. cold"):
            goal = f"<= {GOAL:.0%}  " + ("met" if ratio <= GOAL else "NOT MET")
        print(f"{name:<28} {before:7.1f} s {now:7.1f} s {ratio:6.0%}   {goal}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision")
    parser.add_argument(
        "--only",
        default=",".join(MEASUREMENTS),
        help=f"comma-separated subset of {','.join(MEASUREMENTS)} (default: all)",
    )
    arguments = parser.parse_args()
    chosen = [what for what in MEASUREMENTS if what in arguments.only.split(",")]
    if not chosen:
        parser.error(f"--only takes some of {','.join(MEASUREMENTS)}")

    with tempfile.TemporaryDirectory(prefix="kb-benchmark-") as folder:
        scratch = Path(folder)
        current = Tree(ROOT, scratch / "tmp-current")
        current.empty_caches()
        trees = {"current": current}
        with worktree(arguments.baseline, scratch) as path:
            if path:
                trees = {"baseline": Tree(path, scratch / "tmp-baseline"), **trees}
            figures: dict[str, dict[str, float]] = {name: {} for name in trees}
            for what in chosen:
                for name, tree in trees.items():  # alternating: the same load for both
                    figures[name].update(measure(tree, what))
            scale = tensorflow_import(current)

    report(figures["current"], figures.get("baseline"))
    print(f"\nfor scale: `import tensorflow` takes {scale:.1f} s on this machine")
    over = 0
    print("\nbudgets (current tree):")
    for name, budget in BUDGETS.items():
        if name in figures["current"]:
            seconds = figures["current"][name]
            over += seconds > budget
            verdict = "ok" if seconds <= budget else "OVER BUDGET"
            print(f"  {name:<22} {seconds:7.1f} s   (budget {budget:.0f} s)  {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
