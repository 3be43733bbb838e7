"""Score kg on the held-out texts in tests/data/heldout (our own writing, unseen by the extractor).

    python bench/heldout.py [--set DIR] [--ids t01,t05] [--kg PATH] [--verbose]

--set names another held-out folder with the same layout (tNN.txt, entities.tsv, relations.tsv),
e.g. tests/data/heldout2; the default is tests/data/heldout.

Each text is built into its own fresh temporary store with the project's CLI
(``kg build FILE --store DIR --quiet``), exported with ``kg export relations|entities --format tsv``
and scored with ../shared/eval/kgeval.py (``kg eval`` when ../shared is absent).
Curations and the alias file are replaced by empty ones, so nothing hand-made for these texts
can leak into the score. Prints per-text and pooled relation P/R/F1 (tp/fp/fn summed) and
entity F1; --verbose also prints the misses and extras of every text.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "heldout"
KGEVAL = ROOT.parent / "shared" / "eval" / "kgeval.py"
LINE = re.compile(r"^(relations|entities): P=([\d.]+) R=([\d.]+) F1=([\d.]+).*?\(tp=(\d+) fp=(\d+) fn=(\d+)\)")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(cmd: list[str], **kw) -> str:
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kw)
    if res.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-2000:]}")
    return res.stdout


def score_text(kg: str, tid: str, verbose: bool, folder: Path = HELDOUT) -> dict[str, tuple[int, int, int]]:
    src = folder / f"{tid}.txt"
    with tempfile.TemporaryDirectory(prefix=f"kg-heldout-{tid}-") as tmp:
        t = Path(tmp)
        store, cur, aliases = t / "store", t / "curations", t / "aliases.tsv"
        cur.mkdir()
        aliases.write_text("alias\tlabel\ttype\n", encoding="utf-8")
        run([kg, "build", str(src), "--store", str(store), "--quiet",
             "--curations", str(cur), "--aliases", str(aliases), "--jobs", "1"])
        rel, ent = t / "relations.tsv", t / "entities.tsv"
        run([kg, "export", "relations", "--format", "tsv", "--store", str(store), "--out", str(rel)])
        run([kg, "export", "entities", "--format", "tsv", "--store", str(store), "--out", str(ent)])
        gold = ["--gold-entities", str(folder / "entities.tsv"),
                "--gold-relations", str(folder / "relations.tsv"), "--ids", tid]
        if KGEVAL.exists():
            out = run([sys.executable, str(KGEVAL), *gold, "--relations", str(rel), "--entities", str(ent)])
        else:
            out = run([kg, "eval", *gold, "--store", str(store)])
    scores: dict[str, tuple[int, int, int]] = {}
    for line in out.splitlines():
        m = LINE.match(line.strip())
        if m:
            scores[m.group(1)] = (int(m.group(5)), int(m.group(6)), int(m.group(7)))
    if verbose:
        print(f"--- {tid}")
        print(out.rstrip())
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(HELDOUT), metavar="DIR",
                    help="held-out folder with tNN.txt, entities.tsv, relations.tsv (default: tests/data/heldout)")
    ap.add_argument("--ids", default="", help="comma-separated text ids (default: all)")
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"), help="the kg executable")
    ap.add_argument("--verbose", "-v", action="store_true", help="print misses and extras per text")
    a = ap.parse_args()
    kg = a.kg if Path(a.kg).exists() else (shutil.which("kg") or a.kg)
    folder = Path(a.set)
    folder = folder if folder.is_absolute() else (Path.cwd() / folder).resolve()
    ids = [i for i in a.ids.split(",") if i] or sorted(p.stem for p in folder.glob("t[0-9][0-9].txt"))
    pooled = {"relations": [0, 0, 0], "entities": [0, 0, 0]}
    print(f"{'text':6} {'rel P':>6} {'rel R':>6} {'rel F1':>6}  {'tp':>3} {'fp':>3} {'fn':>3}   {'ent F1':>6}")
    for tid in ids:
        s = score_text(kg, tid, a.verbose, folder)
        for k in pooled:
            for j, v in enumerate(s.get(k, (0, 0, 0))):
                pooled[k][j] += v
        tp, fp, fn = s.get("relations", (0, 0, 0))
        p, r, f = prf(tp, fp, fn)
        ef = prf(*s["entities"])[2] if "entities" in s else float("nan")
        print(f"{tid:6} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}   {ef:6.3f}")
    p, r, f = prf(*pooled["relations"])
    ep, er, ef = prf(*pooled["entities"])
    tp, fp, fn = pooled["relations"]
    print(f"{'pooled':6} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}   {ef:6.3f}")
    etp, efp, efn = pooled["entities"]
    print(f"pooled relations: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    print(f"pooled entities:  P={ep:.3f} R={er:.3f} F1={ef:.3f} (tp={etp} fp={efp} fn={efn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
