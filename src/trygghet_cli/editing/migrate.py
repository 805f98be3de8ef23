"""`trygghet migrate`: bring a data root from an earlier data format to the current one.

Each step from format N to N+1 is a function that plans line edits with the round-trip editor
(only the lines it must change; comments, order, quotes, CRLF and a BOM kept) and says per
change what it did and why. What a step cannot decide without guessing it names and leaves;
the root then keeps its format, so that it stays valid (formats.py: a deprecated rule is an
error only in a root of the format that makes it one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trygghet_cli import formats
from trygghet_cli.editing import lines as ln
from trygghet_cli.editing import session
from trygghet_cli.editing.roundtrip import Editor
from trygghet_cli.i18n import label

if TYPE_CHECKING:
    from trygghet_cli.loading import Document
    from trygghet_cli.model import ActivityList, District, Model
    from trygghet_cli.root.repository import LoadedRoot
    from trygghet_cli.situation import Situation


@dataclass(frozen=True, slots=True)
class Note:
    """One thing migrate did, or could not do, at a place in a file."""

    where: str
    key: str          # catalog key of the text
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        return f"{self.where}: {label(self.key, lang, **dict(self.values))}"


@dataclass(slots=True)
class Migration:
    """What migrate would write, and what it says about it."""

    start: int                       # the root's format before
    reached: int                     # the format after the planned changes
    plan: session.Plan
    done: list[Note] = field(default_factory=list)
    left: list[Note] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.plan.changed


@dataclass(slots=True)
class _Work:
    loaded: LoadedRoot
    editors: dict[str, tuple[Document, Editor]] = field(default_factory=dict)
    done: list[Note] = field(default_factory=list)
    left: list[Note] = field(default_factory=list)

    def editor(self, doc: Document, kind: str) -> Editor:
        if doc.path not in self.editors:
            self.editors[doc.path] = (doc, Editor(doc, kind))
        return self.editors[doc.path][1]


def _uses(model: Model) -> dict[str, set[str]]:
    """district id -> the municipality ids of the documents that name it (those that say
    which municipalities they belong to; a document that does not say tells nothing)."""
    from trygghet_cli.area import stated_ids
    from trygghet_cli.validate.districts import uses_of

    found: dict[str, set[str]] = {}
    items: list[ActivityList | Situation] = [*model.activity_lists, *model.situations]
    for item in items:
        owners = set(stated_ids(model, item))
        if not owners:
            continue
        for district, _where in uses_of(item):
            found.setdefault(district, set()).update(owners)
    return found


def _homes(work: _Work) -> dict[str, str]:
    """Districts of no municipality in a root of several: each gets the one municipality whose
    documents name it; the others are named in `work.left`."""
    model = work.loaded.model
    config = model.config
    if config is None or len(config.municipalities) < 2:
        return {}
    uses = _uses(model)
    names = {m.id: m.name for m in config.municipalities}
    homes: dict[str, str] = {}
    homeless: list[tuple[int, District]] = [(i, d) for i, d in enumerate(config.districts)
                                            if d.municipality is None and d.ref.file is config.ref.file]
    for index, district in homeless:
        owners = sorted(uses.get(district.id, set()) & set(names))
        where = str(district.ref.where())
        if len(owners) == 1:
            homes[district.id] = owners[0]
            work.editor(config.ref.file, "config").set(("districts", index, "municipality"), owners[0])
            work.done.append(Note(where, "migrate.district_home", (
                ("id", district.id), ("municipality", owners[0]), ("name", names[owners[0]]))))
        else:
            key = "migrate.district_unknown" if not owners else "migrate.district_several"
            shown = ", ".join(names[o] for o in owners)
            work.left.append(Note(where, key, (("id", district.id), ("names", shown))))
    return homes


def _situations(work: _Work) -> None:
    """A lägesbild that does not say its municipalities gets all of them written out: trygghet
    0.1 read such a lägesbild as one of the whole area."""
    from trygghet_cli.area import stated_ids

    model = work.loaded.model
    config = model.config
    if config is None or len(config.municipalities) < 2:
        return
    ids = [m.id for m in config.municipalities]
    for situation in model.situations:
        if stated_ids(model, situation):
            continue
        work.editor(situation.ref.file, "situation").set(("municipalities",), ids)
        work.done.append(Note(str(situation.ref.where()), "migrate.situation_home", (
            ("id", situation.id), ("ids", ", ".join(ids)))))


def _to_2(work: _Work) -> None:
    """Format 1 -> 2: districts and lägesbilder of a root of several municipalities say which
    municipality they belong to (TRY322, TRY313 become errors in format 2)."""
    _homes(work)
    _situations(work)


STEPS: dict[int, Callable[[_Work], None]] = {1: _to_2}


def _format_line(work: _Work, target: int) -> None:
    """`format: N` in trygghet.yaml: the value rewritten, or a line above the first key."""
    config = work.loaded.model.config
    if config is None:
        return
    doc = config.ref.file
    editor = work.editor(doc, "config")
    if formats.KEY in doc.data:
        editor.set((formats.KEY,), target)
        return
    first = next(iter(doc.data))
    line = doc.key_positions[(first,)][0] - 1
    newline = ln.newline_of(doc.text)
    editor.ops.append(ln.LineOp(line, line, (f"{formats.KEY}: {target}{newline}",), -1))
    editor.expected = {formats.KEY: target, **editor.expected}


def plan(loaded: LoadedRoot) -> Migration:
    """What migrate would change in a loaded root to bring it to formats.CURRENT."""
    config = loaded.model.config
    start = config.format if config is not None else formats.FIRST
    work = _Work(loaded)
    reached = start
    while reached < formats.CURRENT and not work.left:
        STEPS[reached](work)
        if work.left:
            break
        reached += 1
    if reached > start:
        _format_line(work, reached)
        work.done.append(Note(str(config.ref.file.path) if config else "", "migrate.format",
                              (("old", str(start)), ("new", str(reached)))))
    changes = [session.from_edit(doc, editor.result()) for doc, editor in work.editors.values()]
    result = Migration(start, reached, session.Plan(loaded.root, changes), work.done, work.left)
    if result.changed:
        result.plan.warnings = session.check_root(result.plan, loaded.findings)
    return result


def migrate(root: Path) -> Migration:
    """Load the root and plan its migration (nothing is written; session.write does that)."""
    from trygghet_cli.root import repository

    loaded = repository.load(root)
    if any(f.code == "TRY006" for f in loaded.findings) or any(
            f.code == repository.UNREADABLE for f in loaded.errors()):
        raise repository.refusal(loaded.errors())
    return plan(loaded)
