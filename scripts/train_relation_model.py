"""Rebuild the shipped relation model, kg/data/relation-model.json, from annotated texts.

    python scripts/train_relation_model.py            # ../shared/dev + tests/data/heldout*

Training data: the real texts of ../shared/dev with their gold, plus the project's own annotated
sets (tests/data/heldout*). The settings (regularisation, thresholds) are the ones that scored best
leave-one-text-out on ../shared/dev (``python bench/extraction.py --sweep``); scikit-learn's
liblinear with a fixed seed makes the weights the same on every run. The texts themselves are
never stored: only the weights of features that are lemmas, types and cue classes.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.learn import examples_from_gold, gold_for, prepare_text  # noqa: E402
from kg.relation_model import train  # noqa: E402
from kg.scoring import GoldSet  # noqa: E402

#: Chosen by bench/extraction.py --sweep (leave-one-text-out on ../shared/dev).
C = 0.1
THRESHOLD = 0.6
RULE_THRESHOLD = 0.05
SETS = [ROOT.parent / "shared" / "dev"] + sorted((ROOT / "tests" / "data").glob("heldout*"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "relation-model.json")
    a = ap.parse_args()
    examples = []
    texts = 0
    for folder in SETS:
        if not (folder / "relations.tsv").is_file():
            print(f"skipping {folder}: no gold", file=sys.stderr)
            continue
        ents, rels = gold_for(folder / "entities.tsv", folder / "relations.tsv")
        for p in sorted(folder.glob("*.txt")):
            examples += examples_from_gold(prepare_text(p), GoldSet.of(ents, rels, [p.stem]))
            texts += 1
    model = train(examples, c=C, threshold=THRESHOLD,
                  meta={"trained": date.today().isoformat(), "texts": texts, "examples": len(examples),
                        "sets": [f.name for f in SETS], "c": C})
    model.rule_threshold = RULE_THRESHOLD
    model.save(a.out)
    n = sum(len(w) for w in model.weights.values())
    print(f"trained on {texts} texts, {len(examples)} candidate pairs: {n} weights -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
