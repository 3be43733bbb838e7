"""Write the network as files for Gephi, yEd and Cytoscape: GraphML and GEXF (with a
timeline from the relations' dates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.model import LIST_SEPARATOR, SYMMETRIC_RELATIONS, one_line
from kg.network.timeline import mergers


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
