"""Check that no annotated text leaked into what the extractor uses.

The extractor's rules must be about Dutch, never about one text: no name, pair or sentence of
an annotated text may stand in ``kg/`` (code, comments, rule examples, lexicons). This prints

* every run of six words that ``kg/`` shares with a text of the annotated set, and
* every gold organisation or person name (labels and aliases of five letters or more) that
  stands in ``kg/`` as a whole word,

and exits 1 when it found any. Common names of national organisations and places may show up
as names; judge those by hand.

    python scripts/check_text_leaks.py ../shared/dev
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N = 6


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def _runs(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i:i + N]) for i in range(len(w) - N + 1)}


def _gold_names(folder: Path) -> set[str]:
    names: set[str] = set()
    path = folder / "entities.tsv"
    if not path.exists():
        return names
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("type") not in ("Organisation", "Person", "Cooperative", "Partnership", "Pilot"):
                continue
            for n in [row["label"], *(row.get("aliases") or "").split("|")]:
                if len(n) >= 5 and "*" not in n:
                    names.add(n)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path, help="folder of annotated texts (*.txt, entities.tsv)")
    args = ap.parse_args(argv)
    if not args.texts.is_dir():
        print(f"error: {args.texts} is no folder", file=sys.stderr)
        return 2
    runs: dict[tuple[str, ...], str] = {}
    for path in sorted(args.texts.glob("*.txt")):
        for r in _runs(path.read_text(encoding="utf-8")):
            runs.setdefault(r, path.name)
    names = _gold_names(args.texts)
    found = 0
    for path in sorted((ROOT / "kg").rglob("*")):
        if path.suffix not in (".py", ".toml", ".tsv", ".json", ".ttl") or "gazetteer" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        for r in sorted(_runs(text) & runs.keys()):
            print(f"{rel}: shares '{' '.join(r)}' with {runs[r]}")
            found += 1
        for n in sorted(names):
            if re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text):
                print(f"{rel}: names '{n}'")
                found += 1
    print(f"{found} finding(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
