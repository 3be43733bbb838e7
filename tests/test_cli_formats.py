"""The query and listing commands as SPARQL tools and spreadsheets read them: SPARQL 1.1 TSV
(parsed with pyoxigraph's results parser), JSON-LD for CONSTRUCT (loaded with rdflib), the
query from standard input, error positions in the user's lines, one --format everywhere,
and kg.query(...).to_dataframe()."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from typer.testing import CliRunner

import kg
from kg.cli import app

runner = CliRunner()

#: Sentences of the PDF rendition keep their line breaks in the store: a TSV must escape them.
SENTENCES = "SELECT ?s ?sentence ?start WHERE { ?s kg:sentence ?sentence ; kg:startOffset ?start } ORDER BY ?s"


def invoke(*args, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def ok(*args, input: str | None = None) -> str:
    result = invoke(*args, input=input)
    assert result.exit_code == 0, result.output
    return result.stdout


def _ox_term(term: dict):
    """A SPARQL JSON results term as a pyoxigraph term, to compare with the TSV's."""
    if term["type"] == "uri":
        return ox.NamedNode(term["value"])
    if "xml:lang" in term:
        return ox.Literal(term["value"], language=term["xml:lang"])
    if "datatype" in term:
        return ox.Literal(term["value"], datatype=ox.NamedNode(term["datatype"]))
    return ox.Literal(term["value"])


def test_tsv_is_sparql_tsv_with_the_same_rows_as_json(built_seed_store: Path):
    tsv = ok("query", SENTENCES, "--format", "tsv", "--store", built_seed_store)
    as_json = json.loads(ok("query", SENTENCES, "--format", "json", "--store", built_seed_store))
    variables = as_json["head"]["vars"]
    from_json = [
        tuple(_ox_term(b[v]) if v in b else None for v in variables) for b in as_json["results"]["bindings"]
    ]
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    assert [v.value for v in parsed.variables] == variables
    from_tsv = [tuple(sol[v] for v in variables) for sol in parsed]
    assert from_tsv == from_json
    assert any("\n" in row[1].value for row in from_tsv)  # line breaks survive, escaped
    assert len(tsv.splitlines()) == len(from_json) + 1  # one line a row


def test_construct_as_json_is_json_ld_that_rdflib_loads(built_seed_store: Path):
    construct = "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a kg:Municipality ; skos:prefLabel ?l }"
    out = ok("query", construct, "--format", "json", "--store", built_seed_store)
    doc = json.loads(out)
    assert "@context" in doc
    g = Graph().parse(data=out, format="json-ld")
    turtle = Graph().parse(data=ok("query", construct, "--format", "csv", "--store", built_seed_store), format="turtle")
    assert len(g) == len(turtle) > 0 and set(g) == set(turtle)
    assert (URIRef("https://w3id.org/kg-sociaal/id/municipality/gm0106"), SKOS.prefLabel, Literal("Assen")) in g


def test_query_reads_standard_input_and_names_the_users_line(built_seed_store: Path):
    out = ok("query", "-", "--format", "csv", "--store", built_seed_store,
             input="SELECT ?l WHERE {\n  ?e a kg:Municipality ; skos:prefLabel ?l\n} ORDER BY ?l\n")
    assert out.splitlines()[0] == "l" and "Assen" in out.splitlines()
    bad = invoke("query", "-", "--store", built_seed_store, input="SELECT ?x WHERE {\n  ?x a nope:Organisation .\n}\n")
    assert bad.exit_code == 4
    assert "error at 2:" in bad.stderr, bad.stderr  # the second line of what the user wrote, not the 13th
    empty = invoke("query", "-", "--store", built_seed_store, input="")
    assert empty.exit_code == 4 and empty.stderr.startswith("kg: error: ")


LISTINGS = [
    ("query", "SELECT ?l WHERE { ?e a kg:Municipality ; skos:prefLabel ?l } ORDER BY ?l"),
    ("entities",),
    ("stats",),
    ("reports",),
    ("network", "stats"),
    ("network", "neighbours", "Noordermaat"),
]


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: " ".join(c[:2]))
def test_every_listing_takes_the_same_formats_with_the_same_piped_default(built_seed_store: Path, command):
    args = [*command, "--store", built_seed_store]
    piped = ok(*args)  # CliRunner's stdout is not a terminal: the piped default
    as_csv = ok(*args, "--format", "csv")
    assert piped == as_csv
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    tsv = list(csv.DictReader(io.StringIO(ok(*args, "--format", "tsv")), delimiter="\t"))
    # (SPARQL's TSV names a variable ?l where its CSV says l)
    assert rows and len(tsv) == len(rows) and [c.lstrip("?") for c in tsv[0]] == list(rows[0])
    as_json = json.loads(ok(*args, "--format", "json"))
    assert as_json
    table = ok(*args, "--format", "table")
    assert "┃" in table or "│" in table  # a rich table


def test_lists_are_lists_in_json_and_joined_elsewhere(built_seed_store: Path):
    rows = json.loads(ok("entities", "--format", "json", "--store", built_seed_store))
    noordenveld = next(r for r in rows if r["label"] == "Noordenveld")
    assert noordenveld["aliases"] == ["Noorderveld"] and noordenveld["identifiers"] == ["cbs:GM1699"]
    near = json.loads(ok("network", "neighbours", "IKracht", "--format", "json", "--store", built_seed_store))
    assert all(isinstance(r["relations"], list) for r in near)
    flat = list(csv.DictReader(io.StringIO(ok("network", "neighbours", "IKracht", "--store", built_seed_store))))
    assert [r["relations"] for r in flat] == ["|".join(r["relations"]) for r in near]


def test_shell_completion_is_offered():
    result = invoke("--help")
    assert "--install-completion" in result.output and "--show-completion" in result.output


def test_query_to_dataframe(built_seed_store: Path):
    import pandas as pd

    with kg.open_store(built_seed_store, read_only=True) as store:
        result = kg.query(store, name="mergers")
        frame = result.to_dataframe()
        construct = kg.query(store, "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a kg:Province ; skos:prefLabel ?l }")
        triples = construct.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == result.variables
    assert frame.to_dict("records") == result.records()
    assert list(triples.columns) == ["subject", "predicate", "object"] and len(triples) == len(construct.graph)


def test_out_dash_is_standard_output_not_a_file(built_seed_store: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    exported = ok("export", "relations", "--format", "tsv", "--out", "-", "--store", built_seed_store)
    assert exported.startswith("subject\trelation\tobject")
    asked = ok("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", "-o", "-",
               "--store", built_seed_store)
    assert asked.splitlines()[0] == "n" and int(asked.splitlines()[1]) > 0
    assert not (tmp_path / "-").exists()
