"""Write the site all or nothing: every file into a staging folder beside the target, then
swap the folders, so readers never see half a site and a failed build leaves the old one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.root import config

# A folder trygghet wrote holds this file; any other folder that is not empty is never replaced.
MARKER = ".trygghet-site"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _into_the_data(target: Path, root: Path) -> bool:
    """The data root itself, a folder that holds it, or a folder among its data files.
    A folder of its own inside the root (public/, as GitLab Pages needs) is not the data."""
    if _inside(root, target):
        return True
    if not _inside(target, root):
        return False
    first = target.relative_to(root).parts[0]
    return first in {*config.KIND_FOLDERS, config.CONFIG_NAME, ".git", ".trygghet-cache"}


def check_target(out: Path, data_root: Path) -> Path:
    """The resolved target folder; UsageError when it would mix with the data (see _into_the_data),
    or is a folder with other content than an earlier site."""
    target = out.expanduser().resolve()
    root = data_root.resolve()
    if _into_the_data(target, root):
        raise UsageError.say("site.inside_data", out=out, root=data_root)
    if target.exists() and not target.is_dir():
        raise UsageError.say("site.is_file", out=out)
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UsageError.say("site.foreign_folder", out=out)
    return target


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_site(out: Path, files: dict[str, bytes], data_root: Path) -> Path:
    """Replace the folder `out` with exactly these files (paths relative to it)."""
    target = check_target(out, data_root)
    for name in files:
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or ".." in parts:
            raise UsageError(f"'{name}' is not a path inside the site")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    except OSError as exc:
        raise ReadError.say("site.cannot_create", out=out, reason=exc.strerror or exc) from None
    try:
        for name, data in files.items():
            _write_file(staging / name, data)
        _write_file(staging / MARKER, b"trygghet site\n")
        os.chmod(staging, 0o755)  # noqa: S103 - a web root that others read
        _swap(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReadError.say("site.cannot_write", out=out, reason=exc.strerror or exc) from None
    return target


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / "site")
    os.rename(staging, target)
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
