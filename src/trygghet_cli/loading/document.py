"""Load one YAML data file into plain data plus a map from JSON paths to positions.

The C parser's event stream is walked without recursion, so deep nesting,
anchors, aliases, tags, directives, duplicate keys and extra documents are all
refused with a position before any data structure is built.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygghet_cli import vocabulary
from trygghet_cli.findings import Finding, Location, Severity, make, quoted
from trygghet_cli.loading import text as textmod
from trygghet_cli.loading.fast import TOO_MANY, load_values
from trygghet_cli.loading.linescan import LineScan
from trygghet_cli.loading.positions import walk as walk_positions
from trygghet_cli.loading.scalars import CORE_TAGS, ScalarError, resolve_plain, resolve_tagged

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]
PositionMap = dict[JsonPath, Position]

MAX_DEPTH = 50
MAX_SCALAR = 20_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# Values (mappings, lists and scalars, keys included) per file. An activity with a target and
# two outcomes holds about 56, so 5,000 activities (ten times a large municipality's list over
# a four-year agreement) hold some 280,000; the limit is well above that. A file beyond it is
# refused by the fast path right after its compiled parse (about a second for a million
# one-character items), by the reference while it reads.
MAX_NODES = 1_000_000


@dataclass(slots=True)
class Document:
    """A loaded data file: its text, plain data, and where every value and key stands."""

    path: str
    text: str
    data: Any
    digest: str
    had_bom: bool = False
    _positions: PositionMap = field(default_factory=dict, compare=False, repr=False)
    _key_positions: PositionMap = field(default_factory=dict, compare=False, repr=False)
    # Where each scalar (and flow collection) ends, just past its last character; editing uses it.
    _ends: PositionMap = field(default_factory=dict, compare=False, repr=False)
    # Set by the cache, which keeps positions packed because most runs look up few of them:
    # unpacks those of the part of the file a path lies in (of the whole file for None).
    _unpack: Callable[[JsonPath | None], None] | None = field(default=None, compare=False, repr=False)

    @property
    def positions(self) -> PositionMap:
        """Where each value starts (line, column; 1-based), by JSON path."""
        self._unpack_all()
        return self._positions

    @property
    def key_positions(self) -> PositionMap:
        """Where each mapping key starts, by the JSON path of its value."""
        self._unpack_all()
        return self._key_positions

    @property
    def ends(self) -> PositionMap:
        """Where each scalar (and flow collection) ends, just past its last character."""
        self._unpack_all()
        return self._ends

    def _unpack_all(self) -> None:
        if self._unpack is not None:
            self._unpack(None)
            self._unpack = None

    def where(self, path: JsonPath, *, key: bool = False) -> Location:
        """The location of the value (or key) at path, or of its nearest known parent."""
        if self._unpack is not None:
            if isinstance(self._unpack, Deferred) and self._unpack.pending:
                found = self._unpack.read_lines(self.data, path, key)
                if found is not None:
                    return Location(self.path, *found)
            self._unpack(path)
        keys, values = self._key_positions, self._positions
        table = keys if key and path in keys else values
        probe = path
        while probe not in table and probe:
            probe = probe[:-1]
            table = values
        line, column = table.get(probe, (0, 0))
        return Location(self.path, line, column)


def too_many_values(where: Location) -> Finding:
    """TRY001 for a file of more values than MAX_NODES."""
    return make("TRY001", where, f"the file holds more than {MAX_NODES:,} values; "
                "not read further".replace(",", " "),
                "split the data into smaller files (one activity list per period)",
                sv=f"filen innehåller fler än {MAX_NODES:,} värden; läses inte vidare"
                .replace(",", " "),
                sv_hint="dela upp datan i mindre filer (en aktivitetslista per period)")


@dataclass(slots=True)
class LoadResult:
    """A document (None when it could not be loaded) and the findings of loading it."""

    document: Document | None
    findings: list[Finding]


class _Stop(Exception):
    """Ends the walk at a structural error that makes the rest meaningless."""


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: JsonPath
    key: str | None = None
    key_is_bad: bool = False
    flow: bool = False


class _Builder:
    """Turns parser events into plain data, recording positions and problems."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.findings: list[Finding] = []
        self.positions: dict[JsonPath, Position] = {}
        self.key_positions: dict[JsonPath, Position] = {}
        self.ends: dict[JsonPath, Position] = {}
        self.nodes = 0

    def error(self, code: str, mark: Any, message: str, hint: str | None = None, *,
              sv: str | None = None, sv_hint: str | None = None) -> None:
        where = Location(self.path, mark.line + 1, mark.column + 1)
        self.findings.append(make(code, where, message, hint, sv=sv, sv_hint=sv_hint))

    def feed(self, event: Any) -> None:
        name = type(event).__name__
        if name == "DocumentStartEvent":
            self.start_document(event)
        elif name == "AliasEvent":
            self.error("TRY103", event.start_mark, f"alias '*{event.anchor}' is not allowed",
                       "write the value out in full; trygghet files use no anchors or aliases",
                       sv=f"aliaset '*{event.anchor}' är inte tillåtet",
                       sv_hint="skriv ut värdet i sin helhet; trygghets filer använder inga "
                       "ankare eller alias")
            raise _Stop
        elif name in {"MappingStartEvent", "SequenceStartEvent", "ScalarEvent"}:
            self.node(event, name)
        elif name in {"MappingEndEvent", "SequenceEndEvent"}:
            frame = self.stack.pop()
            if frame.flow:
                self.ends[frame.path] = (event.end_mark.line + 1, event.end_mark.column + 1)

    def start_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.error("TRY106", event.start_mark, "the file holds more than one YAML document",
                       "keep one document per file: remove the second '---' and what follows, "
                       "or move it to a file of its own",
                       sv="filen innehåller mer än ett YAML-dokument",
                       sv_hint="ett dokument per fil: ta bort det andra '---' och det som följer, "
                       "eller flytta det till en egen fil")
            raise _Stop
        if getattr(event, "version", None) or getattr(event, "tags", None):
            self.error("TRY105", event.start_mark, "%YAML and %TAG directives are not allowed",
                       "delete the lines starting with '%'; trygghet reads YAML 1.2 only",
                       sv="direktiven %YAML och %TAG är inte tillåtna",
                       sv_hint="ta bort raderna som börjar med '%'; trygghet läser bara YAML 1.2")

    def node(self, event: Any, name: str) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.findings.append(too_many_values(Location(self.path, event.start_mark.line + 1,
                                                          event.start_mark.column + 1)))
            raise _Stop
        self.check_anchor_and_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            self.error("TRY107", event.start_mark, f"nesting deeper than {MAX_DEPTH} levels",
                       "flatten the structure; no trygghet file needs this depth",
                       sv=f"nästlat djupare än {MAX_DEPTH} nivåer",
                       sv_hint="gör strukturen plattare; ingen trygghetsfil behöver detta djup")
            raise _Stop
        if name == "ScalarEvent":
            value: Any = self.scalar(event)
        elif name == "MappingStartEvent":
            value = {}
        else:
            value = []
        self.place(value, event)
        if isinstance(value, dict | list):
            parent_path = self.current_path()
            self.stack.append(_Frame(value, parent_path, flow=bool(event.flow_style)))
        elif self.last_path[-1:] not in (("\0key",), ("\0bad",)):
            self.ends[self.last_path] = (event.end_mark.line + 1, event.end_mark.column + 1)

    def current_path(self) -> JsonPath:
        return self.last_path

    def check_anchor_and_tag(self, event: Any) -> None:
        if event.anchor is not None:
            self.error("TRY103", event.start_mark, f"anchor '&{event.anchor}' is not allowed",
                       "remove the anchor and write values out in full",
                       sv=f"ankaret '&{event.anchor}' är inte tillåtet",
                       sv_hint="ta bort ankaret och skriv ut värdena i sin helhet")
        tag = event.tag
        if tag is not None and tag != "!" and tag not in CORE_TAGS:
            self.error("TRY104", event.start_mark, f"tag '{tag}' is not allowed",
                       "remove the tag; quote the value if it should be text",
                       sv=f"taggen '{tag}' är inte tillåten",
                       sv_hint="ta bort taggen; sätt värdet inom citattecken om det ska vara text")

    def scalar(self, event: Any) -> Any:
        value_text: str = event.value
        if len(value_text) > MAX_SCALAR:
            self.error("TRY108", event.start_mark,
                       f"value of {len(value_text)} characters is longer than {MAX_SCALAR}",
                       "shorten the text or link to a document instead",
                       sv=f"värdet har {len(value_text)} tecken, fler än {MAX_SCALAR}",
                       sv_hint="korta texten eller länka till ett dokument i stället")
            return ""
        if event.style == '"':
            self.check_escapes(event, value_text)
        try:
            if event.tag in CORE_TAGS:
                return resolve_tagged(value_text, event.tag)
            if event.style in (None, "") and event.implicit[0]:
                return resolve_plain(value_text)
        except ScalarError as exc:
            self.error("TRY110", event.start_mark, str(exc), "quote the value if it is text",
                       sv=f"ogiltigt tal: {exc.sv}",
                       sv_hint="sätt värdet inom citattecken om det är text")
            return None
        return value_text

    def check_escapes(self, event: Any, value: str) -> None:
        """Escapes in double quotes can produce what the text scan never saw."""
        control = textmod.escaped_control(value)
        if control is not None:
            self.error("TRY004", event.start_mark,
                       f"control character U+{ord(control):04X} (written as an escape) is not allowed",
                       "remove the escape; write line breaks as a block scalar (|) instead",
                       sv=f"styrtecknet U+{ord(control):04X} (skrivet som escape) är inte tillåtet",
                       sv_hint="ta bort escape-sekvensen; skriv radbrytningar som blockskalär (|)")
            return
        source = self.text[event.start_mark.index : event.end_mark.index]
        if textmod.count_invisible(value) > textmod.count_invisible(source):
            where = Location(self.path, event.start_mark.line + 1, event.start_mark.column + 1)
            self.findings.append(make("TRY005", where, "invisible character (written as an escape) "
                                      "in the text", "remove the escape such as \\u200b",
                                      sv="osynligt tecken (skrivet som escape) i texten",
                                      sv_hint="ta bort escape-sekvensen, till exempel \\u200b"))

    def place(self, value: Any, event: Any) -> None:
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.root = value
            self.last_path: JsonPath = ()
            self.positions[()] = position
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            self.last_path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.positions[self.last_path] = position
            return
        if frame.key is None and not frame.key_is_bad:
            self.take_key(frame, value, event)
            self.last_path = (*frame.path, "\0key")
            return
        self.last_path = (*frame.path, frame.key if frame.key is not None else "\0bad")
        if frame.key is not None:
            frame.container[frame.key] = value
            self.positions[self.last_path] = position
        frame.key, frame.key_is_bad = None, False

    def take_key(self, frame: _Frame, value: Any, event: Any) -> None:
        assert isinstance(frame.container, dict)
        if not isinstance(value, str):
            shown = "a mapping or list" if isinstance(value, dict | list) else repr(value)
            self.error("TRY109", event.start_mark, f"key {shown} is not a string",
                       "use a plain word as key; quote it if it looks like a number or date",
                       sv=f"nyckeln {shown} är inte en text",
                       sv_hint="använd ett vanligt ord som nyckel; citera den om den ser ut "
                       "som ett tal eller datum")
            frame.key_is_bad = True
            return
        if value in frame.container:
            self.error("TRY102", event.start_mark, f"duplicate key {quoted(value)}",
                       "each key may appear once in a mapping; merge or remove one of them",
                       sv=f"nyckeln {quoted(value)} förekommer två gånger",
                       sv_hint="varje nyckel får finnas en gång; slå ihop eller ta bort en av dem")
            frame.key_is_bad = True
            return
        frame.key = value
        mark = event.start_mark
        self.key_positions[(*frame.path, value)] = (mark.line + 1, mark.column + 1)


def _parse_events(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").parse(text)


def _reader_offset(exc: Exception, text: str) -> int:
    """The character offset of a ReaderError; the C reader counts UTF-8 bytes, not characters."""
    character = getattr(exc, "character", None)
    if isinstance(character, int) and 0 <= character < 0x110000 and chr(character) in text:
        return text.index(chr(character))
    position: int = getattr(exc, "position", 0)
    return len(text.encode("utf-8", errors="replace")[:position].decode("utf-8", errors="ignore"))


def _syntax_finding(exc: Exception, text: str, path: str) -> Finding:
    problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    context = getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "end of stream" in str(problem) and getattr(exc, "context_mark", None) is not None:
        # An unclosed quote or bracket is found at the end of the file; where it opened helps.
        mark = exc.context_mark  # type: ignore[attr-defined]
    opened = getattr(exc, "context_mark", None)
    if context and opened is not None and mark is not None and opened.line != mark.line:
        context = f"{context} (started at line {opened.line + 1})"
    message = f"{context}: {problem}" if context else str(problem)
    sv_message = message.replace("(started at line", "(påbörjat på rad")
    if mark is not None:
        where = Location(path, mark.line + 1, mark.column + 1)
    elif isinstance(getattr(exc, "position", None), int):
        where = Location(path, *textmod.position_of(text, _reader_offset(exc, text)))
    else:
        where = Location(path, 1, 1)
    hint = "check indentation, colons and quotes on this line and the one before"
    lines = text.splitlines()
    line_text = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "tab" in message:
        hint = "YAML does not allow tabs for indentation; use spaces"
    sv_hint = ("YAML tillåter inte tabbar för indrag; använd mellanslag" if "tab" in hint
               else "kontrollera indrag, kolon och citattecken på raden och raden före")
    return make("TRY101", where, f"YAML syntax error: {message}", hint,
                sv=f"YAML-syntaxfel: {sv_message}", sv_hint=sv_hint)


def load_text(text: str, path: str) -> tuple[Any, _Builder | None, list[Finding]]:
    """Parse text into plain data; the builder holds positions when loading succeeded."""
    from ruamel.yaml.error import YAMLError

    builder = _Builder(path, text)
    try:
        for event in _parse_events(text):
            builder.feed(event)
    except _Stop:
        pass
    except YAMLError as exc:
        return None, None, [*builder.findings, _syntax_finding(exc, text, path)]
    except (RecursionError, ValueError, OverflowError, TypeError, AssertionError) as exc:
        return None, None, [make("TRY101", Location(path), f"could not parse the file: {exc}",
                                 sv=f"filen kunde inte tolkas: {exc}")]
    return builder.root, builder, builder.findings


class Deferred:
    """A fast-loaded document's positions, worked out by the reference's event stream when
    asked for and only as far as needed: a finding in the tenth activity of a list reads the
    list that far (most documents are never asked: only findings need positions)."""

    __slots__ = ("lines", "steps", "tables", "text")

    def __init__(self, text: str, tables: tuple[PositionMap, PositionMap, PositionMap]) -> None:
        self.tables = tables
        self.text = text
        self.steps: Iterator[None] | None = walk_positions(text, *tables)
        self.lines: LineScan | None = None

    @property
    def pending(self) -> bool:
        return self.steps is not None

    def read_lines(self, data: Any, path: JsonPath, key: bool) -> Position | None:
        """The position Document.where gives, found from the text's lines without the walk
        (linescan.py); None where only the walk can say."""
        if self.lines is None:
            self.lines = LineScan(self.text)
        return self.lines.where(data, path, key)

    def __call__(self, path: JsonPath | None) -> None:
        """Walk on until path has its position (to the end for None, or a path not there)."""
        steps, positions = self.steps, self.tables[0]
        if steps is None or (path is not None and path in positions):
            return
        try:
            for _step in steps:
                if path is not None and path in positions:
                    return
        except Exception:  # noqa: BLE001, S110 - the fast path accepted it, so the reference does
            pass
        self.steps = None


def positions_pending(doc: Document) -> bool:
    """True while a fast-loaded document's positions have not been worked out."""
    return isinstance(doc._unpack, Deferred) and doc._unpack.pending


def load_bytes(raw: bytes, path: str, *, fast: bool = True, digest: str | None = None) -> LoadResult:
    """Decode, pre-check and parse one file's bytes; findings instead of exceptions.

    The values come from the fast path (loading/fast.py) when it can decide the document,
    with positions worked out when first asked for; `fast=False` walks the reference.
    `digest`: the bytes' hash, when the caller has it."""
    decoded = textmod.decode(raw, path)
    if isinstance(decoded, Finding):
        return LoadResult(None, [decoded])
    text = decoded.text
    body = raw[len(textmod.UTF8_BOM):] if decoded.had_bom else raw
    unseen = textmod.unseen_bytes(body) and textmod.unseen_characters(text)
    controls = textmod.control_characters(text, path) if unseen else []
    if controls:
        return LoadResult(None, controls)
    empty = make("TRY003", Location(path, 1, 1), "the file is empty (or holds only comments)",
                 "add the document's content, or delete the file",
                 sv="filen är tom (eller innehåller bara kommentarer)",
                 sv_hint="lägg till dokumentets innehåll, eller ta bort filen")
    if not text.strip():  # a tab on an otherwise blank line is a YAML syntax error
        return LoadResult(None, [empty])
    warnings = textmod.invisible_characters(text, path) if unseen else []
    values = load_values(text, max_depth=MAX_DEPTH, max_nodes=MAX_NODES,
                         max_scalar=MAX_SCALAR) if fast else None
    if values is TOO_MANY:  # refused by what it costs before the reference walks it that far
        return LoadResult(None, [*warnings, too_many_values(Location(path))])
    if values is not None:
        vocabulary.canonical(values, text)
        tables: tuple[PositionMap, PositionMap, PositionMap] = ({}, {}, {})
        document = Document(path, text, values, digest or hashlib.sha256(raw).hexdigest(), decoded.had_bom,
                            *tables, Deferred(text, tables))
        return LoadResult(document, warnings)
    data, builder, findings = load_text(text, path)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings.extend(f for f in findings if f.severity is not Severity.ERROR)
    if errors or builder is None:
        return LoadResult(None, [*warnings, *errors])
    if data is None or builder.documents == 0:
        return LoadResult(None, [empty])
    vocabulary.canonical(data, text)
    digest = digest or hashlib.sha256(raw).hexdigest()
    document = Document(path, text, data, digest, decoded.had_bom,
                        builder.positions, builder.key_positions, builder.ends)
    return LoadResult(document, warnings)


def _too_large(shown: str) -> Finding:
    """Made only for a file that is too large: a finding's text is checked for personal data,
    which for every file read took a tenth of a warm validate's own time."""
    return make("TRY001", Location(shown), "file is larger than 20 MB", "split the data into smaller files",
                sv="filen är större än 20 MB", sv_hint="dela upp datan i mindre filer")


def read_bytes(path: Path, shown: str) -> bytes | Finding:
    """A file's bytes, or a TRY001 finding that says why it cannot be read."""
    from trygghet_cli.loading.boundary import escapes

    target = escapes(path)
    if target is not None:
        return make("TRY001", Location(shown), f"a link to {target}, outside the data root and its "
                    "repository; not read", "replace the link with the file itself, or point it "
                    "inside the data root",
                    sv=f"en länk till {target}, utanför dataroten och dess git-förråd; filen lästes inte",
                    sv_hint="ersätt länken med själva filen, eller låt den peka in i dataroten")
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return make("TRY001", Location(shown), "is a folder, not a file",
                        "name a YAML file, or a data root folder",
                        sv="är en mapp, inte en fil", sv_hint="ange en YAML-fil eller en datamapp")
        if not stat.S_ISREG(info.st_mode):  # a pipe would block, /dev/zero never ends
            return make("TRY001", Location(shown), "not a regular file (a pipe, device or socket)",
                        "data files must be ordinary files",
                        sv="inte en vanlig fil (ett rör, en enhet eller en socket)",
                        sv_hint="datafiler måste vara vanliga filer")
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(shown)
        with open(path, "rb") as handle:
            raw: bytes = handle.read(MAX_FILE_BYTES + 1)
        return _too_large(shown) if len(raw) > MAX_FILE_BYTES else raw
    except FileNotFoundError:
        return make("TRY001", Location(shown), "file not found", "check the path",
                    sv="filen finns inte", sv_hint="kontrollera sökvägen")
    except PermissionError:
        return make("TRY001", Location(shown), "permission denied",
                    "check the file's permissions (ls -l)",
                    sv="åtkomst nekad", sv_hint="kontrollera filens rättigheter (ls -l)")
    except OSError as exc:
        return make("TRY001", Location(shown), f"cannot read: {exc.strerror or exc}",
                    sv=f"kan inte läsas: {exc.strerror or exc}")


def load_path(path: Path, shown: str | None = None) -> LoadResult:
    """Read and load one file; `shown` is the path as messages print it."""
    shown = shown or os.fspath(path)
    raw = read_bytes(path, shown)
    if isinstance(raw, Finding):
        return LoadResult(None, [raw])
    return load_bytes(raw, shown)
