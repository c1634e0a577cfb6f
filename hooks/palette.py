"""Material's light/dark switch, without restyling every page twice as it loads.

While it applies a palette, Material sets `data-md-color-switching` on <body>, and its palette
style sheet then turns every transition off (`[data-md-color-switching] *`), so that colours do
not fade. It applies the palette at every page load too, not only at a switch: adding and
removing the attribute made a phone restyle the whole page twice, in the long task after the
first paint that Lighthouse counts as blocking time (README: what each change bought). The
default Material page that `make audit` compares with has no palette switch, and so does not
pay it.

This takes the rule out of the built style sheet. `site.js` turns transitions off on a
reader's switch instead (`kb-palette-switching` on <html>, site.css), when the whole page is
restyled for its new colours anyway.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from tools.material_css import SheetEdit

NO_FADE_WHILE_SWITCHING = SheetEdit(
    hook="hooks/palette.py",
    sheet="assets/stylesheets/palette.",
    pattern=re.compile(r"\[data-md-color-switching\][^{]*\{[^}]*\}"),
    replacement="",
    missing="has no [data-md-color-switching] rule: Material has changed how it switches "
    "palettes; check this hook against it",
)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    NO_FADE_WHILE_SWITCHING.find(files)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    NO_FADE_WHILE_SWITCHING.apply()
