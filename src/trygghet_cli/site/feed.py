"""The Atom feed of changes (from git history) and the sitemap."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from trygghet_cli import i18n
from trygghet_cli.site.history import History

ATOM = "http://www.w3.org/2005/Atom"


def atom(history: History, title: str, base_url: str, code: str, lang: str) -> str:
    """An Atom feed: one entry per commit that changed what citizens see."""
    base = base_url + "/" if base_url else ""
    revisions = [r for r in history.revisions if r.events or r.first]
    updated = revisions[0].when.isoformat() if revisions else "1970-01-01T00:00:00+00:00"
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
                  f'    <link rel="alternate" type="text/html" href={quoteattr(base + "index.html")}/>',
                  f"    <summary>{escape(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(pages: list[str], base_url: str) -> str:
    """A sitemap of every HTML page (addresses relative to the site when its URL is not known)."""
    base = base_url + "/" if base_url else ""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{escape(base + page)}</loc></url>" for page in sorted(pages)]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
