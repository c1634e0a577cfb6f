"""Turn a question page into a Jupyter notebook: its prose, its code, its checked output.

The notebook is generated from the page, so there is no second copy of the code to drift:
code cells are the page's runnable Python blocks with includes expanded; each cell's output
is the output the page shows, which tests/test_code_examples.py checks against a real run;
a figure shown right after the cell that draws it is that cell's output (so running the cell
replaces it rather than showing it twice); other images are attached to their markdown cell.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pymdownx.snippets import SnippetMissingError

from tools import markdown_reader, quiz
from tools.codeblocks import INCLUDE, expand_includes, missing_includes
from tools.copy_programs import excerpt, label, marked_not_runnable
from tools.markdown_reader import Comment, Fence, Heading
from tools.pages import DOCS, ROOT, language_prefix
from tools.versions import verified_with

OUTPUT = ROOT / "snippets" / "output"
MEASURED = "mark.measured"
SKIPIF = re.compile(r"""mark\.skipif\(\s*(["'])(?P<condition>.*?)\1""")
ATTRIBUTES = re.compile(r"\s*\{(?P<inside>[^}]*)\}\s*$")  # { #id .class }, ending a line
ADMONITION = re.compile(
    # As Python-Markdown reads it: the title runs to the last quote, and may hold quotes.
    r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"(?P<title>.*)")?\s*$'
)
IN_PAGE_LINK = re.compile(r"\]\(#(?P<id>[\w-]+)\)")
# JupyterLab 4 and Notebook 7 give a heading no id but one made of its words (case and accents
# kept), and look a link's target up among the ids authors write: so a link to a heading leads
# to an anchor of its own in it, "nb-" and the site's id (the site's id itself would be there
# twice on the notebook's page, whose headings have it).
NOTEBOOK_ANCHOR = "nb-"
RELATIVE_LINK = re.compile(r"\]\((?!https?://|#|mailto:|attachment:)(?P<target>[^)\s]+)\)")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?!https?://)(?P<target>[^)\s]+\.(?P<kind>png|svg))\)")
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}

INTRO = {
    "sv": "*Den här notebooken är genererad från sidan [{title}]({url}). Koden är densamma "
    "som på sidan, och utskrifterna är de som testerna har kontrollerat.*",
    "en": "*This notebook is generated from the page [{title}]({url}). The code is the same "
    "as on the page, and the outputs are the ones the tests have checked.*",
}


class NotebookError(ValueError):
    """A page whose notebook cannot be made, with the page and line that says why."""


@dataclass(frozen=True)
class Site:
    """Where the published site lives, to turn a page's relative links into absolute ones."""

    url: str  # site_url, ending with /

    def page_url(self, language: str, page: Path) -> str:
        prefix = language_prefix(language)
        path = page.with_suffix("").as_posix()
        path = path.removesuffix("index")
        return f"{self.url}{prefix}{path}{'/' if path and not path.endswith('/') else ''}"


def _absolute(target: str, language: str, page: Path, site: Site) -> str:
    path, _, anchor = target.partition("#")
    resolved = (Path("/") / page.parent / path).resolve().relative_to("/")
    if resolved.suffix == ".md":
        url = site.page_url(language, resolved)
    else:
        url = f"{site.url}{language_prefix(language)}{resolved.as_posix()}"
    return f"{url}#{anchor}" if anchor else url


def _markdown_cell(lines: list[str], language: str, page: Path, site: Site) -> dict | None:
    text = "\n".join(_plain(lines)).strip()
    if not text:
        return None
    # Images travel inside the notebook, so it shows them offline, in Colab and on the site.
    attachments = {}

    def attach(match: re.Match[str]) -> str:
        image = _image_file(match["target"], language, page)
        content = base64.b64encode(image.read_bytes()).decode("ascii")
        attachments[image.name] = {MEDIA_TYPES[match["kind"]]: content}
        return f"![{match['alt']}](attachment:{image.name})"

    text = IMAGE.sub(attach, text)
    text = RELATIVE_LINK.sub(lambda m: f"]({_absolute(m['target'], language, page, site)})", text)
    cell = new_markdown_cell(text)
    if attachments:
        cell["attachments"] = attachments
    return cell


def _figure_drawn_above(prose: list[str], cells: list, language: str, page: Path) -> list[str]:
    """Prose without a figure that opens it and that the code cell above draws: the figure
    becomes that cell's output, with its description, as running the cell would show it."""
    first = next((n for n, line in enumerate(prose) if line.strip()), None)
    if first is None or not cells or cells[-1]["cell_type"] != "code":
        return prose
    match = IMAGE.fullmatch(prose[first].strip())
    if not match or match["kind"] != "png":
        return prose
    image = _image_file(match["target"], language, page)
    if not re.search(rf"savefig\(\s*[\"']{re.escape(image.name)}[\"']", cells[-1]["source"]):
        return prose
    png = base64.b64encode(image.read_bytes()).decode("ascii")
    alt = html.escape(match["alt"])
    data = {
        "image/png": png,
        # Jupyter and nbconvert show HTML before PNG: it is what gives the figure its description.
        "text/html": f'<img alt="{alt}" src="data:image/png;base64,{png}">',
        "text/plain": f"<Figure: {match['alt']}>",
    }
    cells[-1]["outputs"].append(new_output("display_data", data=data))
    return prose[:first] + prose[first + 1 :]


def _image_file(target: str, language: str, page: Path) -> Path:
    """The file behind an image link of a page: a figure in snippets/output, or a docs file."""
    if "assets/output/" in target:
        return OUTPUT / target.rsplit("/", 1)[-1]
    return (DOCS / language / page.parent / target).resolve()


def _plain(lines: list[str]) -> list[str]:
    """Material-only Markdown (admonitions, attribute lists) as plain Markdown."""
    plain: list[str] = []
    # Prose that starts indented follows a code cell taken out of a box: it is still in the box.
    first = next((line for line in lines if line.strip()), "")
    in_admonition = first.startswith("    ")
    for line in lines:
        if match := ADMONITION.match(line):
            in_admonition = True
            title = match["title"] or ""
            # The title a paragraph of its own: on the next line it ran into the box's text.
            plain += [f"> **{title}**", ">"] if title else [">"]
            continue
        if in_admonition:
            if line.startswith("    "):
                plain.append(f"> {line[4:]}".rstrip())
                continue
            if not line.strip():
                plain.append("")  # a blank line ends the quote; the next indented line opens one
                continue
            in_admonition = False
        plain.append(_without_attributes(line))
    return plain


def _without_attributes(line: str) -> str:
    """A line without its attribute list; a heading keeps an id given there (the address it had
    before it was renamed, tests/published_addresses.txt) as an anchor of its own."""
    match = ATTRIBUTES.search(line)
    if not match:
        return line
    given = re.search(r"#([\w-]+)", match["inside"])
    anchor = f' <a id="{given[1]}"></a>' if given and line.startswith("#") else ""
    return line[: match.start()] + anchor


def _linked_headings_anchored(page: Path, source: markdown_reader.MarkdownPage) -> list[str]:
    """The page's lines, where a heading that a link on the page leads to carries an anchor
    that Jupyter finds, and the link leads to it."""
    ids = list(quiz.headings(ROOT / page))  # in the headings' order, as the site has them
    lines = list(source.lines)
    targets = set(IN_PAGE_LINK.findall("\n".join(lines)))
    linked = targets & set(ids)
    for heading, heading_id in zip(source.headings, ids, strict=True):
        if heading_id in linked:
            text = lines[heading.line - 1]
            attributes = ATTRIBUTES.search(text)  # they stay last, for _without_attributes
            cut = attributes.start() if attributes else len(text)
            anchor = f' <a id="{NOTEBOOK_ANCHOR}{heading_id}"></a>'
            lines[heading.line - 1] = text[:cut] + anchor + text[cut:]
    # An exercise's id (exercise-N, hooks/headerlinks.py) is on its box: the anchor goes in the
    # box's title, which the notebook shows in bold.
    exercises = [box.line - 1 for box in source.admonitions if box.kind == "example"]
    for number, line in enumerate(exercises, start=1):
        if (exercise_id := f"exercise-{number}") in targets:
            linked.add(exercise_id)
            text = lines[line].rstrip()
            anchor = f'<a id="{NOTEBOOK_ANCHOR}{exercise_id}"></a>'
            lines[line] = f'{text[:-1]} {anchor}"'

    def to_anchor(match: re.Match[str]) -> str:
        return f"](#{NOTEBOOK_ANCHOR}{match['id']})" if match["id"] in linked else match[0]

    return [IN_PAGE_LINK.sub(to_anchor, text) for text in lines]


def page_notebook(page: Path, site: Site) -> nbformat.NotebookNode:
    """The notebook of a page (page path relative to the repository root)."""
    language = page.parts[1]
    within = Path(*page.parts[2:])
    source = markdown_reader.read(ROOT / page)
    lines = _linked_headings_anchored(page, source)
    heading = source.title
    # The short title of the front matter names the notebook in the site's navigation.
    title = str(source.meta.get("title") or heading)
    cells: list = [
        new_markdown_cell(
            f"# {title}\n\n**{heading}**\n\n"
            + INTRO[language].format(title=title, url=site.page_url(language, within))
        )
    ]
    prose: list[str] = []
    pending_marks: list[str] = []
    output_next = False
    after_cell = False  # the last fence became a code cell: an output shown next is that cell's
    line = source.body_start
    for block in source.blocks:
        if isinstance(block, Heading) and block.level == 1 and block.text == heading:
            prose += lines[line - 1 : block.line - 1]
            line = block.line + 1
            continue
        if not (isinstance(block, Fence) or _is_marker(block)) or block.line < line:
            continue
        prose += lines[line - 1 : block.line - 1]
        line = block.end
        if isinstance(block, Comment):
            if block.text.startswith("pytest-codeblocks:expected-output"):
                output_next = True
            elif block.text.startswith("pytest.mark"):
                pending_marks.append(block.text.removeprefix("pytest."))
            continue
        try:
            expanded = expand_includes(block.code).rstrip("\n")
        except SnippetMissingError as error:
            absent = "\n".join(missing_includes([page]))  # which include, and what to do
            raise NotebookError(absent or f"{page.as_posix()}:{block.line}: {error}") from error
        if output_next and after_cell:
            cells[-1]["outputs"].append(
                new_output("stream", name="stdout", text=expanded.rstrip() + "\n")
            )
        elif block.language == "python" and all(
            SKIPIF.match(mark) or mark == MEASURED for mark in pending_marks
        ):
            prose = _figure_drawn_above(prose, cells, language, within)
            if cell := _markdown_cell(prose, language, within, site):
                cells.append(cell)
            prose = []
            code = new_code_cell(expanded)
            if MEASURED in pending_marks:
                code.metadata["measured"] = True  # prints timings: compared with numbers masked
            if skipif := [m["condition"] for mark in pending_marks if (m := SKIPIF.match(mark))]:
                # Runs where its condition allows (a GPU, a download); the tests skip it elsewhere.
                code.metadata["skipif"] = skipif
                if any("can_download" in condition for condition in skipif):
                    # Offline it raises; Jupyter's Run All (and nbconvert) go on past it.
                    code.metadata["tags"] = ["raises-exception"]
            cells.append(code)
            after_cell = True
        else:
            after_cell = False  # a block the notebook shows but does not run, and its output
            body = block.code.rstrip("\n")
            shown = expanded if any(INCLUDE.match(b) for b in body.splitlines()) else body
            indent = lines[block.line - 1][: -len(lines[block.line - 1].lstrip())]
            fenced = [f"```{block.language or 'text'}", *shown.splitlines(), "```"]
            if marked_not_runnable(pending_marks):
                # Labelled as on the page (tools/copy_programs.py): it does not run on purpose.
                says = label(excerpt(pending_marks), bool(indent), language)
                fenced = [f"**{says}**", "", *fenced]
            prose += [f"{indent}{text}" if text else "" for text in fenced]
        pending_marks, output_next = [], False
    prose = _figure_drawn_above(prose + lines[line - 1 :], cells, language, within)
    if cell := _markdown_cell(prose, language, within, site):
        cells.append(cell)
    # What to install, as the page says it, for a reader who downloads only the notebook.
    code = "".join(cell.source + "\n" for cell in cells if cell.cell_type == "code")
    if code:
        cells[0].source += f"\n\n{verified_with(language, code)}"
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    metadata = {"kernelspec": kernel, "language_info": {"name": "python"}}
    notebook = new_notebook(cells=cells, metadata=metadata)
    runs = 0
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"  # stable ids: the same page gives the same file
        if cell["cell_type"] == "code":
            # As after Run All in a fresh kernel, the order the outputs come from; with none,
            # each cell read "In [ ]:", not run, above its output.
            runs += 1
            cell["execution_count"] = runs
    return notebook


def _is_marker(block: object) -> bool:
    """A pytest-codeblocks marker: for the tests, not for the notebook's reader."""
    return isinstance(block, Comment) and block.text.startswith("pytest")


def has_code(notebook: nbformat.NotebookNode) -> bool:
    """Whether a page's notebook has code cells (whether the page has Python that runs)."""
    return any(cell.cell_type == "code" for cell in notebook.cells)


def notebook_pages(language: str) -> list[Path]:
    """Question pages of a language that get a notebook (relative to the repository root)."""
    folder = DOCS / language / "questions"
    pages = [path.relative_to(ROOT) for path in sorted(folder.glob("*.md"))]
    return [page for page in pages if _gets_notebook(page)]


def _gets_notebook(page: Path) -> bool:
    """Whether a page has code for a notebook. One whose notebook cannot be made (an include
    that points nowhere) is counted in: the tests of its notebook then fail naming it, where
    the tests that list the pages would not load at all."""
    try:
        return has_code(page_notebook(page, Site("/")))
    except NotebookError:
        return True
