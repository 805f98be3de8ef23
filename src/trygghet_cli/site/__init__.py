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
from typing import TYPE_CHECKING, Any, Literal

from trygghet_cli.area import own_districts
from trygghet_cli.model import PledgeSet
from trygghet_cli.render import Request
from trygghet_cli.render.context import ViewContext
from trygghet_cli.root.repository import LoadedRoot
from trygghet_cli.site import dcat, opendata, pages
from trygghet_cli.site import history as git_history
from trygghet_cli.site.history import History

if TYPE_CHECKING:
    from trygghet_cli import privacy
    from trygghet_cli.render.gate import Pieces

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
                  settings: pages.Settings, history: History) -> dict[str, str]:
    from trygghet_cli.render import build
    from trygghet_cli.site import front, timeline

    model, out = loaded.model, {}
    for s in model.pledge_sets:
        name = pages.pledge_page(s.id)
        view = _as_site_page(build(model, Request("pledges", "html", req.lang, req.as_of, req.as_of_shown,
                                                  period=s.id)).view, ctx, name)
        view["set"]["follow_up"] = view["set"]["follow_up"] or _agreement_follow_up(ctx, s)
        out[name] = _render("site/pledges.html.j2", view, req.lang, layout=LAYOUT,
                            follow_contact=front.contact(ctx, settings.contact),
                            timelines=timeline.timelines(ctx, s, history),
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
           "om-underlaget.html": _render("site/about.html.j2", pages.about_view(ctx, settings), lang)}
    for lst in model.activity_lists:
        out[pages.list_page(lst.id)] = _render("site/list.html.j2", pages.list_view(ctx, lst, history), lang)
    from trygghet_cli.site import places

    sets = places.judged_sets(ctx, {s.id: pages.pledge_page(s.id) for s in model.pledge_sets})
    for district in own_districts(model):
        view = pages.district_view(ctx, district.id, district.name,
                                   places.district_pledges(sets, district.id))
        out[pages.district_page(district.id)] = _render("site/district.html.j2", view, lang)
    if own_districts(model):
        out[places.OVERVIEW] = _render("site/districts.html.j2", places.overview_view(ctx), lang)
    for agreement in model.agreements:
        for area in agreement.areas:
            out[places.area_page(agreement, area, model)] = _render(
                "site/theme.html.j2", places.theme_view(ctx, agreement, area, sets), lang)
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
    described = [(f"{folder}/{n}.csv", "text/csv", "CSV") for n in tables]
    described.append((f"{folder}/trygghet.json", "application/json", "JSON"))
    files[f"{folder}/{dcat.NAME}"] = dcat.dcat(model, lang, base_url, settings.license, modified,
                                               settings.contact, described)
    links = [(ctx.t(f"site.open.csv.{name}"), f"{folder}/{name}.csv") for name in tables]
    links += [(ctx.t("site.open.json"), f"{folder}/trygghet.json"),
              (ctx.t("site.open.readme"), f"{folder}/README.md"),
              (ctx.t("site.open.dcat"), f"{folder}/dcat.jsonld")]
    return files, links


def _statement(ctx: ViewContext, settings: pages.Settings,
               html: dict[str, str]) -> tuple[str, dict[str, Pieces]]:
    """The accessibility statement, listing what the build's checks found on every page
    (itself included: a second rendering when the first one shows a shortcoming of its own),
    and the readable pieces of every page, the statement's too, from the same reading."""
    from trygghet_cli.site import selfcheck

    name = "tillganglighet.html"
    found, pieces = selfcheck.read_site(html)
    page = _render("site/accessibility.html.j2", pages.accessibility_view(ctx, settings, found), ctx.lang)
    own, pieces[name] = selfcheck.read_page(name, page)
    if own:
        page = _render("site/accessibility.html.j2",
                       pages.accessibility_view(ctx, settings, found + own), ctx.lang)
        pieces[name] = selfcheck.read_page(name, page)[1]
    return page, pieces


def notes(loaded: LoadedRoot, req: SiteRequest) -> list[str]:
    """What the build output says besides the files: a missing way to report accessibility
    shortcomings (a warning), and what was written without the site's address or licence."""
    from trygghet_cli import i18n

    settings = pages.Settings.of(loaded.model)
    found = []
    if not settings.accessibility_contact:
        found.append(i18n.label("site.warn.accessibility_contact", req.lang))
    cfg = loaded.model.config
    website = cfg.ref.file.data.get("municipality", {}).get("website") if cfg else None
    if not (settings.contact or (cfg and cfg.public_contact) or website):
        found.append(i18n.label("site.warn.no_contact", req.lang))
    if not (req.base_url or settings.url):
        found.append(i18n.label("site.note.no_base_url", req.lang))
    if not settings.license:
        found.append(i18n.label("site.note.license", req.lang))
    return found


def read_history(loaded: LoadedRoot, req: SiteRequest,
                 found: git_history.Commits | None | Literal["ask"] = "ask") -> History:
    """The history the site tells, read from git as the publish gate allows (`found`: the
    root's git_history.commits() when already asked)."""
    from trygghet_cli.render import gate

    if not req.history:
        return History()
    model = loaded.model
    allowed = frozenset(gate.contact_key(c) for c in pages.Settings.of(model).public_contact())
    gate_of_history = git_history.Gate(
        scope=model.config.scope if model.config else None, allowed=allowed,
        internal=frozenset(a.id for a in model.all_activities() if a.visibility == "internal"))
    if found is None:
        return History()
    return git_history.read(loaded.root, req.lang, gate_of_history, None if found == "ask" else found)


def build_site(loaded: LoadedRoot, req: SiteRequest, history: History | None = None) -> dict[str, bytes]:
    """Every file of the site, by its path inside the site folder (`history`: read_history's,
    when already read). Refused (DataError) when anything public looks like personal data or
    holds internal text."""
    from trygghet_cli.render import gate
    from trygghet_cli.site import feed

    model = loaded.model
    settings = pages.Settings.of(model)
    allowed = frozenset(gate.contact_key(c) for c in settings.public_contact())
    gate.check_inputs(list(loaded.documents.values()), allowed)
    base_url = (req.base_url or settings.url).rstrip("/")
    history = read_history(loaded, req) if history is None else history
    ctx = ViewContext(model, req.lang, req.as_of, req.as_of_shown)
    html = {**_report_pages(loaded, req, ctx, settings, history),
            **_site_pages(loaded, ctx, settings, history)}
    data, links = _open_data(loaded, ctx, settings, base_url, history)
    html["oppna-data.html"] = _render("site/open_data.html.j2",
                                      pages.open_data_view(ctx, links, settings), req.lang)
    html["tillganglighet.html"], pieces = _statement(ctx, settings, html)
    cfg = model.config
    municipality = pages.municipality_names(ctx)
    data["flode.xml"] = feed.atom(history, ctx.t("site.feed.title", municipality=municipality),
                                  base_url, cfg.code if cfg else "0000", req.lang,
                                  pages.by_group(model), req.as_of)
    if base_url:  # sitemaps.org requires absolute addresses: without the site's, none is written
        data["sitemap.xml"] = feed.sitemap(list(html), base_url)
    internal = gate.internal_texts(model)
    seen: dict[str, list[privacy.Match]] = {}  # the pages share their header and footer
    for name in html:  # each page read once: the statement's checks kept its pieces
        gate.check_pieces(pieces[name], name, allowed, seen)
        gate.check_pieces_internal(pieces[name], name, internal)
    for name, text in data.items():
        gate.check_pieces(gate.output_pieces(text, "md"), name, allowed, seen)
        gate.check_pieces_internal(gate.output_pieces(text, "md"), name, internal)
    return {name: text.encode("utf-8") for name, text in sorted({**html, **data}.items())}
