"""Random sequences of the editing commands, and the checks made after every step.

Each step is a command with input that is valid for the root as it stands, and an oracle:
the data the edited file must read back as, and the lines it may change. Nothing here
runs a subprocess: the commands run in-process through the CLI (so the options, the
pledge numbers and the messages are covered too), the checks use the library.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from trygghet_cli.findings import Finding, Severity
from trygghet_cli.root import repository

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = Path(__file__).parent.parent / "data"
STATUSES = {"planned": "planerad", "ongoing": "pågår", "done": "klar", "delayed": "försenad",
            "cancelled": "inställd"}
# Text a coordinator types: Swedish letters, YAML's special characters, words YAML 1.1 reads
# as booleans, numbers as text, a leading dash or quote, and long text.
WORDS = ["Trygghetsvandring", "i", "Norr", "vuxennärvaro", "kl. 22:00", "#3", "'citat'",
         '"citat"', "- streck", "yes", "no", "null", "2024", "1e3", "@polisen", "a: b", "ÅÄÖ",
         "50 %", "{x}", "[y]", "&z", "*w", "!v", "|", ">", "~", "    indrag", "slut."]


def text(rng: random.Random, size: int = 4) -> str:
    """A text of a few words, sometimes long, never empty and never only spaces. (Never with
    a leading dash either: on a command line that is an option, unless after `--`.)"""
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, size))]
    if rng.random() < 0.05:
        words *= 30
    return " ".join(words).strip().lstrip("- ") or "x"


# ---------------------------------------------------------------- roots of different shapes


def _activity_text(rng: random.Random, number: int, style: dict[str, Any]) -> list[str]:
    """One generated activity in the style of the file (flow or block lists, quotes, comments)."""
    dash = style["dash"]
    pad = " " * (len(dash) + 2)
    title = text(rng)
    quoted = rng.choice([f"'{title.replace(chr(39), chr(39) * 2)}'",
                         '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'])
    status = rng.choice(["planned", "ongoing", "done", "delayed", "cancelled"])
    lines = [f"{dash}- id: a-{number:02d}", f"{pad}title: {quoted}"]
    pledge = rng.choice(["ml-1", "ml-2"])
    if style["flow"]:
        lines += [f"{pad}pledges: [{pledge}]", f"{pad}parties: [kommun, polis]"]
    else:
        lines += [f"{pad}pledges:", f"{pad}  - {pledge}", f"{pad}parties:", f"{pad}  - kommun"]
    if rng.random() < 0.5:
        lines.append(f"{pad}districts: [centrum, norr]")
    lines.append(f"{pad}start: 2024-0{rng.randint(1, 3)}-01")
    lines.append(f"{pad}status: {status}" + ("  # uppdateras vid mötet" if rng.random() < 0.3 else ""))
    if status == "done":
        lines.append(f"{pad}completed: 2024-10-15")
    if status in ("delayed", "cancelled"):
        lines += [f"{pad}reason: >-", f"{pad}  Personalbrist under", f"{pad}  våren."]
    if rng.random() < 0.7:
        lines += [f"{pad}targets:", f"{pad}  - id: t1", f"{pad}    kind: at_least",
                  f"{pad}    text: minst 4", f"{pad}    value: 4"]
        shape = rng.random()
        if shape < 0.4:
            lines += [f"{pad}    outcomes:", f"{pad}      - value: 2", f"{pad}        date: 2024-05-15",
                      f"{pad}        kind: interim"]
        elif shape < 0.5:
            lines.append(f"{pad}    outcomes: []")
    elif rng.random() < 0.3:
        lines.append(f"{pad}targets: []")
    return lines


def generated(root: Path, rng: random.Random, count: int) -> dict[str, Any]:
    """The small fixture root with an activity list of `count` generated activities, in a
    random style: CRLF or LF, BOM or none, comments between items, flow or block lists,
    the dash at the key's column or indented, no line break at the end."""
    shutil.copytree(FIXTURES / "minimal", root)
    style = {"dash": rng.choice(["", "  "]), "flow": rng.random() < 0.5,
             "crlf": rng.random() < 0.4, "bom": rng.random() < 0.3,
             "comments": rng.random() < 0.5, "final_newline": rng.random() < 0.85,
             "results": rng.random() < 0.3}
    lines = ["# Aktiviteter 2024–2025 (genererad testfil).", "id: al-2024-2025",
             "pledge_set: ml-2024-2025", "activities:"]
    for number in range(1, count + 1):
        if style["comments"] and rng.random() < 0.4:
            lines.append(f"{style['dash']}# Kommentar före aktivitet {number}")
        lines += _activity_text(rng, number, style)
    if style["results"]:
        lines += ["results:", f"{style['dash']}- text: Nya grannsamverkansgrupper",
                  f"{style['dash']}  value: 6", f"{style['dash']}  date: '2024'"]
    if style["comments"]:
        lines.append("# slut")
    newline = "\r\n" if style["crlf"] else "\n"
    body = newline.join(lines) + (newline if style["final_newline"] else "")
    data = (b"\xef\xbb\xbf" if style["bom"] else b"") + body.encode("utf-8")
    (root / "activities" / "2024-2025.yaml").write_bytes(data)
    return style


def fixture(root: Path, name: str) -> None:
    shutil.copytree(FIXTURES / name, root)


def bundled(root: Path) -> None:
    shutil.copytree(BUNDLED, root)


def fresh(root: Path, run: Callable[..., Any]) -> None:
    """The README's first period: init, an agreement and two pledges, no activity yet."""
    steps = [["init", str(root), "--name", "Exempelby kommun", "--code", "0999", "--police-area",
              "Lokalpolisområde Exempelby", "--district", "norr=Norr", "--district", "soder=Söder"],
             ["--data", str(root), "new", "agreement", "--start", "2026-01-01", "--end",
              "2029-12-31", "--area", "Trygg stadskärna", "--area", "unga=Unga som begår brott"],
             ["--data", str(root), "new", "pledges", "--start", "2026-01-01", "--end", "2027-12-31",
              "--pledge", "Vi genomför trygghetsvandringar i alla kommundelar.",
              "--pledge", "Polisen är synlig i centrum på helgkvällar."]]
    for args in steps:
        result = run(*args)
        assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- what a step may change


@dataclass
class Expect:
    """What a step must do: the file it edits (or creates) and the data it must read back as,
    and the old lines it may change (None: a new file; empty: a pure insertion)."""

    path: Path | None = None
    data: Any = None
    lines: tuple[int, int] | None = None  # old 1-based lines [first, last] that may change
    insert_only: bool = False
    new_files: list[Path] = field(default_factory=list)
    unchanged_ok: bool = False  # the command may find the change already there
    check: Callable[[str], None] | None = None  # a check on stdout (the id it chose)


@dataclass
class Step:
    """One command and its oracle."""

    name: str
    args: list[str]
    expect: Expect
    files: dict[Path, str] = field(default_factory=dict)  # files the step needs (an import table)


def item_span(document: Any, path: tuple[Any, ...]) -> tuple[int, int]:
    """The 1-based lines of a list item: from its first line to the line before the next
    item, or to the end of its list (the next key less indented, or the end of the file)."""
    items = document.data
    for step in path[:-1]:
        items = items[step]
    index = path[-1]
    first = document.positions[path][0]
    if index + 1 < len(items):
        return first, document.positions[(*path[:-1], index + 1)][0] - 1
    column = document.key_positions.get(path[:-1], (0, 0))[1]
    later = [line for p, (line, col) in document.key_positions.items()
             if line > first and col <= column]
    return first, (min(later) - 1 if later else 10**9)


# ---------------------------------------------------------------- the state of a root


@dataclass
class ActivityInfo:
    """What a generator needs of one activity."""

    id: str
    path: Path
    index: int
    raw: dict[str, Any]
    period: tuple[date, date]
    pledge_set: Any
    list_id: str
    doc: Any  # the loaded Document of its file


def activities(loaded: Any) -> list[ActivityInfo]:
    found = []
    for activity_list in loaded.model.activity_lists:
        pledge_set = loaded.model.pledge_set(activity_list.pledge_set)
        if pledge_set is None:
            continue
        doc = activity_list.ref.file
        for index, raw in enumerate(doc.data.get("activities") or []):
            found.append(ActivityInfo(raw["id"], Path(doc.path).resolve(), index, raw,
                                      (pledge_set.period.start, pledge_set.period.end), pledge_set,
                                      activity_list.id, doc))
    return found


def day_in(rng: random.Random, period: tuple[date, date], after: date | None = None) -> date:
    first = max(period[0], after) if after else period[0]
    span = (period[1] - first).days
    return first + timedelta(days=rng.randint(0, max(span, 0)))


def keyed(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.code, f.where.path, f.message) for f in findings}


def errors(loaded: Any) -> set[tuple[str, str, str]]:
    return keyed([f for f in loaded.findings if f.severity is Severity.ERROR])


def documents(loaded: Any) -> dict[Path, Any]:
    """Every loaded data file's Document by its resolved path."""
    model = loaded.model
    found = [*model.agreements, *model.pledge_sets, *model.activity_lists, *model.situations]
    return {Path(item.ref.file.path).resolve(): item.ref.file for item in found}


def load(root: Path) -> Any:
    return repository.load(root)


def deep(value: Any) -> Any:
    return copy.deepcopy(value)


WARNING_LINE = re.compile(r"^(?P<path>[^\n]*?):\d+:\d+: varning (?P<code>TRY\d+): (?P<message>.*)$")


# ---------------------------------------------------------------- the commands, with valid input


def _value(rng: random.Random) -> tuple[str, int | float | str]:
    """An outcome's value as typed, and as the data holds it."""
    roll = rng.random()
    if roll < 0.6:
        number = rng.randint(0, 500)
        return str(number), number
    if roll < 0.7:
        return "2.5", 2.5
    typed = text(rng, 3)
    for kind in (int, float):
        try:
            return typed, kind(typed)
        except ValueError:
            continue
    return typed, typed


def _day(rng: random.Random, period: tuple[date, date], after: date | None = None) -> str:
    """A day in the period, sometimes as its month only (YYYY-MM) when the month fits in it."""
    day = day_in(rng, period, after)
    month = day.strftime("%Y-%m")
    whole = date(day.year, day.month, 1) >= period[0] and \
        (date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)) <= period[1]
    after_start = after is None or date(day.year, day.month, 1) >= after
    return month if whole and after_start and rng.random() < 0.2 else day.isoformat()


def _quarter(rng: random.Random, period: tuple[date, date]) -> tuple[str, str] | None:
    quarters = []
    for year in range(period[0].year, period[1].year + 1):
        for month in (1, 4, 7, 10):
            first = date(year, month, 1)
            last = date(year + (month + 3) // 13, (month + 2) % 12 + 1, 1) - timedelta(days=1)
            if first >= period[0] and last <= period[1]:
                quarters.append((first.isoformat(), last.isoformat()))
    return rng.choice(quarters) if quarters else None


def _sources(loaded: Any) -> list[str]:
    return sorted({s.id for s in loaded.model.sources})


def _put(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    new = deep(data)
    target = new
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return new


def _start(raw: dict[str, Any]) -> date | None:
    text_ = raw.get("start")
    return date.fromisoformat(text_) if isinstance(text_, str) and len(text_) == 10 else None


def set_status(rng: random.Random, loaded: Any, infos: list[ActivityInfo]) -> Step | None:
    if not infos:
        return None
    info = rng.choice(infos)
    status = rng.choice(list(STATUSES))
    args = ["activity", "set-status", info.id, rng.choice([status, STATUSES[status]])]
    raw = info.raw
    item = deep(raw)
    item["status"] = status
    if status == "done":
        on = None
        start = _start(raw)
        future = start is not None and start > date.today() and not raw.get("completed")
        if rng.random() < 0.5 or future:  # done today, before its start (TRY410), is not valid
            on = _day(rng, info.period, start)
            args += ["--date", on]
        item["completed"] = on or raw.get("completed") or date.today().isoformat()
    else:
        item.pop("completed", None)
    if status in ("delayed", "cancelled"):
        reason = text(rng) if rng.random() < 0.7 or not raw.get("reason") else None
        if reason:
            args += ["--reason", reason]
        item["reason"] = reason or raw["reason"]
    else:
        item.pop("reason", None)
    if rng.random() < 0.2:
        note = text(rng)
        args += ["--note", note]
        item["status_note"] = note
    doc = info.doc.data
    return Step("set-status", args, Expect(info.path, _put(doc, ("activities", info.index), item),
                                            _span(info), unchanged_ok=True))


def _span(info: ActivityInfo) -> tuple[int, int]:
    return item_span(info.doc, ("activities", info.index))


def outcome(rng: random.Random, loaded: Any, infos: list[ActivityInfo]) -> Step | None:
    usable = [(i, n) for i in infos for n, t in enumerate(i.raw.get("targets") or [])
              if not t.get("indicator")]
    if not usable:
        return None
    info, index = rng.choice(usable)
    target = info.raw["targets"][index]
    args = ["activity", "outcome", info.id]
    item: dict[str, Any] = {}
    existing = target.get("outcomes") or []
    windows = [o for o in existing if "period" in o]
    dated = [o for o in existing if "period" not in o]
    sources = _sources(loaded)
    if dated and windows or rng.random() < 0.1 and sources:
        # Mixed figures can overlap in part (TRY420): a stated verdict has no figure.
        verdict = rng.choice(["met", "partly_met", "not_met"])
        word = {"met": "uppnått", "partly_met": "delvis", "not_met": "ej_uppnått"}[verdict]
        if not sources:
            return None
        args += ["--verdict", rng.choice([verdict, word]), "--source", rng.choice(sources)]
        item["verdict"] = verdict
        item["source"] = args[-1]
    else:
        typed, value = _value(rng)
        args.insert(3, typed)
        item["value"] = value
        if isinstance(value, int) and rng.random() < 0.2:
            bound = rng.choice(["at_least", "at_most"])
            args += ["--bound", rng.choice([bound, {"at_least": "minst", "at_most": "högst"}[bound]])]
            item["bound"] = bound
    use_window = bool(windows) or (not dated and rng.random() < 0.3)
    window = None
    if use_window and windows and not all(_is_quarter(o["period"]) for o in windows):
        window = (windows[0]["period"]["start"], windows[0]["period"]["end"])  # the same window
    elif use_window:
        window = _quarter(rng, info.period)
    if window:
        args += ["--from", window[0], "--to", window[1]]
        item["period"] = {"start": window[0], "end": window[1]}
    else:
        day = _day(rng, info.period)
        args += ["--date", day]
        item["date"] = day
    if len(info.raw["targets"]) > 1 or rng.random() < 0.3:
        args += ["--target", target["id"]]
    kind = rng.choice([None, "interim", "final", "delrapport", "slutligt"])
    if kind:
        args += ["--kind", kind]
        item["kind"] = {"delrapport": "interim", "slutligt": "final"}.get(kind, kind)
    if rng.random() < 0.2:
        args.append("--approximate")
        item["approximate"] = True
    if rng.random() < 0.2 and sources and "source" not in item:
        item["source"] = rng.choice(sources)
        args += ["--source", item["source"]]
    if rng.random() < 0.2:
        item["note"] = text(rng)
        args += ["--note", item["note"]]
    if rng.random() < 0.1:
        item["place"] = text(rng, 2)
        args += ["--place", item["place"]]
    doc = info.doc.data
    if item in existing:
        return Step("outcome", args, Expect(info.path, doc, _span(info), insert_only=True,
                                            unchanged_ok=True))
    new = _put(doc, ("activities", info.index, "targets", index, "outcomes"), [*existing, item])
    return Step("outcome", args, Expect(info.path, new, _span(info), insert_only=not _empty_flow(
        info, index)))


def _empty_flow(info: ActivityInfo, index: int) -> bool:
    """True when the target's outcomes are written `outcomes: []` (that line is replaced)."""
    return "outcomes" in info.raw["targets"][index] and not info.raw["targets"][index]["outcomes"]


def _is_quarter(span: dict[str, str]) -> bool:
    try:
        first, last = date.fromisoformat(span["start"]), date.fromisoformat(span["end"])
    except (ValueError, KeyError, TypeError):
        return False
    return first.day == 1 and first.month in (1, 4, 7, 10) and (last - first).days in range(88, 93)


KIND_WORDS = {"at_least": ["at_least", "minst"], "exactly": ["exactly", "exakt"],
              "rate": ["rate", "takt"], "qualitative": ["qualitative", "kvalitativt"]}


def _target_args(rng: random.Random, prefix: str, unique: str) -> tuple[list[str], dict[str, Any]]:
    kind = rng.choice(list(KIND_WORDS))
    said = f"{text(rng, 3)} {unique}"
    args = [f"--{prefix}kind", rng.choice(KIND_WORDS[kind]), f"--{prefix}text", said]
    data: dict[str, Any] = {"kind": kind, "text": said}
    if kind != "qualitative":
        value = rng.choice([1, 4, 12, 300])
        args += [f"--{prefix}value", str(value)]
        data["value"] = value
        if rng.random() < 0.5:
            data["unit"] = rng.choice(["trygghetsvandringar", "möten", "patruller"])
            args += [f"--{prefix}unit", data["unit"]]
    if kind == "rate":
        per = rng.choice(["day", "week", "month", "year"])
        args += [f"--{prefix}per", rng.choice([per, {"day": "dag", "week": "vecka", "month": "månad",
                                                     "year": "år"}[per]])]
        data["per"] = per
    return args, data


def target(rng: random.Random, loaded: Any, infos: list[ActivityInfo], serial: int) -> Step | None:
    if not infos:
        return None
    info = rng.choice(infos)
    options, data = _target_args(rng, "", f"nr {serial}")
    args = ["activity", "target", info.id, *options]
    if info.raw.get("districts") and rng.random() < 0.2:
        args.append("--per-district")
        data["per_district"] = True
    doc = info.doc.data
    existing = info.raw.get("targets") or []
    ids = [t["id"] for t in existing]
    number = max((int(m.group(1)) for m in (re.fullmatch(r"t(\d+)", i) for i in ids) if m), default=0)
    data = {"id": f"t{number + 1}", **data}
    if f"t{number + 1}" in ids:
        return None
    new = _put(doc, ("activities", info.index, "targets"), [*existing, data])
    flow = "targets" in info.raw and not existing
    return Step("target", args, Expect(info.path, new, _span(info), insert_only=not flow))


def result(rng: random.Random, loaded: Any, infos: list[ActivityInfo], serial: int) -> Step | None:
    lists = [a for a in loaded.model.activity_lists if loaded.model.pledge_set(a.pledge_set)]
    if not lists:
        return None
    chosen = rng.choice(lists)
    pledge_set = loaded.model.pledge_set(chosen.pledge_set)
    period = (pledge_set.period.start, pledge_set.period.end)
    said = f"{text(rng, 3)} {serial}"
    item: dict[str, Any] = {"text": said}
    args = ["activity", "result", said]
    mine = [i for i in infos if i.list_id == chosen.id]
    if mine and rng.random() < 0.4:
        activity = rng.choice(mine)
        args += ["--activity", activity.id]
        item["activity"] = activity.id
    else:
        args += ["--list", rng.choice([chosen.id, chosen.pledge_set])]
    if rng.random() < 0.6:
        value = rng.randint(1, 400)
        args += ["--value", str(value)]
        item["value"] = value
        if rng.random() < 0.3:
            args.append("--approximate")
            item["approximate"] = True
    if rng.random() < 0.5:
        window = _quarter(rng, period)
        if window:
            args += ["--from", window[0], "--to", window[1]]
            item["period"] = {"start": window[0], "end": window[1]}
    if "period" not in item and rng.random() < 0.7:
        item["date"] = _day(rng, period)
        args += ["--date", item["date"]]
    if pledge_set.pledges and rng.random() < 0.5:
        number = rng.randrange(len(pledge_set.pledges))
        args += ["--pledge", rng.choice([str(number + 1), pledge_set.pledges[number].id])]
        item["pledge"] = pledge_set.pledges[number].id
    path = Path(chosen.ref.file.path).resolve()
    doc = chosen.ref.file.data
    new = deep(doc)
    new["results"] = [*(doc.get("results") or []), item]
    return Step("result", args, Expect(path, new, (1, 10**9), insert_only="results" not in doc or
                                        bool(doc["results"])))


def new_activity(rng: random.Random, loaded: Any, infos: list[ActivityInfo], serial: int,
                 area: bool) -> Step | None:
    model = loaded.model
    listed = {a.pledge_set: a for a in model.activity_lists}
    sets = [s for s in model.pledge_sets if s.pledges]
    if not sets:
        return None
    pledge_set = rng.choice(sets)
    period = (pledge_set.period.start, pledge_set.period.end)
    title = f"{text(rng)} {serial}"
    count = len(pledge_set.pledges)
    numbers = sorted(rng.sample(range(count), rng.randint(1, min(2, count))))
    given = [rng.choice([str(n + 1), pledge_set.pledges[n].id]) for n in numbers]
    args = ["activity", "new", "--title", title]
    for pledge in given:
        args += ["--pledge", pledge]
    if area or not given[0].startswith(pledge_set.id) or rng.random() < 0.5:
        args += ["--list", rng.choice([pledge_set.id, listed[pledge_set.id].id]
                                      if pledge_set.id in listed else [pledge_set.id])]
    parties = sorted({p for n in numbers for p in pledge_set.pledges[n].parties}) or \
        [model.config.parties[0].id]
    chosen = rng.sample(parties, rng.randint(1, len(parties)))
    for party in chosen:
        args += ["--party", party]
    item: dict[str, Any] = {"title": title, "pledges": [pledge_set.pledges[n].id for n in numbers],
                            "parties": chosen}
    config = model.config
    if not area and config.functions and rng.random() < 0.5:
        item["owners"] = [rng.choice(config.functions).id]
        args += ["--owner", item["owners"][0]]
    if not area and config.districts and rng.random() < 0.4:
        item["districts"] = [rng.choice(config.districts).id]
        args += ["--district", item["districts"][0]]
    start = None
    if rng.random() < 0.5:
        start = day_in(rng, period)
        item["start"] = start.isoformat()
        args += ["--start", item["start"]]
    if rng.random() < 0.5:
        item["due"] = day_in(rng, period, start).isoformat()
        args += ["--due", item["due"]]
    status = rng.choice(list(STATUSES))
    if status != "planned" or rng.random() < 0.5:
        args += ["--status", rng.choice([status, STATUSES[status]])]
    item["status"] = status
    if status == "done":
        item["completed"] = date.today().isoformat()
        if start and start > date.today():  # done today, before it starts (TRY410): not valid
            return None
    if status in ("delayed", "cancelled"):
        item["reason"] = text(rng)
        args += ["--reason", item["reason"]]
    if rng.random() < 0.7:
        options, data = _target_args(rng, "target-", f"nr {serial}")
        args += options
        item["targets"] = [{"id": "t1", **data}]
    if pledge_set.id not in listed:
        return Step("new", args, Expect(None, item, None))
    path = Path(listed[pledge_set.id].ref.file.path).resolve()
    doc = listed[pledge_set.id].ref.file.data
    return Step("new", args, Expect(path, item, (1, 10**9), insert_only=bool(doc.get("activities"))))


def new_period(rng: random.Random, loaded: Any, area: bool) -> Step | None:
    if not loaded.model.pledge_sets or area:
        return None
    return Step("new period", ["new", "period"], Expect(None, None, None))


def import_table(rng: random.Random, loaded: Any, infos: list[ActivityInfo], serial: int,
                 folder: Path) -> Step | None:
    """A CSV table that changes the status (and title) of some activities of one period and
    adds one: the status words in Swedish, a done one with its date, a delayed one with why."""
    lists = [a for a in loaded.model.activity_lists if a.activities]
    if not lists:
        return None
    chosen = rng.choice(lists)
    pledge_set = loaded.model.pledge_set(chosen.pledge_set)
    mine = [i for i in infos if i.list_id == chosen.id]
    rows = []
    changes: dict[str, dict[str, Any]] = {}
    for info in rng.sample(mine, min(len(mine), rng.randint(1, 3))):
        status = rng.choice(list(STATUSES))
        row = {"id": info.id, "status": STATUSES[status], "slutförd": "", "orsak": ""}
        change: dict[str, Any] = {"status": status}
        if status == "done":
            row["slutförd"] = day_in(rng, (info.period[0], info.period[1]), _start(info.raw)).isoformat()
            change["completed"] = row["slutförd"]
        if status in ("delayed", "cancelled"):
            row["orsak"] = f"Orsak {serial}"
            change["reason"] = row["orsak"]
        rows.append(row)
        changes[info.id] = change
    table = folder / f"import-{serial}.csv"
    header = ["id", "status", "slutförd", "orsak"]
    lines = [";".join(header)] + [";".join(row[h] for h in header) for row in rows]
    key = pledge_set.id
    step = Step("import", ["import", "activities", str(table), "--period", key],
                Expect(Path(chosen.ref.file.path).resolve(), changes, None))
    step.files[table] = "\n".join(lines) + "\n"
    return step


# ---------------------------------------------------------------- the checks after a step


def lines_of(content: bytes) -> list[bytes]:
    return re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", content)


def changed_window(old: list[bytes], new: list[bytes]) -> tuple[int, int, int]:
    """(p, old_end, new_end): lines [p, old_end) of old became [p, new_end) of new; the rest
    is the same bytes in the same order."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, len(old) - s, len(new) - s


def check_lines(name: str, old: bytes, new: bytes, expect: Expect) -> None:
    """Only the lines the step may change changed; line breaks and BOM as the file had them."""
    assert old.startswith(b"\xef\xbb\xbf") == new.startswith(b"\xef\xbb\xbf"), f"{name}: BOM"
    old_lines, new_lines = lines_of(old), lines_of(new)
    first, old_end, new_end = changed_window(old_lines, new_lines)
    breaks = {re.search(rb"(\r\n|\r|\n)$", line).group() for line in old_lines
              if re.search(rb"(\r\n|\r|\n)$", line)}
    if len(breaks) == 1:
        newline = next(iter(breaks))
        for line in new_lines[first:new_end]:
            assert line.endswith(newline) or line is new_lines[-1], f"{name}: line break of {line!r}"
    if expect.insert_only:
        touched = old_lines[first:old_end]
        # A file without a line break at its end gets one before the new lines.
        assert not touched or (touched == [old_lines[-1]] and not old_lines[-1].endswith(b"\n")
                               and new_lines[first].startswith(old_lines[-1])), \
            f"{name}: old lines {first + 1}..{old_end} changed: {touched!r}"
    if expect.lines is not None and old_end > first:
        low, high = expect.lines
        assert low <= first + 1 and old_end <= high, \
            f"{name}: lines {first + 1}..{old_end} changed, outside {low}..{high}"
    if expect.lines is not None and old_end == first and expect.lines != (1, 10**9):
        low, high = expect.lines
        assert low <= first + 1 <= high + 1, f"{name}: inserted at line {first + 1}, not in {low}..{high}"
