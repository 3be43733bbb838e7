"""The wheel behaves as the checkout (issue 11): build it, install it in a fresh virtual
environment outside the checkout, and get the same relations and entities exports on the seed
reports, the locatedIn relations that need the packaged gazetteer, and a passing `kg validate`.

The fresh environment installs kg's dependencies with pip as a user would (pip's cache makes
that quick after the first time)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

_SKIP_DIRS = {".git", ".venv", ".kg", "out", "build", "dist", "__pycache__", ".pytest_cache"}


def _run(cmd: list[str], cwd: Path, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


def _clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_STORE", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory) -> Path:
    """A fresh virtual environment, outside the checkout, with kg installed from its wheel."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=lambda d, names: [n for n in names if n in _SKIP_DIRS or n.endswith(".egg-info")])
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"), str(src)], base, _clean_env())
    (wheel,) = (base / "dist").glob("kg-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    _run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], base, _clean_env())
    return env_dir


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A user's folder outside the checkout: the seed reports and the alias file, nothing of kg."""
    work = tmp_path_factory.mktemp("user")
    shutil.copytree(ROOT / "data", work / "data")
    return work


def _build_and_export(kg: list[str], work: Path, store: str) -> dict[str, str]:
    env = _clean_env()
    _run([*kg, "build", "data/reports", "--store", store, "--quiet"], work, env)
    out = {}
    for what in ("relations", "entities"):
        out[what] = _run([*kg, "export", what, "--format", "tsv", "--store", store], work, env).stdout
    out["validate"] = _run([*kg, "validate", "--store", store], work, env).stdout
    return out


def test_the_wheel_installs_everything_kg_reads(wheel_venv, workdir):
    python = str(wheel_venv / "bin" / "python")
    where = _run([python, "-c", "import kg, kg.resources as r; print(kg.__file__); "
                  "print(r.resource('data', 'gazetteer', 'municipalities-nl.tsv')); print(r.resource('ontology', 'shapes.ttl'))"],
                 workdir, _clean_env()).stdout.splitlines()
    assert all(str(wheel_venv) in line and str(ROOT) not in line for line in where), where


def test_the_wheel_gives_the_same_graph_as_the_checkout(wheel_venv, workdir):
    installed = _build_and_export([str(wheel_venv / "bin" / "kg")], workdir, "wheel-store")
    checkout = _build_and_export([sys.executable, "-m", "kg"], workdir, "checkout-store")
    assert installed["relations"] == checkout["relations"]
    assert installed["entities"] == checkout["entities"]
    assert len(installed["relations"].splitlines()) > 10
    # the places that only the packaged gazetteer finds: municipalities with their CBS code
    assert "\tcbs:GM0106\t" in installed["entities"]
    assert any(line.split("\t")[1] == "locatedIn" for line in installed["relations"].splitlines())
    assert "conforms" in installed["validate"]
