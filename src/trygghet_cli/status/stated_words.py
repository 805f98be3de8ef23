"""What a source says about a whole pledge or a whole pledge set, in words, sv or en.

    Löftet enligt källan Uppföljning 2020: hållet (”Löften som vi har hållit”)
    Löftena som helhet enligt källan Uppföljning 2021: pågår eller genomförda

Shown as the source's word, never as the tool's judgement: nothing is computed from it.
"""

from __future__ import annotations

from collections.abc import Mapping

from trygghet_cli.i18n import format_partial, label
from trygghet_cli.model import Stated, StatedVerdict
from trygghet_cli.status.attainment import STATED, Verdict


def stated_verdict(stated: Stated) -> Verdict | None:
    """The verdict the source states, as the tool names verdicts; None for a status alone."""
    return STATED[stated.verdict] if stated.verdict is not None else None


def _says(stated: Stated, whole: str, lang: str) -> str:
    words = []
    if stated.verdict is not None:
        words.append(label(f"stated.{whole}.verdict.{stated.verdict.value}", lang))
    if stated.statuses:
        statuses = [label(f"stated.{whole}.status.{s}", lang) for s in stated.statuses]
        words.append(label("stated.or", lang).join(statuses))
    return "; ".join(words)


def stated_text(stated: Stated, whole: str, lang: str, sources: Mapping[str, str] | None = None) -> str:
    """The line for a pledge (whole='pledge') or a pledge set ('set'), naming the source by its
    title (its id when the root does not define it), its date and its own words if given."""
    source = (sources or {}).get(stated.source, stated.source)
    if stated.date:
        source = f"{source}, {format_partial(stated.date, lang)}"
    text = label(f"stated.{whole}", lang, source=source, says=_says(stated, whole, lang))
    if stated.text:
        text += " " + label("stated.quote", lang, text=stated.text)
    return text


__all__ = ["StatedVerdict", "stated_text", "stated_verdict"]
