"""The date of the latest change to each data root: its latest git commit."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def git_top(folder: Path) -> Path | None:
    """The nearest folder at or above folder with a `.git` (replay_git.tops has its twin)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def latest_changes(roots: list[Path]) -> dict[Path, date]:
    """The date of the latest commit that touched each root, for the roots kept in git.

    One `git log` per repository, read from the newest commit back and stopped as soon as
    every root of the repository has its date: a national repository costs one process."""
    by_top: dict[Path, dict[str, Path]] = {}
    for root in roots:
        absolute = root.resolve()
        top = git_top(absolute)
        if top is not None:
            prefix = absolute.relative_to(top).as_posix()
            by_top.setdefault(top, {})[prefix + "/" if prefix != "." else ""] = root
    found: dict[Path, date] = {}
    for top, prefixes in by_top.items():
        found.update(_walk_log(top, prefixes))
    return found


def _root_of(name: str, prefixes: dict[str, Path]) -> Path | None:
    """The root whose prefix ('a/b/', or '' for the repository itself) holds the file name."""
    if "" in prefixes:
        return prefixes[""]
    cut = name.find("/")
    while cut != -1:
        root = prefixes.get(name[: cut + 1])
        if root is not None:
            return root
        cut = name.find("/", cut + 1)
    return None


def _walk_log(top: Path, prefixes: dict[str, Path]) -> dict[Path, date]:
    try:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            # core.quotePath=false: a root named 'alköping' is listed as it is, not quoted in octal.
            ["git", "-c", "core.quotePath=false", "-C", str(top), "log", "--format=@%cs",
             "--name-only", "--no-renames", "--", *[p or "." for p in prefixes]],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
            errors="replace")
    except OSError:
        return {}
    found: dict[Path, date] = {}
    day: date | None = None
    assert process.stdout is not None
    try:
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.startswith("@"):
                day = date.fromisoformat(line[1:])
                continue
            root = _root_of(line, prefixes)
            if root is not None and root not in found and day is not None:
                found[root] = day
            if len(found) == len(prefixes):
                break
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    return found
