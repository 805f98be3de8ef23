"""Every construct at every place in a document: the fast path's differential corpus.

The spec corpus (yaml_constructs.py) writes each construct once, in the middle of a file
that ends with a newline. The parsers differ most at the edges: a block scalar as the last
node of a file with no final newline, a whitespace-only last line, an empty block at the
end, a flow collection broken before its ':'. This generator places each construct (every
block-scalar indicator with every chomping and indentation indicator and many bodies,
flow collections broken over lines at every gap, quoted and plain scalars over several
lines, comments) as the first, middle or last node of a mapping or a list, at the top or
nested, and ends the file in every way a file can end. Written here; nothing is copied
from other projects' suites.

    python -m tests.unit.yaml_placements   # prints how many documents there are

`documents()` yields every combination once, in a fixed order; `sample(n)` a fixed,
evenly spread choice of n of them (the same n every run, so a failure is repeatable).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

# A construct: its first line (written after "key:" or "- ") and its further lines, each
# written relative to the indentation of the node that holds it ("" stays an empty line).
Construct = tuple[str, tuple[str, ...]]

# Bodies of block scalars, relative to the block's content indentation ("  " more: a more
# indented line; a line of spaces only: whitespace).
BODIES: list[tuple[str, ...]] = [
    (), ("x",), ("x", "y"), ("two words", "and more"), ("x", ""), ("x", "", ""), ("", "x"),
    ("", "", "x"), ("x", "", "y"), ("x", "  more", "y"), ("  more", "x"), ("x", "  more"),
    ("x", " "), ("x", "   "), ("x", "", " "), (" ",), ("",), ("", ""), ("#not comment",),
    ("x", "#not comment"), ("x #not comment",), ("2026-12-31",), ("x", "  ", "y"),
]
INDICATORS = ["|", ">"]
CHOMPING = ["", "-", "+"]
INDENTATION = ["", "1", "2", "4"]


def _block_constructs() -> Iterator[tuple[str, Construct]]:
    for style in INDICATORS:
        for chomp in CHOMPING:
            for indent in INDENTATION:
                heads = {f"{style}{indent}{chomp}", f"{style}{chomp}{indent}"}
                for head in sorted(heads):
                    step = int(indent) if indent else 2
                    for number, body in enumerate(BODIES):
                        lines = tuple(" " * step + line if line.strip() or line else ""
                                      for line in body)
                        yield f"block {head} body{number}", (head, lines)
                yield f"block {style}{chomp}{indent} comment", (f"{style}{chomp}{indent} # c",
                                                                 ("  x",))


# Flow collections as tokens; a document breaks them over lines at one gap (or at all),
# with the next line indented by 0, 1 or 2 more than the node, and a comment or not.
FLOWS: list[list[str]] = [
    ["{", "end", ":", " 2026-12-31", "}"],
    ["{", "a", ":", " 1", ",", " b", ":", " 2", "}"],
    ["[", "a", ",", " b", "]"],
    ["[", "2024-01-30", ",", " two words", "]"],
    ["{", "a", ":", " [", "1", ",", " 2", "]", ",", " b", ":", " {", "c", ":", " d", "}", "}"],
    ["[", "{", "a", ":", " 1", "}", ",", " {", "b", ":", " 2", "}", "]"],
    ["[", "a", ":", " 1", "]"],
    ["{", "a", ",", " b", "}"],
    ["[", "]"],
    ["{", "}"],
    ["[", "a", ",", "]"],
    ["{", "a", ":", " 1", ",", "}"],
    ["{", "two words", ":", " x y", "}"],
    ["[", "x", ",", " [", "y", "]", "]"],
]


def _flow_constructs() -> Iterator[tuple[str, Construct]]:
    for number, tokens in enumerate(FLOWS):
        yield f"flow{number} one line", ("".join(tokens), ())
        for gap in range(1, len(tokens)):
            for more in (0, 1, 2):
                for comment in ("", " # c"):
                    head = "".join(tokens[:gap]) + comment
                    tail = " " * more + "".join(tokens[gap:]).lstrip()
                    yield f"flow{number} break{gap} +{more}{comment}", (head, (tail,))
        lines = [tokens[0], *(" " * 2 + token.strip() for token in tokens[1:])]
        yield f"flow{number} every gap", (lines[0], tuple(lines[1:]))


SCALARS: list[tuple[str, Construct]] = [
    ("plain", ("text", ())),
    ("plain date", ("2026-12-31", ())),
    ("plain number", ("12", ())),
    ("plain empty", ("", ())),
    ("plain comment", ("x # c", ())),
    ("plain two lines", ("plain on", ("  two lines",))),
    ("plain gap", ("plain with", ("", "  gap",))),
    ("plain whitespace line", ("plain with", ("   ", "  spaces",))),
    ("plain next line", ("", ("  on the next line",))),
    ("plain date next line", ("", ("  2026-12-31",))),
    ("plain colon", ("a:b", ())),
    ("single", ("'text'", ())),
    ("single empty", ("''", ())),
    ("single two lines", ("'one", ("  two'",))),
    ("single gap", ("'one", ("", "  two'",))),
    ("single spaces", ("'one  ", ("    two'",))),
    ("double", ('"text"', ())),
    ("double two lines", ('"one', ('  two"',))),
    ("double gap", ('"one', ("", '  two"',))),
    # Quoted lines that look like a key or an entry where the node's siblings stand (the line
    # scan of positions must not take them for one).
    ("single key line", ("'one", ("a: 1'",))),
    ("double key line", ('"one', ('b: two"',))),
    ("single entry line", ("'one", ("- a'",))),
    ("double entry line", ('"one', ("", '- b"',))),
    ("comment before", ("", ("  # c", "  x"))),
    ("comment after", ("x", ("# c",))),
    ("comment indented after", ("x", ("  # c",))),
    ("comment then value", ("# c", ("  x",))),
    ("comment then mapping", ("# c", ("  a: 1", "  # c", "  b: 2"))),
    ("comment then list", ("# c", ("  - a", "  # c", "  - b"))),
    ("null", ("~", ())),
    ("list", ("", ("  - a", "  - b"))),
    ("list indentless", ("", ("- a", "- b"))),
    ("mapping", ("", ("  a: 1", "  b: |", "    x"))),
]


def constructs() -> list[tuple[str, Construct]]:
    """Every construct, named."""
    return [*_block_constructs(), *_flow_constructs(), *SCALARS]


# Where the construct stands: a template with {v} for its first line and the indentation
# of its node (the further lines are indented by it), and the siblings around it.
@dataclass(frozen=True, slots=True)
class Place:
    name: str
    before: str     # what comes before the construct's node in its container
    head: str       # the node's own start ("key:", "- ")
    indent: str     # indentation of the node's further lines
    siblings: tuple[str, str]  # a sibling written before and after (each a whole line)
    after: str      # what follows the container in the document ("" for nothing)


PLACES = [
    Place("top map", "", "key:", "", ("a: 1", "b: two"), ""),
    Place("nested map", "outer:\n", "  key:", "  ", ("  a: 1", "  b: two"), ""),
    Place("nested map then key", "outer:\n", "  key:", "  ", ("  a: 1", "  b: two"), "c: 3"),
    Place("list", "", "-", "  ", ("- a", "- b"), ""),
    Place("list item key", "", "- key:", "    ", ("- a", "- b"), ""),
    Place("nested list", "items:\n", "  -", "    ", ("  - a", "  - b"), ""),
    Place("indentless list", "items:\n", "-", "  ", ("- a", "- b"), ""),
    Place("item mapping", "- id: x\n", "  key:", "    ", ("  a: 1", "  b: two"), "- id: y"),
]
POSITIONS = ["first", "middle", "last"]
# How the file ends after its last line.
ENDINGS = ["\n", "", "\n\n", "\n  \n", "\n \n\n", "\n    ", "\n# end\n", "\n  # end", "\n\n"
           "# end", "\r\n"]


def _node(place: Place, construct: Construct) -> str:
    first, rest = construct
    head = f"{place.head} {first}" if first else place.head
    lines = [head.rstrip() if not first.strip() else head]
    lines += [place.indent + line if line else "" for line in rest]
    return "\n".join(lines)


def document(place: Place, position: str, construct: Construct, ending: str) -> str:
    """One document: the construct at position in place's container, ended by ending."""
    node = _node(place, construct)
    first, second = place.siblings
    body = {"first": [node, first, second], "middle": [first, node, second],
            "last": [first, second, node]}[position]
    lines = [place.before.rstrip("\n")] if place.before else []
    lines += body + ([place.after] if place.after else [])
    text = "\n".join(lines)
    if ending == "\r\n":
        return text.replace("\n", "\r\n") + "\r\n"
    return text + ending


def documents() -> Iterator[tuple[str, str]]:
    """Every combination of construct, place, position and ending, named, in a fixed order."""
    for name, construct in constructs():
        for place in PLACES:
            for position in POSITIONS:
                for number, ending in enumerate(ENDINGS):
                    yield f"{name} @ {place.name} {position} end{number}", document(
                        place, position, construct, ending)


def count() -> int:
    return len(constructs()) * len(PLACES) * len(POSITIONS) * len(ENDINGS)


def sample(size: int, seed: int = 2026) -> list[tuple[str, str]]:
    """A fixed choice of size documents: each construct as the last node of a file at least
    once (where the parsers differ most), then evenly chosen combinations; every document
    when size is the whole count or more, then pairs of constructs in one file to reach it."""
    every = list(documents())
    if size >= len(every):
        return every + _pairs(size - len(every), seed)
    chooser = random.Random(seed)
    chosen: dict[str, str] = {}
    for name, construct in constructs():
        place = chooser.choice(PLACES)
        ending = chooser.choice(ENDINGS)
        chosen[f"{name} @ {place.name} last"] = document(place, "last", construct, ending)
    for name, text in chooser.sample(every, max(0, size - len(chosen))):
        chosen.setdefault(name, text)
    return list(chosen.items())[:size]


def _pairs(size: int, seed: int) -> list[tuple[str, str]]:
    """Documents holding two constructs, in two keys of a mapping, and an ending."""
    chooser = random.Random(seed)
    every = constructs()
    pairs = []
    for number in range(size):
        (one, first), (two, second) = chooser.choice(every), chooser.choice(every)
        ending = chooser.choice(ENDINGS)
        top = PLACES[0]
        text = "\n".join([_node(top, first).replace("key:", "one:", 1),
                          _node(top, second).replace("key:", "two:", 1)])
        pairs.append((f"pair{number} {one} + {two}", text + ending))
    return pairs


if __name__ == "__main__":
    print(len(constructs()), "constructs,", count(), "documents")
