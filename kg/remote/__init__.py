"""A shared SPARQL server as kg's store: ``--store sparql+http://HOST:PORT/PATH``.

Speaks the SPARQL 1.1 Protocol (queries, updates) and the Graph Store Protocol (one PUT per
report graph) over httpx (Basic and Digest auth). Three parts: :mod:`kg.remote.transport`
(HTTP, auth, credentials, error messages), :mod:`kg.remote.paging` (results past a server's
row cap) and :mod:`kg.remote.store` (the store; results parsed by pyoxigraph).

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
sort limit); the dump pages graph by graph. What still cannot be paged is an error: an
answer is whole or not given.

Every request has one deadline for all of it, ``$KG_STORE_TIMEOUT`` seconds (300 by default).
"""

from kg.remote.paging import split_query
from kg.remote.store import KG_GRAPH_PREFIX, SparqlStore
from kg.remote.transport import CONFIG_ENV, CONFIG_FILES, PASSWORD_ENV, TIMEOUT_ENV, USER_ENV, find_credentials

__all__ = [
    "SparqlStore",
    "find_credentials",
    "split_query",
    "KG_GRAPH_PREFIX",
    "USER_ENV",
    "PASSWORD_ENV",
    "CONFIG_ENV",
    "CONFIG_FILES",
    "TIMEOUT_ENV",
]
