"""Compare plain data (what the loader returns) field by field, and pair entries by id or text.

Only meaning counts: the order of list entries, the way a string is wrapped over lines
and YAML's formatting are not differences, because the comparison never sees the text
of the file, only the values, and it compares lists without regard to order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WordOp:
    """One run of a word-level diff: `=` kept, `-` removed, `+` added."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs: `targets[t1].value` from old to new.

    A field that exists on one side only has None on the other. For lists compared
    without order, `added` and `removed` hold the entries only in new or only in old.
    For text, `words` is the word-level diff.
    """

    field: str
    old: Any = None
    new: Any = None
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    words: tuple[WordOp, ...] = ()


def squeeze(text: str) -> str:
    """Text with every run of white space made one space: line wrapping is formatting."""
    return " ".join(text.split())


def canonical(value: Any) -> Any:
    """A form of plain data in which equal meaning gives equal values (lists sorted)."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((canonical(v) for v in value), key=_sort_key)
    if isinstance(value, str):
        return squeeze(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _matcher(a: Sequence[Any], b: Sequence[Any]) -> Any:
    """difflib's SequenceMatcher (no junk heuristic), compiled: cydifflib gives the same
    matching blocks, ratios and opcodes as the standard library, about 17 times faster.
    Without it (an environment installed before it was a dependency) the standard library's
    gives the same answers, slowly."""
    try:
        from cydifflib import SequenceMatcher
    except ImportError:
        from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False)


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 1 (difflib's ratio, case and wrapping ignored)."""
    a, b = squeeze(old).casefold(), squeeze(new).casefold()
    if not a and not b:
        return 1.0
    return float(_matcher(a, b).ratio())


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """The word-level difference between two texts, as runs of kept, removed and added words."""
    a, b = old.split(), new.split()
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in _matcher(a, b).get_opcodes():
        if tag == "equal":
            ops.append(WordOp("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("+", " ".join(b[j1:j2])))
    return tuple(ops)


def _keyed(items: list[Any]) -> dict[str, Any] | None:
    """Entries of a list by their id, when every entry is a mapping with a unique text id."""
    if not items or not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return None
    keyed = {i["id"]: i for i in items}
    return keyed if len(keyed) == len(items) else None


def compare(old: Any, new: Any, name: str = "") -> list[FieldChange]:
    """Every field that differs between two plain values, by dotted name (`a.b[id].c`).

    A list that is missing on one side counts as an empty list.
    """
    if old is None and isinstance(new, list):
        old = []
    elif new is None and isinstance(old, list):
        new = []
    # Equal values have equal canonical forms: the common case, an unchanged field, costs one
    # comparison. Two mappings are compared key by key without their canonical forms first
    # (that finds nothing when the forms are equal): computing them at every level of the
    # recursion was most of a diff's time.
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return _compare_maps(old, new, name)
    if canonical(old) == canonical(new):
        return []
    if isinstance(old, list) and isinstance(new, list):
        return _compare_lists(old, new, name)
    words = word_diff(old, new) if isinstance(old, str) and isinstance(new, str) else ()
    return [FieldChange(name, old, new, words=words)]


def _compare_maps(old: dict[str, Any], new: dict[str, Any], name: str) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for key in dict.fromkeys([*new, *old]):
        changes.extend(compare(old.get(key), new.get(key), f"{name}.{key}" if name else key))
    return changes


def _compare_lists(old: list[Any], new: list[Any], name: str) -> list[FieldChange]:
    old_keyed, new_keyed = _keyed(old), _keyed(new)
    if old_keyed is not None and new_keyed is not None:
        changes: list[FieldChange] = []
        for key in dict.fromkeys([*new_keyed, *old_keyed]):
            changes.extend(compare(old_keyed.get(key), new_keyed.get(key), f"{name}[{key}]"))
        return changes
    old_count = Counter(_sort_key(canonical(v)) for v in old)
    new_count = Counter(_sort_key(canonical(v)) for v in new)
    removed = _only(old, old_count - new_count)
    added = _only(new, new_count - old_count)
    return [FieldChange(name, old, new, added=added, removed=removed)]


def _only(items: list[Any], wanted: Counter[str]) -> tuple[Any, ...]:
    left = Counter(wanted)
    picked = []
    for item in items:
        key = _sort_key(canonical(item))
        if left[key] > 0:
            left[key] -= 1
            picked.append(item)
    return tuple(picked)


@dataclass(slots=True)
class Pair(Generic[T]):
    """An old and a new entry taken to be the same thing, and why."""

    old: T
    new: T
    matched_by: str
    similarity: float | None = None


@dataclass(slots=True)
class Matching(Generic[T]):
    """Entries paired across two versions, and those found on one side only."""

    pairs: list[Pair[T]] = field(default_factory=list)
    removed: list[T] = field(default_factory=list)
    added: list[T] = field(default_factory=list)


def match(old: Sequence[T], new: Sequence[T], *, ident: Callable[[T], str],
          text: Callable[[T], str], threshold: float,
          link: Callable[[T], str | None] | None = None,
          accept: Callable[[T, T, float], bool] | None = None) -> Matching[T]:
    """Pair entries by id, then by `link` (a new entry naming its old one), then by text.

    Text pairs are taken best first, and only when their similarity reaches threshold and
    `accept` (old, new, similarity), when given, agrees that the pair is sure.
    """
    result: Matching[T] = Matching()
    by_id = {ident(o): o for o in old}
    taken: set[int] = set()
    loose: list[T] = []
    for item in new:
        found = by_id.get(ident(item))
        how = "id"
        if (found is None or id(found) in taken) and link is not None:
            found, how = by_id.get(link(item) or ""), "predecessor"
        if found is None or id(found) in taken:
            loose.append(item)
            continue
        taken.add(id(found))
        result.pairs.append(Pair(found, item, how))
    left = [o for o in old if id(o) not in taken]
    _match_text(result, left, loose, text, threshold, accept)
    return result


# Up to this many pairs every old entry is scored against every new one. Beyond it, each new
# entry is scored only against the few old entries that share the most of its rarest runs of
# three words, and only when they share at least a fifth of them, so the cost grows with the
# number of entries, not its square (difflib's ratio of two long texts takes milliseconds).
ALL_PAIRS = 2500
CANDIDATES = 3
SHARED = 0.2
# How many old entries' runs of words are looked at for one new entry: its rarest first.
WORD_BUDGET = 400


def _match_text(result: Matching[T], old: list[T], new: list[T], text: Callable[[T], str],
                threshold: float, accept: Callable[[T, T, float], bool] | None = None) -> None:
    """Pair the entries left over by id and link, most alike first, when alike enough (and,
    with `accept`, when it accepts the pair)."""
    old_texts = [squeeze(text(o)).casefold() for o in old]
    new_texts = [squeeze(text(n)).casefold() for n in new]
    scored = sorted(_scores(old_texts, new_texts, threshold), key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        if accept is not None and not accept(old[i], new[j], score):
            continue
        used_old.add(i)
        used_new.add(j)
        result.pairs.append(Pair(old[i], new[j], "text", round(score, 3)))
    result.removed.extend(o for i, o in enumerate(old) if i not in used_old)
    result.added.extend(n for j, n in enumerate(new) if j not in used_new)


def _scores(old: list[str], new: list[str], threshold: float) -> list[tuple[float, int, int]]:
    """(similarity, old index, new index) of every pair alike enough to be paired.

    The exact ratio is computed only for pairs that difflib's cheapest upper bound (lengths)
    does not already rule out, and, for long lists, only for the old entries
    that share the most words with the new one, so the cost grows with the number of entries.
    """
    pairs: list[tuple[float, int, int]] = []
    for j, i in _candidates(old, new):
        a, b = old[i], new[j]
        if not a and not b:
            pairs.append((1.0, i, j))
            continue
        matcher = _matcher(a, b)
        if matcher.real_quick_ratio() < threshold:  # compiled, the exact ratio needs no other bound
            continue
        score = float(matcher.ratio())
        if score >= threshold:
            pairs.append((score, i, j))
    return pairs


def _shingles(text: str) -> set[str]:
    """The runs of three words in a text (its words when it has fewer): its cheap signature."""
    words = text.split()
    if len(words) < 3:
        return set(words)
    return {" ".join(words[k:k + 3]) for k in range(len(words) - 2)}


def _candidates(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """(new index, old index) pairs worth scoring: all of them for short lists, else for each new
    entry the old entries that share the most of its rarest runs of words (a fixed budget)."""
    if len(old) * len(new) <= ALL_PAIRS:
        return [(j, i) for j in range(len(new)) for i in range(len(old))]
    old_signs = [_shingles(text) for text in old]
    where: dict[str, list[int]] = {}
    for i, signs in enumerate(old_signs):
        for sign in signs:
            where.setdefault(sign, []).append(i)
    found: list[tuple[int, int]] = []
    for j, text in enumerate(new):
        signs = _shingles(text)
        shared: Counter[int] = Counter()
        budget = WORD_BUDGET
        for holders in sorted((where[s] for s in signs if s in where), key=len):
            if budget <= 0:
                break
            shared.update(holders[:budget])
            budget -= len(holders)
        found.extend((j, i) for i, count in shared.most_common(CANDIDATES)
                     if count >= SHARED * min(len(signs), len(old_signs[i])))
    return found
