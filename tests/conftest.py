"""Shared fixtures: small named files and stores made for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
SHARED = ROOT.parent / "shared"

#: A short Dutch report of our own (invented organisations) used across the tests.
SAMPLE_REPORT = """Verslag werkbezoek Welzijn Voorbeeldstad

12 maart 2014

Directeur Anna de Vries van Stichting Klaverblad gaf een toelichting op het werk in de gemeente Zwolle.
Klaverblad werkt samen met Vitaal Wonen en de GGD.
De coöperatie Netwerk Noord is opgericht door Klaverblad, Vitaal Wonen en Humanitas.
Per 1 januari 2015 gaan Klaverblad en Vitaal Wonen samen verder als Welzijn Zwolle.
Klaverblad biedt schuldhulpverlening en maatschappelijk werk.
"""


@pytest.fixture()
def sample_report(tmp_path: Path) -> Path:
    path = tmp_path / "reports" / "werkbezoek-klaverblad.txt"
    path.parent.mkdir()
    path.write_text(SAMPLE_REPORT, encoding="utf-8")
    return path


@pytest.fixture()
def seed_reports(tmp_path: Path) -> Path:
    """A copy of the bundled seed reports (both renditions) in a folder of its own."""
    folder = tmp_path / "seed"
    shutil.copytree(REPORTS, folder)
    return folder


@pytest.fixture(scope="session")
def built_seed_store(tmp_path_factory) -> Path:
    """An embedded store with both seed renditions, built once per test session."""
    import kg

    location = tmp_path_factory.mktemp("seed-store") / "store"
    with kg.open_store(location, create=True) as store:
        summary = kg.build(store, [REPORTS], jobs=1, curations=None, aliases=None)
        assert not summary.failed, summary.failed
    return location


def store_from_dataset(dataset):
    """An in-memory OxigraphStore holding the report graphs of an rdflib Dataset (a fixture)."""
    from rdflib import Graph

    from kg.store import OxigraphStore

    store = OxigraphStore(None)
    for ctx in dataset.graphs():
        if len(ctx) and "/report/" in str(ctx.identifier):
            g = Graph()
            for t in ctx:
                g.add(t)
            store.put_report(str(ctx.identifier), g)
    return store
