"""Time trygghet's start-up and everyday commands as whole processes, CPU on one core.

    python bench/startup.py [--runs 7] [--corpus DIR] [--big DIR] [--only NAME,...] [--before SRC]

Every command runs pinned to core 0 (`taskset -c 0`) with stdout to /dev/null; the
measure is CPU time (user + system, from `os.wait4`) of the whole process, the least of
--runs runs after one warm-up (which also fills the cache). Ratios are from this one run;
the load average is printed before and after. --corpus is a folder of data roots
(bench/generate.py) for the overview/validate pair; --big a root from
`bench/make_status_root.py --activities 5000` for status warm/cold and site. Without
them those rows are left out. --before SRC (the src/ folder of another checkout, e.g. a
`git worktree add --detach` of the base commit) times every command with that code too
(PYTHONPATH), in the same run, and prints both columns.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
DATA = str(REPO / "data")
AS_OF = "2025-06-30"
REPORTS = ["yearly", "pledges", "status", "agreement", "lagesbild", "council"]


MERGED = "(stdout and stderr into one file)"


def cpu(argv: list[str], env: dict[str, str], cwd: str | None = None) -> float:
    """CPU seconds (user + system) of one run of argv on core 0; argv starting with MERGED
    writes stdout and stderr into one file (a run that replay.py never answers)."""
    merged = argv[0] == MERGED
    with open(os.devnull, "wb") if not merged else tempfile.TemporaryFile() as null:
        proc = subprocess.Popen(["taskset", "-c", "0", *argv[merged:]], stdout=null, stderr=null,
                                env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed ({status}): {' '.join(argv)}")
    return usage.ru_utime + usage.ru_stime


KEPT = "(a copy of the cache a warm status left)"


def best(argv: list[str], env: dict[str, str], runs: int, prepare: list[str] | None = None) -> float:
    """The least CPU of `runs` runs (after one warm-up); `prepare` is removed before each.
    argv starting with KEPT runs with TRYGGHET_CACHE_DIR a fresh copy of the cache that a
    status run of the root (argv[1]) left: every file's validate entry, no site."""
    times = []
    kept = argv[0] == KEPT
    if kept:
        root, argv, cache = argv[1], argv[2:], tempfile.mkdtemp()
        snapshot = cache + "-status"
        cpu([argv[0], "--data", root, "status", "--as-of", AS_OF], {**env, "TRYGGHET_CACHE_DIR": snapshot})
        env = {**env, "TRYGGHET_CACHE_DIR": cache}
    for index in range(runs + 1):
        for path in prepare or []:
            shutil.rmtree(path, ignore_errors=True)
        if kept:
            shutil.rmtree(cache, ignore_errors=True)
            shutil.copytree(snapshot, cache)
        seconds = cpu(argv, env)
        if index:
            times.append(seconds)
    if kept:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(snapshot, ignore_errors=True)
    return min(times)


def commands(args: argparse.Namespace, out: str) -> dict[str, tuple[list[str], list[str] | None]]:
    """Name -> (argv, folders to remove before each run)."""
    tr = str(BIN / "trygghet")
    rows: dict[str, tuple[list[str], list[str] | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "--version": ([tr, "--version"], None),
        "--help": ([tr, "--help"], None),
        "--lang en --help": ([tr, "--lang", "en", "--help"], None),
        "status --help": ([tr, "status", "--help"], None),
        "status": ([tr, "--data", DATA, "status", "--as-of", AS_OF], None),
        "check law": ([tr, "--data", DATA, "check", "law", "--as-of", AS_OF], None),
        "validate": ([tr, "--data", DATA, "validate"], None),
    }
    for kind in REPORTS:
        for fmt in ("md", "html"):
            rows[f"report {kind} {fmt}"] = ([tr, "--data", DATA, "report", kind, "--format", fmt,
                                             "--as-of", AS_OF], None)
    if args.big:
        big, cache = str(args.big), str(Path(args.big) / ".trygghet-cache")
        status = [tr, "--data", big, "status", "--as-of", AS_OF]
        rows["big: status cold"] = (status, [cache])
        rows["big: status warm"] = (status, None)
        rows["big: status warm, not replayed"] = ([MERGED, *status], None)
        site = [tr, "--data", big, "site", "-o", f"{out}/site", "--force", "--as-of", AS_OF]
        rows["big: site"] = (site, None)
        rows["big: site cold"] = (site, [cache])
        rows["big: site warm, built again"] = ([KEPT, big, *site], None)
    if args.corpus:
        rows["corpus: validate warm"] = ([tr, "validate", "-q", str(args.corpus)], None)
        rows["corpus: overview warm"] = ([tr, "overview", str(args.corpus), "--as-of", AS_OF], None)
        first = str(sorted(p for p in Path(args.corpus).iterdir() if p.is_dir() and not p.name.startswith("."))[0])
        status = [tr, "--data", first, "status", "--as-of", AS_OF]
        caches = [str(Path(args.corpus) / ".trygghet-cache"), str(Path(first) / ".trygghet-cache")]
        rows["largest: status cold"] = (status, caches)
        rows["largest: status warm"] = (status, None)
        rows["largest: status warm, not replayed"] = ([MERGED, *status], None)
        site = [tr, "--data", first, "site", "-o", f"{out}/site1", "--force", "--as-of", AS_OF]
        rows["largest: site"] = (site, None)
        rows["largest: site cold"] = (site, caches)
        rows["largest: site warm, built again"] = ([KEPT, first, *site], None)
    return rows


RATIOS = [
    ("--version / python -c pass", "--version", "python -c pass", 4.0),
    ("--help / python -c pass", "--help", "python -c pass", 4.0),
    ("--lang en --help / python -c pass", "--lang en --help", "python -c pass", 4.0),
    ("status / --version", "status", "--version", 1.3),
    ("check law / --version", "check law", "--version", 1.3),
    *[(f"report {k} {f} / --version", f"report {k} {f}", "--version", 1.3)
      for k in REPORTS for f in ("md", "html")],
    ("big: status warm / cold", "big: status warm", "big: status cold", 0.3),
    ("big: status warm, not replayed / cold", "big: status warm, not replayed", "big: status cold", 0.3),
    ("big: site / status warm", "big: site", "big: status warm", 4.0),
    ("big: site / status warm, not replayed", "big: site", "big: status warm, not replayed", 4.0),
    ("big: site / status cold", "big: site", "big: status cold", 4.0),
    ("big: site cold / status cold", "big: site cold", "big: status cold", 4.0),
    ("big: site warm, built again / status warm, not replayed", "big: site warm, built again",
     "big: status warm, not replayed", 4.0),
    ("largest: status warm / cold", "largest: status warm", "largest: status cold", 0.3),
    ("largest: status warm, not replayed / cold", "largest: status warm, not replayed",
     "largest: status cold", 0.3),
    ("largest: site / status warm", "largest: site", "largest: status warm", 4.0),
    ("largest: site / status warm, not replayed", "largest: site", "largest: status warm, not replayed",
     4.0),
    ("largest: site / status cold", "largest: site", "largest: status cold", 4.0),
    ("largest: site cold / status cold", "largest: site cold", "largest: status cold", 4.0),
    ("largest: site warm, built again / status warm, not replayed", "largest: site warm, built again",
     "largest: status warm, not replayed", 4.0),
    ("corpus: overview / validate, warm", "corpus: overview warm", "corpus: validate warm", 2.0),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--big", type=Path)
    parser.add_argument("--only", default="", help="comma-separated row names (substrings)")
    parser.add_argument("--before", type=Path, help="src/ of the code to compare with")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CI")}
    env["COLUMNS"] = "80"
    sides = {"now": env}
    if args.before:
        sides = {"before": {**env, "PYTHONPATH": str(args.before.resolve())}, "now": env}
    print(f"load before: {os.getloadavg()}")
    results: dict[str, dict[str, float]] = {side: {} for side in sides}
    with tempfile.TemporaryDirectory() as out:
        for name, (argv, prepare) in commands(args, out).items():
            if args.only and name not in ("python -c pass", "--version") and not any(
                    word in name for word in args.only.split(",")):
                continue
            runs = max(2, args.runs // 3) if name.startswith(("big", "corpus")) else args.runs
            for side, side_env in sides.items():
                results[side][name] = best(argv, side_env, runs, prepare)
            shown = "  ".join(f"{side} {results[side][name] * 1000:9.1f} ms" for side in sides)
            print(f"{name:28} {shown}", flush=True)
    print(f"load after: {os.getloadavg()}")
    print(f"\n| ratio | {' | '.join(sides)} | target |\n|---|{'---|' * len(sides)}---|")
    for label, top, bottom, target in RATIOS:
        if all(top in r and bottom in r for r in results.values()):
            ratios = [r[top] / r[bottom] for r in results.values()]
            mark = "met" if ratios[-1] <= target else "not met"
            print(f"| {label} | {' | '.join(f'{x:.2f}' for x in ratios)} | ≤ {target} ({mark}) |")


if __name__ == "__main__":
    main()
