"""pyproject's dependencies are the code's: every declared one is imported under kg/, every
third-party import under kg/ is declared (issue 11). Read off the code with ast, so imports
inside functions count too."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Declared without an import under kg/, each with its reason. Keep this short: anything else
#: declared must be imported.
NOT_YET_IMPORTED: dict[str, str] = {}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The dependencies, and the optional extras kg itself imports (``pandas`` for
    ``to_dataframe``); the ``test`` extra is for the tests, not for kg/."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [req for name, reqs in project.get("optional-dependencies", {}).items() if name != "test" for req in reqs]
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", req).group(0)) for req in project["dependencies"] + extras}


def imported_modules() -> dict[str, str]:
    """Top-level module name -> the first file under kg/ that imports it (third-party only)."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "kg" or top in sys.stdlib_module_names:
                    continue
                found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def imported_distributions() -> dict[str, str]:
    dists = packages_distributions()
    out = {}
    for module, where in imported_modules().items():
        for dist in dists.get(module, [module]):  # not installed here (tomli on 3.11+): its own name
            out[_norm(dist)] = f"{module} in {where}"
    return out


def test_every_third_party_import_is_declared():
    undeclared = {d: w for d, w in imported_distributions().items() if d not in declared()}
    assert not undeclared, f"imported under kg/ but not in pyproject's dependencies: {undeclared}"


def test_every_declared_dependency_is_imported():
    used = imported_distributions()
    unused = declared() - set(used) - set(NOT_YET_IMPORTED)
    assert not unused, f"declared in pyproject but never imported under kg/: {sorted(unused)}"
    assert set(NOT_YET_IMPORTED) <= declared()


def test_the_dead_dependencies_are_gone():
    # declared once and never used (issue 11): they slowed every install
    # (charset-normalizer came back: kg/read.py detects encodings with it)
    assert not declared() & {"dateparser", "oxrdflib"}


def test_pyvis_is_not_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pyvis,) = [r for r in project["dependencies"] if _norm(r).startswith("pyvis")]
    assert "==" not in pyvis
