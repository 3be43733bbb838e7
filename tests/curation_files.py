"""Curation files as a person writes them by hand, for the curation tests: every row as given,
with no spreadsheet escaping (tests of bad rows need "-3" to stay "-3")."""

from __future__ import annotations

import csv
from pathlib import Path

from kg.curate import COLUMNS


def write_curation_file(path: Path, rows: list[dict]) -> Path:
    """Write ``rows`` (dicts keyed by curation column; missing columns empty) to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({c: r.get(c, "") for c in COLUMNS})
    return path
