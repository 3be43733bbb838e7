"""The store out to files: relations, entities or the whole graph, in many formats.

* ``relations``: one row per (subject, relation, object), with the columns
  ``subject, relation, object, subject_type, object_type, date, evidence, source``
  (then ``confidence, rule, modality, curated_by``). A relation read from several reports keeps
  them all in ``source`` and its first evidence sentence (on one line). A relation added by
  hand (``kg query --update``) has its named graph as source and no evidence.
* ``entities``: ``label, type, aliases, identifiers`` (then ``iri``).
* In CSV and TSV a cell that a spreadsheet would run as a formula (it opens with ``=``, ``+``,
  ``-`` or ``@``) gets a leading ``'`` (:func:`kg.files.spreadsheet_cell`); in XLSX it is
  stored as a text cell, never a formula.
* ``graph``: every triple. Turtle, N-Triples and JSON-LD hold the union of the report graphs
  (they reload into rdflib isomorphic to the store); TriG and N-Quads keep a named graph per
  report. GraphML and GEXF hold the network view with attributes for Gephi.

One convention in every format: several values in one cell are joined by ``|`` (CSV, TSV,
XLSX, GraphML, GEXF) and are lists in JSON; a missing value is an empty cell, or ``null`` in
JSON; confidence is a number; a date is ``yyyy-mm-dd``, or ``yyyy-mm`` / ``yyyy`` when only
the month or year is known (a date cell in XLSX when the day is known, else text).
CSV is written for spreadsheets: UTF-8 with a byte order mark, ``--delimiter ';'`` for a
Dutch Excel.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.files import spreadsheet_cell
from kg.model import LIST_SEPARATOR, RELATION_TYPES, most_specific_type, one_line
from kg.store import Store

WHAT = ("relations", "entities", "graph")
TABLE_FORMATS = ("csv", "tsv", "json", "xlsx")
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nq": "nquads", "nquads": "nquads"}
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = TABLE_FORMATS + tuple(RDF_FORMATS) + NETWORK_FORMATS

RELATION_COLUMNS = (
    "subject", "relation", "object", "subject_type", "object_type", "date", "evidence", "source",
    "confidence", "rule", "modality", "curated_by",
)
ENTITY_COLUMNS = ("label", "type", "aliases", "identifiers", "iri")
#: The columns that hold several values (a list in JSON, joined by ``|`` elsewhere).
LIST_COLUMNS = frozenset({"aliases", "identifiers", "source", "rule", "curated_by"})


@dataclass
class EntityRow:
    label: str
    type: str
    aliases: list[str]
    identifiers: list[str]
    iri: str


@dataclass
class RelationRow:
    subject: str
    relation: str
    object: str
    subject_type: str
    object_type: str
    date: str | None  #: yyyy-mm-dd, or yyyy-mm / yyyy when only that is known
    evidence: str | None  #: the first evidence sentence, on one line
    source: list[str]  #: the reports (file names) or, for a triple added by hand, its graph
    confidence: float | None
    rule: list[str]
    modality: str
    curated_by: list[str]


def entities(store: Store) -> list[EntityRow]:
    """Every entity with its preferred label, most specific type, aliases and identifiers.

    One triple pattern a query, each value once (DISTINCT), joined here: a store whose default
    graph repeats a triple once per report that states it (Virtuoso's) gives each value once
    too, where one query joining the patterns would give every combination of the repeats
    (300 reports naming an actor: 300 x 300 rows for its type and label alone)."""
    def values(pattern: str, filter_: str = "") -> list[dict]:
        return store.select(f"SELECT DISTINCT ?e ?v WHERE {{ {pattern} {filter_} }}")

    by_iri: dict[str, dict] = {}
    for r in values("?e a ?v .", "FILTER(STRSTARTS(STR(?v), STR(kg:)))"):
        by_iri.setdefault(r["e"], {"labels": set(), "types": set(), "aliases": set(), "ids": set()})
        by_iri[r["e"]]["types"].add(r["v"].split("#")[-1])
    for key, pattern, form in (("labels", "?e skos:prefLabel ?v .", "{}"), ("aliases", "?e skos:altLabel ?v .", "{}"),
                               ("ids", "?e kg:cbsCode ?v .", "cbs:{}"), ("ids", "?e dcterms:identifier ?v .", "{}")):
        for r in values(pattern):
            if r["e"] in by_iri and r["v"] is not None:
                by_iri[r["e"]][key].add(form.format(r["v"]))
    out = []
    for iri, e in by_iri.items():
        if not e["labels"]:
            continue
        label = sorted(e["labels"])[0]
        aliases = sorted((e["aliases"] | e["labels"]) - {label})
        out.append(EntityRow(label, most_specific_type(e["types"]), aliases, sorted(e["ids"]), iri))
    out.sort(key=lambda r: (r.type, r.label.casefold()))
    return out


def relations(store: Store, *, include_negated: bool = False) -> list[RelationRow]:
    """Every relation, once per (subject, relation, object), with evidence and sources."""
    labels = {e.iri: e for e in entities(store)}
    rows = store.select(
        """SELECT ?a ?s ?p ?o ?date ?modality ?conf ?rule ?curated ?file ?sentence ?start WHERE {
             ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                prov:wasDerivedFrom ?rep .
             ?rep kg:fileName ?file .
             OPTIONAL { ?a kg:modality ?modality } OPTIONAL { ?a kg:date ?date }
             OPTIONAL { ?a kg:confidence ?conf } OPTIONAL { ?a kg:rule ?rule }
             OPTIONAL { ?a kg:curatedBy ?curated }
             OPTIONAL { ?a kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:startOffset ?start } }
           ORDER BY STR(?file) ?start"""
    )
    merged: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        if r["modality"] == "negated" and not include_negated:
            continue
        rel = r["p"].split("#")[-1]
        if rel not in RELATION_TYPES:
            continue
        key = (r["s"], rel, r["o"])
        m = merged.setdefault(
            key, {"dates": [], "evidence": [], "sources": [], "conf": None, "rules": [], "modality": set(), "curated": set()}
        )
        if r["date"] and str(r["date"]) not in m["dates"]:
            m["dates"].append(str(r["date"]))
        if r["sentence"] and one_line(r["sentence"]) not in m["evidence"]:
            m["evidence"].append(one_line(r["sentence"]))
        if r["file"] not in m["sources"]:
            m["sources"].append(r["file"])
        if r["conf"] is not None:
            m["conf"] = max(m["conf"] or 0.0, float(r["conf"]))
        if r["rule"] and r["rule"] not in m["rules"]:
            m["rules"].append(r["rule"])
        m["modality"].add(r["modality"] or "asserted")
        if r["curated"]:
            m["curated"].add(r["curated"])
    _add_hand_made(store, merged)
    out = []
    for (s, rel, o), m in merged.items():
        se, oe = labels.get(s), labels.get(o)
        if se is None or oe is None:
            continue
        modality = "asserted" if "asserted" in m["modality"] else sorted(m["modality"])[0]
        out.append(
            RelationRow(
                se.label, rel, oe.label, se.type, oe.type,
                m["dates"][0] if m["dates"] else None,
                m["evidence"][0] if m["evidence"] else None,
                m["sources"],
                m["conf"],
                m["rules"],
                modality,
                sorted(m["curated"]),
            )
        )
    out.sort(key=lambda r: (r.relation, r.subject.casefold(), r.object.casefold()))
    return out


def _add_hand_made(store: Store, merged: dict) -> None:
    """Relations stated only as a direct triple (added with ``kg query --update``, without an
    assertion node): kept with the named graph that holds them as their source."""
    props = " ".join(f"kg:{r}" for r in RELATION_TYPES)
    rows = store.select(
        f"""SELECT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {props} }} GRAPH ?g {{ ?s ?p ?o }}
              FILTER NOT EXISTS {{ ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}
            ORDER BY STR(?g)"""
    )
    for r in rows:
        key = (r["s"], r["p"].split("#")[-1], r["o"])
        m = merged.setdefault(
            key, {"dates": [], "evidence": [], "sources": [], "conf": None, "rules": [], "modality": {"asserted"}, "curated": set()}
        )
        if r["g"] not in m["sources"]:
            m["sources"].append(r["g"])


def export(
    store: Store, what: str, fmt: str, out: Path | str | None = None, *, delimiter: str | None = None
) -> str | bytes | None:
    """Export ``what`` (relations, entities, graph) as ``fmt``; write to ``out`` or return it
    (text; bytes for xlsx). ``delimiter`` changes CSV's comma (``;`` for a Dutch Excel)."""
    if what not in WHAT:
        raise UsageError(f"cannot export '{what}': choose one of {', '.join(WHAT)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    if delimiter is not None and fmt != "csv":
        raise UsageError(f"--delimiter is for csv; {fmt} has a fixed form")
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(f"the delimiter must be one character, e.g. ';' (not {delimiter!r})")
    if fmt in NETWORK_FORMATS:
        return _export_network(store, fmt, out)
    if fmt in RDF_FORMATS:
        data: str | bytes = _export_rdf(store, what, fmt)
    elif what == "graph":
        raise UsageError(f"the whole graph has no '{fmt}' table; export it as {', '.join(RDF_FORMATS)}, graphml or gexf")
    else:
        rows = [asdict(r) for r in (relations(store) if what == "relations" else entities(store))]
        columns = RELATION_COLUMNS if what == "relations" else ENTITY_COLUMNS
        data = _xlsx(rows, columns, what) if fmt == "xlsx" else _table(rows, columns, fmt, delimiter or ",")
    if out is None:
        return data
    _write(Path(out), data)
    return None


def _cell(value) -> str:
    """A value as one flat cell: lists joined by ``|``, nothing as empty, text on one line."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(one_line(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _table(rows: list[dict], columns: tuple[str, ...], fmt: str, delimiter: str = ",") -> str:
    if fmt == "json":
        return json.dumps([{c: r[c] for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    buf = io.StringIO()
    if fmt == "tsv":
        # TSV: tabs and line breaks inside a value become spaces, so every row is one line;
        # a value with a double quote is quoted as in CSV (the quote doubled), so that a
        # sentence opening with a quotation reads back whole in csv readers, kgeval's too.
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([spreadsheet_cell(one_line(_cell(r[c]))) for c in columns] for r in rows)
        return buf.getvalue()
    # CSV for spreadsheets: a byte order mark so that Excel reads UTF-8 (Fryslân, not FryslÃ¢n)
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([spreadsheet_cell(_cell(r[c])) for c in columns] for r in rows)
    return "\ufeff" + buf.getvalue()


def _xlsx(rows: list[dict], columns: tuple[str, ...], what: str) -> bytes:
    """An Excel workbook: one sheet, a bold frozen header, typed cells (a date known to the
    day as a date, confidence as a number), lists joined by ``|``."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = what
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for r in rows:
        values = []
        for c in columns:
            v = r[c]
            if c == "date" and v and len(v) == 10:
                try:
                    v = dt.date.fromisoformat(v)
                except ValueError:  # an ill-typed date in the store stays text, as written
                    pass
            elif isinstance(v, list) or v is None:
                v = _cell(v) or None
            values.append(v)
        ws.append(values)
        for cell in ws[ws.max_row]:  # text that opens with '=' stays text, never a formula
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for col, name in enumerate(columns, 1):
        if name == "date":
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _export_rdf(store: Store, what: str, fmt: str) -> str:
    from kg.namespaces import bind_prefixes

    rdf_format = RDF_FORMATS[fmt]
    if what == "graph":
        if rdf_format in ("trig", "nquads"):
            ds = store.dataset()
            bind_prefixes(ds)
            return ds.serialize(format=rdf_format)
        graph = store.union_graph()
    else:
        graph = _subgraph(store, what)
    bind_prefixes(graph)
    if rdf_format == "json-ld":
        from kg.namespaces import jsonld_context

        return graph.serialize(format="json-ld", context=jsonld_context(), indent=2)
    return graph.serialize(format=rdf_format)


def _subgraph(store: Store, what: str):
    # The names of organisations, places, pilots and services are Dutch: their labels carry
    # @nl here (a person's name has no language). The whole-graph export keeps the store's
    # plain labels, so that it reloads isomorphic to the store.
    def nl(var: str, entity: str) -> str:
        return f"BIND(IF(EXISTS {{ {entity} a kg:Person }}, {var}, STRLANG(STR({var}), 'nl')) AS {var}_)"

    if what == "entities":
        sparql = f"""CONSTRUCT {{ ?e a ?t ; skos:prefLabel ?l_ ; skos:altLabel ?a_ ; kg:cbsCode ?c }}
                    WHERE {{ ?e a ?t ; skos:prefLabel ?l . FILTER(STRSTARTS(STR(?t), STR(kg:))) {nl("?l", "?e")}
                            OPTIONAL {{ ?e skos:altLabel ?a {nl("?a", "?e")} }} OPTIONAL {{ ?e kg:cbsCode ?c }} }}"""
    else:
        props = " ".join(f"kg:{r}" for r in RELATION_TYPES)
        sparql = f"""CONSTRUCT {{ ?s ?p ?o . ?s skos:prefLabel ?sl_ . ?o skos:prefLabel ?ol_ }}
                    WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o .
                             OPTIONAL {{ ?s skos:prefLabel ?sl {nl("?sl", "?s")} }}
                             OPTIONAL {{ ?o skos:prefLabel ?ol {nl("?ol", "?o")} }} }}"""
    from kg.sparql import run_query

    result = run_query(store, sparql)
    assert result is not None
    return result.graph


def _export_network(store: Store, fmt: str, out: Path | str | None) -> str | None:
    from kg import network

    graph = network.to_networkx(store)
    writer = network.to_graphml if fmt == "graphml" else network.to_gexf
    if out is not None:
        from kg.files import staged

        with staged(out) as tmp:
            writer(graph, tmp)
        return None
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"graph.{fmt}"
        writer(graph, path)
        return path.read_text(encoding="utf-8")


def _write(path: Path, data: str | bytes) -> None:
    """Write via a temporary file and rename, so a failed export never leaves half a file."""
    from kg.files import atomic_output, atomic_write

    if isinstance(data, bytes):
        with atomic_output(path, "wb") as fh:
            fh.write(data)
    else:
        atomic_write(path, data)
