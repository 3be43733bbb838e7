"""Document -> Extraction: rule-based reading of Dutch social-domain reports.

The pipeline is a list of small components, each with one job, run in order on a shared
:class:`~kg.extract.context.Context`. ``PIPELINE`` names them; :func:`extract` runs them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from kg.model import Document, Extraction

#: Component modules, in the order they run (each has ``run(ctx)``).
PIPELINE: list[str] = [
    "sentences",
    "dates",
    "places",
    "names",
    "services",
    "teams",
    "coref",
    "lists",
    "rel_structure",
    "rel_membership",
    "rel_location",
    "rel_people",
    "rel_collab",
    "rel_service",
    "patterns",
    "role_dates",
    "rel_model",
    "finalize",
]


#: ``extract(..., model=SHIPPED)``: the relation model shipped with kg.
SHIPPED = "shipped"


def extract(document: Document, gazetteer=None, model=SHIPPED) -> Extraction:
    """Read one document: sentences, mentions and candidate relations.

    ``model`` is the relation model that decides among the candidate pairs: the shipped one
    (default), a :class:`kg.relation_model.RelationModel` of the user's, or ``None`` for the
    rules' candidates alone.
    """
    if isinstance(model, str):
        from kg.relation_model import shipped

        model = shipped()
    ctx = prepare(document, gazetteer)
    if model is None:
        return ctx.extraction
    return decide(ctx, model)


def prepare(document: Document, gazetteer=None):
    """Run every component with no relation model: the returned context holds the rules'
    candidates and every candidate pair (``ctx.memory["pair_instances"]``), ready for
    :func:`decide` with any model (training and leave-one-text-out scoring use this)."""
    from kg.extract.context import Context
    from kg.files import check_text_size

    check_text_size(document.text, document.name)
    ctx = Context(document, gazetteer)
    for run in _components(tuple(PIPELINE)):
        run(ctx)
    ctx.memory["rule_candidates"] = list(ctx.extraction.candidates)
    return ctx


@lru_cache(maxsize=4)
def _components(names: tuple[str, ...]) -> list:
    """The ``run`` of each named component, looked up once, not for every document."""
    return [import_module(f"kg.extract.{name}").run for name in names]


def decide(ctx, model) -> Extraction:
    """The extraction of a :func:`prepare` d context with ``model`` deciding the relations."""
    from kg.extract import finalize, rel_model

    ctx.extraction.candidates = rel_model.apply(ctx, ctx.memory["pair_instances"], model)
    finalize.run(ctx)
    return ctx.extraction


__all__ = ["PIPELINE", "SHIPPED", "extract", "prepare", "decide"]
