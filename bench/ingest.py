"""Ingest throughput: ``kg build`` on N synthetic reports beside a read+tokenise baseline.

    python bench/ingest.py [--n 10000] [--jobs 2] [--corpus DIR]
    PYTHONPATH=../other-checkout python bench/ingest.py --module   # the kg of another checkout

Writes a corpus with bench/corpus.py (unless --corpus is given), then in the same run:

* baseline: read every file and tokenise it with spaCy's blank Dutch tokenizer
  (``spacy.blank("nl")``), one process: reports/s, MB/s, tokens/s; measured before and again
  after kg's build, and kg compared with the mean of the two (the box's speed drifts);
* ``kg build --jobs J`` into a fresh embedded store: reports/s, MB/s.

Target (issue 13): kg's reports/s within 10x of the baseline's (goal 5x), kg using both
cores (at least 1.7 cores busy on average). Printed: kg's own CPU time over the build's wall
time (its processes only), and how busy each core of the box was meanwhile (/proc/stat: other
processes on the box count too), then where a report's time goes, stage by stage.
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
sys.path.append(str(ROOT))  # after PYTHONPATH: --module measures the kg found there


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
    """ms per report of each stage, one process, on ``files``: where kg build's time goes (the
    start-up each process pays once, loading spaCy's tables and the rules, in seconds)."""
    from kg.extract import extract
    from kg.graph import report_triples
    from kg.read import read_document
    from kg.resolve import Resolver
    from kg.store import OxigraphStore

    resolver = Resolver()
    t = time.perf_counter()
    extract(read_document(files[0], name=files[0].name))
    start = time.perf_counter() - t
    t0 = time.perf_counter()
    docs = [read_document(f, name=f.name) for f in files]
    t1 = time.perf_counter()
    extractions = [extract(d) for d in docs]
    t2 = time.perf_counter()
    triples = [report_triples(resolver.resolve(x), build_key="bench") for x in extractions]
    t3 = time.perf_counter()
    store = OxigraphStore(store_dir)
    if hasattr(store, "put_reports"):
        for i in range(0, len(triples), _WRITE_BATCH):
            store.put_reports([(tr.graph_iri, tr.text()) for tr in triples[i:i + _WRITE_BATCH]])
    else:  # kg before batched writes: a transaction per report
        for tr in triples:
            store.put_report(tr.graph_iri, tr.text())
    store.close()
    t4 = time.perf_counter()
    n = len(files) / 1000
    return {"read": (t1 - t0) / n, "extract": (t2 - t1) / n, "resolve + mint": (t3 - t2) / n,
            WRITE: (t4 - t3) / n, START: start}


try:
    from kg.ingest import _WRITE_BATCH
except ImportError:  # kg before batched writes
    _WRITE_BATCH = 1
WRITE = "store write (batches)"
START = "start-up, once per process (s)"


def cpu_times() -> list[tuple[int, int]]:
    """(busy, total) jiffies of each core since boot, from /proc/stat ([] where there is none)."""
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name != "cpu":
            values = [int(v) for v in fields]
            idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
            total = sum(values[:8])  # user nice system idle iowait irq softirq steal
            out.append((total - idle, total))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--module", action="store_true",
                    help="run kg as 'python -m kg' (the kg on PYTHONPATH: another checkout) "
                         "instead of the installed kg command")
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
        installed = kg.exists() and not args.module
        cmd = [str(kg) if installed else sys.executable] + ([] if installed else ["-m", "kg"])
        cmd += ["build", str(reports), "--store", str(store), "--jobs", str(args.jobs), "--quiet"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cores_before = cpu_times()
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        secs_kg = time.perf_counter() - t
        cores_after = cpu_times()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if out.returncode != 0:
            print(out.stderr[-2000:])
        kg_rps = n / secs_kg
        print(f"{f'kg build --jobs {args.jobs}':40} {secs_kg:8.1f} {kg_rps:10.0f} {mb / secs_kg:7.2f} {tokens / secs_kg:10.0f}")
        cores = cpu / secs_kg
        print(f"kg build used {cpu:.1f} s of CPU in {secs_kg:.1f} s: {cores:.2f} cores busy on average "
              f"(target: at least 1.7): {'yes' if cores >= 1.7 else 'NO'}")
        if cores_before and len(cores_before) == len(cores_after):
            busy = [(b1 - b0) / max(1, t1 - t0) for (b0, t0), (b1, t1) in zip(cores_before, cores_after)]
            print("each core during the build (all processes on the box): "
                  + ", ".join(f"cpu{i} {b:.0%} busy" for i, b in enumerate(busy)))
        # The baseline once more, now that kg is done: the box's own speed drifts (other
        # tenants), and a ratio to one 4 s measurement drifts with it; the verdict uses both.
        secs_after, _, _ = baseline(files)
        base_after = n / secs_after
        print(f"{'baseline again, after the build':40} {secs_after:8.1f} {base_after:10.0f} {mb / secs_after:7.2f} {tokens / secs_after:10.0f}")
        ratio = (base_rps + base_after) / 2 / kg_rps
        print(f"kg is {ratio:.2f}x slower than the baseline (the mean of the two; {base_rps / kg_rps:.2f}x and "
              f"{base_after / kg_rps:.2f}x of each) (target: within 10x, goal 5x): "
              f"{'yes' if ratio <= 10 else 'NO'}{' (goal met)' if ratio <= 5 else ''}")
        # The same in the box's own units, whatever its speed that day: CPU a report over the
        # baseline's time a report (within 10x at this many cores busy allows 10x that many)
        base_ms = 2000 / (base_rps + base_after)
        print(f"kg's CPU a report: {1000 * cpu / n:.2f} ms, {1000 * cpu / n / base_ms:.1f}x the baseline's "
              f"{base_ms:.2f} ms (within 10x at {cores:.2f} cores busy allows {10 * cores:.1f}x)")
        sample = files[: min(300, n)]
        costs = stages(sample, Path(tmp) / "stage-store")
        print(f"where the time goes, one process, {len(sample)} reports (ms/report):")
        for stage, ms in costs.items():
            print(f"  {stage:32} {ms:6.2f}")
        work = costs["read"] + costs["extract"] + costs["resolve + mint"]
        print(f"  ceiling on 2 cores (workers read, extract and mint; the main process writes): "
              f"{1000 / max(costs[WRITE], (work + costs[WRITE]) / 2):.0f} reports/s")
        t = time.perf_counter()
        subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        print(f"rebuild with nothing changed: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
