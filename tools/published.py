"""Links as the published site has them, for material read away from it.

The practice exports (an Anki deck, a Moodle quiz, the exam sheet) reuse Markdown written for
one page: a question's short answer links ``../glossary.md#dropout`` relative to
``questions/q07-dropout.md``. Read elsewhere, such a link has to point at the page on the
published site (``https://.../deep-learning/en/glossary/#dropout``), or, for the exam sheet,
at the same file as seen from another page. Pages are named as MkDocs names them inside a
language folder: ``questions/q07-dropout.md``.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from tools.pages import language_prefix

if TYPE_CHECKING:
    from tools.quiz import Item

COMMENT = re.compile(r"[ \t]*<!--.*?-->[ \t]*\n?", re.DOTALL)
MARKDOWN_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)(\))")
INDEX = re.compile(r"(?:^|/)index$")  # a folder's page, published as the folder


def base_url(site_url: str, language: str) -> str:
    """Where a language's pages live on the published site, ending in a slash."""
    root = site_url if site_url.endswith("/") else f"{site_url}/"
    return root + language_prefix(language)


def is_external(target: str) -> bool:
    """A link that leaves the site (or is absolute): left as written."""
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc or target.startswith("/"))


def resolve(target: str, page: str) -> str:
    """A relative link written on ``page``, as a path from the language folder (with fragment)."""
    path, hash_, fragment = target.partition("#")
    if path:
        page = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return f"{page}{hash_}{fragment}"


def relative(target: str, page: str) -> str:
    """A path from the language folder (with fragment), as a link written on ``page``."""
    path, hash_, fragment = target.partition("#")
    linked = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{linked}{hash_}{fragment}"


def url(path: str, base: str) -> str:
    """The published address of a file of the language folder (``glossary.md#adam``)."""
    path, hash_, fragment = path.partition("#")
    if path.endswith(".md"):
        stem = INDEX.sub("", path.removesuffix(".md"))
        path = f"{stem}/" if stem else ""
    return f"{base}{path}{hash_}{fragment}"


def without_comments(text: str) -> str:
    """Markdown without its HTML comments (the test markers written before code blocks)."""
    return COMMENT.sub("", text)


def rebase(text: str, page: str, to_page: str) -> str:
    """Markdown written on ``page``, with its relative links rewritten for ``to_page``."""

    def rewrite(match: re.Match[str]) -> str:
        target = match[2]
        if is_external(target):
            return match[0]
        return f"{match[1]}{relative(resolve(target, page), to_page)}{match[3]}"

    return MARKDOWN_LINK.sub(rewrite, text)


class _Links(Treeprocessor):
    """Rewrites the links and image sources of a converted text with ``rewrite``."""

    rewrite: Callable[[str, str], str]  # (tag, target) -> new target, set by each conversion

    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            target = element.get(attribute) if attribute else None
            if attribute and target and not is_external(target):
                element.set(attribute, self.rewrite(element.tag, target))


@functools.cache
def _converter() -> tuple[markdown.Markdown, _Links]:
    """One Markdown converter, reused: building one costs more than converting a short text."""
    converter = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists"])
    links = _Links(converter)
    converter.treeprocessors.register(links, "published_links", 0)
    return converter, links


def to_html(
    text: str,
    page: str,
    base: str,
    image: Callable[[str], str | None] | None = None,
) -> str:
    """Markdown written on ``page`` as simple HTML whose links lead to the published site.

    ``image`` may claim an image (a path from the language folder) by returning the name to
    show it under, e.g. a file packed with an Anki deck; unclaimed images link to the site.
    """

    def rewrite(tag: str, target: str) -> str:
        path = resolve(target, page)
        if tag == "img" and image is not None:
            claimed = image(path.partition("#")[0])
            if claimed is not None:
                return claimed
        return url(path, base)

    converter, links = _converter()
    links.rewrite = rewrite
    return converter.reset().convert(without_comments(text)).strip()


def inline_html(text: str, page: str, base: str) -> str:
    """One line of Markdown (a term, a title) as HTML without the paragraph around it."""
    html = to_html(text, page, base)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def explained_options(item: Item, base: str) -> str:
    """A quiz item's options as list items, in the order the site shows them, each marked right
    or wrong and followed by its explanation: the back of an Anki card, Moodle's feedback."""
    page = f"questions/{item.slug}.md"
    return "".join(
        f'<li class="{"right" if option.correct else "wrong"}">'
        f"{'✓' if option.correct else '✗'} {inline_html(option.text, page, base)}"
        f'<br><span class="why">{inline_html(option.why, page, base)}</span></li>'
        for option in (item.options[position] for position in item.shown)
    )
