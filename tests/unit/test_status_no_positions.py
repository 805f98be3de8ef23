"""Issue 30: status and overview show no warnings, so they do not work out where the
warnings stand (walking a fast-loaded file's text for each took most of a warm status)."""

from __future__ import annotations

from pathlib import Path

from trygghet_cli.loading.document import Document
from trygghet_cli.root import repository

BUNDLED = Path(__file__).resolve().parents[2] / "data"


def _activity_lists(loaded: repository.LoadedRoot) -> list[Document]:
    return [d for shown, d in loaded.documents.items() if "activities" in shown]


def _walked(doc: Document) -> bool:
    """Whether any position of the fast-loaded file has been worked out, by the event walk or
    from the text's lines (read without the property, which would work them all out)."""
    return bool(doc._positions) or getattr(doc._unpack, "lines", None) is not None


def test_without_gaps_no_activity_list_is_walked_for_positions() -> None:
    loaded = repository.load(BUNDLED, store=None, gaps=False)
    assert not loaded.errors()
    assert not [f for f in loaded.findings if f.code.startswith("TRY50")]
    lists = _activity_lists(loaded)
    assert lists and not any(_walked(d) for d in lists)


def test_validate_still_locates_every_activity_without_a_target() -> None:
    loaded = repository.load(BUNDLED, store=None)
    targetless = [f for f in loaded.findings if f.code == "TRY501"]
    assert targetless and all(f.where.line > 0 for f in targetless)
    assert any(_walked(d) for d in _activity_lists(loaded))
