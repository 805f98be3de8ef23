"""Write scalar values as YAML text that reads back as exactly the same value."""

from __future__ import annotations

import math
import re

from trygghet_cli.errors import DataError, UsageError
from trygghet_cli.findings import quoted
from trygghet_cli.loading.scalars import MAX_NUMBER, ScalarError, resolve_plain
from trygghet_cli.loading.text import escaped_control

Scalar = str | int | float | bool

# Words that YAML 1.1 tools (PyYAML, yamllint's truthy rule) read as booleans or null: quote them.
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if _SPECIAL.search(text) or text.lower() in _YAML11_WORDS or text.endswith(":"):
        return False
    if ": " in text or " #" in text or (flow and any(c in text for c in ",[]{}")):
        return False
    try:
        return resolve_plain(text) == text
    except ScalarError:
        return False


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _SPECIAL.fullmatch(char):
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def double_quoted(text: str) -> str:
    """A double-quoted YAML scalar for text, with escapes for anything not printable.

    Control characters other than tab and newline are refused, since the loader refuses
    them even as escapes (a terminal would act on them when shown).
    """
    control = escaped_control(text)
    if control is not None:
        raise DataError.say("edit.control_character", code=f"U+{ord(control):04X}")
    return '"' + "".join(_escape(c) for c in text) + '"'


def render(value: Scalar, flow: bool = False) -> str:
    """Plain when that reads back as the same value, else double-quoted (dates stay plain).

    In a flow list (`[a, b]`) commas and brackets need quotes too.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not (math.isfinite(value) and abs(value) <= MAX_NUMBER):
        limit = f"{MAX_NUMBER:,}".replace(",", " ")
        raise UsageError.say("edit.number_too_large", value=quoted(value, 30), limit=limit)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return value if _plain_ok(value, flow) else double_quoted(value)


def render_like(old_text: str, value: Scalar) -> str:
    """Render value in the quoting style of the scalar it replaces, where that is safe."""
    if not isinstance(value, str) or not old_text:
        return render(value)
    if old_text[0] == '"':
        return double_quoted(value)
    if old_text[0] == "'" and not _SPECIAL.search(value):
        return "'" + value.replace("'", "''") + "'"
    return render(value)
