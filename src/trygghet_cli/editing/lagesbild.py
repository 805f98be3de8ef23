"""A new lägesbild (situation/DATE.yaml) to fill in, tied to the current pledge period.

Only what is known is written as data: the id, the title, the date, who compiles it. The
three parts that 4 § of lag (2023:196) names (kartläggning, annan information, analys),
the problems and the indicators are written as commented-out examples with Swedish
comments, so the file validates as it is and nothing is invented. The current pledge set
that names no lägesbild yet gets `situation:` pointing at the new one (an in-place edit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trygghet_cli.area import Scope
from trygghet_cli.editing import session
from trygghet_cli.errors import UsageError
from trygghet_cli.model import Model, PledgeSet
from trygghet_cli.root.repository import LoadedRoot


@dataclass(slots=True)
class NewSituation:
    """The checked plan, the new lägesbild's id and file, and the pledge set it was tied to."""

    plan: session.Plan
    id: str
    path: str
    linked: str | None


def current_pledge_set(model: Model, day: date) -> PledgeSet | None:
    """The pledge set whose period holds the day, else the latest that started before it,
    else the first to come."""
    sets = sorted(model.pledge_sets, key=lambda s: (s.period.start, s.period.end))
    holding = [s for s in sets if s.period.contains(day)]
    started = [s for s in sets if s.period.start <= day]
    if holding or started:
        return (holding or started)[-1]
    return sets[0] if sets else None


def _template(lang: str) -> Any:
    import jinja2

    from trygghet_cli import resources
    from trygghet_cli.editing import scalars

    # YAML written by us, not HTML: no autoescape; data only fills the placeholders.
    env = jinja2.Environment(  # noqa: S701
        loader=jinja2.FileSystemLoader(str(resources.templates_dir() / "scaffold")),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
        variable_start_string="{=", variable_end_string="=}")
    env.filters["yaml"] = scalars.render
    return env.get_template(f"lagesbild.{'en' if lang == 'en' else 'sv'}.yaml.j2")


def _values(loaded: LoadedRoot, scope: Scope, day: date, ident: str, title: str,
            pledge_set: PledgeSet | None, linked: bool, lang: str) -> dict[str, Any]:
    from trygghet_cli import i18n

    config = loaded.model.config
    districts = [(d.id, d.name) for d in config.districts] if config else []
    parties = (pledge_set.raw.get("parties") if pledge_set else None) or \
        ([p.id for p in config.parties] if config else [])
    return {
        "name": scope.municipality.name if scope.municipality else (config.municipality if config else ""),
        "day": i18n.format_date(day, lang), "id": ident, "title": title, "date": day.isoformat(),
        "compiled_by": parties, "municipalities": [scope.municipality.id] if scope.municipality else [],
        "pledge_set": pledge_set.id if pledge_set else None,
        "period": pledge_set.period.label() if pledge_set else "", "linked": linked,
        "pledge_file": f"pledges/{Path(pledge_set.ref.file.path).name}" if pledge_set else "",
        "based_on": pledge_set.raw.get("situation") if pledge_set else None,
        "pledges": [(n, _short(p.text)) for n, p in enumerate(pledge_set.pledges, start=1)]
        if pledge_set else [],
        "districts": districts, "first_district": districts[0][0] if districts else "kommundel",
    }


def _short(text: str, width: int = 70) -> str:
    """A pledge's text on one comment line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _link(pledge_set: PledgeSet, ident: str) -> session.FileChange:
    from trygghet_cli.editing.roundtrip import Editor

    editor = Editor(pledge_set.ref.file, "pledges")
    editor.set(("situation",), ident)
    return session.from_edit(pledge_set.ref.file, editor.result())


def plan(loaded: LoadedRoot, day: date, title: str | None, lang: str, scope: Scope,
         link: bool | None = None) -> NewSituation:
    """Plan situation/DATE.yaml (and `situation:` in the current pledge set that names none,
    unless link is False); nothing is written here."""
    from trygghet_cli import i18n
    from trygghet_cli.editing.documents import _taken, _unique

    label = scope.label(day.isoformat())
    path = loaded.root / "situation" / f"{label}.yaml"
    if path.exists():
        raise UsageError.say("new.exists", path=f"situation/{label}.yaml")
    ident = _unique(f"lb-{label}", _taken(loaded.model) | {s.id for s in loaded.model.situations})
    name = scope.municipality.name if scope.municipality else \
        (loaded.model.config.municipality if loaded.model.config else "")
    title = title or i18n.label("new.situation_title", lang, name=name,
                                date=i18n.format_date(day, lang))
    pledge_set = current_pledge_set(scope.model, day)
    linking = pledge_set is not None and not pledge_set.raw.get("situation") and link is not False
    values = _values(loaded, scope, day, ident, title, pledge_set, linking, lang)
    text = _template(lang).render(values)
    new_bytes = session.encode(text, False)
    changes = [session.FileChange(path, "", text, new_bytes, None)]
    session.reload_as(new_bytes, str(path), _data(values))
    if linking and pledge_set is not None:
        changes.append(_link(pledge_set, ident))
    new_plan = session.Plan(loaded.root, changes)
    new_plan.warnings = session.check_root(new_plan, loaded.findings)
    return NewSituation(new_plan, ident, f"situation/{label}.yaml",
                        pledge_set.id if linking and pledge_set else None)


def _data(values: dict[str, Any]) -> dict[str, Any]:
    """What the new file must read back as: only these keys; the rest is comments."""
    data: dict[str, Any] = {"id": values["id"], "title": values["title"], "date": values["date"]}
    for key in ("compiled_by", "municipalities"):
        if values[key]:
            data[key] = list(values[key])
    return data
