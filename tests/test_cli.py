"""Each kg command on real files, through typer's CliRunner: output and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from conftest import SAMPLE_REPORT
from kg.cli import app

runner = CliRunner()


def kg(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def store(tmp_path: Path, seed_reports: Path) -> Path:
    location = tmp_path / "store"
    result = kg("build", seed_reports, "--store", location, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return location


# -- build ----------------------------------------------------------------------------------

def test_build_summary_and_idempotence(tmp_path: Path, seed_reports: Path):
    location = tmp_path / "s"
    first = kg("build", seed_reports, "--store", location)
    assert first.exit_code == 0, first.output
    assert "reports added" in first.output and "│     2" in first.output.split("reports added")[1].splitlines()[0]
    assert "entities: Organisation" in first.output and "relations: mergesInto" in first.output
    dump1 = kg("export", "graph", "--format", "nquads", "--store", location).output
    again = kg("build", seed_reports, "--store", location)
    assert again.exit_code == 0
    assert "reports unchanged" in again.output
    assert "2" in again.output.split("reports unchanged")[1].splitlines()[0]
    dump2 = kg("export", "graph", "--format", "nquads", "--store", location).output
    assert sorted(dump1.splitlines()) == sorted(dump2.splitlines())


def test_edited_report_replaces_what_it_said(tmp_path: Path, sample_report: Path):
    location = tmp_path / "s"
    assert kg("build", sample_report.parent, "--store", location).exit_code == 0
    before = kg("export", "entities", "--format", "tsv", "--store", location).output
    assert "Humanitas" in before
    sample_report.write_text(SAMPLE_REPORT.replace("Humanitas", "Zonnebloem Oost"), encoding="utf-8")
    result = kg("build", sample_report.parent, "--store", location)
    assert result.exit_code == 0, result.output
    assert "reports replaced" in result.output
    after = kg("export", "entities", "--format", "tsv", "--store", location).output
    assert "Zonnebloem Oost" in after and "Humanitas" not in after


def test_bad_reports_fail_alone(tmp_path: Path, sample_report: Path):
    folder = sample_report.parent
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "binair.txt").write_bytes(b"\x00\x01\x02\x00" * 10)
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    (folder / "oud.txt").write_bytes("De coöperatie Samen Sterk is opgericht door Klaverblad.".encode("cp1252"))
    location = tmp_path / "s"
    result = kg("build", folder, "--store", location)
    assert result.exit_code == 3
    errors = [line for line in result.output.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 3
    for name in ("leeg.txt", "binair.txt", "kapot.pdf"):
        assert sum(name in e for e in errors) == 1
    assert "Traceback" not in result.output
    names = kg("reports", "--store", location).output
    assert "werkbezoek-klaverblad.txt" in names and "oud.txt" in names
    assert "kapot.pdf" not in names and "leeg.txt" not in names


def test_missing_paths_and_unknown_extensions(tmp_path: Path, sample_report: Path):
    location = tmp_path / "s"
    result = kg("ingest", tmp_path / "weg.txt", sample_report, "--store", location)
    assert result.exit_code == 3
    assert "weg.txt: no such file or folder" in result.output
    assert "werkbezoek-klaverblad.txt" in kg("reports", "--store", location).output
    odd = tmp_path / "rapport.xlsx"
    odd.write_bytes(b"x")
    result = kg("ingest", odd, "--store", location)
    assert result.exit_code == 3 and "unknown kind of report '.xlsx'" in result.output


# -- query ----------------------------------------------------------------------------------

def test_query_text_file_and_formats(store: Path, tmp_path: Path):
    sparql = "SELECT ?l WHERE { ?e a kg:Municipality ; skos:prefLabel ?l } ORDER BY ?l"
    out = kg("query", sparql, "--store", store, "--format", "csv")
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == "l" and "Assen" in out.output.splitlines()
    tsv = kg("query", sparql, "--store", store, "--format", "tsv").output
    assert tsv.splitlines()[0] == "?l" and '"Assen"' in tsv.splitlines()
    js = json.loads(kg("query", sparql, "--store", store, "--format", "json").output)
    assert {"Assen", "Leek", "Noordenveld"} <= {b["l"]["value"] for b in js["results"]["bindings"]}
    rq = tmp_path / "gemeenten.rq"
    rq.write_text(sparql, encoding="utf-8")
    assert "Assen" in kg("query", rq, "--store", store, "--format", "csv").output
    ttl = kg("query", "CONSTRUCT { ?s kg:mergesInto ?o } WHERE { ?s kg:mergesInto ?o }", "--store", store).output
    g = Graph().parse(data=ttl, format="turtle")
    assert len(g) >= 4


def test_named_queries(store: Path):
    listing = kg("query", "--list", "--store", store)
    assert listing.exit_code == 0
    for name in ("founders", "mergers", "pilots", "partners", "actor", "evidence"):
        assert name in listing.output
    mergers = kg("query", "--name", "mergers", "--store", store, "--format", "csv").output
    assert "Noordermaat" in mergers and "2015-01-01" in mergers
    founders = kg("query", "--name", "founders", "--store", store, "--format", "csv").output
    assert "IKracht" in founders and "Lumensgroep" in founders
    partners = kg("query", "--name", "partners", "--param", "name=Noordermaat", "--store", store, "--format", "csv")
    assert partners.exit_code == 0 and "Tinten" in partners.output
    nasty = kg("query", "--name", "actor", "--param", 'name=Noordermaat" } DROP ALL #', "--store", store, "--format", "csv")
    assert nasty.exit_code == 0
    assert kg("stats", "--store", store).exit_code == 0
    assert "Noordermaat" in kg("query", "--name", "actor", "--param", "name=Noordermaat", "--store", store, "--format", "csv").output
    # any letter case finds the actor; a name nothing has says so, and still exits 0 with a header
    assert "Tinten" in kg("query", "--name", "partners", "--param", "name=NOORDERMAAT", "--store", store, "--format", "csv").output
    nobody = kg("query", "--name", "actor", "--param", "name=Niemand", "--store", store, "--format", "csv")
    assert nobody.exit_code == 0 and nobody.stdout.startswith("actor,direction,property")
    assert "nothing in the graph is called 'Niemand'" in nobody.stderr


def test_query_errors_are_one_line(store: Path, tmp_path: Path):
    bad = kg("query", "SELECT ?x WHERE { ?x", "--store", store)
    assert bad.exit_code == 4 and bad.output.startswith("kg: error: malformed SPARQL")
    assert len(bad.output.strip().splitlines()) == 1
    upd = kg("query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store)
    assert upd.exit_code == 4 and "--update" in upd.output
    assert "Assen" in kg("query", "SELECT ?l { ?e skos:prefLabel ?l }", "--store", store, "--format", "csv").output
    unknown = kg("query", "--name", "nope", "--store", store)
    assert unknown.exit_code == 4 and "no bundled query named 'nope'" in unknown.output
    missing = kg("query", "SELECT * { ?s ?p ?o }", "--store", tmp_path / "nothing")
    assert missing.exit_code == 5 and "no store at" in missing.output
    nofile = kg("query", tmp_path / "weg.rq", "--store", store)
    assert nofile.exit_code == 4 and "weg.rq: no such query file" in nofile.output


def test_update_with_flag(store: Path):
    result = kg("query", "--update", "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }", "--store", store)
    assert result.exit_code == 0
    assert "true" in kg("query", "ASK { <urn:a> <urn:b> <urn:c> }", "--store", store, "--format", "csv").output


# -- export ---------------------------------------------------------------------------------

def test_export_relations_and_entities(store: Path, tmp_path: Path):
    out = tmp_path / "rel.tsv"
    assert kg("export", "relations", "--format", "tsv", "--out", out, "--store", store).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert list(rows[0])[:8] == ["subject", "relation", "object", "subject_type", "object_type", "date", "evidence", "source"]
    both = [r for r in rows if r["subject"] == "IKracht" and r["object"] == "Lumensgroep"]
    assert both and len(both[0]["source"].split("|")) == 2  # one relation, both renditions as sources
    ents = kg("export", "entities", "--format", "csv", "--store", store).output
    assert ents.startswith("\ufeff")  # CSV is for spreadsheets: Excel reads UTF-8 by its BOM
    erows = list(csv.DictReader(io.StringIO(ents.removeprefix("\ufeff"))))
    assert list(erows[0])[:4] == ["label", "type", "aliases", "identifiers"]
    noordenveld = [r for r in erows if r["label"] == "Noordenveld"]
    assert noordenveld and noordenveld[0]["identifiers"] == "cbs:GM1699" and "Noorderveld" in noordenveld[0]["aliases"]
    js = json.loads(kg("export", "relations", "--format", "json", "--store", store).output)
    assert any(r["relation"] == "mergesInto" and r["date"] == "2015-01-01" for r in js)


def test_tsv_export_reads_back_whole_when_a_sentence_opens_with_a_quote(tmp_path: Path):
    """A quoted sentence ('"X werkt samen met Y," zegt ...') must not swallow the rows after it
    in a csv reader such as kgeval's."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "interview.txt").write_text(
        '"Stichting Welzijn Noord werkt samen met Stichting Humanitas," zegt de directeur.\n'
        'Stichting Welzijn Noord is gevestigd in Assen en biedt schuldhulpverlening.\n'
        'Stichting Humanitas werkt samen met "De Zonnebloem" in Assen.\n',
        encoding="utf-8",
    )
    location = tmp_path / "store"
    assert kg("build", reports, "--store", location, "--jobs", "1").exit_code == 0
    tsv = kg("export", "relations", "--format", "tsv", "--store", location).stdout
    as_json = json.loads(kg("export", "relations", "--format", "json", "--store", location).stdout)
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t"))
    assert len(as_json) >= 3 and any(r["evidence"].startswith('"') for r in as_json)
    assert len(rows) == len(as_json) == len(tsv.splitlines()) - 1  # one line a row, none swallowed
    assert [r["evidence"] for r in rows] == [r["evidence"] for r in as_json]


@pytest.mark.parametrize("fmt, rdf_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_graph_reloads_isomorphic(store: Path, tmp_path: Path, fmt: str, rdf_format: str):
    out = tmp_path / f"graph.{fmt}"
    assert kg("export", "graph", "--format", fmt, "--out", out, "--store", store).exit_code == 0
    reloaded = Graph().parse(out, format=rdf_format)
    quads = kg("export", "graph", "--format", "nquads", "--store", store).output
    ds = Dataset()
    ds.parse(data=quads, format="nquads")
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert len(reloaded) == len(union) > 100
    assert isomorphic(reloaded, union)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats(store: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"g.{fmt}"
    result = kg("export", "graph", "--format", fmt, "--out", out, "--store", store)
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "Noordermaat" in labels and g.number_of_edges() > 10


def test_export_table_of_graph_is_refused(store: Path):
    result = kg("export", "graph", "--format", "csv", "--store", store)
    assert result.exit_code == 2 and "has no 'csv' table" in result.output


# -- inspect, validate, viz -----------------------------------------------------------------

def test_stats_entities_validate_viz(store: Path, tmp_path: Path):
    stats = kg("stats", "--store", store)
    assert stats.exit_code == 0 and "reports" in stats.output and "relations: foundedBy" in stats.output
    munis = kg("entities", "--type", "municipality", "--store", store, "--format", "tsv").output
    assert "Assen\tMunicipality" in munis and "cbs:GM0106" in munis and "Noordermaat" not in munis
    assert kg("entities", "--type", "Planet", "--store", store).exit_code == 2
    valid = kg("validate", "--store", store)
    assert valid.exit_code == 0, valid.output
    html = tmp_path / "net.html"
    viz = kg("viz", "--out", html, "--store", store)
    assert viz.exit_code == 0, viz.output
    assert html.stat().st_size > 10_000
    focus = kg("viz", "--out", tmp_path / "ego.html", "--focus", "IKracht", "--depth", "1", "--store", store)
    assert focus.exit_code == 0, focus.output
    assert '<html lang="nl">' in html.read_text(encoding="utf-8")  # Dutch unless asked
    english = kg("viz", "--out", tmp_path / "en.html", "--lang", "en", "--store", store)
    assert english.exit_code == 0, english.output
    assert '<html lang="en">' in (tmp_path / "en.html").read_text(encoding="utf-8")
    assert kg("viz", "--out", tmp_path / "fr.html", "--lang", "fr", "--store", store).exit_code == 2
    missing = kg("viz", "--out", tmp_path / "r.html", "--reports", tmp_path / "nowhere", "--store", store)
    assert missing.exit_code == 3 and "nowhere: no such folder of reports" in missing.output
    assert not (tmp_path / "fr.html").exists() and not (tmp_path / "r.html").exists()


def test_network_commands(store: Path):
    stats = kg("network", "stats", "--store", store)
    assert stats.exit_code == 0 and "Noordermaat" in stats.output
    path = kg("network", "path", "Lumensgroep", "Hanzehogeschool", "--store", store)
    assert path.exit_code == 0, path.output
    assert "IKracht" in path.output and "Noordermaat" in path.output
    nb = kg("network", "neighbours", "IKracht", "--store", store)
    assert nb.exit_code == 0 and "Kwadraad" in nb.output


# -- curation -------------------------------------------------------------------------------

def test_review_reject_survives_reingest_and_add_is_curated(tmp_path: Path, sample_report: Path):
    curations = tmp_path / "curations"
    review_file = curations / "werkbezoek-klaverblad.tsv"
    result = kg("review", sample_report, "--out", review_file)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(review_file.open(encoding="utf-8"), delimiter="\t"))
    assert rows and all(r["evidence"] and r["rule"] and r["confidence"] for r in rows)
    target = next(r for r in rows if r["relation"] == "foundedBy" and r["object"] == "Humanitas")
    target["decision"] = "reject"
    added = dict(rows[0], decision="add", subject="Klaverblad", relation="memberOf", object="Netwerk Noord",
                 subject_type="Organisation", object_type="Cooperative", id="", evidence="", start="", end="")
    with review_file.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + [added])
    location = tmp_path / "s"
    for _ in range(2):  # the rejection holds on the first build and when built again from scratch
        assert kg("build", sample_report.parent, "--store", location, "--curations", curations, "--force").exit_code == 0
        rel = list(csv.DictReader(io.StringIO(kg("export", "relations", "--format", "tsv", "--store", location).output), delimiter="\t"))
        assert not [r for r in rel if r["relation"] == "foundedBy" and r["object"] == "Humanitas"]
        curated = [r for r in rel if r["relation"] == "memberOf" and r["object"] == "Netwerk Noord"]
        assert curated and curated[0]["curated_by"].endswith("werkbezoek-klaverblad.tsv")
    # review again keeps the decisions people made
    again = kg("review", sample_report, "--out", review_file)
    assert again.exit_code == 0 and "0 new" in again.output
    assert "reject" in review_file.read_text(encoding="utf-8")


def test_bad_curation_file_is_one_clear_error(tmp_path: Path, sample_report: Path):
    curations = tmp_path / "cur"
    curations.mkdir()
    (curations / "x.tsv").write_text("decision\treport\tsubject\trelation\tobject\nmaybe\tr\ta\tpartnerOf\tb\n", encoding="utf-8")
    result = kg("build", sample_report.parent, "--store", tmp_path / "s", "--curations", curations)
    assert result.exit_code == 3 and "x.tsv:2: decision 'maybe'" in result.output


def test_version_and_help():
    assert kg("--version").output.startswith("kg ")
    assert kg("--help").exit_code == 0


def test_validate_fails_on_a_graph_that_breaks_a_shape(store: Path):
    broken = """INSERT DATA { GRAPH <urn:kg:test> {
        <https://w3id.org/kg-sociaal/id/organisation/noordermaat> kg:leadsPilot <https://w3id.org/kg-sociaal/id/municipality/gm0106> .
        <https://w3id.org/kg-sociaal/id/municipality/gm0106> kg:cbsCode "GM106" } }"""
    assert kg("query", "--update", broken, "--store", store).exit_code == 0
    result = kg("validate", "--store", store)
    assert result.exit_code == 6
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("kg: error:") and "violation" in lines[-1]
    assert any("Noordermaat — kg:leadsPilot" in line and "pilot" in line for line in lines)
    assert any("Assen — kg:cbsCode" in line and "GM106" in line for line in lines)
