"""A build that loses its store or its main process ends cleanly (issue 14: items 11, 16)."""

from __future__ import annotations

import errno
import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def _reports(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:02d}.txt").write_text(
            f"Stichting Eiland{i} werkt samen met Welzijn Kust{i} in de gemeente Assen.\n", encoding="utf-8")
    return folder


class _FullDisk:
    """A pyoxigraph store whose writes fail as on a full disk; reads still work."""

    def __init__(self, inner) -> None:
        self._inner = inner

    def _full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    update = load = bulk_load = extend = bulk_extend = _full

    def __getattr__(self, name):
        return getattr(self._inner, name)


def test_full_disk_is_one_store_error(tmp_path: Path, monkeypatch):
    from kg import ingest

    real = OxigraphStore.put_reports
    written: list[str] = []

    def put_reports(self, reports, **options):
        if len(written) == 3 and not isinstance(self._store, _FullDisk):
            self._store = _FullDisk(self._store)  # the disk fills up after three reports
        errors = real(self, reports, **options)
        written.extend(iri for iri, _ in reports)
        return errors

    monkeypatch.setattr(OxigraphStore, "put_reports", put_reports)
    monkeypatch.setattr(ingest, "_WRITE_BATCH", 3)  # the build writes three reports at a time
    folder = _reports(tmp_path / "r", 12)
    result = kg("build", folder, "--store", tmp_path / "s", "-q", "--jobs", "1")
    assert result.exit_code == 5
    assert result.stderr.strip() == (
        f"kg: error: {tmp_path / 's'}: writing to the store failed ([Errno 28] No space left on device); "
        "the build stopped after storing 3 of 12 report(s), run it again once the store is fixed"
    )
    monkeypatch.undo()
    del result  # its exception's frames hold the store open (a process would have ended)
    gc.collect()
    listed = kg("reports", "--store", tmp_path / "s")
    assert listed.stdout.count(".txt") == 3
    # with room again, the build does the rest
    rest = kg("build", folder, "--store", tmp_path / "s", "-q")
    assert rest.exit_code == 0, rest.output
    assert kg("reports", "--store", tmp_path / "s").stdout.count(".txt") == 12


def test_a_store_that_cannot_grow_stops_the_build_with_one_error(tmp_path: Path):
    """The store's files hit a real limit of the file system (RLIMIT_FSIZE: writes past it
    fail, as on a full disk): one store error, exit 5, the stored reports whole."""
    import re
    import resource

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    folder = tmp_path / "r"
    folder.mkdir()
    for i in range(60):
        (folder / f"r{i:02d}.txt").write_text(
            " ".join(f"Stichting Eiland{i}x{j} werkt samen met Welzijn Kust{i}x{j} in de gemeente Assen."
                     for j in range(40)), encoding="utf-8")
    cmd = [sys.executable, "-m", "kg", "build", str(folder), "--store", str(tmp_path / "s"), "-q", "--jobs", "1"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600, preexec_fn=limit)
    assert proc.returncode == 5, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    stopped = re.fullmatch(
        rf"kg: error: {re.escape(str(tmp_path / 's'))}: writing to the store failed \(.*File too large\); "
        r"the build stopped after storing (\d+) of 60 report\(s\), run it again once the store is fixed", lines[0])
    assert stopped, lines[0]
    listed = kg("reports", "--store", tmp_path / "s")
    assert listed.exit_code == 0 and listed.stdout.count(".txt") == int(stopped.group(1))
    rest = kg("build", folder, "--store", tmp_path / "s", "-q")
    assert rest.exit_code == 0, rest.output
    assert kg("reports", "--store", tmp_path / "s").stdout.count(".txt") == 60


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_build_leaves_no_workers_behind(tmp_path: Path, sig: int):
    sys.path.insert(0, str(ROOT))
    from bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", 600, seed=5)
    cmd = [sys.executable, "-m", "kg", "build", str(tmp_path / "corpus" / "reports"),
           "--store", str(tmp_path / "s"), "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "the build's workers never started"
            workers = _children(proc.pid)
            time.sleep(0.05)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived the build's main process"
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
