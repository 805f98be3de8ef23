"""The citizen site: the municipality's page generated from the data, with its history and
open data (`trygghet site`).

The site is a view of the same public projection the reports use (render/): report pages are
rendered with the site's layout, and every page and open-data file passes the same publish
gate (personal data, internal text). Only the public contact that the data root declares in
`site.contact` may pass the gate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from trygghet_cli.area import own_districts
from trygghet_cli.model import PledgeSet
from trygghet_cli.render import Request
from trygghet_cli.render.context import ViewContext
from trygghet_cli.root.repository import LoadedRoot
from trygghet_cli.site import opendata, pages
from trygghet_cli.site.history import History

LAYOUT = "site/layout.html.j2"


@dataclass(frozen=True, slots=True)
class SiteRequest:
    """What to build: the language, the day that decides what is current, the site's address."""

    lang: str
    as_of: date
    as_of_shown: bool = False
    base_url: str = ""
    history: bool = True


def _render(template: str, view: dict[str, Any], lang: str, **extra: Any) -> str:
    from trygghet_cli.render import _tidy
    from trygghet_cli.render.environment import environment

    return _tidy(environment("html", lang).get_template(template).render(**view, **extra), "html")


def _as_site_page(view: dict[str, Any], ctx: ViewContext, name: str) -> dict[str, Any]:
    """A report view on the site: the site's header and footer, provenance left for 'Om uppgifterna'."""
    view["meta"].update(site=True, page=name, parties=pages.party_names(ctx))
    if "set" in view:
        view["set"]["notes"] = ""
    if "agreement" in view:
        view["agreement"].update(source_note="", notes="")
        view["responsible_unknown"] = 0
    for block in view.get("sets", []):
        block["notes"] = ""
    return view


def _agreement_follow_up(ctx: ViewContext, pledge_set: PledgeSet) -> dict[str, str] | None:
    """How the work is followed up, from the agreement the pledges build on when they do not say."""
    from trygghet_cli.render.views import _follow_up

    for agreement_id in pledge_set.agreement_ids:
        agreement = ctx.model.agreement(agreement_id)
        found = _follow_up(ctx, agreement.raw.get("follow_up")) if agreement else None
        if found:
            return found
    return None


def _report_pages(loaded: LoadedRoot, req: SiteRequest, ctx: ViewContext,
                  settings: pages.Settings) -> dict[str, str]:
    from trygghet_cli.render import build
    from trygghet_cli.site import front

    model, out = loaded.model, {}
    for s in model.pledge_sets:
        name = pages.pledge_page(s.id)
        view = _as_site_page(build(model, Request("pledges", "html", req.lang, req.as_of, req.as_of_shown,
                                                  period=s.id)).view, ctx, name)
        view["set"]["follow_up"] = view["set"]["follow_up"] or _agreement_follow_up(ctx, s)
        out[name] = _render("site/pledges.html.j2", view, req.lang, layout=LAYOUT,
                            follow_contact=front.contact(ctx, settings.contact),
                            site_lists=[pages.list_page(lst.id) for lst in model.activity_lists
                                        if lst.pledge_set == s.id])
    for a in model.agreements:
        name = pages.agreement_page(a.id)
        view = _as_site_page(build(model, Request("agreement", "html", req.lang, req.as_of,
                                                  req.as_of_shown, period=a.id)).view, ctx, name)
        out[name] = _render("site/agreement.html.j2", view, req.lang, layout=LAYOUT)
    for year in pages.years(model, req.as_of):
        name = pages.year_page(year)
        view = _as_site_page(build(model, Request("yearly", "html", req.lang, req.as_of, req.as_of_shown,
                                                  year=year)).view, ctx, name)
        out[name] = _render("site/yearly.html.j2", view, req.lang, layout=LAYOUT)
    return out


def _site_pages(loaded: LoadedRoot, ctx: ViewContext, settings: pages.Settings,
                history: History) -> dict[str, str]:
    model, lang = loaded.model, ctx.lang
    out = {"index.html": _render("site/index.html.j2", pages.start_view(ctx, settings), lang),
           "om-underlaget.html": _render("site/about.html.j2", pages.about_view(ctx, settings), lang),
           "tillganglighet.html": _render("site/accessibility.html.j2",
                                          pages.accessibility_view(ctx, settings), lang)}
    for lst in model.activity_lists:
        out[pages.list_page(lst.id)] = _render("site/list.html.j2", pages.list_view(ctx, lst, history), lang)
    for district in own_districts(model):
        out[pages.district_page(district.id)] = _render(
            "site/district.html.j2", pages.district_view(ctx, district.id, district.name), lang)
    return out


def _open_data(loaded: LoadedRoot, ctx: ViewContext, settings: pages.Settings, base_url: str,
               history: History) -> tuple[dict[str, str], list[tuple[str, str]]]:
    model, lang = loaded.model, ctx.lang
    cfg = model.config
    tables = opendata.rows(model, ctx)
    folder = opendata.FOLDER
    files = {f"{folder}/{name}.csv": opendata.as_csv(name, table) for name, table in tables.items()}
    names = pages.municipality_names(ctx)
    files[f"{folder}/trygghet.json"] = opendata.as_json(tables, names, cfg.code if cfg else "")
    files[f"{folder}/README.md"] = opendata.readme(lang, names)
    modified = history.revisions[0].when.date().isoformat() if history.revisions else ""
    files[f"{folder}/dcat.jsonld"] = opendata.dcat(model, lang, base_url, settings.license, modified)
    links = [(ctx.t(f"site.open.csv.{name}"), f"{folder}/{name}.csv") for name in tables]
    links += [(ctx.t("site.open.json"), f"{folder}/trygghet.json"),
              (ctx.t("site.open.readme"), f"{folder}/README.md"),
              (ctx.t("site.open.dcat"), f"{folder}/dcat.jsonld")]
    return files, links


def build_site(loaded: LoadedRoot, req: SiteRequest) -> dict[str, bytes]:
    """Every file of the site, by its path inside the site folder. Refused (DataError) when
    anything public looks like personal data or holds internal text."""
    from trygghet_cli.render import gate
    from trygghet_cli.site import feed
    from trygghet_cli.site import history as git_history

    model = loaded.model
    settings = pages.Settings.of(model)
    allowed = frozenset(gate.contact_key(c) for c in settings.public_contact())
    gate.check_inputs(list(loaded.documents.values()), allowed)
    base_url = (req.base_url or settings.url).rstrip("/")
    gate_of_history = git_history.Gate(
        scope=model.config.scope if model.config else None, allowed=allowed,
        internal=frozenset(a.id for a in model.all_activities() if a.visibility == "internal"))
    history = git_history.read(loaded.root, req.lang, gate_of_history) if req.history else History()
    ctx = ViewContext(model, req.lang, req.as_of, req.as_of_shown)
    html = {**_report_pages(loaded, req, ctx, settings), **_site_pages(loaded, ctx, settings, history)}
    data, links = _open_data(loaded, ctx, settings, base_url, history)
    html["oppna-data.html"] = _render("site/open_data.html.j2",
                                      pages.open_data_view(ctx, links, settings), req.lang)
    cfg = model.config
    municipality = pages.municipality_names(ctx)
    data["flode.xml"] = feed.atom(history, ctx.t("site.feed.title", municipality=municipality),
                                  base_url, cfg.code if cfg else "0000", req.lang)
    data["sitemap.xml"] = feed.sitemap(list(html), base_url)
    for name, text in html.items():
        gate.check_output(text, "html", name, allowed)
        gate.check_no_internal(text, "html", name, model)
    for name, text in data.items():
        gate.check_output(text, "md", name, allowed)
        gate.check_no_internal(text, "md", name, model)
    return {name: text.encode("utf-8") for name, text in sorted({**html, **data}.items())}
