"""Entity IRIs: names with letters that have no accent to strip (ı, ø, ł) are transliterated
(``Yılmaz`` -> ``yilmaz``, no longer ``y-lmaz``), ASCII names keep their IRIs, and a store built
by the kg that slugged them by hand is rebuilt into the store a fresh build gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
import kg.ingest
import kg.text
from kg.cli import app
from kg.text import normalise_name, slug

ID = "https://w3id.org/kg-sociaal/id/"

ISIK = """Verslag werkbezoek Işık Zorg

Directeur Fatma Yılmaz van Stichting Işık Zorg gaf een toelichting op het werk in de gemeente Assen.
Işık Zorg werkt samen met Humanitas.
"""
PARTNERS = """Verslag overleg Humanitas

Humanitas werkt samen met Işık Zorg en Stichting Klaverblad in de gemeente Assen.
"""


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "isik.txt").write_text(ISIK, encoding="utf-8")
    (folder / "partners.txt").write_text(PARTNERS, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name, expected", [
    ("Fatma Yılmaz", "fatma-yilmaz"),
    ("Işık Zorg", "isik-zorg"),
    ("Øresund Welzijn", "oresund-welzijn"),
    ("Łódź", "lodz"),
    # ASCII and accented names keep the IRIs they always had
    ("Training & Advies", "training-en-advies"),
    ("Coöperatie Noorderkwartier", "noorderkwartier"),
    ("Mens'en Welzijn", "mens-en-welzijn"),
    ("Welzijn Noord–Zuid", "welzijn-noord-zuid"),
    ("IKracht", "ikracht"),
])
def test_slug_of_a_name(name: str, expected: str):
    assert slug(normalise_name(name)) == expected


def test_two_spellings_of_a_transliterated_name_are_one_key():
    # the IRI and the matching key agree: Yilmaz and Yılmaz are one entity, not two with one IRI
    assert normalise_name("Fatma Yılmaz") == normalise_name("Fatma Yilmaz") == "fatma yilmaz"


def _iris(store) -> dict[str, str]:
    return {r["l"]: r["e"] for r in store.select("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }")}


def test_the_built_store_names_yilmaz_yilmaz(reports: Path, tmp_path: Path):
    location = tmp_path / "store"
    result = CliRunner().invoke(app, ["build", str(reports), "--store", str(location), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, [
        "query", "--store", str(location), "--format", "tsv",
        "SELECT ?e WHERE { ?e skos:prefLabel ?l FILTER(CONTAINS(?l, 'Yılmaz') || CONTAINS(?l, 'Işık')) } ORDER BY ?e",
    ])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["?e", f"<{ID}organisation/isik-zorg>", f"<{ID}person/fatma-yilmaz>"]


def _build(location: Path, reports: Path) -> kg.ingest.BuildSummary:
    with kg.open_store(location, create=True) as store:
        return kg.build(store, [reports], jobs=1, curations=None, aliases=None)


def _dump(location: Path) -> list[str]:
    with kg.open_store(location) as store:
        return sorted(store.dump_nquads().splitlines())


def test_a_store_with_hand_made_slugs_is_rebuilt_as_a_fresh_build(reports: Path, tmp_path: Path,
                                                                  monkeypatch):
    old = tmp_path / "old"
    # the store the previous kg built: accents stripped by hand, other letters dropped
    with monkeypatch.context() as m:
        m.setattr(kg.text, "to_ascii", kg.text.strip_accents)
        m.setattr(kg.ingest, "PIPELINE_VERSION", "3")
        kg.text._normalise_name.cache_clear()
        try:
            assert [o.status for o in _build(old, reports).outcomes] == ["added", "added"]
        finally:
            kg.text._normalise_name.cache_clear()
    with kg.open_store(old) as store:
        before = _iris(store)
    assert before["Fatma Yılmaz"] == f"{ID}person/fatma-y-lmaz"
    assert before["Işık Zorg"] == f"{ID}organisation/is-k-zorg"

    # this kg's build reads both reports again, and no old IRI survives
    assert [o.status for o in _build(old, reports).outcomes] == ["replaced", "replaced"]
    with kg.open_store(old) as store:
        after = _iris(store)
    assert after["Fatma Yılmaz"] == f"{ID}person/fatma-yilmaz"
    assert after["Işık Zorg"] == f"{ID}organisation/isik-zorg"
    # ASCII names kept their IRIs
    assert {k: v for k, v in after.items() if k.isascii()} == {k: v for k, v in before.items() if k.isascii()}
    dump = _dump(old)
    assert not [q for q in dump if "-lmaz" in q or "is-k-zorg" in q]

    # ... and it is the store a fresh build gives, quad for quad
    fresh = tmp_path / "fresh"
    _build(fresh, reports)
    assert dump == _dump(fresh)

    # building again changes nothing
    assert [o.status for o in _build(old, reports).outcomes] == ["unchanged", "unchanged"]
    assert _dump(old) == dump
