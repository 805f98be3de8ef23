"""Validate's personal-data warnings (TRY504-TRY506) and the masking of source excerpts.

Detection and the masked form are the privacy package's, shared with the publish gate,
the exports and the edit commands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from trygghet_cli.findings import Finding, make
from trygghet_cli.loading import Document, JsonPath
from trygghet_cli.privacy import Match, masked, number_text, scan, suspects, url_text

# scan and Match are re-exported for code written before the privacy package.
__all__ = ["NOT_TEXT", "PRIVATE_KEYS", "URL_KEYS", "Match", "check", "public_strings", "redacted", "scan"]

# Fields whose text never reaches a public report.
PRIVATE_KEYS = {"internal_notes"}
# Fields that are dates rather than text. The site's public contact (site.contact in
# trygghet.yaml) is declared public, so its mailbox and number are not scanned either.
NOT_TEXT = {"date", "start", "end", "due", "completed", "published", "revised",
            "email", "phone", "accessibility_contact"}
# Fields that hold a web address: scanned as a reader (or a server's log) sees it, decoded.
URL_KEYS = {"url", "source_url", "link", "href", "base_url"}


def public_strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every public string below value, with its path (internal parts left out): free text,
    ids (an id made from a title keeps its words), numbers (`value: 8112289874`) as their
    digits, and web addresses decoded (`?pnr=811228%2D9874`)."""
    if isinstance(value, dict):
        if value.get("visibility") == "internal":
            return
        for key, item in value.items():
            if key in URL_KEYS and isinstance(item, str):
                yield (*path, key), url_text(item)
            elif key not in PRIVATE_KEYS and key not in NOT_TEXT:
                yield from public_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from public_strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, number_text(value)


_SKIPPED = PRIVATE_KEYS | NOT_TEXT


def _public_texts(value: Any, out: list[str]) -> None:
    """The texts public_strings yields, in its order, without their paths (the paths of the
    few that may hold personal data are found by _paths_at). A plain string (most values) is
    taken where it stands, without a call of its own."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        if value.get("visibility") == "internal":
            return
        for key, item in value.items():
            if key in URL_KEYS and isinstance(item, str):
                out.append(url_text(item))
            elif key not in _SKIPPED:
                if type(item) is str:
                    out.append(item)
                else:
                    _public_texts(item, out)
    elif isinstance(value, list):
        for item in value:
            if type(item) is str:
                out.append(item)
            else:
                _public_texts(item, out)
    elif isinstance(value, int) and not isinstance(value, bool):
        out.append(number_text(value))


def _paths_at(value: Any, wanted: list[int]) -> dict[int, JsonPath]:
    """The paths of the texts at the wanted indices (ascending) of _public_texts' order; the
    walk stops after the last."""
    found: dict[int, JsonPath] = {}
    seen = [0]
    last = wanted[-1]
    chosen = set(wanted)
    trail: list[str | int] = []

    def leaf() -> bool:
        if seen[0] in chosen:
            found[seen[0]] = tuple(trail)
        seen[0] += 1
        return seen[0] > last

    def walk(node: Any) -> bool:  # True once the last wanted text is passed
        if isinstance(node, dict):
            if node.get("visibility") == "internal":
                return False
            for key, item in node.items():
                trail.append(key)
                if key in URL_KEYS and isinstance(item, str):
                    done = leaf()
                else:
                    done = key not in PRIVATE_KEYS and key not in NOT_TEXT and walk(item)
                trail.pop()
                if done:
                    return True
            return False
        if isinstance(node, list):
            for index, item in enumerate(node):
                trail.append(index)
                done = walk(item)
                trail.pop()
                if done:
                    return True
            return False
        if isinstance(node, str) or (isinstance(node, int) and not isinstance(node, bool)):
            return leaf()
        return False

    walk(value)
    return found


def check(doc: Document) -> list[Finding]:
    """TRY504-TRY506 warnings for public text in one document."""
    texts: list[str] = []
    _public_texts(doc.data, texts)
    wanted = suspects(texts)  # one search over all the texts; most hold nothing to look at
    if not wanted:
        return []
    paths = _paths_at(doc.data, wanted)
    findings = []
    for index in wanted:
        for match in scan(texts[index]):
            findings.append(make(
                match.code, doc.where(paths[index]),
                f"public text contains what looks like {_article(match.kind)} {match.kind}: '{match.shown}'",
                "remove personal data from public fields; use a role instead of a person, "
                "or move the text to internal_notes",
                sv=f"publik text innehåller något som ser ut som {sv_kind(match.kind)}: "
                f"'{match.shown}'",
                sv_hint="ta bort personuppgifter ur publika fält; skriv en roll i stället för en "
                "person, eller flytta texten till internal_notes"))
    return findings


_SV_KINDS = {"personnummer": "ett personnummer", "samordningsnummer": "ett samordningsnummer",
             "e-mail address": "en e-postadress", "phone number": "ett telefonnummer"}


def sv_kind(kind: str) -> str:
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
            hide_from, hide_to = match.hidden[0] - match.start, match.hidden[1] - match.start
            for at in found:
                star(where[0] + at + hide_from, where[0] + at + hide_to)
    return _mask_lines("".join(chars), lines)


def excerpt_lines(doc: Document, lines: set[int]) -> dict[int, str]:
    """The given lines of the document, as excerpts show them (redacted), by line number."""
    shown = redacted(doc, lines).splitlines()
    return {line: shown[line - 1] for line in sorted(lines) if 0 < line <= len(shown)}


def _mask_lines(text: str, lines: set[int] | None) -> str:
    """Personal data anywhere on the shown lines starred out, also in comments, keys and files
    that did not pass their schema: no excerpt shows what a message would mask."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    for index in range(0, len(parts), 2):
        if lines is None or index // 2 + 1 in lines:
            parts[index] = masked(parts[index])
    return "".join(parts)
