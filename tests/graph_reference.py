# The rdflib-Graph implementation of kg.graph.report_graph before triples were minted as N-Triples
# text (kept as the reference the fast version must equal).
"""Resolved report -> RDF. The only module that mints triples (see docs/rdf-model.md).

A report becomes one rdflib Graph, stored as the named graph whose name is the report's IRI:
the report itself, every entity it mentions (type, preferred label, other spellings,
identifiers), and for every relation the direct triple plus a ``kg:RelationAssertion`` node
carrying its date, modality, confidence, rule, curation and evidence sentence with offsets.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from kg.model import SYMMETRIC_RELATIONS, Entity, Relation, ResolvedReport
from kg.namespaces import KG, KGR, ORG, bind_prefixes, report_iri


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assertion_iri(report: str, subject: str, relation: str, obj: str) -> URIRef:
    """One assertion node per report and (subject, relation, object)."""
    if relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return KGR[f"assertion/{_digest(report, subject, relation, obj)}"]


def report_graph(report: ResolvedReport) -> tuple[str, Graph]:
    """The named graph IRI and the triples of one resolved report."""
    doc = report.document
    g = Graph()
    bind_prefixes(g)
    rep = URIRef(report_iri(doc.name))
    g.add((rep, RDF.type, KG.Report))
    g.add((rep, KG.fileName, Literal(doc.name)))
    g.add((rep, KG.sha256, Literal(doc.sha256)))
    g.add((rep, DCTERMS.format, Literal(doc.kind)))
    if doc.title:
        g.add((rep, DCTERMS.title, Literal(doc.title)))

    used = {r.subject for r in report.relations} | {r.object for r in report.relations}
    for entity in report.entities.values():
        _add_entity(g, entity, mentioned_in=rep)
    for iri in used - set(report.entities):
        raise ValueError(f"relation refers to unknown entity {iri}")

    for relation in report.relations:
        _add_relation(g, relation, rep, doc.name)
    return str(rep), g


def _add_entity(g: Graph, entity: Entity, mentioned_in: URIRef) -> None:
    node = URIRef(entity.iri)
    g.add((node, RDF.type, KG[entity.type]))
    g.add((node, SKOS.prefLabel, Literal(entity.label)))
    for alias in sorted(entity.aliases):
        if alias != entity.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    for scheme, value in sorted(entity.identifiers.items()):
        if scheme == "cbs":
            g.add((node, KG.cbsCode, Literal(value)))
        else:
            g.add((node, DCTERMS.identifier, Literal(f"{scheme}:{value}")))
    g.add((node, KG.mentionedIn, mentioned_in))


def _add_relation(g: Graph, rel: Relation, rep: URIRef, report_name: str) -> None:
    s, o = URIRef(rel.subject), URIRef(rel.object)
    if rel.relation in SYMMETRIC_RELATIONS and str(o) < str(s):
        s, o = o, s
    prop = KG[rel.relation]
    if rel.modality != "negated":
        g.add((s, prop, o))
    node = assertion_iri(report_name, str(s), rel.relation, str(o))
    if (node, RDF.type, KG.RelationAssertion) not in g:
        g.add((node, RDF.type, KG.RelationAssertion))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, prop))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, rep))
        g.add((node, KG.modality, Literal(rel.modality)))
        g.add((node, KG.confidence, Literal(Decimal(str(round(rel.confidence, 3))), datatype=XSD.decimal)))
        g.add((node, KG.rule, Literal(rel.rule)))
        if rel.relation == "mergesInto":
            # The merger itself is an event (org:ChangeEvent, a prov:Activity), not the
            # assertion (a prov:Entity): one event per resulting organisation and date in a
            # report, with every original organisation that goes into it.
            event = KGR[f"merger/{_digest(report_name, str(o), rel.date or '')}"]
            g.add((node, KG.event, event))
            g.add((event, RDF.type, KG.Merger))
            g.add((event, ORG.originalOrganization, s))
            g.add((event, ORG.resultingOrganization, o))
            if rel.date:
                g.add((event, KG.date, Literal(rel.date, datatype=XSD.date)))
    else:
        # The same fact read twice in one report: keep the strongest reading.
        old = g.value(node, KG.confidence)
        if old is not None and Decimal(str(old)) < Decimal(str(round(rel.confidence, 3))):
            g.set((node, KG.confidence, Literal(Decimal(str(round(rel.confidence, 3))), datatype=XSD.decimal)))
            g.set((node, KG.rule, Literal(rel.rule)))
    if rel.date and g.value(node, KG.date) is None:
        g.add((node, KG.date, Literal(rel.date, datatype=XSD.date)))
    if rel.curated_by:
        g.add((node, KG.curatedBy, Literal(rel.curated_by)))
    if rel.evidence is not None:
        ev = rel.evidence
        ev_node = KGR[f"evidence/{_digest(report_name, str(ev.start), str(ev.end), ev.sentence)}"]
        g.add((node, KG.evidence, ev_node))
        g.add((ev_node, RDF.type, KG.Evidence))
        g.add((ev_node, KG.sentence, Literal(ev.sentence)))
        g.add((ev_node, KG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        g.add((ev_node, KG.endOffset, Literal(ev.end, datatype=XSD.integer)))
        g.add((ev_node, KG.inReport, rep))
