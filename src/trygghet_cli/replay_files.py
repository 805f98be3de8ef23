"""The files a recorded run depends on (replay.py): a digest of the names and bytes of every
file and folder below a folder, each file's content hash taken from an index while the file
is unchanged.

The index keeps each file's SHA-256 under its path, size, modification and change times,
inode and device, as git's index does: any write moves the change time, which no tool can
set back, so a file whose stat is the one indexed has the bytes indexed. A file changed in
the last seconds before it was read is not indexed (within the clock's tick a second write
could leave every time as it was), nor is any file on Windows, where the change time is the
creation time.

Like replay.py this runs before the interface is imported: only what Python has loaded at
start, and OpenSSL's hash (3 ms to import) only once much is to be hashed.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from hashlib import sha256 as sha256  # also replay.py and replay_git.py use it
else:
    try:
        from _sha256 import sha256  # the hash module itself: hashlib takes 3 ms to import
    except ImportError:  # another Python (3.12 names it _sha2)
        from hashlib import sha256

CONFIG = "trygghet.yaml"
KIND_FOLDERS = frozenset({"agreements", "pledges", "activities", "situation"})
# Not part of what a root holds: git's folder and the cache (which a run writes into). Inside
# a data folder they are files like any other: validate names them among the ignored files.
SKIPPED = frozenset({".git", ".trygghet-cache"})
RACY_NS = 3 * 10**9
INDEXED = sys.platform != "win32"
_OPENSSL_FROM = 4 << 20  # bytes hashed after which OpenSSL's faster hash pays for its import

Entry = tuple[int, int, int, int, int, bytes]  # size, mtime_ns, ctime_ns, inode, device, hash


class Unsafe(Exception):
    """Something the key cannot cover: a symbolic link (where it points is not the folder's to
    say), a pipe or device, a root that names shared files (they lie elsewhere), or a data root
    inside a skipped folder."""


def _mark(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


class Digests:
    """Content hashes of files: from the index while a file's stat is the one indexed, else
    read and hashed. `fresh` is the next index: every entry used or made this run."""

    __slots__ = ("added", "fresh", "hashed", "index", "latest")

    def __init__(self, index: dict[str, Entry], now_ns: int) -> None:
        self.index = index
        self.fresh: dict[str, Entry] = {}
        self.latest = now_ns - RACY_NS
        self.hashed = 0
        self.added = 0

    def of(self, path: str, info: os.stat_result) -> bytes:
        entry = self.index.get(path) if INDEXED else None
        if entry is not None and entry[:5] == _mark(info):
            self.fresh[path] = entry
            return entry[5]
        return self.read(path)[0]

    def read(self, path: str) -> tuple[bytes, bytes]:
        """The file's hash and bytes, read now (and indexed unless it changed lately)."""
        with open(path, "rb") as handle:
            raw = handle.read()
            info = os.fstat(handle.fileno())
        digest = self._hash(raw)
        if INDEXED and max(info.st_mtime_ns, info.st_ctime_ns) < self.latest and info.st_size == len(raw):
            entry = (*_mark(info), digest)
            if self.index.get(path) != entry:
                self.added += 1
            self.fresh[path] = entry
        return digest, raw

    def _hash(self, raw: bytes) -> bytes:
        self.hashed += len(raw)
        if self.hashed > _OPENSSL_FROM:
            import hashlib  # once imported, a look-up in sys.modules

            return hashlib.sha256(raw).digest()
        return sha256(raw).digest()

    def next_index(self) -> dict[str, Entry]:
        """The index to keep: this run's entries and the others' (up to a bound)."""
        if len(self.index) > 200_000:
            return self.fresh
        return {**self.index, **self.fresh}


def tree(top: str, digests: Digests) -> bytes:
    """A digest of top (a file) or of the name of every file and folder below it and each
    file's bytes (raises Unsafe, or OSError when a file cannot be read)."""
    parts = [top.encode("utf-8", "surrogateescape")]
    if not os.path.isdir(top):
        if not os.path.isfile(top):
            raise Unsafe
        return sha256(parts[0] + b"\0" + digests.of(top, os.stat(top))).digest()
    for relative, entry in _below(top, "", in_data=False):
        parts.append(f"\0{relative}\0".encode("utf-8", "surrogateescape"))
        if relative.endswith("/"):
            continue
        if entry.name == CONFIG:
            digest, raw = digests.read(entry.path)
            if b"shared" in raw:
                raise Unsafe
        else:
            digest = digests.of(entry.path, entry.stat())
        parts.append(digest)
    return sha256(b"".join(parts)).digest()


def _below(folder: str, prefix: str, in_data: bool) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Each file and folder (its name ending in /) below folder, but the skipped folders outside
    a root's data folders, with its path relative to the top, in a stable order."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    is_root = any(e.name == CONFIG and e.is_file(follow_symlinks=False) for e in entries)
    for entry in entries:
        if entry.is_symlink():
            raise Unsafe
        if entry.is_dir(follow_symlinks=False):
            if entry.name in SKIPPED and not in_data:
                _holds_no_root(entry.path)
                continue
            name = f"{prefix}{entry.name}/"
            yield name, entry
            yield from _below(entry.path, name, in_data or (is_root and entry.name in KIND_FOLDERS))
        elif entry.is_file(follow_symlinks=False):
            yield f"{prefix}{entry.name}", entry
        else:
            raise Unsafe


def _holds_no_root(folder: str) -> None:
    """Raise Unsafe when a skipped folder holds what validate would take for a data root (one
    or two levels below a folder it is given)."""
    try:
        if os.path.lexists(os.path.join(folder, CONFIG)):
            raise Unsafe
        with os.scandir(folder) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=False) and os.path.lexists(os.path.join(entry.path, CONFIG)):
                    raise Unsafe
    except OSError:
        raise Unsafe from None


def index_of(value: object) -> dict[str, Entry]:
    """The index from its stored (signed) form; empty when it has another shape."""
    if not INDEXED or not isinstance(value, dict):
        return {}
    return value
