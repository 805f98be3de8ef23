"""A real git repository in a temporary folder, with a data root in a subfolder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import FIXTURES

AUTHOR = ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]


class GitRepo:
    """A git repository whose data root is `data/` (or the top, with sub="")."""

    def __init__(self, top: Path, sub: str = "data") -> None:
        self.top = top
        self.root = top / sub if sub else top
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        shutil.copytree(FIXTURES / "minimal", self.root, dirs_exist_ok=True)
        self.commit("minimal data root")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.top), *AUTHOR, *args], capture_output=True,
                              text=True, check=True)
        return done.stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def edit(self, file: str, old: str, new: str) -> None:
        """Replace text in a file of the data root; the text must be there."""
        path = self.root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, file: str, text: str) -> None:
        (self.root / file).write_text(text, encoding="utf-8")
