"""Findings (what validation reports) and the catalogue of their stable codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; errors make `validate` fail, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file; line and column are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{max(self.column, 1)}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the data: what, where, and how to fix it."""

    code: str
    severity: Severity
    where: Location
    message: str
    hint: str | None = None
    message_sv: str | None = None
    hint_sv: str | None = None

    def text(self, lang: str) -> tuple[str, str | None]:
        """The message and hint in the language (English when no Swedish text exists)."""
        if lang == "sv" and self.message_sv:
            return self.message_sv, self.hint_sv or self.hint
        return self.message, self.hint

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.where.path, self.where.line, self.where.column, self.code)


# The catalogue: code -> (severity, short name). Codes are stable: never reuse one.
CODES: dict[str, tuple[Severity, str]] = {
    # reading and decoding
    "TRY001": (Severity.ERROR, "file cannot be read"),
    "TRY002": (Severity.ERROR, "file is not valid UTF-8"),
    "TRY003": (Severity.ERROR, "file is empty"),
    "TRY004": (Severity.ERROR, "control character in file"),
    "TRY005": (Severity.WARNING, "invisible character in text"),
    "TRY006": (Severity.ERROR, "data root of a newer format"),
    # YAML structure
    "TRY101": (Severity.ERROR, "YAML syntax error"),
    "TRY102": (Severity.ERROR, "duplicate key"),
    "TRY103": (Severity.ERROR, "anchor or alias"),
    "TRY104": (Severity.ERROR, "tag not allowed"),
    "TRY105": (Severity.ERROR, "directive not allowed"),
    "TRY106": (Severity.ERROR, "more than one document"),
    "TRY107": (Severity.ERROR, "nesting too deep"),
    "TRY108": (Severity.ERROR, "value too long"),
    "TRY109": (Severity.ERROR, "key is not a string"),
    "TRY110": (Severity.ERROR, "number out of range"),
    # schema
    "TRY201": (Severity.ERROR, "unknown key"),
    "TRY202": (Severity.ERROR, "missing key"),
    "TRY203": (Severity.ERROR, "wrong type"),
    "TRY204": (Severity.ERROR, "value not allowed"),
    "TRY205": (Severity.ERROR, "invalid date"),
    "TRY206": (Severity.ERROR, "value has the wrong form"),
    "TRY207": (Severity.ERROR, "value out of range"),
    "TRY208": (Severity.ERROR, "list too short or has repeats"),
    "TRY209": (Severity.ERROR, "schema violation"),
    # references
    "TRY301": (Severity.ERROR, "duplicate id"),
    "TRY302": (Severity.ERROR, "unknown agreement"),
    "TRY303": (Severity.ERROR, "unknown priority area"),
    "TRY304": (Severity.ERROR, "unknown pledge"),
    "TRY305": (Severity.ERROR, "unknown pledge set"),
    "TRY306": (Severity.ERROR, "unknown function"),
    "TRY307": (Severity.ERROR, "unknown district"),
    "TRY308": (Severity.ERROR, "unknown party"),
    "TRY309": (Severity.ERROR, "unknown source"),
    "TRY310": (Severity.ERROR, "unknown predecessor activity"),
    "TRY311": (Severity.ERROR, "file in the wrong folder"),
    "TRY312": (Severity.ERROR, "unknown municipality"),
    "TRY313": (Severity.ERROR, "document without a municipality"),
    "TRY314": (Severity.ERROR, "municipality given twice"),
    "TRY315": (Severity.ERROR, "unknown problem"),
    "TRY316": (Severity.ERROR, "unknown indicator"),
    "TRY317": (Severity.ERROR, "unknown lägesbild"),
    "TRY318": (Severity.WARNING, "defined in a file that could not be read"),
    "TRY319": (Severity.ERROR, "unknown target in part_of"),
    "TRY321": (Severity.ERROR, "district of another municipality"),
    "TRY322": (Severity.ERROR, "district without a municipality"),
    # rules
    "TRY401": (Severity.ERROR, "period ends before it starts"),
    "TRY402": (Severity.ERROR, "date outside the period"),
    "TRY403": (Severity.ERROR, "due date before start date"),
    "TRY404": (Severity.ERROR, "done activity without completion date"),
    "TRY405": (Severity.ERROR, "delayed or cancelled activity without reason"),
    "TRY406": (Severity.ERROR, "pledge period outside the agreement period"),
    "TRY407": (Severity.ERROR, "outcome date outside the period"),
    "TRY408": (Severity.ERROR, "target of wrong shape for its kind"),
    "TRY409": (Severity.ERROR, "predecessors form a cycle"),
    "TRY410": (Severity.ERROR, "completed before it started"),
    "TRY412": (Severity.ERROR, "part of a target larger than the whole"),
    "TRY413": (Severity.ERROR, "pledge period that contradicts itself"),
    "TRY420": (Severity.ERROR, "outcome windows overlap"),
    # warnings
    "TRY501": (Severity.WARNING, "activity without target"),
    "TRY502": (Severity.WARNING, "pledge without activity or target"),
    "TRY503": (Severity.WARNING, "priority area without pledge"),
    "TRY504": (Severity.WARNING, "looks like a personnummer"),
    "TRY505": (Severity.WARNING, "looks like an e-mail address"),
    "TRY506": (Severity.WARNING, "looks like a phone number"),
    "TRY507": (Severity.WARNING, "problem without measure"),
    "TRY508": (Severity.WARNING, "activity tied to no problem or priority area"),
    "TRY509": (Severity.WARNING, "periods of one municipality overlap"),
    "TRY520": (Severity.WARNING, "stated verdict contradicts the figures"),
    "TRY521": (Severity.WARNING, "outcome dated in the future"),
    "TRY522": (Severity.WARNING, "done activity completed in the future"),
}

# Codes no longer given, with the release that stopped giving them; their pages say why.
# A retired code is never given again, nor reused for something else.
RETIRED: dict[str, str] = {
    "TRY411": "0.2.0",  # names are data: a party's name may hold a comma or 'och'
}


def quoted(value: object, limit: int = 60) -> str:
    """A data value for a message: quoted, on one line, shortened, odd characters escaped.

    Values come from the file; printed raw, a newline, a carriage return or a
    20 000-character title would break the one-line message format.
    """
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(value))
    if len(text) > limit:
        text = f"{text[: limit - 15]}... ({len(str(value))} characters)"
    return f"'{text}'"


def make(code: str, where: Location, message: str, hint: str | None = None, *,
         sv: str | None = None, sv_hint: str | None = None) -> Finding:
    """Create a finding with the severity the catalogue gives its code.

    `message` and `hint` are English; `sv` and `sv_hint` the Swedish texts shown by default.
    Personal data in any of them is starred out (privacy.masked).
    """
    from trygghet_cli.privacy import masked

    severity = CODES[code][0]
    # A message quotes values (an id, a value the schema refused): personal data in one is
    # starred here, once for every check, so that no message prints it in clear.
    return Finding(code=code, severity=severity, where=where, message=masked(message),
                   hint=_masked(hint), message_sv=_masked(sv), hint_sv=_masked(sv_hint))


def _masked(text: str | None) -> str | None:
    from trygghet_cli.privacy import masked

    return None if text is None else masked(text)


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    """True when the findings should make a command fail."""
    return any(f.severity is Severity.ERROR or strict for f in findings)
