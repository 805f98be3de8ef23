"""The accessibility statement, built with every element DIGG lists for it (lag 2018:1937):
the public body and the service, compliance in the prescribed words (helt, delvis or inte
förenlig), the content that is not accessible and why, the dates of assessment and update, the
method, a way to report shortcomings, the link to DIGG's complaint function, content exempted
as a disproportionate burden (12 §) and content outside the law's scope (9 §).

The known shortcomings are the site's own: what the build found on its pages (site/selfcheck),
what trygghet.yaml declares under `site.accessibility.shortcomings`, and a missing way to report.
Compliance is never claimed above what those show: with any shortcoming it is at most "delvis".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.render.context import ViewContext, strings, text
from trygghet_cli.site.selfcheck import Shortcoming

View = dict[str, Any]
DIGG_COMPLAINT = "https://www.digg.se/tdosanmalan"
LEVELS = ("helt", "delvis", "inte")


def reporting(settings_contact: str, contact: View) -> View | None:
    """The way to report a shortcoming: the accessibility contact, else the site's public
    contact (a mailbox, number or web form); None when the data gives neither."""
    if settings_contact:
        mail = "@" in settings_contact and "://" not in settings_contact
        return {"text": settings_contact, "href": ("mailto:" if mail else "") + settings_contact}
    for item in contact.get("items", []):
        if item.get("email"):
            return {"text": item["email"], "href": "mailto:" + item["email"]}
        if item.get("url"):
            return {"text": item.get("label") or item["url"], "href": item["url"]}
    return None


def compliance(declared: str, shortcomings: int) -> str:
    """The declared level, but never 'helt' while the statement lists a shortcoming."""
    level = declared if declared in LEVELS else ("delvis" if shortcomings else "helt")
    return "delvis" if level == "helt" and shortcomings else level


def _found(ctx: ViewContext, found: list[Shortcoming]) -> list[str]:
    """The build's findings in words, one line per kind of problem with the pages it is on."""
    pages: dict[str, list[str]] = {}
    for s in found:
        pages.setdefault(s.key, []).append(s.page)
    return [ctx.t(f"site.check.{key}", pages=", ".join(names)) for key, names in pages.items()]


def statement_view(ctx: ViewContext, raw: dict[str, Any], contact: View, report_to: str,
                   found: list[Shortcoming], owner: str, service: str) -> View:
    """Everything the statement says, in the order of DIGG's model."""
    way = reporting(report_to, contact)
    shortcomings = _found(ctx, found) + strings(raw.get("shortcomings"))
    if way is None:
        shortcomings.append(ctx.t("site.a11y.no_reporting"))
    level = compliance(text(raw.get("compliance")), len(shortcomings))
    assessed = _day(text(raw.get("assessed"))) or ctx.as_of
    return {
        "intro": ctx.t("site.a11y.intro", owner=owner, service=service),
        "compliance": ctx.t(f"site.a11y.compliance.{level}", service=service), "level": level,
        "shortcomings": shortcomings,
        "burden": strings(raw.get("disproportionate_burden")),
        "assessed": i18n.format_date(assessed, ctx.lang),
        "updated": i18n.format_date(max(assessed, ctx.as_of), ctx.lang),
        "method": text(raw.get("method")) or ctx.t("site.a11y.method_default"),
        "self_assessed": not raw.get("method"),
        "reporting": way, "digg": DIGG_COMPLAINT,
    }


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
