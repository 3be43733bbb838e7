"""HTTP for the remote store: an httpx client, the credentials, and kg's error messages.

Credentials come from ``KG_STORE_USER`` / ``KG_STORE_PASSWORD``, else from a TOML file
(``$KG_STORE_CONFIG``, ``./.kg.toml``, ``~/.config/kg/credentials.toml``), never from the
store URL. Basic or Digest auth is chosen from the server's challenge; httpx does the Digest.

Every request has one deadline for all of it (``$KG_STORE_TIMEOUT`` seconds, 300 by default):
httpx's timeouts count per network read, so a server that sends a byte every few seconds would
never trip them. A server's error page is shown as its status and one short line, never with
anything that looks like a credential (some servers echo the request's headers).
"""

from __future__ import annotations

import base64
import math
import os
import re
import threading
import time
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx

from kg.errors import QueryError, StoreError, UsageError

USER_ENV = "KG_STORE_USER"
PASSWORD_ENV = "KG_STORE_PASSWORD"
CONFIG_ENV = "KG_STORE_CONFIG"
CONFIG_FILES = (Path(".kg.toml"), Path("~/.config/kg/credentials.toml"))
#: Seconds one request to a SPARQL server may take in all (connect, send, wait, read).
TIMEOUT_ENV = "KG_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 300.0

#: Bodies larger than this go only once the auth challenge is known: a server that wants auth
#: (Virtuoso) answers 401 and closes before reading a large body.
_LARGE_BODY = 32_768


def timeout_from_env() -> float:
    """``$KG_STORE_TIMEOUT`` in seconds, else :data:`DEFAULT_TIMEOUT`."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise UsageError(f"{TIMEOUT_ENV}={raw!r}: give the seconds a request to the SPARQL server may take, "
                         f"a number above 0 (default {DEFAULT_TIMEOUT:g})")
    return value


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover
        import tomli as tomllib  # type: ignore[no-redef]
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


class ChallengeAuth(httpx.Auth):
    """Basic or Digest, whichever the server's first challenge asks; then sent up front.

    httpx's DigestAuth keeps the server's nonce and counts requests, so after the first
    challenge every request goes once.
    """

    def __init__(self, user: str, password: str):
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self.scheme: str | None = None

    def ready(self) -> bool:
        return self.scheme is not None

    def learn(self, request: httpx.Request, response: httpx.Response) -> bool:
        """Take the challenge of a 401 answer to ``request``; False if it is not one kg speaks."""
        scheme = response.headers.get("WWW-Authenticate", "").strip().partition(" ")[0].lower()
        if response.status_code != 401 or scheme not in ("basic", "digest"):
            return False
        self.scheme = scheme
        if scheme == "digest":  # let httpx's digest flow read the challenge (its nonce, realm, qop)
            flow = self._digest.auth_flow(request)
            next(flow)
            try:
                flow.send(response)
            except StopIteration:
                pass
        return True

    def auth_flow(self, request: httpx.Request):
        if self.scheme is None:
            response = yield request
            if not self.learn(request, response):
                return
        yield from (self._basic if self.scheme == "basic" else self._digest).auth_flow(request)


class Transport:
    """One httpx client to a SPARQL server at ``root``, turning failures into kg's errors."""

    def __init__(self, root: str, user: str | None, password: str | None, credentials_from: str | None,
                 timeout: float):
        self.root = root
        self.user = user
        self.credentials_from = credentials_from
        self.timeout = timeout
        self.auth = ChallengeAuth(user, password or "") if user is not None else None
        # what an error message must never show, should a server echo the request
        self._secrets = [x for x in (password, user and password and
                                     base64.b64encode(f"{user}:{password}".encode()).decode()) if x]
        self.client = self._client()

    def _client(self) -> httpx.Client:
        return httpx.Client(auth=self.auth, timeout=httpx.Timeout(self.timeout), follow_redirects=True)

    def request(self, method: str, url: str, *, what: str, content: bytes | None = None,
                data: dict | None = None, headers: dict | None = None, params: dict | None = None) -> httpx.Response:
        size = len(content) if content is not None else sum(len(str(v)) for v in (data or {}).values())
        if self.auth is not None and not self.auth.ready() and size > _LARGE_BODY:
            probe = self._send("GET", url, what, params=params, auth=None)  # the challenge, without the body
            self.auth.learn(probe.request, probe)
        response = self._send(method, url, what, content=content, data=data, headers=headers, params=params)
        if response.status_code >= 400:
            raise self.http_error(response, what)
        return response

    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> httpx.Response:
        """One request, given up at the deadline: it runs in a thread of its own, which is
        left to the closed connection when the time is up (Ctrl-C ends the wait too)."""
        box: dict[str, Any] = {}
        client = self.client

        def run() -> None:
            try:
                box["response"] = client.request(method, url, **kwargs)
            except BaseException as exc:  # handed to the waiting thread
                box["error"] = exc

        worker = threading.Thread(target=run, name="kg-http", daemon=True)
        deadline = time.monotonic() + self.timeout
        worker.start()
        while worker.is_alive():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.client = self._client()
                try:
                    client.close()
                except Exception:  # noqa: BLE001 -- the connection is abandoned either way
                    pass
                raise StoreError(f"the SPARQL server at {self.root} did not answer {what} within {self.timeout:g} s; "
                                 f"set {TIMEOUT_ENV} to wait longer")
            worker.join(min(remaining, 0.25))
        exc = box.get("error")
        if isinstance(exc, httpx.ConnectError):
            raise StoreError(f"cannot reach the SPARQL server at {self.root} ({exc}); is it running?") from None
        if isinstance(exc, httpx.TimeoutException):
            raise StoreError(f"the SPARQL server at {self.root} did not answer {what} within {self.timeout:g} s; "
                             f"set {TIMEOUT_ENV} to wait longer") from None
        if isinstance(exc, httpx.HTTPError):  # dropped connections, protocol errors
            raise StoreError(f"the SPARQL server at {self.root} did not answer {what} ({exc or type(exc).__name__})") from None
        if exc is not None:
            raise exc
        return box["response"]

    def http_error(self, response: httpx.Response, what: str) -> Exception:
        code, body = response.status_code, response.text
        first = f"HTTP {code} {self._reason(response)}"
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
                              f"{'user ' + repr(self.user) if self.user else 'anonymous users'} ({first})")
        if "SR186" in body or "No permission" in body:
            who = f"user '{self.user}'" if self.user else "the anonymous SPARQL user"
            return StoreError(
                f"Virtuoso refused {what}: {who} may not write (SR186). Use the /sparql-auth endpoint "
                f"with a user that has the SPARQL_UPDATE role (in isql-vt: GRANT SPARQL_UPDATE TO \"kg\";) "
                f"and set {USER_ENV}/{PASSWORD_ENV}"
            )
        if code == 400 or re.search(r"\b(SP0\d\d|37000)\b", body) or "syntax" in body.lower():
            return QueryError(f"the SPARQL server rejected {what} ({first})")
        if code == 404:
            return StoreError(f"no SPARQL endpoint for {what} at this URL (HTTP 404); check the store URL")
        return StoreError(f"the SPARQL server at {self.root} failed {what} ({first})")

    def _reason(self, response: httpx.Response) -> str:
        """The status's phrase and, if the body has one, its first line, cut short; nothing
        that holds or names a credential."""
        phrase = response.reason_phrase or _phrase(response.status_code)
        text = response.text
        if "html" in response.headers.get("Content-Type", "").lower() or text.lstrip().startswith("<"):
            from bs4 import BeautifulSoup

            text = BeautifulSoup(text, "html.parser").get_text("\n")
        line = next((" ".join(x.split()) for x in text.splitlines() if x.strip()), "")
        if not line or line.casefold() == phrase.casefold() or _CREDENTIAL.search(line) \
                or any(secret in line for secret in self._secrets):
            return phrase
        return f"{phrase}: {line[:_REASON_LENGTH]}{'…' if len(line) > _REASON_LENGTH else ''}"

    def close(self) -> None:
        self.client.close()


_REASON_LENGTH = 160
#: Words around credentials in what a server echoes: such a line is not shown.
_CREDENTIAL = re.compile(
    r"authori[sz]ation|cookie|passw|secret|token|bearer|\bdigest\b|\bbasic\s+[A-Za-z0-9+/=]{8,}|\bresponse\s*=|\bnonce\b",
    re.IGNORECASE,
)


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "error"
