"""The Atom feed and the sitemap: each entry links to the page of what it changed, a feed
without history is as new as the site, and the sitemap's addresses are absolute."""

from __future__ import annotations

import shutil

from tests.conftest import FIXTURES
from tests.gitrepo import GitRepo

BASE = "https://example.org/trygghet"


def test_each_entry_links_to_the_page_of_what_it_changed(run, tmp_path) -> None:
    import feedparser

    repo = GitRepo(tmp_path / "repo")
    repo.edit("activities/2024-2025.yaml", "    status: ongoing\n",
              "    status: cancelled\n    reason: Polisen saknade personal\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "inställd", "--date", "2024-09-02T10:00:00+02:00")
    out = tmp_path / "public"
    result = run("--data", str(repo.root), "site", "-o", str(out), "--as-of", "2024-10-01",
                 "--base-url", BASE)
    assert result.exit_code == 0, result.output
    feed = feedparser.parse((out / "flode.xml").read_bytes())
    assert not feed.bozo
    changed = next(e for e in feed.entries if "ställdes in" in e.title)
    assert changed.link == f"{BASE}/aktiviteter-al-2024-2025.html"
    assert (out / changed.link.removeprefix(BASE + "/")).is_file()
    first = feed.entries[-1]
    assert first.link == f"{BASE}/index.html"


def test_a_feed_without_history_is_as_new_as_the_site(run, tmp_path) -> None:
    import feedparser

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    out = tmp_path / "public"
    assert run("--data", str(root), "site", "-o", str(out), "--as-of", "2024-06-30").exit_code == 0
    feed = feedparser.parse((out / "flode.xml").read_bytes())
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated.startswith("2024-06-30")


def test_the_sitemap_has_an_absolute_address_for_every_page(run, tmp_path) -> None:
    import xml.etree.ElementTree as ET

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "exempelby", root)
    out = tmp_path / "public"
    assert run("--data", str(root), "site", "-o", str(out), "--base-url", BASE).exit_code == 0
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in ET.parse(out / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    pages = sorted(p.name for p in out.glob("*.html"))
    assert sorted(loc.removeprefix(BASE + "/") for loc in locs) == pages
    assert all(loc.startswith(BASE + "/") for loc in locs)
