"""kg.shacl: the fixture graph (docs/rdf-model.md) conforms; each broken variant fails readably."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.errors import ValidationError
from kg.namespaces import KG, KGR, ORG
from kg.shacl import ValidationReport, ontology_dir, validate, validate_store
from conftest import store_from_dataset

FIXTURE = Path(__file__).parent / "data" / "valid.trig"

NOORDERMAAT = KGR["organisation/noordermaat"]
IKRACHT = KGR["organisation/ikracht"]
ASSEN = KGR["municipality/gm0106"]
DRENTHE = KGR["province/pv22"]
PILOT = KGR["pilot/pilot-lariks-pittelo"]
LARIKS = KGR["neighbourhood/lariks-pittelo"]
ELMONT = KGR["person/peter-elmont"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture()
def union(dataset) -> Graph:
    """A fresh copy of the union of the fixture's report graphs, to break."""
    g = Graph()
    for triple in dataset.triples((None, None, None)):
        g.add(triple)
    return g


def _assertions(g: Graph, s=None, p=None, o=None) -> list:
    found = []
    for a in g.subjects(RDF.type, KG.RelationAssertion):
        if s is not None and g.value(a, RDF.subject) != s:
            continue
        if p is not None and g.value(a, RDF.predicate) != p:
            continue
        if o is not None and g.value(a, RDF.object) != o:
            continue
        found.append(a)
    assert found, (s, p, o)
    return found


def _fails_with(g: Graph, *needles: str) -> ValidationReport:
    report = validate(g)
    assert not report.conforms, "expected a violation"
    assert report.violations
    for line in report.violations:
        # "focus — path — message", one line, no raw SHACL jargon
        assert "\n" not in line and line.count(" — ") >= 2, line
    for needle in needles:
        assert any(needle in line for line in report.violations), (needle, report.violations)
    return report


# -- the fixture -----------------------------------------------------------------------------

def test_fixture_has_two_report_graphs(dataset):
    graphs = {str(c.identifier) for c in dataset.graphs() if len(c)}
    assert {g for g in graphs if "/report/" in g} == {
        str(KGR["report/werkbezoek-noordermaat-assen-2013.txt"]),
        str(KGR["report/werkbezoek-noordermaat-assen-2013-pdftekst.txt"]),
    }


def test_fixture_conforms(union):
    report = validate(union)
    assert report.conforms, report.violations
    assert report.violations == []
    assert report.warnings == []
    assert "Conforms: True" in report.text


def test_validate_does_not_change_the_data(union):
    before = len(union)
    validate(union)
    assert len(union) == before  # the ontology went into a copy


def test_dataset_union_can_be_validated_directly(dataset):
    assert validate(dataset).conforms


def test_explicit_paths(union):
    report = validate(union, ontology_dir() / "shapes.ttl", ontology_dir() / "kg.ttl")
    assert report.conforms


def test_missing_shapes_file_is_a_validation_error(union, tmp_path):
    with pytest.raises(ValidationError, match="not found"):
        validate(union, shapes_path=tmp_path / "nope.ttl")


def test_broken_shapes_file_is_one_line_error(union, tmp_path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValidationError, match="cannot read SHACL shapes"):
        validate(union, shapes_path=bad)


# -- broken variants -------------------------------------------------------------------------

def wrong_range(g):
    """leadsPilot pointing at a neighbourhood instead of a pilot."""
    g.remove((NOORDERMAAT, KG.leadsPilot, PILOT))
    g.add((NOORDERMAAT, KG.leadsPilot, LARIKS))
    for a in _assertions(g, NOORDERMAAT, KG.leadsPilot, PILOT):
        g.set((a, RDF.object, LARIKS))


def wrong_domain(g):
    """An organisation as head of a person (headOf needs a person as subject)."""
    g.add((NOORDERMAAT, KG.headOf, ELMONT))
    for a in _assertions(g, ELMONT, KG.headOf, NOORDERMAAT):
        g.set((a, RDF.subject, NOORDERMAAT))
        g.set((a, RDF.object, ELMONT))
    g.remove((ELMONT, KG.headOf, NOORDERMAAT))


def founder_is_a_service(g):
    service = KGR["service/gezinscoaching"]
    g.add((IKRACHT, KG.foundedBy, service))
    a = _assertions(g, IKRACHT, KG.foundedBy)[0]
    g.set((a, RDF.object, service))


def date_not_xsd_date(g):
    for a in _assertions(g, p=KG.offersService):
        if g.value(a, KG.date) is not None:
            g.set((a, KG.date, Literal("1-1-2013")))


def date_is_datetime(g):
    for m in g.subjects(RDF.type, KG.Merger):
        g.set((m, KG.date, Literal("2015-01-01T00:00:00", datatype=XSD.dateTime)))


def two_dates(g):
    a = _assertions(g, p=KG.mergesInto)[0]
    g.add((a, KG.date, Literal("2016-01-01", datatype=XSD.date)))


def missing_evidence(g):
    for a in _assertions(g, ELMONT, KG.headOf, NOORDERMAAT):
        g.remove((a, KG.evidence, None))


def missing_report(g):
    a = _assertions(g, p=KG.leadsPilot)[0]
    g.remove((a, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))


def bad_cbs_code(g):
    g.set((ASSEN, KG.cbsCode, Literal("GM106")))


def bad_province_code(g):
    g.set((DRENTHE, KG.cbsCode, Literal("GM0022")))


def bad_modality(g):
    a = _assertions(g, p=KG.headOf)[0]
    g.set((a, KG.modality, Literal("probably")))


def confidence_out_of_range(g):
    a = _assertions(g, p=KG.headOf)[0]
    g.set((a, KG.confidence, Literal("1.5", datatype=XSD.decimal)))


def offsets_reversed(g):
    e = next(g.subjects(RDF.type, KG.Evidence))
    g.set((e, KG.startOffset, Literal(99999)))


def offset_not_integer(g):
    e = next(g.subjects(RDF.type, KG.Evidence))
    g.set((e, KG.endOffset, Literal("end")))


def two_pref_labels(g):
    g.add((NOORDERMAAT, SKOS.prefLabel, Literal("Noordermaat Assen")))


def no_pref_label(g):
    g.remove((PILOT, SKOS.prefLabel, None))


def relation_without_assertion(g):
    g.add((KGR["organisation/tinten"], KG.memberOf, IKRACHT))


def assertion_without_triple(g):
    g.remove((ELMONT, KG.headOf, NOORDERMAAT))


def merger_parties_differ(g):
    m = next(g.subjects(RDF.type, KG.Merger))
    g.set((m, ORG.resultingOrganization, NOORDERMAAT))


def merger_without_event(g):
    for a in _assertions(g, p=KG.mergesInto):
        g.remove((a, KG.event, None))


def merger_without_result(g):
    m = next(g.subjects(RDF.type, KG.Merger))
    g.remove((m, ORG.resultingOrganization, None))


def person_and_organisation(g):
    g.add((NOORDERMAAT, RDF.type, KG.Person))


def unknown_predicate(g):
    a = _assertions(g, p=KG.headOf)[0]
    g.set((a, RDF.predicate, KG.likes))


VARIANTS: list[tuple[Callable, tuple[str, ...]]] = [
    (wrong_range, ("Noordermaat — kg:leadsPilot — leadsPilot must point to a pilot [value: Lariks-Pittelo]",)),
    (wrong_domain, ("Noordermaat — kg:headOf (subject) — only a person can be the head",)),
    (founder_is_a_service, ("IKracht — kg:foundedBy — a founder must be", "[value: Gezinscoaching]")),
    (date_not_xsd_date, ("offersService Chat spreekuren’ — kg:date — the date of a relation must be one valid xsd:date", "'1-1-2013'")),
    (date_is_datetime, ("— kg:date — the date of a merger must be one valid xsd:date",)),
    (two_dates, ("mergesInto Nieuwe welzijnsorganisatie Assen’ — kg:date —",)),
    (missing_evidence, ("assertion ‘Peter Elmont headOf Noordermaat’", "has no evidence sentence"),),
    (missing_report, ("— prov:wasDerivedFrom — an assertion must say which report it comes from",)),
    (bad_cbs_code, ("Assen — kg:cbsCode — a municipality's CBS code must look like GM0106", "[value: 'GM106']")),
    (bad_province_code, ("Drenthe — kg:cbsCode — a province's CBS code must look like PV22",)),
    (bad_modality, ("— kg:modality — the modality must be \"asserted\", \"intended\" or \"negated\"",)),
    (confidence_out_of_range, ("— kg:confidence — the confidence must be a number between 0 and 1",)),
    (offsets_reversed, ("— kg:startOffset — evidence needs one integer start offset", "not after the end offset")),
    (offset_not_integer, ("— kg:endOffset — evidence needs one integer end offset",)),
    (two_pref_labels, ("Noordermaat — skos:prefLabel — an entity needs exactly one name",)),
    (no_pref_label, ("— skos:prefLabel — an entity needs exactly one name",)),
    (relation_without_assertion, ("Tinten — kg:memberOf — this relation to IKracht has no kg:RelationAssertion",)),
    (assertion_without_triple, ("— kg:headOf — the assertion is not negated, but the graph lacks its triple: Peter Elmont headOf Noordermaat",)),
    (merger_parties_differ, ("— kg:event — the merger event does not match its assertion", "should be an original and Nieuwe welzijnsorganisatie Assen the resulting organisation")),
    (merger_without_event, ("a mergesInto assertion must name its one kg:Merger event (kg:event)",)),
    (merger_without_result, ("— org:resultingOrganization — a merger needs exactly one org:resultingOrganization",)),
    (person_and_organisation, ("Noordermaat — rdf:type — an entity cannot be both Organisation and Person",)),
    (unknown_predicate, ("— rdf:predicate — an assertion needs exactly one rdf:predicate, one of the nine kg relations",)),
]


@pytest.mark.parametrize("breaks, needles", VARIANTS, ids=[f.__name__ for f, _ in VARIANTS])
def test_broken_variant_fails_readably(union, breaks, needles):
    breaks(union)
    _fails_with(union, *needles)


def test_municipality_without_code_is_only_a_warning(union):
    union.remove((ASSEN, KG.cbsCode, None))
    report = validate(union)
    assert report.conforms, report.violations
    assert report.warnings == [
        "Assen — kg:cbsCode — this municipality has no CBS code: it was not found in the gazetteer"
    ]


def test_negated_assertion_needs_no_triple(union):
    negated = [a for a in union.subjects(KG.modality, Literal("negated"))]
    assert negated, "the fixture has a negated assertion"
    s, p, o = (union.value(negated[0], x) for x in (RDF.subject, RDF.predicate, RDF.object))
    assert (s, p, o) not in union
    assert validate(union).conforms


def test_public_body_may_act(union):
    """A municipality founding an organisation is fine (with its assertion)."""
    union.add((IKRACHT, KG.foundedBy, ASSEN))
    a = _assertions(union, IKRACHT, KG.foundedBy)[0]
    new = KGR["assertion/test-assen-founds"]
    for p, o in union.predicate_objects(a):
        union.add((new, p, o))
    union.set((new, RDF.object, ASSEN))
    assert validate(union).conforms, validate(union).violations


def test_partner_of_provenance_either_direction(union):
    """partnerOf is symmetric: an assertion stated the other way round still traces the triple."""
    tinten = KGR["organisation/tinten"]
    union.remove((NOORDERMAAT, KG.partnerOf, tinten))
    union.add((tinten, KG.partnerOf, NOORDERMAAT))
    assert validate(union).conforms, validate(union).violations


def test_raise_for_violations(union):
    bad_cbs_code(union)
    with pytest.raises(ValidationError, match="GM0106"):
        validate(union).raise_for_violations()
    assert ValidationError.exit_code == 6


# -- through a store ---------------------------------------------------------------------------

_oxigraph_store = store_from_dataset


def test_validate_store_on_the_fixture(dataset):
    store = _oxigraph_store(dataset)
    report = validate_store(store)
    assert report.conforms, report.violations


def test_validate_store_reports_a_broken_store(dataset):
    store = _oxigraph_store(dataset)
    store.update(
        "PREFIX kg: <https://w3id.org/kg-sociaal/def#> "
        "DELETE { GRAPH ?g { ?m kg:cbsCode ?c } } INSERT { GRAPH ?g { ?m kg:cbsCode \"GM106\" } } "
        "WHERE { GRAPH ?g { ?m a kg:Municipality ; kg:cbsCode \"GM0106\" } }"
    )
    report = validate_store(store)
    assert not report.conforms
    assert any(v.startswith("Assen — kg:cbsCode") for v in report.violations), report.violations


@pytest.mark.slow
def test_the_built_seed_graph_conforms(request):
    """What 'kg build data/reports' makes passes 'kg validate' (needs the whole pipeline)."""
    import kg

    built_seed_store = request.getfixturevalue("built_seed_store")
    with kg.open_store(built_seed_store) as store:
        report = validate_store(store)
    assert report.conforms, "\n".join(report.violations)
