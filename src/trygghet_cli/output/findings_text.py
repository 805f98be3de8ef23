"""Findings as text for people: location, severity, code, message, source excerpt, hint."""

from __future__ import annotations

from trygghet_cli.findings import Finding, Severity
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
    """All findings with excerpts, then nothing else (the summary is printed separately).
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
