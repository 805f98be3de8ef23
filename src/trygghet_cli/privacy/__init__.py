"""Personal data in text: find it in the spellings people type, and mask it one way everywhere.

One detector for every place that guards public text: validate's scan of the data files
(free text, ids, numbers and decoded web addresses), every finding's message, the publish
gate of reports and the site (the source text, the rendered output and its link targets),
every export, the site's history, and the warnings of the edit commands. Matching runs on
folded text (normalise.py); a match keeps its span in the original text, so that excerpts
can be starred where it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from trygghet_cli.privacy import patterns
from trygghet_cli.privacy.normalise import Folded, fold

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


def url_text(url: str) -> str:
    """A web address as detection reads it: percent-encoding and `+` for space decoded, and
    the parts of the query apart, so that `?personnummer=811228-9874&epost=…` is scanned."""
    from urllib.parse import unquote_plus

    return " ".join(unquote_plus(url).replace("&", " ").replace("?", " ").split())


def masked(text: str) -> str:
    """text with the personal part of every match starred out (letters and digits only, so
    the shape and the line breaks stay)."""
    matches = scan(text)
    if not matches:
        return text
    chars = list(text)
    for match in matches:
        for index in range(*match.hidden):
            if chars[index].isalnum():
                chars[index] = "*"
    return "".join(chars)


__all__ = ["EMAIL", "PERSONNUMMER", "PHONE", "Match", "mask", "masked", "scan", "url_text"]
