"""A shared SPARQL server as kg's store: ``--store sparql+http://HOST:PORT/PATH``.

Speaks the SPARQL 1.1 Protocol (queries, updates) and the Graph Store Protocol (one PUT per
report graph), with the standard library's HTTP client only (Basic and Digest auth).

The store URL names the **query endpoint**: ``sparql+http://HOST:PORT/PATH`` queries
``http://HOST:PORT/PATH``. The update and Graph Store Protocol endpoints default per server,
recognised by the path, and can be set in the URL's query string (never credentials)::

    sparql+http://127.0.0.1:8890/sparql-auth                      Virtuoso (Digest auth)
    sparql+http://127.0.0.1:3030/kg/sparql                        Apache Jena Fuseki
    sparql+http://127.0.0.1:7200/repositories/kg                  GraphDB
    sparql+http://127.0.0.1:7878/query                            Oxigraph server
    sparql+http://h/sparql?update=/update&gsp=/data&max_rows=10000&server=generic

``gsp=none`` writes reports with one SPARQL update (``DROP SILENT GRAPH; INSERT DATA``)
instead of a Graph Store Protocol PUT.

Credentials come from ``KG_STORE_USER`` / ``KG_STORE_PASSWORD``, else from a TOML file
(``$KG_STORE_CONFIG``, ``./.kg.toml``, ``~/.config/kg/credentials.toml``)::

    [remote]                      # any server
    user = "kg"
    password = "..."
    [remote."127.0.0.1:8890"]     # this host:port only (wins over [remote])
    user = "kg"
    password = "..."

Never in the store URL: a command line ends up in shell history.

The default graph of every query is the union of all named graphs (as on the embedded
store): Virtuoso does that for endpoint queries already; Fuseki needs
``tdb2:unionDefaultGraph true``, GraphDB and Oxigraph server do it by default for
``GRAPH``-less patterns when configured so (see docs/remote-stores.md).

Servers may cap result sets (Virtuoso's ``[SPARQL] ResultSetMaxRows``, 10,000 by default).
When a SELECT or CONSTRUCT returns exactly ``max_rows`` rows this store pages it
(``ORDER BY`` in a subquery, ``OFFSET``/``LIMIT`` outside, which Virtuoso allows past its
sort limit); the dump pages graph by graph. What still cannot be paged is returned with
``QueryResult.truncated`` set.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from kg.errors import QueryError, StoreError
from kg.store import QueryResult, Store

USER_ENV = "KG_STORE_USER"
PASSWORD_ENV = "KG_STORE_PASSWORD"
CONFIG_ENV = "KG_STORE_CONFIG"
CONFIG_FILES = (Path(".kg.toml"), Path("~/.config/kg/credentials.toml"))

#: Only graphs under this IRI are kg's (a shared server may hold other data too).
KG_GRAPH_PREFIX = "https://w3id.org/kg-sociaal/id/"

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SELECT_ACCEPT = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_MAX_PAGES = 100_000


# -- configuration -----------------------------------------------------------------------

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


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise StoreError(f"{path}: reading TOML needs Python 3.11 or the 'tomli' package") from None
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the credentials file ({exc})") from exc


def find_credentials(hostport: str) -> tuple[str | None, str | None, str | None]:
    """(user, password, where from): the environment first, then the first config file found."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user or password:
        return user, password, "environment"
    candidates = []
    if os.environ.get(CONFIG_ENV):
        candidates.append(Path(os.environ[CONFIG_ENV]).expanduser())
    candidates.extend(p.expanduser() for p in CONFIG_FILES)
    for path in candidates:
        if not path.is_file():
            continue
        remote = _load_toml(path).get("remote", {})
        if not isinstance(remote, dict):
            continue
        section = remote.get(hostport)
        chosen = section if isinstance(section, dict) else remote
        if chosen.get("user") or chosen.get("password"):
            return chosen.get("user"), chosen.get("password"), str(path)
    return None, None, None


# -- the store ---------------------------------------------------------------------------

class SparqlStore(Store):
    """A SPARQL 1.1 Protocol / Graph Store Protocol server; see the module docstring."""

    def __init__(
        self,
        location: str,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 300.0,
    ):
        self.location = location
        if not location.startswith(("sparql+http://", "sparql+https://")):
            raise StoreError(f"{location}: a remote store URL starts with sparql+http:// or sparql+https://")
        url = urllib.parse.urlsplit(location[len("sparql+"):])
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
        self.timeout = timeout
        if user is None and password is None:
            user, password, self.credentials_from = find_credentials(url.netloc)
        else:
            self.credentials_from = "arguments"
        self.user = user
        self._auth = _Auth(user, password or "") if user is not None else None
        self._opener = urllib.request.build_opener()

    def _endpoint(self, value: str) -> str:
        return value if value.startswith(("http://", "https://")) else self.root + "/" + value.lstrip("/")

    def __repr__(self) -> str:
        return f"SparqlStore({self.location!r}, server={self.server!r})"

    # -- HTTP ------------------------------------------------------------------------------
    def _request(self, method: str, url: str, *, data: bytes | None = None, headers: dict | None = None,
                 what: str = "the request", ok_missing: bool = False) -> tuple[bytes, Any]:
        auth = self._auth
        if auth is not None and not auth.ready() and data is not None and len(data) > 32_768:
            # A server that wants auth answers 401 and closes before reading a large body:
            # learn its challenge with a bodiless request first.
            try:
                self._send("GET", url, None, {}, auth, what)
            except _Challenge as ch:
                auth.learn(ch.header)
            except urllib.error.HTTPError as exc:
                exc.close()
        for attempt in range(2):
            try:
                return self._send(method, url, data, headers or {}, auth, what)
            except _Challenge as ch:
                if auth is None or attempt or not auth.learn(ch.header):
                    raise self._http_error(401, "", what) from None
            except urllib.error.HTTPError as exc:
                body = exc.read().decode("utf-8", "replace") if exc.fp else ""
                if ok_missing and exc.code == 404:
                    return b"", exc.headers
                raise self._http_error(exc.code, body, what) from None
        raise self._http_error(401, "", what)

    def _send(self, method, url, data, headers, auth, what) -> tuple[bytes, Any]:
        headers = dict(headers)
        if auth is not None:
            value = auth.header(method, url)
            if value:
                headers["Authorization"] = value
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.read(), resp.headers
        except urllib.error.HTTPError as exc:
            if exc.code == 401:
                challenge = exc.headers.get("WWW-Authenticate", "") if exc.headers else ""
                exc.close()
                raise _Challenge(challenge) from None
            raise
        except urllib.error.URLError as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the SPARQL server at {self.root} ({reason}); is it running?") from None
        except (TimeoutError, OSError) as exc:
            raise StoreError(f"the SPARQL server at {self.root} did not answer {what} ({exc})") from None

    def _http_error(self, code: int, body: str, what: str) -> Exception:
        first = _first_message(body)
        if code == 401:
            if self.user is None:
                return StoreError(
                    f"the SPARQL server at {self.root} wants a user and password: set {USER_ENV} and "
                    f"{PASSWORD_ENV} (or a credentials file, see docs/remote-stores.md)"
                )
            return StoreError(f"the SPARQL server at {self.root} refused user '{self.user}' "
                              f"(wrong user or password, from {self.credentials_from})")
        if code == 403:
            return StoreError(f"the SPARQL server at {self.root} forbids {what} for "
                              f"{'user ' + repr(self.user) if self.user else 'anonymous users'}: {first}")
        if "SR186" in body or "No permission" in body:
            who = f"user '{self.user}'" if self.user else "the anonymous SPARQL user"
            return StoreError(
                f"Virtuoso refused {what}: {who} may not write (SR186). Use the /sparql-auth endpoint "
                f"with a user that has the SPARQL_UPDATE role (in isql-vt: GRANT SPARQL_UPDATE TO \"kg\";) "
                f"and set {USER_ENV}/{PASSWORD_ENV}"
            )
        if code == 400 or re.search(r"\b(SP0\d\d|37000)\b", body) or "syntax" in body.lower():
            return QueryError(f"the SPARQL server rejected {what}: {first}")
        if code == 404:
            return StoreError(f"no SPARQL endpoint for {what} at this URL (HTTP 404); check the store URL")
        return StoreError(f"the SPARQL server at {self.root} failed {what} (HTTP {code}): {first}")

    # -- reports -------------------------------------------------------------------------
    def put_report(self, graph_iri: str, triples: Any) -> None:
        body = _ntriples(triples)
        if self.gsp_endpoint is not None:
            url = self.gsp_endpoint + "?" + urllib.parse.urlencode({"graph": graph_iri})
            try:
                self._request("PUT", url, data=body.encode("utf-8"),
                              headers={"Content-Type": "application/n-triples; charset=utf-8"},
                              what=f"writing {graph_iri}")
                return
            except StoreError as exc:
                if "HTTP 404" not in str(exc) and "HTTP 405" not in str(exc) and "HTTP 415" not in str(exc):
                    raise
                self.gsp_endpoint = None  # the server has no Graph Store Protocol: use updates
        self.update(f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")

    def remove_report(self, graph_iri: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph_iri}>")

    # -- SPARQL --------------------------------------------------------------------------
    def _post_query(self, sparql: str, accept: str) -> tuple[bytes, Any]:
        data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        return self._request(
            "POST", self.query_endpoint, data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            what="the query",
        )

    def _query_once(self, sparql: str, form: str) -> QueryResult:
        if form in ("construct", "describe"):
            body, headers = self._post_query(sparql, _GRAPH_ACCEPT)
            return QueryResult(kind="graph", graph=_parse_graph(body, headers.get("Content-Type", "")),
                               truncated=_partial(headers))
        body, headers = self._post_query(sparql, _SELECT_ACCEPT)
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip()
        if "json" not in ctype and form != "ask":
            raise StoreError(f"the SPARQL server answered a query with '{ctype}', not SPARQL JSON results")
        result = _parse_json_results(body)
        result.truncated = _partial(headers)
        return result

    def query(self, sparql: str) -> QueryResult:
        prologue, body, form = split_query(sparql)
        result = self._query_once(sparql, form)
        cap = self.max_rows
        if form == "select" and cap and len(result.rows) >= cap:
            result = self._paged_select(prologue, body, result)
        if form == "select" and re.match(r"\s*SELECT\s+DISTINCT\b", body, re.IGNORECASE):
            # Virtuoso 7.2 lets duplicates through DISTINCT when rows hold long strings.
            result.rows = list(dict.fromkeys(result.rows))
        if not cap:
            return result
        if form == "construct" and len(result.graph) >= cap:
            return self._paged_construct(prologue, body, result)
        if form == "describe" and len(result.graph) >= cap:
            result.truncated = True
        return result

    def _paged_select(self, prologue: str, body: str, first: QueryResult) -> QueryResult:
        """Run a capped SELECT again page by page: ORDER BY inside, OFFSET/LIMIT outside."""
        cap = self.max_rows
        inner = body
        if not _has_top_order_by(body):
            order = " ".join(f"?{v}" for v in first.variables)
            inner = f"SELECT * WHERE {{ {{ {body} }} }} ORDER BY {order}" if order else body
        rows: list[tuple] = []
        for page in range(_MAX_PAGES):
            text = f"{prologue}SELECT * WHERE {{ {{ {inner} }} }} OFFSET {page * cap} LIMIT {cap}"
            try:
                part = self._query_once(text, "select")
            except KgErrorTypes:
                first.truncated = True
                return first
            index = [part.variables.index(v) if v in part.variables else None for v in first.variables]
            rows.extend(tuple(None if i is None else r[i] for i in index) for r in part.rows)
            if len(part.rows) < cap:
                return QueryResult(kind="select", variables=first.variables, rows=rows)
        first.truncated = True
        return first

    def _paged_construct(self, prologue: str, body: str, first: QueryResult) -> QueryResult:
        """A capped CONSTRUCT again, over pages of the solutions to its template's variables."""
        parts = _split_construct(body)
        if parts is None:
            first.truncated = True
            return first
        template, pattern = parts
        variables = sorted(set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", _strip_literals(template))))
        if not variables:
            first.truncated = True
            return first
        proj = " ".join(f"?{v}" for v in variables)
        from rdflib import Graph

        from kg.namespaces import bind_prefixes

        graph = Graph()
        bind_prefixes(graph)
        # Each page of solutions yields several triples: keep a page's triples under the cap.
        size = max(1, self.max_rows // max(1, _count_template_triples(template)))
        for page in range(_MAX_PAGES):
            text = (f"{prologue}CONSTRUCT {{ {template} }} WHERE {{ {{ SELECT * WHERE {{ "
                    f"{{ SELECT DISTINCT {proj} WHERE {{ {pattern} }} }} }} ORDER BY {proj} }} }} "
                    f"OFFSET {page * size} LIMIT {size}")
            try:
                part = self._query_once(text, "construct")
            except KgErrorTypes:
                first.truncated = True
                return first
            for t in part.graph:
                graph.add(t)
            # Fewer triples than a full page could hold can still be a full page of solutions;
            # stop only when the page is empty.
            if len(part.graph) == 0:
                return QueryResult(kind="graph", graph=graph)
        first.truncated = True
        return first

    def update(self, sparql: str) -> None:
        data = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._request(
            "POST", self.update_endpoint, data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            what="the update",
        )

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
        for g, n in sorted((str(g), int(n)) for g, n in sizes.rows):
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
            res = self._paged_select("", text, QueryResult(kind="select", variables=["g", "s", "p", "o"]))
        else:
            res = self.query(text)
        if res.truncated:
            raise StoreError(f"the server capped the quads of {graphs[0]} and they could not be paged")
        from kg.graph import nt_term

        for g, s, p, o in res.rows:
            out.append(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n")

    def quad_count(self) -> int:
        res = self.query(
            f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPH_PREFIX}")) }}'
        )
        return int(res.rows[0][0]) if res.rows else 0

    def close(self) -> None:
        self._opener = None


KgErrorTypes = (StoreError, QueryError)


class _Challenge(Exception):
    """A 401 answer; ``header`` is its WWW-Authenticate value."""

    def __init__(self, header: str):
        super().__init__(header)
        self.header = header


class _Auth:
    """HTTP Basic or Digest (RFC 7616, qop=auth, MD5 or SHA-256), sent up front once known.

    urllib's own handlers answer every request's 401 again, and send a large body twice
    (Virtuoso closes the connection on a 401 before reading it): this keeps the server's
    nonce and counts requests, so each request goes once.
    """

    def __init__(self, user: str, password: str):
        self.user, self.password = user, password
        self.scheme: str | None = None
        self.params: dict[str, str] = {}
        self.nc = 0

    def ready(self) -> bool:
        return self.scheme is not None

    def learn(self, header: str) -> bool:
        """Take a WWW-Authenticate challenge; False if it cannot help (same nonce failed)."""
        scheme, _, rest = header.strip().partition(" ")
        scheme = scheme.lower()
        if scheme == "basic":
            if self.scheme == "basic":
                return False
            self.scheme = "basic"
            return True
        if scheme != "digest":
            return False
        params = dict(
            (k.lower(), v if v else w)
            for k, v, w in re.findall(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))', rest)
        )
        if self.scheme == "digest" and params.get("nonce") == self.params.get("nonce") \
                and params.get("stale", "").lower() != "true":
            return False  # the same nonce was refused: wrong user or password
        self.scheme, self.params, self.nc = "digest", params, 0
        return True

    def header(self, method: str, url: str) -> str | None:
        import base64
        import hashlib
        import secrets

        if self.scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
            return f"Basic {token}"
        if self.scheme != "digest":
            return None
        p = self.params
        algorithm = p.get("algorithm", "MD5")
        hname = "sha256" if algorithm.upper().startswith("SHA-256") else "md5"

        def h(text: str) -> str:
            return hashlib.new(hname, text.encode("utf-8")).hexdigest()

        split = urllib.parse.urlsplit(url)
        uri = split.path + ("?" + split.query if split.query else "")
        realm, nonce = p.get("realm", ""), p.get("nonce", "")
        ha1 = h(f"{self.user}:{realm}:{self.password}")
        ha2 = h(f"{method}:{uri}")
        qops = [q.strip() for q in p.get("qop", "").split(",") if q.strip()]
        fields = [f'username="{self.user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"',
                  f"algorithm={algorithm}"]
        if "auth" in qops:
            self.nc += 1
            nc = f"{self.nc:08x}"
            cnonce = secrets.token_hex(8)
            response = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            fields += ["qop=auth", f"nc={nc}", f'cnonce="{cnonce}"']
        else:
            response = h(f"{ha1}:{nonce}:{ha2}")
        fields.append(f'response="{response}"')
        if "opaque" in p:
            fields.append(f'opaque="{p["opaque"]}"')
        return "Digest " + ", ".join(fields)


# -- helpers -----------------------------------------------------------------------------

_PROLOGUE_RE = re.compile(
    r"^(?:\s+|#[^\n]*\n?|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*", re.IGNORECASE
)
_FORM_RE = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def split_query(sparql: str) -> tuple[str, str, str]:
    """(prologue, the query after it, its form: select, ask, construct or describe)."""
    m = _PROLOGUE_RE.match(sparql)
    prologue, body = sparql[: m.end()], sparql[m.end():]
    fm = _FORM_RE.match(body)
    if not fm:
        raise QueryError("not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE); updates go through update()")
    if prologue and not prologue.endswith("\n"):
        prologue += "\n"
    return prologue, body, fm.group(1).lower()


_LITERALS_RE = re.compile(
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*""",
    re.DOTALL,
)


def _strip_literals(text: str) -> str:
    """The text with strings, IRIs and comments blanked (same length), for brace matching."""
    return _LITERALS_RE.sub(lambda m: " " * len(m.group(0)), text)


def _has_top_order_by(body: str) -> bool:
    """Does the query's own solution modifier (after its last '}') say ORDER BY?"""
    plain = _strip_literals(body)
    tail = plain[plain.rfind("}") + 1 :]
    return re.search(r"\bORDER\s+BY\b", tail, re.IGNORECASE) is not None


def _match_brace(plain: str, start: int) -> int:
    depth = 0
    for i in range(start, len(plain)):
        if plain[i] == "{":
            depth += 1
        elif plain[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_construct(body: str) -> tuple[str, str] | None:
    """``CONSTRUCT { T } WHERE { P }`` -> (T, P); None for forms this cannot page."""
    plain = _strip_literals(body)
    m = re.match(r"\s*CONSTRUCT\s*", plain, re.IGNORECASE)
    if not m:
        return None
    if re.match(r"WHERE\b", plain[m.end():], re.IGNORECASE):  # CONSTRUCT WHERE { P }
        open_ = plain.index("{", m.end())
        close = _match_brace(plain, open_)
        if close < 0 or plain[close + 1 :].strip():
            return None
        pattern = body[open_ + 1 : close]
        return pattern, pattern
    if plain[m.end() : m.end() + 1] != "{":
        return None
    t_open = m.end()
    t_close = _match_brace(plain, t_open)
    if t_close < 0:
        return None
    rest = plain[t_close + 1 :]
    wm = re.match(r"\s*(?:WHERE\s*)?\{", rest, re.IGNORECASE)
    if not wm:
        return None
    p_open = t_close + 1 + wm.end() - 1
    p_close = _match_brace(plain, p_open)
    if p_close < 0 or plain[p_close + 1 :].strip():  # has solution modifiers of its own
        return None
    return body[t_open + 1 : t_close], body[p_open + 1 : p_close]


def _count_template_triples(template: str) -> int:
    plain = _strip_literals(template)
    return 1 + len(re.findall(r"[.;,](?=\s*\S)", plain))


def _first_message(body: str) -> str:
    for line in body.splitlines():
        line = line.strip()
        if line and not line.startswith("<"):
            return line[:300]
    return "(no message)"


def _partial(headers: Any) -> bool:
    """Virtuoso's 'anytime query' answers: partial results when the time limit struck."""
    state = (headers.get("X-SQL-State") or "") if headers else ""
    return state.startswith("S1TAT")


def _ntriples(triples: Any) -> str:
    if hasattr(triples, "serialize"):
        out = triples.serialize(format="nt")
        return out.decode("utf-8") if isinstance(out, bytes) else out
    return str(triples)


def _term(b: dict) -> Any:
    from rdflib import BNode, Literal, URIRef

    kind = b.get("type")
    value = b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = b.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        dt = b.get("datatype")
        if dt and dt != _XSD_STRING:
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise StoreError(f"unsupported RDF term in the server's answer: {b!r}")


def _parse_json_results(body: bytes) -> QueryResult:
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise StoreError(f"the SPARQL server's answer is not SPARQL JSON results ({exc})") from None
    if "boolean" in doc:
        return QueryResult(kind="ask", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = []
    for b in doc.get("results", {}).get("bindings", []):
        rows.append(tuple(_term(b[v]) if v in b else None for v in variables))
    return QueryResult(kind="select", variables=variables, rows=rows)


def _parse_graph(body: bytes, content_type: str):
    from rdflib import Graph

    from kg.namespaces import bind_prefixes

    ctype = content_type.split(";")[0].strip().lower()
    fmt = {
        "application/n-triples": "nt",
        "text/plain": "nt",
        "text/turtle": "turtle",
        "application/x-turtle": "turtle",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
        "text/rdf+n3": "n3",
    }.get(ctype, "turtle")
    graph = Graph()
    bind_prefixes(graph)
    try:
        graph.parse(data=body.decode("utf-8"), format=fmt)
    except Exception as exc:  # a parser error of the server's answer
        raise StoreError(f"cannot read the server's RDF answer ({ctype}): {str(exc).splitlines()[0]}") from None
    return graph
