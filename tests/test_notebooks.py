"""Every question with code is also a notebook: the same code, the checked output, and it runs.

The notebooks are generated from the pages. Each is proved to hold exactly the code blocks that
tests/test_code_examples.py runs, in order, with the outputs that test checks; the figures it
carries are the committed files that test compares with what the code draws. So one notebook
run in a real Jupyter kernel shows that the generated format works, without training every
model a second time.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from hooks import headerlinks
from hooks import notebooks as notebook_hook
from tools import environment, notebooks, unused_css
from tools.codeblocks import examples, tidy
from tools.copy_programs import LABELS, not_runnable
from tools.figures import OUTPUT, shown_on
from tools.notebooks import Site, notebook_pages, page_notebook
from tools.pages import LANGUAGES, ROOT, config, language_prefix, translation_of

SITE = Site("https://example.invalid/")
PAGES = notebook_pages(LANGUAGES[0])
ALL_PAGES = [page for language in LANGUAGES for page in notebook_pages(language)]
# The notebook run in a kernel: cheap, and it prints. Every other one is proved equal to the
# blocks that the code tests run.
SMOKE_RUN = "q02-tensorflow-keras"
IN_NOTEBOOKS = ("mark.skipif", "mark.measured")  # markers whose blocks still become code cells
BOX = re.compile(r"\s*(?:!!!|\?\?\?)")  # where an admonition or a collapsible block opens


def _code(notebook: nbformat.NotebookNode) -> list[tuple[str, list[str]]]:
    return [
        (cell.source, [output.get("text", "") for output in cell.outputs])
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_notebooks_of_both_languages_hold_the_same_code_and_output(page: Path) -> None:
    original = _code(page_notebook(page, SITE))
    for language in LANGUAGES[1:]:
        twin = translation_of(page, language)
        assert (ROOT / twin).is_file(), f"{page} has no twin in {language}: {twin} is missing"
        theirs = _code(page_notebook(twin, SITE))
        assert theirs == original, f"{twin}: {_first_difference(theirs, original)} from {page}"


def _first_difference(mine: list[tuple[str, list[str]]], other: list[tuple[str, list[str]]]) -> str:
    """Where two notebooks' code cells first differ: the cell, and its line or its output."""
    at = next(i for i, pair in enumerate(zip_longest(mine, other)) if pair[0] != pair[1])
    cells = [cells[at] if at < len(cells) else ("", []) for cells in (mine, other)]
    where = f"its notebook's code cell {at + 1} (of {len(mine)}, against {len(other)})"
    lines = [[*source.split("\n"), ""] for source, _ in cells]
    for number, (line, twin_line) in enumerate(zip(*lines, strict=False), 1):
        if line != twin_line:
            return f"{where} has at its line {number} {line!r}, not {twin_line!r},"
    return f"{where} shows the output {cells[0][1]!r}, not {cells[1][1]!r},"


def _indented_code(markdown: str) -> list[str]:
    """Lines that Markdown would show as an indented code block (outside fenced ones)."""
    found, fenced, after_blank = [], False, True
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and after_blank and line.startswith("    "):
            found.append(line.strip())
        after_blank = not line.strip()
    return found


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda page: page.as_posix())
def test_notebook_prose_stays_prose_also_after_a_code_cell_in_a_box(page: Path) -> None:
    prose = [cell.source for cell in page_notebook(page, SITE).cells if cell.cell_type != "code"]
    code_like = [line for source in prose for line in _indented_code(source)]
    assert code_like == [], f"{page}: prose that a notebook would show as code"
    # Jupyter knows no admonitions: a box the notebook did not turn into a quote shows raw.
    boxes = [line for source in prose for line in source.splitlines() if BOX.match(line)]
    assert boxes == [], f"{page}: boxes a notebook would show as raw text"
    # A box's title is a paragraph of its own, not the first words of its text ("**Frågan** Hur").
    run_in = re.findall(r"^> \*\*[^\n]*\*\*\n> *\S.*", "\n".join(prose), re.MULTILINE)
    assert run_in == [], f"{page}: box titles that run into their text: {run_in[:2]}"


def test_a_figure_is_the_output_of_the_cell_that_draws_it_and_shown_once() -> None:
    """Running the cell then replaces the figure, where an image in the prose below it would
    show it a second time; the description the page gives it goes with it."""
    found, wrong = 0, []
    for page in ALL_PAGES:
        cells = page_notebook(page, SITE).cells
        attached = {name for cell in cells for name in cell.get("attachments", {})}
        for name in shown_on(page):
            drawers = [
                c for c in cells if c.cell_type == "code" and f'savefig("{name}"' in c.source
            ]
            if not drawers:
                continue  # shown there, drawn on another page: an image in the prose
            found += 1
            png = base64.b64encode((OUTPUT / name).read_bytes()).decode("ascii")
            outputs = [o.data for o in drawers[0].outputs if o.output_type == "display_data"]
            if not any(d.get("image/png") == png and 'alt="' in d["text/html"] for d in outputs):
                wrong.append(f"{page}: {name} is not the described output of the cell drawing it")
            if name in attached:
                wrong.append(f"{page}: {name} is also an image in the prose")
    assert found, "no notebook shows a figure its own code draws (q06, q10)"
    assert not wrong, "\n".join(wrong)


def test_code_that_does_not_run_on_purpose_is_labelled_so_in_the_notebook_too() -> None:
    """As on its page (tools/copy_programs.py): the course's code, as it was given, does not
    run, and a notebook's reader is told so above it."""
    marked, unlabelled = 0, []
    for page in ALL_PAGES:
        kinds = ("course", "not_runnable", "course_excerpt", "excerpt")
        labels = [f"**{LABELS[page.parts[1]][kind]}**" for kind in kinds]
        on_page = sum(not_runnable(example) for example in examples(page))
        prose = "".join(c.source for c in page_notebook(page, SITE).cells if c.cell_type != "code")
        if sum(prose.count(label) for label in labels) != on_page:
            unlabelled.append(f"{page}: {on_page} such blocks")
        marked += on_page
    assert marked, "no page shows code that does not run on purpose (the course's, q05 and q12)"
    assert not unlabelled, "notebooks not labelling them each once:\n" + "\n".join(unlabelled)


def test_a_link_to_a_heading_leads_to_an_anchor_that_jupyter_finds() -> None:
    """JupyterLab 4 and Notebook 7 give headings no id of the site's kind (their own keep case
    and accents, "Varför-det-är-..."), and find a link's target among the ids written in the
    cells. Every in-notebook link must lead to one, in a heading or an exercise's title (its
    box's, a quote's first line in bold), and no id twice."""
    linked, wrong = 0, []
    for page in ALL_PAGES:
        cells = page_notebook(page, SITE).cells
        prose = "\n".join(cell.source for cell in cells if cell.cell_type != "code")
        anchors = re.findall(r'^(?:#{1,6} |> \*\*).*<a id="([^"]+)"></a>', prose, re.MULTILINE)
        if len(anchors) != len(set(anchors)):
            wrong.append(f"{page}: an anchor twice")
        for target in re.findall(r"\]\(#([^)\s]+)\)", prose):
            linked += 1
            if target not in anchors:
                wrong.append(f"{page}: a link to #{target}, which no heading's anchor is")
    assert linked, "no notebook links to a heading of its own"
    assert not wrong, "\n".join(wrong)


def test_a_cell_that_downloads_does_not_stop_a_reader_running_all_cells_offline() -> None:
    """Jupyter's Run All and nbconvert stop at a cell that raises, unless it is tagged
    raises-exception; offline, the download raises, and what follows does not need it."""
    downloading, untagged = 0, []
    for page in ALL_PAGES:
        for cell in page_notebook(page, SITE).cells:
            if any("can_download" in c for c in cell.get("metadata", {}).get("skipif", [])):
                downloading += 1
                if "raises-exception" not in cell.metadata.get("tags", []):
                    untagged.append(f"{page}: {cell.source.splitlines()[0]}")
    assert downloading, "no notebook downloads anything (q11's pretrained MobileNetV2)"
    assert not untagged, "cells that stop Run All offline:\n" + "\n".join(untagged)


def test_the_output_of_a_block_the_notebook_does_not_run_stays_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A skipped block (a download, say) is shown as text with its output; the output must not
    end up under the code cell before it."""
    shown = "<!--pytest-codeblocks:expected-output-->\n```text\n{}\n```\n"
    monkeypatch.setattr(notebooks, "ROOT", tmp_path)
    page = Path("docs/en/questions/q99.md")
    (tmp_path / page).parent.mkdir(parents=True)
    (tmp_path / page).write_text(
        "# Q\n\n```python\nprint(1)\n```\n\n" + shown.format(1) + "\n"
        '<!--pytest.mark.skip(reason="downloads")-->\n```python\nprint(2)\n```\n\n'
        + shown.format(2)
    )
    notebook = page_notebook(page, SITE)
    assert _code(notebook) == [("print(1)", ["1\n"])]
    assert "```text\n2\n```" in notebook.cells[-1].source


@pytest.fixture(scope="session")
def kernel() -> Iterator[KernelManager]:
    # One kernel per test process for all its notebooks: TensorFlow is imported once there.
    # Session-scoped, because the process may run other files' tests between notebooks.
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    yield manager
    manager.shutdown_kernel(now=True)


def _fresh_start(folder: Path) -> nbformat.NotebookNode:
    # What a new kernel would give: empty namespace, new Keras state, its own folder.
    # Inside Jupyter TensorFlow's logger writes to stdout: INFO lines (e.g. from
    # model.export) that the page does not show, and, in this kernel shared by all
    # notebooks, retracing warnings that a reader's fresh kernel would not give.
    return new_code_cell(
        "%reset -f\nimport os, sys\n"
        f"os.chdir({str(folder)!r})\n"
        "if 'keras' in sys.modules:\n    sys.modules['keras'].backend.clear_session()\n"
        "import tensorflow as tf\ntf.get_logger().setLevel('ERROR')"
    )


def _skip_what_this_machine_cannot_run(notebook: nbformat.NotebookNode) -> None:
    conditions = {name: getattr(environment, name) for name in environment.__all__}
    for cell in notebook.cells:
        if any(eval(condition, conditions) for condition in cell.metadata.get("skipif", [])):
            cell.metadata.setdefault("tags", []).append("skip-execution")


def _checked_blocks(page: Path) -> list[tuple[str, str | None]]:
    """(code, shown output) of each Python block the code tests run that a notebook holds."""
    return [
        (block.code.rstrip("\n"), block.expected_output)
        for example in examples(page)
        if all(mark.strip().startswith(IN_NOTEBOOKS, 7) for mark in example.marks)
        for block in example.blocks
        if block.language == "python"
    ]


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda page: page.as_posix())
def test_notebook_holds_exactly_the_checked_code_and_output(page: Path) -> None:
    notebook = page_notebook(page, SITE)
    cells = _code(notebook)
    counts = [cell.execution_count for cell in notebook.cells if cell.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{page}: code cells numbered {counts}, not in order from 1 as after Run All"
    )
    blocks = _checked_blocks(page)
    assert [code for code, _ in cells] == [code for code, _ in blocks], (
        f"{page}: the notebook's code cells are not the page's tested code blocks"
    )
    for number, ((_, printed), (_, shown)) in enumerate(zip(cells, blocks, strict=True), 1):
        assert tidy("".join(printed)) == tidy(shown or ""), (
            f"{page}: code cell {number} shows another output than the page"
        )


def test_notebook_runs_and_prints_what_it_shows(tmp_path: Path, kernel: KernelManager) -> None:
    pages = [page for page in PAGES if page.stem == SMOKE_RUN]
    assert pages, f"no notebook {SMOKE_RUN}"
    page = pages[0]
    notebook = page_notebook(page, SITE)
    shown = [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]
    notebook.cells.insert(0, _fresh_start(tmp_path))
    _skip_what_this_machine_cannot_run(notebook)
    client = NotebookClient(notebook, km=kernel, timeout=120)
    try:
        client.execute()
    finally:
        client.kc.stop_channels()
    code_cells = [cell for cell in notebook.cells[1:] if cell.cell_type == "code"]
    printed = [cell.outputs for cell in code_cells]
    measured = [cell.metadata.get("measured", False) for cell in code_cells]
    for number, (before, after, timed) in enumerate(zip(shown, printed, measured, strict=True), 1):
        expected = "".join(o.get("text", "") for o in before if o.get("name") == "stdout")
        actual = "".join(o.get("text", "") for o in after if o.get("name") == "stdout")
        assert tidy(actual, timed) == tidy(expected, timed), (
            f"{page}: code cell {number} prints otherwise"
        )


def test_a_notebook_page_keeps_only_the_style_rules_it_can_use() -> None:
    css = (
        ".jp-Cell{color:red}.jp-Unused{color:blue}.wrapper :root{--x:1}"
        ".jp-Unused,.jp-Cell>.md-typeset__scrollwrap{margin:0}:is(.jp-Unused, .jp-Cell) b{x:1}"
        "@media print{.jp-Unused{color:green}}[data-theme] a{color:black}"
        ".jp-Unused:not(.jp-Cell) td:nth-child(odd){x:2}"
        ".jp-Cell:not(.jp-Unused) td:nth-child(odd){x:3}"
    )
    kept = unused_css.prune(css, unused_css.classes('<div class="wrapper jp-Cell"></div>'))
    assert "jp-Cell{color:red}" in kept
    assert ".jp-Unused{color:blue}" not in kept
    assert ":root" not in kept, "a :root inside another element never matches"
    assert ".jp-Cell>.md-typeset__scrollwrap{margin:0}" in kept, "Material adds md- classes"
    assert "\n.jp-Unused," not in kept
    assert ":is(.jp-Unused, .jp-Cell) b{x:1}" in kept, "selectors with :is() are kept"
    assert "{x:2}" not in kept, "what :not() and :nth-child() leave must be on the page"
    assert ".jp-Cell:not(.jp-Unused) td:nth-child(odd){x:3}" in kept, "what :not() excludes"
    assert "@media print" in kept
    assert "[data-theme] a{color:black}" in kept


def test_a_notebooks_contents_take_the_ids_of_its_headings_or_the_build_stops() -> None:
    heading = (
        '<h2 id="5-saving-during-training-modelcheckpoint">5. … <code>ModelCheckpoint</code></h2>'
    )
    contents = [AnchorLink("5. Saving during training: ModelCheckpoint", "5-saving", 2)]
    page = SimpleNamespace(content=heading, toc=contents, file=SimpleNamespace(src_uri="n.ipynb"))
    notebook_hook._contents_lead_to_the_headings(page)
    assert contents[0].id == "5-saving-during-training-modelcheckpoint"
    page.toc = [*contents, AnchorLink("6. More", "6-more", 2)]
    with pytest.raises(PluginError, match=r"n\.ipynb: 2 entries in the contents, 1 headings"):
        notebook_hook._contents_lead_to_the_headings(page)


def test_a_notebook_page_names_its_copy_buttons_and_permalinks_in_its_language(
    site: Path,
) -> None:
    """mkdocs-jupyter's template names a code cell's copy button in English ("Copy to
    Clipboard", "Copied!") and nbconvert leaves a heading's ¶ unnamed, on Swedish pages too."""
    expected = {
        language: (*notebook_hook.COPY[language], headerlinks.LABEL[language])
        for language in LANGUAGES
    }
    problems = []
    for language in LANGUAGES:
        copy, copied, permalink = expected[language]
        pages = sorted((site / language_prefix(language) / "notebooks").glob("*/index.html"))
        assert pages, f"no notebook pages in {language}"
        for page in pages:
            html = page.read_text(encoding="utf-8")
            buttons = re.findall(r"<clipboard-copy[^>]*>", html)
            notices = re.findall(r'<span class="notice"[^>]*>([^<]*)<', html)
            links = re.findall(r'<a [^>]*class="anchor-link"[^>]*>', html)
            if not buttons or not links:
                problems.append(f"{page}: no copy button or no permalink found")
            problems += [f"{page}: {b}" for b in buttons if f'aria-label="{copy}"' not in b]
            problems += [f"{page}: {n!r}" for n in notices if n != copied]
            problems += [f"{page}: {a}" for a in links if f'aria-label="{permalink}"' not in a]
    assert not problems, "\n".join(problems[:10])


def test_a_notebook_page_links_the_site_s_pages_within_the_site_that_shows_it(
    site: Path,
) -> None:
    """The .ipynb links them by their published addresses (a downloaded notebook needs them);
    on its page a reader of a preview or of `mkdocs serve` left for the published site."""
    published = config()["site_url"].rstrip("/")
    leaving = [
        f"{page.relative_to(site)}: {href}"
        for page in sorted(site.glob("**/notebooks/*/index.html"))
        for href in re.findall(r'<a [^>]*href="([^"]+)"', page.read_text(encoding="utf-8"))
        if href.startswith(published)
    ]
    assert not leaving, "links to the published site:\n" + "\n".join(leaving[:10])
