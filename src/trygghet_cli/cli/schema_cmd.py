"""`trygghet schema`: print a shipped JSON Schema."""

from __future__ import annotations

import typer

from trygghet_cli.cli.app import command
from trygghet_cli.errors import UsageError


@command("schema")
def schema(
    name: str = typer.Argument(
        None, help="config, agreement, pledges, activities or common. Default: list them."),
    path: bool = typer.Option(False, "--path", help="Print the schema file's path instead."),
) -> None:
    """Print a JSON Schema, for editors and other tools.

    Examples:

      trygghet schema                 # list the schemas

      trygghet schema activities > activities.schema.json

      trygghet schema activities --path
    """
    from trygghet_cli import resources
    from trygghet_cli.validate import schema as schemas

    names = schemas.schema_names()
    if name is None:
        for item in names:
            typer.echo(item)
        return
    if name not in names:
        raise UsageError(f"no schema named '{name}'", f"use one of: {', '.join(names)}")
    if path:
        file = schemas.SCHEMA_FILES.get(name, f"{name}.schema.json")
        typer.echo(str(resources.schemas_dir() / file))
        return
    typer.echo(schemas.schema_text(name), nl=False)
