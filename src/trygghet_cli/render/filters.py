"""Filters that make data safe to place in Markdown and HTML: escaping and URL checks.

Data never becomes markup: HTML relies on autoescaping, Markdown on `md_escape`,
and links pass `safe_url`, which lets only http, https and mailto through.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters that start Markdown syntax anywhere in a line: emphasis, code, links,
# inline HTML, entities, table cells, strikethrough and GitHub's math.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>&|~$])")
# What starts a block (heading, list, ordered list, rule) at the start of a line.
_MD_BLOCK_START = re.compile(r"^(?:([#+=\-!])|(\d+)([.)]))")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20", '"': "%22", "'": "%27",
               "\\": "%5C", "`": "%60", "[": "%5B", "]": "%5D", "|": "%7C"}


def md_escape(value: object) -> str:
    """Text for any place in a Markdown document: one line, every syntax character escaped."""
    text = _MD_INLINE.sub(r"\\\1", " ".join(str(value).split()))
    return _MD_BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else
                               f"{m.group(2)}\\{m.group(3)}", text)


def safe_url(value: object) -> str:
    """The URL when its scheme is http, https or mailto and it has no control characters;
    otherwise the empty string, so templates show plain text instead of a link."""
    text = str(value).strip()
    if not text or _CONTROL.search(text) or "\\" in text:
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return ""
    if scheme != "mailto" and not parts.netloc:
        return ""
    return text


def md_url(value: object) -> str:
    """A safe URL written so that it cannot end a Markdown link early; '' when not safe."""
    url = safe_url(value)
    return "".join(_URL_UNSAFE.get(char, char) for char in url)


# Where long Swedish words of the domain may break on a narrow screen (browsers on Linux and
# Windows have no Swedish hyphenation): a soft hyphen after the first part of the compound.
_COMPOUND_HEADS = ("samverkans", "tillgänglighets", "medborgar", "brottsförebyggande",
                   "brotts", "trygghets", "aktivitets", "lokalpolis", "års", "kommunpolis")
_LONG_WORD = re.compile(r"\w{16,}")


def soft_hyphens(value: object) -> str:
    """Text with soft hyphens (U+00AD) at the compound joints of long domain words, so that a
    heading on a phone hyphenates 'Samverkans-överenskommelse' instead of breaking anywhere."""
    def split(found: re.Match[str]) -> str:
        word = found.group()
        for head in _COMPOUND_HEADS:
            if word.lower().startswith(head) and len(word) - len(head) >= 5:
                return word[:len(head)] + "\u00ad" + word[len(head):]
        return word

    return _LONG_WORD.sub(split, str(value))
