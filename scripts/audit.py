"""Lighthouse audit of every page of the built site, against a default Material page.

Builds the site (unless --site names a built one) and an *anchor*: ANCHOR_PAGE rendered by a
default Material setup (same extensions, none of our hooks, overrides or scripts). Both are
served as tools/serve.py serves them. Lighthouse (npm, package.json) audits the anchor and
every page, the 404 page included, with the mobile preset, --runs times each; the median run
counts. The anchor runs again after every ANCHOR_EVERY pages, and the median of all its runs
sets the bar, as the host's speed drifts: every page at most MARGIN points below it in
performance, and 100 in FULL_MARKS. With `--baseline REV`, the site as built at REV is audited
too, run for run, and each page's two medians are reported side by side.
Pages are reported worst first, each with its total blocking time, element count and
main-thread breakdown; each run's `benchmarkIndex` (the host's speed) is printed beside it.

Needs Node.js, npm (`npm ci` the first time) and full Chromium (/usr/bin/chromium or
CHROME_PATH). Not a test: scores vary with the host; run by hand (`make audit`;
README: Speed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools import pages
from tools.pages import DEFAULT_LANGUAGE, ROOT
from tools.serve import serve
from tools.site import NOT_FOUND_PAGE, built, given_or_built, site_pages, worktree

ANCHOR_PAGE = "questions/q12-save-load"  # the heaviest question page when this was written
MARGIN = 3  # performance points a page may score below the anchor
ANCHOR_EVERY = 5  # pages between two more runs of the anchor; the median of all its runs counts
FULL_MARKS = ("accessibility", "best-practices", "seo")
CATEGORIES = ("performance", *FULL_MARKS)
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",  # root in a container
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Audit:
    page: str
    runs: list[dict]

    @property
    def median(self) -> dict:
        """The run with the median performance score."""
        return sorted(self.runs, key=lambda run: _score(run, "performance"))[len(self.runs) // 2]

    def score(self, category: str) -> int:
        return _score(self.median, category)

    def per_run(self) -> str:
        return ", ".join(
            f"{_score(run, 'performance')} @ {run['environment']['benchmarkIndex']:.0f}"
            f" (painted {_first_paint(run) / 1000:.2f} s)"
            for run in self.runs
        )

    def costs(self) -> str:
        audits = self.median["audits"]
        blocking = audits["total-blocking-time"]["numericValue"]
        elements = audits["dom-size"]["numericValue"]
        groups = audits["mainthread-work-breakdown"]["details"]["items"]
        work = ", ".join(f"{g['groupLabel']} {g['duration']:.0f} ms" for g in groups[:3])
        return f"TBT {blocking:.0f} ms, {elements:.0f} elements; main thread: {work}"


def _score(report: dict, category: str) -> int:
    return round(report["categories"][category]["score"] * 100)


def _first_paint(report: dict) -> float:
    """When the page first painted in the unthrottled load, in ms. Headless Chrome's compositor
    may hold a busy page's first frame back to the next whole second (GoogleChrome/lighthouse
    #17148), and Lighthouse's simulated LCP then counts every task before it (README, Speed)."""
    return report["audits"]["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"]


def passing_scores(anchor: Audit) -> dict[str, int]:
    """The lowest score that passes in each category: MARGIN points under the anchor's median
    in performance, full marks in the others."""
    return {"performance": anchor.score("performance") - MARGIN, **dict.fromkeys(FULL_MARKS, 100)}


def under_the_bar(audit: Audit, lowest: dict[str, int]) -> list[str]:
    """The categories in which a page's median run scores under the bar."""
    return [name for name in CATEGORIES if audit.score(name) < lowest[name]]


def lighthouse(url: str, chrome: str, flags: list[str]) -> dict:
    """Lighthouse's JSON report for one page (mobile preset, the four categories). A failed run
    is tried once more: Lighthouse now and then fails to connect to the Chrome it launched."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(flags)}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    for attempt in (1, 2):
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if not result.returncode:
            break
        if attempt == 1:
            last = result.stderr.strip().splitlines()[-1:] or ["(no message)"]
            print(f"lighthouse failed on {url} ({last[0]}); trying once more", flush=True)
    else:
        raise SystemExit(f"lighthouse failed twice on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def shortfalls(report: dict, category: str) -> list[str]:
    """The audits that cost a category points, with what Lighthouse says about them."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue", "")
            found.append(f"    {audit['id']} ({audit['score']:.2f}): {audit['title']} {shown}")
    return found


def build_anchor(folder: Path) -> Path:
    """ANCHOR_PAGE as a default Material site renders it: the page, its figures, no hooks."""
    config = pages.config()
    project = folder / "anchor"
    docs = project / "docs"
    page = ROOT / "docs" / DEFAULT_LANGUAGE / f"{ANCHOR_PAGE}.md"
    (docs / "questions").mkdir(parents=True)
    shutil.copy2(page, docs / f"{ANCHOR_PAGE}.md")
    shutil.copytree(ROOT / "snippets", project / "snippets")
    anchor = {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        "theme": {
            "name": "material",
            "language": DEFAULT_LANGUAGE,
            "font": False,
            "features": ["content.code.copy"],
        },
        "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(anchor, allow_unicode=True))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder / "anchor-site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"the anchor page did not build:\n{result.stderr[-3000:]}")
    return folder / "anchor-site"


def compare(revision: str, before: list[Audit], after: list[Audit]) -> None:
    print(f"\nagainst {revision} (its runs alternated with this site's), performance and TBT:")
    print(f"{'page':44} {revision[:9]:>9} {'now':>9} {'change':>7}")
    for old, new in zip(before, after, strict=True):
        points = new.score("performance") - old.score("performance")
        tbt = [a.median["audits"]["total-blocking-time"]["numericValue"] for a in (old, new)]
        print(
            f"/{new.page:43} {old.score('performance'):>9} {new.score('performance'):>9} "
            f"{points:>+7}   TBT {tbt[0]:.0f} -> {tbt[1]:.0f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--keep", type=Path, help="write each page's median JSON report here")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median counts)")
    parser.add_argument("--pages", nargs="*", help="only these paths below the site's root")
    parser.add_argument("--baseline", metavar="REV", help="also audit the site built at REV")
    parser.add_argument(
        "--chrome-flags",
        default="",
        help="more flags for Chromium, the anchor's runs included (e.g. to try a flag's effect)",
    )
    arguments = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    flags = [*CHROME_FLAGS, *arguments.chrome_flags.split()]
    if not Path(chrome).is_file():  # the tests' headless shell will not do: scores must compare
        sys.exit(f"audit: no Chromium at {chrome}: `apt-get install chromium`, or set CHROME_PATH")
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    with ExitStack() as stack:  # left in reverse: the servers, the worktree, the folder
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        tree = stack.enter_context(worktree(arguments.baseline, folder))
        site = given_or_built(arguments.site, folder)
        anchor_site = build_anchor(folder)
        # The baseline is built by its own hooks, with build caches of its own.
        baseline_site = tree and built(folder / "baseline-site", tree, folder / "baseline-tmp")
        pages = arguments.pages or [*site_pages(site), NOT_FOUND_PAGE]
        print(f"Lighthouse {version}, mobile preset, median of {arguments.runs} runs per page")
        audits, baseline_audits = [], []
        anchor_url = stack.enter_context(serve(anchor_site))
        url = stack.enter_context(serve(site))
        baseline_url = baseline_site and stack.enter_context(serve(baseline_site))
        anchor_page = anchor_url + ANCHOR_PAGE + "/"
        anchor = Audit(
            "anchor", [lighthouse(anchor_page, chrome, flags) for _ in range(arguments.runs)]
        )
        for number, page in enumerate(pages, 1):
            audits.append(Audit(page, []))
            if baseline_url:
                baseline_audits.append(Audit(page, []))
            for _ in range(arguments.runs):  # alternated: the host's drift hits both
                audits[-1].runs.append(lighthouse(url + page, chrome, flags))
                if baseline_url:
                    baseline_audits[-1].runs.append(lighthouse(baseline_url + page, chrome, flags))
            print(f"  /{page}: {audits[-1].score('performance')}", flush=True)
            if number % ANCHOR_EVERY == 0:  # the host's speed drifts: so does the bar
                anchor.runs.append(lighthouse(anchor_page, chrome, flags))
    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
        for audit in [anchor, *audits]:
            name = audit.page.strip("/").replace("/", "_") or "index"
            (arguments.keep / f"{name}.json").write_text(json.dumps(audit.median))
    lowest = passing_scores(anchor)
    indices = [run["environment"]["benchmarkIndex"] for a in [anchor, *audits] for run in a.runs]
    print(
        f"\nbenchmarkIndex of this host: median {statistics.median(indices):.0f} "
        f"(min {min(indices):.0f}, max {max(indices):.0f})"
    )
    print(
        f"anchor (default Material, /{ANCHOR_PAGE}/): performance {anchor.score('performance')}"
        f" (runs: {anchor.per_run()}); {anchor.costs()}"
    )
    print(f"bar: performance >= {lowest['performance']}, {', '.join(FULL_MARKS)} = 100\n")
    print(f"{'page (worst first)':44} " + " ".join(f"{name[:6]:>6}" for name in CATEGORIES))
    failed = 0
    for audit in sorted(audits, key=lambda a: (a.score("performance"), a.page)):
        scores = [audit.score(name) for name in CATEGORIES]
        print(f"/{audit.page:43} " + " ".join(f"{score:>6}" for score in scores))
        print(f"    runs (score @ benchmarkIndex): {audit.per_run()}; {audit.costs()}")
        low = under_the_bar(audit, lowest)
        for name in low:
            print(f"  {name} {audit.score(name)} under the bar:")
            print("\n".join(shortfalls(audit.median, name)))
        failed += bool(low)
    if arguments.baseline:
        compare(arguments.baseline, baseline_audits, audits)
    print(f"\n{len(audits) - failed} of {len(audits)} pages pass")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
