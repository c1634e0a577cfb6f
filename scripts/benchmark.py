"""Measure the speeds the project promises, and say whether each is within budget.

    python scripts/benchmark.py                      (or: make benchmark)
    python scripts/benchmark.py --baseline b03b6af   (or: make benchmark ARGS="--baseline b03b6af")
    python scripts/benchmark.py --only build,serve   (skip the slow test suite)

1. the whole test suite, TensorFlow included          budget 180 s
2. `mkdocs build --strict` of both languages, cold    budget  30 s
   and warm (the same again, caches filled, in a new process)
3. `mkdocs serve`: from saving a page to the page
   served with the change (median of seven saves)     budget   5 s

With `--baseline REV`, REV is checked out into a temporary `git worktree` (removed afterwards)
and measured the same way with the same virtual environment: its own tests, hooks and tools
(every command runs with the tree as working folder, and `python -m` puts that folder first
on sys.path, ahead of the editable install of this project). Baseline and current
measurements alternate, so a change in the machine's load hits both. The goals: the suite and
a saved change served, each in at most 60 % of the baseline's, and a warm build in at most 60 %
of the baseline's cold build. b03b6af's browser tests drive Debian's full Chromium
(/usr/bin/chromium), not the headless shell that .ci/run installs: `apt-get install chromium`.

Where the suite's time goes (Linux): while it runs, /proc is read every 0.2 s, and each process
the suite started is counted under what it is: the browser (Chromium and Playwright's driver),
the pages' code (the fork server of tools/fresh_process.py and its children), notebook kernels,
`mkdocs build`, and pytest itself. A process that lives less than 0.2 s is missed; the machine's
whole busy time (/proc/stat) is printed beside it, as is its idle time.

Each tree gets its own, initially empty temporary folder ($TMPDIR), which holds its build
caches: "cold" empties it first, as on a fresh machine, and one tree's caches never serve the
other. Timings are wall-clock seconds on this machine; run it on an otherwise idle machine.
The serve measurement works on a copy of the project, so no tree is edited.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from tools.pages import site_url
from tools.site import copy_project, worktree

ROOT = Path(__file__).resolve().parent.parent
MEASUREMENTS = ("suite", "build", "serve")
BUDGETS = {"test suite": 180.0, "build, cold": 30.0, "serve: edit to page": 5.0}
EDITS = 7  # saves per serve measurement; the median counts (three varied by 20 % run to run)
GOAL = 0.60  # of the baseline: the suite and serve against theirs, a warm build against its cold


HAS_PROC = Path("/proc/stat").is_file()  # Linux: the suite's processor time can be read
PROCESSOR = "suite processor-s"  # the row prefix of the suite's processor time, by kind
KINDS = {  # what a process is, by the start of its name or a part of its command line
    "browser": ("chrom", "headless_shell", "playwright"),
    "pages' code": ("multiprocessing.forkserver",),
    "notebook kernels": ("ipykernel",),
    "mkdocs build": ("mkdocs",),
}


def _kind(name: str, command: str) -> str:
    for kind, marks in KINDS.items():
        if name.startswith(marks) or any(mark in command for mark in marks):
            return kind
    return "pytest"


class ProcessorTime:
    """The processor-seconds that one process and everything it starts use, by kind, read
    from /proc while it runs (see the module's docstring)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.used: dict[int, tuple[str, float]] = {}  # pid: kind, seconds at the last look
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.busy = self._machine()
        self.error: Exception | None = None
        self.own = 0.0
        self.thread.start()

    @staticmethod
    def _machine() -> tuple[float, float]:
        """The machine's busy and idle processor-seconds since it started."""
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:8]]
        hertz = os.sysconf("SC_CLK_TCK")
        idle = ticks[3] + ticks[4]
        return (sum(ticks) - idle) / hertz, idle / hertz

    def _look(self) -> None:
        parents, seen = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue  # /proc/self, /proc/stat and the like
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_text().replace("\0", " ")
            except OSError:
                continue  # gone meanwhile
            fields = stat.rsplit(")", 1)[1].split()
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            # A process that has ended (a zombie) has no command line: it keeps its kind.
            kind = self.used[pid][0] if pid in self.used and not command else _kind(name, command)
            seen[pid] = (kind, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
        family = {self.root, *self.used}  # once counted, a process stays counted if orphaned
        for pid in parents:
            chain = [pid]
            while chain[-1] not in family and parents.get(chain[-1], 0) > 1:
                chain.append(parents[chain[-1]])
            if chain[-1] in family:
                family.update(chain)
        self.used.update({pid: seen[pid] for pid in family if pid in seen})

    def _watch(self) -> None:
        try:
            while not self.stop.wait(0.2):
                self._look()
        except Exception as error:  # noqa: BLE001 - raised again by finish(), in the main thread
            self.error = error
        own = resource.getrusage(resource.RUSAGE_THREAD)
        self.own = own.ru_utime + own.ru_stime  # the watching's own cost, part of machine busy

    def finish(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        if self.error:
            raise self.error
        (busy_after, idle_after), (busy_before, idle_before) = self._machine(), self.busy
        by_kind: Counter[str] = Counter()
        for kind, seconds in self.used.values():
            by_kind[kind] += seconds
        rows = {f"{PROCESSOR}, {kind}": seconds for kind, seconds in by_kind.most_common()}
        rows[f"{PROCESSOR}, reading /proc for this"] = self.own
        rows[f"{PROCESSOR}, machine busy"] = busy_after - busy_before
        rows[f"{PROCESSOR}, machine idle"] = idle_after - idle_before
        return rows


class Tree:
    """A checkout of the project, with its own temporary folder for caches."""

    def __init__(self, path: Path, scratch: Path) -> None:
        self.path = path
        self.tmp = scratch
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch)}

    def timed(
        self, *arguments: str, cwd: Path | None = None, processor: dict[str, float] | None = None
    ) -> float:
        """Seconds that `python *arguments` takes; with `processor`, also fills that in with
        the processor-seconds it used, by kind (ProcessorTime)."""
        command = [sys.executable, *arguments]
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd or self.path,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        watch = ProcessorTime(process.pid) if processor is not None and HAS_PROC else None
        stdout, stderr = process.communicate()
        elapsed = time.perf_counter() - start
        if watch is not None and processor is not None:
            processor.update(watch.finish())
        if process.returncode:
            output = stdout[-3000:] + stderr[-3000:]
            sys.exit(f"{' '.join(command)} failed in {self.path}:\n{output}")
        return elapsed

    def empty_caches(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)  # notebook HTML and every other cache
        self.tmp.mkdir()

    def test_suite(self) -> dict[str, float]:
        self.empty_caches()
        processor: dict[str, float] = {}
        seconds = self.timed("-m", "pytest", "-q", "-p", "no:cacheprovider", processor=processor)
        return {"test suite": seconds, **processor}

    def build(self, cold: bool) -> float:
        if cold:
            self.empty_caches()
        with tempfile.TemporaryDirectory() as site:
            return self.timed("-m", "mkdocs", "build", "--strict", "-d", site)

    def serve_edit(self) -> float:
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder), source=self.path)
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
        return tree.test_suite()
    if what == "build":
        return {"build, cold": tree.build(cold=True), "build, warm": tree.build(cold=False)}
    return {"serve: edit to page": tree.serve_edit()}


def tensorflow_import(tree: Tree) -> float:
    return tree.timed("-c", "import tensorflow")


def report(current: dict[str, float], baseline: dict[str, float] | None) -> None:
    if baseline is None:
        for name, seconds in current.items():
            print(f"{name:<40} {seconds:7.1f} s")
        return
    print(f"{'measurement':<40} {'baseline':>9} {'current':>9} {'ratio':>7}   goal")
    names = [*current, *(name for name in baseline if name not in current)]
    rows = [(name, baseline.get(name, 0.0), current.get(name, 0.0)) for name in names]
    if "build, warm" in current:  # the goal compares a warm build with the baseline's cold one
        rows.append(("build, warm vs. cold", baseline["build, cold"], current["build, warm"]))
    for name, before, now in rows:
        ratio = f"{now / before:6.0%}" if before else "     -"
        goal = ""
        if name in ("test suite", "serve: edit to page", "build, warm vs. cold"):
            goal = f"<= {GOAL:.0%}  " + ("met" if now <= GOAL * before else "NOT MET")
        print(f"{name:<40} {before:7.1f} s {now:7.1f} s {ratio}   {goal}")


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
