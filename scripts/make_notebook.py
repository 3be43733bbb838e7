"""Write notebooks/explore.ipynb and run it, so that it is saved with its outputs.

The cells are kept here as code so that they stay reviewable in diffs. Run it again after a
change to kg that changes what the notebook shows:

    .venv/bin/python scripts/make_notebook.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

md, code = new_markdown_cell, new_code_cell

cells = [
    md(
        "# De kennisgraaf van het sociaal domein verkennen\n\n"
        "Dit notebook laat zien hoe je met `kg` werkt vanuit Python: de graaf bouwen uit verslagen, "
        "je **eigen verslagen** toevoegen, vragen stellen in SPARQL en de antwoorden als "
        "**pandas-DataFrame** bekijken, fouten van de extractie **corrigeren** (de curatielus), "
        "het netwerk **in de tijd** bekijken (fusies), de **centrale actoren** vinden, "
        "**exporteren** naar Excel en Gephi, en het interactieve netwerk openen. Alles werkt offline.\n\n"
        "*In English: a tutorial of kg from Python — build, add your own reports, query into "
        "DataFrames, correct the extraction, time and mergers, central actors, exports, the network page.*"
    ),
    md(
        "## 1. De graaf bouwen\n\n"
        "We zoeken de projectmap (ook als je het notebook vanuit een andere map start) en bouwen een "
        "graaf in een tijdelijke map uit de meegeleverde verslagen in `data/reports`."
    ),
    code(
        "import tempfile\n"
        "from pathlib import Path\n\n"
        "import pandas as pd\n\n"
        "import kg\n\n\n"
        "def projectmap() -> Path:\n"
        "    \"\"\"De map met data/reports: boven de huidige map, anders die van het kg-pakket.\"\"\"\n"
        "    for map_ in [Path.cwd(), *Path.cwd().parents, Path(kg.__file__).resolve().parent.parent]:\n"
        "        if (map_ / 'data' / 'reports').is_dir():\n"
        "            return map_\n"
        "    raise FileNotFoundError('data/reports niet gevonden: start het notebook in de kg-projectmap')\n\n\n"
        "ROOT = projectmap()\n"
        "WERK = Path(tempfile.mkdtemp(prefix='kg-notebook-'))\n"
        "store = kg.open_store(WERK / 'graaf', create=True)\n"
        "samenvatting = kg.build(store, [ROOT / 'data' / 'reports'], curations=None, aliases=ROOT / 'data' / 'aliases.tsv')\n"
        "print(f\"{samenvatting.count('added')} verslagen toegevoegd\")\n"
        "pd.DataFrame(sorted(samenvatting.relation_types.items()), columns=['relatie', 'aantal'])"
    ),
    md(
        "## 2. Eigen verslagen toevoegen\n\n"
        "Twee korte verslagen die we zelf schreven (de organisaties zijn verzonnen). Je eigen "
        "verslagen (.txt, .md, .pdf, .docx, .html) zet je in een map en geef je aan `kg.build`; "
        "een verslag dat niet veranderd is wordt overgeslagen."
    ),
    code(
        "EIGEN = WERK / 'mijn-verslagen'\n"
        "EIGEN.mkdir()\n"
        "(EIGEN / 'overleg-wijkteams-heuvelrand.txt').write_text('''Verslag overleg wijkteams Heuvelrand\n\n"
        "3 februari 2016\n\n"
        "Directeur Marieke Jansen van Stichting Zonnewijzer opende het overleg in de gemeente Amersfoort.\n"
        "Stichting Zonnewijzer werkt samen met Buurtkracht Eemland en de GGD.\n"
        "Zonnewijzer biedt maatschappelijk werk en schuldhulpverlening.\n"
        "De coöperatie Samen Sterk is opgericht door Zonnewijzer, Buurtkracht Eemland en Welzijn De Brug.\n"
        "''', encoding='utf-8')\n"
        "(EIGEN / 'jaarbericht-welzijn-de-brug.txt').write_text('''Jaarbericht Welzijn De Brug 2017\n\n"
        "Welzijn De Brug is gevestigd in Amersfoort en biedt mantelzorgondersteuning.\n"
        "Welzijn De Brug werkt samen met de gemeente Amersfoort.\n"
        "Per 1 januari 2018 gaan Welzijn De Brug en Zonnewijzer samen verder als Welzijn Eemland.\n"
        "''', encoding='utf-8')\n\n"
        "samenvatting = kg.build(store, [ROOT / 'data' / 'reports', EIGEN], curations=None)\n"
        "print(f\"{samenvatting.count('added')} eigen verslagen toegevoegd, \"\n"
        "      f\"{samenvatting.count('unchanged')} ongewijzigd overgeslagen\")"
    ),
    md(
        "## 3. Vragen in SPARQL, antwoorden als DataFrame\n\n"
        "`kg.query` voert een meegeleverde vraag (`kg query --list`) of je eigen SPARQL uit; "
        "`.to_dataframe()` geeft een pandas-DataFrame. De voorvoegsels `kg:`, `skos:` enz. zijn al bekend."
    ),
    code("kg.query(store, name='founders').to_dataframe()"),
    code(
        "# Wat zeggen onze eigen verslagen? Elke relatie met het verslag waar ze uit komt.\n"
        "relaties = pd.DataFrame(kg.query(store, '''\n"
        "SELECT ?subject ?relatie ?object ?verslag WHERE {\n"
        "  ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;\n"
        "     prov:wasDerivedFrom/kg:fileName ?verslag .\n"
        "  ?s skos:prefLabel ?subject . ?o skos:prefLabel ?object .\n"
        "  BIND(STRAFTER(STR(?p), STR(kg:)) AS ?relatie)\n"
        "  FILTER(?verslag IN (\"overleg-wijkteams-heuvelrand.txt\", \"jaarbericht-welzijn-de-brug.txt\"))\n"
        "} ORDER BY ?verslag ?relatie ?subject ?object''').to_dataframe())\n"
        "relaties"
    ),
    md(
        "## 4. De curatielus: de extractie verbeteren\n\n"
        "De extractie werkt met regels en mist soms iets. `kg.review` schrijft alle kandidaat-relaties "
        "van een verslag naar een TSV-bestand; in de kolom `decision` zet je `accept`, `reject`, "
        "`correct` of `add` (in een spreadsheet, of zoals hier met pandas). Daarna bouw je opnieuw: "
        "een afgewezen relatie komt nooit terug, een toegevoegde wordt bewaard met `kg:curatedBy`.\n\n"
        "Het jaarbericht zegt dat Welzijn De Brug en Zonnewijzer per 1 januari 2018 samengaan als "
        "Welzijn Eemland. Staat die fusie in de graaf?"
    ),
    code(
        "CURATIE = WERK / 'curaties'\n"
        "bestand, nieuw = kg.review(EIGEN / 'jaarbericht-welzijn-de-brug.txt', CURATIE / 'jaarbericht-welzijn-de-brug.tsv',\n"
        "                           store=store, aliases=None)\n"
        "review = pd.read_csv(bestand, sep='\\t', dtype=str, keep_default_na=False)\n"
        "print(f'{nieuw} kandidaat-relaties in {bestand.name}')\n"
        "review[['decision', 'subject', 'relation', 'object', 'confidence', 'rule']]"
    ),
    code(
        "fusie_gevonden = ((review['relation'] == 'mergesInto') & (review['object'] == 'Welzijn Eemland')).any()\n"
        "print('de extractie vond de fusie' if fusie_gevonden else 'de extractie mist de fusie: we voegen haar toe')\n"
        "zin = 'Per 1 januari 2018 gaan Welzijn De Brug en Zonnewijzer samen verder als Welzijn Eemland.'\n"
        "toevoegen = [\n"
        "    {'decision': 'add', 'report': 'jaarbericht-welzijn-de-brug.txt', 'subject': oud, 'relation': 'mergesInto',\n"
        "     'object': 'Welzijn Eemland', 'subject_type': 'Organisation', 'object_type': 'Organisation',\n"
        "     'date': '2018-01-01', 'evidence': zin}\n"
        "    for oud in ('Welzijn De Brug', 'Zonnewijzer')\n"
        "]\n"
        "review = pd.concat([review, pd.DataFrame(toevoegen)], ignore_index=True).fillna('')\n"
        "review.to_csv(bestand, sep='\\t', index=False)\n\n"
        "samenvatting = kg.build(store, [ROOT / 'data' / 'reports', EIGEN], curations=CURATIE)\n"
        "print(f\"opnieuw gebouwd: {samenvatting.count('replaced')} verslag vervangen\")\n"
        "kg.query(store, name='mergers').to_dataframe()"
    ),
    md(
        "## 5. Tijd: het netwerk op een datum\n\n"
        "Relaties kunnen een datum hebben (een fusie, de start van een dienst). `kg.network.mergers` "
        "geeft de tijdlijn van de fusies; `kg.network.as_of` toont het netwerk zoals het op een datum "
        "was: een organisatie die gefuseerd is, is dan beëindigd en haar relaties gaan over naar de "
        "nieuwe organisatie (zoals de tijdschuif op de netwerkpagina en `kg viz --as-of`)."
    ),
    code(
        "from kg import network\n\n"
        "G = kg.to_networkx(store)\n"
        "label = {n: d['label'] for n, d in G.nodes(data=True)}\n"
        "tijdlijn = pd.DataFrame([(datum, label[oud], label[nieuw]) for datum, oud, nieuw in network.mergers(G)],\n"
        "                        columns=['datum', 'gaat op in', 'nieuwe organisatie'])\n"
        "tijdlijn"
    ),
    code(
        "def stand(datum: str) -> pd.DataFrame:\n"
        "    \"\"\"Per organisatie die ooit fuseert: bestaat ze nog op deze datum, en met hoeveel relaties?\"\"\"\n"
        "    H = network.as_of(G, datum)\n"
        "    rijen = []\n"
        "    for _, oud, nieuw in network.mergers(G):\n"
        "        for knoop in (oud, nieuw):\n"
        "            d = H.nodes[knoop]\n"
        "            status = 'opgegaan in ' + H.nodes[d['merged_into']]['label'] if d.get('status') == 'ended' else 'bestaat'\n"
        "            rijen.append({'organisatie': d['label'], 'status': status,\n"
        "                          'relaties': H.degree(knoop)})\n"
        "    return pd.DataFrame(rijen).drop_duplicates('organisatie').set_index('organisatie')\n\n"
        "pd.concat({'op 31-12-2014': stand('2014-12-31'), 'op 1-6-2018': stand('2018-06-01')}, axis=1)"
    ),
    md(
        "## 6. Wie is centraal? Alleen actoren\n\n"
        "`kg.to_networkx` geeft een networkx-`MultiDiGraph`: één knoop per entiteit, één kant per "
        "relatie, met bewijs op elke kant. Diensten, wijken en pilots zijn knopen maar geen actoren; "
        "we berekenen de centraliteit op het hele netwerk (ook via een gedeelde dienst kun je "
        "verbonden zijn) en rangschikken alleen de **actoren**: organisaties, coöperaties, "
        "samenwerkingsverbanden, gemeenten, provincies en personen. *Degree* zegt met hoeveel anderen "
        "een actor verbonden is; *betweenness* wie verder gescheiden delen van het veld verbindt."
    ),
    code(
        "import networkx as nx\n\n"
        "ACTOREN = {'Organisation', 'Cooperative', 'Partnership', 'Municipality', 'Province', 'Person'}\n"
        "U = nx.Graph(G)\n"
        "print(G.number_of_nodes(), 'knopen,', G.number_of_edges(), 'relaties')\n"
        "centraliteit = pd.DataFrame({\n"
        "    'actor': [G.nodes[n]['label'] for n in U],\n"
        "    'type': [G.nodes[n]['type'] for n in U],\n"
        "    'degree': pd.Series(nx.degree_centrality(U)).round(3).values,\n"
        "    'betweenness': pd.Series(nx.betweenness_centrality(U)).round(3).values,\n"
        "})\n"
        "centraliteit[centraliteit['type'].isin(ACTOREN)].sort_values(['betweenness', 'degree'], ascending=False).head(10)"
    ),
    md(
        "## 7. Exporteren\n\n"
        "Naar Excel (`.xlsx`, met echte datums en getallen), CSV (met BOM, puntkomma voor een "
        "Nederlandse Excel), en GEXF/GraphML voor Gephi. Op de opdrachtregel: "
        "`kg export relations --format xlsx --out relaties.xlsx`."
    ),
    code(
        "UIT = WERK / 'uit'\n"
        "kg.export(store, 'relations', 'xlsx', UIT / 'relaties.xlsx')\n"
        "kg.export(store, 'relations', 'csv', UIT / 'relaties.csv', delimiter=';')\n"
        "kg.export(store, 'graph', 'gexf', UIT / 'netwerk.gexf')\n"
        "print(sorted(p.name for p in UIT.iterdir()))\n"
        "fusies = pd.read_excel(UIT / 'relaties.xlsx').query(\"relation == 'mergesInto'\")\n"
        "fusies.assign(curated_by=fusies['curated_by'].fillna('').map(lambda p: Path(p).name))[\n"
        "    ['subject', 'object', 'date', 'curated_by']]"
    ),
    md(
        "## 8. Het interactieve netwerk\n\n"
        "Eén HTML-pagina die offline werkt. Zoek een actor, klik voor zijn relaties, beweeg over een "
        "kant voor het bewijs (de zin en het verslag)."
    ),
    code(
        "from IPython.display import IFrame\n\n"
        "info = kg.render(G, 'network.html')\n"
        "print(f\"network.html: {info['nodes']} knopen, {info['edges']} relaties\")\n"
        "IFrame('network.html', width='100%', height=600)"
    ),
    code("store.close()"),
]


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    out = folder / "explore.ipynb"
    nbformat.write(nb, out)
    print(f"wrote {out} with its outputs", file=sys.stderr)


if __name__ == "__main__":
    main()
