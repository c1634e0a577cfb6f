"""Material's light/dark switch, without restyling every page twice as it loads.

While it applies a palette, Material sets `data-md-color-switching` on <body>, and its palette
style sheet then turns every transition off (`[data-md-color-switching] *`), so that colours do
not fade. It applies the palette at every page load too, not only at a switch: adding and
removing the attribute made a phone restyle the whole page twice, in the long task after the
first paint that Lighthouse counts as blocking time (README: Speed). The default Material page
that `make audit` compares with has no palette switch, and so does not pay it.

This takes the rule out of the built style sheet. `site.js` turns transitions off on a
reader's switch instead (`kb-palette-switching` on <html>, site.css), when the whole page is
restyled for its new colours anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

SWITCHING_RULE = re.compile(r"\[data-md-color-switching\][^{]*\{[^}]*\}")
# The built copies to clean, found in on_files. Cleaned after the build rather than given new
# content in on_files: mkdocs-static-i18n expects every file to have a source on disk.
_built_sheets: list[Path] = []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sheets = [
        file
        for file in files
        if file.src_uri.startswith("assets/stylesheets/palette.") and file.src_uri.endswith(".css")
    ]
    if not sheets:
        raise SystemExit("hooks/palette.py: the site has no palette style sheet of Material's")
    for sheet in sheets:
        if not SWITCHING_RULE.search(sheet.content_string):
            raise SystemExit(
                f"hooks/palette.py: {sheet.abs_src_path} has no [data-md-color-switching] rule: "
                "Material has changed how it switches palettes; check this hook against it"
            )
    _built_sheets[:] = [Path(sheet.abs_dest_path) for sheet in sheets]
    return files


def on_post_build(config: MkDocsConfig) -> None:
    for sheet in _built_sheets:
        css = sheet.read_text(encoding="utf-8")
        sheet.write_text(SWITCHING_RULE.sub("", css), encoding="utf-8")
