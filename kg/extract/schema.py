"""Domains and ranges of the relations, read from the ontology: the one place they live.

``kg.ttl`` gives each relation property its ``schema:domainIncludes`` and
``schema:rangeIncludes`` (and an ``rdfs:domain``/``rdfs:range`` where one class fits). The
relation model only scores pairs that fit, and no rule or model can state a relation that the
SHACL shapes would reject for its types. Cooperative and Partnership are Organisations.
"""

from __future__ import annotations

from functools import lru_cache

from kg.model import ORGANISATION_TYPES, RELATION_TYPES


@lru_cache(maxsize=1)
def signatures() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """relation -> (allowed subject types, allowed object types)."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDFS

    from kg.namespaces import KG
    from kg.resources import read_text

    schema = "https://schema.org/"
    g = Graph()
    g.parse(data=read_text("ontology", "kg.ttl"), format="turtle")
    out = {}
    for rel in RELATION_TYPES:
        prop = KG[rel]
        doms, rngs = set(), set()
        for o in g.objects(prop, RDFS.domain):
            doms.add(str(o).rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        for o in g.objects(prop, RDFS.range):
            rngs.add(str(o).rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        for pred, bucket in ((f"{schema}domainIncludes", doms), (f"{schema}rangeIncludes", rngs),
                             ("http://schema.org/domainIncludes", doms),
                             ("http://schema.org/rangeIncludes", rngs)):
            for o in g.objects(prop, URIRef(pred)):
                bucket.add(str(o).rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        out[rel] = (frozenset(_widen(doms)), frozenset(_widen(rngs)))
    return out


def _widen(types: set[str]) -> set[str]:
    if "Organisation" in types:
        return types | set(ORGANISATION_TYPES)
    return types


def fits(relation: str, subject_type: str, object_type: str) -> bool:
    """Whether ``subject_type relation object_type`` is allowed by the ontology."""
    sig = signatures().get(relation)
    return bool(sig) and subject_type in sig[0] and object_type in sig[1]


@lru_cache(maxsize=256)
def relations_for(subject_type: str, object_type: str) -> tuple[str, ...]:
    """The relations a pair of these types may stand in."""
    return tuple(r for r in RELATION_TYPES if fits(r, subject_type, object_type))


__all__ = ["signatures", "fits", "relations_for"]
