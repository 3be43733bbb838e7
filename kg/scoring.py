"""Score extraction against a gold annotation (``kg eval``).

The gold is two TSV files in the format of ../shared/eval: entities (``label, type,
aliases, identifiers, status``) and relations (``subject, relation, object, date, status``),
optionally with an ``id`` column naming the text. Matching follows the annotation guide:

* labels are compared case- and accent-blind, hyphens and spaces folded, leading articles
  and the words gemeente, provincie, stichting, wijk, coöperatie, organisatie dropped;
* gold aliases may hold ``*`` wildcards;
* ``partnerOf`` matches in either direction;
* ``required`` rows count; ``optional`` rows and ``*`` objects cost nothing either way;
* ``dates=k/n`` counts the required dated relations whose predicted date is right.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import SYMMETRIC_RELATIONS
from kg.text import normalise_name

_DROP = re.compile(r"^(de|het|een|the|gemeente|provincie|stichting|wijk|cooperatie|organisatie)\s+")


def gold_key(label: str) -> str:
    """The normal form under which gold and predicted labels are compared (keeps ``*``)."""
    return normalise_name(label, drop=_DROP, keep="*&'")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """A CSV or TSV file with a header, as lower-cased keys and stripped values."""
    from kg.files import read_text

    text = read_text(path, what="gold file")
    first = text.splitlines()[0] if text.strip() else ""
    delim = "\t" if first.count("\t") >= first.count(",") else ","
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delim))
    return [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in rows]


class GoldIndex:
    """The gold entities' names and aliases, to map a predicted label to a gold entity."""

    def __init__(self, entities: list[dict[str, str]]):
        self.types = {e["label"]: e.get("type", "") for e in entities}
        self.exact: dict[str, str] = {}
        self.wild: list[tuple[str, str]] = []
        for e in entities:
            for name in [e["label"]] + [a for a in e.get("aliases", "").split("|") if a]:
                pattern = "*".join(gold_key(chunk) for chunk in name.split("*"))
                if "*" in pattern:
                    self.wild.append((pattern, e["label"]))
                else:
                    self.exact.setdefault(pattern, e["label"])

    def match(self, label: str) -> str | None:
        key = gold_key(label)
        if key in self.exact:
            return self.exact[key]
        for pattern, gold in self.wild:
            if fnmatch.fnmatchcase(key, pattern):
                return gold
        return None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


@dataclass
class EvalResult:
    relations: Score
    dates_right: int
    dates_needed: int
    entities: Score | None = None
    entities_typed: int = 0
    entities_required: int = 0
    missed_relations: list[str] = field(default_factory=list)
    extra_relations: list[str] = field(default_factory=list)
    missed_entities: list[str] = field(default_factory=list)
    extra_entities: list[str] = field(default_factory=list)

    def render(self, quiet: bool = False) -> str:
        r = self.relations
        lines = [
            f"relations: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f} "
            f"(tp={r.tp} fp={r.fp} fn={r.fn}) dates={self.dates_right}/{self.dates_needed}"
        ]
        if self.entities:
            e = self.entities
            lines.append(
                f"entities: P={e.precision:.3f} R={e.recall:.3f} F1={e.f1:.3f} "
                f"typed={self.entities_typed}/{self.entities_required} (tp={e.tp} fp={e.fp} fn={e.fn})"
            )
        if not quiet:
            if self.entities:
                lines.append("entities missed: " + "; ".join(self.missed_entities))
                lines.append("entities extra: " + "; ".join(self.extra_entities))
            lines.append("relations missed:")
            lines += [f"  {m}" for m in self.missed_relations]
            lines.append("relations extra:")
            lines += [f"  {x}" for x in self.extra_relations]
        return "\n".join(lines)


@dataclass
class GoldSet:
    """Gold relations of some texts, ready to judge predicted rows one by one."""

    index: GoldIndex
    required: set[tuple[str, str, str]]
    optional: set[tuple[str, str, str]]
    any_object: set[tuple[str, str]]
    dates: dict[tuple[str, str, str], str]

    @classmethod
    def of(cls, gold_entities: list[dict[str, str]], gold_relations: list[dict[str, str]],
           ids: list[str] | None = None) -> "GoldSet":
        wanted = set(ids or [])
        gents = [e for e in gold_entities if not wanted or e.get("id") in wanted]
        grels = [r for r in gold_relations if not wanted or r.get("id") in wanted]

        def optional(r: dict[str, str]) -> bool:
            return r.get("status") == "optional" or r["object"] == "*"

        return cls(
            index=GoldIndex(gents),
            required={gold_triple(r["subject"], r["relation"], r["object"]) for r in grels if not optional(r)},
            optional={gold_triple(r["subject"], r["relation"], r["object"]) for r in grels if optional(r)},
            any_object={(r["subject"], r["relation"]) for r in grels if r["object"] == "*"},
            dates={gold_triple(r["subject"], r["relation"], r["object"]): r["date"]
                   for r in grels if r.get("date")},
        )

    def judge(self, subject: str, relation: str, obj: str, object_type: str = "") -> tuple[str, tuple | None]:
        """``("tp", key)`` for a required gold relation, ``("free", key)`` for an optional one
        (or an any-object pilot), ``("fp", None)`` for anything else."""
        rel = relation.split("#")[-1].split("/")[-1].split(":")[-1]
        s, o = self.index.match(subject), self.index.match(obj)
        if s and (s, rel) in self.any_object and "pilot" in (object_type or "pilot").lower():
            return "free", None
        if s and o:
            k = gold_triple(s, rel, o)
            if k in self.required:
                return "tp", k
            if k in self.optional:
                return "free", k
        return "fp", None


def gold_triple(s: str, rel: str, o: str) -> tuple[str, str, str]:
    """A relation as the gold compares it: symmetric relations in one order."""
    if rel in SYMMETRIC_RELATIONS and o < s:
        s, o = o, s
    return (s, rel, o)


def evaluate(
    predicted_relations: list[dict[str, str]],
    gold_entities: list[dict[str, str]],
    gold_relations: list[dict[str, str]],
    predicted_entities: list[dict[str, str]] | None = None,
    ids: list[str] | None = None,
) -> EvalResult:
    """Score predicted relation (and entity) rows against the gold rows."""
    wanted = set(ids or [])
    gents = [e for e in gold_entities if not wanted or e.get("id") in wanted]
    gs = GoldSet.of(gold_entities, gold_relations, ids)
    gold, required = gs.index, gs.required
    gold_dates = gs.dates

    found: set[tuple[str, str, str]] = set()
    dated: set[tuple[str, str, str]] = set()
    extras: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for p in predicted_relations:
        s_label, o_label = p.get("subject", ""), p.get("object", "")
        rel = p.get("relation", "").split("#")[-1].split("/")[-1].split(":")[-1]
        raw = (gold_key(s_label), rel, gold_key(o_label))
        if raw in seen:
            continue
        seen.add(raw)
        verdict, k = gs.judge(s_label, rel, o_label, p.get("object_type", "pilot"))
        if verdict == "tp":
            found.add(k)
            if k in gold_dates and (p.get("date") or "")[:10] == gold_dates[k]:
                dated.add(k)
        elif verdict == "fp":
            extras.append(f"{s_label} --{rel}--> {o_label}")

    tp, fn = len(found), len(required - found)
    result = EvalResult(
        relations=Score(*_prf(tp, len(extras), fn), tp=tp, fp=len(extras), fn=fn),
        dates_right=len(dated),
        dates_needed=len({k for k in gold_dates if k in required}),
        missed_relations=[f"{s} --{r}--> {o}" for s, r, o in sorted(required - found)],
        extra_relations=extras,
    )
    if predicted_entities is not None:
        req = {e["label"] for e in gents if e.get("status", "required") != "optional"}
        hit: set[str] = set()
        typed: set[str] = set()
        extra_e: list[str] = []
        for pe in predicted_entities:
            g = gold.match(pe.get("label", ""))
            if g is None:
                extra_e.append(f"{pe.get('label')} ({pe.get('type')})")
                continue
            hit.add(g)
            if pe.get("type", "").split("#")[-1].split(":")[-1].lower() == gold.types.get(g, "").lower():
                typed.add(g)
        etp, efn = len(hit & req), len(req - hit)
        result.entities = Score(*_prf(etp, len(extra_e), efn), tp=etp, fp=len(extra_e), fn=efn)
        result.entities_typed = len(typed & req)
        result.entities_required = len(req)
        result.missed_entities = sorted(req - hit)
        result.extra_entities = extra_e
    return result


def evaluate_store(store, gold_entities: Path, gold_relations: Path, ids: list[str] | None = None) -> EvalResult:
    """Score what the store holds against gold files."""
    from dataclasses import asdict

    from kg.exports import entities, relations

    return evaluate(
        [asdict(r) for r in relations(store)],
        read_tsv(gold_entities),
        read_tsv(gold_relations),
        predicted_entities=[asdict(e) for e in entities(store)],
        ids=ids,
    )
