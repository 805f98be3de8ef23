"""The Atom feed of changes (from git history) and the sitemap."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from trygghet_cli import i18n
from trygghet_cli.site.history import History, Revision

ATOM = "http://www.w3.org/2005/Atom"


def atom(history: History, title: str, base_url: str, code: str, lang: str,
         pages: dict[str, str] | None = None, as_of: date | None = None) -> str:
    """An Atom feed: one entry per commit that changed what citizens see, linking to the page
    of what it changed (`pages`: list, pledge set or agreement id -> page). Without history the
    feed is as new as the site: `as_of`."""
    base = base_url + "/" if base_url else ""
    revisions = [r for r in history.revisions if r.events or r.first]
    built = f"{as_of.isoformat()}T00:00:00+00:00" if as_of else "1970-01-01T00:00:00+00:00"
    updated = revisions[0].when.isoformat() if revisions else built
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="{ATOM}" xml:lang={quoteattr(lang)}>',
             f"  <title>{escape(title)}</title>",
             f"  <id>urn:trygghet:{escape(code)}:feed</id>",
             f"  <updated>{updated}</updated>",
             f'  <link rel="alternate" type="text/html" href={quoteattr(base + "index.html")}/>',
             f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "flode.xml")}/>',
             "  <author><name>" + escape(title.split(": ", 1)[-1]) + "</name></author>"]
    for rev in revisions:
        texts = [e.text for e in rev.events] or [i18n.label("site.history.published", lang)]
        day = i18n.format_date(rev.when.date(), lang)
        summary = "; ".join(texts)
        headline = summary if len(summary) <= 100 else summary[:99].rsplit(" ", 1)[0] + " …"
        lines += ["  <entry>",
                  f"    <title>{escape(day)}: {escape(headline)}</title>",
                  f"    <id>urn:trygghet:{escape(code)}:{rev.commit}</id>",
                  f"    <updated>{rev.when.isoformat()}</updated>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(base + _page(rev, pages))}/>',
                  f"    <summary>{escape(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _page(rev: Revision, pages: dict[str, str] | None) -> str:
    """The page of the first thing the revision changed that has one; the start page otherwise."""
    found = [pages[e.group] for e in rev.events if pages and e.group in pages]
    return found[0] if found else "index.html"


def sitemap(pages: list[str], base_url: str) -> str:
    """A sitemap of every HTML page (addresses relative to the site when its URL is not known)."""
    base = base_url + "/" if base_url else ""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(base + page)}</loc></url>" for page in sorted(pages)]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
