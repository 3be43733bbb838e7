"""Extraction time against report size: is the work linear? (issue 14, item 4)

    python bench/large.py [--sizes 0.1 0.5 1 2] [--kind flat sentences]

Writes Dutch report text of each size in MB from bench/corpus.py's templates and times
``kg.extract.extract`` on it, one process:

* ``flat``: no sentence ends at all (every ``.``, ``!`` and ``?`` taken out, one line): the
  whole report is one sentence, the worst case for anything that looks at a sentence as a whole;
* ``sentences``: the same text with its sentences and paragraphs, as a long report has them.

Sizes above kg's per-report text limit (kg.files.MAX_REPORT_CHARS) are refused by kg; the
script says so instead of timing them. Linear work shows as a flat "s per MB" column.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def large_text(mb: float, kind: str = "flat", seed: int = 3) -> str:
    """About ``mb`` MB of report text (UTF-8 bytes) from the synthetic corpus's templates."""
    from bench.corpus import Generator

    gen = Generator(seed, n_orgs=2000)
    target = int(mb * 1_000_000)
    parts: list[str] = []
    size = 0
    i = 0
    while size < target:
        text = gen.report(i).text
        i += 1
        if kind == "flat":
            text = re.sub(r"[.!?…]", "", " ".join(text.split())) + " "
        else:
            text += "\n"
        parts.append(text)
        size += len(text.encode("utf-8"))
    data = "".join(parts).encode("utf-8")[:target]
    return data.decode("utf-8", errors="ignore")


def time_extract(text: str) -> tuple[float, int, int]:
    """Seconds to extract ``text`` (model included), with its sentences and relations."""
    from kg.extract import extract
    from kg.model import Document

    doc = Document(name="large.txt", text=text, kind="txt",
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    t = time.perf_counter()
    ext = extract(doc)
    return time.perf_counter() - t, len(ext.sentences), len(ext.candidates)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1, 2])
    ap.add_argument("--kind", choices=["flat", "sentences"], nargs="+", default=["flat", "sentences"])
    ap.add_argument("--write", type=Path, help="only write the texts into this folder")
    args = ap.parse_args()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for kind in args.kind:
            for mb in args.sizes:
                (args.write / f"{kind}-{mb:g}mb.txt").write_text(large_text(mb, kind), encoding="utf-8")
        return
    try:
        from kg.files import MAX_REPORT_CHARS
    except ImportError:  # kg before the limit
        MAX_REPORT_CHARS = None
    # spaCy's tables, the rules and the model load once per process: not part of any size's time
    time_extract("Stichting Welzijn Assen werkt samen met Humanitas.")
    print(f"{'text':10} {'MB':>5} {'s':>7} {'s per MB':>9} {'sentences':>9} {'relations':>9}")
    for kind in args.kind:
        for mb in args.sizes:
            text = large_text(mb, kind)
            if MAX_REPORT_CHARS is not None and len(text) > MAX_REPORT_CHARS:
                print(f"{kind:10} {mb:5g} refused: {len(text):,} characters, over kg's limit of "
                      f"{MAX_REPORT_CHARS:,} a report")
                continue
            secs, sents, rels = time_extract(text)
            print(f"{kind:10} {mb:5g} {secs:7.2f} {secs / mb:9.2f} {sents:9d} {rels:9d}", flush=True)


if __name__ == "__main__":
    main()
