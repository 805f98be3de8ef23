"""Find the data root (the folder with trygghet.yaml) and name its parts."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePath, PurePosixPath

from trygghet_cli import resources
from trygghet_cli.errors import ReadError, UsageError

CONFIG_NAME = "trygghet.yaml"
KIND_FOLDERS = {"agreements": "agreement", "pledges": "pledges", "activities": "activities",
                "situation": "situation"}


def located(path: Path) -> Path:
    """path made absolute with its folder resolved, but not a symlink at its end.

    A symlinked data file belongs to the folder the link is in, not to where it points.
    """
    return path.absolute().parent.resolve() / path.name


def is_root(folder: Path) -> bool:
    return (folder / CONFIG_NAME).is_file()


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The data root (see locate_root)."""
    return locate_root(start, explicit)[0]


def locate_root(start: Path | None = None, explicit: Path | None = None) -> tuple[Path, bool]:
    """The data root, and whether it is the bundled example because no other was found.

    The order: --data (or TRYGGHET_DATA) if given, else the working folder or the nearest
    parent with trygghet.yaml, else ./data/ under the working folder, else the bundled
    Strängnäs data; in CI (`CI` set) that last step is an error."""
    if explicit is not None:
        if not explicit.is_dir():
            raise UsageError.say("root.no_folder", path=explicit)
        if not is_root(explicit):
            raise UsageError.say("root.not_a_root", path=explicit)
        return explicit, False
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_root(folder):
            return folder, False
    if is_root(here / "data"):
        return here / "data", False
    if os.environ.get("CI"):
        raise UsageError.say("root.none_in_ci")
    return resources.bundled_data_root(), True


def roots_below(folder: Path) -> list[Path]:
    """The data roots one or two folder levels below folder (a folder of roots, e.g. national/)."""
    found = {p.parent for pattern in ("*/trygghet.yaml", "*/*/trygghet.yaml")
             for p in folder.glob(pattern)}
    return sorted(found)


def root_of(path: Path) -> Path | None:
    """The data root that holds path, if any."""
    here = located(path)
    for folder in (here, *here.parents):
        if is_root(folder):
            return folder
    return None


def _relative(path: Path, base: Path) -> Path | None:
    try:
        return path.relative_to(base)
    except ValueError:
        return None


def relative_name(root: Path, file: Path) -> str | None:
    """file's POSIX path relative to root, where the file is found (not where a symlink points)."""
    # Lexically first: a data file may be a symlink to a file outside the root.
    relative = _relative(Path(os.path.abspath(file)), Path(os.path.abspath(root)))
    relative = relative or _relative(located(file), root.resolve())
    return None if relative is None else relative.as_posix()


def kind_of(root: Path, file: Path) -> str | None:
    """Which schema a file in a data root follows: config, agreement, pledges, activities or
    situation."""
    relative = relative_name(root, file)
    return None if relative is None else kind_of_relative(relative)


def kind_of_relative(relative: str) -> str | None:
    """kind_of for a POSIX path relative to the data root (as git names files)."""
    parts = PurePosixPath(relative).parts
    if parts == (CONFIG_NAME,):
        return "config"
    if len(parts) >= 2:
        return KIND_FOLDERS.get(parts[0])
    return None


def is_data_name(relative: PurePath) -> bool:
    """Whether a file, by its path below a data folder, is a data file: YAML, and none of the
    files editors and systems leave beside them (hidden: `.#2024.yaml` an Emacs lock, `._x.yaml`
    a macOS resource fork, `.x.yaml.swp`; `~$x` an Office lock; `x~` and `#x#` backups)."""
    if relative.suffix not in {".yaml", ".yml"}:
        return False
    return not any(part.startswith((".", "~", "#")) or part.endswith(("~", "#"))
                   for part in relative.parts)


# Skipped without a word: git's placeholders for empty folders (init writes .gitkeep) and the
# folder metadata of macOS and Windows, which are in every folder a Finder or Explorer opened.
QUIET_NAMES = {".gitkeep", ".keep", ".gitignore", ".DS_Store", "Thumbs.db", "desktop.ini"}


def ignored_files(root: Path) -> list[Path]:
    """The files in the root's data folders that are no data files and are not read, except
    the placeholders and folder metadata nobody needs to hear about (QUIET_NAMES)."""
    ignored: list[Path] = []
    for folder in KIND_FOLDERS:
        base = root / folder
        if base.is_dir():
            ignored.extend(p for p in base.rglob("*") if p.name not in QUIET_NAMES
                           and not is_data_name(p.relative_to(base)) and not p.is_dir())
    return sorted(ignored)


def data_files(root: Path) -> list[Path]:
    """The root's config and every data file in its data folders, in a stable order."""
    files = [root / CONFIG_NAME]
    for folder in KIND_FOLDERS:
        base = root / folder
        if base.is_dir():
            found = [p for p in base.rglob("*") if is_data_name(p.relative_to(base))]
            files.extend(sorted(found))
        elif os.path.lexists(base):
            # Skipped, a file in place of the folder made a root validate clean and show nothing.
            raise ReadError.say("root.folder_is_file", path=display_path(base), folder=folder)
    return files


def data_names(names: Iterable[str]) -> list[str]:
    """data_files for POSIX paths relative to a root (e.g. from git): same choice, same order."""
    files = [CONFIG_NAME]
    for folder in KIND_FOLDERS:
        found = [n for n in names if n.startswith(f"{folder}/")
                 and is_data_name(PurePosixPath(n).relative_to(folder))]
        files.extend(sorted(found, key=PurePosixPath))
    return files


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def root_language(roots: list[Path]) -> str:
    """The `language:` of the first root's config, read cheaply without loading it; sv when unknown.

    Commands use it to speak the data's language before (or without) building the model."""
    import re

    for root in roots:
        try:
            text = (root / CONFIG_NAME).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = re.search(r"^language:\s*['\"]?(sv|en)\b", text, re.MULTILINE)
        if found:
            return found.group(1)
    return "sv"
