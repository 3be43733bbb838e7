"""Write notebooks/explore.ipynb (kept as code so its cells stay reviewable in diffs)."""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = [
    new_markdown_cell(
        "# Exploring the knowledge graph of the social domain\n\n"
        "This notebook builds the graph from the bundled reports in `data/reports`, asks it a few "
        "questions in SPARQL, analyses it as a network with networkx (who is central, who bridges "
        "whom), and shows the interactive network inline. Everything runs offline."
    ),
    new_code_cell(
        "import tempfile\n"
        "from pathlib import Path\n\n"
        "import kg\n\n"
        "ROOT = Path.cwd().parent if Path.cwd().name == 'notebooks' else Path.cwd()\n"
        "store = kg.open_store(Path(tempfile.mkdtemp()) / 'store', create=True)\n"
        "summary = kg.build(store, [ROOT / 'data' / 'reports'], curations=ROOT / 'data' / 'curations',\n"
        "                   aliases=ROOT / 'data' / 'aliases.tsv')\n"
        "print(f\"{summary.count('added')} reports added\")\n"
        "print('entities:', dict(summary.entity_types))\n"
        "print('relations:', dict(summary.relation_types))"
    ),
    new_markdown_cell("## Questions in SPARQL\n\nThe bundled queries (`kg query --list`) and one of our own."),
    new_code_cell(
        "def show(result, limit=20):\n"
        "    rows = result.records()\n"
        "    for row in rows[:limit]:\n"
        "        print(' | '.join('' if v is None else str(v) for v in row.values()))\n"
        "    print(f'({len(rows)} rows)')\n\n"
        "show(kg.query(store, name='mergers'))"
    ),
    new_code_cell("show(kg.query(store, name='founders'))"),
    new_code_cell(
        "show(kg.query(store, '''\n"
        "SELECT ?organisation (COUNT(DISTINCT ?other) AS ?partners) WHERE {\n"
        "  ?o kg:partnerOf|^kg:partnerOf ?x . ?o skos:prefLabel ?organisation . ?x skos:prefLabel ?other .\n"
        "} GROUP BY ?organisation ORDER BY DESC(?partners)'''))"
    ),
    new_markdown_cell(
        "## The network\n\n`kg.to_networkx` gives a `MultiDiGraph`: one node per actor, one edge per "
        "relation, with evidence on every edge. Degree says who is connected; betweenness says who "
        "bridges otherwise separate parts of the field."
    ),
    new_code_cell(
        "import networkx as nx\n\n"
        "G = kg.to_networkx(store)\n"
        "print(G.number_of_nodes(), 'actors,', G.number_of_edges(), 'relations')\n"
        "U = nx.Graph(G)\n"
        "label = nx.get_node_attributes(G, 'label')\n"
        "degree = nx.degree_centrality(U)\n"
        "between = nx.betweenness_centrality(U)\n"
        "for node in sorted(between, key=between.get, reverse=True)[:8]:\n"
        "    print(f'{label[node]:<40} degree {degree[node]:.2f}  betweenness {between[node]:.2f}')"
    ),
    new_code_cell(
        "# Who bridges whom: actors whose removal splits the network, and what they connect.\n"
        "for node in nx.articulation_points(U):\n"
        "    rest = U.copy(); rest.remove_node(node)\n"
        "    parts = [sorted(label[n] for n in comp)[:3] for comp in nx.connected_components(rest)\n"
        "             if any(U.has_edge(node, n) for n in comp)]\n"
        "    print(label[node], 'bridges', ' / '.join(', '.join(p) for p in parts))"
    ),
    new_markdown_cell("## Interactive network\n\nHover a node or an edge to see the evidence; click a node for its panel."),
    new_code_cell(
        "from IPython.display import IFrame\n\n"
        "info = kg.render(G, 'network.html')\n"
        "print(info)\n"
        "IFrame('network.html', width='100%', height=600)"
    ),
    new_code_cell("store.close()"),
]

nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
})
out = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
nbformat.write(nb, out)
print(f"wrote {out}")
