"""RELIABILITY.md section 7, the CLI process itself (P-1 to P-5), partly as real subprocesses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.reliability.conftest import ACTIVITIES, assert_clean, assert_located, snapshot
from tests.reliability.rows import edited


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TRYGGHET", "NO_COLOR"))}
    return {**env, "PYTHONPATH": str(REPO / "src"), **extra}


def _cli(*args: str, **extra: str) -> list[str]:
    return [sys.executable, *(["-O"] if extra.get("optimize") else []), "-m", "trygghet_cli", *args]


def _many_findings(root: Path) -> None:
    """An activity list with a thousand unknown keys: far more output than a pipe buffer holds."""
    extra = b"".join(b"    unknown_%04d: x\n" % n for n in range(1000))
    (root / ACTIVITIES).write_bytes(edited(b"    title: Hastighetskontroller\n",
                                           b"    title: Hastighetskontroller\n" + extra))


def test_p1_an_unexpected_failure_is_one_line_and_exit_70_and_debug_shows_it(run, monkeypatch) -> None:
    from trygghet_cli.validate import schema

    def broken(name: str) -> str:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(schema, "schema_text", broken)
    result = run("schema", "activities")
    assert result.exit_code == 70
    assert result.stderr.splitlines()[0] == "trygghet: internt fel: RuntimeError: simulated bug"
    assert "Traceback" not in result.stderr
    assert "Traceback" in run("--debug", "schema", "activities").stderr


@pytest.mark.parametrize("args", [["schema", "nope"], ["--lang", "fi", "validate"], ["validate", "--x"]])
def test_p1_a_usage_error_is_exit_2_without_traceback(run, args) -> None:
    assert_clean(run(*args), exits=(2,))


def test_p2_validate_piped_into_head_ends_quietly(tmp_path, minimal_root) -> None:
    _many_findings(minimal_root)
    command = " ".join([*_cli("--data", str(minimal_root), "validate")]) + " | head -1"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=_env(),
                          timeout=120, cwd=tmp_path)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize("args", [["schema", "activities"], ["validate"], ["validate", "-f", "json"]])
def test_p2_a_reader_that_closes_the_pipe_first_gets_no_traceback(tmp_path, minimal_root, args) -> None:
    _many_findings(minimal_root)
    child = subprocess.Popen(_cli("--data", str(minimal_root), *args), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=_env(), cwd=tmp_path)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    assert child.wait(timeout=120) == 0
    assert err == ""


@pytest.mark.parametrize(("encoding", "fmt"), [
    ("latin-1", "text"), ("latin-1", "json"), ("latin-1", "github"), ("latin-1", "junit"), ("ascii", "text")])
def test_p3_an_output_encoding_without_the_characters_is_no_crash(tmp_path, minimal_root, encoding,
                                                                  fmt) -> None:
    (minimal_root / ACTIVITIES).write_bytes(edited(b"status: ongoing", "status: 速度 ✓ – å".encode()))
    done = subprocess.run(_cli("--data", str(minimal_root), "validate", "--format", fmt),
                          capture_output=True, env=_env(PYTHONIOENCODING=encoding), timeout=120,
                          cwd=tmp_path)
    err = done.stderr.decode("latin-1")
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert done.returncode == 1
    assert b"TRY204" in done.stdout


def test_p3_help_in_swedish_under_latin1_is_no_crash(tmp_path) -> None:
    done = subprocess.run(_cli("validate", "--help"), capture_output=True, timeout=120,
                          env=_env(PYTHONIOENCODING="ascii"), cwd=tmp_path)
    assert done.returncode == 0 and b"Traceback" not in done.stderr


def test_p4_every_broken_file_is_reported_and_the_rest_still_checked(run, root) -> None:
    (root / "pledges" / "2024-2025.yaml").write_bytes(b"pledges: [\n")
    (root / "agreements" / "2024-2027.yaml").write_bytes(b"a: 1\na: 2\n")
    (root / ACTIVITIES).write_bytes(edited(b"status: ongoing", b"status: halvklar"))
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(1,))
    assert_located(result, root / "pledges" / "2024-2025.yaml", 2, "TRY101")
    assert_located(result, root / "agreements" / "2024-2027.yaml", 2, "TRY102")
    assert_located(result, root / ACTIVITIES, 32, "TRY204")
    assert snapshot(root) == before


@pytest.mark.parametrize("name", ["data root med mellanslag", "trygghet åäö ÅÄÖ", "-börjar med streck"])
def test_p5_odd_folder_names_work_and_double_dash_ends_the_options(tmp_path, name, run,
                                                                   monkeypatch) -> None:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "minimal", root)
    (root / ACTIVITIES).write_bytes(edited(b"status: ongoing", b"status: halvklar"))
    before = snapshot(root)
    expected = f"{Path(name) / ACTIVITIES}:32:13: error TRY204"
    done = subprocess.run(_cli("--lang", "en", "validate", "--", name), capture_output=True,
                          text=True, env=_env(), timeout=120, cwd=tmp_path)
    assert done.returncode == 1 and expected in done.stdout and "Traceback" not in done.stderr
    monkeypatch.chdir(tmp_path)
    for args in ([f"--data={name}", "validate"], ["validate", "--", str(Path(name) / ACTIVITIES)]):
        result = run("--lang", "en", *args)
        assert_clean(result, exits=(1,))
        assert expected in result.stdout
    assert snapshot(root) == before


def test_p5_a_file_name_starting_with_a_dash_after_double_dash(tmp_path, minimal_root, run,
                                                               monkeypatch) -> None:
    odd = minimal_root / "activities" / "-extra list.yaml"
    odd.write_bytes(b"id: x\n")
    monkeypatch.chdir(minimal_root / "activities")
    result = run("--lang", "en", "validate", "--", "-extra list.yaml")
    assert_clean(result, exits=(1,))
    assert_located(result, Path("-extra list.yaml"), 1, "TRY202")


def test_y6_an_unsupported_yaml_version_is_refused_also_under_python_optimize(tmp_path,
                                                                              minimal_root) -> None:
    target = minimal_root / ACTIVITIES
    target.write_bytes(b"%YAML 1.3\n---\n" + target.read_bytes())
    done = subprocess.run([sys.executable, "-O", "-m", "trygghet_cli", "--data", str(minimal_root),
                           "validate"], capture_output=True, text=True, env=_env(), timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 1 and "TRY101" in done.stdout and "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
@pytest.mark.parametrize("args", [
    ["--version"], ["--help"], ["validate", "--help"], ["validate"], ["validate", "-f", "json"],
    ["status"], ["explain", "TRY101"], ["schema", "activities"], ["report", "status"],
    ["export", "activities", "--format", "csv"], ["overview"], ["fmt", "--check"],
])
def test_p6_a_full_disk_on_stdout_is_one_line_and_exit_3_in_every_command(tmp_path, minimal_root,
                                                                           args) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(_cli("--data", str(minimal_root), *args), stdout=full,
                              stderr=subprocess.PIPE, env=_env(), cwd=tmp_path, timeout=120,
                              check=False)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internt fel" not in err
    assert done.returncode == 3, err
    assert err.splitlines()[0] == (
        "trygghet: utdata kunde inte skrivas: No space left on device")


# A real SIGINT, sent by the process to itself at the moment typer starts to be imported:
# the command line (every command's module) is then loading, which takes a tenth of a second.
_CTRL_C_WHILE_STARTING = """
import os, runpy, signal, sys

# As in a terminal: a test run started in the background inherits SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["trygghet", "validate", "--help"]
runpy.run_module("trygghet_cli", run_name="__main__", alter_sys=True)
"""


def test_p6_ctrl_c_while_starting_is_exit_130_without_a_traceback(tmp_path) -> None:
    done = subprocess.run([sys.executable, "-c", _CTRL_C_WHILE_STARTING], capture_output=True,
                          env=_env(), cwd=tmp_path, timeout=120, check=False)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert done.returncode == 130 and done.stdout == b""
