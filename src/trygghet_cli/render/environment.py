"""The Jinja environments: one for HTML (autoescaped), one for Markdown (every value escaped).

Templates come from the package's templates/ folder, or first from --templates DIR.
Data only ever goes into the context; it is never used as a template.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygghet_cli import i18n, resources
from trygghet_cli.render import charts
from trygghet_cli.render.filters import md_escape, md_url, safe_url, soft_hyphens

if TYPE_CHECKING:
    import jinja2

FORMATS = ("md", "html")


class MdSafe(str):
    """Markdown our own code built from escaped parts: the finaliser leaves it alone."""

    __slots__ = ()


def _md_finalize(value: Any) -> str:
    if isinstance(value, MdSafe):
        return str(value)
    return md_escape(value)


def _md_link(label: Any, url: Any) -> MdSafe:
    """[label](url) when the URL is safe, else the label as plain text."""
    target = md_url(url)
    if not target:
        return MdSafe(md_escape(label))
    return MdSafe(f"[{md_escape(label)}]({target})")


def _md_joined(lang: str) -> Any:
    """The filter: names separated by commas (semicolons when a name holds a comma, as
    i18n.join_list does), or the empty text in italics."""
    def joined(items: Any, empty: Any) -> MdSafe:
        if items:
            return MdSafe(i18n.join_list([md_escape(item) for item in items], lang, last_word=False))
        return MdSafe(f"*{md_escape(empty)}*")
    return joined


def _data_lang(meta: dict[str, Any]) -> Any:
    """' lang="sv"' on elements holding data text when the data's language differs (WCAG 3.1.2)."""
    from markupsafe import Markup, escape

    code = meta.get("data_lang") or ""
    return Markup(f' lang="{escape(code)}"') if code else Markup("")  # noqa: S704 - escaped


def _loader(extra: Path | None) -> jinja2.BaseLoader:
    import jinja2

    shipped = jinja2.FileSystemLoader(str(resources.templates_dir()))
    if extra is None:
        return shipped
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(extra)), shipped])


def _compiled_templates(fmt: str) -> jinja2.BytecodeCache | None:
    """Where compiled templates are kept between runs: `templates/` in the user's cache folder
    (compiling them was a third of a report's time). An entry is used only for the same
    template source (Jinja checks its hash), Jinja and Python, and the same settings of this
    module's environments (its code is part of the key). None when the cache is turned off;
    a folder that cannot be written only means templates are compiled again."""
    import hashlib
    import os

    import jinja2

    from trygghet_cli import __version__
    from trygghet_cli.root import cache

    if os.environ.get(cache.ENV_OFF):
        return None
    salt = hashlib.sha256(f"{__version__}\0{fmt}\0".encode() + Path(__file__).read_bytes()).hexdigest()

    class Compiled(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return hashlib.sha256(f"{salt}\0{name}\0{filename}".encode()).hexdigest()

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError, TypeError):
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                os.makedirs(self.directory, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return Compiled(str(cache.user_cache_dir() / "templates"))


@lru_cache(maxsize=16)
def environment(fmt: str, lang: str, templates: Path | None = None) -> jinja2.Environment:
    """The environment for one format and language, kept so templates compile once per process
    (compiling is most of a render's time; Jinja still reloads a template whose file changed),
    and their compiled code between runs (_compiled_templates)."""
    import jinja2

    if fmt == "html":
        # select_autoescape matches the name's last suffix, so '.html.j2' needs naming;
        # default=True makes any other template name escape too.
        env = jinja2.Environment(
            loader=_loader(templates), undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(["html", "xml", "html.j2", "xml.j2", "svg.j2"],
                                                default_for_string=True, default=True),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            bytecode_cache=_compiled_templates(fmt))
        env.globals.update(svg_status_chart=charts.status_chart, svg_attainment_chart=charts.attainment_chart,
                           svg_series_chart=charts.series_chart)
        env.filters["safe_url"] = safe_url
        env.filters["shy"] = soft_hyphens
        env.globals["data_lang"] = _data_lang
    else:
        # Markdown: HTML escaping would be wrong here; every value passes md_escape instead.
        env = jinja2.Environment(
            loader=_loader(templates), undefined=jinja2.StrictUndefined, autoescape=False,  # noqa: S701
            finalize=_md_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            bytecode_cache=_compiled_templates(fmt))
        env.filters["md_escape"] = lambda value: MdSafe(md_escape(value))
        env.filters["joined"] = _md_joined(lang)
        env.globals["link"] = _md_link
    env.globals["t"] = lambda key, **values: i18n.label(key, lang, **values)
    env.filters["listed"] = lambda items: i18n.join_list([str(i) for i in items], lang)
    env.filters["cell_list"] = lambda items: i18n.join_list([str(i) for i in items], lang,
                                                            last_word=False)
    return env


def template_name(kind: str, fmt: str) -> str:
    return f"{kind}.{fmt}.j2"
