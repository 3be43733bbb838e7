"""Resolved report -> RDF. The only module that mints triples (see docs/rdf-model.md).

A report becomes one named graph whose name is the report's IRI: the report itself, every
entity it mentions (type, preferred label, other spellings, identifiers), and for every
relation the direct triple plus a ``kg:RelationAssertion`` node carrying its date, modality,
confidence, rule, curation and evidence sentence with offsets.

The triples are minted straight as N-Triples text (:func:`report_ntriples`), the form the
stores take; building an rdflib Graph per report cost more than extracting it.
:func:`report_graph` gives the same triples as an rdflib Graph for callers that want one.
Terms are written as rdflib's N-Triples serializer writes them (IRIs checked by rdflib,
typed literals in rdflib's normalised lexical form), so the store holds the same RDF.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

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


# -- terms as N-Triples text --------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _iri(value: str) -> str:
    """``<value>``; rdflib refuses IRIs that cannot be written (raises like its serializer)."""
    return URIRef(value).n3()


def _plain(text: str) -> str:
    """A plain (xsd:string) literal, escaped as rdflib's N-Triples serializer does."""
    return '"%s"' % text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def nt_term(term) -> str:
    """Any rdflib term as N-Triples text (``Literal.n3()`` would write long strings with
    line breaks in triple quotes, which N-Triples and N-Quads do not allow)."""
    if isinstance(term, Literal):
        text = _plain(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^<{term.datatype}>"
        return text
    return term.n3()


def _typed(value, datatype: str) -> str:
    """A typed literal in rdflib's normalised lexical form (e.g. Decimal('1.0') -> "1.0")."""
    # keyed by the value's repr too: equal values can be written apart (Decimal('1') is "1",
    # Decimal('1.0') is "1.0"), and a cache keyed by the value alone would write whichever came first
    return _typed_text(type(value), repr(value), value, datatype)


@lru_cache(maxsize=4096)
def _typed_text(kind: type, text: str, value, datatype: str) -> str:
    lit = Literal(value, datatype=URIRef(datatype))
    return "%s^^<%s>" % (_plain(str(lit)), lit.datatype)


# Terms of rdflib's namespaces are made anew on every attribute access (a Python-level
# __getattr__, slower than writing the term): the ones asked per triple are made once here.
_XSD_INTEGER = str(XSD.integer)
_XSD_DECIMAL = str(XSD.decimal)


def _integer(value: int) -> str:
    if type(value) is int:
        return '"%d"^^<%s>' % (value, _XSD_INTEGER)
    return _typed(value, _XSD_INTEGER)


def _confidence(value: float) -> tuple[Decimal, str]:
    d = Decimal(str(round(value, 3)))
    return d, _typed(d, _XSD_DECIMAL)


_TYPE = _iri(str(RDF.type))
_LABEL = _iri(str(SKOS.prefLabel))
_ALT = _iri(str(SKOS.altLabel))
_CBS = _iri(str(KG.cbsCode))
_IDENT = _iri(str(DCTERMS.identifier))
_MENTIONED = _iri(str(KG.mentionedIn))
_FORMAT = _iri(str(DCTERMS.format))
_TITLE = _iri(str(DCTERMS.title))


@lru_cache(maxsize=256)
def _kg(local: str) -> str:
    return _iri(f"{KG}{local}")


_SUBJECT = _iri(str(RDF.subject))
_PREDICATE = _iri(str(RDF.predicate))
_OBJECT = _iri(str(RDF.object))
_DERIVED = _iri(str(PROV.wasDerivedFrom))
_ORIGINAL = _iri(str(ORG.originalOrganization))
_RESULTING = _iri(str(ORG.resultingOrganization))


class _Triples:
    """A set of N-Triples rows kept as (subject, predicate) -> objects, in insertion order."""

    __slots__ = ("by_sp",)

    def __init__(self) -> None:
        self.by_sp: dict[tuple[str, str], dict[str, None]] = {}

    def add(self, s: str, p: str, o: str) -> None:
        # one call for a new pair and a known one alike (quicker than asking first)
        self.by_sp.setdefault((s, p), {})[o] = None

    def set(self, s: str, p: str, o: str) -> None:
        self.by_sp[(s, p)] = {o: None}

    def value(self, s: str, p: str) -> str | None:
        objs = self.by_sp.get((s, p))
        return next(iter(objs)) if objs else None

    def has(self, s: str, p: str, o: str) -> bool:
        objs = self.by_sp.get((s, p))
        return objs is not None and o in objs

    def text(self) -> str:
        return "".join(f"{s} {p} {o} .\n" for (s, p), objs in self.by_sp.items() for o in objs)


# -- a report -------------------------------------------------------------------------------


@dataclass
class ReportTriples:
    """One report's named graph as N-Triples: the report and its relations, and one block per
    entity (so that an entity's label can be harmonised later without minting the rest again)."""

    graph_iri: str
    body: str  #: the report node, relations, assertions, evidence
    entities: dict[str, str] = field(default_factory=dict)  #: entity IRI -> its rows

    def text(self) -> str:
        return self.body + "".join(self.entities.values())


def report_triples(report: ResolvedReport, build_key: str | None = None) -> ReportTriples:
    """The triples of one resolved report, as N-Triples text in parts."""
    doc = report.document
    graph_iri = report_iri(doc.name)
    rep = _iri(graph_iri)
    t = _Triples()
    t.add(rep, _TYPE, _kg("Report"))
    t.add(rep, _kg("fileName"), _plain(doc.name))
    t.add(rep, _kg("sha256"), _plain(doc.sha256))
    t.add(rep, _FORMAT, _plain(doc.kind))
    if doc.title:
        t.add(rep, _TITLE, _plain(doc.title))
    if build_key is not None:
        t.add(rep, _kg("buildKey"), _plain(build_key))

    used = {r.subject for r in report.relations} | {r.object for r in report.relations}
    entities = {iri: entity_ntriples(entity, graph_iri) for iri, entity in report.entities.items()}
    for iri in used - set(report.entities):
        raise ValueError(f"relation refers to unknown entity {iri}")

    for relation in report.relations:
        _add_relation(t, relation, rep, doc.name)
    return ReportTriples(graph_iri, t.text(), entities)


def report_ntriples(report: ResolvedReport, build_key: str | None = None) -> tuple[str, str]:
    """The named graph IRI and the N-Triples text of one resolved report."""
    parts = report_triples(report, build_key)
    return parts.graph_iri, parts.text()


def report_graph(report: ResolvedReport, build_key: str | None = None) -> tuple[str, Graph]:
    """The named graph IRI and the triples of one resolved report, as an rdflib Graph."""
    graph_iri, text = report_ntriples(report, build_key)
    g = Graph()
    bind_prefixes(g)
    g.parse(data=text, format="nt")
    return graph_iri, g


def entity_ntriples(entity: Entity, graph_iri: str) -> str:
    """The rows that describe one entity in the report graph ``graph_iri``."""
    node = _iri(entity.iri)
    rows = [f"{node} {_TYPE} {_kg(entity.type)} .\n", f"{node} {_LABEL} {_plain(entity.label)} .\n"]
    for alias in sorted(entity.aliases):
        if alias != entity.label:
            rows.append(f"{node} {_ALT} {_plain(alias)} .\n")
    for scheme, value in sorted(entity.identifiers.items()):
        if scheme == "cbs":
            rows.append(f"{node} {_CBS} {_plain(value)} .\n")
        else:
            rows.append(f"{node} {_IDENT} {_plain(f'{scheme}:{value}')} .\n")
    rows.append(f"{node} {_MENTIONED} {_iri(graph_iri)} .\n")
    return "".join(rows)


def _add_relation(t: _Triples, rel: Relation, rep: str, report_name: str) -> None:
    s_iri, o_iri = rel.subject, rel.object
    if rel.relation in SYMMETRIC_RELATIONS and o_iri < s_iri:
        s_iri, o_iri = o_iri, s_iri
    s, o = _iri(s_iri), _iri(o_iri)
    prop = _kg(rel.relation)
    if rel.modality != "negated":
        t.add(s, prop, o)
    node = f"<{assertion_iri(report_name, s_iri, rel.relation, o_iri)}>"  # a hex digest: nothing to check
    confidence, conf_term = _confidence(rel.confidence)
    if not t.has(node, _TYPE, _kg("RelationAssertion")):
        t.add(node, _TYPE, _kg("RelationAssertion"))
        t.add(node, _SUBJECT, s)
        t.add(node, _PREDICATE, prop)
        t.add(node, _OBJECT, o)
        t.add(node, _DERIVED, rep)
        t.add(node, _kg("modality"), _plain(rel.modality))
        t.add(node, _kg("confidence"), conf_term)
        t.add(node, _kg("rule"), _plain(rel.rule))
        if rel.relation == "mergesInto":
            # The merger itself is an event (org:ChangeEvent, a prov:Activity), not the
            # assertion (a prov:Entity): one event per resulting organisation and date in a
            # report, with every original organisation that goes into it.
            event = f"<{KGR}merger/{_digest(report_name, o_iri, rel.date or '')}>"
            t.add(node, _kg("event"), event)
            t.add(event, _TYPE, _kg("Merger"))
            t.add(event, _ORIGINAL, s)
            t.add(event, _RESULTING, o)
            if rel.date:
                t.add(event, _kg("date"), date_term(rel.date))
    else:
        # The same fact read twice in one report: keep the strongest reading.
        old = t.value(node, _kg("confidence"))
        if old is not None and _lexical_decimal(old) < confidence:
            t.set(node, _kg("confidence"), conf_term)
            t.set(node, _kg("rule"), _plain(rel.rule))
    if rel.date and t.value(node, _kg("date")) is None:
        t.add(node, _kg("date"), date_term(rel.date))
    if rel.curated_by:
        t.add(node, _kg("curatedBy"), _plain(rel.curated_by))
    if rel.evidence is not None:
        ev = rel.evidence
        ev_node = f"<{KGR}evidence/{_digest(report_name, str(ev.start), str(ev.end), ev.sentence)}>"
        t.add(node, _kg("evidence"), ev_node)
        if not t.has(ev_node, _TYPE, _kg("Evidence")):  # a sentence often gives several relations
            t.add(ev_node, _TYPE, _kg("Evidence"))
            t.add(ev_node, _kg("sentence"), _plain(ev.sentence))
            t.add(ev_node, _kg("startOffset"), _integer(ev.start))
            t.add(ev_node, _kg("endOffset"), _integer(ev.end))
            t.add(ev_node, _kg("inReport"), rep)


#: Dates as the extraction gives them: a day (yyyy-mm-dd), or only a month or a year (yyyy-mm,
#: yyyy). The datatype says how much is known: xsd:date, xsd:gYearMonth or xsd:gYear.
DATE_DATATYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


@lru_cache(maxsize=4096)
def date_term(value: str) -> str:
    """A date of a relation as a typed literal whose datatype records its precision (anything
    else stays an xsd:date, which ``kg validate`` then reports as invalid). Reports give the
    same few dates again and again: each is written once."""
    datatype = DATE_DATATYPES.get(len(value)) if re.fullmatch(r"\d{4}(-\d{2})?", value) else XSD.date
    return _typed(value, str(datatype))


def _lexical_decimal(term: str) -> Decimal:
    """The value of a decimal literal written by :func:`_typed`."""
    return Decimal(term[1:term.index('"', 1)])
