"""No module under kg/ imports another in a cycle (issue 11), counting imports inside
functions: a cycle held apart by a function-level import is still a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "kg"

#: Nothing is left out: kg/extract's names -> rel_location -> rules -> names cycle is gone (the
#: helpers they shared live in kg/extract/context.py).
EXCLUDED: tuple[str, ...] = ()


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(package: Path = PKG) -> nx.DiGraph:
    """Module -> the modules it imports, anywhere in its code, for the package folder given."""
    top = package.name
    modules = {_module_name(p, package.parent): p for p in package.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                # "from kg.a import b" imports the module kg.a.b when there is one, else kg.a
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                while target and target not in modules:  # "import kg.a.b" of a name inside a module
                    target = target.rpartition(".")[0]
                if target and target != name and target != top:
                    graph.add_edge(name, target)
    return graph


def _excluded(module: str) -> bool:
    return any(module == e or module.startswith(e + ".") for e in EXCLUDED)


def test_no_module_imports_another_in_a_cycle():
    graph = import_graph()
    graph.remove_nodes_from([m for m in list(graph) if _excluded(m)])
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, f"import cycles under kg/: {cycles}"


def test_the_check_sees_cycles_held_apart_by_function_imports(tmp_path):
    # the test above must be able to fail: a cycle closed by an import inside a function
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("from pkg.sub import b\n", encoding="utf-8")
    (pkg / "sub" / "b.py").write_text("from . import c\n", encoding="utf-8")
    (pkg / "sub" / "c.py").write_text("def f():\n    from pkg.a import thing\n", encoding="utf-8")
    (pkg / "d.py").write_text("import pkg.a\n", encoding="utf-8")
    cycles = [c for c in nx.strongly_connected_components(import_graph(pkg)) if len(c) > 1]
    assert cycles == [{"pkg.a", "pkg.sub.b", "pkg.sub.c"}]
