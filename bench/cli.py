"""Wall time of the command line: ``kg --help`` and ``kg query --name NAME`` on the default store.

    python bench/cli.py [--runs 7] [--name reports]

Builds the seed reports into ``.kg`` in a temporary working directory first (the default
store), then runs each command ``--runs`` times in a fresh process. Targets: under 0.5 s
for ``kg --help`` and under 1.0 s for ``kg query --name ...``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kg_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def timed(cmd: list[str], cwd: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {out.stderr.strip()}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--name", default="reports")
    args = ap.parse_args()
    kg = kg_cmd()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "data" / "reports", work / "reports")
        subprocess.run(kg + ["build", "reports", "--quiet"], cwd=work, check=True, env=dict(os.environ))
        rows = [
            ("kg --help", kg + ["--help"], 0.5),
            (f"kg query --name {args.name}", kg + ["query", "--name", args.name, "--format", "csv"], 1.0),
        ]
        print(f"{'command':32} {'median s':>9} {'max s':>7} {'target s':>9}  ok")
        for label, cmd, target in rows:
            ts = timed(cmd, work, args.runs)
            med = statistics.median(ts)
            print(f"{label:32} {med:9.3f} {max(ts):7.3f} {target:9.1f}  {'yes' if med < target else 'NO'}")


if __name__ == "__main__":
    main()
