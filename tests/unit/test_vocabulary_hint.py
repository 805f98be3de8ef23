"""The loader reads a data file's words as codes only when a cheap search says the file may
hold one (vocabulary.canonical): that search, one per key, finds exactly what one search for
every key at once finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from trygghet_cli import vocabulary

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    files = sorted((ROOT / "data").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    texts = []
    for path in files:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    words = sorted({w for key in vocabulary.BY_KEY for w in vocabulary._words(key)})
    pieces = [*vocabulary.BY_KEY, *words, ":", " ", "\n", '"', "'", "x", "\t", ": ", "\u00a0", "su"]
    chooser = random.Random(2026)
    texts += ["".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 8)))
              for _ in range(5_000)]
    return texts


def test_the_search_per_key_finds_what_one_search_for_every_key_finds() -> None:
    every = re.compile(vocabulary.hint_pattern(list(vocabulary.BY_KEY)))
    found = 0
    for text in _texts():
        expected = every.search(text) is not None
        assert vocabulary._hinted(text) == expected, text
        found += expected
    assert found > 10
