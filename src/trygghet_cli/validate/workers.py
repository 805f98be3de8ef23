"""Run the roots of a validate run one after the other, or on every core when much is uncached.

Each root is loaded, checked and reduced to a small summary (its files, its
findings, and the source lines that the findings' excerpts show) before the
next one is loaded, so a national run holds one root's model at a time. A root
none of whose files changed since the last run is not loaded at all: its summary
comes from the cache (rootcache.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from trygghet_cli.errors import ReadError
from trygghet_cli.findings import Finding, Location, Severity, make
from trygghet_cli.root import cache, config, repository
from trygghet_cli.root.cache import Cache
from trygghet_cli.validate import privacy, rootcache
from trygghet_cli.validate.rootcache import Excerpts, RootFiles

# Below this much work (files to check; a cached file counts as CACHED_WORK of one), starting
# worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48
CACHED_WORK = 0.125
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RootJob:
    """A data root to check, the files to report on (None: all), and where its cache lies.

    For validate's summaries: whether the excerpt lines are wanted (those of the errors, and
    with warning_excerpts those of the warnings too: the default output shows no warning's),
    and whether a summary in the cache stands in for the work; and the root's files once read
    and hashed (None: not yet).
    """

    root: Path
    only: set[str] | None
    home: Path
    excerpts: bool = True
    summary_cached: bool = False
    files: RootFiles | None = None
    warning_excerpts: bool = True


@dataclass(slots=True)
class RootSummary:
    """What a validate run keeps of one root."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    texts: Excerpts = field(default_factory=dict)


def summarize(job: RootJob, store: Cache | None) -> RootSummary:
    """Check one root, or take its summary from the cache when none of its files changed;
    keep only its files, findings and the source lines they point to."""
    files = job.files
    read: dict[str, tuple[bytes, str]] = {}  # the bytes files_of read: checked, not read again
    if files is None and store is not None:
        files = rootcache.files_of(job.root, store, read)
    if files is not None and store is not None:
        hit = rootcache.get(store, files, job.excerpts, job.excerpts and job.warning_excerpts)
        if hit is not None:
            return RootSummary(*hit)
    # The collector stays paused until the root's model is freed again (by reference counting):
    # resuming it while the model lived made it walk every object of the root once more.
    with repository.collector_paused():
        try:
            loaded = repository.load(job.root, store=store, read=read)
        except ReadError as exc:  # this root cannot be read (activities is a file): the others can
            return RootSummary([], [unreadable_root(job.root, exc)])
        texts = _excerpts(loaded, job.warning_excerpts) if job.excerpts else {}
        summary = RootSummary(loaded.files, loaded.findings, texts)
        if files is not None and store is not None:
            shared = _shared(loaded, files)
            if shared is not None:
                rootcache.put(store, files, shared, summary.files, summary.findings,
                              texts if job.excerpts else None, job.warning_excerpts)
        del loaded
    return summary


def unreadable_root(root: Path, error: ReadError) -> Finding:
    """The finding of a root that cannot be read, in a run over many roots."""
    (message, hint), (sv, sv_hint) = error.text("en"), error.text("sv")
    where = Location(str(error.values.get("path", config.display_path(root))))
    return make(repository.UNREADABLE, where, message, hint, sv=sv, sv_hint=sv_hint)


def _excerpts(loaded: repository.LoadedRoot, warnings: bool = True) -> Excerpts:
    """The lines each finding points to (each error, without `warnings`), as excerpts show
    them (personal data starred out)."""
    shown: dict[str, set[int]] = {}
    for finding in loaded.findings:
        if warnings or finding.severity is Severity.ERROR:
            shown.setdefault(finding.where.path, set()).add(finding.where.line)
    return {name: privacy.excerpt_lines(doc, shown[name]) for name, doc in loaded.documents.items()
            if name in shown}


def _shared(loaded: repository.LoadedRoot, files: RootFiles) -> list[tuple[str, str]] | None:
    """The files read from outside the root (shared definitions) with their hashes; None when
    the root cannot be stored: a file changed while the root was checked (the bytes checked
    are not those hashed before, broken files included, or a file came or went, or the day
    turned), or a shared one could not be read. A result is stored only for the very bytes
    it was found for: an editor saving mid-run never leaves a verdict under another content."""
    if set(files.digests) - set(loaded.files) or not rootcache.same_day(files):
        return None
    shared = []
    for name in loaded.files:
        seen = loaded.digests.get(name)
        if name in files.digests:
            if seen != files.digests[name][1]:
                return None
        elif seen is None:
            return None
        else:
            shared.append((name, seen))
    return shared


def _apply(task: tuple[Callable[[RootJob, Cache | None], T], RootJob, Cache | None]) -> T:
    work, job, store = task
    return work(job, store)


def _stores(jobs: list[RootJob], use_cache: bool) -> list[Cache | None]:
    """One cache per distinct home folder; the fingerprint is computed once per run."""
    if not use_cache or not jobs:
        return [None] * len(jobs)
    secret = cache.secret()
    if secret is None:
        return [None] * len(jobs)
    mark = cache.fingerprint()
    by_home = {job.home: Cache(cache.place(job.home), secret, mark) for job in jobs}
    return [by_home[job.home] for job in jobs]


def _work(job: RootJob, store: Cache | None) -> float:
    """How much work checking a root is: nothing when its summary is cached and will be used,
    else 1 for each file, or CACHED_WORK for each when the root's files were checked before."""
    if store is None or job.files is None:
        try:
            return float(len(config.data_files(job.root)))
        except ReadError:
            return 0.0
    if job.summary_cached and store.has(job.files.key):
        return 0.0
    # The files' results lie in one entry for the root (cache.Batch): a root checked before
    # counts as cached (an edited file or two among them is not worth a look at each).
    cached = store.has(store.batch_key(job.root))
    return (CACHED_WORK if cached else 1.0) * len(job.files.digests)


def _workers(jobs: list[RootJob], stores: list[Cache | None]) -> int:
    """How many processes to use: 1 unless there are several roots and enough work (_work;
    the count stops at the threshold). Fills in the files of the jobs it looks at, so that
    each file is read and hashed once."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or len(jobs) < 2:
        return 1
    work = 0.0
    for index, (job, store) in enumerate(zip(jobs, stores, strict=True)):
        if store is not None and job.files is None:
            job = jobs[index] = replace(job, files=rootcache.files_of(job.root, store))
        work += _work(job, store)
        if work >= PARALLEL_THRESHOLD:
            return min(cores, len(jobs))
    return 1


def summaries(jobs: list[RootJob], use_cache: bool = True) -> Iterator[RootSummary]:
    """The summary of each job, in the order of jobs."""
    return each_root(jobs, summarize, use_cache)


def each_root(jobs: list[RootJob], work: Callable[[RootJob, Cache | None], T],
              use_cache: bool = True) -> Iterator[T]:
    """work(job, cache) for each job, in the order of jobs: one after the other, or on every
    core when much is uncached. work must be a module-level function (it is sent to workers)."""
    jobs = list(jobs)
    stores = _stores(jobs, use_cache)
    workers = _workers(jobs, stores)
    if workers == 1:
        for job, store in zip(jobs, stores, strict=True):
            yield work(job, store)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(jobs) // (workers * 8))
    tasks = [(work, job, store) for job, store in zip(jobs, stores, strict=True)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_apply, tasks, chunksize=chunk)
