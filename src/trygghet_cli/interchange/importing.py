"""Import an activity table into a period's activity list: all rows or nothing, valid or nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygghet_cli.errors import UsageError
from trygghet_cli.findings import Finding, Severity
from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange import outcomes_in, periods, tables
from trygghet_cli.interchange.merge import Merger
from trygghet_cli.interchange.parse import RowParser, RowProblem
from trygghet_cli.loading.document import read_bytes
from trygghet_cli.root import config, repository

BOM = "\ufeff"


@dataclass(slots=True)
class ImportPlan:
    """What an import would do: the file, its old and new text, and the problems by row."""

    path: Path
    old_text: str
    new_text: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)  # said on stderr, not a refusal
    ignored_headers: list[str] = field(default_factory=list)
    digest: str | None = None
    had_bom: bool = False
    outcomes_added: int = 0
    outcomes_changed: int = 0
    results_added: int = 0
    results_changed: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # field -> the sheet's header of it


def _yaml() -> Any:
    """The round-trip YAML settings of `trygghet fmt`, so an imported file stays in its layout."""
    from trygghet_cli.editing import fmt

    return fmt._yaml()


def _document(target: periods.PeriodTarget, text: str) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if text:
        return _yaml().load(text)
    doc = CommentedMap()
    doc["id"] = f"al-{target.key}"
    doc["pledge_set"] = target.pledge_set.id
    doc["activities"] = CommentedSeq()
    return doc


def plan(root: Path, source: Path, period: str, mapping_file: Path | None = None,
         tick: Callable[[int, int], None] | None = None, lang: str = "sv",
         loose_dates: bool = False, table_kind: str = "activities") -> ImportPlan:
    """Read the table, merge it into the period's list and check the whole root with it.

    `table_kind` "activities" reads the activity rows, and a workbook's sheet Utfall beside
    them; "outcomes" reads a table of outcomes alone."""
    loaded = repository.load_valid(root)
    model = loaded.model
    target = periods.find(model, root, period)
    mapping = cols.load_mapping(mapping_file)
    old_text, digest, had_bom = _current(target)
    result = ImportPlan(target.path, old_text, digest=digest, had_bom=had_bom)
    doc = _document(target, old_text)
    rows: dict[str, int] = {}
    if table_kind == "outcomes":
        _outcomes(model, target, source, mapping.sheet, mapping.header_row, result, doc, lang)
    else:
        rows = _activities(model, target, source, mapping, result, doc, lang, loose_dates, tick)
        sheets = [name for name in tables.sheet_names(source) if name != mapping.sheet]
        beside = next((name for name in sheets if name.casefold() in outcomes_in.SHEETS), None)
        if beside is not None:
            _outcomes(model, target, source, beside, None, result, doc, lang)
        others = next((name for name in sheets if name.casefold() in outcomes_in.RESULT_SHEETS), None)
        if others is not None:
            _results(model, target, source, others, result, doc, lang)
    result.problems.sort(key=lambda p: (p.sheet, p.row))
    if result.problems:
        return result
    out = io.StringIO()
    _yaml().dump(doc, out)
    result.new_text = _in_place(target, out.getvalue())
    result.problems = _check(root, target.path, result.new_text, rows, lang, result.headers)
    return result


def _activities(model: Any, target: periods.PeriodTarget, source: Path, mapping: cols.Mapping,
                result: ImportPlan, doc: Any, lang: str, loose_dates: bool,
                tick: Callable[[int, int], None] | None) -> dict[str, int]:
    """Merge the activity rows into the list's data; the row of each activity by id."""
    from trygghet_cli.i18n import label

    table = tables.read(source, mapping.sheet, mapping.header_row, mapping.known)
    columns = mapping.columns(table.headers)
    if "title" not in columns.values() and "id" not in columns.values():
        raise UsageError.say("import.no_title_column", path=source,
                             headers=", ".join(h for h in table.headers if h) or "—")
    result.ignored_headers = [h for i, h in enumerate(table.headers) if h and i not in columns]
    if table.header_row > 1 and mapping.header_row is None:
        result.notes.append(RowProblem(0, label("import.header_found", lang, row=table.header_row)))
    parser = RowParser(model, target.pledge_set, mapping, target.key, columns, lang, loose_dates,
                       table.headers)
    parsed = parser.parse(table)
    own = {a.id for a in (target.activity_list.activities if target.activity_list else [])}
    everything = set(_ids(model)) - own
    assert model.config is not None
    merger = Merger(doc["activities"], everything, target.key,
                    {f.id: f.party for f in model.config.functions}, lang, parser.column)
    for done, row in enumerate(parsed, start=1):
        merger.apply(row)
        if tick:
            tick(done, len(parsed))
    result.problems += parser.problems + merger.problems
    result.notes += sorted(parser.notes + merger.notes, key=lambda p: p.row)
    result.added, result.updated = merger.added, merger.updated
    result.headers = dict(parser.headers)
    return merger.rows


def _outcomes(model: Any, target: periods.PeriodTarget, source: Path, sheet: str | None,
              header_row: int | None, result: ImportPlan, doc: Any, lang: str) -> None:
    """Apply an outcome table (a workbook's sheet Utfall, or --table outcomes) to the list."""
    from trygghet_cli.interchange.names import Names

    table = tables.read(source, sheet, header_row, outcomes_in.known)
    applied = outcomes_in.OutcomeRows(Names(model, target.pledge_set), lang,
                                      activities=doc["activities"],
                                      exported=outcomes_in.exported([target]))
    applied.apply(table)
    result.problems += [RowProblem(p.row, p.message, p.column, sheet or "") for p in applied.problems]
    result.outcomes_added, result.outcomes_changed = applied.added, applied.changed


def _results(model: Any, target: periods.PeriodTarget, source: Path, sheet: str,
             result: ImportPlan, doc: Any, lang: str) -> None:
    """Apply a workbook's sheet of other results (Övriga resultat) to the list."""
    from trygghet_cli.interchange import followup
    from trygghet_cli.interchange.names import Names

    table = tables.read(source, sheet, None, outcomes_in.known_results)
    applied = outcomes_in.ResultRows(Names(model, target.pledge_set), lang, doc=doc,
                                     exported=followup.result_records([target]))
    applied.apply(table)
    result.problems += [RowProblem(p.row, p.message, p.column, sheet) for p in applied.problems]
    result.results_added, result.results_changed = applied.added, applied.changed


def _in_place(target: periods.PeriodTarget, dumped: str) -> str:
    """The new text: the old file with only the changed values' lines rewritten when that can
    be done, else the dumped text in the file's own line breaks."""
    from trygghet_cli.interchange import minimal

    if target.activity_list is None:
        return dumped
    doc = target.activity_list.ref.file
    return minimal.edits(doc, dumped) or minimal.own_line_breaks(dumped, doc.text)


def _ids(model: Any) -> list[str]:
    from trygghet_cli.validate.references import _defined

    return [ident for _, ident, _ in _defined(model)]


def _current(target: periods.PeriodTarget) -> tuple[str, str | None, bool]:
    if target.activity_list is None:
        return "", None, False
    doc = target.activity_list.ref.file
    return doc.text, doc.digest, doc.had_bom


def _check(root: Path, path: Path, text: str, rows: dict[str, int], lang: str = "sv",
           headers: dict[str, str] | None = None) -> list[RowProblem]:
    """Errors of the whole root with the new file in its place, in memory; by row and, where
    the sheet has a column for the field, by cell."""
    from trygghet_cli.loading import load_bytes

    relative = config.relative_name(root, path) or path.name
    files: dict[str, bytes | Finding] = {}
    for file in config.data_files(root):
        name = config.relative_name(root, file) or file.name
        files[name] = read_bytes(file, config.display_path(file))
    files[relative] = text.encode("utf-8")
    prefix = config.display_path(root) + "/"
    loaded = repository.load_files(root, files, prefix)
    findings = [f for f in loaded.findings if f.severity is Severity.ERROR]
    if not findings:
        return []
    document = loaded.documents.get(prefix + relative)  # the new list as the check read it
    if document is None:
        document = load_bytes(text.encode("utf-8"), "new").document
    starts = _activity_lines(document)
    fields = _field_lines(document)
    problems = []
    for finding in findings:
        message, hint = finding.text(lang)
        hint = _sheet_hint(finding.code, headers or {}, lang) or hint
        message += f" ({hint})" if hint else ""
        if finding.where.path == prefix + relative:
            ident = next((i for line, i in reversed(starts) if line <= finding.where.line), None)
            row = rows.get(ident or "", 0)
            shown = message if row else f"{relative}:{finding.where.line}: {message}"
            column = (headers or {}).get(fields.get(finding.where.line, ""), "") if row else ""
            problems.append(RowProblem(row, shown, column))
        else:
            problems.append(RowProblem(0, f"{finding.where}: {message}"))
    return problems


# Findings whose hint names a key of the data file, and the column a sheet has for it.
_SHEET_FIELDS = {"TRY405": "reason"}  # a done row without its date is refused by the row check


def _sheet_hint(code: str, headers: dict[str, str], lang: str) -> str | None:
    """The hint in the sheet's words ('skriv varför i kolumnen Orsak') instead of the data
    file's ('reason: ...'); None for a finding whose hint names no column."""
    from trygghet_cli.i18n import label
    from trygghet_cli.interchange.columns import COLUMNS

    key = _SHEET_FIELDS.get(code)
    if key is None:
        return None
    if key in headers:
        return label(f"import.hint.{key}", lang, column=headers[key])
    sv, en, _others = COLUMNS[key]
    return label(f"import.hint.{key}.new", lang, column=sv if lang == "sv" else en)


def _field_lines(document: Any) -> dict[int, str]:
    """Line -> the activity's field written there ('due'; 'target' for a line of its targets)."""
    if document is None:
        return {}
    found: dict[int, str] = {}
    for path, (line, _column) in document.positions.items():
        if len(path) >= 3 and path[0] == "activities" and isinstance(path[2], str):
            found.setdefault(line, "target" if path[2] == "targets" else path[2])
    return found


def _activity_lines(document: Any) -> list[tuple[int, str]]:
    if document is None:
        return []
    return [(document.positions[("activities", i)][0], item.get("id", ""))
            for i, item in enumerate(document.data.get("activities", []))
            if ("activities", i) in document.positions]


def changed(result: ImportPlan) -> list[str]:
    """The ids of activities that were there before and differ now (a row that only repeats
    an activity as it is changes nothing, and is not counted)."""
    from trygghet_cli.loading import load_bytes

    def by_id(text: str) -> dict[str, Any]:
        document = load_bytes(text.encode("utf-8"), "import").document if text else None
        items = document.data.get("activities", []) if document is not None else []
        return {str(item.get("id")): item for item in items if isinstance(item, dict)}

    old, new = by_id(result.old_text), by_id(result.new_text)
    return [ident for ident, item in new.items() if ident in old and old[ident] != item]


def write(result: ImportPlan) -> None:
    """Write the new text atomically; refuse (exit 4) if the file changed since it was read."""
    from trygghet_cli.editing import atomic

    text = result.new_text
    if text == result.old_text:
        return
    if result.digest is None:
        atomic.write_new(result.path, text.encode("utf-8"))
        return
    if result.had_bom:
        text = BOM + text
    atomic.write_atomic(result.path, text.encode("utf-8"), result.digest)
