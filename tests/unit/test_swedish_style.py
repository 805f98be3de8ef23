"""Every Swedish message in every catalog follows docs/swedish.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trygghet_cli import i18n

# Domain words that are common nouns in Swedish: lower case inside a sentence.
_DOMAIN_WORDS = ("Medborgarlöften", "Medborgarlöfte", "Aktiviteter", "Aktivitet", "Löften",
                 "Löfte", "Överenskommelse", "Samverkansöverenskommelse", "Kommundel",
                 "Kommundelar", "Mål", "Utfall", "Lägesbild", "Aktivitetslista", "Datamapp")
_ENGLISH_CODES = ("interim", "ongoing", "planned", "cancelled", "delayed", "at_least",
                  "exactly", "qualitative", "pledge", "activity", "target", "outcome")

# A file name ('rapport.html') is no dotted path.
_FILE_TYPES = ("yaml", "yml", "csv", "xlsx", "json", "ics", "md", "html", "xml")

_FORBIDDEN: list[tuple[str, re.Pattern[str]]] = [
    ("'datarot' (write 'datamapp')", re.compile(r"datarot", re.IGNORECASE)),
    ("'datan', 'datat' (write 'datafilerna', 'datamappen' or 'uppgifterna')",
     re.compile(r"\bdata[nt]\b", re.IGNORECASE)),
    ("both forms at once, like 'fil(er)' (use a plural entry)",
     re.compile(r"\w\((?:er|ar|or|r|n|en|na|s|e)\)")),
    ("programmer notation like 'activities[1]'", re.compile(r"\w\[[^\]]*\]")),
    ("a dotted path like 'mål.utfall'",
     re.compile(r"\b[a-zåäö_]+\]?\.(?!(?:" + "|".join(_FILE_TYPES) + r")\b)[a-zåäö_]+\b(?!\.yaml)")),
    ("a capitalised common noun mid-sentence",
     re.compile(r"(?<![.:!?\n]) (?:" + "|".join(_DOMAIN_WORDS) + r")\b")),
    ("an English code", re.compile(r"\b(?:" + "|".join(_ENGLISH_CODES) + r")\b")),
]

_ALLOWED_DOTTED = ("trygghet.yaml", "t.ex", "bl.a", "ca.", "o.s.v")


def _swedish_messages() -> list[tuple[str, str, str]]:
    """(catalog, key, text) for every translated form in every catalog."""
    found = []
    for path in i18n.catalog_paths():
        entries, _ = i18n.parse_po(path.read_text(encoding="utf-8"))
        for key, entry in entries.items():
            for keyword, text in entry.items():
                if keyword.startswith("msgstr") and text:
                    found.append((path.name, key, text))
    return found


def _without_placeholders(text: str) -> str:
    text = re.sub(r"\{[^}]*\}", "X", text)
    # An example in --help is a command as it is typed (file names, codes); its comment is prose.
    text = re.sub(r"(?m)^[ \t]+(?:trygghet|--)[^#\n]*", "CMD ", text)
    text = re.sub(r"'trygghet [^']*'|`[^`]*`|--[a-z-]+|trygghet [a-z]+", "CMD", text)
    for allowed in _ALLOWED_DOTTED:
        text = text.replace(allowed, "")
    return text


def test_there_is_a_swedish_catalog_with_every_key_translated() -> None:
    messages = _swedish_messages()
    assert len(messages) > 300
    untranslated = [key for key, entry in i18n.parse_po(
        (i18n.catalog_paths()[0]).read_text(encoding="utf-8"))[0].items()
        if not all(v for k, v in entry.items() if k.startswith("msgstr"))]
    assert untranslated == []


@pytest.mark.parametrize(("rule", "pattern"), _FORBIDDEN, ids=[name for name, _ in _FORBIDDEN])
def test_no_swedish_message_uses_a_forbidden_form(rule: str, pattern: re.Pattern[str]) -> None:
    bad = [f"{catalog} {key}: {text!r}" for catalog, key, text in _swedish_messages()
           if pattern.search(_without_placeholders(text))]
    assert bad == [], f"{rule}:\n" + "\n".join(bad)


@pytest.mark.parametrize("sample", [
    "3 filer i 2 datarot(er) kontrollerade", "Läget för Medborgarlöften", "mål[t1].utfall",
    "fel i activities[1]", "typ: interim", "datan har ingen lägesbild", "Fel i datat",
    "rätta mål.utfall i rapport.html",
    "Exempel:\n\n  trygghet status --overdue   # bara ongoing",
])
def test_the_style_check_catches_each_forbidden_form(sample: str) -> None:
    assert any(p.search(_without_placeholders(sample)) for _, p in _FORBIDDEN)


def test_plural_messages_agree_with_their_number() -> None:
    assert i18n.plural("count.warnings", "sv", 1) == "1 varning"
    assert i18n.plural("count.warnings", "sv", 20) == "20 varningar"
    assert i18n.plural("checked.files", "sv", 1) == "1 fil kontrollerad"
    assert i18n.plural("checked.files", "en", 13) == "13 files checked"


def test_every_message_key_the_code_names_is_in_the_catalog() -> None:
    from pathlib import Path

    source = Path(i18n.__file__).resolve().parent.parent
    used = {match.group(2) for path in source.rglob("*.py")
            for match in re.finditer(r"\b(label|plural|say)\(\s*[\"']([a-z_]+\.[a-z0-9_.-]+|[a-z_]+)[\"']",
                                     path.read_text(encoding="utf-8"))}
    missing = sorted(key for key in used if not i18n.has_label(key))
    assert missing == []


def test_no_message_key_is_defined_twice_in_the_catalog() -> None:
    """A key given twice silently takes the later text everywhere the key is used (an
    activity's 'Tillsammans med' once replaced the agreement's 'Andra samverkansparter')."""
    from collections import Counter

    catalog = (Path(i18n.__file__).parent / "sv.po").read_text(encoding="utf-8")
    keys = Counter(re.findall(r'^msgctxt "([^"]+)"$', catalog, re.MULTILINE))
    assert [key for key, count in keys.items() if count > 1] == []
