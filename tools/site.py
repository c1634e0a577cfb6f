"""Build the site the way CI and the hosting do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools.pages import ROOT


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on a project folder; never raises on a failed build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def given_or_built(site: Path | None, folder: Path) -> Path:
    """A built site given on the command line, or else the project built into `folder`/site.
    A failed build stops the script with mkdocs' errors."""
    if site is not None:
        return site
    site = folder / "site"
    result = build(site)
    if result.returncode:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stderr}")
    return site
