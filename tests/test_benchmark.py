"""scripts/benchmark.py's account of where the suite's processor time goes (read from /proc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.benchmark import HAS_PROC, PROCESSOR, ProcessorTime, _kind

# One second of processor time, in a process of its own, which then waits a second: the
# benchmark reads /proc every 0.2 s, and sees the whole second before the process ends.
BURN = "import time\nstart = time.process_time()\nwhile time.process_time() - start < 1: pass\n"
BURN += "time.sleep(1)"


@pytest.mark.skipif(not HAS_PROC, reason="reads /proc, which only Linux has")
def test_the_benchmark_counts_the_work_of_a_process_that_the_suite_started_indirectly() -> None:
    # The suite's work is done by grandchildren: pytest-xdist's workers, Playwright's browser.
    starter = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {BURN!r}])"
    parent = subprocess.Popen([sys.executable, "-c", starter])
    watch = ProcessorTime(parent.pid)
    parent.wait()
    used = watch.finish()
    assert 1 <= used[f"{PROCESSOR}, pytest"] <= used[f"{PROCESSOR}, machine busy"], used


@pytest.mark.parametrize(
    ("name", "command", "kind"),
    [
        ("chrome-headless", "/usr/lib/chromium/chrome-headless-shell --type=renderer", "browser"),
        ("node", "node .../playwright/driver/package/cli.js run-driver", "browser"),
        ("python", "python -c from multiprocessing.forkserver import main", "pages' code"),
        ("python", "python -m ipykernel_launcher -f kernel.json", "notebook kernels"),
        ("python", "python -m mkdocs build --strict", "mkdocs build"),
        ("python", "python -c from xdist.remote import main", "pytest"),
        ("python", "python -m pytest", "pytest"),
    ],
)
def test_each_process_of_the_suite_is_counted_under_what_it_is(
    name: str, command: str, kind: str
) -> None:
    assert _kind(name, command) == kind
