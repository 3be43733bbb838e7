"""The exceptions kg raises. Only the CLI turns them into a message and an exit code.

Exit codes (listed in the README):

====  ==========================================
 1    an error of kg (the base class)
 2    UsageError: wrong use of a command or function (also typer's own usage errors)
 3    InputError: a report or input file cannot be read;
      OutputError: an output file cannot be written
 4    QueryError: a SPARQL query is malformed or refused
 5    StoreError: the store is missing, locked or unreachable
 6    ValidationError: the graph breaks a SHACL shape
====  ==========================================
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of kg's own errors; the message is one line that says how to fix it."""

    exit_code = 1


class UsageError(KgError):
    """Arguments that do not fit together or name nothing kg knows (a type, a format)."""

    exit_code = 2


class InputError(KgError):
    """A report or other input file cannot be read."""

    exit_code = 3


class ReportsFailed(InputError):
    """Some reports of a build could not be read (or their path does not exist); the others
    went in. ``summary`` is the build's :class:`kg.ingest.BuildSummary`."""

    def __init__(self, message: str, summary: object = None):
        super().__init__(message)
        self.summary = summary


class OutputError(KgError):
    """An output file cannot be written (a folder, a full disk, no permission)."""

    exit_code = 3


class QueryError(KgError):
    """A SPARQL query is malformed, unknown, or not allowed (an update without --update)."""

    exit_code = 4


class UnknownActor(QueryError, KeyError):
    """No actor of the network goes by this name (also a KeyError, as kg.network documents)."""

    __str__ = Exception.__str__  # KeyError's own str() would quote the message


class StoreError(KgError):
    """The store cannot be opened, is missing, or a write failed."""

    exit_code = 5


class ValidationError(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 6
