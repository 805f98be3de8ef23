"""Find the commands a Markdown document shows, and run them in order like a user would."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

SHELL_FENCES = {"", "sh", "bash", "console", "shell"}


@dataclass(frozen=True)
class Example:
    line: int
    text: str

    def words(self) -> tuple[list[str], str | None]:
        """The arguments after `trygghet`, and the file a `>` sends stdout to."""
        words = shlex.split(self.text, comments=True)[1:]
        if ">" in words:
            at = words.index(">")
            return words[:at], words[at + 1]
        return words, None


def _joined(lines: list[str], start: int) -> tuple[str, int]:
    text, end = lines[start].strip(), start
    while text.endswith("\\") and end + 1 < len(lines):
        end += 1
        text = text[:-1].rstrip() + " " + lines[end].strip()
    return text, end


def examples(markdown: str) -> list[Example]:
    """Every `trygghet ...` command in a shell block (indented or fenced), in order."""
    lines = markdown.splitlines()
    found, fence, index = [], None, 0
    while index < len(lines):
        line = lines[index]
        if line.strip().startswith("<!-- run-through: start"):
            # A run-through block has a test of its own that runs it as written (`cd` and the
            # order included): tests/cli/test_run_through.py and test_generated_readme.py.
            index = next((i for i in range(index, len(lines))
                          if lines[i].strip() == "<!-- run-through: end -->"), len(lines))
            continue
        if line.lstrip().startswith("```"):
            fence = None if fence is not None else line.lstrip()[3:].strip()
            index += 1
            continue
        in_shell = fence in SHELL_FENCES if fence is not None else line.startswith("    ")
        stripped = line.strip().removeprefix("$ ")
        if in_shell and re.match(r"trygghet( |$)(?!.*→)", stripped) and not stripped.startswith("trygghet:"):
            text, end = _joined([*lines[:index], stripped, *lines[index + 1:]], index)
            found.append(Example(index + 1, text))
            index = end
        index += 1
    return found


def write_output(folder: Path, name: str, text: str) -> None:
    target = folder / Path(name).expanduser() if not name.startswith("~") else Path(name).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
