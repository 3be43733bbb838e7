"""Gazetteers of Dutch places: municipalities (current and former) and provinces.

Reads ``municipalities-nl.tsv`` (code, name, status, ended, succeeded_by) and
``provinces-nl.tsv`` (code, name), shipped in the package as ``kg/data/gazetteer/`` (or from a
folder of your own). A missing file is an error: without it places would silently go unfound. Lookups go through
:func:`kg.text.normalise_name`, so "gemeente Assen", "Assen" and "ASSEN" meet; a fuzzy lookup
(rapidfuzz) catches misspellings such as "Noorderveld" for Noordenveld, with a threshold that
keeps short names apart.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.resources import resource_dir
from kg.text import name_key

#: The gazetteer files, in the package's ``data/gazetteer/`` folder or a folder of your own.
MUNICIPALITIES_FILE = "municipalities-nl.tsv"
PROVINCES_FILE = "provinces-nl.tsv"

#: Other names Dutch writers use for a municipality or province (general geography, not report
#: facts): normalised alternative -> official name in the gazetteer.
_ALTERNATIVE_NAMES = {
    "Friesland": "Fryslân",
    "Den Haag": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    code: str  #: CBS code, GM0106 or PV22
    name: str  #: official name
    type: str  #: "Municipality" or "Province"
    status: str = "current"  #: current | former
    ended: str = ""
    succeeded_by: str = ""

    @property
    def iri_path(self) -> str:
        return ("municipality/" if self.type == "Municipality" else "province/") + self.code.lower()


def _rank(p: Place) -> tuple[bool, bool]:
    """Lookup order: municipalities before provinces, current before former ones."""
    return p.type != "Municipality", p.status != "current"


class Gazetteer:
    """Municipalities and provinces, looked up by normalised name."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        if data_dir is None:
            gdir = resource_dir("data", "gazetteer")
        else:
            base = Path(data_dir)
            gdir = base / "gazetteer" if (base / "gazetteer").is_dir() else base
        self.places: list[Place] = []
        for row in _read_tsv(gdir / MUNICIPALITIES_FILE):
            self.places.append(Place(row["code"], row["name"], "Municipality",
                                     row.get("status") or "current", row.get("ended", ""),
                                     row.get("succeeded_by", "")))
        for row in _read_tsv(gdir / PROVINCES_FILE):
            self.places.append(Place(row["code"], row["name"], "Province"))
        self._by_key: dict[str, list[Place]] = {}
        self._by_code: dict[str, Place] = {}
        for p in self.places:
            self._by_key.setdefault(name_key(p.name), []).append(p)
            self._by_code[p.code.upper()] = p
        for alt, official in _ALTERNATIVE_NAMES.items():
            for p in self._by_key.get(name_key(official), []):
                self._by_key.setdefault(name_key(alt), []).append(p)
        self._all_names: tuple[str, ...] | None = None
        #: the places of each key in lookup order, sorted once (lookups come by the thousand)
        self._ranked = {k: sorted(ps, key=_rank) for k, ps in self._by_key.items()}
        self._choices: dict[str | None, dict[str, str]] = {}  #: fuzzy() candidates by type

    def __len__(self) -> int:
        return len(self.places)

    def by_code(self, code: str) -> Place | None:
        return self._by_code.get(code.upper())

    def lookup(self, name: str, type: str | None = None) -> list[Place]:
        """Exact lookup on the normalised name; municipalities before provinces."""
        found = self._ranked.get(name_key(name), ())
        if type:
            return [p for p in found if p.type == type]
        return list(found)

    def lookup_one(self, name: str, type: str | None = None) -> Place | None:
        """The first place of :meth:`lookup`, found without making its list (asked by the thousand)."""
        for p in self._ranked.get(name_key(name), ()):
            if not type or p.type == type:
                return p
        return None

    def fuzzy(self, name: str, type: str | None = None, threshold: float = 88.0) -> Place | None:
        """The place whose name is closest to ``name``, if close enough and unambiguous.

        Short names need an exact match (one letter changes a short name into another place);
        the best match must beat the runner-up clearly.
        """
        exact = self.lookup_one(name, type)
        if exact:
            return exact
        key = name_key(name)
        if len(key) < 6:
            return None
        from rapidfuzz import fuzz, process

        choices = self._choices.get(type)
        if choices is None:  # the same few types every time: made once for each
            choices = self._choices[type] = {k: k for k, ps in self._by_key.items()
                                             if not type or any(p.type == type for p in ps)}
        hits = process.extract(key, choices, scorer=fuzz.ratio, limit=2)
        if not hits or hits[0][1] < threshold:
            return None
        if len(hits) > 1 and hits[1][1] >= hits[0][1] - 3 and hits[1][0] != hits[0][0]:
            return None
        return self.lookup_one(hits[0][0], type)

    def all_names(self) -> list[str]:
        """Every official and alternative name (for building a matcher), longest first."""
        if self._all_names is None:  # asked for once per document: sorted once
            names = {p.name for p in self.places}
            names.update(_ALTERNATIVE_NAMES)
            self._all_names = tuple(sorted(names, key=len, reverse=True))
        return list(self._all_names)


def _read_tsv(path) -> list[dict[str, str]]:
    """Rows of a gazetteer TSV (a Path or a packaged file); a missing file is an error."""
    if not path.is_file():
        raise KgError(f"gazetteer file not found: {path}")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [{k: (v or "").strip() for k, v in r.items() if k} for r in rows]


@lru_cache(maxsize=4)
def default_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The gazetteer shipped with kg, or the one in ``data_dir`` (cached)."""
    return Gazetteer(data_dir)
