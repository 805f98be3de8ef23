"""A warm `validate`, `overview`, `status`, `report`, `check` or `--help` answered from the
cache, before the command-line interface (Typer and every library behind it) is imported.

Such a run only reads data and prints. Its first run is recorded: what it wrote on stdout
and stderr and its exit code, under a key made of everything the output can depend on: the
command line, the whole environment, the working folder, the terminal (whether each stream
is one, and its size), the day, the files it may read (the name and bytes of every file
below the data root; for `validate`, below the data root that holds each path it names, or
below the path itself when no root holds it; for `overview`, below each folder it names (or
takes when none is named), and the state of each git repository that holds one of its
roots: replay_git.py), the installed package (its code, catalog, schemas and templates) and
the Python and libraries it runs with. A later run with the
same key writes the same bytes and exits with the same code; any difference, however
small, makes a run of its own.

A file's bytes are hashed once: an index in the cache, signed like its entries, keeps each
file's hash under its path, size, modification and change times, inode and device (as
git's index does; any write moves the change time, which no tool can set back), and a file
whose stat differs is read and hashed again. A file changed in the last seconds before it
was hashed is not indexed (the clock's tick may hide a second change); nor is any file on
Windows, where the change time is the creation time.

Not recorded (run as always): a run that writes files (`--output`, `-o`), reads templates
from elsewhere (`--templates`), or whose files include a root that names shared files, a
symbolic link or another special file; a `validate` with an option this module does not
know, a path that does not exist or lies in a `.git` or `.trygghet-cache` folder, or only
files outside any data root; an `overview` whose roots lie in a repository replay_git.py
cannot cover (a linked worktree, a submodule, alternates, `GIT_DIR`); a run on a terminal
(its size and colours are the user's own), with stdout and stderr in one file (their order
would be lost), with the cache off, or that ended with another exit code than 0 or 1; and a
run just after the package changed (within the file system's clock tick).

This module is imported before anything else and so uses only what Python has loaded at
start: paths are strings, and its twins of root/config.py's `locate_root` and `root_of` and
cache.py's `place` and `user_cache_dir` are checked against them whenever a run is recorded
(a difference means no recording, never a wrong answer).
"""

from __future__ import annotations

import os
import sys

from trygghet_cli import replay_files as files
from trygghet_cli import replay_git
from trygghet_cli.replay_files import sha256  # the hash module itself, without hashlib

TYPE_CHECKING = False  # typing itself takes 4 ms to import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


COMMANDS = frozenset({"status", "report", "check", "validate", "overview"})
_WRITES_OR_READS_ELSEWHERE = frozenset({"-o", "--output", "--templates", "--install-completion",
                                        "--show-completion", "--no-cache", "--"})
_HELP = frozenset({"--help", "-h"})
_MAGIC = b"trygghet-replay-1\0"
_CACHE_MAGIC = b"TRYGGHET-CACHE-2\n"  # cache.py's entries: replayed runs are stored as they are
_CONFIG = files.CONFIG
_INDEX_KEY = "stat-index-1"  # the cache entry that holds replay_files' index
_RACY_NS = files.RACY_NS
# validate's own options and the global ones the interface takes after a command, by whether a
# value follows; any other word starting with - means the run is not recorded.
_VALIDATE_FLAGS = frozenset({"--strict", "--quiet", "-q", "--verbose", "-v", "--no-color",
                             "--debug", "--help", "-h"})
_VALIDATE_WITH_VALUE = frozenset({"--format", "-f", "--data", "-d", "--lang"})
_OVERVIEW_FLAGS = frozenset({"--force", "--no-color", "--debug"})
_OVERVIEW_WITH_VALUE = frozenset({"--as-of", "--police-area", "--county", "--sort", "--format", "-f",
                                  "--data", "-d", "--lang"})
_OPTIONS = {"validate": (_VALIDATE_FLAGS, _VALIDATE_WITH_VALUE),
            "overview": (_OVERVIEW_FLAGS, _OVERVIEW_WITH_VALUE)}
_PACKAGE = os.path.dirname(os.path.realpath(__file__))


class Recording:
    """Where a run's output is (or would be) kept, and under which key; the data root the run
    works on (and whether it is the bundled one), or for `validate PATH...` each path with the
    root that holds it (None: none) and the folder whose cache is used; the files' hashes;
    for `overview` the folders hashed and the repositories whose state is in the key."""

    __slots__ = ("bundled", "digests", "folder", "held", "key", "root", "scope", "secret")

    def __init__(self, folder: str, key: str, root: str, bundled: bool, secret: bytes | None,
                 held: tuple[tuple[str, str | None], ...] | None = None,
                 digests: files.Digests | None = None,
                 scope: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
        self.folder, self.key, self.root, self.bundled, self.secret = folder, key, root, bundled, secret
        self.held, self.digests, self.scope = held, digests, scope


def _data_option(args: list[str]) -> str | None:
    """The last --data (or -d) of the command line, wherever it stands; else TRYGGHET_DATA."""
    found = None
    for index, word in enumerate(args):
        if word in ("--data", "-d") and index + 1 < len(args):
            found = args[index + 1]
        elif word.startswith("--data="):
            found = word.split("=", 1)[1]
        elif word.startswith("-d") and not word.startswith("--") and len(word) > 2:
            found = word[2:]
    return found if found is not None else os.environ.get("TRYGGHET_DATA") or None


def _is_root(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, _CONFIG))


def _shipped(name: str) -> str:
    """resources.shipped with strings: in the wheel, or at the checkout's top."""
    installed = os.path.join(_PACKAGE, "_bundled", name)
    top = os.path.dirname(os.path.dirname(_PACKAGE))
    return installed if os.path.isdir(installed) else os.path.join(top, name)


def _root(explicit: str | None) -> tuple[str, bool] | None:
    """config.locate_root with strings: the root and whether it is the bundled one; None when
    the interface would refuse."""
    if explicit is not None:
        return (explicit, False) if os.path.isdir(explicit) and _is_root(explicit) else None
    here = os.path.realpath(os.getcwd())
    folder = here
    while True:
        if _is_root(folder):
            return folder, False
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if _is_root(os.path.join(here, "data")):
        return os.path.join(here, "data"), False
    return None if os.environ.get("CI") else (_shipped("data"), True)


def _package() -> bytes | None:
    """The installed package's files (code, catalog, schemas, templates) by name, size, times
    and inode; None when one changed within the last seconds."""
    latest = _now_ns() - _RACY_NS
    parts: list[str] = []
    for top in sorted({_PACKAGE, _shipped("schemas"), _shipped("templates")}):
        for entry in _package_files(top, os.path.join(_PACKAGE, "_bundled", "data")):
            try:
                info = entry.stat()
            except OSError:
                continue
            if info.st_mtime_ns > latest or info.st_ctime_ns > latest:
                return None
            parts.append(f"{entry.path}\0{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:"
                         f"{info.st_ino}\0")
    return sha256("".join(parts).encode("utf-8", "surrogateescape")).digest()


def _package_files(folder: str, skipped: str) -> Iterator[os.DirEntry[str]]:
    """The files below folder but compiled bytecode and the bundled data root, in a stable order."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and entry.path != skipped:
                yield from _package_files(entry.path, skipped)
        else:
            yield entry


def _now_ns() -> int:
    import time

    return time.time_ns()


# Variables that only say how the process was started, which neither trygghet nor a library
# it uses reads: the shell's last command and folder and its depth, and the padding that
# hyperfine adds in a new length to every run it times (in the key, no timed run was ever
# answered from the cache).
_HOW_STARTED = frozenset({"_", "OLDPWD", "SHLVL", "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET"})


def _environment() -> bytes:
    """Python, the places it imports from (an installed or removed library changes their
    times), the whole environment (but _HOW_STARTED), and each standard stream's terminal
    size (Rich asks all)."""
    digest = sha256(f"{sys.executable}\0{sys.version}\0{sys.flags}\0".encode())
    for folder in sys.path:
        if not folder:  # `python -c`: the working folder, whose time any new file there moves
            continue
        try:
            digest.update(f"{folder}\0{os.stat(folder).st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
        except OSError:
            digest.update(f"{folder}\0-\0".encode("utf-8", "surrogateescape"))
    for name, value in sorted(os.environ.items()):
        if name not in _HOW_STARTED:
            digest.update(f"{name}={value}\0".encode("utf-8", "surrogateescape"))
    for fd in (0, 1, 2):
        try:
            digest.update(str(tuple(os.get_terminal_size(fd))).encode())
        except (OSError, ValueError):
            digest.update(b"-")
    return digest.digest()


def _streams_apart() -> bool:
    """Whether stdout and stderr are no terminal, and not one file (unless both are /dev/null)."""
    try:
        if os.isatty(1) or os.isatty(2):
            return False
        out, err = os.fstat(1), os.fstat(2)
        if (out.st_dev, out.st_ino) != (err.st_dev, err.st_ino):
            return True
        device = getattr(out, "st_rdev", None)  # none on Windows: there nul is never replayed
        return device is not None and device == getattr(os.stat(os.devnull), "st_rdev", None)
    except OSError:
        return False


def _user_cache_dir() -> str:
    """cache.user_cache_dir with strings."""
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(local, "trygghet", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "trygghet")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "trygghet")


def _place(root: str) -> str:
    """cache.place with strings."""
    override = os.environ.get("TRYGGHET_CACHE_DIR")
    if override:
        return override
    parent = os.path.dirname(root)
    for candidate in (root, parent, os.path.dirname(parent)):
        if os.path.isdir(os.path.join(candidate, ".trygghet-cache")):
            return os.path.join(candidate, ".trygghet-cache")
    return os.path.join(root, ".trygghet-cache")


def recording(args: list[str], at: int, named: str | None,
              known: files.Digests | None = None) -> Recording | None:
    """Where this run's output is (or would be) kept; None when the run is not recorded.

    `named` is the command the arguments name, `at` where the global options end
    (trygghet_cli.__main__); `known` the hashes of a run's first look at its files."""
    first = args[at] if at < len(args) else None
    if not (named in COMMANDS or (named is None and first in _HELP)) or os.environ.get("TRYGGHET_NO_CACHE"):
        return None
    if any(word.split("=", 1)[0] in _WRITES_OR_READS_ELSEWHERE for word in args) or not _streams_apart():
        return None
    paths = _paths(args[at + 1:], *_OPTIONS[named]) if named in _OPTIONS else []
    if paths is None:
        return None
    secret: bytes | None = None
    try:
        with open(os.path.join(_user_cache_dir(), "cache-key"), "rb") as handle:
            secret = handle.read()
    except OSError:  # none yet: the run that records makes it
        pass
    scope: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    if named == "overview":
        where = _overview_targets(paths, _data_option(args))
        if where is None:
            return None
        folder, tops, repositories = where
        root, bundled, held = tops[0][1], False, None
        scope = (tuple(top for _, top in tops), tuple(repositories))
        git = replay_git.state(repositories)
        if git is None:
            return None
    else:
        found = _targets(paths, _data_option(args))
        if found is None:
            return None
        folder, root, bundled, held, tops = found
        git = b""
    digests = files.Digests(_index(folder, secret, known), _now_ns())
    try:
        trees = b"".join(label.encode("utf-8", "surrogateescape") + files.tree(top, digests)
                         for label, top in tops)
    except (OSError, files.Unsafe):
        return None
    package = _package()
    if package is None:
        return None
    import time

    digest = sha256(_MAGIC + "\0".join(args).encode("utf-8", "surrogateescape"))
    for part in (os.getcwd(), time.strftime("%Y-%m-%d")):  # the day, as date.today() says it
        digest.update(f"\0{part}".encode("utf-8", "surrogateescape"))
    digest.update(_environment() + sha256(trees).digest() + package + git)
    return Recording(folder, digest.hexdigest(), root, bundled, secret, held, digests, scope)


Targets = tuple[str, str, bool, "tuple[tuple[str, str | None], ...] | None", list[tuple[str, str]]]


def _targets(paths: list[str], data: str | None) -> Targets | None:
    """The cache folder, the data root (and whether it is the bundled one), each path named
    with the root that holds it, and the folders or files to hash (each with a label for the
    key); None when the run is not recorded."""
    if not paths:
        found = _root(data)
        if found is None:
            return None
        return _place(found[0]), found[0], found[1], None, [("", os.path.realpath(found[0]))]
    if data is not None and not os.path.isdir(data):  # the interface refuses it (exit 2)
        return None
    held: list[tuple[str, str | None]] = []
    tops: dict[str, str] = {}
    for word in paths:
        path = os.path.abspath(word)
        if (not word or not os.path.lexists(path) or os.path.realpath(path) != path
                or files.SKIPPED.intersection(path.split(os.sep))):
            return None
        root = _root_of(path)
        held.append((word, root))
        tops.setdefault(root or path, f"{word}\0{path}\0{root}\0")
    anchor = next((r for _, r in held if r is not None),
                  next((os.path.abspath(w) for w, _ in held if os.path.isdir(w)), None))
    if anchor is None:  # only files outside any root: validate keeps no cache for them
        return None
    return _place(anchor), anchor, False, tuple(held), [(label, top) for top, label in tops.items()]


OverviewTargets = tuple[str, list[tuple[str, str]], list[str]]


def _overview_targets(paths: list[str], data: str | None) -> OverviewTargets | None:
    """overview's cache folder, the folders to hash (each with a label for the key) and the
    repositories that hold the data roots it finds there (overview.find_roots with strings);
    None when the run is not recorded."""
    if not paths:
        here = os.getcwd()
        paths = [data] if data is not None else [_root_of(os.path.realpath(here)) or here]
    tops: list[tuple[str, str]] = []
    roots: list[str] = []
    for word in paths:
        path = os.path.abspath(word)
        if (not word or not os.path.isdir(path) or os.path.realpath(path) != path
                or files.SKIPPED.intersection(path.split(os.sep))):
            return None
        found = [path] if _is_root(path) else _roots_below(path)
        if not found:  # the interface refuses it (exit 2)
            return None
        roots.extend(found)
        tops.append((f"{word}\0{path}\0", path))
    return _place(tops[0][1]), tops, replay_git.tops(roots)


def _roots_below(folder: str) -> list[str]:
    """config.roots_below with strings: the folders one or two levels below with trygghet.yaml."""
    found: list[str] = []
    try:
        for entry in _folders(folder):
            if os.path.lexists(os.path.join(entry, _CONFIG)):
                found.append(entry)
            found.extend(inner for inner in _folders(entry)
                         if os.path.lexists(os.path.join(inner, _CONFIG)))
    except OSError:
        return []
    return found


def _folders(folder: str) -> list[str]:
    with os.scandir(folder) as found:
        return [entry.path for entry in found if entry.is_dir()]


def _paths(words: list[str], flags: frozenset[str], with_value: frozenset[str]) -> list[str] | None:
    """The paths after `validate` or `overview`, as the interface reads the command line; None
    when a word is an option this module does not know (`-qv`, a new option): then nothing
    is recorded."""
    paths: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in with_value:
            index += 2
            continue
        if word.startswith("-") and word not in flags and not (
                "=" in word and word.split("=", 1)[0] in with_value and word.startswith("--")):
            return None
        if not word.startswith("-"):
            paths.append(word)
        index += 1
    return paths if index == len(words) else None


def _root_of(path: str) -> str | None:
    """config.root_of with strings: the nearest folder at or above path with trygghet.yaml."""
    folder = path if os.path.isdir(path) else os.path.dirname(path)
    while True:
        if _is_root(folder):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _index(folder: str, secret: bytes | None, known: files.Digests | None) -> dict[str, files.Entry]:
    """The stat index kept in the cache folder, with what this run has hashed already."""
    index = files.index_of(_signed(folder, _INDEX_KEY, secret)) if secret is not None else {}
    return {**index, **known.fresh} if known is not None else index


def _mac(secret: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104), as cache.py signs its entries with the hmac module."""
    key = sha256(secret).digest() if len(secret) > 64 else secret
    key = key.ljust(64, b"\0")
    inner = sha256(bytes(b ^ 0x36 for b in key) + message).digest()
    return sha256(bytes(b ^ 0x5C for b in key) + inner).digest()


def replay(where: Recording) -> int | None:
    """Write the recorded output and return the exit code; None when there is none."""
    if where.secret is None:
        return None
    found = _signed(where.folder, where.key, where.secret)
    if not (isinstance(found, tuple) and len(found) == 3):
        return None
    out, err, code = found
    if not (isinstance(out, bytes) and isinstance(err, bytes) and code in (0, 1)):
        return None
    if where.digests is not None and where.digests.added:  # files hashed again: index them
        _keep_signed(where.folder, _INDEX_KEY, where.secret, where.digests.next_index())
    try:
        _write_all(1, out)
    except BrokenPipeError:  # `trygghet ... | head -1`: the reader has all it wants
        code = 0
    except OSError:
        return None  # a full disk: nothing written yet; the interface says so, in the user's language
    import contextlib  # loaded already: trygghet_cli.__main__ uses it

    with contextlib.suppress(OSError):
        _write_all(2, err)
    return int(code)


def _signed(folder: str, key: str, secret: bytes | None) -> object:
    """The value of a cache entry (cache.Cache.get with strings); None when there is none, it
    is damaged or not signed with this user's key."""
    if secret is None or len(secret) < 32:
        return None
    try:
        with open(os.path.join(folder, "v1", key[:2], key), "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    head = len(_CACHE_MAGIC) + 32
    payload = blob[head:]
    if not blob.startswith(_CACHE_MAGIC) or blob[len(_CACHE_MAGIC):head] != _mac(
            secret, key.encode() + payload):
        return None
    import marshal
    import zlib

    try:
        return marshal.loads(zlib.decompress(payload))  # noqa: S302 - signed: ours
    except (EOFError, ValueError, TypeError, zlib.error):
        return None


def _keep_signed(folder: str, key: str, secret: bytes, value: dict[str, files.Entry]) -> None:
    """Store a value as cache.Cache.put does, in a cache folder that exists; never raises."""
    import marshal
    import zlib

    payload = zlib.compress(marshal.dumps(value), 1)
    shard = os.path.join(folder, "v1", key[:2])
    temporary = os.path.join(shard, f".tmp-{os.getpid()}-{key}")
    try:
        if not os.path.isdir(folder):
            return
        os.makedirs(shard, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(_CACHE_MAGIC + _mac(secret, key.encode() + payload) + payload)
        os.replace(temporary, os.path.join(shard, key))
    except OSError:
        import contextlib  # loaded already: trygghet_cli.__main__ uses it

        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def record(where: Recording, args: list[str], at: int, named: str | None,
           run: Callable[[], None]) -> None:
    """Run the interface with stdout and stderr captured, pass the output on, and keep it
    when the run ended with 0 or 1 and nothing it depends on changed meanwhile."""
    import contextlib
    import tempfile

    sys.stdout.flush()
    sys.stderr.flush()
    saved = (os.dup(1), os.dup(2))
    code: str | int | None = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            run()
        except SystemExit as done:
            code = done.code if isinstance(done.code, str | int) else 0
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
            for fd, old in zip((1, 2), saved, strict=True):
                os.dup2(old, fd)
                os.close(old)
            out.seek(0)
            err.seek(0)
            written = (out.read(), err.read())
            _pass_on(*written)
    code = 0 if code is None else code
    if code in (0, 1) and _twins_agree(where, args, at):
        again = recording(args, at, named, where.digests)
        from trygghet_cli.root import cache

        secret = where.secret or cache.secret()
        if again is not None and again.key == where.key and secret is not None:
            cache.Cache(_as_path(where.folder), secret, b"").put(where.key, (*written, code))
            if again.digests is not None and files.INDEXED:
                _keep_signed(where.folder, _INDEX_KEY, secret, again.digests.next_index())
    sys.exit(code)


def _as_path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def _twins_agree(where: Recording, args: list[str], at: int) -> bool:
    """Whether this module's string twins found what the interface's own functions find."""
    from trygghet_cli.errors import TrygghetError
    from trygghet_cli.root import cache, config

    same_cache = str(cache.user_cache_dir() / "cache-key") == os.path.join(_user_cache_dir(), "cache-key")
    if where.scope is not None:
        return same_cache and str(cache.place(_as_path(where.root))) == where.folder and _overview_agrees(
            where.scope, args, at)
    if where.held is not None:
        return (same_cache and str(cache.place(_as_path(where.root))) == where.folder
                and all(_same(config.root_of(_as_path(word)), root) for word, root in where.held))
    data = _data_option(args)
    try:
        root, bundled = config.locate_root(explicit=_as_path(data) if data else None)
    except TrygghetError:
        return False
    return (os.path.realpath(root) == os.path.realpath(where.root) and bundled == where.bundled
            and str(cache.place(root)) == where.folder and same_cache)


def _overview_agrees(scope: tuple[tuple[str, ...], tuple[str, ...]], args: list[str], at: int) -> bool:
    """Whether every root overview finds lies below a folder hashed, and the repositories that
    hold them are those whose state is in the key."""
    from trygghet_cli.errors import TrygghetError
    from trygghet_cli.overview import dates, find_roots

    words = _paths(args[at + 1:], *_OPTIONS["overview"]) or []
    data = _data_option(args)
    try:
        roots = [root for root, _ in find_roots(
            tuple(_as_path(w) for w in words) or ((_as_path(data),) if data else ()))]
    except TrygghetError:
        return False
    hashed, repositories = scope
    below = all(any(os.path.realpath(root) == top or os.path.realpath(root).startswith(top + os.sep)
                    for top in hashed) for root in roots)
    found = sorted({str(top) for root in roots if (top := dates.git_top(root.resolve())) is not None})
    return below and found == list(repositories)


def _same(found: Path | None, root: str | None) -> bool:
    return (found is None) == (root is None) and (
        found is None or root is None or os.path.realpath(found) == os.path.realpath(root))


def _pass_on(out: bytes, err: bytes) -> None:
    """The captured output on the real streams; a closed pipe or a full disk as the
    interface itself meets them."""
    try:
        _write_all(2, err)
        _write_all(1, out)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:
        from trygghet_cli.cli.app import NO_ROOM, language, output_failed

        if exc.errno not in NO_ROOM:
            raise
        sys.exit(output_failed(exc, language()).exit_code)
