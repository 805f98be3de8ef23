"""Write a deterministic national corpus: one trygghet data root per municipality.

    python bench/generate.py OUT [--municipalities 290] [--seed 2026] [--shape short|long] [--git]

Each root holds trygghet.yaml, three agreements, five pledge periods and their
activity lists (30-60 activities each), written as YAML text by hand (never by
PyYAML, which writes strings like 0914 unquoted). The same seed and size always
give the same bytes. Every file is valid; a few activities lack a target, so the
national run reports some TRY501 warnings, as real data does.

The `long` shape is the second corpus shape: descriptions of four to ten sentences,
a comment before every activity and after some values, and half of each list carried
over from the previous period with one sentence reworded and no `predecessor` (so a
period diff pairs them by text); 30-70 activities per list, and 414 and 413 in the
last two lists of the first root (the largest).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import textwrap
from pathlib import Path

AGREEMENTS = [(2016, 2019), (2020, 2023), (2024, 2027)]
PERIODS = [(2016, 2017, 0), (2018, 2019, 0), (2020, 2021, 1), (2022, 2023, 1), (2024, 2025, 2)]
PREFIXES = ["Ek", "Sten", "Björk", "Lind", "Sjö", "Berg", "Ås", "Hag", "Mal", "Vall", "Strand", "Kungs",
            "Norr", "Sörs", "Öster", "Väster", "Gran", "Al", "Lövs", "Hammar", "Bro", "Fors", "Tall", "Ängel"]
SUFFIXES = ["by", "holm", "köping", "sund", "vik", "ås", "hamn", "fors", "berga", "stad", "dal", "lund",
            "näs", "torp", "hult", "åker"]
COUNTIES = ["Stockholms län", "Uppsala län", "Södermanlands län", "Östergötlands län", "Jönköpings län",
            "Kronobergs län", "Kalmar län", "Gotlands län", "Blekinge län", "Skåne län", "Hallands län",
            "Västra Götalands län", "Värmlands län", "Örebro län", "Västmanlands län", "Dalarnas län",
            "Gävleborgs län", "Västernorrlands län", "Jämtlands län", "Västerbottens län", "Norrbottens län"]
DISTRICTS = ["centrum", "norr", "soder", "oster", "vaster", "hamnen", "stationsomradet", "industriomradet",
             "villastaden", "landsbygden"]
FUNCTIONS = [("trygghetssamordnare", "Trygghetssamordnare", "kommun"),
             ("kommunpolis", "Kommunpolis", "polis"),
             ("omradespolis", "Områdespolis", "polis"),
             ("faltare", "Fältare", "kommun"),
             ("fritidsgard", "Fritidsgårdarna", "kommun"),
             ("skolan", "Skolförvaltningen", "kommun"),
             ("socialtjansten", "Socialtjänsten", "kommun"),
             ("gatukontoret", "Gatu- och parkkontoret", "kommun"),
             ("sakerhetsenheten", "Kommunens säkerhetsenhet", "kommun"),
             ("trafikpolis", "Trafikpolisen", "polis")]
AREAS = [("unga", "Unga och kriminalitet"), ("narkotika", "Narkotika"),
         ("trafik", "Trafiksäkerhet"), ("miljo", "Trygga offentliga miljöer"),
         ("vald", "Våld i nära relationer"), ("bedrageri", "Bedrägerier mot äldre")]
SUBJECTS = ["Kommunen", "Polisen", "Fältarna", "Fritidsgårdarna", "Socialtjänsten", "Skolorna",
            "Nattvandrarna", "Kommunpolisen", "Områdespoliserna", "Trygghetssamordnaren"]
VERBS = ["genomför", "ordnar", "utvecklar", "följer upp", "samordnar", "förstärker", "planerar",
         "kartlägger", "utvärderar", "prioriterar"]
OBJECTS = ["trygghetsvandringar i bostadsområden", "hastighetskontroller vid skolor",
           "förebyggande samtal med unga", "nattvandringar under helger", "möten med lokala BRÅ",
           "belysning i parker och gångtunnlar", "information om bedrägerier till äldre",
           "narkotikasök med hund i skolor", "kontroller av restauranger och krogar",
           "uppsökande arbete där unga vistas", "städning och klotterborttagning",
           "föräldramöten om droger", "samverkan med fastighetsägare", "medborgardialoger",
           "insatser mot langning av alkohol", "utbildning i våld i nära relationer"]
PLACES = ["Stortorget", "resecentrum", "centralskolan", "idrottsplatsen", "hamnen", "stadsparken",
          "köpcentrumet", "busstationen", "badplatsen", "biblioteket"]
UNITS = ["tillfällen", "kontroller", "vandringar", "möten", "insatser", "samtal", "utbildningar"]
STATUS = ["done"] * 5 + ["ongoing"] * 2 + ["planned", "delayed", "cancelled"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"tillsammans med {rng.choice(SUBJECTS).lower()} vid {rng.choice(PLACES)}.")


def _folded(key: str, text: str, indent: int) -> list[str]:
    pad = " " * indent
    lines = textwrap.wrap(text, 88 - indent - 2)
    return [f"{pad}{key}: >-", *[f"{pad}  {line}" for line in lines]]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
        if name not in used:
            used.add(name)
            return name


def config_yaml(rng: random.Random, name: str, code: int) -> str:
    out = [f"# Datarot för {name} kommuns brottsförebyggande samverkan med polisen.",
           "municipality:", f"  name: {name} kommun", f'  code: "{code:04d}"',
           f"  county: {rng.choice(COUNTIES)}", f"police_area: Lokalpolisområde {name}", "language: sv",
           "parties:", "  - id: kommun", f"    name: {name} kommun", "    kind: kommun",
           "  - id: polis", f"    name: Polismyndigheten (lokalpolisområde {name})", "    kind: polis",
           "districts:"]
    for district in DISTRICTS:
        out += [f"  - id: {district}", f"    name: {district.capitalize()}",
                *_folded("description", f"Kommundelen {district} i {name}. {_sentence(rng)}", 4)]
    out.append("functions:")
    for ident, title, party in FUNCTIONS:
        out += [f"  - id: {ident}", f"    name: {title}", f"    party: {party}",
                *_folded("description", _sentence(rng), 4)]
    out.append("sources:")
    for year in range(2016, 2027):
        out += [f"  - id: s-uppf{year}", f"    title: Uppföljning av medborgarlöftena {year}",
                f"    url: https://www.{name.lower()}.se/trygghet/{year}", f"    published: {year}-12-15"]
    return "\n".join(out) + "\n"


def agreement_yaml(rng: random.Random, start: int, end: int) -> str:
    out = [f"id: so-{start}-{end}", f"title: Samverkansöverenskommelse {start}–{end}",
           "period:", f"  start: {start}-01-01", f"  end: {end}-12-31", "parties: [kommun, polis]",
           "signed:", f"  date: {start}-01-{rng.randint(10, 28)}",
           "  roles: [kommundirektör, lokalpolisområdeschef]", "priority_areas:"]
    for ident, title in AREAS:
        out += [f"  - id: pa-{ident}-{start}", f"    title: {title}",
                *_folded("description", " ".join(_sentence(rng) for _ in range(3)), 4),
                "    responsible: [trygghetssamordnare, kommunpolis]"]
    return "\n".join(out) + "\n"


def pledges_yaml(rng: random.Random, first: int, last: int, agreement: int) -> str:
    start, end = AGREEMENTS[agreement]
    out = [f"id: ml-{first}-{last}", f"title: Medborgarlöften {first}–{last}", "period:",
           f"  start: {first}-01-01", f"  end: {last}-12-31", f"agreement: so-{start}-{end}",
           "parties: [kommun, polis]", "signed:", f'  date: "{first}-02"', "situation_picture:",
           *_folded("summary", " ".join(_sentence(rng) for _ in range(4)), 2), "pledges:"]
    for index, (ident, _title) in enumerate(AREAS, 1):
        out += [f"  - id: ml-{first}-{index}", *_folded("text", _sentence(rng), 4),
                "    parties: [kommun, polis]", f"    areas: [pa-{ident}-{start}]"]
    return "\n".join(out) + "\n"


def _target(rng: random.Random, first: int, last: int) -> list[str]:
    value = rng.randint(2, 40)
    out = ["      - id: t1", "        kind: at_least", f"        text: Minst {value} {rng.choice(UNITS)}",
           f"        value: {value}", f"        unit: {rng.choice(UNITS)}", "        outcomes:"]
    for year in range(first, last + 1):
        out += [f"          - value: {rng.randint(0, 50)}", f"            date: {year}-12-31",
                "            kind: final" if year == last else "            kind: interim",
                f"            source: s-uppf{year}"]
    return out


def activity_yaml(rng: random.Random, first: int, last: int, number: int,
                  text: tuple[str, str] | None = None) -> list[str]:
    """One activity; `text` (title, description) gives the long shape's longer text."""
    status = rng.choice(STATUS)
    owners = rng.sample([f[0] for f in FUNCTIONS], rng.randint(1, 3))
    title, description = text or (rng.choice(OBJECTS).capitalize(),
                                  " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
    out = [f"  - id: a{first}-{number:03d}", f"    title: {title}",
           *_folded("description", description, 4),
           f"    pledges: [ml-{first}-{rng.randint(1, len(AREAS))}]", f"    owners: [{', '.join(owners)}]",
           "    parties: [kommun, polis]", f"    districts: [{', '.join(rng.sample(DISTRICTS, 2))}]",
           f"    start: {first}-{rng.randint(1, 6):02d}-01", f"    due: {last}-{rng.randint(7, 12):02d}-28",
           f"    status: {status}"]
    if text is not None:
        out = [f"  # Aktivitet {number}: {title.lower()}", *out[:-1],
               f"    status: {status}  # enligt uppföljningen {last}"]
    if status == "done":
        out.append(f'    completed: "{last}-{rng.randint(7, 12):02d}"')
    if status in ("delayed", "cancelled"):
        out += _folded("reason", _sentence(rng), 4)
    if rng.random() < 0.97:
        out += ["    targets:", *_target(rng, first, last)]
    return out


def _long_texts(rng: random.Random, previous: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """The long shape's activity texts for one period: half carried over with one sentence
    reworded, half new, four to ten sentences each."""
    carried = rng.sample(previous, len(previous) // 2)
    texts = []
    for title, description in carried:
        sentences = description.split(". ")
        sentences[rng.randrange(len(sentences))] = _sentence(rng).rstrip(".")
        texts.append((title, ". ".join(sentences)))
    for _ in range(size - len(carried)):
        words = " ".join(_sentence(rng) for _ in range(rng.randint(4, 10)))
        texts.append((f"{rng.choice(OBJECTS).capitalize()} vid {rng.choice(PLACES)}", words))
    rng.shuffle(texts)
    return texts


def activities_yaml(rng: random.Random, first: int, last: int,
                    texts: list[tuple[str, str]] | None = None) -> str:
    out = [f"# Aktiviteter för medborgarlöftena {first}–{last}.", f"id: al-{first}-{last}",
           f"title: Aktiviteter {first}–{last}", f"pledge_set: ml-{first}-{last}", "activities:"]
    if texts is not None:
        for number, text in enumerate(texts, 1):
            out += activity_yaml(rng, first, last, number, text)
        return "\n".join(out) + "\n"
    for number in range(1, rng.randint(30, 60) + 1):
        out += activity_yaml(rng, first, last, number)
    return "\n".join(out) + "\n"


def write_root(folder: Path, rng: random.Random, name: str, code: int, long: bool = False) -> None:
    for sub in ("agreements", "pledges", "activities"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "trygghet.yaml").write_text(config_yaml(rng, name, code), encoding="utf-8")
    for start, end in AGREEMENTS:
        (folder / "agreements" / f"{start}-{end}.yaml").write_text(agreement_yaml(rng, start, end), "utf-8")
    texts: list[tuple[str, str]] = []
    for first, last, agreement in PERIODS:
        stem = f"{first}-{last}.yaml"
        (folder / "pledges" / stem).write_text(pledges_yaml(rng, first, last, agreement), "utf-8")
        size = {2022: 414, 2024: 413}.get(first, 0) if code == 100 else 0
        texts = _long_texts(rng, texts, size or rng.randint(30, 70)) if long else []
        listed = activities_yaml(rng, first, last, texts if long else None)
        (folder / "activities" / stem).write_text(listed, "utf-8")


def generate(out: Path, municipalities: int, seed: int, shape: str = "short") -> list[Path]:
    """Write the corpus under out; the roots, in order."""
    rng = random.Random(seed)
    used: set[str] = set()
    roots = []
    for index in range(municipalities):
        name = _name(rng, used)
        root = out / f"{index + 1:03d}-{name.lower()}"
        write_root(root, random.Random(rng.getrandbits(64)), name, 100 + index, shape == "long")
        roots.append(root)
    return roots


def git_commit(out: Path, message: str) -> None:
    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    if not (out / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    subprocess.run(["git", "-C", str(out), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(out), *env, "commit", "-q", "-m", message], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--shape", choices=("short", "long"), default="short",
                        help="short: today's corpus; long: long descriptions, many comments, long lists")
    parser.add_argument("--git", action="store_true", help="make the corpus a git repository and commit it")
    args = parser.parse_args()
    roots = generate(args.out, args.municipalities, args.seed, args.shape)
    if args.git:
        git_commit(args.out, "corpus")
    print(f"{len(roots)} data roots in {args.out}")


if __name__ == "__main__":
    main()
