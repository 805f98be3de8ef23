"""The status as a terminal table (rich): readable at 80 columns and without colour."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from trygghet_cli.i18n import format_date, label
from trygghet_cli.output import status_words as words
from trygghet_cli.status import ActivityState, Effective, StatusReport, Verdict

if TYPE_CHECKING:
    from rich.text import Text

VERDICT_STYLES = {Verdict.MET: "green", Verdict.EXCEEDED: "green", Verdict.ON_TRACK: "green",
                  Verdict.NOT_MET: "red", Verdict.BEHIND: "yellow"}
STATUS_STYLES = {Effective.OVERDUE: "bold red", Effective.DELAYED: "yellow", Effective.DONE: "green",
                 Effective.UNKNOWN: "dim"}


def _header(report: StatusReport, lang: str) -> list[Text]:
    from rich.text import Text

    summary = report.summary
    lines = [Text(f"{report.municipality} · {report.police_area}", style="bold"),
             Text(f"{label('st.title', lang, title=report.pledge_set.title)}, "
                  f"{label('st.as_of', lang, date=format_date(report.as_of, lang))}", style="bold"),
             Text(words.period_text(report, lang))]
    note = words.choice_note(report, lang)
    if note:
        lines.append(Text(note, style="yellow"))
    figures = [f"{label('st.activities', lang)} {summary.activities}: "
               f"{words.counts_text(summary.counts, lang) or '–'}",
               label("st.done_share", lang, share=words.share_text(summary.done_share, lang)),
               label("st.overdue_count", lang, n=summary.overdue)]
    if summary.past_due_unknown:
        figures.append(label("st.past_due_unknown", lang, n=summary.past_due_unknown))
    lines.append(Text(" · ".join(figures)))
    if summary.targets:
        lines.append(Text(f"{label('st.targets', lang)} {summary.targets}: "
                          f"{words.verdicts_text(summary.verdicts, lang)}"))
    if report.filters.active:
        lines.append(Text(label("st.filtered", lang, filters=words.filters_text(report, lang)), style="dim"))
    return lines


def _activity_cell(state: ActivityState, report: StatusReport, lang: str) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    title = Text(f"{state.id} ", style="dim")
    title.append(state.activity.title, style="bold")
    parts: list[Any] = [title]
    if state.activity.owners:
        owners = words.names_text(state.activity.owners, report)
        parts.append(Padding(Text(f"{label('st.owner', lang)}: {owners}", style="dim"), (0, 0, 0, 2)))
    for att in state.targets:
        text = Text(f"{label('st.target_line', lang)}: {words.attainment_text(att, lang)}",
                    style=VERDICT_STYLES.get(att.verdict, ""))
        parts.append(Padding(text, (0, 0, 0, 2)))
    return Group(*parts)


def _section_table(section: words.Section, report: StatusReport, lang: str) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column(label("st.activity", lang), ratio=3, overflow="fold")
    table.add_column(label("st.status", lang), ratio=1, min_width=12, overflow="fold")
    table.add_column(label("st.due", lang), no_wrap=True)
    for state in section.activities:
        table.add_row(_activity_cell(state, report, lang),
                      Text(words.state_text(state, lang), style=STATUS_STYLES.get(state.effective, "")),
                      words.due_text(state, lang))
    return table


def _section(section: words.Section, report: StatusReport, lang: str) -> list[Any]:
    from rich.text import Text

    head = Text(section.heading, style="bold cyan")
    if section.text:
        head.append(f"  {section.text}", style="bold")
    parts: list[Any] = [Text(""), head]
    total = sum(section.counts.values()) - section.counts[Effective.CANCELLED]
    if section.gap:
        parts.append(Text(section.gap, style="bold yellow"))
    if not section.activities:
        return parts
    done = section.counts[Effective.DONE]
    parts.append(Text(f"{words.bar(section.done_share)} {label('st.done_of', lang, done=done, total=total)}"
                      f" ({words.share_text(section.done_share, lang)})"))
    parts.append(_section_table(section, report, lang))
    return parts


def render(report: StatusReport, lang: str, color: bool = False, width: int = 80) -> str:
    """The whole status as text; ANSI colour codes only when color is true."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False,
                      legacy_windows=False, soft_wrap=False)
    for line in _header(report, lang):
        console.print(line)
    if report.by is not None:
        console.print(Text(""))
        console.print(Text(label(f"st.by.{report.by.value}", lang), style="bold underline"))
        if report.by.value == "area" and report.agreement is None:
            console.print(Text(label("st.no_agreement", lang), style="yellow"))
    sections = words.sections(report, lang)
    if report.filters.active and not report.activities:
        console.print(Text(label("st.nothing", lang)))
    for section in sections:
        for part in _section(section, report, lang):
            console.print(part)
    if any(s.due_is_period_end for s in report.activities):
        console.print(Text(""))
        console.print(Text(label("st.period_end_note", lang), style="dim"))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
