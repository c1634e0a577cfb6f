"""A warm build (the caches of tools/build_cache.py filled) shows every edit a cold build shows."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.test_site import small_project_copy
from tools import build_cache
from tools.pages import LANGUAGES, ROOT
from tools.site import build

FIXTURE = ROOT / "tests" / "fixtures" / "quiz" / "docs"
PAGE = "questions/q99-fixture.md"
SNIPPET = "snippets/q99_fixture.py"
CODE = f'\n## In code\n\n```python\n--8<-- "{SNIPPET}:hello"\n```\n'
MODULE = """\"\"\"The fixture's module.\"\"\"


def greet() -> str:
    \"\"\"Says hello.\"\"\"
    return "hello"


# --8<-- [start:hello]
print(1)
# --8<-- [end:hello]
"""
# The code reference (hooks/reference.py), of the fixture's module alone: mkdocstrings renders it.
REFERENCE = "# Reference\n\n<!-- reference: snippets -->\n"
# Builds in one process, as `mkdocs serve` rebuilds after a save: its memory caches and the
# disk caches are warm for the later ones, and the edits between them must all show.
REBUILDS = f"""
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
import logging
logging.basicConfig(level=logging.WARNING)  # as the mkdocs command does: a failure says why

def edit(path, old, new):
    Path(path).write_text(Path(path).read_text().replace(old, new))

build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
edit("docs/en/{PAGE}", "The weights", "Their weights")
edit("docs/en/{PAGE}", "exists only in", "is only in")  # the short answer: the Anki deck too
edit("{SNIPPET}", "print(1)", "print(2)")
edit("{SNIPPET}", "Says hello.", "Says hi.")  # the code reference, and its objects.inv entry
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
# The code reference unchanged: kept, with what it registers (objects.inv, autorefs' anchors).
edit("docs/en/{PAGE}", "Their weights", "All their weights")
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
"""


def _different(one: Path, other: Path) -> list[str]:
    found = []
    for path in sorted(one.rglob("*")):
        twin = other / path.relative_to(one)
        if path.suffix == ".gz" or not path.is_file():  # gzip: a time stamp of its own
            continue
        if not twin.is_file() or not filecmp.cmp(path, twin, shallow=False):
            found.append(path.relative_to(one).as_posix())
    return found


def test_a_warm_build_shows_every_edit_as_a_cold_build_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the practice decks' date
    project = small_project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "docs", dirs_exist_ok=True)
    for language in LANGUAGES:
        page = project / "docs" / language / PAGE
        page.write_text(page.read_text(encoding="utf-8") + CODE, encoding="utf-8")
        (project / "docs" / language / "reference.md").write_text(REFERENCE, encoding="utf-8")
    for module in (project / "snippets").glob("q*.py"):
        module.unlink()
    (project / SNIPPET).write_text(MODULE, encoding="utf-8")
    (tmp_path / "tmp-warm").mkdir()
    warm = subprocess.run(
        [sys.executable, "-c", REBUILDS, str(tmp_path / "warm")],
        cwd=project,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp-warm"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert warm.returncode == 0, warm.stderr[-3000:]
    cold = build(tmp_path / "cold", project, tmp=tmp_path / "tmp-cold")
    assert cold.returncode == 0, cold.stderr[-3000:]
    edited = tmp_path / "cold" / "en" / "questions" / "q99-fixture" / "index.html"
    assert "All their weights" in edited.read_text(encoding="utf-8")
    reference = tmp_path / "cold" / "en" / "reference" / "index.html"
    assert "Says hi." in reference.read_text(encoding="utf-8")
    _, entries = (tmp_path / "cold" / "objects.inv").read_bytes().split(b"zlib.\n", 1)
    assert b"snippets.q99_fixture.greet" in zlib.decompress(entries), "not in objects.inv"
    assert _different(tmp_path / "cold", tmp_path / "warm") == [], "stale in the warm build"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_include_syntax_shown_as_text_does_not_make_a_page_render_at_every_rebuild(
    language: str,
) -> None:
    """The contributing guide shows `;--8<-- "..."` (escaped, so not included): a page whose
    includes cannot be told is rendered again at every save, as this one was."""
    config = SimpleNamespace(mdx_configs={"pymdownx.snippets": {"base_path": [str(ROOT)]}})
    guide = (ROOT / "docs" / language / "contributing.md").read_text(encoding="utf-8")
    assert ";--8<--" in guide
    assert build_cache._includes(guide, config) == []  # type: ignore[arg-type]
    included = '```python\n--8<-- "snippets/q05_keras_model.py:model"\n```\n'
    assert [path for path, _ in build_cache._includes(guide + included, config)] == [
        "snippets/q05_keras_model.py"
    ]
