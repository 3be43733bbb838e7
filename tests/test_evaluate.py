"""kg eval scores like ../shared/eval/kgeval.py, and the seed and dev sets reach their targets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPORTS, SHARED
from kg.cli import app
from kg.scoring import evaluate, gold_key

runner = CliRunner()
SCORER = SHARED / "eval" / "kgeval.py"
needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside this checkout")


def _score_lines(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if line.startswith(("relations:", "entities:")))


def _build_and_export(paths: list[Path], tmp: Path) -> tuple[Path, Path, Path]:
    store = tmp / "store"
    assert runner.invoke(app, ["build", *map(str, paths), "--store", str(store), "--quiet"]).exit_code == 0
    rel, ent = tmp / "rel.tsv", tmp / "ent.tsv"
    for what, out in (("relations", rel), ("entities", ent)):
        r = runner.invoke(app, ["export", what, "--format", "tsv", "--store", str(store), "--out", str(out)])
        assert r.exit_code == 0, r.output
    return store, rel, ent


def _kgeval(gold_e: Path, gold_r: Path, rel: Path, ent: Path | None = None, ids: str = "") -> str:
    cmd = [sys.executable, str(SCORER), "--gold-entities", str(gold_e), "--gold-relations", str(gold_r), "--relations", str(rel), "--quiet"]
    if ent:
        cmd += ["--entities", str(ent)]
    if ids:
        cmd += ["--ids", ids]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _f1(line: str) -> float:
    return float(re.search(r"F1=([0-9.]+)", line).group(1))


def test_gold_key_folds_like_the_guide():
    assert gold_key("Gemeente Lariks-Pittelo") == "lariks pittelo"
    assert gold_key("De coöperatie IKracht") == "ikracht"
    assert gold_key("*welzijnsorganisatie*") == "*welzijnsorganisatie*"


def test_evaluate_wildcards_optional_and_symmetry():
    gold_e = [
        {"label": "A", "type": "Organisation", "aliases": "", "status": "required"},
        {"label": "B", "type": "Organisation", "aliases": "", "status": "required"},
        {"label": "New", "type": "Organisation", "aliases": "*nieuwe organisatie*", "status": "required"},
    ]
    gold_r = [
        {"subject": "A", "relation": "partnerOf", "object": "B", "date": "", "status": "required"},
        {"subject": "A", "relation": "mergesInto", "object": "New", "date": "2015-01-01", "status": "required"},
        {"subject": "B", "relation": "locatedIn", "object": "A", "date": "", "status": "optional"},
    ]
    pred = [
        {"subject": "B", "relation": "partnerOf", "object": "A"},
        {"subject": "A", "relation": "mergesInto", "object": "De nieuwe organisatie van A en B", "date": "2015-01-01"},
        {"subject": "B", "relation": "locatedIn", "object": "A"},
        {"subject": "A", "relation": "headOf", "object": "B"},
    ]
    res = evaluate(pred, gold_e, gold_r)
    assert (res.relations.tp, res.relations.fp, res.relations.fn) == (2, 1, 0)
    assert (res.dates_right, res.dates_needed) == (1, 1)


@needs_shared
def test_seed_scores_and_agreement(tmp_path: Path):
    gold_e, gold_r = SHARED / "eval" / "seed-entities.tsv", SHARED / "eval" / "seed-relations.tsv"
    renditions = sorted(REPORTS.glob("*.txt"))
    for i, paths in enumerate([renditions, renditions[:1], renditions[1:]]):
        work = tmp_path / str(i)
        work.mkdir()
        store, rel, ent = _build_and_export(paths, work)
        theirs = _score_lines(_kgeval(gold_e, gold_r, rel, ent))
        ours = runner.invoke(app, ["eval", "--gold-entities", str(gold_e), "--gold-relations", str(gold_r), "--store", str(store), "--quiet"])
        assert ours.exit_code == 0, ours.output
        assert _score_lines(ours.output) == theirs
        relations, entities = (next(line for line in theirs if line.startswith(k)) for k in ("relations:", "entities:"))
        assert _f1(relations) >= 0.95, (paths, relations)
        assert "dates=7/7" in relations, relations
        assert _f1(entities) >= 0.90, (paths, entities)


@needs_shared
def test_dev_set_pooled_and_agreement(tmp_path: Path):
    dev = SHARED / "dev"
    gold_e, gold_r = dev / "entities.tsv", dev / "relations.tsv"
    pooled = {"tp": 0, "fp": 0, "fn": 0}
    for text in sorted(dev.glob("*.txt")):
        work = tmp_path / text.stem
        work.mkdir()
        store, rel, _ = _build_and_export([text], work)
        theirs = _score_lines(_kgeval(gold_e, gold_r, rel, ids=text.stem))
        ours = runner.invoke(app, ["eval", "--gold-entities", str(gold_e), "--gold-relations", str(gold_r),
                                   "--ids", text.stem, "--store", str(store), "--quiet"])
        assert [line for line in _score_lines(ours.output) if line.startswith("relations:")] == theirs
        for k in pooled:
            pooled[k] += int(re.search(rf"\b{k}=(\d+)", theirs[0]).group(1))
    precision = pooled["tp"] / (pooled["tp"] + pooled["fp"])
    recall = pooled["tp"] / (pooled["tp"] + pooled["fn"])
    f1 = 2 * precision * recall / (precision + recall)
    # ../shared/dev grew from 3 to 42 real texts; the floor is the score measured on them
    # (2026-12-02: P 0.69, F1 0.30 before the relation model), so a regression shows here.
    assert precision >= 0.65 and f1 >= 0.28, pooled
