"""Lighthouse audit of the built site, served compressed as GitHub Pages serves it.

    python scripts/audit.py [--site DIR] [--keep REPORT_DIR] [--runs N] [PAGE ...]

Builds the site (unless --site names a built one), serves it on 127.0.0.1 under the path of
site_url with gzip (tools/serve.py), and runs Lighthouse 12.2.3 (npm, see package.json; newer
releases need Node 22) with the mobile preset on the home page and two question pages in each
language. Each page is audited three times (--runs) and the median run counts, as
Lighthouse's documentation advises for its run-to-run variance. Passes when accessibility,
best practices and SEO are 100 and performance is at least 95 on every page; otherwise prints
what Lighthouse found and exits 1.

Needs Node.js and npm (runs `npm ci` the first time) and Chromium: Debian's /usr/bin/chromium,
or the browser named by CHROME_PATH. Not a test: performance varies by a few points between
runs on a small machine, so this is run by hand (README: The site in a browser).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.pages import ROOT
from tools.serve import serve
from tools.site import build

PAGES = [
    "",
    "questions/q05-keras-model/",
    "questions/q12-save-load/",
    "en/",
    "en/questions/q05-keras-model/",
    "en/questions/q12-save-load/",
]
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
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


def lighthouse(url: str, chrome: str) -> dict[str, object]:
    """Lighthouse's JSON report for one page (mobile preset, the four categories)."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report: dict[str, object] = json.loads(result.stdout)
    return report


def median_run(reports: list[dict[str, object]]) -> dict[str, object]:
    """The run with the median performance score (of an odd number of runs)."""

    def performance(report: dict[str, object]) -> float:
        categories = report["categories"]
        assert isinstance(categories, dict)
        return float(categories["performance"]["score"])

    return sorted(reports, key=performance)[len(reports) // 2]


def shortfalls(report: dict[str, object], category: str) -> list[str]:
    """The audits that cost a category points, with what Lighthouse says about them."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict)
    assert isinstance(audits, dict)
    found = []
    for ref in categories[category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue", "")
            found.append(f"    {audit['id']} ({audit['score']:.2f}): {audit['title']} {shown}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--keep", type=Path, help="write each page's JSON report here")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median counts)")
    parser.add_argument("pages", nargs="*", default=PAGES, help="paths below the site's root")
    arguments = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as folder:
        site = arguments.site
        if site is None:
            site = Path(folder) / "site"
            result = build(site)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
        passed = True
        with serve(site) as url:
            package = ROOT / "node_modules" / "lighthouse" / "package.json"
            version = json.loads(package.read_text(encoding="utf-8"))["version"]
            print(f"Lighthouse {version}, mobile preset, median of {arguments.runs} runs, {url}")
            print(f"{'page':34} " + " ".join(f"{name:>14}" for name in CATEGORIES))
            for page in arguments.pages:
                runs = [lighthouse(url + page, chrome) for _ in range(arguments.runs)]
                report = median_run(runs)
                if arguments.keep:
                    arguments.keep.mkdir(parents=True, exist_ok=True)
                    name = page.strip("/").replace("/", "_") or "index"
                    (arguments.keep / f"{name}.json").write_text(json.dumps(report))
                categories = report["categories"]
                assert isinstance(categories, dict)
                scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
                every = [round(run["categories"]["performance"]["score"] * 100) for run in runs]
                print(
                    f"/{page:33} "
                    + " ".join(f"{scores[name]:>14}" for name in CATEGORIES)
                    + f"   (performance per run: {', '.join(map(str, every))})"
                )
                for name, minimum in CATEGORIES.items():
                    if scores[name] < minimum:
                        passed = False
                        print(f"  {name} {scores[name]} < {minimum}:")
                        print("\n".join(shortfalls(report, name)))
    print("passed" if passed else "FAILED: scores under the thresholds above")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
