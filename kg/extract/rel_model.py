"""Component: the relation model decides which candidate pairs are relations.

Runs after the relation rules. Every candidate pair (:mod:`kg.extract.pairs`) is scored by the
relation model (:mod:`kg.relation_model`); per pair of mentions in a sentence the most probable
relation and direction is kept when its probability reaches the model's threshold. A rule's
candidate for that relation keeps its rule id, date and modality; a pair no rule read becomes a
candidate of rule ``model``, dated from its sentence where the relation has a date.
A candidate's confidence is the precision measured leave-one-text-out on real texts for
relations of its kind found its way (by a rule, or by the model alone;
:meth:`kg.relation_model.RelationModel.confidence`), so ``--min-confidence 0.8`` keeps the kinds
that were right 8 times in 10.

Without a model (``extract(..., model=None)``) the rules' candidates stand as they are.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Callable

from kg.extract.context import Context
from kg.extract.dates import date_near
from kg.extract.pairs import PairInstance, instances
from kg.extract.role_dates import role_start
from kg.model import DATED_RELATIONS, SYMMETRIC_RELATIONS, Candidate
from kg.relation_model import RelationModel


#: The relations a rule read, for a pair no rule read.
_NONE: frozenset[str] = frozenset()


def decide(insts: list[PairInstance], model: RelationModel) -> list[tuple[PairInstance, str, float]]:
    """The accepted (instance, relation, probability): best per unordered pair in a sentence,
    a relation some rule read before one the model alone proposes."""
    best: dict[tuple, tuple[tuple[bool, float], tuple[PairInstance, str, float]]] = {}
    threshold, rule_threshold = model.threshold, model.rule_threshold
    lowest = min(threshold, rule_threshold)
    reaching = _reaching(model)
    for inst in insts:
        if inst.rules:
            probs = reaching(inst.features, inst.relations, lowest)
            if not probs:  # no relation passes
                continue
            ruled = {c.relation for c in inst.rules}
            passing = {r: p for r, p in probs.items() if p >= (rule_threshold if r in ruled else threshold)}
        else:  # most pairs: no rule read them, one threshold for all
            ruled = _NONE
            passing = reaching(inst.features, inst.relations, threshold)
        if not passing:
            continue
        # a relation a rule read wins over one the model alone would put on the same pair
        pool = {r: p for r, p in passing.items() if r in ruled} or passing
        rel, p = max(pool.items(), key=itemgetter(1))
        a = (inst.subject.start, inst.subject.name)
        b = (inst.object.start, inst.object.name)
        key = (min(a, b), max(a, b), inst.view_index)
        rank = (rel in ruled, p)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, (inst, rel, p))
    return [found for _, found in best.values()]


def _reaching(model) -> Callable[[list[str], tuple[str, ...], float], dict[str, float]]:
    """The model's probabilities of a pair that reach a floor: a :class:`RelationModel` leaves
    out the relations that surely stay below it without scoring them exactly (most pairs pass
    no threshold); any other model (a test's stand-in) is asked for them all."""
    reaching = getattr(model, "probabilities_reaching", None)
    if reaching is not None:
        return reaching
    return lambda features, relations, floor: {r: p for r, p in model.probabilities(features, relations).items()
                                               if p >= floor}


def apply(ctx: Context, insts: list[PairInstance], model: RelationModel) -> list[Candidate]:
    """The candidates the model accepts, in place of the rules' ones."""
    views = {v.index: v for v in ctx.views}
    out: list[Candidate] = []
    for inst, rel, p in decide(insts, model):
        rule = next((c for c in inst.rules if c.relation == rel), None)
        conf = round(model.confidence(p, rule is not None, rel, rule.rule if rule else None), 2)
        if conf < model.min_precision:
            continue
        if rule is not None:
            out.append(Candidate(rule.subject, rel, rule.object, rule.sentence, rule.rule, conf,
                                 rule.date, rule.modality))
            continue
        view = views.get(inst.view_index)
        if view is None:
            continue
        s, o = inst.subject, inst.object
        if rel in SYMMETRIC_RELATIONS and (o.start, o.name) < (s.start, s.name):
            s, o = o, s
        date = _date_of(ctx, view) if rel in DATED_RELATIONS else \
            role_start(ctx, view, o) if rel == "headOf" else None
        out.append(Candidate(s, rel, o, view.sentence, "model", conf, date))
    return out


def _date_of(ctx: Context, view) -> str | None:
    """The date of the sentence, or for a bulleted item the date of the line that opens the
    list ("Inwoners kunnen in 2018 rekenen op:")."""
    date = date_near(ctx, view.index)
    i = view.index
    while date is None and ctx.views[i].bullet and i > 0:
        i -= 1
        if not ctx.views[i].bullet:
            date = date_near(ctx, i) if ctx.views[i].text.rstrip().endswith(":") else None
    return date


def run(ctx: Context) -> None:
    """Component: the candidate pairs, kept for :func:`kg.extract.decide` (which applies a model)."""
    ctx.memory["pair_instances"] = instances(ctx)
