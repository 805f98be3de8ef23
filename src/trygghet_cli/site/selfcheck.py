"""The checks every build runs on every page it writes, whose findings the accessibility
statement lists as known shortcomings: the statement says what the site itself was tested for.

They cover what can be decided from the HTML alone (WCAG 2.1: 1.1.1 text alternatives, 1.3.1
structure, 2.4.2 page title, 3.1.1 language, 4.1.1 unique ids, 2.4.4 link text); the browser
tests of the tool (axe-core at 390 and 1280 px and 200 % text) cover the rest it can test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from trygghet_cli.render import htmlread
from trygghet_cli.render.gate import Pieces, TextLines


@dataclass(frozen=True, slots=True)
class Shortcoming:
    """One problem found on one page: the page and a key of the catalog (site.check.*)."""

    page: str
    key: str
    detail: str = ""


class _Walk(TextLines):
    """The page's structure, and (as TextLines) its readable pieces for the publish gate: one
    reading of each page serves both."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.lang = ""
        self.title = ""
        self.h1 = 0
        self.unlabelled_nav = 0
        self.nav_labels: list[str] = []
        self.img_without_alt = 0
        self.empty_links = 0
        self._in: list[str] = []
        self._link_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "html":
            self.lang = found.get("lang") or ""
        elif tag == "h1":
            self.h1 += 1
        elif tag == "nav":
            label = found.get("aria-label") or found.get("aria-labelledby") or ""
            self.unlabelled_nav += 0 if label else 1
            self.nav_labels.append(label)
        elif tag == "img" and found.get("alt") is None:
            self.img_without_alt += 1
        elif tag == "a" and found.get("href") is not None:
            self._link_text = [found.get("aria-label") or ""]
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if tag == "a" and self._link_text is not None:
            self.empty_links += 0 if "".join(self._link_text).strip() else 1
            self._link_text = None
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._link_text is not None:
            self._link_text.append(data)


def check_page(name: str, html: str) -> list[Shortcoming]:
    """What this page lacks of the structure the statement promises."""
    return read_page(name, html)[0]


def read_page(name: str, html: str) -> tuple[list[Shortcoming], Pieces]:
    """What this page lacks, and its readable pieces (gate.output_pieces) from the same reading."""
    walk = htmlread.read(_Walk, html)
    found = []
    duplicates = sorted(i for i, n in Counter(walk.ids).items() if n > 1)
    if duplicates:
        found.append(Shortcoming(name, "duplicate_id", ", ".join(duplicates[:5])))
    checks = [(not walk.lang, "no_lang"), (not walk.title.strip(), "no_title"),
              (walk.h1 != 1, "h1"), (walk.img_without_alt > 0, "img_alt"),
              (walk.empty_links > 0, "empty_link"),
              (walk.unlabelled_nav > 0 or len(set(walk.nav_labels)) < len(walk.nav_labels), "nav")]
    found += [Shortcoming(name, key) for failed, key in checks if failed]
    return found, tuple(walk.pieces)


def check_site(pages: dict[str, str]) -> list[Shortcoming]:
    """Every page's shortcomings, in page order."""
    return read_site(pages)[0]


def read_site(pages: dict[str, str]) -> tuple[list[Shortcoming], dict[str, Pieces]]:
    """Every page's shortcomings, in page order, and each page's readable pieces."""
    found: list[Shortcoming] = []
    pieces: dict[str, Pieces] = {}
    for name in sorted(pages):
        own, pieces[name] = read_page(name, pages[name])
        found += own
    return found, pieces
