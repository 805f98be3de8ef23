"""What every diff printer shares: grouping by agreement, pledge set and pledge, and words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.diff import HIDDEN, Diff, EntityChange
from trygghet_cli.diff.plaindiff import FieldChange, squeeze

NONE = "—"


@dataclass(slots=True)
class Block:
    """Changes under one heading: a pledge (with `pledge` set) or the group itself."""

    pledge: str | None
    heading: str | None
    changes: list[EntityChange] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """All changes of one agreement or pledge set (or the settings file)."""

    group: str
    heading: str
    blocks: list[Block] = field(default_factory=list)

    def changes(self) -> list[EntityChange]:
        return [c for b in self.blocks for c in b.changes]


def sections(diff: Diff, lang: str) -> list[Section]:
    """The changes grouped by agreement or pledge set, then by pledge, in a stable order."""
    found: dict[str, Section] = {}
    for change in diff.changes:
        section = found.get(change.group)
        if section is None:
            section = found[change.group] = Section(change.group, _heading(diff, change, lang))
        block = next((b for b in section.blocks if b.pledge == change.pledge), None)
        if block is None:
            block = Block(change.pledge, _pledge_heading(diff, change.pledge, lang))
            section.blocks.append(block)
        block.changes.append(change)
    for section in found.values():
        section.blocks.sort(key=lambda b: b.pledge is not None)
    return list(found.values())


def _heading(diff: Diff, change: EntityChange, lang: str) -> str:
    if change.entity == "config":
        return i18n.label("diff.settings", lang)
    if not change.group:
        return i18n.label("diff.other", lang)
    title = diff.groups.get(change.group)
    return f"{title} ({change.group})" if title else change.group


def _pledge_heading(diff: Diff, pledge: str | None, lang: str) -> str | None:
    if pledge is None:
        return None
    text = diff.groups.get(pledge)
    head = i18n.label("diff.pledge", lang, id=pledge)
    return f"{head}: {squeeze(text)}" if text else head


def _counts(counts: dict[str, int], lang: str, keys: tuple[str, ...], all_: bool) -> str:
    shown = [f"{i18n.label(f'diff.count.{k}', lang)}: {counts[k]}" for k in keys if all_ or counts[k]]
    line = ", ".join(shown)
    if counts["status_changes"]:
        line += "; " + i18n.label("diff.status_counts", lang, count=counts["status_changes"])
    return line


def summary(diff: Diff, lang: str) -> str:
    """The one line that says how much changed."""
    if not diff.changes:
        return i18n.label("diff.none", lang)
    return _counts(diff.counts(), lang, ("added", "removed", "changed", "unchanged"), True)


def brief(changes: list[EntityChange], lang: str) -> str:
    """The counts of a part of a diff, only those that are not zero."""
    counts = Diff("", "", "", tuple(changes)).counts()
    return _counts(counts, lang, ("added", "removed", "changed"), False)


def entity_line(change: EntityChange, lang: str) -> str:
    """`aktivitet a2020-03 → a2021-02 (liknande text, 100 %): title`."""
    what = i18n.label(f"entity.{change.entity}", lang)
    ids = change.new_id or change.old_id or ""
    if change.old_id and change.new_id and change.old_id != change.new_id:
        ids = f"{change.old_id} → {change.new_id}"
    how = ""
    if change.matched_by == "text" and change.similarity is not None:
        how = f" ({i18n.label('diff.by_text', lang, percent=round(change.similarity * 100))})"
    elif change.matched_by == "predecessor":
        how = f" ({i18n.label('diff.by_predecessor', lang)})"
    return f"{what} {ids}{how}: {squeeze(change.title)}"


def verb(change: EntityChange, lang: str) -> str:
    """Tillagt / Borttaget / Ändrat."""
    return i18n.label(f"diff.{change.change.value}", lang)


_SEGMENT = re.compile(r"([^.\[]+)((?:\[[^\]]*\])?)")


def field_label(name: str, lang: str) -> str:
    """`targets[t1].outcomes` as `mål t1, utfall`: field names in words, no path notation."""
    return ", ".join(i18n.field_name(m.group(1), lang) + (f" {m.group(2)[1:-1]}" if m.group(2) else "")
                     for m in _SEGMENT.finditer(name) if m.group(1))


# The words of a coded value, by the field it is the value of: 'interim' is 'delrapport'.
_CODED = {"verdict": ("verdict.",), "kind": ("report.outcome.", "report.target_kind."),
          "status": ("status.",), "uncertain": ("field.",)}


def _coded(name: str, raw: str, lang: str) -> str | None:
    field = name.rsplit(".", 1)[-1].split("[", 1)[0]
    return next((i18n.label(prefix + raw, lang) for prefix in _CODED.get(field, ())
                 if i18n.has_label(prefix + raw)), None)


def value(raw: Any, lang: str, name: str = "") -> str:
    """A plain value in one line: mappings as `key: value; ...`, lists joined by commas."""
    if name.endswith("status") and (raw is None or isinstance(raw, str)):
        key = f"status.{raw or 'unknown'}"
        return i18n.label(key, lang) if key in _STATUSES else str(raw)
    if raw is None:
        return NONE
    if isinstance(raw, str) and (word := _coded(name, raw, lang)) is not None:
        return word
    if isinstance(raw, bool):
        return i18n.label("diff.yes" if raw else "diff.no", lang)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dict):
        return "; ".join(f"{i18n.field_name(k, lang)}: {value(v, lang, k)}" for k, v in raw.items())
    if isinstance(raw, list):
        return ", ".join(value(v, lang, name) for v in raw)
    return squeeze(str(raw))


_STATUSES = {f"status.{s}" for s in ("planned", "ongoing", "done", "delayed", "cancelled", "unknown")}


def wants_words(change: FieldChange) -> bool:
    """Whether a word-level diff reads better than `old → new`: longer texts sharing words."""
    longest = max(len(str(change.old).split()), len(str(change.new).split()))
    if not change.words or longest < 4:
        return False
    kept = sum(len(w.text.split()) for w in change.words if w.op == "=")
    return kept >= longest / 3


def is_hidden(change: FieldChange) -> bool:
    return HIDDEN in (change.old, change.new)
