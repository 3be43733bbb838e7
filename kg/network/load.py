"""Build the network view of a store: entities become nodes, relation assertions merged edges.

:func:`to_networkx` runs a few SELECTs on a :class:`kg.store.Store` (or an rdflib graph whose
default graph is the union of the reports) and gives the :class:`networkx.MultiDiGraph` the rest
of :mod:`kg.network` works on; its shape is in the package docstring.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import networkx as nx

from kg.model import ENTITY_TYPES, ORGANISATION_TYPES, RELATION_TYPES
from kg.namespaces import KG, sparql_prologue

_KG = str(KG)


_Q_ENTITIES = """
SELECT DISTINCT ?e ?type ?label WHERE {
  VALUES ?type { %s }
  ?e a ?type .
  OPTIONAL { ?e skos:prefLabel ?label }
}
""" % " ".join(f"kg:{t}" for t in ENTITY_TYPES)

_Q_ALIASES = """
SELECT DISTINCT ?e ?alias WHERE {
  VALUES ?type { %s }
  ?e a ?type ; skos:altLabel ?alias .
}
""" % " ".join(f"kg:{t}" for t in ENTITY_TYPES)

_Q_CODES = """
SELECT DISTINCT ?e ?code WHERE {
  VALUES ?type { %s }
  ?e a ?type ; kg:cbsCode ?code .
}
""" % " ".join(f"kg:{t}" for t in ENTITY_TYPES)

_Q_ASSERTIONS = """
SELECT DISTINCT ?a ?s ?p ?o ?date ?modality ?confidence ?source ?sourceName
                ?ev ?sentence ?start ?end ?report ?reportName WHERE {
  VALUES ?p { %s }
  ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?a kg:date ?date }
  OPTIONAL { ?a kg:modality ?modality }
  OPTIONAL { ?a kg:confidence ?confidence }
  OPTIONAL { ?a prov:wasDerivedFrom ?source . OPTIONAL { ?source kg:fileName ?sourceName } }
  OPTIONAL {
    ?a kg:evidence ?ev .
    OPTIONAL { ?ev kg:sentence ?sentence }
    OPTIONAL { ?ev kg:startOffset ?start }
    OPTIONAL { ?ev kg:endOffset ?end }
    OPTIONAL { ?ev kg:inReport ?report . OPTIONAL { ?report kg:fileName ?reportName } }
  }
}
""" % " ".join(f"kg:{r}" for r in RELATION_TYPES)

_Q_TRIPLES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { %s }
  ?s ?p ?o .
}
""" % " ".join(f"kg:{r}" for r in RELATION_TYPES)


def _select(store: Any, query: str) -> list[dict[str, object]]:
    """Run a SELECT on a kg store (``store.select``) or directly on an rdflib graph/dataset."""
    if hasattr(store, "select"):
        return list(store.select(sparql_prologue() + query))
    if hasattr(store, "query"):  # an rdflib Graph / Dataset (default graph = union)
        res = store.query(sparql_prologue() + query)
        out = []
        for row in res:
            d: dict[str, object] = {}
            for var in res.vars:
                v = row[var]
                if v is None:
                    d[str(var)] = None
                elif hasattr(v, "toPython") and v.__class__.__name__ == "Literal":
                    d[str(var)] = v.toPython()
                else:
                    d[str(var)] = str(v)
            out.append(d)
        return out
    raise TypeError(f"not a store: {type(store).__name__} has neither select() nor query()")


def _local(iri: object) -> str:
    s = str(iri)
    return s[len(_KG):] if s.startswith(_KG) else s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _iso(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def _num(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)  # Decimal, int, str
    except (TypeError, ValueError):
        return None


def _type_rank(t: str) -> int:
    # a more specific organisation type wins over plain Organisation
    if t in ORGANISATION_TYPES:
        return 0 if t == "Organisation" else 2
    return 1


def to_networkx(store: Any, *, min_confidence: float = 0.0, negated: bool = False) -> nx.MultiDiGraph:
    """Build the network view of a store.

    ``store`` is a :class:`kg.store.Store` (anything with ``select(sparql) -> list[dict]``) or
    an rdflib ``Graph``/``Dataset`` whose default graph is the union of the report graphs.

    One edge per (subject, relation, object), keyed by the relation's local name; the
    assertions of several reports for the same fact are merged into it (evidence and sources
    concatenated, the highest confidence, the first date). Negated statements are left out
    unless ``negated`` (the network page can show them as denied: edges with
    ``modality="negated"``, for a fact no report states); so are relations whose confidence is below ``min_confidence`` (a relation without a
    confidence is kept). ``partnerOf`` keeps its stored direction; treat it as symmetric.
    """
    g = nx.MultiDiGraph()
    g.graph["min_confidence"] = min_confidence

    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in _select(store, _Q_ENTITIES):
        e, t = str(row["e"]), _local(row["type"])
        if e not in types or _type_rank(t) > _type_rank(types[e]):
            types[e] = t
        if row.get("label") is not None:
            lab = str(row["label"])
            # exactly one prefLabel is expected; if there are more, be deterministic
            if e not in labels or lab < labels[e]:
                labels[e] = lab
    aliases: dict[str, set[str]] = {}
    for row in _select(store, _Q_ALIASES):
        aliases.setdefault(str(row["e"]), set()).add(str(row["alias"]))
    codes: dict[str, str] = {}
    for row in _select(store, _Q_CODES):
        codes[str(row["e"])] = str(row["code"])

    for e, t in sorted(types.items()):
        label = labels.get(e) or _local(e)
        g.add_node(
            e,
            label=label,
            type=t,
            aliases=sorted(a for a in aliases.get(e, ()) if a != label),
            identifiers={"cbs": codes[e]} if e in codes else {},
        )

    # assertions -> merged edges
    facts: dict[tuple[str, str, str], dict[str, Any]] = {}
    seen_ev: dict[tuple[str, str, str], set[str]] = {}
    for row in _select(store, _Q_ASSERTIONS):
        modality = str(row.get("modality") or "asserted")
        s, p, o = str(row["s"]), _local(row["p"]), str(row["o"])
        key = (s, p, o)
        f = facts.get(key)
        if f is None:
            f = facts[key] = {
                "relation": p,
                "date": "",
                "modalities": set(),
                "confidence": None,
                "evidence": [],
                "sources": [],
                "assertions": set(),
            }
            seen_ev[key] = set()
        f["modalities"].add(modality)
        f["assertions"].add(str(row["a"]))
        d = _iso(row.get("date"))
        if d and (not f["date"] or d < f["date"]):
            f["date"] = d
        c = _num(row.get("confidence"))
        if c is not None and modality != "negated":
            f["confidence"] = c if f["confidence"] is None else max(f["confidence"], c)
        elif c is not None:
            f["denied_confidence"] = max(f.get("denied_confidence", c), c)
        src = row.get("sourceName") or row.get("source")
        if src is not None and str(src) not in f["sources"]:
            f["sources"].append(str(src))
        ev = row.get("ev")
        if ev is not None and str(ev) not in seen_ev[key]:
            seen_ev[key].add(str(ev))
            rep = row.get("reportName") or row.get("report") or src
            f["evidence"].append(
                {
                    "sentence": str(row.get("sentence") or ""),
                    "report": "" if rep is None else str(rep),
                    "start": int(row["start"]) if row.get("start") is not None else None,
                    "end": int(row["end"]) if row.get("end") is not None else None,
                }
            )
            if rep is not None and str(rep) not in f["sources"]:
                f["sources"].append(str(rep))

    # direct triples: the facts themselves (negated statements have none)
    triples = {(str(r["s"]), _local(r["p"]), str(r["o"])) for r in _select(store, _Q_TRIPLES)}
    denied = set()
    for key, f in facts.items():
        if f["modalities"] <= {"negated"}:
            if negated and key not in triples:
                denied.add(key)
            continue
        triples.add(key)
    triples |= denied

    for s, p, o in sorted(triples):
        if s not in g or o not in g:
            continue  # a relation to something that is not an entity (should not happen)
        f = facts.get((s, p, o))
        if f is None:
            f = {"date": "", "modalities": {"asserted"}, "confidence": None, "evidence": [],
                 "sources": []}
        mods = f["modalities"] - {"negated"} or {"asserted"}
        modality = "asserted" if "asserted" in mods else sorted(mods)[0]
        conf = f["confidence"]
        if (s, p, o) in denied:
            modality, conf = "negated", f.get("denied_confidence")
        if conf is not None and conf < min_confidence:
            continue
        f["evidence"].sort(key=lambda e: (e["report"], e["start"] if e["start"] is not None else -1))
        g.add_edge(
            s,
            o,
            key=p,
            relation=p,
            date=f["date"],
            modality=modality,
            confidence=conf,
            evidence=f["evidence"],
            sources=sorted(f["sources"]),
        )
    return g
