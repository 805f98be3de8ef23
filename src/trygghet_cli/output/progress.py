"""A progress bar on stderr for long runs over many files, and nothing at all otherwise.

The bar appears only when stderr is a terminal, there are at least `minimum` items,
and the work has already taken `delay` seconds: short runs, pipes, CI logs and
tests never see a single bar character.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

MINIMUM_ITEMS = 20
DELAY_SECONDS = 1.0


class Ticker:
    """Counts finished items; starts a rich bar once the work has run longer than the delay."""

    def __init__(self, label: str, total: int, stream: TextIO | None, delay: float,
                 minimum: int) -> None:
        self.label = label
        self.total = total
        self.minimum = minimum
        self.done = 0
        self.stream = stream
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int | None = None, total: int | None = None) -> None:
        """One more item finished (or `done` of `total`, as the library reports it)."""
        self.done = self.done + 1 if done is None else done
        if total is not None:
            self.total = total
        if self.stream is None:
            return
        if self.bar is None and self.total >= self.minimum and (
                time.monotonic() - self.started >= self.delay):
            self._start()
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, total=self.total)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            console=console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=self.total, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress(label: str, total: int = 0, *, stream: TextIO | None = None,
             minimum: int = MINIMUM_ITEMS, delay: float = DELAY_SECONDS) -> Iterator[Ticker]:
    """A Ticker to call once per finished item; silent unless stderr is a terminal and the run is long.

    `total` may be 0 when the count is known only later: the library passes it with each call.
    """
    out = stream if stream is not None else sys.stderr
    terminal = bool(getattr(out, "isatty", lambda: False)())
    ticker = Ticker(label, total, out if terminal else None, delay, minimum)
    try:
        yield ticker
    finally:
        ticker.close()
