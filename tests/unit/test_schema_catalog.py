"""`trygghet schema --catalog` and `--base-url`: schemas an editor or another tool can find and resolve."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from tests.conftest import BUNDLED
from trygghet_cli.loading import load_bytes
from trygghet_cli.validate import schema


def _file(url: str) -> Path:
    return Path(url2pathname(urlparse(url).path))


def _retrieve(uri: str) -> Resource:
    """What an editor does for a `$ref`: read the file the URI names (file URLs only, no network)."""
    assert uri.startswith("file:"), f"a $ref would need the network: {uri}"
    return Resource.from_contents(json.loads(_file(uri).read_text(encoding="utf-8")))


def test_every_schema_has_a_title_and_a_description() -> None:
    for name in schema.schema_names():
        body = json.loads(schema.schema_text(name))
        assert body.get("title") and body.get("description"), name


def test_the_catalog_maps_each_bundled_file_to_its_schema_and_the_refs_resolve(run) -> None:
    result = run("schema", "--catalog")
    assert result.exit_code == 0
    catalog = json.loads(result.stdout)
    assert catalog["$schema"] == "https://json.schemastore.org/schema-catalog.json"
    files = [p for p in BUNDLED.rglob("*.yaml") if ".trygghet-cache" not in p.parts]
    checked = set()
    for entry in catalog["schemas"]:
        assert entry["name"] and entry["description"]
        validator = Draft202012Validator({"$ref": entry["url"]}, registry=Registry(retrieve=_retrieve))
        for path in files:
            relative = PurePosixPath(path.relative_to(BUNDLED).as_posix())
            if any(relative.match(pattern) or ("data" / relative).match(pattern)
                   for pattern in entry["fileMatch"]):
                data = load_bytes(path.read_bytes(), str(path)).document
                assert data is not None
                assert list(validator.iter_errors(data.data)) == [], path
                checked.add(relative)
    assert len(checked) == len(files)


def test_a_published_schema_names_itself_and_its_refs_resolve_beside_it(run) -> None:
    base = "https://example.org/trygghet/schemas/v0.1.0/"
    body = json.loads(run("schema", "activities", "--base-url", base).stdout)
    assert body["$id"] == base + "activities.schema.json"
    refs = {value for key, value in _walk(body) if key == "$ref"}
    assert refs and {urljoin(body["$id"], ref).split("#")[0] for ref in refs} == {base + "common.schema.json"}


def _walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)
