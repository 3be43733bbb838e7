"""The knowledge graph as a network: build it from the store, analyse it, write it out.

:func:`to_networkx` turns the RDF store into a :class:`networkx.MultiDiGraph` (the shape is
described at the end of ``docs/rdf-model.md``)::

    node id   entity IRI
    node      label, type, aliases (list[str]), identifiers (dict, e.g. {"cbs": "GM0106"})
    edge key  relation local name ("partnerOf", ...)
    edge      relation, date (ISO str or ""), modality, confidence,
              evidence (list of {sentence, report, start, end}), sources (list of report names)

Everything else works on that graph and is what ``kg network ...`` and ``kg viz`` call:

* :func:`find_node` / :func:`resolve_node`  a name or alias (or IRI) to a node id
* :func:`ego` / :func:`neighbours`            the neighbourhood of an actor
* :func:`paths`                               shortest chains of relations between two actors
* :func:`stats`, :func:`centrality`, :func:`communities`
* :func:`as_of`                               the network as it stood on a date (mergers applied)
* :func:`to_graphml`, :func:`to_gexf`         files for Gephi, yEd, Cytoscape

Only networkx is imported here (pyvis lives in :mod:`kg.viz`), so ``import kg.network`` is light.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
from pathlib import Path
from typing import IO, Any, Literal

import networkx as nx

from kg.errors import UnknownActor
from kg.model import (
    ENTITY_TYPES,
    LIST_SEPARATOR,
    ORGANISATION_TYPES,
    RELATION_TYPES,
    SYMMETRIC_RELATIONS,
    one_line,
)
from kg.namespaces import KG, sparql_prologue
from kg.text import normalise_name

__all__ = [
    "to_networkx",
    "find_node",
    "resolve_node",
    "ego",
    "neighbours",
    "paths",
    "stats",
    "centrality",
    "communities",
    "as_of",
    "to_graphml",
    "to_gexf",
    "node_title",
    "mergers",
]

_KG = str(KG)

CentralityKind = Literal["degree", "betweenness", "pagerank"]

#: Above this many nodes betweenness is estimated from a sample of sources (exact is O(n*m)).
BETWEENNESS_SAMPLE_ABOVE = 1000
_BETWEENNESS_SAMPLE = 300


# --------------------------------------------------------------------------------------------
# building the graph from the store
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# finding actors
# --------------------------------------------------------------------------------------------


def find_node(graph: nx.MultiDiGraph, name: str) -> str | None:
    """The node id for ``name``: an IRI, a label or an alias, compared normalised.

    An exact (normalised) label wins over an alias; otherwise a unique label or alias that
    starts with or contains the name is taken. ``None`` when nothing (or more than one thing)
    matches.
    """
    if name in graph:
        return name
    key = normalise_name(name)
    if not key:
        return None
    by_label = [n for n, d in graph.nodes(data=True) if normalise_name(d.get("label", "")) == key]
    if len(by_label) >= 1:
        return sorted(by_label, key=lambda n: (graph.degree(n) * -1, n))[0]
    by_alias = [
        n
        for n, d in graph.nodes(data=True)
        if any(normalise_name(a) == key for a in d.get("aliases", ()))
    ]
    if by_alias:
        return sorted(by_alias, key=lambda n: (graph.degree(n) * -1, n))[0]
    for test in (str.startswith, str.__contains__):
        hits = {
            n
            for n, d in graph.nodes(data=True)
            for nm in [d.get("label", ""), *d.get("aliases", ())]
            if test(normalise_name(nm), key)
        }
        if len(hits) == 1:
            return hits.pop()
        if hits:
            return None
    return None


def resolve_node(graph: nx.MultiDiGraph, name: str) -> str:
    """Like :func:`find_node` but raises :class:`kg.errors.UnknownActor` (a KeyError and a
    QueryError) with a readable one-line message."""
    n = find_node(graph, name)
    if n is None:
        key = normalise_name(name)
        close = sorted(
            d.get("label", "")
            for _, d in graph.nodes(data=True)
            if key and key[:3] in normalise_name(d.get("label", ""))
        )[:5]
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UnknownActor(f"no actor called {name!r} in the network{hint}")
    return n


def node_title(graph: nx.MultiDiGraph, node: str) -> str:
    """``label (Type)`` for messages."""
    d = graph.nodes[node]
    return f"{d.get('label', node)} ({d.get('type', '?')})"


# --------------------------------------------------------------------------------------------
# neighbourhoods and paths
# --------------------------------------------------------------------------------------------


def _undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected view: one edge per pair, ``weight`` = number of relations."""
    u = nx.Graph()
    u.add_nodes_from(graph.nodes)
    for a, b in graph.edges():
        if a == b:
            continue
        if u.has_edge(a, b):
            u[a][b]["weight"] += 1
        else:
            u.add_edge(a, b, weight=1)
    return u


def ego(graph: nx.MultiDiGraph, name_or_iri: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actor and everything within ``depth`` relations of it (directions ignored).

    Returns a copy that keeps all attributes; ``graph.graph["focus"]`` is the centre's IRI.
    Raises :class:`KeyError` when the actor is not found.
    """
    centre = resolve_node(graph, name_or_iri)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre,
                                                  cutoff=max(0, depth))
    sub = graph.subgraph(near).copy()
    sub.graph["focus"] = centre
    sub.graph["depth"] = depth
    return sub


def _relations_between(graph: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    out = []
    for s, o in ((a, b), (b, a)):
        if graph.has_edge(s, o):
            for k, d in graph[s][o].items():
                out.append(
                    {
                        "subject": s,
                        "subject_label": graph.nodes[s].get("label", s),
                        "relation": d.get("relation", k),
                        "object": o,
                        "object_label": graph.nodes[o].get("label", o),
                        "date": d.get("date", ""),
                        "modality": d.get("modality", ""),
                        "evidence": list(d.get("evidence", [])),
                        "sources": list(d.get("sources", [])),
                    }
                )
    return out


def neighbours(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> list[dict[str, Any]]:
    """The actors within ``depth`` relations of ``name``, nearest first.

    Each item: ``iri, label, type, distance`` and ``relations`` — the relations that connect
    it to the actors one step closer (each with subject/object, date, evidence, sources).
    Raises :class:`KeyError` when the actor is not found.
    """
    centre = resolve_node(graph, name)
    und = graph.to_undirected(as_view=True)
    dist = nx.single_source_shortest_path_length(und, centre, cutoff=max(0, depth))
    out = []
    for n, d in sorted(dist.items(), key=lambda kv: (kv[1], graph.nodes[kv[0]].get("label", ""))):
        if n == centre:
            continue
        rels = []
        for m in und.neighbors(n):
            if dist.get(m) == d - 1:
                rels.extend(_relations_between(graph, m, n))
        nd = graph.nodes[n]
        out.append({"iri": n, "label": nd.get("label", n), "type": nd.get("type", ""),
                    "distance": d, "relations": rels})
    return out


def paths(graph: nx.MultiDiGraph, a: str, b: str, max_paths: int = 5) -> list[list[dict[str, Any]]]:
    """The shortest chains of relations between two actors, shortest first (directions ignored).

    Up to ``max_paths`` simple paths, in order of length. Each path is a list of hops; a hop
    is ``{"from", "from_label", "to", "to_label", "relations": [...]}`` where each relation
    has ``subject, subject_label, relation, object, object_label, date, evidence, sources``
    (a pair of actors can be linked by more than one relation). ``[]`` when they are not
    connected. Raises :class:`KeyError` when either actor is not found.
    """
    src, dst = resolve_node(graph, a), resolve_node(graph, b)
    if src == dst:
        return []
    und = _undirected(graph)
    try:
        gen = nx.shortest_simple_paths(und, src, dst)
        node_paths = list(itertools.islice(gen, max(0, max_paths)))
    except nx.NetworkXNoPath:
        return []
    out = []
    for p in node_paths:
        hops = []
        for x, y in zip(p, p[1:]):
            hops.append(
                {
                    "from": x,
                    "from_label": graph.nodes[x].get("label", x),
                    "to": y,
                    "to_label": graph.nodes[y].get("label", y),
                    "relations": _relations_between(graph, x, y),
                }
            )
        out.append(hops)
    return out


# --------------------------------------------------------------------------------------------
# measures
# --------------------------------------------------------------------------------------------


def _pagerank(und: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-8, max_iter: int = 200) -> dict:
    """Power-iteration PageRank on an undirected weighted graph (no scipy needed)."""
    n = und.number_of_nodes()
    if n == 0:
        return {}
    nodes = list(und.nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    wdeg = {v: sum(d.get("weight", 1) for d in und[v].values()) for v in nodes}
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in nodes if wdeg[v] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for v in nodes:
            if wdeg[v]:
                share = alpha * rank[v] / wdeg[v]
                for w, d in und[v].items():
                    new[w] += share * d.get("weight", 1)
        err = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def centrality(graph: nx.MultiDiGraph, kind: CentralityKind = "degree") -> dict[str, float]:
    """A centrality score per node, computed on the undirected network.

    ``degree``: normalised degree (number of distinct neighbours / (n-1));
    ``betweenness``: normalised betweenness — estimated from a fixed sample of 300 sources
    (seeded, so reproducible) when the graph has more than 1,000 nodes;
    ``pagerank``: PageRank (alpha 0.85) weighted by the number of relations per pair.
    """
    und = _undirected(graph)
    if kind == "degree":
        return nx.degree_centrality(und) if und.number_of_nodes() > 1 else dict.fromkeys(und, 0.0)
    if kind == "betweenness":
        n = und.number_of_nodes()
        if n > BETWEENNESS_SAMPLE_ABOVE:
            return nx.betweenness_centrality(und, k=min(n, _BETWEENNESS_SAMPLE), seed=0)
        return nx.betweenness_centrality(und)
    if kind == "pagerank":
        return _pagerank(und)
    raise ValueError(f"unknown centrality {kind!r}: choose degree, betweenness or pagerank")


def communities(graph: nx.MultiDiGraph, *, seed: int = 0) -> list[set[str]]:
    """Communities of the undirected network (Louvain, seeded), largest first.

    Isolated nodes each form their own community.
    """
    und = _undirected(graph)
    if und.number_of_nodes() == 0:
        return []
    if und.number_of_edges() == 0:
        return [{n} for n in sorted(und)]
    comms = nx.community.louvain_communities(und, weight="weight", seed=seed)
    return sorted((set(c) for c in comms), key=lambda c: (-len(c), min(c)))


def _top(graph: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[dict[str, Any]]:
    best = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]].get("label", "")))
    return [
        {"iri": n, "label": graph.nodes[n].get("label", n), "type": graph.nodes[n].get("type", ""),
         "score": round(s, 6)}
        for n, s in best[:top]
    ]


def stats(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Summary figures of the network.

    ``nodes, edges, components`` (connected, directions ignored), ``largest_component``,
    ``density`` (of the undirected simple graph), ``nodes_by_type``, ``edges_by_relation``,
    ``top_degree`` and ``top_betweenness`` (lists of ``{iri, label, type, score}``; the score
    for degree is the number of distinct neighbours).
    """
    und = _undirected(graph)
    comps = list(nx.connected_components(und)) if und.number_of_nodes() else []
    by_type: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        by_type[d.get("type", "")] = by_type.get(d.get("type", ""), 0) + 1
    by_rel: dict[str, int] = {}
    for _, _, k in graph.edges(keys=True):
        by_rel[k] = by_rel.get(k, 0) + 1
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "components": len(comps),
        "largest_component": max((len(c) for c in comps), default=0),
        "density": round(nx.density(und), 6) if und.number_of_nodes() > 1 else 0.0,
        "nodes_by_type": dict(sorted(by_type.items())),
        "edges_by_relation": dict(sorted(by_rel.items())),
        "top_degree": _top(graph, dict(und.degree()), top),
        "top_betweenness": _top(graph, centrality(graph, "betweenness"), top),
    }


# --------------------------------------------------------------------------------------------
# time
# --------------------------------------------------------------------------------------------


def mergers(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """``(date, old, new)`` for every dated ``mergesInto`` relation (not a denied one), in date order."""
    out = []
    for s, o, k, d in graph.edges(keys=True, data=True):
        if k == "mergesInto" and d.get("date") and d.get("modality") != "negated":
            out.append((d["date"], s, o))
    return sorted(out)


def as_of(graph: nx.MultiDiGraph, date: str | _dt.date) -> nx.MultiDiGraph:
    """The network as it stood on ``date`` (ISO string or date).

    * A relation dated after ``date`` (a merger still to come, a service not yet started) is
      left out; undated relations are kept.
    * For a merger dated on or before ``date`` the old organisation is marked ended
      (``status="ended"``, ``ended=<date>``, ``merged_into=<new IRI>``) and its other
      relations move to the resulting organisation (edge attribute ``via`` = the old IRI);
      the ``mergesInto`` relation itself stays, so the old node hangs off the new one. The
      resulting organisation gets ``merged_from`` (list of IRIs). Chains of mergers are
      followed; relations that would become loops are dropped, duplicates merged.

    The browser's date control (:mod:`kg.viz`) does exactly the same.
    """
    day = _iso(date)
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.graph["as_of"] = day
    for n, d in graph.nodes(data=True):
        out.add_node(n, **{k: (list(v) if isinstance(v, list) else v) for k, v in d.items()})

    target: dict[str, str] = {}
    ended: dict[str, str] = {}
    for d, old, new in mergers(graph):
        if d <= day and old != new and old not in target:
            target[old] = new
            ended[old] = d

    def final(n: str) -> str:
        seen = set()
        while n in target and n not in seen:
            seen.add(n)
            n = target[n]
        return n

    for old in target:
        out.nodes[old]["status"] = "ended"
        out.nodes[old]["ended"] = ended[old]
        out.nodes[old]["merged_into"] = final(old)
        res = out.nodes[final(old)]
        res["merged_from"] = sorted({*res.get("merged_from", []), old})

    for s, o, k, d in graph.edges(keys=True, data=True):
        if d.get("date") and d["date"] > day:
            continue
        if k == "mergesInto":
            out.add_edge(s, o, key=k, **d)
            continue
        s2, o2 = final(s), final(o)
        if s2 == o2:
            continue
        attrs = dict(d)
        attrs["evidence"] = list(d.get("evidence", []))
        attrs["sources"] = list(d.get("sources", []))
        if (s2, o2) != (s, o):
            attrs["via"] = s if s2 != s else o
        if out.has_edge(s2, o2, key=k):
            cur = out[s2][o2][k]
            cur["evidence"] = cur.get("evidence", []) + [
                e for e in attrs["evidence"] if e not in cur.get("evidence", [])]
            cur["sources"] = sorted(set(cur.get("sources", [])) | set(attrs["sources"]))
            continue
        out.add_edge(s2, o2, key=k, **attrs)
    return out


# --------------------------------------------------------------------------------------------
# files for Gephi & co
# --------------------------------------------------------------------------------------------


def _edge_id(s: str, relation: str, o: str) -> str:
    """A stable id, unique in the graph, for the edge (s, relation, o): GraphML and GEXF readers
    (Gephi, graphology) refuse or drop edges that share an id."""
    import hashlib

    digest = hashlib.sha1("\x1f".join((s, relation, o)).encode("utf-8")).hexdigest()[:12]
    return f"{relation}-{digest}"


def _day(date: str) -> str:
    """A date for GEXF's timeline (xsd:date): a year or month alone starts on its first day."""
    return {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)


def _flat(graph: nx.MultiDiGraph, *, dynamic: bool) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/float/bool (what GraphML and GEXF can hold), keyed
    by unique edge ids. Several values share a cell joined by ``LIST_SEPARATOR``; a missing
    value (no date, no confidence) is left out rather than written as a stand-in."""
    flat = nx.MultiDiGraph()
    ended = {}
    if dynamic:  # a merged organisation ends on its (first) merger date
        for date, old, _new in mergers(graph):
            ended.setdefault(old, date)
    for n, d in graph.nodes(data=True):
        a: dict[str, Any] = {
            "label": d.get("label", n),
            "type": d.get("type", ""),
            "aliases": LIST_SEPARATOR.join(d.get("aliases", [])),
            "identifiers": LIST_SEPARATOR.join(f"{k}:{v}" for k, v in sorted(d.get("identifiers", {}).items())),
            "cbs": d.get("identifiers", {}).get("cbs", ""),
            "iri": n,
        }
        if d.get("status"):
            a["status"] = d["status"]
            a["ended"] = d.get("ended", "")
        end = d.get("ended") or ended.get(n)
        if dynamic and end:
            a["end"] = _day(end)
        flat.add_node(n, **a)
    for s, o, k, d in graph.edges(keys=True, data=True):
        ev = d.get("evidence", [])
        conf = d.get("confidence")
        a = {
            "relation": d.get("relation", k),
            "label": d.get("relation", k),
            "modality": d.get("modality", "") or "",
            "evidence": LIST_SEPARATOR.join(one_line(e.get("sentence", "")) for e in ev),
            "evidence_json": json.dumps(ev, ensure_ascii=False),
            "sources": LIST_SEPARATOR.join(d.get("sources", [])),
            "symmetric": k in SYMMETRIC_RELATIONS,
        }
        if d.get("date"):
            a["date"] = d["date"]
        if conf is not None:
            a["confidence"] = float(conf)
        if d.get("via"):
            a["via"] = d["via"]
        if dynamic and d.get("date"):
            a["start"] = _day(d["date"])
        edge_id = _edge_id(s, k, o)
        if dynamic:
            a["id"] = edge_id  # GEXF's writer takes the id from here (else numbers them)
        flat.add_edge(s, o, key=edge_id, **a)
    return flat


def to_graphml(graph: nx.MultiDiGraph, out: str | Path | IO[bytes]) -> None:
    """Write GraphML (yEd, Cytoscape, Gephi): every attribute as a typed GraphML key.

    Every edge has a unique id (``relation-<hash>``). Lists become strings joined by ``"|"``
    (``aliases``, ``sources``, ``evidence`` sentences, ``identifiers`` as ``scheme:value``),
    ``evidence_json`` holds the evidence with reports and offsets as JSON, ``cbs`` the CBS code
    on its own; an edge without a date or confidence has no such attribute.
    """
    nx.write_graphml(_flat(graph, dynamic=False), out, encoding="utf-8", prettyprint=True)


def to_gexf(graph: nx.MultiDiGraph, out: str | Path | IO[bytes]) -> None:
    """Write GEXF 1.2 for Gephi, with the same attributes as :func:`to_graphml`.

    Dated relations (mergers, service starts) get a time interval starting on their date and
    an organisation that merged into another one ending on the merger's date, so Gephi's
    timeline can play the network; the graph is written in dynamic mode with ISO dates
    (a date known only to the year or month starts the timeline on its first day, and its
    ``date`` attribute keeps it as known: ``2016``, ``2016-03``).
    """
    flat = _flat(graph, dynamic=True)
    dynamic = any("start" in d for *_, d in flat.edges(data=True)) or any(
        "end" in d for _, d in flat.nodes(data=True))
    flat.graph["mode"] = "dynamic" if dynamic else "static"
    nx.write_gexf(flat, out, encoding="utf-8", prettyprint=True, version="1.2draft")
