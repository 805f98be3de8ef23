"""Small inline SVG charts with text alternatives; every text from a view is escaped here.

The charts repeat what a table beside them says, so colour is never the only carrier.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 22
ROW_HEIGHT = 34
# A generous width of one character of a 13 px label, in the chart's units.
CHAR_WIDTH = 8
# Fill colours with at least 3:1 contrast against white (WCAG 1.4.11).
COLOURS = {
    "done": "#1a7f37", "ongoing": "#0969da", "planned": "#57606a", "delayed": "#bc4c00",
    "overdue": "#a40e26", "cancelled": "#6e3f00", "unknown": "#767676",
    "met": "#1a7f37", "not_met": "#bc4c00", "no_outcome": "#767676",
}


LINE_HEIGHT = 16
# Characters of a row label per line: the label column's width in 13 px characters.
LABEL_CHARS = (LABEL_WIDTH - 10) // CHAR_WIDTH


def _lines(label: str) -> list[str]:
    """A row label wrapped between words to the label column, never cut short."""
    import textwrap

    return textwrap.wrap(label, LABEL_CHARS, break_long_words=False, break_on_hyphens=False) or [""]


def _rows_y(labels: list[str]) -> tuple[list[int], int]:
    """The top of each row (a row is as tall as its wrapped label) and the height of them all."""
    tops, y = [], 4
    for label in labels:
        tops.append(y)
        y += max(ROW_HEIGHT, LINE_HEIGHT * len(_lines(label)) + 12)
    return tops, y + 4


def _frame(chart: dict[str, Any], height: int, body: list[str]) -> Markup:
    ident = escape(chart["id"])
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(chart["title"])}</title>'
            f'<desc id="{ident}-desc">{escape(chart["desc"])}</desc>')
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every part above is escaped


def _row_label(y: int, label: str) -> str:
    lines = "".join(f'<tspan x="0" dy="{0 if n == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
                    for n, line in enumerate(_lines(label)))
    return f'<text x="0" y="{y + BAR_HEIGHT - 6}" class="chart-label">{lines}</text>'



def status_chart(chart: dict[str, Any]) -> Markup:
    """Stacked bars: how many activities of each pledge are in each status."""
    rows = chart["rows"]
    body: list[str] = []
    span = WIDTH - LABEL_WIDTH - 50
    top = max((sum(s["value"] for s in r["segments"]) for r in rows), default=0) or 1
    tops, height = _rows_y([r["label"] for r in rows])
    for y, row in zip(tops, rows, strict=True):
        body.append(_row_label(y, row["label"]))
        x = float(LABEL_WIDTH)
        for segment in row["segments"]:
            width = span * segment["value"] / top
            if width > 0:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                            f'fill="{COLOURS.get(segment["key"], "#767676")}"/>')
            x += width
        total = sum(s["value"] for s in row["segments"])
        body.append(f'<text x="{x + 6:.1f}" y="{y + BAR_HEIGHT - 6}" class="chart-value">{total}</text>')
    legend, legend_height = _legend(chart["legend"], height)
    body.extend(legend)
    return _frame(chart, height + legend_height, body)


def _legend(items: list[dict[str, str]], y: int) -> tuple[list[str], int]:
    """The legend's keys in rows that fit the chart's width, and the height they take."""
    parts: list[str] = []
    x, top = 0, y
    for item in items:
        width = 28 + CHAR_WIDTH * len(item["label"])
        if x and x + width > WIDTH:
            x, top = 0, top + 24
        parts.append(f'<rect x="{x}" y="{top + 6}" width="14" height="14" '
                     f'fill="{COLOURS.get(item["key"], "#767676")}"/>')
        parts.append(f'<text x="{x + 20}" y="{top + 18}" class="chart-legend">{escape(item["label"])}</text>')
        x += width
    return parts, top - y + 30


def value_x(x: float, value: str, goal: float) -> float:
    """Where a bar's value label starts: after the bar, but past the target line when the label
    would otherwise run across it."""
    ends = x + CHAR_WIDTH * len(value)
    return goal + 6 if x < goal + 6 and ends > goal - 2 else x


def attainment_chart(chart: dict[str, Any]) -> Markup:
    """Bars: each target's outcome as a share of what was promised; the line marks 100 %."""
    rows = chart["rows"]
    span = WIDTH - LABEL_WIDTH - 90
    top = max([1.0, *[min(float(r["ratio"]), 3.0) for r in rows]])
    goal = LABEL_WIDTH + span / top
    body: list[str] = []
    tops, height = _rows_y([r["label"] for r in rows])
    for y, row in zip(tops, rows, strict=True):
        body.append(_row_label(y, row["label"]))
        width = span * min(float(row["ratio"]), 3.0) / top
        body.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{COLOURS.get(row["key"], "#767676")}"/>')
        body.append(f'<text x="{value_x(LABEL_WIDTH + width + 6, str(row["value"]), goal):.1f}" '
                    f'y="{y + BAR_HEIGHT - 6}" class="chart-value">{escape(row["value"])}</text>')
    body.append(f'<line x1="{goal:.1f}" y1="0" x2="{goal:.1f}" y2="{height - 4}" class="chart-goal"/>')
    body.append(f'<text x="{goal:.1f}" y="{height + 14}" text-anchor="middle" class="chart-legend">'
                f'{escape(chart["goal_label"])}</text>')
    return _frame(chart, height + 24, body)


SERIES_HEIGHT = 200
SERIES_LEFT, SERIES_RIGHT, SERIES_TOP, SERIES_BOTTOM = 56, 24, 24, 30
LINE = "#0969da"
GOAL = "#a40e26"


def _scale(points: list[dict[str, Any]], goal: float | None) -> tuple[float, float]:
    values = [float(p["value"]) for p in points] + ([goal] if goal is not None else [])
    low = min([0.0, *values])
    high = max(values) if values else 1.0
    return low, (high - low) * 1.15 or 1.0


def series_chart(chart: dict[str, Any]) -> Markup:
    """A line over time (one point per value, its figure written beside it) and, when the view
    gives one, the target as a dashed line with its label. The table beside it has the figures."""
    points = chart["points"]
    goal = chart.get("goal")
    goal_value = float(goal["value"]) if goal else None
    low, span = _scale(points, goal_value)
    plot_w = WIDTH - SERIES_LEFT - SERIES_RIGHT
    plot_h = SERIES_HEIGHT - SERIES_TOP - SERIES_BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def y_of(value: float) -> float:
        return SERIES_TOP + plot_h * (1 - (value - low) / span)

    body = [f'<line x1="{SERIES_LEFT}" y1="{SERIES_TOP + plot_h}" x2="{WIDTH - SERIES_RIGHT}" '
            f'y2="{SERIES_TOP + plot_h}" stroke="#57606a"/>',
            f'<text x="{SERIES_LEFT - 6}" y="{y_of(low) + 4:.1f}" text-anchor="end" '
            f'class="chart-label">{escape(chart["low_label"])}</text>']
    coords = [(SERIES_LEFT + index * step if len(points) > 1 else SERIES_LEFT + plot_w / 2,
               y_of(float(p["value"]))) for index, p in enumerate(points)]
    if len(coords) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2.5"/>')
    for (x, y), point in zip(coords, points, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{LINE}"/>')
        body.append(f'<text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle" '
                    f'class="chart-value">{escape(point["text"])}</text>')
        body.append(f'<text x="{x:.1f}" y="{SERIES_HEIGHT - 8}" text-anchor="middle" '
                    f'class="chart-label">{escape(point["label"])}</text>')
    if goal is not None and goal_value is not None:
        y = y_of(goal_value)
        body.append(f'<line x1="{SERIES_LEFT}" y1="{y:.1f}" x2="{WIDTH - SERIES_RIGHT}" y2="{y:.1f}" '
                    f'class="chart-goal" stroke="{GOAL}"/>')
        body.append(f'<text x="{WIDTH - SERIES_RIGHT}" y="{y - 6:.1f}" text-anchor="end" '
                    f'class="chart-legend">{escape(goal["label"])}</text>')
    return _frame(chart, SERIES_HEIGHT, body)
