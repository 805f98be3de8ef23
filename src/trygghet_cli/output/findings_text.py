"""Findings as text for people: location, severity, code, message, source excerpt, hint."""

from __future__ import annotations

from trygghet_cli.findings import CODES, Finding, Severity
from trygghet_cli.i18n import label, plural


def _excerpt(lines: dict[int, str], line: int, column: int) -> list[str]:
    if line not in lines:
        return []
    source = lines[line].replace("\t", " ")
    if len(source) > 76:
        start = max(0, min(column - 30, len(source) - 70))
        source, column = source[start : start + 70], column - start
    number = str(line)
    pad = " " * len(number)
    return [f"  {number} | {source}", f"  {pad} | {' ' * max(column - 1, 0)}^"]


def render(findings: list[Finding], texts: dict[str, dict[int, str]], lang: str, color: bool) -> str:
    """Each finding in full: location, severity, code, message, source excerpt and hint.
    `texts` holds, for each file, the source lines that the findings point to, by number."""
    out: list[str] = []
    for finding in findings:
        severity = label(finding.severity.value, lang)
        if color:
            severity = _paint(severity, finding.severity)
        message, hint = finding.text(lang)
        out.append(f"{finding.where}: {severity} {finding.code} {message}")
        out.extend(_excerpt(texts.get(finding.where.path, {}), finding.where.line, finding.where.column))
        if hint:
            out.append(f"  {label('hint', lang)}: {hint}")
    return "\n".join(out)


def screen(findings: list[Finding], texts: dict[str, dict[int, str]], lang: str, color: bool,
           verbose: bool = False) -> str:
    """What `validate` shows below its summary: errors in full, then the warnings.

    The warnings come grouped by code, a count and one line each (location and message);
    with `verbose` each in full like the errors. A first run on real data gives dozens of
    warnings, and three lines each buried the summary and the errors."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is not Severity.ERROR]
    parts = [render(errors, texts, lang, color)] if errors else []
    if warnings and verbose:
        parts.append(render(warnings, texts, lang, color))
    elif warnings:
        parts.append(_grouped(warnings, lang, color))
    return "\n\n".join(parts)


def _grouped(warnings: list[Finding], lang: str, color: bool) -> str:
    by_code: dict[str, list[Finding]] = {}
    for finding in warnings:
        by_code.setdefault(finding.code, []).append(finding)
    out: list[str] = []
    for code in sorted(by_code):
        group = by_code[code]
        heading = f"{code} {code_name(code, lang)}: {plural('count.warnings', lang, len(group))}"
        out.append(_paint(heading, Severity.WARNING) if color else heading)
        for finding in group:
            out.extend(_wrapped(f"{finding.where}: {finding.text(lang)[0]}"))
    out.extend(["", label("validate.more_detail", lang),
                label("validate.explain_code", lang, code=min(by_code))])
    return "\n".join(out)


def _wrapped(line: str) -> list[str]:
    """One warning's line, folded at 80 columns under its location (paths never split)."""
    import textwrap

    return textwrap.wrap(line, 80, initial_indent="  ", subsequent_indent="      ",
                         break_long_words=False, break_on_hyphens=False)


def code_name(code: str, lang: str) -> str:
    """A finding code's short name in the language (from its page in docs/codes/)."""
    from trygghet_cli.errors import ReadError
    from trygghet_cli.explain import read_page

    try:
        names = read_page(code).names
    except ReadError:  # no page (an installation without the docs): the catalogue's name
        return CODES[code][1] if code in CODES else code
    return names[0] if lang == "sv" else names[1]


def _paint(text: str, severity: Severity) -> str:
    code = "31" if severity is Severity.ERROR else "33"
    return f"\x1b[1;{code}m{text}\x1b[0m"


def summary(findings: list[Finding], files: int, roots: int, lang: str) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    if roots > 1:
        checked = plural("checked.files_roots", lang, files, roots=roots)
    else:
        checked = plural("checked.files", lang, files)
    if not findings:
        return f"{checked}. {label('valid', lang)}"
    counts = f"{plural('count.errors', lang, errors)}, {plural('count.warnings', lang, warnings)}"
    return f"{checked}: {counts}."
