"""The handbook's shown sessions: the commands of its ```console blocks and what each prints.

A block holds lines such as

    $ trygghet status --as-of 2026-11-30
    Läget för medborgarlöftena 2026–2027, per 30 november 2026
    …

A line that starts with `$ ` is a command (a trailing backslash continues it); the lines after
it, up to the next command or the end of the block, are what it prints. A line that is only
`…` stands for any number of lines: what comes before it must begin the output, what comes
after it must end it. A command that is shown failing says so with a comment, `# slutkod 1`.

A file the reader writes by hand is a fenced block (any language) right after a comment that
names it, `<!-- fil: situation/2026-05.yaml -->`: the test writes it where the reader stands.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ELISION = "…"
FILE_COMMENT = re.compile(r"^<!-- fil: (\S+) -->$")
EXIT_COMMENT = re.compile(r"#\s*slutkod\s+(\d+)\s*$")


@dataclass
class Shown:
    """One command of a page and the output the page shows for it."""

    page: str
    line: int
    command: str
    output: list[str] = field(default_factory=list)
    writes: str | None = None  # a file the reader writes by hand; output is its content

    @property
    def words(self) -> list[str]:
        return shlex.split(self.command, comments=True)

    @property
    def exit_code(self) -> int:
        found = EXIT_COMMENT.search(self.command)
        return int(found.group(1)) if found else 0

    def matches(self, printed: str) -> bool:
        """Whether the printed text is what the page shows (trailing spaces aside)."""
        actual = _lines(printed)
        if ELISION not in self.output:
            return actual == self.output
        at = self.output.index(ELISION)
        head, tail = self.output[:at], self.output[at + 1:]
        return (len(actual) >= len(head) + len(tail) and actual[:len(head)] == head
                and (not tail or actual[-len(tail):] == tail))

    def updated(self, printed: str) -> list[str]:
        """The output to show from now on: all of it, or as much of its head and tail as before."""
        actual = _lines(printed)
        if ELISION not in self.output:
            return actual
        at = self.output.index(ELISION)
        head, tail = actual[:at], actual[len(actual) - (len(self.output) - at - 1):]
        return [*head, ELISION, *tail] if len(actual) > len(head) + len(tail) else actual


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def sessions(path: Path) -> list[Shown]:
    """Every command shown in the page's console blocks, and every file written by hand, in order."""
    found: list[Shown] = []
    fence, continued, named, writing = None, False, None, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith("```"):
            writing = Shown(path.name, number, "", writes=named) if fence is None and named else None
            found += [writing] if writing else []
            fence, named = (line.strip()[3:] if fence is None else None), None
            continue
        if fence is None:
            match = FILE_COMMENT.match(line.strip())
            named = match.group(1) if match else (named if not line.strip() else None)
        elif writing:
            writing.output.append(line)
        elif fence != "console":
            continue
        elif continued:
            found[-1].command += " " + line.strip().removesuffix("\\").strip()
        elif line.startswith("$ "):
            found.append(Shown(path.name, number, line[2:].strip().removesuffix("\\").strip()))
        elif found:
            found[-1].output.append(line.rstrip())
        continued = fence == "console" and (continued or line.startswith("$ ")) and line.endswith("\\")
    for shown in found:
        while shown.output and not shown.output[-1] and not shown.writes:
            shown.output.pop()
    return found


def rewrite(path: Path, outputs: dict[int, list[str]]) -> None:
    """Put new outputs (keyed by the line of their command) into the page; the rest stays."""
    lines = path.read_text(encoding="utf-8").splitlines()
    result: list[str] = []
    index, inside = 0, False
    while index < len(lines):
        line = lines[index]
        index += 1
        result.append(line)
        if line.strip().startswith("```"):
            inside = line.strip() == "```console" if not inside else False
            continue
        if not (inside and line.startswith("$ ") and index in outputs):
            continue
        number = index
        while result[-1].endswith("\\") and index < len(lines):
            result.append(lines[index])
            index += 1
        while index < len(lines) and not lines[index].startswith("$ ") \
                and not lines[index].strip().startswith("```"):
            index += 1
        result.extend(outputs[number])
    path.write_text("\n".join(result) + "\n", encoding="utf-8")
