"""What every report view needs: the model, the language, the audience, and lookups by id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.model import Activity, Model, Period, PledgeSet, Source, Stated

PUBLIC = "public"
INTERNAL = "internal"


@dataclass(slots=True)
class ViewContext:
    """The model plus the choices that shape a report; `as_of_shown` keeps clocks out of output."""

    model: Model
    lang: str
    as_of: date
    as_of_shown: bool = False
    audience: str = PUBLIC
    _names: dict[str, str] = field(default_factory=dict)
    _sources: dict[str, Source] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cfg = self.model.config
        if cfg is not None:
            for item in (*cfg.parties, *cfg.districts, *cfg.functions):
                self._names.setdefault(item.id, item.name)
        for source in self.model.sources:
            self._sources.setdefault(source.id, source)

    @property
    def internal(self) -> bool:
        return self.audience == INTERNAL

    def t(self, key: str, **values: object) -> str:
        return i18n.label(key, self.lang, **values)

    def name(self, item_id: str) -> str:
        """The display name of a party, district or function; the id itself when unknown."""
        return self._names.get(item_id, item_id)

    def names(self, ids: list[str]) -> list[str]:
        return [self.name(i) for i in ids]

    def listed(self, items: list[str]) -> str:
        """'A, B och C' / 'A, B and C'."""
        return i18n.join_list(items, self.lang)

    def date(self, day: date | None) -> str:
        return i18n.format_date(day, self.lang) if day else ""

    def about(self, day: dt.date | None, uncertain: bool) -> str:
        """A date, as 'ca 30 juni 2026' when the sources give it only roughly."""
        return i18n.format_uncertain(day, uncertain, self.lang) if day else ""

    def partial(self, text: str | None) -> str:
        return i18n.format_partial(str(text), self.lang) if text else ""

    def period(self, period: Period, extends: str | None = None) -> str:
        """'1 januari 2026 – ca 30 juni 2027': a date the sources are unsure of reads 'ca';
        'från 1 januari 2022, tills vidare', 'period anges inte' (i18n.format_period)."""
        return i18n.format_period(period, self.lang, extends)

    def set_period(self, pledge_set: PledgeSet) -> str:
        """A pledge set's period, and the set it extends: '…, förlänger Medborgarlöften 2022'."""
        extended = self.model.pledge_set(pledge_set.extends) if pledge_set.extends else None
        return self.period(pledge_set.period, extended.title if extended else None)

    def visible(self, activity: Activity) -> bool:
        """Internal activities appear only in internal reports."""
        return self.internal or activity.visibility != INTERNAL

    def sources(self, ids: list[str]) -> list[dict[str, str]]:
        """Cited sources, each once, in the order first cited."""
        seen: list[str] = []
        for source_id in ids:
            if source_id not in seen and source_id in self._sources:
                seen.append(source_id)
        return [self._source(self._sources[s]) for s in seen]

    def _source(self, source: Source) -> dict[str, str]:
        return {"id": source.id, "title": source.title, "url": source.url or "",
                "publisher": source.publisher or "", "published": self.partial(source.published)}


def text(value: Any) -> str:
    """A scalar from the data as text; '' for None."""
    return "" if value is None else str(value)


def strings(value: Any) -> list[str]:
    """A list of scalars from the data as texts; [] when absent."""
    return [str(v) for v in value] if isinstance(value, list) else []


def activity_sources(activity: Activity) -> list[str]:
    """The source ids an activity cites (kept only in its file's plain data)."""
    data: Any = activity.ref.file.data
    for key in activity.ref.path:
        data = data[key]
    return strings(data.get("sources")) if isinstance(data, dict) else []


def shown_title(ctx: ViewContext, activity: Activity) -> str:
    """An activity's title; for a pledge that carries its own targets (shown as its own action,
    under the pledge whose text is already there) 'Löftet självt, med egna mål'."""
    return ctx.t("report.pledge_itself") if activity.from_pledge else activity.title


def stated_line(ctx: ViewContext, stated: Stated | None, whole: str) -> str:
    """What a source says about a whole pledge or set, as one line; '' when it says nothing."""
    from trygghet_cli.status.stated_words import stated_text

    return stated_text(stated, whole, ctx.lang, ctx.model.source_titles()) if stated else ""
