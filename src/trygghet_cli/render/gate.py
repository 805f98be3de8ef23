"""The publish gate: a public report is refused when its text looks like personal data.

The same detection as `trygghet validate` (the privacy package) runs twice: over the public
text of every data file the report draws on (so the message points at file:line), and
over the rendered output itself (so nothing a template adds slips through).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from trygghet_cli import privacy
from trygghet_cli.errors import DataError
from trygghet_cli.findings import CODES, Location
from trygghet_cli.loading import Document
from trygghet_cli.model import Model
from trygghet_cli.validate.privacy import public_strings, sv_kind

# Internal texts shorter than this are too likely to occur in public text by chance.
CANARY_MIN = 20

# Attributes whose values a reader sees, and link targets, which a reader follows (and a
# server logs): scanned decoded, as validate scans urls.
READ_ATTRIBUTES = {"title", "alt", "aria-label", "content", "summary"}
LINK_ATTRIBUTES = {"href", "src"}
_MD_LINK_TARGET = re.compile(r"(?<!\\)\](\([^)\s]*\))")
_MD_ESCAPE = re.compile(r"\\(.)")
def _refuse(problems: list[tuple[Location, privacy.Match]]) -> DataError:
    where, match = problems[0]
    values = {"where": where, "what": CODES[match.code][1], "kind": sv_kind(match.kind), "code": match.code,
              "shown": match.shown}
    if len(problems) > 1:
        return DataError.say("gate.personal_more", others=len(problems) - 1, **values)
    return DataError.say("gate.personal", **values)


def contact_key(text: str) -> str:
    """A contact as the gate compares it: digits only for a number, lower case for an address."""
    text = text.strip()
    if "@" in text:
        return text.lower()
    digits = re.sub(r"\D", "", text.replace("(0)", "")).removeprefix("00")
    return "0" + digits[2:] if digits.startswith("46") else digits


def declared_contact(match: privacy.Match, allowed: frozenset[str]) -> bool:
    """Whether the match is the public contact the data root declares (never a personnummer)."""
    return bool(allowed) and match.code != "TRY504" and contact_key(match.text) in allowed


def check_inputs(documents: list[Document], allowed: frozenset[str] = frozenset()) -> None:
    """Refuse when public text in a source file looks like personal data; `allowed` holds the
    public contact (contact_key form) that the data root declares."""
    found = [(doc, path, text) for doc in documents for path, text in public_strings(doc.data, ())]
    problems: list[tuple[Location, privacy.Match]] = []
    for index in privacy.suspects([text for _, _, text in found]):  # most hold nothing to look at
        doc, path, text = found[index]
        problems.extend((doc.where(path), match) for match in privacy.scan(text)
                        if not declared_contact(match, allowed))
    if problems:
        raise _refuse(sorted(problems, key=lambda item: item[0]))


class TextLines(HTMLParser):
    """Visible text and read attributes of an HTML document, with their line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script"}:
            self._skip += 1
        line = self.getpos()[0]
        self.pieces.extend((line, v) for k, v in attrs if k in READ_ATTRIBUTES and v)
        self.pieces.extend((line, privacy.url_text(v)) for k, v in attrs if k in LINK_ATTRIBUTES and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.pieces.append((self.getpos()[0], data))


@lru_cache(maxsize=4)
def output_pieces(text: str, fmt: str) -> tuple[tuple[int, str], ...]:
    """The readable text of a rendered report as (line, text) pieces (kept for the next call:
    both checks of the gate read the same output, and parsing HTML is most of their time)."""
    if fmt == "html":
        from trygghet_cli.render import htmlread

        return tuple(htmlread.read(TextLines, text).pieces)
    pieces = []
    for n, line in enumerate(text.splitlines(), start=1):
        if "](" not in line:  # no link target (most lines of a CSV or JSON file)
            pieces.append((n, _MD_ESCAPE.sub(r"\1", line) if "\\" in line else line))
            continue
        pieces.append((n, _MD_ESCAPE.sub(r"\1", _MD_LINK_TARGET.sub("]", line))))
        pieces += [(n, privacy.url_text(t.group(1)[1:-1])) for t in _MD_LINK_TARGET.finditer(line)]
    return tuple(pieces)


def check_output(text: str, fmt: str, name: str, allowed: frozenset[str] = frozenset()) -> None:
    """Refuse when the rendered report itself shows something that looks like personal data."""
    check_pieces(output_pieces(text, fmt), name, allowed)


Pieces = tuple[tuple[int, str], ...]


def check_pieces(pieces: Pieces, name: str, allowed: frozenset[str] = frozenset(),
                 seen: dict[str, list[privacy.Match]] | None = None) -> None:
    """check_output on a page's readable pieces (output_pieces); `seen` keeps what each text
    was found to hold, for the pages of one site, which share their header and footer."""
    seen = {} if seen is None else seen
    fresh = [text for text in dict.fromkeys(piece for _, piece in pieces) if text not in seen]
    suspect = set(privacy.suspects(fresh))  # one search over them all; most hold nothing
    for index, text in enumerate(fresh):
        seen[text] = privacy.scan(text) if index in suspect else []
    problems = [(Location(name, line), match) for line, piece in pieces for match in seen[piece]
                if not declared_contact(match, allowed)]
    if problems:
        raise _refuse(problems)


def internal_texts(model: Model) -> list[str]:
    """Texts that must never be published: internal notes, and internal activities' own words."""
    texts = []
    for activity in model.all_activities():
        texts.append(activity.internal_notes or "")
        if activity.visibility == "internal":
            texts += [activity.title, activity.description or "", activity.reason or "",
                      activity.status_note or "", *[t.text for t in activity.targets]]
    return sorted({" ".join(t.split()) for t in texts if len(t) >= CANARY_MIN})


def check_no_internal(text: str, fmt: str, name: str, model: Model) -> None:
    """Refuse a public report whose output holds internal text (a last line of defence)."""
    check_pieces_internal(output_pieces(text, fmt), name, internal_texts(model))


def check_pieces_internal(pieces: Pieces, name: str, internal: list[str]) -> None:
    """check_no_internal on a page's readable pieces, with the model's internal_texts."""
    readable = " ".join(" ".join(piece.split()) for _, piece in pieces)
    leaked = [t for t in internal if t in readable]
    if leaked:
        raise DataError.say("gate.internal", name=name, text=leaked[0][:12])
