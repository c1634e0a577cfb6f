"""The places on the site that a teacher or a reader may have linked to from outside: every
section, exercise, glossary term and quiz item, as `/page/#id` ("/en/glossary/#dropout"), below
the site's root.

tests/published_addresses.txt lists those the site has published, and tests/test_site.py
checks that each still leads to its place: a renamed heading gets a new id, and a link to the
old one would land at the top of the page without a word. The code reference is left out: its
addresses are the code's own names.

    python -m tools.addresses SITE_DIR   (`make addresses`: adds a built site's new ones)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.pages import LANGUAGES, ROOT, language_prefix
from tools.site import site_pages

LISTED = ROOT / "tests" / "published_addresses.txt"
# A heading, a glossary term, a quiz item, an exercise (an admonition with an id), or an anchor
# that keeps a renamed heading's old id in a notebook (tools/notebooks.py).
PLACE = re.compile(r'<(?:h[1-6]|dt|form|a|div(?=[^>]*\bclass="admonition))\b[^>]*\bid="([^"]+)"')
NOT_PAGES = ("reference/",)  # the code's names


def addresses(site: Path) -> set[str]:
    """Every place a built site's pages have, in their articles."""
    found = set()
    for page in site_pages(site):
        bare = page
        for language in LANGUAGES:
            bare = bare.removeprefix(language_prefix(language))
        if bare.startswith(NOT_PAGES):
            continue
        text = (site / page / "index.html").read_text(encoding="utf-8")
        article = text[text.find("<article") : text.find("</article>")]
        found.update(f"/{page}#{place}" for place in PLACE.findall(article))
    return found


def listed(path: Path = LISTED) -> set[str]:
    """The addresses published so far (the list's lines, without its comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def add(site: Path, path: Path = LISTED) -> list[str]:
    """Add a built site's new addresses to the list; never removes one. Returns those added."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    comments = [line for line in text.splitlines() if line.startswith("#")]
    old = listed(path) if path.exists() else set()
    new = sorted(addresses(site) - old)
    path.write_text("\n".join([*comments, *sorted(old | set(new))]) + "\n", encoding="utf-8")
    return new


if __name__ == "__main__":
    added = add(Path(sys.argv[1]))
    print(f"{len(added)} new addresses added to {LISTED.relative_to(ROOT)}")
    print("\n".join(f"  {address}" for address in added))
