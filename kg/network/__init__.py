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

One module a job: :mod:`~kg.network.load` (store -> graph), :mod:`~kg.network.analysis`
(actors, neighbourhoods, paths, measures), :mod:`~kg.network.timeline` (mergers, as of a date),
:mod:`~kg.network.write` (GraphML, GEXF); this package offers their public names.
Only networkx is imported here (pyvis lives in :mod:`kg.viz`), so ``import kg.network`` is light.
"""

from __future__ import annotations

from kg.network.analysis import (BETWEENNESS_SAMPLE_ABOVE, CentralityKind, centrality,  # noqa: F401
                                 communities, ego, find_node, neighbours, node_title, paths,
                                 resolve_node, stats)
from kg.network.load import _iso, to_networkx  # noqa: F401  (_iso: kg.viz dates the page with it)
from kg.network.timeline import as_of, mergers
from kg.network.write import to_gexf, to_graphml

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
