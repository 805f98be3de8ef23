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
    catalog: bool = typer.Option(
        False, "--catalog", help="Print a SchemaStore-style catalog that maps the data files to the "
        "schemas, for editors (VS Code's YAML extension)."),
    base_url: str | None = typer.Option(
        None, "--base-url", metavar="URL", help="Where the schemas are published: the catalog's "
        "URLs and the printed schema's $id start with it. Default: the installed files."),
) -> None:
    """Print a JSON Schema, for editors and other tools.

    Examples:

      trygghet schema                 # list the schemas

      trygghet schema activities > activities.schema.json

      trygghet schema activities --path

      trygghet schema --catalog > trygghet-catalog.json

      trygghet schema activities --base-url https://example.org/trygghet/schemas/v0.1.0/
    """
    from trygghet_cli import resources
    from trygghet_cli.cli.conventions import web_address
    from trygghet_cli.validate import schema as schemas

    web_address(base_url)
    names = schemas.schema_names()
    if catalog:
        typer.echo(schemas.catalog(base_url), nl=False)
        return
    if name is None:
        for item in names:
            typer.echo(item)
        return
    if name not in names:
        raise UsageError.say("cli.no_schema", name=name, names=", ".join(names))
    if path:
        file = schemas.SCHEMA_FILES.get(name, f"{name}.schema.json")
        typer.echo(str(resources.schemas_dir() / file))
        return
    text = schemas.published(name, base_url) if base_url else schemas.schema_text(name)
    typer.echo(text, nl=False)
