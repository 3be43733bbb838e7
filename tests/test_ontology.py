"""ontology/kg.ttl: parses, names exactly the classes and properties kg uses, bilingual, aligned."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.namespaces import KG, ORG, SDO
from kg.shacl import ONTOLOGY_FILE, SHAPES_FILE, ontology_dir

FOAF = "http://xmlns.com/foaf/0.1/"

CLASSES = set(ENTITY_TYPES) | {"Report", "RelationAssertion", "Evidence", "Merger"}
PROVENANCE_PROPERTIES = {
    "date", "modality", "confidence", "rule", "curatedBy", "evidence", "event", "sentence",
    "startOffset", "endOffset", "inReport", "fileName", "sha256", "cbsCode", "mentionedIn",
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / ONTOLOGY_FILE, format="turtle")


def _local_names(g: Graph, *types: URIRef) -> set[str]:
    names = set()
    for t in types:
        for s in g.subjects(RDF.type, t):
            if isinstance(s, URIRef) and str(s).startswith(str(KG)):
                names.add(str(s)[len(str(KG)):])
    return names


def test_files_are_where_validate_looks():
    assert (ontology_dir() / ONTOLOGY_FILE).is_file()
    assert (ontology_dir() / SHAPES_FILE).is_file()
    Graph().parse(ontology_dir() / SHAPES_FILE, format="turtle")


def test_is_an_owl_ontology(onto):
    assert (URIRef("https://w3id.org/kg-sociaal/def"), RDF.type, OWL.Ontology) in onto


def test_exact_class_names(onto):
    assert _local_names(onto, OWL.Class) == CLASSES


def test_exact_property_names(onto):
    props = _local_names(onto, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert set(RELATION_TYPES) <= props
    assert props == set(RELATION_TYPES) | PROVENANCE_PROPERTIES


def test_relation_properties_are_object_properties(onto):
    for name in RELATION_TYPES:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in onto, name


@pytest.mark.parametrize("name", sorted(CLASSES | set(RELATION_TYPES) | PROVENANCE_PROPERTIES))
def test_dutch_and_english_labels_and_definitions(onto, name):
    term = KG[name]
    for prop in (RDFS.label, SKOS.prefLabel, SKOS.definition):
        langs = {getattr(v, "language", None) for v in onto.objects(term, prop)}
        assert {"nl", "en"} <= langs, f"{name} lacks {prop} in nl/en: {langs}"
        # one preferred label per language
        if prop == SKOS.prefLabel:
            per_lang = [v.language for v in onto.objects(term, prop)]
            assert len(per_lang) == len(set(per_lang)), name


def test_dutch_labels_are_dutch(onto):
    def nl(name):
        return next(str(v) for v in onto.objects(KG[name], SKOS.prefLabel) if v.language == "nl")

    assert nl("Municipality") == "gemeente"
    assert nl("Neighbourhood") == "wijk"
    assert nl("Cooperative") == "coöperatie"
    assert nl("foundedBy") == "opgericht door"


def test_partner_of_is_symmetric(onto):
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    for name in set(RELATION_TYPES) - {"partnerOf"}:
        assert (KG[name], RDF.type, OWL.SymmetricProperty) not in onto, name


@pytest.mark.parametrize(
    "sub, sup",
    [
        (KG.Organisation, ORG.Organization),
        (KG.Organisation, SDO.Organization),
        (KG.Cooperative, KG.Organisation),
        (KG.Partnership, KG.Organisation),
        (KG.Partnership, ORG.OrganizationalCollaboration),
        (KG.Municipality, SDO.AdministrativeArea),
        (KG.Province, SDO.AdministrativeArea),
        (KG.Person, SDO.Person),
        (KG.Person, URIRef(FOAF + "Person")),
        (KG.Service, SDO.Service),
        (KG.Pilot, SDO.Project),
        (KG.Report, PROV.Entity),
        (KG.Report, SDO.Report),
        (KG.RelationAssertion, RDF.Statement),
        (KG.RelationAssertion, PROV.Entity),
        (KG.Evidence, PROV.Entity),
        (KG.Merger, ORG.ChangeEvent),
        (KG.Merger, PROV.Activity),
    ],
)
def test_class_alignments(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize(
    "sub, sup",
    [
        (KG.foundedBy, SDO.founder),
        (KG.memberOf, SDO.memberOf),
        (KG.partOf, DCTERMS.isPartOf),
        (KG.date, DCTERMS.date),
        (KG.cbsCode, DCTERMS.identifier),
        (KG.evidence, PROV.wasDerivedFrom),
        (KG.inReport, PROV.wasQuotedFrom),
    ],
)
def test_property_alignments(onto, sub, sup):
    assert (sub, RDFS.subPropertyOf, sup) in onto


@pytest.mark.parametrize(
    "prop, loose",
    [
        (KG.memberOf, ORG.memberOf),  # org:memberOf ranges over organisations only
        (KG.headOf, ORG.headOf),  # ours also heads pilots
        (KG.partOf, ORG.subOrganizationOf),  # ours also for units of a municipality, places
        (KG.locatedIn, SDO.location),
    ],
)
def test_loose_alignments_are_only_see_also(onto, prop, loose):
    assert (prop, RDFS.seeAlso, loose) in onto
    assert (prop, RDFS.subPropertyOf, loose) not in onto


def test_offers_service_is_inverse_of_schema_provider(onto):
    inverse = [b for b in onto.objects(KG.offersService, RDFS.subPropertyOf)]
    assert any((b, OWL.inverseOf, SDO.provider) in onto for b in inverse)


def test_dates_are_xsd_date_or_a_year_or_month_when_only_that_is_known(onto):
    from rdflib.collection import Collection
    from rdflib.namespace import XSD

    rng = onto.value(KG.date, RDFS.range)
    assert list(Collection(onto, onto.value(rng, OWL.unionOf))) == [XSD.date, XSD.gYearMonth, XSD.gYear]
    assert (KG.startOffset, RDFS.range, XSD.integer) in onto


def test_entity_classes_are_disjoint(onto):
    members = set()
    for node in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        lst = onto.value(node, OWL.members)
        members |= set(onto.items(lst))
    assert members == {KG[t] for t in ENTITY_TYPES} - {KG.Cooperative, KG.Partnership}


def test_no_rdfs_domain_that_would_retype_wrong_data(onto):
    """Relations whose subjects are a union of types document them as schema:domainIncludes."""
    for name in ("foundedBy", "memberOf", "partOf", "locatedIn", "partnerOf"):
        assert onto.value(KG[name], RDFS.domain) is None, name
        assert list(onto.objects(KG[name], SDO.domainIncludes)), name
