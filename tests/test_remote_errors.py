"""A remote store that misbehaves gives one clear line and kg's exit code, never a crash, a
hang or an echoed credential: small local HTTP servers that answer wrongly, trickle, or echo
the request's headers; malformed store URLs and timeout settings.

Each server is a thread on 127.0.0.1 that serves only this test and stops with it.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

USER, PASSWORD = "kg", "s3cret-Pa55word"


def kg(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@contextmanager
def serving(respond):
    """A server on 127.0.0.1 whose every request is answered by ``respond(handler)``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):  # noqa: N802 -- http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                respond(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # kg gave up on us: what the trickling test wants

        do_GET = do_PUT = do_POST  # noqa: N815

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"sparql+http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def _send(handler, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def _json(obj) -> callable:
    body = json.dumps(obj).encode()
    return lambda h: _send(h, 200, body, "application/sparql-results+json")


def _one_error_line(result, code: int) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    assert "unexpected" not in lines[0] and "Traceback" not in result.output
    return lines[0]


# -- 18: answers of the wrong shape, malformed URLs, trickling servers, the timeout setting --

WRONG_SHAPES = {
    "a boolean for a SELECT": {"boolean": True},
    "other variables": {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}},
    "no results key": {"head": {"vars": []}},
    "a list": [],
    "a term of no known type": {"head": {"vars": ["name", "sha"]},
                                "results": {"bindings": [{"name": {"type": "zz", "value": "x"}}]}},
}


@pytest.mark.parametrize("shape", WRONG_SHAPES, ids=list(WRONG_SHAPES))
@pytest.mark.parametrize("command", [("reports",), ("stats",), ("export", "entities"), ("query", "SELECT ?n WHERE { ?s ?p ?n }")])
def test_answers_of_the_wrong_shape_are_a_store_error(shape, command):
    with serving(_json(WRONG_SHAPES[shape])) as url:
        line = _one_error_line(kg(*command, "--store", url), 5)
    assert "SPARQL server" in line


@pytest.mark.parametrize("url", [
    "sparql+http://[::1/sparql",          # IPv6 without its closing bracket
    "sparql+http://[zz::1]:8890/sparql",  # not an IPv6 address
    "sparql+http://127.0.0.1:99999/sparql",
    "sparql+http://127.0.0.1:port/sparql",
])
def test_malformed_store_urls_are_one_line(url):
    line = _one_error_line(kg("reports", "--store", url), 5)
    assert "not a valid store URL" in line


def test_a_trickling_server_is_given_up_at_the_timeout(monkeypatch):
    """One byte every 0.3 s: httpx's per-read timeout never strikes; kg's deadline must."""
    sent = []

    def trickle(handler):
        deadline = time.monotonic() + 30  # bounded, whatever kg does
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n" * 50:
            if time.monotonic() > deadline:
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            sent.append(byte)
            time.sleep(0.3)

    monkeypatch.setenv("KG_STORE_TIMEOUT", "1.5")
    with serving(trickle) as url:
        start = time.monotonic()
        result = kg("reports", "--store", url)
        took = time.monotonic() - start
    line = _one_error_line(result, 5)
    assert "within 1.5 s" in line and "KG_STORE_TIMEOUT" in line
    assert sent, "the server was never asked"
    assert took < 10, f"kg waited {took:.1f} s for a server that trickles"


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "inf"])
def test_a_bad_timeout_setting_is_a_usage_error(monkeypatch, value):
    monkeypatch.setenv("KG_STORE_TIMEOUT", value)
    line = _one_error_line(kg("reports", "--store", "sparql+http://127.0.0.1:1/sparql"), 2)
    assert "KG_STORE_TIMEOUT" in line


def test_the_timeout_is_documented():
    result = kg("reports", "--help")
    assert "KG_STORE_TIMEOUT" in " ".join(result.output.split())


def test_partial_answers_of_a_time_limit_are_an_error():
    """Virtuoso's 'anytime' answers: rows so far, and X-SQL-State S1TAT."""
    body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "1"}}]}}).encode()
    with serving(lambda h: _send(h, 200, body, "application/sparql-results+json", {"X-SQL-State": "S1TAT"})) as url:
        line = _one_error_line(kg("query", "SELECT ?n WHERE { ?s ?p ?n }", "--store", url), 5)
    assert "only part of the answer" in line


# -- 19: error pages are shown as status and a short reason, never with credentials ----------

def _challenge_then(respond):
    """Ask for Basic auth; answer the request that carries it with ``respond``."""

    def handle(handler):
        if "Authorization" not in handler.headers:
            _send(handler, 401, b"", "text/plain", {"WWW-Authenticate": 'Basic realm="kg"'})
        else:
            respond(handler)

    return handle


def _echo_headers(status: int, as_html: bool = False):
    def respond(handler):
        # the credentials on the first line, where kg looks for a reason
        echoed = f"rejected: Authorization: {handler.headers['Authorization']}\n" + "".join(
            f"{k}: {v}\n" for k, v in handler.headers.items())
        if as_html:
            body = f"<html><body><h1>{echoed}</h1></body></html>"
            _send(handler, status, body.encode(), "text/html")
        else:
            _send(handler, status, echoed.encode(), "text/plain")

    return respond


@pytest.mark.parametrize("status,as_html", [(500, False), (502, True), (403, False), (400, False), (503, False)])
def test_an_echoing_server_never_gets_credentials_printed(monkeypatch, status, as_html):
    monkeypatch.setenv("KG_STORE_USER", USER)
    monkeypatch.setenv("KG_STORE_PASSWORD", PASSWORD)
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    with serving(_challenge_then(_echo_headers(status, as_html))) as url:
        result = kg("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url)
    line = _one_error_line(result, 4 if status == 400 else 5)
    assert f"HTTP {status}" in line
    for secret in (PASSWORD, token, "Authorization", "Basic "):
        assert secret not in result.output, line


def test_a_plain_error_reason_is_kept_short():
    reason = "Virtuoso 42000 Error SR171: Transaction timed out " + "x" * 5000
    with serving(lambda h: _send(h, 500, (reason + "\n\nSPARQL query:\nSELECT ...").encode(), "text/plain")) as url:
        line = _one_error_line(kg("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url), 5)
    assert "HTTP 500 Internal Server Error: Virtuoso 42000 Error SR171: Transaction timed out" in line
    assert len(line) < 400 and "SPARQL query" not in line
