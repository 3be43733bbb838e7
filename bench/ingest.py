"""Ingest throughput: ``kg build`` on N synthetic reports beside a read+tokenise baseline.

    python bench/ingest.py [--n 10000] [--jobs 2] [--corpus DIR]

Writes a corpus with bench/corpus.py (unless --corpus is given), then in the same run:

* baseline: read every file and tokenise it with spaCy's blank Dutch tokenizer
  (``spacy.blank("nl")``), one process: reports/s, MB/s, tokens/s;
* ``kg build --jobs J`` into a fresh embedded store: reports/s, MB/s.

Target: kg's reports/s within 3x of the baseline's (kg using both cores).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def baseline(files: list[Path]) -> tuple[float, int, int]:
    import spacy

    nlp = spacy.blank("nl")
    t = time.perf_counter()
    tokens = size = 0
    for f in files:
        data = f.read_bytes()
        size += len(data)
        tokens += len(nlp(data.decode("utf-8")))
    return time.perf_counter() - t, tokens, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--corpus", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            reports = args.corpus
        else:
            from bench.corpus import write_corpus

            t = time.perf_counter()
            write_corpus(Path(tmp) / "corpus", args.n, seed=1)
            reports = Path(tmp) / "corpus" / "reports"
            print(f"corpus: {args.n} reports written in {time.perf_counter() - t:.1f} s")
        files = sorted(reports.rglob("*.txt"))
        n = len(files)
        secs, tokens, size = baseline(files)
        mb = size / 1e6
        print(f"corpus: {n} reports, {mb:.1f} MB, {tokens} tokens")
        base_rps = n / secs
        print(f"{'what':40} {'s':>8} {'reports/s':>10} {'MB/s':>7} {'tokens/s':>10}")
        print(f"{'baseline: read + spacy.blank(nl), 1 core':40} {secs:8.1f} {base_rps:10.0f} {mb / secs:7.2f} {tokens / secs:10.0f}")
        store = Path(tmp) / "store"
        kg = Path(sys.executable).with_name("kg")
        cmd = [str(kg) if kg.exists() else sys.executable] + ([] if kg.exists() else ["-m", "kg"])
        cmd += ["build", str(reports), "--store", str(store), "--jobs", str(args.jobs), "--quiet"]
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        secs_kg = time.perf_counter() - t
        if out.returncode != 0:
            print(out.stderr[-2000:])
        kg_rps = n / secs_kg
        print(f"{f'kg build --jobs {args.jobs}':40} {secs_kg:8.1f} {kg_rps:10.0f} {mb / secs_kg:7.2f} {tokens / secs_kg:10.0f}")
        ratio = base_rps / kg_rps
        print(f"kg is {ratio:.2f}x slower than the baseline (target: within 3x): {'yes' if ratio <= 3 else 'NO'}")
        t = time.perf_counter()
        subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        print(f"rebuild with nothing changed: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
