"""Issue 19, items 1-2: personal data in every spelling of personal_data_forms.py is found by
validate, stops every report kind and every public export, and is shown masked only; the
controls pass everywhere untouched.

Each form fills every public field of a data root (hostile.py), so every report kind and
every export meets it in a field it shows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.reliability import hostile
from tests.reliability.conftest import assert_clean, snapshot
from tests.reliability.personal_data_forms import CAUGHT, CONTROLS, Form, assert_not_leaked, ids

EXPORTS = ("csv", "json", "ics", "xlsx")


def _root(tmp_path: Path, form: Form) -> Path:
    return hostile.write_root(tmp_path / "root",
                              lambda slot: "internt" if hostile.is_internal(slot) else form.text)


@pytest.mark.parametrize("form", CAUGHT, ids=ids)
def test_validate_finds_each_spelling_and_shows_it_masked_in_message_and_excerpt(run, tmp_path,
                                                                                 form) -> None:
    root = _root(tmp_path, form)
    grouped = run("--data", str(root), "validate")  # warnings one line each, no excerpt
    assert_clean(grouped, exits=(0,))
    assert f"'{form.masked}'" in grouped.stdout
    assert_not_leaked(grouped.stdout + grouped.stderr, form)
    for lang in ("sv", "en"):
        result = run("--data", str(root), "--lang", lang, "validate", "--verbose")
        assert_clean(result, exits=(0,))
        assert re.search(rf"activities/2024-2025\.yaml:\d+:\d+: \w+ {form.code} ", result.stdout)
        assert f"'{form.masked}'" in result.stdout
        assert_not_leaked(result.stdout + result.stderr, form)
    found = json.loads(run("--data", str(root), "validate", "--format", "json").stdout)["findings"]
    codes = {f["code"] for f in found}
    assert form.code in codes and codes <= {form.code, "TRY005"}, codes  # TRY005: invisible
    assert_not_leaked(json.dumps(found, ensure_ascii=False), form)


@pytest.mark.parametrize("form", CAUGHT, ids=ids)
def test_each_spelling_stops_every_report_kind_and_every_public_export(run, tmp_path, form) -> None:
    root = _root(tmp_path, form)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(root)
    for report in hostile.REPORTS:
        result = run("--data", str(root), "report", *report, "--format", "html", "-o", str(out))
        assert_clean(result, exits=(1,))
        assert form.masked in result.stderr, result.stderr
        assert_not_leaked(result.stdout + result.stderr, form)
    for fmt in EXPORTS:
        result = run("--data", str(root), "export", "activities", "--format", fmt,
                     "-o", str(out / f"export.{fmt}"))
        assert_clean(result, exits=(1,))
        assert form.masked in result.stderr, result.stderr
        assert_not_leaked(result.stdout + result.stderr, form)
    assert list(out.iterdir()) == []
    assert snapshot(root) == before


@pytest.mark.parametrize("form", CONTROLS, ids=ids)
def test_look_alikes_pass_validate_every_report_and_every_export_unchanged(run, tmp_path,
                                                                          form) -> None:
    root = _root(tmp_path, form)
    result = run("--data", str(root), "validate", "--format", "json")
    assert_clean(result, exits=(0,))
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert not codes & {"TRY504", "TRY505", "TRY506"}, codes
    for report in hostile.REPORTS:
        result = run("--data", str(root), "report", *report, "--format", "md")
        assert_clean(result, exits=(0,))
        assert form.piece in result.stdout.replace("\\", "")
    for fmt in EXPORTS:
        target = tmp_path / f"export.{fmt}"
        result = run("--data", str(root), "export", "activities", "--format", fmt, "-o", str(target))
        assert_clean(result, exits=(0,))
        if fmt in {"csv", "json"}:
            assert form.piece in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("form", CAUGHT, ids=ids)
def test_each_spelling_stops_the_citizen_site_and_writes_nothing(run, tmp_path, form) -> None:
    root = _root(tmp_path, form)
    out = tmp_path / "site"
    before = snapshot(root)
    result = run("--data", str(root), "site", "-o", str(out))
    assert_clean(result, exits=(1,))
    assert form.masked in result.stderr, result.stderr
    assert_not_leaked(result.stdout + result.stderr, form)
    assert not out.exists() or list(out.iterdir()) == []
    assert snapshot(root) == before


@pytest.mark.parametrize("form", CONTROLS, ids=ids)
def test_look_alikes_pass_the_citizen_site_and_are_published_unchanged(run, tmp_path, form) -> None:
    root = _root(tmp_path, form)
    out = tmp_path / "site"
    result = run("--data", str(root), "site", "-o", str(out))
    assert_clean(result, exits=(0,))
    published = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*")
                        if p.suffix in {".html", ".csv", ".json"})
    assert form.piece in published.replace("&nbsp;", "\u00a0").replace("\\", "")
