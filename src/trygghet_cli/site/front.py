"""The start page's first screen: what is promised now and how each pledge stands, the period
and whether it has ended, and whom to contact.

The verdicts come from the status layer (`status.build_report`, `status.pledge_verdict`): the
site judges a pledge exactly as `trygghet status` does, over the activities it may publish.
"""

from __future__ import annotations

from typing import Any

from trygghet_cli import i18n
from trygghet_cli.model import PledgeSet
from trygghet_cli.render.context import ViewContext, text
from trygghet_cli.status import PeriodChoice, build_report
from trygghet_cli.status.pledge_verdict import PledgeVerdict, of_pledge

View = dict[str, Any]
# A mark beside each verdict's words, so that no verdict is told by colour alone.
MARKS = {PledgeVerdict.KEPT: "✓", PledgeVerdict.NOT_KEPT: "✗", PledgeVerdict.BEHIND: "!",
         PledgeVerdict.ON_TRACK: "→", PledgeVerdict.NOT_STARTED: "○", PledgeVerdict.NOT_JUDGED: "?"}


def _next_set(ctx: ViewContext, current: PledgeSet) -> PledgeSet | None:
    """The pledge set that begins after the current one and after as_of, if the data has one."""
    later = [s for s in ctx.model.pledge_sets if s.period.given
             and s.period.start > current.period.end and s.period.start > ctx.as_of]
    return min(later, key=lambda s: s.period.start) if later else None


def _day(ctx: ViewContext, pledge_set: PledgeSet, which: str) -> str:
    """The period's first or last day, 'ca 30 juni 2027' when the sources are unsure of it."""
    period = pledge_set.period
    day = period.start if which == "start" else period.end
    return i18n.format_uncertain(day, which in period.uncertain, ctx.lang)


def _period_state(ctx: ViewContext, pledge_set: PledgeSet, how: PeriodChoice) -> View:
    """The period in words: runs until, ended on, begins on; and what comes next when known."""
    period = pledge_set.period
    start, end = _day(ctx, pledge_set, "start"), _day(ctx, pledge_set, "end")
    if not period.given or period.open:
        # No end to count to: the period in words ('från 1 januari 2022, tills vidare').
        key = "not_given" if not period.given else "upcoming" if ctx.as_of < period.start else "current"
        state = (ctx.t("site.front.period", period=ctx.set_period(pledge_set)) if period.given
                 else ctx.t("site.front.period_not_given"))
        return {"state": state, "key": key, "next": ""}
    if how is PeriodChoice.UPCOMING or ctx.as_of < period.start:
        state, key = ctx.t("site.front.begins", start=start, end=end), "upcoming"
    elif ctx.as_of > period.end:
        state, key = ctx.t("site.front.ended", end=end), "ended"
    else:
        state, key = ctx.t("site.front.runs", end=end), "current"
    following = _next_set(ctx, pledge_set)
    if following is not None:
        after = ctx.t("site.front.next", period=following.period.label(ctx.lang),
                      start=_day(ctx, following, "start"))
    elif key == "ended":
        after = ctx.t("site.front.next_none")
    else:
        after = ""
    return {"state": state, "key": key, "next": after}


def judged(ctx: ViewContext, pledge_set: PledgeSet, page: str) -> list[View]:
    """Each pledge of the set with its verdict on as_of, judged over the activities the site
    may publish: number, text, verdict in words, its key and mark, its anchor on `page`."""
    report = build_report(ctx.model, pledge_set.id, ctx.as_of)
    summary = report.summary
    found = []
    for number, progress in enumerate(report.pledges, start=1):
        states = [s for s in progress.activities if ctx.visible(s.activity)]
        verdict, said = of_pledge(states, progress.pledge, pledge_set, started=summary.started,
                                  ended=summary.ended)
        shown = ctx.t(f"pledge_verdict.{verdict.value}")
        found.append({"id": progress.pledge.id, "number": number,
                      "text": " ".join(progress.pledge.text.split()), "areas": progress.pledge.areas,
                      "districts": sorted({d for s in states for d in s.activity.districts}),
                      "verdict": ctx.t("pledge_verdict.stated", verdict=shown) if said else shown,
                      "key": verdict.value,
                      "mark": MARKS[verdict], "page": f"{page}#pledge-{number}"})
    return found


def contact(ctx: ViewContext, items: list[dict[str, str]]) -> View:
    """Whom to ask: the site's contact, else the public contact of trygghet.yaml, else the
    municipality's website; `items` empty and no link when the data gives none."""
    cfg = ctx.model.config
    if items:
        return {"items": items, "link": "", "link_text": ""}
    public = cfg.public_contact if cfg else None
    if public:
        return {"items": [{"label": public.get("text", ""), "email": "", "phone": "",
                           "url": public.get("url", "")}], "link": "", "link_text": ""}
    website = text(cfg.ref.file.data.get("municipality", {}).get("website")) if cfg else ""
    name = cfg.municipality if cfg else ""
    return {"items": [], "link": website,
            "link_text": ctx.t("site.contact_website", municipality=name) if website else ""}


def first_screen(ctx: ViewContext, pledge_set: PledgeSet | None, how: PeriodChoice | None,
                 page: str) -> View:
    """The pledges in force (or the latest), their verdicts and the period's state."""
    if pledge_set is None or how is None:
        return {"title": ctx.t("site.front.no_pledges_title"), "state": None, "pledges": [],
                "none": ctx.t("site.front.no_pledges")}
    return {"title": ctx.t("site.pledges", period=pledge_set.period.label(ctx.lang))
            if pledge_set.period.given else pledge_set.title,
            "state": _period_state(ctx, pledge_set, how),
            "pledges": judged(ctx, pledge_set, page), "page": page, "none": ""}
