"""Text as personal-data detection reads it: the spellings people type folded to one form.

A word processor writes `811228–9874` with an en dash, a web form `070‑123 45 67` with a
non-breaking hyphen, a phone keyboard `０７０` in fullwidth digits, and a copy from a PDF
hides a zero-width space inside a number. Detection matches the folded text; every
character of it remembers where it came from, so a match can be masked in the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Characters that show nothing but are not format characters (category Cf, removed too).
_INVISIBLE = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u180e", "\u2800"}
# Dash-like characters that are not in category Pd.
_DASHES = {"\u2212", "\u2043", "\u2796", "\ufe63", "\u2010", "\u2011"}
# Text made only of these needs no folding (the common case: ASCII and Swedish letters).
_PLAIN = re.compile(r"[\n\r\x20-\x7e\u00c0-\u00ff]*")


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
    if char in _INVISIBLE or unicodedata.category(char) == "Cf":
        return ""
    out = []
    for piece in unicodedata.normalize("NFKC", char):
        if piece in _DASHES or unicodedata.category(piece) == "Pd":
            out.append("-")
        elif piece == "\t" or unicodedata.category(piece) == "Zs":
            out.append(" ")
        else:
            out.append(piece)
    return "".join(out)


def fold(text: str) -> Folded:
    """The text as detection reads it, with the way back to the original's indices."""
    if _PLAIN.fullmatch(text):
        return Folded(text, None)
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return Folded("".join(pieces), tuple(origin))
