"""The curation loop on resolved reports: accept, reject, correct, add; review keeps decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from curation_files import write_curation_file
from kg.curate import Curations, read_curation_file, review_rows, write_review
from kg.errors import InputError
from kg.model import Document, Entity, Evidence, Relation, ResolvedReport
from kg.namespaces import entity_iri

NAME = "r.txt"


def _report() -> ResolvedReport:
    doc = Document(name=NAME, text="Klaverblad werkt samen met Vitaal Wonen in Zwolle.", kind="txt", sha256="0" * 64)
    ents = [
        Entity(entity_iri("Organisation", "Klaverblad"), "Organisation", "Klaverblad"),
        Entity(entity_iri("Organisation", "Vitaal Wonen"), "Organisation", "Vitaal Wonen", aliases={"VW"}),
        Entity(entity_iri("Municipality", "Zwolle", "GM0193"), "Municipality", "Zwolle", identifiers={"cbs": "GM0193"}),
    ]
    ev = Evidence(NAME, doc.text, 0, len(doc.text))
    a, b, z = (e.iri for e in ents)
    rels = [
        Relation(a, "partnerOf", b, ev, rule="partnerOf:samen-met", confidence=0.7),
        Relation(b, "locatedIn", z, ev, rule="locatedIn:in", confidence=0.5),
    ]
    return ResolvedReport(doc, {e.iri: e for e in ents}, rels)


def test_correct_replaces_the_original_with_a_curated_relation(tmp_path: Path):
    report = _report()
    rows = review_rows(report)
    located = next(r for r in rows if r["relation"] == "locatedIn")
    # the person says: it is Klaverblad that is in Zwolle, since 2014
    located.update(decision="correct", subject="Klaverblad", date="2014-01-01")
    accepted = next(r for r in rows if r["relation"] == "partnerOf")
    accepted["decision"] = "accept"
    write_curation_file(tmp_path / "c.tsv", rows)
    Curations.load(tmp_path).apply(report)
    by_rel = {(report.entities[r.subject].label, r.relation, report.entities[r.object].label): r for r in report.relations}
    assert ("Vitaal Wonen", "locatedIn", "Zwolle") not in by_rel
    corrected = by_rel[("Klaverblad", "locatedIn", "Zwolle")]
    assert corrected.curated_by.endswith("c.tsv") and corrected.date == "2014-01-01" and corrected.rule == "curated"
    kept = by_rel[("Klaverblad", "partnerOf", "Vitaal Wonen")]
    assert kept.curated_by.endswith("c.tsv") and kept.confidence == 1.0


def test_reject_by_labels_when_the_id_no_longer_matches(tmp_path: Path):
    report = _report()
    write_curation_file(tmp_path / "c.tsv", [{"decision": "reject", "report": NAME, "subject": "VW", "relation": "locatedIn", "object": "Zwolle", "id": "stale"}])
    Curations.load(tmp_path).apply(report)
    assert [r.relation for r in report.relations] == ["partnerOf"]


def test_add_creates_missing_entities(tmp_path: Path):
    report = _report()
    write_curation_file(tmp_path / "c.tsv", [{"decision": "add", "report": NAME, "subject": "Humanitas", "subject_type": "Organisation",
                                 "relation": "memberOf", "object": "Netwerk Noord", "object_type": "Cooperative",
                                 "evidence": "Humanitas is lid van Netwerk Noord."}])
    Curations.load(tmp_path).apply(report)
    added = report.relations[-1]
    assert report.entities[added.subject].label == "Humanitas"
    assert report.entities[added.object].type == "Cooperative"
    assert added.evidence.sentence == "Humanitas is lid van Netwerk Noord."


def test_other_reports_are_untouched(tmp_path: Path):
    report = _report()
    write_curation_file(tmp_path / "c.tsv", [{"decision": "reject", "report": "other.txt", "subject": "Klaverblad", "relation": "partnerOf", "object": "Vitaal Wonen"}])
    Curations.load(tmp_path).apply(report)
    assert len(report.relations) == 2


def test_review_keeps_decisions_and_appends_new(tmp_path: Path):
    out = tmp_path / "r.tsv"
    rows = review_rows(_report())
    assert write_review(rows, out) == 2
    edited = [dict(r) for r in rows]
    edited[0]["decision"] = "reject"
    write_curation_file(out, edited + [{"decision": "add", "report": NAME, "subject": "A", "relation": "partnerOf", "object": "B"}])
    assert write_review(rows, out) == 0
    kept = read_curation_file(out)
    assert [r.decision for r in kept] == ["reject", "", "add"]


@pytest.mark.parametrize(
    "row, message",
    [
        ({"decision": "maybe"}, "decision 'maybe'"),
        ({"decision": "add", "relation": "likes"}, "relation 'likes'"),
        ({"decision": "add", "object": ""}, "needs a subject and an object"),
        ({"decision": "add", "subject_type": "Planet"}, "subject_type 'Planet'"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: dict, message: str):
    base = {"report": NAME, "subject": "A", "relation": "partnerOf", "object": "B"}
    path = write_curation_file(tmp_path / "bad.tsv", [dict(base, **row)])
    with pytest.raises(InputError, match=rf"bad.tsv:2: .*{message}"):
        read_curation_file(path)
