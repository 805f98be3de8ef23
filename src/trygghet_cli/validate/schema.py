"""Check documents against the shipped JSON Schemas and explain each error in plain words."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from trygghet_cli import resources
from trygghet_cli.findings import Finding, make, quoted
from trygghet_cli.loading import Document, JsonPath

SCHEMA_FILES = {
    "config": "config.schema.json",
    "agreement": "agreement.schema.json",
    "pledges": "pledges.schema.json",
    "activities": "activities.schema.json",
    "situation": "situation.schema.json",
    "shared": "shared.schema.json",
}


def schema_names() -> list[str]:
    return ["common", *SCHEMA_FILES]


def schema_text(name: str) -> str:
    """The JSON text of a shipped schema, by kind or file stem."""
    stem = SCHEMA_FILES.get(name, f"{name}.schema.json")
    return (resources.schemas_dir() / stem).read_text(encoding="utf-8")


def _file_match(kind: str) -> list[str]:
    """The files of a kind, as glob patterns relative to any folder (SchemaStore's fileMatch)."""
    from trygghet_cli.root.config import CONFIG_NAME, KIND_FOLDERS

    if kind == "config":
        return [CONFIG_NAME]
    folder = next((f for f, k in KIND_FOLDERS.items() if k == kind), None)
    if folder is None:  # a shared file is named by the roots that use it, not by its place
        return []
    return [f"**/{folder}/*.yaml", f"**/{folder}/*.yml"]


def _base(base_url: str | None) -> str:
    if base_url is None:
        return resources.schemas_dir().resolve().as_uri() + "/"
    return base_url if base_url.endswith("/") else base_url + "/"


def published(name: str, base_url: str) -> str:
    """A shipped schema with the `$id` it has when served from `base_url`.

    The files carry no `$id`: a relative one breaks `$ref` resolution in check-jsonschema,
    and an absolute one would send editors to a server that may not exist. The `$ref`s to
    common.schema.json resolve against the `$id`, so publish all five schemas together.
    """
    stem = SCHEMA_FILES.get(name, f"{name}.schema.json")
    body = json.loads(schema_text(name))
    first, *rest = body.items()
    stamped = dict([first, ("$id", _base(base_url) + stem), *rest])
    return json.dumps(stamped, indent=2, ensure_ascii=False) + "\n"


def catalog(base_url: str | None = None) -> str:
    """A SchemaStore-style catalog that maps the data files to the schemas (installed, or at base_url)."""
    entries = []
    for kind, stem in SCHEMA_FILES.items():
        body = json.loads(schema_text(kind))
        entries.append({"name": body["title"], "description": body["description"],
                        "fileMatch": _file_match(kind), "url": _base(base_url) + stem})
    document = {"$schema": "https://json.schemastore.org/schema-catalog.json", "version": 1,
                "schemas": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@cache
def _all_schemas() -> dict[str, dict[str, Any]]:
    folder = resources.schemas_dir()
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.schema.json")}


@cache
def _full_match(pattern: str) -> Any:
    """A schema pattern compiled so that '$' means the end of the text, as in JavaScript.

    Python's '$' also matches before a final newline, so 'id: |' with 'a-1' on the next
    line (the text "a-1\n") would pass '^[a-z0-9]...$' and end up in file names and URLs.
    """
    import re

    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Any:
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and not _full_match(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def validator(kind: str) -> Any:
    """A cached 2020-12 validator, with format checking, for one kind of file."""
    from jsonschema import Draft202012Validator, validators

    from trygghet_cli.validate.schema_refs import resolved

    top = resolved(_all_schemas(), SCHEMA_FILES[kind])
    checker = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return checker(top, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator(kind: str) -> Any:
    """A compiled (jsonschema-rs) 2020-12 validator, with format checking, for one kind of file.

    About a hundred times faster than jsonschema. Its errors are translated (compiled.py)
    into what jsonschema would report, in jsonschema's order, so that the findings are the
    same; `validator` is kept as the reference the tests compare with.
    """
    import jsonschema_rs

    from trygghet_cli.validate.compiled import top_schema

    return jsonschema_rs.Draft202012Validator(top_schema(kind), validate_formats=True)


def forget() -> None:
    """Drop the loaded schemas and validators (after the schema files changed)."""
    from trygghet_cli.validate import compiled

    for cached in (_all_schemas, validator, fast_validator, compiled.top_schema):
        cached.cache_clear()


# Schema errors shown per file: a list of a million wrong items made a million findings (minutes
# and gigabytes); nobody reads past the first hundred, and the rest are not looked for.
MAX_ERRORS = 100


def check(doc: Document, kind: str) -> list[Finding]:
    """The schema errors of one document (the first MAX_ERRORS), each at its key or value."""
    from trygghet_cli.validate import compiled

    fast = fast_validator(kind)
    if fast.is_valid(doc.data):
        # jsonschema-rs takes year 0000 for a date; Python's dates (the model's, and the
        # reference's format check) start at year 1: such a file is judged by the reference.
        return check_reference(doc, kind) if "0000-" in doc.text else []
    top = compiled.top_schema(kind)
    return _findings(doc, iter(compiled.errors(fast, top, doc.data)))


def check_reference(doc: Document, kind: str) -> list[Finding]:
    """check, with the errors from jsonschema (the reference for tests; slow, and its import
    alone costs a tenth of a second)."""
    return _findings(doc, validator(kind).iter_errors(doc.data))


def _findings(doc: Document, errors: Iterator[Any]) -> list[Finding]:
    from itertools import islice

    findings: list[Finding] = []
    for error in islice(errors, MAX_ERRORS):
        findings.extend(_explain(doc, error))
    if next(errors, None) is not None:
        findings.append(make("TRY209", doc.where(()),
                             f"more than {MAX_ERRORS} schema errors; the rest are not shown",
                             "fix the errors above and run validate again",
                             sv=f"fler än {MAX_ERRORS} schemafel; resten visas inte",
                             sv_hint="rätta felen ovan och kör validate igen"))
    return findings


def _shown(doc: Document, path: JsonPath, lang: str = "en") -> str:
    """Where in the document a path points, naming items by their id: 'aktiviteten a2026-02,
    målet t1, kind' rather than 'activities[1].targets[0].kind'."""
    from trygghet_cli.i18n import has_label, label

    items: list[str] = []
    rest = ""
    node: Any = doc.data
    for index, part in enumerate(path):
        parent = path[index - 1] if index else None
        item = node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) \
            else node.get(part) if isinstance(node, dict) else None
        if isinstance(part, int) and isinstance(parent, str) and has_label(f"where.{parent}") \
                and isinstance(item, dict):
            ident = item.get("id")
            shown = str(ident) if isinstance(ident, str | int) and str(ident) else \
                label("where.number", lang, n=part + 1)
            items.append(label(f"where.{parent}", lang, id=shown))
            rest = ""
        elif isinstance(part, int):
            rest += f"[{part}]"
        else:
            rest += f".{part}" if rest else str(part)
        node = item
    if not items:
        return rest or label("where.document", lang)
    return ", ".join([*items, rest] if rest else items)


def _at(doc: Document, path: JsonPath) -> dict[str, str]:
    return {lang: _shown(doc, path, lang) for lang in ("en", "sv")}


def _sv(description: str | None) -> str:
    """A schema description in Swedish, for a hint in a Swedish root; a Swedish pointer to
    'trygghet schema' when the catalog has no translation of it."""
    from trygghet_cli.i18n import label, translations

    if not description:
        return label("schema.hint.generic", "sv")
    return translations("schema.hint.", "sv").get(description) or label("schema.hint.generic", "sv")


def _kind_of_value(value: Any, lang: str = "en") -> str:
    sv = lang == "sv"
    if isinstance(value, bool):
        return "sant/falskt" if sv else "true/false"
    if isinstance(value, int | float):
        return "ett tal" if sv else "a number"
    if value is None:
        return "tomt" if sv else "empty"
    words = ({"str": "text", "dict": "en mappning", "list": "en lista"} if sv
             else {"str": "text", "dict": "a mapping", "list": "a list"})
    return words.get(type(value).__name__, "ett värde" if sv else "a value")


def _type_hint(value: Any, expected: Any, schema: dict[str, Any], lang: str = "en") -> str:
    sv = lang == "sv"
    wanted = expected if isinstance(expected, list) else [expected]
    if "date" in str(schema.get("title", "")).lower() and value is not None:
        return ("skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-01-30" if sv
                else "write the date as YYYY-MM-DD, for example 2024-01-30")
    if "string" in wanted and isinstance(value, int | float) and not isinstance(value, bool):
        return (f"sätt värdet inom citattecken, till exempel \"{value}\"; "
                "annars försvinner en inledande nolla"
                if sv else
                f"put the value in quotes, for example \"{value}\"; a leading zero is lost otherwise")
    if value is None:
        return "fyll i ett värde, eller ta bort nyckeln" if sv else "fill in a value, or remove the key"
    if sv:
        return _sv(schema.get("description"))
    return str(schema.get("description", "see 'trygghet schema' for the expected form"))


def _explain(doc: Document, error: Any) -> list[Finding]:
    path: JsonPath = tuple(error.absolute_path)
    where = doc.where(path)
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    at = _at(doc, path)
    if keyword == "additionalProperties":
        return _unknown_keys(doc, path, value, schema)
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        description = schema.get("properties", {}).get(missing, {}).get("description")
        return [make("TRY202", where, f"{at['en']}: missing key '{missing}'",
                     f"add '{missing}:'" + (f" ({description})" if description else ""),
                     sv=f"{at['sv']}: nyckeln '{missing}' saknas",
                     sv_hint=f"lägg till '{missing}:'" + (f" ({_sv(description)})" if description else ""))]
    if keyword == "type":
        return [make("TRY203", where, f"{at['en']} should be {_expected(error.validator_value)}, "
                     f"but is {_kind_of_value(value)}", _type_hint(value, error.validator_value, schema),
                     sv=f"{at['sv']} ska vara {_expected(error.validator_value, 'sv')}, men är "
                     f"{_kind_of_value(value, 'sv')}",
                     sv_hint=_type_hint(value, error.validator_value, schema, "sv"))]
    if keyword == "enum":
        return [_enum(where, at, path, value, [str(o) for o in error.validator_value])]
    if keyword == "format" or (keyword == "pattern" and "date" in str(schema.get("title", "")).lower()):
        full = keyword == "format"
        return [make("TRY205", where, f"{at['en']}: {quoted(value)} is not a valid date",
                     "write a real date as YYYY-MM-DD" if full else "write YYYY, YYYY-MM or YYYY-MM-DD",
                     sv=f"{at['sv']}: {quoted(value)} är inte ett giltigt datum",
                     sv_hint="skriv ett verkligt datum som ÅÅÅÅ-MM-DD" if full
                     else "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD")]
    return [_other(error, where, at)]


def _enum(where: Any, at: dict[str, str], path: JsonPath, value: Any, options: list[str]) -> Finding:
    """TRY204; in Swedish the Swedish words are suggested, as the files take them too."""
    from trygghet_cli.vocabulary import swedish

    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    words = swedish(key, options)
    close = difflib.get_close_matches(str(value), options, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(options)}"
    spelled = [words.get(o, o) for o in options]
    close_sv = difflib.get_close_matches(str(value), [*spelled, *options], n=1)
    if close_sv:
        chosen = words.get(close_sv[0], close_sv[0])
        sv_hint = f"menade du '{chosen}'?"
    else:
        sv_hint = f"använd något av: {', '.join(spelled)}"
    return make("TRY204", where, f"{at['en']}: {quoted(value)} is not allowed", hint,
                sv=f"{at['sv']}: {quoted(value)} är inte tillåtet", sv_hint=sv_hint)


def _other(error: Any, where: Any, at: dict[str, str]) -> Finding:
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description")
    sv_hint = _sv(description)
    if keyword == "pattern":
        return make("TRY206", where, f"{at['en']}: {quoted(error.instance)} does not have the right form",
                    description, sv=f"{at['sv']}: {quoted(error.instance)} har inte rätt form",
                    sv_hint=sv_hint)
    if keyword in {"minimum", "maximum"}:
        bound = "lägsta" if keyword == "minimum" else "högsta"
        return make("TRY207", where, f"{at['en']}: {quoted(error.instance)[1:-1]} is out of range ({keyword} "
                    f"{error.validator_value})", description,
                    sv=f"{at['sv']}: {quoted(error.instance)[1:-1]} ligger utanför tillåtet intervall "
                    f"({bound} {error.validator_value})", sv_hint=sv_hint)
    if keyword == "minLength":
        return make("TRY208", where, f"{at['en']} must not be empty", description,
                    sv=f"{at['sv']} får inte vara tom", sv_hint=sv_hint)
    if keyword in {"minItems", "uniqueItems"}:
        what = "needs more entries" if keyword == "minItems" else "has repeated entries"
        sv_what = "behöver fler poster" if keyword == "minItems" else "har upprepade poster"
        return make("TRY208", where, f"{at['en']} {what}", description, sv=f"{at['sv']} {sv_what}",
                    sv_hint=sv_hint)
    if keyword == "minProperties":
        return _too_few_keys(error, where, at, description, sv_hint)
    alternatives = _required_alternatives(error)
    if alternatives:
        return _missing_one_of(alternatives, where, at, description, sv_hint)
    return make("TRY209", where, f"{at['en']}: {quoted(error.message, 160)[1:-1]}", description,
                sv=f"{at['sv']}: följer inte schemats regel '{keyword}'", sv_hint=sv_hint)


def _too_few_keys(error: Any, where: Any, at: dict[str, str], description: str | None,
                  sv_hint: str) -> Finding:
    """TRY208 for minProperties, naming the keys that could be added."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    present = error.instance if isinstance(error.instance, dict) else {}
    others = [str(k) for k in schema.get("properties", {}) if k not in present]
    if not others:
        return make("TRY208", where, f"{at['en']} needs more keys (at least {error.validator_value})",
                    description, sv=f"{at['sv']} behöver fler nycklar (minst {error.validator_value})",
                    sv_hint=sv_hint)
    count = int(error.validator_value) - len(present)
    many_en, many_sv = ("one", "en") if count == 1 else (str(count), str(count))
    return make("TRY208", where, f"{at['en']} needs {many_en} of the keys {_either(others, 'or')}",
                description, sv=f"{at['sv']} behöver {many_sv} av nycklarna {_either(others, 'eller')}",
                sv_hint=sv_hint)


def _missing_one_of(keys: list[str], where: Any, at: dict[str, str], description: str | None,
                    sv_hint: str) -> Finding:
    """TRY202 for a rule that asks for one key of several ("a verdict, a status, or both")."""
    def joined(word: str, end: str = "") -> str:
        return f" {word} ".join(f"'{k}{end}'" for k in keys)

    return make("TRY202", where, f"{at['en']}: missing key {joined('or')}",
                f"add {joined('or', ':')}" + (f" ({description})" if description else ""),
                sv=f"{at['sv']}: nyckeln {joined('eller')} saknas",
                sv_hint=f"lägg till {joined('eller', ':')}" + (f" ({sv_hint})" if description else ""))


def _either(words: list[str], word: str) -> str:
    """'a, b or c' ('a, b eller c')."""
    return f"{', '.join(words[:-1])} {word} {words[-1]}" if len(words) > 1 else words[0]


def _required_alternatives(error: Any) -> list[str]:
    """The keys of an anyOf/oneOf whose every branch only requires keys ("a verdict, a status,
    or both"); empty for any other rule."""
    branches = error.validator_value if error.validator in {"anyOf", "oneOf"} else None
    if not isinstance(branches, list) or not branches:
        return []
    keys: list[str] = []
    for branch in branches:
        if not isinstance(branch, dict) or set(branch) != {"required"}:
            return []
        keys.extend(str(key) for key in branch["required"])
    return keys


def _expected(expected: Any, lang: str = "en") -> str:
    words = {"string": "text", "number": "a number", "integer": "a whole number",
             "boolean": "true or false", "object": "a mapping (key: value lines)", "array": "a list"}
    if lang == "sv":
        words = {"string": "text", "number": "ett tal", "integer": "ett heltal",
                 "boolean": "true eller false", "object": "en mappning (nyckel: värde-rader)",
                 "array": "en lista"}
    wanted = expected if isinstance(expected, list) else [expected]
    joiner = " eller " if lang == "sv" else " or "
    return joiner.join(words.get(str(w), str(w)) for w in wanted)


def _unknown_keys(doc: Document, path: JsonPath, value: Any, schema: dict[str, Any]) -> list[Finding]:
    allowed = list(schema.get("properties", {}))
    found = []
    for key in value:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        sv_hint = f"menade du '{close[0]}'?" if close else f"tillåtna nycklar: {', '.join(allowed)}"
        where = doc.where((*path, key), key=True)
        at = _at(doc, path)
        found.append(make("TRY201", where, f"{at['en']}: unknown key {quoted(key)}", hint,
                          sv=f"{at['sv']}: okänd nyckel {quoted(key)}", sv_hint=sv_hint))
    return found
