"""`trygghet site`, issue 28: nothing internal or personal reaches the site through its
history, a police area's feed is the chosen municipality's own, the open-data README is
inert Markdown, and writing a site never removes what the tool did not write."""

from __future__ import annotations

from pathlib import Path

import pytest

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


# Item 12: a site folder also holds what the user keeps there (a CNAME for GitHub Pages, a
# .nojekyll, a git repository the site is pushed from, a file of their own).
def _site(run, root: Path, out: Path, *extra: str) -> object:
    return run("--data", str(root), "site", "-o", str(out), "--as-of", "2024-10-01", *extra)


def _users_own(out: Path) -> dict[str, bytes]:
    import subprocess

    (out / "CNAME").write_text("trygghet.exempelby.se\n", encoding="utf-8")
    (out / ".nojekyll").write_bytes(b"")
    (out / "google1234.html").write_text("google-site-verification", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(out)], check=True)
    return {name: (out / name).read_bytes() for name in ("CNAME", ".nojekyll", "google1234.html",
                                                          ".git/HEAD", ".git/config")}


def _add_district(root: Path) -> None:
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - id: norr\n    name: Norr\n", "  - id: norr\n    name: Norr\n  - id: soder\n    name: Söder\n"),
        encoding="utf-8")


def test_a_rebuild_keeps_cname_git_and_the_users_files_and_removes_only_its_own(run, minimal_root,
                                                                                tmp_path) -> None:
    out = tmp_path / "public"
    _add_district(minimal_root)
    assert _site(run, minimal_root, out).exit_code == 0
    assert (out / "kommundel-soder.html").is_file()
    kept = _users_own(out)
    shutil_copy = (minimal_root / "trygghet.yaml").read_text(encoding="utf-8")
    (minimal_root / "trygghet.yaml").write_text(
        shutil_copy.replace("  - id: soder\n    name: Söder\n", ""), encoding="utf-8")
    result = _site(run, minimal_root, out)
    assert result.exit_code == 0, result.output
    assert {name: (out / name).read_bytes() for name in kept} == kept
    assert not (out / "kommundel-soder.html").exists(), "a page the tool wrote and no longer makes"
    assert (out / "kommundel-norr.html").is_file() and (out / "oppna-data" / "trygghet.json").is_file()


def test_a_site_written_before_the_manifest_keeps_the_users_files_too(run, minimal_root,
                                                                      tmp_path) -> None:
    out = tmp_path / "public"
    _add_district(minimal_root)
    assert _site(run, minimal_root, out).exit_code == 0
    (out / ".trygghet-site").write_text("trygghet site\n", encoding="utf-8")  # an earlier release
    kept = _users_own(out)
    (minimal_root / "trygghet.yaml").write_text((minimal_root / "trygghet.yaml").read_text(
        encoding="utf-8").replace("  - id: soder\n    name: Söder\n", ""), encoding="utf-8")
    assert _site(run, minimal_root, out).exit_code == 0
    assert {name: (out / name).read_bytes() for name in kept if name != "google1234.html"} == \
        {name: data for name, data in kept.items() if name != "google1234.html"}
    assert not (out / "kommundel-soder.html").exists()


def test_a_folder_of_other_files_is_refused_and_with_force_nothing_in_it_is_removed(
        run, minimal_root, tmp_path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    (out / "index.html").write_text("my own start page", encoding="utf-8")
    refused = _site(run, minimal_root, out)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "letter.txt"]
    assert _site(run, minimal_root, out, "--force").exit_code == 0
    assert (out / "letter.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "oppna-data.html").is_file()
    assert _site(run, minimal_root, out).exit_code == 0, "now an earlier site: no --force needed"
    assert (out / "letter.txt").read_text(encoding="utf-8") == "keep me"


# Item 16: a run killed with SIGKILL leaves its staging folder; the next run removes it.
CHILD = r"""
import os, sys, time
from pathlib import Path
marker, where = Path(sys.argv[1]), sys.argv[2]
from trygghet_cli.site import write

def pause(*args, **kwargs):
    marker.write_text(where)
    time.sleep(300)

if where == "staged":
    write._swap = write._merge = pause
else:
    real = os.rename
    def rename(src, dst):
        real(src, dst)
        pause()
    os.rename = rename
sys.argv = ["trygghet", *sys.argv[3:]]
from trygghet_cli.cli import main
main()
"""


@pytest.mark.parametrize("where", ["staged", "mid-swap"])
def test_staging_folders_of_a_killed_run_are_removed_by_the_next(run, minimal_root, tmp_path,
                                                                 where) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    out = tmp_path / "sites" / "public"
    assert _site(run, minimal_root, out).exit_code == 0
    beside = tmp_path / "sites" / ".public.new-keepme"  # the user's, not the tool's: no marker
    (beside / "x").mkdir(parents=True)
    marker = tmp_path / "paused"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(marker), where, "--data",
                              str(minimal_root), "site", "-o", str(out)],
                             env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert marker.exists(), "the child never reached the pause"
    left = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".public."))
    assert len(left) >= 2, left  # the stale staging folder (and the user's folder)
    assert _site(run, minimal_root, out).exit_code == 0
    assert sorted(p.name for p in out.parent.iterdir()) == [".public.new-keepme", "public"]
    assert (out / "index.html").is_file()
