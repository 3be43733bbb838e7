"""Teaching the relation model: annotated texts and curations become training examples.

* :func:`examples_from_gold`: a text with gold annotations (the format of ../shared/eval and
  ``kg eval``: entities and relations TSV with an ``id`` column naming the text) gives one
  example per candidate pair, labelled per relation by what the gold says of the two mentions:
  a required relation is 1, an optional one does not count, anything else is 0.
* :func:`examples_from_curation`: a review TSV a user filled in (``kg review``) does the same
  for their own report: ``accept``, ``correct`` and ``add`` rows are relations, ``reject``
  rows are not.
* :func:`train_model` fits the model (:func:`kg.relation_model.train`) on such examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from kg.errors import InputError
from kg.model import SYMMETRIC_RELATIONS, Document
from kg.relation_model import Example, RelationModel, train
from kg.scoring import GoldIndex, GoldSet, gold_triple, read_tsv


@dataclass
class Prepared:
    """A text read and run through every component but the model (see kg.extract.prepare)."""

    name: str
    context: object


def prepare_text(path: Path, name: str | None = None) -> Prepared:
    from kg.extract import prepare
    from kg.read import read_document

    doc: Document = read_document(path, name=name)
    return Prepared(name=doc.name, context=prepare(doc))


def _label(gs: GoldSet, s_names: Sequence[str], o_names: Sequence[str], rel: str) -> int | None:
    s = next((g for g in map(gs.index.match, s_names) if g), None)
    o = next((g for g in map(gs.index.match, o_names) if g), None)
    if s is None or o is None:
        if s is not None and (s, rel) in gs.any_object:
            return None
        return 0
    if (s, rel) in gs.any_object:
        return None
    k = gold_triple(s, rel, o)
    if k in gs.required:
        return 1
    if k in gs.optional:
        return None
    return 0


def examples_from_gold(prepared: Prepared, gold: GoldSet) -> list[Example]:
    """Label every candidate pair of a prepared text by its gold."""
    out = []
    for inst in prepared.context.memory["pair_instances"]:
        s_names = [inst.subject.name, inst.subject.text]
        o_names = [inst.object.name, inst.object.text]
        labels = {r: _label(gold, s_names, o_names, r) for r in inst.relations}
        for r in SYMMETRIC_RELATIONS & set(inst.relations):
            if _label(gold, o_names, s_names, r) == 1:  # read the other way round (an any-object row)
                labels[r] = 1
        out.append(Example(inst.features, inst.relations, labels))
    return out


def gold_for(gold_entities: Path, gold_relations: Path) -> tuple[list[dict], list[dict]]:
    ents, rels = read_tsv(gold_entities), read_tsv(gold_relations)
    if rels and "id" not in rels[0]:
        raise InputError(f"{gold_relations}: needs an 'id' column naming the text of each row")
    return ents, rels


def examples_from_curation(prepared: Prepared, rows: Sequence[dict[str, str]]) -> list[Example]:
    """Label the candidate pairs of a report by the user's decisions in its review TSV.

    ``accept``, ``correct`` and ``add`` rows are relations (1), ``reject`` rows are not (0);
    a pair nobody decided on says nothing (no label), since a review is seldom exhaustive.
    """
    yes, no = set(), set()
    names = []
    for r in rows:
        decision = (r.get("decision") or "").strip().lower()
        if decision not in ("accept", "correct", "add", "reject"):
            continue
        s, rel, o = r.get("subject", ""), r.get("relation", ""), r.get("object", "")
        names += [{"label": s, "type": ""}, {"label": o, "type": ""}]
        (no if decision == "reject" else yes).add((s, rel, o))
    index = GoldIndex(names)

    def key(s: str, rel: str, o: str):
        return gold_triple(index.match(s) or s, rel, index.match(o) or o)

    yes_keys = {key(*t) for t in yes}
    no_keys = {key(*t) for t in no} - yes_keys
    out = []
    for inst in prepared.context.memory["pair_instances"]:
        s = index.match(inst.subject.name) or index.match(inst.subject.text)
        o = index.match(inst.object.name) or index.match(inst.object.text)
        labels: dict[str, int | None] = {}
        for rel in inst.relations:
            k = gold_triple(s, rel, o) if s and o else None
            labels[rel] = 1 if k in yes_keys else 0 if k in no_keys else None
        if any(v is not None for v in labels.values()):
            out.append(Example(inst.features, inst.relations, labels))
    return out


def train_user_model(examples: Iterable[Example], *, meta: dict | None = None) -> RelationModel:
    """A user's model: trained on their examples, on top of the shipped model."""
    from kg.relation_model import shipped

    examples = list(examples)
    if not any(v == 1 for ex in examples for v in ex.labels.values()):
        raise InputError("no relation to learn from: the annotations or curations name no relation "
                         "that kg found as a candidate pair")
    return train(examples, c=1.0, meta=meta, base=shipped())


def relation_rows(extraction, resolver=None) -> list[dict[str, str]]:
    """A resolved extraction's relations as export rows (what ``kg export relations`` gives for
    a store holding only this report), with rule and confidence."""
    from kg.resolve import Resolver

    report = (resolver or Resolver(aliases={})).resolve(extraction)
    out = []
    for r in report.relations:
        if r.modality == "negated":
            continue
        s, o = report.entities[r.subject], report.entities[r.object]
        out.append({"subject": s.label, "relation": r.relation, "object": o.label,
                    "subject_type": s.type, "object_type": o.type, "date": r.date or "",
                    "rule": r.rule, "confidence": f"{r.confidence:.2f}",
                    "evidence": r.evidence.sentence if r.evidence else ""})
    return out


def leave_one_text_out_models(prepared: dict[str, Prepared], examples: dict[str, list[Example]],
                               extra: Sequence[Example] = (), *, c: float) -> dict[str, RelationModel]:
    """text id -> a model trained on every other text (and ``extra``), never on the text itself."""
    out = {}
    for tid in prepared:
        train_ex = [ex for other, exs in examples.items() if other != tid for ex in exs] + list(extra)
        out[tid] = train(train_ex, c=c)
    return out


def decided_rows(prepared: dict[str, Prepared], models: dict[str, RelationModel], *, threshold: float,
                 rule_threshold: float) -> dict[str, list[dict[str, str]]]:
    """text id -> its relation rows as its own model decides them at these thresholds
    (confidences: the models' raw probabilities)."""
    from kg.extract import decide

    out = {}
    for tid, prep in prepared.items():
        model = models[tid]
        model.threshold, model.rule_threshold = threshold, rule_threshold
        out[tid] = relation_rows(decide(prep.context, model))
    return out


def leave_one_text_out(prepared: dict[str, Prepared], examples: dict[str, list[Example]],
                       extra: Sequence[Example] = (), *, c: float, threshold: float,
                       rule_threshold: float) -> dict[str, list[dict[str, str]]]:
    """text id -> its relation rows, decided by a model trained on every other text (and
    ``extra``), never on the text itself. Confidences are the model's raw probabilities."""
    models = leave_one_text_out_models(prepared, examples, extra, c=c)
    return decided_rows(prepared, models, threshold=threshold, rule_threshold=rule_threshold)


def calibration_points(rows: dict[str, list[dict[str, str]]], golds: dict[str, GoldSet]
                       ) -> dict[str, list[tuple[str, str, int]]]:
    """text id -> (relation, rule id or "model", right) of each row the gold judges."""
    out: dict[str, list[tuple[str, str, int]]] = {}
    for tid, rs in rows.items():
        pts = []
        for r in rs:
            verdict, _ = golds[tid].judge(r["subject"], r["relation"], r["object"], r["object_type"])
            if verdict != "free":
                rule = "model" if r["rule"] == "model" else r["rule"].split("|")[0]
                pts.append((r["relation"], rule, int(verdict == "tp")))
        out[tid] = pts
    return out


__all__ = ["relation_rows", "leave_one_text_out", "leave_one_text_out_models", "decided_rows",
           "calibration_points", "Prepared", "prepare_text", "examples_from_gold", "examples_from_curation",
           "train_user_model", "gold_for"]
