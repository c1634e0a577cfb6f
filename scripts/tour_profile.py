"""Where the browser tour's time goes: each step of tests/test_browser.py's check of a page,
over every page of the site, in one tab, with Chromium's own counters of main-thread work.

    python -m scripts.tour_profile [--site DIR]   (from the project folder: it imports tests/)

For each step (opening the page until search is ready, opening its folds, axe-core on the
desktop, the desktop's checks of layout, the copy buttons, the palette switch, the phone's
checks of layout, axe-core on the phone) it prints the wall time and the renderer's
main-thread time (`Performance.getMetrics`: all tasks, and of them script, style and layout).
It reuses the test's own `Tour`, so it measures what the test does (a test checks that it runs
every script a visit runs). Not a test; run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable
from pathlib import Path

from playwright.async_api import CDPSession, Page, async_playwright

from tests import test_browser as tour_test
from tests.conftest import BROWSER_FLAGS, executable
from tools.serve import serve
from tools.site import given_or_built, site_pages

COUNTERS = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"]


async def _counters(cdp: CDPSession) -> dict[str, float]:
    metrics = (await cdp.send("Performance.getMetrics"))["metrics"]
    return {m["name"]: m["value"] for m in metrics if m["name"] in COUNTERS}


async def _desktop_layout(page: Page) -> None:
    """The desktop's checks of layout: diagrams' text, words broken in a notebook's output,
    sideways scrolling."""
    await page.evaluate(tour_test.DIAGRAM_TEXT, 12)
    await page.evaluate(tour_test.BROKEN_WORDS, tour_test.IN_OUTPUTS)
    await page.evaluate(tour_test.SIDEWAYS)


async def _layout(page: Page) -> None:
    """The phone's checks of layout: sideways scrolling, printed tables that wrap, words broken
    in tables, small text, permalinks alone on a line, diagrams' text."""
    await page.evaluate(tour_test.SIDEWAYS)
    await page.evaluate(tour_test.WRAPPED_ROWS)
    await page.evaluate(tour_test.BROKEN_WORDS, tour_test.IN_TABLES)
    await page.evaluate(tour_test.SMALL_TEXT, 12)
    await page.evaluate(tour_test.ORPHAN_PERMALINKS, tour_test.PERMALINKS)
    await page.evaluate(tour_test.DIAGRAM_TEXT, 12)


async def profile(url: str, pages: list[str], axe_url: str) -> dict[str, Counter[str]]:
    steps: dict[str, Counter[str]] = defaultdict(Counter)
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=executable(), args=BROWSER_FLAGS)
        context = await browser.new_context(color_scheme="light", viewport=tour_test.DESKTOP)
        page = await context.new_page()
        cdp = await context.new_cdp_session(page)
        await cdp.send("Performance.enable")
        await context.grant_permissions(["clipboard-read", "clipboard-write"])
        tour = tour_test.Tour(page, axe_url, tour_test.Code.of(pages), decided={})

        async def step(name: str, work: Awaitable[object], navigates: bool = False) -> None:
            before = dict.fromkeys(COUNTERS, 0.0) if navigates else await _counters(cdp)
            start = time.perf_counter()
            await work
            steps[name]["wall"] += time.perf_counter() - start
            after = await _counters(cdp)  # a navigation starts the counters afresh
            for counter in COUNTERS:
                steps[name][counter] += after[counter] - before[counter]

        for path in pages:
            await step("open", tour.open(url + path), navigates=True)
            await step("open folds", page.evaluate(tour_test.OPEN_FOLDS))
            await step("axe, desktop", tour.axe(tags=tour_test.WCAG_21_AA))
            await step("desktop layout", _desktop_layout(page))
            await step("copy buttons", tour.check_copies(path))
            await step("palette switch", tour.switch_palette())
            await page.set_viewport_size(tour_test.PHONE)
            await page.add_style_tag(content=tour_test.DRAWER_RENDERED)
            await step("phone layout", _layout(page))
            await step("axe, phone", tour.axe(rules=["link-in-text-block"]))
            await page.set_viewport_size(tour_test.DESKTOP)
            await tour.switch_palette()  # back to light for the next page
        await browser.close()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = given_or_built(arguments.site, Path(folder))
        pages = site_pages(site)
        axe_folder = Path(folder) / "axe"
        axe_folder.mkdir()
        with serve(site) as url, tour_test.axe_served(axe_folder) as axe_url:
            steps = asyncio.run(profile(url, pages, axe_url))
    print(f"{len(pages)} pages, one tab; seconds in total")
    print(f"{'step':<16}{'wall':>7}{'main thread':>13}{'script':>8}{'style':>7}{'layout':>8}")
    for name, c in steps.items():
        print(
            f"{name:<16}{c['wall']:>7.1f}{c['TaskDuration']:>13.1f}{c['ScriptDuration']:>8.1f}"
            f"{c['RecalcStyleDuration']:>7.1f}{c['LayoutDuration']:>8.1f}"
        )


if __name__ == "__main__":
    main()
