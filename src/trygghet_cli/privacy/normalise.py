r"""Text as personal-data detection reads it: the spellings people type folded to one form.

A word processor writes `811228–9874` with an en dash, a web form `070‑123 45 67` with a
non-breaking hyphen, a phone keyboard `０７０` in fullwidth digits, and a copy from a PDF
hides a zero-width space inside a number. Detection matches the folded text; every
character of it remembers where it came from, so a match can be masked in the original.

Folding treats spellings as a family rather than a list: combining marks and variation
selectors vanish like zero-width characters; every dash look-alike (U+02D7, U+2212, ...)
becomes `-` and every middle-dot look-alike (U+00B7, U+2027, U+30FB, ...) `.`; and the
escapes that carry a character in other clothes are read as it: a YAML or JSON escape
(`\u002d`, `\x40`, `\_`) as the character, a URL's percent-encoding (`%40`, `%2D`) too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Characters that show nothing but are not format characters (category Cf, removed too).
_INVISIBLE = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u180e", "\u2800"}
# Dash-like characters that are not in category Pd.
_DASHES = {"\u2212", "\u2043", "\u2796", "\ufe63", "\u2010", "\u2011", "\u02d7", "\u2013",
           "\u2015", "\u23af", "\u2500", "\u2501", "\u2e3a", "\u2e3b"}
# Dot-like characters: middle dots, bullets, leaders.
_DOTS = {"\u00b7", "\u0387", "\u02d9", "\u2027", "\u2022", "\u2219", "\u22c5", "\u30fb",
         "\uff65", "\u16eb", "\u2e31", "\u2e33", "\u1427", "\u2024"}
# Text made only of these needs no folding (the common case: ASCII and Swedish letters);
# a backslash or a percent sign may start an escape.
PLAIN_CHARACTERS = r"\n\r\x20-\x24\x26-\x5b\x5d-\x7e\u00c0-\u00ff"
PLAIN = re.compile(f"[{PLAIN_CHARACTERS}]*")
# An escape that stands for one character: YAML/JSON `\uXXXX`, `\UXXXXXXXX`, `\xXX`, YAML's
# `\_` (no-break space) and `\ `, and a URL's `%XX`.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|([_ /t]))"
                     r"|%([0-9a-fA-F]{2})")
_NAMED = {"_": "\u00a0", " ": " ", "/": "/", "t": "\t"}


@dataclass(frozen=True, slots=True)
class Folded:
    """The folded text, and for each of its characters (and its end) the index in the original."""

    text: str
    origin: tuple[int, ...] | None  # None: the same indices as the original

    def at(self, index: int) -> int:
        """The index in the original text of the folded text's index (its end for len(text))."""
        return index if self.origin is None else self.origin[index]


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: invisible ones removed, compatibility forms (fullwidth digits,
    `＠`) made plain by NFKC, every dash a hyphen-minus, every space a plain space."""
    if char in _INVISIBLE or unicodedata.category(char) in {"Cf", "Mn", "Me"}:
        return ""  # format characters, combining marks and variation selectors
    out = []
    for piece in unicodedata.normalize("NFKC", char):
        if piece in _DASHES or unicodedata.category(piece) == "Pd":
            out.append("-")
        elif piece in _DOTS:
            out.append(".")
        elif piece == "\t" or unicodedata.category(piece) == "Zs":
            out.append(" ")
        else:
            out.append(piece)
    return "".join(out)


def _unescaped(found: re.Match[str]) -> str:
    """The character an escape stands for ('' for one that stands for no character)."""
    code = found[1] or found[2] or found[3] or found[5]
    if code is None:
        return _NAMED[found[4]]
    value = int(code, 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else ""


def fold(text: str) -> Folded:
    """The text as detection reads it, with the way back to the original's indices."""
    if PLAIN.fullmatch(text):
        return Folded(text, None)
    pieces: list[str] = []
    origin: list[int] = []
    index = 0
    while index < len(text):
        escape = _ESCAPE.match(text, index) if text[index] in "\\%" else None
        char, width = (_unescaped(escape), escape.end() - index) if escape else (text[index], 1)
        folded = "".join(fold_char(c) for c in char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
        index += width
    origin.append(len(text))
    return Folded("".join(pieces), tuple(origin))
