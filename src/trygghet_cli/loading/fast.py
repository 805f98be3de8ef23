"""The fast read path: a document's values from a compiled YAML 1.2 parser (yaml-rs).

Read-only commands need a file's values every time and its positions only when a
finding points into it. The values come from yaml-rs (Rust), several times faster
than the event walk in `document`; positions, key positions and ends are filled in
by that walk, the reference, the first time anyone asks for one, so they are the
reference's by construction.

The fast path answers only for documents it can decide exactly as the reference
does; for anything else it answers None and the reference loads the file (and gives
the exact finding when the file is refused). It steps aside when the text holds:
tabs or backslashes (tab rules and escapes are where parsers differ, and an escape
can hide a control character); a byte-order mark inside the text, or U+FFFE or
U+FFFF (which YAML refuses); anything that may be an anchor, alias, tag, explicit
key or directive; a document marker at a line's start (directives, several
documents); a merge key; number forms the two resolve differently (0x, 0o, 0b,
digits with underscores); in a flow collection, what libyaml refuses there and
yaml-rs does not (':' without a space, '?', '|', '>', '@', '`'), quotes, or a ':'
that starts a line (a key broken over lines); a block scalar in a file that does not
end in one line break after a last line with content (at the end of a file yaml-rs
reads an empty block as "\n", and a block with no final line break or with
whitespace-only lines after it with an extra "\n"); indentation or nesting on one
line deep enough to approach the depth limit (yaml-rs recurses and would crash the
process on a deep enough document). After the parse, one walk refuses what the
reference would refuse or resolve differently: keys that are not text, numbers out
of range or not finite, over-long values, too many values, too deep nesting, an
empty document. tests/unit/test_fast_placements.py holds it to the reference with
every construct at every place in a file.
"""

from __future__ import annotations

import math
import re
from typing import Any

from trygghet_cli.loading.scalars import MAX_NUMBER

# What sends a document to the reference wherever it stands: tabs, backslashes, merge keys,
# a byte-order mark inside the text, the two characters YAML refuses (single C-speed searches);
# at a line's start a document marker, a directive or indentation near the depth limit; the
# number forms the two parsers resolve differently (0x, 0o, 0b).
_STEP_ASIDE = ("\t", "\\", "<<", "\ufeff", "\ufffe", "\uffff")
_LINE_START = re.compile(r"\n(?:---|\.\.\.|%| {40})")
_LINE_START_CR = re.compile(r"\r(?:---|\.\.\.|%| {40})")
_RADIX = re.compile(r"0[xXoObB]")
# Digits joined by underscores (1_000): yaml-rs reads a number, YAML 1.2 core text.
_UNDERSCORE_NUMBER = re.compile(r"_(?:(?<=[0-9._]_)|(?=[0-9.]))")
# Where a node's properties (&anchor, !tag), an alias (*name) or an explicit key (?) can stand.
_INDICATOR = re.compile(r"[&*!?]")
# Inside a flow collection ([a, b] or {a: b}) libyaml is stricter than yaml-rs: a ':' with no
# space after it, '?', '|', '>', '@' and '`' are errors there; quotes could hide a bracket.
_FLOW_START = re.compile(r"[\[{]")
_BRACKET = re.compile(r"[\[\]{}]")
_FLOW_RISK = re.compile(r"[?|>@`'\"]|:(?! )")
# A ':' that starts a line inside a flow collection: the key before it spans lines, which
# libyaml refuses ({end\n  : 2026-12-31}) and yaml-rs reads as a key.
_FLOW_LINE_COLON = re.compile(r"[\n\r] *:")
# A bracket whose collection may be nested, span lines or hold a risk (one line, no nesting
# and no risk is the common case: no further look needed). Each starts with its bracket, which
# the regex engine finds far faster than a class of characters.
_SEQUENCE_MAYBE = re.compile(r"\[[^\]}\n\r]*(?:[?|>@`'\"\[{\n\r]|:(?! ))")
_MAPPING_MAYBE = re.compile(r"\{[^\]}\n\r]*(?:[?|>@`'\"\[{\n\r]|:(?! ))")
# Nesting on one line ("- - - - x"): with the indentation bound, this keeps the depth small.
_COMPACT = re.compile(r"- (?:[-?] +){6}")
# A block scalar's header (|, >, with chomping and indentation indicators, maybe a comment).
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]* *(?:#[^\n\r]*)?(?:\r\n|[\n\r]|$)")
_BLOCK_HEADER_LAST = re.compile(r"[|>][-+0-9]* *(?:#.*)?$")


def _node_start(text: str, at: int) -> bool:
    """True when the character at `at` may begin a node: at a line's start (after spaces),
    after a flow indicator, or after '-', ':' or '?' and a space."""
    before = at - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    if before < 0 or text[before] in "\n\r[{,":
        return True
    return text[before] in "-:?" and before < at - 1


def _flow_end(text: str, start: int) -> int:
    """Just past the bracket that closes the flow collection opened at start (or the end)."""
    depth = 0
    for match in _BRACKET.finditer(text, start):
        depth += 1 if match.group() in "[{" else -1
        if depth == 0:
            return match.end()
    return len(text)


def _flows_plain(text: str) -> bool:
    """Whether every flow collection holds only what both parsers read alike."""
    done = 0
    for match in _FLOW_START.finditer(text):
        start = match.start()
        if start < done or not _node_start(text, start):
            continue
        done = _flow_end(text, start)
        if _FLOW_RISK.search(text, start, done) or _FLOW_LINE_COLON.search(text, start, done):
            return False
    return True


def _ends_cleanly(text: str) -> bool:
    """Whether a document holding a block scalar ends as yaml-rs reads it alike: with one
    line break after a last line that has content and is no block header. At the end of a
    file yaml-rs gives an empty block "\n", and a block with no final line break, or with
    blank or whitespace-only lines after it, an extra "\n" (libyaml: "", none)."""
    content = text.rstrip(" \r\n")
    if text[len(content):] not in ("\n", "\r\n", "\r"):
        return False
    last_line = content[max(content.rfind("\n"), content.rfind("\r")) + 1:]
    return not _BLOCK_HEADER_LAST.search(last_line)


def _decidable(text: str) -> bool:
    """Whether the text avoids every construct the fast path leaves to the reference."""
    if text.startswith(("---", "...", "%", " " * 40)) or any(part in text for part in _STEP_ASIDE):
        return False
    if _LINE_START.search(text) or _RADIX.search(text):
        return False
    if "\r" in text and _LINE_START_CR.search(text):
        return False
    if "_" in text and _UNDERSCORE_NUMBER.search(text):
        return False
    if "- " in text and _COMPACT.search(text):
        return False
    if any(char in text for char in "&*!?") and any(
            _node_start(text, m.start()) for m in _INDICATOR.finditer(text)):
        return False
    if ("|" in text or ">" in text) and _BLOCK_HEADER.search(text) and not _ends_cleanly(text):
        return False
    maybe = _SEQUENCE_MAYBE.search(text) or ("{" in text and _MAPPING_MAYBE.search(text))
    return not maybe or _flows_plain(text)


def _number_ok(value: Any) -> bool:
    """A scalar other than text the reference reads the same: a bool, or a number in range."""
    kind = type(value)
    if kind is bool:
        return True
    if kind is int:
        return bool(abs(value) <= MAX_NUMBER)
    return kind is float and math.isfinite(value) and abs(value) <= MAX_NUMBER


def _count(value: Any, depth: int, max_depth: int, max_scalar: int) -> int:
    """How many values (keys included) a collection holds, itself too; -1 when the reference
    would refuse one or read it differently."""
    if value and depth + 1 >= max_depth:
        return -1
    if type(value) is dict:
        for key in value:  # a loop, not any() over a generator: this runs for every mapping
            if type(key) is not str or len(key) > max_scalar:
                return -1
        items: Any = value.values()
        count = 1 + len(value)
    else:
        items, count = value, 1
    for item in items:
        kind = type(item)
        if kind is str:
            if len(item) > max_scalar:
                return -1
            count += 1
        elif kind is dict or kind is list:
            inner = _count(item, depth + 1, max_depth, max_scalar)
            if inner < 0:
                return -1
            count += inner
        elif _number_ok(item):
            count += 1
        else:
            return -1
    return count


class TooMany:
    """What load_values answers for a document the reference would refuse for its number of
    values alone: the reference would walk up to the limit in Python first, which for a
    million values costs seconds and half a gigabyte."""


TOO_MANY = TooMany()


def _acceptable(data: Any, max_depth: int, max_nodes: int, max_scalar: int) -> Any | None:
    """The parsed values when they are what the reference would accept, value for value;
    TOO_MANY when they are but for their number; None otherwise."""
    kind = type(data)
    if kind is dict or kind is list:
        count = _count(data, 0, max_depth, max_scalar)
        if count < 0:
            return None
        return data if count <= max_nodes else TOO_MANY
    if kind is str:
        return data if len(data) <= max_scalar else None
    return data if data is not None and _number_ok(data) else None  # None: empty, or a null


def load_values(text: str, *, max_depth: int, max_nodes: int, max_scalar: int) -> Any | None:
    """The document's values when the fast path can decide them exactly as the reference
    would; TOO_MANY when the reference would refuse them for their number alone; None when
    the reference must load the text."""
    try:
        import yaml_rs
    except ImportError:  # no wheel for this platform: the reference loads everything
        return None
    if not _decidable(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any refusal is the reference's to explain
        return None
    return _acceptable(data, max_depth, max_nodes, max_scalar)
