"""A diagram drawn twice: for a page's width, and for a phone's.

The diagrams (docs/<language>/diagrams/*.svg) are drawn 640 units wide. A phone shows the page
about 330 px wide, and their text at 7 px. So a diagram may have a second drawing beside it,
`<name>.phone.svg`, 340 units wide and taller, which a phone shows instead: the page's image
becomes a <picture> that picks it below Material's tablet width (hooks/diagrams.py). A notebook
page's diagram, embedded in the notebook, gets the published phone drawing the same way.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from tools.pages import DOCS, LANGUAGES

PHONE = ".phone.svg"
# Material's breakpoint below which the page loses its side columns (site.css uses it too):
# there the page is narrower than the wide drawing. On a screen only: printed from a phone, the
# tall drawing came out 4.3 cm wide on A4, under the exam sheet's 7 cm height (print.css).
NARROW = "screen and (max-width: 44.984375em)"
IMAGE = re.compile(r'<img\b[^>]*\bsrc="(?P<src>[^"]+)"[^>]*>')
EMBEDDED = "data:image/svg+xml;base64,"


def folder(language: str) -> Path:
    return DOCS / language / "diagrams"


def phone_name(name: str) -> str:
    """The phone drawing's file name of a diagram's ("q10-cnn.svg" -> "q10-cnn.phone.svg")."""
    return name.removesuffix(".svg") + PHONE


def unpaired() -> list[str]:
    """Phone drawings without the wide drawing they stand in for, or without their twin in
    each other language."""
    found = []
    for language in LANGUAGES:
        for phone in sorted(folder(language).glob(f"*{PHONE}")):
            wide = phone.with_name(phone.name.removesuffix(PHONE) + ".svg")
            if not wide.is_file():
                found.append(f"{phone.relative_to(DOCS.parent)}: no {wide.name} beside it")
            for other in LANGUAGES:
                if not (folder(other) / phone.name).is_file():
                    found.append(f"{phone.relative_to(DOCS.parent)}: no twin in {other}")
    return found


def _phone_name(src: str, language: str) -> str | None:
    """The phone drawing of the diagram an image shows (by its file, or by its content where a
    notebook embeds it), or None."""
    if src.startswith(EMBEDDED):
        embedded = base64.b64decode(src.removeprefix(EMBEDDED))
        wide = next(
            (path for path in folder(language).glob("*.svg") if path.read_bytes() == embedded),
            None,
        )
        name = wide.name if wide else ""
    else:
        name = src.rsplit("/", 1)[-1] if "diagrams/" in src else ""
    phone = phone_name(name)
    return phone if name and (folder(language) / phone).is_file() else None


def for_phones(html: str, language: str, to_diagrams: str) -> str:
    """Each image of a diagram that has a phone drawing, as a <picture> that shows that one on a
    narrow screen; `to_diagrams` leads from the page to its language's diagrams/ folder."""

    def picture(image: re.Match[str]) -> str:
        phone = _phone_name(image["src"], language)
        if phone is None:
            return image[0]
        source = f'<source media="{NARROW}" srcset="{to_diagrams}{phone}">'
        return f"<picture>{source}{image[0]}</picture>"

    return IMAGE.sub(picture, html)
