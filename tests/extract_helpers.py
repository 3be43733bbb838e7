"""Small helpers for the extraction tests: run the pipeline on a Dutch text of our own."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document, Extraction


def run(text: str, name: str = "test.txt") -> Extraction:
    """The rules' candidates (no relation model): these tests pin down what each rule reads."""
    return extract(Document(name=name, text=text, kind="txt", sha256="0"), model=None)


def triples(text: str) -> set[tuple[str, str, str]]:
    """(subject name, relation, object name) of every candidate that is not negated."""
    return {(c.subject.name, c.relation, c.object.name) for c in run(text).candidates
            if c.modality != "negated"}


def candidates(text: str, relation: str):
    return [c for c in run(text).candidates if c.relation == relation]


def names(text: str, type: str | None = None) -> set[str]:
    return {m.name for m in run(text).mentions if type is None or m.type == type}
