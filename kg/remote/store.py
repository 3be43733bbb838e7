"""The remote store itself: kg's :class:`~kg.store.Store` over SPARQL 1.1 Protocol and the
Graph Store Protocol; see :mod:`kg.remote` for the URL, the servers and the credentials."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection
from typing import Any

from kg.errors import StoreError
from kg.remote.paging import capped, paged_construct, paged_select, projection, split_query
from kg.remote.transport import PASSWORD_ENV, USER_ENV, Transport, find_credentials, timeout_from_env
from kg.store import ENTITY_PATTERN, QueryResult, Store, from_oxigraph

#: Only graphs under this IRI are kg's (a shared server may hold other data too).
KG_GRAPH_PREFIX = "https://w3id.org/kg-sociaal/id/"

_SELECT_ACCEPT = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _server_defaults(path: str) -> dict[str, Any]:
    """Update endpoint, GSP endpoint and row cap for the kind of server the path suggests."""
    p = path.rstrip("/")
    if p.endswith("/sparql-auth"):  # Virtuoso, authenticated
        return {"server": "virtuoso", "update": p, "gsp": p[: -len("/sparql-auth")] + "/sparql-graph-crud-auth", "max_rows": 10000}
    if re.search(r"/repositories/[^/]+$", p):  # GraphDB / RDF4J
        return {"server": "graphdb", "update": p + "/statements", "gsp": p + "/rdf-graphs/service", "max_rows": 0}
    m = re.match(r"^(/[^/]+)/(sparql|query)$", p)
    if m:  # Fuseki: /DATASET/sparql
        return {"server": "fuseki", "update": m.group(1) + "/update", "gsp": m.group(1) + "/data", "max_rows": 0}
    if p == "/query":  # Oxigraph server
        return {"server": "oxigraph", "update": "/update", "gsp": "/store", "max_rows": 0}
    if p.endswith("/sparql"):  # Virtuoso, anonymous (reads only unless SPARQL_UPDATE is granted)
        return {"server": "virtuoso", "update": p, "gsp": p[: -len("/sparql")] + "/sparql-graph-crud", "max_rows": 10000}
    return {"server": "generic", "update": p, "gsp": None, "max_rows": 0}


class SparqlStore(Store):
    """A SPARQL 1.1 Protocol / Graph Store Protocol server; see :mod:`kg.remote`."""

    def __init__(self, location: str, *, user: str | None = None, password: str | None = None,
                 timeout: float | None = None):
        """``timeout``: seconds one request may take in all, however the server trickles its
        answer (default ``$KG_STORE_TIMEOUT``, else 300)."""
        self.location = location
        if not location.startswith(("sparql+http://", "sparql+https://")):
            raise StoreError(f"{location}: a remote store URL starts with sparql+http:// or sparql+https://")
        try:
            url = urllib.parse.urlsplit(location[len("sparql+"):])
            url.port  # noqa: B018 -- parses the port: a bad one is a ValueError here, not later
        except ValueError as exc:
            raise StoreError(f"{location}: not a valid store URL ({exc}); "
                             "e.g. sparql+http://127.0.0.1:8890/sparql-auth or sparql+http://[::1]:8890/sparql-auth") from None
        if url.username or url.password:
            raise StoreError(
                "put no user or password in the store URL (it ends up in shell history); "
                f"set {USER_ENV} and {PASSWORD_ENV} or a credentials file (docs/remote-stores.md)"
            )
        if not url.hostname:
            raise StoreError(f"{location}: no host in the store URL")
        self.root = f"{url.scheme}://{url.netloc}"
        opts = dict(urllib.parse.parse_qsl(url.query))
        defaults = _server_defaults(url.path or "/")
        self.server = opts.get("server", defaults["server"])
        self.query_endpoint = self.root + (url.path or "/")
        self.update_endpoint = self._endpoint(opts.get("update", defaults["update"]))
        gsp = opts.get("gsp", defaults["gsp"])
        self.gsp_endpoint = None if gsp in (None, "", "none") else self._endpoint(gsp)
        try:
            self.max_rows = int(opts.get("max_rows", defaults["max_rows"]))
        except ValueError:
            raise StoreError(f"{location}: max_rows must be a number") from None
        self.timeout = timeout_from_env() if timeout is None else timeout
        if user is None and password is None:
            user, password, self.credentials_from = find_credentials(url.netloc)
        else:
            self.credentials_from = "arguments"
        self.user = user
        self._http = Transport(self.root, user, password, self.credentials_from, self.timeout)

    def _endpoint(self, value: str) -> str:
        return value if value.startswith(("http://", "https://")) else self.root + "/" + value.lstrip("/")

    def __repr__(self) -> str:
        return f"SparqlStore({self.location!r}, server={self.server!r})"

    # -- reports -------------------------------------------------------------------------
    def put_report(self, graph_iri: str, triples: Any) -> None:
        body = _ntriples(triples)
        if self.gsp_endpoint is not None:
            try:
                self._http.request("PUT", self.gsp_endpoint, params={"graph": graph_iri}, content=body.encode("utf-8"),
                                   headers={"Content-Type": "application/n-triples; charset=utf-8"},
                                   what=f"writing {graph_iri}")
                return
            except StoreError as exc:
                if not any(f"HTTP {code}" in str(exc) for code in (404, 405, 415)):
                    raise
                self.gsp_endpoint = None  # the server has no Graph Store Protocol: use updates
        self.update(f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")

    def remove_report(self, graph_iri: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph_iri}>")

    def known_entities(self, without: Collection[str] = ()) -> dict[str, tuple[str, str]]:
        """:meth:`Store.known_entities`, one row per entity, type and label however many
        reports name it: a server's default graph may repeat a triple once per graph that holds
        it (Virtuoso's does), which made this lookup grow with the square of the reports."""
        skip = f"FILTER (?g NOT IN ({', '.join(f'<{g}>' for g in sorted(without))}))" if without else ""
        known: dict[str, tuple[str, str]] = {}
        for r in self.select(f"SELECT DISTINCT ?e ?type ?label WHERE {{ GRAPH ?g {{ {ENTITY_PATTERN} }} {skip} }}"):
            known.setdefault(r["e"], (r["type"], r["label"]))
        return known

    # -- SPARQL --------------------------------------------------------------------------
    def _query_once(self, sparql: str, form: str) -> QueryResult:
        import pyoxigraph as ox

        graph_form = form in ("construct", "describe")
        response = self._http.request("POST", self.query_endpoint, data={"query": sparql}, what="the query",
                                      headers={**_FORM, "Accept": _GRAPH_ACCEPT if graph_form else _SELECT_ACCEPT})
        ctype = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        error = None
        try:
            if graph_form:
                fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.TURTLE
                result = from_oxigraph(ox.parse(response.content, format=fmt))
            else:
                if "json" not in ctype and form != "ask":
                    raise StoreError(f"the SPARQL server answered a query with '{ctype}', not SPARQL JSON results")
                result = from_oxigraph(ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON))
        except (SyntaxError, ValueError) as exc:
            error = f"cannot read the SPARQL server's answer ({ctype}): {(str(exc).splitlines() or ['?'])[0]}"
        if error:  # raised out here: the parser's objects, held by its traceback, go in this thread
            raise StoreError(error)
        _check_shape(result, sparql, form, self.root)
        # Virtuoso's 'anytime query' answers: partial results when the time limit struck
        if (response.headers.get("X-SQL-State") or "").startswith("S1TAT"):
            raise StoreError(f"the SPARQL server at {self.root} stopped the query at its time limit and sent only "
                             "part of the answer; narrow the query (LIMIT, a FILTER) or raise the server's limit "
                             "(Virtuoso: [SPARQL] MaxQueryExecutionTime)")
        return result

    def query(self, sparql: str) -> QueryResult:
        prologue, body, form = split_query(sparql)
        result = self._query_once(sparql, form)
        cap = self.max_rows
        if form == "select" and cap and len(result.rows) >= cap:
            result = paged_select(self._query_once, cap, prologue, body, result)
        if form == "select" and re.match(r"\s*SELECT\s+DISTINCT\b", body, re.IGNORECASE):
            # Virtuoso lets duplicates through DISTINCT when rows hold long strings.
            result.rows = list(dict.fromkeys(result.rows))
        if not cap:
            return result
        if form == "construct" and len(result.graph) >= cap:
            return paged_construct(self._query_once, cap, prologue, body)
        if form == "describe" and len(result.graph) >= cap:
            raise capped(cap, "kg cannot page a DESCRIBE")
        return result

    def update(self, sparql: str) -> None:
        self._http.request("POST", self.update_endpoint, data={"update": sparql}, headers=_FORM, what="the update")

    # -- whole store -----------------------------------------------------------------------
    def graphs(self) -> list[str]:
        """kg's named graphs on the server (IRIs under kgr:), sorted."""
        res = self.query(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPH_PREFIX}")) }}'
        )
        return sorted(str(r[0]) for r in res.rows)

    def dump_nquads(self) -> str:
        """Every quad of kg's graphs: graphs packed into requests under the row cap by their
        size; a graph larger than the cap alone, paged."""
        sizes = self.query(
            f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
            f'FILTER(STRSTARTS(STR(?g), "{KG_GRAPH_PREFIX}")) }} GROUP BY ?g'
        )
        limit = self.max_rows or 50_000
        out: list[str] = []
        batch: list[str] = []
        room = 0
        for g, n in sorted((str(g), _count(n)) for g, n in sizes.rows):
            if batch and room + n > limit:
                self._dump_graphs(batch, out, big=room >= limit)
                batch, room = [], 0
            batch.append(g)
            room += n
        if batch:
            self._dump_graphs(batch, out, big=room >= limit)
        return "".join(out)

    def _dump_graphs(self, graphs: list[str], out: list[str], big: bool = False) -> None:
        values = " ".join(f"<{g}>" for g in graphs)
        text = f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        if big:  # known to be over the cap: page at once
            res = paged_select(self._query_once, self.max_rows, "", text,
                               QueryResult(kind="select", variables=["g", "s", "p", "o"]))
        else:
            res = self.query(text)
        from kg.graph import nt_term

        for g, s, p, o in res.rows:
            out.append(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n")

    def quad_count(self) -> int:
        res = self.query(
            f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPH_PREFIX}")) }}'
        )
        return _count(res.rows[0][0]) if res.rows else 0

    def close(self) -> None:
        self._http.close()


def _check_shape(result: QueryResult, sparql: str, form: str, root: str) -> None:
    """A well-formed answer to another question (a boolean for a SELECT, other variables) is
    the server's error, not kg's."""
    want = {"select": "select", "ask": "ask"}.get(form, "graph")
    missing: list[str] = []
    if result.kind == want and want == "select":
        missing = [v for v in projection(split_query(sparql)[1]) or () if v not in result.variables]
    if result.kind != want or missing:
        got = f"results without ?{', ?'.join(missing)}" if missing else {"ask": "a boolean", "select": "rows"}.get(result.kind, "triples")
        raise StoreError(f"the SPARQL server at {root} answered a {form.upper()} query with {got}; "
                         "check that the store URL names its SPARQL query endpoint")


def _count(term: Any) -> int:
    try:
        return int(term)
    except (TypeError, ValueError):
        raise StoreError(f"the SPARQL server answered a count with {term!r}, not a number") from None


def _ntriples(triples: Any) -> str:
    if hasattr(triples, "serialize"):
        out = triples.serialize(format="nt")
        return out.decode("utf-8") if isinstance(out, bytes) else out
    return str(triples)
