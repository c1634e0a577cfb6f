"""The site builds with no warning, works offline, and bad input fails the build by name."""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from hooks import headerlinks
from tools import addresses, diagrams, published
from tools.codeblocks import missing_includes
from tools.highlight import indented_lines
from tools.pages import LANGUAGES, PROJECT_PARTS, ROOT, language_prefix, pages, site_language
from tools.questions import questions
from tools.serve import site_path
from tools.site import build, copy_project

# rel values of <link> that make the browser fetch (canonical and alternate only point).
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.hostname not in {"127.0.0.1", "localhost"}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            if FETCHING_RELS & set(values.get("rel", "").lower().split()):
                self.urls.append(values.get("href", ""))
        elif tag in {"script", "img", "iframe", "source", "video", "audio", "embed", "track"}:
            self.urls.append(values.get("src", ""))
            self.urls.extend(
                part.split()[0] for part in values.get("srcset", "").split(",") if part.strip()
            )
        elif tag == "object":
            self.urls.append(values.get("data", ""))
        self.urls.extend(CSS_URL.findall(values.get("style", "")))


def fetches(html: str) -> list[str]:
    """Every URL that a page's HTML asks the browser to load."""
    parser = _Fetches()
    parser.feed(html)
    return parser.urls


def _html_of(site: Path, language: str, page: Path) -> Path:
    return site / published.url(page.as_posix(), language_prefix(language)) / "index.html"


def test_every_page_is_built_in_both_languages(site: Path) -> None:
    for language in LANGUAGES:
        for page in pages(language):
            assert _html_of(site, language, page).is_file(), f"docs/{language}/{page} not built"


ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
SECTION_HEADING = re.compile(r"<h[23]\b[^>]*\bid=")


def test_a_page_and_its_translation_have_as_many_sections_as_built(site: Path) -> None:
    """The language switcher finds the reader's section by its number (site.js); headings that
    the build makes (self-test, quiz, notebooks, code reference) must line up as well."""

    def sections(html: Path) -> int:
        article = ARTICLE.search(html.read_text(encoding="utf-8"))
        return len(SECTION_HEADING.findall(article[0])) if article else 0

    original, *translations = LANGUAGES
    differ, compared = [], 0
    for language in translations:
        root = site / language_prefix(language)
        for translated in sorted(root.rglob("index.html")):
            twin = site / language_prefix(original) / translated.relative_to(root)
            if not twin.is_file():
                continue
            compared += 1
            if sections(twin) != sections(translated):
                where = translated.parent.relative_to(site).as_posix()
                differ.append(f"/{where}/: {sections(translated)} vs {sections(twin)}")
    assert compared >= len(pages(original)), f"only {compared} pairs of pages compared"
    assert not differ, "Sections (h2, h3) that differ in number:\n" + "\n".join(differ)


def test_pages_carry_their_language(site: Path) -> None:
    assert '<html lang="sv"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_a_question_page_and_its_notebook_say_what_to_install_for_the_code_shown(
    site: Path,
) -> None:
    """Read from the page's code as included (hooks/questions.py): q10 draws with Matplotlib and
    splits with scikit-learn, q01 needs TensorFlow alone. A reader who downloads only the
    notebook (tools/notebooks.py) is told the same in its first cell, for every question."""
    verified = re.compile(r'<p class="kb-verified">(.*?)</p>', re.S)
    for language in LANGUAGES:
        q10 = _html_of(site, language, Path("questions/q10-cnn.md")).read_text(encoding="utf-8")
        q01 = _html_of(site, language, Path("questions/q01-ai-ml-dl.md")).read_text("utf-8")
        assert "<code>pip install tensorflow scikit-learn matplotlib</code>" in q10, language
        assert "<code>pip install tensorflow</code>" in q01, language
        notebooks = sorted((site / language_prefix(language) / "notebooks").glob("*/*.ipynb"))
        assert len(notebooks) == len(questions(language)), language
        for notebook in notebooks:
            page = _html_of(site, language, Path("questions", f"{notebook.stem}.md"))
            line = verified.search(page.read_text(encoding="utf-8"))
            assert line, f"{page}: no versions line"
            said = unescape(re.sub(r"<[^>]+>", "", re.sub(r"</?code>", "`", line[1])))  # tooltips
            intro = "".join(json.loads(notebook.read_text("utf-8"))["cells"][0]["source"])
            assert intro.endswith(f"\n\n{said}"), f"{notebook.name}: {intro[-300:]!r}"


def test_a_placeholder_is_filled_on_its_own_line_and_shown_as_written_in_a_sentence(
    site: Path,
) -> None:
    """The contributing page names placeholders in its text, in code; a hook that filled them
    there put every question of the exam sheet on it (3,100 elements more)."""
    for language in LANGUAGES:
        html = _html_of(site, language, Path("contributing.md")).read_text(encoding="utf-8")
        for name in ["questions: list", "exam-sheet: questions", "quiz: items"]:
            assert f"<code>&lt;!-- {name} --&gt;</code>" in html, f"{language}: {name}"
        assert 'class="exam-question"' not in html, f"{language}: the exam sheet was filled in"
        sheet = _html_of(site, language, Path("exam-sheet.md")).read_text(encoding="utf-8")
        assert 'class="exam-question"' in sheet, f"{language}: the exam sheet is empty"


BOX_TITLE = re.compile(r'<(?:p class="admonition-title"|summary)[^>]*>(.*?)</(?:p|summary)>', re.S)


def test_box_titles_show_no_escape_characters(site: Path) -> None:
    """An admonition's title is not a string literal: a backslash before a quote is shown as
    it is (write the title's own quotes as typographic ones: ”...” or “...”)."""
    shown = [
        f"docs/{language}/{page}: {title.strip()}"
        for language in LANGUAGES
        for page in pages(language)
        for title in BOX_TITLE.findall(_html_of(site, language, page).read_text("utf-8"))
        if "\\" in title
    ]
    assert not shown, "box titles with a backslash:\n" + "\n".join(shown)


def test_every_permalink_is_named_in_its_page_language_and_has_no_tooltip(site: Path) -> None:
    """hooks/headerlinks.py: a title would make Material mount a tooltip for each one. Headings,
    exercises and glossary terms have one each."""
    labels = {
        "sv": {
            "section": "Länk till avsnittet",
            "exercise": "Länk till övningen",
            "term": "Länk till begreppet",
        },
        "en": {
            "section": "Link to this section",
            "exercise": "Link to this exercise",
            "term": "Link to this term",
        },
    }
    problems, seen = [], {"section": 0, "exercise": 0, "term": 0}
    for language in LANGUAGES:
        for page in pages(language):
            html = _html_of(site, language, page).read_text(encoding="utf-8")
            # Each glossary term, an address a teacher hands out, has its permalink too.
            terms = re.findall(r'<dt id="([^"]+)">(.*?)</dt>', html, re.S)
            for anchor, text in terms:
                if f'<a class="headerlink" href="#{anchor}"' not in text:
                    problems.append(f"docs/{language}/{page}: term #{anchor} has no permalink")
            for link in re.findall(r'<a [^>]*class="headerlink"[^>]*>', html):
                kind = "exercise" if 'href="#exercise-' in link else "section"
                kind = "term" if any(f'href="#{a}"' in link for a, _ in terms) else kind
                seen[kind] += 1
                if f'aria-label="{labels[language][kind]}"' not in link or "title=" in link:
                    problems.append(f"docs/{language}/{page}: {link}")
    assert all(seen.values()), f"permalinks found: {seen}"
    assert not problems, "\n".join(problems[:10])


EXERCISE = re.compile(
    r'<div class="admonition example"([^>]*)>\s*<p class="admonition-title">(.*?)</p>', re.S
)


def test_every_exercise_has_an_address_in_both_languages(site: Path) -> None:
    """A teacher hands out a link to one exercise: each has the id `exercise-N`, in page order,
    the same in both languages (the language switcher finds it by it), and a permalink."""
    problems, counts = [], {}
    for language in LANGUAGES:
        for page in pages(language):
            html = _html_of(site, language, page).read_text(encoding="utf-8")
            exercises = EXERCISE.findall(html)
            counts.setdefault(page, []).append(len(exercises))
            for number, (attributes, title) in enumerate(exercises, start=1):
                anchor = f"exercise-{number}"
                if f'id="{anchor}"' not in attributes or f'href="#{anchor}"' not in title:
                    problems.append(f"docs/{language}/{page}: exercise {number}, {attributes!r}")
    problems += [
        f"{page}: {n} exercises in {LANGUAGES}" for page, n in counts.items() if len(set(n)) > 1
    ]
    assert any(sum(n) for n in counts.values()), "no exercise found"
    assert not problems, (
        "exercises without their address, or not as many in each language:\n" + "\n".join(problems)
    )


def test_a_collapsed_exercise_which_would_have_no_address_fails_the_build() -> None:
    html = '<details class="example">\n<summary>Exercise: Name them</summary>\n</details>'
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/questions/q03.md"))
    with pytest.raises(
        PluginError, match=r"docs/en/questions/q03\.md: the exercise 'Exercise: Name"
    ):
        headerlinks.on_page_content(html, page, config=None, files=None)  # type: ignore[arg-type]


def test_a_link_to_an_exercise_is_checked_as_a_link_to_a_heading_is() -> None:
    """MkDocs warns (strict: fails) on a link to an anchor the page lacks; the exercises' ids
    come after Markdown, so the hook tells MkDocs of them: `#exercise-2` is checked, not
    refused, and `#exercise-3` on a page with two fails the build."""
    exercise = '<div class="admonition example">\n<p class="admonition-title">Exercise: {}</p>'
    html = "\n".join(exercise.format(title) for title in ("One", "Two"))
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri="en/questions/q03.md", locale="en"),
        present_anchor_ids={"short-answer"},
    )
    headerlinks.on_page_content(html, page, config=None, files=None)  # type: ignore[arg-type]
    assert page.present_anchor_ids == {"short-answer", "exercise-1", "exercise-2"}


def test_every_published_address_still_leads_to_its_place(site: Path) -> None:
    """A teacher's link to a section, an exercise, a glossary term or a quiz item keeps working
    after the page changes (tests/published_addresses.txt, tools/addresses.py). New places are
    not required in the list, so that a new question needs only its own files; `make
    addresses` adds them. An exercise's address is its number on the page: it must still lead
    to the exercise of that title, not to one added before it."""
    published_so_far = addresses.listed()
    assert published_so_far, "tests/published_addresses.txt lists no address"
    now = addresses.addresses(site)
    gone = sorted(set(published_so_far) - set(now))
    assert not gone, (
        "published addresses that lead nowhere now (a link to one lands at the top of its page): "
        "keep the old id with `{ #old-id }` after the new heading, or remove the line from "
        "tests/published_addresses.txt if the place is gone for good:\n" + "\n".join(gone)
    )
    moved = [
        f"{address}: “{title}” is now “{now[address]}”"
        for address, title in sorted(published_so_far.items())
        if title and now[address] != title
    ]
    assert not moved, (
        "published exercise addresses that lead to another exercise now: add a new exercise "
        "after the others on its page, or, if the exercise was only renamed, give its line in "
        "tests/published_addresses.txt the new title:\n" + "\n".join(moved)
    )


REFERENCE = re.compile(r'<(?:a|link|script|img|source)\b[^>]*?\b(?:href|src)="([^"]*)"')
# Colab opens a notebook from the published branch, which holds the built site as it is.
COLAB = re.compile(r"https://colab\.research\.google\.com/github/[^/]+/[^/]+/blob/gh-pages/")


def site_target(folder: str, href: str) -> str | None:
    """Where a link on a built page in `folder` leads: a path below the site's root, without a
    final slash ("" for the root, "../..." outside the site), or None for another host or a
    place on the same page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path, prefix = unquote(parts.path), site_path()
    if path.startswith("/"):
        path = path.removeprefix(prefix) if path.startswith(prefix) else f"../{path}"
    else:
        path = posixpath.join(folder, path)
    path = posixpath.normpath(path or ".")
    return "" if path == "." else path


def test_every_file_a_page_links_to_or_loads_from_the_site_is_built(site: Path) -> None:
    """A link MkDocs does not check (raw HTML: a notebook's download link, a style sheet or a
    script a hook adds, the 404 page's paths from the site's root) or a Colab link to a
    notebook: each leads to a file of the built site, a notebook in the page's language."""
    missing, seen = [], 0
    for page in sorted(site.rglob("*.html")):
        folder = page.parent.relative_to(site).as_posix()
        for href in set(REFERENCE.findall(page.read_text(encoding="utf-8"))):
            where = f"{page.relative_to(site).as_posix()}: {href}"
            if COLAB.match(href) and site_language(COLAB.sub("", href)) != site_language(folder):
                missing.append(f"{where}, another language's notebook")
            path = site_target(folder, COLAB.sub(site_path(), href))
            if path is None:
                continue  # another host, or a place on the page (the test below)
            seen += 1
            if not ((site / path).is_file() or (site / path / "index.html").is_file()):
                missing.append(where)
    assert seen, "no link to a file of the site"
    assert not missing, "links to files the site does not have:\n" + "\n".join(missing[:20])


def test_no_page_shows_an_attribute_list_as_text(site: Path) -> None:
    """`{ #old-id }` keeps a renamed heading's address; a list or link made from the heading's
    source showed it to readers (the English home page's questions 4 and 10, and the first cell
    of their notebooks, read here on the notebooks' pages)."""
    code = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>", re.DOTALL)
    attribute_list = re.compile(r"\{\s*[#.][\w-]+[^{}]*\}")
    shown = []
    for built in sorted(site.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", code.sub(" ", built.read_text(encoding="utf-8")))
        shown += [f"{built.relative_to(site)}: {m[0][:60]}" for m in attribute_list.finditer(text)]
    assert not shown, "attribute lists shown as text:\n" + "\n".join(shown)


def test_every_link_to_a_place_on_its_own_page_leads_there(site: Path) -> None:
    """`#id`: the contents in the sidebar, a permalink, a section named in the text. Notebooks
    included (every built page is read): mkdocs-jupyter makes their contents apart from their
    headings, and a heading with code in it got two ids (hooks/notebooks.py)."""
    broken, seen = [], 0
    for built in sorted(site.rglob("*.html")):
        html = built.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for target in sorted(set(re.findall(r'href="#([^"]+)"', html))):
            seen += 1
            if target not in ids:
                broken.append(f"{built.relative_to(site).as_posix()}: #{target}")
    assert seen, "no link to a place on its own page"
    assert not broken, "links to an id their page does not have:\n" + "\n".join(broken)


def test_a_notebook_s_contents_say_what_its_headings_say(site: Path) -> None:
    """Code in a heading too: mkdocs-jupyter's contents left it out ("9. What an file holds",
    for "9. What an `.h5` file holds"), as the question page's do not (hooks/notebooks.py)."""
    entry = re.compile(
        r'<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">(.*?)</span>',
        re.DOTALL,
    )
    heading = re.compile(r'<h[1-6]\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h[1-6]>', re.DOTALL)
    differ, seen = [], 0
    for built in sorted(site.glob("**/notebooks/*/index.html")):
        html = built.read_text(encoding="utf-8")
        headings = {id_: _words(inner.replace("¶", "")) for id_, inner in heading.findall(html)}
        for target, title in entry.findall(html):
            seen += 1
            if _words(title) != headings.get(target):
                differ.append(
                    f"{built.relative_to(site)}: {_words(title)!r}, {headings.get(target)!r}"
                )
    assert seen, "no notebook page with contents"
    assert not differ, "contents entries that differ from their heading:\n" + "\n".join(differ)


def test_no_style_sheet_turns_transitions_off_across_the_page_while_a_palette_applies(
    site: Path,
) -> None:
    """hooks/palette.py: Material applies the palette at every load, and the rule made a phone
    restyle the whole page twice; site.js does the same for a reader's switch only."""
    offenders = [
        str(path.relative_to(site))
        for path in sorted(site.rglob("*.css"))
        if "[data-md-color-switching]" in path.read_text(encoding="utf-8")
    ]
    assert not offenders, f"Material's palette-switching rule is still in: {offenders}"


CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
NAME_COLOR = re.compile(r"--md-code-hl-name-color:([^;}]+)")


def test_an_indented_line_that_may_wrap_is_a_span_of_whole_elements_with_the_same_text() -> None:
    """Its span knows the indent (site.css goes on from there); a docstring's token span that
    runs over the line is closed and opened again around it; a short line gets none."""
    docstring = '<span class="s2">"""A docstring long enough to wrap.\n    """</span>'
    code = f"def f():\n    {docstring}\n    x = 1\n"
    lines = indented_lines(code).split("\n")
    assert lines[1] == (
        '<span class="kb-line" style="--indent: 4">    <span class="s2">"""A docstring long '
        'enough to wrap.</span></span><span class="s2">'
    )
    assert lines[2:4] == ['    """</span>', "    x = 1"]
    assert re.sub(r"<[^>]+>", "", indented_lines(code)) == re.sub(r"<[^>]+>", "", code)


def test_names_and_spaces_in_code_look_as_the_code_around_them(site: Path) -> None:
    """tools/highlight.py drops Pygments' spans around names (`n`) and whitespace (`w`) on
    every page and notebook, which is right only while no style sheet gives a name a look other
    than the code's colour, nor whitespace anything but a colour (an upgrade could)."""
    problems, name_rules = [], 0
    for path in sorted(site.rglob("*.css")):
        css, where = path.read_text(encoding="utf-8"), path.relative_to(site)
        problems += [
            f"{where}: --md-code-hl-name-color:{value}"
            for value in NAME_COLOR.findall(css)
            if value.strip() != "var(--md-code-fg-color)"
        ]
        for selectors, body in CSS_RULE.findall(css):
            for selector in map(str.strip, selectors.split(",")):
                if selector.endswith(" .n"):
                    name_rules += 1
                    if body.strip() != "color:var(--md-code-hl-name-color)":
                        problems.append(f"{where}: {selector} {{{body}}}")
                elif selector.endswith(" .w") and not re.fullmatch(r"\s*color:[^;]*;?\s*", body):
                    problems.append(f"{where}: {selector} {{{body}}}")
    assert name_rules, "no style sheet colours .highlight .n: has Material renamed it?"
    assert not problems, "\n".join(problems)
    for page in ("questions/q05-keras-model", "notebooks/q05-keras-model"):
        html = (site / "en" / page / "index.html").read_text(encoding="utf-8")
        assert '<span class="n">' not in html, f"en/{page}: the names' spans are still there"
        # Only those: a builtin, a module and a function name keep their own colours.
        kept = {"nb", "nn", "nf"} - set(re.findall(r'<span class="(n\w)">', html))
        assert not kept, f"en/{page}: the spans of {sorted(kept)} went with the names'"


KB_TABLE = re.compile(r'<table class="kb-table"(?P<attributes>[^>]*)>(?P<body>.*?)</table>', re.S)


def _words(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_table_of_three_columns_is_stacked_on_a_phone_each_cell_under_its_heading(
    site: Path,
) -> None:
    """hooks/tables.py: on a phone, site.css shows each row of such a table as a block, each
    cell after its column's heading, which the cell carries as `data-label`."""
    problems, stacked = [], 0
    for path in sorted(site.rglob("*.html")):
        for table in KB_TABLE.finditer(path.read_text(encoding="utf-8")):
            head, _, rows = table["body"].partition("</thead>")
            labels = [_words(text) for text in re.findall(r"<th\b[^>]*>(.*?)</th>", head, re.S)]
            where = f"{path.relative_to(site)}: the table headed {labels}"
            if "data-kb-stacked" not in table["attributes"]:
                if len(labels) >= 3:
                    problems.append(f"{where} is not stacked on a phone")
                continue
            stacked += 1
            for row in re.findall(r"<tr\b.*?</tr>", rows, re.S):
                given = [_words(label) for label in re.findall(r'<td data-label="([^"]*)"', row)]
                if not given or given != labels[: len(given)]:
                    problems.append(f"{where}: a row's cells are labelled {given}")
    assert stacked, "no stacked table"
    assert not problems, "\n".join(problems[:10])


TABLE = re.compile(r"<table\b(?P<attributes>[^>]*)>")
MATERIALS_WRAPPERS = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def test_every_table_arrives_wrapped_with_a_class_that_materials_rules_style(site: Path) -> None:
    """hooks/tables.py: as a page loaded, Material's script moved each table without a class
    into two divs, and the page was restyled and laid out again (README: what each change
    bought). Built in its divs, with a class the script skips, a table must still get every
    rule Material gives one."""
    seen, unwrapped = 0, []
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for table in TABLE.finditer(html):
            if 'class="highlighttable"' in table["attributes"]:  # code with line numbers
                continue
            seen += 1
            wrapped = html[: table.start()].endswith(MATERIALS_WRAPPERS)
            if not wrapped or 'class="kb-table"' not in table["attributes"]:
                unwrapped.append(f"{path.relative_to(site)}: {table[0]}")
    assert seen, "no table on any page"
    assert not unwrapped, "\n".join(unwrapped[:10])
    (sheet,) = site.glob("assets/stylesheets/main.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    extended = css.count(":is(table:not([class]),table.kb-table)")
    assert extended, f"{sheet.name} styles no table.kb-table"
    only_without_class = css.count("table:not([class])") - extended
    assert not only_without_class, f"{sheet.name}: {only_without_class} rules skip table.kb-table"


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for path in sorted([*site.rglob("*.html"), *site.rglob("*.css")]):
        text = path.read_text(encoding="utf-8")
        # HTML: what its tags fetch; CSS: what it loads (fonts, @import)
        urls = fetches(text) if path.suffix == ".html" else CSS_URL.findall(text)
        offenders += [
            f"{path.relative_to(site)}: {url}" for url in urls if url and is_external(url)
        ]
    assert not offenders, "\n".join(offenders)


def test_every_image_has_alt_text_in_either_palette(site: Path) -> None:
    """In the browser tour axe-core looks for alt text in the light palette only, where an
    image shown in the dark one alone (`#only-dark`) is hidden: every image is checked here."""
    missing = [
        f"{path.relative_to(site)}: {image}"
        for path in sorted(site.rglob("*.html"))
        for image in re.findall(r"<img\b[^>]*>", path.read_text(encoding="utf-8"))
        if not re.search(r'\balt="[^"]*\S', image)
    ]
    assert not missing, "images without alt text:\n" + "\n".join(missing)


def test_a_phone_drawing_without_its_wide_drawing_or_its_twin_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build stops with these (hooks/diagrams.py): a phone would show the wide drawing, or
    a phone drawing no page shows."""
    first, second = LANGUAGES
    for language in LANGUAGES:
        (tmp_path / "docs" / language / "diagrams").mkdir(parents=True)
    for drawing in ("a.svg", "a.phone.svg", "b.svg"):
        (tmp_path / "docs" / first / "diagrams" / drawing).write_text("<svg/>")
    (tmp_path / "docs" / second / "diagrams" / "b.phone.svg").write_text("<svg/>")
    monkeypatch.setattr(diagrams, "DOCS", tmp_path / "docs")
    assert diagrams.unpaired() == [
        f"docs/{first}/diagrams/a.phone.svg: no twin in {second}",
        f"docs/{second}/diagrams/b.phone.svg: no b.svg beside it",
        f"docs/{second}/diagrams/b.phone.svg: no twin in {first}",
    ]


def test_no_page_loads_a_style_sheet_or_script_twice(site: Path) -> None:
    """mkdocs-static-i18n runs every plugin's on_config again for each further language."""
    twice = []
    for path in sorted(site.rglob("*.html")):
        urls = fetches(path.read_text(encoding="utf-8"))
        code = [url for url in urls if urlsplit(url).path.endswith((".css", ".js"))]
        twice += [
            f"{path.relative_to(site)}: {url}" for url in sorted(set(code)) if code.count(url) > 1
        ]
    assert not twice, "\n".join(twice)


def small_project_copy(tmp_path: Path) -> Path:
    """The project's configuration, hooks and theme, with one small page per language.

    A couple of pages build in seconds; the bad input the tests add is then the only fault.
    """
    copy = copy_project(tmp_path / "project", [part for part in PROJECT_PARTS if part != "docs"])
    for language in LANGUAGES:
        (copy / "docs" / language).mkdir(parents=True)
        (copy / "docs" / language / "index.md").write_text("# Deep learning\n")
    return copy


def test_the_small_project_copy_builds_cleanly(tmp_path: Path) -> None:
    # The baseline for the two tests below: without their bad input the copy builds.
    result = build(tmp_path / "site", small_project_copy(tmp_path))
    assert result.returncode == 0, result.stderr


def test_a_build_that_imports_another_copys_tools_stops_naming_both(tmp_path: Path) -> None:
    """A virtual environment shared by two copies of the project (a second clone, a worktree)
    imports the tools/ it was installed from. Their hooks read that copy's pages: this copy's
    blocks that continue others lost their whole-program copy without a word."""
    project = small_project_copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(  # -P: not this copy's own folder first on the path, as `mkdocs` runs
        [sys.executable, "-P", "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"pages are {project / 'docs'}, but tools/ is imported from {ROOT}" in result.stderr


@pytest.mark.parametrize(
    ("made_in", "made_anew"),
    [("elsewhere", True), ("a folder whose path ends with this one's", True), ("here", False)],
)
def test_a_virtual_environment_copied_from_another_folder_is_made_anew(
    tmp_path: Path, made_in: str, made_anew: bool
) -> None:
    """A project copied with its .venv (cp -a) kept running the first copy's mkdocs and code,
    and `make` found the copy's environment up to date."""
    venv = tmp_path / ".venv"
    venv.mkdir()
    folder = {"elsewhere": tmp_path / "elsewhere" / ".venv", "here": venv}.get(
        made_in, Path(f"/home/alice{venv}")
    )
    (venv / "pyvenv.cfg").write_text(
        f"version = 3.11.7\ncommand = /usr/bin/python3 -m venv {folder}\n"
    )
    (venv / ".installed").touch()  # newer than requirements.txt: up to date by its date
    plan = subprocess.run(
        [
            "make",
            "-n",
            "-C",
            ROOT,
            "install",
            f"VENV={venv}",
            f"BIN={venv / 'bin'}",
            f"INSTALLED={venv / '.installed'}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (f"-m venv --clear {venv}" in plan) is made_anew, plan


def test_a_broken_link_fails_the_build_and_names_the_page(tmp_path: Path) -> None:
    project = small_project_copy(tmp_path)
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n")
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "index.md" in result.stderr
    assert "no-such-page.md" in result.stderr


def test_an_include_or_a_figure_that_points_nowhere_fails_the_build_naming_page_and_line(
    tmp_path: Path,
) -> None:
    project = small_project_copy(tmp_path)
    page = project / "docs" / "sv" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n```python\n--8<-- "snippets/nowhere.py"\n```\n'
        + "\n![Ingenstans](assets/output/q99_nowhere.png)\n"
    )
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert f"docs/sv/index.md:{lines - 3}: includes snippets/nowhere.py, which" in result.stderr
    assert f"docs/sv/index.md:{lines}: shows q99_nowhere.png, which is not in" in result.stderr


def test_an_include_of_a_section_the_file_lacks_names_page_line_and_section(
    tmp_path: Path,
) -> None:
    """A mistyped end line too: pymdownx.snippets would include the rest of the file. The
    sections the file does have are named, for a typo in the include."""
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "q99.py").write_text(
        "# --8<-- [start:decay]\nx = 1\n# --8<-- [end:decya]\n"
        "# --8<-- [start:plot]\ny = 2\n# --8<-- [end:plot]\n"
    )
    page = tmp_path / "docs" / "en" / "q99.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        '# Q\n\n```python\n--8<-- "snippets/q99.py:decy"\n--8<-- "snippets/q99.py:decay"\n```\n'
    )
    lacks = (
        'which lacks its "# --8<-- [start:{0}]" or "# --8<-- [end:{0}]" line (its sections: plot)'
    )
    assert missing_includes([page.relative_to(tmp_path)], root=tmp_path) == [
        "docs/en/q99.md:4: includes section decy of snippets/q99.py, " + lacks.format("decy"),
        "docs/en/q99.md:5: includes section decay of snippets/q99.py, " + lacks.format("decay"),
    ]
