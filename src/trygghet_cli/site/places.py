"""Pages by place and by theme: the district overview (a schematic of the districts as the
configuration lists them, each a link, with a text list beside it), and a page per priority
area listing the pledges that serve it with their verdicts and the activities that carry them.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from trygghet_cli.model import Agreement, Model, PriorityArea
from trygghet_cli.render import views
from trygghet_cli.render.context import ViewContext, text
from trygghet_cli.site import front
from trygghet_cli.site.pages import agreement_page, district_page, list_page, site_meta

View = dict[str, Any]
# The schematic: two tiles a row, in the units of its viewBox; at 390 px the viewBox is drawn
# about 0.56 times its size, so 28-unit names are about 16 px and 24-unit counts 13 px.
COLUMNS, TILE_W, TILE_H, GAP = 2, 310, 120, 20
CHARS_PER_LINE = 18
OVERVIEW = "kommundelar.html"


def area_page(agreement: Agreement, area: PriorityArea, model: Model) -> str:
    """omrade-ID.html, or omrade-AGREEMENT-ID.html when two agreements use the same area id."""
    same = sum(1 for a in model.agreements for x in a.areas if x.id == area.id)
    return f"omrade-{area.id}.html" if same == 1 else f"omrade-{agreement.id}-{area.id}.html"


def judged_sets(ctx: ViewContext, page_of: dict[str, str]) -> list[tuple[View, list[View]]]:
    """Every pledge set, newest first, with its pledges judged (site/front.judged)."""
    found = []
    for s in sorted(ctx.model.pledge_sets, key=lambda s: s.period.start, reverse=True):
        found.append(({"title": s.title, "period": s.period.label(ctx.lang), "page": page_of[s.id]},
                      front.judged(ctx, s, page_of[s.id])))
    return found


def _pledges_where(sets: list[tuple[View, list[View]]], key: str, wanted: str) -> list[View]:
    return [{**head, "items": items} for head, all_items in sets
            for items in [[p for p in all_items if wanted in p[key]]] if items]


def _activities(ctx: ViewContext, pledge_ids: set[str]) -> list[View]:
    found = []
    for lst in sorted(ctx.model.activity_lists, key=lambda lst: lst.id, reverse=True):
        for activity in lst.activities:
            if ctx.visible(activity) and pledge_ids & set(activity.pledges):
                brief = views.activity_brief(ctx, activity)
                brief["list_page"] = list_page(lst.id)
                found.append(brief)
    return found


def theme_view(ctx: ViewContext, agreement: Agreement, area: PriorityArea,
               sets: list[tuple[View, list[View]]]) -> View:
    """A priority area: what it is, the pledges that serve it and their activities."""
    pledges = _pledges_where(sets, "areas", area.id)
    ids = {p["id"] for block in pledges for p in block["items"]}
    meta = site_meta(ctx, ctx.t("site.theme.title", title=area.title), ctx.t("site.themes"),
                     area_page(agreement, area, ctx.model))
    return {"meta": meta, "description": " ".join(text(area.description).split()),
            "agreement": {"title": agreement.title, "page": agreement_page(agreement.id),
                          "period": ctx.period(agreement.period)},
            "pledges": pledges, "activities": _activities(ctx, ids)}


def overview_view(ctx: ViewContext) -> View:
    """The districts: the schematic and the same links as a list, with their activity counts."""
    from trygghet_cli import i18n
    from trygghet_cli.area import own_districts

    tiles = []
    for district in own_districts(ctx.model):
        count = sum(1 for a in ctx.model.all_activities() if ctx.visible(a) and district.id in a.districts)
        tiles.append({"name": district.name, "page": district_page(district.id),
                      "count": i18n.plural("site.districts.count", ctx.lang, count)})
    title = ctx.t("site.districts.title")
    return {"meta": site_meta(ctx, title, ctx.t("site.kind"), OVERVIEW),
            "tiles": tiles, "svg": schematic(tiles, ctx.t("site.districts.map")) if tiles else ""}


def themes(ctx: ViewContext) -> list[View]:
    """The priority areas of the agreements, newest agreement first, with their pages."""
    return [{"title": area.title, "page": area_page(a, area, ctx.model), "agreement": a.title}
            for a in sorted(ctx.model.agreements, key=lambda a: a.period.start, reverse=True)
            for area in a.areas]


def district_pledges(sets: list[tuple[View, list[View]]], district_id: str) -> list[View]:
    """The pledges with a published activity in the district, per pledge set."""
    return _pledges_where(sets, "districts", district_id)


def _lines(name: str) -> list[str]:
    """The name in at most two lines of about CHARS_PER_LINE characters, split at a space."""
    if len(name) <= CHARS_PER_LINE or " " not in name:
        return [name]
    cut = name.rfind(" ", 0, CHARS_PER_LINE + 1)
    cut = cut if cut > 0 else name.find(" ")
    return [name[:cut], name[cut + 1:]]


def schematic(tiles: list[View], title: str, ident: str = "districts-map") -> Markup:
    """The districts as tiles in the order of the configuration, each a link to its page."""
    rows = (len(tiles) + COLUMNS - 1) // COLUMNS
    width = COLUMNS * TILE_W + (COLUMNS - 1) * GAP
    height = max(rows, 1) * (TILE_H + GAP) - GAP
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="schematic" role="group" '
             f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="{ident}-title">'
             f'<title id="{ident}-title">{escape(title)}</title>']
    for index, tile in enumerate(tiles):
        x = (index % COLUMNS) * (TILE_W + GAP)
        y = (index // COLUMNS) * (TILE_H + GAP)
        lines = _lines(tile["name"])
        parts.append(f'<a href="{escape(tile["page"])}"><rect x="{x}" y="{y}" width="{TILE_W}" '
                     f'height="{TILE_H}" rx="10" class="tile"/>')
        for n, line in enumerate(lines):
            parts.append(f'<text x="{x + 14}" y="{y + 38 + n * 32}" class="tile-name">{escape(line)}</text>')
        parts.append(f'<text x="{x + 14}" y="{y + TILE_H - 14}" class="tile-count">'
                     f'{escape(tile["count"])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above is escaped
