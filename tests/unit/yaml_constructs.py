"""A corpus of YAML documents written to cover the YAML 1.2 spec's constructs.

Generated here (nothing copied from other projects' suites): every scalar style in
several places of a document (block mapping and sequence, nested, flow), collections
of every style nested in each other, comments everywhere, odd indentation, Unicode,
line endings, empty documents, the limits, and the errors the spec names. The fast
read path and the reference loader are compared on each (test_fast_loading.py).

    python -m tests.unit.yaml_constructs   # prints the number of documents by group
"""

from __future__ import annotations

from collections.abc import Iterator

# Scalars as they are written after "key: " (one line; multi-line ones below).
SCALARS = [
    # plain: words, Swedish, look-alikes of other types
    "text", "två ord", "Strängnäs kommun", "åäö ÅÄÖ", "x-y", "a:b", "a#b", "ends with colon:x",
    "-dash", "?query", ":colon", "50 %", "Polis & kommun", "fråga? svar", "hej!", "**fet**",
    "a, b", "a [b] c", "a {b} c", "url: no", "a ' b", 'a " b', "'", "1:20", "12:30:00",
    # plain: core schema
    "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
    "yes", "no", "on", "off", "y", "n", "Yes", "NO",
    "0", "12", "-12", "+12", "012", "0012", "007", "-0", "+0", "1.5", "-1.5", "+1.5", "1.", ".5",
    "-.5", "+.5", "0.0", "1e3", "1E3", "1.5e-3", "1.5E+3", "-2e2", ".5e1", "1e", "e1", "1.2.3",
    "1,000", "1 000", "999999999999999", "-999999999999999", "1000000000000000",
    "1000000000000001", "9999999999999999999999", "1e15", "1e16", "1e400", "1e-400",
    ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN", "0x1F", "0o17", "0b101", "1_000",
    "+0x1F", "0X1F", "0O17", "2024-01-30", "2024-1-3", "2024-01-30T10:00:00Z",
    "2024-01-30 10:00", "10:00", "0486", "0.5.1", "v1", "1a", "inf", "nan",
    # single-quoted
    "'text'", "''", "'it''s'", "'12'", "'true'", "'~'", "'# not a comment'", "'a: b'",
    "'\\n stays'", "'  spaces  '",
    # double-quoted, with every escape the spec names (and some it does not)
    '"text"', '""', '"12"', '"a\\"b"', '"a\\\\b"', '"\\/"', '"\\x41"', '"\\u00e9"',
    '"\\U0001F600"', '"tab\\there"', '"line\\nbreak"', '"\\r"', '"\\ "', '"\\_"', '"\\N"',
    '"\\L"', '"\\P"', '"\\0"', '"\\a"', '"\\b"', '"\\e"', '"\\f"', '"\\v"', '"\\u200b"',
    '"\\q"', '"\\x4"', '"\\u12"', '"\\U1234"', '"\\xZZ"', '"open',
    # properties, aliases, indicators
    "&a text", "*a", "!tag text", "!!str 12", "!!int 12", "!!int x", "!!float 1", "!!bool true",
    "!!null ~", "!!binary aGk=", "!<tag:yaml.org,2002:str> x", "! x", "&a", "@at", "`tick`",
    "%percent", "| inline", "> inline", "- item", "[a, b]", "{a: 1}", "[]", "{}", "[a, b,]",
    "{a: 1,}", "[a: 1]", "[?a]", '{"a":1}', "[a, [b, [c]]]", "{a: {b: {c: d}}}", "[a", "{a: 1",
    "a]", "a}", "[a, b] c", "[a]: b",
]

# Multi-line values, written after "key:" (each line indented by the context).
BLOCKS = [
    ["|", "  line one", "  line two"], ["|-", "  stripped"], ["|+", "  kept", "", ""],
    ["|", "  clipped", "", ""], [">", "  folded", "  into one", "", "  new paragraph"],
    [">-", "  folded", "  stripped"], [">+", "  folded kept", ""],
    [">", "  normal", "    more indented", "  normal again"], ["|2", "    two spaces kept"],
    ["|1-", "   one kept"], ["|+2", "    kept with indicator", ""], ["|2-", "    x"],
    ["|  # a comment on the header", "  text"], [">", "", "  leading blank line"],
    ["|", "  # not a comment", "  text"], ["|", "  ", "  only spaces above"],
    ["|", "  text", "   # indented comment-like line"], ["|", "text at wrong indent"],
    ["|0", "  zero indicator"], ["|10", "  too large indicator"], ["|-+", "  two chomps"],
    ["'multi", "  line single'"], ['"multi', "  line double"'"'], ['"folded \\', '  continued"'],
    ["plain on", "  two lines"], ["plain with", "", "  empty line"], ["'quote with", "", "  gap'"],
    ["  # only a comment", "  value"], ["", "  value after blank"],
    ["[a,", "  b]"], ["{a: 1,", "  b: 2}"], ["[", "  a,", "  # comment in flow", "  b", "]"],
    ["- a", "- b"], ["  - a", "  - b"], ["  a: 1", "  b: 2"], ["  a: 1", "   b: 2"],
    ["  a: 1", " b: 2"], ["  - a", " - b"], ["  - a: 1", "    b: 2"], ["  - - a", "    - b"],
    ["  - [a, b]", "  - {c: d}"], ["  ? a", "  : b"], ["  <<: {a: 1}"],
    ["  a: 1", "  a: 2"], ["  'a': 1", "  a: 2"], ['  "a": 1', "  'a': 2"],
    ["  - &x a", "  - *x"],
]

CONTEXTS = {
    "top": ("key: {v}", ""),
    "nested": ("outer:\n  key: {v}", "  "),
    "item": ("- {v}", "  "),
    "item-key": ("- key: {v}", "    "),
    "flow-seq": ("key: [{v}]", None),
    "flow-map": ("key: {{k: {v}}}", None),
}


def _scalars() -> Iterator[tuple[str, str]]:
    for name, (template, _indent) in CONTEXTS.items():
        for index, value in enumerate(SCALARS):
            yield f"scalar-{name}-{index}", template.format(v=value) + "\n"


def _blocks() -> Iterator[tuple[str, str]]:
    for index, lines in enumerate(BLOCKS):
        first, rest = lines[0], lines[1:]
        yield f"block-top-{index}", "\n".join([f"key: {first}".rstrip(), *rest, "after: 1", ""])
        nested = [f"  {line}" if line else "" for line in rest]
        yield f"block-nested-{index}", "\n".join(
            ["outer:", f"  key: {first}".rstrip(), *nested, "  after: 1", ""])
        items = [f"  {line}" if line else "" for line in rest]
        yield f"block-item-{index}", "\n".join([f"- {first}".rstrip(), *items, "- after", ""])


STRUCTURES = {
    "map": "a: 1\nb: two\n",
    "seq": "- a\n- b\n",
    "nested-deep": "a:\n  b:\n    c:\n      d: [e, {f: g}]\n",
    "indentless-seq": "a:\n- x\n- y\nb: 1\n",
    "indented-seq": "a:\n  - x\n  - y\n",
    "seq-of-maps": "- a: 1\n  b: 2\n- a: 3\n  b: 4\n",
    "seq-of-seqs": "- - a\n  - b\n- - c\n",
    "compact-nested": "- - - a\n",
    "map-of-seqs-of-maps": "list:\n  - id: a\n    tags: [x, y]\n  - id: b\n    tags: []\n",
    "one-space": "a:\n b:\n  c: 1\n",
    "three-space": "a:\n   b:\n      c: 1\n",
    "seven-space": "a:\n       b: 1\n       c: 2\n",
    "mixed-indent-levels": "a:\n  b: 1\nc:\n    d: 2\n",
    "flow-multiline": "a: [\n  1,\n  2\n]\n",
    "flow-map-multiline": "a: {\n  b: 1,\n  c: 2\n}\n",
    "flow-nested": "a: {b: [1, {c: [2, 3]}], d: {}}\n",
    "flow-top-seq": "[a, b, c]\n",
    "flow-top-map": "{a: 1, b: 2}\n",
    "json": '{"a": 1, "b": [true, null, "x"]}\n',
    "json-compact": '{"a":1,"b":[2,3]}\n',
    "top-scalar": "just text\n",
    "top-number": "12\n",
    "top-quoted": "'just text'\n",
    "top-block": "|\n  text\n",
    "empty-value": "a:\nb: 1\n",
    "empty-values": "a:\nb:\nc:\n",
    "empty-item": "-\n- a\n",
    "null-forms": "a: ~\nb: null\nc:\n",
    "key-quoted": "'a b': 1\n\"c d\": 2\n",
    "key-unicode": "åäö: 1\n日本: 2\n",
    "key-long-plain": "a very long key with spaces: 1\n",
    "key-with-colon": "'a: b': 1\n",
    "key-number-looking": "'1': a\n'true': b\n",
    "key-date": "2024-01-30: a\n",
    "comment-top": "# comment\na: 1\n",
    "comment-after-value": "a: 1 # comment\nb: x # comment\n",
    "comment-between": "a: 1\n# comment\nb: 2\n",
    "comment-in-seq": "- a\n# comment\n- b\n",
    "comment-indented": "a:\n  # comment\n  b: 1\n",
    "comment-after-key": "a: # comment\n  b: 1\n",
    "comment-end-no-newline": "a: 1\n# end",
    "comment-only-lines": "# one\n# two\na: 1\n# three\n",
    "comment-hash-no-space": "a: x#y\n",
    "comment-after-flow": "a: [1, 2] # comment\n",
    "comment-after-quoted": "a: 'x' # comment\n",
    "comment-deep": "a:\n  b:\n    # deep\n    c: 1\n",
    "comment-before-item-key": "-\n  # comment\n  a: 1\n",
    "no-final-newline": "a: 1",
    "blank-lines": "\n\na: 1\n\n\nb: 2\n\n",
    "trailing-spaces": "a: 1   \nb: x  \n",
    "crlf": "a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  t\r\n  u\r\n",
    "lone-cr": "a: 1\rb: 2\r",
    "mixed-endings": "a: 1\r\nb: 2\nc: 3\r",
    "crlf-folded": "a: >\r\n  one\r\n  two\r\n\r\n  three\r\n",
    "crlf-quoted": "a: 'one\r\n  two'\r\n",
    "astral": "a: 😀 emoji\nb: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n",
    "combining": "a: e\u0301\n",
    "rtl": "a: שלום\n",
    "cjk": "a: 日本語のテキスト\n",
    "nbsp": "a: x\u00a0y\n",
    "zero-width": "a: x\u200by\n",
    "bom-start": "\ufeffa: 1\n",
    "bom-middle": "a: 1\n\ufeffb: 2\n",
    "nonchar-fffe": "a: x\ufffe\n",
    "empty": "",
    "newline-only": "\n",
    "spaces-only": "   \n",
    "comment-only": "# nothing\n",
    "doc-start-only": "---\n",
    "doc-start-end": "---\n...\n",
    "null-doc": "~\n",
    "null-word-doc": "null\n",
    "doc-start": "---\na: 1\n",
    "doc-start-inline": "--- a: 1\n",
    "doc-end": "a: 1\n...\n",
    "doc-start-and-end": "---\na: 1\n...\n",
    "two-docs": "a: 1\n---\nb: 2\n",
    "two-docs-end": "a: 1\n...\n---\nb: 2\n",
    "content-after-end": "a: 1\n...\nb: 2\n",
    "directive-yaml": "%YAML 1.2\n---\na: 1\n",
    "directive-yaml11": "%YAML 1.1\n---\na: 1\n",
    "directive-tag": "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "directive-unknown": "%FOO bar\n---\na: 1\n",
    "directive-no-doc": "%YAML 1.2\na: 1\n",
    "anchor-alias": "a: &x 1\nb: *x\n",
    "anchor-map": "a: &x\n  b: 1\nc: *x\n",
    "anchor-only": "a: &x 1\n",
    "alias-undefined": "a: *x\n",
    "merge-key": "a: &x {b: 1}\nc:\n  <<: *x\n",
    "tag-local": "a: !local 1\n",
    "tag-map": "a: !!map {b: 1}\n",
    "tag-seq": "a: !!seq [1]\n",
    "tag-set": "a: !!set {b}\n",
    "tag-omap": "a: !!omap [b: 1]\n",
    "tag-timestamp": "a: !!timestamp 2024-01-30\n",
    "tag-key": "!!str a: 1\n",
    "complex-key": "? a\n: b\n",
    "complex-key-seq": "? [a, b]\n: c\n",
    "complex-key-map": "? {a: 1}\n: c\n",
    "flow-seq-key": "[a, b]: c\n",
    "flow-map-key": "{a: 1}: c\n",
    "int-key": "1: a\n",
    "float-key": "1.5: a\n",
    "bool-key": "true: a\n",
    "null-key": "~: a\nnull: b\n",
    "empty-key": ": a\n",
    "dup-key": "a: 1\na: 2\n",
    "dup-key-nested": "a:\n  b: 1\n  b: 2\n",
    "dup-key-quoted": "a: 1\n'a': 2\n",
    "dup-key-flow": "{a: 1, a: 2}\n",
    "dup-key-in-seq": "- a: 1\n  a: 2\n",
    "dup-key-differs-by-case": "a: 1\nA: 2\n",
    "dup-key-unicode-forms": "é: 1\ne\u0301: 2\n",
    "dup-key-far": "a: 1\nb: 2\nc: 3\na: 4\n",
    "bad-indent-dedent": "a:\n    b: 1\n  c: 2\n",
    "bad-indent-sibling": "a: 1\n b: 2\n",
    "bad-indent-seq": "a:\n  - x\n   - y\n",
    "bad-seq-after-map": "a: 1\n- b\n",
    "bad-map-after-seq": "- a\nb: 1\n",
    "bad-nested-colon": "a: b: c\n",
    "bad-unclosed-single": "a: 'open\n",
    "bad-unclosed-double": "a: \"open\n",
    "bad-unclosed-flow": "a: [1, 2\n",
    "bad-unclosed-flow-map": "a: {b: 1\n",
    "bad-stray-bracket": "a: 1]\n",
    "bad-stray-brace": "a: }\n",
    "bad-flow-dedent": "a: [1,\n2]\n",
    "bad-tab-indent": "a:\n\tb: 1\n",
    "bad-tab-after-colon": "a:\tb\n",
    "tab-in-value": "a: x\ty\n",
    "tab-in-quoted": "a: 'x\ty'\n",
    "tab-in-block": "a: |\n  x\ty\n",
    "tab-after-value": "a: 1\t\n",
    "tab-before-comment": "a: 1\t# c\n",
    "bad-invalid-escape": 'a: "\\q"\n',
    "bad-reserved-at": "a: @x\n",
    "bad-reserved-tick": "a: `x`\n",
    "bad-percent-mid": "a: 1\n%b: 2\n",
    "bad-dash-key": "- a\n  - b\n",
    "bad-quoted-then-text": "a: 'x' y\n",
    "bad-double-then-text": 'a: "x" y\n',
    "bad-block-header": "a: |x\n  y\n",
    "bad-key-only": "a\nb: 1\n",
    "bad-empty-flow-entry": "a: [1,,2]\n",
    "bad-colon-no-space-flow": "a: {b:1}\n",
    "flow-colon-quoted-key": 'a: {"b":1}\n',
    "plain-multiline-in-flow": "a: [one\n  two]\n",
    "plain-with-colon-in-flow": "a: [b:c]\n",
    "long-plain-line": "a: " + "word " * 400 + "\n",
    "long-key": "k" * 300 + ": 1\n",
    "many-items": "".join(f"- item {n}\n" for n in range(2000)),
    "many-keys": "".join(f"key{n}: {n}\n" for n in range(2000)),
    "wide-flow": "a: [" + ", ".join(str(n) for n in range(2000)) + "]\n",
    "deep-49": "".join("  " * n + f"k{n}:\n" for n in range(48)) + "  " * 48 + "v: 1\n",
    "deep-50": "".join("  " * n + f"k{n}:\n" for n in range(49)) + "  " * 49 + "v: 1\n",
    "deep-60": "".join("  " * n + f"k{n}:\n" for n in range(60)) + "  " * 60 + "v: 1\n",
    "deep-flow-49": "[" * 49 + "]" * 49 + "\n",
    "deep-flow-50": "[" * 50 + "]" * 50 + "\n",
    "deep-flow-300": "[" * 300 + "]" * 300 + "\n",
    "deep-compact-49": "- " * 49 + "a\n",
    "deep-compact-50": "- " * 50 + "a\n",
    "deep-compact-5000": "- " * 5000 + "a\n",
    "deep-mixed": "".join(" " * n + "- k:\n" for n in range(0, 100, 2)),
    "scalar-20000": "a: " + "x" * 20000 + "\n",
    "scalar-20001": "a: " + "x" * 20001 + "\n",
    "scalar-20001-folded": "a: >\n" + "  xxxxxxxxxx\n" * 1900 + "\n",
    "key-20001": "x" * 20001 + ": 1\n",
    "nodes-50000": "".join("- 1\n" for _ in range(49999)),
    "nodes-50001": "".join("- 1\n" for _ in range(50001)),
    "nodes-flow-50001": "[" + ",".join("1" for _ in range(50001)) + "]\n",
}


def documents() -> list[tuple[str, str]]:
    """Every corpus document as (name, text)."""
    return [*_scalars(), *_blocks(), *STRUCTURES.items()]


if __name__ == "__main__":
    groups: dict[str, int] = {}
    for name, _text in documents():
        groups[name.split("-")[0]] = groups.get(name.split("-")[0], 0) + 1
    print(len(documents()), groups)
