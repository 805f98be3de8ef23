"""Write the site without losing anything: every file into a staging folder beside the target,
then into place, so a failed build leaves the old site and nothing the tool did not write is
ever removed.

The site folder holds a manifest (`.trygghet-site`) of the files trygghet wrote there. A new
site replaces exactly those: a `CNAME`, a `.nojekyll` or a `.git` repository that the user
keeps beside the pages stays as it is (`.git` is never even looked into). When the folder holds
nothing else, the staging folder replaces it as a whole (readers never see half a site);
otherwise the files are moved in one by one, each whole. A folder that is not an earlier site
and is not empty is refused, unless `--force`, which adds the site and still removes nothing.

A run killed with SIGKILL leaves its staging folder behind; the next run into the same folder
removes it (only folders named and marked as the tool's own, under a lock that keeps two runs
apart).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.root import config

# The manifest of a folder trygghet wrote: this first line, then one file per line.
MARKER = ".trygghet-site"
_HEAD = "trygghet site"
# Never written, listed, replaced or removed, whatever a manifest says.
_NEVER = {".git", MARKER}


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


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and \
        "\\" not in name and parts[0] not in _NEVER


def _files(target: Path) -> set[str]:
    """Every file (and link) below the folder, as paths relative to it; `.git` is one entry,
    never entered."""
    found: set[str] = {".git"} if (target / ".git").exists() else set()
    for folder, dirs, names in os.walk(target):
        dirs[:] = [d for d in dirs if not (folder == str(target) and d == ".git")]
        here = Path(folder).relative_to(target)
        found.update((here / n).as_posix() for n in names)
        found.update((here / d).as_posix() for d in dirs if Path(folder, d).is_symlink())
    return found - {MARKER}


def _legacy_own(name: str) -> bool:
    """A file of the kinds a site written before the manifest held (its pages, feed, sitemap
    and open data); anything else in such a folder is taken to be the user's."""
    parts = PurePosixPath(name).parts
    return parts[0] == "oppna-data" or (len(parts) == 1 and name.endswith((".html", ".xml")))


def manifest(target: Path) -> set[str] | None:
    """The files trygghet wrote into the folder, or None when it is not a site trygghet wrote."""
    marker = target / MARKER
    if marker.is_symlink() or not marker.is_file():
        return None
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    if not lines or lines[0].strip() != _HEAD:
        return None
    if len(lines) == 1:  # written by a release before the manifest
        return {name for name in _files(target) if _safe_name(name) and _legacy_own(name)}
    return {name for name in lines[1:] if _safe_name(name)}


def check_target(out: Path, data_root: Path, force: bool = False) -> Path:
    """The resolved target folder; UsageError when it would mix with the data (see _into_the_data),
    or is a folder with other content than an earlier site (unless `force`)."""
    target = out.expanduser().resolve()
    root = data_root.resolve()
    if _into_the_data(target, root):
        raise UsageError.say("site.inside_data", out=out, root=data_root)
    if target.exists() and not target.is_dir():
        raise UsageError.say("site.is_file", out=out)
    if not force and target.is_dir() and any(target.iterdir()) and manifest(target) is None:
        raise UsageError.say("site.foreign_folder", out=out)
    return target


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _manifest_bytes(names: set[str]) -> bytes:
    return ("\n".join([_HEAD, *sorted(names)]) + "\n").encode("utf-8")


def write_site(out: Path, files: dict[str, bytes], data_root: Path, force: bool = False) -> Path:
    """Put exactly these files (paths relative to `out`) into the folder, remove the files an
    earlier site of trygghet had there and this one has not, and leave everything else."""
    target = check_target(out, data_root, force)
    for name in files:
        if not _safe_name(name):
            raise UsageError(f"'{name}' is not a path inside the site")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadError.say("site.cannot_create", out=out, reason=exc.strerror or exc) from None
    with _lock(target.parent, out):
        remove_stale_staging(target)
        _write(target, files, out)
    return target


def _write(target: Path, files: dict[str, bytes], out: Path) -> None:
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    except OSError as exc:
        raise ReadError.say("site.cannot_create", out=out, reason=exc.strerror or exc) from None
    try:
        _write_file(staging / MARKER, _manifest_bytes(set(files)))  # first: marks it as ours
        for name, data in files.items():
            _write_file(staging / name, data)
        os.chmod(staging, 0o755)  # noqa: S103 - a web root that others read
        own = manifest(target) if target.exists() else set()
        if not target.exists() or (own is not None and _files(target) <= own):
            _swap(staging, target)
        else:
            _merge(staging, target, own or set(), set(files))
    except OSError as exc:
        raise ReadError.say("site.cannot_write", out=out, reason=exc.strerror or exc) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to flush it; its renames are journalled
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / "site")
    os.rename(staging, target)
    _fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _put_manifest(target: Path, names: set[str]) -> None:
    temporary = target / f"{MARKER}.tmp"
    _write_file(temporary, _manifest_bytes(names))
    os.replace(temporary, target / MARKER)


def _within(path: Path, target: Path) -> bool:
    """Whether the path's folder, links resolved, is the target or inside it."""
    return _inside(path.parent.resolve(), target)


def _merge(staging: Path, target: Path, before: set[str], names: set[str]) -> None:
    """Move the new files into a folder that also holds the user's, and remove the files of
    the earlier site that the new one has not. The manifest lists both while it runs, so a
    run killed half-way still knows every file it may replace."""
    _put_manifest(target, before | names)
    for name in sorted(names):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not _within(path, target) or (path.is_dir() and not path.is_symlink()):
            raise OSError(0, f"'{name}' is a folder or leads outside the site")
        os.replace(staging / name, path)
    for name in sorted(before - names):
        path = target / name
        if _within(path, target) and (path.is_symlink() or path.is_file()):
            path.unlink()
            _remove_empty_folders(path.parent, target)
    _put_manifest(target, names)
    _fsync_dir(target)


def _remove_empty_folders(folder: Path, target: Path) -> None:
    while folder != target and _inside(folder, target):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
        if folder.exists():
            return
        folder = folder.parent


def _staging_names(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.(?:new|old)-[a-z0-9_]{{6,}}")


def _ours(folder: Path) -> bool:
    """A staging folder of the tool: empty (killed right after creating it), or marked."""
    if not any(folder.iterdir()):
        return True
    return any(manifest(found) is not None for found in (folder, folder / "site"))


def remove_stale_staging(target: Path) -> list[Path]:
    """Remove the staging folders of runs into `target` that died (SIGKILL, power loss).

    Called with the lock on the target's parent held: no other trygghet run is writing a site
    there, so every folder of ours beside the target is stale."""
    removed = []
    pattern = _staging_names(target)
    for entry in target.parent.iterdir() if target.parent.is_dir() else []:
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink() \
                and _ours(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextlib.contextmanager
def _lock(folder: Path, out: Path) -> Iterator[None]:
    """Keep two runs that write a site into the same folder apart (see editing.atomic)."""
    from trygghet_cli.editing import atomic

    try:
        with atomic.folder_lock(folder, "site.locked", out=out):
            yield
    except OSError as exc:
        raise ReadError.say("site.cannot_write", out=out, reason=exc.strerror or exc) from None
