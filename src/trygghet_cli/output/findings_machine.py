"""Findings for machines: JSON (stable shape), GitHub workflow commands, JUnit XML."""

from __future__ import annotations

import json
from collections import defaultdict

from trygghet_cli import __version__
from trygghet_cli.findings import Finding, Severity

JSON_FORMAT_VERSION = 1


def to_json(findings: list[Finding], files: list[str]) -> str:
    """{"version", "tool", "files", "summary", "findings": [...]} - documented in the README."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    body = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "trygghet", "version": __version__},
        "files": files,
        "summary": {"errors": errors, "warnings": len(findings) - errors, "files": len(files)},
        "findings": [
            {"code": f.code, "severity": f.severity.value, "path": f.where.path,
             "line": f.where.line, "column": f.where.column, "message": f.message, "hint": f.hint}
            for f in findings
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def to_github(findings: list[Finding], lang: str = "en") -> str:
    """GitHub Actions workflow commands: one annotation per finding, in the language."""
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        props = [f"file={_gh_escape(f.where.path, True)}"]
        if f.where.line:
            props += [f"line={f.where.line}", f"col={max(f.where.column, 1)}"]
        props.append(f"title={_gh_escape(f.code, True)}")
        text, hint = f.text(lang)
        message = text + (f" ({hint})" if hint else "")
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(message)}")
    return "\n".join(lines)


def to_junit(findings: list[Finding], files: list[str], strict: bool = False) -> str:
    """JUnit XML: one test case per file, a failure per error (per warning with --strict)."""
    # Imported here: xml.sax.saxutils brings urllib.request, http.client and ssl with it.
    from xml.sax.saxutils import escape, quoteattr

    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.where.path].append(f)
    names = list(dict.fromkeys([*files, *by_file]))
    failing = [f for f in findings if f.severity is Severity.ERROR or strict]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="trygghet validate" tests="{len(names)}" failures="{len(failing)}">',
           f'  <testsuite name="trygghet validate" tests="{len(names)}" failures="{len(failing)}">']
    for name in names:
        out.append(f"    <testcase classname=\"trygghet\" name={quoteattr(name)}>")
        for f in by_file.get(name, []):
            text = escape(f"{f.where}: {f.code} {f.message}" + (f" ({f.hint})" if f.hint else ""))
            if f.severity is Severity.ERROR or strict:
                out.append(f"      <failure type={quoteattr(f.code)} "
                           f"message={quoteattr(f.message)}>{text}</failure>")
            else:
                out.append(f"      <system-out>warning {text}</system-out>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out)
