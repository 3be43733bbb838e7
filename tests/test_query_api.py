"""kg.sparql: safe parameters, updates refused, result formats."""

from __future__ import annotations

import json

import pytest

from kg.errors import QueryError
from kg.sparql import (
    bind, format_result, lookup_entities, parse_params, prepare_named, run_named, run_query, sparql_literal,
)
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


# -- one-actor queries start from the actor --------------------------------------------------------

def _two_spellings_store() -> OxigraphStore:
    """Two organisations whose names differ only in letter case, and a third with an alias."""
    st = OxigraphStore(None)
    st.put_report(
        "https://w3id.org/kg-sociaal/id/report/r1",
        """<https://w3id.org/kg-sociaal/id/organisation/het-anker> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-sociaal/def#Organisation> .
<https://w3id.org/kg-sociaal/id/organisation/het-anker> <http://www.w3.org/2004/02/skos/core#prefLabel> "Het Anker" .
<https://w3id.org/kg-sociaal/id/organisation/het-anker-2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-sociaal/def#Organisation> .
<https://w3id.org/kg-sociaal/id/organisation/het-anker-2> <http://www.w3.org/2004/02/skos/core#prefLabel> "het anker" .
<https://w3id.org/kg-sociaal/id/organisation/sw> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-sociaal/def#Organisation> .
<https://w3id.org/kg-sociaal/id/organisation/sw> <http://www.w3.org/2004/02/skos/core#prefLabel> "Stichting Welzijn" .
<https://w3id.org/kg-sociaal/id/organisation/sw> <http://www.w3.org/2004/02/skos/core#altLabel> "SW" .
""",
    )
    return st


def test_lookup_prefers_the_exact_spelling_then_any_case():
    st = _two_spellings_store()
    base = "https://w3id.org/kg-sociaal/id/organisation/"
    assert lookup_entities(st, "Het Anker") == [base + "het-anker"]
    assert lookup_entities(st, "het anker") == [base + "het-anker-2"]
    assert lookup_entities(st, "HET ANKER") == [base + "het-anker", base + "het-anker-2"]
    assert lookup_entities(st, "sw") == [base + "sw"]  # an alias, in any case
    assert lookup_entities(st, 'Het Anker" } ; DROP ALL #') == []
    assert run_query(st, "ASK { ?s ?p ?o }").boolean


def test_a_named_query_starts_from_the_entity_it_looked_up():
    st = _two_spellings_store()
    text = prepare_named(st, "actor", {"name": "Het Anker"})
    assert "lookup:" not in text and "?spelling" not in text
    assert "VALUES ?x { <https://w3id.org/kg-sociaal/id/organisation/het-anker> }" in text
    assert {r["actor"] for r in run_named(st, "actor", {"name": "Het Anker"}).records()} == {"Het Anker"}
    assert {r["actor"] for r in run_named(st, "actor", {"name": "HET ANKER"}).records()} == {"Het Anker", "het anker"}
    assert run_named(st, "actor", {"name": "Niemand"}).rows == []
    # without the parameter every actor: the lookup lines are dropped, not run once per spelling
    everyone = prepare_named(st, "actor")
    assert "lookup:" not in everyone and "?spelling" not in everyone and "VALUES" not in everyone
    assert {r["actor"] for r in run_named(st, "actor").records()} == {"Het Anker", "het anker", "Stichting Welzijn"}
