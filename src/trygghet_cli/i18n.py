"""Labels, status names and date formats in Swedish (default) and English."""

from __future__ import annotations

from datetime import date

LANGUAGES = ("sv", "en")

_MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

_LABELS: dict[str, tuple[str, str]] = {
    "error": ("fel", "error"),
    "warning": ("varning", "warning"),
    "hint": ("tips", "hint"),
    "checked": ("{files} filer i {roots} datarot(er) kontrollerade",
                "{files} files checked in {roots} data root(s)"),
    "summary": ("{errors} fel, {warnings} varningar", "{errors} errors, {warnings} warnings"),
    "valid": ("Allt stämmer.", "All valid."),
    "status.planned": ("planerad", "planned"),
    "status.ongoing": ("pågår", "ongoing"),
    "status.done": ("klar", "done"),
    "status.delayed": ("försenad", "delayed"),
    "status.cancelled": ("inställd", "cancelled"),
    "status.unknown": ("okänd", "unknown"),
    "status.overdue": ("försenad (passerat slutdatum)", "overdue"),
}


def label(key: str, lang: str, **values: object) -> str:
    """A label in the language, with {placeholders} filled in."""
    sv, en = _LABELS[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text


def format_date(day: date, lang: str) -> str:
    """30 januari 2024 / 30 January 2024."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def format_partial(text: str, lang: str) -> str:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words."""
    parts = text.split("-")
    if len(parts) == 3:
        return format_date(date.fromisoformat(text), lang)
    if len(parts) == 2:
        return f"{_MONTHS[lang][int(parts[1]) - 1]} {parts[0]}"
    return parts[0]
