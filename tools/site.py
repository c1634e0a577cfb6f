"""Build the site the way CI and the hosting do, or a copy of the project to build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tools.pages import PROJECT_PARTS, ROOT


def build(
    site_dir: Path, project: Path = ROOT, tmp: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on a project folder; never raises on a failed build.
    `tmp`: a $TMPDIR of its own, so that another tree's build caches are not used."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if tmp is not None:
        tmp.mkdir(parents=True, exist_ok=True)
        env["TMPDIR"] = str(tmp)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


# The 404 page at its own address, where it is served with status 200: Lighthouse refuses a
# 404 status, and a browser logs one as an error.
NOT_FOUND_PAGE = "404.html"


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as paths below its root ("", "en/questions/x/"), sorted."""
    folders = [html.parent.relative_to(site) for html in site.rglob("index.html")]
    return sorted(
        "" if folder == Path() else f"{folder.as_posix()}/"
        for folder in folders
        if not (folder.parts and folder.parts[0] in {"assets", "search"})
    )


def built(site_dir: Path, project: Path = ROOT, tmp: Path | None = None) -> Path:
    """`build` for a script: a failed build stops it with mkdocs' errors."""
    result = build(site_dir, project, tmp)
    if result.returncode:
        raise SystemExit(f"mkdocs build --strict failed in {project}:\n{result.stderr}")
    return site_dir


def given_or_built(site: Path | None, folder: Path) -> Path:
    """A built site given on the command line, or else the project built into `folder`/site."""
    return site if site is not None else built(folder / "site")


def copy_project(target: Path, parts: Iterable[str] = PROJECT_PARTS, source: Path = ROOT) -> Path:
    """What a build needs from a project (`parts` of `source`), copied into `target` without
    caches."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, target / part)
    return target


@contextmanager
def worktree(revision: str | None, scratch: Path) -> Iterator[Path | None]:
    """REV checked out in a temporary worktree, removed afterwards (None: no baseline)."""
    if revision is None:
        yield None
        return
    path = scratch / "baseline"
    git = ["git", "-C", str(ROOT)]
    subprocess.run([*git, "worktree", "add", "--detach", str(path), revision], check=True)
    try:
        yield path
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(path)], check=False)
        subprocess.run([*git, "worktree", "prune"], check=False)
