"""Generate the corpus of malformed and unusual YAML documents in tests/fixtures/corpus/.

Each document is written as bytes, so encodings, BOMs and control characters
survive. Most are small edits of the minimal root's valid activity list, so a
document that should be accepted really is valid data. `expected.json` records,
per file, the finding code that must be reported (or "ok") and the line it must
point at (0 when the case has no one line).

Regenerate after changing this script, then review the diff:

    python -m tests.reliability.corpus
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
CORPUS = FIXTURES / "corpus"
BASE = (FIXTURES / "minimal" / "activities" / "2024-2025.yaml").read_bytes()


@dataclass(frozen=True, slots=True)
class Doc:
    """One corpus document: its name, bytes, the code it must yield, and the line."""

    name: str
    content: bytes
    code: str
    line: int = 0


def line_of(content: bytes, marker: bytes) -> int:
    """1-based line of the first occurrence of marker (counting LF, CRLF or lone CR)."""
    head = content[: content.index(marker)]
    return head.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def edit(name: str, old: bytes, new: bytes, code: str, marker: bytes | None = None) -> Doc:
    """The valid base with old replaced by new; the expected line is where marker stands."""
    assert old in BASE, old
    content = BASE.replace(old, new, 1)
    line = line_of(content, marker if marker is not None else new) if code != "ok" else 0
    return Doc(name, content, code, line)


def _predecessor_cycle() -> Doc:
    content = BASE.replace(b"    due: 2024-11-30\n", b"    due: 2024-11-30\n    predecessor: a-2\n")
    content = content.replace(b"    due: 2025-06-30\n", b"    due: 2025-06-30\n    predecessor: a-1\n")
    return Doc("predecessor-cycle", content, "TRY409", line_of(content, b"predecessor: a-2"))


def whole(name: str, content: bytes, code: str, line: int = 0) -> Doc:
    return Doc(name, content, code, line)


def _syntax() -> list[Doc]:
    title = b"    title: Trygghetsvandringar\n"
    return [
        edit("unclosed-flow-sequence", b"pledges: [ml-1]", b"pledges: [ml-1", "TRY101", b"owners"),
        edit("unclosed-flow-mapping", b"pledges: [ml-1]", b"pledges: {a: 1", "TRY101", b"owners"),
        edit("stray-closing-bracket", b"pledges: [ml-1]", b"pledges: ml-1]", "TRY203", b"ml-1]"),
        edit("key-colon-value-colon", title, b"    title: a: b\n", "TRY101", b"a: b"),
        edit("bad-indentation", b"    pledges: [ml-1]\n", b"      pledges: [ml-1]\n", "TRY101",
             b"pledges: [ml-1]"),
        edit("dedented-key", b"    owners: [trygghetssamordnare]\n",
             b"   owners: [trygghetssamordnare]\n", "TRY101", b"owners"),
        edit("unclosed-double-quote", title, b'    title: "Trygghet\n', "TRY101", b'"Trygghet'),
        edit("unclosed-single-quote", title, b"    title: 'Trygghet\n", "TRY101", b"'Trygghet"),
        edit("tab-indentation", b"    pledges: [ml-1]\n", b"\tpledges: [ml-1]\n", "TRY101",
             b"\tpledges"),
        edit("invalid-escape", title, b'    title: "a \\q b"\n', "TRY101", b"a \\q"),
        edit("reserved-at-sign", title, b"    title: @home\n", "TRY101", b"@home"),
        edit("reserved-backtick", title, b"    title: `cmd`\n", "TRY101", b"`cmd`"),
        edit("sequence-item-in-mapping", title, b"    title: x\n    - y\n", "TRY101", b"- y"),
        edit("bad-block-indicator", title, b"    title: |0\n      x\n", "TRY101", b"|0"),
        edit("comment-without-space", b"status: done", b"status: done#x #y", "TRY204",
             b"status"),
        edit("flow-mapping-missing-comma", b"pledges: [ml-1]", b"pledges: {a: 1 b: 2}", "TRY101",
             b"{a: 1 b"),
        whole("document-end-then-content", BASE + b"...\nid: x\n", "TRY101", line_of(
            BASE + b"...\nid: x\n", b"id: x\n")),
        whole("plain-text-file", b"Det h\xc3\xa4r \xc3\xa4r ingen YAML-fil.\n", "TRY203", 1),
        whole("root-is-a-list", b"- a\n- b\n", "TRY203", 1),
        whole("root-is-a-number", b"42\n", "TRY203", 1),
        whole("root-is-empty-mapping", b"{}\n", "TRY202", 1),
        whole("root-block-scalar", b"--- |\n  text\n", "TRY203", 1),
        whole("ini-file", b"[section]\nkey=value\n", "TRY101", 2),
        whole("json-document", b'{"id": "al-x", "pledge_set": "ml-2024-2025", "activities": []}\n',
              "ok"),
        whole("windows-ini-with-crlf", b"[a]\r\nb=c\r\n", "TRY101", 2),
    ]


def _encodings() -> list[Doc]:
    text = BASE.decode("utf-8")
    latin = BASE.replace(b"Trygghetsvandringar", "Trygghetsvandringar f\xf6r alla".encode("latin-1"))
    cp1252 = BASE.replace(b"title: Hastighetskontroller", b"title: \x93Hastighet\x94")
    return [
        whole("utf8-bom", b"\xef\xbb\xbf" + BASE, "ok"),
        whole("utf8-bom-crlf", b"\xef\xbb\xbf" + BASE.replace(b"\n", b"\r\n"), "ok"),
        whole("utf16-le-bom", text.encode("utf-16"), "TRY002", 1),
        whole("utf16-be-bom", b"\xfe\xff" + text.encode("utf-16-be"), "TRY002", 1),
        whole("utf32-le-bom", text.encode("utf-32"), "TRY002", 1),
        whole("utf32-be-bom", b"\x00\x00\xfe\xff" + text.encode("utf-32-be"), "TRY002", 1),
        whole("utf16-le-without-bom", text.encode("utf-16-le"), "TRY004", 1),
        whole("latin1-o-umlaut", latin, "TRY002", line_of(latin, b"\xf6r alla")),
        whole("cp1252-smart-quotes", cp1252, "TRY002", line_of(cp1252, b"\x93Hast")),
        edit("invalid-continuation-byte", b"Hastighetskontroller", b"Hastighets\xc3\x28kontroller",
             "TRY002", b"\xc3\x28"),
        whole("truncated-multibyte-at-end", BASE + b"# \xe2\x82", "TRY002", line_of(BASE + b"# \xe2",
                                                                                     b"# \xe2")),
        edit("overlong-slash", b"Hastighetskontroller", b"Hastighets\xc0\xafkontroller", "TRY002",
             b"\xc0"),
        edit("encoded-surrogate", b"Hastighetskontroller", b"Hastighets\xed\xa0\x80kontroller",
             "TRY002", b"\xed"),
        edit("byte-ff", b"Hastighetskontroller", b"Hastighets\xffkontroller", "TRY002", b"\xff"),
        whole("double-utf8-bom", b"\xef\xbb\xbf\xef\xbb\xbf" + BASE, "TRY005", 1),
    ]


def _controls() -> list[Doc]:
    title = b"    title: Hastighetskontroller\n"
    return [
        edit("nul-in-value", b"Hastighetskontroller", b"Hastighets\x00kontroller", "TRY004", b"\x00"),
        whole("nul-at-end", BASE + b"\x00", "TRY004", line_of(BASE + b"\x00", b"\x00")),
        edit("soh-in-value", b"Hastighetskontroller", b"Hastighets\x01kontroller", "TRY004", b"\x01"),
        edit("ansi-escape-in-value", b"Hastighetskontroller", b"\x1b[31mHastighet\x1b[0m", "TRY004",
             b"\x1b"),
        edit("del-in-value", b"Hastighetskontroller", b"Hastighets\x7fkontroller", "TRY004", b"\x7f"),
        edit("nel-in-plain-scalar", b"Hastighetskontroller", b"Hastighets\xc2\x85kontroller",
             "TRY004", b"\xc2\x85"),
        edit("csi-c1-in-value", b"Hastighetskontroller", b"Hastighets\xc2\x9bkontroller", "TRY004",
             b"\xc2\x9b"),
        edit("form-feed-line", title, title + b"\x0c\n", "TRY004", b"\x0c"),
        edit("vertical-tab", b"Hastighetskontroller", b"Hastighets\x0bkontroller", "TRY004", b"\x0b"),
        edit("escaped-nul", title, b'    title: "Hastighets\\0kontroller"\n', "TRY004", b"\\0"),
        edit("escaped-ansi-escape", title, b'    title: "\\e[2J\\e[HHastighet"\n', "TRY004",
             b"\\e[2J"),
        edit("escaped-ansi-in-key", title, title + b'    "\\e[31mred": x\n', "TRY004", b"\\e[31m"),
        edit("escaped-bell", title, b'    title: "Hastighet\\a"\n', "TRY004", b"\\a"),
        edit("escaped-nel", title, b'    title: "Hastighet\\Nkontroller"\n', "TRY004", b"\\N"),
        edit("escaped-c1-hex", title, b'    title: "Hastighet\\x85"\n', "TRY004", b"\\x85"),
        edit("escaped-lone-surrogate", title, b'    title: "Hastighet\\ud800"\n', "TRY101",
             b"\\ud800"),
        edit("escaped-surrogate-pair-halves", title, b'    title: "\\ud83d\\ude00"\n', "TRY101",
             b"\\ud83d"),
        edit("noncharacter-fffe", b"Hastighetskontroller", "Hastighet\ufffe".encode(), "TRY101",
             "\ufffe".encode()),
    ]


def _invisible_and_unicode() -> list[Doc]:
    def u(text: str) -> bytes:
        return text.encode("utf-8")

    return [
        edit("zero-width-space-in-key", b"    status: ongoing", u("    sta\u200btus: ongoing"), "TRY005",
             u("\u200b")),
        edit("zero-width-joiner-in-id", b"id: a-2", u("id: a-\u200d2"), "TRY005", u("\u200d")),
        edit("bom-in-middle-of-key", b"    due: 2025-06-30", u("    \ufeffdue: 2025-06-30"), "TRY005",
             u("\ufeff")),
        edit("right-to-left-override-in-title", b"Hastighetskontroller", u("\u202eHastighet"),
             "TRY005", u("\u202e")),
        edit("bidi-isolate-in-title", b"Hastighetskontroller", u("\u2066Hastighet\u2069"), "TRY005",
             u("\u2066")),
        edit("word-joiner", b"Hastighetskontroller", u("Hastighet\u2060kontroller"), "TRY005",
             u("\u2060")),
        edit("escaped-zero-width-in-id", b"id: a-2", b'id: "a-\\u200b2"', "TRY005", b"\\u200b"),
        edit("emoji-in-title", b"Hastighetskontroller", u("Hastighetskontroller \U0001f6a8"), "ok"),
        edit("combining-characters", b"Hastighetskontroller", u("Hastighe\u0301tskontroller"), "ok"),
        edit("arabic-text", b"Hastighetskontroller", u("\u0645\u0631\u0627\u0642\u0628\u0629"), "ok"),
        edit("cjk-text", b"Hastighetskontroller", u("\u901f\u5ea6\u63a7\u5236"), "ok"),
        edit("replacement-character", b"Hastighetskontroller", u("Hastighet\ufffd"), "ok"),
        edit("line-separator-in-title", b"Hastighetskontroller", u("Hastighet\u2028kontroll"), "TRY004",
             u("\u2028")),
        edit("cyrillic-homoglyph-key", b"    status: ongoing", u("    st\u0430tus: ongoing"), "TRY201",
             u("st\u0430tus")),
        edit("fullwidth-digits-in-date", b"due: 2025-06-30", u("due: \uff12\uff10\uff12\uff15-06-30"),
             "TRY205", u("due: \uff12")),
        edit("arabic-indic-digits-in-completed", b"completed: 2024-10-15",
             u("completed: \u0662\u0660\u0662\u0664"), "TRY205", b"completed"),
        edit("non-breaking-space-in-status", b"status: ongoing", u("status: ongoing\u00a0"), "TRY204",
             b"status: ongoing"),
        edit("private-use-character", b"Hastighetskontroller", u("Hastighet\ue000"), "ok"),
        edit("astral-plane-math", b"Hastighetskontroller", u("\U0001d54f\U0001d552"), "ok"),
    ]


def _line_endings() -> list[Doc]:
    mixed = BASE.replace(b"\n", b"\r\n", 10)
    return [
        whole("crlf-line-endings", BASE.replace(b"\n", b"\r\n"), "ok"),
        whole("lone-cr-line-endings", BASE.replace(b"\n", b"\r"), "ok"),
        whole("mixed-line-endings", mixed, "ok"),
        whole("no-final-newline", BASE.rstrip(b"\n"), "ok"),
        whole("trailing-spaces", BASE.replace(b"\n", b"   \n"), "ok"),
        whole("many-blank-lines", BASE.replace(b"activities:\n", b"activities:\n" + b"\n" * 500), "ok"),
        whole("crlf-with-tab-indent", BASE.replace(b"\n", b"\r\n").replace(b"    pledges", b"\tpledges",
                                                                            1), "TRY101",
              line_of(BASE, b"    pledges")),
    ]


def _directives_and_tags() -> list[Doc]:
    title = b"    title: Hastighetskontroller\n"
    return [
        whole("yaml-1-1-directive", b"%YAML 1.1\n---\n" + BASE, "TRY105", 1),
        whole("yaml-1-2-directive", b"%YAML 1.2\n---\n" + BASE, "TRY105", 1),
        whole("yaml-1-3-directive", b"%YAML 1.3\n---\n" + BASE, "TRY101", 1),
        whole("yaml-2-0-directive", b"%YAML 2.0\n---\n" + BASE, "TRY101", 1),
        whole("tag-directive", b"%TAG !e! tag:example.com,2000:\n---\n" + BASE, "TRY105", 1),
        whole("unknown-directive", b"%FOO bar\n---\n" + BASE, "TRY101", 1),
        whole("directive-without-document-start", b"%YAML 1.2\n" + BASE, "TRY101", 3),
        edit("python-object-apply", title, b'    title: !!python/object/apply:os.system ["echo pwned"]\n',
             "TRY104", b"!!python"),
        edit("python-name", title, b"    title: !!python/name:os.system\n", "TRY104", b"!!python"),
        edit("python-object-new", title, b"    title: !!python/object/new:subprocess.Popen [[ls]]\n",
             "TRY104", b"!!python"),
        edit("include-tag", title, b"    title: !include /etc/passwd\n", "TRY104", b"!include"),
        edit("env-tag", title, b"    title: !env SECRET\n", "TRY104", b"!env"),
        edit("binary-tag", title, b"    title: !!binary aGVsbG8=\n", "TRY104", b"!!binary"),
        edit("timestamp-tag", b"due: 2025-06-30", b"due: !!timestamp 2025-06-30", "TRY104", b"!!timestamp"),
        edit("set-tag", b"pledges: [ml-2]", b"pledges: !!set {ml-2: null}", "TRY104", b"!!set"),
        edit("omap-tag", b"pledges: [ml-2]", b"pledges: !!omap [a: 1]", "TRY104", b"!!omap"),
        edit("str-tag", b"title: Hastighetskontroller", b"title: !!str Hastighetskontroller", "ok"),
        edit("verbatim-str-tag", b"title: Hastighetskontroller",
             b"title: !<tag:yaml.org,2002:str> Hastighetskontroller", "ok"),
        edit("non-specific-tag", b"title: Hastighetskontroller", b"title: ! Hastighetskontroller", "ok"),
        edit("bool-tag-on-word", b"title: Hastighetskontroller", b"title: !!bool yes", "TRY110",
             b"!!bool"),
        edit("int-tag-on-text", b"value: 4", b"value: !!int four", "TRY110", b"!!int"),
        edit("float-tag-on-int", b"value: 4", b"value: !!float 4", "ok"),
        edit("null-tag-on-text", b"title: Hastighetskontroller", b"title: !!null x", "TRY110", b"!!null"),
        edit("local-tag-on-mapping", b"      - id: t1\n        kind: qualitative",
             b"      - !thing\n        id: t1\n        kind: qualitative", "TRY104", b"!thing"),
        edit("merge-tag", b"title: Hastighetskontroller", b"title: !!merge x", "TRY104", b"!!merge"),
    ]


def _anchors() -> list[Doc]:
    laughs = [b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 9):
        ref = b", ".join([b"*a%d" % (level - 1)] * 9)
        laughs.append(b"a%d: &a%d [%s]" % (level, level, ref))
    bomb = b"\n".join(laughs) + b"\n"
    return [
        edit("anchor-on-value", b"pledges: [ml-2]", b"pledges: &p [ml-2]", "TRY103", b"&p"),
        edit("alias-to-value", b"parties: [polis]", b"parties: *p",
             "TRY103", b"*p"),
        whole("billion-laughs", bomb, "TRY103", 1),
        edit("merge-key", b"    title: Hastighetskontroller\n",
             b"    title: Hastighetskontroller\n    <<: *base\n", "TRY103", b"*base"),
        edit("merge-key-inline-anchor", b"  - id: a-2\n",
             b"  - &base\n    id: a-2\n", "TRY103", b"&base"),
        edit("undefined-alias", b"parties: [polis]", b"parties: *nope", "TRY103", b"*nope"),
        edit("alias-as-key", b"    title: Hastighetskontroller\n",
             b"    title: Hastighetskontroller\n    *k : x\n", "TRY103", b"*k"),
        whole("recursive-alias", b"a: &a [*a]\n", "TRY103", 1),
        edit("anchor-on-mapping", b"  - id: a-2\n", b"  - &m\n    id: a-2\n", "TRY103", b"&m"),
        edit("anchor-reused", b"parties: [polis]", b"parties: [&x polis, &x polis]", "TRY103", b"&x"),
        edit("alias-copies-internal-note", b"    status: ongoing\n",
             b"    status: ongoing\n    internal_notes: &n hemligt\n    description: *n\n", "TRY103",
             b"&n"),
    ]


def _keys() -> list[Doc]:
    title = b"    title: Hastighetskontroller\n"
    return [
        edit("complex-key-sequence", title, title + b"    ? [a, b]\n    : c\n", "TRY109", b"[a, b]"),
        edit("flow-mapping-as-key", title, title + b"    {a: 1}: x\n", "TRY109", b"{a: 1}"),
        edit("integer-key", title, title + b"    1: a\n", "TRY109", b"1: a"),
        edit("float-key", title, title + b"    1.5: a\n", "TRY109", b"1.5: a"),
        edit("boolean-key", title, title + b"    true: a\n", "TRY109", b"true: a"),
        edit("null-key-tilde", title, title + b"    ~: a\n", "TRY109", b"~: a"),
        edit("null-key-word", title, title + b"    null: a\n", "TRY109", b"null: a"),
        edit("empty-explicit-key", title, title + b"    ?\n    : a\n", "TRY109", b"?\n"),
        edit("nested-complex-key-4fj6", title, title + b"    ? [a, [b, c]]: d\n", "TRY109", b"? ["),
        edit("empty-string-key", title, title + b'    "": a\n', "TRY201", b'"": a'),
        edit("duplicate-key", title, title + b"    title: igen\n", "TRY102", b"title: igen"),
        edit("duplicate-key-quoted", title, title + b'    "title": igen\n', "TRY102", b'"title"'),
        edit("duplicate-key-single-quoted", title, title + b"    'title': igen\n", "TRY102",
             b"'title'"),
        edit("duplicate-top-level-id", b"pledge_set: ml-2024-2025\n",
             b"pledge_set: ml-2024-2025\nid: igen\n", "TRY102", b"id: igen"),
        edit("duplicate-null-keys", title, title + b"    ~: a\n    null: b\n", "TRY109", b"~: a"),
        edit("key-with-trailing-space", b"    status: ongoing", b'    "status ": ongoing', "TRY201",
             b'"status '),
        edit("typo-key", b"    status: ongoing", b"    stauts: ongoing", "TRY201", b"stauts"),
        edit("key-over-1024-characters", title, title + b"    " + b"k" * 5000 + b": v\n", "TRY101", b"kkk"),
    ]


def _documents_and_empty() -> list[Doc]:
    return [
        whole("two-documents", BASE + b"---\nid: x\n", "TRY106", line_of(BASE + b"---\n", b"---\n")),
        whole("second-document-empty", BASE + b"---\n", "TRY106", line_of(BASE + b"---\n", b"---\n")),
        whole("three-documents", b"---\na: 1\n---\nb: 2\n---\nc: 3\n", "TRY106", 3),
        whole("explicit-start-and-end", b"---\n" + BASE + b"...\n", "ok"),
        whole("empty-file", b"", "TRY003", 1),
        whole("only-whitespace", b"   \n\n  \n", "TRY003", 1),
        whole("only-comments", b"# nothing here\n# yet\n", "TRY003", 1),
        whole("only-document-start", b"---\n", "TRY003", 1),
        whole("only-document-end", b"...\n", "TRY101", 1),
        whole("root-null-tilde", b"~\n", "TRY003", 1),
        whole("root-null-word", b"null\n", "TRY003", 1),
        whole("only-bom", b"\xef\xbb\xbf", "TRY003", 1),
        whole("only-newlines-crlf", b"\r\n\r\n", "TRY003", 1),
    ]


def _numbers() -> list[Doc]:
    return [
        edit("huge-integer-5000-digits", b"value: 4", b"value: " + b"9" * 5000, "TRY110", b"value: 999"),
        edit("integer-4301-digits", b"value: 4", b"value: 1" + b"0" * 4300, "TRY110", b"value: 100"),
        edit("integer-400-digits", b"value: 4", b"value: 1" + b"0" * 399, "TRY110", b"value: 100"),
        edit("huge-hex-integer", b"value: 4", b"value: 0x" + b"f" * 400, "TRY110", b"value: 0x"),
        edit("huge-octal-integer", b"value: 4", b"value: 0o" + b"7" * 500, "TRY110", b"value: 0o"),
        edit("float-overflow", b"value: 4", b"value: 1e999", "TRY110", b"1e999"),
        edit("float-just-too-large", b"value: 4", b"value: 1.8e308", "TRY110", b"1.8e308"),
        edit("float-largest", b"value: 4", b"value: 1.7e308", "TRY110", b"1.7e308"),
        edit("positive-infinity", b"value: 4", b"value: .inf", "TRY110", b".inf"),
        edit("negative-infinity", b"value: 4", b"value: -.inf", "TRY110", b"-.inf"),
        edit("not-a-number", b"value: 4", b"value: .nan", "TRY110", b".nan"),
        edit("not-a-number-upper", b"value: 4", b"value: .NaN", "TRY110", b".NaN"),
        edit("quoted-nan-in-outcome", b"value: 5", b'value: "NaN"', "ok"),
        edit("negative-zero", b"value: 4", b"value: -0.0", "ok"),
        edit("tiny-float", b"value: 4", b"value: 1e-400", "ok"),
        edit("octal-yaml-1-1-style", b"value: 4", b"value: 0777", "ok"),
        edit("underscore-number", b"value: 4", b"value: 1_000", "TRY203", b"value: 1_000"),
        edit("sexagesimal", b"value: 4", b"value: 1:30", "TRY203", b"value: 1:30"),
        edit("number-as-id", b"id: a-2", b"id: 12", "TRY203", b"id: 12"),
        edit("boolean-status", b"status: ongoing", b"status: true", "TRY204", b"status: true"),
        edit("norway-status", b"status: ongoing", b"status: no", "TRY204", b"status: no"),
        edit("negative-target", b"value: 4", b"value: -4", "TRY207", b"value: -4"),
    ]


def _nesting_and_size() -> list[Doc]:
    def nested_seq(depth: int) -> bytes:
        return b"".join(b"  " * i + b"-\n" for i in range(depth - 1)) + b"  " * (depth - 1) + b"- x\n"

    def nested_map(depth: int) -> bytes:
        return b"".join(b"  " * i + b"a:\n" for i in range(depth - 1)) + b"  " * (depth - 1) + b"a: 1\n"

    title = b"    title: Hastighetskontroller\n"
    return [
        whole("flow-brackets-5000", b"[" * 5000 + b"]" * 5000 + b"\n", "TRY107", 1),
        whole("flow-brackets-unclosed-100000", b"[" * 100_000 + b"\n", "TRY107", 1),
        whole("flow-braces-3000", b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n", "TRY107", 1),
        whole("block-sequence-300-deep", nested_seq(300), "TRY107", 51),
        whole("block-mapping-300-deep", nested_map(300), "TRY107", 50),
        whole("nesting-49-levels", nested_map(49), "TRY201", 1),
        edit("long-title-20001", b"Hastighetskontroller", b"H" * 20_001, "TRY108", b"HHH"),
        edit("long-title-20000", b"Hastighetskontroller", b"H" * 20_000, "ok"),
        edit("long-comment-line", title, b"    # " + b"x" * 200_000 + b"\n" + title, "ok"),
        edit("long-folded-title", title, b"    title: >\n" + b"      ord ord ord\n" * 1000, "ok"),
        edit("long-quoted-key", title, title + b'    "' + b"q" * 30_000 + b'": 1\n', "TRY101", b'"qqq'),
        edit("thousands-of-places", b"    due: 2025-06-30",
             b"    places: [" + b", ".join(b"p%d" % i for i in range(5000)) + b"]\n    due: 2025-06-30",
             "ok"),
    ]


def _schema_values() -> list[Doc]:
    return [
        edit("impossible-date", b"due: 2025-06-30", b"due: 2025-02-30", "TRY205", b"due: 2025-02-30"),
        edit("month-thirteen", b"due: 2025-06-30", b"due: 2025-13-01", "TRY205", b"due: 2025-13"),
        edit("two-digit-year", b"due: 2025-06-30", b"due: 25-06-30", "TRY205", b"due: 25"),
        edit("date-with-time", b"due: 2025-06-30", b"due: 2025-06-30T10:00:00", "TRY205", b"due: 2025"),
        edit("date-basic-format", b"due: 2025-06-30", b"due: '20250630'", "TRY205", b"due: '2025"),
        edit("iso-week-date", b"due: 2025-06-30", b"due: 2025-W26-1", "TRY205", b"due: 2025-W"),
        edit("date-with-newline-block", b"due: 2025-06-30", b"due: |\n      2025-06-30", "TRY205",
             b"due: |"),
        edit("completed-with-trailing-newline", b"completed: 2024-10-15",
             b"completed: |\n      2024-10-15", "TRY205", b"completed: |"),
        edit("id-with-trailing-newline", b"id: a-2", b"id: |\n      a-2", "TRY206", b"id: |"),
        edit("id-path-traversal", b"id: a-2", b"id: ../../etc/x", "TRY206", b"id: ../"),
        edit("id-with-space", b"id: a-2", b'id: "a 2"', "TRY206", b'id: "a 2"'),
        edit("id-windows-device", b"id: a-2", b"id: CON", "TRY206", b"id: CON"),
        edit("id-65-characters", b"id: a-2", b"id: " + b"a" * 65, "TRY206", b"id: aaa"),
        edit("status-capitalised", b"status: ongoing", b"status: Ongoing", "TRY204", b"status: Ongoing"),
        edit("status-trailing-space", b"status: ongoing", b'status: "ongoing "', "TRY204",
             b"status: \""),
        edit("status-swedish", b"status: ongoing", "status: pågår".encode(), "ok"),
        edit("status-no-word", b"status: ongoing", b"status: halvklar", "TRY204", b"status: h"),
        edit("title-empty", b"title: Hastighetskontroller", b'title: ""', "TRY208", b'title: ""'),
        edit("title-null", b"title: Hastighetskontroller", b"title:", "TRY203", b"title:\n"),
        edit("title-list", b"title: Hastighetskontroller", b"title: [a, b]", "TRY203", b"title: ["),
        edit("title-mapping", b"title: Hastighetskontroller", b"title: {a: b}", "TRY203", b"title: {"),
        edit("activities-mapping", b"activities:\n  - id: a-1", b"activities:\n  a:\n  - id: a-1",
             "TRY203", b"  a:\n"),
        edit("pledges-string", b"pledges: [ml-2]", b"pledges: ml-2", "TRY203", b"pledges: ml-2"),
        edit("missing-title", b"    title: Hastighetskontroller\n", b"", "TRY202", b"  - id: a-2"),
        edit("source-id-javascript-url", b"    due: 2025-06-30",
             b'    due: 2025-06-30\n    places: [x]\n    sources: ["javascript:alert(1)"]', "TRY206",
             b"sources"),
        edit("unknown-pledge", b"pledges: [ml-2]", b"pledges: [ml-9]", "TRY304", b"ml-9"),
        edit("unknown-owner", b"owners: [kommunpolis]", b"owners: [chef]", "TRY306", b"chef"),
        edit("predecessor-self", b"    due: 2025-06-30", b"    due: 2025-06-30\n    predecessor: a-2",
             "TRY409", b"predecessor"),
        _predecessor_cycle(),
        edit("id-used-twice", b"id: a-2", b"id: a-1", "TRY301", b"id: a-1\n    title: Hast"),
        edit("due-before-start", b"    due: 2025-06-30", b"    start: 2025-07-01\n    due: 2025-06-30",
             "TRY403", b"due: 2025-06-30"),
    ]


def documents() -> list[Doc]:
    """Every corpus document, in a stable order."""
    docs = [*_syntax(), *_encodings(), *_controls(), *_invisible_and_unicode(), *_line_endings(),
            *_directives_and_tags(), *_anchors(), *_keys(), *_documents_and_empty(), *_numbers(),
            *_nesting_and_size(), *_schema_values()]
    names = [d.name for d in docs]
    assert len(names) == len(set(names)), "corpus names must be unique"
    return docs


def file_name(doc: Doc) -> str:
    return f"{doc.code}-{doc.name}.yaml"


def expected() -> dict[str, dict[str, str | int]]:
    return {file_name(d): {"code": d.code, "line": d.line} for d in documents()}


def write(folder: Path = CORPUS) -> None:
    """Write every document and expected.json, removing files no longer generated."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = documents()
    keep = {file_name(d) for d in docs} | {"expected.json"}
    for old in folder.glob("*.yaml"):
        if old.name not in keep:
            old.unlink()
    for doc in docs:
        (folder / file_name(doc)).write_bytes(doc.content)
    (folder / "expected.json").write_text(json.dumps(expected(), indent=1, ensure_ascii=True) + "\n",
                                          encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {len(documents())} documents to {CORPUS}")
