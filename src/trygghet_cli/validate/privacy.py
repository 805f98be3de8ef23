"""Find text that looks like personal data: personnummer, samordningsnummer, e-mail, phone."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from trygghet_cli.findings import Finding, make
from trygghet_cli.loading import Document, JsonPath

_PNR = re.compile(r"(?<![\d-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# 'anna (at) polisen.se', 'anna[at]polisen.se', 'anna (snabel-a) polisen.se'
_EMAIL_SPELLED = re.compile(r"(?<![\w.+-])[\w.+-]+ ?[(\[] ?(?:at|snabel-a) ?[)\]] ?[\w-]+(?:\.[\w-]+)*"
                            r"\.[A-Za-z]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)46[\s-]?(?:\(0\) ?)?|0)\d{1,3}(?:[\s-]?\d{2,4}){2,4}(?![\w])")
# Fields whose text never reaches a public report.
PRIVATE_KEYS = {"internal_notes"}
# Fields that are identifiers, dates or addresses rather than free text. The site's public
# contact (site.contact in trygghet.yaml) is declared public, so its mailbox and number are too.
NOT_TEXT = {"id", "url", "date", "start", "end", "due", "completed", "published", "revised",
            "email", "phone", "accessibility_contact"}


@dataclass(frozen=True, slots=True)
class Match:
    """One suspicious piece of text and what it looks like."""

    code: str
    kind: str
    text: str

    @property
    def shown(self) -> str:
        """The match as messages may print it: the personal part masked (S9, C4)."""
        if self.code == "TRY505":
            local, _, domain = re.split(r"(@| ?[(\[] ?(?:at|snabel-a) ?[)\]] ?)", self.text, maxsplit=1,
                                        flags=re.IGNORECASE)
            return f"{local[:1]}***@{domain}"
        if self.code == "TRY504":
            return re.sub(r"\d{4}$", "****", self.text)
        keep = 4 if self.text.startswith(("+", "00")) else 3
        return self.text[:keep] + re.sub(r"\d", "*", self.text[keep:])


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _personnummer(text: str) -> Iterator[Match]:
    for found in _PNR.finditer(text):
        yy, month, day, tail = found.groups()
        day_number = int(day)
        if not 1 <= int(month) <= 12:
            continue
        coordination = 61 <= day_number <= 91
        if not (1 <= day_number <= 31 or coordination):
            continue
        kind = "samordningsnummer" if coordination else "personnummer"
        if _luhn_ok(yy + month + day + tail):
            yield Match("TRY504", kind, found.group())
        elif re.search(r"\d[-+]\d", found.group()):
            # A typo in a real number is still personal data (C8); only the written-out
            # YYMMDD-NNNN form, since ten bare digits are more often a phone number.
            yield Match("TRY504", f"{kind} (with a wrong check digit)", found.group())


def scan(text: str) -> list[Match]:
    """Everything in text that looks like personal data."""
    matches = list(_personnummer(text))
    matches.extend(Match("TRY505", "e-mail address", m.group()) for m in _EMAIL.finditer(text))
    matches.extend(Match("TRY505", "e-mail address", m.group())
                   for m in _EMAIL_SPELLED.finditer(text))
    taken = {m.text for m in matches}
    for found in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", found.group().replace("(0)", ""))
        digits = "0" + digits[4:] if digits.startswith("0046") else digits
        digits = "0" + digits[2:] if found.group().startswith("+") else digits
        if 8 <= len(digits) <= 12 and not any(found.group() in t for t in taken):
            matches.append(Match("TRY506", "phone number", found.group()))
    return matches


def public_strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every public free-text string below value, with its path (internal parts left out)."""
    if isinstance(value, dict):
        if value.get("visibility") == "internal":
            return
        for key, item in value.items():
            if key not in PRIVATE_KEYS and key not in NOT_TEXT:
                yield from public_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from public_strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def check(doc: Document) -> list[Finding]:
    """TRY504-TRY506 warnings for public text in one document."""
    findings = []
    for path, text in public_strings(doc.data, ()):
        for match in scan(text):
            findings.append(make(
                match.code, doc.where(path),
                f"public text contains what looks like {_article(match.kind)} {match.kind}: '{match.shown}'",
                "remove personal data from public fields; use a role instead of a person, "
                "or move the text to internal_notes",
                sv=f"publik text innehåller något som ser ut som {_sv_kind(match.kind)}: "
                f"'{match.shown}'",
                sv_hint="ta bort personuppgifter ur publika fält; skriv en roll i stället för en "
                "person, eller flytta texten till internal_notes"))
    return findings


_SV_KINDS = {"personnummer": "ett personnummer", "samordningsnummer": "ett samordningsnummer",
             "e-mail address": "en e-postadress", "phone number": "ett telefonnummer"}


def _sv_kind(kind: str) -> str:
    base, _, wrong = kind.partition(" (")
    return _SV_KINDS[base] + (" (med fel kontrollsiffra)" if wrong else "")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _personal_data_on(text: str, lines: set[int] | None) -> bool:
    """Whether the text (or only the given lines of it, which excerpts show) holds personal data."""
    if lines is None:
        return bool(scan(text))
    all_lines = text.splitlines()
    return any(scan(all_lines[line - 1]) for line in lines if 0 < line <= len(all_lines))


def redacted(doc: Document, lines: set[int] | None = None) -> str:
    """The document's text for source excerpts, with confidential values and personal data
    starred out (S9): an excerpt in a CI log must not show what the message masks.

    With `lines`, only values that touch those lines (the ones excerpts show) are looked at:
    redacting a whole file for one warning made a warm national validate 3x slower."""
    if not any(key in doc.text for key in PRIVATE_KEYS) and not _personal_data_on(doc.text, lines):
        return doc.text  # nothing to star out: skip the walk over every value
    chars = list(doc.text)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", doc.text)]

    def offset(position: tuple[int, int]) -> int:
        line, column = position
        return starts[line - 1] + column - 1 if 0 < line <= len(starts) else len(chars)

    def star(start: int, end: int) -> None:
        for index in range(start, min(end, len(chars))):
            if chars[index] not in "\r\n":
                chars[index] = "*"

    def span(path: JsonPath) -> tuple[int, int] | None:
        if path not in doc.positions or path not in doc.ends:
            return None
        first, last = doc.positions[path], doc.ends[path]
        if lines is not None and not any(first[0] <= line <= last[0] for line in lines):
            return None
        return offset(first), offset(last)

    for path in doc.ends:
        where = span(path)
        if where and any(part in PRIVATE_KEYS for part in path if isinstance(part, str)):
            star(*where)
    for path, text in public_strings(doc.data, ()):
        where = span(path)
        for match in scan(text) if where else []:
            assert where is not None
            raw = doc.text[where[0] : where[1]]
            found = [m.start() for m in re.finditer(re.escape(match.text), raw)]
            if not found:
                star(*where)
            keep = len(os.path.commonprefix([match.text, match.shown]))
            for at in found:
                star(where[0] + at + keep, where[0] + at + len(match.text))
    return "".join(chars)
