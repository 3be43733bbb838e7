"""Reports in, named graphs out: the build that ties read -> extract -> resolve -> graph -> store.

Reading and extraction run in parallel worker processes (``jobs``); resolution, curation and
the write of each report's named graph run in this process, one transaction per report, so
parsing never holds the store's write lock and a failed report leaves nothing behind.
Reports whose file, curations and settings are unchanged since the last build are skipped.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kg.errors import InputError, KgError
from kg.model import ResolvedReport
from kg.store import Store

#: Bump when extraction or the RDF shape changes, so that stores are rebuilt on next build.
PIPELINE_VERSION = "2"


class Progress(Protocol):
    """What the build reports as it goes (the CLI shows a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, name: str, status: str) -> None: ...


@dataclass
class ReportOutcome:
    name: str
    status: str  #: "added", "replaced", "unchanged" or "failed"
    message: str = ""
    entities: int = 0
    relations: int = 0


@dataclass
class BuildSummary:
    """What a build did; the CLI prints it as a table."""

    outcomes: list[ReportOutcome] = field(default_factory=list)
    entity_types: Counter = field(default_factory=Counter)
    relation_types: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[ReportOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


@dataclass
class BuildOptions:
    jobs: int | None = None
    min_confidence: float = 0.0
    curations: Path | None = None  #: folder of curation TSVs (data/curations)
    aliases: Path | None = None  #: the user's alias file (data/aliases.tsv)
    force: bool = False  #: process unchanged reports again


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def build(
    store: Store,
    paths: Iterable[Path | str],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Ingest every report under ``paths`` into ``store``; see the module docstring."""
    from kg.read import find_reports

    options = options or BuildOptions()
    summary = BuildSummary()
    found: list[tuple[Path, str]] = []
    for p in paths:
        try:
            found.extend(find_reports([p]))
        except InputError as exc:
            summary.outcomes.append(ReportOutcome(name=str(p), status="failed", message=str(exc)))
    # The same report name twice (a file given twice): keep the first.
    seen: set[str] = set()
    unique = []
    for path, name in found:
        if name not in seen:
            seen.add(name)
            unique.append((path, name))

    curations = _load_curations(options.curations)
    settings_key = _settings_key(options, curations)
    stored = _build_keys(store)

    todo: list[tuple[Path, str, str]] = []
    for path, name in unique:
        try:
            data = path.read_bytes()
        except OSError as exc:
            summary.outcomes.append(ReportOutcome(name, "failed", f"{path}: cannot be read ({exc.strerror})"))
            continue
        key = _build_key(data, settings_key, curations.for_report(name) if curations else "")
        if not options.force and stored.get(name) == key:
            summary.outcomes.append(ReportOutcome(name, "unchanged"))
            continue
        todo.append((path, name, key))

    if progress:
        progress.start(len(todo))
    if todo:
        _process(store, todo, set(stored), options, curations, summary, progress)
    _count_store(store, summary)
    return summary


def _process(store, todo, existing, options, curations, summary, progress) -> None:
    resolver = _make_resolver(store, options)
    jobs = options.jobs or default_jobs()
    for name, key, result in _extract_all(todo, jobs):
        if isinstance(result, str):
            summary.outcomes.append(ReportOutcome(name, "failed", result))
            if progress:
                progress.advance(name, "failed")
            continue
        try:
            outcome = _store_report(store, resolver, result, key, name in existing, options, curations, summary)
        except KgError as exc:
            outcome = ReportOutcome(name, "failed", str(exc))
        summary.outcomes.append(outcome)
        if progress:
            progress.advance(name, outcome.status)


def _count_store(store: Store, summary: BuildSummary) -> None:
    from kg.sparql import store_stats

    stats = store_stats(store)
    summary.entity_types.update(stats["entities"])
    summary.relation_types.update(stats["relations"])


def _extract_one(path: Path, name: str):
    """Worker: read and extract one report. Returns an Extraction or an error message."""
    from kg.extract import extract
    from kg.read import read_document

    try:
        return extract(read_document(path, name=name))
    except KgError as exc:
        return str(exc)
    except Exception as exc:  # an extractor bug must not stop the other reports
        return f"{path}: extraction failed ({type(exc).__name__}: {exc})"


def _extract_all(todo: list[tuple[Path, str, str]], jobs: int):
    """Yield (name, build key, Extraction or error message) as reports finish."""
    if jobs <= 1 or len(todo) < 4:
        for path, name, key in todo:
            yield name, key, _extract_one(path, name)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_extract_one, path, name): (name, key) for path, name, key in todo}
        for fut in as_completed(futures):
            name, key = futures[fut]
            try:
                yield name, key, fut.result()
            except Exception as exc:  # a worker that died
                yield name, key, f"{name}: extraction failed ({type(exc).__name__}: {exc})"


def _make_resolver(store: Store, options: BuildOptions):
    from kg.resolve import Resolver, load_aliases

    aliases = load_aliases(options.aliases) if options.aliases and Path(options.aliases).exists() else None
    return Resolver(aliases=aliases, known=store.known_entities())


def _store_report(store, resolver, extraction, key, existed, options, curations, summary) -> ReportOutcome:
    from kg.graph import report_graph
    from kg.namespaces import KG

    report: ResolvedReport = resolver.resolve(extraction)
    if curations:
        curations.apply(report)
    report.relations = [
        r for r in report.relations if r.curated_by or r.confidence >= options.min_confidence
    ]
    _harmonise_labels(report, resolver)
    graph_iri, graph = report_graph(report)
    from rdflib import Literal, URIRef

    graph.add((URIRef(graph_iri), KG.buildKey, Literal(key)))
    store.put_report(graph_iri, graph)
    for entity in report.entities.values():
        resolver.known.setdefault(entity.iri, (entity.type, entity.label))
    summary.warnings.extend(f"{extraction.document.name}: {w}" for w in extraction.warnings + report.warnings)
    return ReportOutcome(
        name=extraction.document.name,
        status="replaced" if existed else "added",
        entities=len(report.entities),
        relations=sum(1 for r in report.relations if r.modality != "negated"),
    )


def _harmonise_labels(report: ResolvedReport, resolver) -> None:
    """An entity already in the store keeps its preferred label, so the union has one."""
    known = getattr(resolver, "known", None) or {}
    for entity in report.entities.values():
        if entity.iri in known:
            label = known[entity.iri][1]
            if label != entity.label:
                entity.aliases.add(entity.label)
                entity.label = label


def _build_keys(store: Store) -> dict[str, str]:
    rows = store.select("SELECT ?name ?key WHERE { GRAPH ?g { ?g kg:fileName ?name ; kg:buildKey ?key } }")
    return {r["name"]: r["key"] for r in rows}


def _settings_key(options: BuildOptions, curations) -> str:
    aliases = b""
    if options.aliases and Path(options.aliases).exists():
        aliases = Path(options.aliases).read_bytes()
    h = hashlib.sha256()
    h.update(PIPELINE_VERSION.encode())
    h.update(str(options.min_confidence).encode())
    h.update(aliases)
    return h.hexdigest()


def _build_key(data: bytes, settings_key: str, curation_key: str) -> str:
    h = hashlib.sha256()
    h.update(data)
    h.update(settings_key.encode())
    h.update(curation_key.encode())
    return h.hexdigest()


def _load_curations(folder: Path | None):
    if folder is None or not Path(folder).is_dir():
        return None
    from kg.curate import Curations

    return Curations.load(folder)
