"""The cache of clean data files: a hit gives the same document, anything unclean is never kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from trygghet_cli import repository
from trygghet_cli.loading import Document, cache, load_path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(folder))
    monkeypatch.delenv("TRYGGHET_NO_CACHE", raising=False)
    return folder


def test_a_clean_file_comes_back_from_the_cache_with_the_same_data_and_positions(cache_dir) -> None:
    path = BUNDLED / "activities" / "2019.yaml"
    loaded = load_path(path, "a.yaml").document  # every field must come back, ends included
    assert loaded is not None
    raw = path.read_bytes()
    cache.put(raw, "activities", loaded)
    hit = cache.get(raw, "activities", "a.yaml")
    assert hit is not None
    for field in dataclasses.fields(Document):
        assert getattr(hit, field.name) == getattr(loaded, field.name), field.name


def test_changed_bytes_or_another_kind_miss_the_cache(cache_dir) -> None:
    path = BUNDLED / "activities" / "2019.yaml"
    loaded = load_path(path).document
    assert loaded is not None
    raw = path.read_bytes()
    cache.put(raw, "activities", loaded)
    assert cache.get(raw + b"\n", "activities", "x") is None
    assert cache.get(raw, "pledges", "x") is None


def test_a_corrupt_cache_entry_is_ignored(cache_dir) -> None:
    path = BUNDLED / "pledges" / "2019.yaml"
    loaded = load_path(path).document
    assert loaded is not None
    raw = path.read_bytes()
    cache.put(raw, "pledges", loaded)
    entry = next(cache_dir.glob("*.json"))
    entry.write_text('{"data": {"id": 1}, "had_bom": false, "positions": [1], "key_positions": []}')
    assert cache.get(raw, "pledges", "x") is None


def test_loading_a_root_twice_gives_the_same_findings_and_model(cache_dir) -> None:
    first = repository.load(BUNDLED)
    assert list(cache_dir.glob("*.json"))
    second = repository.load(BUNDLED)
    assert [str(f) for f in first.findings] == [str(f) for f in second.findings]
    assert [a.id for a in first.model.all_activities()] == [a.id for a in second.model.all_activities()]


def test_a_file_with_findings_is_never_cached(cache_dir, minimal_root) -> None:
    target = minimal_root / "activities" / "2024-2025.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("status: ongoing", "statu: ongoing"),
                      encoding="utf-8")
    for _ in range(2):
        assert repository.load(minimal_root).errors()
    cached = {p.name for p in cache_dir.glob("*.json")}
    assert cache.key(target.read_bytes(), "activities") + ".json" not in cached


def test_no_cache_setting_turns_it_off(cache_dir, monkeypatch) -> None:
    monkeypatch.setenv("TRYGGHET_NO_CACHE", "1")
    repository.load(BUNDLED)
    assert not cache_dir.exists()
