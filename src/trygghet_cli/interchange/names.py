"""Parties, functions, districts and pledges by the names people write in a list.

By id, by full name, by short name ("Polisen", "Kommunen" for the one party of that kind),
and in the definite or indefinite form ("Kommunpolisen" for the function Kommunpolis,
"Trygghetssamordnaren", "Fältgruppen"), case and spacing aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trygghet_cli.interchange import columns as cols
from trygghet_cli.model import Model, PledgeSet

# The words for a party of a kind, in both forms: "Kommunen" is the municipality's party.
KIND_WORDS = {
    "kommun": ("kommun", "kommunen"),
    "polis": ("polis", "polisen", "polismyndigheten", "lokalpolisområdet"),
    "raddningstjanst": ("räddningstjänst", "räddningstjänsten"),
    "region": ("region", "regionen"),
}
# Swedish definite endings, longest first: -erna, -arna, -orna, -na, -en, -et, -n, -t.
_ENDINGS = ("erna", "arna", "orna", "na", "en", "et", "n", "t")


def forms(name: str) -> list[str]:
    """A name as written and without a definite ending ('kommunpolisen' -> 'kommunpolis')."""
    plain = cols.normal(name)
    found = [plain]
    for ending in _ENDINGS:
        if plain.endswith(ending) and len(plain) - len(ending) >= 3:
            found.append(plain[: -len(ending)])
    return found


class Names:
    """Ids by what a list writes for them, for parties, owners, districts and pledges."""

    def __init__(self, model: Model, pledge_set: PledgeSet) -> None:
        config = model.config
        assert config is not None
        self.tables: dict[str, dict[str, str]] = {
            "parties": _table((p.id, p.name) for p in config.parties),
            "owners": _table((f.id, f.name) for f in config.functions),
            "districts": _table((d.id, d.name) for d in config.districts),
            "pledges": _table((p.id, p.id) for p in pledge_set.pledges),
        }
        self.shown = {
            "parties": [p.name for p in config.parties],
            "owners": [f.name for f in config.functions],
            "districts": [d.name for d in config.districts],
            "pledges": [f"{n} ({p.id})" for n, p in enumerate(pledge_set.pledges, start=1)],
        }
        kinds: dict[str, list[str]] = {}
        for party in config.parties:
            raw = party.ref.file.data
            for step in party.ref.path:
                raw = raw[step]
            kinds.setdefault(str(raw.get("kind", "")), []).append(party.id)
        for kind, words in KIND_WORDS.items():
            if len(kinds.get(kind, [])) == 1:  # "Kommunen" only when there is one
                for word in words:
                    self.tables["parties"].setdefault(word, kinds[kind][0])
        # "2" or "Löfte 2" names the second pledge of the set.
        for number, pledge in enumerate(pledge_set.pledges, start=1):
            self.tables["pledges"][str(number)] = pledge.id

    def resolve(self, key: str, value: str) -> str | None:
        table = self.tables[key]
        plain = cols.normal(value)
        if key == "pledges":
            plain = re.sub(r"^(medborgar)?(löfte|pledge)\s*(nr\.?|nummer)?\s*", "", plain)
            return table.get(plain.rstrip("."))
        return next((table[form] for form in forms(plain) if form in table), None)

    def known(self, key: str) -> str:
        values = self.shown[key]
        return ", ".join(values[:8]) + (" …" if len(values) > 8 else "") if values else "—"


def _table(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for ident, name in pairs:
        found[cols.normal(ident)] = ident
        for form in forms(name):
            found.setdefault(form, ident)
    return found
