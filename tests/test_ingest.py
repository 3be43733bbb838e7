"""The build: workers take a report from file to N-Triples; the main process harmonises labels
with what the same build stored before, and writes each report whole."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import BuildOptions, build
from kg.store import open_store

ROOT = Path(__file__).resolve().parent


def _labels(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in store.select("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }"):
        out.setdefault(r["e"], set()).add(r["l"])
    return out


def test_label_of_an_entity_added_earlier_in_the_same_build(tmp_path: Path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("IKracht werkt samen met Humanitas in Assen.\n", encoding="utf-8")
    (reports / "b.txt").write_text("Ikracht werkt samen met Humanitas in Assen.\n", encoding="utf-8")
    with open_store("memory:") as store:
        summary = build(store, [reports], BuildOptions(jobs=1))
        assert [o.status for o in summary.outcomes] == ["added", "added"]
        labels = _labels(store)
        ikracht = "https://w3id.org/kg-sociaal/id/organisation/ikracht"
        assert labels[ikracht] == {"IKracht"}  # one preferred label: the first report's
        alt = store.select(f"SELECT ?l WHERE {{ GRAPH ?g {{ <{ikracht}> skos:altLabel ?l }} }}")
        assert {r["l"] for r in alt} == {"Ikracht"}  # b's spelling kept as another spelling
        # a later build resolves against the store and keeps the label too
        (reports / "c.txt").write_text("Ikracht werkt samen met Humanitas in Assen.\n", encoding="utf-8")
        summary = build(store, [reports], BuildOptions(jobs=1))
        assert sorted(o.status for o in summary.outcomes) == ["added", "unchanged", "unchanged"]
        assert _labels(store)[ikracht] == {"IKracht"}


def test_parallel_build_gives_the_same_store(tmp_path: Path):
    folder = ROOT / "data" / "heldout"
    dumps = []
    for jobs in (1, 2):
        with open_store(tmp_path / f"s{jobs}", create=True) as store:
            summary = build(store, [folder], BuildOptions(jobs=jobs))
            assert not summary.failed
            assert summary.count("added") == len(summary.outcomes) >= 12
            dumps.append(sorted(store.dump_nquads().splitlines()))
            # every entity has one preferred label over the whole store
            assert all(len(v) == 1 for v in _labels(store).values())
    assert dumps[0] == dumps[1]


def test_build_counts_are_store_stats(tmp_path: Path):
    from kg.ingest import BuildSummary, _count_store
    from kg.sparql import store_stats

    with open_store("memory:") as store:
        build(store, [ROOT / "data" / "heldout2"], BuildOptions(jobs=1))
        summary = BuildSummary()
        _count_store(store, summary)
        stats = store_stats(store)
        assert summary.entity_types == stats["entities"] and summary.entity_types
        assert summary.relation_types == stats["relations"] and summary.relation_types


def test_parallel_build_in_batches_keeps_every_report_and_every_failure(tmp_path: Path, monkeypatch):
    """Workers get reports in batches: a bad report fails alone, every other one is stored,
    and the progress sees each report once."""
    import kg.ingest as ingest

    monkeypatch.setattr(ingest, "_BATCH", 3)
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(40):
        (reports / f"r{i:02d}.txt").write_text(
            f"Stichting Welzijn Plaats{i} werkt samen met Humanitas in Assen.\n", encoding="utf-8")
    (reports / "r05.txt").write_bytes(b"\x00\x01binary\xff")
    (reports / "r11.txt").write_text("", encoding="utf-8")

    seen: list[str] = []

    class Progress:
        def start(self, total):
            self.total = total

        def advance(self, name, status):
            seen.append(name)

    with open_store(tmp_path / "store", create=True) as store:
        summary = build(store, [reports], BuildOptions(jobs=2), progress=Progress())
        assert sorted(o.name for o in summary.failed) == ["r05.txt", "r11.txt"]
        assert all(o.message for o in summary.failed)
        assert summary.count("added") == 38
        assert sorted(seen) == sorted(f"r{i:02d}.txt" for i in range(40))
        assert len(store.reports()) == 38
