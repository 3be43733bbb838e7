"""Paging results past a server's row cap (Virtuoso's ``ResultSetMaxRows``, 10,000 by default).

A SELECT that returns exactly the cap is run again page by page (``ORDER BY`` in a subquery,
``OFFSET``/``LIMIT`` outside, which Virtuoso allows past its sort limit); a CONSTRUCT pages
over the solutions to its template's variables. An answer is whole or an error: what cannot be
paged, or a page that fails (a server time limit), raises :func:`capped` with the reason, never
a silently short result. The functions here only rewrite query text; ``run(text, form)`` sends
it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.errors import QueryError, StoreError
from kg.store import QueryResult

#: Sends a query of a form (select, construct) and returns its result.
Runner = Callable[[str, str], QueryResult]

_MAX_PAGES = 100_000


def capped(cap: int, reason: str, cause: Exception | None = None) -> Exception:
    """The error for an answer past the server's cap of ``cap`` rows that kg cannot complete:
    a QueryError when the server refused a page's query, else a StoreError (exit 5)."""
    kind = QueryError if isinstance(cause, QueryError) else StoreError
    return kind(f"the answer is longer than the SPARQL server's cap of {cap:,} rows and {reason}; "
                "narrow the query (LIMIT, a FILTER) or raise the server's cap (Virtuoso: "
                "[SPARQL] ResultSetMaxRows) and give it as max_rows= in the store URL")

_PROLOGUE_RE = re.compile(
    r"^(?:\s+|#[^\n]*\n?|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*", re.IGNORECASE
)
_FORM_RE = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_LITERALS_RE = re.compile(
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*""",
    re.DOTALL,
)


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


def _strip_literals(text: str) -> str:
    """The text with strings, IRIs and comments blanked (same length), for brace matching."""
    return _LITERALS_RE.sub(lambda m: " " * len(m.group(0)), text)


def projection(body: str) -> list[str] | None:
    """The variables a SELECT names (``?x``, ``(... AS ?n)``); None for ``SELECT *``."""
    plain = _strip_literals(body)
    m = re.match(r"\s*SELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?(.*?)(?:\bWHERE\b|\{|\bFROM\b)", plain, re.IGNORECASE | re.DOTALL)
    if not m or m.group(1).strip() == "*":
        return None
    clause = m.group(1)
    named = re.findall(r"\bAS\s+[?$]([A-Za-z_][A-Za-z0-9_]*)\s*\)", clause, re.IGNORECASE)
    clause = re.sub(r"\(.*?\bAS\s+[?$][A-Za-z_][A-Za-z0-9_]*\s*\)", " ", clause, flags=re.IGNORECASE | re.DOTALL)
    return re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", clause) + named


def has_top_order_by(body: str) -> bool:
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


def split_construct(body: str) -> tuple[str, str] | None:
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


def paged_select(run: Runner, cap: int, prologue: str, body: str, first: QueryResult) -> QueryResult:
    """Run a capped SELECT again page by page: ORDER BY inside, OFFSET/LIMIT outside."""
    inner = body
    if not has_top_order_by(body):
        order = " ".join(f"?{v}" for v in first.variables)
        inner = f"SELECT * WHERE {{ {{ {body} }} }} ORDER BY {order}" if order else body
    rows: list[tuple] = []
    for page in range(_MAX_PAGES):
        text = f"{prologue}SELECT * WHERE {{ {{ {inner} }} }} OFFSET {page * cap} LIMIT {cap}"
        try:
            part = run(text, "select")
        except (StoreError, QueryError) as exc:
            raise capped(cap, f"page {page + 1} of it failed ({exc})", exc) from exc
        index = [part.variables.index(v) if v in part.variables else None for v in first.variables]
        rows.extend(tuple(None if i is None else r[i] for i in index) for r in part.rows)
        if len(part.rows) < cap:
            return QueryResult(kind="select", variables=first.variables, rows=rows)
    raise capped(cap, f"kg gave up after {_MAX_PAGES:,} pages")


def paged_construct(run: Runner, cap: int, prologue: str, body: str) -> QueryResult:
    """A capped CONSTRUCT again, over pages of the solutions to its template's variables."""
    parts = split_construct(body)
    if parts is None:
        raise capped(cap, "kg cannot page a CONSTRUCT with solution modifiers of its own")
    template, pattern = parts
    variables = sorted(set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", _strip_literals(template))))
    if not variables:
        raise capped(cap, "kg cannot page a CONSTRUCT without variables")
    proj = " ".join(f"?{v}" for v in variables)
    from rdflib import Graph

    from kg.namespaces import bind_prefixes

    graph = Graph()
    bind_prefixes(graph)
    # Each page of solutions yields several triples: keep a page's triples under the cap.
    size = max(1, cap // max(1, _count_template_triples(template)))
    for page in range(_MAX_PAGES):
        text = (f"{prologue}CONSTRUCT {{ {template} }} WHERE {{ {{ SELECT * WHERE {{ "
                f"{{ SELECT DISTINCT {proj} WHERE {{ {pattern} }} }} }} ORDER BY {proj} }} }} "
                f"OFFSET {page * size} LIMIT {size}")
        try:
            part = run(text, "construct")
        except (StoreError, QueryError) as exc:
            raise capped(cap, f"page {page + 1} of it failed ({exc})", exc) from exc
        for t in part.graph:
            graph.add(t)
        # Fewer triples than a full page could hold can still be a full page of solutions;
        # stop only when the page is empty.
        if len(part.graph) == 0:
            return QueryResult(kind="graph", graph=graph)
    raise capped(cap, f"kg gave up after {_MAX_PAGES:,} pages")
