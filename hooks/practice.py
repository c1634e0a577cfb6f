"""Practice material to take away, made in each language's build (never committed):

- ``practice/deep-learning-<language>.apkg``: an Anki deck (``tools/anki.py``);
- ``practice/moodle-quiz-<language>.xml``: the quiz for Moodle (``tools/moodle.py``);
- the exam sheet: ``docs/<language>/exam-sheet.md`` holds a placeholder that this hook fills
  with every question (``tools/exam_sheet.py``).

The files sit beside the language's pages (``/practice/...`` in Swedish, ``/en/practice/...``
in English) and are registered with MkDocs, so links to them are checked like any other.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp

from tools import anki, exam_sheet, moodle, placeholders, quiz
from tools.build_cache import folder_digest, kept
from tools.glossary import entries
from tools.pages import DOCS, language_prefix
from tools.published import base_url
from tools.questions import questions


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", "") or config.theme.get("language", "en")


def _glossary(language: str) -> str:
    """The glossary page's text; a site without one (a small test project) gets a deck of
    questions only."""
    page = DOCS / language / anki.GLOSSARY
    return page.read_text(encoding="utf-8") if page.exists() else ""


def files_of(language: str, site_name: str, site_url: str) -> dict[str, bytes]:
    """The practice files of a language, by name under ``practice/``."""
    base = base_url(site_url, language)
    found = questions(language)
    terms = anki.terms(_glossary(language), entries(language))
    items = quiz.load(language)
    by_number = {question.number: question for question in found}
    # Dated like MkDocs' sitemap: $SOURCE_DATE_EPOCH where set (the publishing workflow sets
    # the last commit's time), so the same sources give the same deck, byte for byte.
    timestamp = get_build_timestamp()
    deck = anki.deck(language, site_name, found, terms, items, base, DOCS / language, timestamp)
    return {
        f"deep-learning-{language}.apkg": deck,
        f"moodle-quiz-{language}.xml": moodle.quiz(
            language, items, by_number, base, timestamp, DOCS / language
        ),
    }


@event_priority(-100)  # after mkdocs-static-i18n has chosen this build's language and files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    site_name, site_url = config.site_name, config.site_url or "/"
    # Made again only when what they hold changes: the questions (their wording, short answers
    # and points), the glossary, the quiz files and the pictures (`mkdocs serve` rebuilds after
    # each save, mostly of a page's text below its points); an unchanged deck keeps the date of
    # its notes.
    inputs = (
        ("practice", language, site_name, site_url),
        questions(language),
        _glossary(language),
        folder_digest(DOCS / language, skip_suffix=".md"),
    )
    made = kept(inputs, lambda: files_of(language, site_name, site_url))
    for name, content in made.items():
        dest = f"{language_prefix(language)}practice/{name}"
        generated = File.generated(config, f"{language}/practice/{name}", content=content)
        generated.dest_uri = dest  # its url and abs_dest_path follow, made when first read
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not placeholders.holds(markdown, exam_sheet.PLACEHOLDER):
        return markdown
    language = getattr(page.file, "locale", None) or _language(config)
    base = base_url(config.site_url or "/", language)
    return exam_sheet.fill(markdown, questions(language), base)
