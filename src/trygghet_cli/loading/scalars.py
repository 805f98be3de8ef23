"""Resolve plain YAML scalars by the YAML 1.2 core schema, keeping dates as strings.

Dates stay strings on purpose: a loader that builds `datetime.date` fails on
2024-02-30 with no position, so the schema checks them instead.
"""

from __future__ import annotations

import math
import re

Scalar = str | int | float | bool | None

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# No count, rate or year in this domain comes near; larger numbers break float arithmetic
# later (float(10**400) raises OverflowError), so they are refused with a position here.
MAX_NUMBER = 10**15

CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class ScalarError(ValueError):
    """A scalar that cannot become a value (a number too large, not finite), said in English
    (the exception's text) and in Swedish (`sv`)."""

    def __init__(self, message: str, sv: str) -> None:
        super().__init__(message)
        self.sv = sv


def resolve_plain(text: str) -> Scalar:
    """The value of an unquoted scalar under the YAML 1.2 core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text) or _OCT.fullmatch(text) or _HEX.fullmatch(text):
        return _in_range(_to_int(text), text)
    if _SPECIAL_FLOAT.fullmatch(text):
        raise ScalarError(f"'{text}' is not a finite number", f"'{text}' är inget ändligt tal")
    if _FLOAT.fullmatch(text):
        value = float(text)
        if not math.isfinite(value):
            raise ScalarError(f"'{text}' is too large a number", f"'{text}' är ett för stort tal")
        return _in_range(value, text)
    return text


def _in_range(value: int | float, text: str) -> int | float:
    if abs(value) > MAX_NUMBER:
        shown = text if len(text) <= 20 else f"{text[:12]}... ({len(text)} characters)"
        visat = text if len(text) <= 20 else f"{text[:12]}… ({len(text)} tecken)"
        largest = f"{MAX_NUMBER:,}".replace(",", " ")
        raise ScalarError(f"number {shown} is larger than {largest}",
                          f"talet {visat} är större än {largest}")
    return value


def resolve_tagged(text: str, tag: str) -> Scalar:
    """The value of a scalar with an explicit core tag such as !!str or !!int."""
    if tag == "tag:yaml.org,2002:str":
        return text
    value = resolve_plain(text)
    wanted = tag.rsplit(":", 1)[-1]
    kinds: dict[str, type | tuple[type, ...]] = {
        "int": int, "float": (int, float), "bool": bool, "null": type(None)}
    expected = kinds.get(wanted)
    if expected is None or not isinstance(value, expected) or (
        wanted in {"int", "float"} and isinstance(value, bool)
    ):
        raise ScalarError(f"'{text}' cannot be read as !!{wanted}",
                          f"'{text}' kan inte läsas som !!{wanted}")
    return value


def _to_int(text: str) -> int:
    try:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    except ValueError as exc:  # more digits than Python converts (CVE-2020-10735 limit)
        raise ScalarError(f"number with {len(text)} digits is too large",
                          f"ett tal med {len(text)} siffror är för stort") from exc
