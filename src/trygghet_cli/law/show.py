"""The law check as text (80 columns), Markdown or JSON."""

from __future__ import annotations

import json
import textwrap

from trygghet_cli.i18n import format_date, format_partial, join_list, label
from trygghet_cli.law import (
    BILL,
    DEFAULT_COUNCIL_MONTHS,
    DEFAULT_SITUATION_MONTHS,
    LawCheck,
    Requirement,
    Verdict,
)
from trygghet_cli.model import parse_partial

_DATES = ("date", "signed")


def _values(requirement: Requirement, lang: str) -> dict[str, str]:
    values = dict(requirement.values)
    for key in _DATES:
        if values.get(key) and parse_partial(values[key]) is not None:
            values[key] = format_partial(values[key], lang)
    if "absent" in values:
        parts = [label(f"law.part.{name}", lang) for name in values["absent"].split(",") if name]
        values["absent"] = join_list(parts, lang)
    return values


def reason(requirement: Requirement, lang: str) -> str:
    """Why the requirement has its verdict, in words."""
    return label(requirement.reason, lang, **_values(requirement, lang))


def cites(requirement: Requirement, lang: str) -> str:
    """The law's paragraph where the sources show it; else what the requirement is, and the bill."""
    if requirement.cites == BILL:
        return label(f"law.cite.bill.{requirement.key.removeprefix('law.')}", lang)
    return label({"3 §": "law.cite.3", "4 §": "law.cite.4"}[requirement.cites], lang)


def _totals(check: LawCheck, lang: str) -> str:
    return label("law.totals", lang, **{v.value: check.count(v) for v in Verdict})


def _basis(check: LawCheck, lang: str) -> str:
    key = "law.basis" if check.in_force else "law.not_in_force"
    return label(key, lang, date=format_date(check.as_of, lang))


def _intervals(check: LawCheck, lang: str, situation: int, council: int) -> str:
    return label("law.interval", lang, situation=situation, council=council)


def as_text(check: LawCheck, lang: str, intervals: tuple[int, int] = (
        DEFAULT_SITUATION_MONTHS, DEFAULT_COUNCIL_MONTHS)) -> str:
    """One block per requirement, wrapped to 80 columns, no colour."""
    wrap = textwrap.TextWrapper(width=80, subsequent_indent="  ", break_on_hyphens=False)
    inner = textwrap.TextWrapper(width=80, initial_indent="  ", subsequent_indent="    ",
                                 break_on_hyphens=False)
    lines = wrap.wrap(label("law.heading", lang, municipality=check.municipality))
    lines += wrap.wrap(_basis(check, lang))
    if not check.in_force:
        return "\n".join(lines)
    for requirement in check.requirements:
        verdict = label(f"law.verdict.{requirement.verdict.value}", lang)
        lines += ["", *wrap.wrap(f"[{verdict}] {label(requirement.key, lang)}")]
        lines += inner.wrap(reason(requirement, lang))
        lines += inner.wrap(f"{label('law.cites', lang)}: {cites(requirement, lang)}")
        if requirement.evidence:
            shown = ", ".join(str(where) for where in requirement.evidence)
            lines += inner.wrap(f"{label('law.evidence', lang)}: {shown}")
    lines += ["", _totals(check, lang), *wrap.wrap(_intervals(check, lang, *intervals))]
    return "\n".join(lines)


def _md(text: str) -> str:
    from trygghet_cli.render.filters import md_escape

    return md_escape(text)


def as_markdown(check: LawCheck, lang: str, intervals: tuple[int, int] = (
        DEFAULT_SITUATION_MONTHS, DEFAULT_COUNCIL_MONTHS)) -> str:
    """A table of the requirements, for a pull request or meeting notes."""
    heading = label("law.heading", lang, municipality=check.municipality)
    lines = [f"# {_md(heading)}", "", _md(_basis(check, lang)), ""]
    if not check.in_force:
        return "\n".join(lines)
    columns = [label(key, lang) for key in ("law.col.requirement", "law.col.verdict", "law.col.why",
                                             "law.evidence")]
    lines += ["| " + " | ".join(columns) + " |", "|---|---|---|---|"]
    for r in check.requirements:
        verdict = label(f"law.verdict.{r.verdict.value}", lang)
        evidence = ", ".join(f"`{where}`" for where in r.evidence)
        lines.append(f"| **{_md(label(r.key, lang))}**<br>{_md(cites(r, lang))} | {verdict} | "
                     f"{_md(reason(r, lang))} | {evidence} |")
    lines += ["", _totals(check, lang), "", _md(_intervals(check, lang, *intervals)), ""]
    return "\n".join(lines)


def as_json(check: LawCheck, lang: str) -> str:
    """A stable shape: version, as_of, summary and one record per requirement."""
    body = {
        "version": 1,
        "municipality": check.municipality,
        "as_of": check.as_of.isoformat(),
        "in_force": check.in_force,
        "summary": {v.value: check.count(v) for v in Verdict},
        "requirements": [
            {"requirement": r.key.removeprefix("law."), "title": label(r.key, lang),
             "verdict": r.verdict.value, "cites": r.cites, "basis": cites(r, lang),
             "reason": reason(r, lang), "evidence": [str(where) for where in r.evidence]}
            for r in check.requirements],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)
