"""Create a new data root: config, empty data folders, README, CI files and pre-commit config."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from trygghet_cli import formats, resources
from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.root import config

# Where data repositories install trygghet from and find its pre-commit hooks; the project
# has no published home yet, so this is a placeholder to replace with --tool-repo.
DEFAULT_TOOL_REPO = "https://github.com/your-org/trygghet"
# The release that the CI and pre-commit files of a new root install (RELEASING.md): its
# version, and its commit in this repository, pinned by full id (a commit id, unlike a tag,
# cannot move and resolves in every clone). tests/unit/test_release.py installs it from
# this repository with pip, as the CI files do, and runs it.
RELEASE_VERSION = "0.1.0"
RELEASE_COMMIT = "7e1050856b0029493fbce0355e2491db7782b4df"
PARTIES = ("kommun", "polis")
# The kinds a party may have (config.schema.json); a party given without one is 'annan'.
PARTY_KINDS = ("kommun", "polis", "raddningstjanst", "region", "foretag", "forening", "annan")
DEFAULT_DISTRICTS = ("hela-kommunen=Hela kommunen",)
DEFAULT_FUNCTIONS = ("trygghetssamordnare=Trygghetssamordnare@kommun",
                     "kommunpolis=Kommunpolis@polis")
DATA_FOLDERS = tuple(config.KIND_FOLDERS)
# The files the pre-commit hooks check: trygghet.yaml and every data folder (the same as
# .pre-commit-hooks.yaml; a data repository's config says it too, so that a pinned release
# whose own list lacked a folder still checks it).
HOOK_FILES = rf"(^|/)(trygghet\.yaml|({'|'.join(DATA_FOLDERS)})/.+\.ya?ml)$"
TEMPLATES = {
    config.CONFIG_NAME: "trygghet.yaml.j2",
    "README.md": "README.md.j2",
    ".github/workflows/trygghet.yml": "github-workflow.yml.j2",
    ".gitlab-ci.yml": "gitlab-ci.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".gitignore": "gitignore.j2",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@dataclass(frozen=True, slots=True)
class District:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Function:
    id: str
    name: str
    party: str


@dataclass(slots=True)
class Spec:
    """What `trygghet init` was told about the municipality."""

    name: str
    code: str
    police_area: str
    language: str = "sv"
    districts: list[District] = field(default_factory=list)
    functions: list[Function] = field(default_factory=list)
    tool_repo: str = DEFAULT_TOOL_REPO
    # Further parties; one with the id kommun or polis replaces that default party.
    parties: list[Party] = field(default_factory=list)
    first_year: int | None = None  # of the README's first period; default: this year

    def all_parties(self) -> list[Party]:
        """The municipality and the police (by default named after the options), then the rest.

        The police party is 'Polismyndigheten (lokalpolisområde X)' unless named; a name
        given may hold a comma ('Polismyndigheten, lokalpolisområde X'): lists of the parties
        then separate them with semicolons (i18n.join_list)."""
        area = self.police_area
        if area.startswith("Lokalpolisområde "):
            area = "l" + area[1:]
        given = {p.id: p for p in self.parties}
        defaults = [Party("kommun", self.name, "kommun"),
                    Party("polis", f"Polismyndigheten ({area})", "polis")]
        return [given.pop(p.id, p) for p in defaults] + list(given.values())

    def party_names(self) -> list[str]:
        return [p.name for p in self.all_parties()]

    def party_ids(self) -> list[str]:
        return [p.id for p in self.all_parties()]


def slug(text: str) -> str:
    """An id from a name: 'Åkers styckebruk' -> 'akers-styckebruk'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:64]


def _id_and_name(text: str, what: str) -> tuple[str, str]:
    ident, sep, name = text.partition("=")
    if not sep:
        ident, name = slug(text), text
    ident, name = ident.strip(), name.strip()
    if not name or not _ID.match(ident):
        raise UsageError.say("init.no_id", what=what, text=text,
                             example=f"{slug(name) or 'norr'}={name or 'Norr'}")
    return ident, name


def parse_named(text: str, what: str) -> tuple[str, str]:
    """'id=Name' or just 'Name' (its id made from the name), for districts, areas and the like."""
    return _id_and_name(text, what)


def parse_district(text: str) -> District:
    """'norr=Norr' or just 'Norr'."""
    return District(*_id_and_name(text, "district"))


def parse_party(text: str) -> Party:
    """'bostader=Nyby Bostäder AB@foretag', 'Länsstyrelsen i Nybylän@annan' or just a name
    (kind annan)."""
    rest, sep, kind = text.rpartition("@")
    if not sep:
        rest, kind = text, "annan"
    kind = kind.strip()
    if kind not in PARTY_KINDS:
        raise UsageError.say("init.party_kind", text=text, kind=kind, kinds=", ".join(PARTY_KINDS))
    party = Party(*_id_and_name(rest, "party"), kind=kind)
    return party


def parse_function(text: str, parties: Sequence[str] = PARTIES) -> Function:
    """'kommunpolis=Kommunpolis@polis', 'Fältare@kommun' or just 'Fältare' (party kommun);
    the party is any of `parties` (ids)."""
    rest, sep, party = text.rpartition("@")
    if not sep:
        rest, party = text, "kommun"
    party = party.strip()
    if party not in parties:
        raise UsageError.say("init.function_party", text=text, party=party,
                             parties=", ".join(parties))
    return Function(*_id_and_name(rest, "function"), party=party)


def check_spec(spec: Spec) -> None:
    """Refuse a spec that would not make a valid data root."""
    if not re.fullmatch(r"[0-9]{4}", spec.code):
        raise UsageError.say("init.code", code=spec.code)
    texts = [spec.name, spec.police_area, spec.tool_repo, *(d.name for d in spec.districts),
             *(f.name for f in spec.functions), *(p.name for p in spec.parties)]
    if any(not text.strip() or not text.isprintable() for text in texts):
        raise UsageError.say("init.names")
    if spec.language not in ("sv", "en"):
        raise UsageError.say("init.language", language=spec.language)
    missing = [f for f in spec.functions if f.party not in spec.party_ids()]
    if missing:
        raise UsageError.say("init.function_party", text=missing[0].name, party=missing[0].party,
                             parties=", ".join(spec.party_ids()))
    ids = [*spec.party_ids(), *(d.id for d in spec.districts), *(f.id for f in spec.functions)]
    given = [p.id for p in spec.parties]
    repeated = sorted({i for i in ids if ids.count(i) > 1} | {i for i in given if given.count(i) > 1})
    if repeated:
        raise UsageError.say("init.id_twice", ident=repeated[0])


def render(spec: Spec) -> dict[str, str]:
    """Every file `init` writes, by path relative to the new root, with its text."""
    import jinja2

    # Not HTML and written by us, so no autoescape; data only ever fills the templates'
    # placeholders. The delimiters differ from Jinja's because CI files use ${{ ... }}.
    env = jinja2.Environment(  # noqa: S701
        loader=jinja2.FileSystemLoader(str(resources.templates_dir() / "init")),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        variable_start_string="{=", variable_end_string="=}",
        comment_start_string="{##", comment_end_string="##}")
    from trygghet_cli.editing import scalars
    from trygghet_cli.i18n import join_list

    # The quoting `trygghet fmt` uses, so a fresh root passes `trygghet fmt --check`.
    env.filters["yaml"] = scalars.render
    year = spec.first_year or date.today().year
    values = {"name": spec.name, "code": spec.code, "police_area": spec.police_area,
              "init_command": init_command(spec), "first_period": first_period(spec, year),
              "period": f"{year}-{year + 1}", "tool_ref": RELEASE_COMMIT,
              "language": spec.language, "parties": spec.all_parties(),
              "party_list": join_list(spec.party_names(), spec.language),
              "districts": spec.districts, "functions": spec.functions,
              "tool_repo": spec.tool_repo, "version": RELEASE_VERSION, "hook_files": HOOK_FILES,
              "format": formats.read_by(RELEASE_VERSION),
              # `trygghet migrate` came with format 2: CI runs it only when the pin has it.
              "has_migrate": formats.read_by(RELEASE_VERSION) > formats.FIRST}
    files = {path: env.get_template(name).render(values) for path, name in TEMPLATES.items()}
    files.update({f"{folder}/.gitkeep": "" for folder in DATA_FOLDERS})
    return files


def create(root: Path, spec: Spec) -> tuple[list[str], list[str]]:
    """Write a new data root at root; returns (written, kept) relative paths.

    Refuses an existing data root; any other file that already exists (a README in an
    existing repository, say) is kept as it is.
    """
    check_spec(spec)
    if config.is_root(root):
        raise UsageError.say("init.exists", path=config.display_path(root), config=config.CONFIG_NAME)
    from trygghet_cli.editing import atomic

    files = render(spec)
    # Each file appears whole or not at all, and trygghet.yaml last: after a full disk the
    # folder is no data root yet, so running init again finishes the job.
    order = sorted(files, key=lambda relative: relative == config.CONFIG_NAME)
    written, kept = [], []
    try:
        for relative in order:
            target = root / relative
            if target.exists():
                kept.append(relative)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_new(target, files[relative].encode("utf-8"))
            written.append(relative)
    except OSError as exc:
        raise ReadError.say("init.cannot_write", path=root, reason=exc.strerror or exc) from exc
    return written, kept


def shell_word(text: str) -> str:
    """A word as a shell (and PowerShell) reads it back: quoted only when it must be."""
    import shlex

    if re.fullmatch(r"[A-Za-z0-9_./:=@%+,-]+", text):
        return text
    if not re.search(r'["$`\\!]', text):
        return f'"{text}"'
    return shlex.quote(text)


def command_text(units: list[str], width: int = 76) -> str:
    """'trygghet ...' from its parts (an option with its value is one part), wrapped with
    backslashes so that no line is wider than `width` in a Markdown code block."""
    lines, line = [], units[0]
    for unit in units[1:]:
        if len(line) + 1 + len(unit) > width - 6:
            lines.append(line + " \\")
            line = "    " + unit
        else:
            line += " " + unit
    return "\n".join([*lines, line])


def _option(name: str, value: str) -> str:
    return f"{name} {shell_word(value)}"


def init_command(spec: Spec) -> str:
    """The `trygghet init` command that makes this data root again (in the working folder)."""
    units = ["trygghet init .", _option("--name", spec.name), _option("--code", spec.code),
             _option("--police-area", spec.police_area)]
    units += [_option("--district", f"{d.id}={d.name}") for d in spec.districts]
    defaults = {p.id: p for p in Spec(spec.name, spec.code, spec.police_area).all_parties()}
    units += [_option("--party", f"{p.id}={p.name}@{p.kind}") for p in spec.all_parties()
              if defaults.get(p.id) != p]
    units += [_option("--function", f"{f.id}={f.name}@{f.party}") for f in spec.functions]
    if spec.language != "sv":
        units.append(_option("--lang", spec.language))
    if spec.tool_repo != DEFAULT_TOOL_REPO:
        units.append(_option("--tool-repo", spec.tool_repo))
    return command_text(units)


def first_period(spec: Spec, year: int) -> list[str]:
    """The commands that take a new root from init to a first meeting report: an agreement
    and pledges from 1 January of `year`, two activities, progress, status and the report."""
    pledges = f"ml-{year}-{year + 1}"
    municipal = next((f for f in spec.functions if f.party == "kommun"), spec.functions[0])
    police = next((f for f in spec.functions if f.party == "polis"), municipal)
    walk = spec.districts[0].id
    first = [
        "trygghet activity new", _option("--title", "Trygghetsvandring"),
        _option("--pledge", f"{pledges}-1"),
        *(_option("--party", p) for p in dict.fromkeys([municipal.party, police.party])),
        _option("--owner", municipal.id), _option("--district", walk), _option("--due", f"{year}-12-31"),
        _option("--target-kind", "at_least"), _option("--target-text", "Minst fyra trygghetsvandringar"),
        _option("--target-value", "4"), _option("--target-unit", "trygghetsvandringar")]
    second = [
        "trygghet activity new", _option("--title", "Helgpatrull i centrum"),
        _option("--pledge", f"{pledges}-2"), _option("--party", police.party),
        _option("--owner", police.id), _option("--target-kind", "rate"),
        _option("--target-text", "En patrull varje helg"), _option("--target-value", "1"),
        _option("--target-per", "vecka")]
    return [command_text(units) for units in (
        ["trygghet new agreement", _option("--start", f"{year}-01-01"),
         _option("--end", f"{year + 3}-12-31"), _option("--area", "Trygg stadskärna"),
         _option("--area", "unga=Unga som begår brott")],
        ["trygghet new pledges", _option("--start", f"{year}-01-01"),
         _option("--end", f"{year + 1}-12-31"),
         _option("--pledge", "Vi genomför trygghetsvandringar i alla kommundelar."),
         _option("--pledge", "Polisen är synlig i centrum på helgkvällar.")],
        first, second,
        ["trygghet activity set-status", f"a{year}-01", "pågår"],
        ["trygghet activity outcome", f"a{year}-01", "2", _option("--kind", "delrapport")],
        ["trygghet status"],
        ["trygghet report status", _option("-o", "mote.html")])]
