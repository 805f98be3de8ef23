"""The words for the data's coded values: each code with its Swedish word, its English word and
other accepted spellings; the CLI's options, the table import and the data files themselves
take any of them ('status: pågår', 'kind: minst', 'frequency: kvartalsvis').

The files keep what the person wrote; the loader reads a word as its code (`canonical`), so
the schema, the model and every output see codes, and `trygghet fmt` writes the code. An
additive change (issue 23): a Swedish word is a new accepted value.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

Table = dict[str, tuple[str, str, tuple[str, ...]]]

# canonical value -> (Swedish word, English word, other accepted words)
STATUSES: Table = {
    "planned": ("planerad", "planned", ("planerat", "ej påbörjad", "ej påbörjat", "ej startad",
                                        "inte påbörjad", "ej startat", "not started")),
    "ongoing": ("pågår", "ongoing", ("pågående", "påbörjad", "påbörjat", "löpande", "stående",
                                     "återkommande", "in progress", "started")),
    "done": ("klar", "done", ("klart", "genomförd", "genomfört", "avslutad", "avslutat", "slutförd",
                              "slutfört", "completed")),
    "delayed": ("försenad", "delayed", ("försenat", "late")),
    "cancelled": ("inställd", "cancelled", ("inställt", "struken", "stryks", "avbruten", "avbrutet",
                                            "canceled")),
}
KINDS: Table = {
    "at_least": ("minst", "at least", ("at_least",)),
    "exactly": ("exakt", "exactly", ()),
    "rate": ("takt", "rate", ("frekvens",)),
    "qualitative": ("kvalitativt", "qualitative", ("kvalitativ",)),
    "change": ("förändring", "change", ()),
}
PERS: Table = {
    "day": ("dag", "day", ("dygn",)), "week": ("vecka", "week", ()),
    "month": ("månad", "month", ()), "year": ("år", "year", ()),
}
VISIBILITIES: Table = {
    "public": ("offentlig", "public", ("publik",)),
    "internal": ("intern", "internal", ()),
}
OUTCOME_KINDS: Table = {
    "interim": ("delrapport", "interim", ("delresultat",)),
    "final": ("slutligt", "final", ("slutlig", "slutrapport")),
}
BOUNDS: Table = {
    "at_least": ("minst", "at least", ("över",)),
    "at_most": ("högst", "at most", ("under",)),
}
VERDICTS: Table = {
    "met": ("uppnått", "met", ()),
    "partly_met": ("delvis uppnått", "partly met", ("delvis",)),
    "not_met": ("ej uppnått", "not met", ("inte uppnått",)),
}
FREQUENCIES: Table = {
    "weekly": ("varje vecka", "weekly", ("veckovis",)),
    "monthly": ("varje månad", "monthly", ("månadsvis",)),
    "quarterly": ("kvartalsvis", "quarterly", ("varje kvartal",)),
    "tertial": ("per tertial", "tertial", ("tertialvis",)),
    "half-yearly": ("halvårsvis", "half-yearly", ("varje halvår",)),
    "yearly": ("årligen", "yearly", ("varje år", "årsvis")),
    "per-period": ("per löftesperiod", "per period", ("per period",)),
}
DIRECTIONS: Table = {
    "increase": ("öka", "increase", ("ökning",)),
    "decrease": ("minska", "decrease", ("minskning",)),
}
CHANGE_UNITS: Table = {
    "percent": ("procent", "percent", ()),
    "absolute": ("absolut", "absolute", ("antal",)),
}
BETTER: Table = {
    "lower": ("lägre", "lower", ()),
    "higher": ("högre", "higher", ()),
}
INFORMATION_KINDS: Table = {
    "dialogue": ("dialog", "dialogue", ("medborgardialog",)),
    "staff_dialogue": ("medarbetardialog", "staff dialogue", ("personaldialog",)),
    "survey": ("enkät", "survey", ("trygghetsmätning", "trygghetsenkät")),
    "meeting": ("möte", "meeting", ()),
    "statistics": ("statistik", "statistics", ()),
    "other": ("övrigt", "other", ()),
}

# A data file's key -> the tables of the values it takes. One key may take the values of
# several tables (`kind` of a target, an outcome, a lägesbild's information); their words differ.
BY_KEY: dict[str, tuple[Table, ...]] = {
    "status": (STATUSES,), "kind": (KINDS, OUTCOME_KINDS, INFORMATION_KINDS), "per": (PERS,),
    "visibility": (VISIBILITIES,), "bound": (BOUNDS,), "verdict": (VERDICTS,),
    "frequency": (FREQUENCIES,), "direction": (DIRECTIONS,), "change_unit": (CHANGE_UNITS,),
    "better": (BETTER,),
}


@cache
def _words(key: str) -> dict[str, str]:
    """Every word a key of the data files takes besides its codes, as written -> code."""
    found: dict[str, str] = {}
    for table in BY_KEY.get(key, ()):
        for value, (sv, en, others) in table.items():
            for word in (sv, en, *others):
                if word != value:
                    found.setdefault(word, value)
                    found.setdefault(word.capitalize(), value)
    return found


def hint_pattern(keys: list[str]) -> str:
    """What a file holds where a word of BY_KEY may stand under one of keys: the key, ':' and
    the word (at the start of the value)."""
    words = sorted({w for key in BY_KEY for w in _words(key)}, key=len, reverse=True)
    return rf"(?:{'|'.join(keys)})['\"]?\s*:\s*['\"]?(?:{'|'.join(map(re.escape, words))})"


@cache
def _hints() -> list[re.Pattern[str]]:
    """hint_pattern as one search per key: each begins with a literal (the key), which the
    search finds at once; with every key in one pattern it tried each at every place."""
    return [re.compile(hint_pattern([key])) for key in BY_KEY]


def _hinted(text: str) -> bool:
    """Whether hint_pattern(every key) matches somewhere in text."""
    return any(hint.search(text) for hint in _hints())


def code(key: str, value: str) -> str:
    """The code a data file's word under `key` stands for ('pågår' under status: 'ongoing')."""
    return _words(key).get(value, value) if key in BY_KEY else value


def canonical(data: Any, text: str) -> None:
    """Read every word in the data (the parsed `text`) under a key of BY_KEY as its code, in
    place, where the text shows one after its key (hint_pattern). A walk of the values finds
    whether there is any such word first (most files have none): a search of the text for
    each key cost four times as much."""
    if _worded(data) and _hinted(text):
        _walk(data)


def _worded(node: Any) -> bool:
    """Whether a word of BY_KEY (not a code) stands somewhere in node under its key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                if key in BY_KEY and value in _words(key):
                    return True
            elif _worded(value):
                return True
    elif isinstance(node, list):
        for item in node:
            if _worded(item):
                return True
    return False


def _walk(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key in BY_KEY:
                node[key] = _words(key).get(value, value)
            else:
                _walk(value)
    elif isinstance(node, list):
        for item in node:
            _walk(item)


def swedish(key: str, codes: list[str]) -> dict[str, str]:
    """The Swedish word of each code a key takes (those that have one): code -> word."""
    shown: dict[str, str] = {}
    for table in BY_KEY.get(key, ()):
        for code in codes:
            if code in table:
                shown.setdefault(code, table[code][0])
    return shown
