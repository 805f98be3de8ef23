"""The overview as JSON, with a stable shape (`version` changes only when the shape does)."""

from __future__ import annotations

import json
from datetime import date

from trygghet_cli import __version__
from trygghet_cli.overview import Query, Row
from trygghet_cli.overview.as_csv import record

OVERVIEW_JSON_VERSION = 1


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def render(rows: list[Row], roots: int, query: Query, lang: str) -> str:
    body = {
        "version": OVERVIEW_JSON_VERSION,
        "tool": {"name": "trygghet", "version": __version__},
        "language": lang,
        "as_of": query.as_of.isoformat(),
        "roots": roots,
        "filters": {"police_area": list(query.police_areas), "county": list(query.counties)},
        "sort": query.sort,
        "municipalities": [{k: _plain(v) for k, v in record(row).items()} for row in rows],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)
