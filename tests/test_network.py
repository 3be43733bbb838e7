"""kg.network on a hand-made store (tests/data/network-fixture.trig, shaped as docs/rdf-model.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Literal

from kg import network as kn

FIXTURE = Path(__file__).parent / "data" / "network-fixture.trig"
ID = "https://w3id.org/kg-sociaal/id/"
NOORDERMAAT = ID + "organisation/noordermaat"
WELZIJN = ID + "organisation/welzijn-ouderen"
NIEUW = ID + "organisation/nieuwe-welzijnsorganisatie-assen"
TINTEN = ID + "organisation/tinten"
MJD = ID + "organisation/mjd"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ASSEN = ID + "municipality/gm0106"
XSS = ID + "organisation/stichting-img-src-x-onerror-alert-1"


class FakeStore:
    """What kg.store.Store offers to kg.network: ``select(sparql) -> list[dict]`` with python
    values (str/int/float/date/None; IRIs as str), over the union of the report graphs."""

    def __init__(self, path: Path = FIXTURE):
        self.ds = Dataset(default_union=True)
        self.ds.parse(path, format="trig")
        self.queries: list[str] = []

    def select(self, sparql: str) -> list[dict[str, object]]:
        self.queries.append(sparql)
        res = self.ds.query(sparql)
        rows = []
        for r in res:
            row: dict[str, object] = {}
            for v in res.vars:
                x = r[v]
                if x is None:
                    row[str(v)] = None
                elif isinstance(x, Literal):
                    py = x.toPython()
                    row[str(v)] = float(py) if isinstance(py, Decimal) else py
                else:
                    row[str(v)] = str(x)
            rows.append(row)
        return rows


@pytest.fixture(scope="module")
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture(scope="module")
def g(store) -> nx.MultiDiGraph:
    return kn.to_networkx(store)


def rels(graph):
    return {(s, k, o) for s, o, k in graph.edges(keys=True)}


# -- to_networkx --------------------------------------------------------------------------------


def test_nodes_carry_label_type_aliases_identifiers(g):
    assert g.number_of_nodes() == 17
    assen = g.nodes[ASSEN]
    assert assen == {"label": "Assen", "type": "Municipality", "aliases": ["Gemeente Assen"],
                     "identifiers": {"cbs": "GM0106"}}
    assert g.nodes[NOORDERMAAT]["aliases"] == ["Noorderveld"]
    assert g.nodes[ID + "organisation/ikracht"]["type"] == "Cooperative"
    assert g.nodes[ID + "organisation/hulponline-noord"]["type"] == "Partnership"
    assert g.nodes[XSS]["label"] == "Stichting <img src=x onerror=alert(1)>"  # kept as data


def test_edges_keyed_by_relation_with_provenance(g):
    d = g.edges[NOORDERMAAT, NIEUW, "mergesInto"]
    assert d["relation"] == "mergesInto" and d["date"] == "2015-01-01"
    assert d["modality"] == "asserted" and d["confidence"] == pytest.approx(0.9)
    assert d["sources"] == ["werkbezoek-noordermaat-assen-2013.txt"]
    (ev,) = d["evidence"]
    assert "samengaan van drie organisaties" in ev["sentence"]
    assert ev["report"] == "werkbezoek-noordermaat-assen-2013.txt"
    assert isinstance(ev["start"], int) and ev["end"] - ev["start"] == len(ev["sentence"])
    assert g.edges[NOORDERMAAT, ID + "service/chat-spreekuren", "offersService"]["date"] == "2013-01-01"
    assert g.edges[NOORDERMAAT, TINTEN, "partnerOf"]["date"] == ""


def test_same_fact_from_two_reports_is_one_edge_with_both_sources(g):
    assert g.number_of_edges(NOORDERMAAT, ASSEN) == 1
    d = g.edges[NOORDERMAAT, ASSEN, "locatedIn"]
    assert d["sources"] == ["rapport-samenwerking-2014.md", "werkbezoek-noordermaat-assen-2013.txt"]
    assert len(d["evidence"]) == 2


def test_negated_relations_are_left_out(g):
    assert not g.has_edge(TINTEN, NIEUW)


def test_min_confidence_drops_weak_relations(store, g):
    assert g.has_edge(MJD, WELZIJN, "partnerOf")
    strict = kn.to_networkx(store, min_confidence=0.5)
    assert not strict.has_edge(MJD, WELZIJN)
    assert strict.number_of_edges() == g.number_of_edges() - 1
    assert strict.number_of_nodes() == g.number_of_nodes()


def test_intended_modality_is_kept_and_marked(g):
    assert g.edges[NIEUW, ASSEN, "locatedIn"]["modality"] == "intended"


def test_queries_go_through_select_with_prefixes(store):
    assert store.queries and all(q.startswith("PREFIX kg: <https://w3id.org/kg-sociaal/def#>")
                                 for q in store.queries)


def test_rdflib_dataset_works_directly_too(store, g):
    g2 = kn.to_networkx(store.ds)
    assert rels(g2) == rels(g)
    assert dict(g2.nodes(data=True)) == dict(g.nodes(data=True))


def test_select_returning_dates_and_decimals_as_strings():
    """A store may hand back typed values differently (dates as str, decimals as str)."""

    class Stringy(FakeStore):
        def select(self, sparql):
            return [{k: (v.isoformat() if isinstance(v, dt.date) else
                         str(v) if isinstance(v, float) else v) for k, v in row.items()}
                    for row in super().select(sparql)]

    g = kn.to_networkx(Stringy())
    assert g.edges[NOORDERMAAT, NIEUW, "mergesInto"]["date"] == "2015-01-01"
    assert g.edges[NOORDERMAAT, NIEUW, "mergesInto"]["confidence"] == pytest.approx(0.9)


def test_import_is_light():
    code = "import sys, kg.network; print('pyvis' in sys.modules, 'IPython' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_package_is_split_by_job_and_offers_every_public_name():
    """kg.network is load / analysis / timeline / write, each small; the package still offers
    every public name, each the one its module defines."""
    from pathlib import Path

    import kg.network

    folder = Path(kg.network.__file__).parent
    modules = sorted(p.stem for p in folder.glob("*.py"))
    assert modules == ["__init__", "analysis", "load", "timeline", "write"]
    assert all(len(p.read_text(encoding="utf-8").splitlines()) < 350 for p in folder.glob("*.py"))
    homes = {name: getattr(kn, name).__module__ for name in kn.__all__}
    assert homes == {
        "to_networkx": "kg.network.load",
        **dict.fromkeys(["find_node", "resolve_node", "node_title", "ego", "neighbours", "paths",
                         "stats", "centrality", "communities"], "kg.network.analysis"),
        **dict.fromkeys(["as_of", "mergers"], "kg.network.timeline"),
        **dict.fromkeys(["to_graphml", "to_gexf"], "kg.network.write"),
    }


# -- finding and neighbourhoods ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, iri",
    [
        ("Noordermaat", NOORDERMAAT),
        ("noordermaat", NOORDERMAAT),
        ("Noorderveld", NOORDERMAAT),  # alias
        ("Gemeente Assen", ASSEN),
        ("lariks pittelo", ID + "neighbourhood/lariks-pittelo"),
        ("ikracht", ID + "organisation/ikracht"),
        (NOORDERMAAT, NOORDERMAAT),
        ("Welzijn Oud", WELZIJN),  # unique prefix
    ],
)
def test_find_node(g, name, iri):
    assert kn.find_node(g, name) == iri


def test_find_node_unknown_or_ambiguous(g):
    assert kn.find_node(g, "Nergenshuizen") is None
    assert kn.find_node(g, "") is None
    with pytest.raises(KeyError, match="Nergenshuizen"):
        kn.resolve_node(g, "Nergenshuizen")


def test_ego(g):
    e1 = kn.ego(g, "Noordermaat", 1)
    assert e1.graph["focus"] == NOORDERMAAT
    assert set(e1) == {NOORDERMAAT, NIEUW, TINTEN, ASSEN, ID + "pilot/pilot-lariks-pittelo",
                       ID + "service/chat-spreekuren", ID + "organisation/ikracht",
                       ID + "person/peter-elmont"}
    assert e1.edges[NOORDERMAAT, NIEUW, "mergesInto"]["date"] == "2015-01-01"
    assert set(kn.ego(g, "Noordermaat", 0)) == {NOORDERMAAT}
    assert len(kn.ego(g, "Noordermaat", 2)) > len(e1)
    assert ID + "municipality/gm0014" not in kn.ego(g, "Noordermaat", 10)  # other component


def test_neighbours(g):
    near = kn.neighbours(g, "Tinten", 1)
    labels = {n["label"] for n in near}
    assert labels == {"Noordermaat", "IKracht", "Chat spreekuren"}
    assert all(n["distance"] == 1 for n in near)
    nm = next(n for n in near if n["label"] == "Noordermaat")
    (r,) = nm["relations"]
    assert (r["subject_label"], r["relation"], r["object_label"]) == ("Noordermaat", "partnerOf", "Tinten")
    assert "Tinten" in r["evidence"][0]["sentence"]
    two = kn.neighbours(g, "Tinten", 2)
    assert {n["distance"] for n in two} == {1, 2}
    assert [n["distance"] for n in two] == sorted(n["distance"] for n in two)


def test_paths(g):
    ps = kn.paths(g, "Peter Elmont", "Drenthe", max_paths=3)
    assert len(ps) == 3
    assert [len(p) for p in ps] == sorted(len(p) for p in ps)
    first = ps[0]
    assert [(h["from_label"], h["to_label"]) for h in first] == [
        ("Peter Elmont", "Noordermaat"), ("Noordermaat", "Assen"), ("Assen", "Drenthe")]
    assert [h["relations"][0]["relation"] for h in first] == ["headOf", "locatedIn", "partOf"]
    assert all(h["relations"][0]["evidence"][0]["sentence"] for h in first)
    # undirected: the other way round gives the same chain
    back = kn.paths(g, "Drenthe", "Peter Elmont", max_paths=1)[0]
    assert [h["to_label"] for h in back] == ["Assen", "Noordermaat", "Peter Elmont"]
    assert kn.paths(g, "Noordermaat", "Dimon Groningen") == []
    with pytest.raises(KeyError):
        kn.paths(g, "Noordermaat", "Nergenshuizen")


# -- measures ------------------------------------------------------------------------------------


def test_stats(g):
    s = kn.stats(g, top=3)
    assert (s["nodes"], s["edges"], s["components"]) == (17, 21, 2)
    assert s["largest_component"] == 15
    assert 0 < s["density"] < 1
    assert s["nodes_by_type"]["Municipality"] == 2
    assert s["edges_by_relation"]["mergesInto"] == 2
    assert s["top_degree"][0]["label"] == "Noordermaat" and s["top_degree"][0]["score"] == 7
    assert s["top_betweenness"][0]["label"] == "Noordermaat"
    assert len(s["top_degree"]) == 3
    json.dumps(s)  # plain data, printable by the CLI


@pytest.mark.parametrize("kind", ["degree", "betweenness", "pagerank"])
def test_centrality(g, kind):
    c = kn.centrality(g, kind)
    assert set(c) == set(g)
    assert max(c, key=c.get) == NOORDERMAAT
    if kind == "pagerank":
        assert sum(c.values()) == pytest.approx(1.0)


def test_centrality_unknown_kind(g):
    with pytest.raises(ValueError):
        kn.centrality(g, "closeness")


def test_communities_partition_the_nodes(g):
    cs = kn.communities(g)
    assert set().union(*cs) == set(g)
    assert sum(len(c) for c in cs) == len(g)
    assert [len(c) for c in cs] == sorted((len(c) for c in cs), reverse=True)
    dimon = next(c for c in cs if ID + "organisation/dimon-groningen" in c)
    assert ID + "municipality/gm0014" in dimon and NOORDERMAAT not in dimon
    assert kn.communities(g) == cs  # seeded


# -- time ----------------------------------------------------------------------------------------


def test_as_of_before_the_merger(g):
    before = kn.as_of(g, "2014-12-31")
    assert before.graph["as_of"] == "2014-12-31"
    assert "status" not in before.nodes[NOORDERMAAT]
    assert not before.has_edge(NOORDERMAAT, NIEUW)  # the merger is still to come
    assert before.has_edge(NOORDERMAAT, TINTEN, "partnerOf")
    assert before.has_edge(NOORDERMAAT, ID + "service/chat-spreekuren")  # started 2013
    early = kn.as_of(g, dt.date(2012, 6, 1))
    assert not early.has_edge(NOORDERMAAT, ID + "service/chat-spreekuren")  # not yet started
    assert early.has_edge(NOORDERMAAT, TINTEN)


def test_as_of_after_the_merger(g):
    after = kn.as_of(g, "2015-01-01")
    nm = after.nodes[NOORDERMAAT]
    assert nm["status"] == "ended" and nm["ended"] == "2015-01-01" and nm["merged_into"] == NIEUW
    assert after.nodes[NIEUW]["merged_from"] == [NOORDERMAAT, WELZIJN]
    assert after.has_edge(NOORDERMAAT, NIEUW, "mergesInto")
    # the new organisation takes the old ones' relations, with their evidence
    assert after.has_edge(NIEUW, TINTEN, "partnerOf")
    moved = after.edges[NIEUW, TINTEN, "partnerOf"]
    assert moved["via"] == NOORDERMAAT and "Tinten" in moved["evidence"][0]["sentence"]
    assert after.has_edge(ID + "person/peter-elmont", NIEUW, "headOf")
    assert after.has_edge(NIEUW, ID + "service/dagbesteding", "offersService")
    assert after.has_edge(MJD, NIEUW, "partnerOf")
    # the old ones keep only the merger itself
    assert set(after.out_edges(NOORDERMAAT, keys=True)) == {(NOORDERMAAT, NIEUW, "mergesInto")}
    assert set(after.in_edges(NOORDERMAAT)) == set()
    # three locatedIn Assen edges collapse into one on the new organisation, sources merged
    d = after.edges[NIEUW, ASSEN, "locatedIn"]
    assert set(d["sources"]) == {"werkbezoek-noordermaat-assen-2013.txt", "rapport-samenwerking-2014.md"}
    assert after.number_of_edges(NIEUW, ASSEN) == 1
    # the input graph is untouched
    assert g.has_edge(NOORDERMAAT, TINTEN) and "status" not in g.nodes[NOORDERMAAT]


def test_as_of_follows_chains_of_mergers(g):
    h = g.copy()
    later = ID + "organisation/later"
    h.add_node(later, label="Later", type="Organisation", aliases=[], identifiers={})
    h.add_edge(NIEUW, later, key="mergesInto", relation="mergesInto", date="2020-01-01",
               modality="asserted", confidence=1.0, evidence=[], sources=[])
    a = kn.as_of(h, "2021-01-01")
    assert a.nodes[NOORDERMAAT]["merged_into"] == later
    assert a.has_edge(later, TINTEN, "partnerOf")
    assert a.has_edge(NOORDERMAAT, NIEUW, "mergesInto") and a.has_edge(NIEUW, later, "mergesInto")


# -- files ---------------------------------------------------------------------------------------


def test_graphml_carries_attributes(g, tmp_path):
    p = tmp_path / "g.graphml"
    kn.to_graphml(g, p)
    back = nx.read_graphml(p, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    a = back.nodes[ASSEN]
    assert (a["label"], a["type"], a["cbs"]) == ("Assen", "Municipality", "GM0106")
    assert a["identifiers"] == "cbs:GM0106"
    assert a["aliases"] == "Gemeente Assen"
    (e,) = [d for _, _, d in back.edges(NOORDERMAAT, data=True) if d["relation"] == "mergesInto"]
    assert e["date"] == "2015-01-01"
    assert "samengaan" in e["evidence"]
    assert json.loads(e["evidence_json"])[0]["report"] == "werkbezoek-noordermaat-assen-2013.txt"
    # XSS label survives as data, escaped by the XML writer
    assert back.nodes[XSS]["label"] == "Stichting <img src=x onerror=alert(1)>"
    buf = io.BytesIO()
    kn.to_graphml(g, buf)
    assert b"<img src" not in buf.getvalue()


def test_gexf_has_time_intervals_for_dated_relations(g, tmp_path):
    p = tmp_path / "g.gexf"
    kn.to_gexf(kn.as_of(g, "2016-01-01"), p)
    root = ET.parse(p).getroot()
    ns = {"x": "http://www.gexf.net/1.2draft"}
    graph = root.find("x:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    starts = [e.get("start") for e in graph.iter("{http://www.gexf.net/1.2draft}edge") if e.get("start")]
    assert sorted(set(starts)) == ["2013-01-01", "2015-01-01"]
    ends = {n.get("label"): n.get("end") for n in graph.iter("{http://www.gexf.net/1.2draft}node")}
    assert ends["Noordermaat"] == "2015-01-01" and ends["Tinten"] is None
    back = nx.read_gexf(p)
    assert back.nodes[ASSEN]["cbs"] == "GM0106"
    assert any("samengaan" in d.get("evidence", "") for *_, d in back.edges(data=True))


def test_the_real_store_gives_the_same_graph(g):
    """kg.store's OxigraphStore (select adds the prologue too; duplicates are harmless)."""
    import kg.store as store_mod
    from rdflib import Graph

    ds = Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    st = store_mod.OxigraphStore(None)
    try:
        for part in ds.graphs():
            if str(part.identifier).startswith(ID):
                h = Graph()
                for t in part:
                    h.add(t)
                st.put_report(str(part.identifier), h)
        real = kn.to_networkx(st)
    finally:
        st.close()
    assert dict(real.nodes(data=True)) == dict(g.nodes(data=True))
    assert {e: real.edges[e] for e in real.edges(keys=True)} == {e: g.edges[e] for e in g.edges(keys=True)}
