"""The data's history from git, in words: what each commit changed, for the activity-list pages
and the Atom feed.

Each commit that touched the data root is loaded from git's objects (diff/gitsource) and
compared with the one before it (the semantic diff), so a reworded field is one change and
reformatting is none. Only what a citizen may see is described, revision by revision: an
activity that is internal before or after a commit, or in the data published now, never
appears (nor its title or reason); internal notes never; a change told in words that holds
what looks like personal data is left out (the privacy package's detector, the publish
gate's); and a police area's site reads each revision narrowed to its own municipality.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from trygghet_cli import diff, i18n, privacy
from trygghet_cli.diff import EntityChange, gitsource
from trygghet_cli.errors import UsageError
from trygghet_cli.model import Model
from trygghet_cli.root import repository

# More commits than this are summarised only back to the oldest of them.
MAX_COMMITS = 60


@dataclass(frozen=True, slots=True)
class Event:
    """One change in words, and which activity list or pledge set it belongs to; `kind` and
    `subject` name the entity changed (an activity's id), `pledge` the pledge it serves."""

    text: str
    group: str
    kind: str = ""
    subject: str = ""
    pledge: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit: when it was made, and what it changed in words."""

    commit: str
    when: datetime
    events: tuple[Event, ...] = ()
    first: bool = False


@dataclass(slots=True)
class History:
    """The data root's revisions, newest first; `available` is False outside git. `shared`
    names the files of shared definitions the revisions read from disk, with their hashes
    (they lie outside git: see repository._add_shared)."""

    revisions: list[Revision] = field(default_factory=list)
    available: bool = False
    shared: list[tuple[str, str]] = field(default_factory=list)

    def for_group(self, group: str) -> list[tuple[Revision, list[str]]]:
        """The revisions that changed a list or pledge set, with the changes in words."""
        found = []
        for rev in self.revisions:
            texts = [e.text for e in rev.events if e.group == group]
            if texts:
                found.append((rev, texts))
        return found


Commits = tuple[str, list[tuple[str, datetime]]]  # the root's place in git, and its commits


def commits(root: Path) -> Commits | None:
    """Where the root lies in its git repository and the commits that touched it (oldest
    first): with the files on disk, all that decides the history. None outside git."""
    try:
        prefix = gitsource.prefix_in_repository(root)
    except Exception:  # noqa: BLE001 - no git, or not a repository: the site says so instead
        return None
    return prefix, _commits(root, prefix)


def _commits(root: Path, prefix: str) -> list[tuple[str, datetime]]:
    """Commits that touched the data root, oldest first (at most MAX_COMMITS of the newest)."""
    found = subprocess.run(["git", "-C", str(root), "log", f"-n{MAX_COMMITS}", "--format=%H %aI",
                            "--", "."], capture_output=True, check=False)
    if found.returncode != 0:
        return []
    rows = [line.split(" ", 1) for line in found.stdout.decode("utf-8", "replace").splitlines()]
    return [(c, datetime.fromisoformat(d)) for c, d in reversed(rows) if d]


@dataclass(frozen=True, slots=True)
class Gate:
    """What the history may show: `scope` narrows a police area's revisions to one municipality,
    `internal` holds the ids of activities internal in the data published now, `allowed` the
    public contact (the publish gate's contact_key form) that may appear."""

    scope: str | None = None
    internal: frozenset[str] = frozenset()
    allowed: frozenset[str] = frozenset()


def _model(root: Path, commit: str, prefix: str, scope: str | None,
           shared: list[tuple[str, str]]) -> Model:
    """The model of the root at a commit; the shared files it read from disk go into `shared`."""
    shown = f"{commit[:7]}:{prefix}"
    loaded = repository.load_files(root, gitsource.read_files(root, commit, prefix, shown), shown)
    shared += [(name, loaded.digests.get(name, "")) for name in loaded.files
               if not name.startswith(shown) and (name, loaded.digests.get(name, "")) not in shared]
    model = loaded.model
    if scope is None:
        return model
    from trygghet_cli.area import scoped

    try:
        return scoped(model, scope)
    except UsageError:  # the municipality is not (yet) in this revision: nothing of its own
        return replace(model, agreements=[], pledge_sets=[], activity_lists=[], situations=[])


def read(root: Path, lang: str, gate: Gate | None = None, found: Commits | None = None) -> History:
    """The history of the data root from git (`found`: its commits(), when already asked);
    empty (not available) outside a repository."""
    gate = gate or Gate()
    found = found or commits(root)
    if found is None or not found[1]:
        return History()
    prefix, touched = found
    shared: list[tuple[str, str]] = []
    models = [(commit, when, _model(root, commit, prefix, gate.scope, shared))
              for commit, when in touched]
    # An activity internal in the newest revision stays out of every older one too.
    gate = replace(gate, internal=gate.internal | _internal_ids(models[-1][2]))
    history = History(available=True, shared=shared)
    before: Model | None = None
    for commit, when, model in models:
        events = _events(before, model, lang, gate) if before is not None else ()
        history.revisions.append(Revision(commit, when, tuple(events), before is None))
        before = model
    history.revisions.reverse()
    return history


def _internal_ids(model: Model) -> frozenset[str]:
    return frozenset(a.id for a in model.all_activities() if a.visibility == "internal")


def _public(text: str, allowed: frozenset[str]) -> bool:
    """Whether a change in words holds nothing that looks like personal data."""
    from trygghet_cli.render.gate import declared_contact

    return all(declared_contact(match, allowed) for match in privacy.scan(text))


def _events(old: Model, new: Model, lang: str, gate: Gate) -> list[Event]:
    changed = diff.diff_models(diff.Snapshot("old", old), diff.Snapshot("new", new))
    hidden = gate.internal | _internal_ids(old) | _internal_ids(new)
    list_of = {s: lst.id for m in (old, new) for lst in m.activity_lists for s in [lst.pledge_set]}
    events = []
    for change in changed.changes:
        if change.entity == "activity" and {change.new_id, change.old_id} & hidden:
            continue
        text = describe(change, lang)
        if text and _public(text, gate.allowed):
            group = list_of.get(change.group, change.group) if change.entity == "activity" \
                else change.group
            events.append(Event(text, group, change.entity, change.new_id or change.old_id or "",
                                change.pledge))
    return events


def _t(key: str, lang: str, **values: object) -> str:
    return i18n.label(f"site.history.{key}", lang, **values)


def _status_text(change: EntityChange, lang: str) -> str | None:
    status = next((f for f in change.fields if f.field == "status"), None)
    if status is None:
        return None
    reason = next((f.new for f in change.fields if f.field == "reason" and f.new), None)
    new = str(status.new)
    key = new if new in {"done", "cancelled", "delayed", "ongoing"} else "status"
    text = _t(f"became.{key}", lang, title=change.title,
              status=i18n.label(f"status.{new}", lang) if new != "None" else "")
    return text + (_t("reason", lang, reason=" ".join(str(reason).split())) if reason else "")


def describe(change: EntityChange, lang: str) -> str:
    """One change as a citizen reads it: 'aktiviteten Nattvandring tillkom'."""
    kind = change.entity if change.entity in {"activity", "pledge", "pledge_set", "agreement",
                                               "activity_list", "area"} else "other"
    if change.change.value in {"added", "removed"}:
        return _t(f"{change.change.value}.{kind}", lang, title=short(change.title))
    status = _status_text(change, lang) if change.entity == "activity" else None
    if status:
        return status
    if change.entity == "activity" and any(f.field.startswith("targets") and "outcomes" in f.field
                                           for f in change.fields):
        return _t("outcome", lang, title=short(change.title))
    if change.entity == "config":
        return ""
    return _t(f"changed.{kind}", lang, title=short(change.title)) + _what(change, lang)


def _what(change: EntityChange, lang: str) -> str:
    """' (löften, slutdatum)': which fields changed, internal ones never named."""
    names: list[str] = []
    for f in change.fields:
        key = re.split(r"[.\[]", f.field, maxsplit=1)[0]
        if key not in diff.PRIVATE_FIELDS and i18n.field_name(key, lang) not in names:
            names.append(i18n.field_name(key, lang))
    return f" ({', '.join(names)})" if names else ""


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + " …"
