"""The files kg ships inside its package (gazetteers, ontology, queries, page template).

Everything kg reads at run time comes through here, with :mod:`importlib.resources`, so a
wheel install reads the same files as a checkout. A missing file is an error, never a silent
skip: without its gazetteer the extractor would quietly find fewer places.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:  # importlib.resources.abc is Python 3.11+
    from importlib.abc import Traversable

__all__ = ["resource", "resource_dir", "read_text"]


def resource(*parts: str) -> Traversable:
    """The packaged file ``kg/PARTS...``; a :class:`KgError` if it is not there."""
    path = resources.files("kg").joinpath(*parts)
    if not path.is_file():
        raise KgError(f"kg's package file {'/'.join(('kg', *parts))} is missing; reinstall kg")
    return path


def resource_dir(*parts: str) -> Traversable:
    """The packaged folder ``kg/PARTS...``; a :class:`KgError` if it is not there."""
    path = resources.files("kg").joinpath(*parts)
    if not path.is_dir():
        raise KgError(f"kg's package folder {'/'.join(('kg', *parts))} is missing; reinstall kg")
    return path


def read_text(*parts: str) -> str:
    """The text of the packaged file ``kg/PARTS...`` (UTF-8)."""
    return resource(*parts).read_text(encoding="utf-8")
