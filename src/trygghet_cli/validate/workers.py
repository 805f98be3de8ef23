"""Run the roots of a validate run one after the other, or on every core when much is uncached.

Each root is loaded, checked and reduced to a small summary (its files, its
findings, and the text of the files that have findings, for excerpts) before the
next one is loaded, so a national run holds one root's model at a time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from trygghet_cli.findings import Finding
from trygghet_cli.loading.document import read_bytes
from trygghet_cli.root import cache, config, repository
from trygghet_cli.root.cache import Cache
from trygghet_cli.validate import privacy

# Below this much work (files to check; a cached file counts as CACHED_WORK of one), starting
# worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48
CACHED_WORK = 0.125
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RootJob:
    """A data root to check, the files to report on (None: all), and where its cache lies."""

    root: Path
    only: set[str] | None
    home: Path


@dataclass(slots=True)
class RootSummary:
    """What a validate run keeps of one root."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def summarize(job: RootJob, store: Cache | None) -> RootSummary:
    """Load and check one root; keep only its files, findings and the texts they point into."""
    # The collector stays paused until the root's model is freed again (by reference counting):
    # resuming it while the model lived made it walk every object of the root once more.
    with repository.collector_paused():
        loaded = repository.load(job.root, store=store)
        shown: dict[str, set[int]] = {}
        for finding in loaded.findings:
            shown.setdefault(finding.where.path, set()).add(finding.where.line)
        texts = {name: privacy.redacted(doc, shown[name]) for name, doc in loaded.documents.items()
                 if name in shown}
        summary = RootSummary(loaded.files, loaded.findings, texts)
        del loaded
    return summary


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


def _is_cached(job: RootJob, store: Cache | None, path: Path) -> bool:
    raw = read_bytes(path, str(path))
    if store is None or not isinstance(raw, bytes):
        return False
    kind = config.kind_of(job.root, path) or "-"
    return store.has(store.key(kind, hashlib.sha256(raw).hexdigest()))


def _workers(jobs: list[RootJob], stores: list[Cache | None]) -> int:
    """How many processes to use: 1 unless there are several roots and enough work, counting
    an uncached file as 1 and a cached one as CACHED_WORK (the count stops at the threshold)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or len(jobs) < 2:
        return 1
    work = 0.0
    for job, store in zip(jobs, stores, strict=True):
        for path in config.data_files(job.root):
            work += CACHED_WORK if _is_cached(job, store, path) else 1.0
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
