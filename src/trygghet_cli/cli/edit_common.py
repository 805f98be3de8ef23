"""What every editing command shares: finding a writable root, locking it, reporting the result."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from trygghet_cli import i18n, resources
from trygghet_cli.cli.app import options
from trygghet_cli.errors import DataError, UsageError
from trygghet_cli.root import config

if TYPE_CHECKING:  # loading a root pulls in the whole core: only the commands that edit do
    from trygghet_cli.root import repository

DRY_RUN_HELP = "Print the change as a unified diff and write nothing."


@dataclass(slots=True)
class EditContext:
    """The locked, valid data root an editing command works on, and its output language."""

    root: Path
    loaded: repository.LoadedRoot
    lang: str


def writable_root(ctx: Any) -> Path:
    """The data root to edit; the bundled copy only when asked for by --data or the working folder."""
    opts = options(ctx)
    root = config.find_root(explicit=opts.data)
    bundled = resources.bundled_data_root().resolve()
    if opts.data is None and root.resolve() == bundled and config.root_of(Path.cwd()) is None:
        raise UsageError.say("edit.no_root")
    return root


def _localised(error: Any, lang: str) -> DataError:
    first = error.findings[0]
    message, hint = first.text(lang)
    more = f" (+{len(error.findings) - 1})" if len(error.findings) > 1 else ""
    lead = i18n.label("edit.refused", lang)
    return DataError(f"{lead}: {first.where}: {message}{more}", hint)


@contextmanager
def editing(ctx: Any) -> Iterator[EditContext]:
    """Lock the data root, then load and check it; errors it already has are only mentioned."""
    from trygghet_cli.editing import atomic, session
    from trygghet_cli.root import repository

    root = writable_root(ctx)
    with atomic.root_lock(root) as (restored, kept):
        loaded = repository.load(root)
        model_lang = loaded.model.config.language if loaded.model.config else "sv"
        lang = options(ctx).lang or model_lang
        if restored:
            typer.echo(i18n.label("edit.recovered", lang, paths=", ".join(map(str, restored))), err=True)
        if kept:
            typer.echo(i18n.label("edit.recovered_kept", lang, paths=", ".join(map(str, kept))), err=True)
        if any(f.code == repository.UNREADABLE for f in loaded.errors()):
            raise repository.refusal(loaded.errors())
        if loaded.errors():
            typer.echo(i18n.label("edit.errors_before", lang, count=len(loaded.errors())), err=True)
        try:
            yield EditContext(root, loaded, lang)
        except session.RefusedChange as error:
            raise _localised(error, lang) from None


def finish(plan: Any, dry_run: bool, lang: str, what: str,
           after: Callable[[], None] | None = None, said: str | None = None) -> None:
    """Print the diff (dry run) or write the files; a plan of None means nothing to change.

    `said` is the one line that tells what was written, instead of each file's name."""
    from trygghet_cli.editing import session

    if plan is None:
        typer.echo(i18n.label("edit.unchanged", lang, what=what))
        return
    if dry_run:
        typer.echo(plan.diff())
        typer.echo(i18n.label("edit.dry_run", lang), err=True)
        return
    written = session.write(plan)
    if said is not None:
        typer.echo(said)
    for path in written if said is None else []:
        typer.echo(i18n.label("edit.written", lang, path=path))
    if after is not None:
        after()
    for warning in plan.warnings:
        message, _hint = warning.text(lang)
        typer.echo(f"{warning.where}: {i18n.label('warning', lang)} {warning.code}: {message}", err=True)
