"""Load each root through the cache (on every core when much is uncached) and keep its rows.

A root none of whose files changed is not loaded at all: its rows for the day come from the
cache (root/derived.py), as a validate run takes a root's findings from it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from trygghet_cli.overview import Row, root_rows
from trygghet_cli.root.cache import Cache
from trygghet_cli.validate.rootcache import RootFiles
from trygghet_cli.validate.workers import RootJob, each_root

_DATES = frozenset(f.name for f in fields(Row) if "date" in str(f.type))


def _plain(rows: list[Row]) -> list[tuple[Any, ...]]:
    """Rows as plain values for the cache (dates as ISO text)."""
    return [tuple(value.isoformat() if isinstance(value, date) else value
                  for value in (getattr(row, f.name) for f in fields(Row))) for row in rows]


def _rows(plain: list[tuple[Any, ...]]) -> list[Row]:
    """Rows back from their plain values."""
    names = [f.name for f in fields(Row)]
    rows = []
    for values in plain:
        given: dict[str, Any] = dict(zip(names, values, strict=True))
        for name in _DATES:
            if given[name] is not None:
                given[name] = date.fromisoformat(given[name])
        rows.append(Row(**given))
    return rows


@dataclass(frozen=True, slots=True)
class _RowsOn:
    """The rows of one root judged on a day (an object, so that workers receive the day)."""

    as_of: date

    def __call__(self, job: RootJob, store: Cache | None) -> list[Row]:
        from trygghet_cli.root import derived
        from trygghet_cli.validate import rootcache

        files = job.files if job.files is not None or store is None else rootcache.files_of(job.root, store)
        entry = derived.key(store, files, "overview", self.as_of.isoformat()) if store and files else None
        stored = derived.get(store, entry) if entry is not None and store is not None else None
        if stored is not None:
            try:
                return _rows(stored)
            except (TypeError, ValueError):  # not rows of this Row: checked again
                pass
        return self._load(job, store, files, entry)

    def _load(self, job: RootJob, store: Cache | None, files: RootFiles | None,
              entry: str | None) -> list[Row]:
        from trygghet_cli.errors import ReadError
        from trygghet_cli.model import Model
        from trygghet_cli.root import derived, repository

        with repository.collector_paused():
            try:
                loaded = repository.load(job.root, store=store, gaps=False)  # errors counted only
            except ReadError:  # this root cannot be read (activities is a file): a row with an error
                return root_rows(job.root, Model(), 1, self.as_of)
            rows = root_rows(job.root, loaded.model, len(loaded.errors()), self.as_of)
            if store is not None and files is not None and entry is not None:
                derived.put(store, files, entry, loaded, _plain(rows))
            del loaded
        return rows


def rows_of_roots(roots: list[tuple[Path, Path]], as_of: date, use_cache: bool) -> list[list[Row]]:
    """The rows of each root, in the order of roots."""
    jobs = [RootJob(root, None, home) for root, home in roots]
    return list(each_root(jobs, _RowsOn(as_of), use_cache))
