"""The overview: one row per municipality of many data roots, for the police area, the county
administrative board or Brå.

Each root is loaded through the result cache (on every core when much is uncached, as
validate does) and reduced to plain rows before the next one: a national run holds one
root's model at a time. A row is the municipality's status on as_of, as `trygghet status`
would show it, plus its current agreement, the date of its latest lägesbild and of the
latest change to its files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from trygghet_cli.errors import UsageError
from trygghet_cli.model import Model, Municipality
from trygghet_cli.root import config

# Sort keys, and whether larger values come first. Ties go by municipality.
SORT_KEYS: dict[str, bool] = {
    "municipality": False, "county": False, "police_area": False, "period": False,
    "done": True, "overdue": True, "targets_met": True, "changed": True,
}
_SWEDISH_ORDER = {ord("å"): "z\x01", ord("ä"): "z\x02", ord("ö"): "z\x03"}
STATUSES = ("overdue", "delayed", "ongoing", "planned", "unknown", "done", "cancelled")


@dataclass(frozen=True, slots=True)
class Row:
    """What the overview shows of one municipality. Plain data: no text in any language."""

    root: str
    municipality: str
    code: str
    county: str
    police_area: str
    errors: int = 0
    agreement: str | None = None
    agreement_start: date | None = None
    agreement_end: date | None = None
    pledge_set: str | None = None
    pledge_title: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_choice: str | None = None
    period_until: str | None = None  # "open" or "next": the period has no end yet (period_end None)
    period_uncertain: tuple[str, ...] = ()  # 'start' and/or 'end' when the sources give it only roughly
    activities: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    done_share: float | None = None
    overdue: int = 0
    targets: int = 0
    targets_met: int = 0
    situation: str | None = None
    changed: date | None = None
    law_met: int | None = None
    law_requirements: int | None = None

    @property
    def has_status(self) -> bool:
        return self.pledge_set is not None


@dataclass(frozen=True, slots=True)
class Query:
    """Which roots, which municipalities, judged on which day, in which order."""

    paths: tuple[Path, ...] = ()
    as_of: date = field(default_factory=date.today)
    police_areas: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    sort: str = "municipality"
    use_cache: bool = True


def find_roots(paths: tuple[Path, ...] | list[Path], start: Path | None = None) -> list[tuple[Path, Path]]:
    """Each data root named or below a named folder, with the folder whose cache it shares.

    Without paths: the working folder when it is a root (or inside one), else the roots below it."""
    here = (start or Path.cwd())
    if not paths:
        inside = config.root_of(here)
        paths = [inside] if inside is not None else [here]
    found: dict[Path, Path] = {}
    for path in paths:
        if not path.is_dir():
            raise UsageError.say("overview.no_folder", path=path)
        if config.is_root(path):
            found.setdefault(path, path)
            continue
        below = config.roots_below(path)
        if not below:
            raise UsageError.say("overview.no_roots", path=path)
        found.update((root, path) for root in below if root not in found)
    return list(found.items())


def _agreement(model: Model, as_of: date) -> tuple[str | None, date | None, date | None]:
    from trygghet_cli.render import select

    try:
        chosen = select.agreement(model, None, None, as_of)
    except UsageError:
        return None, None, None
    return chosen.title, chosen.period.start, chosen.period.end


def municipality_row(model: Model, base: Row, as_of: date) -> Row:
    """The row of one municipality of a valid, narrowed model."""
    from dataclasses import replace

    from trygghet_cli.law import Verdict as LawVerdict
    from trygghet_cli.law import check as check_law
    from trygghet_cli.situation.select import latest
    from trygghet_cli.status import Verdict, build_report

    title, start, end = _agreement(model, as_of)
    situation = latest(model, as_of)
    law = check_law(model, as_of)
    base = replace(base, agreement=title, agreement_start=start, agreement_end=end,
                   situation=situation.when.text if situation else None,
                   law_met=law.count(LawVerdict.MET), law_requirements=len(law.requirements))
    if not model.pledge_sets:
        return base
    report = build_report(model, None, as_of)
    summary = report.summary
    pledge_set = report.pledge_set
    return replace(
        base, pledge_set=pledge_set.id, pledge_title=pledge_set.title,
        period_start=pledge_set.period.start if pledge_set.period.given else None,
        period_end=None if pledge_set.period.open or not pledge_set.period.given else pledge_set.period.end,
        period_until=pledge_set.period.until,
        period_choice=report.selected.how.value, period_uncertain=tuple(pledge_set.period.uncertain),
        activities=summary.activities,
        statuses={status.value: count for status, count in summary.counts.items()},
        done_share=summary.done_share, overdue=summary.overdue, targets=summary.targets,
        targets_met=summary.verdicts[Verdict.MET] + summary.verdicts[Verdict.EXCEEDED])


def _base(root: str, municipality: Municipality | None, model: Model, folder: Path,
          errors: int) -> Row:
    cfg = model.config
    return Row(root=root, municipality=municipality.name if municipality else folder.name,
               code=municipality.code if municipality else "",
               county=(municipality.county or "") if municipality else "",
               police_area=cfg.police_area if cfg else "", errors=errors)


def root_rows(folder: Path, model: Model, errors: int, as_of: date) -> list[Row]:
    """One row per municipality of a loaded root; status only when the root is valid."""
    from trygghet_cli.area import scoped

    shown = config.display_path(folder)
    everyone = model.config.municipalities if model.config else []
    if not everyone:
        return [_base(shown, None, model, folder, errors)]
    rows = []
    for municipality in everyone:
        base = _base(shown, municipality, model, folder, errors)
        if errors:
            rows.append(base)
            continue
        mine = scoped(model, municipality.id) if len(everyone) > 1 else model
        rows.append(municipality_row(mine, base, as_of))
    return rows


def _matches(value: str, wanted: tuple[str, ...]) -> bool:
    """A filter matches a whole name or a word-start of it, case and accents as written:
    'Eskilstuna' matches 'Lokalpolisområde Eskilstuna/Strängnäs'."""
    if not wanted:
        return True
    key = value.casefold()
    return any(w.casefold() == key or w.casefold() in key.replace("/", " ").split()
               or key.startswith(w.casefold()) for w in wanted)


def _sort_text(text: str) -> str:
    """Swedish alphabetical order: å, ä and ö after z."""
    return text.casefold().translate(_SWEDISH_ORDER)


def sort_rows(rows: list[Row], key: str) -> list[Row]:
    if key not in SORT_KEYS:
        raise UsageError.say("overview.bad_sort", chosen=key, keys=", ".join(SORT_KEYS))
    by_name = sorted(rows, key=lambda r: (_sort_text(r.municipality), r.root))
    if key == "municipality":
        return by_name
    if key in {"county", "police_area"}:
        return sorted(by_name, key=lambda r: _sort_text(getattr(r, key)))
    if key in {"period", "changed"}:
        far = date.max if key == "period" else date.min
        return sorted(by_name, key=lambda r: (r.period_end if key == "period" else r.changed) or far,
                      reverse=SORT_KEYS[key])
    numbers: dict[str, Callable[[Row], float]] = {
        "done": lambda r: -1.0 if r.done_share is None else r.done_share,
        "overdue": lambda r: float(r.overdue), "targets_met": lambda r: float(r.targets_met)}
    return sorted(by_name, key=numbers[key], reverse=True)


def collect(query: Query) -> list[Row]:
    """The rows of every municipality of the roots, filtered and sorted."""
    from trygghet_cli.overview import dates
    from trygghet_cli.overview.work import rows_of_roots

    roots = find_roots(query.paths)
    found = rows_of_roots(roots, query.as_of, query.use_cache)
    changed = dates.latest_changes([root for root, _ in roots])
    rows = []
    for (root, _), root_found in zip(roots, found, strict=True):
        for row in root_found:
            if _matches(row.police_area, query.police_areas) and _matches(row.county, query.counties):
                from dataclasses import replace

                rows.append(replace(row, changed=changed.get(root)))
    return sort_rows(rows, query.sort)
