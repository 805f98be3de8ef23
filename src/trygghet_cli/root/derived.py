"""What a command derives from a whole root (the overview's rows, the text of `status`), kept
in the cache while none of the files it was derived from changed.

The same principle as a validate run's entry per root (validate/rootcache.py): the key is
that entry's key (the tool's fingerprint, today's date, the working folder, and every data
file's name, kind and content hash) plus everything else the result depends on (the
command's options, the width of the terminal, ...), which the caller names. The shared
definitions a root's trygghet.yaml names lie outside the root: the entry lists them with
their hashes, and a change to any of them makes the entry unusable. A result is stored only
for the very bytes it was derived from, on the day its key was made for.

Values are plain data (marshal): the caller turns its result into tuples and strings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygghet_cli.loading.document import read_bytes

if TYPE_CHECKING:
    from trygghet_cli.root.cache import Cache
    from trygghet_cli.root.repository import LoadedRoot
    from trygghet_cli.validate.rootcache import RootFiles


def key(store: Cache, files: RootFiles, name: str, *params: object) -> str:
    """The entry's key: the root's files, the command (`name`) and what else decides it."""
    said = "\0".join(repr(p) for p in params)
    return store.key(f"derived-{name}", f"{files.key}\0{said}")


def get(store: Cache, entry: str) -> Any | None:
    """The stored value; None when there is none, it is damaged, or a shared file changed."""
    stored = store.get(entry)
    try:
        shared, value = stored  # type: ignore[misc]
        for shown, digest in shared:
            raw = read_bytes(Path(shown), shown)
            if not isinstance(raw, bytes) or hashlib.sha256(raw).hexdigest() != digest:
                return None
    except (TypeError, ValueError):
        return None
    return value


def put(store: Cache, files: RootFiles, entry: str, loaded: LoadedRoot, value: Any) -> None:
    """Store value, derived from loaded, when loaded holds exactly the files that files hashed
    (no file changed, came or went while it was read, and the day did not turn)."""
    from trygghet_cli.validate import rootcache

    if set(files.digests) - set(loaded.files) or not rootcache.same_day(files):
        return
    shared = []
    for name in loaded.files:
        seen = loaded.digests.get(name)
        if seen is None or (name in files.digests and seen != files.digests[name][1]):
            return
        if name not in files.digests:
            shared.append((name, seen))
    store.put(entry, (shared, value))
