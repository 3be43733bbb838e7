"""The interactive network page: one self-contained HTML file that works offline.

:func:`render` draws a :func:`kg.network.to_networkx` graph with pyvis 0.3.2 (vis-network
inlined, ``cdn_resources="in_line"``) through kg's own template (``kg/templates/network.html``):
no bootstrap, no tom-select, no CDN link of any kind, and none of the stock template's
undeclared globals (``filterActive``). On top of vis-network the page has

* a legend of node types (colour + shape) and relation types (colour, dashes for
  ``partnerOf``) whose checkboxes filter the network (hiding a type hides its edges);
* a search box (label or alias, accents/case/hyphens folded) that selects and zooms to a node;
* click a node: its neighbourhood is highlighted and a side panel lists its type, labels,
  identifiers and every relation with the evidence sentence and the source report;
* hover a node: type, aliases, identifiers; hover an edge: relation, date, evidence, report;
* a date control: the network as of a date, with mergers applied exactly like
  :func:`kg.network.as_of` (the resulting organisation takes the old ones' relations, the old
  ones are drawn as ended);
* node size from a centrality (degree, betweenness, pagerank), optional community colours.

All text from reports reaches the page only as JSON data (``<``, ``>``, ``&`` escaped as
``\\u003c`` ...) and is put into the DOM with ``textContent``; vis-network draws labels on a
canvas. Tooltips are built by the page (not vis' ``title`` HTML).

Large graphs (more than ``layout_threshold`` nodes, default 1,000) get a layout computed here
in numpy and are drawn with physics off, so 5,000 nodes and 15,000 edges are interactive in a
few seconds; smaller graphs use vis' physics with bounded stabilisation, then freeze.

``import kg.viz`` is light: pyvis (which imports IPython) is imported inside :func:`render`.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import math
from pathlib import Path
from typing import Any

import networkx as nx

from kg import network as kn
from kg.model import ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS
from kg.resources import resource

__all__ = ["render", "write_page", "ontology_labels", "LANGUAGES", "NODE_STYLES", "RELATION_STYLES",
           "DEFAULT_LAYOUT_THRESHOLD", "page_json"]

#: The page template ships in the package: ``kg/templates/network.html``.
TEMPLATE_DIR = "templates"
TEMPLATE_NAME = "network.html"

#: Graphs with more nodes than this get a layout computed in Python and physics off.
DEFAULT_LAYOUT_THRESHOLD = 1000

#: On graphs above the threshold, how many of the largest nodes keep a label on the canvas.
LABELLED_WHEN_BIG = 250

#: Node type -> (colour, vis shape). Shapes are those whose size vis scales (not box/ellipse).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Organisation": ("#3b6fb6", "dot"),
    "Cooperative": ("#f08a24", "hexagon"),
    "Partnership": ("#9b59b6", "hexagon"),
    "Municipality": ("#2e9e5b", "square"),
    "Province": ("#1d5e3a", "square"),
    "Neighbourhood": ("#8cc152", "triangleDown"),
    "Pilot": ("#e04b4b", "star"),
    "Service": ("#22a6b3", "triangle"),
    "Person": ("#e6b422", "diamond"),
}
_OTHER_STYLE = ("#888888", "dot")

#: Relation -> (colour, dashed, arrow).
RELATION_STYLES: dict[str, tuple[str, bool, bool]] = {
    "foundedBy": ("#f08a24", False, True),
    "memberOf": ("#9b59b6", False, True),
    "mergesInto": ("#d62728", False, True),
    "partOf": ("#1d5e3a", False, True),
    "locatedIn": ("#9aa5b1", False, True),
    "leadsPilot": ("#e04b4b", False, True),
    "headOf": ("#b8860b", False, True),
    "partnerOf": ("#3b6fb6", True, False),
    "offersService": ("#22a6b3", False, True),
}

#: The page's interface languages; the first is the default.
LANGUAGES = ("nl", "en")

_COMMUNITY_COLOURS = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94",
]


def page_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    s = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def ontology_labels(lang: str) -> dict[str, str]:
    """``{local name: rdfs:label}`` in ``lang`` for the classes and properties of the ontology
    (``kg/ontology/kg.ttl``), e.g. ``{"Organisation": "organisatie", "mergesInto": "gaat op in"}``."""
    from rdflib import RDFS, Graph

    from kg.namespaces import KG
    from kg.resources import read_text
    from kg.shacl import ONTOLOGY_FILE

    onto = Graph().parse(data=read_text("ontology", ONTOLOGY_FILE), format="turtle")
    out: dict[str, str] = {}
    for s, label in onto.subject_objects(RDFS.label):
        if str(s).startswith(str(KG)) and getattr(label, "language", None) == lang:
            out[str(s)[len(str(KG)):]] = str(label)
    return out


def _report_links(graph: nx.MultiDiGraph, report_dir: str | Path | None) -> dict[str, str]:
    """``{report name: file URI}`` for the reports of ``graph`` that are files under ``report_dir``."""
    if not report_dir:
        return {}
    base = Path(report_dir)
    names = {src for *_, d in graph.edges(data=True) for src in d.get("sources", [])}
    names |= {ev.get("report", "") for *_, d in graph.edges(data=True) for ev in d.get("evidence", [])}
    out = {}
    for name in sorted(n for n in names if n):
        f = (base / name).resolve()
        if f.is_file() and f.is_relative_to(base.resolve()):
            out[name] = f.resolve().as_uri()
    return out


# --------------------------------------------------------------------------------------------
# layout for large graphs
# --------------------------------------------------------------------------------------------


def force_layout(graph: nx.MultiDiGraph, *, iterations: int = 60, seed: int = 0,
                 scale: float = 24.0) -> dict[str, tuple[float, float]]:
    """A force-directed layout in numpy, fast enough for many thousands of nodes.

    Fruchterman-Reingold with the repulsion approximated by a uniform grid (each node is
    pushed by the centroid of every occupied cell, weighted by its node count), so an
    iteration costs O(n * cells + m) instead of O(n^2). ``scale`` is roughly the
    pixel spacing between nodes. Deterministic for a given ``seed``.
    """
    import numpy as np

    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    idx = {v: i for i, v in enumerate(nodes)}
    pairs = [(idx[a], idx[b]) for a, b in graph.edges() if a != b]
    e = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    k = 1.0
    radius = math.sqrt(n) * k
    pos = rng.uniform(-radius, radius, size=(n, 2))
    cells = int(min(16, max(4, math.sqrt(n) / 3)))
    t = radius / 4
    for _ in range(iterations):
        lo = pos.min(0)
        span = np.maximum(pos.max(0) - lo, 1e-9)
        cell = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
        cid = cell[:, 0] * cells + cell[:, 1]
        cnt = np.bincount(cid, minlength=cells * cells).astype(float)
        sx = np.bincount(cid, weights=pos[:, 0], minlength=cells * cells)
        sy = np.bincount(cid, weights=pos[:, 1], minlength=cells * cells)
        occ = cnt > 0
        cc = cnt[occ]
        cen = np.stack([sx[occ] / cc, sy[occ] / cc], 1)
        # squared distances to every cell centroid; no BLAS on purpose (its threads thrash
        # on a busy 2-core machine, 3x slower than these plain loops)
        dx = np.subtract.outer(pos[:, 0], cen[:, 0])
        dy = np.subtract.outer(pos[:, 1], cen[:, 1])
        d2 = dx * dx
        d2 += dy * dy
        d2 += 0.01 * k * k
        f = np.divide(cc * (k * k), d2, out=d2)  # repulsion weight per node and cell
        dx *= f
        dy *= f
        disp = np.stack([dx.sum(1), dy.sum(1)], 1)
        if len(e):
            dd = pos[e[:, 0]] - pos[e[:, 1]]
            dist = np.sqrt((dd**2).sum(1)) + 1e-9
            fa = (dist / k)[:, None] * dd
            for c in (0, 1):
                disp[:, c] += np.bincount(e[:, 1], weights=fa[:, c], minlength=n)
                disp[:, c] -= np.bincount(e[:, 0], weights=fa[:, c], minlength=n)
        disp -= pos * (0.02 * k / radius)  # a little gravity keeps components together
        ln = np.sqrt((disp**2).sum(1)) + 1e-9
        pos += disp / ln[:, None] * np.minimum(ln, t)[:, None]
        t = max(t * 0.95, 0.05 * k)
    # spread over an area of about `scale`^2 pixels per node (dense hubs would otherwise
    # shrink the drawing to a dot when scaled by edge length)
    pos = pos - pos.mean(0)
    rms = float(np.sqrt((pos**2).sum(1).mean())) or 1.0
    pos = pos * (scale * math.sqrt(n) / 2.0 / rms)
    return {v: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for i, v in enumerate(nodes)}


# --------------------------------------------------------------------------------------------
# the page
# --------------------------------------------------------------------------------------------


def _sizes(graph: nx.MultiDiGraph, size_by: str) -> dict[str, float]:
    if size_by in (None, "", "none"):
        return dict.fromkeys(graph, 16.0)
    scores = kn.centrality(graph, size_by)  # raises ValueError on an unknown kind
    hi = max(scores.values(), default=0.0)
    lo = min(scores.values(), default=0.0)
    small, big = (10.0, 42.0) if graph.number_of_nodes() <= DEFAULT_LAYOUT_THRESHOLD else (6.0, 30.0)
    if hi <= lo:
        return dict.fromkeys(graph, (small + big) / 3)
    return {n: round(small + (big - small) * math.sqrt((s - lo) / (hi - lo)), 2) for n, s in scores.items()}


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership for every node and edge added
    (quadratic); this list answers ``in`` from a set so big graphs are added in linear time."""

    def __init__(self):
        super().__init__()
        self._set: set = set()

    def append(self, x):  # noqa: D401
        self._set.add(x)
        super().append(x)

    def __contains__(self, x):
        return x in self._set


def render(
    graph: nx.MultiDiGraph,
    out_path: str | Path,
    *,
    focus: str | None = None,
    depth: int = 1,
    as_of: str | _dt.date | None = None,
    size_by: str = "degree",
    communities: bool = False,
    title: str | None = None,
    layout_threshold: int = DEFAULT_LAYOUT_THRESHOLD,
    lang: str = "nl",
    report_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Write the interactive network page for ``graph`` to ``out_path``; say what was done.

    ``focus`` (a name, alias or IRI) with ``depth`` writes only that actor's ego network
    (KeyError if unknown) and selects it on load. ``as_of`` (ISO date) sets the page's date
    control: merged organisations are drawn as merged on that date. ``size_by`` is
    ``degree``, ``betweenness``, ``pagerank`` or ``none``. ``communities`` colours nodes by
    Louvain community (the page can switch back to type colours). ``title`` is shown as text.
    ``lang`` is the interface language, ``nl`` (default) or ``en``; types and relations are
    named by the ontology's ``rdfs:label`` in that language. Reports found as files under
    ``report_dir`` are linked from the page (``file:`` links, opened only when clicked).

    Returns ``{"path", "nodes", "edges", "layout", "physics", "size_by", "communities",
    "focus", "as_of", "node_types", "relation_types"}`` where ``layout`` is ``"physics"``
    (vis-network stabilises at most 300 iterations, then freezes) or ``"python"`` (positions
    computed by :func:`force_layout`, physics off) for graphs above ``layout_threshold`` nodes.
    """
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader
    from pyvis.network import Network  # imports IPython: only here

    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose {' or '.join(LANGUAGES)}")
    if title is None:
        title = "kg — netwerk van het sociaal domein" if lang == "nl" else "kg — network of the social domain"
    if size_by not in ("degree", "betweenness", "pagerank", "none", None, ""):
        raise ValueError(f"unknown size {size_by!r}: choose degree, betweenness, pagerank or none")
    focus_iri = None
    if focus:
        graph = kn.ego(graph, focus, depth)
        focus_iri = graph.graph["focus"]
    day = kn._iso(as_of) if as_of else ""

    n_nodes = graph.number_of_nodes()
    big = n_nodes > layout_threshold
    # denied relations (modality "negated", see kn.to_networkx) are drawn, but count for nothing
    stated = graph
    if any(d.get("modality") == "negated" for *_, d in graph.edges(data=True)):
        stated = graph.copy()
        stated.remove_edges_from([(s, o, k) for s, o, k, d in graph.edges(keys=True, data=True)
                                  if d.get("modality") == "negated"])
    sizes = _sizes(stated, size_by or "none")
    positions = force_layout(graph) if big else {}
    comm_of: dict[str, int] = {}
    n_comms = 0
    comm_info: list[dict[str, Any]] = []
    if communities:
        comms = kn.communities(stated)
        n_comms = len(comms)
        for i, c in enumerate(comms):
            for v in c:
                comm_of[v] = i
            top = sorted(c, key=lambda v: (-sizes.get(v, 0), graph.nodes[v].get("label", v)))[:3]
            comm_info.append({"size": len(c), "top": [graph.nodes[v].get("label", v) for v in top]})

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    net.node_ids = _IdList()
    types_present: dict[str, int] = {}
    for v, d in graph.nodes(data=True):
        t = d.get("type", "")
        types_present[t] = types_present.get(t, 0) + 1
        colour, shape = NODE_STYLES.get(t, _OTHER_STYLE)
        opts: dict[str, Any] = {
            "size": sizes.get(v, 16.0),
            "kgType": t,
            "kgLabel": d.get("label", v),
            "kgAliases": list(d.get("aliases", [])),
            "kgIds": dict(d.get("identifiers", {})),
        }
        if communities:
            opts["kgCommunity"] = comm_of.get(v, -1)
        if v in positions:
            opts["x"], opts["y"] = positions[v]
        net.add_node(v, label=d.get("label", v), shape=shape, color=colour, **opts)

    rels_present: dict[str, int] = {}
    dates: set[str] = set()
    for i, (s, o, k, d) in enumerate(graph.edges(keys=True, data=True)):
        rel = d.get("relation", k)
        rels_present[rel] = rels_present.get(rel, 0) + 1
        if d.get("date") and d.get("modality") != "negated":  # a denied relation is no event
            dates.add(d["date"])
        colour, dashed, arrow = RELATION_STYLES.get(rel, ("#999999", False, True))
        conf = d.get("confidence")
        opts = {
            "id": f"e{i}",
            "kgRel": rel,
            "kgDate": d.get("date", "") or "",
            "kgModality": d.get("modality", "") or "",
            "kgConfidence": float(conf) if conf is not None else None,
            "kgEvidence": list(d.get("evidence", [])),
            "kgSources": list(d.get("sources", [])),
            "color": colour,
            "dashes": dashed,
            "width": 3 if rel == "mergesInto" else 1.5,
            # arrows cost a third of a frame on big graphs: direction is in tooltip and panel
            "arrows": {"to": {"enabled": arrow and not big, "scaleFactor": 0.6}},
        }
        if d.get("modality") == "intended":
            opts["dashes"] = [2, 6]  # a plan, not (yet) a fact
        elif d.get("modality") == "negated":
            opts["dashes"] = [10, 4, 2, 4]  # denied: hidden unless the page's filter shows it
            opts["color"] = "#8a94a0"
            opts["width"] = 1
        net.add_edge(s, o, **opts)

    net.options = _options(big)

    labels = ontology_labels(lang)
    sources: set[str] = set()
    for *_, d in graph.edges(data=True):
        sources.update(d.get("sources", []))
    meta = {
        "title": title,
        "lang": lang,
        "typeLabels": {t: labels.get(t, t) for t in types_present},
        "relationLabels": {r: labels.get(r, r) for r in rels_present},
        "reports": sorted(sources),
        "reportLinks": _report_links(graph, report_dir),
        "modalities": sorted({d.get("modality") or "asserted" for *_, d in graph.edges(data=True)},
                             key=lambda m: ("asserted", "intended", "negated").index(m)
                             if m in ("asserted", "intended", "negated") else 9),
        "nodeStyles": {t: {"color": c, "shape": s} for t, (c, s) in NODE_STYLES.items()},
        "relationStyles": {r: {"color": c, "dashes": dsh, "arrow": a}
                           for r, (c, dsh, a) in RELATION_STYLES.items()},
        "nodeTypes": [t for t in [*ENTITY_TYPES, *sorted(set(types_present) - set(ENTITY_TYPES))]
                      if t in types_present],
        "relationTypes": [r for r in [*RELATION_TYPES, *sorted(set(rels_present) - set(RELATION_TYPES))]
                          if r in rels_present],
        "typeCounts": types_present,
        "relationCounts": rels_present,
        "symmetric": sorted(SYMMETRIC_RELATIONS),
        "dates": sorted(dates),
        "mergerDates": sorted({d["date"] for *_, k, d in graph.edges(keys=True, data=True)
                               if k == "mergesInto" and d.get("date") and d.get("modality") != "negated"}),
        "asOf": day,
        "focus": focus_iri,
        "depth": depth if focus_iri else None,
        "layout": "python" if big else "physics",
        "big": big,
        # on big graphs only the most central actors carry a label on the canvas (measuring
        # thousands of labels dominates a frame); the selection and its neighbours get theirs
        "labelled": sorted(graph, key=lambda v: -sizes.get(v, 0))[:LABELLED_WHEN_BIG] if big else None,
        "sizeBy": size_by or "none",
        "communities": n_comms,
        "communityInfo": comm_info,
        "communityColors": _COMMUNITY_COLOURS,
    }

    resource(TEMPLATE_DIR, TEMPLATE_NAME)  # missing: an error that says so, not jinja's
    env = Environment(loader=ChoiceLoader([PackageLoader("kg", TEMPLATE_DIR), FileSystemLoader(str(net.template_dir))]),
                      autoescape=False)
    net.templateEnv = env
    net.path = TEMPLATE_NAME
    page = net.generate_html(name="network.html")
    page = page.replace("/*KG_META*/null", page_json(meta), 1)
    page = page.replace("<!--KG_TITLE-->", html.escape(title), 2)
    page = page.replace('<html lang="nl">', f'<html lang="{lang}">', 1)
    out = write_page(out_path, page)
    return {
        "path": str(out),
        "nodes": n_nodes,
        "edges": graph.number_of_edges(),
        "layout": meta["layout"],
        "physics": not big,
        "size_by": meta["sizeBy"],
        "communities": n_comms,
        "focus": focus_iri,
        "as_of": day or None,
        "node_types": dict(sorted(types_present.items())),
        "relation_types": dict(sorted(rels_present.items())),
        "lang": lang,
        "report_links": len(meta["reportLinks"]),
    }


def write_page(out_path: str | Path, page: str) -> Path:
    """Write the page (UTF-8); the one place the page touches the disk."""
    from kg.files import atomic_write

    out = Path(out_path)
    atomic_write(out, page)  # a full disk leaves the old page whole
    return out


def _options(big: bool) -> dict[str, Any]:
    nodes = {
        "borderWidth": 1.5,
        "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#222",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False}},
    }
    edges = {
        "font": {"size": 10, "color": "#667", "strokeWidth": 3, "strokeColor": "#ffffff",
                 "align": "middle"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
        "selectionWidth": 2,
    }
    interaction = {
        "hover": True,
        "tooltipDelay": 120,
        "hideEdgesOnDrag": big,
        "hideEdgesOnZoom": big,
        "navigationButtons": False,
        "keyboard": False,
        "multiselect": False,
    }
    if big:
        physics: dict[str, Any] = {"enabled": False}
        layout: dict[str, Any] = {"improvedLayout": False, "randomSeed": 1}
    else:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.012,
                                 "springLength": 130, "springConstant": 0.06,
                                 "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50,
                              "fit": True},
            "minVelocity": 1.0,
        }
        layout = {"improvedLayout": True, "randomSeed": 7}
    return {"nodes": nodes, "edges": edges, "interaction": interaction, "physics": physics,
            "layout": layout}
