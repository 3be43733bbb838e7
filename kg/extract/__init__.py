"""Document -> Extraction: rule-based reading of Dutch social-domain reports.

The pipeline is a list of small components, each with one job, run in order on a shared
:class:`~kg.extract.context.Context`. ``PIPELINE`` names them; :func:`extract` runs them.
"""

from __future__ import annotations

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
    "finalize",
]


def extract(document: Document, gazetteer=None) -> Extraction:
    """Read one document: sentences, mentions and candidate relations."""
    from kg.extract.context import Context

    ctx = Context(document, gazetteer)
    for name in PIPELINE:
        import_module(f"kg.extract.{name}").run(ctx)
    return ctx.extraction


__all__ = ["PIPELINE", "extract"]
