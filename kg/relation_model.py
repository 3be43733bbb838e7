"""The relation model: which candidate pairs of mentions stand in which relation.

One logistic regression per relation over the string features of
:class:`kg.extract.pairs.PairInstance` (lemmas around and between the pair, types, order, list
structure, which rules proposed what). Weights live in a small JSON file:

* the shipped model, ``kg/data/relation-model.json``, rebuilt by
  ``scripts/train_relation_model.py`` from annotated real texts with fixed seeds;
* a user's own model, trained by ``kg train`` from their annotations or curations and stored
  beside their data; ``kg build`` uses it when it is there, and never overwrites the shipped one.

Scoring needs only the JSON and plain Python; training uses scikit-learn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Iterable, Sequence

from kg.errors import InputError

#: Format version of the weights file.
FORMAT = 1
#: Where the shipped weights are, inside the package.
SHIPPED = "relation-model.json"
#: Inverse regularisation of the shipped model, chosen leave-one-text-out on real texts.
TRAIN_C = 0.1
#: ``kg review`` also lists the candidates the model gives at least this probability.
SUGGEST = 0.2


#: No confidence is certainty: a precision measured on a few dozen relations says at most 0.99
#: (two decimals), whatever the count.
MAX_CONFIDENCE = 0.99


@dataclass
class RelationModel:
    """Weights of one binary classifier per relation, and the decision threshold."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: float = 0.5  #: for a pair no rule proposed the relation for
    rule_threshold: float = 0.5  #: for a pair a rule proposed the relation for
    meta: dict = field(default_factory=dict)
    #: A user's model builds on the shipped one: it reads the shipped model's probability as a
    #: feature, so where their few examples say nothing the shipped model's judgement stands.
    base: "RelationModel | None" = None
    #: Measured precision per relation, for a rule's pairs and for the model's own, and per
    #: rule: {"locatedIn": {"rule": 0.6, "model": 0.5, "all": 0.55}, ...,
    #: "_rules": {"locatedIn:org-in-place": 0.45, ...}} (leave-one-text-out on real texts).
    calibration: dict | None = None
    #: Relations whose measured precision is below this are not stated (``kg review`` still
    #: lists them as suggestions).
    min_precision: float = 0.0

    def confidence(self, p: float, from_rule: bool, relation: str, rule: str | None = None) -> float:
        """What a relation's confidence says: the precision measured on real texts for
        relations found the same way (by that rule, else by rules or the model for that relation),
        so ``--min-confidence 0.8`` keeps what was right 8 times in 10. Without a calibration,
        the model's probability."""
        cal = self.calibration or {}
        table = cal.get(relation)
        if from_rule and rule and rule in cal.get("_rules", {}):
            value = cal["_rules"][rule]
        elif table:
            value = table.get("rule" if from_rule else "model", table.get("all", p))
        else:
            value = p
        return min(float(value), MAX_CONFIDENCE)

    def probabilities(self, features: Iterable[str], relations: Sequence[str]) -> dict[str, float]:
        """P(relation | pair) for each relation the pair may stand in."""
        return self.probabilities_reaching(features, relations, None)

    def probabilities_reaching(self, features: Iterable[str], relations: Sequence[str],
                               floor: float | None) -> dict[str, float]:
        """The probabilities of :meth:`probabilities` that are at least ``floor`` (``None``:
        all), the very same values in the same order. Most pairs reach no threshold: a
        relation whose weights surely keep it below ``floor`` is left out without being
        scored exactly."""
        feats = set(features)
        if self.base is not None:
            feats |= prior_features(self.base.probabilities(feats, relations))
        out: dict[str, float] = {}
        table, exp, fsum = self._table(), math.exp, math.fsum
        # the pair's weights, one row per feature (each relation's weight of it, 0.0 where it
        # has none), read as one column per relation: one lookup per feature, not one per
        # feature and relation
        columns = list(zip(*map(table.rows.get, feats, table.zero_rows))) or table.no_columns
        cutoffs = table.cutoffs(floor) if floor is not None else None
        for rel in relations:
            i = table.index.get(rel)
            if i is None:
                continue
            column = columns[i]
            if cutoffs is not None and sum(column) < cutoffs[i]:
                continue  # surely below the floor, whatever the last bits of the exact sum
            # fsum: the exactly rounded sum, the same whatever order the features come in
            # (their order follows the process's string hashing, and a plain sum's last bits
            # with it: one build could score a pair a hair apart from the next)
            z = table.biases[i] + fsum(column)
            # clamped to [-30, 30] as max(-30.0, min(30.0, z)) would, without two calls
            z = z if z < 30.0 else 30.0
            z = z if z > -30.0 else -30.0
            p = 1.0 / (1.0 + exp(-z))
            if floor is None or p >= floor:
                out[rel] = p
        if self.base is not None:  # relations the user's data taught nothing about
            missing = [rel for rel in relations if rel not in self.weights]
            if missing:
                out.update(self.base.probabilities_reaching(feats, missing, floor))
        return out

    def _table(self) -> "_Table":
        """The weights as rows per feature: made once per model, not once per pair (made
        again only when the model is given other weights or biases)."""
        table = self.__dict__.get("_scoring")
        if table is None or table.weights is not self.weights or table.bias is not self.bias:
            table = self.__dict__["_scoring"] = _Table(self.weights, self.bias)
        return table

    # -- files ------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"format": FORMAT, "base": "shipped" if self.base is not None else None,
                "calibration": self.calibration, "min_precision": self.min_precision, "threshold": self.threshold, "rule_threshold": self.rule_threshold,
                "meta": self.meta,
                "bias": self.bias, "weights": self.weights}

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=0),
                       encoding="utf-8")
        tmp.replace(path)
        return path

    @classmethod
    def from_json(cls, data: dict, where: str) -> "RelationModel":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"{where}: not a kg relation model (format {FORMAT})")
        try:
            model = cls(weights={r: {f: float(w) for f, w in ws.items()} for r, ws in data["weights"].items()},
                       bias={r: float(b) for r, b in data["bias"].items()},
                       threshold=float(data["threshold"]),
                       rule_threshold=float(data.get("rule_threshold", data["threshold"])),
                       meta=dict(data.get("meta", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"{where}: a broken relation model ({exc})") from exc
        if data.get("base") == "shipped":
            model.base = shipped()
        model.calibration = data.get("calibration")
        model.min_precision = float(data.get("min_precision", 0.0))
        return model

    @classmethod
    def load(cls, path: str | Path) -> "RelationModel":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot read the relation model ({exc})") from exc
        return cls.from_json(data, str(path))


class _Table:
    """A model's weights for scoring: per feature a row of its weight for each relation (in
    the order of ``index``), and each relation's bias."""

    def __init__(self, weights: dict[str, dict[str, float]], bias: dict[str, float]) -> None:
        self.weights, self.bias = weights, bias  # what the table was made of
        self.index = {rel: i for i, rel in enumerate(weights)}
        self.biases = [bias[rel] for rel in weights]
        tables = list(weights.values())
        features = dict.fromkeys(f for ws in tables for f in ws)  # in a fixed order
        self.rows = {f: tuple([ws.get(f, 0.0) for ws in tables]) for f in features}
        #: the row of a feature no relation weighs, endless (``map`` stops at the end of the features)
        self.zero_rows = repeat((0.0,) * len(weights))
        #: the columns of a pair with no features
        self.no_columns = [()] * len(weights)
        self._cutoffs: dict[float, list[float] | None] = {}

    def cutoffs(self, floor: float) -> list[float] | None:
        """Per relation, a sum of a pair's weights below which its probability surely stays
        below ``floor``, however the sum is rounded (``None``: a floor too near 0 or 1 to be
        worth a bound).

        A plain float sum of a pair's weights, in any order, is off the exact sum by at most
        ``n * 2**-53`` times the sum of their sizes (``n`` terms; zeros add nothing): the
        ``slack`` below bounds that for every pair, from all the relation's weights, with room
        for rounding the bias and the bound itself. For a floor at least 1e-4 from 0 and 1, a
        logit a further ``1e-6`` below the floor's gives a probability at least 1e-10 below the
        floor, far beyond the rounding of the sigmoid (a few times 1e-16)."""
        if floor in self._cutoffs:
            return self._cutoffs[floor]
        found = None
        if 1e-4 <= floor <= 1 - 1e-4:
            logit = math.log(floor / (1.0 - floor))
            found = []
            for ws, b in zip(self.weights.values(), self.biases):
                slack = 4 * (len(ws) + 2) * 2.0**-53 * (math.fsum(map(abs, ws.values())) + abs(b) + 16)
                found.append(logit - b - 1e-6 - slack)
        self._cutoffs[floor] = found
        return found


@lru_cache(maxsize=1)
def shipped() -> RelationModel:
    """The model shipped inside the package."""
    from kg.resources import read_text

    try:
        data = json.loads(read_text("data", SHIPPED))
    except ValueError as exc:
        raise InputError(f"the shipped relation model kg/data/{SHIPPED} is broken ({exc}); "
                         "reinstall kg") from exc
    return RelationModel.from_json(data, f"kg/data/{SHIPPED}")


def prior_features(probs: dict[str, float]) -> set[str]:
    """The base model's judgement as features: its probability per relation, in tenths."""
    return {f"prior:{rel}={min(9, int(p * 10))}" for rel, p in probs.items()}


# -- training ----------------------------------------------------------------------------
@dataclass
class Example:
    """A pair instance with what the gold says of it: per relation 1, 0, or None (no matter)."""

    features: list[str]
    relations: tuple[str, ...]
    labels: dict[str, int | None]


def train(examples: Sequence[Example], *, c: float = 0.3, min_count: int = 2,
          threshold: float = 0.5, meta: dict | None = None,
          base: RelationModel | None = None) -> RelationModel:
    """Fit one L2 logistic regression per relation (scikit-learn's liblinear, fixed seed).

    With ``base`` (the shipped model) each example also carries the base model's probabilities
    as features, and the new model keeps the base's thresholds.
    """
    if base is not None:
        examples = [Example(list(ex.features) + sorted(prior_features(base.probabilities(ex.features, ex.relations))),
                            ex.relations, ex.labels) for ex in examples]
        min_count = 1
    from collections import Counter

    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise InputError("training needs scikit-learn: pip install scikit-learn") from exc

    counts = Counter(f for ex in examples for f in set(ex.features))
    keep = {f for f, n in counts.items() if n >= min_count}
    relations = sorted({r for ex in examples for r in ex.relations})
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for rel in relations:
        rows = [(ex, ex.labels.get(rel)) for ex in examples if rel in ex.relations]
        rows = [(ex, y) for ex, y in rows if y is not None]
        ys = [y for _, y in rows]
        if sum(ys) < 2 or sum(ys) == len(ys):
            continue  # nothing to learn for this relation from this data
        vec = DictVectorizer()
        x = vec.fit_transform([{f: 1 for f in ex.features if f in keep} for ex, _ in rows])
        x.indices = x.indices.astype("int32")  # liblinear takes 32-bit sparse indices only
        x.indptr = x.indptr.astype("int32")
        clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=2000)
        clf.fit(x, ys)
        names = vec.get_feature_names_out()
        weights[rel] = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-4}
        bias[rel] = round(float(clf.intercept_[0]), 4)
    model = RelationModel(weights=weights, bias=bias, threshold=threshold, meta=dict(meta or {}), base=base)
    if base is not None:
        model.threshold, model.rule_threshold = base.threshold, base.rule_threshold
        model.calibration, model.min_precision = base.calibration, base.min_precision
    return model


def fit_calibration(points: Sequence[tuple[str, str, int]], prior: float = 0.75,
                    weight: float = 2.0) -> dict:
    """Measured precision from (relation, rule id or "model", right) of relations scored
    leave-one-text-out: per relation and source, and per rule (smoothed toward its relation's
    rule precision), each smoothed by ``weight`` pseudo-relations so a kind seen twice does not
    claim 1.0."""
    counts: dict[str, dict[str, list[int]]] = {}
    by_rule: dict[str, list] = {}
    for rel, rule, right in points:
        for key in ("model" if rule == "model" else "rule", "all"):
            c = counts.setdefault(rel, {}).setdefault(key, [0, 0])
            c[0] += right
            c[1] += 1
        if rule != "model":
            r = by_rule.setdefault(rule, [rel, 0, 0])
            r[1] += right
            r[2] += 1
    out: dict = {rel: {k: round((tp + prior * weight) / (n + weight), 3) for k, (tp, n) in by.items()}
                 for rel, by in counts.items()}
    out["_rules"] = {rule: round((tp + out[rel].get("rule", prior) * weight) / (n + weight), 3)
                     for rule, (rel, tp, n) in by_rule.items()}
    return out


__all__ = ["RelationModel", "Example", "train", "fit_calibration", "shipped", "SUGGEST"]
