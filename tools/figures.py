"""Figures drawn by page code: the committed copy must be what the code draws now."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from tools.pages import ROOT

OUTPUT = ROOT / "snippets" / "output"
SHOWN = re.compile(r"assets/output/([\w.-]+\.png)")
# Root-mean-square difference (0-255 scale) below which two renderings count as the same
# figure: training curves may move by a hair between CPUs, a changed figure moves far more.
TOLERANCE = 6.0


def shown_on(page: Path) -> set[str]:
    """Names of the figures a page shows from snippets/output."""
    return set(SHOWN.findall((ROOT / page).read_text(encoding="utf-8")))


def missing_figures(pages: Sequence[Path], root: Path = ROOT) -> list[str]:
    """Each figure that `pages` show from snippets/output but that is not there, as
    "page:line: ..." (the notebooks, which carry the figures, would stop the build on it with a
    bare FileNotFoundError)."""
    found = []
    for page in pages:
        lines = (root / page).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            found += [
                f"{page.as_posix()}:{number}: shows {name}, which is not in snippets/output; "
                "`make outputs` saves there what the page's code draws"
                for name in SHOWN.findall(line)
                if not (root / "snippets" / "output" / name).is_file()
            ]
    return found


def check_drawn(folder: Path, names: set[str], update: bool) -> list[str]:
    """Compare the PNGs the code wrote into `folder` with their committed copies.

    `names` are the figures that the code saves (pages show them); each must have been drawn.

    Returns problems as messages; with `update`, copies the new drawings over instead.
    """
    from matplotlib.testing.compare import compare_images

    problems = []
    for name in sorted(names):
        drawn, committed = folder / name, OUTPUT / name
        if not drawn.exists():
            problems.append(f"{name}: the code that saves it ran but did not draw it")
        elif update:
            shutil.copyfile(drawn, committed)
        elif not committed.exists():
            problems.append(f"snippets/output/{name} is missing; run `make outputs`")
        else:
            difference = compare_images(
                str(committed), str(drawn), tol=TOLERANCE, in_decorator=True
            )
            if difference is not None:
                problems.append(
                    f"snippets/output/{name} is not what the code draws now (RMS difference "
                    f"{difference['rms']:.1f} > {TOLERANCE}); if the new figure is right, run "
                    "`make outputs`"
                )
    return problems
