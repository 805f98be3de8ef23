"""Diff printers: escaping in Markdown, colour only when asked, the comment size limit."""

from __future__ import annotations

from trygghet_cli.diff import Change, Diff, EntityChange, as_markdown, as_text
from trygghet_cli.diff.plaindiff import compare

EVIL = "<script>alert(1)</script> **fet** [länk](javascript:alert(1)) `kod` ~~x~~ | a"


def _diff(*changes: EntityChange) -> Diff:
    return Diff("root", "main", "HEAD", changes, {"pledge": 1}, {"ml": "Medborgarlöften"})


def _pledge(text: str, old: str = "Vi gör trafiken tryggare för alla") -> EntityChange:
    fields = tuple(compare({"text": old}, {"text": text}))
    return EntityChange("pledge", Change.CHANGED, "ml-1", "ml-1", text, "ml", "ml-1", "id",
                        None, fields)


def test_markdown_escapes_html_and_markdown_in_data() -> None:
    out = as_markdown.render(_diff(_pledge(EVIL)), "sv")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "**fet**" not in out and r"\*\*fet\*\*" in out
    assert "[länk]" not in out and r"\[länk\]" in out
    assert "`kod`" not in out
    assert " | a" not in out and r"\| a" in out


def test_markdown_revisions_are_inline_code_and_the_summary_comes_first() -> None:
    out = as_markdown.render(_diff(_pledge("Vi gör trafiken säkrare för alla")), "en")
    first = out.splitlines()[0]
    assert first == ("**trygghet diff** `main` → `HEAD`: added: 0, removed: 0, changed: 1, "
                     "unchanged: 1")
    assert out.count("<details>") == out.count("</details>") == 1


def test_a_markdown_comment_too_long_for_github_is_cut_with_a_note() -> None:
    many = [_pledge(f"Löfte nummer {i} " + "ord " * 60) for i in range(400)]
    out = as_markdown.render(_diff(*many), "sv")
    assert len(out) < 65_536
    assert out.count("<details>") == out.count("</details>")
    assert out.rstrip().endswith("_Listan är avkortad; kör trygghet diff lokalt för allt._")


def test_text_has_colour_only_when_asked() -> None:
    diff = _diff(_pledge("Vi gör trafiken säkrare för alla"))
    assert "\x1b[" not in as_text.render(diff, "sv")
    coloured = as_text.render(diff, "sv", color=True)
    assert "\x1b[33m  ~ löfte ml-1" in coloured
