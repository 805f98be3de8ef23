"""A timeline per pledge on its page: what was decided, done and reported, dated, in sentences,
from the data and its git history, each fact told once."""

from __future__ import annotations

import re
from pathlib import Path

from tests.gitrepo import GitRepo


def _timeline(out: Path, pledge: int) -> list[str]:
    html = (out / "loften-ml-2024-2025.html").read_text(encoding="utf-8")
    part = html.split(f'<h3 id="timeline-{pledge}">', 1)[1].split("</ol>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in re.findall(r"<li>(.*?)</li>", part, re.S)]


def test_a_pledge_s_timeline_tells_the_data_and_its_history_once_each(run, tmp_path) -> None:
    repo = GitRepo(tmp_path / "repo")
    path = repo.root / "activities" / "2024-2025.yaml"
    original = path.read_text(encoding="utf-8")
    delayed = "    status: delayed\n    reason: Polisen saknade personal\n"
    for status, day in ((delayed, "2024-05-02"), ("    status: ongoing\n", "2024-06-03"),
                        (delayed, "2024-07-04")):
        path.write_text(original.replace("    status: ongoing\n", status), encoding="utf-8")
        repo.git("add", "-A")
        repo.git("commit", "-q", "-m", status, "--date", f"{day}T10:00:00+02:00")
    out = tmp_path / "public"
    result = run("--data", str(repo.root), "site", "-o", str(out), "--as-of", "2024-12-31")
    assert result.exit_code == 0, result.output
    first = _timeline(out, 1)
    assert first == [
        "1 januari 2024: Löftesperioden började.",
        "1 februari 2024: Aktiviteten Trygghetsvandringar började.",
        "februari 2024: Löftena undertecknades.",
        "15 oktober 2024: Aktiviteten Trygghetsvandringar blev klar.",
        "15 oktober 2024: Uppföljning av Trygghetsvandringar: 5 trygghetsvandringar.",
    ]
    second = _timeline(out, 2)
    late = "2 maj 2024: Hastighetskontroller blev försenad, orsak: Polisen saknade personal."
    assert second.count(late) == 1
    assert not any(line.startswith("4 juli 2024") for line in second)  # the same delay again
    assert "3 juni 2024: Hastighetskontroller påbörjades." in second
