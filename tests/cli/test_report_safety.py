"""Reports never carry markup or script from the data, internal text, or personal data."""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from trygghet_cli.loading import load_path
from trygghet_cli.root.config import data_files

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "[klicka](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "# rubrik\n| a | b |\n- lista",
    "![bild](https://evil.example/x.png)",
    "' onmouseover='alert(1)",
    "</textarea><svg onload=alert(1)>",
    "{% raw %}x{% endraw %}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- kommentar --> *fet* _kursiv_ `kod` ~~struken~~ $x$",
]
URL_PAYLOADS = [
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/x)[y](javascript:alert(1)",
    "https://example.org/<script>alert(1)</script>",
]
TEXT_KEYS = {"title", "text", "description", "summary", "name", "problem", "notes", "source_note",
             "reason", "status_note", "internal_notes", "unit", "group", "place", "publisher", "note",
             "police_area", "county"}
TEXT_LISTS = {"causes", "goals", "basis", "problems", "places", "partners", "roles"}
URL_KEYS = {"url", "website"}
ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def _poison(value: Any, texts: itertools.cycle, urls: itertools.cycle, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, texts, urls, k) for k, v in value.items()}
    if isinstance(value, list):
        # `problems:` is a list of texts in a situation picture but of ids in a pledge.
        if key in TEXT_LISTS and not all(isinstance(v, str) and ID.match(v) for v in value):
            return [next(texts) if isinstance(v, str) else _poison(v, texts, urls) for v in value]
        return [_poison(v, texts, urls, key) for v in value]
    if isinstance(value, str) and key in URL_KEYS:
        return next(urls)
    if isinstance(value, str) and (key in TEXT_KEYS or key == "value"):
        return next(texts)
    return value


def _poison_root(root: Path) -> None:
    """Every free-text field of every file gets a payload; JSON is valid YAML 1.2."""
    texts, urls = itertools.cycle(PAYLOADS), itertools.cycle(URL_PAYLOADS)
    for path in data_files(root):
        data = load_path(path).document.data
        poisoned = json.dumps(_poison(data, texts, urls), ensure_ascii=False, indent=1)
        path.write_text(poisoned, encoding="utf-8")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.attrs.extend((tag, name, value or "") for name, value in attrs)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _assert_no_script(html: str) -> None:
    parsed = _parse(html)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "textarea", "form"}, names
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name, value)
        if name in {"href", "src", "action", "formaction", "xlink:href"}:
            assert not DANGEROUS_SCHEME.match(value), (tag, name, value)
    assert "<script" not in html.lower()


REQUESTS = [("yearly", ["--year", "2019"]), ("yearly", ["--year", "2022"]),
            ("pledges", ["--period", "2019"]), ("pledges", ["--period", "2024-2025"]),
            ("status", ["--period", "2020"]), ("agreement", ["--period", "2023-2026"]),
            ("lagesbild", ["--period", "lb-2024"]), ("council", ["--year", "2024"])]


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import BUNDLED

    root = tmp_path_factory.mktemp("hostile") / "root"
    shutil.copytree(BUNDLED, root)
    _poison_root(root)
    return root


@pytest.mark.parametrize(("kind", "choice"), REQUESTS, ids=lambda v: str(v))
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_hostile_text_in_every_field_never_becomes_markup_in_html(run, poisoned, kind, choice,
                                                                    audience) -> None:
    from tests.conftest import BUNDLED

    args = [kind, *choice, "--format", "html", "--as-of", "2026-01-15", "--audience", audience]
    hostile = run("--data", str(poisoned), "report", *args)
    assert hostile.exit_code == 0, hostile.output
    _assert_no_script(hostile.stdout)
    clean = run("--data", str(BUNDLED), "report", *args)
    # Payloads only change text: the element structure is exactly that of the clean report
    # (but for the lines a long chart label wraps into, one <tspan> each).
    assert _tags(hostile.stdout) == _tags(clean.stdout)


def _tags(html: str) -> list[tuple[str, tuple[str, ...]]]:
    return [tag for tag in _parse(html).tags if tag[0] != "tspan"]


@pytest.mark.parametrize(("kind", "choice"), REQUESTS, ids=lambda v: str(v))
def test_hostile_text_stays_text_when_the_markdown_is_rendered(run, poisoned, kind, choice) -> None:
    result = run("--data", str(poisoned), "report", kind, *choice, "--format", "md", "--as-of", "2026-01-15")
    assert result.exit_code == 0, result.output
    # The strictest reading: CommonMark with raw HTML allowed, as a careless renderer would do.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(result.stdout)
    _assert_no_script(html)
    allowed = {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "em", "a", "table", "thead", "tbody",
               "tr", "th", "td", "blockquote", "hr", "br"}
    assert {tag for tag, _ in _parse(html).tags} <= allowed
    links = [value for tag, name, value in _parse(html).attrs if name == "href"]
    assert links and all(link.startswith("https://example.org/") for link in links), links


def test_template_syntax_in_data_is_printed_not_run(run, poisoned) -> None:
    result = run("--data", str(poisoned), "report", "pledges", "--period", "2019", "--format", "html")
    assert "{{ 7*7 }}" in result.stdout
    md = run("--data", str(poisoned), "report", "pledges", "--period", "2019", "--format", "md")
    assert "\\{\\{ 7\\*7 \\}\\}" in md.stdout


CANARY = "KANARIE-7f3a"


def _plant_canaries(root: Path) -> None:
    path = root / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    status: ongoing\n",
                        f"    status: ongoing\n    internal_notes: {CANARY}-anteckning om a-2\n")
    text += f"""  - id: a-hemlig
    title: {CANARY}-titel
    description: {CANARY}-beskrivning
    pledges: [ml-1]
    owners: [trygghetssamordnare]
    parties: [kommun]
    due: 2024-05-31
    status: ongoing
    visibility: internal
    internal_notes: {CANARY}-intern
    targets:
      - id: t1
        kind: at_least
        text: {CANARY}-mål
        value: 3
        outcomes:
          - value: 1
            date: 2024-04-01
            kind: interim
            note: {CANARY}-utfall
"""
    path.write_text(text, encoding="utf-8")


MINIMAL_REQUESTS = [("yearly", ["--year", "2024"]), ("pledges", []), ("status", []), ("agreement", []),
                    ("council", ["--year", "2024"])]


@pytest.mark.parametrize(("kind", "choice"), MINIMAL_REQUESTS, ids=lambda v: str(v))
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_internal_activities_and_notes_appear_only_in_internal_reports(run, minimal_root, kind, choice,
                                                                       fmt) -> None:
    _plant_canaries(minimal_root)
    base = ["--data", str(minimal_root), "report", kind, *choice, "--format", fmt, "--as-of", "2024-06-30"]
    public = run(*base)
    assert public.exit_code == 0, public.output
    assert CANARY not in public.stdout
    internal = run(*base, "--audience", "internal")
    assert internal.exit_code == 0, internal.output
    if kind != "agreement":  # the agreement shows no activities
        assert f"{CANARY}-titel" in internal.stdout
        assert f"{CANARY}-anteckning" in internal.stdout


def test_public_report_with_a_personnummer_is_refused_with_file_and_line(run, minimal_root, tmp_path) -> None:
    path = minimal_root / "pledges" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Vi gör trafiken tryggare.", "Vi gör trafiken tryggare. Kontakt 811228-9874 (syntetiskt)."),
        encoding="utf-8")
    target = tmp_path / "out.html"
    result = run("--data", str(minimal_root), "report", "pledges", "-o", str(target))
    assert result.exit_code == 1
    assert re.search(r"pledges/2024-2025\.yaml:\d+:\d+: offentlig text innehåller något som ser ut "
                     r"som ett personnummer", result.stderr)
    assert "811228-9874" not in result.stderr
    assert not target.exists()
    internal = run("--data", str(minimal_root), "report", "pledges", "--audience", "internal")
    assert internal.exit_code == 0
    assert "811228-9874" in internal.stdout


def test_personal_data_added_by_a_template_is_caught_in_the_output(run, minimal_root, tmp_path) -> None:
    (tmp_path / "agreement.md.j2").write_text("# {{ agreement.title }}\n\nRing 070-123 45 67\n",
                                              encoding="utf-8")
    result = run("--data", str(minimal_root), "report", "agreement", "--templates", str(tmp_path))
    assert result.exit_code == 1
    assert "<stdout>:3" in result.stderr
    assert "telefonnummer" in result.stderr


def test_internal_text_that_a_template_still_shows_is_caught_in_the_output(run, minimal_root,
                                                                           tmp_path) -> None:
    _plant_canaries(minimal_root)
    # A careless template that copies a known internal note verbatim.
    (tmp_path / "agreement.md.j2").write_text(f"# x\n\n{CANARY}-anteckning om a-2\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "report", "agreement", "--templates", str(tmp_path))
    assert result.exit_code == 1
    assert "skulle visa intern text" in result.stderr
    assert f"{CANARY}-anteckning om a-2" not in result.stderr


def test_overdue_is_derived_in_the_meeting_report_and_says_why(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "report", "status", "--as-of", "2025-07-15", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "overdue by 15 days: ongoing" in result.stdout
    internal = run("--data", str(minimal_root), "report", "status", "--audience", "internal", "--lang", "en")
    assert "> **Internal version.** This report includes internal activities" in internal.stdout
