"""Build the citizen site once per test session and read its pages: links, ids, resources."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """The links, ids and loaded resources of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.loads: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in {"a", "link"} and found.get("href"):
            href = str(found["href"])
            self.links.append(href)
            if tag == "link" and found.get("rel") not in {"alternate"}:
                self.loads.append(href)
        for key in ("src", "srcset", "data", "poster", "action", "formaction"):
            if found.get(key):
                self.loads.append(str(found[key]))
        if found.get("style") and "url(" in str(found["style"]):
            self.loads.append(str(found["style"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def words(text: str) -> str:
    return " ".join(text.split())
