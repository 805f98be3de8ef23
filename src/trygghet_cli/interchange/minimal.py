"""An import's change as minimal line edits: only the lines of changed values are rewritten.

A round trip through ruamel re-lays out a hand-formatted file (41 lines changed for no
change of data) and writes LF into a CRLF file. Instead the imported data is compared
with the file's own, value by value, and the differences go through the edit commands'
Editor, which keeps the line breaks, quoting and layout of every line it does not touch.
"""

from __future__ import annotations

from typing import Any

from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.roundtrip import Editor
from trygghet_cli.editing.session import same_data
from trygghet_cli.errors import UsageError
from trygghet_cli.loading import Document, load_bytes


def _plain(text: str) -> Any:
    loaded = load_bytes(text.encode("utf-8"), "<import>")
    return None if loaded.document is None else loaded.document.data


def _edit_mapping(editor: Editor, path: tuple[str | int, ...], before: dict[str, Any],
                  after: dict[str, Any]) -> None:
    """The edits that make `before` (at path) `after`: a changed scalar rewrites its line, a
    changed mapping or list of mappings is edited inside, so an outcome's changed value or an
    outcome added touches only its own lines."""
    for key in before:
        if key not in after:
            editor.delete((*path, key))
    for key, value in after.items():
        here = (*path, key)
        old: Any = before.get(key)
        if key in before and same_data(old, value):
            continue
        if isinstance(old, dict) and isinstance(value, dict):
            _edit_mapping(editor, here, old, value)
        elif _mappings(old) and _mappings(value) and len(value) >= len(old):
            for position, item in enumerate(value):
                if position >= len(old):
                    editor.append(here, item)
                elif not same_data(old[position], item):
                    _edit_mapping(editor, (*here, position), old[position], item)
        elif key in before and (isinstance(value, dict | list) or isinstance(old, dict | list)):
            editor.replace_block(here, value)
        else:
            editor.set(here, value)


def _mappings(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def edits(doc: Document, dumped: str) -> str | None:
    """The file's text with the import's changes made in place; None when that cannot be done
    (the caller then writes the dumped text, in the file's own line breaks)."""
    new = _plain(dumped)
    old = doc.data
    if new is None or not isinstance(old, dict) or not isinstance(new, dict):
        return None
    if same_data(old, new):
        return doc.text
    editor = Editor(doc, "activities")
    try:
        _edit_mapping(editor, (), old, new)
        text = editor.result().text
    except (UsageError, ValueError, KeyError):
        return None
    return text if same_data(_plain(text), new) else None


def own_line_breaks(text: str, like: str) -> str:
    """text with every line break made the one `like` uses."""
    newline = ln.newline_of(like)
    return "".join(ln.body(line) + (newline if ln.ending(line) else "") for line in ln.split_lines(text))
