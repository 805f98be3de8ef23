"""Read HTML that trygghet wrote itself, with the same events Python's `html.parser` gives, in a
fraction of its time.

The publish gate and the site's self-check read every page once to find the text a reader
sees. Our pages use a small, regular part of HTML: start and end tags, quoted or bare
attributes, a doctype, a `<style>` block, text with character references. A reader of only
that part is a regular expression and a loop. A page with anything else (a comment, an
unquoted attribute, a `<` that starts no tag, an unclosed `<style>`) is read by
`html.parser` itself, from the start: the handlers always see the same calls, in the same
order, at the same lines and columns, whichever reader ran (tests/unit/test_htmlread.py
compares the two on every page of a built site).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from typing import TypeVar

P = TypeVar("P", bound=HTMLParser)

# Whitespace both readers agree on (html.parser's tag names end at exactly these).
_WS = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
TOKEN = re.compile(
    rf"""<(?:
        (?P<start>[a-zA-Z][a-zA-Z0-9]*)
        (?P<attrs>(?:{_WS}+{_NAME}(?:="[^"]*"|='[^']*')?)*)
        {_WS}*(?P<close>/?)>
      | /(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)>
      | !(?i:doctype){_WS}[^<>]*>
    )""", re.VERBOSE)
_ATTR = re.compile(rf"""({_NAME})(?:="([^"]*)"|='([^']*)')?""")
RAW_TEXT = {"script", "style"}  # html.parser's CDATA_CONTENT_ELEMENTS


class Unsupported(Exception):
    """The page holds HTML outside the part this reader knows."""


def read(make: Callable[[], P], html: str) -> P:
    """A parser from `make`, fed the whole of `html` and closed."""
    parser = make()
    try:
        _feed(parser, html)
    except Unsupported:
        parser = make()
        parser.feed(html)
        parser.close()
    return parser


def _feed(parser: HTMLParser, html: str) -> None:
    """The handlers' calls for html, as html.parser makes them; Unsupported when the page
    holds anything else than the part of HTML this reader knows."""
    pos, line, line_start, size = 0, 1, 0, len(html)
    search, count = TOKEN.search, html.count
    while pos < size:
        token = search(html, pos)
        at = token.start() if token else size
        if at > pos:
            text = html[pos:at]
            if "<" in text:
                raise Unsupported
            parser.lineno, parser.offset = line, pos - line_start
            parser.handle_data(unescape(text) if "&" in text else text)
            newlines = count("\n", pos, at)
            if newlines:
                line, line_start = line + newlines, html.rindex("\n", pos, at) + 1
        if token is None:
            return
        parser.lineno, parser.offset = line, at - line_start
        pos = token.end()
        tag = token["start"]
        if tag:
            tag = tag.lower()
            parser.handle_starttag(tag, attributes(token["attrs"]))
            if token["close"]:
                parser.handle_endtag(tag)
        elif token["end"]:
            parser.handle_endtag(token["end"].lower())
        newlines = count("\n", at, pos)
        if newlines:
            line, line_start = line + newlines, html.rindex("\n", at, pos) + 1
        if tag in RAW_TEXT and not token["close"]:
            pos, line, line_start = _raw_text(parser, html, tag, pos, line, line_start)


def attributes(text: str) -> list[tuple[str, str | None]]:
    """The attributes of a start tag TOKEN matched (its `attrs`), as html.parser gives them."""
    if not text:
        return []
    found: list[tuple[str, str | None]] = []
    for match in _ATTR.finditer(text):
        name, double, single = match.groups()
        value = double if double is not None else single
        found.append((name.lower(), unescape(value) if value else value))
    return found


def raw_text_end(html: str, tag: str, pos: int) -> int:
    """Where the text of a <style> or <script> that starts at pos ends (its end tag starts)."""
    close = html.find(f"</{tag}>", pos)
    if close < 0 or re.search(rf"</\s*{tag}\s*>", html[pos:close], re.IGNORECASE):
        raise Unsupported
    return close


def _raw_text(parser: HTMLParser, html: str, tag: str, pos: int, line: int,
              line_start: int) -> tuple[int, int, int]:
    """The text of a <style> or <script> as it is (no references), and its end tag."""
    close = raw_text_end(html, tag, pos)
    if close > pos:
        parser.lineno, parser.offset = line, pos - line_start
        parser.handle_data(html[pos:close])
        line, line_start = _advance(html, pos, close, line, line_start)
    parser.lineno, parser.offset = line, close - line_start
    parser.handle_endtag(tag)
    end = close + len(tag) + 3
    line, line_start = _advance(html, close, end, line, line_start)
    return end, line, line_start


def _advance(html: str, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
    """The line and the offset of its first character after reading html[start:end]."""
    newlines = html.count("\n", start, end)
    if newlines:
        return line + newlines, html.rindex("\n", start, end) + 1
    return line, line_start
