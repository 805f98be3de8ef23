"""Övriga resultat in words: 'Nya grannsamverkansgrupper: 6 (2024; Strängnäs; Resultat 2024)'."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from trygghet_cli.i18n import format_number, format_partial, label
from trygghet_cli.model import Result
from trygghet_cli.status.verdict_words import qualified, span_text


def result_text(result: Result, lang: str, names: dict[str, str] | None = None,
                sources: Mapping[str, str] | None = None) -> str:
    """The result with its figure, and in brackets when, where, what it belongs to and the source
    (by its title when `sources` has it)."""
    names = names or {}
    source = (sources or {}).get(result.source or "", result.source)
    text = result.text
    if result.value is not None:
        figure = qualified(format_number(result.value, lang), result.bound, result.approximate, lang)
        text += f": {figure}" + (f" {result.unit}" if result.unit else "")
    when = span_text(result.window, lang) if result.window else (
        format_partial(result.when, lang) if result.when else None)
    belongs = result.activity or result.pledge
    extras = [e for e in (when, names.get(result.district or "", result.district), belongs,
                          source) if e]
    return text + (f" ({'; '.join(extras)})" if extras else "")


def results_heading(lang: str) -> str:
    return label("st.results", lang)


def results_texts(results: Iterable[Result], lang: str, names: dict[str, str] | None = None,
                  sources: Mapping[str, str] | None = None) -> list[str]:
    return [result_text(r, lang, names, sources) for r in results]
