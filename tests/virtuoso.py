"""A throwaway OpenLink Virtuoso server for tests: own ini, own database, 127.0.0.1 only.

Debian's ``virtuoso-opensource`` package cannot start its own server in a container
(policy-rc.d), so its preseeded dba password is never set. We start ``virtuoso-t`` ourselves
in the foreground with an ini in a temporary folder, wait for its ports, set passwords and
grants with ``isql-vt``, and kill it at the end.

    with VirtuosoServer(tmp_path) as v:
        v.store_url        # sparql+http://127.0.0.1:PORT/sparql-auth
        v.user, v.password # a user with the SPARQL_UPDATE role (Digest auth)

Used by tests/test_remote_virtuoso.py (import it; tests/conftest.py is not ours).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
INSTALL_HINT = (
    "OpenLink Virtuoso is not installed: 'apt-get install -y virtuoso-opensource' "
    "(Debian's package; .ci/run installs it on CI)"
)

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., {db}
ThreadsPerQuery          = 2
NumberOfBuffers          = 20000
MaxDirtyBuffers          = 15000
MaxQueryMem              = 1G

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {db}/vsp
MaxClientConnections        = 6
ServerThreads               = 6
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
MaxKeepAlives               = 6
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000

[SPARQL]
ResultSetMaxRows           = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DefaultGraph               =
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def virtuoso_missing() -> str | None:
    """None when virtuoso-t and isql-vt are on PATH, else how to install them."""
    if shutil.which(VIRTUOSO) and shutil.which(ISQL):
        return None
    return INSTALL_HINT


class VirtuosoServer:
    """Start, configure and stop one Virtuoso server under ``folder``."""

    def __init__(self, folder: Path, *, max_rows: int = 10000, startup_timeout: float = 90.0):
        self.folder = Path(folder)
        self.max_rows = max_rows
        self.startup_timeout = startup_timeout
        self.sql_port = free_port()
        self.http_port = free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.dba_password = "dba-" + secrets.token_hex(6)
        self.user = "kg"
        self.password = "kg-" + secrets.token_hex(6)
        self.proc: subprocess.Popen | None = None

    # -- URLs ------------------------------------------------------------------------------
    @property
    def base(self) -> str:
        return f"127.0.0.1:{self.http_port}"

    @property
    def store_url(self) -> str:
        """What kg's --store takes: the authenticated endpoint (updates need it)."""
        return f"sparql+http://{self.base}/sparql-auth"

    @property
    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> VirtuosoServer:
        missing = virtuoso_missing()
        if missing:
            raise RuntimeError(missing)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "vsp").mkdir(exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(
            _INI.format(db=self.folder, sql_port=self.sql_port, http_port=self.http_port, max_rows=self.max_rows)
        )
        out = open(self.folder / "stdout.log", "wb")
        self.proc = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(ini), "+foreground", "+wait"],
            cwd=self.folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}:\n{self._tail()}")
            if _port_open(self.http_port) and _port_open(self.sql_port) and self._isql_ok("dba"):
                break
            time.sleep(0.5)
        else:
            self.stop()
            raise RuntimeError(f"virtuoso-t did not come up within {self.startup_timeout:.0f} s:\n{self._tail()}")
        self._configure()
        return self

    def _tail(self) -> str:
        text = self.log or (self.folder / "stdout.log").read_text(errors="replace")
        return "\n".join(text.splitlines()[-15:])

    def _isql_ok(self, password: str) -> bool:
        try:
            self.isql("select 1;", password=password, timeout=10)
            return True
        except (RuntimeError, subprocess.TimeoutExpired):
            return False

    def isql(self, sql: str, *, password: str | None = None, timeout: float = 60) -> str:
        """Run SQL through isql-vt as dba; raises RuntimeError on an error."""
        pw = self.dba_password if password is None else password
        proc = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", pw, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ERRORS=STDOUT"],
            input=sql if sql.rstrip().endswith(";") else sql + ";",
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        out = proc.stdout + proc.stderr
        if proc.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql-vt failed: {out.strip()[:500]}")
        return out

    def _configure(self) -> None:
        """A fresh database's dba password is 'dba': set ours, add a kg user with SPARQL_UPDATE."""
        self.isql(f"USER_SET_PASSWORD('dba', '{self.dba_password}');", password="dba")
        self.isql(
            f"DB.DBA.USER_CREATE('{self.user}', '{self.password}');\n"
            f"GRANT SPARQL_UPDATE TO \"{self.user}\";\n"
            # Writes through the Graph Store Protocol endpoint run SPARQL_INSERT_DICT_CONTENT etc.
            f"GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO \"{self.user}\";\n"
            f"GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO \"{self.user}\";\n"
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{self.user}', 15);\n"
        )

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
