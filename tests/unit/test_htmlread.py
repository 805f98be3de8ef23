"""render/htmlread.py: the fast reading of our own pages makes exactly the calls html.parser
makes (same tags, attributes, text, lines and columns), and any HTML outside the part it knows
is read by html.parser itself."""

from __future__ import annotations

import random
from datetime import date
from html.parser import HTMLParser

import pytest

from tests.conftest import BUNDLED
from trygghet_cli.render import htmlread


class Recorder(HTMLParser):
    """Every call a parser makes, with the position it reports."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.calls: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.calls.append(("start", tag, attrs, self.getpos()))

    def handle_endtag(self, tag: str) -> None:
        self.calls.append(("end", tag, self.getpos()))

    def handle_data(self, data: str) -> None:
        self.calls.append(("data", data, self.getpos()))


def _reference(html: str) -> list[tuple[object, ...]]:
    parser = Recorder()
    parser.feed(html)
    parser.close()
    return parser.calls


def _fast_only(html: str) -> list[tuple[object, ...]]:
    parser = Recorder()
    htmlread._feed(parser, html)
    return parser.calls


@pytest.fixture(scope="module")
def bundled_pages() -> dict[str, str]:
    from trygghet_cli.root import repository
    from trygghet_cli.site import SiteRequest, build_site

    built = build_site(repository.load_valid(BUNDLED), SiteRequest("sv", date(2025, 6, 30), True))
    return {name: data.decode("utf-8") for name, data in built.items() if name.endswith(".html")}


def test_every_page_of_the_bundled_site_is_read_fast_and_exactly_as_html_parser_reads_it(
        bundled_pages) -> None:
    assert len(bundled_pages) > 20
    for name, html in bundled_pages.items():
        assert _fast_only(html) == _reference(html), name


SAME_EITHER_WAY = [
    '<p class="a" hidden data-x=\'1\' title="">Tom &amp; Jerry &lt;3</p>',
    '<img alt="x" src="a.png"/><br/><br />\n<hr\n  class="b"\n>',
    '<A HREF="x.html" Title="Rubrik &quot;ett&quot;">Länk</A>',
    "<!DOCTYPE html>\n<html lang=\"sv\"><title>T</title>\n\ntext\n",
    "<style>\np > a { color: red; }\n</style><p>efter</p>",
    "ett & två &amp tre &#65; &#x42;",
    # Outside what the fast reader knows: html.parser reads these, from the start.
    "<!-- en kommentar --><p>text</p>",
    "<p class=bare>unquoted</p>",
    "a < b and c > d",
    "<p>slut utan stängning",
    "<style>a {}</STYLE><p>x</p>",
    "<style>a {}",
    "<p>text</p >",
    "<my-element>x</my-element>",
    "<?xml version=\"1.0\"?><p>x</p>",
    "<![CDATA[x]]><p>y</p>",
    '<p title="a<b">x</p>',
    "<p\vclass=\"x\">vertical tab</p>",
]


@pytest.mark.parametrize("html", SAME_EITHER_WAY)
def test_the_handlers_see_the_same_calls_whichever_reader_runs(html) -> None:
    assert htmlread.read(Recorder, html).calls == _reference(html)


@pytest.mark.parametrize("html", ["<!-- c --><p>x</p>", "<p class=bare>x</p>", "a < b",
                                  "<style>a {}", "<p>x</p >"])
def test_html_outside_the_known_part_is_left_to_html_parser(html) -> None:
    with pytest.raises(htmlread.Unsupported):
        _fast_only(html)


PARTS = ["<p>", "</p>", "<a href=\"x.html?a=1&amp;b=2\">", "</a>", "<br/>", "text", " ", "\n",
         "&amp;", "&lt;", "&", "&#229;", "<", ">", "\"", "<span title='t'>", "</span>", "<style>",
         "</style>", "<!--", "-->", "<h1 id=\"a\">", "</h1>", "ö", "<img alt=\"\" src=\"i\" />",
         "<nav aria-label=\"Huvudmeny\">", "</nav>", "<p hidden>", "=", "<!DOCTYPE html>"]


def test_random_mixtures_of_tags_and_text_are_read_the_same_way() -> None:
    rng = random.Random(30)
    for _ in range(400):
        html = "".join(rng.choice(PARTS) for _ in range(rng.randint(1, 30)))
        assert htmlread.read(Recorder, html).calls == _reference(html), html


def _facts(walk: object) -> dict[str, object]:
    names = ["pieces", "ids", "lang", "title", "h1", "unlabelled_nav", "nav_labels",
             "img_without_alt", "empty_links"]
    return {name: getattr(walk, name) for name in names}


def _walked(html: str) -> dict[str, object]:
    from trygghet_cli.site import selfcheck

    walk = selfcheck._Walk()
    walk.feed(html)
    walk.close()
    return _facts(walk)


def test_the_self_check_s_own_reading_finds_what_html_parser_s_finds_on_every_page(
        bundled_pages) -> None:
    from trygghet_cli.site import selfcheck

    for name, html in bundled_pages.items():
        assert _facts(selfcheck._Fast().read(html)) == _walked(html), name


SELF_CHECK_CASES = [
    '<html lang="sv"><head><title>T &amp; U</title></head><body><h1>A</h1><h1>B</h1>',
    '<nav aria-label="Meny"><a href="x.html"></a><a href="y.html" aria-label="Y"></a></nav><nav>',
    '<img src="a.png"><img alt="" src="b.png"/><p id="a">x</p><p id="a" title="Om">y</p>',
    '<a href="mailto:anna@exempel.se"><style>p {}</style></a><a href="z"><span>text</span></a>',
    "<title>Rubrik<b>fet</b> mer</title><p>efter</p></title>",
    '<a href="x"/>text</a><script>var a = "<p>";</script><p>slut',
]


@pytest.mark.parametrize("html", SELF_CHECK_CASES)
def test_the_self_check_s_reading_of_odd_structures_is_html_parser_s(html) -> None:
    from trygghet_cli.site import selfcheck

    assert _facts(selfcheck._read(html)) == _walked(html)


def test_random_mixtures_give_the_self_check_the_same_facts() -> None:
    from trygghet_cli.site import selfcheck

    rng = random.Random(31)
    for _ in range(400):
        html = "".join(rng.choice(PARTS + ["<title>", "</title>", "<html lang=\"sv\">", "<script>",
                                           "</script>", "<nav>", "<a aria-label=\"x\" href=\"y\">"])
                       for _ in range(rng.randint(1, 30)))
        assert _facts(selfcheck._read(html)) == _walked(html), html
