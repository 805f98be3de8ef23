"""Benchmark trygghet at national scale, as whole processes, in one run, on two corpus shapes.

    python bench/run.py [--municipalities 290] [--shapes short,long] [--work DIR] [--runs 5]
                        [--heavy-runs 1] [--before REV] [--write]

For each shape (bench/generate.py: `short`, today's corpus, and `long`, long descriptions
and many comments) writes (or reuses) a corpus as a git repository, then times with
hyperfine (JSON exports in WORK/results/), every command pinned to one core
(`taskset -c 0`) unless its name says "all cores": trygghet validate over the whole corpus
cold (cache removed before each run; also on all cores) and warm (nothing changed);
status and a period diff (`diff activities 2022-2023 2024-2025`) of the first, largest root;
check-jsonschema with the same schemas (bundled into self-contained copies), yamllint with its
default configuration over the same files, a bare parse of the same files with ruamel's C
safe loader and one with PyYAML's CSafeLoader; and on the
short shape trygghet --version, validate of the bundled data, status and report yearly.
With --before REV, also validate cold and warm with the code of REV (git archive).
Measures the peak memory of the cold national validate (all its processes together, and
the largest one) and the load average before, during and after. Modules are compiled
first (PYTHONDONTWRITEBYTECODE is dropped), as in an installed package. CPU time
(user+sys) on one core is the measure: the machine may be shared. Prints the ratios as
Markdown; --write appends them to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BARE_PARSE = """\
import sys
from ruamel.yaml import YAML

yaml = YAML(typ="safe")
assert "CParser" in str(yaml.Parser), yaml.Parser
count = 0
for name in open(sys.argv[1], encoding="utf-8").read().split("\\0"):
    if name:
        with open(name, "rb") as handle:
            yaml.load(handle)
        count += 1
print(count, "files parsed")
"""

PYYAML_PARSE = """\
import sys
import yaml

count = 0
for name in open(sys.argv[1], encoding="utf-8").read().split("\\0"):
    if name:
        with open(name, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
        count += 1
print(count, "files parsed")
"""
ONE_CORE = "taskset -c 0 "


def bundle_schemas(out: Path) -> dict[str, Path]:
    """Self-contained copies of the schemas: every definition or part of another schema that
    a schema refers to (`common.schema.json#/$defs/x`, `activities.schema.json#/properties/..`,
    its own `#/$defs/x`, and what those refer to in turn) copied into its `$defs` under the
    name of the file and the pointer, and each `$ref` pointed at the copy."""
    schemas = REPO / "schemas"
    bodies: dict[str, Any] = {}

    def body_of(name: str) -> Any:
        if name not in bodies:
            bodies[name] = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
        return bodies[name]

    def bundle(home: str) -> Any:
        wanted: list[tuple[str, str]] = []  # (file, pointer) still to copy
        copies: dict[str, Any] = {}

        def rewrite(node: object, where: str) -> object:
            if isinstance(node, dict):
                result = {}
                for key, value in node.items():
                    if key == "$ref" and isinstance(value, str):
                        file, _, pointer = value.partition("#")
                        target = file.removesuffix(".schema.json") if file else where
                        if file and not (schemas / file).is_file() or not pointer.startswith("/"):
                            raise SystemExit(f"{home}: a $ref this bundler does not handle: {value}")
                        wanted.append((target, pointer))
                        value = "#/$defs/" + target + pointer.replace("/", ".")
                    result[key] = rewrite(value, where)
                return result
            if isinstance(node, list):
                return [rewrite(item, where) for item in node]
            return node

        body = dict(body_of(home))
        body.pop("$defs", None)
        body = rewrite(body, home)
        while wanted:
            target, pointer = wanted.pop()
            name = target + pointer.replace("/", ".")
            if name in copies:
                continue
            node = body_of(target)
            for part in pointer.strip("/").split("/"):
                node = node[int(part)] if isinstance(node, list) else node[part]
            copies[name] = None  # reserved before the rewrite: a definition may refer to itself
            copies[name] = rewrite(node, target)
        body["$defs"] = copies
        return body

    out.mkdir(parents=True, exist_ok=True)
    bundled = {}
    for kind, name in (("config", "config"), ("agreements", "agreement"), ("pledges", "pledges"),
                       ("activities", "activities")):
        target = out / f"{name}.schema.json"
        target.write_text(json.dumps(bundle(name), ensure_ascii=False, indent=1), encoding="utf-8")
        bundled[kind] = target
    return bundled


def files_by_kind(corpus: Path) -> dict[str, list[Path]]:
    roots = sorted(p.parent for p in corpus.glob("*/trygghet.yaml"))
    found: dict[str, list[Path]] = {"config": [r / "trygghet.yaml" for r in roots]}
    for kind in ("agreements", "pledges", "activities"):
        found[kind] = sorted(p for r in roots for p in (r / kind).glob("*.yaml"))
    return found


def change_one_percent(corpus: Path, files: list[Path]) -> list[Path]:
    """Change every hundredth activity file (a status and an outcome) and commit it."""
    changed = files[::100]
    for path in changed:
        text = path.read_text(encoding="utf-8")
        text = text.replace("status: planned", "status: ongoing", 1).replace("value: 1", "value: 2", 1)
        path.write_text(text, encoding="utf-8")
    generate.git_commit(corpus, "change 1 % of the files")
    return changed


class LoadSampler:
    """The 1-minute load average every few seconds while a shape is measured: min, mean, max."""

    def __init__(self, every: float = 5.0) -> None:
        self.samples: list[float] = []
        self.every = every
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.is_set():
            self.samples.append(os.getloadavg()[0])
            self.done.wait(self.every)

    def stop(self) -> tuple[float, float, float]:
        self.done.set()
        self.thread.join()
        return min(self.samples), sum(self.samples) / len(self.samples), max(self.samples)


class TreeMemory:
    """Peak resident memory of a process and all its descendants together (from /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self.done = False
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        pids, seen = [self.pid], set()
        while pids:
            pid = pids.pop()
            seen.add(pid)
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            pids.extend(int(c) for c in children if int(c) not in seen)
        return list(seen)

    def _rss(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _watch(self) -> None:
        while not self.done:
            self.peak_kb = max(self.peak_kb, sum(self._rss(p) for p in self._tree()))
            time.sleep(0.02)

    def stop(self) -> int:
        self.done = True
        self.thread.join()
        return self.peak_kb


def peak_memory(command: list[str], env: dict[str, str]) -> tuple[int, int]:
    """(all processes together, largest single process) peak RSS in kB of one run."""
    timed = ["/usr/bin/time", "-f", "%M", *command] if Path("/usr/bin/time").exists() else command
    proc = subprocess.Popen(timed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watch = TreeMemory(proc.pid)
    _, err = proc.communicate()
    tree = watch.stop()
    largest = int(err.strip().splitlines()[-1]) if timed is not command else 0
    return tree, largest


def hyperfine(name: str, command: str, results: Path, runs: int, *, warmup: int = 0,
              prepare: str | None = None, env: dict[str, str]) -> dict[str, float]:
    export = results / f"{name}.json"
    args = ["hyperfine", "-N", "--runs", str(runs), "--warmup", str(warmup), "--export-json", str(export),
            "--command-name", name, "--style", "basic"]
    if prepare:
        args += ["--prepare", prepare]
    print(f"$ {shlex.join([*args, command])}", flush=True)
    subprocess.run([*args, command], check=True, env=env, stdout=subprocess.DEVNULL)
    result = json.loads(export.read_text())["results"][0]
    return {"median": result["median"], "mean": result["mean"], "min": result["min"],
            "user": result["user"], "system": result["system"], "runs": len(result["times"]),
            "command": command}


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    load = os.getloadavg()
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "ram": f"{int(ram) / 1024 / 1024:.1f} GiB",
            "python": platform.python_version(), "os": platform.platform(),
            "load": f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}",
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def _corpus(work: Path, shape: str, municipalities: int, seed: int) -> Path:
    corpus = work / f"corpus-{shape}"
    if not (corpus / ".git").is_dir():
        shutil.rmtree(corpus, ignore_errors=True)
        generate.generate(corpus, municipalities, seed, shape)
        generate.git_commit(corpus, "corpus")
        change_one_percent(corpus, files_by_kind(corpus)["activities"])
    return corpus


def _before(work: Path, rev: str) -> Path:
    """The src/ folder of the code of rev, unpacked from git."""
    target = work / f"before-{rev}"
    if not (target / "src").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        parts = ["src", "schemas", "templates", "data"]
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, *parts], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(target / "src")], check=True)
    return target / "src"


def measure_shape(shape: str, args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Time every command on one corpus shape; the timings and the corpus's size."""
    python = sys.executable
    corpus = _corpus(work, shape, args.municipalities, args.seed)
    results = work / "results" / shape
    results.mkdir(parents=True, exist_ok=True)
    tool = f"{python} -m trygghet_cli"
    checker = Path(python).with_name("check-jsonschema")
    by_kind = files_by_kind(corpus)
    every = [p for kind in by_kind.values() for p in kind]
    roots = sorted(p.parent for p in corpus.glob("*/trygghet.yaml"))
    one = roots[0]
    schemas = bundle_schemas(work / "schemas")
    references = work / f"check-jsonschema-{shape}.sh"
    references.write_text("set -e\n" + "".join(
        f"{shlex.quote(str(checker))} --schemafile {shlex.quote(str(schemas[kind]))} "
        f"{' '.join(shlex.quote(str(p)) for p in paths)} > /dev/null\n" for kind, paths in by_kind.items()))
    linter = Path(python).with_name("yamllint")
    if not linter.exists():
        raise SystemExit(f"{linter} is missing: pip install -e '.[test]' brings yamllint")
    lint = work / f"yamllint-{shape}.sh"
    # Its default configuration, its standard output discarded; it exits 1 on the problems it
    # finds (line length, document start), which is not a failure of the run.
    lint.write_text(f"{shlex.quote(str(linter))} -f parsable "
                    f"{' '.join(shlex.quote(str(p)) for p in every)} > /dev/null || true\n")
    names = work / f"files-{shape}.txt"
    names.write_text("\0".join(str(p) for p in every))
    (work / "ruamel_parse.py").write_text(BARE_PARSE)
    (work / "pyyaml_parse.py").write_text(PYYAML_PARSE)
    cache = corpus / ".trygghet-cache"
    heavy, fast = args.heavy_runs, args.runs
    load_before = os.getloadavg()
    during = LoadSampler()

    def run(name: str, command: str, runs: int, **extra: Any) -> dict[str, float]:
        return hyperfine(name, command, results, runs, env=extra.pop("env", env), **extra)

    t = {
        "validate-cold": run("validate-cold", f"{ONE_CORE}{tool} validate -q {corpus}", heavy,
                             prepare=f"rm -rf {cache}"),
        "validate-cold-all": run("validate-cold-all", f"{tool} validate -q {corpus}", heavy,
                                 prepare=f"rm -rf {cache}"),
        "validate-warm": run("validate-warm", f"{ONE_CORE}{tool} validate -q {corpus}", heavy, warmup=1),
        "check-jsonschema": run("check-jsonschema", f"{ONE_CORE}sh {references}", heavy),
        "yamllint": run("yamllint", f"{ONE_CORE}sh {lint}", heavy),
        "ruamel-parse": run("ruamel-parse", f"{ONE_CORE}{python} {work / 'ruamel_parse.py'} {names}", heavy),
        "pyyaml-parse": run("pyyaml-parse", f"{ONE_CORE}{python} {work / 'pyyaml_parse.py'} {names}", heavy),
        "status-largest": run("status-largest", f"{ONE_CORE}{tool} --data {one} status", fast, warmup=1),
        "diff-period-largest": run("diff-period-largest", f"{ONE_CORE}{tool} --data {one} diff activities "
                                   "2022-2023 2024-2025", fast, warmup=1),
    }
    if args.before:
        old = {**env, "PYTHONPATH": str(_before(work, args.before))}
        t["before-cold"] = run("before-cold", f"{ONE_CORE}{tool} validate -q {corpus}", heavy,
                               prepare=f"rm -rf {cache}", env=old)
        t["before-warm"] = run("before-warm", f"{ONE_CORE}{tool} validate -q {corpus}", heavy, warmup=1,
                               env=old)
    if shape == "short":
        t["version"] = run("version", f"{ONE_CORE}{tool} --version", fast, warmup=3)
        t["validate-bundled"] = run("validate-bundled", f"{ONE_CORE}{tool} validate -q", fast, warmup=3)
        t["status-one"] = run("status-one", f"{ONE_CORE}{tool} --data {one} status", fast, warmup=3)
        t["report-one"] = run("report-one", f"{ONE_CORE}{tool} --data {one} report yearly --year 2024 "
                              f"--format html -o {work / 'yearly.html'}", fast, warmup=3)
    shutil.rmtree(cache, ignore_errors=True)
    tree_kb, largest_kb = peak_memory([python, "-m", "trygghet_cli", "validate", "-q", str(corpus)], env)
    cache_size = 0
    run("fill-cache", f"{tool} validate -q {corpus}", 1)
    cache_size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    return {"t": t, "files": len(every), "roots": len(roots), "size": sum(p.stat().st_size for p in every),
            "activities": sum(p.read_text(encoding="utf-8").count("\n  - id: a")
                              for p in by_kind["activities"]),
            "largest": one.name, "tree_kb": tree_kb, "largest_kb": largest_kb, "cache": cache_size,
            "load": (load_before, os.getloadavg()), "during": during.stop()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--shapes", default="short,long")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=None, help="corpus and results (default: /tmp)")
    parser.add_argument("--runs", type=int, default=5, help="runs of the fast commands")
    parser.add_argument("--heavy-runs", type=int, default=1, help="runs of the national commands")
    parser.add_argument("--before", default=None,
                        help="also time validate with the code of this git revision")
    parser.add_argument("--write", action="store_true", help="append the results to bench/RESULTS.md")
    args = parser.parse_args()
    work = args.work or Path("/tmp") / f"trygghet-bench-{args.municipalities}"
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("TRYGGHET_CACHE_DIR", None)
    env.pop("TRYGGHET_NO_CACHE", None)
    # An installed package has its modules compiled; without this every process would compile
    # them again (a tenth of a second, most of a small command's time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
    box = machine()
    shapes = {shape: measure_shape(shape, args, work, env) for shape in args.shapes.split(",")}
    report = render(shapes, box, args, work)
    print(report)
    (work / "results" / "summary.md").write_text(report, encoding="utf-8")
    if args.write:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write("\n" + report)


def _cpu(t: dict[str, dict[str, float]], name: str) -> float:
    return t[name]["user"] + t[name]["system"]


LABELS = {
    "validate-cold": "validate, whole corpus, cold (cache removed)",
    "validate-cold-all": "validate, whole corpus, cold, all cores",
    "validate-warm": "validate, whole corpus, warm (nothing changed)",
    "before-cold": "validate cold, code before this work",
    "before-warm": "validate warm, code before this work",
    "check-jsonschema": "check-jsonschema, same schemas, same files",
    "yamllint": "yamllint, default configuration, same files",
    "ruamel-parse": "bare parse, ruamel C safe loader, same files",
    "pyyaml-parse": "bare parse, PyYAML CSafeLoader, same files",
    "status-largest": "status, largest root",
    "diff-period-largest": "diff activities 2022-2023 2024-2025, largest root",
    "version": "--version",
    "validate-bundled": "validate, bundled data (warm)",
    "status-one": "status, bundled-size root",
    "report-one": "report yearly --format html, one root",
}


def _shape_section(shape: str, m: dict[str, Any]) -> str:
    t = m["t"]
    rows = "\n".join(f"| {LABELS[name]} | {t[name]['median'] * 1000:,.0f} ms | {_cpu(t, name):.2f} s | "
                     f"{t[name]['runs']} |" for name in LABELS if name in t)
    cold = _cpu(t, "validate-cold")
    ratios = [("cold validate / check-jsonschema (CPU)", cold / _cpu(t, "check-jsonschema"), "≤ 0.2"),
              ("cold validate / yamllint, default configuration", cold / _cpu(t, "yamllint"), "—"),
              ("cold validate / bare ruamel C-safe parse", cold / _cpu(t, "ruamel-parse"), "—"),
              ("cold validate / bare PyYAML CSafeLoader parse", cold / _cpu(t, "pyyaml-parse"),
               "≤ 1.0 (design 0.5)"),
              ("warm / cold", _cpu(t, "validate-warm") / cold, "≤ 0.05"),
              ("diff of the largest root / status on it", _cpu(t, "diff-period-largest") /
               _cpu(t, "status-largest"), "≤ 2")]
    if "before-cold" in t:
        before = _cpu(t, "before-cold")
        ratios[1:1] = [("before: cold validate / check-jsonschema (CPU)",
                        before / _cpu(t, "check-jsonschema"), ""),
                       ("before: cold validate / yamllint, default configuration",
                        before / _cpu(t, "yamllint"), ""),
                       ("before: cold validate / bare PyYAML CSafeLoader parse",
                        before / _cpu(t, "pyyaml-parse"), ""),
                       ("before: warm / cold", _cpu(t, "before-warm") / before, "")]
    if "version" in t:
        version = _cpu(t, "version")
        ratios += [(f"{name} / --version (CPU)", _cpu(t, name) / version, "≤ 1.3")
                   for name in ("validate-bundled", "status-one", "report-one")]
    table = "\n".join(f"| {label} | {value:.2f} | {target} |" for label, value, target in ratios)
    (b1, b5, _), (a1, a5, _) = m["load"]
    return textwrap.dedent(f"""\
        ### Shape `{shape}`: {m['roots']} roots, {m['files']:,} files, {m['size'] / 1e6:.1f} MB, \
{m['activities']:,} activities (largest root {m['largest']})

        Load average (1 min, 5 min) before {b1:.1f} {b5:.1f}, after {a1:.1f} {a5:.1f}; during the run \
(1 min, every 5 s) min {m['during'][0]:.1f}, mean {m['during'][1]:.1f}, max {m['during'][2]:.1f}.
        Peak memory of the cold validate (all cores): {m['tree_kb'] / 1024:,.0f} MB all processes,
        {m['largest_kb'] / 1024:,.0f} MB the largest. Cache after a cold run: {m['cache'] / 1e6:,.1f} MB.

        | what (one core unless said) | median (wall) | CPU (user+sys, mean) | runs |
        |---|---|---|---|
        """) + rows + textwrap.dedent("""


        | ratio (CPU, one core) | measured | target |
        |---|---|---|
        """) + table + "\n"


def render(shapes: dict[str, dict[str, Any]], box: dict[str, str], args: argparse.Namespace,
           work: Path) -> str:
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip() or "?"
    head = textwrap.dedent(f"""\
        ## {box['date']}: {args.municipalities} municipalities, shapes {args.shapes}, commit `{commit}`

        Machine: {box['nproc']} CPUs ({box['cpu']}), {box['ram']} RAM, Python {box['python']},
        {box['os']}; load average at the start {box['load']}.
        Command: `python bench/run.py --municipalities {args.municipalities} --shapes {args.shapes} \
--runs {args.runs} --heavy-runs {args.heavy_runs}{' --before ' + args.before if args.before else ''}`;
        hyperfine exports in `{work / 'results'}`.

        """)
    return head + "\n".join(_shape_section(shape, m) for shape, m in shapes.items())


if __name__ == "__main__":
    main()
