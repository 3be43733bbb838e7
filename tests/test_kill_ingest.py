"""A build killed with SIGKILL midway leaves only whole reports; the next build does the rest.

``kg build`` runs in a subprocess on a synthetic corpus (bench/corpus.py) and is killed -9 once
the store on disk has grown. The store is reopened: every report in it must be complete (its
graph has the report node with file name, hash and build key; every relation assertion has
its subject, predicate, object, provenance and at least one evidence sentence with offsets
in the same graph), and the SHACL shapes must hold. Then ``kg build`` runs again, skips what
is in, and adds exactly the rest.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N_REPORTS = 1500

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _corpus(folder: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.corpus import write_corpus

    write_corpus(folder, n, seed=11)
    return folder / "reports"


def _size(path: Path) -> int:
    """Bytes in the store folder now; the store renames and removes its temporary files while
    it writes, so a file listed a moment ago may be gone when it is measured."""
    total = 0
    for p in path.rglob("*") if path.exists() else ():
        try:
            total += p.stat().st_size if p.is_file() else 0
        except FileNotFoundError:
            continue
    return total


def incomplete_reports(store) -> list[str]:
    """Reports whose named graph is not whole; [] when every report is complete."""
    problems = []
    rows = store.select(
        """SELECT ?g (COUNT(DISTINCT ?name) AS ?names) (COUNT(DISTINCT ?sha) AS ?shas) (COUNT(DISTINCT ?key) AS ?keys)
           WHERE { GRAPH ?g { ?s ?p ?o
             OPTIONAL { ?g a kg:Report ; kg:fileName ?name } OPTIONAL { ?g kg:sha256 ?sha }
             OPTIONAL { ?g kg:buildKey ?key } } } GROUP BY ?g"""
    )
    for r in rows:
        if (r["names"], r["shas"], r["keys"]) != (1, 1, 1):
            problems.append(f"{r['g']}: report node without file name, hash or build key")
    bad = store.select(
        """SELECT DISTINCT ?g ?a WHERE { GRAPH ?g { ?a a kg:RelationAssertion .
             FILTER NOT EXISTS { ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                                    prov:wasDerivedFrom ?g ; kg:evidence ?ev .
                                 ?ev kg:sentence ?sent ; kg:startOffset ?b ; kg:endOffset ?e ; kg:inReport ?g } } }"""
    )
    problems.extend(f"{r['g']}: assertion {r['a']} without its evidence or ends" for r in bad)
    dangling = store.select(
        """SELECT DISTINCT ?g ?x WHERE { GRAPH ?g { ?a a kg:RelationAssertion ; rdf:subject|rdf:object ?x .
             FILTER NOT EXISTS { ?x skos:prefLabel ?l } } }"""
    )
    problems.extend(f"{r['g']}: {r['x']} is related but has no entity node" for r in dangling)
    return problems


def test_kill_during_build_leaves_whole_reports(tmp_path: Path):
    from kg.store import open_store

    reports = _corpus(tmp_path / "corpus", N_REPORTS)
    store_dir = tmp_path / "store"
    cmd = [sys.executable, "-m", "kg", "build", str(reports), "--store", str(store_dir), "--jobs", "2", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        # Wait until writes are well under way (the store folder grows), then kill -9.
        deadline = time.monotonic() + 240
        baseline = None
        while time.monotonic() < deadline and proc.poll() is None:
            size = _size(store_dir)
            if baseline is None and size > 0:
                baseline = size
            if baseline is not None and size > baseline + 400_000:
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"the build ended before it could be killed: {proc.communicate()[1][-800:]}"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with open_store(store_dir) as store:
        names = set(store.report_hashes())
        assert 0 < len(names) < N_REPORTS, f"{len(names)} reports in the store after the kill"
        assert incomplete_reports(store) == []
        from kg import api

        report = api.validate(store)
        assert report.conforms, report.violations[:5]

    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    with open_store(store_dir) as store:
        from kg.ingest import build

        assert len(store.report_hashes()) == N_REPORTS
        assert incomplete_reports(store) == []
        again = build(store, [reports], None)
        assert again.count("unchanged") == N_REPORTS
