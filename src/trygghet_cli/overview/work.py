"""Load each root through the cache (on every core when much is uncached) and keep its rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trygghet_cli.overview import Row, root_rows
from trygghet_cli.root.cache import Cache
from trygghet_cli.validate.workers import RootJob, each_root


@dataclass(frozen=True, slots=True)
class _RowsOn:
    """The rows of one root judged on a day (an object, so that workers receive the day)."""

    as_of: date

    def __call__(self, job: RootJob, store: Cache | None) -> list[Row]:
        from trygghet_cli.errors import ReadError
        from trygghet_cli.model import Model
        from trygghet_cli.root import repository

        with repository.collector_paused():
            try:
                loaded = repository.load(job.root, store=store, gaps=False)  # errors counted only
            except ReadError:  # this root cannot be read (activities is a file): a row with an error
                return root_rows(job.root, Model(), 1, self.as_of)
            rows = root_rows(job.root, loaded.model, len(loaded.errors()), self.as_of)
            del loaded
        return rows


def rows_of_roots(roots: list[tuple[Path, Path]], as_of: date, use_cache: bool) -> list[list[Row]]:
    """The rows of each root, in the order of roots."""
    jobs = [RootJob(root, None, home) for root, home in roots]
    return list(each_root(jobs, _RowsOn(as_of), use_cache))
