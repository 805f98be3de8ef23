"""A data root as a whole: load every file, check it layer by layer, build the model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli import build_model, config
from trygghet_cli.checks import coverage, privacy, references, rules, schema
from trygghet_cli.findings import Finding, Location, Severity, make
from trygghet_cli.loading import Document, cache, load_bytes
from trygghet_cli.loading.document import LoadResult, read_bytes
from trygghet_cli.model import Model


@dataclass(slots=True)
class LoadedRoot:
    """Everything known about one data root after loading and checking it."""

    root: Path
    model: Model = field(default_factory=Model)
    documents: dict[str, Document] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def _add(loaded: LoadedRoot, shown: str, result: LoadResult, kind: str | None) -> None:
    loaded.files.append(shown)
    loaded.findings.extend(result.findings)
    doc = result.document
    if doc is None:
        return
    loaded.documents[shown] = doc
    if kind is None:
        loaded.findings.append(make("TRY311", Location(shown, 1, 1),
                                    "file is not in agreements/, pledges/ or activities/",
                                    "move it into the folder for its kind",
                                    sv="filen ligger inte i agreements/, pledges/ eller activities/",
                                    sv_hint="flytta den till mappen för sin sort"))
        return
    problems = schema.check(doc, kind)
    loaded.findings.extend(problems)
    if not problems:
        build_model.add(kind, doc, loaded.model)
        loaded.findings.extend(privacy.check(doc))


def _add_bytes(loaded: LoadedRoot, shown: str, raw: bytes | Finding, kind: str | None) -> None:
    """Load one file's bytes, or take them from the cache of files found clean before."""
    if isinstance(raw, Finding):
        _add(loaded, shown, LoadResult(None, [raw]), kind)
        return
    clean = cache.get(raw, kind, shown) if kind else None
    if kind and clean is not None:
        loaded.files.append(shown)
        loaded.documents[shown] = clean
        build_model.add(kind, clean, loaded.model)
        return
    before = len(loaded.findings)
    result = load_bytes(raw, shown)
    _add(loaded, shown, result, kind)
    if kind and result.document is not None and len(loaded.findings) == before:
        cache.put(raw, kind, result.document)


def _finish(loaded: LoadedRoot) -> LoadedRoot:
    model = loaded.model
    loaded.findings.extend(references.check(model))
    loaded.findings.extend(rules.check(model))
    loaded.findings.extend(coverage.check(model))
    loaded.findings.sort(key=Finding.sort_key)
    return loaded


def load(root: Path, replaced: Mapping[Path, bytes] | None = None) -> LoadedRoot:
    """Load and check every file of a data root; one broken file never hides the others.

    `replaced` maps files to bytes used instead of what is on disk, or in addition to it
    for new files: editing checks a planned change this way before writing it.
    """
    loaded = LoadedRoot(root)
    instead = {p.resolve(): content for p, content in (replaced or {}).items()}
    paths = config.data_files(root)
    on_disk = {p.resolve() for p in paths}
    paths.extend(sorted(p for p in instead if p not in on_disk))
    for path in paths:
        shown = config.display_path(path)
        content = instead.get(path.resolve())
        raw = read_bytes(path, shown) if content is None else content
        _add_bytes(loaded, shown, raw, config.kind_of(root, path))
    return _finish(loaded)


def load_files(root: Path, files: Mapping[str, bytes | Finding], prefix: str = "") -> LoadedRoot:
    """Load and check a data root held in memory, e.g. read from a git revision.

    `files` maps POSIX paths relative to the root to their bytes, or to the finding that
    says why a file could not be read; messages name a file as `prefix` + its path.
    """
    loaded = LoadedRoot(root)
    for name in config.data_names(files):
        shown = prefix + name
        raw = files.get(name)
        if raw is None:
            raw = make("TRY001", Location(shown), "file not found", "check the path")
        _add_bytes(loaded, shown, raw, config.kind_of_relative(name))
    return _finish(loaded)


def load_valid(root: Path) -> LoadedRoot:
    """Load a root for a command that needs valid data; raise DataError listing the errors."""
    from trygghet_cli.errors import DataError

    loaded = load(root)
    errors = loaded.errors()
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DataError(f"{first.where}: {first.message}{more}",
                        "run 'trygghet validate' to see every problem")
    return loaded
