"""Docstrings and the project's documents name only files that exist in the repository."""

from __future__ import annotations

import re
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
DOCUMENTS = ["README.md", "ARCHITECTURE.md", "SECURITY.md", "RELEASING.md", "CHANGELOG.md", "docs/manual.md"]
# A path: folders and a file with one of these suffixes, e.g. validate/rules.py or docs/cli.md.
PATH = re.compile(r"(?<![\w/.:-])((?:[\w-]+/)+[\w.-]+\.(?:py|md|yaml|yml|json|j2|toml))\b")
# Where a path may be meant from: the top, the package, src/, templates/, or a data root.
BASES = [TOP, TOP / "src" / "trygghet_cli", TOP / "src", TOP / "templates", TOP / "data",
         TOP / "tests" / "fixtures" / "minimal"]


def _named(text: str) -> set[str]:
    # Placeholders (cli/NAME_cmd.py, activities/PERIOD.yaml) name no file.
    return {p for p in PATH.findall(text) if not re.search(r"[A-Z]{3,}", Path(p).stem)}


def test_every_path_in_a_docstring_or_document_exists() -> None:
    sources = [*sorted((TOP / "src").rglob("*.py")), *(TOP / name for name in DOCUMENTS)]
    missing = sorted(f"{source.relative_to(TOP)}: {path}"
                     for source in sources for path in _named(source.read_text(encoding="utf-8"))
                     if not any((base / path).exists() for base in BASES))
    assert not missing, "these name files that do not exist:\n" + "\n".join(missing)
