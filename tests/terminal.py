"""The CLI in a real pseudo-terminal, for the tests of what it asks and shows there."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.conftest import REPO


def read_until(fd: int, wanted: bytes, seen: bytearray) -> None:
    deadline = time.monotonic() + 60
    while wanted not in seen:
        assert time.monotonic() < deadline, f"never saw {wanted!r}; got {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen.extend(os.read(fd, 4096))
            except OSError:  # the child closed the terminal
                break


@dataclass
class Terminal:
    """The terminal's side of a running `trygghet`: what it showed, and a way to type."""

    fd: int
    child: subprocess.Popen  # type: ignore[type-arg]
    seen: bytearray = field(default_factory=bytearray)

    def expect(self, wanted: str) -> None:
        """Wait for `wanted`, then forget what came up to it (the next one must be new)."""
        text = wanted.encode("utf-8")
        read_until(self.fd, text, self.seen)
        del self.seen[:self.seen.index(text) + len(text)]

    def type(self, answer: str) -> None:
        os.write(self.fd, answer.encode("utf-8") + b"\r")

    def exit_code(self) -> int:
        return self.child.wait(timeout=60)


@contextmanager
def terminal(*args: str, env: dict[str, str] | None = None) -> Iterator[Terminal]:
    """`python -m trygghet_cli ARGS` with a pseudo-terminal as stdin, stdout and stderr; CI
    is unset unless `env` sets it."""
    leader, follower = os.openpty()
    base = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    base.pop("CI", None)
    child = subprocess.Popen([sys.executable, "-m", "trygghet_cli", *args], stdin=follower,
                             stdout=follower, stderr=follower, env={**base, **(env or {})},
                             close_fds=True)
    os.close(follower)
    try:
        yield Terminal(leader, child)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(leader)
