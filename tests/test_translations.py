"""Both languages are first-class: every page exists in each, with the same blocks, the same
code (and the same pytest-codeblocks markers before it) and the same figures."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tools import exam_sheet, markdown_reader, quiz
from tools.pages import DOCS, LANGUAGES, ROOT, pages

ORIGINAL, *TRANSLATIONS = LANGUAGES
# How a language writes a figure: (a number, its grouping marks, its decimal mark). Swedish
# 0,26 and 19 000, English 0.26 and 19,000; a version or section (3.15.1, 5.3) is written alike.
FIGURES = {
    "sv": (r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:,\d+)?", " \u00a0\u202f", ","),
    "en": (r"\d{1,3}(?:,\d{3})+(?!\d)|\d+", ",", "."),
}
# A number's plural is a word, not a figure: "1s", "the 2020s", "1970- och 1980-talen" ("ettor"
# in Swedish).
PLURAL = r"\b\d+(?:s\b|-tal\w*|-(?=\s))"
VERSION = r"\d+(?:\.\d+)+"
# A skip's or an xfail's reason is written in its page's language: its words are not compared.
REASON = re.compile(r"""\breason=(?:"[^"]*"|'[^']*')""")


def different_blocks(original: Path, translated: Path) -> str:
    """Where the two pages' blocks (paragraphs, list items, headings, boxes, code) stop
    matching, named by file and line; '' where they match. Headings are compared by level:
    their words are translated."""
    mine, theirs = (markdown_reader.read(path).structure for path in (original, translated))
    shape = [[(block.kind, block.depth) for block in side] for side in (mine, theirs)]
    matcher = difflib.SequenceMatcher(a=shape[0], b=shape[1], autojunk=False)
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        # An extra block among others of its kind could be any of them: name them all.
        extra = set(shape[0][start:end] + shape[1][other_start:other_end])
        among_its_kind = tag != "replace" and len(extra) == 1
        if among_its_kind:
            start, end = _widened(shape[0], start, end, *extra)
            other_start, other_end = _widened(shape[1], other_start, other_end, *extra)
        note = "  (blocks of one kind in a row: the extra one may be any of them)\n"
        return (
            "their blocks differ from here:\n"
            f"  {_at(original, mine, start, end)}\n"
            f"  {_at(translated, theirs, other_start, other_end)}\n"
            f"{note if among_its_kind else ''}"
            "A translation has every paragraph, list item, box and code block of its page, in "
            "the same order: add the missing one to the other page too (or ask for its "
            "translation in your pull request)."
        )
    return ""


def _widened(
    shape: list[tuple[str, int]], start: int, end: int, kind: tuple[str, int]
) -> tuple[int, int]:
    """[start, end) widened over the neighbouring blocks of that kind and depth."""
    while start > 0 and shape[start - 1] == kind:
        start -= 1
    while end < len(shape) and shape[end] == kind:
        end += 1
    return start, end


def _at(path: Path, blocks: list[markdown_reader.Block], start: int, end: int) -> str:
    if start == end:
        line = blocks[min(start, len(blocks) - 1)].line if blocks else 1
        return f"{_name(path)}:{line}: nothing"
    first, last = blocks[start].line, blocks[end - 1].line
    what = ", ".join(block.kind for block in blocks[start:end])
    return f"{_name(path)}:{first}{f'-{last}' if last != first else ''}: {what}"


def markers(path: Path) -> list[tuple[int, list[str]]]:
    """Each code block's line and the pytest-codeblocks markers above it (cont, skip, skipif,
    expected-output, ...), a reason's words left out."""
    found: list[tuple[int, list[str]]] = []
    pending: list[str] = []
    for block in markdown_reader.read(path).blocks:
        if isinstance(block, markdown_reader.Comment) and block.text.startswith("pytest"):
            pending.append(REASON.sub('reason="..."', block.text))
        elif isinstance(block, markdown_reader.Fence):
            found.append((block.line, pending))
            pending = []
    return found


def different_markers(original: Path, translated: Path) -> str:
    """The first code block whose markers differ between the two pages, named by file and line
    in each; '' where they match. The markers decide how the tests run the block and check
    its output, so a translation runs it the same way."""
    for number, ((line, mine), (their_line, theirs)) in enumerate(
        zip(markers(original), markers(translated), strict=False), 1
    ):
        if mine != theirs:
            return (
                f"code block {number} has different markers before it:\n"
                f"  {_name(original)}:{line}: {mine}\n"
                f"  {_name(translated)}:{their_line}: {theirs}\n"
                "A block is run, skipped and checked the same way in both languages: give it "
                "the same markers in both pages (only a reason's words are translated)."
            )
    return ""


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def missing_translations(docs: Path, languages: tuple[str, ...]) -> list[str]:
    """Pages that exist in one language folder but not in another, as messages."""
    found = {
        language: {p.relative_to(docs / language) for p in (docs / language).rglob("*.md")}
        for language in languages
    }
    every_page = set().union(*found.values())
    return [
        f"{(docs / language / page).as_posix()} is missing "
        f"(it exists in {', '.join(other for other in languages if page in found[other])})"
        for language in languages
        for page in sorted(every_page - found[language])
    ]


def test_every_page_exists_in_every_language() -> None:
    missing = missing_translations(DOCS, LANGUAGES)
    assert not missing, "\n".join(missing)


# The boxes of a question page whose titles are set words (docs/*/contributing.md), in each
# language; an exercise's title goes on after its word. The question box's is the one the exam
# sheet writes.
BOX_TITLES = {
    language: {"question": exam_sheet.LABELS[language]["question"], **others}
    for language, others in {
        "sv": {"example": "Övning: …", "success": "Lösning"},
        "en": {"example": "Exercise: …", "success": "Solution"},
    }.items()
}
BOX = re.compile(r'\s*(?:!!!|\?\?\?\+?) \w+(?: "(.*)")?\s*$')


def test_the_question_exercise_and_solution_boxes_are_titled_in_the_pages_language() -> None:
    wrong = []
    for language, titles in BOX_TITLES.items():
        for path in sorted((DOCS / language / "questions").glob("q*.md")):
            page = markdown_reader.read(path)
            for box in page.admonitions:
                if box.kind not in titles:
                    continue
                written = BOX.match(page.lines[box.line - 1])
                title = (written[1] or "") if written else ""
                expected = titles[box.kind]
                fits = title.startswith(expected[:-1]) if expected[-1] == "…" else title == expected
                if not fits:
                    wrong.append(
                        f"{path.relative_to(ROOT)}:{box.line}: {title!r}, not {expected!r}"
                    )
    assert not wrong, "boxes titled in another language, or without their title:\n" + "\n".join(
        wrong
    )


def _pairs() -> list[object]:
    return [
        pytest.param(page, language, id=f"{language}/{page.as_posix()}")
        for language in TRANSLATIONS
        for page in pages(ORIGINAL)
        if (DOCS / language / page).exists()
    ]


@pytest.mark.parametrize(("page", "language"), _pairs())
def test_translation_has_the_same_blocks_code_and_markers(page: Path, language: str) -> None:
    original, translated = DOCS / ORIGINAL / page, DOCS / language / page
    different = different_blocks(original, translated)
    assert not different, different
    # Code, its comments and its output are shared: compared whole.
    fences = [markdown_reader.read(path).fences for path in (original, translated)]
    for number, (mine, theirs) in enumerate(zip(*fences, strict=True), 1):
        parts = {"fence": "markup", "language": "info", "code": "code"}
        differs = [
            f"its {part} ({getattr(theirs, field)!r} in {language}, "
            f"{getattr(mine, field)!r} in {ORIGINAL})"
            for part, field in parts.items()
            if getattr(mine, field) != getattr(theirs, field)
        ]
        assert not differs, (
            f"{translated.relative_to(ROOT)}:{theirs.line} and {original.relative_to(ROOT)}:"
            f"{mine.line} (code block {number}) differ in {', '.join(differs)[:600]}: code, its "
            "comments and its output are the same in both languages; make both pages show the "
            "right one (code included from snippets/ is already shared: edit it there)"
        )
    different = different_markers(original, translated)
    assert not different, different


def figures(text: str, language: str) -> set[str]:
    """The figures a text states, each written the way Python writes it ("19000", "0.26")."""
    number, grouping, decimal = FIGURES[language]
    found = re.findall(rf"{VERSION}|{number}", re.sub(PLURAL, " ", text))
    return {re.sub(f"[{grouping}]", "", figure).replace(decimal, ".") for figure in found}


def different_figures(mine: str, theirs: str, language: str) -> str:
    """What two texts' figures differ in ('' where the same ones), the other language's
    first: a figure stated again, or one written as a word, is wording."""
    ours, other = figures(mine, ORIGINAL), figures(theirs, language)
    if ours == other:
        return ""
    return f"{sorted(other - ours)} in {language}, {sorted(ours - other)} in {ORIGINAL}"


def _words_by_block(path: Path) -> list[tuple[int, str]]:
    """The front matter's title and description (what search engines show), then the words of
    each block of the page, each with its line."""
    page = markdown_reader.read(path)
    head = " ".join(str(page.meta.get(key, "")) for key in ("title", "description"))
    return [(1, head), *markdown_reader.texts("\n".join(page.lines))]


# The glossary has its entries in each language's alphabetical order: compared by anchor below.
@pytest.mark.parametrize(
    ("page", "language"), [pair for pair in _pairs() if pair.values[0] != Path("glossary.md")]
)
def test_translation_states_the_same_figures_in_each_block(page: Path, language: str) -> None:
    original, translated = DOCS / ORIGINAL / page, DOCS / language / page
    if different_blocks(original, translated):  # then block n of one is not block n of the other
        pytest.fail(
            f"{_name(translated)}: its blocks are not {_name(original)}'s, so their figures "
            "cannot be compared block by block: test_translation_has_the_same_blocks_code_and_"
            "markers names where they differ",
            pytrace=False,
        )
    blocks = [_words_by_block(path) for path in (original, translated)]
    wrong = [
        f"{translated.relative_to(ROOT)}:{their} and {original.relative_to(ROOT)}:{line}: {what}"
        for (line, mine), (their, text) in zip(*blocks, strict=False)
        if (what := different_figures(mine, text, language))
    ]
    assert not wrong, "the same facts in both languages: change a figure in both pages\n" + (
        "\n".join(wrong)
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_glossary_and_quiz_state_the_same_figures_in_each_language(language: str) -> None:
    def words(markdown: str) -> str:
        return " ".join(text for _, text in markdown_reader.texts(markdown))

    texts = {}  # what each entry, prompt, option and reason says, by a name for it
    for lang in (ORIGINAL, language):
        anchor = ""  # a term's entry runs from its anchor, { #term }, to the next one
        for _, text in markdown_reader.texts((DOCS / lang / "glossary.md").read_text("utf-8")):
            anchor = found[1] if (found := re.search(r"\{\s*#([\w-]+)\s*\}", text)) else anchor
            place = f"glossary.md#{anchor}"
            texts[lang, place] = f"{texts.get((lang, place), '')} {text}"
        for stem, items in quiz.by_question(lang).items():
            for item in items:
                texts[lang, f"{stem}.quiz.yml, item {item.id!r}"] = words(item.prompt)
                for number, option in enumerate(item.options, 1):
                    place = f"{stem}.quiz.yml, item {item.id!r}, option {number}"
                    texts[lang, place] = words(option.text)
                    texts[lang, f"{place}, why"] = words(option.why)
    wrong = [
        f"{place}: {what}"
        for lang, place in texts
        if lang == language and (ORIGINAL, place) in texts
        if (what := different_figures(texts[ORIGINAL, place], texts[lang, place], language))
    ]
    assert not wrong, "the same facts in both languages: change a figure in both files\n" + (
        "\n".join(wrong)
    )


def test_a_figure_is_read_the_way_each_language_writes_it() -> None:
    swedish = "19 000 vikter, 0,26 mot 0,20, Keras 3.15.1, 15,3 %, 1970- och 1980-talen, ettor"
    english = "19,000 weights, 0.26 against 0.20, Keras 3.15.1, 15.3%, the 1970s and 1980s, 1s"
    assert (
        figures(swedish, "sv")
        == figures(english, "en")
        == {"19000", "0.26", "0.20", "3.15.1", "15.3"}
    )
    assert (
        different_figures("ett fel på 15,3 %", "an error of 15.2%", "en")
        == "['15.2'] in en, ['15.3'] in sv"
    )


def test_a_block_in_one_language_only_is_named_with_file_and_line(tmp_path: Path) -> None:
    sv, en = tmp_path / "sv.md", tmp_path / "en.md"
    sv.write_text('# Rubrik\n\nEtt stycke.\n\n!!! failure "Fel"\n\n    Text.\n')
    en.write_text("# Heading\n\nA paragraph.\n\nA note in English only.\n")
    assert different_blocks(sv, sv) == ""
    different = different_blocks(sv, en)
    assert f"{sv}:5-7: failure box, paragraph" in different
    assert f"{en}:5: paragraph" in different


def test_a_paragraph_too_many_among_paragraphs_names_them_all(tmp_path: Path) -> None:
    """Blocks are compared by kind, not by words: which of three paragraphs in a row is the
    extra one cannot be known, so the message does not pick one."""
    sv, en = tmp_path / "sv.md", tmp_path / "en.md"
    sv.write_text("# Rubrik\n\n- Punkt.\n\nEtt.\n\nTvå, ny.\n\nTre.\n")
    en.write_text("# Heading\n\n- Item.\n\nOne.\n\nThree.\n")
    different = different_blocks(sv, en)
    assert f"{sv}:5-9: paragraph, paragraph, paragraph\n" in different
    assert f"{en}:5-7: paragraph, paragraph\n" in different
    assert "the extra one may be any of them" in different


def test_an_image_alt_text_states_the_same_figures_as_prose() -> None:
    sv, en = (
        " ".join(text for _, text in markdown_reader.texts(markdown))
        for markdown in ("Se ![320 exempel](a.svg).\n", "See ![300 examples](a.svg).\n")
    )
    assert different_figures(sv, en, "en") == "['300'] in en, ['320'] in sv"


def test_a_block_marked_differently_is_named_with_file_and_line(tmp_path: Path) -> None:
    sv, en, other = (tmp_path / name for name in ("sv.md", "en.md", "other.md"))
    code = "```python\nprint(1)\n```\n"
    sv.write_text(f'# Rubrik\n\n<!--pytest.mark.skip(reason="långsam")-->\n{code}')
    en.write_text(f'# Heading\n\n<!--pytest.mark.skip(reason="slow")-->\n{code}')
    other.write_text(f"# Heading\n\n<!--pytest-codeblocks:cont-->\n{code}")
    assert different_markers(sv, en) == ""  # a reason is in its page's language
    different = different_markers(sv, other)
    assert f"""{sv}:4: ['pytest.mark.skip(reason="...")']""" in different
    assert f"{other}:4: ['pytest-codeblocks:cont']" in different


def test_a_missing_translation_names_the_missing_file(tmp_path: Path) -> None:
    for language in LANGUAGES:
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Hej\n")
    (tmp_path / "sv" / "extra.md").write_text("# Extra\n")
    assert missing_translations(tmp_path, LANGUAGES) == [
        f"{(tmp_path / 'en' / 'extra.md').as_posix()} is missing (it exists in sv)"
    ]
