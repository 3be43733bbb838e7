"""The bundled named queries (kg/queries/*.rq) on the fixture graph (tests/data/valid.trig)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.plugins.sparql import prepareQuery

from kg.namespaces import KG, KGR
from conftest import store_from_dataset

QUERIES = Path(__file__).resolve().parent.parent / "kg" / "queries"
FIXTURE = Path(__file__).parent / "data" / "valid.trig"
R1 = "werkbezoek-noordermaat-assen-2013.txt"
R2 = "werkbezoek-noordermaat-assen-2013-pdftekst.txt"

REQUIRED = {"founders", "mergers", "pilots", "partners", "actor", "evidence",
            "relations", "entities", "reports", "stats"}

# -- a small binder following the ?param convention (kg/sparql.py has the real one) ----------

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<var>[?$][A-Za-z_][A-Za-z0-9_]*)""",
    re.VERBOSE | re.DOTALL,
)


def bind(text: str, params: dict[str, str]) -> str:
    def repl(m: re.Match) -> str:
        var = m.group("var")
        if var and var[1:] in params:
            return Literal(params[var[1:]]).n3()  # an escaped string literal
        return m.group(0)

    return _TOKEN.sub(repl, text)


def header(text: str) -> dict:
    meta = {"param": {}}
    for line in text.splitlines():
        m = re.match(r"#\s*(title|description|param)\s*:\s*(.*)$", line)
        if not m:
            continue
        if m.group(1) == "param":
            name, _, meaning = m.group(2).partition("—")
            meta["param"][name.strip()] = meaning.strip()
        else:
            meta[m.group(1)] = m.group(2).strip()
    return meta


def variables_outside_comments(text: str) -> set[str]:
    return {m.group("var")[1:] for m in _TOKEN.finditer(text) if m.group("var")}


# -- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ds() -> Dataset:
    d = Dataset(default_union=True)
    d.parse(FIXTURE, format="trig")
    return d


def run(ds: Dataset, query: str, /, **params) -> list[dict[str, str]]:
    text = bind((QUERIES / f"{query}.rq").read_text(encoding="utf-8"), params)
    result = ds.query(text)
    names = [str(v) for v in result.vars]
    return [{n: ("" if v is None else str(v)) for n, v in zip(names, row)} for row in result]


def split(cell: str, sep: str) -> set[str]:
    return {x for x in cell.split(sep) if x}


ALL = sorted(p.stem for p in QUERIES.glob("*.rq"))


# -- every query ---------------------------------------------------------------------------------

def test_the_required_queries_exist():
    assert REQUIRED <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_query_parses_and_has_a_header(name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    meta = header(text)
    assert meta.get("title") and meta.get("description"), name
    assert text.splitlines()[0].startswith("# title:")
    prepareQuery(text)
    # with its parameters bound it still parses
    prepareQuery(bind(text, {p: "x" for p in meta["param"]}))


@pytest.mark.parametrize("name", ALL)
def test_params_are_declared_and_used(name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    declared = set(header(text)["param"])
    used = variables_outside_comments(text)
    assert declared <= used, (declared, used)
    for p in declared:
        assert header(text)["param"][p], f"say what ?{p} means"
        # a parameter is only used inside expressions, never projected or as a pattern term
        assert not re.search(rf"SELECT[^{{]*\?{p}\b", text), p
        assert not re.search(rf"\bAS \?{p}\b", text), p


@pytest.mark.parametrize("name", ALL)
def test_query_returns_rows_on_the_fixture(ds, name):
    assert run(ds, name), name


# -- expected rows -------------------------------------------------------------------------------

def test_relations(ds):
    rows = run(ds, "relations")
    assert list(rows[0]) == ["subject", "relation", "object", "subject_type", "object_type",
                             "date", "evidence", "source"]
    triples = {(r["subject"], r["relation"], r["object"]) for r in rows}
    assert len(rows) == len(triples) == 22
    assert ("IKracht", "foundedBy", "Lumensgroep") in triples
    assert ("Hanzehogeschool", "partnerOf", "Noordermaat") in triples
    # a denied relation is not a relation
    assert ("Welzijn Ouderen", "memberOf", "Hulponline Noord") not in triples
    by = {(r["subject"], r["relation"], r["object"]): r for r in rows}
    lumens = by["IKracht", "foundedBy", "Lumensgroep"]
    assert (lumens["subject_type"], lumens["object_type"]) == ("Cooperative", "Organisation")
    assert split(lumens["source"], "|") == {R1, R2}
    # PDF line breaks are folded away, so both renditions give one evidence sentence
    assert "\n" not in lumens["evidence"]
    assert split(lumens["evidence"], "|") == {
        "De coöperatie voor digitale dienstverlening IKracht is opgericht door Lumensgroep, "
        "Kwadraad en de partners van hulponline Noord (MJD, Noordermaat en Tinten)."
    }
    merger = by["Noordermaat", "mergesInto", "Nieuwe welzijnsorganisatie Assen"]
    assert merger["date"] == "2015-01-01"
    assert by["Tinten", "offersService", "Chat spreekuren"]["date"] == "2013-01-01"
    assert by["Noordermaat", "offersService", "Gezinscoaching"]["date"] == ""
    assert by["Opbouwwerk Assen", "partOf", "Assen"]["object_type"] == "Municipality"


def test_entities(ds):
    rows = run(ds, "entities")
    assert list(rows[0]) == ["label", "type", "aliases", "identifiers"]
    by = {r["label"]: r for r in rows}
    assert len(rows) == len(by) == 19
    assert by["IKracht"]["type"] == "Cooperative"
    assert split(by["IKracht"]["aliases"], "|") == {"Ikracht", "coöperatie IKracht"}
    assert by["Hulponline Noord"]["type"] == "Partnership"
    assert by["Assen"]["identifiers"] == "cbs:GM0106"
    assert by["Drenthe"] == {"label": "Drenthe", "type": "Province", "aliases": "", "identifiers": "cbs:PV22"}
    assert split(by["Noordenveld"]["aliases"], "|") == {"Noorderveld", "gemeente Noordenveld"}
    assert by["Peter Elmont"]["type"] == "Person"


def test_founders(ds):
    rows = run(ds, "founders")
    assert {(r["organisation"], r["founder"]) for r in rows} == {
        ("IKracht", f) for f in ("Lumensgroep", "Kwadraad", "MJD", "Noordermaat", "Tinten")
    }
    assert {r["organisation_type"] for r in rows} == {"Cooperative"}
    lumens = next(r for r in rows if r["founder"] == "Lumensgroep")
    assert split(lumens["source"], "|") == {R1, R2}
    assert lumens["modality"] == "asserted"


def test_mergers(ds):
    rows = run(ds, "mergers")
    assert [(r["organisation"], r["merges_into"], r["date"], r["modality"]) for r in rows] == [
        ("Noordermaat", "Nieuwe welzijnsorganisatie Assen", "2015-01-01", "intended"),
        ("Welzijn Ouderen", "Nieuwe welzijnsorganisatie Assen", "2015-01-01", "intended"),
    ]
    assert "samengaan van drie organisaties" in rows[0]["evidence"]
    assert rows[0]["source"] == R1


def test_pilots(ds):
    rows = run(ds, "pilots")
    assert rows == [{
        "pilot": "Pilot Lariks-Pittelo", "led_by": "Noordermaat", "headed_by": "",
        "location": "Lariks-Pittelo", "municipality": "Assen", "province": "", "source": R1,
    }]


def test_partners_both_directions_and_shared_partnership(ds):
    rows = run(ds, "partners", name="Noordermaat")
    by = {r["partner"]: r for r in rows}
    assert set(by) == {"Tinten", "Hanzehogeschool", "MJD"}
    assert {r["organisation"] for r in rows} == {"Noordermaat"}
    # stored as "Hanzehogeschool partnerOf Noordermaat": found from Noordermaat's side
    assert by["Hanzehogeschool"]["how"] == "partner"
    assert split(by["Tinten"]["how"], "|") == {"partner", "both members of Hulponline Noord"}
    assert by["MJD"]["how"] == "both members of Hulponline Noord"
    assert by["Tinten"]["source"] == R1


def test_partners_symmetric_from_the_other_side(ds):
    rows = run(ds, "partners", name="hanzehogeschool")  # case does not matter
    assert [(r["organisation"], r["partner"]) for r in rows] == [("Hanzehogeschool", "Noordermaat")]


def test_partners_by_alias(ds):
    rows = run(ds, "partners", name="hulponline noord")
    assert rows == []  # a partnership has members, not partners
    rows = run(ds, "partners", name="Ikracht")  # alias of IKracht
    assert rows == []


def test_partners_without_name_lists_everyone(ds):
    rows = run(ds, "partners")
    assert {"Noordermaat", "Tinten", "MJD", "Hanzehogeschool"} <= {r["organisation"] for r in rows}


def test_actor(ds):
    rows = run(ds, "actor", name="ikracht")  # an alias, lower case
    assert {r["actor"] for r in rows} == {"IKracht"}
    facts = {(r["direction"], r["property"], r["value"]) for r in rows}
    assert ("", "type", "Cooperative") in facts
    assert ("", "alias", "coöperatie IKracht") in facts
    assert ("", "mentioned in", R2) in facts
    assert {v for d, p, v in facts if p == "foundedBy"} == {
        "Lumensgroep", "Kwadraad", "MJD", "Noordermaat", "Tinten"}
    assert all(d == "out" for d, p, v in facts if p == "foundedBy")


def test_actor_incoming_negated_and_symmetric(ds):
    rows = run(ds, "actor", name="Hulponline Noord")
    members = {(r["value"], r["modality"]) for r in rows if r["property"] == "memberOf"}
    assert members == {("MJD", "asserted"), ("Noordermaat", "asserted"), ("Tinten", "asserted"),
                       ("Welzijn Ouderen", "negated")}
    assert {r["direction"] for r in rows if r["property"] == "memberOf"} == {"in"}
    rows = run(ds, "actor", name="Noordermaat")
    partners = {(r["direction"], r["value"]) for r in rows if r["property"] == "partnerOf"}
    assert partners == {("both", "Tinten"), ("both", "Hanzehogeschool")}
    chat = next(r for r in rows if r["property"] == "offersService" and r["value"] == "Chat spreekuren")
    assert (chat["date"], chat["value_type"]) == ("2013-01-01", "Service")
    assert "chat spreekuren gestart vanaf 1-1-2013" in chat["evidence"]
    assert run(ds, "actor", name="Assen")[0]["actor"] == "Assen"
    assert ("", "identifier", "cbs:GM0106") in {
        (r["direction"], r["property"], r["value"]) for r in run(ds, "actor", name="gemeente assen")}


def test_evidence(ds):
    rows = run(ds, "evidence")
    heads = [r for r in rows if r["relation"] == "headOf"]
    assert {r["report"] for r in heads} == {R1, R2}  # one row per report that states it
    for r in heads:
        assert r["sentence"].startswith("Directeur Peter Elmont trapte af")
        assert int(r["start"]) < int(r["end"])
        assert r["rule"] == "headOf:directeur"
        assert 0 <= float(r["confidence"]) <= 1
    negated = [r for r in rows if r["modality"] == "negated"]
    assert [(r["subject"], r["relation"], r["object"]) for r in negated] == [
        ("Welzijn Ouderen", "memberOf", "Hulponline Noord")]


def test_evidence_offsets_point_into_the_report(ds):
    """The offsets are offsets into the report's text: the sentence is found there."""
    text = (Path(__file__).resolve().parent.parent / "data" / "reports" / R1).read_text(encoding="utf-8")
    for r in run(ds, "evidence"):
        if r["report"] == R1:
            assert " ".join(text[int(r["start"]):int(r["end"])].split()) == r["sentence"]


def test_timeline(ds):
    rows = run(ds, "timeline")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {(r["subject"], r["relation"], r["date"]) for r in rows} == {
        ("Noordermaat", "offersService", "2013-01-01"),
        ("Tinten", "offersService", "2013-01-01"),
        ("Noordermaat", "mergesInto", "2015-01-01"),
        ("Welzijn Ouderen", "mergesInto", "2015-01-01"),
    }


def test_reports(ds):
    rows = run(ds, "reports")
    by = {r["report"]: r for r in rows}
    assert set(by) == {R1, R2}
    assert by[R1]["format"] == "txt"
    assert re.fullmatch(r"[0-9a-f]{64}", by[R1]["sha256"])
    assert int(by[R1]["relations"]) == 23 and int(by[R2]["relations"]) == 2
    assert int(by[R2]["entities"]) == 5


def test_stats(ds):
    rows = {(r["what"], r["type"]): int(r["count"]) for r in run(ds, "stats")}
    assert rows["report", "Report"] == 2
    assert rows["entity", "Organisation"] == 9
    assert rows["entity", "Cooperative"] == 1
    assert rows["entity", "Municipality"] == 2
    assert rows["relation", "foundedBy"] == 5
    assert rows["relation", "partnerOf"] == 2
    assert sum(n for (w, _), n in rows.items() if w == "relation") == 22
    assert rows["assertion", "negated"] == 1


# -- parameters cannot change a query --------------------------------------------------------------

NASTY = 'O\'Brien" } ; DROP ALL #'


@pytest.mark.parametrize("name", ["partners", "actor"])
def test_a_quote_in_a_parameter_cannot_change_the_query(ds, name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    bound = bind(text, {"name": NASTY})
    # still exactly one SELECT query, with the value as one string literal
    assert prepareQuery(bound).algebra.name == "SelectQuery"
    assert Literal(NASTY).n3() in bound
    before = len(ds)
    assert run(ds, name, name=NASTY) == []
    assert len(ds) == before


def test_a_name_with_quotes_is_matched_exactly(ds):
    d = Dataset(default_union=True)
    for q in ds.quads((None, None, None, None)):
        d.add(q)
    person = KGR["person/o-brien"]
    g = d.graph(URIRef(str(KGR["report/werkbezoek-noordermaat-assen-2013.txt"])))
    g.add((person, RDF.type, KG.Person))
    g.add((person, SKOS.prefLabel, Literal(NASTY)))
    rows = run(d, "actor", name=NASTY)
    assert {(r["actor"], r["property"], r["value"]) for r in rows} == {(NASTY, "type", "Person")}
    assert run(d, "actor", name="O'Brien") == []


# -- the same on the real store ------------------------------------------------------------------

_store = store_from_dataset


def _canonical(rows: list[dict[str, str]]) -> list[tuple]:
    """Rows with every concatenated cell as a set (engines order GROUP_CONCAT differently)."""
    out = []
    for r in rows:
        out.append(tuple(
            (k, frozenset(re.split(r"; | \| |\|", v)) if v else frozenset()) for k, v in r.items()
        ))
    return sorted(out, key=repr)


@pytest.mark.parametrize("name, params", [(n, {}) for n in ALL if n not in ("partners", "actor")]
                         + [(q, {"name": n}) for q in ("partners", "actor")
                            for n in ("Noordermaat", "NOORDERMAAT", "MJD", "Assen", "Niemand")]
                         + [("actor", {"name": NASTY})])
def test_same_rows_on_oxigraph(ds, name, params):
    """Oxigraph's union default graph repeats triples stated in several reports: no duplicates."""
    from kg import sparql as query_mod
    store = _store(ds)
    result = query_mod.run_named(store, name, params)
    ox_rows = [{v: ("" if t is None else str(t)) for v, t in zip(result.variables, row)} for row in result.rows]
    assert _canonical(ox_rows) == _canonical(run(ds, name, **params))
    assert len(ox_rows) == len({tuple(r.values()) for r in ox_rows})


@pytest.mark.parametrize("name", ALL)
def test_no_rows_made_up_on_an_empty_store(name):
    """Grouped subqueries over nothing must not leak an all-empty row (rdflib makes one)."""
    rows = run(Dataset(default_union=True), name)
    if name == "stats":
        assert all(r["count"] == "0" for r in rows)
    else:
        assert rows == []
