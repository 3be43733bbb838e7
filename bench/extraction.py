"""Score extraction on real annotated texts: pooled, per relation type and per rule.

    python bench/extraction.py                      # ../shared/dev, leave-one-text-out model
    python bench/extraction.py --mode rules         # the rules alone, no model
    python bench/extraction.py --mode shipped       # the shipped model (in-sample on dev!)
    python bench/extraction.py --sweep              # LOTO precision/recall per threshold
    python bench/extraction.py --extra tests/data/heldout --extra tests/data/heldout2 ...
    python bench/extraction.py --snapshot bench/snapshot.tsv   # every output row, for diffs

Each text is read, run through every component (kg.extract.prepare) and resolved on its own,
as ``kg build TEXT`` into a fresh store does. In ``loto`` mode the model that decides a text's
relations is trained on every other text (plus the ``--extra`` sets) and never sees the text it
is scored on: that is the figure to quote. Matching follows ../shared/eval/kgeval.py (kg.scoring);
the pooled line has the same form as kgeval's.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import decide  # noqa: E402
from kg.learn import (calibration_points, decided_rows, examples_from_gold, gold_for,  # noqa: E402
                      leave_one_text_out_models, prepare_text, relation_rows)
from kg.relation_model import TRAIN_C, RelationModel, fit_calibration, shipped  # noqa: E402
from kg.scoring import GoldSet, gold_key  # noqa: E402

DEV = ROOT.parent / "shared" / "dev"


def load_set(folder: Path):
    texts = sorted(p for p in folder.glob("*.txt") if p.name.lower() != "readme.txt")
    ents, rels = gold_for(folder / "entities.tsv", folder / "relations.tsv")
    return texts, ents, rels


class Tally:
    def __init__(self) -> None:
        self.by_type = defaultdict(lambda: [0, 0, 0])  # tp fp fn
        self.by_rule = defaultdict(lambda: [0, 0])  # tp fp
        self.dates = [0, 0]
        self.by_conf = defaultdict(lambda: [0, 0])  # confidence tenth -> tp fp
        self.misses: list[str] = []
        self.extras: list[str] = []
        self.wrong_dates: list[str] = []

    def add(self, tid: str, rows: list[dict[str, str]], gs: GoldSet) -> None:
        found = set()
        seen = set()
        for r in rows:
            raw = (gold_key(r["subject"]), r["relation"], gold_key(r["object"]))
            if raw in seen:
                continue
            seen.add(raw)
            verdict, k = gs.judge(r["subject"], r["relation"], r["object"], r["object_type"])
            if verdict == "tp" and k not in found:
                found.add(k)
                self.by_type[r["relation"]][0] += 1
                self.by_rule[r["rule"]][0] += 1
                self.by_conf[min(9, int(float(r["confidence"]) * 10))][0] += 1
                if k in gs.dates and r["date"][:10] == gs.dates[k]:
                    self.dates[0] += 1
                elif k in gs.dates and k in gs.required:
                    self.wrong_dates.append(f"{tid}  {k[0]} --{k[1]}--> {k[2]}: {r['date'] or 'no date'}, "
                                            f"gold {gs.dates[k]}  [{r['rule']}]")
            elif verdict == "fp":
                self.by_type[r["relation"]][1] += 1
                self.by_rule[r["rule"]][1] += 1
                self.by_conf[min(9, int(float(r["confidence"]) * 10))][1] += 1
                self.extras.append(f"{tid}  {r['subject']} --{r['relation']}--> {r['object']}  [{r['rule']} {r['confidence']}]")
        for k in gs.required - found:
            self.by_type[k[1]][2] += 1
            self.misses.append(f"{tid}  {k[0]} --{k[1]}--> {k[2]}")
        self.dates[1] += sum(1 for k in gs.dates if k in gs.required)

    def pooled(self) -> tuple[int, int, int]:
        tp = sum(v[0] for v in self.by_type.values())
        fp = sum(v[1] for v in self.by_type.values())
        fn = sum(v[2] for v in self.by_type.values())
        return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(t: Tally, title: str) -> None:
    tp, fp, fn = t.pooled()
    p, r, f = prf(tp, fp, fn)
    print(f"== {title}")
    print(f"relations: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn}) dates={t.dates[0]}/{t.dates[1]}")
    print(f"\n{'relation':<15}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for rel in sorted(t.by_type):
        a, b, c = t.by_type[rel]
        pp, rr, ff = prf(a, b, c)
        print(f"{rel:<15}{a:>5}{b:>5}{c:>5}{pp:>7.2f}{rr:>7.2f}{ff:>7.2f}")
    print(f"\n{'confidence':<15}{'tp':>5}{'fp':>5}{'P':>7}   (is a confidence of 0.8 right 8 times in 10?)")
    for b in sorted(t.by_conf, reverse=True):
        a, c = t.by_conf[b]
        print(f"{f'{b / 10:.1f}-{(b + 1) / 10:.1f}':<15}{a:>5}{c:>5}{(a / (a + c) if a + c else 0):>7.2f}")
    print(f"\n{'rule':<42}{'tp':>5}{'fp':>5}{'P':>7}")
    for rule, (a, b) in sorted(t.by_rule.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        print(f"{rule[:41]:<42}{a:>5}{b:>5}{(a / (a + b) if a + b else 0):>7.2f}")


_MODELS: dict = {}


def run_mode(a, prepared, examples, extra, th, rth) -> dict[str, list[dict[str, str]]]:
    """text id -> relation rows, for the mode asked (leave-one-text-out models trained once)."""
    if a.mode == "loto":
        if not _MODELS:
            _MODELS.update(leave_one_text_out_models(prepared, examples, extra, c=a.c))
        model = shipped()
        return decided_rows(prepared, _MODELS, threshold=model.threshold if th is None else th,
                            rule_threshold=model.rule_threshold if rth is None else rth)
    out = {}
    for tid, prep in prepared.items():
        ctx = prep.context
        if a.mode == "rules":
            ctx.extraction.candidates = list(ctx.memory["rule_candidates"])
            out[tid] = relation_rows(ctx.extraction)
        else:
            out[tid] = relation_rows(decide(ctx, shipped()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEV, help="folder of texts with entities.tsv/relations.tsv")
    ap.add_argument("--mode", choices=("loto", "rules", "shipped"), default="loto")
    ap.add_argument("--extra", type=Path, action="append", default=None,
                    help="annotated sets to train on besides the other texts (default: tests/data/heldout*, "
                         "as the shipped model; --extra none for none)")
    ap.add_argument("--threshold", type=float, default=None, help="decision threshold (default: the model's)")
    ap.add_argument("--rule-threshold", type=float, default=None,
                    help="decision threshold for pairs a rule proposed (default: the model's)")
    ap.add_argument("--min-precision", type=float, default=None,
                    help="drop relations whose measured precision is below this (default: the shipped model's)")
    ap.add_argument("--c", type=float, default=TRAIN_C, help="inverse regularisation strength")
    ap.add_argument("--sweep", action="store_true", help="print LOTO P/R/F1 per threshold")
    ap.add_argument("--ids", default="", help="only these text ids (comma-separated)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print misses, extras and dates found wrong")
    ap.add_argument("--snapshot", type=Path, help="write every output row to this TSV")
    a = ap.parse_args()

    t0 = time.perf_counter()
    if a.min_precision is None:
        a.min_precision = shipped().min_precision
    texts, ents, rels = load_set(a.set)
    if a.ids:
        wanted = set(a.ids.split(","))
        texts = [p for p in texts if p.stem in wanted]
    prepared = {p.stem: prepare_text(p) for p in texts}
    golds = {tid: GoldSet.of(ents, rels, [tid]) for tid in prepared}
    examples = {tid: examples_from_gold(prepared[tid], golds[tid]) for tid in prepared}
    extra = []
    if a.extra is None:
        a.extra = sorted((ROOT / "tests" / "data").glob("heldout*")) if a.mode == "loto" else []
    for folder in [f for f in a.extra if str(f) != "none"]:
        xt, xe, xr = load_set(folder)
        for p in xt:
            extra += examples_from_gold(prepare_text(p), GoldSet.of(xe, xr, [p.stem]))
    print(f"read and prepared {len(texts)} texts (+{len(extra)} extra examples) in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)


    if a.sweep:
        grid = [(round(t, 2), round(r, 2)) for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
                for r in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)]
    else:
        grid = [(a.threshold, a.rule_threshold)]
    for th, rth in grid:
        rows = run_mode(a, prepared, examples, extra, th, rth)
        tally = Tally()
        for tid, rs in rows.items():
            tally.add(tid, rs, golds[tid])
        if a.sweep:
            tp, fp, fn = tally.pooled()
            p, r, f = prf(tp, fp, fn)
            print(f"threshold {th:.2f} rule {rth:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})",
                  flush=True)
            continue
        if a.mode == "loto":  # confidences: precision measured on the other texts (calibrated LOTO too)
            points = calibration_points(rows, golds)
            for tid, rs in rows.items():
                cal = RelationModel({}, {}, calibration=fit_calibration(
                    [pt for other, pts in points.items() if other != tid for pt in pts]))
                cal.min_precision = a.min_precision
                kept = []
                for r in rs:
                    c = cal.confidence(float(r["confidence"]), r["rule"] != "model", r["relation"],
                                       r["rule"].split("|")[0])
                    r["confidence"] = f"{c:.2f}"
                    if c >= cal.min_precision:
                        kept.append(r)
                rows[tid] = kept
            tally = Tally()
            for tid, rs in rows.items():
                tally.add(tid, rs, golds[tid])
        title = f"{a.set.name}, {len(prepared)} texts, mode={a.mode}" + (f", threshold={th}" if th else "") + (
            f", rule threshold={rth}" if rth is not None else "")
        report(tally, title)
        if a.verbose:
            print("\nmissed:")
            print("\n".join("  " + m for m in sorted(tally.misses)))
            print("\nextra:")
            print("\n".join("  " + m for m in sorted(tally.extras)))
            print("\nfound with another date:")
            print("\n".join("  " + m for m in sorted(tally.wrong_dates)))
        if a.snapshot:
            snapshot = [{"id": tid, **r} for tid, rs in rows.items() for r in rs]
            with a.snapshot.open("w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, fieldnames=list(snapshot[0].keys()) if snapshot else ["id"],
                                   delimiter="\t", lineterminator="\n")
                w.writeheader()
                w.writerows(snapshot)
    print(f"done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
