"""Status values in words, sv or en: shared by the table, CSV, Markdown and HTML views."""

from __future__ import annotations

from dataclasses import dataclass

from trygghet_cli.i18n import (
    format_date,
    format_percent,
    format_period,
    format_short_date,
    format_uncertain,
    join_list,
    label,
    plural,
)
from trygghet_cli.model import ActivityList, Model, PledgeSet
from trygghet_cli.status import (
    ActivityState,
    Effective,
    Gap,
    PeriodChoice,
    Rollup,
    StatusReport,
    Verdict,
)
from trygghet_cli.status.verdict_words import attainment_text, days_text, outcome_value, verdict_name

__all__ = ["attainment_text", "outcome_value", "verdict_name"]  # re-exported for the views


def pledges_named(pledge_set: PledgeSet, lang: str) -> str:
    """A pledge set as a sentence names it: 'medborgarlöftena 2024–2025' ('the citizen pledges
    2024–2025'), never its title, which starts with a capital ("Läget för Medborgarlöften")."""
    if not pledge_set.period.given:
        return plural("pledges.named_no_period", lang, len(pledge_set.pledges))
    return plural("pledges.named", lang, len(pledge_set.pledges), period=pledge_set.period.label(lang))


def list_named(lst: ActivityList, model: Model, lang: str) -> str:
    """An activity list as a heading names it: its title, else 'Aktiviteter för
    medborgarlöftena 2026–2028' (a list made by `activity new` has no title; its id is no heading)."""
    if lst.title:
        return lst.title
    pledge_set = model.pledge_set(lst.pledge_set)
    return label("list.named", lang, set=pledges_named(pledge_set, lang)) if pledge_set else lst.id


def status_name(status: Effective | str, lang: str) -> str:
    return label(f"status.{Effective(status).value}", lang)


def state_text(state: ActivityState, lang: str) -> str:
    """'pågår' / 'passerat slutdatum för 12 dagar sedan: pågår' / 'okänd, slutdatum passerat för 3
    dagar sedan'. For a period that has ended the days are not counted up to today: the text says
    what the follow-up says."""
    status = status_name(state.written.value, lang)
    if state.overdue:
        if state.closed:
            return label("st.overdue_closed", lang, status=status)
        return label("st.overdue_text", lang, status=status, days=days_text(state.days_past_due, lang))
    if state.effective is Effective.UNKNOWN and state.days_past_due and not state.closed:
        return label("st.unknown_past_due", lang, days=days_text(state.days_past_due, lang))
    return status_name(state.effective, lang)


def period_text(report: StatusReport, lang: str) -> str:
    """'Period 1 januari 2019 – 31 december 2019, avslutad' and the like."""
    period = report.pledge_set.period
    summary = report.summary
    if not period.given:
        text = label("st.period_not_given", lang)
        return label("period.extends", lang, period=text, title=report.extends) if report.extends else text
    if period.open or period.until or report.extends:
        text = label("st.period_open", lang, period=format_period(period, lang, report.extends))
        if period.open:
            return f"{text}, {label('st.running' if summary.started else 'st.not_started', lang)}"
    else:
        text = label("st.period", lang,
                     start=format_uncertain(period.start, "start" in period.uncertain, lang),
                     end=format_uncertain(period.end, "end" in period.uncertain, lang))
    if summary.ended:
        state = label("st.ended_uncertain" if "end" in period.uncertain else "st.ended", lang)
    elif not summary.started:
        state = label("st.not_started", lang)
    elif summary.days_left == 0:
        state = label("st.ends_today", lang)
    else:
        days: object = summary.days_left
        if "end" in period.uncertain:  # the sources are unsure of the end: so is the count
            days = label("outcome.approximate", lang, value=days)
        state = label("st.days_left", lang, days=days)
    return f"{text}, {state}"


def choice_note(report: StatusReport, lang: str) -> str | None:
    """Why this period is shown, when as_of lies outside it and none was asked for."""
    how = report.selected.how
    others = report.selected.others
    if how is PeriodChoice.CURRENT and others:
        names = join_list([f"{s.title} ({s.id})" for s in others], lang)
        return label("st.chosen.overlap", lang, date=format_date(report.as_of, lang),
                     title=report.pledge_set.title, others=names)
    if how in (PeriodChoice.REQUESTED, PeriodChoice.CURRENT):
        return None
    return label(f"st.chosen.{how.value}", lang, date=format_date(report.as_of, lang),
                 label=report.pledge_set.period.label(lang), title=report.pledge_set.title)


def counts_text(counts: dict[Effective, int], lang: str) -> str:
    """'klar 6, okänd 1': non-zero statuses in display order."""
    return ", ".join(f"{status_name(s, lang)} {n}" for s, n in counts.items() if n)


def verdicts_text(verdicts: dict[Verdict, int], lang: str) -> str:
    return ", ".join(f"{verdict_name(v, lang)} {n}" for v, n in verdicts.items() if n)


def share_text(share: float | None, lang: str) -> str:
    return format_percent(share, lang) if share is not None else "–"


def done_figure(share: float | None, lang: str) -> list[str]:
    """['40 % klara'], or nothing when no activity has a status given (not '– klara')."""
    return [] if share is None else [label("st.done_share", lang, share=share_text(share, lang))]


def bar(share: float | None, width: int = 20) -> str:
    """A progress bar that reads without colour: ████████░░░░."""
    filled = round((share or 0.0) * width)
    return "█" * filled + "░" * (width - filled)


def progress_text(section: Section, lang: str) -> tuple[str | None, str]:
    """(bar, words) for a pledge's activities: '1 av 3 klara (33 %)', and how many have no
    status given; no bar and no share when none has one (nothing is known to be done)."""
    counts = section.counts
    total = sum(counts.values()) - counts[Effective.CANCELLED]
    unknown = counts[Effective.UNKNOWN]
    if total and unknown == total:
        return None, plural("report.yearly.all_unknown", lang, unknown)
    shown = plural("st.done_of", lang, total, done=counts[Effective.DONE], total=total)
    shown += f" ({share_text(section.done_share, lang)})"
    if unknown:
        shown += f"; {plural('st.unknown_of', lang, unknown)}"
    return bar(section.done_share), shown


def pledge_lines(report: StatusReport, section: Section, lang: str) -> list[str]:
    """The lines under a pledge's heading: its verdict, and what a source says of it."""
    return [line for line in (verdict_of_section(report, section, lang),
                              stated_of_section(report, section, lang)) if line]


def gap_text(gap: Gap | None, lang: str) -> str:
    return label(f"st.gap.{gap.value}", lang) if gap else ""


def names_text(ids: list[str], report: StatusReport, lang: str) -> str:
    """The names of functions, parties or districts in a cell: 'A, B', or 'A; B' when a name
    holds a comma (i18n.join_list)."""
    return join_list([report.names.get(i, i) for i in ids], lang, last_word=False)


def due_text(state: ActivityState, lang: str) -> str:
    """'30 jun 2025', '31 dec 2025*' (the period's end), 'ca 31 dec 2025*' (an uncertain end)."""
    if state.due_iso is None:
        return "–"
    day = format_short_date(state.due, lang)
    if state.due_uncertain:
        day = label("outcome.approximate", lang, value=day)
    return day + ("*" if state.due_is_period_end else "")


@dataclass(frozen=True, slots=True)
class Section:
    """One block of a status view: a pledge, or a group of a --by rollup."""

    heading: str
    text: str | None  # the pledge text, or the area's title
    activities: tuple[ActivityState, ...]
    counts: dict[Effective, int]
    done_share: float | None
    gap: str
    pledges: tuple[str, ...]


def _group_heading(report: StatusReport, key: str | None, by: Rollup, lang: str) -> tuple[str, str | None]:
    """(heading, text): an area shows its id and title, a pledge its id and text."""
    if key is None:
        return label(f"st.none.{by.value}", lang), None
    if by is Rollup.STATUS:
        return status_name(key, lang), None
    if by in (Rollup.AREA, Rollup.PROBLEM):
        return key, report.names.get(key, key)
    return report.names.get(key, key), None


def sections(report: StatusReport, lang: str) -> list[Section]:
    """The blocks to show: one per group with --by, else one per pledge."""
    if report.by is not None:
        return [Section(*_group_heading(report, g.key, g.by, lang), g.activities, g.counts,
                        g.done_share, gap_text(g.gap, lang), g.pledges)
                for g in report.groups]
    return [Section(p.pledge.id, p.pledge.text, p.activities, p.counts, p.done_share,
                    gap_text(p.gap, lang), (p.pledge.id,)) for p in report.pledges]


def _typed(word: str) -> str:
    """A word as it is typed on a command line: quoted when it has a space."""
    return f"'{word}'" if " " in word else word


def filters_text(report: StatusReport, lang: str) -> str:
    """The active filters as the options that set them: '--owner kommunpolis --overdue'."""
    f = report.filters
    parts = [*(f"--owner {o}" for o in f.owners), *(f"--district {d}" for d in f.districts),
             *(f"--status {_typed(status_name(s, lang))}" for s in f.statuses),
             *(f"--pledge {p}" for p in f.pledges)]
    if f.overdue:
        parts.append("--overdue")
    if f.due_within is not None:
        parts.append(f"--due-within {f.due_within}")
    return " ".join(parts)


def stated_of_set(report: StatusReport, lang: str) -> str | None:
    """What a source says about the whole pledge set, if anything."""
    from trygghet_cli.status.stated_words import stated_text

    stated = report.pledge_set.stated
    return stated_text(stated, "set", lang, report.sources) if stated else None


def pledge_verdict_of(report: StatusReport, pledge_id: str) -> tuple[str, bool] | None:
    """(verdict code, whether a source states it) of one pledge over all its activities, as the
    citizen page judges it; None under filters, which would judge it on a part of its work."""
    from trygghet_cli.status.pledge_verdict import of_pledge

    progress = next((p for p in report.pledges if p.pledge.id == pledge_id), None)
    if progress is None or report.filters.active:
        return None
    verdict, said = of_pledge(progress.activities, progress.pledge, report.pledge_set,
                              started=report.summary.started, ended=report.summary.ended)
    return verdict.value, said


def verdict_of_section(report: StatusReport, section: Section, lang: str) -> str | None:
    """'Bedömning: pågår enligt plan' under a pledge (one pledge, without --by)."""
    found = pledge_verdict_of(report, section.pledges[0]) if (
        report.by is None and len(section.pledges) == 1) else None
    if found is None or found[0] == "not_judged":  # the gap or 'no status given' line says why
        return None
    shown = label(f"pledge_verdict.{found[0]}", lang)
    return label("st.pledge_verdict", lang,
                 verdict=label("pledge_verdict.stated", lang, verdict=shown) if found[1] else shown)


def stated_of_section(report: StatusReport, section: Section, lang: str) -> str | None:
    """What a source says about the pledge a section shows (one pledge, without --by)."""
    from trygghet_cli.status.stated_words import stated_text

    if report.by is not None or len(section.pledges) != 1:
        return None
    pledge = next((p.pledge for p in report.pledges if p.pledge.id == section.pledges[0]), None)
    if pledge is None or pledge.stated is None:
        return None
    return stated_text(pledge.stated, "pledge", lang, report.sources)
