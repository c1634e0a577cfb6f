"""One term per concept: the glossary's headword in Swedish prose, American spelling in English.

Code (fenced and inline), link targets and English glosses in parentheses, such as
"(*feature map*)", are not prose and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tools import markdown_reader
from tools.pages import DOCS, ROOT

# Swedish: the glossary's headword, and the variants that the pages must not use for it.
SWEDISH = {
    "the word without its definite ending (data, träningsdata, utdata)": r"\b\w*datans?\b",
    "backpropagation": r"\bbakåtpropager\w*",
    "fryst / frysta (ett lager som vi fryser)": r"\bfrus(?:en|et|na)\b",
    "hoppförutsägelse": r"\bgrenprediktion\w*",
    "träffsäkerhet (accuracy)": r"\bnoggrannhet\w*|\baccuracy\b",
    "särdragskarta / särdragskartor": r"\bfeature[- ]maps?\b",
}
# English: American spelling. British -ise/-isation words, and a few others.
BRITISH = re.compile(
    r"\b(?:minimi|maximi|optimi|regulari|normali|generali|recogni|organi|summari|speciali"
    r"|initiali|visuali|memori|utili|characteri|categori|tokeni|randomi|standardi|vectori"
    r"|seriali|deseriali|paralleli|emphasi|reali)s(?:e|es|ed|ing|ations?|ers?)\b"
    r"|\b(?:behaviour|colour|centre|favour|neighbour|modell(?:ing|ed)|labell(?:ing|ed)"
    r"|travell(?:ing|ed)|cancell(?:ing|ed))\w*"
    r"|\banalys(?:e|ed|ing|ers?)\b",  # not "analyses", the plural of "analysis"
    re.IGNORECASE,
)
# The American form of each British spelling above, so that a finding names its fix.
AMERICAN = [
    (re.compile(r"is(e|es|ed|ing|ations?|ers?)$", re.IGNORECASE), r"iz\1"),
    (re.compile(r"^(analy)s", re.IGNORECASE), r"\1z"),
    (re.compile(r"our", re.IGNORECASE), "or"),
    (re.compile(r"tr(ed|ing)$", re.IGNORECASE), r"ter\1"),  # centred: centered
    (re.compile(r"tre", re.IGNORECASE), "ter"),
    (re.compile(r"ll(ing|ed)", re.IGNORECASE), r"l\1"),
]


def without_definite_ending(word: str) -> str:
    """'utdatan' -> 'utdata', 'träningsdatans' -> 'träningsdata'; other words as they are."""
    return re.sub(r"(?i)(data)ns?$", r"\1", word)


def american(word: str) -> str:
    """'minimises' -> 'minimizes', 'behaviour' -> 'behavior', 'modelling' -> 'modeling'."""
    for british, fix in AMERICAN:
        if british.search(word):
            return british.sub(fix, word, count=1)
    return word


def findings(
    path: Path, rules: dict[str, re.Pattern[str]], fix: Callable[[str], str] | None = None
) -> list[str]:
    """'file:line: "variant" -> headword' for every rejected variant in a file's prose (with
    `fix`: '-> headword "the variant fixed"')."""
    text = markdown_reader.prose(path.read_text(encoding="utf-8"), path.suffix == ".md")
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    found = []
    for headword, pattern in rules.items():
        for match in pattern.finditer(text):
            word = match.group(0)
            fixed = fix(word) if fix else word
            line = text.count(chr(10), 0, match.start()) + 1
            found.append(
                f"{where}:{line}: {word!r} -> {headword}" + (f" {fixed!r}" if fixed != word else "")
            )
    return found


def _files(language: str) -> list[Path]:
    folder = DOCS / language
    return sorted([*folder.rglob("*.md"), *folder.rglob("*.svg"), *folder.rglob("*.yml")])


SWEDISH_RULES = {headword: re.compile(p, re.IGNORECASE) for headword, p in SWEDISH.items()}
ENGLISH_RULES = {"American spelling": BRITISH}


@pytest.mark.parametrize("path", _files("sv"), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_swedish_uses_the_glossary_headword(path: Path) -> None:
    found = findings(path, SWEDISH_RULES, without_definite_ending)
    assert not found, "use the glossary's headword:\n" + "\n".join(found)


@pytest.mark.parametrize("path", _files("en"), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_english_uses_american_spelling(path: Path) -> None:
    found = findings(path, ENGLISH_RULES, american)
    assert not found, "use American spelling:\n" + "\n".join(found)


def test_a_planted_variant_is_found_with_its_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Sida\n\nVi tränar på `datan` och (*feature map*).\n\n```python\ndatan = 1\n```\n\n"
        "Sedan delar vi datan och träningsdatan, och utdatans form.\n",
        encoding="utf-8",
    )
    headword = "the word without its definite ending (data, träningsdata, utdata)"
    assert findings(page, SWEDISH_RULES, without_definite_ending) == [
        f"{page}:9: 'datan' -> {headword} 'data'",
        f"{page}:9: 'träningsdatan' -> {headword} 'träningsdata'",
        f"{page}:9: 'utdatans' -> {headword} 'utdata'",
    ]
    page.write_text(
        "It minimises the loss; its behavior is fine.\nA model serialised while modelling "
        "its behaviour, then analysed and centred; two analyses.\n",
        encoding="utf-8",
    )
    assert findings(page, ENGLISH_RULES, american) == [
        f"{page}:1: 'minimises' -> American spelling 'minimizes'",
        f"{page}:2: 'serialised' -> American spelling 'serialized'",
        f"{page}:2: 'modelling' -> American spelling 'modeling'",
        f"{page}:2: 'behaviour' -> American spelling 'behavior'",
        f"{page}:2: 'analysed' -> American spelling 'analyzed'",
        f"{page}:2: 'centred' -> American spelling 'centered'",
    ]
