"""Reports written in batches (issue 13): the same store as one by one, each report whole, also
when the process dies in the middle of a batch (the write-ahead journal)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph import report_ntriples
from kg.model import Document, Entity, Evidence, Relation, ResolvedReport
from kg.namespaces import entity_iri
from kg.store import OxigraphStore, journal_path, open_store

ROOT = Path(__file__).resolve().parent.parent


def _report(i: int, partner: str = "Vitaal Wonen", shared: str = "Klaverblad") -> tuple[str, str]:
    """Report i: the shared organisation works with a partner of its own."""
    name = f"r{i:03d}.txt"
    doc = Document(name=name, text=f"{shared} werkt samen met {partner} {i}.", kind="txt", sha256=f"{i:064d}")
    a = Entity(entity_iri("Organisation", shared), "Organisation", shared)
    b = Entity(entity_iri("Organisation", f"{partner} {i}"), "Organisation", f"{partner} {i}")
    ev = Evidence(name, doc.text, 0, len(doc.text))
    rel = Relation(a.iri, "partnerOf", b.iri, ev, rule="partnerOf:samen-met", confidence=0.9)
    return report_ntriples(ResolvedReport(doc, {a.iri: a, b.iri: b}, [rel]))


def _graphs(store: OxigraphStore) -> tuple[set, set]:
    """(quads of the report graphs, triples of the default graph)."""
    raw = store._store
    named = {(q.subject, q.predicate, q.object, q.graph_name)
             for q in raw.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)}
    default = {(q.subject, q.predicate, q.object) for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return named, default


def _union_is_right(store: OxigraphStore) -> bool:
    named, default = _graphs(store)
    return default == {(s, p, o) for s, p, o, _ in named}


def test_a_batch_gives_the_store_that_one_report_at_a_time_gives(tmp_path: Path):
    reports = [_report(i) for i in range(40)]
    with open_store(tmp_path / "batch", create=True) as batch, open_store(tmp_path / "one", create=True) as one:
        assert batch.put_reports(reports) == {}
        for iri, text in reports:
            one.put_report(iri, text)
        assert _graphs(batch) == _graphs(one)
        assert _union_is_right(batch)
        # the shared organisation's triples are in the default graph once
        assert len(batch.select("SELECT ?l WHERE { ?e skos:prefLabel 'Klaverblad' }")) == 1
    assert not journal_path(tmp_path / "batch").exists()


def test_replacing_and_removing_in_a_batch_keeps_the_union_right(tmp_path: Path):
    with open_store(tmp_path / "s", create=True) as store:
        store.put_reports([_report(i) for i in range(5)])
        # report 2 now names another partner, report 9 is new: one batch
        assert store.put_reports([_report(2, partner="Humanitas"), _report(9)]) == {}
        labels = {r["l"] for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")}
        assert "Vitaal Wonen 2" not in labels and {"Humanitas 2", "Vitaal Wonen 9", "Klaverblad"} <= labels
        assert _union_is_right(store)
        store.remove_report(_report(3)[0])
        assert _union_is_right(store)
        assert len(store.report_hashes()) == 5


def test_a_report_that_cannot_be_stored_fails_alone(tmp_path: Path):
    good = [_report(i) for i in range(3)]
    broken = ("https://w3id.org/kg/report/broken", "<https://example.org/a> <https://example.org/b> .\n")
    with open_store(tmp_path / "s", create=True) as store:
        errors = store.put_reports(good[:2] + [broken] + good[2:])
        assert list(errors) == [broken[0]]
        assert "cannot be stored" in str(errors[broken[0]])
        assert len(store.report_hashes()) == 3
        assert _union_is_right(store)


@pytest.mark.parametrize("minted", [False, True])
def test_a_report_that_cannot_be_parsed_fails_alone_also_when_kg_minted_the_batch(tmp_path: Path, minted: bool):
    good = [_report(i) for i in range(3)]
    broken = ("https://w3id.org/kg/report/broken", "<https://example.org/a> <https://example.org/b> .\n")
    with open_store(tmp_path / "s", create=True) as store:
        errors = store.put_reports(good[:2] + [broken] + good[2:], minted=minted)
        assert list(errors) == [broken[0]]
        assert len(store.report_hashes()) == 3
        assert _union_is_right(store)


def test_a_text_kg_did_not_mint_has_its_iris_checked(tmp_path: Path):
    """Only kg's own texts (``minted``) skip the check of every IRI: a caller's text with an IRI
    that holds a space fails alone, as one would in a transaction of its own."""
    bad = ("https://w3id.org/kg/report/bad", '<https://example.org/a b> <https://example.org/p> "x" .\n')
    with open_store(tmp_path / "s", create=True) as store:
        errors = store.put_reports([_report(0), bad])
        assert list(errors) == [bad[0]]
        assert len(store.report_hashes()) == 1


def test_kg_mints_no_iri_that_the_store_would_refuse():
    """What makes ``minted`` safe: kg.graph refuses to write an IRI the store's check refuses."""
    from kg.graph import _iri

    with pytest.raises(Exception, match="does not look like a valid URI"):  # rdflib raises a bare Exception
        _iri("https://example.org/a b")


def _journal_of(tmp_path: Path, reports) -> Path:
    """A store with report 0 in it, and the journal of a batch that was never loaded (what a
    process killed after writing the journal leaves)."""
    from kg.store import _nquads

    with open_store(tmp_path / "s", create=True) as store:
        store.put_reports([_report(0)])
    journal_path(tmp_path / "s").write_text("".join(_nquads(i, t) for i, t in reports), encoding="utf-8")
    return tmp_path / "s"


@pytest.mark.parametrize("read_only", [False, True])
def test_a_journal_left_behind_is_loaded_when_the_store_is_opened(tmp_path: Path, read_only: bool):
    folder = _journal_of(tmp_path, [_report(i) for i in range(1, 30)])
    with open_store(folder, read_only=read_only) as store:
        assert len(store.report_hashes()) == 30
    assert not journal_path(folder).exists()
    with open_store(folder) as store:
        assert _union_is_right(store)


def test_a_journal_still_being_written_was_never_loaded_and_is_dropped(tmp_path: Path):
    folder = _journal_of(tmp_path, [])
    part = journal_path(folder).with_name(journal_path(folder).name + ".part")
    journal_path(folder).rename(part)
    part.write_text("<https://w3id.org/kg/report/half> <a", encoding="utf-8")
    with open_store(folder) as store:
        assert len(store.report_hashes()) == 1
    assert not part.exists() and not journal_path(folder).exists()


@pytest.mark.parametrize("when", ["after the journal", "in the load"])
def test_a_process_killed_in_the_middle_of_a_batch_leaves_whole_reports(tmp_path: Path, when: str):
    """A real SIGKILL: once the journal is written, the next open completes the batch."""
    child = textwrap.dedent(f"""
        import os, signal, sys, threading
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests')!r})
        from test_store_batches import _report
        from kg.store import OxigraphStore
        store = OxigraphStore({str(tmp_path / 's')!r})
        store.put_reports([_report(i) for i in range(10)])
        batch = [_report(i) for i in range(10, 2010)]
        if {when!r} == "after the journal":
            store._store = type("Dies", (), {{"bulk_load": lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL),
                                             "contains_named_graph": store._store.contains_named_graph}})()
        else:
            threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
        store.put_reports(batch)
        print("the batch was written before the kill")
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with open_store(tmp_path / "s") as store:
        n = len(store.report_hashes())
        if when == "after the journal":
            assert n == 2010
        else:
            assert n in (10, 2010)  # killed while the journal was written, or after
        assert _union_is_right(store)
        rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert len({r["n"] for r in rows}) == 1  # every report graph whole: as many triples each
    assert [p.name for p in tmp_path.iterdir() if ".journal" in p.name] == []


def test_n_triples_written_otherwise_than_kg_writes_them_are_stored_alike(tmp_path: Path):
    """Rows without a space before the final dot, comments, blank lines: still each triple in
    its report's graph and in the union."""
    iri, text = _report(1)
    other = "# written by hand\n\n" + text.replace(" .\n", ".\n")
    with open_store(tmp_path / "a", create=True) as a, open_store(tmp_path / "b", create=True) as b:
        assert a.put_reports([(iri, text)]) == {} and b.put_reports([(iri, other)]) == {}
        assert _graphs(a) == _graphs(b)
        assert _union_is_right(b)
