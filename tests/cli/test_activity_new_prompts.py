"""`trygghet activity new` in a terminal asks for every field that was not given as an
option, lists the choices with numbers, and makes the new activity planned."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.terminal import terminal
from trygghet_cli.loading import load_path


def _last_activity(root: Path) -> dict:  # type: ignore[type-arg]
    document = load_path(root / "activities" / "2024-2025.yaml").document
    assert document is not None
    return dict(document.data["activities"][-1])


def test_missing_fields_are_asked_for_in_swedish_with_numbered_choices(minimal_root: Path) -> None:
    with terminal("--data", str(minimal_root), "activity", "new", "--party", "kommun") as term:
        # (what the terminal shows, the answer typed; None: a listed choice, nothing typed)
        for shown, answer in (("titel", "Nattvandring i Norr"),
                              ("1. Vi ökar vuxennärvaron där unga vistas. (ml-1)", None),
                              ("löften (nummer eller id, skilda med komma)", "1, ml-2"),
                              ("beskrivning", ""),
                              ("1. Trygghetssamordnare (trygghetssamordnare)", None),
                              ("ansvariga", "2"),
                              ("2. Norr (norr)", None), ("kommundelar", ""),
                              ("startdatum (ÅÅÅÅ-MM-DD; tomt: inget)", ""),
                              ("slutdatum (ÅÅÅÅ-MM-DD; tomt: inget)", "2025-02-30"),
                              ("är inget datum", None),
                              ("slutdatum (ÅÅÅÅ-MM-DD; tomt: inget)", "2025-10-31"),
                              ("3. takt\r\n", None), ("4. kvalitativt\r\n", None),
                              ("mål, typ (nummer; tomt: inget mål)", "3"),
                              ("målet i ord", "En nattvandring varje fredag"),
                              ("målvärde (ett tal)", "ett"), ("'ett' är inte ett tal", None),
                              ("målvärde (ett tal)", "1"),
                              ("vad som räknas (tomt: inget)", "nattvandringar"),
                              ("2. vecka\r\n", None), ("per (nummer)", "2")):
            term.expect(shown)
            if answer is not None:
                term.type(answer)
        term.expect("Ny aktivitet a-3 (planerad): Nattvandring i Norr")
        assert term.exit_code() == 0, bytes(term.seen)
    assert _last_activity(minimal_root) == {
        "id": "a-3", "title": "Nattvandring i Norr", "pledges": ["ml-1", "ml-2"],
        "owners": ["kommunpolis"], "parties": ["kommun"], "due": "2025-10-31", "status": "planned",
        "targets": [{"id": "t1", "kind": "rate", "text": "En nattvandring varje fredag",
                     "value": 1, "unit": "nattvandringar", "per": "week"}]}


def test_two_picks_pledge_two_and_empty_answers_leave_the_rest_out(minimal_root: Path) -> None:
    with terminal("--data", str(minimal_root), "activity", "new") as term:
        for shown, answer in (("titel", "Läxhjälp"), ("2. ", None), ("löften", "2"),
                              ("1. Exempelby kommun (kommun)", None),
                              ("parter (tomt: löftenas parter)", "1"),
                              ("beskrivning", ""), ("ansvariga", ""), ("kommundelar", ""),
                              ("startdatum", ""), ("slutdatum", ""), ("mål, typ", "")):
            term.expect(shown)
            if answer is not None:
                term.type(answer)
        term.expect("Ny aktivitet a-3 (planerad): Läxhjälp")
        assert term.exit_code() == 0, bytes(term.seen)
    assert _last_activity(minimal_root) == {"id": "a-3", "title": "Läxhjälp", "pledges": ["ml-2"],
                                            "parties": ["kommun"], "status": "planned"}


def test_without_a_terminal_nothing_is_asked_and_every_field_comes_from_options(
        minimal_root: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("CI", None)
    # stdin is a pipe that stays open: a question would wait for it until the timeout
    done = subprocess.run(
        [sys.executable, "-m", "trygghet_cli", "--data", str(minimal_root), "activity", "new",
         "--title", "Helgpatrull", "--pledge", "ml-2", "--party", "polis", "--owner", "kommunpolis",
         "--district", "centrum", "--start", "2024-03-01", "--due", "2025-06-30",
         "--target-kind", "takt", "--target-text", "En patrull varje helg", "--target-value", "1",
         "--target-unit", "patruller", "--target-per", "vecka"],
        stdin=subprocess.PIPE, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Ny aktivitet a-3 (planerad): Helgpatrull" in done.stdout
    assert _last_activity(minimal_root) == {
        "id": "a-3", "title": "Helgpatrull", "pledges": ["ml-2"], "owners": ["kommunpolis"],
        "parties": ["polis"], "districts": ["centrum"], "start": "2024-03-01", "due": "2025-06-30",
        "status": "planned",
        "targets": [{"id": "t1", "kind": "rate", "text": "En patrull varje helg", "value": 1,
                     "unit": "patruller", "per": "week"}]}


def test_without_party_the_activity_has_the_parties_of_its_pledges(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "new", "--title", "Läxhjälp", "--pledge", "2")
    assert result.exit_code == 0, result.output
    assert _last_activity(minimal_root) == {"id": "a-3", "title": "Läxhjälp", "pledges": ["ml-2"],
                                            "status": "planned"}
    assert run("--data", str(minimal_root), "validate").exit_code == 0


def test_an_empty_answer_for_parties_in_a_terminal_leaves_them_to_the_pledges(minimal_root: Path) -> None:
    with terminal("--data", str(minimal_root), "activity", "new") as term:
        for shown, answer in (("titel", "Läxhjälp"), ("löften", "2"),
                              ("parter (tomt: löftenas parter)", ""),
                              ("beskrivning", ""), ("ansvariga", ""), ("kommundelar", ""),
                              ("startdatum", ""), ("slutdatum", ""), ("mål, typ", "")):
            term.expect(shown)
            term.type(answer)
        term.expect("Ny aktivitet a-3 (planerad): Läxhjälp")
        assert term.exit_code() == 0, bytes(term.seen)
    assert "parties" not in _last_activity(minimal_root)
