"""Where the shipped schemas, templates and bundled data live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def shipped(name: str) -> Path:
    """The folder `name` (schemas, templates, data): in the wheel, or at the checkout's top."""
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name


def schemas_dir() -> Path:
    return shipped("schemas")


def templates_dir() -> Path:
    return shipped("templates")


def bundled_data_root() -> Path:
    """The embedded Strängnäs data root, used when no other root is found."""
    return shipped("data")


def code_pages_dir() -> Path:
    """The pages that explain each finding code (docs/codes/ in a checkout)."""
    installed = _PACKAGE / "_bundled" / "codes"
    return installed if installed.is_dir() else _PACKAGE.parent.parent / "docs" / "codes"
