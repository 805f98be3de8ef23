"""The open data's DCAT-AP-SE catalogue as Sveriges dataportal harvests it: parsed with rdflib,
validated with pyshacl against shapes written from the specification
(tests/fixtures/dcat/dcat-ap-se.shapes.ttl), and every access URL resolved to a built file,
with the site's address and without it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BUNDLED, FIXTURES

BASE = "https://example.org/trygghet"
SHAPES = FIXTURES / "dcat" / "dcat-ap-se.shapes.ttl"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"


def _build(run, tmp_path: Path, root: Path, *extra: str) -> tuple[Path, str]:
    out = tmp_path / "public"
    result = run("--data", str(root), "site", "-o", str(out), "--as-of", "2025-06-30", *extra)
    assert result.exit_code == 0, result.output
    return out, " ".join(result.stderr.split())  # the notes are wrapped at 80 columns


def _graph(path: Path, base: str | None = None) -> Any:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=path.read_text(encoding="utf-8"), format="json-ld",
                publicID=base or path.resolve().as_uri())
    return graph


def _conforms(graph: Any) -> tuple[bool, str]:
    import pyshacl

    ok, _, text = pyshacl.validate(graph, shacl_graph=str(SHAPES), shacl_graph_format="turtle",
                                   inference="none")
    return bool(ok), str(text)


def _access_urls(graph: Any) -> list[str]:
    import rdflib

    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    return sorted({str(u) for p in (dcat.accessURL, dcat.downloadURL) for u in graph.objects(None, p)})


@pytest.mark.parametrize("root", [BUNDLED, FIXTURES / "exempelby"], ids=["bundled", "exempelby"])
def test_the_catalogue_conforms_to_the_dcat_ap_se_shapes(run, tmp_path, root) -> None:
    site, _ = _build(run, tmp_path, root, "--base-url", BASE)
    ok, report = _conforms(_graph(site / "oppna-data" / "dcat.jsonld"))
    assert ok, report


def test_a_root_without_any_contact_is_warned_and_its_catalogue_lacks_only_the_contact(
        run, tmp_path) -> None:
    site, stderr = _build(run, tmp_path, FIXTURES / "minimal", "--base-url", BASE)
    assert "varning: trygghet.yaml anger ingen kontaktväg" in stderr
    ok, report = _conforms(_graph(site / "oppna-data" / "dcat.jsonld"))
    assert not ok and "Results (1):" in report and ":ContactPoint" in report


def test_every_access_url_is_a_file_of_the_built_site(run, tmp_path) -> None:
    site, _ = _build(run, tmp_path, BUNDLED, "--base-url", BASE)
    urls = _access_urls(_graph(site / "oppna-data" / "dcat.jsonld"))
    assert len(urls) == 6
    for url in urls:
        assert url.startswith(BASE + "/oppna-data/")
        assert (site / url.removeprefix(BASE + "/")).is_file(), url


def test_without_an_address_the_catalogue_resolves_from_where_it_lies_and_no_sitemap_is_written(
        run, tmp_path) -> None:
    site, stderr = _build(run, tmp_path, BUNDLED)
    assert "sitemap.xml skrevs inte" in stderr and "relativa" in stderr
    assert not (site / "sitemap.xml").exists()
    graph = _graph(site / "oppna-data" / "dcat.jsonld")
    urls = _access_urls(graph)
    assert len(urls) == 6
    for url in urls:
        assert url.startswith("file://") and Path(url.removeprefix("file://")).is_file(), url
    landing = next(str(o) for o in graph.objects(None, _dcat("landingPage")))
    assert Path(landing.removeprefix("file://")) == (site / "oppna-data.html").resolve()


def _dcat(term: str) -> Any:
    import rdflib

    return rdflib.URIRef("http://www.w3.org/ns/dcat#" + term)


def test_the_shapes_reject_a_catalogue_without_cc0_or_with_its_title_as_description(run, tmp_path) -> None:
    """Guards the shapes: each requirement can fail."""
    site, _ = _build(run, tmp_path, BUNDLED, "--base-url", BASE)
    path = site / "oppna-data" / "dcat.jsonld"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["dcterms:license"] = {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    dataset = data["dcat:dataset"][0]
    dataset["dcterms:description"] = dataset["dcterms:title"]
    dataset["dcat:distribution"][0].pop("dcterms:license")
    path.write_text(json.dumps(data), encoding="utf-8")
    ok, report = _conforms(_graph(path))
    assert not ok
    for term in ("license", "description", "disjoint"):
        assert term in report.lower(), term


def test_the_contact_point_is_the_declared_public_contact(run, tmp_path) -> None:
    site, _ = _build(run, tmp_path, FIXTURES / "exempelby", "--base-url", BASE)
    data = json.loads((site / "oppna-data" / "dcat.jsonld").read_text(encoding="utf-8"))
    point = data["dcat:dataset"][0]["dcat:contactPoint"]
    assert point["vcard:fn"] == "Kommunens kontaktcenter, via webbplatsen"
    assert point["vcard:hasURL"] == {"@id": "https://exempelby.example/trygghet"}
    assert data["dcterms:license"] == {"@id": CC0}


def test_the_open_data_page_states_the_licence(run, tmp_path) -> None:
    site, stderr = _build(run, tmp_path, BUNDLED, "--base-url", BASE)
    page = (site / "oppna-data.html").read_text(encoding="utf-8")
    assert f'<a href="{CC0}">' in page and "CC0" in page
    assert "öppna data märks med CC0" in stderr
