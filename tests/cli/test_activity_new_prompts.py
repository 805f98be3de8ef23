"""`trygghet activity new` in a terminal asks for the fields that were not given as options."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO
from trygghet_cli.loading import load_path


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


def test_missing_fields_are_asked_for_in_swedish_with_numbered_choices(minimal_root: Path) -> None:
    leader, follower = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "trygghet_cli", "--data", str(minimal_root), "activity", "new",
         "--party", "kommun"],
        stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen = bytearray()
    try:
        # (what the terminal shows, the answer typed; None: a listed choice, nothing typed)
        for shown, answer in (("titel", "Nattvandring i Norr"),
                              ("1. Vi ökar vuxennärvaron där unga vistas. (ml-1)", None),
                              ("löften (nummer eller id, skilda med komma)", "1, ml-2"),
                              ("beskrivning", ""),
                              ("1. Trygghetssamordnare (trygghetssamordnare)", None),
                              ("ansvariga", "2"),
                              ("2. Norr (norr)", None), ("kommundelar", "")):
            read_until(leader, shown.encode("utf-8"), seen)
            if answer is not None:
                os.write(leader, answer.encode("utf-8") + b"\r")
        read_until(leader, b"Ny aktivitet a-3 (planerad): Nattvandring i Norr", seen)
        assert child.wait(timeout=60) == 0, bytes(seen)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(leader)
    document = load_path(minimal_root / "activities" / "2024-2025.yaml").document
    assert document is not None
    assert document.data["activities"][-1] == {
        "id": "a-3", "title": "Nattvandring i Norr", "pledges": ["ml-1", "ml-2"],
        "owners": ["kommunpolis"], "parties": ["kommun"], "status": "planned"}
