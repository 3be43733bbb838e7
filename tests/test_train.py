"""`kg train`: the relation model learns from a user's annotations and curations, and the next
build uses what it learned (issue 10). Also: every real dev text's graph passes `kg validate`."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.extract import extract
from kg.read import read_document
from kg.relation_model import RelationModel, shipped
from kg.resolve import Resolver

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "heldout"  # our own annotated texts
DEV = ROOT.parent / "shared" / "dev"
runner = CliRunner()


def _export(store: Path, out: Path) -> list[dict[str, str]]:
    res = runner.invoke(app, ["export", "relations", "--format", "tsv", "--store", str(store), "--out", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _expected(report: Path, model: RelationModel) -> dict[tuple[str, str, str], str]:
    """What extraction with ``model`` gives for one report: relation -> confidence as exported
    (the highest; '?' where the report also denies it, whose assertion shares the graph node)."""
    resolved = Resolver(aliases={}).resolve(extract(read_document(report), model=model))
    best: dict[tuple[str, str, str], float] = {}
    denied = set()
    for r in resolved.relations:
        k = (resolved.entities[r.subject].label, r.relation, resolved.entities[r.object].label)
        if r.modality == "negated":
            denied.add(k)
        else:
            best[k] = max(best.get(k, 0.0), r.confidence)
    return {k: "?" if k in denied else f"{c:g}" for k, c in best.items()}  # as the export writes numbers


def _build_with(report: Path, model: Path, tmp: Path, expected: dict) -> dict[tuple[str, str, str], str]:
    store = tmp / "store"
    res = runner.invoke(app, ["build", str(report), "--store", str(store), "--model", str(model), "--quiet",
                              "--curations", str(tmp / "no-curations"), "--aliases", str(tmp / "no-aliases.tsv")])
    assert res.exit_code == 0, res.output
    rows = _export(store, tmp / "rel.tsv")
    return {(r["subject"], r["relation"], r["object"]):
            "?" if expected.get((r["subject"], r["relation"], r["object"])) == "?" else r["confidence"] for r in rows}


def test_train_from_annotations_and_the_next_build_uses_the_model(tmp_path: Path):
    model_file = tmp_path / "model.json"
    res = runner.invoke(app, ["train", str(HELDOUT), "--gold-entities", str(HELDOUT / "entities.tsv"),
                              "--gold-relations", str(HELDOUT / "relations.tsv"), "--out", str(model_file)])
    assert res.exit_code == 0, res.output
    assert "trained on 12 report(s)" in res.output
    data = json.loads(model_file.read_text(encoding="utf-8"))
    assert data["base"] == "shipped" and data["meta"]["reports"] == 12 and data["meta"]["positives"] > 20
    model = RelationModel.load(model_file)
    assert model.weights != shipped().weights
    report = HELDOUT / "t03.txt"
    expected = _expected(report, model)
    assert expected  # the user's model finds relations there
    assert _build_with(report, model_file, tmp_path, expected) == expected  # and the build used it


def test_train_from_curations_and_the_next_build_uses_the_model(tmp_path: Path):
    reports = tmp_path / "reports"
    reports.mkdir()
    report = reports / "t05.txt"
    shutil.copy(HELDOUT / "t05.txt", report)
    curations = tmp_path / "curations"
    res = runner.invoke(app, ["review", str(report), "--out", str(curations / "t05.tsv")])
    assert res.exit_code == 0, res.output
    with (curations / "t05.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows and {r["status"] for r in rows} <= {"stored", "suggested"}
    # least sure first: the suggestions, then the stored rows, each by rising confidence
    order = [(r["status"] == "stored", float(r["confidence"])) for r in rows]
    assert order == sorted(order)
    for i, r in enumerate(rows):
        r["decision"] = "reject" if i % 3 == 0 else "accept"
    with (curations / "t05.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    model_file = tmp_path / "data" / "relation-model.json"
    res = runner.invoke(app, ["train", str(reports), "--curations", str(curations), "--out", str(model_file)])
    assert res.exit_code == 0, res.output
    assert "trained on 1 report(s)" in res.output
    model = RelationModel.load(model_file)
    expected = _expected(report, model)
    assert _build_with(report, model_file, tmp_path, expected) == expected


def test_train_says_what_is_missing(tmp_path: Path):
    res = runner.invoke(app, ["train", str(HELDOUT)])
    assert res.exit_code == 2 and "--curations" in res.output
    empty = tmp_path / "curations"
    empty.mkdir()
    res = runner.invoke(app, ["train", str(HELDOUT / "t01.txt"), "--curations", str(empty)])
    assert res.exit_code == 3 and "none of the reports" in res.output
    res = runner.invoke(app, ["build", str(HELDOUT / "t01.txt"), "--store", str(tmp_path / "s"),
                              "--model", str(tmp_path / "nothing.json")])
    assert res.exit_code == 3 and "kg train" in res.output


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is not beside this checkout")
def test_every_dev_text_graph_passes_shacl(tmp_path: Path):
    for text in sorted(DEV.glob("*.txt")):
        store = tmp_path / text.stem
        res = runner.invoke(app, ["build", str(text), "--store", str(store), "--quiet"])
        assert res.exit_code == 0, (text.name, res.output)
        res = runner.invoke(app, ["validate", "--store", str(store)])
        assert res.exit_code == 0, (text.name, res.output)
