"""RELIABILITY.md sections 5 and 6 for `trygghet report`: no confidential field and no script
reaches a public report, and personal data stops publishing.

Every text field of a data root is filled (tests/reliability/hostile.py), every report kind
is rendered in every format and language, and the output is read back: for canaries as
plain text, for markup with html.parser (tags and attributes) and, for Markdown, once more
after a permissive Markdown-to-HTML conversion such as a CMS would do.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.reliability import hostile
from tests.reliability.conftest import assert_clean, snapshot

FORMATS = ("md", "html")
LANGS = ("sv", "en")
RENDERINGS = [(report, fmt, lang) for report in hostile.REPORTS for fmt in FORMATS for lang in LANGS]


def _id(rendering: tuple[list[str], str, str]) -> str:
    report, fmt, lang = rendering
    return f"{report[0]}-{fmt}-{lang}"


class Markup(HTMLParser):
    """Every tag, attribute and comment of an HTML text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def markup(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    parser.close()
    return parser


def _render(run, root: Path, rendering: tuple[list[str], str, str], *extra: str):
    report, fmt, lang = rendering
    return run("--data", str(root), "report", *report, "--format", fmt, "--lang", lang, *extra)


# --- C1, C2, C3: canaries in every confidential field --------------------------------------

def _canary(slot: str) -> str:
    return f"CANARY-{slot}" if hostile.is_internal(slot) else f"Offentlig text {slot}"


@pytest.fixture
def canary_root(tmp_path: Path) -> Path:
    return hostile.write_root(tmp_path / "root", _canary)


@pytest.mark.parametrize("rendering", RENDERINGS, ids=_id)
def test_c1_no_canary_from_a_confidential_field_reaches_a_public_report(run, canary_root, tmp_path,
                                                                       rendering) -> None:
    before = snapshot(canary_root)
    result = _render(run, canary_root, rendering)
    assert_clean(result, exits=(0,))
    assert "CANARY" not in result.stdout + result.stderr
    out = tmp_path / "out"
    out.mkdir()
    written = _render(run, canary_root, rendering, "-o", str(out))
    assert_clean(written, exits=(0,))
    for path in out.rglob("*"):
        assert "CANARY" not in path.name
        assert b"CANARY" not in path.read_bytes()
    if rendering[1] == "html":
        parsed = markup(result.stdout)
        assert not any("CANARY" in c for c in parsed.comments)
        assert not any("CANARY" in value for _, _, value in parsed.attributes)
    assert snapshot(canary_root) == before


def test_c1_the_canaries_are_really_there_for_the_internal_audience(run, canary_root) -> None:
    seen = set()
    for report in hostile.REPORTS:
        result = run("--data", str(canary_root), "report", *report, "--format", "html",
                     "--audience", "internal")
        assert_clean(result, exits=(0,))
        seen.update(re.findall(r"CANARY-([a-z0-9_]+)", result.stdout))
    assert {"internal_notes", "internal_activity_title"} <= seen


# --- H1-H13: hostile text in every public field --------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klicka](javascript:alert(1))",
    "[klicka](JaVaScRiPt&#58;alert(1))",
    "[data](data:text/html,<script>alert(1)</script>)",
    "[vb](vbscript:msgbox(1))",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "x onmouseover=alert(1)",
    "</script><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<!-- --><script>alert(1)</script>",
    "```{onload=alert(1)}\nkod\n```",
    "<a href='javascript:alert(1)'>a</a>",
    "{{ 7*7 }}{% if true %}SSTI{% endif %}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "| tabell | \n|---|\n| <b>x</b> |",
    "# Rubrik\n\n* lista",
]


def _hostile(payload: str):
    def fill(slot: str) -> str:
        return "internt" if hostile.is_internal(slot) else f"{slot}: {payload}"

    return fill


def _clean(run, tmp_path: Path, report: list[str]) -> tuple[set[str], set[str]]:
    """The tags and attribute names our own templates produce for plain text."""
    clean = hostile.write_root(tmp_path / "clean", lambda slot: f"Text {slot}")
    result = run("--data", str(clean), "report", *report, "--format", "html")
    assert_clean(result, exits=(0,))
    parsed = markup(result.stdout)
    return parsed.tags, {name for _, name, _ in parsed.attributes}


def _assert_no_script(html: str, allowed: tuple[set[str], set[str]]) -> None:
    parsed = markup(html)
    tags, names = allowed
    assert "script" not in parsed.tags
    assert parsed.tags <= tags, parsed.tags - tags
    for tag, name, value in parsed.attributes:
        assert not name.startswith("on"), (tag, name, value)
        assert name in names, (tag, name, value)
        if name == "style":
            assert not re.search(r"url\(|expression|javascript", value, re.IGNORECASE), value
        if name in {"href", "src", "action", "formaction", "xlink:href"}:
            assert not re.match(r"\s*(javascript|vbscript|data):", value, re.IGNORECASE), value


@functools.cache
def _clean_once(report: tuple[str, ...]) -> tuple[set[str], set[str]]:
    import tempfile

    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    with tempfile.TemporaryDirectory() as folder:
        def run(*args: str):
            return CliRunner().invoke(app, list(args), catch_exceptions=False)

        return _clean(run, Path(folder), list(report))


# Payloads meant for HTML, for Markdown, and for templates; each group goes into every field.
PAYLOAD_GROUPS = {"html": PAYLOADS[:2] + PAYLOADS[6:12] + PAYLOADS[13:14],
                  "markdown": PAYLOADS[2:6] + PAYLOADS[12:13] + PAYLOADS[16:],
                  "template-and-entities": PAYLOADS[14:16]}


@pytest.mark.parametrize("group", sorted(PAYLOAD_GROUPS))
@pytest.mark.parametrize("report", hostile.REPORTS, ids=lambda r: r[0])
def test_h_hostile_text_in_every_public_field_never_becomes_markup_or_script(run, tmp_path, group,
                                                                            report) -> None:
    root = hostile.write_root(tmp_path / "root", _hostile("\n\n".join(PAYLOAD_GROUPS[group])))
    allowed = _clean_once(tuple(report))
    html = run("--data", str(root), "report", *report, "--format", "html")
    assert_clean(html, exits=(0,))
    _assert_no_script(html.stdout, allowed)
    # A chart label wraps its text into lines (one <tspan> each): read them as one text.
    text = re.sub(r"</tspan><tspan[^>]*>", " ", html.stdout)
    assert "SSTI" not in text.replace("{% if true %}SSTI", "").replace("{% if true %}\nSSTI", "")
    md = run("--data", str(root), "report", *report, "--format", "md", "--lang", "en")
    assert_clean(md, exits=(0,))
    _assert_md_is_inert(md.stdout, allowed)


def test_payload_groups_hold_every_payload() -> None:
    assert sorted(p for group in PAYLOAD_GROUPS.values() for p in group) == sorted(PAYLOADS)


def _assert_md_is_inert(text: str, allowed: tuple[set[str], set[str]]) -> None:
    """H2: rendered later by a permissive converter (raw HTML on), the Markdown stays inert."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    tags = allowed[0] | {"p", "em", "code", "pre", "hr", "br", "ol", "blockquote", "h1", "h2", "h3",
                         "h4", "h5", "h6", "img"}
    _assert_no_script(html, (tags, allowed[1] | {"href", "src", "alt", "title", "start", "style"}))


def test_h6_a_url_with_quotes_and_brackets_cannot_leave_its_attribute(run, tmp_path) -> None:
    root = hostile.write_root(tmp_path / "root", lambda slot: f"Text {slot}")
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "https://example.org/a?b=1&c=2", "https://x.example/\\\"><script>alert(1)</script>"),
        encoding="utf-8")
    for report in hostile.REPORTS:
        result = run("--data", str(root), "report", *report, "--format", "html")
        assert_clean(result, exits=(0,))
        _assert_no_script(result.stdout, _clean(run, tmp_path, report))


def test_h7_h9_h10_h11_h12_templates_are_lint_clean_and_data_is_never_a_template() -> None:
    from trygghet_cli import resources

    for template in resources.templates_dir().glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b(?!_)", text), f"{template.name}: |safe on a value (H9)"
        assert not re.search(r"=\{\{", text), f"{template.name}: unquoted attribute (H7)"
        assert "xmlattr" not in text, f"{template.name}: keys from data into xmlattr (H10)"
        assert "__" not in text, f"{template.name}: reaches into Python internals (H12)"
    source = Path(resources.templates_dir()).parent / "src" / "trygghet_cli" / "render"
    for module in source.glob("*.py"):
        assert "from_string(" not in module.read_text(encoding="utf-8"), module.name


def test_h13_html_reports_forbid_script_by_content_security_policy(run, tmp_path) -> None:
    root = hostile.write_root(tmp_path / "root", lambda slot: f"Text {slot}")
    for report in hostile.REPORTS:
        result = run("--data", str(root), "report", *report, "--format", "html")
        attributes = markup(result.stdout).attributes
        [policy] = [v for _, name, v in attributes if name == "content" and "default-src" in v]
        rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";") if rule.strip())
        assert rules.get("script-src", rules["default-src"]) == "'none'", policy


# --- C4-C10: personal data stops a public report ------------------------------------------

def _luhn_digit(nine: str) -> str:
    total = 0
    for index, char in enumerate(nine):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


# Synthetic numbers (RELIABILITY C11): chosen dates and serials, check digit computed here.
PNR = "811228-987" + _luhn_digit("811228987")
SAMORDNING = "701063-239" + _luhn_digit("701063239")
PERSONAL = {
    "personnummer": f"Kontakt {PNR}",
    "personnummer-plus": f"Kontakt {PNR.replace('-', '+')}",
    "personnummer-12-digits": f"Kontakt 19{PNR.replace('-', '')}",
    "personnummer-12-digits-dash": f"Kontakt 19{PNR}",
    "personnummer-space": f"Kontakt {PNR.replace('-', ' ')}",
    "samordningsnummer": f"Kontakt {SAMORDNING}",
    "personnummer-wrong-check-digit": "Kontakt 811228-9875",
    "mobile": "Ring 070-123 45 67",
    "mobile-international": "Ring +46 70 123 45 67",
    "landline": "Ring 08-123 456 78",
    "email": "Mejla anna.svensson@example.se",
    "email-spelled": "Mejla anna (at) example.se",
}


# The report that shows each field.
SHOWN_IN = {"activity_title": ["status", "--period", "2024-2025", "--as-of", "2025-01-15"],
            "pledge_text": ["pledges", "--period", "2024-2025"],
            "area_title": ["agreement"],
            "outcome_note": ["yearly", "--year", "2024"]}


@pytest.mark.parametrize("name", sorted(PERSONAL))
@pytest.mark.parametrize("slot", sorted(SHOWN_IN))
def test_c4_personal_data_in_public_text_stops_the_report_and_writes_nothing(run, tmp_path, name,
                                                                            slot) -> None:
    text = PERSONAL[name]
    secret = text.split(" ", 1)[1]
    root = hostile.write_root(tmp_path / "root", lambda s: text if s == slot else f"Text {s}")
    before = snapshot(root)
    out = tmp_path / "out"
    out.mkdir()
    result = run("--data", str(root), "report", *SHOWN_IN[slot], "--format", "html", "-o", str(out))
    assert_clean(result, exits=(1,))
    assert re.search(r"\.yaml:\d+:\d+: ", result.stderr), result.stderr
    assert secret not in result.stderr, "the message must mask the value"
    assert list(out.iterdir()) == []
    assert snapshot(root) == before


def test_c4_personal_data_in_an_internal_field_does_not_stop_a_public_report(run, tmp_path) -> None:
    root = hostile.write_root(tmp_path / "root",
                              lambda s: f"Kontakt {PNR}" if hostile.is_internal(s) else f"Text {s}")
    for report in hostile.REPORTS:
        result = run("--data", str(root), "report", *report, "--format", "md")
        assert_clean(result, exits=(0,))
        assert PNR not in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "ics", "xlsx"])
def test_c1_no_canary_reaches_a_public_export_either(run, canary_root, tmp_path, fmt) -> None:
    import zipfile

    out = tmp_path / f"export.{fmt}"
    result = run("--data", str(canary_root), "export", "activities", "--format", fmt, "-o", str(out))
    assert_clean(result, exits=(0,))
    data = out.read_bytes()
    if fmt == "xlsx":
        with zipfile.ZipFile(out) as book:
            data = b"".join(book.read(name) for name in book.namelist())
    assert b"CANARY" not in data
    assert b"Offentlig text activity_title" in data
    internal = run("--data", str(canary_root), "export", "activities", "--format", "csv",
                   "--audience", "internal")
    assert "CANARY-internal_activity_title" in internal.stdout
