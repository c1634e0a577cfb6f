"""The places on the site that a teacher or a reader may have linked to from outside: every
section, exercise, glossary term and quiz item, as `/page/#id` ("/en/glossary/#dropout"), below
the site's root.

tests/published_addresses.txt lists those the site has published, and tests/test_site.py
checks that each still leads to its place: a renamed heading gets a new id, and a link to the
old one would land at the top of the page without a word. An exercise's id is its number on the
page (hooks/headerlinks.py), so one added before it would take its address and a link would
lead to the wrong exercise: the list gives each exercise's title after its address. The code
reference is left out: its addresses are the code's own names.

    python -m tools.addresses SITE_DIR   (`make addresses`: adds a built site's new ones)
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from tools.pages import LANGUAGES, ROOT, language_prefix
from tools.site import site_pages

LISTED = ROOT / "tests" / "published_addresses.txt"
# A heading, a glossary term, a quiz item, an exercise (an admonition with an id), a question on
# the self-test (its block keeps the id its heading had), or an anchor that keeps a renamed
# heading's old id in a notebook (tools/notebooks.py).
PLACE = re.compile(
    r'<(?:h[1-6]|dt|form|a|div(?=[^>]*\bclass="(?:admonition|kb-self-test)))\b[^>]*\bid="([^"]+)"'
)
EXERCISE = re.compile(r'<div class="admonition example" id="([^"]+)">\s*<p[^>]*>(.*?)<a ', re.S)
NOT_PAGES = ("reference/",)  # the code's names


def addresses(site: Path) -> dict[str, str]:
    """Every place a built site's pages have, in their articles, each with what it must show
    there: an exercise's title, nothing for any other place."""
    found: dict[str, str] = {}
    for page in site_pages(site):
        bare = page
        for language in LANGUAGES:
            bare = bare.removeprefix(language_prefix(language))
        if bare.startswith(NOT_PAGES):
            continue
        text = (site / page / "index.html").read_text(encoding="utf-8")
        article = text[text.find("<article") : text.find("</article>")]
        found.update({f"/{page}#{place}": "" for place in PLACE.findall(article)})
        for place, title in EXERCISE.findall(article):
            found[f"/{page}#{place}"] = html.unescape(re.sub(r"<[^>]+>", "", title)).strip()
    return found


def listed(path: Path = LISTED) -> dict[str, str]:
    """The addresses published so far (the list's lines, without its comments), each with what
    it must show: `/page/#id` or, for an exercise, `/page/#id title`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = [line.strip().partition(" ") for line in lines if not line.startswith("#")]
    return {address: shows.strip() for address, _, shows in entries if address}


def add(site: Path, path: Path = LISTED) -> list[str]:
    """Add a built site's new addresses to the list; never removes or changes one. Returns
    those added."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    comments = [line for line in text.splitlines() if line.startswith("#")]
    old = listed(path) if path.exists() else {}
    now = addresses(site)
    new = sorted(set(now) - set(old))
    entries = old | {address: now[address] for address in new}
    lines = [f"{address} {shows}".rstrip() for address, shows in sorted(entries.items())]
    path.write_text("\n".join([*comments, *lines]) + "\n", encoding="utf-8")
    return new


if __name__ == "__main__":
    added = add(Path(sys.argv[1]))
    print(f"{len(added)} new addresses added to {LISTED.relative_to(ROOT)}")
    print("\n".join(f"  {address}" for address in added))
