"""A target's verdict in words, sv or en: the summary line a coordinator can publish.

    20 av minst 8: uppnått
    301 på 245 dagar (1 maj–31 dec 2018) = 1,23 per dag, mål minst 1 per dag: uppnått
    335 (110 + 120 + 105, tertial 1–3 2019) av minst 300: uppnått
    minst 2: uppnått enligt källan Uppföljning av medborgarlöftet 2019
"""

from __future__ import annotations

from datetime import date

from trygghet_cli.i18n import format_number, format_partial, format_short_date, join_list, label
from trygghet_cli.model import Bound, Outcome, Period, Target, TargetKind
from trygghet_cli.status.attainment import DAYS_PER, Attainment, Verdict
from trygghet_cli.status.figures import Figure

FAVOURABLE = (Verdict.MET, Verdict.EXCEEDED, Verdict.ON_TRACK)


def verdict_name(verdict: Verdict, lang: str) -> str:
    return label(f"verdict.{verdict.value}", lang)


def days_text(days: int, lang: str) -> str:
    """'1 dag', '245 dagar' / '1 day', '245 days'."""
    return label("days.one" if days == 1 else "days.many", lang, n=days)


def decimals_of(*values: float | None) -> int:
    """How many decimals the data gives (1.38 -> 2), at most 3: figures keep their precision."""
    most = 0
    for value in values:
        if value is not None and not float(value).is_integer():
            most = max(most, len(repr(float(value)).split(".")[1].rstrip("0")))
    return min(most, 3)


def fixed(value: float, lang: str, decimals: int) -> str:
    """A number with exactly the given decimals: 1,40 (sv) / 1.40 (en)."""
    if decimals == 0:
        return format_number(round(value), lang)
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "sv" else text


def qualified(text: str, bound: Bound | None, approximate: bool, lang: str) -> str:
    if bound is not None:
        text = label(f"outcome.{bound.value}", lang, value=text)
    return label("outcome.approximate", lang, value=text) if approximate else text


def outcome_value(outcome: Outcome, lang: str) -> str:
    """'20', 'ca 20', 'minst 300', 'högst 5', or the words the source used."""
    value = outcome.value
    if value is None:
        return "–"
    text = value if isinstance(value, str) else format_number(value, lang)
    return qualified(text, outcome.bound, outcome.approximate, lang)


def when_text(outcome: Outcome, lang: str) -> str:
    """'31 aug 2019', or 'maj 2019' / '2019' when the source gives only the month or year."""
    if outcome.undated:
        return _undated_text(outcome, lang)
    if outcome.date_text:
        return format_partial(outcome.date_text, lang)
    return format_short_date(outcome.date, lang)


def _undated_text(outcome: Outcome, lang: str) -> str:
    """'utan datum', or 'enligt källan från 12 mars 2024' when its source gives a date."""
    if outcome.source_date:
        return label("outcome.by_source", lang, date=format_partial(outcome.source_date, lang))
    return label("outcome.undated", lang)


def span_text(window: Period, lang: str) -> str:
    """'1 maj–31 dec 2018' / '1 Dec 2018–31 Jan 2019'."""
    end = format_short_date(window.end, lang)
    if window.start.year == window.end.year:
        start = format_short_date(window.start, lang).rsplit(" ", 1)[0]
        return f"{start}–{end}"
    return f"{format_short_date(window.start, lang)}–{end}"


def _calendar_part(window: Period, months: int) -> int | None:
    """The number of the tertial (months=4) or quarter (3) the window is exactly, else None."""
    start, end = window.start, window.end
    if start.day != 1 or start.year != end.year or (start.month - 1) % months:
        return None
    last_month = start.month + months - 1
    following = date(end.year + 1, 1, 1) if last_month == 12 else date(end.year, last_month + 1, 1)
    return (start.month - 1) // months + 1 if (following - end).days == 1 else None


def _numbers(numbers: list[int]) -> str:
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def windows_text(windows: tuple[Period, ...], lang: str) -> str:
    """'tertial 1–3 2019', 'kvartal 1, 3 2024', or the span from first to last day."""
    windows = tuple(dict.fromkeys(windows))
    year = windows[0].start.year
    for months, key in ((4, "window.tertial"), (3, "window.quarter")):
        numbers = [_calendar_part(w, months) for w in windows]
        if all(n is not None for n in numbers) and all(w.start.year == year for w in windows):
            key += "s" if len(numbers) > 1 else ""
            return label(key, lang, numbers=_numbers([n for n in numbers if n is not None]), year=year)
    return span_text(Period(windows[0].start, windows[-1].end), lang)


def figure_text(att: Attainment, lang: str) -> str:
    """The figure so far: one outcome, or a sum with its parts."""
    fig = att.figure
    if att.latest is None:
        return "–"
    if fig is None or len(fig.parts) < 2 or att.latest not in fig.parts:
        return outcome_value(att.latest, lang)
    parts = " + ".join(outcome_value(o, lang) + (f" {o.place}" if o.place else "") for o in fig.parts)
    total = qualified(format_number(fig.value, lang), fig.bound, fig.approximate, lang)
    return f"{total} ({parts}, {windows_text(fig.windows, lang)})"


def every_text(per: str, every: int, lang: str) -> str:
    """'vartannat år', 'varannan vecka', 'var 3:e vecka' / 'every other year', 'every 3 weeks'."""
    if every == 2:
        return label(f"every.other.{per}", lang)
    return label(f"every.n.{per}", lang, n=every)


def _rate(att: Attainment, fig: Figure, want: str, lang: str) -> str:
    per = att.target.per or "day"
    every = att.target.every or 1
    rate = fig.value / fig.days * DAYS_PER.get(per, 1.0) * every if fig.days > 0 else 0.0
    shown = qualified(fixed(rate, lang, 2 if not rate.is_integer() else 0), fig.bound,
                       fig.approximate, lang)
    if every > 1:
        return label("target.rate_every", lang, got=figure_text(att, lang),
                     days=days_text(fig.days, lang), span=windows_text(fig.windows, lang), rate=shown,
                     value=want, every=every_text(per, every, lang))
    return label("target.rate", lang, got=figure_text(att, lang), days=days_text(fig.days, lang),
                 span=windows_text(fig.windows, lang), rate=shown, value=want,
                 per=label(f"per.{per}", lang))


def season_name(key: str, lang: str, with_year: bool) -> str:
    """'vår 2024' for the group key 'spring:2024' ('vår' within one year) / 'spring 2024'."""
    season, _, year = key.partition(":")
    name = label(f"season.{season}", lang)
    return f"{name} {year}" if with_year else name


def _groups(att: Attainment, lang: str) -> list[tuple[str, Attainment | None]]:
    """The districts or seasons a target is judged in, by their names in the language."""
    if not att.target.seasons:
        return list(att.by_district)
    years = {key.partition(":")[2] for key, _ in att.by_district}
    return [(season_name(key, lang, len(years) > 1), a) for key, a in att.by_district]


def _districts(att: Attainment, lang: str) -> str:
    """'2 av 3 områden (Oxhagen 1, Berga/Funkabo 2; Norrliden saknas), minst 1 i varje';
    '1 av 2 (vår 1; höst saknas), minst 1 varje vår och höst'."""
    target = att.target
    groups = _groups(att, lang)
    shown = [f"{name} {figure_text(a, lang)}" for name, a in groups if a is not None]
    missing = [name for name, a in groups if a is None]
    parts = ", ".join(shown)
    if missing:
        gone = label("district.missing", lang, names=", ".join(missing))
        parts = f"{parts}; {gone}" if parts else gone
    met = sum(1 for _, a in att.by_district if a is not None and a.verdict in FAVOURABLE)
    want = format_number(target.value, lang) if target.value is not None else "?"
    each = label(f"target.{target.kind.value}_only", lang, want=want, most=_most(target, lang))
    if target.seasons:
        seasons = join_list([label(f"season.{s}", lang) for s in target.seasons], lang)
        return label("target.per_season", lang, met=met, total=len(groups), parts=parts, each=each,
                     seasons=seasons)
    return label("target.per_district", lang, met=met, total=len(att.by_district), parts=parts,
                 each=each)


def _most(target: Target, lang: str) -> str:
    return format_number(target.max, lang) if target.max is not None else "?"


def _unit(target: Target) -> str:
    return f" {target.unit}" if target.unit and target.kind in (TargetKind.RANGE, TargetKind.LEVEL) else ""


def _goal(att: Attainment, lang: str) -> str:
    target = att.target
    if att.by_district:
        return _districts(att, lang)
    got = figure_text(att, lang)
    want = format_number(target.value, lang) if target.value is not None else "?"
    kind = target.kind
    if kind is TargetKind.QUALITATIVE:
        base = label("target.qualitative", lang, text=target.text)
        return f"{base}: {got}" if att.latest and att.latest.value is not None else base
    if kind is TargetKind.RATE:
        per = target.per or "day"
        plain = (label("target.rate_plain_every", lang, value=want, every=every_text(per, target.every, lang))
                 if target.every and target.every > 1
                 else label("target.rate_plain", lang, value=want, per=label(f"per.{per}", lang)))
        if att.figure is None or att.latest is None or att.latest not in att.figure.parts:
            return f"{got}, {plain}" if att.latest and att.latest.value is not None else plain
        return _rate(att, att.figure, want, lang)
    if kind is TargetKind.CHANGE:
        return _change_goal(att, got, lang)
    most, unit = _most(target, lang), _unit(target)
    if att.latest is None or att.latest.value is None:
        return label(f"target.{kind.value}_only", lang, want=want, most=most) + unit
    return label(f"target.{kind.value}", lang, got=got, want=want, most=most) + unit


def _change_goal(att: Attainment, got: str, lang: str) -> str:
    target = att.target
    baseline = target.baseline or {}
    year = baseline.get("year", "?")
    unit = " %" if target.change_unit == "percent" and lang == "sv" else (
        "%" if target.change_unit == "percent" else "")
    direction = label(f"direction.{target.direction or 'increase'}", lang)
    goal = (label("target.change_goal", lang, direction=direction,
                  want=f"{format_number(target.value, lang)}{unit}")
            if target.value is not None else label("target.change_goal_plain", lang, direction=direction))
    if att.latest is None or att.latest.value is None:
        return goal
    if att.achieved is None or baseline.get("value") is None:
        return f"{label('target.no_baseline', lang, got=got, year=year)}; {goal}"
    figure = att.figure.value if att.figure is not None else 0.0
    base_value = float(baseline["value"])
    places = decimals_of(figure, base_value)
    signed = att.achieved if target.direction != "decrease" else -att.achieved
    size = format_number(abs(signed), lang) if unit else fixed(abs(signed), lang, places)
    delta = ("+" if signed >= 0 else "−") + size + unit
    shown = qualified(fixed(figure, lang, places), att.bound, att.approximate, lang)
    change = label("target.change", lang, got=shown, base=fixed(base_value, lang, places), year=year,
                   delta=delta)
    return f"{change}; {goal}"


def _others(att: Attainment, outcomes: tuple[Outcome, ...], lang: str, with_source: bool) -> str:
    parts = []
    for outcome in outcomes:
        text = outcome_value(outcome, lang)
        if with_source and outcome.source:
            text += f" ({att.source_name(outcome.source)}, {when_text(outcome, lang)})"
        parts.append(text)
    return "; ".join(parts)


def _verdict(att: Attainment, lang: str) -> str:
    name = verdict_name(att.verdict, lang)
    if att.kind is TargetKind.LEVEL and att.verdict in (Verdict.MET, Verdict.NOT_MET):
        name = label(f"verdict.level.{att.verdict.value}", lang)
    if att.conditional:
        return label("verdict.conditional", lang, verdict=name, condition=att.target.condition)
    if att.unknown_window:
        return label("verdict.unknown_window", lang, verdict=name)
    if att.stated is not None:
        return label("verdict.stated", lang, verdict=name, source=att.source_name(att.stated.source))
    if att.approximate and att.verdict in FAVOURABLE:
        return label("verdict.approximate", lang, verdict=name)
    return name


def _notes(att: Attainment, lang: str) -> list[str]:
    notes = []
    latest = att.latest
    if latest is not None and latest.undated:
        if not att.unknown_window or latest.source_date:
            notes.append(_undated_text(latest, lang))
    elif latest is not None and att.kind is TargetKind.LEVEL:
        notes.append(label("outcome.as_of", lang, date=when_text(latest, lang)))
    elif latest is not None and not att.final:
        notes.append(label("outcome.interim", lang, date=when_text(latest, lang)))
    if latest is not None and latest.occasion:
        notes.append(label("outcome.occasion", lang, occasion=latest.occasion))
    if att.due_so_far is not None:
        due = format_number(att.due_so_far, lang)
        notes.append(label("outcome.due_so_far", lang, due=due))
    fig = att.figure
    if (latest is not None and latest.window is not None and att.target.kind is not TargetKind.RATE
            and fig is not None and len(fig.parts) < 2 and latest.window.start != fig.start):
        notes.append(label("outcome.covers", lang, span=span_text(latest.window, lang)))
    if att.also:
        notes.append(label("outcome.also", lang, others=_others(att, att.also, lang, False)))
    if att.disagreeing:
        notes.append(label("outcome.disagree", lang, others=_others(att, att.disagreeing, lang, True)))
    if att.later:
        notes.append(label("outcome.later.one" if att.later == 1 else "outcome.later.many", lang,
                           n=att.later))
    return notes


def attainment_text(att: Attainment, lang: str) -> str:
    """'20 av minst 8: uppnått' with interim date, window, approximate and disagreeing sources noted."""
    text = _goal(att, lang)
    if att.target.part_of:
        text = label("target.part_of", lang, goal=text)
    if att.kind is TargetKind.LEVEL and att.latest is not None and att.latest.value is not None:
        text = f"{_verdict(att, lang)}: {text}"  # "nivån hålls: 2 av minst 2 områdespoliser"
    elif att.verdict is not Verdict.REPORTED or att.latest is None:
        text += f": {_verdict(att, lang)}"
    return text + "".join(f" [{note}]" for note in _notes(att, lang))
