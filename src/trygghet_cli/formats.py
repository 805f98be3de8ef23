"""The data format of a data root, and the rules that are warnings before they become errors.

A data root says which format it is written in with `format: N` in trygghet.yaml; without it,
it is format 1, the format of trygghet 0.1. The rules (docs/compatibility.md):

- The format number goes up only with a change that `trygghet migrate` must make to data that
  was valid: a field renamed or moved, a value spelt anew, a rule that becomes an error. An
  additive change (a new optional field, a new accepted value, a new warning) keeps the number:
  data valid before stays valid, and a root using the new field says so by failing the older
  tool's schema, not by a new number.
- A rule that would make valid data invalid is first a deprecation: a warning in every root of
  an older format, naming the format (and the release) in which it becomes an error and what
  fixes it; `trygghet migrate` makes the fix where it can be made without guessing. It is an
  error only in a root whose `format:` is at least that format, which only `migrate` (or a
  person) writes. So no error appears on unchanged data within a major version.
- A root of a newer format than this trygghet knows is refused at once, before any other file is
  read (TRY006): its files may mean something this version would misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trygghet_cli import __version__
from trygghet_cli.findings import Finding, Location, Severity, make

FIRST = 1
# The newest format this trygghet reads and `migrate` writes. Format 2: in a root of several
# municipalities every district and every lägesbild says which municipality it belongs to
# (TRY322, TRY313 are errors); the key `format:` itself is unknown to trygghet 0.1.
CURRENT = 2
# The release that first reads each format (a release not yet made is the next one planned).
RELEASES: dict[int, str] = {1: "0.1.0", 2: "0.2.0"}
KEY = "format"
# `format: N` at the top level of trygghet.yaml, found without reading the whole file.
_LINE = re.compile(rb"""^(?:\xef\xbb\xbf)?(?:format|"format"|'format')[ \t]*:[ \t]*"""
                   rb"""([^#\r\n]*?)[ \t]*(?:\#.*)?\r?$""", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Deprecation:
    """A rule that is a warning in roots of a format before `error_in`, and an error from it."""

    code: str
    error_in: int      # the format in which it is an error
    release: str       # the major release from which it is an error in every root
    fix_sv: str
    fix_en: str


# A finding whose code is named here is made by its check as an error and turned into a warning
# by `soften` when the root's format is older than `error_in`.
DEPRECATIONS: dict[str, Deprecation] = {
    # trygghet 0.1 had no `municipality:` on a district: a root of several municipalities
    # written for it has districts of no municipality.
    "TRY322": Deprecation("TRY322", 2, "1.0", "kör 'trygghet migrate', som fyller i kommunen där "
                          "dokumenten som nämner kommundelen hör till en enda kommun",
                          "run 'trygghet migrate', which fills in the municipality where the "
                          "documents that name the district belong to one municipality"),
    # trygghet 0.1 did not ask a lägesbild which municipalities it belongs to.
    "TRY313": Deprecation("TRY313", 2, "1.0", "kör 'trygghet migrate', som skriver ut alla "
                          "kommunerna, som trygghet 0.1 läste en sådan lägesbild",
                          "run 'trygghet migrate', which writes out every municipality, as "
                          "trygghet 0.1 read such a lägesbild"),
}


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def read_by(version: str) -> int:
    """The newest format the release `version` reads: what `init` writes for a root whose CI
    pins that release (a newer format would be refused there)."""
    return max(n for n, first in RELEASES.items() if _release(first) <= _release(version))


def declared(config_bytes: bytes | None) -> tuple[object, int, int]:
    """The value of trygghet.yaml's `format:` (FIRST when it has none) and its 1-based line and
    column; read from the bytes, before and without the rest of the root."""
    if config_bytes is None:
        return FIRST, 0, 0
    found = _LINE.search(config_bytes)
    if found is None:
        return FIRST, 0, 0
    text = found.group(1).decode("utf-8", "replace").strip("\"'")
    start = found.start(1)
    line_start = config_bytes.rfind(b"\n", 0, start) + 1
    column = len(config_bytes[line_start:start].decode("utf-8", "replace").lstrip("\ufeff")) + 1
    return (int(text) if text.isdigit() else text), config_bytes.count(b"\n", 0, start) + 1, column


def of(data: object) -> int:
    """The format of a loaded trygghet.yaml (FIRST when it says none)."""
    value = data.get(KEY, FIRST) if isinstance(data, dict) else FIRST
    return value if isinstance(value, int) and not isinstance(value, bool) else FIRST


def too_new(config_bytes: bytes | None, shown: str) -> Finding | None:
    """TRY006 when the root is of a format newer than this trygghet reads."""
    value, line, column = declared(config_bytes)
    if not isinstance(value, int) or value <= CURRENT:
        return None  # not a number: the schema says so (TRY203)
    known = f"{FIRST}" if CURRENT == FIRST else f"{FIRST}–{CURRENT}"
    return make("TRY006", Location(shown, line, column),
                f"this data root is written for a newer trygghet (data format {value}); you have "
                f"trygghet {__version__}, which reads data format {known}",
                f"install a trygghet that reads data format {value} (its CHANGELOG names the "
                "release; in CI, move the pin to it), or ask whoever ran 'trygghet migrate' which "
                "version they used",
                sv=f"den här datamappen är skriven för en nyare trygghet (dataformat {value}); "
                f"du har trygghet {__version__}, som läser dataformat {known}",
                sv_hint=f"installera en trygghet som läser dataformat {value} (dess CHANGELOG "
                "säger vilken version; i CI: flytta pinnen dit), eller fråga den som körde "
                "'trygghet migrate' vilken version hen hade")


def soften(finding: Finding, root_format: int) -> Finding:
    """The finding as its check made it, or, for a deprecated rule in a root of an older format,
    a warning that says when it becomes an error and what fixes it."""
    rule = DEPRECATIONS.get(finding.code)
    if rule is None or root_format >= rule.error_in or finding.severity is not Severity.ERROR:
        return finding
    return Finding(finding.code, Severity.WARNING, finding.where,
                   f"{finding.message}; an error from trygghet {rule.release}",
                   f"{finding.hint}; or: {rule.fix_en}" if finding.hint else rule.fix_en,
                   f"{finding.message_sv or finding.message}; blir ett fel i trygghet {rule.release}",
                   f"{finding.hint_sv}; eller: {rule.fix_sv}" if finding.hint_sv else rule.fix_sv)
