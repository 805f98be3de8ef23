"""Validate files, data roots, or folders of data roots in one run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli.errors import UsageError
from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.loading import load_path
from trygghet_cli.root import config
from trygghet_cli.validate.rootcache import Excerpts
from trygghet_cli.validate.workers import RootJob, RootSummary, summaries


@dataclass(slots=True)
class Report:
    """The findings of a validate run, the files read, and the source lines the findings point
    to (by file and line number, for excerpts; empty when the run was asked for none)."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    roots: list[Path] = field(default_factory=list)
    texts: Excerpts = field(default_factory=dict)

    def unreadable(self) -> bool:
        return any(f.code == "TRY001" for f in self.findings)


def _targets(paths: list[Path], data: Path | None,
             homes: dict[Path, Path]) -> dict[Path, set[str] | None]:
    """Which roots to load, and for each the files to report on (None: all of them).
    `homes` learns the folder whose cache a root shares, when a folder of roots is named."""
    if not paths:
        return {config.find_root(explicit=data): None}
    wanted: dict[Path, set[str] | None] = {}
    for path in paths:
        if path.is_dir():
            _add_folder(wanted, path, homes)
            continue
        root = config.root_of(path) if path.exists() else None
        if root is None:
            wanted.setdefault(path, set())
            continue
        files = wanted.setdefault(root, set())
        if files is not None:
            files.add(config.display_path(path))
    return wanted


def _add_folder(wanted: dict[Path, set[str] | None], folder: Path, homes: dict[Path, Path]) -> None:
    if config.is_root(folder):
        wanted[folder] = None
        return
    below = config.roots_below(folder)
    if below:
        wanted.update(dict.fromkeys(below))
        homes.update(dict.fromkeys(below, folder))
        return
    root = config.root_of(folder)
    if root is None:
        raise UsageError.say("validate.no_root", folder=folder)
    files = wanted.setdefault(root, set())
    if files is not None:
        files.update(config.display_path(p) for p in config.data_files(root)
                     if folder.resolve() in config.located(p).parents)


def _lone_file(report: Report, path: Path) -> None:
    shown = config.display_path(path)
    report.files.append(shown)
    result = load_path(path, shown)
    report.findings.extend(result.findings)
    if result.document is not None:
        report.findings.append(make("TRY311", Location(shown, 1, 1),
                                    "file is not inside a data root (no trygghet.yaml above it)",
                                    "move it into a data root's agreements/, pledges/, "
                                    "activities/ or situation/ folder",
                                    sv="filen ligger inte i någon datamapp (ingen trygghet.yaml "
                                    "ovanför)", sv_hint="flytta den till mappen agreements/, "
                                    "pledges/, activities/ eller situation/ i en datamapp"))
        lines = result.document.text.splitlines()
        wanted = {f.where.line for f in report.findings if f.where.path == shown}
        report.texts[shown] = {n: lines[n - 1] for n in sorted(wanted) if 0 < n <= len(lines)}


def _add_root(report: Report, root: Path, only: set[str] | None, summary: RootSummary) -> None:
    report.roots.append(root)
    report.files.extend(summary.files if only is None else [f for f in summary.files if f in only])
    report.findings.extend(f for f in summary.findings if only is None or f.where.path in only)
    report.texts.update(summary.texts)


def validate(paths: list[Path], data: Path | None = None,
             tick: Callable[[int, int], None] | None = None, *, use_cache: bool = True,
             excerpts: bool = True, warning_excerpts: bool = True) -> Report:
    """Check every named file or root; all findings of all files, sorted by place.

    `tick(done, total)` is called after each root, for a progress display. Per-file results,
    and a root's whole result while none of its files changed, are cached (see cache.py and
    rootcache.py) unless use_cache is False; many uncached files are checked on every core,
    and the report is the same either way. With excerpts False the report holds no source
    lines (nothing to print them; nothing is redacted), with warning_excerpts False only the
    errors' (the default text output shows no warning's).
    """
    report = Report()
    homes: dict[Path, Path] = {}
    targets = _targets(paths, data, homes)
    jobs = [RootJob(root, only, homes.get(root, root), excerpts, summary_cached=True,
                    warning_excerpts=warning_excerpts)
            for root, only in targets.items() if root.is_dir()]
    results = summaries(jobs, use_cache)
    for done, (root, only) in enumerate(targets.items(), start=1):
        if root.is_dir():
            _add_root(report, root, only, next(results))
        else:
            _lone_file(report, root)
        if tick is not None:
            tick(done, len(targets))
    report.findings.sort(key=Finding.sort_key)
    return report
