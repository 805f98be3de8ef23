"""Messages, labels and date formats in Swedish (default) and English.

The texts live in gettext catalogs beside this module, read at run time: `sv.po`
holds every message with its key as `msgctxt`, the English text as `msgid` and the
Swedish as `msgstr` (one per plural form for an entry with `msgid_plural`). A
translator edits the catalog with any PO editor and never reads code. A Swedish text
left empty falls back to the English one, as gettext does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trygghet_cli.model import Period

LANGUAGES = ("sv", "en")

_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Message:
    """One catalog entry: the English forms (singular, plural) and the translated forms."""

    english: tuple[str, ...]
    translated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Catalog:
    """A language's messages by key, and its rule for choosing a plural form."""

    messages: dict[str, Message]
    plural_rule: str


def catalog_paths() -> list[Path]:
    """Every message catalog shipped with trygghet (one per language besides English)."""
    return sorted(_HERE.glob("*.po"))


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out: list[str] = []
    chars = iter(body)
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    for char in chars:
        out.append(escapes.get(next(chars, ""), "") if char == "\\" else char)
    return "".join(out)


def parse_po(text: str) -> tuple[dict[str, dict[str, str]], str]:
    """The entries of a PO file as {keyword: text} maps (msgctxt, msgid, msgstr[0] ...), and its header."""
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    keyword = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if current and not line:
                entries.append(current)
                current = {}
            continue
        if line.startswith('"'):
            current[keyword] += _unquote(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in current:  # a new entry without a blank line between
            entries.append(current)
            current = {}
        current[keyword] = _unquote(rest)
    if current:
        entries.append(current)
    header = next((e.get("msgstr", "") for e in entries if e.get("msgid") == "" and "msgctxt" not in e), "")
    return {e["msgctxt"]: e for e in entries if "msgctxt" in e}, header


@cache
def _catalog(lang: str) -> Catalog:
    path = _HERE / f"{'sv' if lang == 'en' else lang}.po"
    raw = path.read_bytes()
    compiled = _compiled_path(path, raw)
    plain = _read_compiled(compiled)
    if plain is None:
        plain = _compile(raw.decode("utf-8"))
        _write_compiled(compiled, plain)
    rule, table = plain
    return Catalog({key: Message(english, translated) for key, (english, translated) in table.items()},
                   rule)


Compiled = tuple[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]


def _compile(text: str) -> Compiled:
    """A catalog's plural rule and messages as plain values: key -> (English forms, translated)."""
    entries, header = parse_po(text)
    rule = next((line.split("plural=", 1)[1].rstrip(";").strip() for line in header.splitlines()
                 if line.startswith("Plural-Forms:") and "plural=" in line), "n != 1")
    table = {}
    for key, entry in entries.items():
        english: tuple[str, ...] = ((entry["msgid"], entry["msgid_plural"]) if "msgid_plural" in entry
                                    else (entry["msgid"],))
        forms = tuple(entry[k] for k in sorted(entry) if k.startswith("msgstr"))
        table[key] = (english, forms if all(forms) else ())
    return rule, table


# Parsing the catalog took ~20 ms of every command; its compiled form, named by a hash of the
# catalog's bytes (as Python names its bytecode by the source), loads in ~1 ms and can never
# stand for another catalog. Where the package cannot be written, the catalog is parsed.
_COMPILED_MAGIC = b"trygghet-catalog-1\n"


def _compiled_path(path: Path, raw: bytes) -> Path:
    import hashlib

    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    return path.parent / "__pycache__" / f"{path.name}.{digest}.marshal"


def _read_compiled(compiled: Path) -> Compiled | None:
    import marshal

    try:
        blob = compiled.read_bytes()
        if not blob.startswith(_COMPILED_MAGIC):
            return None
        rule, table = marshal.loads(blob[len(_COMPILED_MAGIC):])  # noqa: S302 - our own file, by hash
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return (rule, table) if isinstance(rule, str) and isinstance(table, dict) else None


def _write_compiled(compiled: Path, plain: Compiled) -> None:
    import marshal
    import os

    try:
        compiled.parent.mkdir(exist_ok=True)
        temporary = compiled.with_name(f".{compiled.name}.{os.getpid()}")
        temporary.write_bytes(_COMPILED_MAGIC + marshal.dumps(plain))
        os.replace(temporary, compiled)  # two processes at once: either file is the same
    except (OSError, ValueError):
        pass


@cache
def _plural_chooser(rule: str) -> Callable[[int], int]:
    if rule.replace(" ", "") in ("(n!=1)", "n!=1"):
        return lambda n: int(n != 1)
    from gettext import c2py  # the C-like Plural-Forms expression of another language

    return c2py(rule)


def _text(key: str, lang: str, count: int | None) -> str:
    message = _catalog(lang).messages[key]
    forms = message.english if lang == "en" or not message.translated else message.translated
    if count is None or len(forms) == 1:
        return forms[0]
    if forms is message.english:
        return forms[0] if count == 1 else forms[1]
    index = _plural_chooser(_catalog(lang).plural_rule)(count)
    return forms[min(index, len(forms) - 1)]


def label(key: str, lang: str, /, **values: object) -> str:
    """A message in the language, with {placeholders} filled in."""
    text = _text(key, lang, None)
    return text.format(**values) if values else text


def plural(key: str, lang: str, count: int, /, **values: object) -> str:
    """A message whose form follows `count` ("1 fil", "2 filer"); `count` also fills {count}."""
    return _text(key, lang, count).format(count=count, **values)


def join_list(items: list[str], lang: str, *, last_word: bool = True) -> str:
    """Names as a sentence lists them: 'A', 'A och B', 'A, B och C' (English: 'A, B and C').

    Names are data: a name may hold a comma or the word 'och' ('Polismyndigheten,
    lokalpolisområde Vretby'). When one does, so that a reader still sees where each name
    ends, the items are separated by semicolons and the last by '; och', as Swedish style
    separates items that hold commas themselves: 'Vretby kommun; Polismyndigheten,
    lokalpolisområde Vretby; och Vretbyhem AB'. Needing none: a comma in the last of two
    names ('Vretby kommun och Polismyndigheten, lokalpolisområde Vretby': a comma after 'och'
    is the name's own), and anything in parentheses.

    With `last_word` False the list has no 'och' (a table cell: 'A, B, C' or 'A; B; C').
    """
    if len(items) <= 1:
        return "".join(items)
    word = label("report.and_sep", lang)
    if not last_word:
        return ("; " if any(", " in _unbracketed(item) for item in items) else ", ").join(items)
    if not _needs_semicolons(items, word):
        return f"{', '.join(items[:-1])}{word}{items[-1]}"
    return f"{'; '.join(items[:-1])};{word}{items[-1]}"


def _unbracketed(name: str) -> str:
    """A name without what it holds in parentheses."""
    import re

    return re.sub(r"\([^()]*\)", "", name)


def _needs_semicolons(items: list[str], word: str) -> bool:
    """Whether 'A, B och C' would misread: a name holds the list's word, or a comma appears
    where the list's commas are (in any name but the last of two). What a name holds in
    parentheses is plainly its own ('Polismyndigheten (lokalpolisområde Kil och Grums)')."""
    folded = [_unbracketed(item).casefold() for item in items]
    if any(word.casefold() in item for item in folded):
        return True
    commas = folded[:-1] if len(items) == 2 else folded
    return any(", " in item for item in commas)


def has_label(key: str) -> bool:
    """Whether the catalog has a message with this key."""
    return key in _catalog("sv").messages


def translations(prefix: str, lang: str) -> dict[str, str]:
    """English text -> text in the language, for every message whose key starts with `prefix`.

    For texts looked up by their English wording, as gettext does: the help of the commands."""
    if lang == "en":
        return {}
    return {m.english[0]: m.translated[0] for key, m in _catalog(lang).messages.items()
            if key.startswith(prefix) and m.translated}


def field_name(key: str, lang: str) -> str:
    """A data field's name in the language (Swedish names for sv, the key in words for en)."""
    if has_label(f"field.{key}"):
        return label(f"field.{key}", lang)
    return key if lang == "sv" else key.replace("_", " ")


def _month(month: int, lang: str) -> str:
    return label(f"month.{month}", lang)


def format_date(day: date, lang: str) -> str:
    """30 januari 2024 / 30 January 2024."""
    return f"{day.day} {_month(day.month, lang)} {day.year}"


def format_uncertain(day: date, uncertain: bool, lang: str) -> str:
    """30 juni 2027, or 'ca 30 juni 2027' / 'about 30 June 2027' when the sources are unsure."""
    text = format_date(day, lang)
    return label("date.uncertain", lang, date=text) if uncertain else text


def format_period(period: Period, lang: str, extends: str | None = None) -> str:
    """'1 januari 2026 – ca 30 juni 2027'; 'från 1 januari 2022, tills vidare'; 'från 1 januari
    2024 tills nya löften beslutas'; 'period anges inte'; with ', förlänger Medborgarlöften 2022'
    when `extends` (the extended set's title) is given."""
    start = format_uncertain(period.start, "start" in period.uncertain, lang)
    if not period.given:
        text = label("period.not_given", lang)
    elif period.open:
        text = label("period.until_next" if period.until == "next" else "period.open", lang, start=start)
    else:
        end = format_uncertain(period.end, "end" in period.uncertain, lang)
        text = label("period.until_next_ended" if period.until == "next" else "period.span", lang,
                     start=start, end=end)
    return label("period.extends", lang, period=text, title=extends) if extends else text


def format_short_date(day: date, lang: str) -> str:
    """30 jan 2024 / 30 Jan 2024: for narrow table columns."""
    return f"{day.day} {_month(day.month, lang)[:3]} {day.year}"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """20, 1,5 (sv) / 1.5 (en): whole numbers without decimals."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "sv" else text


def decimals_of(value: float) -> int:
    """How many decimals a number from the data was written with (1.38 -> 2, 4 -> 0)."""
    if float(value).is_integer():
        return 0
    return len(repr(float(value)).partition(".")[2].partition("e")[0].rstrip("0"))


def format_fixed(value: float, lang: str, decimals: int) -> str:
    """A number with exactly `decimals` decimals: 1,40 beside 2,03 (sv) / 1.40 (en)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "sv" else text


def format_percent(share: float, lang: str) -> str:
    """86 % (sv) / 86% (en)."""
    number = round(share * 100)
    return f"{number} %" if lang == "sv" else f"{number}%"


def format_partial(text: str, lang: str) -> str:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words."""
    parts = text.split("-")
    if len(parts) == 3:
        return format_date(date.fromisoformat(text), lang)
    if len(parts) == 2:
        return f"{_month(int(parts[1]), lang)} {parts[0]}"
    return parts[0]
