"""A content-addressed cache of per-file results in `.trygghet-cache/`: safe to delete, never stale.

An entry's name is a hash of the file's bytes, its kind and a fingerprint of
everything else that decides the result: the tool's version, every file of the
installed package (code, message catalog, schemas, templates; by size, times and
inode, and by content when just changed), the loader's limits, Python, and the
parser and validator libraries. Change any of them and
the old entries are simply never looked up again.

Entries are marshal data (plain values only), compressed with zlib's fastest level
(a fifth of the size: positions repeat their paths), signed with a key kept in the
user's cache folder (user_cache_dir(): `~/.cache/trygghet/cache-key` on Linux), outside any data
repository: an entry committed to a repository, truncated, or corrupted fails
the check and is ignored. Nothing in the cache is ever a reason to fail: a cache
that cannot be read or written just means the work is done again, and
TRYGGHET_NO_CACHE=1 (or `validate --no-cache`) turns it off.

A data root read from disk keeps its files' entries together, in one entry named by the
root's place (`Batch`): a cold run writes one entry per root, not one per file, and a run
after an edit still checks only the files whose bytes changed (the others' results are in
the root's entry under their content keys); the entry then holds exactly the files of the
last run. Entries of their own, per file, remain for what is not a root on disk (a git
revision's files, shared definitions), and a root's entry falls back to them.

Entries no longer looked up would pile up, one per version of each file: at most once a
day, a run that stores an entry removes those not written for PRUNE_AFTER_DAYS (an entry
still in use is then made once more).
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

ENV_DIR = "TRYGGHET_CACHE_DIR"
ENV_OFF = "TRYGGHET_NO_CACHE"
FOLDER_NAME = ".trygghet-cache"
_MAGIC = b"TRYGGHET-CACHE-2\n"
_MAC_SIZE = 32
_LIBRARIES = ["ruamel.yaml", "_ruamel_yaml", "yaml_rs", "jsonschema", "jsonschema_rs", "referencing",
              "rfc3339_validator"]


def _libraries() -> list[str]:
    """Where each library's code lies and when it was installed (an upgrade changes both)."""
    from importlib.util import find_spec

    found = []
    for name in _LIBRARIES:
        try:
            spec = find_spec(name)
            origin = spec.origin if spec else None
            stat = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            origin, stat = None, None
        found.append(f"{name}={origin}:{stat.st_size if stat else 0}:{stat.st_mtime_ns if stat else 0}")
    return found


# A file changed this recently may change again within the file system's clock tick without
# its size, time or change time moving (git's "racy clean"): its content is hashed instead.
_RACY_SECONDS = 3
# Not part of what decides a result: compiled bytecode, and the bundled data root of an
# installed wheel (its files are hashed as data when they are validated).
_SKIPPED = {"__pycache__", ".mypy_cache", ".pytest_cache"}


def _tree(folder: Path, skip: tuple[str, ...] = ()) -> bytes:
    """A digest of every file below folder: its name, size, change and modification times and
    inode (any write moves the change time, which no tool can set back), and its content when
    it changed in the last few seconds. A few stat calls: no file is read in a warm run."""
    digest = hashlib.sha256(str(folder).encode() + b"\0")
    now = time.time_ns()
    for here, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders
                            if name not in _SKIPPED and os.path.join(here, name) not in skip)
        for name in sorted(files):
            path = os.path.join(here, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, folder)}\0{info.st_size}:{info.st_mtime_ns}:"
                          f"{info.st_ctime_ns}:{info.st_ino}\0".encode())
            if now - max(info.st_mtime_ns, info.st_ctime_ns) < _RACY_SECONDS * 10**9:
                digest.update(_content(path))
    return digest.digest()


def _content(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).digest()
    except OSError:
        return b"unreadable"


def fingerprint() -> bytes:
    """A hash of everything besides a file's bytes and kind that decides its result: the whole
    installed package (its code, message catalog, schemas and templates, wherever they lie),
    not a list of the modules that matter today, which goes stale."""
    from trygghet_cli import __version__
    from trygghet_cli.loading import document

    digest = hashlib.sha256(_MAGIC)
    parts = [__version__, sys.version, str(sys.flags.utf8_mode), *_libraries(),
             f"{document.MAX_DEPTH}:{document.MAX_SCALAR}:{document.MAX_FILE_BYTES}"]
    for part in parts:
        digest.update(part.encode() + b"\0")
    digest.update(package_print())
    return digest.digest()


def package_print() -> bytes:
    """A digest of the installed package's files: code, message catalog, schemas, templates."""
    from trygghet_cli import resources

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(_tree(package, skip=(str(package / "_bundled" / "data"),)))
    for folder in sorted({resources.schemas_dir(), resources.templates_dir()}):
        if not folder.is_relative_to(package):
            digest.update(_tree(folder))
    return digest.digest()


def user_cache_dir(platform: str = sys.platform) -> Path:
    """trygghet's folder in the user's cache, by the platform's convention.

    Linux and other Unix: $XDG_CACHE_HOME/trygghet (default ~/.cache/trygghet); macOS:
    ~/Library/Caches/trygghet; Windows: %LOCALAPPDATA%\\trygghet\\Cache.
    """
    home = Path(os.path.expanduser("~"))
    if platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "trygghet" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "trygghet"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "trygghet"


def secret() -> bytes | None:
    """The signing key, made on first use; None when the user's cache folder cannot hold it,
    or when TRYGGHET_NO_CACHE turns the cache off."""
    if os.environ.get(ENV_OFF):
        return None
    path = user_cache_dir() / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32))
        os.replace(tmp, path)  # two processes racing: one key wins, both read it back
        return path.read_bytes()
    except OSError:
        return None


class Cache:
    """Entries under one folder, keyed by content; reads and writes never raise."""

    def __init__(self, folder: Path, secret: bytes, print_: bytes) -> None:
        self.folder = folder
        self.secret = secret
        self.print = print_
        self.writable = True
        self.pruned = False

    def key(self, kind: str, content_digest: str) -> str:
        return hashlib.sha256(self.print + kind.encode() + b"\0" + content_digest.encode()).hexdigest()

    def _mac(self, key: str, payload: bytes) -> bytes:
        return hmac.new(self.secret, key.encode() + payload, hashlib.sha256).digest()

    def path(self, key: str) -> Path:
        return self.folder / "v1" / key[:2] / key

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def get(self, key: str) -> Any | None:
        """The stored value, or None when there is none or it is damaged."""
        try:
            blob = self.path(key).read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _MAC_SIZE
        if len(blob) < head or not blob.startswith(_MAGIC):
            return None
        payload = blob[head:]
        if not hmac.compare_digest(blob[len(_MAGIC):head], self._mac(key, payload)):
            return None
        try:
            return marshal.loads(zlib.decompress(payload))  # noqa: S302 - only after the signature matched
        except (EOFError, ValueError, TypeError, zlib.error):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a value of plain types; a folder that cannot be written is left alone."""
        if not self.writable:
            return
        import tempfile  # here: it is slow to import, and a run with every file cached never writes

        try:
            payload = zlib.compress(marshal.dumps(value), 1)
            target = self.path(key)
            if not target.parent.is_dir():
                self._make_folder(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + self._mac(key, payload) + payload)
                os.replace(tmp, target)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, ValueError):
            self.writable = False
            return
        if not self.pruned:
            self.pruned = True
            prune(self.folder)

    def batch_key(self, root: Path) -> str:
        """The key of the entry that holds the per-file entries of the data root at root."""
        return self.key("batch", os.path.abspath(root))

    def batch(self, root: Path) -> Batch:
        """The per-file entries of the data root at root, read and written as one entry."""
        return Batch(self, self.batch_key(root))

    def _make_folder(self, entries: Path) -> None:
        fresh = not self.folder.exists()
        entries.mkdir(parents=True, exist_ok=True)
        if fresh:
            (self.folder / ".gitignore").write_text("# made by trygghet; safe to delete\n*\n")
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# The cache of trygghet validate; safe to delete.\n")


class Batch:
    """The per-file entries of one data root, held as one entry of the cache: get and put as
    on the Cache, by the same content keys; close() stores the entries got or put since it
    was opened (only when they are not those it was opened with)."""

    def __init__(self, store: Cache, key: str) -> None:
        self.store = store
        self.name = key
        stored = store.get(key)
        self.old: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self.new: dict[str, Any] = {}
        self.changed = False

    def key(self, kind: str, content_digest: str) -> str:
        return self.store.key(kind, content_digest)

    def get(self, key: str) -> Any | None:
        """The stored value: from the root's entry, else from an entry of its own."""
        value = self.old.get(key)
        if value is None:
            value = self.store.get(key)
        if value is not None:
            self.new[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.new[key] = value
        self.changed = True

    def close(self) -> None:
        """Store the root's entry, when it changed."""
        if self.changed or self.new.keys() != self.old.keys():
            self.store.put(self.name, self.new)


PRUNE_AFTER_DAYS = 60
_PRUNE_MARK = "pruned"  # its time says when the folder was last pruned


def prune(folder: Path, now: float | None = None) -> int:
    """Remove the entries (and leftover temporaries) not written for PRUNE_AFTER_DAYS, at most
    once a day per folder; how many went. Never raises: the cache is only a cache."""
    now = time.time() if now is None else now
    mark = folder / _PRUNE_MARK
    try:
        if now - mark.stat().st_mtime < 86_400:
            return 0
    except FileNotFoundError:
        pass
    except OSError:
        return 0
    removed = 0
    try:
        mark.touch()  # first: a run beside this one does not walk the folder as well
        os.utime(mark, (now, now))
        with os.scandir(folder / "v1") as shards:
            for shard in shards:
                if shard.is_dir(follow_symlinks=False):
                    removed += _prune_shard(shard.path, now - PRUNE_AFTER_DAYS * 86_400)
    except OSError:
        pass
    return removed


def _prune_shard(shard: str, cutoff: float) -> int:
    removed = 0
    with os.scandir(shard) as entries:
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
    return removed


def place(folder: Path) -> Path:
    """Where the cache for a data root or a folder of roots lies: `TRYGGHET_CACHE_DIR`, else an
    existing `.trygghet-cache/` in the folder or the two above it (so a command on one root of
    a national folder shares the folder's cache), else `.trygghet-cache/` inside the folder."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    for candidate in (folder, folder.parent, folder.parent.parent):
        if (candidate / FOLDER_NAME).is_dir():
            return candidate / FOLDER_NAME
    return folder / FOLDER_NAME


def open_for(folder: Path) -> Cache | None:
    """The cache for a data root or a folder of roots; None when no signing key can be had."""
    key = secret()
    return None if key is None else Cache(place(folder), key, fingerprint())
