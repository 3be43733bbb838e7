"""Everything kg reads at run time is package data, loaded with importlib.resources; a missing
file is an error, never a silent skip (issue 11)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import kg.gazetteer as gaz
import kg.resources as res
from kg.errors import KgError, ValidationError
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.shacl import ONTOLOGY_FILE, SHAPES_FILE, ontology_dir, validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", [ONTOLOGY_FILE, SHAPES_FILE])
def test_published_ontology_is_the_packaged_one(name):
    # ontology/ at the top is the published copy; kg/ontology/ is what kg validates with
    assert (ROOT / "ontology" / name).read_bytes() == (ontology_dir() / name).read_bytes()
    assert sorted(p.name for p in (ROOT / "ontology").iterdir()) == sorted(
        p.name for p in ontology_dir().iterdir() if p.name.endswith(".ttl"))


def test_run_time_files_come_from_the_package():
    pkg = resources.files("kg")
    for parts in (("data", "gazetteer", gaz.MUNICIPALITIES_FILE), ("data", "gazetteer", gaz.PROVINCES_FILE),
                  ("ontology", ONTOLOGY_FILE), ("ontology", SHAPES_FILE),
                  ("templates", "network.html"), ("queries", "mergers.rq")):
        assert pkg.joinpath(*parts).is_file(), parts
    assert not (ROOT / "data" / "gazetteer").exists(), "data/ at the top is the user's, not kg's"


def test_the_shipped_gazetteer_is_loaded():
    g = default_gazetteer()
    assert len([p for p in g.places if p.type == "Municipality"]) > 300
    assert len([p for p in g.places if p.type == "Province"]) == 12
    assert g.lookup_one("Assen").code == "GM0106"


def test_a_missing_gazetteer_file_is_an_error(tmp_path):
    with pytest.raises(KgError, match="gazetteer file not found"):
        Gazetteer(tmp_path)
    (tmp_path / gaz.MUNICIPALITIES_FILE).write_text("code\tname\nGM0106\tAssen\n", encoding="utf-8")
    with pytest.raises(KgError, match=gaz.PROVINCES_FILE):
        Gazetteer(tmp_path)  # half a gazetteer is no gazetteer: no silent skip
    (tmp_path / gaz.PROVINCES_FILE).write_text("code\tname\nPV22\tDrenthe\n", encoding="utf-8")
    assert len(Gazetteer(tmp_path)) == 2


def test_a_missing_package_file_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setattr(res.resources, "files", lambda pkg: tmp_path)
    with pytest.raises(KgError, match="kg/data/gazetteer is missing"):
        Gazetteer()
    with pytest.raises(KgError, match="kg/ontology is missing"):
        ontology_dir()
    with pytest.raises(KgError, match="kg/templates/network.html is missing"):
        res.resource("templates", "network.html")
    (tmp_path / "queries").mkdir()
    from kg import sparql

    sparql._named_queries.cache_clear()
    try:
        with pytest.raises(KgError, match="bundled queries"):
            sparql.named_queries()
    finally:
        monkeypatch.undo()
        sparql._named_queries.cache_clear()
    assert "mergers" in sparql.named_queries()


def test_validate_with_a_missing_shapes_file_says_so(tmp_path):
    from rdflib import Graph

    with pytest.raises(ValidationError, match="SHACL shapes not found"):
        validate(Graph(), tmp_path / "shapes.ttl")
