"""Render reports (yearly, pledges, status, agreement, lagesbild, council) as Markdown or
accessible HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trygghet_cli.errors import UsageError
from trygghet_cli.loading import Document
from trygghet_cli.model import Model
from trygghet_cli.render import select, views
from trygghet_cli.render.context import INTERNAL, PUBLIC, ViewContext

KINDS = ("yearly", "pledges", "status", "agreement", "lagesbild", "council")
AUDIENCES = (PUBLIC, INTERNAL)


@dataclass(frozen=True, slots=True)
class Request:
    """What to render: the kind, the format, the language and what the report covers."""

    kind: str
    fmt: str
    lang: str
    as_of: date
    as_of_shown: bool = False
    audience: str = PUBLIC
    period: str | None = None
    year: int | None = None
    templates: Path | None = None


@dataclass(slots=True)
class Built:
    """A view and the data files it was drawn from (for the publish gate)."""

    view: dict[str, Any]
    documents: list[Document]


def _agreement(ctx: ViewContext, req: Request) -> Built:
    chosen = select.agreement(ctx.model, req.period, req.year, ctx.as_of)
    sets = [s for s in ctx.model.pledge_sets if s.agreement == chosen.id]
    return Built(views.agreement_view(ctx, chosen), [chosen.ref.file, *[s.ref.file for s in sets]])


def _pledges(ctx: ViewContext, req: Request) -> Built:
    chosen = select.pledge_set(ctx.model, req.period, req.year, ctx.as_of)
    lists = [lst.ref.file for lst in ctx.model.activity_lists if lst.pledge_set == chosen.id]
    agreement = ctx.model.agreement(chosen.agreement) if chosen.agreement else None
    extra = [agreement.ref.file] if agreement else []
    return Built(views.pledges_view(ctx, chosen), [chosen.ref.file, *lists, *extra])


def _builders() -> dict[str, Callable[[ViewContext, Request], Built]]:
    from trygghet_cli.render import council, followup, lagesbild

    return {"agreement": _agreement, "pledges": _pledges,
            "status": followup.status_built, "yearly": followup.yearly_built,
            "lagesbild": lagesbild.lagesbild_built, "council": council.council_built}


def build(model: Model, req: Request) -> Built:
    """The public view for the request and the files it draws on."""
    if req.kind not in KINDS:
        raise UsageError(f"no report kind '{req.kind}'", f"use one of: {', '.join(KINDS)}")
    ctx = ViewContext(model, req.lang, req.as_of, req.as_of_shown, req.audience)
    built = _builders()[req.kind](ctx, req)
    if model.config is not None:
        built.documents.insert(0, model.config.ref.file)
    return built


def _tidy(text: str, fmt: str) -> str:
    """Stable whitespace: no trailing spaces, at most one blank line (Markdown), one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    joined = "\n".join(lines)
    # Markdown keeps single blank lines (they separate blocks); HTML needs none.
    joined = re.sub(r"\n{3,}", "\n\n", joined) if fmt == "md" else re.sub(r"\n\s*\n", "\n", joined)
    return joined.strip("\n") + "\n"


def render(model: Model, req: Request, output_name: str = "<output>", built: Built | None = None) -> str:
    """The report as text (from `built`, when the caller already built the request's view).
    A public report is refused when its input or its output shows something that looks like
    personal data."""
    from trygghet_cli.render import gate
    from trygghet_cli.render.environment import environment, template_name

    built = build(model, req) if built is None else built
    if req.audience == PUBLIC:
        gate.check_inputs(_unique(built.documents))
    env = environment(req.fmt, req.lang, req.templates)
    text = _tidy(env.get_template(template_name(req.kind, req.fmt)).render(**built.view), req.fmt)
    if req.audience == PUBLIC:
        gate.check_output(text, req.fmt, output_name)
        gate.check_no_internal(text, req.fmt, output_name, model)
    return text


def _unique(documents: list[Document]) -> list[Document]:
    seen: dict[str, Document] = {}
    for doc in documents:
        seen.setdefault(doc.path, doc)
    return list(seen.values())
