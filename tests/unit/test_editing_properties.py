"""Property tests: any text written by an edit reads back as itself, and only its line changes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.editing_support import COMMENTED
from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.roundtrip import Editor
from trygghet_cli.editing.scalars import render
from trygghet_cli.loading import load_bytes

# Text as a user could type it: anything but surrogates (which UTF-8 cannot hold) and the
# control characters and line separators data files refuse (tab and newline stay).
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\t\n"),
               max_size=40)
BASE = COMMENTED.read_text(encoding="utf-8").replace("\n", "\r\n")
BASE_DOC = load_bytes(BASE.encode("utf-8"), "activities.yaml").document


@settings(max_examples=300, deadline=None)
@given(TEXT)
@example("\ufffe")  # a noncharacter YAML refuses written out: it must be escaped
@example("a\uffffb")
def test_any_text_renders_to_a_scalar_that_reads_back_as_the_same_text(text: str) -> None:
    document = load_bytes(f"x: {render(text)}\n".encode(), "t.yaml").document
    assert document is not None
    assert document.data == {"x": text}


@settings(max_examples=150, deadline=None)
@given(TEXT.filter(bool), TEXT.filter(bool))
def test_replacing_and_inserting_text_changes_only_those_lines(title: str, note: str) -> None:
    assert BASE_DOC is not None
    editor = Editor(BASE_DOC, "activities")
    editor.set(("activities", 1, "title"), title)
    editor.set(("activities", 1, "status_note"), note)
    result = editor.result()
    document = load_bytes(result.text.encode("utf-8"), "activities.yaml").document
    assert document is not None
    assert document.data == result.expected
    assert ln.stray_changes(BASE, result.text, result.ops) == []
    old, new = ln.split_lines(BASE), ln.split_lines(result.text)
    assert len(new) == len(old) + 1
    assert all(line.endswith("\r\n") for line in new)


def test_control_characters_are_refused_with_their_code_before_anything_is_written() -> None:
    import pytest

    from trygghet_cli.errors import DataError

    for text, code in (("a\x1b[2Jb", "U\\+001B"), ("rad1\r\nrad2", "U\\+000D"), ("x\u2028", "U\\+2028")):
        with pytest.raises(DataError, match=code):
            render(text)
