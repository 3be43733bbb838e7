"""Exports opened with the tools people open them with: graphology (Gephi Lite's reader) and
networkx for GraphML and GEXF, openpyxl for XLSX, csv for CSV with a BOM, rdflib for RDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SKOS
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.namespaces import KG

from conftest import ROOT

JS = ROOT / "tests" / "js"
runner = CliRunner()


def run(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def seed(built_seed_store: Path):
    with kg.open_store(built_seed_store, read_only=True) as store:
        graph = kg.to_networkx(store)
    return built_seed_store, graph


def graphology(path: Path) -> dict:
    """The graph as graphology reads it: ``{nodes: [{key, attributes}], edges: [...]}``."""
    assert (JS / "node_modules" / "graphology").is_dir(), "run 'make test' (npm ci in tests/js) first"
    out = subprocess.run(["node", str(JS / "read-graph.js"), str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def expected_edges(graph) -> dict[tuple[str, str, str], dict]:
    return {(s, o, k): d for s, o, k, d in graph.edges(keys=True, data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphology_reads_every_node_and_edge_with_its_attributes(seed, tmp_path: Path, fmt: str):
    location, graph = seed
    path = tmp_path / f"graph.{fmt}"
    run("export", "graph", "--format", fmt, "--out", path, "--store", location)
    read = graphology(path)
    nodes = {n["key"]: n["attributes"] for n in read["nodes"]}
    assert set(nodes) == set(graph.nodes)
    for n, d in graph.nodes(data=True):
        assert nodes[n]["label"] == d["label"] and nodes[n]["type"] == d["type"]
        assert nodes[n]["aliases"] == "|".join(d["aliases"])
    keys = [e["key"] for e in read["edges"]]
    assert len(keys) == len(set(keys)) == graph.number_of_edges()  # every edge, each id once
    want = expected_edges(graph)
    got = {(e["source"], e["target"], e["attributes"]["relation"]): e["attributes"] for e in read["edges"]}
    assert set(got) == set(want)
    for key, d in want.items():
        a = got[key]
        assert a["modality"] == d["modality"]
        assert a.get("date", "") == d["date"]
        assert a["confidence"] == pytest.approx(d["confidence"])  # a number, not text
        assert a["sources"].split("|") == d["sources"]
        assert "\n" not in a["evidence"] and a["evidence"]
        assert [e["sentence"] for e in json.loads(a["evidence_json"])] == [e["sentence"] for e in d["evidence"]]


def test_networkx_reads_graphml_and_gexf_back(seed, tmp_path: Path):
    location, graph = seed
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"graph.{fmt}"
        run("export", "graph", "--format", fmt, "--out", path, "--store", location)
        back = reader(path)
        assert set(back.nodes) == set(graph.nodes)
        got = {(s, o, d["relation"]): d for s, o, d in back.edges(data=True)}
        want = expected_edges(graph)
        assert set(got) == set(want)
        for key, d in want.items():
            assert float(got[key]["confidence"]) == pytest.approx(d["confidence"])
            assert got[key].get("date", "") == d["date"]
            assert got[key]["sources"] == "|".join(d["sources"])


def test_gexf_timeline_ends_a_merged_organisation_on_its_merger_date(seed, tmp_path: Path):
    location, graph = seed
    path = tmp_path / "graph.gexf"
    run("export", "graph", "--format", "gexf", "--out", path, "--store", location)
    back = nx.read_gexf(path)
    merged = {s: d["date"] for s, o, k, d in graph.edges(keys=True, data=True) if k == "mergesInto" and d["date"]}
    assert merged
    for node, date in merged.items():
        assert back.nodes[node]["end"] == date
    survivors = set(graph.nodes) - set(merged)
    assert not any("end" in back.nodes[n] for n in survivors)
    for s, o, d in back.edges(data=True):
        if d.get("date"):
            assert d["start"] == d["date"]


def test_csv_has_a_bom_and_takes_a_semicolon(seed, tmp_path: Path):
    location, graph = seed
    path = tmp_path / "relations.csv"
    run("export", "relations", "--format", "csv", "--delimiter", ";", "--out", path, "--store", location)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0])[:3] == ["subject", "relation", "object"]
    assert len(rows) == graph.number_of_edges()
    # the PDF rendition's line breaks are gone: each evidence cell is one line
    assert all(r["evidence"] == " ".join(r["evidence"].split()) for r in rows)
    pdf_only = [e["sentence"] for *_, d in graph.edges(data=True) for e in d["evidence"] if "\n" in e["sentence"]]
    assert pdf_only  # the seed's PDF text has such sentences
    plain = run("export", "relations", "--format", "csv", "--store", location)
    assert plain.startswith("\ufeffsubject,relation,object,")
    wrong = runner.invoke(app, ["export", "relations", "--format", "tsv", "--delimiter", ";", "--store", str(location)])
    assert wrong.exit_code == 2 and wrong.stderr.startswith("kg: error: --delimiter is for csv")  # wrong use
    long = runner.invoke(app, ["export", "relations", "--format", "csv", "--delimiter", ";;", "--store", str(location)])
    assert long.exit_code == 2 and long.stderr.startswith("kg: error: the delimiter must be one character")


def test_xlsx_has_typed_cells(seed, tmp_path: Path):
    from openpyxl import load_workbook

    location, _ = seed
    path = tmp_path / "relations.xlsx"
    run("export", "relations", "--format", "xlsx", "--out", path, "--store", location)
    rows = json.loads(run("export", "relations", "--format", "json", "--store", location))
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header == list(rows[0])
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(rows)
    col = {name: i for i, name in enumerate(header)}
    for cells, row in zip(body, rows):
        assert cells[col["subject"]] == row["subject"] and cells[col["object"]] == row["object"]
        assert isinstance(cells[col["confidence"]], float) and cells[col["confidence"]] == row["confidence"]
        if row["date"]:
            assert isinstance(cells[col["date"]], dt.datetime)  # a date cell (Excel keeps datetimes)
            assert cells[col["date"]].date().isoformat() == row["date"]
        else:
            assert cells[col["date"]] is None
        assert cells[col["source"]] == "|".join(row["source"])
    entities = tmp_path / "entities.xlsx"
    run("export", "entities", "--format", "xlsx", "--out", entities, "--store", location)
    assert [c.value for c in load_workbook(entities).active[1]][:4] == ["label", "type", "aliases", "identifiers"]


def test_json_types_confidence_null_dates_and_lists(seed):
    location, _ = seed
    rows = json.loads(run("export", "relations", "--format", "json", "--store", location))
    assert all(isinstance(r["confidence"], float) for r in rows)
    assert any(r["date"] is None for r in rows) and not any(r["date"] == "" for r in rows)
    assert all(isinstance(r[c], list) for r in rows for c in ("source", "rule", "curated_by"))
    assert any(len(r["source"]) == 2 for r in rows)
    ents = json.loads(run("export", "entities", "--format", "json", "--store", location))
    noordenveld = next(e for e in ents if e["label"] == "Noordenveld")
    assert noordenveld["identifiers"] == ["cbs:GM1699"] and noordenveld["aliases"] == ["Noorderveld"]


def test_json_ld_context_has_terms_and_labels_are_dutch(seed, tmp_path: Path):
    location, _ = seed
    doc = json.loads(run("export", "relations", "--format", "jsonld", "--store", location))
    context = doc["@context"]
    assert context["kg"] == str(KG)
    assert context["mergesInto"] == {"@id": "kg:mergesInto", "@type": "@id"}
    assert context["Organisation"] == "kg:Organisation" and "prefLabel" in context
    text = json.dumps(doc)
    assert '"mergesInto"' in text and '"prefLabel"' in text  # the terms are used, not only defined
    g = Graph().parse(data=json.dumps(doc), format="json-ld")
    labels = set(g.objects(None, SKOS.prefLabel))
    assert Literal("Noordermaat", lang="nl") in labels
    ttl = Graph().parse(data=run("export", "entities", "--format", "ttl", "--store", location), format="turtle")
    people = set(ttl.subjects(None, KG.Person))
    for s, label in ttl.subject_objects(SKOS.prefLabel):
        assert label.language == (None if s in people else "nl"), (s, label)


def _copy(location: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(location, copy)
    return copy


def test_a_triple_added_by_update_shows_in_the_relations_export(seed, tmp_path: Path):
    location, graph = seed
    store = _copy(location, tmp_path)
    label = {d["label"]: n for n, d in graph.nodes(data=True)}
    a, b = label["Tinten"], label["Kwadraad"]
    assert not graph.has_edge(a, b)
    run("query", "--update", f"INSERT DATA {{ GRAPH <urn:x-mine:hand> {{ <{a}> kg:partnerOf <{b}> }} }}", "--store", store)
    rows = json.loads(run("export", "relations", "--format", "json", "--store", store))
    mine = [r for r in rows if (r["subject"], r["relation"], r["object"]) == ("Tinten", "partnerOf", "Kwadraad")]
    assert mine == [dict(mine[0], source=["urn:x-mine:hand"], evidence=None, confidence=None, date=None)]
    tsv = run("export", "relations", "--format", "tsv", "--store", store)
    assert "Tinten\tpartnerOf\tKwadraad\t" in tsv


def test_a_date_known_only_to_the_year_keeps_its_precision(seed, tmp_path: Path):
    from rdflib.namespace import XSD

    from kg.graph import date_term

    assert date_term("2016") == f'"2016"^^<{XSD.gYear}>'
    assert date_term("2016-03") == f'"2016-03"^^<{XSD.gYearMonth}>'
    assert date_term("2016-03-01") == f'"2016-03-01"^^<{XSD.date}>'
    location, graph = seed
    store = _copy(location, tmp_path)
    # a merger whose date the text gives only as a year, as the extraction will give it: "2015"
    run("query", "--update", """DELETE { GRAPH ?g { ?x kg:date ?d } } INSERT { GRAPH ?g { ?x kg:date "2015"^^xsd:gYear } }
        WHERE { GRAPH ?g { ?x kg:date ?d . FILTER(?d = "2015-01-01"^^xsd:date) } }""", "--store", store)
    rows = json.loads(run("export", "relations", "--format", "json", "--store", store))
    assert {r["date"] for r in rows if r["relation"] == "mergesInto"} == {"2015"}
    tsv = list(csv.DictReader(io.StringIO(run("export", "relations", "--format", "tsv", "--store", store)), delimiter="\t"))
    assert {r["date"] for r in tsv if r["relation"] == "mergesInto"} == {"2015"}
    out = tmp_path / "r.xlsx"
    run("export", "relations", "--format", "xlsx", "--out", out, "--store", store)
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    dates = {r[header.index("date")] for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "mergesInto"}
    assert dates == {"2015"}  # text: a date cell would claim 1 January
    gexf = tmp_path / "g.gexf"
    run("export", "graph", "--format", "gexf", "--out", gexf, "--store", store)
    back = nx.read_gexf(gexf)
    merged = [d for *_, d in back.edges(data=True) if d["relation"] == "mergesInto"]
    assert merged and all(d["date"] == "2015" and d["start"] == "2015-01-01" for d in merged)
    with kg.open_store(store, read_only=True) as st:
        assert kg.validate(st).conforms
