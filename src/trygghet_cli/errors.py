"""One error hierarchy; each class carries the exit code the CLI uses for it."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The documented exit codes of every trygghet command."""

    OK = 0
    INVALID = 1
    USAGE = 2
    READ = 3
    CONFLICT = 4
    INTERNAL = 70


class TrygghetError(Exception):
    """A failure we expected and can explain to the user in one line."""

    exit_code: ExitCode = ExitCode.INVALID

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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
