"""Escaping for Markdown, URL checks, the SVG charts and the publish gate's text extraction."""

from __future__ import annotations

import pytest

from trygghet_cli.render import charts
from trygghet_cli.render.filters import md_escape, md_url, safe_url
from trygghet_cli.render.gate import output_pieces


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("[klicka](javascript:alert(1))", "\\[klicka\\](javascript:alert(1))"),
    ("# rubrik", "\\# rubrik"),
    ("- punkt", "\\- punkt"),
    ("12. punkt", "12\\. punkt"),
    ("a | b", "a \\| b"),
    ("*fet* _kursiv_ `kod` ~~struken~~ $x$", "\\*fet\\* \\_kursiv\\_ \\`kod\\` \\~\\~struken\\~\\~ \\$x\\$"),
    ("&lt;", "\\&lt;"),
    ("rad ett\nrad två", "rad ett rad två"),
    ("Perioden 2019-12-31 slutade.", "Perioden 2019-12-31 slutade."),
])
def test_markdown_escape_leaves_no_syntax_and_keeps_ordinary_text(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x",
    "file:///etc/passwd", "http:/missing-host", "https://exa mple.org", "", "https://a.se/\\x",
])
def test_unsafe_or_malformed_urls_are_refused(url: str) -> None:
    assert safe_url(url) == ""
    assert md_url(url) == ""


@pytest.mark.parametrize("url", ["https://www.strangnas.se/x?y=1#z", "http://polisen.se/",
                                 "mailto:registrator@example.se"])
def test_http_https_and_mailto_urls_pass_unchanged(url: str) -> None:
    assert safe_url(url) == url


def test_markdown_urls_cannot_end_the_link_early() -> None:
    assert md_url("https://a.se/x)[y](javascript:alert(1)") == "https://a.se/x%29%5By%5D%28javascript:alert%281%29"


def test_chart_text_is_escaped_and_has_a_text_alternative() -> None:
    svg = charts.attainment_chart({
        "id": "c1", "title": "<b>Utfall</b>", "desc": "a & b", "goal_label": "mål",
        "rows": [{"label": "<script>x</script>", "ratio": 2.5, "value": "20 / 8", "key": "met"}]})
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert "<title id=\"c1-title\">&lt;b&gt;Utfall&lt;/b&gt;</title>" in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_status_chart_draws_one_bar_segment_per_status_present() -> None:
    svg = charts.status_chart({
        "id": "s", "title": "Status", "desc": "Löfte 1: 2 klar, 1 okänd",
        "legend": [{"key": "done", "label": "klar"}, {"key": "unknown", "label": "okänd"}],
        "rows": [{"label": "Löfte 1",
                  "segments": [{"key": "done", "value": 2}, {"key": "unknown", "value": 1}]}]})
    assert svg.count('fill="#1a7f37"') == 2  # one bar segment, one legend swatch
    assert ">3</text>" in svg


def test_gate_reads_visible_text_titles_and_decoded_link_targets_but_not_styles() -> None:
    html = ('<style>.a{color:#070123}</style><p title="ring 070-123 45 67">Text</p>'
            '<a href="https://x.se/?tel=070%2D1234567">länk</a>')
    texts = [text for _, text in output_pieces(html, "html")]
    assert "ring 070-123 45 67" in texts and "Text" in texts
    assert "https://x.se/ tel=070-1234567" in texts  # issue 28: a link target is published too
    assert not any("color" in t for t in texts)
    md = [text for _, text in output_pieces("[titel](https://x.se/0701234567) 070\\-123", "md")]
    assert md == ["[titel] 070-123", "https://x.se/0701234567"]


def test_templates_never_turn_escaping_off_or_leave_an_attribute_unquoted() -> None:
    import re

    from trygghet_cli import resources

    templates = sorted(resources.templates_dir().glob("*.j2"))
    assert len(templates) >= 8
    for template in templates:
        source = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", source) and "Markup" not in source, template.name
        assert "autoescape" not in source, template.name
        assert not re.search(r"=\s*\{\{", source), f"unquoted attribute in {template.name}"
        assert "<script" not in source.lower(), template.name
