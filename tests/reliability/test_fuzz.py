"""Property tests: mutated data files never make a command crash (no traceback, never exit 70).

Hypothesis mutates the valid files of the minimal data root (byte edits and deletions,
YAML tokens inserted at random places, values swapped for other types, deep nesting,
huge scalars, odd unicode) and runs every reading command in-process on it (validate,
status, diff between periods and against git, fmt --check: see commands.py). The runs
are derandomized and use no example database, so CI sees the same examples every time.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tests.reliability.commands import run_readers
from tests.reliability.conftest import git_repo
from tests.reliability.rows import FILES
from trygghet_cli.cli import app
from trygghet_cli.loading import load_bytes

RUNNER = CliRunner()
MINIMAL = FIXTURES / "minimal"
ORIGINALS = {kind: (MINIMAL / path).read_bytes() for kind, path in FILES.items()}

# CI: a fixed, modest set of examples. A deeper local hunt with fresh random examples:
#   TRYGGHET_FUZZ_EXAMPLES=2000 pytest tests/reliability/test_fuzz.py
_DEEP = os.environ.get("TRYGGHET_FUZZ_EXAMPLES")
FUZZ = settings(max_examples=int(_DEEP or 40), deadline=None, derandomize=_DEEP is None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TOKENS = [
    b"[", b"]", b"{", b"}", b": ", b":", b"- ", b"? ", b",", b"&a ", b"*a", b"<<: *a\n",
    b"!!python/name:os.system ", b"!include ", b"!!binary ", b"\t", b"\r", b"\r\n", b'"', b"'", b"#",
    b"---\n", b"...\n", b"%YAML 1.1\n", b"%TAG ! x\n", b"|", b">-", b"\xef\xbb\xbf", b"\x00",
    b"\x1b[2J", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\x8b", b"\xe2\x80\xae", b"\xff", b"\xc3", b"~",
    b".nan", b"-.inf", b"1e999", b"0x" + b"f" * 300, b"9" * 5000, b"2024-02-30", b"\\ud800", b'"\\e"',
    b"\n  ", b"\n" + b" " * 40, b"@", b"`", b"%",
]

# Values of other types, including the ones that once crashed a loader somewhere.
ODD_TEXT = st.text(st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "C"]),
                   max_size=40)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**15, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), ODD_TEXT, st.just("x" * 25_000),
    st.sampled_from(["2024-02-30", "2024-13-01", "../../etc/x", "CON", "a-1\n", "done", "Done",
                     "internal", "javascript:alert(1)", "<script>alert(1)</script>", "811228-9874",
                     "NO", "on", "0486", "1:30", "", " "]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) |
                      st.dictionaries(ODD_TEXT, inner, max_size=3), max_leaves=8)


@pytest.fixture(scope="module")
def git_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal root as a git repository with one commit, so `diff --git HEAD` has a base."""
    root = tmp_path_factory.mktemp("fuzz") / "root"
    shutil.copytree(MINIMAL, root)
    return git_repo(root)


def invoke(*args: str) -> Any:
    return RUNNER.invoke(app, list(args), catch_exceptions=False)


def check_mutation(root: Path, kind: str, mutate: Callable[[bytes], bytes]) -> None:
    """Put the mutated file in place, run every reading command, then put the original back."""
    target = root / FILES[kind]
    try:
        target.write_bytes(mutate(ORIGINALS[kind]))
        run_readers(invoke, root, git=True)
    finally:
        target.write_bytes(ORIGINALS[kind])


KINDS = st.sampled_from(sorted(FILES))


@FUZZ
@given(kind=KINDS, edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=3)),
                                  min_size=1, max_size=8))
def test_random_byte_edits_never_crash(git_root: Path, kind: str, edits: list[tuple[float, bytes]]) -> None:
    def mutate(data: bytes) -> bytes:
        for where, new in edits:
            at = int(where * (len(data) - 1))
            data = data[:at] + new + data[at + len(new):]
        return data

    check_mutation(git_root, kind, mutate)


@FUZZ
@given(kind=KINDS, cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 200)), min_size=1,
                                 max_size=4))
def test_random_deletions_never_crash(git_root: Path, kind: str, cuts: list[tuple[float, int]]) -> None:
    def mutate(data: bytes) -> bytes:
        for where, length in cuts:
            at = int(where * len(data))
            data = data[:at] + data[at + length:]
        return data

    check_mutation(git_root, kind, mutate)


@FUZZ
@given(kind=KINDS, inserts=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(TOKENS)), min_size=1,
                                    max_size=5))
def test_yaml_tokens_inserted_anywhere_never_crash(git_root: Path, kind: str,
                                                   inserts: list[tuple[float, bytes]]) -> None:
    def mutate(data: bytes) -> bytes:
        for where, token in inserts:
            at = int(where * len(data))
            data = data[:at] + token + data[at:]
        return data

    check_mutation(git_root, kind, mutate)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], tuple(rest), new)
    return copy


def _as_yaml(data: Any, ascii_only: bool) -> bytes:
    """JSON is YAML 1.2; lone surrogates become an escape or invalid UTF-8, both must be refused."""
    return json.dumps(data, ensure_ascii=ascii_only, indent=1).encode("utf-8", "surrogatepass")


def _plain(kind: str) -> Any:
    document = load_bytes(ORIGINALS[kind], kind).document
    assert document is not None
    return document.data


@FUZZ
@given(kind=KINDS, pick=st.floats(0, 1), new=VALUES, ascii_only=st.booleans())
def test_a_value_swapped_for_another_type_never_crashes(git_root: Path, kind: str, pick: float, new: Any,
                                                        ascii_only: bool) -> None:
    data = _plain(kind)
    paths = _paths(data)
    path = paths[int(pick * (len(paths) - 1))]
    check_mutation(git_root, kind, lambda _: _as_yaml(_replace(data, path, new), ascii_only))


@FUZZ
@given(kind=KINDS, pick=st.floats(0, 1), depth=st.integers(1, 400), as_map=st.booleans())
def test_deep_nesting_at_any_place_never_crashes(git_root: Path, kind: str, pick: float, depth: int,
                                                 as_map: bool) -> None:
    data = _plain(kind)
    paths = _paths(data)
    path = paths[int(pick * (len(paths) - 1))]
    nested: Any = "x"
    for _ in range(depth):
        nested = {"a": nested} if as_map else [nested]
    check_mutation(git_root, kind, lambda _: _as_yaml(_replace(data, path, nested), True))
