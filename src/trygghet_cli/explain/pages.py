"""Parse a finding-code page (docs/codes/TRY205.md) and print it for one language."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from trygghet_cli import resources
from trygghet_cli.errors import ReadError

WIDTH = 80
_BLOCK = re.compile(r"```yaml path=(?P<path>\S+)(?P<attrs>[^\n]*)\n(?P<body>.*?)```", re.S)
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\\{(\d+)\*(.)\}")


@dataclass(frozen=True, slots=True)
class Example:
    """A data file as a page shows it: where it goes in the data root, and its text."""

    path: str
    text: str
    attrs: tuple[str, ...]

    @property
    def folder(self) -> bool:
        """True when the example is a folder at `path` instead of a file."""
        return "folder" in self.attrs

    def content(self) -> bytes:
        """The file's bytes: escapes (`\\x07`, `\\u200b`, `\\{20001*a}`) decoded, then encoded."""
        text = _ESCAPE.sub(_unescape, self.text) if "escapes" in self.attrs else self.text
        encoding = next((a.split("=", 1)[1] for a in self.attrs if a.startswith("encoding=")), "utf-8")
        return text.encode(encoding)


def _unescape(match: re.Match[str]) -> str:
    hex2, hex4, count, char = match.groups()
    if count:
        return char * int(count)
    return chr(int(hex2 or hex4, 16))


@dataclass(frozen=True, slots=True)
class Page:
    """One code's page: its names, the text per language, and the two examples."""

    code: str
    names: tuple[str, str]
    text: dict[str, str]
    failing: Example | None
    passing: Example | None
    headings: tuple[tuple[str, str], tuple[str, str]]


def page_dir() -> Path:
    return resources.code_pages_dir()


def page_codes() -> list[str]:
    """The codes that have a page, in order."""
    return sorted(p.stem for p in page_dir().glob("TRY*.md"))


def _both(heading: str) -> tuple[str, str]:
    sv, _, en = heading.partition(" / ")
    return sv.strip(), (en or sv).strip()


def _example(section: str) -> Example | None:
    found = _BLOCK.search(section)
    if found is None:
        return None
    return Example(found["path"], found["body"], tuple(found["attrs"].split()))


def read_page(code: str) -> Page:
    """The page for `code`; a ReadError when it has none."""
    path = page_dir() / f"{code}.md"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ReadError(f"{path}: cannot read the page for {code}: {exc.strerror or exc}") from None
    title, *sections = source.split("\n## ")
    names = _both(title.removeprefix("# ").partition(": ")[2])
    parts = {head.strip(): body.strip() for head, _, body in (s.partition("\n") for s in sections)}
    keys = list(parts)
    failing_key = next((k for k in keys if "Gives the code" in k), "")
    passing_key = next((k for k in keys if "Does not give" in k), "")
    return Page(code, names, {"sv": parts.get("Svenska", ""), "en": parts.get("English", "")},
                _example(parts.get(failing_key, "")), _example(parts.get(passing_key, "")),
                (_both(failing_key), _both(passing_key)))


def _paragraphs(text: str) -> list[str]:
    lines = []
    for paragraph in text.replace("**", "").split("\n\n"):
        lines.extend(textwrap.wrap(" ".join(paragraph.split()), WIDTH) or [""])
        lines.append("")
    return lines


def render(page: Page, lang: str) -> str:
    """The page as plain text for an 80-column terminal, in one language."""
    index = 0 if lang == "sv" else 1
    lines = [f"{page.code}: {page.names[index]}", ""] + _paragraphs(page.text[lang])
    for example, heading in ((page.failing, page.headings[0]), (page.passing, page.headings[1])):
        if example is None:
            continue
        lines.append(f"{heading[index]} ({example.path}):")
        lines.append("")
        lines.extend(f"    {line}" for line in example.text.splitlines())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_list(lang: str) -> str:
    """Every code given today with its name, one a line (a retired code's page stays, unlisted)."""
    from trygghet_cli.findings import RETIRED

    index = 0 if lang == "sv" else 1
    return "".join(f"{code}  {read_page(code).names[index]}\n" for code in page_codes()
                   if code not in RETIRED)
