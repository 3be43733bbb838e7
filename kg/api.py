"""The Python API: what ``import kg`` offers, and what the CLI is a thin layer over.

    import kg
    with kg.open_store(".kg", create=True) as store:
        summary = kg.build(store, ["data/reports"])
        rows = kg.query(store, name="mergers").records()
        graph = kg.to_networkx(store)
        kg.export(store, "relations", "tsv", "out/relations.tsv")
        kg.render(store, "out/network.html")
        report = kg.validate(store)

Every ``kg`` command is one call here (``kg network path`` is :func:`paths`, ``kg stats`` is
:func:`stats`, ...); the CLI only parses, calls, prints and picks the exit code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg import _API
from kg.errors import InputError, QueryError, ReportsFailed, UsageError
from kg.files import check_output, read_text  # noqa: F401  (for the CLI: an output path, a query file)
from kg.ingest import BuildOptions, BuildSummary, Progress
from kg.model import LIST_SEPARATOR, one_line  # noqa: F401  (how every listing writes a cell)
from kg.store import QueryResult, Store, open_store  # noqa: F401  (re-exported)

#: Where the user's own data lives, relative to the working directory.
DEFAULT_CURATIONS = Path("data/curations")
DEFAULT_REPORTS = Path("data/reports")
DEFAULT_ALIASES = Path("data/aliases.tsv")
#: Where ``kg train`` keeps the user's own relation model; ``kg build`` uses it when it is there.
DEFAULT_MODEL = Path("data/relation-model.json")

__all__ = list(_API)


def build(
    store: Store,
    paths: list[str | Path],
    *,
    jobs: int | None = None,
    min_confidence: float = 0.0,
    curations: str | Path | None = DEFAULT_CURATIONS,
    aliases: str | Path | None = DEFAULT_ALIASES,
    force: bool = False,
    progress: Progress | None = None,
    model: str | Path | None = DEFAULT_MODEL,
) -> BuildSummary:
    """Read, extract, resolve and store every report under ``paths``.

    Unchanged reports are skipped; an edited report replaces its named graph. A report that
    cannot be read, or a path that does not exist, raises :class:`kg.errors.ReportsFailed`
    after the others went in; its ``summary`` lists them in ``summary.failed``. ``model`` is the
    user's relation model (``kg train``); at its default place it is used only when it exists,
    and without it the model shipped with kg decides.
    """
    from kg.ingest import build as _build

    options = BuildOptions(
        jobs=jobs,
        min_confidence=min_confidence,
        curations=Path(curations) if curations else None,
        aliases=Path(aliases) if aliases else None,
        force=force,
        model=_model_path(model),
    )
    summary = _build(store, paths, options, progress)
    if summary.failed:
        first = summary.failed[0].message or summary.failed[0].name
        more = f" (and {len(summary.failed) - 1} more)" if len(summary.failed) > 1 else ""
        raise ReportsFailed(f"{first}{more}; the other reports went in", summary)
    return summary


def _model_path(model: str | Path | None) -> Path | None:
    if model is None:
        return None
    path = Path(model)
    if path == DEFAULT_MODEL and not path.is_file():
        return None
    if not path.is_file():
        raise InputError(f"{path}: no relation model there (train one with 'kg train')")
    return path


def query(
    store: Store,
    sparql: str | None = None,
    *,
    name: str | None = None,
    params: dict[str, str] | None = None,
    update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
    stream: bool = False,
) -> QueryResult | None:
    """Run SPARQL text, or a bundled query by ``name`` with ``params`` bound safely.

    An empty answer to a bundled query whose name parameter matched nothing carries a note
    saying so in ``result.notes`` (when streamed, ask :func:`empty_answer_notes` once the
    rows are read). ``allow_service`` lets the query call other endpoints (SERVICE; refused by default);
    ``timeout`` stops it after that many seconds (QueryError); ``stream`` gives a SELECT's
    rows as an iterator (see :func:`kg.sparql.run_query`).
    """
    from kg import sparql as q

    if (sparql is None) == (name is None):
        raise UsageError("give either a SPARQL query or the name of a bundled query")
    if name is not None:
        sparql = q.prepare_named(store, name, params)
    elif params:
        sparql = q.bind(sparql, params)
    result = q.run_query(store, sparql, allow_update=update, allow_service=allow_service,
                         timeout=timeout, stream=stream)
    if name is not None and result is not None and result.kind == "select" and isinstance(result.rows, list) \
            and not result.rows:
        result.notes.extend(empty_answer_notes(store, name, params))
    return result


def empty_answer_notes(store: Store, name: str, params: dict[str, str] | None) -> list[str]:
    """Why a bundled query found nothing: the names given to it that nothing in the graph has."""
    from kg import sparql as q

    params = params or {}
    return [
        f"nothing in the graph is called '{params[key]}' ('kg entities' lists the names)"
        for key in sorted(q.looked_up(q.get_named(name).text) & set(params))
        if not q.lookup_entities(store, params[key])
    ]


def write_result(result: QueryResult, fmt: str, out: str | Path | None = None, stream: Any = None,
                 *, clean: Any = str) -> int:
    """Write a query result as csv, tsv, json or xml to ``out`` (all or nothing), else to the
    text ``stream``; a SELECT in csv or tsv row by row as the store finds the rows. Returns the
    number of rows written (``clean`` is applied to text bound for a terminal)."""
    import sys

    from kg.files import atomic_output
    from kg.sparql import write_result as _write_result

    seen = [0]
    if result.kind == "select":
        result.rows = _counted(result.rows, seen)
    if out is None:
        _write_result(result, fmt, stream or sys.stdout, clean=clean)
    else:
        with atomic_output(out, "w", encoding="utf-8", newline="") as fh:
            _write_result(result, fmt, fh)
    return seen[0]


def _counted(rows, seen: list[int]):
    for row in rows:
        seen[0] += 1
        yield row


def format_result(result: QueryResult, fmt: str, out: str | Path | None = None) -> str | None:
    """A query result as csv, tsv, json or xml (SPARQL results; a CONSTRUCT as JSON-LD for json,
    RDF/XML for xml, else Turtle); written to ``out`` (all or nothing), else returned."""
    from kg.exports import _write
    from kg.sparql import format_result as _format

    text = _format(result, fmt)
    if out is None:
        return text
    _write(Path(out), text)
    return None


def to_networkx(store: Store, **kwargs: Any):
    """The store as a networkx MultiDiGraph (see docs/rdf-model.md)."""
    from kg.network import to_networkx as _to_networkx

    return _to_networkx(store, **kwargs)


def export(
    store: Store, what: str, fmt: str, out: str | Path | None = None, *, delimiter: str | None = None
) -> str | bytes | None:
    """Export relations, entities or the graph; returns the text (bytes for xlsx) when ``out``
    is None. ``delimiter`` changes CSV's comma, e.g. ``";"`` for a Dutch Excel."""
    from kg.exports import export as _export

    return _export(store, what, fmt, out, delimiter=delimiter)


def render(store_or_graph: Any, out: str | Path, **kwargs: Any) -> dict:
    """Write the interactive offline network page; returns what was drawn.

    Keyword options: ``focus`` (name), ``depth``, ``as_of`` (YYYY-MM-DD), ``size_by``
    (degree, betweenness, pagerank), ``communities``, ``title``, ``lang`` (nl, en), ``report_dir``
    (see :func:`kg.viz.render`).
    """
    from kg.viz import render as _render

    if kwargs.get("as_of"):
        kwargs["as_of"] = _iso_date(kwargs["as_of"])
    try:
        return _render(_graph(store_or_graph), Path(out), **kwargs)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc


def actor_call(fn, *args: Any, **kwargs: Any):
    """Call a network function. An actor that is not in the graph already raises
    :class:`kg.errors.UnknownActor`, a QueryError; any other error (a KeyError of a bug
    included) goes up as it is."""
    return fn(*args, **kwargs)


def _graph(store_or_graph: Any):
    """A networkx graph: the one given, or the store's."""
    return to_networkx(store_or_graph) if isinstance(store_or_graph, Store) else store_or_graph


def paths(store_or_graph: Any, source: str, target: str, *, max_paths: int = 5) -> list[list[dict]]:
    """The shortest chains of relations between two actors (names or aliases), with evidence;
    an empty list when they are not connected. An unknown name raises UnknownActor."""
    from kg.network import paths as _paths

    return _paths(_graph(store_or_graph), source, target, max_paths=max_paths)


def neighbours(store_or_graph: Any, name: str, *, depth: int = 1) -> list[dict]:
    """The actors up to ``depth`` steps from ``name``, with the relations that link them."""
    from kg.network import neighbours as _neighbours

    return _neighbours(_graph(store_or_graph), name, depth=depth)


def network_stats(store_or_graph: Any, *, top: int = 10, min_confidence: float = 0.0) -> dict:
    """Nodes, edges, components, density, and the top actors by degree and betweenness."""
    from kg.network import stats as _stats

    graph = to_networkx(store_or_graph, min_confidence=min_confidence) if isinstance(store_or_graph, Store) \
        else store_or_graph
    return _stats(graph, top=top)


def reports(store: Store) -> list[dict[str, Any]]:
    """Every report in the store: its graph IRI, file name, title, kind and hash."""
    return store.reports()


def remove(store: Store, names: list[str]) -> list[str]:
    """Remove reports (and all they said) by name; an unknown name removes nothing."""
    known = {r["name"]: r["report"] for r in store.reports()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"no report named '{unknown[0]}' in the store; 'kg reports' lists them")
    for name in dict.fromkeys(names):
        store.remove_report(known[name])  # its graph as the store names it
    return list(dict.fromkeys(names))


def stats(store: Store) -> dict:
    """Counts: reports, quads, entities per type, relations per type."""
    from kg.sparql import store_stats

    return store_stats(store)


def entities(store: Store, type: str | None = None) -> list:
    """Every entity (label, type, aliases, identifiers, IRI), or those of one type."""
    from kg.exports import entities as _entities
    from kg.model import ENTITY_TYPES

    if type:
        match = [t for t in ENTITY_TYPES if t.lower() == type.lower()]
        if not match:
            raise UsageError(f"unknown type '{type}'; choose one of {', '.join(ENTITY_TYPES)}")
        type = match[0]
    return [e for e in _entities(store) if not type or e.type == type]


def named_queries() -> dict:
    """The bundled queries by name, with their titles and parameters."""
    from kg.sparql import named_queries as _named_queries

    return _named_queries()


def _iso_date(value: Any) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise QueryError(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2015-01-01") from exc


def validate(store: Store):
    """Check the store against the SHACL shapes in ontology/; returns a ValidationReport."""
    from kg.shacl import validate_store

    return validate_store(store)


def review(
    report: str | Path,
    out: str | Path | None = None,
    *,
    store: Store | None = None,
    aliases: str | Path | None = DEFAULT_ALIASES,
    model: str | Path | None = DEFAULT_MODEL,
) -> tuple[Path, int]:
    """Write the candidate relations of ``report`` to a curation TSV; returns (path, new rows).

    Rows the relation model is least sure of come first: the candidates it nearly accepted
    (``status`` suggested: accept one and the next build stores it), then what a build stores
    (``status`` stored), lowest confidence first.
    """
    from dataclasses import replace

    from kg.curate import review_rows, write_review
    from kg.extract import decide, prepare
    from kg.read import read_document
    from kg.relation_model import SUGGEST, RelationModel, shipped
    from kg.resolve import Resolver, load_aliases

    if out is not None:
        check_output(out)
    doc = read_document(report, name=_report_name(Path(report)))
    alias_map = load_aliases(aliases) if aliases else None
    resolver = Resolver(aliases=alias_map, known=store.known_entities() if store else None)
    path = _model_path(model)
    relation_model = RelationModel.load(path) if path else shipped()
    ctx = prepare(doc)
    stored = {r["id"] for r in review_rows(resolver.resolve(decide(ctx, relation_model)))}
    loose = replace(relation_model, threshold=min(SUGGEST, relation_model.threshold),
                    rule_threshold=min(SUGGEST, relation_model.rule_threshold), min_precision=0.0)
    rows = review_rows(resolver.resolve(decide(ctx, loose)))
    for row in rows:
        row["status"] = "stored" if row["id"] in stored else "suggested"
    rows.sort(key=lambda r: (r["status"] == "stored", float(r["confidence"]), r["subject"], r["relation"]))
    target = Path(out) if out else DEFAULT_CURATIONS / (Path(doc.name).with_suffix("").as_posix().replace("/", "-") + ".tsv")
    return target, write_review(rows, target)


def train(
    reports: list[str | Path],
    *,
    gold_entities: str | Path | None = None,
    gold_relations: str | Path | None = None,
    curations: str | Path | None = None,
    out: str | Path = DEFAULT_MODEL,
) -> tuple[Path, dict]:
    """Teach kg's relation model on your own reports; returns (model file, figures).

    Either annotations (``gold_entities``/``gold_relations``: the TSV format of ``kg eval``, whose
    ``id`` column names each report by its file stem) or a folder of curation TSVs that
    ``kg review`` wrote and you filled in. The model is trained on top of the shipped one and
    written to ``out`` (default ``data/relation-model.json``), which ``kg build`` then uses; the
    shipped model is never changed.
    """
    from kg.curate import read_curation_file
    from kg.learn import examples_from_curation, examples_from_gold, gold_for, prepare_text, train_user_model
    from kg.read import find_reports
    from kg.scoring import GoldSet

    if (gold_entities is None) != (gold_relations is None):
        raise UsageError("give both --gold-entities and --gold-relations")
    if gold_entities is None and curations is None:
        raise UsageError("give annotations (--gold-entities and --gold-relations) or --curations")
    found = list(find_reports(reports))
    if not found:
        raise InputError("no reports found to train on")
    examples = []
    used = 0
    if gold_entities is not None:
        ents, rels = gold_for(Path(gold_entities), Path(gold_relations))
        ids = {r.get("id") for r in rels}
        for path, _name in found:
            if path.stem not in ids:
                continue
            examples += examples_from_gold(prepare_text(path), GoldSet.of(ents, rels, [path.stem]))
            used += 1
    if curations is not None:
        folder = Path(curations)
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder of curation files")
        by_report: dict[str, list[dict[str, str]]] = {}
        for tsv in sorted(folder.rglob("*.tsv")):
            for row in read_curation_file(tsv):
                by_report.setdefault(row.report, []).append(vars(row))
        for path, name in found:
            rows = by_report.get(name) or by_report.get(path.name)
            if rows:
                examples += examples_from_curation(prepare_text(path, name=name), rows)
                used += 1
    if not used:
        raise InputError("none of the reports has annotations or curation decisions (the gold's id "
                         "column names a report by its file stem; a curation row by its report name)")
    positives = sum(1 for ex in examples for v in ex.labels.values() if v == 1)
    model = train_user_model(examples, meta={"reports": used, "examples": len(examples), "positives": positives})
    target = model.save(out)
    return target, {"reports": used, "examples": len(examples), "positives": positives}


def _report_name(path: Path) -> str:
    """The name ``kg build data/reports`` gives a report: its path under data/reports when it
    lies there (``sub/x.txt``), else its file name (as ``kg ingest FILE`` names it)."""
    try:
        return path.resolve().relative_to(DEFAULT_REPORTS.resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


def evaluate(store: Store, gold_entities: str | Path, gold_relations: str | Path, ids: list[str] | None = None):
    """Score the store's relations and entities against a gold annotation."""
    from kg.scoring import evaluate_store

    return evaluate_store(store, Path(gold_entities), Path(gold_relations), ids=ids)


def extract_text(text: str, name: str = "text.txt"):
    """Extract candidate relations from a string (no store involved)."""
    from kg.extract import extract
    from kg.read import document_from_text

    return extract(document_from_text(text, name=name))
