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
import resource
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


def stages(files: list[Path], store_dir: Path) -> dict[str, float]:
    """ms per report of each stage, one process, on ``files``: where kg build's time goes."""
    from kg.extract import extract
    from kg.graph import report_triples
    from kg.read import read_document
    from kg.resolve import Resolver
    from kg.store import OxigraphStore

    resolver = Resolver()
    t0 = time.perf_counter()
    docs = [read_document(f, name=f.name) for f in files]
    t1 = time.perf_counter()
    extractions = [extract(d) for d in docs]
    t2 = time.perf_counter()
    triples = [report_triples(resolver.resolve(x), build_key="bench") for x in extractions]
    t3 = time.perf_counter()
    store = OxigraphStore(store_dir)
    for tr in triples:
        store.put_report(tr.graph_iri, tr.text())
    store.close()
    t4 = time.perf_counter()
    n = len(files) / 1000
    return {"read": (t1 - t0) / n, "extract": (t2 - t1) / n, "resolve + mint": (t3 - t2) / n,
            "store write (main process)": (t4 - t3) / n}


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
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        secs_kg = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if out.returncode != 0:
            print(out.stderr[-2000:])
        kg_rps = n / secs_kg
        print(f"{f'kg build --jobs {args.jobs}':40} {secs_kg:8.1f} {kg_rps:10.0f} {mb / secs_kg:7.2f} {tokens / secs_kg:10.0f}")
        print(f"kg build used {cpu:.1f} s of CPU in {secs_kg:.1f} s: {cpu / secs_kg:.2f} cores busy on average")
        ratio = base_rps / kg_rps
        print(f"kg is {ratio:.2f}x slower than the baseline (target: within 3x): {'yes' if ratio <= 3 else 'NO'}")
        sample = files[: min(300, n)]
        costs = stages(sample, Path(tmp) / "stage-store")
        print(f"where the time goes, one process, {len(sample)} reports (ms/report):")
        for stage, ms in costs.items():
            print(f"  {stage:28} {ms:6.2f}")
        work = costs["read"] + costs["extract"] + costs["resolve + mint"]
        print(f"  ceiling on 2 cores with writes serial in one process: "
              f"{1000 / max(costs['store write (main process)'], (work + costs['store write (main process)']) / 2):.0f} reports/s")
        t = time.perf_counter()
        subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        print(f"rebuild with nothing changed: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
