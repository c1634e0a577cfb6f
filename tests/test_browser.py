"""The site as readers use it: a real headless Chromium against the built site on 127.0.0.1.

The tests build the site once (the `site` fixture), serve it the way GitHub Pages does
(tools/serve.py: under the path of site_url, gzip, 404.html) and open every page of both
languages in one browser. Debian's Chromium (its headless shell first) when it is there,
else Playwright's own browser (`python -m playwright install chromium`); see conftest.py.

Every page is opened once and seen twice: on a desktop in the light palette, then (toggled
in the header, window narrowed) on a 360 px wide phone in the dark palette, two tabs side by
side. What each page did (requests, console errors, axe-core's findings, sideways scrolling)
is recorded once; each test below checks one promise on those records, naming the page and
the problem.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.async_api import ConsoleMessage as AsyncConsoleMessage
from playwright.async_api import Page as AsyncPage
from playwright.async_api import Request as AsyncRequest
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.conftest import BROWSER_FLAGS, executable
from tools.codeblocks import CodeExample, examples, program
from tools.copy_programs import not_runnable
from tools.pages import DEFAULT_LANGUAGE, LANGUAGES, ROOT, all_pages, language_prefix, site_language
from tools.questions import MARKS, POINTS, questions
from tools.serve import serve
from tools.site import NOT_FOUND_PAGE, site_pages

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG = {"tags": WCAG_21_AA, "rules": None, "parts": None}  # AXE_CHECK's argument for them
PHONE = {"width": 360, "height": 740}  # many Android phones; iPhones are 375 px and wider
TOUCH = {"viewport": PHONE, "is_mobile": True, "has_touch": True}  # a phone, as a finger uses it
NO_TRANSITIONS = "* { transition: none !important; animation: none !important }"
# On a phone the closed menu drawer is not rendered (site.css). Contrast is checked on its links
# as well: rendered, off screen, as they were before the drawer was hidden.
DRAWER_RENDERED = ".md-sidebar__scrollwrap { content-visibility: visible !important }"
DESKTOP = {"width": 1280, "height": 800}
MARKS_SHOWN = ("knew", "again")  # the self-test's counts, in the order of its bar
# A browser that refuses to store anything (a setting, or a private window on some browsers).
STORAGE_OFF = """for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, {get() { throw new DOMException("off", "SecurityError") }})
}"""
OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]

# Search: a term typed on a page, and the page that must come first. Terms from pages that
# are finished; if a page's text changes which page ranks first, pick another term.
SEARCHES = [
    ("", "övervakar", "questions/q05-keras-model/"),
    ("questions/q05-keras-model/", "originalet", "questions/q05-keras-model/"),
    ("en/", "watches", "en/questions/q05-keras-model/"),
    ("en/questions/q05-keras-model/", "original", "en/questions/q05-keras-model/"),
]
# A term that both languages' pages contain: each language's search lists only its own.
BOTH_LANGUAGES = "EarlyStopping"


def translation(path: str, language: str) -> str:
    """The same page's path in another language."""
    return language_prefix(language) + path.removeprefix(language_prefix(site_language(path)))


def source_of(path: str) -> Path | None:
    """The Markdown page a built page comes from (relative to the repository), if any."""
    language = site_language(path)
    bare = translation(path, DEFAULT_LANGUAGE).rstrip("/")
    folder = Path("docs") / language
    for candidate in (folder / f"{bare}.md", folder / bare / "index.md"):
        if bare and (ROOT / candidate).is_file():
            return candidate
    return folder / "index.md" if not bare else None


@dataclass
class Visit:
    """What one page did in the browser."""

    elsewhere: list[str] = field(default_factory=list)  # requests to other hosts
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    violations: list[str] = field(default_factory=list)  # axe-core's findings
    sideways: list[str] = field(default_factory=list)  # what scrolls horizontally
    broken: list[str] = field(default_factory=list)  # words broken mid-word: IN_TABLES, IN_OUTPUTS
    wrapped: list[str] = field(default_factory=list)  # printed tables whose rows wrap
    small: list[str] = field(default_factory=list)  # text under 12 px on a phone
    orphans: list[str] = field(default_factory=list)  # a permalink on a line of its own
    looked: dict[str, int] = field(default_factory=dict)  # how much a check found to look at
    diagrams: list[str] = field(default_factory=list)  # a diagram's text too small or outside it
    copies: list[str] = field(default_factory=list)  # what copy buttons and code labels got wrong
    copied: int = 0  # copy buttons clicked
    course_code: int = 0  # blocks of code that does not run on purpose
    facts: dict[str, object] = field(default_factory=dict)  # see FACTS


def describe(violations: list[dict[str, object]]) -> list[str]:
    found = []
    for violation in violations:
        nodes = violation["nodes"]
        assert isinstance(nodes, list)
        targets = ", ".join(str(node["target"]) for node in nodes[:3])
        found.append(f"{violation['id']} ({violation['help']}): {len(nodes)}x, e.g. {targets}")
    return found


SIDEWAYS = """() => {
  const root = document.documentElement;
  const found = [];
  if (root.scrollWidth > root.clientWidth + 1)
    found.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  for (const el of document.querySelectorAll("article *")) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1) {
      const what = el.matches("code.kb-columns, :has(> pre.kb-columns)")  // a notebook's box
        ? "printed table"
        : el.closest(".mkdocstrings-source")
          ? "source"
          : el.closest("pre") ? "code block" : el.tagName.toLowerCase();
      const text = (el.textContent || "").trim().slice(0, 40);
      found.push(`${what} scrolls (${el.scrollWidth}px in ${el.clientWidth}px): "${text}"`);
    }
  }
  return found;
}"""
# Printed output in columns (hooks/code_blocks.py; a notebook's, tools/highlight.py) whose rows
# take more lines than they are: wrapped, a table's last column fell under its first. The line
# boxes of its text, counted.
WRAPPED_ROWS = """() => [...document.querySelectorAll("article .kb-columns")].map((code) => {
  code.style.contentVisibility = "visible";  // laid out even out of sight (site.css)
  const range = document.createRange();
  range.selectNodeContents(code);
  const tops = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
  const rows = code.textContent.replace(/\\n$/, "").split("\\n").length;
  const text = code.textContent.slice(0, 40);
  return tops.size > rows ? `a table's ${rows} rows take ${tops.size} lines: "${text}"` : "";
})"""
# A word in a table (a run of letters, digits and underscores: in code, a name) that breaks
# across lines, though it is narrower than the page's text: its column was squeezed.
BROKEN_WORDS = """([where, pattern]) => [...document.querySelectorAll(where)]
.flatMap(cell => {
  const room = cell.closest("article").clientWidth;
  const found = [];
  const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    for (const word of node.data.matchAll(new RegExp(pattern, "gu"))) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const parts = [...range.getClientRects()];
      const lines = new Set(parts.map(part => Math.round(part.top))).size;
      const width = parts.reduce((sum, part) => sum + part.width, 0);
      if (lines > 1 && width <= room)
        found.push(`"${word[0]}" in "${(cell.innerText || cell.textContent).slice(0, 40)}"`);
    }
  }
  return found;
})"""
# A heading's, an exercise's or a term's permalink (¶) that wrapped onto a line of its own:
# it starts at or below the bottom of the last line of the text before it.
ORPHAN_PERMALINKS = """(selector) => [...document.querySelectorAll(selector)]
.filter(link => link.getClientRects().length)
.flatMap(link => {
  const before = document.createRange();
  before.setStart(link.parentElement, 0);
  before.setEndBefore(link);
  const lines = [...before.getClientRects()].filter(rect => rect.width);
  const last = lines[lines.length - 1];
  return last && link.getClientRects()[0].top >= last.bottom - 1
    ? [`"${link.parentElement.textContent.trim().slice(0, 60)}"`]
    : [];
})"""
IN_TABLES = ["article table :is(td, th)", r"[\p{L}\p{N}_]+"]  # a name in code is one word
PERMALINKS = "article .headerlink"
DIAGRAMS = 'article img:is([src$=".svg"], [src^="data:image/svg+xml"])'
# How many elements a selector finds on screen: a check that finds none checks nothing.
SHOWN = """(selector) => [...document.querySelectorAll(selector)]
.filter(element => element.getClientRects().length).length"""
# A notebook's printed output on a desktop, as a question page's (its rows kept whole aside).
IN_OUTPUTS = [".jp-OutputArea-output pre:not(.kb-columns)", r"[\p{L}\p{N}_]+"]
# A module's, a function's or a file's name in the code reference: each part between a dot, an
# underscore or a slash is a word.
IN_REFERENCE = [
    ".doc-heading, .doc-signature code, .mkdocstrings-source > .admonition-title",
    r"[\p{L}\p{N}]+",
]
# What a page says about itself: its language, its palette, where its switcher leads.
FACTS = """() => ({
  lang: document.documentElement.lang,
  scheme: document.body.dataset.mdColorScheme,
  switcher: Object.fromEntries(
    [...document.querySelectorAll("a.md-select__link[hreflang]")].map(a => [a.hreflang, a.href])
  ),
})"""
SCHEME = "document.body.dataset.mdColorScheme"  # "default" (light) or "slate" (dark)
# axe-core with its two slow rules on one element per distinct look (see the script).
AXE_CHECK = Path(__file__).with_name("axe_sampled.js").read_text(encoding="utf-8")
Looks = dict[str, set[str]]  # the looks axe-core has decided, by rule (AXE_CHECK's `checked`)
READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


def settle(page: Page) -> None:
    """Wait until Material's search has loaded its index (the last thing a page loads)."""
    page.wait_for_function(READY, timeout=10_000)


# What the clipboard holds once it holds anything (Material writes to it after the click, in a
# promise of its own), or "" after two seconds.
TAKE_CLIPBOARD = """async () => {
  for (let wait = 0; wait < 100; wait++) {
    const text = await navigator.clipboard.readText();
    if (text) return text;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return "";
}"""
# Each code block on a page: the code it shows, what its fold holds, whether it has a label.
SHOWN_CODE = """wrappers => wrappers.map(w => ({
  code: w.querySelector(":scope > pre > code").textContent,
  fold: w.previousElementSibling?.matches("details.kb-builds-on")
    ? w.previousElementSibling.querySelector("code").textContent : null,
  label: w.querySelector(":scope > .kb-not-runnable")?.innerText ?? null,
}))"""


# Open every fold (an exercise's solution, the code a block builds on), as a reader would, so
# that every check sees what is inside (axe-core does not look into a closed <details>), and
# wait for the toggle event that site.js fills a fold on (site.js listens on the document while
# capturing, so it has done its work by then).
OPEN_FOLDS = """() => Promise.all([...document.querySelectorAll("details:not([open])")]
  .map(fold => new Promise(resolve => {
    fold.addEventListener("toggle", resolve, {once: true});
    fold.open = true;
  })))"""
# For the checks after the copy buttons': Material's "Copied" note gone rather than fading while
# axe-core looks at its colours.
NO_COPIED_NOTE = (
    """() => document.querySelector(".md-dialog")?.classList.remove("md-dialog--active")"""
)


def _tidy(code: str) -> str:
    """Code as shown: Pygments drops leading blank lines, Material's copy the trailing ones."""
    return code.strip("\n").rstrip()


# The n-th code block brought into view as a reader would: the folded blocks it is inside (an
# exercise's solution, say) opened, then scrolled to (until it stays in view: a code block is
# laid out only when it comes near, site.css), and once Material has mounted it (when
# it is shown and scrolls into view: content.lazy; it names its <pre> then), its copy buttons,
# how many there are, and where a reader clicks the first: its centre, scrolled to the middle of
# the window (clear of the sticky header), and whether the button is what a click there hits.
SHOW = """async index => {
  const el = document.querySelectorAll("article .highlight:has(> pre > code)")[index];
  for (let d = el.closest("details:not([open])"); d; d = d.closest("details:not([open])"))
    d.open = true;
  const start = performance.now();
  for (let wait = 0; wait < 250 && !el.querySelector(":scope > pre[id^='__code_']"); wait++) {
    el.scrollIntoView({block: "nearest"});  // again: code laid out on the way may move it
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  const buttons = el.querySelectorAll("[data-clipboard-target]");
  const box = el.getBoundingClientRect();
  const shown = {mounted: !!el.querySelector(":scope > pre[id^='__code_']"),
    buttons: buttons.length, x: 0, y: 0, hit: false,
    // For the message when Material did not mount it: how long, where, and how many it did.
    waited: Math.round(performance.now() - start), inView: box.top < innerHeight && box.bottom > 0,
    mountedOnPage: document.querySelectorAll("pre[id^='__code_']").length};
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  for (let wait = 0, last = ""; buttons.length && wait < 100; wait++) {
    buttons[0].scrollIntoView({block: "center"});  // until it stays put from frame to frame
    const box = buttons[0].getBoundingClientRect();
    shown.x = box.x + box.width / 2;
    shown.y = box.y + box.height / 2;
    if (`${shown.x} ${shown.y}` === last) break;
    last = `${shown.x} ${shown.y}`;
    await frame();
    await frame();  // a scroll reaches the compositor, which aims the clicks, a frame later
  }
  if (buttons.length) {
    shown.hit = !!document.elementFromPoint(shown.x, shown.y)?.closest("[data-clipboard-target]")
      ?.isSameNode(buttons[0]);
  }
  return shown;
}"""


class Tour:
    """One tab that opens pages and records what happened on each (async Playwright)."""

    def __init__(self, page: AsyncPage, axe_url: str, code: Code, decided: Looks) -> None:
        self.page = page
        self.axe_url = axe_url
        self.code = code
        self.decided = decided  # shared by the tabs: a look decided once is not checked again
        self.visit = Visit()
        self.in_flight = 0
        page.on("request", self._request)
        page.on("requestfinished", self._done)
        page.on("requestfailed", self._done)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.visit.errors.append(f"exception: {error}"))

    def _request(self, request: AsyncRequest) -> None:
        self.in_flight += 1
        url = request.url
        if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:")):
            self.visit.elsewhere.append(url)

    def _done(self, _request: AsyncRequest) -> None:
        self.in_flight -= 1

    def _console(self, message: AsyncConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.visit.errors.append(f"console: {message.text} ({where})")

    async def open(self, url: str) -> Visit:
        self.visit = Visit()
        await self.page.goto(url)
        await self.page.wait_for_function(READY, timeout=10_000)
        for _ in range(250):  # until every request the page started has ended
            if self.in_flight <= 0:
                break
            await asyncio.sleep(0.02)
        self.visit.facts = await self.page.evaluate(FACTS)
        return self.visit

    async def axe(self, tags: list[str] | None = None, rules: list[str] | None = None) -> list[str]:
        if not await self.page.evaluate("typeof axe !== 'undefined'"):
            await self.page.add_script_tag(url=self.axe_url)
        checked = {rule: sorted(looks) for rule, looks in self.decided.items()}
        check = {"tags": tags, "rules": rules, "parts": None, "checked": checked}
        found = await self.page.evaluate(AXE_CHECK, check)
        for rule, looks in found["checked"].items():
            self.decided.setdefault(rule, set()).update(looks)
        return describe(found["violations"])

    async def scheme(self) -> str:
        return str(await self.page.evaluate(SCHEME))

    async def switch_palette(self) -> None:
        """Toggle light and dark with the button in the header. A click event, not the mouse:
        a mouse left on the button shows its tooltip, fading in while axe-core looks."""
        before = await self.scheme()
        # Colours fade between palettes; axe-core must see the end state, not a mid-fade blend.
        await self.page.add_style_tag(content=NO_TRANSITIONS)
        await self.page.locator("[data-md-component=palette] label:visible").dispatch_event("click")
        await self.page.wait_for_function(f"before => {SCHEME} !== before", arg=before)

    async def check_copies(self, path: str) -> None:
        """Each runnable block of the page's Markdown shown as written, with the blocks it
        continues folded above it, and its copy button clicked; code that does not run on
        purpose labelled and without a copy button (see the test). The page's folds are open
        (OPEN_FOLDS)."""
        visit, page = self.visit, self.page
        blocks = [(e, n) for e in self.code.examples.get(path, []) for n in range(len(e.blocks))]
        wrappers = page.locator("article .highlight:has(> pre > code)")
        if not blocks and not await wrappers.count():
            return
        shown = await wrappers.evaluate_all(SHOWN_CODE)
        texts = [_tidy(item["code"]) for item in shown]
        position = 0
        for example, number in blocks:
            block = example.blocks[number]
            code = _tidy(block.code)
            if code not in texts[position:]:
                visit.copies.append(f"{block.where} is not shown as written")
                continue
            position = texts.index(code, position) + 1
            if not_runnable(example):
                continue  # checked below, with the same code on other pages
            before = program(example.blocks[:number])
            fold = shown[position - 1]["fold"]
            if (fold or "").rstrip() != before.rstrip():
                what = "no fold" if fold is None else f"a fold of:\n{fold}"
                visit.copies.append(f"{block.where} shows {what}\nnot:\n{before}")
            shown_block = await self.show(position - 1)
            if shown_block["buttons"] != 1:
                visit.copies.append(f"{block.where} has {shown_block['buttons']} copy buttons")
                continue
            if not shown_block["hit"]:
                visit.copies.append(f"{block.where}: its copy button is covered")
                continue
            async with self.code.clipboard:  # one clipboard for both tabs
                await page.evaluate("() => navigator.clipboard.writeText('')")
                # A reader's click, with the mouse, where the button is. (Playwright's
                # locator.click checks what SHOW checked in many round trips: it took two
                # thirds of this step, README: Speed.)
                await page.mouse.click(shown_block["x"], shown_block["y"])
                copied = await page.evaluate(TAKE_CLIPBOARD)
            visit.copied += 1
            if copied != program(example.blocks[: number + 1]).rstrip():
                visit.copies.append(f"the copy button of {block.where} copies:\n{copied}")
        for index, text in enumerate(texts):
            if text not in self.code.course_code:
                continue
            visit.course_code += 1
            if not shown[index]["label"]:
                visit.copies.append(f"code that does not run has no label:\n{text}")
            if (await self.show(index))["buttons"]:
                visit.copies.append(f"code that does not run has a copy button:\n{text}")
        await page.mouse.move(0, 0)  # no tooltip left showing on a copy button
        await page.evaluate(NO_COPIED_NOTE)

    async def show(self, index: int) -> dict[str, Any]:
        """Brings the index-th code block into view (SHOW); returns what SHOW found."""
        shown: dict[str, Any] = await self.page.evaluate(SHOW, index)
        if not shown["mounted"]:
            self.visit.copies.append(
                f"Material did not mount code block {index} in {shown['waited']} ms (in view: "
                f"{shown['inView']}; {shown['mountedOnPage']} blocks of the page mounted)"
            )
        return shown

    async def check(self, url: str, path: str) -> tuple[Visit, Visit]:
        """One page, its folds open, on a desktop in the light palette (axe-core, WCAG 2.1 A
        and AA; the copy buttons; sideways scrolling but in code), then on a 360 px phone in the
        dark palette (sideways scrolling, contrast), or the other way round: Material keeps the
        reader's palette from page to page. A step that fails stops the tour, naming the page."""
        try:
            return await self._check(url, path)
        except Exception as error:
            raise RuntimeError(f"the tour failed on /{path}: {error}") from error

    async def _check(self, url: str, path: str) -> tuple[Visit, Visit]:
        desktop = await self.open(url + path)
        await self.page.evaluate(OPEN_FOLDS)
        phone = Visit()
        phases = ["light", "dark"] if await self.scheme() == "default" else ["dark", "light"]
        for number, phase in enumerate(phases):
            if number:
                await self.switch_palette()
            if phase == "light":
                await self.page.set_viewport_size(DESKTOP)
                desktop.violations = await self.axe(tags=WCAG_21_AA)
                desktop.diagrams = await self.page.evaluate(DIAGRAM_TEXT, 12)
                desktop.looked["diagrams"] = await self.page.evaluate(SHOWN, DIAGRAMS)
                desktop.broken = await self.page.evaluate(BROKEN_WORDS, IN_OUTPUTS)
                desktop.looked["outputs"] = await self.page.evaluate(SHOWN, IN_OUTPUTS[0])
                desktop.sideways = [  # code wraps; a printed table and a source scroll
                    found
                    for found in await self.page.evaluate(SIDEWAYS)
                    if not found.startswith(("printed table", "source"))
                ]
                await self.check_copies(path)
            else:
                await self.page.set_viewport_size(PHONE)
                await self.page.add_style_tag(content=DRAWER_RENDERED)
                phone.facts = {"scheme": await self.scheme()}
                phone.sideways = [  # a printed table scrolls, its rows whole
                    found
                    for found in await self.page.evaluate(SIDEWAYS)
                    if not found.startswith("printed table")
                ]
                tables = await self.page.evaluate(WRAPPED_ROWS)
                phone.looked["printed tables"] = len(tables)  # hooks/code_blocks.py
                phone.wrapped = [table for table in tables if table]
                phone.broken = await self.page.evaluate(BROKEN_WORDS, IN_TABLES)
                phone.looked["tables"] = await self.page.evaluate(SHOWN, IN_TABLES[0])
                phone.small = await self.page.evaluate(SMALL_TEXT, 12)
                phone.orphans = await self.page.evaluate(ORPHAN_PERMALINKS, PERMALINKS)
                phone.looked["permalinks"] = await self.page.evaluate(SHOWN, PERMALINKS)
                phone.diagrams = await self.page.evaluate(DIAGRAM_TEXT, 12)
                phone.looked["diagrams"] = await self.page.evaluate(SHOWN, DIAGRAMS)
                phone.violations = await self.axe(rules=["link-in-text-block"])  # and contrast
        return desktop, phone


@dataclass
class Code:
    """The code of the site's Markdown pages, for the copy-button checks of the tour."""

    examples: dict[str, list[CodeExample]]  # by page path in the site
    course_code: set[str]  # code shown as written that does not run on purpose (xfail)
    clipboard: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def of(cls, pages: list[str]) -> Code:
        found = {path: examples(source) for path in pages if (source := source_of(path))}
        course_code = {
            _tidy(block.code)
            for page_examples in found.values()
            for example in page_examples
            if not_runnable(example)
            for block in example.blocks
        }
        return cls(found, course_code)


async def _tour(
    url: str, pages: list[str], axe_url: str, tabs: int = 2
) -> tuple[dict[str, Visit], ...]:
    """Every page, checked by `tabs` tabs side by side (each its own renderer process)."""
    desktop: dict[str, Visit] = {}
    phone: dict[str, Visit] = {}
    todo = list(pages)
    code = Code.of(pages)
    decided: Looks = {}
    origin = "/".join(url.split("/")[:3])  # http://127.0.0.1:port
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=executable(), args=BROWSER_FLAGS)

        async def worker() -> None:
            context = await browser.new_context(color_scheme="light", viewport=DESKTOP)
            await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
            tour = Tour(await context.new_page(), axe_url, code, decided)
            while todo:
                path = todo.pop(0)
                desktop[path], phone[path] = await tour.check(url, path)
            await context.close()

        await asyncio.gather(*(worker() for _ in range(tabs)))
        await browser.close()
    return desktop, phone


@pytest.fixture(scope="session")
def pages(site: Path) -> list[str]:
    found = site_pages(site)
    assert "" in found, "the site has no home page"
    return found


@contextmanager
def axe_served(folder: Path) -> Iterator[str]:
    """axe-core, served on 127.0.0.1 from `folder`; yields its address. Loaded by its address
    rather than pasted into each page, Chromium compiles it once for every page."""
    shutil.copy(AXE, folder)
    with serve(folder, prefix="/") as address:
        yield address + AXE.name


@pytest.fixture(scope="session")
def axe_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with axe_served(tmp_path_factory.mktemp("axe")) as address:
        yield address


@pytest.fixture(scope="session")
def tours(url: str, pages: list[str], axe_url: str) -> tuple[dict[str, Visit], ...]:
    """Every page, the 404 page too, desktop and light, phone and dark. Async Playwright, in a
    thread of its own (the sync API of the other tests runs an event loop of its own in this
    one)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _tour(url, [*pages, NOT_FOUND_PAGE], axe_url)).result()


@pytest.fixture(scope="session")
def desktop(tours: tuple[dict[str, Visit], ...]) -> dict[str, Visit]:
    return tours[0]


@pytest.fixture(scope="session")
def phone(tours: tuple[dict[str, Visit], ...]) -> dict[str, Visit]:
    return tours[1]


def _looked(what: str, visits: dict[str, Visit]) -> int:
    """How many elements a check looked at over the tour, for a check that could find none."""
    return sum(visit.looked.get(what, 0) for visit in visits.values())


def _report(what: str, *tours: dict[str, Visit]) -> str:
    return "\n".join(
        f"/{path}: {problem}"
        for visits in tours
        for path, visit in visits.items()
        for problem in getattr(visit, what)
    )


def test_the_site_has_pages_in_every_language(pages: list[str]) -> None:
    for language in OTHER_LANGUAGES:
        assert any(site_language(path) == language for path in pages), f"no {language} pages"


def test_no_request_leaves_127_0_0_1(desktop: dict[str, Visit], phone: dict[str, Visit]) -> None:
    problems = _report("elsewhere", desktop, phone)
    assert not problems, f"pages asked another host for something:\n{problems}"


def test_no_console_error_on_any_page(desktop: dict[str, Visit], phone: dict[str, Visit]) -> None:
    problems = _report("errors", desktop, phone)
    assert not problems, f"errors in the browser console:\n{problems}"


# The tour checks a look of colour contrast or link-in-text-block on one page only (Tour.axe).
ONCE_A_LOOK = " (an unreadable look is named on the first page found to show it)"


def test_axe_finds_no_wcag_21_aa_violation(desktop: dict[str, Visit]) -> None:
    problems = _report("violations", desktop)
    assert not problems, f"axe-core (WCAG 2.1 A/AA, light palette){ONCE_A_LOOK}:\n{problems}"


def test_dark_palette_is_readable(phone: dict[str, Visit]) -> None:
    schemes = {path: visit.facts["scheme"] for path, visit in phone.items()}
    not_dark = "\n".join(
        f"/{path}: {scheme!r}" for path, scheme in schemes.items() if scheme != "slate"
    )
    assert not not_dark, f"pages not in the dark palette for a dark-mode reader:\n{not_dark}"
    problems = _report("violations", phone)
    assert not problems, f"axe-core contrast rules, dark palette{ONCE_A_LOOK}:\n{problems}"


def test_phone_shows_every_page_without_sideways_scrolling(phone: dict[str, Visit]) -> None:
    problems = _report("sideways", phone)
    assert not problems, f"horizontal scrolling at {PHONE['width']} px:\n{problems}"


def test_desktop_shows_every_page_without_sideways_scrolling_but_printed_tables(
    desktop: dict[str, Visit],
) -> None:
    """A table or a figure that scrolls a few pixels hides its edge for nothing (a notebook's
    table did, 4 px: site.css), and a code block the end of its lines (107 blocks did, q12's
    error messages among them): code wraps. A printed table keeps its rows whole and scrolls,
    and so does the code reference's source of a function."""
    problems = _report("sideways", desktop)
    assert not problems, f"horizontal scrolling at {DESKTOP['width']} px:\n{problems}"


def test_on_a_phone_no_word_in_a_table_breaks_in_the_middle(phone: dict[str, Visit]) -> None:
    """Unless the word alone is wider than the page's text (hooks/tables.py, site.css)."""
    assert _looked("tables", phone), f"no table cell found ({IN_TABLES[0]})"
    problems = _report("broken", phone)
    assert not problems, f"words in tables broken mid-word at {PHONE['width']} px:\n{problems}"


def test_on_a_desktop_no_word_in_a_notebook_s_output_breaks_in_the_middle(
    desktop: dict[str, Visit],
) -> None:
    """It breaks between words, as a question page's output does (site.css): mkdocs-jupyter's
    style sheet broke them anywhere ("metrics" in q12's, "again" in q13's)."""
    assert _looked("outputs", desktop), f"no notebook output found ({IN_OUTPUTS[0]})"
    problems = _report("broken", desktop)
    assert not problems, f"words in outputs broken mid-word at {DESKTOP['width']} px:\n{problems}"


def test_on_a_phone_a_printed_table_keeps_its_rows_whole(phone: dict[str, Visit]) -> None:
    """Printed output in columns scrolls sideways instead of wrapping (hooks/code_blocks.py,
    site.css), on a notebook's page too: wrapped, q08's table put each row's last column under
    its first."""
    assert _looked("printed tables", phone), "no printed table found"
    problems = _report("wrapped", phone)
    assert not problems, f"printed tables wrapped at {PHONE['width']} px:\n{problems}"


def test_on_a_phone_no_text_is_under_12_px(phone: dict[str, Visit]) -> None:
    """Code in boxes, folds and tables too: Material sets it at 10.9 px there (site.css)."""
    problems = _report("small", phone)
    assert not problems, f"text under 12 px at {PHONE['width']} px:\n{problems}"


def test_on_a_phone_a_permalink_stays_on_the_last_line_of_its_heading(
    phone: dict[str, Visit],
) -> None:
    """Unseen until hovered or focused, a ¶ on a line of its own left an empty line under a
    heading, an exercise's title or a glossary term (site.css)."""
    assert _looked("permalinks", phone), f"no permalink found ({PERMALINKS})"
    problems = _report("orphans", phone)
    assert not problems, f"permalinks on a line of their own at {PHONE['width']} px:\n{problems}"


def test_a_diagram_s_text_is_12_px_or_more_as_shown_inside_its_box_and_clear_of_other_text(
    desktop: dict[str, Visit], phone: dict[str, Visit]
) -> None:
    """On a phone its phone drawing is shown, where it has one (tools/diagrams.py)."""
    for visits in desktop, phone:
        assert _looked("diagrams", visits), f"no diagram found ({DIAGRAMS})"
    problems = _report("diagrams", desktop, phone)
    assert not problems, f"diagrams (desktop, then phone):\n{problems}"


def test_language_switcher_leads_to_the_same_page_and_back(
    desktop: dict[str, Visit], url: str
) -> None:
    problems = []
    for path, visit in desktop.items():
        if path == NOT_FOUND_PAGE:
            continue  # in both languages: its switcher leads to each home (test_hosting.py)
        language = site_language(path)
        if visit.facts["lang"] != language:
            problems.append(f"/{path}: <html lang={visit.facts['lang']!r}>, not {language!r}")
        switcher = visit.facts["switcher"]
        assert isinstance(switcher, dict)
        for other in LANGUAGES:
            expected = url + translation(path, other)
            if switcher.get(other) != expected:
                problems.append(f"/{path}: the switcher's {other!r} leads to {switcher.get(other)}")
            elif other != language and expected.removeprefix(url) not in desktop:
                problems.append(f"/{path}: the switcher's {other!r} leads to a missing page")
    assert not problems, "\n".join(problems)


def _switch(page: Page, language: str) -> None:
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{language}"]').click()
    page.wait_for_load_state("domcontentloaded")


@contextmanager
def opened(browser: Browser, address: str, **options: Any) -> Iterator[Page]:
    """A new tab (new_page's options) at `address`, closed afterwards, also when a check fails
    (the session's browser serves every later test)."""
    page = browser.new_page(**options)
    try:
        page.goto(address)
        yield page
    finally:
        page.close()


# What the sampling in axe_sampled.js must still catch: a pale token in the code blocks, and
# links in the text told apart from it by colour alone (grey on black, not underlined).
UNREADABLE = """
.md-typeset .highlight .n { color: rgb(225, 225, 225) !important }
.md-typeset a { color: rgb(70, 70, 70) !important; text-decoration: none !important }
* { transition: none !important }
"""


def test_the_sampled_axe_check_finds_an_unreadable_token_and_an_indistinct_link(
    browser: Browser, url: str, axe_url: str
) -> None:
    with opened(browser, url + "questions/q12-save-load/", viewport=DESKTOP) as page:
        page.add_script_tag(url=axe_url)
        clean = describe(page.evaluate(AXE_CHECK, WCAG)["violations"])
        page.add_style_tag(content=UNREADABLE)
        broken = page.evaluate(AXE_CHECK, WCAG)["violations"]
    assert not clean, clean
    assert {"color-contrast", "link-in-text-block"} <= {v["id"] for v in broken}, broken


# One look (pale grey text on white, as computed), on three pages: behind a gradient axe-core
# cannot decide its contrast, and in plain sight it can.
UNDECIDED = '<div style="background-image: linear-gradient(#fff, #eee)"><p>Pale words</p></div>'
PALE = "<p>Pale words</p>"


def test_the_tour_checks_a_look_on_later_pages_until_axe_core_has_decided_it(
    browser: Browser,
) -> None:
    """The tour passes the looks decided on earlier pages (AXE_CHECK's `checked`) to the next."""
    page = browser.new_page()
    checked: dict[str, list[str]] = {}
    reported = []
    for body in [UNDECIDED, PALE, PALE]:
        page.set_content(f'<html lang="en"><title>Looks</title><main style="color: #bbb">{body}')
        page.add_script_tag(path=AXE)
        found = page.evaluate(AXE_CHECK, {**WCAG, "checked": checked})
        reported.append([violation["id"] for violation in found["violations"]])
        checked = found["checked"]
    page.close()
    assert reported == [[], ["color-contrast"], []], reported


def test_a_notebook_on_a_phone_in_the_light_palette_passes_axe(
    browser: Browser, url: str, axe_url: str
) -> None:
    """As Lighthouse audits it: a phone, the light palette (the tour sees phones in the dark).
    Notebook cells out of sight keep a placeholder box (content-visibility) that their contents
    reach past; axe-core must still find the footer's own background behind the footer."""
    with opened(browser, url + "notebooks/q10-cnn/", viewport=PHONE, color_scheme="light") as page:
        page.add_script_tag(url=axe_url)
        found = describe(page.evaluate(AXE_CHECK, WCAG)["violations"])
    assert not found, "\n".join(found)


def test_a_notebook_s_outputs_tables_and_quoted_code_sit_as_its_code_does(
    browser: Browser, url: str
) -> None:
    """On a desktop an output starts under its code's box (it stood 12 px left of it), a table
    in a Markdown cell keeps its side borders inside the cell (2 px wider, they were cut off),
    and code quoted in a Markdown cell is as large as a code cell's (it was 16 px)."""
    with opened(browser, url + "notebooks/q02-tensorflow-keras/", viewport=DESKTOP) as page:
        found = page.evaluate(
            """() => {
              const box = (e) => e.getBoundingClientRect();
              const cell = document.querySelector(".jp-CodeCell:has(.jp-OutputArea-output)");
              const table = document.querySelector(".jp-MarkdownCell table");
              const quoted = document.querySelector(".jp-RenderedMarkdown .highlight pre");
              const code = document.querySelector(".jp-CodeCell .highlight-ipynb pre");
              return {
                output: box(cell.querySelector(".jp-OutputArea-output")).left,
                code: box(cell.querySelector(".jp-InputArea-editor")).left,
                table: [box(table).left, box(table).right],
                cell: [box(table.closest(".jp-InputArea")).left,
                       box(table.closest(".jp-InputArea")).right],
                sizes: [getComputedStyle(quoted).fontSize, getComputedStyle(code).fontSize],
              };
            }"""
        )
    assert found["output"] == found["code"], found
    (cell_left, cell_right), (table_left, table_right) = found["cell"], found["table"]
    assert cell_left <= table_left, found
    assert table_right <= cell_right, found
    assert found["sizes"][0] == found["sizes"][1], found


@pytest.mark.parametrize("path", ["", "questions/q05-keras-model/"])
def test_clicking_the_language_switcher_goes_there_and_back(
    browser: Browser, url: str, path: str
) -> None:
    page = browser.new_page()
    for language in OTHER_LANGUAGES:
        page.goto(url + path)
        _switch(page, language)
        assert page.url == url + translation(path, language), f"/{path} -> {language}"
        assert page.evaluate("document.documentElement.lang") == language
        _switch(page, DEFAULT_LANGUAGE)
        assert page.url == url + path, f"/{translation(path, language)} -> {DEFAULT_LANGUAGE}"
    page.close()


# Where a reader is: the last of these elements in the top quarter of the window or above it,
# as its number among them, its id and how far below the header it starts (px).
READING = """selector => {
    const seen = [...document.querySelectorAll(selector)]
        .filter(e => e.getBoundingClientRect().top < innerHeight / 4);
    const last = seen.at(-1);
    const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
    if (!last) return [-1, "", 0];
    return [seen.length - 1, last.id, last.getBoundingClientRect().top - header];
}"""
HEADINGS = "article :is(h2, h3)[id]"


def _switch_as_a_reader(page: Page, language: str) -> None:
    # Playwright's own click may scroll the page first; a reader's does not. A mouse's click
    # (detail 1: one press; the keyboard's Enter clicks with 0).
    with page.expect_navigation():
        link = page.locator(f'a.md-select__link[hreflang="{language}"]')
        link.dispatch_event("click", {"detail": 1})


def _just_below_the_header(page: Page, element_id: str) -> bool:
    top = page.evaluate(
        """id => document.getElementById(id).getBoundingClientRect().top
            - document.querySelector(".md-header").getBoundingClientRect().bottom""",
        element_id,
    )
    return 0 <= top <= 16


def test_the_language_switcher_keeps_the_place_being_read(browser: Browser, url: str) -> None:
    other = OTHER_LANGUAGES[0]
    with opened(browser, url + "questions/q05-keras-model/") as page:
        page.locator(HEADINGS).nth(3).evaluate("h => h.scrollIntoView()")
        page.evaluate("scrollBy(0, 200)")  # read on, a little way into the section
        section, _, _ = page.evaluate(READING, HEADINGS)
        assert section >= 3
        for language in (other, DEFAULT_LANGUAGE):
            _switch_as_a_reader(page, language)
            number, _, below_header = page.evaluate(READING, HEADINGS)
            assert number == section, f"switched to {language}"
            assert below_header >= 0, f"switched to {language}: the heading is under the header"
            focused = page.evaluate("document.activeElement.matches('article :is(h2, h3)')")
            assert focused, (
                f"switched to {language}: the focus is not at the place, Tab starts over"
            )
        # A glossary term, a quiz item and an exercise, found by their ids (the terms are in
        # each language's alphabetical order).
        for path, selector, number in (
            ("glossary/", "dt[id]", 20),
            ("quiz/", "form[id]", 20),
            ("questions/q10-cnn/", ".admonition[id]", 1),
        ):
            page.goto(url + path)
            place = page.locator(selector).nth(number)
            place.evaluate("e => { e.scrollIntoView(); scrollBy(0, -60) }")  # as a reader would
            place_id = place.get_attribute("id") or ""
            _switch_as_a_reader(page, other)
            assert _just_below_the_header(page, place_id), f"{path}#{place_id}"
            assert page.evaluate("document.activeElement.id") == place_id, f"{path}: focus"
        # On the self-test, a question hidden as known still counts: the other language shows it.
        page.goto(url + "self-test/")
        first = page.locator(f'[data-question="{questions(DEFAULT_LANGUAGE)[0].slug}"]')
        first.locator("summary").click()
        first.locator('[data-mark="knew"]').click()
        page.get_by_label(MARKS[DEFAULT_LANGUAGE]["hide-known"]).check()
        page.locator(HEADINGS).nth(4).evaluate("h => { h.scrollIntoView(); scrollBy(0, -60) }")
        _switch_as_a_reader(page, other)
        fifth = questions(other)[4].slug
        heading = page.locator(f'[data-question="{fifth}"] h2').get_attribute("id") or ""
        assert _just_below_the_header(page, heading), "the other language lands elsewhere"
        # At the top of a page whose first section starts high up, nothing moves.
        page.set_viewport_size({"width": 1280, "height": 1200})
        page.goto(url + "contributing/")
        assert page.evaluate(READING, HEADINGS)[0] == 0
        _switch_as_a_reader(page, other)
        assert page.evaluate("scrollY") == 0, "a reader at the top of a page was moved"


def test_with_the_keyboard_the_language_switcher_keeps_the_place_of_the_focus(
    browser: Browser, url: str
) -> None:
    """A keyboard reader answers a quiz item, then goes back to the switcher with Shift+Tab,
    through everything above it, which scrolls the page to its top: the other language opens
    at that item, with the focus on it."""
    with opened(browser, url + "questions/q07-dropout/") as page:
        for language in (OTHER_LANGUAGES[0], DEFAULT_LANGUAGE):
            item = page.locator("form.kb-quiz__item[id]").nth(2)
            item.locator("input").first.focus()
            item_id = item.get_attribute("id") or ""
            switcher = f'a.md-select__link[hreflang="{language}"]'
            # On a busy machine Material mounts a code block late, and site.js moves the focus
            # to its copy button between the two keys of one Shift+Tab (CI, once): still the
            # walk back, not a place.
            page.keyboard.press("Shift+Tab")
            page.keyboard.down("Shift")
            page.locator("article pre > code").first.evaluate(
                "c => { if (!c.hasAttribute('tabindex')) c.tabIndex = -1; c.focus() }"
            )
            page.keyboard.press("Tab")
            page.keyboard.up("Shift")
            for _ in range(400):  # back to the switcher, through the contents above the item
                page.keyboard.press("Shift+Tab")
                if page.evaluate("s => document.activeElement.matches(s)", switcher):
                    break
            else:
                pytest.fail("Shift+Tab never reached the language switcher")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            # Where the page comes to rest: on a busy machine (CI, code tests beside it) the
            # first look came before the last move, once.
            below = """id => document.getElementById(id).getBoundingClientRect().top
                - document.querySelector(".md-header").getBoundingClientRect().bottom"""
            try:
                page.wait_for_function(
                    f"id => {{ const t = ({below})(id); return t >= 0 && t <= 16 }}",
                    arg=item_id,
                    timeout=5_000,
                )
            except PlaywrightTimeoutError:
                top = page.evaluate(below, item_id)
                focus = page.evaluate("document.activeElement.id || document.activeElement.tagName")
                pytest.fail(
                    f"switched to {language}: the item is {top:.0f} px below the header, "
                    f"the focus on {focus}"
                )
            assert page.evaluate("document.activeElement.id") == item_id, f"{language}: focus"


# Where the keyboard's focus is, as the focus ring shows it: its style, width and colour, and the
# background around the element (the ring is drawn outside it), from the nearest ancestor that
# has one. Focused as a keyboard focuses it (:focus-visible).
FOCUS_RING = """el => {
  el.blur();  // a click may have focused it, with no ring: focused anew, by the keyboard's rule
  el.focus({focusVisible: true});
  const style = getComputedStyle(el);
  let around = el.parentElement;
  while (around && getComputedStyle(around).backgroundColor === "rgba(0, 0, 0, 0)")
    around = around.parentElement;
  return {visible: el.matches(":focus-visible"), style: style.outlineStyle,
    width: parseFloat(style.outlineWidth), colour: style.outlineColor,
    offset: parseFloat(style.outlineOffset),
    around: around ? getComputedStyle(around).backgroundColor : "rgb(255, 255, 255)"};
}"""


def _luminance(colour: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_keyboard_focus_shows_on_the_marks_and_the_checkboxes(
    browser: Browser, url: str, scheme: str
) -> None:
    """WCAG 2.4.7 and 1.4.11: a ring of at least 2 px, at 3:1 against what is around it, on a
    pressed self-test mark (white text: a ring in the text's colour vanished), the self-test's
    and the exam sheet's checkboxes (Material takes an input's outline away)."""
    words = MARKS[DEFAULT_LANGUAGE]
    with opened(browser, url + "self-test/", color_scheme=scheme) as page:
        page.locator(".md-header").wait_for()
        first = page.locator(".kb-self-test").first
        first.locator("summary").click()
        first.get_by_role("button", name=words["mark-knew"], exact=True).click()
        controls = {
            "a pressed mark": first.locator('[aria-pressed="true"]'),
            "the filter": page.get_by_label(words["hide-known"]),
        }
        rings = {what: control.evaluate(FOCUS_RING) for what, control in controls.items()}
        page.goto(url + "exam-sheet/")
        rings["the mock exam's box"] = page.locator("[data-exam-questions-only]").evaluate(
            FOCUS_RING
        )
    for what, ring in rings.items():
        assert ring["visible"], f"{what}: not :focus-visible"
        assert ring["style"] != "none", f"{what}: no focus ring"
        assert ring["width"] >= 2, f"{what}: a focus ring of {ring['width']} px"
        # Measured against what is around the element: the ring must be drawn outside it.
        assert ring["offset"] >= 0, f"{what}: a ring drawn inside, offset {ring['offset']} px"
        contrast = contrast_ratio(ring["colour"], ring["around"])
        assert contrast >= 3, f"{what}: ring {ring['colour']} on {ring['around']}, {contrast:.1f}:1"


def test_a_focused_copy_button_keeps_its_name_and_copied_is_announced(
    browser: Browser, url: str
) -> None:
    """Material's tooltips take a code button's title, its only name, when it is focused."""
    origin = "/".join(url.split("/")[:3])
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    try:
        page.goto(url + "questions/q05-keras-model/")
        block = page.locator("article .highlight:has(> pre > code)").nth(1)
        block.scroll_into_view_if_needed()
        button = block.locator(".md-code__button").first
        name = button.get_attribute("title") or ""
        assert name, "the copy button has no title to be named by"
        button.focus()
        # Named by site.js as it takes the focus, before Material's tooltip takes the title away.
        expect(button).to_have_attribute("aria-label", name)
        expect(button).to_have_accessible_name(name)
        page.keyboard.press("Enter")
        expect(
            page.get_by_role("status").filter(has=page.locator(".md-dialog__inner"))
        ).not_to_be_empty()
    finally:
        context.close()


def test_escape_hides_a_glossary_tooltip_and_leaves_the_focus(browser: Browser, url: str) -> None:
    """WCAG 1.4.13: a tooltip shown on focus can be dismissed without moving the focus."""
    with opened(browser, url + "questions/q05-keras-model/") as page:
        term = page.locator("article abbr[tabindex]").first
        term.focus()
        tooltip = page.locator(".md-tooltip2--active")
        expect(tooltip).to_have_count(1)
        page.keyboard.press("Escape")
        expect(tooltip).to_have_count(0)
        assert term.evaluate("t => t === document.activeElement"), "Escape moved the focus"


def test_on_a_phone_the_menu_opens_and_shows_every_question(browser: Browser, url: str) -> None:
    with opened(browser, url + "questions/q05-keras-model/", viewport=PHONE) as page:
        # The menu's own links, not the page's table of contents inside it; the page itself is
        # a label there that opens its table of contents.
        links = page.locator(
            ".md-sidebar--primary :is(a[href], label[for='__toc']).md-nav__link"
            ":not(.md-nav--secondary *)"
        )
        assert not any(link.is_visible() for link in links.all()), "the closed menu shows links"
        page.locator("header label[for='__drawer']").click()
        links.first.wait_for(state="visible", timeout=5000)
        shown = [link.inner_text() for link in links.all() if link.is_visible()]
    listed = sorted({text for text in shown if re.match(r"\d+\. ", text)})
    expected = sorted(question.title for question in questions(DEFAULT_LANGUAGE))
    assert listed == expected, f"the open menu lists these questions: {listed}"


def test_on_a_touch_screen_a_copy_button_is_shown_without_a_hover(
    browser: Browser, url: str
) -> None:
    # Material draws it at 7 % black until a pointer hovers over the code; a finger never does.
    with opened(browser, url + "questions/q08-early-stopping/", **TOUCH) as page:
        block = page.locator("article .highlight:not(.no-copy)").first
        block.scroll_into_view_if_needed()
        colour = block.locator("[data-clipboard-target]").evaluate("b => getComputedStyle(b).color")
    rgb = re.fullmatch(r"rgba?\((?:[\d.]+, ){2}[\d.]+(?:, ([\d.]+))?\)", colour)
    assert rgb, f"a colour this test cannot read (not rgb or rgba): {colour}"
    assert float(rgb[1] or 1) >= 0.5, f"the copy button is {colour} on a phone"


def _self_test_counts(page: Page) -> tuple[str, ...]:
    """The counts, read where a screen reader hears them change: a polite live region, read
    whole ("Known: 1 of 13 ...", not a bare "1")."""
    bar = page.locator('.kb-self-test__bar [aria-live="polite"][aria-atomic="true"]')
    return tuple(bar.locator(f'[data-self-test-count="{k}"]').inner_text() for k in MARKS_SHOWN)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_test_counts_keeps_and_filters_the_readers_marks(
    browser: Browser, url: str, language: str
) -> None:
    words = MARKS[language]
    slugs = [question.slug for question in questions(language)]
    known, unknown = slugs[:2]
    with opened(browser, f"{url}{language_prefix(language)}self-test/") as page:

        def question(slug: str) -> Locator:
            return page.locator(f'.kb-self-test[data-question="{slug}"]')

        def contents_entries_shown(slug: str) -> list[bool]:
            """For each entry of the question in the contents, the sidebar's and the one in the
            menu a phone opens, whether it is shown."""
            heading = question(slug).locator("h2").get_attribute("id")
            entries = page.locator(f'.md-nav--secondary a[href="#{heading}"]')
            shown = "es => es.map(e => getComputedStyle(e.parentElement).display !== 'none')"
            return entries.evaluate_all(shown)

        assert _self_test_counts(page) == ("0", "0")
        for slug, mark in ((known, "knew"), (unknown, "again")):
            question(slug).locator("summary").click()
            question(slug).get_by_role("button", name=words[f"mark-{mark}"], exact=True).click()
        assert _self_test_counts(page) == ("1", "1")
        page.reload()
        assert _self_test_counts(page) == ("1", "1"), "the marks were not kept"
        heading = question(known).locator("h2").evaluate("h => h.textContent")
        heading = " ".join(heading.split())  # the space before the mark is a no-break one
        assert f" {words['knew']}" in heading, "no word for the mark, apart from the title"
        question(known).locator("summary").click()
        known_button = question(known).get_by_role("button", name=words["mark-knew"], exact=True)
        assert known_button.get_attribute("aria-pressed") == "true"  # named as before, pressed
        page.get_by_label(words["hide-known"]).check()
        assert not question(known).is_visible(), "a known question is shown among the others"
        assert len(contents_entries_shown(known)) == 2, "the sidebar's and the phone menu's"
        assert not any(contents_entries_shown(known)), "the contents lead to a hidden question"
        assert question(unknown).is_visible()
        assert all(contents_entries_shown(unknown))
        page.reload()  # the filter is kept, as the marks are
        assert page.get_by_label(words["hide-known"]).is_checked(), "the filter was forgotten"
        assert not question(known).is_visible()
        question(unknown).locator("summary").click()
        question(unknown).locator('[data-mark="again"]').click()  # pressed again: taken back
        assert _self_test_counts(page) == ("1", "0")
        asked: list[str] = []  # Start over asks first: declined, it forgets nothing
        page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        page.locator("[data-self-test-reset]").click()
        assert asked, "Start over forgot the marks without asking"
        assert _self_test_counts(page) == ("1", "0")
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator("[data-self-test-reset]").click()
        assert _self_test_counts(page) == ("0", "0")
        assert question(known).is_visible()

        # Every question known, under the site's own key: the filter leaves a word, not nothing.
        key = page.evaluate("__md_scope.pathname") + f".kb-self-test:{language}"
        page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)",
            [key, json.dumps(dict.fromkeys(slugs, "knew"))],
        )
        page.reload()
        assert _self_test_counts(page) == (str(len(slugs)), "0")
        page.get_by_label(words["hide-known"]).check()
        assert page.get_by_text(words["all-hidden"]).is_visible()


def test_a_self_test_shown_again_from_the_back_forward_cache_counts_marks_made_meanwhile(
    browser: Browser, url: str
) -> None:
    """A browser may keep a page whole and show it again (Back): site.js then reads the marks
    that another tab made in the meantime (`pageshow`, persisted)."""
    first = questions(DEFAULT_LANGUAGE)[0].slug
    with opened(browser, url + "self-test/") as page:
        assert _self_test_counts(page) == ("0", "0")
        key = page.evaluate("__md_scope.pathname") + f".kb-self-test:{DEFAULT_LANGUAGE}"
        marks = json.dumps({first: "knew"})  # as another tab keeps them
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, marks])
        page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
        assert _self_test_counts(page) == ("1", "0")


def test_the_self_test_keeps_the_readers_own_answer_and_counts_its_words(
    browser: Browser, url: str
) -> None:
    """The knowledge check is written: the reader writes an answer under each question before
    opening the short answer. It is kept in this browser, per language, without losing what
    another tab wrote for another question; Start over forgets it; paper leaves the box off."""
    words = MARKS[DEFAULT_LANGUAGE]
    first, second = (q.slug for q in questions(DEFAULT_LANGUAGE)[:2])
    context = browser.new_context()  # two tabs of one browser: they share its storage
    try:
        page = context.new_page()
        page.goto(url + "self-test/")
        box = page.locator(f'[data-question="{first}"] .kb-self-test__answer')
        # Named by its question's number: a screen reader going from box to box hears which.
        field = box.get_by_label(words["your-answer"].format(number=1), exact=True)
        field.fill("Ett")
        expect(box.locator(".kb-self-test__words")).to_have_text(words["word"].format(count=1))
        field.fill("Ett  två\ntre")
        expect(box.locator(".kb-self-test__words")).to_have_text(words["words"].format(count=3))
        assert field.get_attribute("aria-describedby"), "the count is not tied to its box"
        key = page.evaluate("__md_scope.pathname") + f".kb-self-test:{DEFAULT_LANGUAGE}:answers"
        kept = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
        kept[second] = "Från en annan flik"  # another tab, another question
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(kept)])
        field.fill("Ett två tre fyra")
        page.reload()
        expect(field).to_have_value("Ett två tre fyra")
        other = page.locator(f'[data-question="{second}"] .kb-self-test__answer textarea')
        expect(other).to_have_value("Från en annan flik")
        # Another tab writes and marks while this one is open: its answer is shown here at once,
        # and a mark made here afterwards keeps its mark.
        other_tab = context.new_page()
        other_tab.goto(url + "self-test/")
        in_other = other_tab.locator(f'[data-question="{second}"]')
        in_other.locator(".kb-self-test__answer textarea").fill("Ny")
        in_other.locator("summary").click()
        in_other.locator('[data-mark="again"]').click()
        other_tab.close()
        expect(other).to_have_value("Ny")
        page.locator(f'[data-question="{first}"] summary').click()
        page.locator(f'[data-question="{first}"] [data-mark="knew"]').click()
        assert _self_test_counts(page) == ("1", "1"), "a mark made in the other tab was lost"
        page.emulate_media(media="print")
        assert not box.is_visible(), "the answer box is printed"
        page.emulate_media(media="screen")
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator("[data-self-test-reset]").click()
        expect(field).to_have_value("")
        page.reload()
        expect(field).to_have_value("")
        expect(other).to_have_value("")
        field.fill("Bara på svenska")  # the other language's page has its own
        other_language = next(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
        page.goto(f"{url}{language_prefix(other_language)}self-test/")
        expect(page.locator(".kb-self-test__answer textarea").first).to_have_value("")
    finally:
        context.close()


def _headings_as_chromium_names_them(page: Page) -> list[str]:
    """The names Chromium gives a screen reader, from its accessibility tree (not Playwright's
    own reckoning, which read the heading right where Chromium did not)."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [
        node["name"]["value"]
        for node in nodes
        if node.get("role", {}).get("value") == "heading" and not node.get("ignored")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_test_counts_the_points_the_reader_ticks_and_keeps_them(
    browser: Browser, url: str, language: str
) -> None:
    """The reader marks their own answer as a teacher would: a box before each point a full
    answer covers (the point's text its label), and how many of them it covers; the ticks are
    kept in this browser as the answers are, and Start over forgets them."""
    words = MARKS[language]
    question = questions(language)[7]
    total = len(question.points)

    def covered(count: int) -> str:
        return words["covered"].format(count=count, total=total)

    with opened(browser, f"{url}{language_prefix(language)}self-test/") as page:
        answer = page.locator(f'[data-question="{question.slug}"] details')
        answer.locator("summary").click()
        # A list named by its title, its role kept without the bullets (Safari drops it).
        points = answer.get_by_role("list", name=POINTS[language])
        boxes = points.get_by_role("checkbox")
        assert boxes.count() == total
        tally = answer.locator(".kb-self-test__tally")
        expect(tally).to_have_text(covered(0))
        boxes.nth(0).check()
        points.locator("label > span").nth(2).click()
        expect(boxes.nth(2)).to_be_checked()  # the point's text ticks its box
        expect(tally).to_have_text(covered(2))
        page.reload()
        answer.locator("summary").click()
        expect(tally).to_have_text(covered(2))
        assert [boxes.nth(n).is_checked() for n in range(total)][:3] == [True, False, True]
        # Kept by their text: a point reworded on the page loses its tick, not to another.
        key = page.evaluate("__md_scope.pathname") + f".kb-self-test:{language}:points"
        kept = {
            question.slug: [
                "A point the page no longer has",
                boxes.nth(1).get_attribute("data-point"),
            ]
        }
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(kept)])
        page.reload()
        answer.locator("summary").click()
        expect(tally).to_have_text(covered(1))
        expect(boxes.nth(1)).to_be_checked()
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator("[data-self-test-reset]").click()
        expect(tally).to_have_text(covered(0))
        page.reload()
        answer.locator("summary").click()
        expect(tally).to_have_text(covered(0))
        # A tap on a glossary term in a point shows its definition; it does not tick the point.
        term = page.locator(".kb-self-test__points + ul abbr").first
        term.locator("xpath=ancestor::details[1]/summary").click()
        term.click()
        expect(term.locator("xpath=ancestor::label[1]/input")).not_to_be_checked()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_screen_reader_hears_a_self_test_mark_apart_from_the_title(
    browser: Browser, url: str, language: str
) -> None:
    """The mark shown in a question's heading is a word of its own: with a screen reader on
    (Chromium's accessibility tree built before the mark), the space before it was lost, and
    the heading read "1. AI, ML och deep learningKan" (it would read "Fråga 1Kan" now)."""
    words = MARKS[language]
    first = questions(language)[0]
    with opened(browser, f"{url}{language_prefix(language)}self-test/") as page:
        question = page.locator(f'.kb-self-test[data-question="{first.slug}"]')
        title = question.locator("h2").evaluate("h => h.firstChild.textContent").strip()
        assert any(name.startswith(title) for name in _headings_as_chromium_names_them(page))
        question.locator("summary").click()
        for mark in MARKS_SHOWN:
            question.locator(f'[data-mark="{mark}"]').click()
            named = [n for n in _headings_as_chromium_names_them(page) if n.startswith(title)]
            assert named, f"no heading named {title!r}"
            assert " ".join(named[0].split()).startswith(f"{title} {words[mark]}"), named[0]


def test_the_self_test_marks_and_answers_without_storage_last_as_long_as_the_page(
    browser: Browser, url: str
) -> None:
    words = MARKS[DEFAULT_LANGUAGE]
    first = questions(DEFAULT_LANGUAGE)[0].slug
    with opened(browser, "about:blank") as page:
        page.add_init_script(STORAGE_OFF)
        page.goto(url + "self-test/")
        question = page.locator(f'.kb-self-test[data-question="{first}"]')
        question.locator("summary").click()
        question.get_by_role("button", name=words["mark-knew"], exact=True).click()
        assert _self_test_counts(page) == ("1", "0")
        pressed = question.locator('[data-mark="knew"]').get_attribute("aria-pressed")
        assert pressed == "true"
        field = question.locator(".kb-self-test__answer textarea")  # an answer, in its box
        field.fill("Ett svar")
        page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
        expect(field).to_have_value("Ett svar")  # back from the cache: still there
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator("[data-self-test-reset]").click()
        expect(field).to_have_value("")


def _search(browser: Browser, url: str, start: str, term: str) -> list[str]:
    """The pages that Material's search lists, best first, as paths below the site's root."""
    with opened(browser, url + start) as page:
        settle(page)
        field = page.locator(".md-search__input")
        field.click()
        # The whole term at once, then a key for Material to hear: typed letter by letter, the
        # results for the first letters can still be on screen when they are read.
        field.fill(term)
        field.press("End")
        results = page.locator(".md-search-result__item > a.md-search-result__link")
        results.first.wait_for(timeout=5000)
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path.removeprefix(urlsplit(url).path) for href in hrefs]


@pytest.mark.parametrize(("start", "term", "first"), SEARCHES)
def test_search_finds_the_right_page_first(
    browser: Browser, url: str, start: str, term: str, first: str
) -> None:
    found = _search(browser, url, start, term)
    assert found[0] == first, f"/{start}: searching {term!r} lists /{found[0]} first, not /{first}"
    foreign = [path for path in found if site_language(path) != site_language(start)]
    assert not foreign, f"/{start}: searching {term!r} lists pages in another language: {foreign}"


@pytest.mark.parametrize("start", ["", *(f"{language}/" for language in OTHER_LANGUAGES)])
def test_a_search_whose_index_did_not_come_says_so(browser: Browser, url: str, start: str) -> None:
    """On a train the connection drops while the index is coming: Material would say it is
    preparing the search for good; the reader is told to reload once online."""
    page = browser.new_page()
    try:
        page.route("**/search_index.json", lambda route: route.abort("internetdisconnected"))
        page.goto(url + start)
        field = page.locator(".md-search__input")
        field.click()
        field.fill("dropout")
        result = page.locator("[data-md-component=search-result]")
        said = result.get_attribute("data-kb-search-lost")
        assert said, f"/{start}: no words for a search whose index did not come"
        expect(result.locator(".md-search-result__meta")).to_have_text(said, timeout=5000)
    finally:
        page.close()


@pytest.mark.parametrize("searching", [False, True], ids=["then a search", "during a search"])
def test_a_search_still_unready_after_the_connection_dropped_says_so(
    browser: Browser, url: str, searching: bool
) -> None:
    """The connection drops while the index is still on its way (it neither comes nor fails),
    before the reader searches or while the search is open: once the search has stayed unready
    for a while, the reader is told to reload once online. The words are the ones the test
    above checks in each language."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.route("**/search_index.json", lambda route: None)  # held: never answered
        page.goto(url, wait_until="domcontentloaded")
        context.set_offline(not searching)
        field = page.locator(".md-search__input")
        field.click()
        field.fill("dropout")
        context.set_offline(True)
        result = page.locator("[data-md-component=search-result]")
        said = result.get_attribute("data-kb-search-lost")
        expect(result.locator(".md-search-result__meta")).to_have_text(said or "", timeout=6000)
    finally:
        context.close()


@pytest.mark.parametrize("start", ["", *(f"{language}/" for language in OTHER_LANGUAGES)])
def test_a_screen_reader_hears_how_many_the_search_found(
    browser: Browser, url: str, start: str
) -> None:
    """WCAG 4.1.3: Material writes the count ("13 sökresultat") where only the eye sees it; a
    status says it as the reader types. Closed, the search says nothing (its "Type to start
    searching" came on every page load), and Tab out of the box goes to something in sight:
    it went to the closed results' scrolling box, 0 px high, and the focus ring vanished."""
    with opened(browser, url + start) as page:
        settle(page)
        meta = page.locator(".md-search-result__meta")
        count = page.get_by_role("status").and_(meta)
        expect(count).to_have_count(0)  # closed: hidden, not announced
        field = page.locator(".md-search__input")
        field.focus()
        field.fill("dropout")
        field.press("End")
        page.locator(".md-search-result__item").first.wait_for(timeout=5000)
        expect(count).to_have_text(re.compile(r"\d"))
        field.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement, box = e.getBoundingClientRect();
                return e !== document.body && e.checkVisibility({visibilityProperty: true})
                    && box.width > 0 && box.height > 0 || e.outerHTML.slice(0, 80); }"""
        )
        assert focused is True, f"/{start}: Tab out of the search box focused {focused}"


@pytest.mark.parametrize("start", ["", *(f"{language}/" for language in OTHER_LANGUAGES)])
def test_every_search_result_has_a_name(browser: Browser, url: str, start: str) -> None:
    """Material wraps each result's title and text in an <article> inside the link, and an
    article gives its link no name: a screen reader, arrowing through the results, heard
    "link" and nothing more. Each is named by its title (site.js), those a result folds
    under "9 more on this page" too, and described by the text found (a name alone hid it)."""
    with opened(browser, url + start) as page:
        settle(page)
        field = page.locator(".md-search__input")
        field.focus()
        field.fill("dropout")
        field.press("End")
        links = page.locator("a.md-search-result__link")
        links.first.wait_for(timeout=5000)
        field.press("ArrowDown")
        focused = page.locator("a.md-search-result__link:focus")
        title = focused.locator("h1, h2").first.inner_text()
        expect(focused).to_have_accessible_name(title)
        with_text = links.filter(has=page.locator("article > p"))
        found = " ".join(with_text.first.locator("article > p").inner_text().split())
        assert "dropout" in found.lower(), f"/{start}: {found!r}"
        expect(with_text.first).to_have_accessible_description(found)
        unnamed = links.evaluate_all(
            "links => links.filter(a => !a.getAttribute('aria-label')).map(a => a.href)"
        )
        assert not unnamed, f"/{start}: results without a name: {unnamed[:3]}"
        undescribed = with_text.evaluate_all(
            "links => links.filter(a => !a.getAttribute('aria-describedby')).map(a => a.href)"
        )
        assert not undescribed, f"/{start}: results without their text: {undescribed[:3]}"


@pytest.mark.parametrize("start", ["", *(f"{language}/" for language in OTHER_LANGUAGES)])
def test_search_lists_only_pages_in_the_page_language(
    browser: Browser, url: str, start: str
) -> None:
    found = _search(browser, url, start, BOTH_LANGUAGES)
    foreign = [path for path in found if site_language(path) != site_language(start)]
    assert not foreign, f"/{start}: {BOTH_LANGUAGES!r} lists pages in another language: {foreign}"


def test_copy_button_copies_a_program_that_runs_as_it_is(
    desktop: dict[str, Visit], pages: list[str]
) -> None:
    """Each runnable block of a Markdown page (includes expanded) is shown on the page, and
    its copy button puts on the clipboard exactly the program that the code tests run for it
    in a fresh process (tools.codeblocks.program): the block and the blocks it continues,
    which are folded above it. Code that does not run on purpose (marked xfail: the course's
    code in the question boxes, also shown on the self-test pages) is labelled and has no
    copy button, wherever it is shown. Checked by the tour, on a desktop."""
    toured = {source_of(path) for path in pages}
    unseen = [page.as_posix() for page in all_pages() if examples(page) and page not in toured]
    assert not unseen, f"pages with code whose built page the tour did not find: {unseen}"
    problems = _report("copies", desktop)
    assert not problems, problems
    assert sum(visit.copied for visit in desktop.values()), "no copy button clicked on any page"
    assert sum(visit.course_code for visit in desktop.values()), (
        "no code that does not run on purpose found on any page"
    )


@pytest.mark.parametrize("missing", ["no-such-page/", "en/questions/no-such-page/"])
def test_a_missing_page_gets_the_404_page_in_both_languages(
    browser: Browser, url: str, missing: str
) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "response", lambda r: r.status >= 400 and r.url != url + missing and failed.append(r.url)
    )
    response = page.goto(url + missing)
    assert response is not None
    assert response.status == 404
    text = page.locator("article").inner_text()
    links = page.locator("article a").evaluate_all("as => as.map(a => a.href)")
    stylesheet = page.evaluate("getComputedStyle(document.body).fontFamily")
    page.close()
    assert "Sidan finns inte" in text, text
    assert "Page not found" in text, text
    assert set(links) == {url, url + "en/"}, links
    assert not failed, f"the 404 page at /{missing} failed to load: {failed}"
    assert stylesheet, "the 404 page has no styles"


def test_the_site_works_without_the_path_prefix_too(browser: Browser, site: Path) -> None:
    """Served at the root of a host (`python -m http.server -d site`), links are relative."""
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    with serve(site, prefix="/") as root:
        for path in ("", "en/questions/q05-keras-model/"):
            page.goto(root + path)
            settle(page)
    page.close()
    assert not failed, f"served at /, these failed: {failed}"


# Text a reader sees (not scripts, styles or templates) smaller than `min` CSS pixels.
SMALL_TEXT = """min => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest("script, style, template")) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < min) found.push(`${size}px: ${node.textContent.trim().slice(0, 40)}`);
  }
  return found;
}"""

# A diagram's text (an SVG image's, the phone drawing's where a phone shows it) smaller than
# `min` CSS pixels as the page shows it, outside its drawing, where no reader sees it, out of
# the box it starts in (the smallest rectangle around its anchor point: a bar, a panel), or
# over another text: a label made longer, in a translation say, runs out or into a neighbour.
DIAGRAM_TEXT = """async min => {
  const found = [];
  for (const img of document.querySelectorAll("article img")) {
    const sources = [...(img.closest("picture")?.querySelectorAll("source") ?? [])];
    const source = sources.find(source => matchMedia(source.media).matches);
    const expected = source ? new URL(source.srcset, location.href).href : img.src;
    for (let wait = 0; img.currentSrc !== expected && wait < 100; wait++)
      await new Promise(resolve => setTimeout(resolve, 20));
    const src = img.currentSrc;
    const svg = src.endsWith(".svg") || src.startsWith("data:image/svg+xml");
    if (!svg || !img.getClientRects().length) continue;  // a photo, or hidden in this palette
    const name = src.startsWith("data:") ? `embedded "${img.alt.slice(0, 30)}..."` : src;
    if (src !== expected) {
      found.push(`${name} shown, not ${expected}`);
      continue;
    }
    const text = await (await fetch(src)).text();
    const drawing = new DOMParser().parseFromString(text, "image/svg+xml");
    const host = document.createElement("div");
    host.style.cssText = "all: initial; position: absolute; left: -9999px; visibility: hidden";
    document.body.append(host);
    host.attachShadow({mode: "open"}).append(drawing.documentElement);
    const root = host.shadowRoot.firstElementChild, view = root.viewBox.baseVal;
    const scale = img.getBoundingClientRect().width / view.width;
    const within = (box, frame, slack = 0.5) => box.x >= frame.x - slack
      && box.y >= frame.y - slack && box.x + box.width <= frame.x + frame.width + slack
      && box.y + box.height <= frame.y + frame.height + slack;
    const holds = (frame, x, y) => x >= frame.x && x <= frame.x + frame.width
      && y >= frame.y && y <= frame.y + frame.height;
    const frames = [...root.querySelectorAll("rect")].map(rect => rect.getBBox())
      .filter(frame => frame.width < view.width || frame.height < view.height)
      .sort((a, b) => a.width * a.height - b.width * b.height);  // the smallest first
    const labels = [...root.querySelectorAll("text")];
    const boxes = labels.map(label => label.getBBox());
    const said = label => `"${label.textContent.trim().slice(0, 40)}"`;
    labels.forEach((label, index) => {
      const size = Math.round(parseFloat(getComputedStyle(label).fontSize) * scale * 10) / 10;
      const box = boxes[index];
      const words = `${name}: ${said(label)}`;
      if (size < min) found.push(`${words} at ${size} px`);
      if (!within(box, view)) found.push(`${words} outside the drawing`);
      const [x, y] = [label.x.baseVal[0]?.value, label.y.baseVal[0]?.value];
      const frame = frames.find(frame => holds(frame, x, y));
      if (frame && !within(box, frame)) found.push(`${words} out of its box`);
      labels.slice(index + 1).forEach((other, later) => {
        const next = boxes[index + 1 + later];
        const wide = Math.min(box.x + box.width, next.x + next.width) - Math.max(box.x, next.x);
        const high = Math.min(box.y + box.height, next.y + next.height) - Math.max(box.y, next.y);
        if (wide > 0.5 && high > 0.5) found.push(`${words} over ${said(other)}`);
      });
    });
    host.remove();
  }
  return found;
}"""


def test_a_source_fold_opens_and_closes_from_the_keyboard_and_opens_for_print(
    browser: Browser, url: str
) -> None:
    with opened(browser, url + "en/reference/") as page:
        fold = page.locator(".mkdocstrings-source > button").first
        source = page.locator(".mkdocstrings-source").first.locator(".highlight")
        fold.focus()
        page.keyboard.press("Enter")
        expect(fold).to_have_attribute("aria-expanded", "true")
        expect(source).to_be_visible()
        page.keyboard.press("Space")
        expect(fold).to_have_attribute("aria-expanded", "false")
        expect(source).to_be_hidden()
        page.evaluate("dispatchEvent(new Event('beforeprint'))")
        expect(page.locator('.mkdocstrings-source > [aria-expanded="false"]')).to_have_count(0)
        page.evaluate("dispatchEvent(new Event('afterprint'))")
        expect(page.locator('.mkdocstrings-source > [aria-expanded="true"]')).to_have_count(0)


def on_paper(page: Page) -> None:
    """The page as the browser prints it: print styles, and what Material and site.js do
    before printing (every <details> opened, every source shown)."""
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")


def shown(locator: Locator) -> int:
    """How many of the elements are shown (on paper: printed)."""
    return locator.evaluate_all("all => all.filter(e => e.checkVisibility()).length")


@pytest.mark.parametrize("path", ["questions/q05-keras-model/", "en/questions/q05-keras-model/"])
def test_a_question_page_prints_its_answers_without_what_is_for_the_screen(
    browser: Browser, url: str, path: str
) -> None:
    """On paper: the solutions and the quiz's answers, opened; not the folds of the code a
    block builds on (filled only once opened, after printing began, they printed as empty
    boxes; that code is printed just above), the quiz's score, nor the notebook's links."""
    with opened(browser, url + path) as page:
        on_paper(page)
        items = page.locator(".kb-quiz__item").count()
        assert items, "no quiz item on the page"
        assert shown(page.locator(".kb-quiz__item")) == items, "a quiz item not printed"
        assert shown(page.locator(".kb-quiz__answer[open]")) == items, "an answer left closed"
        assert shown(page.locator("details.success[open] .highlight"))  # an exercise's solution
        assert page.locator("details.kb-builds-on").count()
        assert not shown(page.locator("details.kb-builds-on")), "an empty 'builds on' box"
        assert not shown(page.locator(".kb-quiz__progress")), "the quiz's score (0/5)"
        intro = page.locator(".kb-quiz > p").first.inner_text()
        assert intro, "the quiz's introduction is not printed"
        assert not re.search(r"Kontrollera|Check", intro), f"a button to press: {intro}"
        keep = page.locator(".kb-quiz > p").first.evaluate("p => getComputedStyle(p).breakAfter")
        assert keep == "avoid", "the heading and introduction alone at the foot of a page"
        assert not shown(page.locator('a[href*="colab.research.google.com"]')), "notebook links"
        # Page breaks: a table's row kept whole, a code block not split leaving fewer than four
        # lines on a page (a four-line output printed two and two).
        rows = page.locator(".md-typeset tr").evaluate_all(
            "all => [...new Set(all.map(r => getComputedStyle(r).breakInside))]"
        )
        assert rows == ["avoid"], rows
        code = page.locator(".highlight pre > code").evaluate_all(
            """all => [...new Set(all.map(c => getComputedStyle(c))
                .map(style => `${style.orphans}/${style.widows}`))]"""
        )
        assert code == ["4/4"], code


TITLE = {"sv": "Självtest", "en": "Self-test"}
KEY_TITLE = {"sv": ": rättningsmall", "en": ": marking key"}  # after the title, on paper


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_test_prints_as_a_marking_key(browser: Browser, url: str, language: str) -> None:
    """On paper, where a teacher marks a mock exam by it: titled as a marking key, every question
    with its short answer and the points a full answer covers, opened, the course's code with
    its label; no box to write in, no button to mark. On screen that label ("the code does not
    run", the first point of question 5's answer) waits for the answer to be opened."""
    words = MARKS[language]
    known = questions(language)[0].slug
    with opened(browser, f"{url}{language_prefix(language)}self-test/") as page:
        # The reader's own state stays off paper: a question hidden as known, its mark.
        page.locator(f'[data-question="{known}"] summary').click()
        title = page.locator(f'[data-question="{known}"] .kb-self-test__points')
        expect(title).to_have_text(f"{POINTS[language]}:", use_inner_text=True)  # marks: paper
        page.locator(f'[data-question="{known}"] [data-mark="knew"]').click()
        page.get_by_label(words["hide-known"]).check()
        expect(page.locator(f'[data-question="{known}"]')).to_be_hidden()
        assert not shown(page.locator(".kb-print-only")), "the key's marks on screen"
        course_code = page.locator(".kb-self-test:has(.kb-not-runnable)").first
        expect(course_code.locator(".kb-not-runnable")).to_be_hidden()
        course_code.locator("summary").first.click()
        expect(course_code.locator(".kb-not-runnable")).to_be_visible()
        title = "h1 => h1.firstChild.textContent.trim() + getComputedStyle(h1, '::after').content"
        assert page.locator("h1").evaluate(title) == f"{TITLE[language]}none", "a title on screen"
        on_paper(page)
        printed_as = page.locator("h1").evaluate(title)
        assert printed_as == f'{TITLE[language]}"{KEY_TITLE[language]}"', printed_as
        for question in questions(language):
            answer = page.locator(f'[data-question="{question.slug}"] details')
            assert answer.is_visible(), f"{question.slug}: not printed"
            assert answer.evaluate("fold => fold.open"), f"{question.slug}: its answer closed"
            assert shown(answer.locator("li")) == len(question.points), question.slug
            worth = words["marks"].replace("{count}", str(len(question.points)))
            printed = answer.locator(".kb-self-test__points .kb-print-only")
            assert printed.is_visible(), f"{question.slug}: its marks not printed"
            expect(printed).to_have_text(f"({worth})")
        marks = sum(len(question.points) for question in questions(language))
        key = words["key-all"].replace("{total}", str(len(questions(language))))
        expect(page.locator(".kb-self-test__key")).to_have_text(key.replace("{marks}", str(marks)))
        labels = page.locator(".kb-self-test .kb-not-runnable")
        assert labels.count(), "no course code on the self-test"
        assert shown(labels) == labels.count(), "the course code's label not printed"
        assert not shown(page.locator(".kb-self-test__answer")), "a box to write in"
        assert not shown(page.locator("[data-mark]")), "a button to mark"
        assert not shown(page.locator(".kb-self-test__badge")), "the reader's mark"
        assert not shown(page.locator("[data-point], .kb-self-test__tally")), "a box to tick"
        # Each question kept whole and with the start of its answer, which may go on over a page
        # (kept whole, as Material keeps a box, it left 11 of 13 questions alone at a page's foot).
        breaks = page.locator(".kb-self-test").evaluate_all(
            """all => all.map(q => [...q.children].filter(e => e.checkVisibility())
                .map(e => [e.tagName, getComputedStyle(e).breakAfter,
                           getComputedStyle(e).breakInside]))"""
        )
        for question, children in zip(questions(language), breaks, strict=True):
            *before, (tag, _, inside) = children
            assert tag == "DETAILS", f"{question.slug}: the answer is not last"
            assert inside == "auto", f"{question.slug}: the answer kept whole"
            kept = [(after, whole) for _, after, whole in before]
            assert kept == [("avoid", "avoid")] * len(before), f"{question.slug}: {before}"
        # The points, which a teacher marks by, on one sheet with their title; no fold's arrow.
        points = page.locator(".kb-self-test__points + ul").evaluate_all(
            "all => [...new Set(all.map(list => getComputedStyle(list).breakInside))]"
        )
        assert points == ["avoid"], f"a list of points split over two sheets: {points}"
        arrows = page.locator(".kb-self-test summary").evaluate_all(
            "all => [...new Set(all.map(s => getComputedStyle(s, '::after').display))]"
        )
        assert arrows == ["none"], f"a fold's arrow on paper: {arrows}"
        edge = page.locator(f'[data-question="{known}"]').evaluate(
            "q => getComputedStyle(q).borderLeftColor"
        )
        assert edge == "rgba(0, 0, 0, 0)", f"the reader's mark as an edge: {edge}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_marking_key_of_a_mock_exam_holds_the_questions_on_its_sheet(
    browser: Browser, url: str, language: str
) -> None:
    """A teacher who put some questions on a mock exam prints its key from the exam sheet: the
    self-test of those questions alone, on screen, in the contents, in the bar's counts and on
    paper; a line above the bar says which with a way back to all, and on paper the key says
    which questions it is for and their marks in all; the language switcher keeps them."""
    words = MARKS[language]
    every = questions(language)
    asked = [every[1], every[4]]
    prefix = f"{url}{language_prefix(language)}"

    def said(text: str) -> re.Pattern[str]:
        marks = sum(len(question.points) for question in asked)
        return re.compile(
            re.escape(text)
            .replace(r"\{numbers\}", rf"{asked[0].number}\D+{asked[1].number}")
            .replace(r"\{total\}", str(len(every)))
            .replace(r"\{marks\}", str(marks))
        )

    with opened(browser, f"{prefix}self-test/") as page:
        known = page.locator(f'[data-question="{every[2].slug}"]')  # marked, not on the key
        known.locator("summary").click()
        known.locator('[data-mark="knew"]').click()
        page.goto(f"{prefix}exam-sheet/?questions={asked[0].number},{asked[1].number},99")
        key = page.locator("a.exam-key")
        assert key.get_attribute("href").endswith("self-test/?questions=2,5"), "the key's link"
        key.click()
        page.wait_for_url(f"{prefix}self-test/?questions=2,5")
        on_page = page.locator(".kb-self-test[data-question]:visible")
        expect(on_page).to_have_count(2)
        slugs = [question.get_attribute("data-question") for question in on_page.all()]
        assert slugs == [question.slug for question in asked], slugs
        line = page.locator(".kb-self-test__chosen")
        pattern = said(words["chosen"]).pattern
        expect(line).to_have_text(re.compile(f"^{pattern} {re.escape(words['show-all'])}$"))
        assert line.evaluate("line => line.nextElementSibling.matches('.kb-self-test__bar')"), (
            "above the bar"
        )
        bar = page.locator(".kb-self-test__bar")
        assert bar.locator("[data-self-test-total]").inner_text() == "2", "counted of all"
        assert bar.locator('[data-self-test-count="knew"]').inner_text() == "0", "counted"
        contents = page.locator(".md-nav--secondary a[href^='#']:visible")
        assert contents.count() == 2, contents.all_inner_texts()
        other = page.locator(f"a.md-select__link[hreflang]:not([hreflang='{language}'])")
        assert other.get_attribute("href").endswith("self-test/?questions=2,5"), "language"
        on_paper(page)
        assert shown(page.locator(".kb-self-test details")) == 2, "printed"
        expect(page.locator(".kb-self-test__key")).to_have_text(said(words["key"]))
        assert not line.is_visible(), "the line for the screen on paper"
        page.emulate_media(media="screen")
        # Start over starts over on the questions on the page, not on those left off.
        first = page.locator(f'[data-question="{asked[0].slug}"]')
        first.locator("textarea").fill("Keras is TensorFlow's high-level API.")
        asking: list[str] = []
        page.once("dialog", lambda dialog: (asking.append(dialog.message), dialog.accept()))
        bar.locator("[data-self-test-reset]").click()
        assert asking == [words["confirm-reset-page"]], asking
        expect(first.locator("textarea")).to_have_value("")
        line.get_by_role("link").click()
        expect(page.locator(".kb-self-test[data-question]:visible")).to_have_count(len(every))
        expect(line).to_have_count(0)
        expect(bar.locator('[data-self-test-count="knew"]')).to_have_text("1")  # left off: kept
        page.goto(f"{prefix}self-test/?questions=03")  # "03" as in the pages' addresses
        one = words["chosen-one"].replace("{numbers}", "3").replace("{total}", str(len(every)))
        expect(page.locator(".kb-self-test__chosen")).to_have_text(f"{one} {words['show-all']}")
        page.goto(f"{prefix}exam-sheet/")  # every question: the plain self-test
        assert page.locator("a.exam-key").get_attribute("href").endswith("self-test/"), "all"
        page.goto(f"{prefix}exam-sheet/?questions=")  # none: no key (all would be on it)
        expect(page.locator(".exam-key-line")).to_be_hidden()


# Each line of the visible code (the elements `selector` finds): where each of its rows starts
# on the page, in characters from the edge of the code's text (a line of Pygments' tokens spans
# many nodes), and on which row its first word is (after its indent: the first, unless it broke
# there).
ROW_STARTS = """selector => [...document.querySelectorAll(selector)]
.filter(code => code.checkVisibility())
.flatMap(code => {
  const style = getComputedStyle(code);
  const edge = code.getBoundingClientRect().left + code.clientLeft + parseFloat(style.paddingLeft);
  const probe = code.appendChild(document.createElement("span"));
  probe.textContent = "0".repeat(10);
  probe.style.whiteSpace = "pre";  // not wrapped, where code breaks anywhere
  const char = probe.getBoundingClientRect().width / 10;
  probe.remove();
  const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const lines = [[]];  // each line: its pieces, [node, start, end]
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const pieces = node.data.split("\\n");
    let start = 0;
    pieces.forEach((piece, n) => {
      if (piece) lines.at(-1).push([node, start, start + piece.length]);
      if (n < pieces.length - 1) lines.push([]);
      start += piece.length + 1;
    });
  }
  return lines.filter(pieces => pieces.length).map(pieces => {
    const range = document.createRange();
    range.setStart(pieces[0][0], pieces[0][1]);
    range.setEnd(pieces.at(-1)[0], pieces.at(-1)[2]);
    const rows = new Map();  // top -> leftmost start
    for (const r of range.getClientRects()) {
      if (!r.width) continue;
      const top = Math.round(r.top);
      rows.set(top, Math.min(rows.get(top) ?? Infinity, (r.left - edge) / char));
    }
    let wordRow = 0;
    for (const [node, start, end] of pieces) {
      const at = node.data.slice(start, end).search(/\\S/);
      if (at < 0) continue;
      const word = document.createRange();
      word.setStart(node, start + at);
      word.setEnd(node, start + at + 1);
      wordRow = [...rows.keys()].indexOf(Math.round(word.getClientRects()[0].top));
      break;
    }
    return {text: range.toString(), starts: [...rows.values()].map(x => Math.round(x * 10) / 10),
      wordRow};
  });
})"""


def _wrapped_as_code(lines: list[dict[str, Any]]) -> None:
    """The rest of a wrapped line starts two characters in from the line's own indent, where no
    line of Python starts, not at the edge, where it read as a line of its own (at 12, the rest
    of `kernel, stride = ...` stood outside its loop); an indented line does not break after its
    indent, which put its code at the start of the next row."""
    assert lines, "no code on the page"
    broken = [line["text"] for line in lines if line["wordRow"] != 0]
    assert not broken, f"lines whose code starts a row below their indent: {broken[:3]}"
    not_at_edge = [line["text"] for line in lines if line["starts"][0] != 0]
    assert not not_at_edge, f"lines that do not start at the edge: {not_at_edge[:3]}"
    wrapped = [line for line in lines if len(line["starts"]) > 1]
    assert wrapped, "no code line wraps at this width: pick a page with a longer one"
    assert any(line["text"].startswith("    ") for line in wrapped), "no indented line wraps"
    astray = {
        (line["text"][:40], start)
        for line in wrapped
        for start in line["starts"][1:]
        if start != len(line["text"]) - len(line["text"].lstrip(" ")) + 2
    }
    assert not astray, f"wrapped lines that go on elsewhere than 2 in from their indent: {astray}"


def test_on_paper_a_long_code_line_goes_on_indented_below_itself(
    browser: Browser, url: str
) -> None:
    """Code wraps on paper instead of running off it (_wrapped_as_code), at A5's printed width
    (A4's, 718 px at Chromium's default margins, fits every indented line of the pages)."""
    paper = {"width": 484, "height": 700}
    with opened(browser, url + "en/questions/q13-cpu-gpu/", viewport=paper) as page:
        on_paper(page)
        _wrapped_as_code(page.evaluate(ROW_STARTS, "article pre > code"))


def test_on_a_phone_a_long_code_line_goes_on_indented_below_itself(
    browser: Browser, url: str
) -> None:
    """Code wraps on a phone too, where a reader sees each line whole, as on paper
    (_wrapped_as_code). Question 12 has deeply indented lines, in its solutions too."""
    with opened(browser, url + "questions/q12-save-load/", **TOUCH) as page:
        page.locator("article details:not([open])").evaluate_all(
            "all => all.map(d => d.open = true)"
        )
        _wrapped_as_code(page.evaluate(ROW_STARTS, "article pre > code"))


# The cells whose code's rows may reach under their copy button, in its top right corner.
NOTEBOOK_CODE_UNDER_COPY_BUTTON = """() => [...document.querySelectorAll(".jp-CodeCell")]
.filter(cell => {
  const code = cell.querySelector(".highlight-ipynb pre");
  const button = cell.querySelector("clipboard-copy");
  const end = code.getBoundingClientRect().right - parseFloat(getComputedStyle(code).paddingRight);
  return end > button.getBoundingClientRect().left;
}).map(cell => cell.id)"""


# Each code cell's input and output: its prompt ("In [1]:", shown; an output's may be empty)
# above it or not, and its share of the article's width.
NOTEBOOK_CELLS = """() => {
  const article = document.querySelector("article").getBoundingClientRect();
  const parts = [
    [".jp-CodeCell .jp-InputArea", ".jp-InputPrompt", ".jp-InputArea-editor"],
    [".jp-CodeCell .jp-OutputArea-child", ".jp-OutputPrompt", ".jp-OutputArea-output"],
  ];
  return parts.flatMap(([area, prompt, body]) => [...document.querySelectorAll(area)].map(a => {
    const p = a.querySelector(prompt).getBoundingClientRect();
    const b = a.querySelector(body).getBoundingClientRect();
    const shown = p.height > 0 || prompt === ".jp-OutputPrompt";
    return [shown && p.bottom <= b.top + 1, b.width / article.width, area];
  }));
}"""


@pytest.mark.parametrize("screen", [TOUCH, {"viewport": DESKTOP}], ids=["phone", "desktop"])
def test_a_notebook_s_long_code_line_goes_on_indented_below_itself(
    browser: Browser, url: str, screen: dict[str, Any]
) -> None:
    """As on a question page on a phone (_wrapped_as_code), the course's code in a Markdown
    cell too, and clear of a code cell's copy button: a notebook's code wraps on a desktop
    too (mkdocs-jupyter's style). On a phone the code has the article's width, its prompt
    above it as JupyterLab puts it there (beside it, with mkdocs-jupyter's padding, the prompt
    took 116 of 343 px)."""
    with opened(browser, url + "en/notebooks/q05-keras-model/", **screen) as page:
        # Every cell laid out, as each is once it scrolls near (site.css): measured out of
        # sight, a cell's rows stood 2 characters off its edge.
        page.add_style_tag(content=".jupyter-wrapper .jp-CodeCell { content-visibility: visible }")
        _wrapped_as_code(page.evaluate(ROW_STARTS, ":is(.highlight-ipynb, .highlight) pre"))
        under_the_button = page.evaluate(NOTEBOOK_CODE_UNDER_COPY_BUTTON)
        assert not under_the_button, f"code rows that run under the copy button: {under_the_button}"
        if screen is TOUCH:
            cells = page.evaluate(NOTEBOOK_CELLS)
            kinds = {kind for *_, kind in cells}
            assert len(kinds) == 2, f"no code cell's input or output: {kinds}"
            beside = {kind for above, _, kind in cells if not above}
            assert not beside, f"a prompt beside its code or output (or none) on a phone: {beside}"
            narrowest = min(share for _, share, _ in cells)
            assert narrowest > 0.97, f"code {narrowest:.0%} of the article's width on a phone"


def test_on_a_phone_every_copy_button_is_big_enough_for_a_finger(
    browser: Browser, url: str
) -> None:
    """At least 24 by 24 px (WCAG 2.2's minimum target), also in an exercise's solution, where
    Material sized it by the box's smaller code at 19 px."""
    with opened(browser, url + "questions/q12-save-load/", **TOUCH) as page:
        # Each block brought into view as the tour brings it (SHOW: its fold opened, scrolled to
        # until Material has mounted it and given it its button; scrolled to once, a block could
        # move out of sight as the page grew above it, and keep no button on a busy machine).
        for index in range(page.locator("article .highlight:has(> pre > code)").count()):
            shown = page.evaluate(SHOW, index)
            assert shown["mounted"], f"code block {index} never mounted: {shown}"
        copied = page.locator("article .highlight:not(.no-copy):has(> pre > code)")
        expect(page.locator("article .md-code__button")).to_have_count(copied.count())
        sizes = page.locator("article .md-code__button").evaluate_all(
            "all => all.map(b => b.getBoundingClientRect()).map(r => [r.width, r.height])"
        )
        assert len(sizes) == copied.count() > 20, (len(sizes), copied.count())
    small = [size for size in sizes if min(size) < 24]
    assert not small, f"{len(small)} of {len(sizes)} copy buttons under 24 px: {small[:3]}"


@pytest.mark.parametrize("path", ["questions/q13-cpu-gpu/", "en/questions/q13-cpu-gpu/"])
def test_a_reading_list_prints_the_address_of_each_link(
    browser: Browser, url: str, path: str
) -> None:
    """A link to another site in a list (the page's reading list) cannot be followed on
    paper: its address is printed after it, as the exam sheet's links are; an address that is
    itself the link (the course's question 13 quotes one) is not printed twice."""
    with opened(browser, url + path) as page:
        on_paper(page)
        listed = page.locator(".md-content li a[href^='http']").evaluate_all(
            """all => all.filter(a => a.checkVisibility())
                .map(a => [a.getAttribute("href"), getComputedStyle(a, "::after").content])"""
        )
        assert len(listed) > 5, listed
        missing = [href for href, after in listed if after != f'" {href}"']
        assert not missing, f"printed without their address: {missing}"
        written_out = page.locator(".admonition.question a[href^='http']")
        assert written_out.count(), "question 13 no longer quotes an address"
        assert written_out.evaluate("a => getComputedStyle(a, '::after').content") == "none"
        # The notebooks page's list: Colab's long addresses are for the screen, not to look up.
        page.goto(url + path.replace("questions/q13-cpu-gpu/", "notebooks/"))
        on_paper(page)
        colab = page.locator(".md-content li a[href^='https://colab.']")
        assert colab.count(), "no Colab links on the notebooks page"
        assert colab.first.evaluate("a => getComputedStyle(a, '::after').content") == "none"


@pytest.mark.parametrize("path", ["glossary/", "en/glossary/"])
def test_the_glossary_prints_each_term_with_its_definition(
    browser: Browser, url: str, path: str
) -> None:
    """No term alone at the foot of a page, its definition on the next (seven in Swedish and
    eight in English did on A4), and no definition split across two pages."""
    with opened(browser, url + path) as page:
        on_paper(page)
        terms = page.locator(".md-typeset dt").evaluate_all(
            "all => all.map(t => getComputedStyle(t).breakAfter)"
        )
        definitions = page.locator(".md-typeset dd").evaluate_all(
            "all => all.map(d => getComputedStyle(d).breakInside)"
        )
        assert terms, "no term"
        assert set(terms) == {"avoid"}, set(terms)
        assert set(definitions) == {"avoid"}, set(definitions)


@pytest.mark.parametrize("path", ["reference/", "en/reference/"])
def test_the_code_reference_prints_each_source_under_its_file_without_line_numbers(
    browser: Browser, url: str, path: str
) -> None:
    """On paper each source has its title (the button that names its file on screen), no
    line numbers (a wrapped line put them out of step with the code), and its code is as large
    as the page's other code, not a quarter larger (its lines wrapped after 64 characters)."""
    with opened(browser, url + path) as page:
        on_paper(page)
        sources = page.locator(".mkdocstrings-source")
        titles = page.locator(".mkdocstrings-source > button")
        assert sources.count(), "no source on the code reference"
        assert shown(titles) == sources.count(), "a source without its file"
        assert shown(page.locator(".mkdocstrings-source .highlight")) == sources.count()
        assert not shown(page.locator(".mkdocstrings-source .linenos")), "line numbers"
        sizes = page.evaluate(
            """() => [".doc-signature code", ".mkdocstrings-source pre > code"].map(s =>
                getComputedStyle(document.querySelector(s)).fontSize)"""
        )
        assert sizes[0] == sizes[1], f"code in a signature, in a source: {sizes}"


@pytest.mark.parametrize("path", ["reference/", "en/reference/"])
def test_the_code_reference_is_legible_on_a_phone(browser: Browser, url: str, path: str) -> None:
    """All its text at least 12 px, the source under each function too once opened, and
    nothing scrolls sideways."""
    with opened(browser, url + path, viewport=PHONE) as page:
        folds = page.locator(".mkdocstrings-source > button")
        assert folds.count(), "no source on the code reference"
        assert not page.locator(".mkdocstrings-source pre").count(), "source not folded away"
        folds.evaluate_all("all => all.forEach(fold => fold.click())")
        open_sources = '.mkdocstrings-source > [aria-expanded="true"] + div .highlight:visible'
        shown = page.locator(open_sources)
        assert shown.count() == folds.count(), "a fold does not show its source when opened"
        small, sideways = page.evaluate(SMALL_TEXT, 12), page.evaluate(SIDEWAYS)
        broken = page.evaluate(BROKEN_WORDS, IN_REFERENCE)
    assert not small, f"/{path}: text under 12 px on a phone:\n" + "\n".join(small[:10])
    assert not sideways, f"/{path}: scrolls sideways on a phone:\n" + "\n".join(sideways)
    # "snippets.q04_train_validation_te|st", "keras.Mode|l": names broke at the edge.
    assert not broken, f"/{path}: names broken mid-word:\n" + "\n".join(broken[:10])


# Each code block's height, its first line, and whether its code is laid out yet; not those in
# a closed fold, which are not shown.
CODE_HEIGHTS = """() => [...document.querySelectorAll("article pre > code")]
  .filter(code => code.checkVisibility())
  .map(code => ({height: code.getBoundingClientRect().height,
    line: code.textContent.split("\\n")[0],
    skipped: !!code.firstElementChild
      && !code.firstElementChild.checkVisibility({contentVisibilityAuto: true})}))"""


@pytest.mark.parametrize("path", ["questions/q10-cnn/", "en/questions/q10-cnn/"])
def test_on_a_desktop_no_code_block_changes_height_when_it_comes_near(
    browser: Browser, url: str, path: str
) -> None:
    """A reader who jumps to a heading stays there: on a desktop, where code wraps and its
    height is not known before it is laid out, every block is laid out at once (site.css keeps
    the skipping of blocks out of sight to phones), so none grows when it comes near."""
    with opened(browser, url + path, viewport=DESKTOP) as page:
        before = page.evaluate(CODE_HEIGHTS)
        page.add_style_tag(
            content=".md-typeset pre > code { content-visibility: visible !important }"
        )
        after = page.evaluate(CODE_HEIGHTS)
    assert before, f"/{path}: no code block"
    moved = [
        f"{old['height']:.0f} px -> {new['height']:.0f} px: {new['line']}"
        for old, new in zip(before, after, strict=True)
        if old["skipped"] or abs(old["height"] - new["height"]) > 1
    ]
    assert not moved, f"/{path}: code blocks change height when laid out:\n" + "\n".join(moved)


# The last code block of a page outside any fold whose lines are all short: it does not scroll.
LAST_SHORT_BLOCK = """() => [...document.querySelectorAll("article .highlight > pre > code")]
  .filter(code => !code.closest("details"))
  .filter(code => Math.max(...code.textContent.split("\\n").map(line => line.length)) < 40)
  .pop()"""


@pytest.mark.parametrize("path", ["questions/q10-cnn/", "en/questions/q10-cnn/"])
def test_the_keyboard_focus_moves_to_a_blocks_copy_button_when_material_mounts_it(
    browser: Browser, url: str, path: str
) -> None:
    """A block out of sight is focusable before Material mounts it (hooks/code_blocks.py).
    Focus brings it into view, Material mounts it, puts its copy button before the code and
    takes the tabindex off a block that does not scroll: the focus goes to that button
    (site.js), not to <body>, and the next Tab goes on after the block, skipping nothing."""
    with opened(browser, url + path, viewport=DESKTOP) as page:
        settle(page)
        block = page.evaluate_handle(LAST_SHORT_BLOCK).as_element()
        assert block, f"/{path}: no short code block outside a fold"
        assert not block.evaluate("code => code.parentElement.id"), "Material mounted it already"
        block.focus()  # as Tab does: the block scrolls into view and Material mounts it
        page.wait_for_function("code => code.getAttribute('tabindex') !== '0'", arg=block)
        focused = page.evaluate(
            "code => document.activeElement.matches('[data-clipboard-target]')"
            " && document.activeElement.closest('.highlight').contains(code)",
            block,
        )
        assert focused, f"/{path}: the focus is not on the block's copy button once mounted"
        page.keyboard.press("Tab")
        after = page.evaluate(
            "code => !!(code.compareDocumentPosition(document.activeElement)"
            " & Node.DOCUMENT_POSITION_FOLLOWING)",
            block,
        )
    assert after, f"/{path}: Tab from the copy button went back before the block"


@pytest.mark.parametrize("path", ["questions/q12-save-load/", "en/questions/q12-save-load/"])
def test_a_code_blocks_copy_button_is_no_landmark(browser: Browser, url: str, path: str) -> None:
    """Material puts each block's copy button in a <nav>: a screen reader listed a nameless
    "navigation" landmark per code block, 20 on this page, among the header, the contents and
    the footer. Each block mounted (scrolled through), none is one; the buttons still are."""
    with opened(browser, url + path, viewport=DESKTOP) as page:
        settle(page)
        blocks = page.locator("article .highlight > pre > code")
        for index in range(blocks.count()):
            blocks.nth(index).scroll_into_view_if_needed()
        buttons = page.locator("article .md-code__button")
        expect(buttons).not_to_have_count(0)
        landmarks = page.get_by_role("navigation").filter(has=page.locator(".md-code__button"))
        expect(landmarks).to_have_count(0)
        expect(page.get_by_role("button").and_(buttons)).to_have_count(buttons.count())


HEADER_TRANSITION = "getComputedStyle(document.querySelector('.md-header')).transitionDuration"


def test_switching_the_palette_changes_the_colours_at_once_instead_of_fading(
    browser: Browser, url: str
) -> None:
    """Material's own rule for this restyled every page twice as it loaded (hooks/palette.py);
    site.js turns the transitions off for a reader's switch only."""
    with opened(browser, url, viewport=DESKTOP) as page:
        settle(page)
        scheme, before = page.evaluate(f"() => [{SCHEME}, {HEADER_TRANSITION}]")
        during = page.evaluate(
            "() => { document.querySelector('[data-md-component=palette] label:not([hidden])')"
            f".click(); return [{SCHEME}, {HEADER_TRANSITION}] }}"
        )
        page.wait_for_timeout(50)
        after = page.evaluate(f"() => {HEADER_TRANSITION}")
    assert any(float(d.rstrip("s")) > 0 for d in before.split(",")), "the header has no transition"
    assert during[0] != scheme, "the click did not switch the palette"
    assert set(during[1].split(", ")) == {"0s"}, f"the colours fade while switching: {during[1]}"
    assert after == before, f"the transitions stay off after the switch: {after}"


def test_the_tour_profile_measures_every_step_of_the_tour(url: str, axe_url: str) -> None:
    """`python -m scripts.tour_profile` drives the tour's own `Tour`, so it keeps up with this
    file's changes or fails here (on the home page alone), and runs every script that a visit
    of the tour runs on a page (but the counts of what a check looked at)."""
    from scripts import tour_profile  # it imports this module

    checks = set(re.findall(r"evaluate\((\w+)", inspect.getsource(Tour._check))) - {"SHOWN"}
    profiled = re.findall(r"evaluate\(tour_test\.(\w+)", inspect.getsource(tour_profile))
    assert checks, "no script found in Tour._check"
    assert not checks - set(profiled), f"not in the profile: {sorted(checks - set(profiled))}"
    with ThreadPoolExecutor(1) as thread:
        steps = thread.submit(asyncio.run, tour_profile.profile(url, [""], axe_url)).result()
    desktop_steps = ["open", "open folds", "axe, desktop", "desktop layout", "copy buttons"]
    assert list(steps) == [*desktop_steps, "palette switch", "phone layout", "axe, phone"], steps
    assert all(counters["wall"] > 0 for counters in steps.values()), steps


@pytest.mark.parametrize("path", ["quiz/", "self-test/", "exam-sheet/"])
def test_every_checkbox_is_as_large_as_the_quiz_s(browser: Browser, url: str, path: str) -> None:
    """The browser's own checkbox is 13 px: beside the quiz's, the print switch, the self-test's
    "hide" and the mock exam's box looked unfinished and were small to tap (site.css)."""
    with opened(browser, url + path, viewport=PHONE) as page:
        settle(page)
        sizes = page.evaluate(
            """() => [...document.querySelectorAll("article input[type=checkbox]")]
              .filter((box) => box.offsetParent)
              .map((box) => [box.closest("label")?.textContent.trim().slice(0, 30),
                             Math.min(box.offsetWidth, box.offsetHeight)])"""
        )
    assert sizes, f"/{path}: no checkbox"
    small = [f"{label!r}: {size} px" for label, size in sizes if size < 16]
    assert not small, f"/{path}: checkboxes under 16 px:\n" + "\n".join(small)


def test_the_notebook_box_links_are_a_finger_s_target(browser: Browser, url: str) -> None:
    """View, Download, Open in Colab: 15 px high in the box's small text, side by side."""
    with opened(browser, url + "questions/q01-ai-ml-dl/", viewport=PHONE) as page:
        heights = page.locator(".kb-notebook a").evaluate_all(
            "links => links.map((link) => link.getBoundingClientRect().height)"
        )
    assert len(heights) == 3, heights
    assert min(heights) >= 44, f"notebook links {heights} px high, under 44"
