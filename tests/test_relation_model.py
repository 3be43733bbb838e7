"""The shipped relation model scores a pair the same in every process: the probabilities do not
follow the order in which Python's per-process string hashing lays out the pair's features."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCORE_BUNDLED_REPORTS = """
from pathlib import Path
from kg.extract import prepare
from kg.read import read_document
from kg.relation_model import shipped
model = shipped()
for f in sorted(Path("data/reports").glob("*.txt")):
    ctx = prepare(read_document(f, name=f.name))
    for inst in ctx.memory["pair_instances"]:
        print(repr(sorted(model.probabilities(inst.features, inst.relations).items())))
"""


def scores(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", SCORE_BUNDLED_REPORTS], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_pair_probabilities_are_bit_for_bit_the_same_whatever_the_hash_seed():
    first = scores("1")
    assert first.count("\n") > 100  # the pairs of the bundled reports, each scored
    assert scores("2") == first
    assert scores("3") == first
