"""The network in time: the dated mergers, and the network as it stood on a date.

The network page's date control (:mod:`kg.viz`, in JavaScript) applies the same rules as
:func:`as_of`.
"""

from __future__ import annotations

import datetime as _dt

import networkx as nx

from kg.network.load import _iso


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
