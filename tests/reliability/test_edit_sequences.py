"""Every edit lands: long random sequences of every editing command on roots of many shapes.

After every step: the command succeeded (its input was valid for the root as it stood), the
file reads back as the intended data, only the intended lines changed (every other byte, the
BOM and the line breaks as they were), validate has no new error, and the warnings the
command printed are only those the edit introduced. A refusal of valid input fails the test
with the seed and the step, so it can be replayed.

CI runs one round of every shape of root, 1,110 steps (about a minute of CPU: the commands run
in-process, each step loads and checks its root as the CLI does; 5,000 steps took a third of
the suite's CPU); TRYGGHET_NIGHTLY=1 runs 30,000 with longer episodes on the bundled data and
the long lists (TRYGGHET_EDIT_STEPS=N any number).
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import typer.testing

from tests import edit_sequences as es
from trygghet_cli.cli import app
from trygghet_cli.findings import Severity

NIGHTLY = os.environ.get("TRYGGHET_NIGHTLY") == "1"
STEPS = int(os.environ.get("TRYGGHET_EDIT_STEPS", 30000 if NIGHTLY else 1000))
SEED = int(os.environ.get("TRYGGHET_EDIT_SEED", "2026"))


class Cli:
    """The app in-process, built once (typer builds its click command on every invoke)."""

    def __init__(self) -> None:
        self.runner = typer.testing.CliRunner()
        self.command = typer.main.get_command(app)

    def __call__(self, *args: str) -> Any:
        original = typer.testing._get_command
        typer.testing._get_command = lambda _app: self.command
        try:
            return self.runner.invoke(app, list(args), catch_exceptions=False)
        finally:
            typer.testing._get_command = original


def _data_files(root: Path) -> dict[Path, bytes]:
    return {p.resolve(): p.read_bytes() for p in root.rglob("*.yaml")
            if ".trygghet-cache" not in p.parts}


def _shapes(total: int) -> list[tuple[str, int]]:
    """(shape, steps) for episodes adding up to at least `total` steps. Most steps go to small
    roots (about 20 ms of CPU a step); the bundled data and the long lists cost 3-4 times that."""
    big = 3 if NIGHTLY else 1
    plan = [("bundled", 20 * big), ("area", 30 * big), ("generated-60", 20 * big),
            ("generated-34", 20 * big), ("commented", 60), ("exempelby", 60)]
    plan += [("minimal", 100), ("fresh", 100), ("fresh", 100)]
    plan += [(f"generated-{n}", 100) for n in (1, 2, 3, 5, 8, 13)]
    episodes: list[tuple[str, int]] = []
    while sum(steps for _, steps in episodes) < total:
        episodes.extend(plan)
    return episodes


class Episode:
    """One root and a sequence of random steps on it."""

    def __init__(self, cli: Cli, root: Path, rng: random.Random, shape: str) -> None:
        self.cli, self.root, self.rng, self.shape = cli, root, rng, shape
        self.area = shape == "area"
        self.serial = 0
        self.periods = 0
        self._build()
        self.loaded = es.load(root)
        self.baseline = es.errors(self.loaded)

    def _build(self) -> None:
        shape, root = self.shape, self.root
        if shape == "bundled":
            es.bundled(root)
        elif shape in ("minimal", "exempelby", "area"):
            es.fixture(root, shape)
        elif shape == "commented":
            es.fixture(root, "minimal")
            from tests.editing_support import write_crlf_bom

            write_crlf_bom(root / "activities" / "2024-2025.yaml")
        elif shape == "fresh":
            es.fresh(root, self.cli)
        else:
            es.generated(root, self.rng, int(shape.split("-")[1]))

    def step(self) -> es.Step | None:
        rng, loaded = self.rng, self.loaded
        infos = es.activities(loaded)
        self.serial += 1
        choice = rng.choices(["set-status", "outcome", "target", "result", "new", "import", "period"],
                             [24, 26, 10, 10, 18, 3, 1 if self.periods < 2 else 0])[0]
        if choice == "set-status":
            return es.set_status(rng, loaded, infos)
        if choice == "outcome":
            return es.outcome(rng, loaded, infos)
        if choice == "target":
            return es.target(rng, loaded, infos, self.serial)
        if choice == "result":
            return es.result(rng, loaded, infos, self.serial)
        if choice == "new":
            return es.new_activity(rng, loaded, infos, self.serial, self.area)
        if choice == "import":
            return es.import_table(rng, loaded, infos, self.serial, self.root.parent)
        self.periods += 1
        return es.new_period(rng, loaded, self.area)

    def run(self, step: es.Step) -> None:
        for path, content in step.files.items():
            path.write_text(content, encoding="utf-8")
        before = _data_files(self.root)
        result = self.cli("--data", str(self.root), *step.args)
        where = f"{self.shape}: {step.name} {step.args}"
        assert result.exit_code == 0, f"refused: {where}\n{result.output}"
        after_files = _data_files(self.root)
        after = es.load(self.root)
        self._check_files(step, before, after_files, es.documents(after), where)
        new_errors = es.errors(after) - self.baseline
        assert not new_errors, f"{where}: new errors {sorted(new_errors)[:3]}"
        self._check_warnings(result.stderr, where)
        self.loaded = after

    def _check_warnings(self, stderr: str, where: str) -> None:
        """Every warning printed is one the edit introduced, not one the root had before."""
        old = es.keyed([f for f in self.loaded.findings if f.severity is Severity.WARNING])
        for line in stderr.splitlines():
            match = es.WARNING_LINE.match(line)
            if match:
                key = (match["code"], match["path"], match["message"])
                assert key not in old, f"{where}: printed an old warning: {line}"

    def _check_files(self, step: es.Step, before: dict[Path, bytes], after: dict[Path, bytes],
                     docs: dict[Path, Any], where: str) -> None:
        expect = step.expect
        added = [p for p in after if p not in before]
        for path, content in before.items():
            if path != expect.path:
                assert after.get(path) == content, f"{where}: {path.name} changed"
        if step.name == "new period":
            assert len(added) in (1, 2) and all(p in docs for p in added), f"{where}: new files {added}"
            return
        if expect.path is None:  # a new activity list for a pledge set without one
            assert len(added) == 1, f"{where}: new files {added}"
            self._check_new_item(docs[added[0]].data, expect, where)
            return
        assert not added, f"{where}: new files {added}"
        old, new = before[expect.path], after[expect.path]
        if old == new:
            assert expect.unchanged_ok or step.name == "import", f"{where}: nothing written"
            return
        es.check_lines(where, old, new, expect)
        document = docs[expect.path]
        if step.name == "new":
            self._check_new_item(document.data, expect, where)
        elif step.name == "import":
            self._check_import(document, old, new, expect, where)
        else:
            assert document.data == expect.data, f"{where}: reads back differently"

    @staticmethod
    def _check_new_item(data: Any, expect: es.Expect, where: str) -> None:
        added = data["activities"][-1]
        assert {k: v for k, v in added.items() if k != "id"} == expect.data, \
            f"{where}: new activity reads back as {added}"

    @staticmethod
    def _check_import(document: Any, old: bytes, new: bytes, expect: es.Expect, where: str) -> None:
        data = document.data
        by_id = {a["id"]: a for a in data["activities"]}
        for ident, change in expect.data.items():
            for key, value in change.items():
                assert by_id[ident].get(key) == value, f"{where}: {ident} {key} is {by_id[ident].get(key)}"
        spans = [es.item_span(document, ("activities", i)) for i, a in enumerate(data["activities"])
                 if a["id"] in expect.data]
        old_lines, new_lines = es.lines_of(old), es.lines_of(new)
        first, _old_end, _new_end = es.changed_window(old_lines, new_lines)
        assert any(low <= first + 1 <= high + 1 for low, high in spans) or first >= len(old_lines) - 1, \
            f"{where}: import changed line {first + 1}, outside the activities it updates {spans}"


def test_random_edit_sequences_land_on_every_shape_of_root(tmp_path: Path) -> None:
    cli = Cli()
    rng = random.Random(SEED)
    done: Counter[str] = Counter()
    started = time.process_time()
    for number, (shape, steps) in enumerate(_shapes(STEPS)):
        folder = tmp_path / f"e{number}"
        folder.mkdir()
        episode = Episode(cli, folder / "root", rng, shape)
        ran = 0
        for _ in range(steps * 3):  # a step with nothing to act on yet is drawn again
            step = episode.step()
            if step is None:
                continue
            episode.run(step)
            done[step.name] += 1
            ran += 1
            if ran == steps:
                break
    total = sum(done.values())
    print(f"\n{total} steps, 0 refused, {time.process_time() - started:.0f} s CPU: {dict(done)}")
    assert total >= STEPS
    assert all(done[name] for name in ("set-status", "outcome", "target", "result", "new", "import",
                                       "new period"))
