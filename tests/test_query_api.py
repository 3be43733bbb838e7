"""kg.sparql: safe parameters, updates refused, result formats."""

from __future__ import annotations

import json

import pytest

from kg.errors import QueryError
from kg.sparql import bind, format_result, parse_params, run_query, sparql_literal
from kg.store import OxigraphStore

from test_store import _report
from kg.graph import report_graph


@pytest.fixture()
def store():
    st = OxigraphStore(None)
    iri, g = report_graph(_report())
    st.put_report(iri, g)
    return st


def test_bind_cannot_change_the_query(store):
    nasty = 'Klaverblad" } ; DROP ALL ; SELECT * { ?x ?y "'
    text = bind('SELECT ?e WHERE { ?e skos:prefLabel ?l FILTER(str(?l) = ?name) }', {"name": nasty})
    assert text.endswith('= "Klaverblad\\" } ; DROP ALL ; SELECT * { ?x ?y \\"") }')
    res = run_query(store, text)
    assert res.rows == []  # no such label; and nothing dropped
    assert run_query(store, "ASK { ?s ?p ?o }").boolean


def test_bind_skips_strings_iris_and_comments():
    text = bind('# ?name here\nSELECT ?x WHERE { ?x <http://a/?name> "?name" . FILTER(?x = ?name) }', {"name": "v"})
    assert '# ?name here' in text and '<http://a/?name>' in text and '"?name"' in text
    assert 'FILTER(?x = "v")' in text


def test_bind_rejects_unknown_parameter():
    with pytest.raises(QueryError, match=r"no parameter \?other"):
        bind("SELECT ?x WHERE { ?x ?p ?name }", {"other": "v"})


def test_sparql_literal_escapes():
    assert sparql_literal('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


def test_parse_params():
    assert parse_params(["name=O'Brien=x"]) == {"name": "O'Brien=x"}
    with pytest.raises(QueryError, match="key=value"):
        parse_params(["name"])


def test_update_refused_without_flag(store):
    with pytest.raises(QueryError, match="--update"):
        run_query(store, "DROP ALL")
    assert run_query(store, "ASK { ?s ?p ?o }").boolean
    run_query(store, "DROP ALL", allow_update=True)
    assert not run_query(store, "ASK { ?s ?p ?o }").boolean


def test_result_formats(store):
    res = run_query(store, "SELECT ?l WHERE { ?e skos:prefLabel ?l } ORDER BY ?l")
    csv_text = format_result(res, "csv")
    assert csv_text.splitlines() == ["l", "Klaverblad", "Vitaal Wonen"]
    tsv_text = format_result(res, "tsv")
    assert tsv_text.splitlines() == ["?l", '"Klaverblad"', '"Vitaal Wonen"']
    data = json.loads(format_result(res, "json"))
    assert data["head"]["vars"] == ["l"]
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == ["Klaverblad", "Vitaal Wonen"]
    ask = run_query(store, "ASK { ?s ?p ?o }")
    assert json.loads(format_result(ask, "json"))["boolean"] is True
