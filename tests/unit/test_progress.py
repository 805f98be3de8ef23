"""The progress bar shows only in a terminal, for many items, and never in piped output."""

from __future__ import annotations

import io
import shutil

from tests.conftest import FIXTURES
from trygghet_cli.output.progress import progress

BAR_CHARACTERS = ("━", "█", "\x1b[", "\r")


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def _run(stream: io.StringIO, total: int, minimum: int = 1) -> str:
    with progress("files", total, stream=stream, minimum=minimum, delay=0) as tick:
        for _ in range(total):
            tick()
    return stream.getvalue()


def test_a_terminal_gets_a_bar_for_many_items() -> None:
    shown = _run(Terminal(), 30)
    assert any(mark in shown for mark in BAR_CHARACTERS)


def test_a_pipe_gets_no_bar_characters() -> None:
    assert _run(io.StringIO(), 30) == ""


def test_a_terminal_gets_no_bar_for_few_items() -> None:
    assert _run(Terminal(), 3, minimum=20) == ""


def test_a_total_known_only_later_is_taken_from_the_calls() -> None:
    stream = Terminal()
    with progress("roots", stream=stream, minimum=5, delay=0) as tick:
        for done in range(1, 11):
            tick(done, 10)
    assert "━" in stream.getvalue()


def test_validate_over_many_roots_writes_no_bar_when_stderr_is_not_a_terminal(run, tmp_path) -> None:
    for number in range(25):
        shutil.copytree(FIXTURES / "minimal", tmp_path / f"kommun{number:02d}")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "25 datamappar" in result.stdout
    assert not any(mark in result.stderr + result.stdout for mark in BAR_CHARACTERS)
