"""The overview's cells as words in a language, shared by the text, Markdown and HTML printers."""

from __future__ import annotations

from trygghet_cli.i18n import format_partial, format_percent, format_short_date, label
from trygghet_cli.model import NOT_GIVEN, OPEN_END, Period
from trygghet_cli.overview import STATUSES, Row


def count(n: int, key: str, lang: str) -> str:
    """'1 kommun' / '4 kommuner' and the like: the '_one' label for one."""
    return label(f"{key}_one", lang) if n == 1 else label(key, lang, n=n)


def key_name(key: str, lang: str) -> str:
    """A sort key as words: 'över tiden' / 'overdue'."""
    return label(f"ov.col.{key}", lang).lower()


def period(row: Row, lang: str) -> str:
    if row.errors:
        return count(row.errors, "ov.errors", lang)
    if row.pledge_set is None:
        return label("ov.no_pledges", lang)
    shown = NOT_GIVEN if row.period_start is None else Period(
        row.period_start, row.period_end or OPEN_END, until=row.period_until)
    text = shown.label(lang)
    if row.period_choice == "latest_ended":
        return label("ov.ended_uncertain" if "end" in row.period_uncertain else "ov.ended", lang, label=text)
    if row.period_choice == "upcoming":
        return label("ov.upcoming", lang, label=text)
    return text


def agreement(row: Row) -> str:
    if row.agreement_start is None or row.agreement_end is None:
        return "–"
    return Period(row.agreement_start, row.agreement_end).label()


def done(row: Row, lang: str) -> str:
    return "–" if row.done_share is None or not row.has_status else format_percent(row.done_share, lang)


def targets(row: Row, lang: str) -> str:
    if not row.has_status or not row.targets:
        return "–"
    return label("ov.targets_of", lang, met=row.targets_met, total=row.targets)


def statuses(row: Row, lang: str) -> str:
    shown = [f"{label(f'status.{s}', lang)} {row.statuses[s]}" for s in STATUSES
             if row.statuses.get(s)]
    return ", ".join(shown) or "–"


def changed(row: Row, lang: str) -> str:
    return format_short_date(row.changed, lang) if row.changed else "–"


def law(row: Row, lang: str) -> str:
    """'5 av 7' requirements of lag (2023:196) met, as `trygghet check law` judges them."""
    if row.law_met is None or not row.law_requirements:
        return "–"
    return label("ov.targets_of", lang, met=row.law_met, total=row.law_requirements)


def situation(row: Row, lang: str) -> str:
    return format_partial(row.situation, lang) if row.situation else "–"


def number(value: int, row: Row) -> str:
    return str(value) if row.has_status else "–"


def heading(rows: list[Row], roots: int, lang: str) -> str:
    """'4 kommuner i 1 datamapp'-style summary under the title."""
    word = " i " if lang == "sv" else " in "
    return count(len(rows), "ov.count", lang) + word + count(roots, "ov.roots", lang)


def cells(row: Row, lang: str) -> dict[str, str]:
    """Every column of a row as text in the language."""
    return {
        "municipality": row.municipality, "county": row.county or "–",
        "police_area": row.police_area or "–", "agreement": agreement(row),
        "period": period(row, lang), "activities": number(row.activities, row),
        "statuses": statuses(row, lang), "done": done(row, lang),
        "overdue": number(row.overdue, row), "targets_met": targets(row, lang),
        "situation": situation(row, lang), "changed": changed(row, lang), "law": law(row, lang),
    }
