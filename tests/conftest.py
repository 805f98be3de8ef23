"""Shared fixtures: a CLI runner, the bundled data root, and small data roots in tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trygghet_cli.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
BUNDLED = REPO / "data"
KIND_FILES = {
    "config": "trygghet.yaml",
    "agreement": "agreements/2024-2027.yaml",
    "pledges": "pledges/2024-2025.yaml",
    "activities": "activities/2024-2025.yaml",
    "situation": "situation/2024.yaml",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output (review the diff)")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The cache (cache.py) of the test run lives in a temporary folder, not in the data roots."""
    old = os.environ.get("TRYGGHET_CACHE_DIR")
    os.environ["TRYGGHET_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("TRYGGHET_CACHE_DIR", None)
    else:
        os.environ["TRYGGHET_CACHE_DIR"] = old


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


class Run:
    """Invoke the CLI in-process and keep stdout, stderr and the exit code apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # noqa: ANN204
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    """A copy of the small valid data root, safe to change."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled Strängnäs data root, safe to change."""
    root = tmp_path / "strangnas"
    shutil.copytree(BUNDLED, root)
    return root


@pytest.fixture
def place(minimal_root: Path) -> Callable[[Path], Path]:
    """Put a fixture file into the minimal root in place of the file of its kind."""

    def _place(fixture: Path) -> Path:
        kind = fixture.name.split(".")[-2]
        target = minimal_root / KIND_FILES[kind]
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(fixture.read_bytes())
        return target

    return _place
