"""An edit to one of Material's own built style sheets, checked before the build.

Hooks that change a rule of Material's name the sheet and a pattern that must be in it. If the
pattern is missing, Material has changed what the hook relies on, and the build stops with the
hook's name and what to check. The sheet is edited after the build rather than given new content
in `on_files`: mkdocs-static-i18n expects every file to have a source on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import Files


@dataclass
class SheetEdit:
    hook: str  # the hook's file, named in the message
    sheet: str  # how the sheet's path in Material starts, e.g. "assets/stylesheets/main."
    pattern: re.Pattern[str]
    replacement: str
    missing: str  # what a sheet without the pattern means
    built: list[Path] = field(default_factory=list)

    def find(self, files: Files) -> None:
        """Remember the built copies to edit; stop the build if the pattern is not in them."""
        sheets = [
            file
            for file in files
            if file.src_uri.startswith(self.sheet) and file.src_uri.endswith(".css")
        ]
        if not sheets:
            raise SystemExit(f"{self.hook}: the site has no style sheet {self.sheet}*.css")
        for sheet in sheets:
            if not self.pattern.search(sheet.content_string):
                raise SystemExit(f"{self.hook}: {sheet.abs_src_path} {self.missing}")
        self.built[:] = [Path(sheet.abs_dest_path) for sheet in sheets]

    def apply(self) -> None:
        for sheet in self.built:
            css = sheet.read_text(encoding="utf-8")
            sheet.write_text(self.pattern.sub(self.replacement, css), encoding="utf-8")
