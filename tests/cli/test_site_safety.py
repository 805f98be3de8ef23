"""`trygghet site`, issue 28: nothing internal or personal reaches the site through its
history, a police area's feed is the chosen municipality's own, the open-data README is
inert Markdown, and writing a site never removes what the tool did not write."""

from __future__ import annotations

from pathlib import Path

from tests.gitrepo import GitRepo
from tests.reliability import hostile
from tests.reliability.conftest import assert_clean

HOSTILE_NAME = '<img src=x onerror="alert(1)"> *Kil* [x](javascript:alert(1))'


def test_the_open_data_readme_holds_the_municipality_name_as_text_not_html(run, tmp_path) -> None:
    from markdown_it import MarkdownIt

    root = hostile.write_root(tmp_path / "root", lambda s: "internt" if hostile.is_internal(s) else
                              HOSTILE_NAME if s == "municipality" else "Text")
    out = tmp_path / "site"
    assert_clean(run("--data", str(root), "site", "-o", str(out), "--as-of", "2025-01-15"), exits=(0,))
    readme = (out / "oppna-data" / "README.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark", {"html": True}).render(readme)
    assert "<img" not in html and "<em>" not in html.split("</h1>")[0] and "<a " not in html
    assert "onerror=&quot;alert(1)&quot;&gt; *Kil* [x](javascript:alert(1))" in \
        html.split("</h1>")[0].replace("\\", "")


def _site_files(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}


def _built(run, repo: GitRepo, out: Path) -> dict[str, str]:
    result = run("--data", str(repo.root), "site", "-o", str(out), "--as-of", "2024-10-01")
    assert result.exit_code == 0, result.output
    return _site_files(out)


def _commit(repo: GitRepo, message: str, day: str) -> None:
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", message, "--date", f"{day}T10:00:00+02:00")


NEW_ACTIVITY = ("  - id: a-3\n    title: Nattvandring vid Storgatans busshållplats\n"
                "    pledges: [ml-1]\n    parties: [kommun]\n    status: ongoing\n")


def test_an_activity_made_internal_leaves_no_trace_in_the_history_or_the_feed(run, tmp_path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.edit("activities/2024-2025.yaml", "  - id: a-2\n", NEW_ACTIVITY + "  - id: a-2\n")
    _commit(repo, "ny aktivitet", "2024-05-15")
    repo.edit("activities/2024-2025.yaml", "    parties: [kommun]\n    status: ongoing\n",
              "    parties: [kommun]\n    visibility: internal\n    status: cancelled\n"
              "    reason: Samarbetet med fastighetsägaren på Storgatan avbröts\n")
    _commit(repo, "internt", "2024-09-02")
    repo.edit("activities/2024-2025.yaml", "    status: ongoing\n",
              "    status: delayed\n    reason: Väntar på bättre väder\n")
    _commit(repo, "försenad", "2024-09-20")
    site = _built(run, repo, tmp_path / "public")
    leaked = [name for name, text in site.items()
              if "Nattvandring vid Storgatan" in text or "fastighetsägaren" in text]
    assert leaked == []
    assert "orsak: Väntar på bättre väder" in " ".join(site["aktiviteter-al-2024-2025.html"].split())


def test_personal_data_in_an_old_revision_is_left_out_of_the_history_not_published(run,
                                                                                  tmp_path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.edit("activities/2024-2025.yaml", "    status: ongoing\n",
              "    status: cancelled\n    reason: Ring Anna på 070-123 45 67 om du undrar\n")
    _commit(repo, "inställd", "2024-05-15")
    repo.edit("activities/2024-2025.yaml", "    reason: Ring Anna på 070-123 45 67 om du undrar\n",
              "    reason: Polisen saknade personal\n")
    _commit(repo, "rättad orsak", "2024-05-16")
    site = _built(run, repo, tmp_path / "public")
    assert [name for name, text in site.items() if "123 45 67" in text] == []
    assert "aktiviteten Hastighetskontroller ändrades (orsak)" in " ".join(site["flode.xml"].split())


def test_the_feed_of_a_police_area_site_lists_only_its_own_municipality(run, tmp_path) -> None:
    import shutil

    import feedparser

    from tests.cli.test_area import AREA, AS_OF

    repo = GitRepo(tmp_path / "repo")
    shutil.rmtree(repo.root)
    shutil.copytree(AREA, repo.root)
    _commit(repo, "polisområdet", "2024-05-01")
    for town, day in (("alby", "2024-05-10"), ("berga", "2024-05-20")):
        path = next((repo.root / "activities").glob(f"{town}-*.yaml"))
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title: Trygghetsvandring i", "title: Ny vandring i", 1),
                        encoding="utf-8")
        _commit(repo, town, day)
    for town, other in (("alby", "berga"), ("berga", "alby")):
        out = tmp_path / town
        result = run("--data", str(repo.root), "site", "-o", str(out), "--as-of", AS_OF,
                     "--municipality", town)
        assert result.exit_code == 0, result.output
        feed = feedparser.parse((out / "flode.xml").read_bytes())
        said = " ".join(e.summary for e in feed.entries)
        assert f"Ny vandring i {town.title()}" in said
        assert other.title() not in said, said
