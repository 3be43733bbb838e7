"""Reports in, named graphs out: the build that ties read -> extract -> resolve -> graph -> store.

Reading, extraction, resolution (against the store's entities as the build starts), curation
and minting each report's N-Triples run in parallel worker processes (``jobs``). This process
only gives entities first seen earlier in the same build their stored label, and writes the
reports' named graphs in batches on a writer thread while the workers go on (both cores busy);
each report is fully in the store or not at all, also when the build is killed
(:meth:`kg.store.Store.put_reports`).
Reports whose file, curations and settings are unchanged since the last build are skipped.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kg.errors import InputError, KgError
from kg.model import ResolvedReport
from kg.store import Store

#: Bump when extraction, the RDF shape or the IRI rule changes, so that stores are rebuilt on
#: next build. 4: slugs transliterate letters without accents (Yılmaz -> yilmaz, not y-lmaz);
#: PDF and Word titles come from their metadata.
PIPELINE_VERSION = "4"


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
    model: Path | None = None  #: the user's own relation model (kg train); None: the shipped one


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def build(
    store: Store,
    paths: Iterable[Path | str],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Ingest every report under ``paths`` into ``store``; see the module docstring."""
    from kg.files import MAX_REPORT_BYTES, read_bytes
    from kg.namespaces import report_iri
    from kg.read import find_reports

    options = options or BuildOptions()
    summary = BuildSummary()
    found: list[tuple[Path, str]] = []
    for p in paths:
        try:
            found.extend(find_reports([p]))
        except InputError as exc:
            summary.outcomes.append(ReportOutcome(name=str(p), status="failed", message=str(exc)))
    unique = _one_report_per_file(found, summary)

    aliases = _load_alias_map(options)
    curations = _load_curations(options.curations)
    if curations:
        _curation_failures(curations, [name for _, name in unique], summary)
    settings_key = _settings_key(options, aliases)
    stored = _stored_reports(store)

    todo: list[tuple[Path, str, str]] = []
    for path, name in unique:
        try:
            data = read_bytes(path, limit=MAX_REPORT_BYTES, what="report")
        except InputError as exc:
            summary.outcomes.append(ReportOutcome(name, "failed", str(exc)))
            continue
        bad_rows = curations.errors_for(name) if curations else []
        if bad_rows:
            # its decisions cannot all be applied: keep what the store holds, fail this report
            more = f" (and {len(bad_rows) - 1} more bad rows)" if len(bad_rows) > 1 else ""
            summary.outcomes.append(ReportOutcome(name, "failed", f"{bad_rows[0]}{more}; report {name} was not rebuilt"))
            continue
        key = _build_key(data, settings_key, curations.for_report(name) if curations else "")
        if not options.force and stored.get(name) == (key, report_iri(name)):
            summary.outcomes.append(ReportOutcome(name, "unchanged"))
            continue
        todo.append((path, name, key))

    if progress:
        progress.start(len(todo))
    if todo:
        _process(store, todo, stored, aliases, options, curations, summary, progress)
    _count_store(store, summary)
    return summary


def _curation_failures(curations, names: list[str], summary: BuildSummary) -> None:
    """Curation files that cannot be read, and bad rows about no report of this build, fail
    on their own (bad rows about a report fail that report, below)."""
    from kg.curate import names_match

    for message in curations.file_errors:
        summary.outcomes.append(ReportOutcome(message.split(": ", 1)[0], "failed", message))
    for report, messages in curations.errors.items():
        if not any(names_match(report, name) for name in names):
            for message in messages:
                summary.outcomes.append(ReportOutcome(message.split(": ", 1)[0], "failed", message))


def _one_report_per_file(found: list[tuple[Path, str]], summary: BuildSummary) -> list[tuple[Path, str]]:
    """Every distinct file one report: a file given twice is read once; a second file that
    would get the name of another (``d1/verslag.txt`` and ``d2/verslag.txt`` given as two
    folders) fails with a message instead of replacing or hiding the first."""
    first: dict[str, Path] = {}
    unique = []
    for path, name in found:
        seen = first.get(name)
        if seen is None:
            first[name] = path
            unique.append((path, name))
        elif not _same_file(seen, path):
            summary.outcomes.append(ReportOutcome(
                str(path), "failed",
                f"{path}: would be report '{name}', like {seen}; rename one, or build the folder "
                "that holds both so that each is named by its path",
            ))
    return unique


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _process(store, todo, stored, aliases, options, curations, summary, progress) -> None:
    from kg.graph import entity_ntriples

    # The store's entities as the build starts: workers resolve against this snapshot (the
    # resolver only matches names against the store's entities, not against what this build
    # adds). What this build adds is harmonised here, in report order, as each report arrives.
    # The reports being rebuilt do not anchor their own entities (only another report naming
    # one does): a report is read again as a fresh build would read it, so a store built by an
    # older kg (another PIPELINE_VERSION, another IRI rule) becomes the store a new build gives.
    rebuilt = {stored[name][1] for _, name, _ in todo if name in stored}
    known = store.known_entities(without=rebuilt)
    added: dict[str, tuple[str, str]] = {}
    jobs = options.jobs or default_jobs()
    setup = _WorkerSetup(aliases, known, curations, options.min_confidence, _load_model(options))
    writer = _Writer(store, stored, len(todo), summary, progress)
    try:
        for name, result in _prepare_all(todo, jobs, setup):
            if isinstance(result, str):
                summary.outcomes.append(ReportOutcome(name, "failed", result))
                if progress:
                    progress.advance(name, "failed")
            else:
                for entity in result.entities:
                    if _harmonise_entity(entity, added):
                        result.triples.entities[entity.iri] = entity_ntriples(entity, result.triples.graph_iri)
                for entity in result.entities:
                    if entity.iri not in known:
                        added.setdefault(entity.iri, (entity.type, entity.label))
                writer.add(name, result)
            writer.poll()
        writer.finish()
    finally:
        writer.close()


class _Writer:
    """Writes the build's reports in batches on a thread of its own, while this process goes on
    receiving reports from the workers (the store's bulk load runs outside Python's lock).

    A batch goes to the store when the previous one is written and it holds :meth:`target`
    reports, or its first report has waited :data:`_WRITE_WAIT` seconds; each report is whole in
    the store or not at all (:meth:`kg.store.Store.put_reports`). Batches grow with what the
    build has stored, from :data:`_WRITE_BATCH` up to :data:`_WRITE_BATCH_MAX` reports: every
    bulk load adds files that the store later merges with all it holds, so a build of n reports
    in batches of a fixed size costs merging work that grows as n², in doubling ones as n.
    Towards the end they shrink again, to half of what is left to write: the batch still being
    written when the workers finish is what the build waits for with one core idle.
    Outcomes are recorded, and the progress advances, as batches are written.
    """

    def __init__(self, store: Store, stored, total: int, summary: BuildSummary, progress) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store, self.stored, self.total = store, stored, total
        self.summary, self.progress = summary, progress
        self.pending: list[tuple[str, _Prepared]] = []
        self.since = 0.0
        self.stored_now = 0
        self.taken = 0  #: reports handed to the store so far
        self.running = None  #: (future, batch) being written
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store-writer")

    def target(self) -> int:
        """Reports in the next batch: as many as are stored, within the bounds, and no more
        than half of what is left."""
        left = (self.total - self.taken) // 2
        return min(_WRITE_BATCH_MAX, max(_WRITE_BATCH, self.stored_now), max(_WRITE_BATCH, left))

    def add(self, name: str, result: _Prepared) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append((name, result))
        if len(self.pending) >= self.target() * 2:
            self._collect(wait=True)  # the store falls behind: hold the reports no longer in memory

    def poll(self) -> None:
        """Record a written batch; start the next when it is due."""
        self._collect(wait=False)
        if self.running is None and self.pending and (
                len(self.pending) >= self.target() or time.monotonic() - self.since >= _WRITE_WAIT):
            self._start()

    def finish(self) -> None:
        while self.pending or self.running is not None:
            self._collect(wait=True)
            if self.pending:
                self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True)

    def _start(self) -> None:
        size = self.target()
        batch, self.pending = self.pending[:size], self.pending[size:]
        self.taken += len(batch)
        self.since = time.monotonic()
        self.running = (self.pool.submit(_write_batch, self.store, self.stored, batch), batch)

    def _collect(self, wait: bool) -> None:
        from kg.errors import StoreError

        if self.running is None:
            return
        future, batch = self.running
        if not wait and not future.done():
            return
        self.running = None
        try:
            errors = future.result()
        except StoreError as exc:
            # the store itself fails (a full disk, a lost server): every other report would
            # fail the same way, so stop with one error; what was stored stays stored
            self.pending.clear()
            raise StoreError(
                f"{exc}; the build stopped after storing {self.stored_now} of {self.total} report(s), "
                "run it again once the store is fixed"
            ) from exc
        for name, result in batch:
            error = errors.get(result.triples.graph_iri)
            if error is not None:
                outcome = ReportOutcome(name, "failed", str(error))
            else:
                self.stored_now += 1
                self.summary.warnings.extend(result.warnings)
                outcome = ReportOutcome(name, "replaced" if name in self.stored else "added",
                                        entities=len(result.entities), relations=result.relations)
            self.summary.outcomes.append(outcome)
            if self.progress:
                self.progress.advance(name, outcome.status)


#: Reports in the first batch written to the store and in the largest, and how long a report
#: waits for its batch at most (s) while the store is not busy with the previous one.
_WRITE_BATCH = 256
_WRITE_BATCH_MAX = 4096
_WRITE_WAIT = 10.0


def _write_batch(store: Store, stored, batch: list[tuple[str, _Prepared]]) -> dict[str, KgError]:
    """Writer thread: one batch of reports into the store; graph IRI -> error of a report that
    could not be stored (raises StoreError when the store fails)."""
    errors = store.put_reports([(result.triples.graph_iri, result.triples.text()) for _, result in batch],
                               minted=True)
    for name, result in batch:
        old_graph = stored.get(name, (None, None))[1]
        if old_graph and old_graph != result.triples.graph_iri and result.triples.graph_iri not in errors:
            store.remove_report(old_graph)  # the graph an older kg named differently
    return errors


def _count_store(store: Store, summary: BuildSummary) -> None:
    """The store's entities and relations per type, for the build's summary table."""
    from kg.sparql import type_counts

    entities, relations = type_counts(store)
    summary.entity_types.update(entities)
    summary.relation_types.update(relations)


@dataclass
class _WorkerSetup:
    """What every worker needs to take a report from file to triples."""

    aliases: dict[str, str] | None
    known: dict[str, tuple[str, str]]
    curations: object | None
    min_confidence: float
    model: object | None = None  #: a RelationModel of the user's, or None for the shipped one


@dataclass
class _Prepared:
    """A report ready to store: its triples, and its entities for the last label harmonisation."""

    triples: object  #: kg.graph.ReportTriples
    entities: list
    relations: int
    warnings: list[str]


_worker: dict = {}
#: How much lower the workers' CPU priority is than the writing main process's.
_WORKER_NICE = 5


def _exit_with_parent(parent: int) -> None:
    """Worker: end when the main process is gone (killed, even by SIGKILL), instead of
    staying behind blocked on the task pipe."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _init_worker(setup: _WorkerSetup, nice: int = 0, parent: int | None = None) -> None:
    from kg.resolve import Resolver

    if parent is not None:
        _exit_with_parent(parent)
    if nice and hasattr(os, "nice"):
        # The main process writes every report in turn: it is the queue's one server.
        # Workers that yield the CPU to it keep it from waiting behind them.
        os.nice(nice)

    _worker["setup"] = setup
    _worker["resolver"] = Resolver(aliases=setup.aliases, known=setup.known)


def _prepare_one(path: Path, name: str, key: str):
    """Worker: read, extract, resolve, curate and mint one report's triples.

    Returns a :class:`_Prepared` or an error message.
    """
    from kg.extract import SHIPPED, extract
    from kg.graph import report_triples
    from kg.read import read_document

    setup: _WorkerSetup = _worker["setup"]
    try:
        extraction = extract(read_document(path, name=name), model=setup.model or SHIPPED)
    except KgError as exc:
        return str(exc)
    except Exception as exc:  # an extractor bug must not stop the other reports
        return f"{path}: extraction failed ({type(exc).__name__}: {exc})"
    try:
        report: ResolvedReport = _worker["resolver"].resolve(extraction)
        if setup.curations:
            setup.curations.apply(report)
        report.relations = [
            r for r in report.relations if r.curated_by or r.confidence >= setup.min_confidence
        ]
        for entity in report.entities.values():
            _harmonise_entity(entity, setup.known)
        triples = report_triples(report, build_key=key)
    except KgError as exc:
        return str(exc)
    return _Prepared(
        triples=triples,
        entities=list(report.entities.values()),
        relations=sum(1 for r in report.relations if r.modality != "negated"),
        warnings=[f"{extraction.document.name}: {w}" for w in extraction.warnings + report.warnings],
    )


def _prepare_all(todo: list[tuple[Path, str, str]], jobs: int, setup: _WorkerSetup):
    """Yield (name, _Prepared or error message) as reports finish."""
    if jobs <= 1 or len(todo) < 4:
        _init_worker(setup)
        try:
            for path, name, key in todo:
                yield name, _prepare_one(path, name, key)
        finally:
            _worker.clear()
        return
    # Reports go to the workers in small batches, a bounded number at a time: fewer round
    # trips for the main process (which also writes every report), and finished results
    # are not held while thousands of others wait.
    size = max(1, min(_BATCH, len(todo) // (jobs * 4)))
    batches = iter([todo[i:i + size] for i in range(0, len(todo), size)])
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(setup, _WORKER_NICE, os.getpid())) as pool:
        pending: dict = {}

        def submit_next() -> None:
            batch = next(batches, None)
            if batch is not None:
                pending[pool.submit(_prepare_batch, batch)] = batch

        for _ in range(jobs * 3):
            submit_next()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                batch = pending.pop(fut)
                submit_next()
                try:
                    results = fut.result()
                except Exception as exc:  # a worker that died
                    results = [(name, f"{name}: extraction failed ({type(exc).__name__}: {exc})")
                               for _, name, _ in batch]
                yield from results


#: Reports per batch sent to a worker.
_BATCH = 8


def _prepare_batch(batch: list[tuple[Path, str, str]]) -> list[tuple[str, object]]:
    """Worker: :func:`_prepare_one` for each report of a batch."""
    results = [(name, _prepare_one(path, name, key)) for path, name, key in batch]
    if not _worker.get("frozen"):
        # After its first reports a worker holds what it keeps to the end (spaCy's tables, the
        # lexicons, the gazetteer, the model): the collector need not walk them again on each
        # full collection (one about every 300 reports, some 150 ms each).
        gc.freeze()
        _worker["frozen"] = True
    return results


def _load_alias_map(options: BuildOptions) -> dict[str, str] | None:
    from kg.resolve import load_aliases

    return load_aliases(options.aliases) if options.aliases else None


def _harmonise_entity(entity, known: dict[str, tuple[str, str]]) -> bool:
    """An entity already in the store keeps its preferred label, so the union has one.

    Returns True when the entity's label changed.
    """
    if entity.iri in known:
        label = known[entity.iri][1]
        if label != entity.label:
            entity.aliases.add(entity.label)
            entity.label = label
            return True
    return False


def _load_model(options: BuildOptions):
    """The user's relation model when one is given, else None (the shipped one)."""
    if not options.model:
        return None
    from kg.relation_model import RelationModel

    return RelationModel.load(options.model)


def _stored_reports(store: Store) -> dict[str, tuple[str | None, str]]:
    """Report name -> (build key, graph IRI) of every report in the store."""
    rows = store.select(
        "SELECT ?name ?key ?g WHERE { GRAPH ?g { ?g kg:fileName ?name OPTIONAL { ?g kg:buildKey ?key } } }"
    )
    return {r["name"]: (r["key"], r["g"]) for r in rows}


def _settings_key(options: BuildOptions, aliases: dict[str, str] | None) -> str:
    h = hashlib.sha256()
    h.update(PIPELINE_VERSION.encode())
    h.update(str(options.min_confidence).encode())
    for alias, label in sorted((aliases or {}).items()):
        h.update(f"{alias}\x1f{label}\x1e".encode())
    if options.model and Path(options.model).is_file():
        h.update(Path(options.model).read_bytes())
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
