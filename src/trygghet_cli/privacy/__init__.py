"""Personal data in text: find it in the spellings people type, and mask it one way everywhere.

One detector for every place that guards public text: validate's scan of the data files
(free text, ids, numbers and decoded web addresses), every finding's message, the publish
gate of reports and the site (the source text, the rendered output and its link targets),
every export, the site's history, and the warnings of the edit commands. Matching runs on
folded text (normalise.py); a match keeps its span in the original text, so that excerpts
can be starred where it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from trygghet_cli.privacy import patterns
from trygghet_cli.privacy.normalise import PLAIN, Folded, fold

PERSONNUMMER, EMAIL, PHONE = "TRY504", "TRY505", "TRY506"


@dataclass(frozen=True, slots=True)
class Match:
    """One piece of text that looks like personal data.

    `start`/`end` is its span in the original text, `text` that original text, `value` the
    folded, canonical form (digits of a number, the address of an e-mail) and `hidden` the
    part of the original span that masking stars out.
    """

    code: str
    kind: str
    text: str
    start: int
    end: int
    value: str
    hidden: tuple[int, int]

    @property
    def shown(self) -> str:
        """The match as every message prints it (the one masked form)."""
        return mask(self)


def number_text(value: int) -> str:
    """A whole number as the scan reads it: its digits, with the leading 0 or + back where an
    unquoted mobile number lost it to YAML (`phone: 0701234567` reads as 701234567)."""
    digits = str(value)
    if len(digits) == 9 and digits[0] == "7":
        return "0" + digits
    if len(digits) == 11 and digits.startswith("467"):
        return "+" + digits
    return digits


def mask(match: Match) -> str:
    """The masked form: `811228-****` for a personnummer or samordningsnummer, `07********`
    for a phone number, `a***@example.se` for an e-mail address, however it was written."""
    if match.code == EMAIL:
        local, _, domain = match.value.partition("@")
        return f"{local[:1]}***@{domain}"
    if match.code == PERSONNUMMER:
        return f"{match.value[-10:-4]}-****"
    return match.value[:2] + "*" * (len(match.value) - 2)


def _in_original(folded: Folded, found: patterns.Found, kind: str, code: str, text: str) -> Match:
    start, end = folded.at(found.start), folded.at(found.end)
    hidden = (folded.at(found.hide_from), folded.at(found.hide_to))
    return Match(code, kind, text[start:end], start, end, found.value, hidden)


def scan(text: str) -> list[Match]:
    """Everything in text that looks like personal data, in the order found."""
    folded = fold(text)
    matches = [_in_original(folded, found, kind, code, text)
               for code, kind, found in patterns.find_all(folded.text)]
    return sorted(matches, key=lambda m: (m.start, m.end))


# What a text must hold to hold a match (the contrapositive is the point: a text with none of
# these holds no personal data, and scan() need not fold and search it):
# - a character that folding may change (anything but plain ASCII and Latin-1 letters, a
#   backslash or a percent sign may start an escape); else the folded text is the text, and
# - digits apart only by what is neither a letter nor a line break (the parts of a number are
#   kept apart only by spaces and the separators ._/:,-+()): ten of them, as a personnummer
#   has, or seven after where a phone number may start: its prefix begins with 0, + or (, at
#   the start of a word (the lookbehind of patterns._PHONE), and at least seven digits follow
#   its 0 (an id such as a2024-064 or a period 2024-2025 is neither); or
# - what email() looks for before it tries the address pattern (patterns.EMAIL_HINT).
# No match spans a line break, so texts joined by "\n" are searched at once. The ten digits
# are looked for from the first digit of a run of digits only (the run's first starts any
# group of ten there is, and a personnummer starts no run's middle).
_APART = r"[^0-9A-Za-z\u00c0-\u00ff\n\r]*"
# One search that starts at a character of either kind: the branches' lookbehinds come after
# it, so that the regex engine skips to such a character at once.
_DIGITS = re.compile(rf"[0-9+(](?:(?<![0-9].)(?:{_APART}[0-9]){{9}}"
                     rf"|(?<=[0+(])(?<![\w+/.].)(?:{_APART}[0-9]){{7}})")
# EMAIL_HINT searches case-insensitively, which the regex engine does a character at a time;
# these find its every match in plain text lowercased (a text that is not plain is picked
# anyway), each with a fast search for its first character or word. The text is lowercased
# as Latin-1 bytes, which lowers the ASCII letters only: in plain text no other letter
# lowers to one the hint is made of, and a bytes pattern's \w (ASCII only) is narrower, so
# these find at least what the hint would.
_AT_WORD = re.compile(rb"at(?!\w)(?<!\wat)")
_A_BRACKETED = re.compile(rb"[(\[{<] ?a ?[)\]}>]")


def _may_hint_at_email(joined: str) -> bool:
    if "@" in joined:
        return True
    lowered = joined.encode("latin-1", "replace").lower()
    return b"snabel" in lowered or bool(_AT_WORD.search(lowered) or _A_BRACKETED.search(lowered))


def _plain_run_end(text: str, start: int) -> int:
    run = PLAIN.match(text, start)
    return run.end() if run else start


def suspects(texts: list[str]) -> list[int]:
    """The indices, in order, of the texts that may hold personal data (scan() finds nothing
    in the others): one search over all of them instead of a scan of each."""
    if not texts:
        return []
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    joined = "\n".join(texts)
    hits = [hit.start() for hit in _DIGITS.finditer(joined)]
    at = _plain_run_end(joined, 0)  # a run of plain characters is passed at once
    while at < len(joined):
        hits.append(at)
        at = _plain_run_end(joined, at + 1)
    if _may_hint_at_email(joined):
        hits.extend(hit.start() for hit in patterns.EMAIL_HINT.finditer(joined))
    return sorted({bisect_right(starts, hit) - 1 for hit in hits})


def url_text(url: str) -> str:
    """A web address as detection reads it: percent-encoding and `+` for space decoded, and
    the parts of the query apart, so that `?personnummer=811228-9874&epost=…` is scanned."""
    from urllib.parse import unquote_plus

    return " ".join(unquote_plus(url).replace("&", " ").replace("?", " ").split())


def masked(text: str) -> str:
    """text with the personal part of every match starred out (letters and digits only, so
    the shape and the line breaks stay)."""
    matches = scan(text) if suspects([text]) else []  # most texts need no fold and search
    if not matches:
        return text
    chars = list(text)
    for match in matches:
        for index in range(*match.hidden):
            if chars[index].isalnum():
                chars[index] = "*"
    return "".join(chars)


__all__ = ["EMAIL", "PERSONNUMMER", "PHONE", "Match", "mask", "masked", "scan", "suspects", "url_text"]
