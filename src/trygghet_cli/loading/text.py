"""Decode a data file's bytes strictly as UTF-8 and find characters that do not belong."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trygghet_cli.findings import Finding, Location, make

UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = {
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\xfe\xff": "UTF-16",
    b"\xff\xfe": "UTF-16",
}
# C0 controls except tab, LF and CR; DEL; C1 controls (NEL among them, which YAML folds silently);
# the line and paragraph separators, which the YAML parser counts as line breaks and editors do
# not, so every later line number would be off (and a plain scalar can break in two).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_SEPARATORS = {"\u2028": ("line separator", "radavgränsaren"),
               "\u2029": ("paragraph separator", "styckeavgränsaren")}
# BOM in the middle, zero-width characters and bidi controls: invisible in an editor.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u202a-\u202e\u2066-\u2069]")
# Either of the two: one search rules both out in the common text that holds neither.
_UNSEEN = re.compile(_CONTROL.pattern[:-1] + _INVISIBLE.pattern[1:])
# What a double-quoted escape ("\e", "\0", "\r", "\N") can put into a value: control
# characters that rewrite a terminal or break XML and JSON consumers downstream.
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escaped_control(value: str) -> str | None:
    """The first control character in a value (put there by an escape), if any."""
    found = _VALUE_CONTROL.search(value)
    return found.group() if found else None


def count_invisible(value: str) -> int:
    return len(_INVISIBLE.findall(value))


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text without its BOM, and whether it had one."""

    text: str
    had_bom: bool


def position_of(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in text (LF, CRLF or lone-CR lines)."""
    head = text[:offset]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, offset - start + 1


def decode(raw: bytes, path: str) -> DecodedText | Finding:
    """Decode UTF-8 (with or without BOM); anything else is a finding with a position."""
    for bom, name in _OTHER_BOMS.items():
        if raw.startswith(bom):
            return make(
                "TRY002",
                Location(path, 1, 1),
                f"file is encoded as {name}; trygghet reads only UTF-8",
                "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
                sv=f"filen är kodad som {name}; trygghet läser bara UTF-8",
                sv_hint="spara filen som UTF-8 (i de flesta redigerare: 'Spara med kodning' > UTF-8)",
            )
    had_bom = raw.startswith(UTF8_BOM)
    body = raw[len(UTF8_BOM) :] if had_bom else raw
    try:
        return DecodedText(body.decode("utf-8"), had_bom)
    except UnicodeDecodeError as exc:
        good = body[: exc.start].decode("utf-8", errors="replace")
        line, column = position_of(good, len(good))
        bad = body[exc.start : exc.start + 1].hex()
        return make(
            "TRY002",
            Location(path, line, column),
            f"byte 0x{bad} at byte offset {exc.start} is not valid UTF-8",
            "the file was probably saved as Latin-1 or Windows-1252; save it as UTF-8",
            sv=f"byte 0x{bad} vid byte {exc.start} är inte giltig UTF-8",
            sv_hint="filen sparades troligen som Latin-1 eller Windows-1252; spara den som UTF-8",
        )


# The bytes that begin the UTF-8 form of every character _UNSEEN finds: the C0 controls and
# DEL are themselves; U+0080-U+009F begin with C2, the invisible characters from U+200B to
# U+2069 with E2, U+FEFF with EF.
_LEAD = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xC2, 0xE2, 0xEF])
_NOT_LEAD = bytes(b for b in range(256) if b not in _LEAD)
_UNSEEN_C2 = re.compile(rb"\xc2[\x80-\x9f]")
_UNSEEN_E2 = re.compile(rb"\xe2(?:\x80[\x8b-\x8d\xa8-\xae]|\x81[\xa0\xa6-\xa9])")


def unseen_bytes(body: bytes) -> bool:
    """Whether valid UTF-8 may hold a control or invisible character (as unseen_characters
    asks of its text): a byte-level look, several times faster than the search of the text,
    for the common file whose only such lead bytes begin a dash, a quote or a space."""
    left = body.translate(None, _NOT_LEAD)  # the lead bytes alone
    if not left:
        return False
    if left.strip(b"\xc2\xe2\xef"):  # a C0 control or DEL
        return True
    return bool((b"\xe2" in left and _UNSEEN_E2.search(body))
                or (b"\xc2" in left and _UNSEEN_C2.search(body))
                or (b"\xef" in left and b"\xef\xbb\xbf" in body))


def unseen_characters(text: str) -> bool:
    """Whether the text may hold a control or invisible character (else neither
    control_characters nor invisible_characters has anything to say)."""
    return _UNSEEN.search(text) is not None


def control_characters(text: str, path: str) -> list[Finding]:
    """Errors for control characters, which YAML refuses or silently changes."""
    found = []
    for match in _CONTROL.finditer(text):
        line, column = position_of(text, match.start())
        what, sv_what = _SEPARATORS.get(match.group(), ("control character", "styrtecknet"))
        found.append(
            make(
                "TRY004",
                Location(path, line, column),
                f"{what} U+{ord(match.group()):04X} is not allowed in a data file",
                "delete the character; it is often pasted in from another program",
                sv=f"{sv_what} U+{ord(match.group()):04X} får inte finnas i en datafil",
                sv_hint="ta bort tecknet; det kommer ofta med när man klistrar in från ett annat program",
            )
        )
    return found


def invisible_characters(text: str, path: str) -> list[Finding]:
    """Warnings for zero-width and bidi characters, which make keys and ids look right but differ."""
    found = []
    for match in _INVISIBLE.finditer(text):
        line, column = position_of(text, match.start())
        found.append(
            make(
                "TRY005",
                Location(path, line, column),
                f"invisible character U+{ord(match.group()):04X} in the text",
                "delete it: it makes a key or id differ from what the editor shows",
                sv=f"osynligt tecken U+{ord(match.group()):04X} i texten",
                sv_hint="ta bort det: det gör att en nyckel eller ett id skiljer sig från vad "
                "redigeraren visar",
            )
        )
    return found
