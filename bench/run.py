"""Benchmark trygghet at national scale, as whole processes, in one run.

    python bench/run.py [--municipalities 290] [--work DIR] [--runs 5] [--heavy-runs 3]

Writes (or reuses) a corpus with bench/generate.py as a git repository, then times
with hyperfine (JSON exports in WORK/results/): trygghet validate over the whole
corpus cold (cache removed before each run) and warm (nothing changed);
trygghet status, report yearly --format html and diff --git on one municipality;
trygghet --version and --help; and two references on the same files:
check-jsonschema with the same schemas (bundled into self-contained copies) and a
bare parse with ruamel's C safe loader. Also measures the peak memory of the cold
national validate (all its processes together, and the largest one). Prints
medians and ratios as Markdown; --write appends them to bench/RESULTS.md.
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


def bundle_schemas(out: Path) -> dict[str, Path]:
    """Self-contained copies of the schemas: common's definitions copied into each and every
    `common.schema.json#/$defs/x` (and common's own `#/$defs/x`) pointed at the copy."""
    schemas = REPO / "schemas"
    common = json.loads((schemas / "common.schema.json").read_text(encoding="utf-8"))

    def rewrite(node: object) -> object:
        if isinstance(node, dict):
            result = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str) and "$defs/" in value:
                    file, _, pointer = value.partition("#")
                    if file in ("", "common.schema.json") and pointer.startswith("/$defs/"):
                        value = "#/$defs/common." + pointer.removeprefix("/$defs/")
                result[key] = rewrite(value)
            return result
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    shared = {f"common.{name}": rewrite(body) for name, body in common["$defs"].items()}
    out.mkdir(parents=True, exist_ok=True)
    bundled = {}
    for kind, name in (("config", "config"), ("agreements", "agreement"), ("pledges", "pledges"),
                       ("activities", "activities")):
        body = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
        refs = json.dumps(body).split('"$ref": ')[1:]
        if any(not ref.startswith(('"common.schema.json#/$defs/', '"#/$defs/')) for ref in refs):
            raise SystemExit(f"{name}: a $ref this bundler does not handle")
        own = body.pop("$defs", {})
        body = rewrite(body)
        body["$defs"] = {**{k: rewrite(v) for k, v in own.items()}, **shared}
        target = out / f"{name}.schema.json"
        target.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=None, help="corpus and results (default: /tmp)")
    parser.add_argument("--runs", type=int, default=10, help="runs of the fast commands")
    parser.add_argument("--heavy-runs", type=int, default=3, help="runs of the national commands")
    parser.add_argument("--write", action="store_true", help="append the results to bench/RESULTS.md")
    args = parser.parse_args()
    work = args.work or Path("/tmp") / f"trygghet-bench-{args.municipalities}"
    corpus, results = work / "corpus", work / "results"
    results.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("TRYGGHET_CACHE_DIR", None)
    env.pop("TRYGGHET_NO_CACHE", None)
    tool = f"{python} -m trygghet_cli"
    checker = Path(python).with_name("check-jsonschema")

    if not (corpus / ".git").is_dir():
        shutil.rmtree(corpus, ignore_errors=True)
        generate.generate(corpus, args.municipalities, args.seed)
        generate.git_commit(corpus, "corpus")
        by_kind = files_by_kind(corpus)
        change_one_percent(corpus, by_kind["activities"])
    by_kind = files_by_kind(corpus)
    every = [p for kind in by_kind.values() for p in kind]
    size = sum(p.stat().st_size for p in every)
    roots = sorted(p.parent for p in corpus.glob("*/trygghet.yaml"))
    one = roots[0]
    changed_root = next(r for r in roots if (corpus / ".git").exists()
                        and subprocess.run(["git", "-C", str(corpus), "diff", "--quiet", "HEAD~1", "HEAD",
                                            "--", r.name]).returncode == 1)
    schemas = bundle_schemas(work / "schemas")
    references = work / "check-jsonschema.sh"
    references.write_text("set -e\n" + "".join(
        f"{shlex.quote(str(checker))} --schemafile {shlex.quote(str(schemas[kind]))} "
        f"{' '.join(shlex.quote(str(p)) for p in paths)} > /dev/null\n" for kind, paths in by_kind.items()))
    names = work / "files.txt"
    names.write_text("\0".join(str(p) for p in every))
    bare = work / "bare_parse.py"
    bare.write_text(BARE_PARSE)
    cache = corpus / ".trygghet-cache"
    heavy, fast = args.heavy_runs, args.runs

    timings = {
        "validate-cold": hyperfine("validate-cold", f"{tool} validate -q {corpus}", results, heavy,
                                   prepare=f"rm -rf {cache}", env=env),
        "validate-warm": hyperfine("validate-warm", f"{tool} validate -q {corpus}", results, heavy,
                                   warmup=1, env=env),
        "check-jsonschema": hyperfine("check-jsonschema", f"sh {references}", results, heavy, env=env),
        "bare-parse": hyperfine("bare-parse", f"{python} {bare} {names}", results, heavy, env=env),
        "version": hyperfine("version", f"{tool} --version", results, fast, warmup=3, env=env),
        "help": hyperfine("help", f"{tool} --help", results, fast, warmup=3, env=env),
        "status-one": hyperfine("status-one", f"{tool} --data {one} status", results, fast, warmup=3,
                                env=env),
        "report-yearly-html": hyperfine(
            "report-yearly-html", f"{tool} --data {one} report yearly --year 2024 --format html "
            f"-o {work / 'yearly.html'}", results, fast, warmup=3, env=env),
        "diff-git": hyperfine("diff-git", f"{tool} --data {changed_root} diff --git HEAD~1..HEAD", results,
                              fast, warmup=3, env=env),
        "validate-bundled": hyperfine("validate-bundled", f"{tool} validate -q", results, fast, warmup=3,
                                      env=env),
    }
    shutil.rmtree(cache, ignore_errors=True)
    tree_kb, largest_kb = peak_memory([python, "-m", "trygghet_cli", "validate", "-q", str(corpus)], env)
    report = render(timings, machine(), args, size, len(every), len(roots), tree_kb, largest_kb, one,
                    changed_root)
    print(report)
    (results / "summary.md").write_text(report, encoding="utf-8")
    if args.write:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write("\n" + report)


def render(t: dict[str, dict[str, float]], box: dict[str, str], args: argparse.Namespace, size: int,
           files: int, roots: int, tree_kb: int, largest_kb: int, one: Path, changed: Path) -> str:
    def ms(name: str) -> str:
        return f"{t[name]['median'] * 1000:,.0f} ms"

    def ratio(a: str, b: str) -> float:
        return t[b]["median"] / t[a]["median"]

    rows = [
        ("validate, whole corpus, cold (cache removed)", "validate-cold"),
        ("validate, whole corpus, warm (nothing changed)", "validate-warm"),
        ("check-jsonschema, same schemas, same files", "check-jsonschema"),
        ("bare parse, ruamel C safe loader, same files", "bare-parse"),
        (f"status, one municipality ({one.name})", "status-one"),
        ("report yearly --format html, one municipality", "report-yearly-html"),
        (f"diff --git HEAD~1..HEAD, one municipality ({changed.name})", "diff-git"),
        ("validate, bundled data (13 files, warm)", "validate-bundled"),
        ("--version", "version"),
        ("--help", "help"),
    ]
    table = "\n".join(f"| {label} | {ms(name)} | {t[name]['user'] + t[name]['system']:.2f} s | "
                      f"{t[name]['runs']} |" for label, name in rows)
    checks = [  # (target, measured, met)
        ("validate cold is ≥ 2× faster than check-jsonschema", ratio("validate-cold", "check-jsonschema"),
         ratio("validate-cold", "check-jsonschema") >= 2),
        ("warm validate is ≥ 10× faster than cold", ratio("validate-warm", "validate-cold"),
         ratio("validate-warm", "validate-cold") >= 10),
        ("status on one municipality is within 1.5× of --version", ratio("status-one", "version") ** -1,
         ratio("status-one", "version") ** -1 <= 1.5),
    ]
    verdicts = "\n".join(f"| {label} | {value:.2f}× | {'met' if met else 'NOT met'} |"
                         for label, value, met in checks)
    extra = t["validate-bundled"]["median"] - t["help"]["median"]
    return textwrap.dedent(f"""\
        ## {box['date']}: {args.municipalities} municipalities

        Machine: {box['nproc']} CPUs ({box['cpu']}), {box['ram']} RAM, Python {box['python']},
        {box['os']}; load average at the end {box['load']}.
        Corpus: {roots} data roots, {files} files, {size / 1e6:.1f} MB of YAML (seed {args.seed});
        a git repository whose last commit changes every hundredth activity file.
        Command: `python bench/run.py --municipalities {args.municipalities} --runs {args.runs} \
--heavy-runs {args.heavy_runs}`; hyperfine exports in `{(args.work or Path('/tmp'))}`.

        | what | median (wall) | CPU (user+sys, mean) | runs |
        |---|---|---|---|
        """) + table + textwrap.dedent("""


        | target | measured | |
        |---|---|---|
        """) + verdicts + textwrap.dedent(f"""
        | peak memory of the cold national validate < 1 GB | {tree_kb / 1024:,.0f} MB all processes, \
{largest_kb / 1024:,.0f} MB largest | {'met' if tree_kb < 1024 * 1024 else 'NOT met'} |
        | validate on the bundled data < 0.25 s more than --help | {extra * 1000:+,.0f} ms | \
{'met' if extra < 0.25 else 'NOT met'} |
        """)


if __name__ == "__main__":
    main()
