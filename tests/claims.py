"""Data roots that each lack one part, and every output trygghet publishes for them.

The claims tests (tests/cli/test_claims.py, and the site's own) render each root of
the matrix and check that no output claims a part the root does not have, names fewer
parties than the root has, or rounds away a digit that was entered. Each root is the
Exempelby test root (tests/fixtures/exempelby) with one change, written with ruamel's
round-trip dump so the files stay what a person would write.

    root = make_root(tmp_path, "no_agreement")
    texts = outputs(root, VARIANTS["no_agreement"].as_of)   # {"report yearly html": "...", ...}
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES, Run

BASE = FIXTURES / "exempelby"
REPORT_KINDS = ("yearly", "pledges", "status", "agreement", "lagesbild", "council")
AS_OF = date(2025, 6, 1)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def edit(path: Path, change: Callable[[Any], None]) -> None:
    """Change one data file in place through ruamel's round trip."""
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def _files(root: Path, folder: str) -> list[Path]:
    return sorted((root / folder).glob("*.yaml"))


def _each(root: Path, folder: str, change: Callable[[Any], None]) -> None:
    for path in _files(root, folder):
        edit(path, change)


def _drop(data: Any, *keys: str) -> None:
    for key in keys:
        data.pop(key, None)


def _pledges(change: Callable[[Any], None]) -> Callable[[Any], None]:
    def _apply(data: Any) -> None:
        for pledge in data["pledges"]:
            change(pledge)
    return _apply


def _activities(change: Callable[[Any], None]) -> Callable[[Any], None]:
    def _apply(data: Any) -> None:
        for activity in data["activities"]:
            change(activity)
    return _apply


# --- the changes, one per root ------------------------------------------------------------

def no_agreement(root: Path) -> None:
    shutil.rmtree(root / "agreements")
    _each(root, "pledges", lambda d: _drop(d, "agreement"))
    _each(root, "pledges", _pledges(lambda p: _drop(p, "areas")))


def no_areas(root: Path) -> None:
    """The agreement keeps its areas (the schema asks for one), but no pledge names one."""
    _each(root, "pledges", _pledges(lambda p: _drop(p, "areas")))


def no_lagesbild(root: Path) -> None:
    shutil.rmtree(root / "situation")
    _each(root, "agreements", lambda d: _drop(d, "situation"))
    _each(root, "pledges", lambda d: _drop(d, "situation"))
    _each(root, "pledges", _pledges(lambda p: _drop(p, "problems")))

    def _activity(activity: Any) -> None:
        _drop(activity, "problems")
        for target in activity.get("targets", []):
            _drop(target, "indicator")
    _each(root, "activities", _activities(_activity))


def no_activities(root: Path) -> None:
    shutil.rmtree(root / "activities")


def unknown_statuses(root: Path) -> None:
    """Real follow-ups rarely record each activity's status: none is given, outcomes are."""
    def _activity(activity: Any) -> None:
        _drop(activity, "status", "completed")
        for target in activity.get("targets", []):
            if target["kind"] == "qualitative" and not target.get("outcomes"):
                continue
            target.setdefault("outcomes", [])
    _each(root, "activities", _activities(_activity))


def ended_sets(root: Path) -> None:
    """Nothing changes in the files: the root is judged after its pledge set ended."""


THIRD_PARTY = "Exempelbyhem AB"


def three_parties(root: Path) -> None:
    def _config(data: Any) -> None:
        data["parties"].append({"id": "bostad", "name": THIRD_PARTY, "kind": "foretag"})
    edit(root / "trygghet.yaml", _config)

    def _add(data: Any) -> None:
        data["parties"].append("bostad")
    _each(root, "agreements", _add)
    _each(root, "pledges", _add)
    edit(_files(root, "pledges")[0], lambda d: d["pledges"][1]["parties"].append("bostad"))


def uncertain_dates(root: Path) -> None:
    """Ends the sources give only roughly, and a lägesbild and a council report dated by year."""
    def _period(data: Any) -> None:
        data["period"]["uncertain"] = ["end"]
    _each(root, "agreements", _period)
    _each(root, "pledges", _period)
    edit(root / "situation" / "2024-10.yaml", lambda d: d.__setitem__("date", "2024"))
    edit(root / "trygghet.yaml", lambda d: d["council_reports"][0].__setitem__("date", "2025"))
    edit(root / "activities" / "2024-2025.yaml", lambda d: d["activities"][2].pop("due"))


TWO_DECIMALS = ("2,03", "1,40", "1,38")


def two_decimals(root: Path) -> None:
    """An indicator entered with two decimals, as a rate per 1,000 residents is."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarfloat import ScalarFloat

    def _value(year: str, text: str) -> CommentedMap:
        value = ScalarFloat(float(text), width=len(text), prec=text.index("."), m_lead0=0)
        return CommentedMap([("date", year), ("value", value)])

    def _indicator(data: Any) -> None:
        data["mapping"]["indicators"].append(CommentedMap([
            ("id", "ind-ran"), ("name", "Anmälda rån per 1 000 invånare"), ("unit", "per 1 000 invånare"),
            ("source", "src-brott"), ("better", "lower"),
            ("values", [_value("2022", "2.03"), _value("2023", "1.40"), _value("2024", "1.38")])]))
        data["problems"][0].setdefault("indicators", []).append("ind-ran")
    edit(root / "situation" / "2024-10.yaml", _indicator)


@dataclass(frozen=True, slots=True)
class Variant:
    """One root of the matrix: what it lacks, and the date it is judged on."""

    name: str
    change: Callable[[Path], None]
    as_of: date = AS_OF
    lacks: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


VARIANTS: dict[str, Variant] = {v.name: v for v in (
    Variant("no_agreement", no_agreement, lacks="agreement"),
    Variant("no_areas", no_areas, lacks="areas"),
    Variant("no_lagesbild", no_lagesbild, lacks="lagesbild"),
    Variant("no_activities", no_activities, lacks="activities"),
    Variant("unknown_statuses", unknown_statuses, lacks="statuses"),
    Variant("ended_sets", ended_sets, as_of=date(2026, 6, 1), lacks="current pledges"),
    Variant("three_parties", three_parties),
    Variant("uncertain_dates", uncertain_dates),
    Variant("two_decimals", two_decimals),
)}


def make_root(tmp_path: Path, name: str) -> Path:
    """A copy of the Exempelby root with the variant's change made."""
    root = tmp_path / name
    shutil.copytree(BASE, root)
    VARIANTS[name].change(root)
    return root


# --- every output -------------------------------------------------------------------------

def _ok(result: Any, what: str) -> str:
    assert result.exit_code == 0, f"{what}: exit {result.exit_code}\n{result.stdout}\n{result.stderr}"
    return str(result.stdout)


def reports(run: Run, root: Path, as_of: date) -> Iterator[tuple[str, str]]:
    """Every report kind as Markdown and HTML; a kind the root has no document for is left out
    (the command then refuses with exit 2, which the claims tests check separately)."""
    for kind in REPORT_KINDS:
        for fmt in ("md", "html"):
            result = run("-d", str(root), "report", kind, "--format", fmt, "--as-of", as_of.isoformat())
            if result.exit_code == 2:
                continue
            yield f"report {kind} {fmt}", _ok(result, f"report {kind} {fmt}")


def commands(run: Run, root: Path, as_of: date) -> Iterator[tuple[str, str]]:
    """check law, status and overview, in each of their text formats."""
    day = as_of.isoformat()
    for fmt in ("text", "md", "json"):
        result = run("-d", str(root), "check", "law", "--as-of", day, "--format", fmt)
        yield f"check law {fmt}", _ok(result, f"check law {fmt}")
    for extra in ((), ("--by", "problem"), ("--format", "md"), ("--format", "json")):
        result = run("-d", str(root), "status", "--as-of", day, *extra)
        if result.exit_code == 2 and not extra:
            continue
        if result.exit_code != 2:
            yield f"status {' '.join(extra)}".strip(), _ok(result, f"status {extra}")
    for fmt in ("table", "md", "html", "json"):
        result = run("overview", str(root), "--as-of", day, "--format", fmt)
        yield f"overview {fmt}", _ok(result, f"overview {fmt}")


def site(run: Run, root: Path, as_of: date, out: Path) -> Iterator[tuple[str, str]]:
    """Every page and open-data file of the citizen site."""
    _ok(run("-d", str(root), "site", "-o", str(out), "--as-of", as_of.isoformat()), "site")
    for path in sorted(out.rglob("*")):
        if path.suffix in {".html", ".csv", ".json", ".jsonld", ".xml", ".rdf", ".ttl"}:
            yield f"site {path.relative_to(out)}", path.read_text(encoding="utf-8")


def outputs(root: Path, as_of: date, site_dir: Path | None = None) -> dict[str, str]:
    """Every output of the root, by a name that says which it is."""
    run = Run()
    found = dict(reports(run, root, as_of))
    found.update(commands(run, root, as_of))
    if site_dir is not None:
        found.update(site(run, root, as_of, site_dir))
    return found


_TAGS = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(style|script|head)\b.*?</\1>", re.S)


def plain(text: str) -> str:
    """The text of an output as a reader sees it: tags gone, entities and whitespace folded."""
    import html

    return " ".join(html.unescape(_TAGS.sub(" ", _HIDDEN.sub(" ", text))).split())
