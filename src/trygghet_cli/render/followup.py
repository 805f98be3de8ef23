"""Views that need derived state: the status (meeting) report and the yearly summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trygghet_cli.render.context import ViewContext

if TYPE_CHECKING:
    from trygghet_cli.render import Built, Request


def status_built(ctx: ViewContext, req: Request) -> Built:
    raise NotImplementedError


def yearly_built(ctx: ViewContext, req: Request) -> Built:
    raise NotImplementedError
