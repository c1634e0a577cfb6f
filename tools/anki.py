"""An Anki deck per language: a card per question, per glossary term and per quiz item.

The deck's and note type's ids and each note's guid come from fixed strings, never random, so
importing a newer deck updates the cards a reader has (keeping their reviews) instead of adding
copies. A note is known by its language and its page slug (questions), glossary anchor (terms)
or key (quiz items): rewording is free, renaming a page, an anchor or an item's id makes a new
card.

Fields are simple HTML made from the pages' Markdown. Links lead to the published site; images
of the language folder (the diagrams) are packed into the deck, so it works offline.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import genanki

from tools.diagrams import phone_name
from tools.published import explained_options, inline_html, resolve, to_html, url
from tools.questions import Question
from tools.quiz import Item
from tools.quiz_html import TEXT as QUIZ_TEXT
from tools.quiz_html import hint

NAMESPACE = "kunskapskontroll/deep-learning"  # changing it makes every card new for readers
GLOSSARY = "glossary.md"
# Per language and kind of note: its tag, its subdeck, its note type, the link on its back.
LABELS = {
    "sv": {
        "question": ("fråga", "Frågor", "Deep learning: fråga", "Läs hela svaret"),
        "term": ("ordlista", "Ordlista", "Deep learning: begrepp", "I ordlistan"),
        "item": ("quiz", "Quiz", "Deep learning: quizfråga", QUIZ_TEXT["sv"]["read"]),
    },
    "en": {
        "question": ("question", "Questions", "Deep learning: question", "Read the whole answer"),
        "term": ("glossary", "Glossary", "Deep learning: term", "In the glossary"),
        "item": ("quiz", "Quiz", "Deep learning: quiz item", QUIZ_TEXT["en"]["read"]),
    },
}
CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45;
        text-align: left; color: #111; background: #fff; max-width: 40em; margin: 0 auto; }
.nightMode.card { color: #eee; background: #222; }
.title, .term { font-size: 1.2em; font-weight: bold; margin-bottom: 0.6em; }
pre { white-space: pre-wrap; font-size: 0.8em; background: rgba(127, 127, 127, 0.12);
      padding: 0.6em; border-radius: 4px; }
code { font-size: 0.9em; }
img { max-width: 100%; height: auto; }
.more { font-size: 0.9em; margin-top: 1em; }
.right { font-weight: bold; }
.why { font-weight: normal; }
"""
# Per kind of note: its fields, its front, and its back: the top, then (below a line) the
# body, then a link to the site.
TEMPLATES = {
    # The course's wording alone in front, as in the exam: a page's title can give the answer
    # away ("11. Transfer learning" above the photo-album question).
    "question": (
        "Number Title Question Answer Link",
        "<div>{{Question}}</div>",
        "{{FrontSide}}",
        '<div class="title">{{Title}}</div>\n<div>{{Answer}}</div>',
    ),
    "term": (
        "Term Definition Link",
        '<div class="term">{{Term}}</div>',
        "{{FrontSide}}",
        "<div>{{Definition}}</div>",
    ),
    # Not {{FrontSide}}: the back lists the options again, each with its verdict.
    "item": (
        "Prompt Options Answer Link",
        "<div>{{Prompt}}</div>\n{{Options}}",
        "<div>{{Prompt}}</div>",
        "{{Answer}}",
    ),
}
DEFINITION = r"\{{\s*#{anchor}\s*\}}\s*\n:[ \t]+(?P<text>[^\n]*(?:\n(?:[ \t]*\n)*[ ]{{4}}[^\n]*)*)"


@dataclass(frozen=True)
class Term:
    term: str  # Markdown: "Dropout (*dropout*)"
    anchor: str  # the entry's id on the glossary page
    definition: str  # Markdown, the whole entry; links relative to the glossary page


def stable_id(*parts: str) -> int:
    """An id for Anki (deck or note type) from fixed strings: in [2**30, 2**31), as genanki asks."""
    digest = hashlib.sha256("/".join(parts).encode("utf-8")).digest()
    return 2**30 + int.from_bytes(digest[:4], "big") % 2**30


def note_guid(language: str, kind: str, key: str) -> str:
    """A note's GUID, from its language, its kind and its slug, anchor or key."""
    return genanki.guid_for(NAMESPACE, language, kind, key)


def terms(glossary_text: str, entries: Iterable[tuple[str, str, str]]) -> list[Term]:
    """The glossary's entries with their whole definitions, the lines indented under an entry
    included. ``entries`` is ``tools.glossary.entries(language)``: (term, anchor, first line)."""
    found = []
    for term, anchor, first in entries:
        match = re.search(DEFINITION.format(anchor=re.escape(anchor)), glossary_text)
        text = match["text"] if match else first
        definition = "\n".join(line.removeprefix("    ") for line in text.splitlines()).strip()
        found.append(Term(term=term, anchor=anchor, definition=definition))
    return found


def _models(language: str) -> dict[str, genanki.Model]:
    models = {}
    for kind, (fields, qfmt, top, back) in TEMPLATES.items():
        _, _, name, more = LABELS[language][kind]
        link = f'<p class="more"><a href="{{{{Link}}}}">{more}</a></p>'
        models[kind] = genanki.Model(
            stable_id(NAMESPACE, "model", kind, language),
            name,
            fields=[{"name": field} for field in fields.split()],
            templates=[
                {"name": name, "qfmt": qfmt, "afmt": f'{top}\n<hr id="answer">\n{back}\n{link}'}
            ],
            css=CSS,
        )
    return models


def item_fields(item: Item, language: str, base: str) -> list[str]:
    """A quiz item as a card: the prompt and the options in the order the site shows them;
    on the back, every option marked right or wrong with its explanation."""
    page = f"questions/{item.slug}.md"
    how_many = hint(item, language)
    prompt = inline_html(item.prompt, page, base) + (how_many and f" <em>{how_many}</em>")
    shown = [item.options[position] for position in item.shown]
    options = "".join(f"<li>{inline_html(option.text, page, base)}</li>" for option in shown)
    answers = f'<ol type="a">{explained_options(item, base)}</ol>'
    link = url(resolve(item.options[item.right[0]].see, page), base)
    return [prompt, f'<ol type="a">{options}</ol>', answers, link]


class _Media:
    """Images of the language folder, under names unique across a reader's whole collection. A
    diagram drawn for a phone too is packed as that drawing (tools/diagrams.py): cards are
    mostly reviewed on a phone, where the wide one's text is 7 px, and a desktop shows it whole."""

    def __init__(self, folder: Path, prefix: str) -> None:
        self.folder, self.prefix = folder, prefix
        self.files: dict[str, bytes] = {}

    def __call__(self, path: str) -> str | None:
        phone = phone_name(path)
        if path.endswith(".svg") and (self.folder / phone).is_file():
            path = phone
        source = self.folder / path
        if not source.is_file():
            return None
        name = f"{self.prefix}-{path.replace('/', '-')}"
        self.files.setdefault(name, source.read_bytes())
        return name


def _notes(
    language: str,
    questions: Iterable[Question],
    glossary: Iterable[Term],
    items: Iterable[Item],
    base: str,
    media: _Media,
) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """(kind, key, fields, tags besides the kind's) of every note."""
    for question in questions:
        page = question.page.as_posix()
        prefix = f"{question.number}. "  # the titles usually carry their number already
        title = question.title if question.title.startswith(prefix) else prefix + question.title
        fields = [
            f"{question.number:02d}",
            html.escape(title),  # plain text, not Markdown ("1. ...")
            to_html(question.wording, page, base, media),
            to_html(f"{question.short_answer}\n\n{question.checklist()}", page, base, media),
            url(page, base),
        ]
        yield "question", question.slug, fields, [f"q{question.number:02d}"]
    for entry in glossary:
        fields = [
            inline_html(entry.term, GLOSSARY, base),
            to_html(entry.definition, GLOSSARY, base, media),
            url(f"{GLOSSARY}#{entry.anchor}", base),
        ]
        yield "term", entry.anchor, fields, []
    for item in items:
        yield "item", item.key, item_fields(item, language, base), [f"q{item.number:02d}"]


def deck(
    language: str,
    name: str,
    questions: Iterable[Question],
    glossary: Iterable[Term],
    items: Iterable[Item],
    base: str,
    folder: Path,
    timestamp: float,
) -> bytes:
    """The ``.apkg`` file of a language's deck.

    ``base`` is the language's address on the published site (``tools.published.base_url``),
    ``folder`` its docs folder (``docs/sv``), where images the text shows are looked up.
    ``timestamp`` dates the notes: Anki replaces a card a reader has only with a newer one.
    """
    models = _models(language)
    # A subdeck per kind, so a learner can study the questions, the terms or the quiz alone.
    parent = genanki.Deck(stable_id(NAMESPACE, "deck", language), name)
    subdecks = {
        kind: genanki.Deck(stable_id(NAMESPACE, "deck", language, f"{kind}s"), f"{name}::{subdeck}")
        for kind, (_, subdeck, _, _) in LABELS[language].items()
    }
    media = _Media(folder, f"deep-learning-{language}")
    for kind, key, fields, tags in _notes(language, questions, glossary, items, base, media):
        note = genanki.Note(
            model=models[kind],
            fields=fields,
            guid=note_guid(language, kind, key),
            tags=["deep-learning", LABELS[language][kind][0], *tags],
        )
        subdecks[kind].add_note(note)
    decks = [parent, *subdecks.values()]
    return _package(decks, media.files, timestamp)


def _package(decks: list[genanki.Deck], media: dict[str, bytes], timestamp: float) -> bytes:
    """The .apkg zip, as genanki's Package.write_to_file writes it, from a database in memory.

    genanki's own writer builds the database in a temporary file (a quarter of a second of
    disk syncs per deck) and stores the zip uncompressed (150 kB, mostly empty pages).
    """
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(decks).write_to_db(
            connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
        )
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    names = {str(index): name for index, name in enumerate(media)}
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as apkg:
        # Entries with a fixed date: the same deck and timestamp give the same bytes.
        for entry, content in [
            ("collection.anki2", database),
            ("media", json.dumps(names).encode("utf-8")),
            *((index, media[name]) for index, name in names.items()),
        ]:
            apkg.writestr(zipfile.ZipInfo(entry), content, compress_type=zipfile.ZIP_DEFLATED)
    return packed.getvalue()
