"""`trygghet activity new` in a terminal asks for the fields that were not given as options."""

from __future__ import annotations

from pathlib import Path

from tests.terminal import terminal
from trygghet_cli.loading import load_path


def test_missing_fields_are_asked_for_in_swedish_with_numbered_choices(minimal_root: Path) -> None:
    with terminal("--data", str(minimal_root), "activity", "new", "--party", "kommun") as term:
        # (what the terminal shows, the answer typed; None: a listed choice, nothing typed)
        for shown, answer in (("titel", "Nattvandring i Norr"),
                              ("1. Vi ökar vuxennärvaron där unga vistas. (ml-1)", None),
                              ("löften (nummer eller id, skilda med komma)", "1, ml-2"),
                              ("beskrivning", ""),
                              ("1. Trygghetssamordnare (trygghetssamordnare)", None),
                              ("ansvariga", "2"),
                              ("2. Norr (norr)", None), ("kommundelar", "")):
            term.expect(shown)
            if answer is not None:
                term.type(answer)
        term.expect("Ny aktivitet a-3 (planerad): Nattvandring i Norr")
        assert term.exit_code() == 0, bytes(term.seen)
    document = load_path(minimal_root / "activities" / "2024-2025.yaml").document
    assert document is not None
    assert document.data["activities"][-1] == {
        "id": "a-3", "title": "Nattvandring i Norr", "pledges": ["ml-1", "ml-2"],
        "owners": ["kommunpolis"], "parties": ["kommun"], "status": "planned"}
