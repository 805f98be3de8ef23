"""`trygghet site` keeps the site it built in the cache (site/cached.py) and writes it again
while nothing it was built from changed: the same bytes, never a stale page, and the publish
gate's refusals hold as they did. And the gate's reading of each page (render/htmlread.py)
still finds personal data and internal text wherever a page shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import GitRepo
from trygghet_cli.errors import DataError
from trygghet_cli.render import gate
from trygghet_cli.site import selfcheck

AS_OF = "2024-10-01"


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _site(run, root: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = run("--data", str(root), "site", "-o", str(out), "--as-of", AS_OF, *extra)
    assert result.exit_code == 0, result.output
    return _files(out)


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any page rendering fail: a site written after this came from the cache."""
    import trygghet_cli.site as site

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the site was built again")

    monkeypatch.setattr(site, "build_site", refuse)


def test_a_second_build_of_unchanged_data_is_the_same_bytes_without_building_again(
        run, minimal_root, tmp_path, monkeypatch) -> None:
    first = _site(run, minimal_root, tmp_path / "one")
    _no_building(monkeypatch)
    again = _site(run, minimal_root, tmp_path / "two")
    assert again == first
    monkeypatch.undo()
    monkeypatch.setenv("TRYGGHET_NO_CACHE", "1")
    assert _site(run, minimal_root, tmp_path / "three") == first


def test_other_options_are_another_site(run, minimal_root, tmp_path) -> None:
    swedish = _site(run, minimal_root, tmp_path / "sv")
    english = _site(run, minimal_root, tmp_path / "en", "--lang", "en")
    assert b'<html lang="en">' in english["index.html"]
    assert b'<html lang="sv">' in swedish["index.html"]
    later = _site(run, minimal_root, tmp_path / "later", "--as-of", "2025-03-01")
    assert later != swedish


def test_a_changed_data_file_changes_the_pages(run, minimal_root, tmp_path) -> None:
    _site(run, minimal_root, tmp_path / "one")
    pledges = minimal_root / "pledges" / "2024-2025.yaml"
    text = pledges.read_text(encoding="utf-8")
    pledges.write_text(text.replace("text: ", "text: Nytt ord i löftet. ", 1), encoding="utf-8")
    again = _site(run, minimal_root, tmp_path / "two")
    assert any(b"Nytt ord i l\xc3\xb6ftet." in data for data in again.values())


def test_new_commits_reach_the_history_even_when_the_files_are_as_before(run, tmp_path) -> None:
    repo = GitRepo(tmp_path / "repo")
    before = _site(run, repo.root, tmp_path / "one")
    listing = "activities/2024-2025.yaml"
    original = (repo.root / listing).read_text(encoding="utf-8")
    repo.edit(listing, "    status: ongoing\n", "    status: cancelled\n    reason: Regn\n")
    repo.commit("inställd")
    repo.write(listing, original)
    repo.commit("åter som förut")
    after = _site(run, repo.root, tmp_path / "two")
    assert b"Regn" not in before["flode.xml"] and b"Regn" in after["flode.xml"]


def test_personal_data_added_after_a_cached_build_is_still_refused_and_nothing_written(
        run, minimal_root, tmp_path) -> None:
    _site(run, minimal_root, tmp_path / "one")
    pledges = minimal_root / "pledges" / "2024-2025.yaml"
    text = pledges.read_text(encoding="utf-8")
    pledges.write_text(text.replace("text: ", "text: Ring 070-123 45 67 eller ", 1), encoding="utf-8")
    out = tmp_path / "two"
    result = run("--data", str(minimal_root), "site", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 1 and "pledges/2024-2025.yaml:" in result.stderr
    assert not out.exists()


PAGE = """<!DOCTYPE html>
<html lang="sv">
<head><title>Löften</title></head>
<body>
<h1>Löften</h1>
<p>{text}</p>
<p><a href="{href}" title="{title}">Kontakt</a></p>
</body>
</html>
"""


@pytest.mark.parametrize(("where", "planted", "shown"), [
    ("text", "Anmäl till 811228-9874 i dag", "TRY504"),
    ("text", "Ring 070-123 45 67", "TRY506"),
    ("title", "Skriv till anna.svensson@exempel.se", "TRY505"),
    ("href", "mailto:anna.svensson@exempel.se", "TRY505"),
    ("href", "https://example.org/?pnr=811228%2D9874", "TRY504"),
])
def test_the_page_gate_finds_personal_data_in_text_titles_and_links(where, planted, shown) -> None:
    values = {"text": "Vi vandrar på fredagar.", "href": "om.html", "title": "Om oss", where: planted}
    page = PAGE.format(**values)
    found, pieces = selfcheck.read_page("loften.html", page)
    assert found == []
    with pytest.raises(DataError) as refused:
        gate.check_pieces(pieces, "loften.html", frozenset(), {})
    said = str(refused.value)
    assert "loften.html:" in said and shown in said
    assert "9874" not in said and "123 45 67" not in said and "anna.svensson" not in said


def test_the_page_gate_lets_the_declared_contact_through_and_stops_internal_text() -> None:
    page = PAGE.format(text="Ring 0152-291 00, vi vandrar <strong>varje fredag</strong> i Norr",
                       href="mailto:trygghet@exempel.se", title="Kontakt")
    allowed = frozenset(gate.contact_key(c) for c in ("0152-291 00", "trygghet@exempel.se"))
    pieces = selfcheck.read_page("index.html", page)[1]
    gate.check_pieces(pieces, "index.html", allowed, {})
    internal = ["vi vandrar varje fredag i Norr"]  # spans three elements: read as a reader reads it
    with pytest.raises(DataError):
        gate.check_pieces_internal(pieces, "index.html", internal)
