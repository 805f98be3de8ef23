"""The status as a terminal table: readable at 80 columns and without colour.

Laid out here with textwrap rather than with rich's Table: rich measures every cell several
times (about 4 ms a row), which made 2,000 activities take seconds; this layout takes
milliseconds and looks the same. ANSI colour is added only when color is true.
"""

from __future__ import annotations

from dataclasses import replace

from trygghet_cli.i18n import format_date, label
from trygghet_cli.status import ActivityState, Effective, StatusReport, Verdict, words
from trygghet_cli.status.result_words import results_texts

VERDICT_STYLES = {Verdict.MET: "32", Verdict.EXCEEDED: "32", Verdict.ON_TRACK: "32",
                  Verdict.NOT_MET: "31", Verdict.BEHIND: "33"}
STATUS_STYLES = {Effective.OVERDUE: "1;31", Effective.DELAYED: "33", Effective.DONE: "32",
                 Effective.UNKNOWN: "2"}
Line = tuple[str, str]  # (text, ANSI style code or "")


class _Painter:
    """Pads and paints lines; styles are dropped when colour is off."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = width
        self.color = color
        self.out: list[str] = []

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if self.color and style and text else text

    def wrap(self, text: str, style: str = "", indent: str = "") -> None:
        for line in _wrap(text, self.width, indent):
            self.out.append(self.paint(line, style))

    def blank(self) -> None:
        self.out.append("")


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Greedy word wrap keeping leading spaces; continuation lines start with indent.

    textwrap is about ten times slower, which shows with 2,000 activities.
    """
    if len(text) <= width and "\n" not in text:
        return [text]
    body = " ".join(text.splitlines())
    stripped = body.lstrip(" ")
    lines: list[str] = []
    line, fresh = body[: len(body) - len(stripped)], True
    for word in stripped.split(" "):
        if len(word) > width - len(indent) or (fresh and len(line) + len(word) > width):
            # the word fits on no line: start a line and cut the word up
            if not fresh:
                lines.append(line.rstrip())
                line = indent
            while len(line) + len(word) > width:
                room = max(width - len(line), 1)
                lines.append(line + word[:room])
                word, line = word[room:], indent
            line, fresh = line + word, not word
            continue
        candidate = line + word if fresh else f"{line} {word}"
        if len(candidate) > width and not fresh:
            lines.append(line.rstrip())
            candidate = indent + word
        line, fresh = candidate, False
    lines.append(line.rstrip())
    return lines


def _header(report: StatusReport, lang: str, p: _Painter) -> None:
    summary = report.summary
    p.wrap(f"{report.municipality_text(lang)} · {report.police_area}", "1")
    p.wrap(f"{label('st.title', lang, title=words.pledges_named(report.pledge_set, lang))}, "
           f"{label('st.as_of', lang, date=format_date(report.as_of, lang))}", "1")
    p.wrap(words.period_text(report, lang))
    note = words.choice_note(report, lang)
    if note:
        p.wrap(note, "33")
    figures = [f"{label('st.activities', lang)} {summary.activities}: "
               f"{words.counts_text(summary.counts, lang) or '–'}",
               *words.done_figure(summary.done_share, lang),
               label("st.overdue_count", lang, n=summary.overdue)]
    if summary.past_due_unknown:
        figures.append(label("st.past_due_unknown", lang, n=summary.past_due_unknown))
    p.wrap(" · ".join(figures))
    if summary.targets:
        verdicts = words.verdicts_text(summary.verdicts, lang)
        p.wrap(f"{label('st.targets', lang)} {summary.targets}: {verdicts}")
    stated = words.stated_of_set(report, lang)
    if stated:
        p.wrap(stated)
    if report.filters.active:
        p.wrap(label("st.filtered", lang, filters=words.filters_text(report, lang)), "2")


def _activity_lines(state: ActivityState, report: StatusReport, lang: str, width: int) -> list[Line]:
    lines: list[Line] = [(t, "1") for t in _wrap(f"{state.id} {state.activity.title}", width)]
    if state.activity.owners:
        owners = f"  {label('st.owner', lang)}: {words.names_text(state.activity.owners, report, lang)}"
        lines += [(t, "2") for t in _wrap(owners, width, "  ")]
    if state.activity.partners:
        partners = f"  {label('st.partners', lang)}: {', '.join(state.activity.partners)}"
        lines += [(t, "2") for t in _wrap(partners, width, "  ")]
    for att in state.targets:
        text = f"  {label('st.target_line', lang)}: {words.attainment_text(att, lang)}"
        lines += [(t, VERDICT_STYLES.get(att.verdict, "")) for t in _wrap(text, width, "  ")]
    return lines


def _table(section: words.Section, report: StatusReport, lang: str, p: _Painter) -> None:
    dues = [words.due_text(s, lang) for s in section.activities]
    due_w = max(len(label("st.due", lang)), *(len(d) for d in dues))
    status_w = max(12, (p.width - due_w - 4) // 4)
    activity_w = p.width - due_w - status_w - 4
    head = (f"{label('st.activity', lang):<{activity_w}}  {label('st.status', lang):<{status_w}}  "
            f"{label('st.due', lang)}")
    p.out.append(p.paint(head, "1"))
    p.out.append("─" * p.width)
    for state, due in zip(section.activities, dues, strict=True):
        left = _activity_lines(state, report, lang, activity_w)
        status_style = STATUS_STYLES.get(state.effective, "")
        middle = [(t, status_style) for t in _wrap(words.state_text(state, lang), status_w)]
        for i in range(max(len(left), len(middle))):
            text, style = left[i] if i < len(left) else ("", "")
            mid, mid_style = middle[i] if i < len(middle) else ("", "")
            row = (p.paint(text, style) + " " * (activity_w - len(text) + 2)
                   + p.paint(mid, mid_style) + " " * (status_w - len(mid) + 2) + (due if i == 0 else ""))
            p.out.append(row.rstrip())


def _section(section: words.Section, report: StatusReport, lang: str, p: _Painter) -> None:
    p.blank()
    heading = f"{section.heading}  {section.text}" if section.text else section.heading
    p.wrap(heading, "1;36")
    for line in words.pledge_lines(report, section, lang):
        p.wrap(line, indent="  ")
    if section.gap:
        p.wrap(section.gap, "1;33")
    own = [s for s in section.activities if s.activity.from_pledge]
    for state in own:
        for att in state.targets:
            text = f"  {label('st.target_line', lang)}: {words.attainment_text(att, lang)}"
            p.wrap(text, VERDICT_STYLES.get(att.verdict, ""), indent="    ")
    section = replace(section, activities=tuple(s for s in section.activities if s not in own))
    if not section.activities:
        return
    shown, progress = words.progress_text(section, lang)
    p.wrap(f"{shown} {progress}" if shown else progress)
    _table(section, report, lang, p)


def render(report: StatusReport, lang: str, color: bool = False, width: int = 80) -> str:
    """The whole status as text; ANSI colour codes only when color is true."""
    p = _Painter(max(width, 40), color)
    _header(report, lang, p)
    if report.by is not None:
        p.blank()
        p.wrap(label(f"st.by.{report.by.value}", lang), "1;4")
        if report.by.value == "area" and report.agreement is None:
            p.wrap(label("st.no_agreement", lang), "33")
    if report.filters.active and not report.activities:
        p.wrap(label("st.nothing", lang))
    for section in words.sections(report, lang):
        _section(section, report, lang, p)
    if report.results:
        p.blank()
        p.wrap(label("st.results", lang), "1;36")
        for text in results_texts(report.results, lang, report.names, report.sources):
            p.wrap(f"- {text}", indent="  ")
    if any(s.due_is_period_end and s.due_iso and not s.activity.from_pledge for s in report.activities):
        p.blank()
        p.wrap(label("st.period_end_note", lang), "2")
    return "\n".join(p.out)
