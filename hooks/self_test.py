"""The self-test page: every question, with its short answer hidden until the reader opens it.

docs/<language>/self-test.md holds the line ``<!-- self-test: questions -->``; this hook
replaces it with each question page's title, its question box (code included, as in the
course) and its short-answer section in a collapsed block. The answers live once, on the
question pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

DOCS = Path(__file__).resolve().parent.parent / "docs"
PLACEHOLDER = "<!-- self-test: questions -->"
SHORT_ANSWER = {"sv": "Kort svar", "en": "Short answer"}
ANSWER = {"sv": "Svar", "en": "Answer"}
READ_MORE = {"sv": "Läs hela svaret", "en": "Read the whole answer"}
QUESTION_BOX = re.compile(r"^!!! question[^\n]*\n((?:(?: {4}[^\n]*)?\n)+)", re.MULTILINE)
LINK = re.compile(r"\]\((?!https?://|#)([^)]+)\)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1).strip() if match else ""


def _from_self_test(target: str) -> str:
    """A link written on a question page, as seen from the self-test page one folder up."""
    return target.removeprefix("../") if target.startswith("../") else f"questions/{target}"


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.splitlines())


def questions(language: str) -> str:
    """The question blocks of a language, as Markdown."""
    blocks = []
    for page in sorted((DOCS / language / "questions").glob("*.md")):
        text = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"))
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
        box = QUESTION_BOX.search(text)
        question = "\n".join(line[4:] for line in box.group(1).splitlines()) if box else ""
        answer = _section(text, SHORT_ANSWER[language])
        answer = LINK.sub(lambda m: f"]({_from_self_test(m.group(1))})", answer)
        link = f"[{READ_MORE[language]}](questions/{page.name})"
        blocks.append(
            f"## {title}\n\n{question.strip()}\n\n"
            f'??? success "{ANSWER[language]}"\n{_indented(answer)}\n\n    {link}\n'
        )
    return "\n".join(blocks)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if PLACEHOLDER not in markdown:
        return markdown
    language = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    return markdown.replace(PLACEHOLDER, questions(language))
