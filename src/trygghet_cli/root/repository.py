"""A data root as a whole: load every file, check it layer by layer, build the model."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from trygghet_cli.errors import TrygghetError
from trygghet_cli.findings import Finding, Location, Severity, make, quoted
from trygghet_cli.loading import Document
from trygghet_cli.loading.boundary import outside
from trygghet_cli.loading.document import read_bytes
from trygghet_cli.model import Model
from trygghet_cli.model import build as build_model
from trygghet_cli.root import cache, config
from trygghet_cli.root.cache import Batch, Cache
from trygghet_cli.situation import targets
from trygghet_cli.validate import coverage, filecheck, municipalities, references, rules
from trygghet_cli.validate.filecheck import FileResult

Store = Cache | None | Literal["auto"]
UNREADABLE = "TRY001"  # the finding of a file that could not be read: exit 3 in every command


@dataclass(slots=True)
class LoadedRoot:
    """Everything known about one data root after loading and checking it."""

    root: Path
    model: Model = field(default_factory=Model)
    documents: dict[str, Document] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # the kinds of the files that could not be loaded
    lost: dict[str, str] = field(default_factory=dict)  # id -> the broken file that defines it
    digests: dict[str, str] = field(default_factory=dict)  # file -> hash of the bytes checked

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def _add(loaded: LoadedRoot, shown: str, result: FileResult, kind: str | None) -> None:
    loaded.files.append(shown)
    loaded.findings.extend(result.findings)
    doc = result.document
    if doc is None:
        return
    loaded.documents[shown] = doc
    if kind is None:
        loaded.findings.append(make("TRY311", Location(shown, 1, 1),
                                    "file is not in agreements/, pledges/, activities/ or situation/",
                                    "move it into the folder for its kind",
                                    sv="filen ligger inte i agreements/, pledges/, activities/ "
                                    "eller situation/",
                                    sv_hint="flytta den till mappen för sin sort"))
        return
    if result.valid:
        _build(loaded, shown, doc, kind)


def _build(loaded: LoadedRoot, shown: str, doc: Document, kind: str) -> None:
    """Add a schema-valid document to the model. A value the schema accepts and the model
    cannot hold (a date Python's calendar does not have) is a finding, never a crash."""
    try:
        build_model.add(kind, doc, loaded.model)
    except (ValueError, OverflowError) as exc:
        loaded.broken.add(kind)
        loaded.findings.append(make("TRY209", Location(shown, 1, 1),
                                    f"a value of the file cannot be used: {exc}",
                                    "correct the value (a date from year 1 to 9999)",
                                    sv=f"ett värde i filen kan inte användas: {exc}",
                                    sv_hint="rätta värdet (ett datum från år 1 till 9999)"))


def _add_bytes(loaded: LoadedRoot, shown: str, raw: bytes | Finding, kind: str | None,
               store: Cache | Batch | None, digest: str | None = None) -> None:
    """Check one file's bytes on their own, or take that result from the cache; `digest`: the
    bytes' hash, when known."""
    result = filecheck.check_bytes(raw, shown, kind, store, digest)
    if isinstance(raw, bytes):
        loaded.digests[shown] = digest or (result.document.digest if result.document is not None
                                           else hashlib.sha256(raw).hexdigest())
    _add(loaded, shown, result, kind)
    if kind is not None and not result.valid:
        loaded.broken.add(kind)
        data = result.document.data if result.document is not None else None
        for ident in references.ids_of_broken(data, raw if isinstance(raw, bytes) else None):
            loaded.lost.setdefault(ident, shown)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a root is read: the loaded data and the model hold
    no cycles (reference counting frees them), and collecting while millions of small objects
    are made took a third of a cached national run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _store(store: Store, root: Path) -> Cache | None:
    return cache.open_for(root) if store == "auto" else store


def _add_shared(loaded: LoadedRoot, store: Cache | None) -> None:
    """The files of shared definitions that the root's trygghet.yaml names under `shared:`,
    read from disk (also for a root read from git: they lie outside it)."""
    config_doc = loaded.model.config.ref.file if loaded.model.config else None
    names = config_doc.data.get("shared", []) if config_doc is not None else []
    for index, name in enumerate(names):
        path = loaded.root / str(name)
        shown = config.display_path(Path(os.path.normpath(path)))
        if shown in loaded.documents:
            continue
        target = outside(path, loaded.root)
        if target is not None and config_doc is not None:
            loaded.findings.append(make(
                UNREADABLE, config_doc.where(("shared", index)),
                f"shared definitions {quoted(str(name))} lie outside the repository that holds "
                "the data root; not read", "keep the shared file inside the git repository of "
                "the data root (without one: in the folder that holds the root)",
                sv=f"de gemensamma definitionerna {quoted(str(name))} ligger utanför det "
                "git-förråd som rymmer dataroten; filen lästes inte",
                sv_hint="lägg den gemensamma filen i datarotens git-förråd (utan förråd: i mappen "
                "som rymmer dataroten)"))
            continue
        _add_bytes(loaded, shown, read_bytes(path, shown), "shared", store)


def _finish(loaded: LoadedRoot, gaps: bool = True) -> LoadedRoot:
    """The checks across files; `gaps=False` leaves out the gaps in the chain (TRY501-TRY508,
    warnings all), for a command that shows no warnings: each needs its place in a file, which
    a fast-loaded file works out by walking the text (thousands of activities without a
    target took most of a warm status)."""
    model = loaded.model
    build_model.resolve_periods(model)
    build_model.date_by_sources(model)
    loaded.findings.extend(references.check(model, loaded.lost))
    loaded.findings.extend(municipalities.check(model))
    loaded.findings.extend(rules.check(model))
    # With a file missing from the model, gaps in the chain would be reported that are not there.
    if gaps:
        loaded.findings.extend(coverage.check(model, loaded.broken))
    targets.link(model)
    build_model.inherit_parties(model)
    loaded.findings.sort(key=Finding.sort_key)
    return loaded


def _newer(loaded: LoadedRoot, shown: str, settings: bytes | Finding | None) -> bool:
    """Whether trygghet.yaml says the root is of a newer data format than this trygghet reads
    (then TRY006 is its one finding): read first, as the other files may mean something else."""
    from trygghet_cli import formats

    found = formats.too_new(settings if isinstance(settings, bytes) else None, shown)
    if found is not None:
        loaded.files.append(shown)
        loaded.findings.append(found)
    return found is not None


def _real(path: Path) -> Path:
    """path resolved; a symlink loop (RuntimeError in Python 3.11) is read, and reported, as is."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return config.located(path)


def load(root: Path, replaced: Mapping[Path, bytes] | None = None, store: Store = "auto",
         *, gaps: bool = True, read: Mapping[str, tuple[bytes, str]] | None = None) -> LoadedRoot:
    """Load and check every file of a data root; one broken file never hides the others.

    `replaced` maps files to bytes used instead of what is on disk, or in addition to it
    for new files: editing checks a planned change this way before writing it. Per-file
    results come from `store` (by default the root's `.trygghet-cache/`, see cache.py;
    None: no cache), kept in one entry for the root; the checks across files run every time
    (`gaps`: see _finish). `read` maps files (by the name messages show) to the bytes already
    read from them and their hash: they are not read again.
    """
    cached = _store(store, root)
    loaded = LoadedRoot(root)
    instead = {_real(p): content for p, content in (replaced or {}).items()}
    paths = config.data_files(root)
    if instead:  # resolving every path made each load of a large root slower
        on_disk = {_real(p) for p in paths}
        paths.extend(sorted(p for p in instead if p not in on_disk))
    settings = root / config.CONFIG_NAME
    if _newer(loaded, config.display_path(settings), instead.get(_real(settings)) if instead
              else read_bytes(settings, config.display_path(settings))):
        return loaded
    batch = cached.batch(root) if cached is not None else None
    with collector_paused():
        for path in paths:
            shown = config.display_path(path)
            content = instead.get(_real(path)) if instead else None
            known = read.get(shown) if read and content is None else None
            if known is not None:
                _add_bytes(loaded, shown, known[0], config.kind_of(root, path), batch, known[1])
                continue
            raw = read_bytes(path, shown) if content is None else content
            _add_bytes(loaded, shown, raw, config.kind_of(root, path), batch)
        _add_shared(loaded, cached)  # on their own: the roots that name them share their entries
        if batch is not None:
            batch.close()
    return _finish(loaded, gaps)


def load_files(root: Path, files: Mapping[str, bytes | Finding], prefix: str = "",
               store: Store = "auto") -> LoadedRoot:
    """Load and check a data root held in memory, e.g. read from a git revision.

    `files` maps POSIX paths relative to the root to their bytes, or to the finding that
    says why a file could not be read; messages name a file as `prefix` + its path.
    """
    cached = _store(store, root)
    loaded = LoadedRoot(root)
    if _newer(loaded, prefix + config.CONFIG_NAME, files.get(config.CONFIG_NAME)):
        return loaded
    with collector_paused():
        for name in config.data_names(files):
            shown = prefix + name
            raw = files.get(name)
            if raw is None:
                raw = make("TRY001", Location(shown), "file not found", "check the path")
            _add_bytes(loaded, shown, raw, config.kind_of_relative(name), cached)
        _add_shared(loaded, cached)
    return _finish(loaded)


def load_valid(root: Path, *, gaps: bool = True, store: Store = "auto") -> LoadedRoot:
    """Load a root for a command that needs valid data; raise DataError listing the errors
    (ReadError when a file could not be read). `gaps=False`: see _finish."""
    loaded = load(root, store=store, gaps=gaps)
    errors = loaded.errors()
    if errors:
        raise refusal(errors)
    return loaded


def refusal(errors: list[Finding]) -> TrygghetError:
    """The error that refuses data with these errors: a ReadError (exit 3) when a file could
    not be read, else a DataError (exit 1), as validate's exit code says."""
    from trygghet_cli.errors import DataError, ReadError
    from trygghet_cli.i18n import label

    unreadable = [f for f in errors if f.code == UNREADABLE]
    first = (unreadable or errors)[0]
    kind = ReadError if unreadable else DataError

    def said(lang: str) -> tuple[str, str | None]:
        message = f"{first.where}: {first.text(lang)[0]}"
        if len(errors) > 1:
            message = label("refused.more", lang, message=message, count=len(errors) - 1)
        return message, label("refused.hint", lang)

    return kind(*said("en"), texts={"sv": said("sv")})
