"""What `git log` answers for a recorded `overview` (replay.py): the state of each repository
that holds one of its data roots, found as overview/dates.py finds it (the nearest folder at
or above the root with a `.git`).

`git log` reads commits, and a commit's history is fixed by its hash; which commit it starts
from, and what it sees of the history, is in a few small files: `.git/HEAD`, the ref it names
(its loose file, else `packed-refs`), `packed-refs`, `shallow`, `info/grafts`, the replace
refs, and the configuration (the repository's, the user's and the system's). These files'
bytes, the owner of `.git`, the user running, and the git executable found on PATH (its path,
size and times) make the key's part for git. A repository that is not laid out as a plain
clone (`.git` a file, as in a linked worktree or a submodule; alternates; a reftable), a
configuration that includes another file, a `GIT_*` variable that points git elsewhere, a
file that cannot be read, or no git on PATH: None, and the run is not recorded.

Like replay.py this runs before the interface is imported: strings and os only.
"""

from __future__ import annotations

import os
import sys

from trygghet_cli.replay_files import sha256  # the hash module itself, without hashlib

# Variables that make git read another repository, object store or configuration file.
_ELSEWHERE = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
              "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_REPLACE_REF_BASE",
              "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE", "GIT_CONFIG", "GIT_CONFIG_GLOBAL",
              "GIT_CONFIG_SYSTEM")
_UNUSUAL = ("objects/info/alternates", "objects/info/http-alternates", "reftable", "commondir")
_STATE = ("HEAD", "packed-refs", "shallow", "info/grafts", "config", "config.worktree")


class Unusual(Exception):
    """Something the key cannot cover."""


def tops(roots: list[str]) -> list[str]:
    """The repositories (their top folders) that hold the roots, as overview/dates.py finds
    them from each root's real path."""
    found: dict[str, str | None] = {}
    result: set[str] = set()
    for root in roots:
        top = _top(os.path.realpath(root), found)
        if top is not None:
            result.add(top)
    return sorted(result)


def _top(folder: str, found: dict[str, str | None]) -> str | None:
    if folder in found:
        return found[folder]
    parent = os.path.dirname(folder)
    if os.path.exists(os.path.join(folder, ".git")):
        top: str | None = folder
    else:
        top = None if parent == folder else _top(parent, found)
    found[folder] = top
    return top


def state(repositories: list[str]) -> bytes | None:
    """The digest of what git log can answer from these repositories; None when it is not
    known (the run is then not recorded)."""
    if not repositories:
        return b"-"
    try:
        if any(os.environ.get(name) for name in _ELSEWHERE):
            raise Unusual
        digest = sha256(_executable())
        for top in repositories:
            digest.update(_repository(top))
    except (OSError, Unusual, UnicodeError):
        return None
    return digest.digest()


def _executable() -> bytes:
    """The git on PATH (as subprocess finds it), the user running it, and the configuration
    files every repository shares."""
    if sys.platform == "win32":  # git.exe, found by other rules: not recorded
        raise Unusual
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        path = os.path.join(folder or os.curdir, "git")
        if os.path.isfile(path) and os.access(path, os.X_OK):
            break
    else:
        raise Unusual
    info = os.stat(path)
    home = os.path.expanduser("~")
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(path)))
    parts = [f"{path}\0{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}\0"
             f"{os.getuid()}\0".encode("utf-8", "surrogateescape")]
    for config in (os.path.join(xdg, "git", "config"), os.path.join(home, ".gitconfig"),
                   "/etc/gitconfig", os.path.join(prefix, "etc", "gitconfig")):
        parts.append(_config(config))
    return b"".join(parts)


def _config(path: str) -> bytes:
    raw = _bytes(path)
    if b"include" in raw.lower():  # [include] and [includeIf]: a file the key does not cover
        raise Unusual
    return raw


def _bytes(path: str) -> bytes:
    """A file's name and bytes; its name and '-' when there is none."""
    name = path.encode("utf-8", "surrogateescape")
    try:
        with open(path, "rb") as handle:
            return b"%d\0%s\0%s" % (len(name), name, sha256(handle.read()).digest())
    except FileNotFoundError:
        return b"%d\0%s\0-" % (len(name), name)


def _repository(top: str) -> bytes:
    git = os.path.join(top, ".git")
    if os.path.islink(git) or not os.path.isdir(git) or not all(
            os.path.isdir(os.path.join(git, part)) for part in ("objects", "refs")):
        raise Unusual  # a .git file (a linked worktree, a submodule) or not a repository
    if any(os.path.lexists(os.path.join(git, part)) for part in _UNUSUAL):
        raise Unusual
    parts = [f"{top}\0{os.stat(git).st_uid}\0".encode("utf-8", "surrogateescape")]
    for name in _STATE:
        path = os.path.join(git, name)
        parts.append(_config(path) if name.startswith("config") else _bytes(path))
    with open(os.path.join(git, "HEAD"), "rb") as handle:
        head = handle.read()
    if head.startswith(b"ref:"):
        ref = head[4:].strip().decode("utf-8")
        if not ref.startswith("refs/") or ".." in ref.split("/"):
            raise Unusual
        path = os.path.join(git, *ref.split("/"))
        if os.path.isdir(path):
            raise Unusual
        if os.path.isfile(path) and _starts_with_ref(path):
            raise Unusual  # a symbolic ref naming another
        parts.append(_bytes(path))
    parts.extend(_replace_refs(os.path.join(git, "refs", "replace")))
    return sha256(b"".join(parts)).digest()


def _starts_with_ref(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"ref:"


def _replace_refs(folder: str) -> list[bytes]:
    """The name and bytes of every loose replace ref (those packed are in packed-refs)."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except FileNotFoundError:
        return [b"no replace refs"]
    parts: list[bytes] = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            parts.extend(_replace_refs(entry.path))
        else:
            parts.append(_bytes(entry.path))
    return parts
