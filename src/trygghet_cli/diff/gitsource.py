"""Read a data root as it was at a git revision, from git's objects, without a checkout.

git is run with argument lists (never a shell): `ls-tree` names the files under the
data root at the revision, and one `cat-file --batch` reads all their contents.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.loading.document import MAX_FILE_BYTES
from trygghet_cli.root import repository


@dataclass(frozen=True, slots=True)
class Revisions:
    """What `--git` asked for: a base revision, and a head revision or None (the working tree)."""

    base: str
    head: str | None


def parse_range(spec: str) -> Revisions:
    """`BASE`, `BASE..HEAD` or `BASE...HEAD` (from where HEAD left BASE), as git reads them."""
    if "..." in spec:
        base, head = spec.split("...", 1)
        return Revisions(f"{base or 'HEAD'}...{head or 'HEAD'}", head or "HEAD")
    if ".." in spec:
        base, head = spec.split("..", 1)
        return Revisions(base or "HEAD", head or "HEAD")
    if not spec:
        raise UsageError.say("git.needs_revision")
    return Revisions(spec, None)


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], input=stdin,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError.say("git.missing") from None


def prefix_in_repository(root: Path) -> str:
    """Where the data root lies inside its git repository, as `sub/dir/` ('' at the top)."""
    found = _git(root, "rev-parse", "--show-prefix")
    if found.returncode != 0:
        said = found.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[0] if said and "not a git repository" not in said[0] else ""
        raise UsageError.say("git.no_repository", root=root, reason=f" ({reason})" if reason else "")
    return found.stdout.decode("utf-8", "replace").strip()


def resolve(root: Path, revision: str) -> str:
    """The commit id a revision names; UsageError when git knows no such revision."""
    if revision.startswith("-"):
        raise UsageError.say("git.not_revision", revision=revision)
    if "..." in revision:
        base, head = revision.split("...", 1)
        found = _git(root, "merge-base", resolve(root, base), resolve(root, head))
    else:
        found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                     f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise UsageError.say("git.unknown_revision", revision=revision)
    return found.stdout.decode().strip()


def _listing(root: Path, commit: str, prefix: str) -> dict[str, tuple[str, str, int]]:
    """Files below the prefix at the commit: relative path -> (mode, object id, size)."""
    found = _git(root, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", prefix or ".")
    if found.returncode != 0:
        raise ReadError.say("git.failed", command="ls-tree",
                           problem=found.stderr.decode("utf-8", "replace").strip())
    files: dict[str, tuple[str, str, int]] = {}
    for entry in found.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, object_id, size = meta.split()
        path = name.decode("utf-8", "surrogateescape")
        if kind == b"blob" and path.startswith(prefix):
            files[path[len(prefix):]] = (mode.decode(), object_id.decode(),
                                         int(size) if size.isdigit() else 0)
    return files


def _contents(root: Path, object_ids: list[str]) -> list[bytes]:
    """The contents of blobs, in order, read with one `git cat-file --batch`."""
    if not object_ids:
        return []
    found = _git(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in object_ids).encode())
    if found.returncode != 0:
        raise ReadError.say("git.failed", command="cat-file",
                           problem=found.stderr.decode("utf-8", "replace").strip())
    out, at, blobs = found.stdout, 0, []
    for _ in object_ids:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        blobs.append(out[header_end + 1: header_end + 1 + size])
        at = header_end + 1 + size + 1
    return blobs


def read_files(root: Path, commit: str, prefix: str, shown: str) -> dict[str, bytes | Finding]:
    """The data root's files at a commit: relative path -> bytes, or why it cannot be read.

    `prefix` is where the root lies in the repository, `shown` how messages name it.
    """
    listing = _listing(root, commit, prefix)
    files: dict[str, bytes | Finding] = {}
    wanted: list[str] = []
    for name, (mode, _object_id, size) in listing.items():
        where = Location(f"{shown}{name}")
        if mode == "120000":
            files[name] = make("TRY001", where, "is a symbolic link in git", "commit the file itself")
        elif size > MAX_FILE_BYTES:
            files[name] = make("TRY001", where, "file is larger than 20 MB",
                               "split the data into smaller files")
        else:
            wanted.append(name)
    files.update(zip(wanted, _contents(root, [listing[n][1] for n in wanted]), strict=True))
    return files


def load_revision(root: Path, revision: str) -> repository.LoadedRoot:
    """Load and check the data root as it was at a revision; messages name files `REV:path`."""
    prefix = prefix_in_repository(root)
    commit = resolve(root, revision)
    shown = f"{revision}:{prefix}"
    return repository.load_files(root, read_files(root, commit, prefix, shown), shown)
