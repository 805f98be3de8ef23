"""Write docs/cli.md, the command reference, from the commands themselves.

Usage: .venv/bin/python scripts/cli_reference.py [--check]
--check writes nothing and exits 1 when docs/cli.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def main(argv: list[str]) -> int:
    from trygghet_cli.cli import app
    from trygghet_cli.cli.reference import render

    text = render(app)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
