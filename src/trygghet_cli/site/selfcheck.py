"""The checks every build runs on every page it writes, whose findings the accessibility
statement lists as known shortcomings: the statement says what the site itself was tested for.

They cover what can be decided from the HTML alone (WCAG 2.1: 1.1.1 text alternatives, 1.3.1
structure, 2.4.2 page title, 3.1.1 language, 4.1.1 unique ids, 2.4.4 link text); the browser
tests of the tool (axe-core at 390 and 1280 px and 200 % text) cover the rest it can test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import unescape

from trygghet_cli.privacy import url_text
from trygghet_cli.render import htmlread
from trygghet_cli.render.gate import LINK_ATTRIBUTES as _LINK_ATTRIBUTES
from trygghet_cli.render.gate import READ_ATTRIBUTES as _READ_ATTRIBUTES
from trygghet_cli.render.gate import Pieces, TextLines

_SKIPPED = {"style", "script"}  # what TextLines leaves out of the readable pieces
_NOTED = {"html", "h1", "nav", "img", "a", *_SKIPPED}  # the tags _Walk.start and end look at


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
        self.start(tag, dict(attrs))

    def start(self, tag: str, found: dict[str, str | None]) -> None:
        """The structure a start tag with these attributes adds."""
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
        self.end(tag)

    def end(self, tag: str) -> None:
        """What an end tag closes."""
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


class _Fast:
    """What _Walk gathers, read in one loop over htmlread.TOKEN: no call per piece of text,
    one per tag. Pages outside htmlread's part of HTML raise htmlread.Unsupported (then _Walk
    reads them); tests/unit/test_htmlread.py holds the two to the same result."""

    def __init__(self) -> None:
        self.walk = _Walk()
        self.skip = 0

    def read(self, html: str) -> _Walk:
        walk, pieces, stack = self.walk, self.walk.pieces, self.walk._in  # noqa: SLF001
        pos, line, size = 0, 1, len(html)
        search, count = htmlread.TOKEN.search, html.count
        while pos < size:
            token = search(html, pos)
            at, after = token.span() if token else (size, size)
            if at > pos:
                text = html[pos:at]
                if "<" in text:
                    raise htmlread.Unsupported
                data = unescape(text) if "&" in text else text
                if not self.skip:
                    pieces.append((line, data))
                if stack and stack[-1] == "title":
                    walk.title += data
                if walk._link_text is not None:  # noqa: SLF001
                    walk._link_text.append(data)  # noqa: SLF001
                line += count("\n", pos, at)
            if token is None:
                break
            tag, attrs_text, close, end = token.groups()
            if tag:
                tag = tag.lower()
                if attrs_text or tag in _NOTED:
                    self._start(tag, attrs_text, line)
                else:  # what walk.start does for a tag it does not note
                    stack.append(tag)
                if close:
                    self._end(tag)
                elif tag in htmlread.RAW_TEXT:
                    pos, line = self._raw(html, tag, after, line + count("\n", at, after))
                    continue
            elif end:
                end = end.lower()
                if end not in _NOTED and stack and stack[-1] == end:
                    stack.pop()  # what walk.end does when the tag closes the innermost element
                else:
                    self._end(end)
            pos = after
            line += count("\n", at, after)
        return walk

    def _start(self, tag: str, attrs_text: str, line: int) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        if not attrs_text:
            self.walk.start(tag, {})
            return
        attrs = htmlread.attributes(attrs_text)
        self.walk.pieces.extend((line, v) for k, v in attrs if k in _READ_ATTRIBUTES and v)
        self.walk.pieces.extend((line, url_text(v)) for k, v in attrs if k in _LINK_ATTRIBUTES and v)
        self.walk.start(tag, dict(attrs))

    def _end(self, tag: str) -> None:
        if tag in _SKIPPED and self.skip:
            self.skip -= 1
        self.walk.end(tag)

    def _raw(self, html: str, tag: str, pos: int, line: int) -> tuple[int, int]:
        """The text of a <style> or <script> (seen by no check but a link's text) and its end."""
        close = htmlread.raw_text_end(html, tag, pos)
        link = self.walk._link_text  # noqa: SLF001
        if close > pos and link is not None:
            link.append(html[pos:close])
        self._end(tag)
        end = close + len(tag) + 3
        return end, line + html.count("\n", pos, end)


def _read(html: str) -> _Walk:
    try:
        return _Fast().read(html)
    except htmlread.Unsupported:
        return htmlread.read(_Walk, html)


def check_page(name: str, html: str) -> list[Shortcoming]:
    """What this page lacks of the structure the statement promises."""
    return read_page(name, html)[0]


def read_page(name: str, html: str) -> tuple[list[Shortcoming], Pieces]:
    """What this page lacks, and its readable pieces (gate.output_pieces) from the same reading."""
    walk = _read(html)
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
