"""The site's pages as public views (plain dicts) for the templates in templates/site/.

The report pages (pledges, agreement, yearly) reuse the report views; the site only moves
provenance remarks from them to the "Om underlaget" page. The other pages are built here
from the same model: start page, activity lists with their history, districts, about,
accessibility statement and the open-data page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.area import Item, names_of, own_districts, own_parties
from trygghet_cli.diff import plain
from trygghet_cli.model import ActivityList, Agreement, Model, PledgeSet
from trygghet_cli.render import select, views
from trygghet_cli.render.context import ViewContext, activity_sources, text
from trygghet_cli.site.dcat import CC0
from trygghet_cli.site.history import History
from trygghet_cli.site.selfcheck import Shortcoming
from trygghet_cli.status.words import list_named, pledges_named

View = dict[str, Any]


@dataclass(slots=True)
class Settings:
    """The `site:` section of trygghet.yaml."""

    url: str = ""
    contact: list[dict[str, str]] = field(default_factory=list)
    accessibility_contact: str = ""
    license: str = ""
    provenance_notes: bool = True
    accessibility: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, model: Model) -> Settings:
        raw = model.config.ref.file.data.get("site") if model.config is not None else None
        if not isinstance(raw, dict):
            return cls()
        contact = [{k: text(c.get(k)) for k in ("label", "email", "phone", "url")}
                   for c in raw.get("contact", []) if isinstance(c, dict)]
        statement = raw.get("accessibility")
        return cls(text(raw.get("url")).rstrip("/"), contact, text(raw.get("accessibility_contact")),
                   text(raw.get("license")), raw.get("provenance_notes", True) is not False,
                   statement if isinstance(statement, dict) else {})

    def public_contact(self) -> list[str]:
        """Every address and number declared public (they pass the personal-data gate)."""
        found = [c[k] for c in self.contact for k in ("email", "phone") if c.get(k)]
        return found + ([self.accessibility_contact] if self.accessibility_contact else [])


def _chosen(model: Model) -> str | None:
    """The one municipality the site is of (the root's only one, or the one --municipality
    chose in a police area); None for a whole police area."""
    cfg = model.config
    if cfg is None:
        return None
    found = [m.name for m in cfg.municipalities if m.code == cfg.code and m.name == cfg.municipality]
    return found[0] if found else None


def party_names(ctx: ViewContext, ids: list[str] | None = None) -> str:
    """The parties named; by default every party of the root, or, on the site of one
    municipality of a police area, the parties of its own pledges."""
    cfg = ctx.model.config
    chosen = ids if ids else [p.id for p in cfg.parties] if cfg else []
    if not ids and cfg is not None and len(cfg.municipalities) > 1 and _chosen(ctx.model):
        used = set(own_parties(ctx.model))
        chosen = [p for p in chosen if p in used]
    return i18n.join_list(ctx.names(chosen), ctx.lang)


def pledge_page(set_id: str) -> str:
    return f"loften-{set_id}.html"


def list_page(list_id: str) -> str:
    return f"aktiviteter-{list_id}.html"


def agreement_page(agreement_id: str) -> str:
    return f"overenskommelse-{agreement_id}.html"


def year_page(year: int) -> str:
    return f"ar-{year}.html"


def district_page(district_id: str) -> str:
    return f"kommundel-{district_id}.html"


def by_group(model: Model) -> dict[str, str]:
    """The page of each activity list, pledge set and agreement, by its id (history groups)."""
    found = {lst.id: list_page(lst.id) for lst in model.activity_lists}
    found.update({s.id: pledge_page(s.id) for s in model.pledge_sets})
    found.update({a.id: agreement_page(a.id) for a in model.agreements})
    return found


def municipality_names(ctx: ViewContext) -> str:
    """Every municipality whose documents the site shows: 'Strängnäs kommun', or 'A och B'."""
    model = ctx.model
    chosen = _chosen(model)
    if chosen is not None:
        return chosen
    documents: list[Item] = [*model.agreements, *model.pledge_sets]
    if documents:
        return names_of(model, documents, ctx.lang)
    return model.config.municipality if model.config else ""


def site_meta(ctx: ViewContext, title: str, kind_label: str, page: str) -> View:
    """The header and footer of every site page; the same keys as a report's meta."""
    meta = views.meta(ctx, "pledges", title, "", [*ctx.model.agreements, *ctx.model.pledge_sets],
                      title_is_data=False)
    meta.update(kind="site", kind_label=kind_label, site=True, page=page,
                parties=party_names(ctx), municipality=municipality_names(ctx))
    return meta


def years(model: Model, as_of: date) -> list[int]:
    """Years covered by a pledge set and ended by as_of, newest first (a summary is of a whole year)."""
    covered = {y for s in model.pledge_sets
               for y in range(s.period.start.year, s.period.last_year(as_of) + 1)}
    return sorted((y for y in covered if date(y, 12, 31) <= as_of), reverse=True)


def _lists_of(model: Model, set_id: str) -> list[ActivityList]:
    return [lst for lst in model.activity_lists if lst.pledge_set == set_id]


def _lagesbild(ctx: ViewContext, fallback: PledgeSet | None) -> tuple[View | None, list[View]]:
    """The latest lägesbild on as_of and what it says per district; without lägesbilder in the
    data, the situation pictures of the pledge sets."""
    from trygghet_cli.situation import select as situation_select

    latest = situation_select.latest(ctx.model, ctx.as_of)
    if latest is None:
        raw = fallback.situation if fallback and fallback.situation else None
        summary = {"title": "", "summary": text(raw.get("summary")), "problems": [],
                   "from": fallback.title} if raw and fallback else None
        districts = _situations(ctx, ctx.as_of)
        # Without any situation picture, a line per district would only say there is none.
        return summary, districts if summary or any(d["summary"] for d in districts) else []
    districts = [{"name": d.name, "page": district_page(d.district),
                  "summary": d.section.summary if d.section else "", "from": latest.title}
                 for d in situation_select.by_district(ctx.model, ctx.as_of)]
    summary = {"title": latest.title, "summary": text(latest.mapping_summary or latest.analysis),
               "problems": [p.title for p in latest.problems],
               "date": ctx.partial(latest.when.text), "from": latest.title}
    return summary, districts


def _situations(ctx: ViewContext, as_of: date) -> list[View]:
    """The latest situation picture per district, from the pledge sets begun by as_of."""
    begun = sorted((s for s in ctx.model.pledge_sets if s.period.start <= as_of),
                   key=lambda s: s.period.start, reverse=True)
    found = []
    for district in own_districts(ctx.model):
        note = next(((s, d) for s in begun for d in (s.situation or {}).get("districts", [])
                     if isinstance(d, dict) and d.get("district") == district.id), None)
        found.append({"name": district.name, "page": district_page(district.id),
                      "summary": text(note[1].get("summary")) if note else "",
                      "from": note[0].title if note else ""})
    return found


def intro(ctx: ViewContext, agreement: Agreement | None, pledges: PledgeSet | None) -> str:
    """Who works together and on what: only the parts the data has are named."""
    parties = party_names(ctx, agreement.parties if agreement else None)
    sentences = [ctx.t("site.intro", parties=parties)]
    parts = []
    if agreement is not None:
        parts.append(ctx.t("site.intro.agreement_areas" if agreement.areas else "site.intro.agreement"))
    if pledges is not None:
        parts.append(ctx.t("site.intro.pledges"))
    if parts:
        sentences.append(ctx.t("site.intro.rests", parts=ctx.listed(parts)))
    if pledges is not None:
        sentences.append(ctx.t("site.intro.here"))
    return " ".join(sentences)


def start_view(ctx: ViewContext, settings: Settings) -> View:
    """The start page: first the pledges in force with their verdicts, the period and the
    contact (site/front.py); then the cooperation, the agreement, the lägesbild, the links."""
    from trygghet_cli.site import front, places
    from trygghet_cli.status import select_period

    model = ctx.model
    chosen = select_period(model, None, ctx.as_of) if model.pledge_sets else None
    current = chosen.pledge_set if chosen else None
    agreement = select.agreement(model, None, None, ctx.as_of) if model.agreements else None
    situation, districts = _lagesbild(ctx, current)
    return {
        "meta": site_meta(ctx, ctx.t("site.title", municipality=municipality_names(ctx)), ctx.t("site.kind"),
                          "index.html"),
        "front": front.first_screen(ctx, current, chosen.how if chosen else None,
                                    pledge_page(current.id) if current else ""),
        "intro": intro(ctx, agreement, current),
        "agreement": _agreement_brief(ctx, agreement) if agreement else None,
        "lists": [list_page(lst.id) for lst in _lists_of(model, current.id)] if current else [],
        "situation": situation,
        "districts": districts,
        "earlier": [{"title": s.title, "page": pledge_page(s.id),
                     "lists": [{"page": list_page(lst.id),
                                "title": ctx.t("site.list_link", period=s.period.label(ctx.lang)
                                              if s.period.given else s.title)}
                               for lst in _lists_of(model, s.id)]}
                    for s in sorted(model.pledge_sets, key=lambda s: s.period.start, reverse=True)
                    if current is None or s.id != current.id],
        "agreements": [{"title": a.title, "page": agreement_page(a.id)}
                       for a in sorted(model.agreements, key=lambda a: a.period.start, reverse=True)],
        "years": [{"year": y, "page": year_page(y)} for y in years(model, ctx.as_of)],
        "contact": front.contact(ctx, settings.contact),
        "themes": places.themes(ctx) if agreement is None else
        [t for t in places.themes(ctx) if t["agreement"] == agreement.title],
        "has_districts": bool(own_districts(model)),
    }


def _agreement_brief(ctx: ViewContext, agreement: Agreement) -> View:
    return {"intro": ctx.t("site.agreement_intro", title=agreement.title,
                           period=agreement.period.label(ctx.lang)),
            "areas": [" ".join((a.description or a.title).split()) for a in agreement.areas],
            "page": agreement_page(agreement.id)}


def list_view(ctx: ViewContext, lst: ActivityList, history: History) -> View:
    """An activity list: its activities with their status, and every change to it from git."""
    pledge_set = ctx.model.pledge_set(lst.pledge_set)
    numbers = {p.id: i for i, p in enumerate(pledge_set.pledges, start=1)} if pledge_set else {}
    title = list_named(lst, ctx.model, ctx.lang)
    activities = []
    for activity in (a for a in lst.activities if ctx.visible(a)):
        brief = views.activity_brief(ctx, activity)
        brief.update(pledge_numbers=[str(numbers[p]) for p in activity.pledges if p in numbers],
                     reason=text(activity.reason), status_note=text(activity.status_note),
                     completed=ctx.partial(activity.completed))
        activities.append(brief)
    revisions = [{"date": ctx.date(rev.when.date()), "changes": texts}
                 for rev, texts in history.for_group(lst.id)]
    return {
        "meta": site_meta(ctx, title, ctx.t("site.nav.pledges"), list_page(lst.id)),
        "intro": ctx.t("site.list.intro", set=pledges_named(pledge_set, ctx.lang) if pledge_set
                       else lst.pledge_set),
        "set_page": pledge_page(lst.pledge_set) if pledge_set else "",
        "activities": activities, "revisions": revisions, "history": history.available,
        "sources": ctx.sources([s for a in lst.activities if ctx.visible(a) for s in activity_sources(a)]),
    }


def district_view(ctx: ViewContext, district_id: str, name: str, pledges: list[View]) -> View:
    """A district: the pledges with activities in it, the situation picture for it over the
    periods, and its activities."""
    from trygghet_cli.situation import select as situation_select

    notes = [{"from": sit.title, "summary": section.summary}
             for sit in reversed(situation_select.dated(ctx.model, ctx.as_of))
             for section in [sit.section(district_id)] if section is not None]
    notes += [{"from": s.title, "summary": text(d.get("summary"))}
              for s in sorted(ctx.model.pledge_sets, key=lambda s: s.period.start, reverse=True)
              for d in (s.situation or {}).get("districts", [])
              if isinstance(d, dict) and d.get("district") == district_id]
    activities = []
    for lst in sorted(ctx.model.activity_lists, key=lambda lst: lst.id, reverse=True):
        for activity in lst.activities:
            if ctx.visible(activity) and district_id in activity.districts:
                brief = views.activity_brief(ctx, activity)
                brief["list"] = list_named(lst, ctx.model, ctx.lang)
                brief["list_page"] = list_page(lst.id)
                activities.append(brief)
    return {"meta": site_meta(ctx, ctx.t("site.district.title", name=name), ctx.t("site.districts"),
                              district_page(district_id)),
            "notes": notes, "activities": activities, "pledges": pledges}


def provenance(model: Model) -> list[View]:
    """Notes on sources and gaps, per document: what belongs on 'Om underlaget'."""
    items: list[tuple[str, Any]] = [(a.title, a.raw) for a in model.agreements]
    items += [(s.title, s.raw) for s in model.pledge_sets]
    items += [(lst.title or lst.id, plain(lst.ref)) for lst in model.activity_lists]
    items += [(sit.title, sit.raw) for sit in model.situations]
    found = []
    for title, raw in items:
        texts = [text(raw.get(k)) for k in ("source_note", "notes") if isinstance(raw, dict) and raw.get(k)]
        if texts:
            found.append({"title": title, "texts": texts})
    return found


def verdict_legend(ctx: ViewContext) -> list[View]:
    """Each pledge verdict with its mark and what it means (the rules of status/pledge_verdict)."""
    from trygghet_cli.site.front import MARKS

    return [{"key": v.value, "mark": mark, "word": ctx.t(f"pledge_verdict.{v.value}"),
             "means": ctx.t(f"pledge_verdict.explain.{v.value}")} for v, mark in MARKS.items()]


def about_view(ctx: ViewContext, settings: Settings) -> View:
    return {"meta": site_meta(ctx, ctx.t("site.about.title"), ctx.t("site.kind"), "om-underlaget.html"),
            "intro": ctx.t("site.about.intro", parties=party_names(ctx)),
            "notes": provenance(ctx.model) if settings.provenance_notes else [],
            "verdicts": verdict_legend(ctx),
            "sources": [{**ctx.sources([s.id])[0], "id": s.id} for s in ctx.model.sources]}


def accessibility_view(ctx: ViewContext, settings: Settings, found: list[Shortcoming]) -> View:
    """The accessibility statement (site/statement.py) with the build's own findings."""
    from trygghet_cli.site import front, statement

    owner = municipality_names(ctx)
    view = statement.statement_view(ctx, settings.accessibility, front.contact(ctx, settings.contact),
                                    settings.accessibility_contact, found, owner,
                                    ctx.t("site.title", municipality=owner))
    return {"meta": site_meta(ctx, ctx.t("site.a11y.title"), ctx.t("site.kind"), "tillganglighet.html"),
            "s": view}


def open_data_view(ctx: ViewContext, files: list[tuple[str, str]], settings: Settings) -> View:
    return {"meta": site_meta(ctx, ctx.t("site.open.title"), ctx.t("site.kind"), "oppna-data.html"),
            "files": [{"label": label, "href": href} for label, href in files],
            "license": settings.license or CC0,
            "license_name": ctx.t("site.open.cc0") if not settings.license or settings.license == CC0
            else settings.license}
