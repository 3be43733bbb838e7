"""The one place that names IRIs and prefixes."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

#: The ontology: classes and properties (ontology/kg.ttl).
KG = Namespace("https://w3id.org/kg-sociaal/def#")
#: Instances: entities, reports, relation assertions, evidence.
KGR = Namespace("https://w3id.org/kg-sociaal/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The named graph that holds the ontology itself inside a store.
ONTOLOGY_GRAPH = KGR["graph/ontology"]

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def sparql_prologue() -> str:
    """PREFIX lines for every prefix above, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def jsonld_context() -> dict:
    """The JSON-LD context of kg's exports: the prefixes, and a term for every class and
    property of the ontology (``"mergesInto"``, ``"Organisation"``, ``"prefLabel"`` ...), IRIs
    typed ``@id`` and numbers and offsets with their datatypes, so that the JSON reads plainly."""
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS, XSD

    from kg.resources import resource_dir

    onto = Graph().parse(data=resource_dir("ontology").joinpath("kg.ttl").read_text(encoding="utf-8"), format="turtle")
    context: dict = dict(PREFIXES)
    for cls in sorted(set(onto.subjects(RDF.type, OWL.Class))):
        if str(cls).startswith(str(KG)):
            context[str(cls)[len(str(KG)):]] = f"kg:{str(cls)[len(str(KG)):]}"
    for prop in sorted(set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))):
        if not str(prop).startswith(str(KG)):
            continue
        name = str(prop)[len(str(KG)):]
        term: dict = {"@id": f"kg:{name}"}
        if (prop, RDF.type, OWL.ObjectProperty) in onto:
            term["@type"] = "@id"
        elif (rng := onto.value(prop, RDFS.range)) in (XSD.integer, XSD.decimal):
            term["@type"] = f"xsd:{str(rng).split('#')[1]}"
        context[name] = term
    context.update({
        "prefLabel": {"@id": "skos:prefLabel"},
        "altLabel": {"@id": "skos:altLabel"},
        "subject": {"@id": "rdf:subject", "@type": "@id"},
        "predicate": {"@id": "rdf:predicate", "@type": "@id"},
        "object": {"@id": "rdf:object", "@type": "@id"},
        "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
        "title": {"@id": "dcterms:title"},
        "identifier": {"@id": "dcterms:identifier"},
    })
    return context


def report_iri(name: str) -> str:
    """The IRI of a report (and of its named graph) from its name: the name itself,
    percent-encoded, so that every distinct name is a distinct report (``report a.txt`` and
    ``report-a.txt``, ``sub/x.txt`` and ``sub-x.txt``, names in any script) and the same name
    is the same report in every build."""
    from urllib.parse import quote

    return f"{KGR}report/{quote(name, safe='/')}"


def bind_prefixes(graph) -> None:
    for p, iri in PREFIXES.items():
        graph.bind(p, iri, override=True)


#: IRI path segment per entity type; organisations in the wide sense share one.
TYPE_PATHS = {
    "Organisation": "organisation",
    "Cooperative": "organisation",
    "Partnership": "organisation",
    "Municipality": "municipality",
    "Province": "province",
    "Neighbourhood": "neighbourhood",
    "Pilot": "pilot",
    "Service": "service",
    "Person": "person",
}


def entity_iri(type_: str, name: str, code: str | None = None) -> str:
    """The stable IRI of an entity: by CBS code for gazetteer places, else by normalised name.

    ``entity_iri("Municipality", "Assen", "GM0106")`` -> ``.../municipality/gm0106``;
    ``entity_iri("Cooperative", "IKracht")`` -> ``.../organisation/ikracht``.
    """
    from kg.text import normalise_name, slug

    path = TYPE_PATHS.get(type_, "organisation")
    key = code.lower() if code else slug(normalise_name(name))
    return f"{KGR}{path}/{key}"
