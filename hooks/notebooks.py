"""A notebook for every question page with code, in both languages, rendered by mkdocs-jupyter.

Notebooks are generated from the pages at build time (tools/notebooks.py) into a temporary
folder, never into docs/: there is no second copy of the code in the repository. Each
question page gets links to its notebook: view on the site, download, open in Colab; the
notebooks page lists them all (`<!-- notebooks: list -->`), and the sidebar lists that page
rather than every notebook.

mkdocs-static-i18n rebuilds every file it is given as a plain file, which turns a notebook
into raw JSON (ultrabug/mkdocs-static-i18n#198). So the notebooks join the files after
i18n has done its work, already wrapped as mkdocs-jupyter pages, with their alternates set
for the language switcher.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import pickle
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import nbconvert
import pygments
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs_jupyter import __about__ as mkdocs_jupyter_about
from mkdocs_jupyter.plugin import NotebookFile

from tools import highlight, placeholders, unused_css
from tools.build_cache import folder_digest, kept
from tools.notebooks import Site, has_code, page_notebook
from tools.pages import DOCS, ROOT, language_prefix, page_language
from tools.questions import questions

LABELS = {
    "sv": ("Notebook", "Visa", "Ladda ned", "Öppna i Colab"),
    "en": ("Notebook", "View", "Download", "Open in Colab"),
}
# A code cell's copy button, named as Material names a question page's (mkdocs-jupyter's
# template says "Copy to Clipboard" and "Copied!" in English on every page).
COPY = {
    "sv": ("Kopiera till urklipp", "Kopierat till urklipp"),
    "en": ("Copy to clipboard", "Copied to clipboard"),
}
_folder = Path(tempfile.mkdtemp(prefix="kb-notebooks-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
_slugs: dict[str, list[str]] = {}
# mkdocs-jupyter logs a line or two per notebook and language ("Copied jupyter file",
# "Converting notebook"): some fifty lines in which a build's own warnings were lost. Its
# warnings still show.
for _name in ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter"):
    logging.getLogger(_name).setLevel(logging.WARNING)
# nbconvert takes about a second per notebook; its HTML depends only on the notebook and the
# converter, so it is kept between builds (and `mkdocs serve` rebuilds) outside the repository.
_rendered = Path(tempfile.gettempdir()) / "kb-notebook-html"
# What the kept HTML is made with, besides the converter: this hook, the spans it drops and the
# style pruning.
_THIS_CODE = b"".join(
    Path(module).read_bytes() for module in (__file__, highlight.__file__, unused_css.__file__)
)


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    i18n = config.plugins["i18n"]
    return i18n.current_language, list(i18n.all_languages)


def on_pre_build(config: MkDocsConfig) -> None:
    """Write this language's notebooks (on every build, so `mkdocs serve` shows edits)."""
    current, _ = _languages(config)
    site = Site(config.site_url or "/")
    # What a notebook is made of besides its page: the code, outputs and figures in snippets/,
    # and the images of the language's pages.
    parts = (folder_digest(ROOT / "snippets"), folder_digest(DOCS / current, skip_suffix=".md"))
    _slugs[current] = []
    for page in sorted((DOCS / current / "questions").glob("*.md")):
        source = page.relative_to(ROOT)
        text = kept(
            ("notebook", source, page.read_bytes(), site, parts),
            lambda source=source: _notebook_text(source, site),
        )
        if text is None:
            continue
        target = _folder / current / "notebooks" / f"{page.stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        _slugs[current].append(page.stem)


def _notebook_text(page: Path, site: Site) -> str | None:
    """The notebook of a page as the .ipynb file's text, or None if it has no code."""
    if has_code(notebook := page_notebook(page, site)):
        return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    return None


@event_priority(-110)  # after mkdocs-static-i18n (-100) has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    current, languages = _languages(config)
    for slug in _slugs.get(current, []):
        # Under the language folder, like the pages, so i18n keeps it in the navigation.
        path = f"{current}/notebooks/{slug}.ipynb"
        file = NotebookFile(
            File(path, str(_folder), config.site_dir, config.use_directory_urls),
            use_directory_urls=config.use_directory_urls,
            site_dir=config.site_dir,
        )
        # Listed on the notebooks page, not in the sidebar: it repeated the 13 questions.
        file.inclusion = InclusionLevel.NOT_IN_NAV
        file.url = f"{language_prefix(current)}notebooks/{slug}/"
        file.dest_path = f"{file.url}index.html"
        file.abs_dest_path = str(Path(config.site_dir) / file.dest_path)
        # What mkdocs-static-i18n's language switcher reads from a page's file.
        file.file.locale = file.file.locale_alternate_of = current
        # The translation test keeps the code of both languages identical, so the same
        # pages have notebooks in every language.
        file.file.alternates = {
            language: SimpleNamespace(url=f"{language_prefix(language)}notebooks/{slug}/")
            for language in languages
        }
        files.append(file)
    return files


@event_priority(-10)  # after mkdocs-jupyter has replaced the page's render method
def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if not str(page.file.abs_src_path or "").startswith(str(_folder)):
        return page
    render = page.render
    source = Path(page.file.abs_src_path).read_bytes()
    # Everything the HTML comes from: the notebook, the converter's versions and settings,
    # and the page's address (for the links to the shared style sheets).
    plugin = dict(config.plugins["mkdocs-jupyter"].config)
    settings = json.dumps(plugin, sort_keys=True, default=str)
    versions = [mkdocs_jupyter_about.__version__, nbconvert.__version__, pygments.__version__]
    inputs = [source, "|".join([*versions, settings, page.url]).encode(), _THIS_CODE]
    cached = _rendered / f"{hashlib.sha256(b'|'.join(inputs)).hexdigest()}.pickle"

    def render_once(config: MkDocsConfig, files: Files) -> None:
        if cached.exists():
            page.content, page.toc, page.title, styles = pickle.loads(cached.read_bytes())
        else:
            render(config, files)
            # A cell's tags (raises-exception) tell Jupyter how to run it; the page has no use
            # for them, and mkdocs-jupyter shows them as 11 px labels.
            page.content = CELL_TAGS.sub("", page.content or "")
            page.content = _copy_buttons_named(page.content, page_language(page, config))
            page.content = _site_links_relative(page.content, config.site_url or "", page.url)
            _contents_lead_to_the_headings(page)
            lighter = highlight.notebook_indented_lines(highlight.without_plain_spans(page.content))
            lighter = highlight.notebook_printed_columns(lighter)
            page.content, styles = _shared_styles(lighter, page.url)
            _rendered.mkdir(exist_ok=True)
            cached.write_bytes(pickle.dumps((page.content, page.toc, page.title, styles)))
        for name, css in styles.items():
            target = Path(config.site_dir) / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(css, encoding="utf-8")

    page.render = render_once
    return page


# The template's button, with a stray comma it writes as an attribute (`,=""`).
COPY_BUTTON = re.compile(r'<clipboard-copy ,="" aria-label="Copy to Clipboard" for="([^"]+)">')
CELL_TAGS = re.compile(
    r'<div class="celltoolbar">\s*(?:<div class="button_container tags_button_container">\s*'
    r'<span class="tag-container">\s*<span class="cell-tag">[^<]*</span>\s*</span>\s*</div>\s*)*'
    r"</div>"
)
HEADING = re.compile(r'<h[1-6]\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.DOTALL)
PERMALINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _site_links_relative(html: str, site_url: str, url: str) -> str:
    """The notebook links the site's pages by their published addresses, which a downloaded
    .ipynb needs; on the site's own page they lead within the site that shows it (a preview,
    `mkdocs serve`), not to the published one."""
    if not site_url.startswith(("http://", "https://")):
        return html
    to_root = "../" * url.count("/")  # "notebooks/q05-keras-model/" -> two folders up
    return html.replace(f'href="{site_url.rstrip("/")}/', f'href="{to_root}')


def _copy_buttons_named(html: str, language: str) -> str:
    copy, copied = COPY.get(language, COPY["en"])
    html = COPY_BUTTON.sub(lambda b: f'<clipboard-copy aria-label="{copy}" for="{b[1]}">', html)
    return html.replace(">Copied!</span>", f">{copied}</span>")


def _contents_lead_to_the_headings(page: Page) -> None:
    """mkdocs-jupyter makes a notebook's table of contents from the notebook converted to
    Markdown, where a heading's code ("5. Saving during training: `ModelCheckpoint`") is left
    out of its id and its title ("5. Saving during training:"); nbconvert's headings keep it,
    as the question page's do. So the contents take the headings' ids and words, in order."""
    headings = HEADING.findall(page.content or "")
    links = list(_walk(page.toc))
    if len(links) != len(headings):
        raise PluginError(
            f"{page.file.src_uri}: {len(links)} entries in the contents, {len(headings)} headings"
        )
    for link, (heading_id, words) in zip(links, headings, strict=True):
        link.id = heading_id
        link.title = " ".join(TAG.sub("", PERMALINK.sub("", words)).split())


def _walk(links: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for link in links:
        yield link
        yield from _walk(link.children)


LIST = "<!-- notebooks: list -->"


def _links(slug: str, config: MkDocsConfig, to_root: str) -> str:
    """View, download and Colab links to a notebook, from a page `to_root` below the language's
    root in docs/ ("../" for a question page)."""
    current, _ = _languages(config)
    _, view, download, colab = LABELS.get(current, LABELS["en"])
    # The download link is an address, not a file that MkDocs resolves: a page's address is
    # one folder deeper than its file (questions/q01.md -> questions/q01/).
    to_site = f"{to_root}../"
    links = [
        f"[{view}]({to_root}notebooks/{slug}.ipynb)",
        f'<a href="{to_site}notebooks/{slug}/{slug}.ipynb" download>{download}</a>',
    ]
    repo = (config.repo_url or "").rstrip("/")
    if repo.startswith("https://github.com/"):
        owner_repo = repo.removeprefix("https://github.com/")
        published = f"{language_prefix(current)}notebooks/{slug}/{slug}.ipynb"
        links.append(
            f"[{colab}](https://colab.research.google.com/github/{owner_repo}"
            f"/blob/gh-pages/{published})"
        )
    return " · ".join(links)


def _list(config: MkDocsConfig) -> str:
    """Every question that has a notebook, linked to its page, with its notebook's links."""
    current, _ = _languages(config)
    return "\n".join(
        f"{question.number}. [{question.title.split('. ', 1)[-1]}]"
        f"({question.page.as_posix()}): {_links(question.slug, config, '')}"
        for question in questions(current)
        if question.slug in _slugs.get(current, [])
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link a question page to its notebook, just below the page title; list every notebook
    on the page that asks for it."""
    if str(page.file.abs_src_path or "").startswith(str(_folder)):
        page.meta["search"] = {"exclude": True}  # the question page is the one to find
        return markdown
    if placeholders.holds(markdown, LIST):
        return placeholders.fill(markdown, LIST, lambda: _list(config))
    current, _ = _languages(config)
    source = Path(page.file.src_uri)
    is_question = len(source.parts) == 3 and source.parts[1] == "questions"
    if not is_question or source.stem not in _slugs.get(current, []):
        return markdown
    title = LABELS.get(current, LABELS["en"])[0]
    # Links to follow on screen; on paper (print.css) they are nothing to click.
    links = _links(source.stem, config, "../")
    box = f'!!! tip kb-screen-only kb-notebook "{title}"\n    {links}\n'
    lines = markdown.split("\n")
    h1 = next((number for number, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join([*lines[: h1 + 1], "", box, *lines[h1 + 1 :]])


STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
SHARED_STYLE_MIN = 2000  # characters; smaller style blocks stay in the page


def _shared_styles(html: str, url: str) -> tuple[str, dict[str, str]]:
    """Move nbconvert's style sheets (about 600 kB inline on every notebook page) into files a
    browser loads once, without the rules the page cannot use (tools/unused_css.py: 575 kB ->
    about 40 kB). Each block keeps its place, so the cascade is unchanged. Returns the page's
    HTML with links instead, and the files to write (path under the site: CSS).
    """
    depth = url.count("/")  # "notebooks/q05-keras-model/" -> two folders up to the root
    styles: dict[str, str] = {}
    used = unused_css.classes(html)

    def to_file(match: re.Match[str]) -> str:
        css = match.group(1)
        if len(css) < SHARED_STYLE_MIN:
            return match.group(0)
        css = unused_css.prune(css, used)
        if not css:
            return ""
        name = f"assets/stylesheets/notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        styles[name] = css
        return f'<link rel="stylesheet" href="{"../" * depth}{name}">'

    return STYLE.sub(to_file, html), styles
