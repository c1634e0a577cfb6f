"""The quiz: short questions about each question page, every option with its explanation.

The items of a question live beside its page, one file per language:
``docs/<language>/questions/<page-stem>.quiz.yml`` (``tools/quiz.schema.json`` describes it)::

    items:
      - id: what-training-changes      # kebab-case, unique in the file, the same in both languages
        multiple: false                # true: choose all that apply
        prompt: Vilka tal ändrar `fit` under träningen?
        options:
          - text: Vikterna och biasvärdena
            correct: true
            why: En eller två meningar.
            see: "#parametrar-det-modellen-lar-sig"   # or "q04-train-validation-test.md#anchor"

The question pages (``hooks/quiz.py``), the quiz page and the practice exports are made from
what ``load`` (or ``by_question``) returns. ``problems`` lists everything wrong with the files
of all languages.
"""

from __future__ import annotations

import difflib
import functools
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import markdown
import yaml

from tools import markdown_reader
from tools.pages import DOCS, LANGUAGES

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where installed
SCHEMA = Path(__file__).with_name("quiz.schema.json")
SUFFIX = ".quiz.yml"
LINK = re.compile(r"\]\(([^)\s]+)\)")
FILE_NAME = re.compile(r"q\d{2}-[a-z0-9-]+\.md")
# Moodle scores a single answer among at most six options with a penalty its form offers, 1/(n - 1)
# (tools/moodle.py); more options than that make no better quiz item.
MOST_OPTIONS = 6


class QuizError(ValueError):
    """Quiz data that is broken; the message names the file, the item and what is wrong."""


@dataclass(frozen=True)
class Option:
    text: str  # inline Markdown
    correct: bool
    why: str  # inline Markdown: why this option is right or wrong
    see: str  # "#anchor" on the item's page, or "qNN-slug.md#anchor"


@dataclass(frozen=True)
class Item:
    id: str  # unique per question, the same in both languages
    number: int  # the question's number (from the file name)
    slug: str  # the question page's stem: q03-parameters-hyperparameters
    multiple: bool  # choose all that apply
    prompt: str  # inline Markdown
    options: tuple[Option, ...]

    @property
    def key(self) -> str:
        """Unique across the site: ``q03-parameters-hyperparameters/what-training-changes``."""
        return f"{self.slug}/{self.id}"

    @property
    def right(self) -> tuple[int, ...]:
        """The positions (from 0) of the right options."""
        return tuple(index for index, option in enumerate(self.options) if option.correct)

    @property
    def shown(self) -> tuple[int, ...]:
        """The options' positions in the order readers see them. Authors tend to write the
        right answer first; shuffled by the key, the order is the same on every build and in
        both languages, on the site and in the Moodle file (where a quiz may shuffle them again)."""
        order = list(range(len(self.options)))
        random.Random(self.key).shuffle(order)
        return tuple(order)


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def heading_ids(page: Path) -> set[str]:
    """The ids of a page's headings, as on the site: explicit ``{ #id }`` attributes count,
    and a repeated heading gets ``_1``, ``_2``..."""
    return set(headings(page))


def headings(page: Path) -> dict[str, str]:
    """A page's headings: id -> text (as the table of contents shows it)."""
    return dict(_headings(page, page.stat().st_mtime_ns))


@functools.cache
def _headings(page: Path, _mtime: int) -> tuple[tuple[str, str], ...]:
    # Only the heading lines go through Python-Markdown (toc and attr_list, as on the site):
    # the same ids, without rendering the page's prose and highlighting its code.
    lines = [heading.source for heading in markdown_reader.read(page).headings]
    converter = markdown.Markdown(extensions=["toc", "attr_list"])
    converter.convert("\n\n".join(lines))

    def walk(tokens: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [
            found
            for token in tokens
            for found in [(token["id"], token["name"]), *walk(token["children"])]
        ]

    return tuple(walk(converter.toc_tokens))  # type: ignore[attr-defined]


def _name(docs: Path, language: str, stem: str) -> str:
    """A quiz file as the messages name it: docs/<language>/questions/<stem>.quiz.yml."""
    return f"{docs.name}/{language}/questions/{stem}{SUFFIX}"


def _label(data: dict[str, Any], at: list[Any]) -> str:
    """Where in a file's items a schema error is: item 'some-id', option 2."""
    item = data["items"][at[1]]
    name = item.get("id") if isinstance(item, dict) else None
    label = f"item {name!r}" if isinstance(name, str) else f"item {at[1] + 1}"
    if len(at) >= 4 and at[2] == "options":
        label += f", option {at[3] + 1}"
    return label


def _target(page: Path, target: str) -> tuple[Path, str]:
    """The page and the anchor a link from a question page leads to ("#a", "q04-x.md#a")."""
    name, _, anchor = target.partition("#")
    return (page.with_name(name) if name else page), anchor


def _target_problem(page: Path, target: str, language: str) -> str:
    """What is wrong with a link from a question page ("#a", "q04-x.md#a"), or ""."""
    target_page, anchor = _target(page, target)
    if not FILE_NAME.fullmatch(target_page.name) or not target_page.is_file():
        return (
            f"{target}, but there is no question page {target_page.name} in "
            f"docs/{language}/questions"
        )
    if anchor and anchor not in (ids := heading_ids(target_page)):
        hint = _twin_hint(target_page, anchor) or _near_hint(anchor, ids)
        return f"#{anchor}, which is not a heading of {target_page.name}{hint}"
    return ""


def _near_hint(anchor: str, ids: set[str]) -> str:
    """The heading id closest to a mistyped one: ids drop accents ("för" -> "for")."""
    near = difflib.get_close_matches(anchor, sorted(ids), n=1)
    return f"; did you mean #{near[0]}?" if near else ""


def _twin_hint(page: Path, anchor: str) -> str:
    """Where `anchor` is a heading's id on the page's translation: that heading's id here
    (a `see` copied from the other language's file). The pages' headings run in step."""
    own = list(headings(page))
    for twin in sorted(page.parents[1].parent.glob(f"*/questions/{page.name}")):
        ids = list(headings(twin))
        if twin != page and anchor in ids and len(ids) == len(own):
            here = own[ids.index(anchor)]
            return (
                f"; it is the id of this heading in {twin.parents[1].name}, and here it is "
                f"#{here}: point to that, or, if you renamed the heading, keep its old id: "
                f"`## New words {{ #{anchor} }}`"
            )
    return ""


def _link_problems(place: str, text: str, page: Path, language: str) -> list[str]:
    """Broken links to question pages in an item's Markdown (other links are not checked)."""
    found = []
    for target in LINK.findall(text):
        if not re.match(r"[a-z][a-z0-9+.-]*:", target):  # not https:, mailto: ...
            wrong = _target_problem(page, target, language)
            if wrong:
                found.append(f"{place}: a link points to {wrong}")
    return found


def _read(path: Path, language: str, docs: Path) -> tuple[list[Item], list[str]]:
    """The items of one file, and everything wrong with it."""
    stem = path.name.removesuffix(SUFFIX)
    where = _name(docs, language, stem)
    match = re.fullmatch(r"q(\d{2})-[a-z0-9-]+", stem)
    page = path.with_name(f"{stem}.md")
    if not match or not page.is_file():
        return [], [f"{where}: there is no question page {stem}.md beside it"]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as error:
        return [], [
            f"{where}: not valid YAML: {error}\n(a value that holds ': ' or starts with a "
            "backtick goes in single quotes, a ' inside written '': why: 'Only on average: ...')"
        ]
    errors = sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path))
    found = []
    invalid: set[int] = set()  # items that do not match the schema: checked no further
    for error in errors:
        at = list(error.absolute_path)
        if len(at) < 2 or at[0] != "items":  # (sorted first) not a list of items at all
            return [], [f"{where}: {error.message}"]
        blank = error.validator == "pattern" and error.validator_value == r"\S"
        message = f"{at[-1]!r} is blank" if blank else error.message
        if error.validator == "type" and error.instance is None:
            message = f"{at[-1]!r} is empty" if isinstance(at[-1], str) else "it is empty"
            if at[-1] == "see":  # `see: #rate` is YAML for an empty value and a comment
                message += " (unquoted, YAML reads `#...` as a comment: write see: '#heading-id')"
        found.append(f"{where}: {_label(data, at)}: {message}")
        invalid.add(at[1])

    items = []
    seen: set[str] = set()
    for position, raw in enumerate(data["items"]):
        if position in invalid:
            continue
        name = raw["id"]
        label = f"{where}: item {name!r}"
        if name in seen:
            found.append(f"{label}: the id is used twice in this file")
        seen.add(name)
        multiple = raw.get("multiple", False)
        options = tuple(Option(**option) for option in raw["options"])  # the schema's 4 keys
        right = sum(option.correct for option in options)
        if right == 0:
            found.append(f"{label}: no option is right (`correct: true`)")
        if right == len(options):
            found.append(f"{label}: every option is right; at least one must be wrong")
        if len(options) > MOST_OPTIONS:
            found.append(f"{label}: {len(options)} options; at most {MOST_OPTIONS}")
        if not multiple and right > 1:
            found.append(
                f"{label}: {right} options are right, but `multiple: false` takes exactly one "
                "(set `multiple: true` for choose-all-that-apply)"
            )
        found += _link_problems(f"{label}: prompt", raw["prompt"], page, language)
        for number, option in enumerate(options, start=1):
            place = f"{label}, option {number}"
            wrong = _target_problem(page, option.see, language)
            if wrong:
                found.append(f"{place}: 'see' points to {wrong}")
            for field in ("text", "why"):
                found += _link_problems(f"{place}: {field}", getattr(option, field), page, language)
        items.append(Item(name, int(match[1]), stem, multiple, raw["prompt"], options))
    return items, found


Read = dict[str, dict[str, list[Item]]]  # language -> page stem -> its items


def _twins(read: Read, docs: Path) -> list[str]:
    """Where the languages differ: item ids and their order, options, right answers."""
    found = []
    first, *others = list(read)
    for other in others:
        for stem in sorted(set(read[first]) & set(read[other])):
            where = _name(docs, other, stem)
            ours, theirs = read[first][stem], read[other][stem]
            ids, their_ids = [i.id for i in ours], [i.id for i in theirs]
            if ids != their_ids:
                found.append(
                    f"{where}: the item ids differ from {_name(docs, first, stem)} "
                    f"(the same ids in the same order): {their_ids} against {ids}"
                )
                continue
            for mine, twin in zip(ours, theirs, strict=True):
                label = f"{where}: item {mine.id!r}"
                if len(mine.options) != len(twin.options):
                    found.append(
                        f"{label}: {len(twin.options)} options, but {len(mine.options)} in {first}"
                    )
                elif mine.right != twin.right:
                    found.append(
                        f"{label}: the right options are {[n + 1 for n in twin.right]}, "
                        f"but {[n + 1 for n in mine.right]} in {first}"
                    )
                elif mine.multiple != twin.multiple:
                    found.append(f"{label}: `multiple` differs from {first}")
                else:  # the site orders options by position: the same in both languages
                    pairs = zip(mine.options, twin.options, strict=True)
                    for number, (option, twin_option) in enumerate(pairs, 1):
                        here = _section(docs / first, stem, option.see)
                        there = _section(docs / other, stem, twin_option.see)
                        if here and there and here != there:
                            found.append(
                                f"{label}, option {number}: its 'see' leads to another section "
                                f"than option {number} in {first}: are the options in the same "
                                "order?"
                            )
                            break
    return found


def _section(language_docs: Path, stem: str, see: str) -> tuple[str, int] | None:
    """The page and the number of the heading that a `see` leads to (None: no such heading)."""
    target, anchor = _target(language_docs / "questions" / f"{stem}.md", see)
    ids = list(headings(target)) if target.is_file() else []
    return (target.name, ids.index(anchor)) if anchor in ids else None


def _check(docs: Path) -> tuple[Read, dict[str, list[str]]]:
    """Every language's items and problems (by language; "" for the differences between them).

    Read again only when a quiz file or a question page's headings (what its links and `see`
    can lead to) have changed: the build asks once per page, and `mkdocs serve` rebuilds after
    every edit.
    """
    stamp = tuple(
        (path, tuple(headings(path).items()) if path.suffix == ".md" else path.stat().st_mtime_ns)
        for language in LANGUAGES
        for path in sorted((docs / language / "questions").glob("q*"))
    )
    return _checked(docs, stamp)


@functools.lru_cache(maxsize=4)
def _checked(
    docs: Path, _stamp: tuple[tuple[Path, object], ...]
) -> tuple[Read, dict[str, list[str]]]:
    read: Read = {}
    clean: Read = {}  # the files that read without a problem
    found: dict[str, list[str]] = {}
    for language in LANGUAGES:
        read[language], clean[language], found[language] = {}, {}, []
        for path in sorted((docs / language / "questions").glob(f"*{SUFFIX}")):
            stem = path.name.removesuffix(SUFFIX)
            read[language][stem], wrong = _read(path, language, docs)
            found[language] += wrong
            if not wrong:
                clean[language][stem] = read[language][stem]
    # Files one language lacks, whether or not they read cleanly; then the differences between
    # the files that do (a broken file is reported once).
    found[""] = [
        f"{_name(docs, other, stem)} is missing: "
        f"{_name(docs, language, stem)} has no twin in {other}"
        for language in LANGUAGES
        for other in LANGUAGES
        for stem in sorted(set(read[language]) - set(read[other]))
    ] + _twins(clean, docs)
    return read, found


def problems(docs: Path = DOCS) -> list[str]:
    """Every problem in all quiz files of all languages, as messages (empty: all is fine)."""
    _, found = _check(docs)
    return [message for language in [*LANGUAGES, ""] for message in found[language]]


def by_question(language: str, docs: Path = DOCS) -> dict[str, list[Item]]:
    """The items of a language by question page stem, in question order; validated.

    Raises QuizError listing the problems of this language's files and any difference from
    the other language.
    """
    read, found = _check(docs)
    wrong = found[language] + found[""]
    if wrong:
        raise QuizError("\n".join(wrong))
    return dict(read[language])  # read in the order of the file names


def load(language: str, docs: Path = DOCS) -> list[Item]:
    """Every item of every question of a language, in question order; validated (QuizError)."""
    return [item for items in by_question(language, docs).values() for item in items]
