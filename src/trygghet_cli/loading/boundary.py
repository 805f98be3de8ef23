"""Symlinks out of a data root are not followed: a link is read only when it stays inside.

A pull request from a fork can add `activities/2019.yaml -> ~/.env`; read, its first line
would appear in a finding's excerpt in a public CI log. A data file (or a folder on its
way) may link anywhere inside its data root, or inside the git repository that holds the
root; anything else is refused before a byte of it is read. The files of shared definitions
that a root's trygghet.yaml names must lie in the root's repository (`outside`).
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_NAME = "trygghet.yaml"


def _data_root(path: str) -> str | None:
    """The nearest folder above path (by its name, links not followed) with trygghet.yaml."""
    folder = os.path.dirname(path)
    while True:
        if os.path.isfile(os.path.join(folder, CONFIG_NAME)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _repository(folder: str) -> str | None:
    """The top of the git work tree that holds folder (resolved), if any."""
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _inside(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def _bases(root: str) -> list[str]:
    """Where a data root's files may lead: the root and the git work tree that holds it."""
    real_root = os.path.realpath(root)
    repository = _repository(real_root)
    return [real_root] + ([repository] if repository else [])


def outside(path: Path, root: Path) -> str | None:
    """Where a `shared:` file really leads when that is outside the git repository that holds
    the data root (`../../../etc/x.yml`), or, for a root in no repository, outside the folder
    that holds the root (where a police area keeps the file its roots share); None inside."""
    real = os.path.realpath(os.path.abspath(path))
    real_root = os.path.realpath(root)
    base = _repository(real_root) or os.path.dirname(real_root)
    return None if _inside(real, base) else real


def escapes(path: Path) -> str | None:
    """Where path really leads when a link takes it outside its data root and repository;
    None when it stays inside (or is no link, or lies in no data root)."""
    lexical = os.path.abspath(path)
    real = os.path.realpath(lexical)
    if real == lexical:
        return None
    root = _data_root(lexical)
    if root is None:
        return None
    return None if any(_inside(real, base) for base in _bases(root)) else real
