"""Analyse the network: find an actor by name, its neighbourhood, the chains of relations
between two actors, centralities, communities and summary figures."""

from __future__ import annotations

import itertools
from typing import Any, Literal

import networkx as nx

from kg.errors import UnknownActor
from kg.text import normalise_name

CentralityKind = Literal["degree", "betweenness", "pagerank"]

#: Above this many nodes betweenness is estimated from a sample of sources (exact is O(n*m)).
BETWEENNESS_SAMPLE_ABOVE = 1000
_BETWEENNESS_SAMPLE = 300


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
