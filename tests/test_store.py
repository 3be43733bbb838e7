"""The embedded store: one named graph per report, atomic replace, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import KgError, QueryError, StoreError
from kg.graph import report_graph
from kg.model import Document, Entity, Evidence, Relation, ResolvedReport
from kg.namespaces import KG, entity_iri
from kg.store import OxigraphStore, is_update, open_store


def _report(name: str = "r.txt", sha: str = "a" * 64, partner: str = "Vitaal Wonen") -> ResolvedReport:
    doc = Document(name=name, text="Klaverblad werkt samen met Vitaal Wonen.", kind="txt", sha256=sha)
    a = Entity(entity_iri("Organisation", "Klaverblad"), "Organisation", "Klaverblad")
    b = Entity(entity_iri("Organisation", partner), "Organisation", partner)
    ev = Evidence(name, doc.text, 0, len(doc.text))
    rel = Relation(a.iri, "partnerOf", b.iri, ev, rule="partnerOf:samen-met", confidence=0.9)
    return ResolvedReport(doc, {a.iri: a, b.iri: b}, [rel])


def test_put_report_and_replace(tmp_path: Path):
    with open_store(tmp_path / "s", create=True) as store:
        iri, g = report_graph(_report())
        store.put_report(iri, g)
        assert store.report_hashes() == {"r.txt": "a" * 64}
        labels = {r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")}
        assert labels == {"Klaverblad", "Vitaal Wonen"}
        # the edited report replaces what it said before
        iri, g = report_graph(_report(sha="b" * 64, partner="Humanitas"))
        store.put_report(iri, g)
        labels = {r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")}
        assert labels == {"Klaverblad", "Humanitas"}
        assert store.report_hashes() == {"r.txt": "b" * 64}
    # persistent: reopen and find it again
    with open_store(tmp_path / "s") as store:
        assert store.report_hashes() == {"r.txt": "b" * 64}


def test_failed_write_leaves_nothing(tmp_path: Path):
    with open_store(tmp_path / "s", create=True) as store:
        iri, g = report_graph(_report())
        store.put_report(iri, g)
        before = store.dump_nquads()

        class Broken:
            def serialize(self, format):  # half a graph, then garbage: the update must fail whole
                return g.serialize(format="nt") + "\n<http://x> <http://y> ."

        with pytest.raises(KgError) as failed:
            store.put_report(iri, Broken())
        # this report's own fault, not the store's: a build goes on with the other reports
        assert not isinstance(failed.value, StoreError)
        assert store.dump_nquads() == before


def test_query_kinds_and_errors():
    store = OxigraphStore(None)
    iri, g = report_graph(_report())
    store.put_report(iri, g)
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    res = store.query(f"CONSTRUCT {{ ?s <{KG.partnerOf}> ?o }} WHERE {{ ?s <{KG.partnerOf}> ?o }}")
    assert res.kind == "graph" and len(res.graph) == 1
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.query("SELECT WHERE {")


def test_missing_store_is_an_error(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at .*run 'kg build"):
        open_store(tmp_path / "nothing")


def test_second_writer_gets_a_clear_error(tmp_path: Path):
    first = open_store(tmp_path / "s", create=True)
    try:
        with pytest.raises(StoreError, match="in use by another kg process"):
            open_store(tmp_path / "s")
    finally:
        first.close()


def test_union_graph_and_dataset_hold_everything():
    store = OxigraphStore(None)
    iri, g = report_graph(_report())
    store.put_report(iri, g)
    union = store.union_graph()
    assert isinstance(union, Graph) and len(union) == len(g)
    ds = store.dataset()
    assert URIRef(iri) in {c.identifier for c in ds.graphs()}
    assert (None, KG.fileName, Literal("r.txt")) in union


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("PREFIX a: <http://a/>\nINSERT DATA { a:x a:y a:z }", True),
        ("# a comment\nDROP ALL", True),
        ("delete where { ?s ?p ?o }", True),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", False),
    ],
)
def test_is_update(text: str, expected: bool):
    assert is_update(text) is expected


def test_union_holds_each_triple_once_and_forgets_what_only_a_removed_report_said():
    store = OxigraphStore(None)
    for name in ("a.txt", "b.txt"):
        iri, g = report_graph(_report(name=name, sha=name[0] * 64))
        store.put_report(iri, g)
    rows = store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")
    assert sorted(r["l"] for r in rows) == ["Klaverblad", "Vitaal Wonen"]  # once, not once per report
    # b.txt now names another partner; a.txt still names Vitaal Wonen
    iri_b, g_b = report_graph(_report(name="b.txt", sha="c" * 64, partner="Humanitas"))
    store.put_report(iri_b, g_b)
    labels = sorted(r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }"))
    assert labels == ["Humanitas", "Klaverblad", "Vitaal Wonen"]
    iri_a, _ = report_graph(_report(name="a.txt"))
    store.remove_report(iri_a)
    labels = sorted(r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }"))
    assert labels == ["Humanitas", "Klaverblad"]
    assert isomorphic(store.union_graph(), g_b)
    # a user's update to a report graph shows in the union at once
    store.update(f"DELETE WHERE {{ GRAPH <{iri_b}> {{ ?e <{KG.cbsCode}> ?c }} }} ; INSERT DATA {{ GRAPH <urn:mine> {{ <urn:a> <urn:b> <urn:c> }} }}")
    assert store.query("ASK { <urn:a> <urn:b> <urn:c> }").boolean


def test_store_from_before_the_union_graph_is_upgraded(tmp_path: Path):
    import pyoxigraph as ox

    old = ox.Store(str(tmp_path / "old"))
    iri, g = report_graph(_report())
    old.update(f"INSERT DATA {{ GRAPH <{iri}> {{ {g.serialize(format='nt')} }} }}")
    old.flush()
    del old
    with open_store(tmp_path / "old", read_only=True) as store:  # read-only: the slow union view
        assert {r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")} == {"Klaverblad", "Vitaal Wonen"}
    with open_store(tmp_path / "old") as store:  # read-write: derives the union graph
        assert {r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")} == {"Klaverblad", "Vitaal Wonen"}
        assert store._union_view is False
