"""Add every schema description that the Swedish catalog lacks to src/trygghet_cli/i18n/sv.po.

Usage: .venv/bin/python scripts/schema_hints.py [--check]

A schema finding in a Swedish root shows its field's description as the hint, looked up by
its English text under a `schema.hint.N` key (validate/schema.py `_sv`); a description the
catalog lacks shows only the generic pointer to 'trygghet schema'. Each new entry gets the
next free number, the English text as msgid and an empty msgstr for the translator;
tests/unit/test_schemas.py fails until it is filled in. --check writes nothing and exits 1
when a description is missing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CATALOG = REPO / "src" / "trygghet_cli" / "i18n" / "sv.po"
PREFIX = "schema.hint."


def _texts(node: Any) -> list[str]:
    """The description texts in a schema (a field named "description" is a schema, not a text)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_texts(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_texts(value))
    return found


def descriptions() -> list[str]:
    """Every distinct `description` text of the shipped schemas, sorted."""
    from trygghet_cli import resources

    texts = {text for path in resources.schemas_dir().glob("*.schema.json")
             for text in _texts(json.loads(path.read_text(encoding="utf-8")))}
    return sorted(texts)


def _entries() -> dict[str, dict[str, str]]:
    from trygghet_cli import i18n

    return i18n.parse_po(CATALOG.read_text(encoding="utf-8"))[0]


def missing() -> list[str]:
    """The descriptions that have no schema.hint entry in the catalog (translated or not)."""
    known = {entry.get("msgid") for key, entry in _entries().items() if key.startswith(PREFIX)}
    return [text for text in descriptions() if text not in known]


def untranslated() -> list[str]:
    """The descriptions whose schema.hint entry has an empty Swedish text."""
    wanted = set(descriptions())
    return sorted(entry["msgid"] for key, entry in _entries().items()
                  if key.startswith(PREFIX) and entry.get("msgid") in wanted and not entry.get("msgstr"))


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def add(texts: list[str]) -> str:
    """The catalog with an entry (empty msgstr) for each text, after the last schema.hint.N."""
    catalog = CATALOG.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'^msgctxt "schema\.hint\.(\d+)"$', catalog, re.MULTILINE)]
    first = max(numbers, default=0) + 1
    blocks = [f'msgctxt "{PREFIX}{first + i}"\nmsgid {_po_string(text)}\nmsgstr ""'
              for i, text in enumerate(texts)]
    last = re.search(rf'^msgctxt "schema\.hint\.{max(numbers, default=0)}"$', catalog, re.MULTILINE)
    cut = catalog.find("\n\n", last.end()) if last else -1
    if cut < 0:
        return catalog.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"
    return catalog[:cut] + "\n\n" + "\n\n".join(blocks) + catalog[cut:]


def main(argv: list[str]) -> int:
    new = missing()
    if "--check" in argv:
        for text in [*new, *untranslated()]:
            print(f"{CATALOG}: no Swedish hint for {text!r}", file=sys.stderr)
        return 1 if new or untranslated() else 0
    if new:
        CATALOG.write_text(add(new), encoding="utf-8")
        print(f"{len(new)} entries added to {CATALOG}: translate their msgstr")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
