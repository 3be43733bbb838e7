"""`import kg` offers the documented API, cheaply, whatever submodules were imported."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import kg


def test_api_names_stay_functions_after_every_submodule_is_imported():
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name != "kg.__main__":
            importlib.import_module(info.name)
    for name in ("open_store", "build", "query", "to_networkx", "export", "render", "validate", "review", "evaluate", "extract_text"):
        assert callable(getattr(kg, name)), name
        assert getattr(kg, name).__module__ in ("kg.api", "kg.store"), name
        assert getattr(kg, name).__doc__, name


def test_import_kg_loads_no_heavy_library():
    code = "import sys, kg; kg.KgError; print(sorted(m for m in ('rdflib','pyoxigraph','pyvis','IPython','spacy','networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_api_round_trip(tmp_path, sample_report):
    with kg.open_store(tmp_path / "s", create=True) as store:
        summary = kg.build(store, [sample_report], curations=None, aliases=None)
        assert summary.count("added") == 1 and not summary.failed
        rows = kg.query(store, "SELECT ?l WHERE { ?e a kg:Organisation ; skos:prefLabel ?l }").records()
        assert {"Klaverblad", "Vitaal Wonen"} <= {r["l"] for r in rows}
        graph = kg.to_networkx(store)
        assert any(d["label"] == "Klaverblad" for _, d in graph.nodes(data=True))
        text = kg.export(store, "relations", "csv")
        assert text.startswith("\ufeffsubject,relation,object")
        info = kg.render(store, tmp_path / "n.html")
        assert info["nodes"] == graph.number_of_nodes()
        assert kg.validate(store).conforms
    extraction = kg.extract_text("Stichting Klaverblad werkt samen met Vitaal Wonen.")
    assert any(c.relation == "partnerOf" for c in extraction.candidates)
