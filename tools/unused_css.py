"""Style rules a page cannot use, left out.

mkdocs-jupyter embeds all of JupyterLab's style sheets in every notebook page: 575 kB, of which
a notebook of this site uses a few hundred rules. A phone parses all of it, and matches every
rule against every element of the page each time its style is recalculated. A selector that
needs a class that no element of the page has (outside ``:not()`` and ``:nth-child()``, which
only exclude and count), or that puts ``:root`` inside another element, can never match, so it
is dropped; everything else (at-rules, rules without classes, ``:is()``) is kept as written.
Classes that scripts add (Material's ``md-``, the focus polyfill's) always count.
"""

from __future__ import annotations

import functools
import re

import tinycss2

CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
INNER_ROOT = re.compile(r"\S\s+:root\b")
# What :not() excludes and what :nth-child() counts need not be on the page for a match.
NEGATION = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
COUNTING = re.compile(r":nth-(?:last-)?(?:child|of-type)\([^()]*\)")
ADDED_BY_SCRIPTS = ("md-", "js-", "focus-visible")


def classes(html: str) -> set[str]:
    return {name for match in CLASS_ATTRIBUTE.finditer(html) for name in match[1].split()}


def _can_match(selector: str, used: set[str]) -> bool:
    if INNER_ROOT.search(selector):
        return False
    required = COUNTING.sub("", NEGATION.sub("", selector))
    if "(" in required:
        return True  # :is(.a, .b), :has(.a): kept, rather than reason about them
    return all(
        name in used or name.startswith(ADDED_BY_SCRIPTS)
        for name in CLASS_SELECTOR.findall(required)
    )


def _selectors(prelude: list[tinycss2.ast.Node]) -> list[str]:
    """A rule's selector list, split at its own commas (not those inside :is(a, b))."""
    found: list[list[tinycss2.ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            found.append([])
        else:
            found[-1].append(token)
    return [tinycss2.serialize(tokens).strip() for tokens in found]


@functools.lru_cache(maxsize=4)  # every notebook page carries the same sheets
def _rules(css: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each rule as (its selectors, its text after them); other rules as ((), their text)."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "qualified-rule":
            found.append((tuple(_selectors(rule.prelude)), tinycss2.serialize(rule.content)))
        elif rule.type != "error":  # CSS with errors is left out: browsers ignore it too
            found.append(((), tinycss2.serialize([rule])))
    return tuple(found)


def prune(css: str, used: set[str]) -> str:
    """`css` without the rules (and the selectors of a rule) that no element of a page with
    the classes `used` can match."""
    kept = []
    for selectors, text in _rules(css):
        if not selectors:
            kept.append(text)
        elif matching := [s for s in selectors if _can_match(s, used)]:
            kept.append(f"{','.join(matching)}{{{text}}}")
    return "\n".join(kept)
