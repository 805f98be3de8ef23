"""DCAT-AP-SE metadata of the site's open data (JSON-LD), as Sveriges dataportal harvests it.

One catalogue under CC0 (DCAT-AP-SE requires CC0 on the catalogue), one dataset with a
description that is not its title, the publisher with its ADMS publisher type, a contact point
from the public contact, the landing page, the temporal coverage of the agreements and pledges
and the municipality as spatial coverage; one distribution per file, each with its licence.

With the site's address known every IRI is absolute. Without it every IRI is written relative
to the file itself (`activities.csv`, `../oppna-data.html`), so that it resolves to the right
file wherever the site is put; a harvester needs the address (`--base-url` or `site.url`).
"""

from __future__ import annotations

import json
from typing import Any

from trygghet_cli.model import Model
from trygghet_cli.render.context import text

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
FOLDER = "oppna-data"
NAME = "dcat.jsonld"
CONTEXT = {"dcat": "http://www.w3.org/ns/dcat#", "dcterms": "http://purl.org/dc/terms/",
           "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
           "vcard": "http://www.w3.org/2006/vcard/ns#", "skos": "http://www.w3.org/2004/02/skos/core#"}
WORDS: dict[str, dict[str, str]] = {
    "sv": {"title": "Brottsförebyggande samverkan: {name}",
           "description": ("Samverkansöverenskommelser med prioriterade områden, medborgarlöften, "
                           "aktiviteter med mål och utfall, och källorna till dem, för den "
                           "brottsförebyggande samverkan i {name}. En CSV-fil per slags uppgift och "
                           "allt i en JSON-fil; kolumnerna beskrivs i README.md."),
           "catalog": "Öppna data om brottsförebyggande samverkan i {name}",
           "catalog_description": "Katalog över de öppna data som webbplatsen om den brottsförebyggande "
                                  "samverkan i {name} publicerar.",
           "keywords": "medborgarlöften;brottsförebyggande;trygghet;samverkan"},
    "en": {"title": "Crime-prevention cooperation: {name}",
           "description": ("Cooperation agreements with priority areas, citizen pledges, activities "
                           "with targets and outcomes, and their sources, for the crime-prevention "
                           "cooperation in {name}. One CSV file per kind of record and everything in "
                           "one JSON file; the columns are described in README.md."),
           "catalog": "Open data on crime-prevention cooperation in {name}",
           "catalog_description": "Catalogue of the open data that the site on crime-prevention "
                                  "cooperation in {name} publishes.",
           "keywords": "citizen pledges;crime prevention;safety;cooperation"},
}


def _lit(value: str, lang: str) -> dict[str, str]:
    return {"@language": lang, "@value": value}


class _Where:
    """Addresses of the site's files: absolute under the base URL, else relative to the DCAT file."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/" if base_url else ""

    def __call__(self, path: str) -> str:
        if self.base:
            return self.base + path
        inside = path.removeprefix(FOLDER + "/")
        return inside if inside != path else "../" + path


def _contact(model: Model, contact: list[dict[str, str]], lang: str) -> dict[str, Any]:
    """The contact point: the site's public contact, else trygghet.yaml's public_contact, else
    the municipality's website."""
    cfg = model.config
    name = cfg.municipality if cfg else ""
    point: dict[str, Any] = {"@type": "vcard:Organization"}
    public = cfg.public_contact if cfg else None
    if contact:
        first = contact[0]
        point["vcard:fn"] = first.get("label") or name
        if first.get("email"):
            point["vcard:hasEmail"] = {"@id": "mailto:" + first["email"]}
        if first.get("phone"):
            point["vcard:hasTelephone"] = {"@id": "tel:" + first["phone"].replace(" ", "")}
        if first.get("url"):
            point["vcard:hasURL"] = {"@id": first["url"]}
    elif public:
        point["vcard:fn"] = public.get("text") or name
        if public.get("url"):
            point["vcard:hasURL"] = {"@id": public["url"]}
    else:
        point["vcard:fn"] = name
    website = text(cfg.ref.file.data.get("municipality", {}).get("website")) if cfg else ""
    if not any(k in point for k in ("vcard:hasEmail", "vcard:hasTelephone", "vcard:hasURL")) and website:
        point["vcard:hasURL"] = {"@id": website}
    return point


def _publisher(model: Model) -> dict[str, Any]:
    cfg = model.config
    agent: dict[str, Any] = {"@type": "foaf:Agent", "foaf:name": cfg.municipality if cfg else "",
                             "dcterms:type": {"@id": "http://purl.org/adms/publishertype/LocalAuthority"}}
    website = text(cfg.ref.file.data.get("municipality", {}).get("website")) if cfg else ""
    if website:
        agent["foaf:homepage"] = {"@id": website}
    return agent


def _temporal(model: Model) -> dict[str, Any] | None:
    periods = [a.period for a in model.agreements] + [s.period for s in model.pledge_sets
                                                      if s.period.given]
    if not periods:
        return None
    start = {"dcat:startDate": {"@type": "xsd:date", "@value": min(p.start for p in periods).isoformat()}}
    if any(p.open for p in periods):  # in force until further notice: no end date
        return {"@type": "dcterms:PeriodOfTime", **start}
    return {"@type": "dcterms:PeriodOfTime", **start,
            "dcat:endDate": {"@type": "xsd:date", "@value": max(p.end for p in periods).isoformat()}}


def _spatial(model: Model, lang: str) -> dict[str, Any]:
    """The municipality as a named place, with its kommunkod."""
    cfg = model.config
    return {"@type": "dcterms:Location", "skos:prefLabel": _lit(cfg.municipality if cfg else "", lang),
            "dcterms:identifier": cfg.code if cfg else ""}


def _distributions(files: list[tuple[str, str, str]], where: _Where, license_url: str,
                   lang: str) -> list[dict[str, Any]]:
    found = []
    for path, media, fmt in files:
        found.append({
            "@type": "dcat:Distribution",
            "dcterms:title": _lit(path.rsplit("/", 1)[-1], lang),
            "dcat:accessURL": {"@id": where(path)}, "dcat:downloadURL": {"@id": where(path)},
            "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media}"},
            "dcterms:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt}"},
            "dcterms:license": {"@id": license_url}})
    return found


def dcat(model: Model, lang: str, base_url: str, license_url: str, modified: str,
         contact: list[dict[str, str]], files: list[tuple[str, str, str]]) -> str:
    """The catalogue as JSON-LD; `files` are (path in the site, media type, EU file type)."""
    cfg = model.config
    name = cfg.municipality if cfg else ""
    words = WORDS.get(lang, WORDS["sv"])
    where = _Where(base_url)
    publisher = _publisher(model)
    dataset: dict[str, Any] = {
        "@id": where(f"{FOLDER}/{NAME}#dataset"), "@type": "dcat:Dataset",
        "dcterms:title": _lit(words["title"].format(name=name), lang),
        "dcterms:description": _lit(words["description"].format(name=name), lang),
        "dcterms:publisher": publisher, "dcat:contactPoint": _contact(model, contact, lang),
        "dcat:landingPage": {"@id": where("oppna-data.html")},
        "dcterms:spatial": _spatial(model, lang),
        "dcat:keyword": [_lit(k, lang) for k in words["keywords"].split(";")],
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/JUST"},
        "dcat:distribution": _distributions(files, where, license_url or CC0, lang),
    }
    temporal = _temporal(model)
    if temporal:
        dataset["dcterms:temporal"] = temporal
    if modified:
        dataset["dcterms:modified"] = {"@type": "xsd:date", "@value": modified}
    catalog = {
        "@context": CONTEXT, "@id": where(f"{FOLDER}/{NAME}#catalog"), "@type": "dcat:Catalog",
        "dcterms:title": _lit(words["catalog"].format(name=name), lang),
        "dcterms:description": _lit(words["catalog_description"].format(name=name), lang),
        "dcterms:publisher": publisher, "dcterms:license": {"@id": CC0},
        "foaf:homepage": {"@id": where("index.html")},
        "dcterms:language": {"@id": "http://publications.europa.eu/resource/authority/language/"
                                    + ("SWE" if lang == "sv" else "ENG")},
        "dcat:dataset": [dataset],
    }
    return json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"
