"""A built site kept in the cache, reused while nothing it was built from changed.

Building a site renders every page and reads each one for the publish gate and the
accessibility self-check: far more work than loading the root. A site is a function of the
root's files (and the shared files they name), the day, the options, the package (code,
templates, catalog) and the root's history in git; so, as `status` keeps its text
(root/derived.py), `site` keeps every file it built, and the notes it printed, under a key of
exactly these. Git's part of the key is the root's place in the repository and the ids and
dates of the commits that touched it: a commit id names its content. The shared files that
an older revision names are read from disk: the entry lists them with their hashes, and a
change to any of them makes it unusable.

Only a site that passed the publish gate is ever stored, and a stored one is written only
for the very same inputs, so the gate's verdict holds for it as it did when it was built.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from trygghet_cli.loading.document import read_bytes

if TYPE_CHECKING:
    from trygghet_cli.root.cache import Cache
    from trygghet_cli.root.repository import LoadedRoot
    from trygghet_cli.site.history import Commits


@dataclass(frozen=True, slots=True)
class Asked:
    """What the user asked for: None where the data's own language or today decides."""

    lang: str | None
    as_of: date
    as_of_shown: bool
    base_url: str
    municipality: str | None


Built = tuple[dict[str, bytes], list[str]]  # the site's files, and the notes to print


def build(root: Path, asked: Asked) -> Built:
    """The site's files and notes, from the cache when nothing they are built from changed."""
    from trygghet_cli.root import cache, derived
    from trygghet_cli.site.history import commits
    from trygghet_cli.validate import rootcache

    store = cache.open_for(root)
    files = rootcache.files_of(root, store) if store is not None else None
    if store is None or files is None:
        built, _shared = _build(root, asked, store, "ask")[0]
        return built
    found = commits(root)
    entry = derived.key(store, files, "site", asked, found)
    stored = _usable(derived.get(store, entry))
    if stored is not None:
        return stored
    (built, shared), loaded = _build(root, asked, store, found)
    derived.put(store, files, entry, loaded, (shared, built[0], built[1]))
    return built


def _usable(stored: object) -> Built | None:
    """The stored site, when its shape is right and the shared files its history read still
    hold the bytes they held."""
    if not (isinstance(stored, tuple) and len(stored) == 3):
        return None
    shared, files, notes = stored
    if not (isinstance(files, dict) and isinstance(notes, list) and isinstance(shared, list)):
        return None
    for shown, digest in shared:
        raw = read_bytes(Path(shown), shown)
        if not isinstance(raw, bytes) or hashlib.sha256(raw).hexdigest() != digest:
            return None
    return files, notes


def _build(root: Path, asked: Asked, store: Cache | None, found: Commits | None | Literal["ask"]
           ) -> tuple[tuple[Built, list[tuple[str, str]]], LoadedRoot]:
    """The site and its notes, the shared files its history read, and the root it was built from."""
    from trygghet_cli.area import scoped
    from trygghet_cli.root import repository
    from trygghet_cli.site import SiteRequest, build_site, notes, read_history

    loaded = repository.load_valid(root, store=store)
    # A police area's root has a site per municipality: each names its own period and parties.
    loaded = replace(loaded, model=scoped(loaded.model, asked.municipality))
    data_lang = loaded.model.config.language if loaded.model.config else "sv"
    req = SiteRequest(lang=asked.lang or data_lang, as_of=asked.as_of,
                      as_of_shown=asked.as_of_shown, base_url=asked.base_url)
    history = read_history(loaded, req, found)
    return ((build_site(loaded, req, history), notes(loaded, req)), history.shared), loaded
