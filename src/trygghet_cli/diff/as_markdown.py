"""A diff as GitHub-flavoured Markdown for a pull-request comment.

The first line is the summary; each agreement or pledge set follows in a collapsed
`<details>` section. Every value from the data is escaped, so a pledge text can
neither format the comment nor inject HTML.
"""

from __future__ import annotations

import html
import re

from trygghet_cli import i18n
from trygghet_cli.diff import Diff, EntityChange, view
from trygghet_cli.diff.plaindiff import FieldChange

# GitHub refuses comments over 65,536 characters; stay well below.
MAX_CHARS = 60_000
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Text from the data, safe inside Markdown: HTML escaped, Markdown marks backslashed."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _words(change: FieldChange) -> str:
    out = []
    for w in change.words:
        out.append(md(w.text) if w.op == "=" else f"~~{md(w.text)}~~" if w.op == "-"
                   else f"**{md(w.text)}**")
    return " ".join(out)


def field_item(change: FieldChange, lang: str) -> list[str]:
    name = md(view.field_label(change.field, lang))
    if view.is_hidden(change):
        return [f"  - {name}: {i18n.label('diff.hidden', lang)}"]
    if change.added or change.removed:
        lines = [f"  - {name}:"]
        lines += [f"    - \\+ {md(view.value(i, lang, change.field))}" for i in change.added]
        lines += [f"    - \\− {md(view.value(i, lang, change.field))}" for i in change.removed]
        return lines
    if view.wants_words(change):
        return [f"  - {name}: {_words(change)}"]
    old = md(view.value(change.old, lang, change.field))
    new = md(view.value(change.new, lang, change.field))
    return [f"  - {name}: {old} → **{new}**"]


def change_items(change: EntityChange, lang: str) -> list[str]:
    lines = [f"- **{view.verb(change, lang)}:** {md(view.entity_line(change, lang))}"]
    for field in change.fields:
        lines += field_item(field, lang)
    return lines


def code(text: str) -> str:
    """A git revision as inline code (escaped text if it holds a backtick)."""
    return md(text) if "`" in text else f"`{text}`"


def headline(diff: Diff, lang: str) -> str:
    name = code if diff.subject == "root" else md
    old, new = name(diff.old_label), name(diff.new_label)
    return f"**trygghet diff** {old} → {new}: {md(view.summary(diff, lang))}"


def render(diff: Diff, lang: str) -> str:
    """One summary line first, then a collapsed section per agreement or pledge set."""
    parts = [headline(diff, lang)]
    for section in view.sections(diff, lang):
        summary = html.escape(f"{section.heading}: {view.brief(section.changes(), lang)}")
        body = [f"<details>\n<summary>{summary}</summary>\n"]
        for number, block in enumerate(section.blocks):
            if block.heading:
                gap = "\n" if number else ""
                body.append(f"{gap}**{md(block.heading)}**\n")
            body += [line for change in block.changes for line in change_items(change, lang)]
        body.append("\n</details>")
        parts.append("\n".join(body))
    parts += _problems(diff, lang)
    return _limit("\n\n".join(parts), lang)


def _problems(diff: Diff, lang: str) -> list[str]:
    out = []
    if diff.skipped:
        items = "\n".join(f"- {md(name)}" for name in diff.skipped)
        out.append(f"<details>\n<summary>{html.escape(i18n.label('diff.skipped', lang))}: "
                   f"{len(diff.skipped)}</summary>\n\n{items}\n\n</details>")
    if diff.problems:
        items = "\n".join(f"- {md(str(f.where))}: {f.code} {md(f.message)}" for _s, f in diff.problems)
        out.append(f"<details>\n<summary>{html.escape(i18n.label('diff.problems', lang))}: "
                   f"{len(diff.problems)}</summary>\n\n{items}\n\n</details>")
    return out


def _limit(text: str, lang: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[:MAX_CHARS].rsplit("\n", 1)[0]
    if cut.count("<details>") > cut.count("</details>"):
        cut += "\n\n</details>"
    return f"{cut}\n\n_{md(i18n.label('diff.truncated', lang))}_"
