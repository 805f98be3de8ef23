"""The status as Markdown, to paste into meeting notes or a pull-request comment."""

from __future__ import annotations

import re
from dataclasses import replace

from trygghet_cli.i18n import format_date, label
from trygghet_cli.status import ActivityState, StatusReport, words
from trygghet_cli.status.result_words import results_texts

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Data text made inert in Markdown (and in a table cell): no markup, links, HTML or pipes."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _header(report: StatusReport, lang: str) -> list[str]:
    summary = report.summary
    title = label("st.title", lang, title=words.pledges_named(report.pledge_set, lang))
    as_of = label("st.as_of", lang, date=format_date(report.as_of, lang))
    lines = [f"## {md_escape(title)}, {as_of}", "",
             f"**{md_escape(report.municipality_text(lang))}** · {md_escape(report.police_area)}  ",
             f"{words.period_text(report, lang)}"]
    note = words.choice_note(report, lang)
    if note:
        lines += ["", f"> {note}"]
    figures = [f"**{label('st.activities', lang)} {summary.activities}**: "
               f"{words.counts_text(summary.counts, lang) or '–'}",
               *words.done_figure(summary.done_share, lang),
               f"**{label('st.overdue_count', lang, n=summary.overdue)}**"]
    if summary.past_due_unknown:
        figures.append(label("st.past_due_unknown", lang, n=summary.past_due_unknown))
    lines += ["", " · ".join(figures)]
    if summary.targets:
        lines += ["", f"**{label('st.targets', lang)} {summary.targets}**: "
                      f"{words.verdicts_text(summary.verdicts, lang)}"]
    stated = words.stated_of_set(report, lang)
    if stated:
        lines += ["", md_escape(stated)]
    if report.filters.active:
        lines += ["", label("st.filtered", lang, filters=f"`{words.filters_text(report, lang)}`")]
    return lines


def _row(state: ActivityState, report: StatusReport, lang: str) -> str:
    activity = state.activity
    status = md_escape(words.state_text(state, lang))
    if state.overdue:
        status = f"**{status}**"
    targets = "<br>".join(md_escape(words.attainment_text(t, lang)) for t in state.targets) or "–"
    owners = md_escape(words.names_text(activity.owners, report, lang)) or "–"
    if activity.partners:
        owners += "<br>" + md_escape(f"{label('st.partners', lang)}: {', '.join(activity.partners)}")
    cells = [f"{activity.id} {md_escape(activity.title)}", status, owners,
             words.due_text(state, lang).replace("*", "\\*"), targets]
    return "| " + " | ".join(cells) + " |"


def _section(section: words.Section, report: StatusReport, lang: str) -> list[str]:
    heading = f"### {md_escape(section.heading)}"
    lines = ["", heading]
    if section.text:
        lines += ["", md_escape(section.text)]
    for line in words.pledge_lines(report, section, lang):
        lines += ["", md_escape(line)]
    if section.gap:
        lines += ["", f"**{section.gap}**"]
    own = [s for s in section.activities if s.activity.from_pledge]
    if own:
        lines += ["", *(f"- {label('st.target_line', lang)}: {md_escape(words.attainment_text(t, lang))}"
                        for s in own for t in s.targets)]
    section = replace(section, activities=tuple(s for s in section.activities if s not in own))
    if not section.activities:
        return lines
    shown, progress = words.progress_text(section, lang)
    lines += ["", f"`{shown}` {progress}" if shown else progress, ""]
    headers = [label(k, lang) for k in ("st.activity", "st.status", "st.owner", "st.due", "st.target")]
    lines += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += [_row(state, report, lang) for state in section.activities]
    return lines


def render(report: StatusReport, lang: str) -> str:
    lines = _header(report, lang)
    if report.by is not None:
        lines += ["", f"### {label(f'st.by.{report.by.value}', lang)}"]
        if report.by.value == "area" and report.agreement is None:
            lines += ["", label("st.no_agreement", lang)]
    if report.filters.active and not report.activities:
        lines += ["", label("st.nothing", lang)]
    for section in words.sections(report, lang):
        lines += _section(section, report, lang)
    if report.results:
        lines += ["", f"### {label('st.results', lang)}", ""]
        lines += [f"- {text}" for text in results_texts(report.results, lang, report.names, report.sources)]
    if any(s.due_is_period_end and s.due_iso and not s.activity.from_pledge for s in report.activities):
        lines += ["", f"\\{label('st.period_end_note', lang)}"]
    return "\n".join(lines)
