"""Run extract + resolve on report files and write relations/entities TSV for kgeval.

    python bench/score_extraction.py FILE... --relations out.tsv --entities ents.tsv

All files go into one graph (entities of earlier files are passed as ``known``), like a store.
Negated relations are left out, as the graph leaves out their direct triple.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.extract import extract  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.resolve import Resolver, load_aliases  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--relations", required=True)
    ap.add_argument("--entities")
    a = ap.parse_args()
    aliases = load_aliases(Path(__file__).resolve().parent.parent / "data" / "aliases.tsv")
    entities: dict = {}
    rows: list[dict] = []
    t0 = time.perf_counter()
    for f in a.files:
        p = Path(f)
        text = p.read_text(encoding="utf-8")
        doc = Document(name=p.name, text=text, kind="txt",
                       sha256=hashlib.sha256(text.encode()).hexdigest(), path=p)
        known = {iri: (e.type, e.label) for iri, e in entities.items()}
        report = Resolver(aliases=aliases, known=known).resolve(extract(doc))
        for iri, e in report.entities.items():
            if iri in entities:
                entities[iri].aliases |= e.aliases
            else:
                entities[iri] = e
        for r in report.relations:
            if r.modality == "negated":
                continue
            s, o = report.entities[r.subject], report.entities[r.object]
            rows.append({"subject": s.label, "relation": r.relation, "object": o.label,
                         "subject_type": s.type, "object_type": o.type, "date": r.date or "",
                         "evidence": r.evidence.sentence.replace("\n", " ") if r.evidence else "",
                         "source": p.name, "rule": r.rule, "confidence": r.confidence})
    dt = time.perf_counter() - t0
    with open(a.relations, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["subject", "relation", "object"],
                           delimiter="\t")
        w.writeheader()
        w.writerows(rows)
    if a.entities:
        with open(a.entities, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["label", "type", "aliases", "identifiers"])
            for e in entities.values():
                w.writerow([e.label, e.type, "|".join(sorted(e.aliases)),
                            "|".join(f"{k}:{v}" for k, v in e.identifiers.items())])
    print(f"{len(a.files)} file(s), {len(rows)} relations, {len(entities)} entities, {dt:.2f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
