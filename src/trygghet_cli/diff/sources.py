"""What `trygghet diff` compares: two periods of one data root, or the root at two revisions."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

from trygghet_cli import diff
from trygghet_cli.diff import gitsource
from trygghet_cli.errors import UsageError
from trygghet_cli.findings import Severity
from trygghet_cli.model import Model
from trygghet_cli.root import config, repository

SUBJECTS = ("pledges", "agreements", "activities", "situation")


def _candidates(model: Model, subject: str) -> list[Any]:
    if subject == "pledges":
        return list(model.pledge_sets)
    if subject == "agreements":
        return list(model.agreements)
    if subject == "situation":
        return list(model.situations)
    return list(model.activity_lists)


def _names(model: Model, subject: str, entity: Any) -> set[str]:
    """Every name a period goes by: file stem, id, title and period label (2024–2025, 2024-2025)."""
    names = {PurePath(entity.ref.file.path).stem, entity.id, entity.title or entity.id}
    period = getattr(entity, "period", None)
    if subject == "activities":
        pledge_set = model.pledge_set(entity.pledge_set)
        period = pledge_set.period if pledge_set else None
    if period is not None:
        names |= {period.label(), period.label().replace("–", "-")}
    if subject == "situation":
        names.add(entity.when.text)
    return {n.casefold() for n in names}


def find(model: Model, subject: str, name: str) -> Any:
    """The pledge set, agreement or activity list that `name` names; UsageError if none."""
    wanted = name.strip().casefold()
    for entity in _candidates(model, subject):
        if wanted in _names(model, subject, entity):
            return entity
    known = ", ".join(PurePath(e.ref.file.path).stem for e in _candidates(model, subject))
    raise UsageError.say("diff.no_period", name=name, known=known or "–")


def diff_periods(root: Path, subject: str, old: str, new: str,
                 threshold: float = diff.DEFAULT_THRESHOLD, municipality: str | None = None) -> diff.Diff:
    """Compare two periods of one kind in a data root, e.g. pledges 2022-2023 and 2024-2025.

    In a root of several municipalities the periods are looked for among one municipality's
    documents (`municipality`, required there): Alby's 2024-2025 is not Berga's."""
    from trygghet_cli.area import scoped

    loaded = repository.load(root)
    model = scoped(loaded.model, municipality)
    folder = {"pledges": "pledges", "agreements": "agreements", "activities": "activities",
              "situation": "situation"}[subject]
    for name in (old, new):
        broken = [f for f in loaded.errors() if f.code[3] in "012"
                  and PurePath(f.where.path).parent.name == folder
                  and PurePath(f.where.path).stem.casefold() == name.casefold()]
        if broken:
            raise repository.refusal(broken)
    a, b = find(model, subject, old), find(model, subject, new)
    if subject == "pledges":
        return diff.diff_pledge_sets(a, b, threshold)
    if subject == "agreements":
        return diff.diff_agreements(a, b, threshold)
    if subject == "situation":
        return diff.diff_situations(a, b, threshold)
    return diff.diff_activity_lists(a, b, threshold)


def disk_paths(root: Path) -> dict[str, str]:
    """The files of a root on disk: as messages name them -> path relative to the root."""
    return {config.display_path(p): config.relative_name(root, p) or p.name
            for p in config.data_files(root)}


def _snapshot(label: str, loaded: repository.LoadedRoot, paths: dict[str, str],
              municipality: str | None) -> diff.Snapshot:
    from trygghet_cli.area import scoped

    errors = tuple(f for f in loaded.findings if f.severity is Severity.ERROR)
    model = loaded.model if municipality is None else scoped(loaded.model, municipality)
    return diff.Snapshot(label, model, errors, paths)


def _revision(root: Path, revision: str, prefix: str, municipality: str | None) -> diff.Snapshot:
    loaded = gitsource.load_revision(root, revision)
    shown = f"{revision}:{prefix}"
    return _snapshot(revision, loaded, {f: f.removeprefix(shown) for f in loaded.files}, municipality)


def diff_revisions(root: Path, spec: str, working_label: str,
                   threshold: float = diff.DEFAULT_THRESHOLD, municipality: str | None = None) -> diff.Diff:
    """Compare the data root at two git revisions (`A..B`, `A...B`), or at one and the files
    on disk (`A`), uncommitted changes included; with `municipality`, only the documents of
    that municipality of a police area's root (its own and joint ones)."""
    revisions = gitsource.parse_range(spec)
    prefix = gitsource.prefix_in_repository(root)
    old_side = _revision(root, revisions.base, prefix, municipality)
    if revisions.head is None:
        new_side = _snapshot(working_label, repository.load(root), disk_paths(root), municipality)
    else:
        new_side = _revision(root, revisions.head, prefix, municipality)
    return diff.diff_models(old_side, new_side, threshold)
