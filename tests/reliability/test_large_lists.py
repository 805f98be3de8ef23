"""Issue 30: a large activity list loads and validates, in time linear in its size.

A list of about 800 activities used to stop every command at the 50,000-values limit. The
lists are written by bench/make_status_root.py (each activity with a target and two outcomes,
about 56 values). CI checks 1,000 activities against 250; TRYGGHET_NIGHTLY=1 checks 5,000
against 1,000, ten times a large municipality's list over a four-year agreement.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
from pathlib import Path
from types import ModuleType

from tests.reliability.conftest import assert_clean

REPO = Path(__file__).resolve().parents[2]
NIGHTLY = os.environ.get("TRYGGHET_NIGHTLY") == "1"
SMALL, LARGE = (1_000, 5_000) if NIGHTLY else (250, 1_000)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_status_root",
                                                  REPO / "bench" / "make_status_root.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu() -> float:
    own, children = (resource.getrusage(who) for who in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _validate(run, root: Path) -> tuple[float, list[dict[str, object]]]:  # noqa: ANN001
    started = _cpu()
    result = run("--data", str(root), "--lang", "en", "validate", "--no-cache", "--format", "json")
    spent = _cpu() - started
    assert_clean(result, exits=(0,))
    return spent, json.loads(result.stdout)["findings"]


def test_a_large_activity_list_validates_in_time_linear_in_its_size(run, tmp_path) -> None:
    generator = _generator()
    roots = {}
    for size in (SMALL, LARGE):
        roots[size] = tmp_path / f"root-{size}"
        generator.write_root(roots[size], size)
    _validate(run, roots[SMALL])  # imports and schemas compiled once, outside the measure
    small, _ = _validate(run, roots[SMALL])
    large, findings = _validate(run, roots[LARGE])
    assert not [f for f in findings if f["severity"] == "error"], findings[:3]
    # Four (five) times the activities: linear costs at most that many times as much CPU,
    # a quadratic walk sixteen (twenty-five) times; the margin is for a loaded machine.
    assert large < small * (LARGE / SMALL) * 1.6 + 0.5, (small, large)
