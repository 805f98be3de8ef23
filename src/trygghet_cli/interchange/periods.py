"""Name a pledge period on the command line (--period) and find its activity list file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trygghet_cli.errors import UsageError
from trygghet_cli.model import ActivityList, Model, PledgeSet


@dataclass(slots=True)
class PeriodTarget:
    """A pledge set, its activity list (None before the first import) and the list's file."""

    key: str
    pledge_set: PledgeSet
    activity_list: ActivityList | None
    path: Path
    municipality: str = ""  # its municipality, or a joint period's municipalities 'A; B'


def _plain_label(pledge_set: PledgeSet) -> str:
    """'2024-2025'; the set's id for a period without an end or not given ('ml-utan-period')."""
    period = pledge_set.period
    return period.label().replace("–", "-") if period.given and not period.open else pledge_set.id


def targets(model: Model, root: Path) -> list[PeriodTarget]:
    """Every pledge period of the model, in the order of the pledge sets."""
    from trygghet_cli.area import municipalities_of

    found = []
    for pledge_set in model.pledge_sets:
        listed = next((a for a in model.activity_lists if a.pledge_set == pledge_set.id), None)
        if listed is not None:
            path = Path(listed.ref.file.path)
            key = path.stem
        else:
            key = _plain_label(pledge_set)
            path = root / "activities" / f"{key}.yaml"
        named = [m.name for m in municipalities_of(model, listed or pledge_set)]
        found.append(PeriodTarget(key, pledge_set, listed, path, "; ".join(named)))
    return found


def find(model: Model, root: Path, name: str) -> PeriodTarget:
    """The period named by its file name, period (2024-2025), pledge set id or activity list id."""
    wanted = name.strip().replace("–", "-")
    for target in targets(model, root):
        names = {target.key, target.pledge_set.id, _plain_label(target.pledge_set)}
        if target.activity_list is not None:
            names.add(target.activity_list.id)
        if wanted in names:
            return target
    known = ", ".join(t.key for t in targets(model, root))
    if not known:
        raise UsageError.say("period.no_pledges")
    raise UsageError.say("period.none", name=name, choices=known)
