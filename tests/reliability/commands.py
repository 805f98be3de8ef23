"""The commands that only read a data root, and one check that holds them all to the promises.

When a reading command lands, add it here: the corpus and the property tests then run it
on every malformed input too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.reliability.conftest import assert_clean, snapshot
from trygghet_cli.findings import CODES

# (arguments after --data ROOT, exit codes allowed). Period "2024-2025" is the minimal root's.
# report writes to stdout here, so it only reads the root.
READERS: list[tuple[list[str], tuple[int, ...]]] = [
    (["validate", "--format", "json"], (0, 1, 3)),
    (["--lang", "en", "validate", "--verbose"], (0, 1, 3)),
    (["status", "--as-of", "2025-01-15"], (0, 1, 3)),
    (["status", "--as-of", "2025-01-15", "--format", "json", "--by", "area"], (0, 1, 3)),
    (["diff", "activities", "2024-2025", "2024-2025"], (0, 1, 2, 3)),
    (["fmt", "--check"], (0, 1, 3)),
    (["report", "status", "--as-of", "2025-01-15", "--format", "html"], (0, 1, 3)),
    (["report", "pledges", "--format", "md", "--lang", "en"], (0, 1, 3)),
]
# Only in a git repository: the working tree against the last commit.
GIT_READERS: list[tuple[list[str], tuple[int, ...]]] = [
    (["diff", "--git", "HEAD"], (0, 1, 2, 3)),
    (["diff", "--git", "HEAD", "--format", "json"], (0, 1, 2, 3)),
]


def run_readers(invoke: Callable[..., Any], root: Path, *, git: bool = False) -> list[Any]:
    """Run every reading command on root: clean exits only, and not one byte of root changed.

    When validate finds errors, the other commands refuse the data the same way (the first
    of them stands for all); only valid data goes through each command's own code.
    """
    before = snapshot(root, skip=".git")
    results: list[Any] = []
    for args, exits in READERS + (GIT_READERS if git else []):
        if len(results) > 2 and results[0].exit_code == 1 and args[:2] != ["diff", "--git"]:
            continue
        result = invoke("--data", str(root), *args)
        assert_clean(result, exits=exits)
        if args[:1] == ["validate"] and "json" in args:
            assert {f["code"] for f in json.loads(result.stdout)["findings"]} <= set(CODES)
        results.append(result)
    assert snapshot(root, skip=".git") == before
    return results
