"""The message catalog's compiled form: always the catalog as it is now, never an older one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from trygghet_cli import i18n

KEY = "status.masked"
SHIPPED = "varning: personuppgifter i offentlig text har maskerats; rätta dem i datafilerna"


@pytest.fixture
def catalog_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped catalog that the messages are read from."""
    shutil.copy(Path(i18n.__file__).parent / "sv.po", tmp_path / "sv.po")
    monkeypatch.setattr(i18n, "_HERE", tmp_path)
    i18n._catalog.cache_clear()
    yield tmp_path
    i18n._catalog.cache_clear()


def _say(folder: Path, text: str) -> None:
    shipped = (Path(i18n.__file__).parent / "sv.po").read_text(encoding="utf-8")
    (folder / "sv.po").write_text(shipped.replace(SHIPPED, text), encoding="utf-8")
    i18n._catalog.cache_clear()  # a new process


def test_a_changed_catalog_changes_the_message_though_a_compiled_one_exists(catalog_folder) -> None:
    assert i18n.label(KEY, "sv") == SHIPPED
    assert len(list((catalog_folder / "__pycache__").glob("sv.po.*.marshal"))) == 1
    i18n._catalog.cache_clear()
    assert i18n.label(KEY, "sv") == SHIPPED  # now from the compiled form
    _say(catalog_folder, "varning: ändrad text")
    assert i18n.label(KEY, "sv") == "varning: ändrad text"
    i18n._catalog.cache_clear()
    assert i18n.label(KEY, "sv") == "varning: ändrad text"
    _say(catalog_folder, SHIPPED)  # back to the first catalog: its compiled form is used again
    assert i18n.label(KEY, "sv") == SHIPPED


def test_a_damaged_compiled_catalog_or_a_folder_that_cannot_be_written_is_no_failure(
        catalog_folder) -> None:
    assert i18n.label(KEY, "sv") == SHIPPED
    for compiled in (catalog_folder / "__pycache__").glob("sv.po.*.marshal"):
        compiled.write_bytes(compiled.read_bytes()[:100])
    i18n._catalog.cache_clear()
    assert i18n.label(KEY, "sv") == SHIPPED
    shutil.rmtree(catalog_folder / "__pycache__")
    (catalog_folder / "__pycache__").write_text("not a folder")
    _say(catalog_folder, "varning: ändrad igen")
    assert i18n.label(KEY, "sv") == "varning: ändrad igen"
    assert not [name for name in os.listdir(catalog_folder) if name.startswith(".")]
