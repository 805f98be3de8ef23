"""One error hierarchy; each class carries the exit code the CLI uses for it."""

from __future__ import annotations

from enum import IntEnum
from typing import Self


class ExitCode(IntEnum):
    """The documented exit codes of every trygghet command."""

    OK = 0
    INVALID = 1
    USAGE = 2
    READ = 3
    CONFLICT = 4
    INTERNAL = 70
    INTERRUPTED = 130  # Ctrl-C, as shells report a process ended by SIGINT


class TrygghetError(Exception):
    """A failure we expected and can explain to the user in one line."""

    exit_code: ExitCode = ExitCode.INVALID

    def __init__(self, message: str, hint: str | None = None, *, key: str | None = None,
                 values: dict[str, object] | None = None,
                 texts: dict[str, tuple[str, str | None]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.key = key
        self.values = values or {}
        self.texts = texts or {}  # (message, hint) by language, for a message made elsewhere

    @classmethod
    def say(cls, key: str, /, **values: object) -> Self:
        """An error whose message (and hint, under `key.hint`) come from the message catalog."""
        from trygghet_cli import i18n

        hint = i18n.label(f"{key}.hint", "en", **values) if i18n.has_label(f"{key}.hint") else None
        return cls(i18n.label(key, "en", **values), hint, key=key, values=values)

    def text(self, lang: str) -> tuple[str, str | None]:
        """The message and hint in the language (as raised when the error has no catalog key)."""
        if lang in self.texts:
            return self.texts[lang]
        if self.key is None:
            return self.message, self.hint
        from trygghet_cli import i18n

        hint = (i18n.label(f"{self.key}.hint", lang, **self.values)
                if i18n.has_label(f"{self.key}.hint") else None)
        return i18n.label(self.key, lang, **self.values), hint


class DataError(TrygghetError):
    """The data is invalid (schema, references, rules)."""

    exit_code = ExitCode.INVALID


class UsageError(TrygghetError):
    """The command line asks for something that cannot be done."""

    exit_code = ExitCode.USAGE


class ReadError(TrygghetError):
    """A file or folder could not be read or written."""

    exit_code = ExitCode.READ


class ConflictError(TrygghetError):
    """A file changed on disk between reading and writing it."""

    exit_code = ExitCode.CONFLICT
