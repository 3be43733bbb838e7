"""The Python API: what ``import kg`` offers, and what the CLI is a thin layer over.

    import kg
    with kg.open_store(".kg", create=True) as store:
        summary = kg.build(store, ["data/reports"])
        rows = kg.query(store, name="mergers").records()
        graph = kg.to_networkx(store)
        kg.export(store, "relations", "tsv", "out/relations.tsv")
        kg.render(store, "out/network.html")
        report = kg.validate(store)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg import _API
from kg.errors import QueryError
from kg.ingest import BuildOptions, BuildSummary, Progress
from kg.store import QueryResult, Store, open_store  # noqa: F401  (re-exported)

#: Where the user's own data lives, relative to the working directory.
DEFAULT_CURATIONS = Path("data/curations")
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

    Unchanged reports are skipped; an edited report replaces its named graph; a report that
    cannot be read is listed in ``summary.failed`` and the others still go in. ``model`` is the
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
    return _build(store, paths, options, progress)


def _model_path(model: str | Path | None) -> Path | None:
    if model is None:
        return None
    path = Path(model)
    if path == DEFAULT_MODEL and not path.is_file():
        return None
    if not path.is_file():
        from kg.errors import InputError

        raise InputError(f"{path}: no relation model there (train one with 'kg train')")
    return path


def query(
    store: Store,
    sparql: str | None = None,
    *,
    name: str | None = None,
    params: dict[str, str] | None = None,
    update: bool = False,
) -> QueryResult | None:
    """Run SPARQL text, or a bundled query by ``name`` with ``params`` bound safely."""
    from kg import sparql as q

    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL query or the name of a bundled query")
    if name is not None:
        return q.run_named(store, name, params)
    if params:
        sparql = q.bind(sparql, params)
    return q.run_query(store, sparql, allow_update=update)


def to_networkx(store: Store, **kwargs: Any):
    """The store as a networkx MultiDiGraph (see docs/rdf-model.md)."""
    from kg.network import to_networkx as _to_networkx

    return _to_networkx(store, **kwargs)


def export(store: Store, what: str, fmt: str, out: str | Path | None = None) -> str | None:
    """Export relations, entities or the graph; returns the text when ``out`` is None."""
    from kg.exports import export as _export

    return _export(store, what, fmt, out)


def render(store_or_graph: Any, out: str | Path, **kwargs: Any) -> dict:
    """Write the interactive offline network page; returns what was drawn.

    Keyword options: ``focus`` (name), ``depth``, ``as_of`` (YYYY-MM-DD), ``size_by``
    (degree, betweenness, pagerank), ``communities``, ``title`` (see :func:`kg.viz.render`).
    """
    from kg.viz import render as _render

    graph = store_or_graph
    if isinstance(store_or_graph, Store):
        graph = to_networkx(store_or_graph)
    if kwargs.get("as_of"):
        kwargs["as_of"] = _iso_date(kwargs["as_of"])
    try:
        return actor_call(_render, graph, Path(out), **kwargs)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc


def actor_call(fn, *args: Any, **kwargs: Any):
    """Call a network function; an actor name that is not in the graph becomes a QueryError."""
    try:
        return fn(*args, **kwargs)
    except KeyError as exc:
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else f"unknown actor {exc}"
        raise QueryError(message) from exc


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
) -> tuple[Path, int]:
    """Write every candidate relation of ``report`` to a curation TSV; returns (path, new rows)."""
    from kg.curate import review_rows, write_review
    from kg.extract import extract
    from kg.read import read_document
    from kg.resolve import Resolver, load_aliases

    doc = read_document(report)
    alias_map = load_aliases(aliases) if aliases else None
    resolver = Resolver(aliases=alias_map, known=store.known_entities() if store else None)
    resolved = resolver.resolve(extract(doc))
    target = Path(out) if out else DEFAULT_CURATIONS / (Path(doc.name).stem + ".tsv")
    return target, write_review(review_rows(resolved), target)


def evaluate(store: Store, gold_entities: str | Path, gold_relations: str | Path, ids: list[str] | None = None):
    """Score the store's relations and entities against a gold annotation."""
    from kg.scoring import evaluate_store

    return evaluate_store(store, Path(gold_entities), Path(gold_relations), ids=ids)


def extract_text(text: str, name: str = "text.txt"):
    """Extract candidate relations from a string (no store involved)."""
    from kg.extract import extract
    from kg.read import document_from_text

    return extract(document_from_text(text, name=name))
