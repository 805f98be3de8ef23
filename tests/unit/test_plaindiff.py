"""plaindiff: field-by-field comparison of plain data, word diffs, and pairing of entries."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trygghet_cli.diff import plaindiff
from trygghet_cli.diff.plaindiff import FieldChange, WordOp, compare, match, similarity, word_diff


def test_reordered_list_entries_are_not_a_change() -> None:
    old = {"parties": ["kommun", "polis"], "targets": [{"id": "t1", "value": 4}, {"id": "t2"}]}
    new = {"targets": [{"id": "t2"}, {"id": "t1", "value": 4}], "parties": ["polis", "kommun"]}
    assert compare(old, new) == []


def test_rewrapped_text_and_integral_floats_are_not_a_change() -> None:
    old = {"text": "Vi ökar vuxennärvaron\ndär unga vistas.", "value": 4}
    new = {"text": "Vi ökar  vuxennärvaron där unga vistas.", "value": 4.0}
    assert compare(old, new) == []


def test_entries_with_ids_are_compared_field_by_field_under_their_id() -> None:
    old = {"targets": [{"id": "t1", "value": 4, "unit": "vandringar"}]}
    new = {"targets": [{"id": "t1", "value": 6, "unit": "vandringar"}, {"id": "t2", "value": 1}]}
    assert compare(old, new) == [
        FieldChange("targets[t1].value", 4, 6),
        FieldChange("targets[t2]", None, {"id": "t2", "value": 1}),
    ]


def test_lists_without_ids_report_the_entries_added_and_removed() -> None:
    old = {"outcomes": [{"value": 2, "date": "2024-06-30"}]}
    new = {"outcomes": [{"value": 2, "date": "2024-06-30"}, {"value": 5, "date": "2024-12-31"}]}
    [change] = compare(old, new)
    assert change.field == "outcomes"
    assert change.added == ({"value": 5, "date": "2024-12-31"},)
    assert change.removed == ()


def test_a_missing_list_counts_as_an_empty_list() -> None:
    [change] = compare({"title": "x"}, {"title": "x", "owners": ["kommunpolis"]})
    assert change.added == ("kommunpolis",) and change.removed == ()


def test_word_diff_marks_the_removed_and_added_words() -> None:
    assert word_diff("Vi gör trafiken tryggare", "Vi gör trafiken säkrare och tryggare") == (
        WordOp("=", "Vi gör trafiken"), WordOp("+", "säkrare och"), WordOp("=", "tryggare"))


def test_similarity_ignores_case_and_line_wrapping() -> None:
    assert similarity("Vi ökar\nvuxennärvaron", "vi ökar vuxennärvaron") == 1.0
    assert similarity("Trygghetsvandringar", "Hastighetskontroller") < 0.6


@dataclass
class Item:
    id: str
    text: str
    predecessor: str | None = None


def _match(old: list[Item], new: list[Item], threshold: float = 0.6):  # noqa: ANN202
    return match(old, new, ident=lambda i: i.id, text=lambda i: i.text, threshold=threshold,
                 link=lambda i: i.predecessor)


def test_entries_pair_by_id_then_by_predecessor_then_by_text() -> None:
    old = [Item("a", "Trygghetsvandringar"), Item("b", "Hastighetskontroller i centrum"),
           Item("c", "Grannsamverkan i alla kommundelar")]
    new = [Item("x", "Grannsamverkan i alla kommundelarna"), Item("a", "Något helt annat"),
           Item("y", "Fotpatrullering", predecessor="b")]
    found = _match(old, new)
    assert {(p.old.id, p.new.id, p.matched_by) for p in found.pairs} == {
        ("a", "a", "id"), ("b", "y", "predecessor"), ("c", "x", "text")}
    assert found.added == [] and found.removed == []


def test_texts_less_alike_than_the_threshold_stay_added_and_removed() -> None:
    old, new = [Item("a", "Vi gör trafiken tryggare")], [Item("b", "Vi gör trafiken säkrare")]
    assert [p.matched_by for p in _match(old, new, 0.6).pairs] == ["text"]
    strict = _match(old, new, 0.95)
    assert strict.pairs == [] and strict.removed == old and strict.added == new


def test_the_most_alike_texts_are_paired_first() -> None:
    old = [Item("a", "Trafikkontroller i alla kommundelar")]
    new = [Item("b", "Trafikkontroller i kommundelar"), Item("c", "Trafikkontroller i alla kommundelar")]
    found = _match(old, new, 0.5)
    assert [(p.old.id, p.new.id) for p in found.pairs] == [("a", "c")]
    assert found.added == [new[0]]


def _activity_texts(rng: random.Random, count: int) -> list[str]:
    places = ["Stortorget", "resecentrum", "skolan", "hamnen", "parken", "biblioteket", "badplatsen"]
    deeds = ["trygghetsvandringar", "hastighetskontroller", "nattvandringar", "föräldramöten",
             "klotterborttagning", "medborgardialoger", "narkotikasök", "belysning", "samtal med unga"]
    who = ["Kommunen", "Polisen", "Fältarna", "Skolorna", "Socialtjänsten", "Nattvandrarna"]
    return [" ".join(f"{rng.choice(who)} ordnar {rng.choice(deeds)} vid {rng.choice(places)} "
                     f"vecka {rng.randint(1, 52)} år {rng.randint(2016, 2026)}."
                     for _ in range(rng.randint(2, 5))) for _ in range(count)]


def _reworded(rng: random.Random, text: str) -> str:
    words = text.split()
    words[rng.randrange(len(words))] = rng.choice(["också", "ibland", "varje", "tillsammans"])
    return " ".join(words)


def test_long_lists_pair_reworded_entries_like_comparing_every_pair(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reworded entry gets the pair (and similarity) that scoring every pair gives; what
    the shortcut gives up is pairing unrelated texts that happen to be 60 % alike."""
    rng = random.Random(18)
    old = [Item(f"o{k}", text) for k, text in enumerate(_activity_texts(rng, 150))]
    kept = rng.sample(old, 100)
    new = [Item(f"n{k}", _reworded(rng, o.text)) for k, o in enumerate(kept)]
    new += [Item(f"f{k}", text) for k, text in enumerate(_activity_texts(rng, 40))]
    rng.shuffle(new)
    assert len(old) * len(new) > plaindiff.ALL_PAIRS
    fast = _match(old, new)
    monkeypatch.setattr(plaindiff, "ALL_PAIRS", 10**9)
    every = _match(old, new)
    reworded = [sorted((p.old.id, p.new.id, p.similarity) for p in found.pairs if p.new.id[0] == "n")
                for found in (fast, every)]
    assert len(reworded[1]) == 100
    assert reworded[0] == reworded[1]


def test_long_lists_score_a_few_old_entries_per_new_one() -> None:
    rng = random.Random(2026)
    old, new = _activity_texts(rng, 400), _activity_texts(rng, 400)
    assert len(plaindiff._candidates(old, new)) <= plaindiff.CANDIDATES * len(new)


# The compiled matcher must give exactly the standard library's answers: the similarity is
# shown in percent and decides which entries pair, and the word diff is what a reader sees.
_WORDS = ["trygghet", "vandring", "vid", "skolan", "polisen", "och", "kommunen", "ökar", "unga", "å"]
_TEXTS = st.lists(st.sampled_from(_WORDS) | st.text(alphabet="abcåäö .-", max_size=6), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS)
def test_similarity_and_word_diff_are_exactly_difflib_s(old: list[str], new: list[str]) -> None:
    import difflib

    a, b = " ".join(old), " ".join(new)
    squeezed = plaindiff.squeeze(a).casefold(), plaindiff.squeeze(b).casefold()
    expected = difflib.SequenceMatcher(None, *squeezed, autojunk=False).ratio() if any(squeezed) else 1.0
    assert similarity(a, b) == expected
    reference = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).get_opcodes()
    assert plaindiff._matcher(a.split(), b.split()).get_opcodes() == reference
