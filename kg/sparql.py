"""SPARQL over the store: the user's queries, the bundled named queries, safe parameters.

Named queries live in ``kg/queries/NAME.rq`` and start with comment lines::

    # title: Mergers with their dates
    # description: Which organisation merges into which, and when.
    # param: name — the actor's label (optional)

A parameter is a SPARQL variable (``?name``) in the query text. :func:`bind` replaces it by
an escaped string literal, so a quote in a value can never change the query.
"""

from __future__ import annotations

import functools
import io
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from kg.errors import KgError, QueryError
from kg.namespaces import sparql_prologue
from kg.resources import resource_dir
from kg.store import QueryResult, Store, is_update, without_comments

#: The bundled queries: ``kg/queries/*.rq`` in the package.
QUERY_DIR = "queries"
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: dict[str, str] = field(default_factory=dict)  #: name -> meaning


def named_queries() -> dict[str, NamedQuery]:
    """Every bundled query, by name."""
    return dict(_named_queries())


@functools.lru_cache(maxsize=1)
def _named_queries() -> dict[str, NamedQuery]:
    # read once per process: they ship with the package
    out = {}
    files = sorted((f for f in resource_dir(QUERY_DIR).iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    if not files:
        raise KgError(f"kg's bundled queries (kg/{QUERY_DIR}/*.rq) are missing; reinstall kg")
    for f in files:
        name = f.name[: -len(".rq")]
        out[name] = _parse_named(name, f.read_text(encoding="utf-8"))
    return out


def _parse_named(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"\s*#\s*(title|description|param)\s*:\s*(.*)$", line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            pm = re.match(r"[?$]?(\w+)\s*(?:[—–:-]+\s*(.*))?$", value)
            if pm:
                params[pm.group(1)] = (pm.group(2) or "").strip()
        else:
            meta[key] = value
    return NamedQuery(name, meta.get("title", name), meta.get("description", ""), text, params)


def get_named(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no bundled query named '{name}'; 'kg query --list' shows them: {', '.join(queries)}")
    return queries[name]


# -- parameters ---------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<var>[?$][A-Za-z_][A-Za-z0-9_]*)""",
    re.VERBOSE | re.DOTALL,
)


def sparql_literal(value: str) -> str:
    """A SPARQL string literal holding ``value`` exactly, whatever it contains."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def bind(sparql: str, params: dict[str, str]) -> str:
    """Replace each ``?param`` variable by a string literal (outside strings, IRIs, comments)."""
    if not params:
        return sparql
    used: set[str] = set()
    out: list[str] = []
    last = 0
    for start, end, var in _variables(sparql):
        if var in params:
            used.add(var)
            out.append(sparql[last:start])
            out.append(sparql_literal(params[var]))
            last = end
    out.append(sparql[last:])
    unused = set(params) - used
    if unused:
        raise QueryError(f"the query has no parameter {', '.join('?' + u for u in sorted(unused))}")
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _variables(sparql: str) -> tuple[tuple[int, int, str], ...]:
    """Where the variables of a query text are (outside strings, IRIs, comments): the bundled
    queries are bound again and again, so they are read once."""
    return tuple((m.start(), m.end(), m.group("var")[1:]) for m in _TOKEN.finditer(sparql) if m.group("var"))


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["name=Noordermaat", ...]`` -> dict; raises QueryError on a pair without '='."""
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param '{pair}' must be key=value")
        key, value = pair.split("=", 1)
        key = key.strip().lstrip("?$")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise QueryError(f"--param '{pair}': '{key}' is not a parameter name")
        params[key] = value
    return params


# -- running ------------------------------------------------------------------------------

#: How long ``kg query`` lets a query run before it stops it (seconds; --timeout).
DEFAULT_TIMEOUT = 120.0

_REACHING_OUT = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


def reaches_out(sparql: str) -> str | None:
    """``SERVICE`` or ``LOAD`` when the SPARQL text would make the store contact another
    server (a federated query; an update that loads a URL), else None; comments and strings
    aside."""
    m = _REACHING_OUT.search(without_comments(sparql, blank_literals=True))
    return m.group(1).upper() if m else None


def run_query(
    store: Store,
    sparql: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
    stream: bool = False,
) -> QueryResult | None:
    """Run SPARQL on the store, with kg's prefixes predeclared.

    An update (INSERT, DELETE, DROP, ...) is refused unless ``allow_update``; it returns None.
    A query that calls another endpoint (SERVICE), or an update that loads a URL (LOAD), is
    refused unless ``allow_service``: kg reaches no other server on its own. With ``timeout`` (seconds) the query runs in a
    thread and is given up after that long (QueryError), and Ctrl-C stops the wait at once;
    with ``stream`` a SELECT's rows come as an iterator as the store produces them.
    """
    sparql = sparql.lstrip("\ufeff")
    if not sparql.strip():
        raise QueryError("the query is empty")
    keyword = reaches_out(sparql)
    if keyword and not allow_service:
        what = "calls another SPARQL endpoint (SERVICE)" if keyword == "SERVICE" else "loads a URL (LOAD)"
        raise QueryError(f"the query {what}, which kg does not contact unless you pass --allow-service")
    prologue = sparql_prologue()
    text = prologue + sparql
    deadline = None if not timeout else time.monotonic() + timeout
    try:
        if is_update(sparql):
            if not allow_update:
                raise QueryError("this is a SPARQL update, which changes the store; pass --update to run it")
            _bounded(lambda: store.update(text), deadline, timeout)
            return None
        if deadline is None and not stream:
            return store.query(text)
        if not stream:
            return _bounded(lambda: store.query(text), deadline, timeout)
        return _streamed(store, text, deadline, timeout)
    except QueryError as exc:
        message = _your_positions(str(exc), prologue.count("\n"))
        if message == str(exc):
            raise
        raise QueryError(message) from exc


_POSITION = re.compile(r"(\bat |\bline |\bat line |\bon line )(\d+)(?=[:,\s)]|$)", re.IGNORECASE)


def _your_positions(message: str, hidden: int) -> str:
    """An error message whose line numbers count from the user's first line, not from the
    PREFIX lines kg put before the query (``error at 14:11`` -> ``error at 3:11``)."""

    def shift(m: re.Match) -> str:
        line = int(m.group(2))
        return f"{m.group(1)}{line - hidden}" if line > hidden else m.group(0)

    return _POSITION.sub(shift, message)


def _too_long(timeout: float | None) -> QueryError:
    return QueryError(f"the query ran longer than {timeout:g} s and was stopped; "
                      "narrow it (LIMIT, a FILTER) or give a longer --timeout")


def _bounded(fn, deadline: float | None, timeout: float | None):
    """``fn()`` in a thread of its own (Oxigraph releases the GIL while it works), waited for
    until ``deadline``; a KeyboardInterrupt (Ctrl-C) ends the wait at once."""
    if deadline is None:
        deadline = float("inf")
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the waiting thread
            box["error"] = exc

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    while worker.is_alive():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _too_long(timeout)
        worker.join(min(remaining, 0.25))
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _streamed(store: Store, text: str, deadline: float | None, timeout: float | None) -> QueryResult:
    """The query run and its rows read in one thread of their own (Oxigraph's results belong
    to the thread that made them), handed over through a small queue until ``deadline``."""
    import queue

    if deadline is None:
        deadline = float("inf")
    items: queue.Queue = queue.Queue(maxsize=1024)
    done = object()

    def run() -> None:
        try:
            result = store.query_stream(text)
            rows = result.rows if result.kind == "select" else ()
            if result.kind == "select":
                result = QueryResult(kind="select", variables=result.variables)
            items.put(result)
            for row in rows:
                items.put(row)
            items.put(done)
        except BaseException as exc:  # handed to the reading thread
            items.put(exc)

    threading.Thread(target=run, name="kg-query", daemon=True).start()

    def take():
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _too_long(timeout)
            try:
                item = items.get(timeout=min(remaining, 0.25))
            except queue.Empty:
                continue
            if isinstance(item, BaseException):
                raise item
            return item

    def rows():
        while (item := take()) is not done:
            yield item

    head = take()
    if head.kind == "select":
        head.rows = rows()
    return head


def run_named(store: Store, name: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a bundled query with its parameters bound safely."""
    result = run_query(store, prepare_named(store, name, params))
    assert result is not None
    return result


def prepare_named(store: Store, name: str, params: dict[str, str] | None = None) -> str:
    """The text :func:`run_named` sends: parameters bound, named entities looked up first.

    A parameter not given stays a variable, so that it matches anything.
    """
    named = get_named(name)
    params = dict(params or {})
    unknown = set(params) - set(named.params)
    if unknown:
        raise QueryError(
            f"query '{name}' has no parameter {', '.join(sorted(unknown))}; "
            f"it takes: {', '.join(named.params) or 'none'}"
        )
    # bind first (a hint is a comment, so it keeps its ?name), then fix the looked-up entities
    return resolve_lookups(store, bind(named.text, params), params)


#: ``# lookup: ?x by ?name`` in a query, on a line of its own: the next line is how SPARQL
#: finds ?x, the entity that the parameter ?name names. kg replaces both lines by the entity
#: it looked up itself, or, when ?name is not given, drops them (every entity matches; the
#: query must then bind ?x by other patterns). To SPARQL the hint is a comment, so the text
#: also runs unchanged anywhere.
_LOOKUP_HINT = re.compile(
    r"^([ \t]*)#[ \t]*lookup:[ \t]*[?$](\w+)[ \t]+by[ \t]+[?$](\w+)[ \t]*\n[^\n]*$", re.MULTILINE
)


def looked_up(sparql: str) -> set[str]:
    """The parameters of a query that name an entity kg looks up first (lookup hints)."""
    return {m.group(3) for m in _LOOKUP_HINT.finditer(sparql)}


def resolve_lookups(store: Store, sparql: str, params: dict[str, str]) -> str:
    """Replace each lookup hint and the line after it by ``VALUES ?x { <iri> ... }`` when its
    parameter is given, else drop them.

    Matching a name in SPARQL (``LCASE(STR(?label)) = ...``) reads every label in the store;
    looking the entity up first makes a one-actor query start from that actor (indexed),
    which keeps it fast however large the graph grows.
    """
    found: dict[str, list[str]] = {}

    def repl(m: re.Match) -> str:
        indent, var, param = m.groups()
        if param not in params:
            return f"{indent}# ?{var}: any"  # the line would match every entity, once per spelling
        if param not in found:
            found[param] = lookup_entities(store, params[param])
        iris = " ".join(f"<{iri}>" for iri in found[param])
        return f"{indent}VALUES ?{var} {{ {iris} }}"

    return _LOOKUP_HINT.sub(repl, sparql)


def lookup_entities(store: Store, spelling: str) -> list[str]:
    """IRIs of the entities with ``spelling`` as label or alias: exact spelling first, else
    any letter case (the exact lookup uses the store's index; the other reads every label)."""
    lit = sparql_literal(spelling)
    exact = store.select(
        f"SELECT DISTINCT ?x WHERE {{ {{ ?x skos:prefLabel {lit} }} UNION {{ ?x skos:altLabel {lit} }} }}"
    )
    if exact:
        return sorted(r["x"] for r in exact)
    rows = store.select(
        f"""SELECT DISTINCT ?x WHERE {{ ?x skos:prefLabel|skos:altLabel ?label .
              FILTER (LCASE(STR(?label)) = LCASE({lit})) }}"""
    )
    return sorted(r["x"] for r in rows)


# -- results ------------------------------------------------------------------------------

def format_result(result: QueryResult, fmt: str) -> str:
    """SELECT/ASK as SPARQL 1.1 results (csv, tsv, json, xml); CONSTRUCT/DESCRIBE as JSON-LD
    for json, RDF/XML for xml, else Turtle."""
    if result.kind == "graph":
        if fmt == "json":
            from kg.namespaces import jsonld_context

            return result.graph.serialize(format="json-ld", context=jsonld_context(), indent=2) + "\n"
        if fmt == "xml":
            return result.graph.serialize(format="xml")
        return result.graph.serialize(format="turtle")
    if fmt not in ("csv", "tsv", "json", "xml"):
        raise QueryError(f"unknown result format '{fmt}'; use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "ask" and fmt in ("csv", "tsv"):  # the CSV/TSV formats have no boolean form: one cell
        return ("?" if fmt == "tsv" else "") + "_askResult\n" + ("true" if result.boolean else "false") + "\n"
    if fmt == "tsv":
        return "".join(tsv_chunks(result.variables, result.rows))
    from rdflib.query import Result
    from rdflib.term import Variable

    res = Result("ASK" if result.kind == "ask" else "SELECT")
    if result.kind == "ask":
        res.askAnswer = bool(result.boolean)
    else:
        res.vars = [Variable(v) for v in result.variables]
        res.bindings = [
            {Variable(v): t for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
    buf = io.BytesIO()
    res.serialize(buf, format=fmt, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def write_result(result: QueryResult, fmt: str, out, clean=str) -> None:
    """Write a result to the text stream ``out``: a SELECT in csv or tsv row by row as the
    rows come (nothing is held), others whole (:func:`format_result`). ``clean`` is applied
    to every piece of text (the CLI strips control characters for a terminal)."""
    if result.kind != "select" or fmt not in ("csv", "tsv"):
        out.write(clean(format_result(result, fmt)))
        return
    if fmt == "tsv":
        for chunk in tsv_chunks(result.variables, result.rows):
            out.write(clean(chunk))
        return
    import csv

    from rdflib import BNode

    writer = csv.writer(_Cleaned(out, clean))  # the SPARQL 1.1 CSV format, as rdflib writes it
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])


class _Cleaned:
    """A text stream that passes what is written through ``clean``."""

    def __init__(self, out, clean) -> None:
        self.out, self.clean = out, clean

    def write(self, text: str) -> int:
        return self.out.write(self.clean(text))


def tsv_chunks(variables: list[str], rows, size: int = 1000):
    """SPARQL 1.1 TSV (terms in N-Triples syntax; line breaks and tabs in literals escaped), a
    chunk of ``size`` rows at a time as the rows come, written by pyoxigraph's results
    serialiser: the header first, then the rows."""
    import itertools
    import json

    import pyoxigraph as ox

    rows = iter(rows)
    first = True
    while True:
        chunk = list(itertools.islice(rows, size))
        if not chunk and not first:
            return
        doc = {"head": {"vars": variables},
               "results": {"bindings": [{v: _json_term(t) for v, t in zip(variables, row) if t is not None}
                                        for row in chunk]}}
        text = ox.parse_query_results(json.dumps(doc), ox.QueryResultsFormat.JSON).serialize(
            format=ox.QueryResultsFormat.TSV).decode("utf-8")
        if not text.endswith("\n"):
            text += "\n"
        yield text if first else text.split("\n", 1)[1]
        first = False
        if len(chunk) < size:
            return


def _json_term(term) -> dict:
    """An rdflib term in the SPARQL 1.1 JSON results form."""
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    return {"type": "uri", "value": str(term)}


# -- statistics ---------------------------------------------------------------------------

def type_counts(store: Store) -> tuple[Counter, Counter]:
    """Entities per type (the most specific of each entity's types) and relations per type.

    Asked only for kg's own types and properties, each looked up in the index (no scan of every
    triple): every build, also one that skips everything, ends with these counts.
    """
    from kg.model import ENTITY_TYPES, RELATION_TYPES, most_specific_type

    types = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
    types_of: dict[str, set[str]] = {}
    for r in store.select(f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }}"):
        types_of.setdefault(r["e"], set()).add(r["t"].split("#")[-1])
    entities = Counter(most_specific_type(ts) for ts in types_of.values())
    props = " ".join(f"kg:{p}" for p in RELATION_TYPES)
    relations: Counter = Counter()
    for r in store.select(
        f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
              VALUES ?p {{ {props} }} ?s ?p ?o }} }} GROUP BY ?p"""
    ):
        relations[r["p"].split("#")[-1]] = int(r["n"])
    return entities, relations


def store_stats(store: Store) -> dict:
    """Counts: reports, entities per type (most specific), relations per type, quads."""
    entities, relations = type_counts(store)
    reports = store.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a kg:Report } }")
    quads = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {
        "reports": int(reports[0]["n"]) if reports else 0,
        "entities": entities,
        "relations": relations,
        "quads": int(quads[0]["n"]) if quads else 0,
    }
