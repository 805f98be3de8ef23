"""Line-level edits: exact scalar text replaced, keys inserted in schema order, nothing else touched."""

from __future__ import annotations

import pytest

from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.roundtrip import Editor
from trygghet_cli.editing.scalars import render, render_like
from trygghet_cli.errors import UsageError
from trygghet_cli.loading import load_bytes
from trygghet_cli.loading.scalars import resolve_plain


@pytest.mark.parametrize(("value", "text"), [
    ("2024-10-15", "2024-10-15"),
    ("2024-10", "2024-10"),
    ("2021", '"2021"'),
    ("0486", '"0486"'),
    ("no", '"no"'),
    ("On", '"On"'),
    ("null", '"null"'),
    ("Polisen: fotpatrull", '"Polisen: fotpatrull"'),
    ("gång # två", '"gång # två"'),
    ("- punkt", '"- punkt"'),
    ("rad ett\nrad två", '"rad ett\\nrad två"'),
    ('citat "så"', 'citat "så"'),
    ("'enkla'", '"\'enkla\'"'),
    ("", '""'),
    (True, "true"),
    (4, "4"),
    (2.5, "2.5"),
    (3.0, "3"),
])
def test_scalars_are_written_so_they_read_back_the_same(value: object, text: str) -> None:
    assert render(value) == text  # type: ignore[arg-type]
    document = load_bytes(f"x: {text}\n".encode(), "t.yaml").document
    assert document is not None
    assert document.data["x"] == value


def test_text_in_a_flow_list_quotes_commas() -> None:
    assert render("a, b", flow=True) == '"a, b"'
    assert render("a, b") == "a, b"


def test_replacement_keeps_the_quote_style_of_the_old_value() -> None:
    assert render_like("'gammal'", "ny's") == "'ny''s'"
    assert render_like('"gammal"', "ny") == '"ny"'
    assert render_like("gammal", "2022") == '"2022"'
    assert resolve_plain("ny") == "ny"


def editor(text: str) -> Editor:
    document = load_bytes(text.encode(), "activities.yaml").document
    assert document is not None
    return Editor(document, "activities")


LIST = """\
id: al  # list
pledge_set: ps
activities:
  - id: a1
    title: T
    pledges: [p1]
    parties: [kommun]
    status: planned
    # comment about the targets
    targets:
      - id: t1
        kind: qualitative
        text: x
"""


def test_inserted_key_goes_after_its_schema_predecessor_with_sibling_indentation() -> None:
    ed = editor(LIST)
    ed.set(("activities", 0, "completed"), "2024")
    ed.set(("activities", 0, "status"), "done")
    result = ed.result()
    assert result.text == LIST.replace("    status: planned\n",
                                       '    status: done\n    completed: "2024"\n')
    assert result.expected["activities"][0]["completed"] == "2024"


def test_two_new_keys_at_one_place_keep_schema_order() -> None:
    ed = editor(LIST.replace("    status: planned\n", ""))
    ed.set(("activities", 0, "status_note"), "note")
    ed.set(("activities", 0, "status"), "ongoing")
    assert "    parties: [kommun]\n    status: ongoing\n    status_note: note\n" in ed.result().text


def test_deleting_a_key_removes_its_lines_only() -> None:
    ed = editor(LIST)
    ed.delete(("activities", 0, "targets"))
    assert ed.result().text == LIST.split("    targets:\n")[0]


def test_appending_to_a_file_without_a_final_newline_adds_one() -> None:
    ed = editor(LIST.rstrip("\n"))
    ed.append(("activities",), {"id": "a2", "title": "U", "pledges": ["p1"], "parties": ["polis"]})
    assert ed.result().text.endswith(
        "        text: x\n  - id: a2\n    title: U\n    pledges: [p1]\n    parties: [polis]\n")


def test_flow_mapping_is_not_edited_in_place() -> None:
    ed = editor("id: al\npledge_set: ps\nactivities:\n  - {id: a1, title: T, pledges: [p], parties: [k]}\n")
    with pytest.raises(UsageError, match="written on one line"):
        ed.set(("activities", 0, "status"), "done")


def test_lone_cr_line_breaks_are_kept() -> None:
    ed = editor(LIST.replace("\n", "\r"))
    ed.set(("activities", 0, "status"), "done")
    assert ed.result().text == LIST.replace("status: planned", "status: done").replace("\n", "\r")


def test_line_check_reports_changes_no_edit_asked_for() -> None:
    ops = [ln.LineOp(1, 2, ("B\n",))]
    assert ln.stray_changes("a\nb\nc\n", "a\nB\nc\n", ops) == []
    assert ln.stray_changes("a\nb\nc\n", "A\nB\nc\n", ops) == [1]
    assert ln.stray_changes("a\nb\nc\n", "a\nB\nc\nd\n", ops) == [3]


def test_line_check_knows_an_insert_among_repeated_identical_lines() -> None:
    # A diff aligns a repeated line ("kind: interim") with the wrong copy; the edit knows
    # where it inserted, so appending the same lines again is no stray change (issue #23).
    old = "o:\n  - v: 2\n    kind: interim\nnext: 1\n"
    new = "o:\n  - v: 2\n    kind: interim\n  - v: 1\n    kind: interim\nnext: 1\n"
    ops = [ln.LineOp(3, 3, ("  - v: 1\n", "    kind: interim\n"))]
    assert ln.stray_changes(old, new, ops) == []


def test_line_check_refuses_a_line_merged_or_split_or_in_another_line_break() -> None:
    ops = [ln.LineOp(1, 1, ("x\n",))]
    assert ln.stray_changes("a\r\nb\r\n", "a\r\nx\nb\r\n", ops) == [2]
    split = [ln.LineOp(1, 2, ("B\rC\n",))]
    assert ln.stray_changes("a\nb\nc\n", "a\nB\rC\nc\n", split) == [2, 3]  # and c moved


def test_line_check_refuses_a_rewrite_that_loses_the_comment_it_meant_to_keep() -> None:
    ops = [ln.LineOp(0, 1, ("status: done\n",), kept=("status: ", "  # why\n"))]
    assert ln.stray_changes("status: planned  # why\n", "status: done\n", ops) == [1]


def test_comment_after_a_block_indicator_stays_when_the_block_is_replaced() -> None:
    text = LIST.replace("    status: planned\n", "    status: delayed\n    reason: >-  # varför\n"
                        "      lång\n      text\n\n")
    ed = editor(text)
    ed.set(("activities", 0, "reason"), "kort")
    assert ed.result().text == LIST.replace("    status: planned\n",
                                            "    status: delayed\n    reason: kort  # varför\n\n")
