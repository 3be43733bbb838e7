"""Stores behind a registry (scheme -> store class), and the remote store in three parts
under 300 lines each, on httpx and pyoxigraph's result parser (issue 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kg.errors import StoreError
from kg.store import STORES, OxigraphStore, open_store, store_class

ROOT = Path(__file__).resolve().parent.parent


def test_scheme_chooses_the_store_class():
    from kg.remote import SparqlStore

    assert store_class("sparql+http://127.0.0.1:8890/sparql") is SparqlStore
    assert store_class("SPARQL+HTTPS://example.org/sparql") is SparqlStore
    assert store_class(".kg") is None and store_class("memory:") is None
    assert set(STORES) == {"sparql+http", "sparql+https"}
    assert isinstance(open_store("memory:"), OxigraphStore)


def test_the_embedded_store_does_not_load_the_remote_one():
    code = "import sys, kg.store as s; s.open_store('memory:'); print('kg.remote' in sys.modules, 'httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_remote_store_is_split_in_small_parts():
    assert not (ROOT / "kg" / "remote.py").exists()
    parts = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "kg" / "remote").glob("*.py")}
    assert {"transport.py", "paging.py", "store.py"} <= set(parts)
    assert max(parts.values()) < 300, parts


def _store_answering(handler) -> object:
    """A SparqlStore whose HTTP goes to ``handler`` (an httpx mock transport), not the network."""
    from kg.remote import SparqlStore

    store = SparqlStore("sparql+http://example.org/sparql", user="kg", password="secret")
    store._http.client = httpx.Client(auth=store._http.auth, transport=httpx.MockTransport(handler))
    return store


def test_results_are_parsed_by_pyoxigraph_also_virtuosos_typed_literals():
    body = (b'{"head":{"vars":["e","n","l"]},"results":{"bindings":[{"e":{"type":"uri","value":"http://x/a"},'
            b'"n":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"3"},'
            b'"l":{"type":"literal","xml:lang":"nl","value":"Zorg\\nen welzijn"}}]}}')
    store = _store_answering(lambda req: httpx.Response(200, content=body,
                                                         headers={"Content-Type": "application/sparql-results+json"}))
    assert store.query("SELECT ?e ?n ?l WHERE { ?e ?n ?l }").records() == [
        {"e": "http://x/a", "n": 3, "l": "Zorg\nen welzijn"}]


def test_digest_auth_is_answered_and_then_sent_up_front():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        auth = request.headers.get("Authorization", "")
        seen.append(auth.split(" ")[0] or "-")
        if not auth.startswith("Digest ") or 'username="kg"' not in auth:
            return httpx.Response(401, headers={"WWW-Authenticate": 'Digest realm="SPARQL", nonce="abc", qop="auth"'})
        return httpx.Response(200, content=b'{"head":{},"boolean":true}',
                              headers={"Content-Type": "application/sparql-results+json"})

    store = _store_answering(handler)
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    assert seen == ["-", "Digest", "Digest"]  # one challenge, then each request goes once


def test_a_refused_password_is_a_store_error():
    store = _store_answering(lambda req: httpx.Response(
        401, headers={"WWW-Authenticate": 'Digest realm="SPARQL", nonce="n%d", qop="auth"' % len(req.headers)}))
    with pytest.raises(StoreError, match="refused user 'kg'"):
        store.query("ASK { ?s ?p ?o }")


def test_an_unreachable_server_is_a_store_error():
    def handler(request):
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(StoreError, match="cannot reach the SPARQL server at http://example.org"):
        _store_answering(handler).query("ASK { ?s ?p ?o }")
