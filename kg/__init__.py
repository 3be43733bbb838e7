"""kg: a knowledge graph of the Dutch social domain, read from reports.

The public API (see :mod:`kg.api`)::

    import kg
    store = kg.open_store(".kg", create=True)
    kg.build(store, ["data/reports"])
    kg.query(store, name="mergers")
    kg.export(store, "relations", "tsv", "out/relations.tsv")
    kg.render(store, "out/network.html")

Heavy libraries load on first use, so ``import kg`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

#: The API functions (defined in kg.api, loaded on first use).
_API = (
    "open_store",
    "build",
    "query",
    "to_networkx",
    "export",
    "render",
    "validate",
    "review",
    "evaluate",
    "train",
    "extract_text",
    "reports",
    "remove",
    "stats",
    "entities",
    "paths",
    "neighbours",
    "network_stats",
    "named_queries",
    "format_result",
    "write_result",
)

__all__ = [
    *_API,
    "KgError",
    "UsageError",
    "InputError",
    "OutputError",
    "QueryError",
    "StoreError",
    "ValidationError",
    "__version__",
]

_ERRORS = {"KgError", "UsageError", "InputError", "OutputError", "QueryError", "StoreError", "ValidationError"}


def __getattr__(name: str):
    if name in _ERRORS:
        return getattr(import_module("kg.errors"), name)
    if name in _API:
        return getattr(import_module("kg.api"), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
