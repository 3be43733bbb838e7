"""kg.graph mints each report's triples as N-Triples text: the same RDF as building an rdflib Graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

import graph_reference
from kg.graph import report_graph, report_ntriples, report_triples
from kg.model import Document, Entity, Evidence, Relation, ResolvedReport
from kg.namespaces import KG, SKOS, entity_iri

ROOT = Path(__file__).resolve().parent


def _triples(text: str) -> set:
    g = Graph()
    g.parse(data=text, format="nt")
    return set(g)


def _tricky() -> ResolvedReport:
    text = 'Zij zei: "Klaverblad \\ fuseert"\nmet\r\nVitaal Wonen.'
    doc = Document(name='r "1".txt', text=text, kind="txt", sha256="a" * 64, title='Titel "x"\nregel 2')
    a = Entity(entity_iri("Organisation", "Klaverblad"), "Cooperative", 'Klaverblad "K"', {"KB\\1", "Klaver\nblad"},
               {"cbs": "X1", "kvk": "123"})
    b = Entity(entity_iri("Organisation", "Vitaal Wonen"), "Organisation", "Vitaal Wonen")
    ev = Evidence(doc.name, text, 0, len(text))
    ev2 = Evidence(doc.name, "Tweede zin.", 60, 71)
    rels = [
        Relation(a.iri, "mergesInto", b.iri, ev, rule="mergesInto:a", confidence=0.7, date="2015-01-01"),
        Relation(a.iri, "mergesInto", b.iri, ev2, rule="mergesInto:b", confidence=0.9, modality="intended"),
        Relation(b.iri, "partnerOf", a.iri, ev, rule="partnerOf:c", confidence=1 / 3, curated_by="data/c.tsv"),
        Relation(a.iri, "foundedBy", b.iri, None, rule="foundedBy:d", confidence=1.0, modality="negated"),
    ]
    return ResolvedReport(doc, {a.iri: a, b.iri: b}, rels)


def test_same_triples_as_the_rdflib_graph():
    report = _tricky()
    iri, text = report_ntriples(report)
    ref_iri, ref = graph_reference.report_graph(report)
    assert iri == ref_iri
    assert _triples(text) == set(ref)
    # the strongest reading wins, escapes survive, the negated fact has no direct triple
    g = report_graph(report)[1]
    node = next(g.subjects(KG.rule, Literal("mergesInto:b")))
    assert g.value(node, KG.confidence) == Literal("0.9", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert (None, KG.foundedBy, None) not in g
    assert Literal('Klaverblad "K"') in set(g.objects(None, SKOS.prefLabel))


def test_build_key_and_entity_blocks():
    report = _tricky()
    parts = report_triples(report, build_key="k" * 64)
    assert set(parts.entities) == set(report.entities)
    triples = _triples(parts.text())
    assert (URIRef(parts.graph_iri), KG.buildKey, Literal("k" * 64)) in triples
    assert triples - _triples(parts.body) == set().union(*(_triples(t) for t in parts.entities.values()))


def test_equal_confidences_written_as_rdflib_writes_each():
    # 1 and 1.0 are equal (and hash alike) but rdflib writes them apart: "1" and "1.0"; the
    # literal cache must not hand the second the text of the first, in either order
    for first, second in ((1, 1.0), (1.0, 1)):
        texts = []
        for confidence in (first, second):
            report = _tricky()
            report.relations = [r for r in report.relations if r.rule == "mergesInto:a"]
            report.relations[0].confidence = confidence
            _, ref = graph_reference.report_graph(report)
            texts.append(report_ntriples(report)[1])
            assert _triples(texts[-1]) == set(ref)
        assert texts[0] != texts[1]


def test_unwritable_iri_is_refused_like_rdflib():
    report = _tricky()
    bad = Entity("https://w3id.org/kg-sociaal/id/organisation/a b", "Organisation", "A B")
    report.entities[bad.iri] = bad
    with pytest.raises(Exception, match="valid URI"):
        report_ntriples(report)


@pytest.mark.parametrize("folder", ["heldout", "heldout2"])
def test_real_reports_match_the_reference(folder):
    from kg.extract import extract
    from kg.read import find_reports, read_document
    from kg.resolve import Resolver

    resolver = Resolver()
    for path, name in find_reports([ROOT / "data" / folder]):
        report = resolver.resolve(extract(read_document(path, name=name)))
        _, text = report_ntriples(report)
        assert _triples(text) == set(graph_reference.report_graph(report)[1]), name
