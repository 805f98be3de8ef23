"""The patterns of personal data, matched on folded text (see normalise.py).

Personnummer and samordningsnummer need a real month, a day (61-91 for a
samordningsnummer) and a valid check digit, except when written YYMMDD-NNNN with a dash
or plus (a typo in a real number is still personal data). The two parts may be kept apart
by any short run of separators (`811228  9874`, `811228 / 9874`, `811228_9874`,
`811228:9874`); an unusual one needs the check digit to hold, so that lists of numbers and
dates stay ordinary text. Phone numbers are Swedish ones with 8-10 digits, their groups
kept apart the same way (`070_1234567`, `+46-70-…`, `(+46) 70 …`, `0 70 …`). E-mail
addresses may spell out `at`, `(a)`, `snabel-a`, `dot` and `punkt`, quote the name
(`"anna"@…`) and put spaces around the dots; a bare ` at ` counts when the name looks like
an address (`anna.svensson at example.se`) or a dot is spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Found:
    """A match in folded text: its span, its canonical value and the span to hide."""

    start: int
    end: int
    value: str
    hide_from: int
    hide_to: int


# Separators people put between the parts of a number: any short run of spaces, dots,
# slashes, underscores, colons, commas and dashes (folded text: every dash look-alike is '-').
_RUN = r"[ ._/:,\-]{1,4}"
_PNR = re.compile(
    r"(?<!\d)(?<!\d[-+./:,_])(?P<century>19|20)?(?P<date>\d\d(?P<gap> ?)\d\d(?P=gap)\d\d)"
    rf"(?P<sep> *[-+] *|{_RUN})?(?P<tail>\d\d ?\d\d)(?!\d|[-.,/:_]\d)")
_PHONE = re.compile(
    r"(?<![\w+/.])(?<!\d-)(?P<prefix>\(\+46\)[ ._\-]*(?=[1-9])"
    r"|(?:\+|00)[ ._\-]?46[ ._\-]*(?:\(0\)[ ._\-]*)?(?=[1-9])"
    r"|\(0(?=\d{1,3}\))|0(?=[1-9])|0 (?=7\d))"
    r"(?P<number>\d{1,3}\)?(?:(?:[ _]?[-/._][ _]?|[ _]{1,2})?\d{1,4}){2,5})(?![\w]|[-/.]\d)")
_DATE_OR_TIME = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[.:]\d\d ?- ?\d{1,2}[.:]\d\d")
_TIME_RANGE = re.compile(r"(?<!\d)[0-2]?\d[.:][0-5]\d ?- ?[0-2]?\d[.:][0-5]\d(?!\d)")
_AT = r"(?: ?@ ?| ?[(\[{<] ?(?:at|a|snabel-?a) ?[)\]}>] ?| snabel-?a | at )"
_SPELLED = r"(?: ?[(\[{<] ?(?:dot|punkt) ?[)\]}>] ?| (?:dot|punkt) )"
_DOT = rf"(?: ?\. ?|{_SPELLED})"
_EMAIL = re.compile(
    rf"(?<![\w.+\-])(?P<quote>\")?(?P<local>[\w+\-]+(?:{_DOT}[\w+\-]+)*)(?(quote)\")(?P<at>{_AT})"
    rf"(?P<domain>[\w\-]+(?:{_DOT}[\w\-]+)*{_DOT}[a-z]{{2,}})(?![\w\-]|\.\w)", re.IGNORECASE)
EMAIL_HINT = re.compile(r"@|\bat\b|snabel|[(\[{<] ?a ?[)\]}>]", re.IGNORECASE)
_SPELLED_DOT = re.compile(_SPELLED, re.IGNORECASE)
_ADDRESS_LIKE = re.compile(r"[._+\-\d]")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def personnummer(text: str) -> Iterator[tuple[str, Found]]:
    """Personnummer and samordningsnummer, with their kind."""
    for found in _PNR.finditer(text):
        date = found["date"].replace(" ", "")
        tail = found["tail"].replace(" ", "")
        sep = (found["sep"] or "").strip()
        if found["gap"] and sep not in {"-", "+"}:
            continue  # '10 12 14 16 18' is a list of numbers
        month, day = int(date[2:4]), int(date[4:])
        coordination = 61 <= day <= 91
        if not 1 <= month <= 12 or not (1 <= day <= 31 or coordination):
            continue
        kind = "samordningsnummer" if coordination else "personnummer"
        if not _luhn_ok(date + tail):
            if sep not in {"-", "+"}:
                continue  # ten bare digits with a wrong check digit are more often a phone number
            kind += " (with a wrong check digit)"
        yield kind, Found(found.start(), found.end(), (found["century"] or "") + date + tail,
                          found.start("tail"), found.end())


def phone(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Swedish phone numbers that do not overlap a span already taken."""
    for found in _PHONE.finditer(text):
        if any(start < found.end() and found.start() < end for start, end in taken):
            continue
        if _DATE_OR_TIME.fullmatch(found.group().strip("()")):
            continue
        if _TIME_RANGE.search(found.group()):
            continue  # '08.00-17.00' is a time
        digits = re.sub(r"\D", "", found["number"])
        value = "0" + digits
        if not 8 <= len(value) <= 10:
            continue
        first = found.start("number") + _digit_offset(found["number"], 1)
        yield Found(found.start(), found.end(), value, first, found.end())


def _digit_offset(text: str, count: int) -> int:
    """The index in text just after its first `count` digits."""
    seen = 0
    for index, char in enumerate(text):
        if char.isdigit():
            seen += 1
            if seen == count:
                return index + 1
    return len(text)


def email(text: str) -> Iterator[Found]:
    """E-mail addresses, also with spelled-out `at`, `snabel-a`, `dot` and `punkt`."""
    if not EMAIL_HINT.search(text):
        return
    for found in _EMAIL.finditer(text):
        at = found["at"].strip().lower()
        if at == "at" and not _SPELLED_DOT.search(found.group()) and \
                not _ADDRESS_LIKE.search(found["local"]):
            continue  # 'läs mer at polisen.se': a bare 'at' needs an address-like name or 'dot'
        local = re.sub(r" ?\. ?", ".", _SPELLED_DOT.sub(".", found["local"]))
        domain = re.sub(r" ?\. ?", ".", _SPELLED_DOT.sub(".", found["domain"])).lower()
        yield Found(found.start(), found.end(), f"{local}@{domain}",
                    found.start("local") + 1, found.start("at"))


def find_all(text: str) -> Iterator[tuple[str, str, Found]]:
    """(code, kind, match) for every piece of personal data in folded text."""
    taken: list[tuple[int, int]] = []
    if re.search(r"\d", text):
        for kind, found in personnummer(text):
            taken.append((found.start, found.end))
            yield "TRY504", kind, found
    for found in email(text):
        taken.append((found.start, found.end))
        yield "TRY505", "e-mail address", found
    if re.search(r"\d", text):
        for found in phone(text, taken):
            yield "TRY506", "phone number", found
