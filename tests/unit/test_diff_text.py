"""diff's text printer: its shortcut for lines that fit gives exactly what textwrap gives."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from trygghet_cli.diff import as_text

_PIECES = st.sampled_from(["a", "ord", " ", "  ", "\t", "\n", "\r", "\x0c", "\u00a0", "å", "-", "x" * 30])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.sampled_from([0, 2, 4, 6]))
def test_a_line_is_wrapped_as_textwrap_wraps_it(pieces: list[str], indent: int) -> None:
    text = "".join(pieces)
    expected = textwrap.wrap(text, as_text.WIDTH, initial_indent=" " * indent,
                             subsequent_indent=" " * (indent + 4), break_long_words=False,
                             break_on_hyphens=False) or [" " * indent]
    assert as_text._wrap(text, indent) == expected
