"""Write a deterministic synthetic data root with many activities, for timing `trygghet status`.

    python bench/make_status_root.py /tmp/status-root --activities 2000
    hyperfine --warmup 2 'trygghet --data /tmp/status-root status --as-of 2025-06-30 >/dev/null'

The YAML is written as text (no YAML library) so the output is byte-for-byte stable. All
names are invented; no personal data.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

DISTRICTS = ["centrum", "norr", "soder", "oster", "vaster"]
FUNCTIONS = [("trygghetssamordnare", "kommun"), ("kommunpolis", "polis"), ("faltare", "kommun"),
             ("omradespolis", "polis"), ("fritidsgardar", "kommun")]
AREAS = ["pa-unga", "pa-trafik", "pa-miljo", "pa-vald"]
PLEDGES = 12
STATUSES = ["planned", "ongoing", "done", "delayed", "cancelled", None]
START, END = date(2024, 1, 1), date(2025, 12, 31)


def _config() -> str:
    lines = ["municipality:", "  name: Syntetiska kommun", '  code: "9999"', "  county: Testlän",
             "police_area: Lokalpolisområde Syntet", "language: sv", "parties:",
             "  - id: kommun", "    name: Syntetiska kommun", "    kind: kommun",
             "  - id: polis", "    name: Polisen", "    kind: polis", "districts:"]
    for district in DISTRICTS:
        lines += [f"  - id: {district}", f"    name: {district.capitalize()}"]
    lines.append("functions:")
    for function, party in FUNCTIONS:
        lines += [f"  - id: {function}", f"    name: {function.capitalize()}", f"    party: {party}"]
    lines += ["sources:", "  - id: src-uppfoljning", "    title: Syntetisk uppföljning"]
    return "\n".join(lines) + "\n"


def _agreement() -> str:
    lines = ["id: so-2024-2027", "title: Syntetisk överenskommelse 2024–2027", "period:",
             "  start: 2024-01-01", "  end: 2027-12-31", "parties: [kommun, polis]",
             "priority_areas:"]
    for area in AREAS:
        lines += [f"  - id: {area}", f"    title: Område {area[3:]}"]
    return "\n".join(lines) + "\n"


def _pledges() -> str:
    lines = ["id: ml-2024-2025", "title: Syntetiska medborgarlöften 2024–2025", "period:",
             "  start: 2024-01-01", "  end: 2025-12-31", "agreement: so-2024-2027",
             "parties: [kommun, polis]", "pledges:"]
    for n in range(1, PLEDGES + 1):
        lines += [f"  - id: ml-{n}", f"    text: Syntetiskt löfte nummer {n}.",
                  "    parties: [kommun, polis]", f"    areas: [{AREAS[n % len(AREAS)]}]"]
    return "\n".join(lines) + "\n"


def _day(rng: random.Random, low: date = START, high: date = END) -> date:
    return low + timedelta(days=rng.randrange((high - low).days + 1))


def _target(rng: random.Random) -> list[str]:
    kind = rng.choice(["at_least", "exactly", "rate", "qualitative", "change"])
    lines = ["      - id: t1", f"        kind: {kind}", "        text: Syntetiskt mål"]
    if kind in ("at_least", "exactly", "rate"):
        lines.append(f"        value: {rng.randint(1, 20)}")
    if kind == "rate":
        lines.append(f"        per: {rng.choice(['week', 'month'])}")
    if kind == "change":
        lines += ["        value: 10", "        baseline:", "          year: 2023",
                  f"          value: {rng.randint(50, 150)}", "        direction: decrease",
                  "        change_unit: percent"]
    lines.append("        outcomes:")
    for kind_name in ("interim", "final"):
        lines += [f"          - value: {rng.randint(0, 40)}", f"            date: {_day(rng)}",
                  f"            kind: {kind_name}", "            source: src-uppfoljning"]
    return lines


def _activity(rng: random.Random, n: int) -> list[str]:
    status = rng.choice(STATUSES)
    due = _day(rng, date(2024, 3, 1))
    lines = [f"  - id: a-{n:05d}", f"    title: Syntetisk aktivitet {n}",
             f"    pledges: [ml-{rng.randint(1, PLEDGES)}]",
             f"    owners: [{rng.choice(FUNCTIONS)[0]}]", "    parties: [kommun, polis]",
             f"    districts: [{rng.choice(DISTRICTS)}]", f"    due: {due}"]
    if status is not None:
        lines.append(f"    status: {status}")
    if status == "done":
        lines.append(f'    completed: "{due}"')
    if status in ("delayed", "cancelled"):
        lines.append("    reason: Syntetiskt skäl")
    return lines + ["    targets:", *_target(rng)]


def write_root(folder: Path, activities: int, seed: int = 2026) -> None:
    """Write trygghet.yaml, one agreement, one pledge set and one list of `activities`."""
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    for sub in ("agreements", "pledges", "activities"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "trygghet.yaml").write_text(_config(), encoding="utf-8")
    (folder / "agreements" / "2024-2027.yaml").write_text(_agreement(), encoding="utf-8")
    (folder / "pledges" / "2024-2025.yaml").write_text(_pledges(), encoding="utf-8")
    lines = ["id: al-2024-2025", "pledge_set: ml-2024-2025", "activities:"]
    for n in range(1, activities + 1):
        lines += _activity(rng, n)
    (folder / "activities" / "2024-2025.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--activities", type=int, default=2000)
    args = parser.parse_args()
    write_root(args.folder, args.activities)


if __name__ == "__main__":
    main()
