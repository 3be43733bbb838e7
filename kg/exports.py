"""The store out to files: relations, entities or the whole graph, in many formats.

* ``relations``: one row per (subject, relation, object), with the columns
  ``subject, relation, object, subject_type, object_type, date, evidence, source``
  (then ``confidence, rule, modality, curated_by``). A relation read from several reports keeps
  them all in ``source`` (``|``-separated) and its first evidence sentence.
* ``entities``: ``label, type, aliases, identifiers`` (then ``iri``).
* In CSV and TSV a cell that a spreadsheet would run as a formula (it opens with ``=``, ``+``,
  ``-`` or ``@``) gets a leading ``'`` (:func:`kg.files.spreadsheet_cell`).
* ``graph``: every triple. Turtle, N-Triples and JSON-LD hold the union of the report graphs
  (they reload into rdflib isomorphic to the store); TriG and N-Quads keep a named graph per
  report. GraphML and GEXF hold the network view with attributes for Gephi.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.files import spreadsheet_cell
from kg.model import RELATION_TYPES, most_specific_type
from kg.store import Store

WHAT = ("relations", "entities", "graph")
TABLE_FORMATS = ("csv", "tsv", "json")
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nq": "nquads", "nquads": "nquads"}
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = TABLE_FORMATS + tuple(RDF_FORMATS) + NETWORK_FORMATS

RELATION_COLUMNS = (
    "subject", "relation", "object", "subject_type", "object_type", "date", "evidence", "source",
    "confidence", "rule", "modality", "curated_by",
)
ENTITY_COLUMNS = ("label", "type", "aliases", "identifiers", "iri")


@dataclass
class EntityRow:
    label: str
    type: str
    aliases: str
    identifiers: str
    iri: str


@dataclass
class RelationRow:
    subject: str
    relation: str
    object: str
    subject_type: str
    object_type: str
    date: str
    evidence: str
    source: str
    confidence: str
    rule: str
    modality: str
    curated_by: str


def entities(store: Store) -> list[EntityRow]:
    """Every entity with its preferred label, most specific type, aliases and identifiers."""
    rows = store.select(
        """SELECT ?e ?t ?label ?alt ?cbs ?id WHERE {
             ?e a ?t ; skos:prefLabel ?label . FILTER(STRSTARTS(STR(?t), STR(kg:)))
             OPTIONAL { ?e skos:altLabel ?alt } OPTIONAL { ?e kg:cbsCode ?cbs }
             OPTIONAL { ?e dcterms:identifier ?id } }"""
    )
    by_iri: dict[str, dict] = {}
    for r in rows:
        e = by_iri.setdefault(r["e"], {"labels": set(), "types": set(), "aliases": set(), "ids": set()})
        e["labels"].add(r["label"])
        e["types"].add(r["t"].split("#")[-1])
        if r["alt"]:
            e["aliases"].add(r["alt"])
        if r["cbs"]:
            e["ids"].add(f"cbs:{r['cbs']}")
        if r["id"]:
            e["ids"].add(r["id"])
    out = []
    for iri, e in by_iri.items():
        label = sorted(e["labels"])[0]
        aliases = sorted((e["aliases"] | e["labels"]) - {label})
        out.append(EntityRow(label, most_specific_type(e["types"]), "|".join(aliases), "|".join(sorted(e["ids"])), iri))
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
            key, {"dates": [], "evidence": [], "sources": [], "conf": 0.0, "rules": [], "modality": set(), "curated": set()}
        )
        if r["date"] and str(r["date"]) not in m["dates"]:
            m["dates"].append(str(r["date"]))
        if r["sentence"] and r["sentence"] not in m["evidence"]:
            m["evidence"].append(r["sentence"])
        if r["file"] not in m["sources"]:
            m["sources"].append(r["file"])
        m["conf"] = max(m["conf"], float(r["conf"] or 0))
        if r["rule"] and r["rule"] not in m["rules"]:
            m["rules"].append(r["rule"])
        m["modality"].add(r["modality"] or "asserted")
        if r["curated"]:
            m["curated"].add(r["curated"])
    out = []
    for (s, rel, o), m in merged.items():
        se, oe = labels.get(s), labels.get(o)
        if se is None or oe is None:
            continue
        modality = "asserted" if "asserted" in m["modality"] else sorted(m["modality"])[0]
        out.append(
            RelationRow(
                se.label, rel, oe.label, se.type, oe.type,
                m["dates"][0] if m["dates"] else "",
                m["evidence"][0] if m["evidence"] else "",
                "|".join(m["sources"]),
                f"{m['conf']:.2f}",
                "|".join(m["rules"]),
                modality,
                "|".join(sorted(m["curated"])),
            )
        )
    out.sort(key=lambda r: (r.relation, r.subject.casefold(), r.object.casefold()))
    return out


def export(store: Store, what: str, fmt: str, out: Path | str | None = None) -> str | None:
    """Export ``what`` (relations, entities, graph) as ``fmt``; write to ``out`` or return text."""
    if what not in WHAT:
        raise UsageError(f"cannot export '{what}': choose one of {', '.join(WHAT)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    if fmt in NETWORK_FORMATS:
        return _export_network(store, fmt, out)
    if fmt in RDF_FORMATS:
        text = _export_rdf(store, what, fmt)
    elif what == "graph":
        raise UsageError(f"the whole graph has no '{fmt}' table; export it as {', '.join(RDF_FORMATS)}, graphml or gexf")
    else:
        rows = [asdict(r) for r in (relations(store) if what == "relations" else entities(store))]
        columns = RELATION_COLUMNS if what == "relations" else ENTITY_COLUMNS
        text = _table(rows, columns, fmt)
    if out is None:
        return text
    _write(Path(out), text)
    return None


def _table(rows: list[dict], columns: tuple[str, ...], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    buf = io.StringIO()
    if fmt == "tsv":
        # TSV: tabs and line breaks inside a value become spaces, so every row is one line;
        # a value with a double quote is quoted as in CSV (the quote doubled), so that a
        # sentence opening with a quotation reads back whole in csv readers, kgeval's too.
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([spreadsheet_cell(" ".join(str(r[c]).split())) for c in columns] for r in rows)
    else:
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: spreadsheet_cell(v) for c, v in r.items()} for r in rows)
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
        from kg.namespaces import PREFIXES

        return graph.serialize(format="json-ld", context=dict(PREFIXES), indent=2)
    return graph.serialize(format=rdf_format)


def _subgraph(store: Store, what: str):
    if what == "entities":
        sparql = """CONSTRUCT { ?e a ?t ; skos:prefLabel ?l ; skos:altLabel ?a ; kg:cbsCode ?c }
                    WHERE { ?e a ?t ; skos:prefLabel ?l . FILTER(STRSTARTS(STR(?t), STR(kg:)))
                            OPTIONAL { ?e skos:altLabel ?a } OPTIONAL { ?e kg:cbsCode ?c } }"""
    else:
        props = " ".join(f"kg:{r}" for r in RELATION_TYPES)
        sparql = f"""CONSTRUCT {{ ?s ?p ?o . ?s skos:prefLabel ?sl . ?o skos:prefLabel ?ol }}
                    WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o .
                             OPTIONAL {{ ?s skos:prefLabel ?sl }} OPTIONAL {{ ?o skos:prefLabel ?ol }} }}"""
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


def _write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failed export never leaves half a file."""
    from kg.files import atomic_write

    atomic_write(path, text)
