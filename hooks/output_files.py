"""Publish the figures that snippets draw (snippets/output/*.png) next to each language's pages,
and stop the build, naming page and line, where a page includes a file, or shows a figure, that
does not exist.

Pages show them as ``![...](../assets/output/q06_curves.png)``. The files live once, in
snippets/output/, beside the text outputs; the tests check they are what the code draws.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from tools.codeblocks import missing_includes
from tools.figures import OUTPUT, missing_figures
from tools.pages import all_pages

PUBLISHED = {".png", ".svg"}


@event_priority(100)  # before the notebooks hook expands the pages' includes
def on_pre_build(config: MkDocsConfig) -> None:
    pages = all_pages()
    if missing := missing_includes(pages) + missing_figures(pages):
        raise PluginError("Includes and figures that point nowhere:\n" + "\n".join(missing))


@event_priority(-100)  # after mkdocs-static-i18n has chosen this build's language and files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", "")
    default = getattr(i18n, "default_language", "")
    for figure in sorted(path for path in OUTPUT.iterdir() if path.suffix in PUBLISHED):
        dest = f"assets/output/{figure.name}"
        if language and language != default:
            dest = f"{language}/{dest}"
        generated = File.generated(
            config, f"{language}/assets/output/{figure.name}", abs_src_path=str(figure)
        )
        generated.dest_uri = dest
        generated.abs_dest_path = str(Path(config.site_dir) / dest)
        generated.url = dest
        files.append(generated)
    return files
