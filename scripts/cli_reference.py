"""Write docs/cli.md and docs/cli.sv.md, the command reference in English and Swedish, from
the commands themselves.

Usage: .venv/bin/python scripts/cli_reference.py [--check]
--check writes nothing and exits 1 when either is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
TARGETS = {"en": DOCS / "cli.md", "sv": DOCS / "cli.sv.md"}


def main(argv: list[str]) -> int:
    from trygghet_cli.cli import app
    from trygghet_cli.cli.reference import render

    stale = 0
    for lang, target in TARGETS.items():
        text = render(app, lang)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if "--check" not in argv:
            target.write_text(text, encoding="utf-8")
        elif current != text:
            print(f"{target} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            stale = 1
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
