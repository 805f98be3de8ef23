"""One canonical layout for data files: schema key order, 2-space indentation, canonical quoting.

Unlike the line edits, formatting is meant to rewrite the file, so it goes
through ruamel's round trip (comments kept). The result must still read back as
exactly the same data, or nothing is written. The BOM and the line break style
are kept as they were: `fmt` is about layout, not encoding.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date
from typing import Any

from trygghet_cli.editing import lines as ln
from trygghet_cli.editing import session
from trygghet_cli.editing.schema_order import key_order, rank
from trygghet_cli.loading import Document, JsonPath
from trygghet_cli.loading.scalars import ScalarError, resolve_plain
from trygghet_cli.vocabulary import code


class KeptAsIs(Exception):
    """A valid file that the layout cannot be applied to without loss (a comment inside a
    flow list spread over lines, which the round trip drops): it stays as it is."""

    def __init__(self, path: str, comment: str | None) -> None:
        super().__init__(path)
        self.path = path
        self.comment = comment


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _needs_quotes(text: str) -> bool:
    """True when the text, unquoted, would read as something else (a number, true, null)."""
    try:
        return not isinstance(resolve_plain(text), str)
    except ScalarError:
        return True


def _canonical_scalar(value: Any) -> Any:
    """Full dates plain; text that would read as a number or boolean double-quoted."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if not isinstance(value, ScalarString):
        return value
    text = str(value)
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    if _needs_quotes(text) and not isinstance(value, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    return value


def _canonical(node: Any, kind: str, path: JsonPath) -> None:
    """Sort keys by schema order and normalise scalars, in place, keeping comments."""
    from collections import OrderedDict

    if isinstance(node, OrderedDict):
        order = key_order(kind, path)
        for key in sorted(node, key=lambda k: rank(order, k)):
            node.move_to_end(key)
        for key in list(node):
            if isinstance(node[key], str) and code(key, node[key]) != node[key]:
                node[key] = code(key, node[key])  # the code for a Swedish word ('pågår')
            node[key] = _canonical_scalar(node[key])
            _canonical(node[key], kind, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = _canonical_scalar(item)
            _canonical(item, kind, (*path, index))


_MARKER = re.compile(r"(---|\.\.\.)[ \t]*(#.*)?")


def _split_markers(source: str) -> tuple[str, str, str]:
    """(head, body, tail): the lines up to a leading `---` and from a closing `...`, kept as
    they are, because ruamel drops those markers and the comments around them."""
    lines = source.splitlines(keepends=True)
    meaningful = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    start, end = 0, len(lines)
    if meaningful and _MARKER.fullmatch(lines[meaningful[0]].rstrip("\n")) and \
            lines[meaningful[0]].startswith("---"):
        start = meaningful[0] + 1
    if meaningful and lines[meaningful[-1]].startswith("...") and \
            _MARKER.fullmatch(lines[meaningful[-1]].rstrip("\n")):
        end = meaningful[-1]
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def format_text(doc: Document, kind: str) -> str:
    """The canonical text of a loaded document (without BOM, in the file's line break style)."""
    yaml = _yaml()
    # ruamel keeps a CR inside comments, so it gets LF only and the file's style is put back after.
    head, body, tail = _split_markers(doc.text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        data = yaml.load(body)
    except Exception:  # noqa: BLE001 - ruamel raises many kinds; the loader accepted the file
        raise KeptAsIs(doc.path, None) from None
    _canonical(data, kind, ())
    out = io.StringIO()
    yaml.dump(data, out)
    text = head + out.getvalue() + tail
    newline = ln.newline_of(doc.text)
    return text.replace("\n", newline) if newline != "\n" else text


def _comments(text: str) -> Counter[str]:
    """Every comment-like fragment: from a '#' that starts a line or follows a blank to the end."""
    found: Counter[str] = Counter()
    for line in ln.split_lines(text):
        match = re.search(r"(?:^|\s)(#.*)$", ln.body(line))
        if match:
            found[match.group(1).rstrip()] += 1
    return found


def format_change(doc: Document, kind: str) -> session.FileChange:
    """A checked change to canonical layout; refused if the data would read back differently;
    KeptAsIs when a comment would be lost or the round trip cannot read the file."""
    from pathlib import Path

    text = format_text(doc, kind)
    new_bytes = session.encode(text, doc.had_bom)
    if text != doc.text:
        session.reload_as(new_bytes, doc.path, doc.data)
        lost = _comments(doc.text) - _comments(text)
        if lost:
            raise KeptAsIs(doc.path, next(iter(lost)))
    return session.FileChange(Path(doc.path), doc.text, text, new_bytes, doc.digest)
