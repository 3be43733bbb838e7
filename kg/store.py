"""Where the graph lives: one interface over an embedded and a remote quad store.

Each report is one named graph. Writing a report replaces its graph in one transaction
(a report is either fully in the store or not at all). Queries see the union of all graphs
as their default graph: every triple once, however many reports state it.

* :class:`OxigraphStore`: embedded, persistent, on disk (the default, ``.kg/``), or in
  memory (``memory:``). Backed by pyoxigraph (RocksDB); fast SPARQL.
* ``sparql+http://HOST:PORT/PATH``: a SPARQL 1.1 Protocol / Graph Store Protocol server
  (Virtuoso, Fuseki, GraphDB, Oxigraph server); see :mod:`kg.remote`.

:func:`open_store` chooses by the location's scheme in :data:`STORES` (scheme -> store class,
named as ``module:Class`` and imported on first use, so this module imports no store
implementation and none imports it back in a cycle); anything else is an embedded store.
The rest of kg only sees :class:`Store`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from importlib import import_module
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError, QueryError, StoreError
from kg.namespaces import sparql_prologue

#: The store used when none is given: a folder in the working directory.
DEFAULT_STORE = ".kg"
#: Environment variable that names the store when --store is not given.
STORE_ENV = "KG_STORE"

_UPDATE_RE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


#: The lexemes inside which '#', keywords and braces mean nothing: strings, IRIs, comments.
_LEXEME = re.compile(
    r"""(?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<comment>\#[^\n]*)""",
    re.VERBOSE | re.DOTALL,
)


def without_comments(sparql: str, *, blank_literals: bool = False) -> str:
    """SPARQL text without its comments (and a leading BOM); with ``blank_literals`` also
    strings and IRIs are blanked, so that only keywords, names and variables are left."""
    def repl(m: re.Match) -> str:
        if m.group("comment") is not None:
            return " "
        return ' "" ' if blank_literals else m.group()

    return _LEXEME.sub(repl, sparql.lstrip("\ufeff"))


def is_update(sparql: str) -> bool:
    """True when the SPARQL text is an update (INSERT, DELETE, DROP, ...), not a query."""
    return bool(_UPDATE_RE.match(without_comments(sparql)))


#: An entity with its type's local name and its preferred label (:meth:`Store.known_entities`).
ENTITY_PATTERN = """?e skos:prefLabel ?label ; a ?t .
                 FILTER(STRSTARTS(STR(?t), STR(kg:)))
                 BIND(STRAFTER(STR(?t), "#") AS ?type)"""


@dataclass
class QueryResult:
    """What a store answers to a query, as rdflib terms whatever the store.

    ``kind`` is ``select`` (``variables`` and ``rows``), ``ask`` (``boolean``) or
    ``graph`` (CONSTRUCT/DESCRIBE: ``graph``, an rdflib Graph).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)  #: an iterator when streamed
    boolean: bool | None = None
    graph: Any = None  # rdflib.Graph for CONSTRUCT/DESCRIBE
    notes: list[str] = field(default_factory=list)  # hints for the reader ("nothing is called X")

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (str, int, float, date, ...; None if unbound)."""
        out = []
        for row in self.rows:
            rec = {}
            for var, term in zip(self.variables, row):
                rec[var] = None if term is None else _python_value(term)
            out.append(rec)
        return out

    def to_dataframe(self):
        """The result as a pandas DataFrame: a SELECT's rows with a column per variable (plain
        Python values, None where unbound); a CONSTRUCT's triples as subject, predicate, object;
        an ASK as one cell. pandas is an optional extra: ``pip install 'kg[pandas]'``."""
        try:
            import pandas as pd
        except ImportError as exc:
            from kg.errors import KgError

            raise KgError("to_dataframe needs pandas: pip install 'kg[pandas]'") from exc
        if self.kind == "ask":
            return pd.DataFrame({"ask": [bool(self.boolean)]})
        if self.kind == "graph":
            triples = sorted(self.graph, key=lambda t: tuple(map(str, t)))
            return pd.DataFrame(
                [(str(s), str(p), _python_value(o)) for s, p, o in triples], columns=["subject", "predicate", "object"]
            )
        return pd.DataFrame(self.records(), columns=self.variables)


def _python_value(term: Any) -> Any:
    from rdflib import Literal

    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


class Store(ABC):
    """A quad store holding one named graph per report."""

    location: str

    # -- reports -------------------------------------------------------------------------
    @abstractmethod
    def put_report(self, graph_iri: str, triples: Any) -> None:
        """Replace the named graph ``graph_iri`` with ``triples`` (an rdflib Graph), atomically."""

    def put_reports(self, reports: list[tuple[str, str]], *, minted: bool = False) -> dict[str, KgError]:
        """Write several reports at once, each (graph IRI, N-Triples text); each is fully in the
        store or not at all. Returns graph IRI -> error for reports that could not be stored for
        a fault of their own (the others are stored); raises :class:`StoreError` when the store
        itself fails. Stores that can write many reports faster than one by one override it.

        ``minted``: the texts are kg's own, written by :mod:`kg.graph`, which checks every IRI
        and literal as it writes it; a store may then skip checking them again."""
        errors: dict[str, KgError] = {}
        for graph_iri, text in reports:
            try:
                self.put_report(graph_iri, text)
            except StoreError:
                raise
            except KgError as exc:
                errors[graph_iri] = exc
        return errors

    @abstractmethod
    def remove_report(self, graph_iri: str) -> None:
        """Remove a report's named graph."""

    def report_hashes(self) -> dict[str, str]:
        """Report name -> sha256 of the file it was read from, for every report in the store."""
        rows = self.select(
            """SELECT ?name ?sha WHERE { GRAPH ?g { ?g a kg:Report ; kg:fileName ?name ; kg:sha256 ?sha } }"""
        )
        return {r["name"]: r["sha"] for r in rows}

    def reports(self) -> list[dict[str, Any]]:
        """Every report: its graph IRI, file name, title, kind and hash."""
        return self.select(
            """SELECT ?report ?name ?title ?kind ?sha WHERE { GRAPH ?report {
                 ?report a kg:Report ; kg:fileName ?name ; kg:sha256 ?sha .
                 OPTIONAL { ?report dcterms:title ?title } OPTIONAL { ?report dcterms:format ?kind } } }
               ORDER BY ?name"""
        )

    def known_entities(self, without: Collection[str] = ()) -> dict[str, tuple[str, str]]:
        """Entity IRI -> (type local name, preferred label), for resolving across reports.

        ``without``: graph IRIs (reports about to be rebuilt) whose entities count only when
        another graph names them too, so a rebuilt report mints its IRIs as a fresh build would.
        """
        pattern = ENTITY_PATTERN
        if without:
            rows = [r for r in self.select(f"SELECT ?g ?e ?type ?label WHERE {{ GRAPH ?g {{ {pattern} }} }}")
                    if r["g"] not in without]
        else:
            rows = self.select(f"SELECT ?e ?type ?label WHERE {{ {pattern} }}")
        known: dict[str, tuple[str, str]] = {}
        for r in rows:
            known.setdefault(r["e"], (r["type"], r["label"]))
        return known

    # -- SPARQL --------------------------------------------------------------------------
    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union graph."""

    def query_stream(self, sparql: str) -> QueryResult:
        """:meth:`query`; a store that can stream gives a SELECT's rows as an iterator."""
        return self.query(sparql)

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update."""

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Run a SELECT with kg's prefixes and return rows of plain Python values."""
        return self.query(sparql_prologue() + sparql).records()

    # -- whole graph ---------------------------------------------------------------------
    @abstractmethod
    def dump_nquads(self) -> str:
        """Every quad in the store, as N-Quads."""

    def dataset(self):
        """The store as an rdflib Dataset (a copy: for export and validation)."""
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=self.dump_nquads(), format="nquads")
        return ds

    def union_graph(self):
        """The union of all named graphs as one rdflib Graph (a copy)."""
        from rdflib import Graph

        from kg.namespaces import bind_prefixes

        g = Graph()
        bind_prefixes(g)
        for s, p, o, _ in self.dataset().quads((None, None, None, None)):
            g.add((s, p, o))
        return g

    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OxigraphStore(Store):
    """The embedded store: pyoxigraph on disk (a folder) or in memory (``path=None``).

    The report graphs are the source of truth. The store's default graph is kept as their
    union, every triple once, in the same write as each report: Oxigraph's own union view
    repeats a triple once per graph that holds it, and since every report restates the
    entities it mentions, joins through well-known actors would multiply. Queries read the
    default graph; ``GRAPH ?g { ... }`` still reaches each report. Write your own triples into
    a named graph of your own: after a user's update the default graph is derived anew.

    Reports new to the store are written in batches by :meth:`put_reports` with Oxigraph's bulk
    loader (several times cheaper than a transaction per report), behind a write-ahead journal:
    the batch's quads are first written whole to the journal beside the store folder
    (:func:`journal_path`: a temporary file, synced, renamed into place), then loaded, then the
    journal is removed. A process that dies between the two leaves the journal, and the next
    open of the store loads it again (adding a quad twice changes nothing): every report of the
    batch is then fully in, as every report of a batch that was not journaled yet is not in at
    all. The journal is kept outside the folder so that the folder only grows by what is stored.
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True, read_only: bool = False):
        import pyoxigraph as ox

        self._ox = ox
        self._union_view = False
        if path is None:
            self.location = "memory:"
            self._path = None
            self._store = ox.Store()
            return
        path = Path(path)
        self.location = str(path)
        if not path.exists():
            if not create:
                raise StoreError(f"no store at {path}: run 'kg build REPORTS --store {path}' first")
            path.mkdir(parents=True)
        elif not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store folder")
        elif create is False and not any(path.iterdir()):
            raise StoreError(f"no store at {path}: run 'kg build REPORTS --store {path}' first")
        elif any(path.iterdir()) and not (path / "CURRENT").exists() and not (path / "IDENTITY").exists():
            # a folder of other files: a store must not be written in among them
            raise StoreError(f"{path}: is a folder of other files, not a kg store; give a new or empty folder")
        self._path = path
        journal = journal_path(path)
        if journal.exists() or _part(journal).exists():
            self._finish_journal(read_only)
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreError(f"{path}: the store is in use by another kg process; wait for it to finish") from exc
            raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from exc
        except RuntimeError as exc:  # RocksDB's "Corruption: ..."
            raise _damaged(self.location, exc) from exc
        if self._lacks_union_graph():
            # A store written before the default graph was kept as the union.
            if read_only:
                self._union_view = True
            else:
                self._store.update(_DERIVE_UNION)

    def _lacks_union_graph(self) -> bool:
        # the cheap question first: "ASK { GRAPH ?g {...} }" visits every named graph (0.8 s
        # on 11,000 reports), while any quad at all comes straight off the index
        try:
            if bool(self._store.query("ASK { ?s ?p ?o }")):
                return False
            return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is not None
        except (OSError, RuntimeError) as exc:
            raise _damaged(self.location, exc) from exc

    # -- reports -------------------------------------------------------------------------
    def put_report(self, graph_iri: str, triples: Any) -> None:
        body = triples.serialize(format="nt") if hasattr(triples, "serialize") else str(triples)
        update = (
            _forget_report(graph_iri)
            + f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }} ;\n"
            + f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
        )
        try:
            self._store.update(update)
        except SyntaxError as exc:  # this report's triples: the others may still go in
            raise KgError(f"{graph_iri} cannot be stored: {_first_line(exc)}") from exc
        except (OSError, RuntimeError) as exc:  # the store itself: a full disk, damage
            raise StoreError(f"{self.location}: writing to the store failed ({_first_line(exc)})") from exc

    def put_reports(self, reports: list[tuple[str, str]], *, minted: bool = False) -> dict[str, KgError]:
        """:meth:`Store.put_reports`: the reports new to the store in one bulk load behind the
        journal (see the class), the others (replacements) one transaction each. Texts kg
        ``minted`` are bulk-loaded without Oxigraph checking each IRI again (its ``lenient``
        loading: 15-20 % less of the load's CPU, measured on 2,000 reports); a text that still
        cannot be parsed fails alone as any other."""
        ox = self._ox
        fresh: list[tuple[str, str]] = []
        others: list[tuple[str, str]] = []
        seen: set[str] = set()
        for graph_iri, triples in reports:
            text = triples.serialize(format="nt") if hasattr(triples, "serialize") else str(triples)
            try:
                new = graph_iri not in seen and not self._store.contains_named_graph(ox.NamedNode(graph_iri))
            except ValueError:  # not an IRI: put_report says so for this report alone
                new = False
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"{self.location}: reading the store failed ({_first_line(exc)})") from exc
            seen.add(graph_iri)
            (fresh if new else others).append((graph_iri, text))
        errors: dict[str, KgError] = {}
        if fresh:
            try:
                self._bulk_write(fresh, lenient=minted)
            except SyntaxError:  # a report whose triples cannot be read: find it, store the rest
                others = fresh + others
        if others:
            errors.update(super().put_reports(others))
        return errors

    def _bulk_write(self, reports: list[tuple[str, str]], lenient: bool = False) -> None:
        """Load new reports' graphs and their union triples in one go (see the class)."""
        ox = self._ox
        data = "".join(_nquads(graph_iri, text) for graph_iri, text in reports)
        if self.location == "memory:":  # nothing survives the process: no journal needed
            try:
                self._store.load(data, format=ox.RdfFormat.N_QUADS, lenient=lenient)
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"{self.location}: writing to the store failed ({_first_line(exc)})") from exc
            return
        journal = journal_path(self._path)
        part = _part(journal)
        try:
            with open(part, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())  # whole on disk before it is named the journal
            os.replace(part, journal)
            self._store.bulk_load(path=str(journal), format=ox.RdfFormat.N_QUADS, lenient=lenient)
        except SyntaxError:
            _unlink(part, journal)
            raise
        except (OSError, RuntimeError) as exc:
            # a load that fails (a full disk) has added nothing: the batch is not in the store
            _unlink(part, journal)
            raise StoreError(f"{self.location}: writing to the store failed ({_first_line(exc)})") from exc
        _unlink(journal)

    def _finish_journal(self, read_only: bool) -> None:
        """Before the store is opened: load the batch that a process which died left in the
        journal, so that every report of it is whole; a journal still being written (``.part``)
        never began to load and is dropped. When the store is to be opened read-only this is
        done only if no other process has it open (a build writing it finishes its own batch)."""
        ox = self._ox
        journal = journal_path(self._path)
        try:
            store = ox.Store(str(self._path))
        except (OSError, RuntimeError) as exc:
            if read_only:
                return  # in use by a build, or a store we may not write: read it as it is
            if isinstance(exc, RuntimeError):
                raise _damaged(self.location, exc) from exc
            if "lock" in str(exc).lower():
                raise StoreError(f"{self._path}: the store is in use by another kg process; "
                                 "wait for it to finish") from exc
            raise StoreError(f"{self._path}: cannot open the store ({_first_line(exc)})") from exc
        try:
            if journal.exists():
                store.load(path=str(journal), format=ox.RdfFormat.N_QUADS)
                store.flush()
            _unlink(_part(journal), journal)
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self._path}: finishing the batch of reports an interrupted build left "
                             f"failed ({_first_line(exc)}); move the store away and build it again") from exc
        finally:
            del store  # closed: the store is opened as asked next

    def remove_report(self, graph_iri: str) -> None:
        try:
            self._store.update(_forget_report(graph_iri))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{self.location}: writing to the store failed ({_first_line(exc)})") from exc

    # -- SPARQL --------------------------------------------------------------------------
    def query(self, sparql: str) -> QueryResult:
        result = self.query_stream(sparql)
        if result.kind == "select":
            result.rows = list(result.rows)
        return result

    def query_stream(self, sparql: str) -> QueryResult:
        """:meth:`query`, with a SELECT's rows an iterator that reads them as they come."""
        ox = self._ox
        text, prefixes = _split_prologue(sparql)
        try:
            result = self._store.query(text, prefixes=prefixes, use_default_graph_as_union=self._union_view)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult(kind="ask", boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                return QueryResult(kind="select", variables=variables, rows=self._rows(result))
            from rdflib import Graph

            from kg.namespaces import bind_prefixes

            graph = Graph()
            bind_prefixes(graph)
            for triple in result:
                graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
            return QueryResult(kind="graph", graph=graph)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {_first_line(exc)}") from exc
        except RuntimeError as exc:
            raise _damaged(self.location, exc) from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"the query failed: {_first_line(exc)}") from exc

    def _rows(self, solutions):
        convert = _Converter()
        try:
            for sol in solutions:
                yield tuple(map(convert, sol))
        except RuntimeError as exc:
            raise _damaged(self.location, exc) from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"the query failed: {_first_line(exc)}") from exc

    def update(self, sparql: str) -> None:
        text, prefixes = _split_prologue(sparql)
        try:
            self._store.update(text.rstrip().rstrip(";") + "\n;\n" + _DERIVE_UNION, prefixes=prefixes)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {_first_line(exc)}") from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"{self.location}: the update failed ({_first_line(exc)})") from exc

    def dump_nquads(self) -> str:
        """The report graphs as N-Quads (not the default graph, which is their union)."""
        ox = self._ox
        quads = (q for q in self._store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")

    def union_graph(self):
        """The union of all report graphs as one rdflib Graph (a copy), read off the default graph."""
        from rdflib import Graph

        from kg.namespaces import bind_prefixes

        ox = self._ox
        if self._union_view:
            return super().union_graph()
        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
        g = Graph()
        bind_prefixes(g)
        g.parse(data=data, format="nt")
        return g

    def quad_count(self) -> int:
        """Number of quads, counted by SPARQL (cheap on Oxigraph)."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(res.rows[0][0]) if res.rows else 0

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None and self.location != "memory:":
            try:
                store.flush()
            except (OSError, RuntimeError):
                pass  # read-only stores cannot flush (pyoxigraph raises RuntimeError)
        self._store = None


def journal_path(folder: str | Path) -> Path:
    """The write-ahead journal of an embedded store: ``.kg`` -> ``.kg.journal`` beside it."""
    folder = Path(folder).resolve()
    return folder.with_name(folder.name + ".journal")


def _part(journal: Path) -> Path:
    """The journal while it is written."""
    return journal.with_name(journal.name + ".part")


def _nquads(graph_iri: str, ntriples: str) -> str:
    """A report's N-Triples as N-Quads: each row in its graph and in the default graph (the
    union). Rows as kg (and rdflib) write them, each ending in " .\n", get the graph inserted
    as they are; other N-Triples (comments, other spacing) are parsed and written anew."""
    if ntriples and not ntriples.endswith("\n"):
        ntriples += "\n"
    if ntriples.count("\n") != ntriples.count(" .\n"):
        import pyoxigraph as ox

        graph = ox.NamedNode(graph_iri)
        triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
        quads = [ox.Quad(t.subject, t.predicate, t.object, g) for g in (graph, ox.DefaultGraph()) for t in triples]
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return ntriples.replace(" .\n", f" <{graph_iri}> .\n") + ntriples


def _unlink(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass


#: A SPARQL update that makes the default graph the union of all named graphs, anew.
_DERIVE_UNION = "DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _forget_report(graph_iri: str) -> str:
    """Update steps that drop a report's graph and the union triples only it held."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph_iri}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{graph_iri}> ;\n"
    )


def from_oxigraph(result: Any) -> QueryResult:
    """A pyoxigraph query result (solutions, a boolean, or triples) as a :class:`QueryResult`
    of rdflib terms: the embedded store's answers, and the remote store's parsed ones."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        convert = _Converter()
        return QueryResult(kind="select", variables=variables, rows=[tuple(map(convert, sol)) for sol in result])
    from rdflib import Graph

    from kg.namespaces import bind_prefixes

    graph = Graph()
    bind_prefixes(graph)
    convert = _Converter()
    for triple in result:
        graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    return QueryResult(kind="graph", graph=graph)


def _split_prologue(sparql: str) -> tuple[str, dict[str, str] | None]:
    """kg's PREFIX lines off the front of a query, as Oxigraph's ``prefixes``: the query's
    error positions (line:column) are then those of the text the user wrote."""
    from kg.namespaces import PREFIXES

    prologue = sparql_prologue()
    if sparql.startswith(prologue):
        return sparql[len(prologue):], dict(PREFIXES)
    return sparql, None


def _damaged(location: str, exc: BaseException) -> StoreError:
    return StoreError(
        f"{location}: the store is damaged and cannot be read ({_first_line(exc)}); "
        "move it away and build it again with 'kg build'"
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class _Converter:
    """pyoxigraph terms -> rdflib terms for one result: a term seen before is converted once
    (labels, types and predicates repeat over the rows of a result)."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def __call__(self, term: Any) -> Any:
        if term is None:
            return None
        seen = self._seen
        try:
            return seen[term]
        except KeyError:
            out = seen[term] = _to_rdflib(term)
            return out


def _to_rdflib(term: Any) -> Any:
    """A pyoxigraph term -> the equal rdflib term."""
    if term is None:
        return None
    from rdflib import BNode, Literal, URIRef

    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise StoreError(f"unsupported RDF term from the store: {term!r}")


def resolve_location(location: str | Path | None) -> str:
    """The store location to use: the given one, else $KG_STORE, else ``.kg``."""
    if location:
        return str(location)
    return os.environ.get(STORE_ENV) or DEFAULT_STORE


#: Store classes by the scheme of a store location, as ``module:Class`` (imported on use).
#: A location without one of these schemes is an embedded store (a folder, or ``memory:``).
STORES: dict[str, str] = {
    "sparql+http": "kg.remote.store:SparqlStore",
    "sparql+https": "kg.remote.store:SparqlStore",
}


def store_class(location: str) -> type[Store] | None:
    """The registered store class for ``location``'s scheme, or None for an embedded store."""
    scheme, sep, _ = location.partition("://")
    if not sep or scheme.lower() not in STORES:
        return None
    module, _, name = STORES[scheme.lower()].partition(":")
    return getattr(import_module(module), name)


def open_store(location: str | Path | None = None, *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at ``location`` (a folder, ``memory:``, or ``sparql+http(s)://...``).

    With ``create=False`` a missing embedded store is an error (for queries and exports);
    ``kg build`` opens with ``create=True``.
    """
    loc = resolve_location(location)
    cls = store_class(loc)
    if cls is not None:
        return cls(loc)
    if loc == "memory:":
        return OxigraphStore(None)
    return OxigraphStore(loc, create=create, read_only=read_only)
