"""The columns of an activity table: headers in Swedish and English, their synonyms, and the
words accepted for statuses, target kinds, time units and visibility."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygghet_cli.errors import UsageError
from trygghet_cli.vocabulary import KINDS as KINDS
from trygghet_cli.vocabulary import PERS as PERS
from trygghet_cli.vocabulary import STATUSES as STATUSES
from trygghet_cli.vocabulary import VISIBILITIES as VISIBILITIES

# key -> (Swedish header, English header, other accepted headers)
COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "id": ("id", "id", ("nr", "nummer", "aktivitets-id", "activity id")),
    "title": ("titel", "title", ("rubrik", "aktivitet", "namn", "activity", "name")),
    "description": ("beskrivning", "description", ("innehåll",)),
    "pledges": ("löften", "pledges", ("löfte", "medborgarlöfte", "medborgarlöften", "pledge")),
    "owners": ("ansvariga", "owners", ("ansvarig", "ansvarig funktion", "owner", "responsible")),
    "parties": ("parter", "parties", ("part", "party")),
    "districts": ("kommundelar", "districts", ("kommundel", "district")),
    "places": ("platser", "places", ("plats", "place")),
    "start": ("start", "start", ("startdatum", "start date", "från")),
    "due": ("slutdatum", "due", ("klart senast", "deadline", "due date", "slut")),
    "status": ("status", "status", ("läge",)),
    "completed": ("slutförd", "completed", ("genomförd", "klar datum", "datum klar", "done date")),
    "reason": ("orsak", "reason", ("anledning",)),
    "status_note": ("statuskommentar", "status note", ("kommentar", "comment")),
    "visibility": ("synlighet", "visibility", ()),
    "target": ("mål", "target", ("målsättning", "goal", "targets")),
    "target_kind": ("måltyp", "target kind", ("goal type",)),
    "target_value": ("målvärde", "target value", ("goal value",)),
    "target_unit": ("målenhet", "target unit", ("enhet", "unit")),
    "target_per": ("mål per", "target per", ("per",)),
    "period": ("period", "period", ("löftesperiod",)),
    "municipality": ("kommun", "municipality", ("kommuner", "municipalities")),
}
LIST_KEYS = ("pledges", "owners", "parties", "districts", "places")
TARGET_KEYS = ("target", "target_kind", "target_value", "target_unit", "target_per")

# The words of statuses, target kinds, time units and visibility: one table for the data
# files, the CLI's options and the tables (vocabulary.py).


def normal(text: str) -> str:
    """A header or word compared loosely: case, spaces, '*', ':' and '(...)' do not matter."""
    text = re.sub(r"\(.*?\)", "", text).replace("*", "").replace(":", "").replace("_", " ")
    return " ".join(text.casefold().split())


def bare_word(text: str) -> str:
    """A word without the marks a sheet decorates it with: 'Klar ✔' -> 'Klar', '• Pågår' -> 'Pågår'."""
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def number(text: str) -> int | float | None:
    """A number as a Swedish sheet writes it: '12,5', '1 200', '−3'; None if it is not one."""
    plain = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".").replace("\u2212", "-")
    try:
        value = float(plain)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value.is_integer() else value


def header(key: str, lang: str) -> str:
    sv, en, _ = COLUMNS[key]
    return sv if lang == "sv" else en


def word(table: dict[str, tuple[str, str, tuple[str, ...]]], value: str, lang: str) -> str:
    """The word for a canonical value in the language."""
    sv, en, _ = table[value]
    return sv if lang == "sv" else en


def _lookup(table: dict[str, tuple[str, str, tuple[str, ...]]]) -> dict[str, str]:
    found = {}
    for key, (sv, en, others) in table.items():
        for name in (key, sv, en, *others):
            found[normal(name)] = key
    return found


HEADER_KEYS = _lookup(COLUMNS)


def canonical(table: dict[str, tuple[str, str, tuple[str, ...]]], text: str) -> str | None:
    """The canonical value for a word in either language ('pågår' -> 'ongoing'), if known."""
    return _lookup(table).get(normal(text))


def status_code(text: str) -> str:
    """A status as typed, in Swedish or English ('klar', 'done'), as the data writes it."""
    if normal(text) in ("passerat slutdatum", "över tiden", "overdue"):
        return "overdue"
    if normal(text) in ("okänd", "unknown"):
        return "unknown"
    return canonical(STATUSES, text) or text


@dataclass(slots=True)
class Mapping:
    """How a table's headers and words map to activity fields (built in, plus a mapping file)."""

    headers: dict[str, str] = field(default_factory=lambda: dict(HEADER_KEYS))
    statuses: dict[str, str] = field(default_factory=lambda: _lookup(STATUSES))
    kinds: dict[str, str] = field(default_factory=lambda: _lookup(KINDS))
    pers: dict[str, str] = field(default_factory=lambda: _lookup(PERS))
    visibilities: dict[str, str] = field(default_factory=lambda: _lookup(VISIBILITIES))
    sheet: str | None = None
    header_row: int | None = None  # None: found by the headers it holds

    def known(self, headers: list[str]) -> int:
        """How many of the cells of a row are headers of known columns."""
        return len(self.columns(headers))

    def columns(self, headers: list[str]) -> dict[int, str]:
        """Column index -> field key for every header that is known; a field only once."""
        found: dict[int, str] = {}
        for index, name in enumerate(headers):
            key = self.headers.get(normal(name))
            if key is not None and key not in found.values():
                found[index] = key
        return found


SECTIONS = {"columns": "columns", "kolumner": "columns", "status": "status", "sheet": "sheet",
            "blad": "sheet", "header_row": "header_row", "rubrikrad": "header_row"}


def _section(raw: dict[str, Any], name: str, names: dict[str, str],
             table: dict[str, tuple[str, str, tuple[str, ...]]]) -> dict[str, str]:
    """A section of the mapping file: text -> field (or status), the field named by its key or
    by any of its Swedish or English names ('titel', 'ansvarig', 'pågår')."""
    section = raw.get(name) or {}
    if not isinstance(section, dict):
        raise UsageError.say("import.mapping_section", name=name)
    result = {}
    for source, target in section.items():
        found = names.get(normal(target)) if isinstance(target, str) else None
        if found is None:
            allowed = ", ".join(sv for sv, _, _ in table.values())
            raise UsageError.say("import.mapping_unknown_target", source=source, target=target,
                                 name=name, allowed=allowed)
        result[normal(str(source))] = found
    return result


def load_mapping(path: Path | None) -> Mapping:
    """The built-in mapping, extended by a YAML mapping file (columns/kolumner, status,
    sheet/blad, header_row/rubrikrad)."""
    mapping = Mapping()
    if path is None:
        return mapping
    from trygghet_cli.loading import load_path

    result = load_path(path)
    if result.document is None or not isinstance(result.document.data, dict):
        if result.findings:
            raise UsageError.say("import.mapping_unreadable", path=path,
                                 problem=result.findings[0].message)
        raise UsageError.say("import.mapping_not_mapping", path=path)
    raw = {SECTIONS.get(str(k), str(k)): v for k, v in result.document.data.items()}
    unknown = set(raw) - set(SECTIONS.values())
    if unknown:
        raise UsageError.say("import.mapping_unknown_key", unknown=sorted(unknown)[0])
    mapping.headers.update(_section(raw, "columns", HEADER_KEYS, COLUMNS))
    mapping.statuses.update(_section(raw, "status", _lookup(STATUSES), STATUSES))
    sheet, row = raw.get("sheet"), raw.get("header_row")
    mapping.sheet = str(sheet) if sheet is not None else None
    if row is not None and (not isinstance(row, int) or isinstance(row, bool) or row < 1):
        raise UsageError.say("import.mapping_header_row")
    mapping.header_row = row
    return mapping
