"""What hooks/copy_programs.py does to a page (tools/copy_programs.py), on small pages.

Each page here is Markdown as the site writes it, turned into HTML by the same extensions
(admonition, pymdownx.superfences, pymdownx.highlight), and read for its code blocks by the
same reader as the code tests (tools.codeblocks.examples). The browser test
(tests/test_browser.py) checks the same promises on the built site, with the real buttons.
"""

from __future__ import annotations

import ast
import builtins
import symtable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from tools.codeblocks import examples, program, shown
from tools.copy_programs import LABELS, not_runnable_code, rewrite
from tools.pages import LANGUAGES, all_pages, language_prefix
from tools.published import url

CHAIN = """\
# A page

```python
import math

x = 2
```

<!--pytest-codeblocks:cont-->
```python
y = math.sqrt(x)
```

<!--pytest-codeblocks:expected-output-->
```text
y = math.sqrt(x)
```

<!--pytest-codeblocks:cont-->
```python
print(f"{x} < {y + 1} & \\"ok\\"")
```

```python
print("alone")
```
"""

QUESTION = """\
!!! question "The question"
    What does this do?

    <!--pytest.mark.xfail(raises=SyntaxError, strict=True, reason="as the course wrote it")-->
    ```python
    model.fit(X train)
    ```

The same code again, outside the question box:

<!--pytest.mark.xfail(raises=SyntaxError, strict=True, reason="as the course wrote it")-->
```python
model.fit(X train)
```

```python
print("runs")
```
"""


def html_of(text: str) -> str:
    return markdown.markdown(
        text, extensions=["admonition", "pymdownx.superfences", "pymdownx.highlight"]
    )


def render(text: str, tmp_path: Path, language: str = "en") -> tuple[str, list[str], Path]:
    """A page written to a file, as the hook sees it: its HTML, rewritten, and the problems."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    rewritten, problems = rewrite(html_of(text), examples(page), language)
    return rewritten, problems, page


def with_class(html: str, name: str) -> list[Tag]:
    return BeautifulSoup(html, "html.parser").find_all(class_=name)


def test_a_continued_block_copies_the_whole_program(tmp_path: Path) -> None:
    html, problems, page = render(CHAIN, tmp_path)
    chain = examples(page)[0]
    copies = [wrapper.get("data-copy") for wrapper in with_class(html, "highlight")]
    assert not problems
    # The first block copies itself (its text), the output block too; the two that continue
    # it copy the program up to them, exactly as the code tests run it.
    assert copies == [
        None,
        program(chain.blocks[:2]).rstrip(),
        None,
        program(chain.blocks[:3]).rstrip(),
        None,
    ]
    assert (
        copies[3]
        == 'import math\n\nx = 2\n\ny = math.sqrt(x)\n\nprint(f"{x} < {y + 1} & \\"ok\\"")'
    )


def test_a_continued_block_shows_the_code_it_builds_on_folded_above_it(tmp_path: Path) -> None:
    html, _, page = render(CHAIN, tmp_path)
    chain = examples(page)[0]
    folds = with_class(html, "kb-builds-on")
    assert [fold.name for fold in folds] == ["details", "details"]
    summary = LABELS["en"]["builds_on"]
    assert [fold.get_text() for fold in folds] == [
        summary.format(lines="3 lines"),
        summary.format(lines="5 lines"),
    ]
    # Opened, a fold shows the first `data-lines` lines of the program its block copies
    # (site.js): exactly the code the block builds on.
    copies = [str(w["data-copy"]) for w in with_class(html, "highlight") if w.get("data-copy")]
    for fold, copy, upto in zip(folds, copies, (1, 2), strict=True):
        shown = "\n".join(copy.split("\n")[: int(str(fold["data-lines"]))])
        assert shown == program(chain.blocks[:upto]).rstrip("\n")
    # Just before the block's wrapper (inside it, Material would mount the copy button on the
    # fold's <pre>); no copy button of its own (no-copy); empty until opened: one <pre><code>,
    # no highlighting spans, no text.
    assert '</details><div class="highlight" data-copy="' in html
    assert html.count('<details class="kb-builds-on no-copy" data-lines="') == 2
    fold = html.split('<details class="kb-builds-on no-copy"')[1].split("</details>")[0]
    assert "<span" not in fold
    assert fold.endswith('<pre><code tabindex="0"></code></pre>')


def test_the_fold_speaks_the_page_language(tmp_path: Path) -> None:
    html, _, _ = render(CHAIN, tmp_path, language="sv")
    summaries = [s.get_text() for s in BeautifulSoup(html, "html.parser").find_all("summary")]
    assert summaries == [
        "Bygger på koden ovan (3 rader) \u2013 kopieringsknappen kopierar allt",
        "Bygger på koden ovan (5 rader) \u2013 kopieringsknappen kopierar allt",
    ]


def test_a_block_that_stands_alone_is_left_as_it_is(tmp_path: Path) -> None:
    text = '# Alone\n\n```python\nprint("alone")\n```\n'
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    assert rewrite(html_of(text), examples(page), "en") == (html_of(text), [])


@pytest.mark.parametrize(
    ("language", "in_box", "elsewhere"),
    [
        (
            "en",
            "The course's code as written: it does not run",
            "This code does not run as written",
        ),
        (
            "sv",
            "Kursens kod, oförändrad: den går inte att köra",
            "Koden går inte att köra som den står",
        ),
    ],
)
def test_code_that_does_not_run_is_labelled_and_has_no_copy_button(
    tmp_path: Path, language: str, in_box: str, elsewhere: str
) -> None:
    html, problems, _ = render(QUESTION, tmp_path, language)
    wrappers = with_class(html, "highlight")
    assert not problems
    # Material gives no copy button to code inside an element of class no-copy.
    copy_buttons = ["no-copy" not in wrapper["class"] for wrapper in wrappers]
    assert copy_buttons == [False, False, True], (
        f"copy buttons {copy_buttons}: the course's code (in the box and shown again) must have "
        "none, only the block that runs"
    )
    labels = [label.get_text() for label in with_class(html, "kb-not-runnable")]
    assert labels == [in_box, elsewhere]
    assert wrappers[2].get_text() == 'print("runs")\n'


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_excerpt_is_labelled_as_one_here_and_wherever_it_is_shown(
    tmp_path: Path, language: str
) -> None:
    # Code that fails for want of names defined elsewhere has nothing wrong in it (q12's).
    text = QUESTION.replace("raises=SyntaxError", "raises=NameError")
    html, _, page = render(text, tmp_path, language)
    labels = [label.get_text() for label in with_class(html, "kb-not-runnable")]
    assert labels == [LABELS[language]["course_excerpt"], LABELS[language]["excerpt"]]
    again = html_of("```python\nmodel.fit(X train)\n```\n")
    rewritten, _ = rewrite(again, [], language, not_runnable_code([page]))
    labels = [label.get_text() for label in with_class(rewritten, "kb-not-runnable")]
    assert labels == [LABELS[language]["excerpt"]]


def test_only_the_xfail_marker_makes_code_not_runnable(tmp_path: Path) -> None:
    text = QUESTION.replace("pytest.mark.xfail", "pytest.mark.skip")
    html, _, _ = render(text, tmp_path)
    problem = "code marked skip is labelled as not runnable: only xfail marks it so"
    assert "no-copy" not in html, problem
    assert "kb-not-runnable" not in html, problem


OUTPUT_LIKE_CODE = """\
```python
x = 1
```

<!--pytest-codeblocks:expected-output-->
```text
print(x)
```

<!--pytest-codeblocks:cont-->
```python
print(x)
```
"""


def test_a_python_block_is_not_taken_for_shown_output_of_the_same_text(tmp_path: Path) -> None:
    html, problems, _ = render(OUTPUT_LIKE_CODE, tmp_path)
    copies = [wrapper.get("data-copy") for wrapper in with_class(html, "highlight")]
    assert not problems
    assert copies == [None, None, "x = 1\n\nprint(x)"]


def test_a_block_missing_from_the_html_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(CHAIN, encoding="utf-8")
    changed = CHAIN.replace("```python\ny = math.sqrt(x)\n", "```python\ny = 0\n")
    _, problems = rewrite(html_of(changed), examples(page), "en")
    missing = examples(page)[0].blocks[1]
    assert problems == [f"{missing.where}: not found in the page's HTML"]


def test_code_that_does_not_run_has_no_copy_button_wherever_it_is_shown(tmp_path: Path) -> None:
    # A self-test or exam page shows the course's code again, without the marker.
    (tmp_path / "question.md").write_text(QUESTION, encoding="utf-8")
    course_code = not_runnable_code([tmp_path / "question.md"])
    assert course_code == {"model.fit(X train)\n": False}  # not an excerpt: a syntax error
    again = "# Exam\n\n```python\nmodel.fit(X train)\n```\n\n```python\nprint('runs')\n```\n"
    rewritten, problems = rewrite(html_of(again), [], "en", course_code)
    wrappers = with_class(rewritten, "highlight")
    assert not problems
    assert ["no-copy" in wrapper["class"] for wrapper in wrappers] == [True, False]
    labels = [label.get_text() for label in with_class(rewritten, "kb-not-runnable")]
    assert labels == ["This code does not run as written"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_the_built_site_the_course_code_is_labelled_wherever_it_is_shown(
    site: Path, language: str
) -> None:
    """hooks/copy_programs.py gives the build what the tests above check: on the question
    pages, the self-test and the exam sheet, each block of the course's code is labelled."""
    course = not_runnable_code(
        [page for page in all_pages() if page.parts[1] == language and "questions" in page.parts]
    )
    assert course, "no course code marked xfail on the question pages"
    root = site / language_prefix(language)
    question_pages = "".join(p.read_text("utf-8") for p in root.glob("questions/*/index.html"))
    for where, html in [
        ("questions/*", question_pages),
        ("self-test", (root / "self-test" / "index.html").read_text("utf-8")),
        ("exam-sheet", (root / "exam-sheet" / "index.html").read_text("utf-8")),
    ]:
        labels = html.count('class="kb-not-runnable"')
        assert labels == len(course), f"/{language_prefix(language)}{where}: {labels} labels"


def test_in_the_built_site_every_block_that_continues_others_copies_its_whole_program(
    site: Path,
) -> None:
    """hooks/copy_programs.py gives each such block the program it belongs to (`data-copy`),
    on every page of both languages."""
    wrong = []
    for page in all_pages():
        built = url(Path(*page.parts[2:]).as_posix(), language_prefix(page.parts[1]))
        html = (site / built / "index.html").read_text("utf-8")
        continuing = sum(len(example.blocks) - 1 for example in examples(page))
        if html.count("data-copy=") != continuing:
            wrong.append(f"{page}: {html.count('data-copy=')} of {continuing} blocks")
    assert not wrong, "blocks that continue others without their whole program:\n" + "\n".join(
        wrong
    )


NEW_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _in_scope(node: ast.AST) -> list[ast.AST]:
    """A statement's nodes, leaving out the bodies of the functions and classes it defines."""
    if isinstance(node, NEW_SCOPES):
        return [node]
    return [node, *(found for child in ast.iter_child_nodes(node) for found in _in_scope(child))]


def _read_first(code: str, names: set[str]) -> set[str]:
    """Of `names`, those a top-level statement reads before, or as, it first binds them:
    `x = x / 255` and `x += 1` use the x of the blocks above."""
    read: set[str] = set()
    bound: set[str] = set()
    for statement in ast.parse(code).body:
        nodes = _in_scope(statement)
        loads = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        loads |= {
            n.target.id
            for n in nodes
            if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name)
        }
        read |= (loads & names) - bound
        bound |= {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        bound |= {
            n.name
            for n in nodes
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        }
        bound |= {
            (alias.asname or alias.name).split(".")[0]
            for n in nodes
            if isinstance(n, ast.Import | ast.ImportFrom)
            for alias in n.names
        }
    return read


def _bound_and_used(code: str) -> tuple[set[str], set[str]]:
    """The names a block binds at its top level, and those it uses from the blocks above: read
    without binding them (in its functions too), or read before it binds them; builtins aside."""
    table = symtable.symtable(code, "block", "exec")
    bound = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    bound |= {s.get_name() for s in table.get_symbols() if s.is_namespace()}  # def, class
    used: set[str] = set()
    tables = [table]
    while tables:
        scope = tables.pop()
        tables.extend(scope.get_children())
        used |= {
            s.get_name()
            for s in scope.get_symbols()
            if s.is_referenced() and (scope is table or s.is_global())
        }
    return bound, (used - bound - set(dir(builtins))) | _read_first(code, bound)


def needless_continuations(page: Path) -> list[str]:
    """Blocks marked to continue the ones above that use none of their names: the copy button
    would copy, and the reader run, code the block does not need (a whole training, say).
    A chain this cannot read (another language in it, code that does not parse) is named too."""
    problems = []
    for example in examples(page):
        first, *continued = example.blocks
        if not continued:
            continue
        if any(block.language != "python" for block in example.blocks):
            problems.append(
                f"{first.where}: a chain of blocks in more than one language; its copy "
                "buttons cannot copy one program: drop the <!--pytest-codeblocks:cont--> markers"
            )
            continue
        above: set[str] = set()
        for number, block in enumerate(example.blocks):
            try:
                bound, used = _bound_and_used(shown(block.code))
            except SyntaxError as error:
                problems.append(
                    f"{block.where}: does not parse ({error.msg}, line {error.lineno}) and is "
                    "part of a chain; code that does not run on purpose stands alone"
                )
                break
            if number and not used & above:
                problems.append(
                    f"{block.where}: marked <!--pytest-codeblocks:cont--> but uses no name the "
                    "blocks above it define, so its copy button copies them for nothing: "
                    "drop the marker"
                )
            above |= bound
    return problems


def test_a_block_continues_others_only_when_it_uses_what_they_define() -> None:
    problems = [problem for page in all_pages() for problem in needless_continuations(page)]
    assert not problems, "\n".join(problems)


def test_a_continued_block_that_needs_nothing_above_it_is_named(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(CHAIN, encoding="utf-8")
    assert not needless_continuations(page)  # each continued block uses x, math or y
    extra = "\n<!--pytest-codeblocks:cont-->\n```python\nimport math\n\nprint(math.pi)\n```\n"
    page.write_text(CHAIN + extra, encoding="utf-8")
    line = (CHAIN + extra).splitlines().index("print(math.pi)") - 2  # its opening fence
    [problem] = needless_continuations(page)
    assert problem.startswith(f"{page.as_posix()}, code block at line {line}: marked")


X_IS_2 = "```python\nimport math\n\nx = 2\n```\n\n"


def test_a_continued_block_that_rebinds_a_name_from_above_uses_it(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    for code in ["x = x / 255", "x += 1", "import math\n\nx = math.floor(x)"]:
        page.write_text(f"{X_IS_2}<!--pytest-codeblocks:cont-->\n```python\n{code}\n```\n")
        assert not needless_continuations(page), code
    for code in ["x = 1\nprint(x)", "def f(x):\n    return x\n\n\nx = f(1)"]:
        page.write_text(f"{X_IS_2}<!--pytest-codeblocks:cont-->\n```python\n{code}\n```\n")
        assert len(needless_continuations(page)) == 1, code


def test_a_chain_this_cannot_read_is_named(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    for code, found in [
        ("```bash\necho $x\n```", "in more than one language"),
        ("```python\nmodel.fit(X train)\n```", "does not parse (invalid syntax"),
    ]:
        page.write_text(f"{X_IS_2}<!--pytest-codeblocks:cont-->\n{code}\n")
        [problem] = needless_continuations(page)
        assert found in problem
