"""Pages generated from the question pages (tools/questions.py), and a build that stops on a
broken question.

- ``<!-- questions: list -->`` (home pages): a numbered link to every question.
- ``<!-- questions: self-test -->`` (self-test pages): every question as the course asks it,
  with its short answer in a collapsed block, and a bar that counts the reader's marks (known,
  to practice more; kept by site.js).
- Each question page with code states the versions its code was last run with
  (snippets/output/versions.json, which the code tests write and check), scikit-learn,
  Matplotlib and Pillow where its code needs them, and what to install to run it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tools import placeholders
from tools import questions as q
from tools.codeblocks import examples
from tools.pages import ROOT, page_language
from tools.versions import verified_with

LIST = "<!-- questions: list -->"
SELF_TEST = "<!-- questions: self-test -->"
IN_CODE = {"sv": "## I kod", "en": "## In code"}


@event_priority(101)  # first: a page without its twin also breaks its quiz file and notebook
def on_pre_build(config: MkDocsConfig) -> None:
    if problems := q.problems():
        raise PluginError("Broken question pages:\n" + "\n".join(problems))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page, config)
    markdown = placeholders.fill(markdown, LIST, lambda: q.home_list(language))
    markdown = placeholders.fill(markdown, SELF_TEST, lambda: q.self_test(language))
    heading = IN_CODE.get(language, "")
    if page.file.src_uri.startswith(f"{language}/questions/") and f"\n{heading}\n" in markdown:
        source = Path(page.file.abs_src_path or "").relative_to(ROOT)
        code = "".join(block.code for example in examples(source) for block in example.blocks)
        line = f'<p class="kb-verified" markdown>{verified_with(language, code)}</p>'
        markdown = markdown.replace(f"\n{heading}\n", f"\n{heading}\n\n{line}\n", 1)
    return markdown
