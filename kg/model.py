"""The data that flows through the pipeline: read -> extract -> resolve -> graph.

Plain dataclasses, no behaviour beyond small conveniences, so that each stage can be
tested on its own and the stages stay decoupled.

* :class:`Document`   what :mod:`kg.read` makes of a file.
* :class:`Sentence`   a span of the document text, with character offsets.
* :class:`Mention`    a name of an actor, place or service found in a sentence.
* :class:`Candidate`  a relation between two mentions, as the extractor read it.
* :class:`Extraction` everything extracted from one document.
* :class:`Entity` / :class:`Relation` / :class:`Evidence` / :class:`ResolvedReport`
  what :mod:`kg.resolve` makes of an extraction: stable IRIs, ready for :mod:`kg.graph`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Class local names of the ontology that an entity can have (ontology/kg.ttl).
ENTITY_TYPES = (
    "Organisation",
    "Cooperative",
    "Partnership",
    "Municipality",
    "Province",
    "Neighbourhood",
    "Pilot",
    "Service",
    "Person",
)

#: Types that are organisations in the wide sense (they share one IRI namespace so that a
#: report calling something a Cooperative and another an Organisation still meet).
ORGANISATION_TYPES = ("Organisation", "Cooperative", "Partnership")

#: Property local names of the ontology for relations between entities.
RELATION_TYPES = (
    "foundedBy",
    "memberOf",
    "mergesInto",
    "partOf",
    "locatedIn",
    "leadsPilot",
    "headOf",
    "partnerOf",
    "offersService",
)

#: Relations that take a date when the text gives one (when a merger, service or membership starts).
DATED_RELATIONS = ("mergesInto", "offersService", "foundedBy", "partOf", "memberOf", "leadsPilot")

#: Relations that hold both ways; stored once, matched either way.
SYMMETRIC_RELATIONS = frozenset({"partnerOf"})

#: How a statement is made: stated as fact, stated as a plan or intention, or denied.
MODALITIES = ("asserted", "intended", "negated")

#: How several values share one cell in every flat export (CSV, TSV, XLSX, GraphML, GEXF):
#: aliases, identifiers, sources, rules, evidence sentences. JSON keeps them as lists.
LIST_SEPARATOR = "|"


def one_line(text: str) -> str:
    """Text on one line: the line breaks and runs of spaces a PDF leaves in a sentence become
    single spaces (what a spreadsheet cell or a Gephi label should show)."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Document:
    """One report as read from disk (or given as text)."""

    name: str  #: stable report identifier: the file name (relative path within a build)
    text: str  #: the cleaned text that all offsets refer to
    kind: str  #: txt, md, pdf, docx or html
    sha256: str  #: hash of the file's bytes (or of the text when given as text)
    path: Path | None = None
    title: str | None = None
    encoding: str | None = None  #: the encoding the text was decoded from, for text files


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: ``document.text[start:end]`` is its text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name in the text that refers to an entity.

    ``text`` is the surface form with whitespace folded (so "de\\nGGZ" becomes "de GGZ");
    ``label`` is what the entity should be called when it differs from the surface form (an
    unnamed organisation announced in the text, "Nieuwe welzijnsorganisatie Assen").
    """

    text: str
    type: str
    start: int
    end: int
    label: str | None = None
    role: str | None = None  #: for a Person: the role words next to the name ("directeur")

    @property
    def name(self) -> str:
        return self.label or self.text


@dataclass(frozen=True)
class Candidate:
    """A relation read from one sentence by one rule."""

    subject: Mention
    relation: str
    object: Mention
    sentence: Sentence
    rule: str
    confidence: float = 0.8
    date: str | None = None  #: ISO date yyyy-mm-dd, when the text gives one
    modality: str = "asserted"


@dataclass
class Extraction:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """A resolved real-world actor, place or service with a stable IRI."""

    iri: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    identifiers: dict[str, str] = field(default_factory=dict)  #: e.g. {"cbs": "GM0106"}


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the sentence, its offsets, and the report."""

    report: str  #: report name (Document.name)
    sentence: str
    start: int
    end: int


@dataclass
class Relation:
    """A resolved relation between two entities, with its provenance."""

    subject: str  #: entity IRI
    relation: str  #: property local name
    object: str  #: entity IRI
    evidence: Evidence | None
    rule: str
    confidence: float = 0.8
    date: str | None = None
    modality: str = "asserted"
    curated_by: str | None = None  #: curation file that added or corrected it


@dataclass
class ResolvedReport:
    """One report ready to become a named graph."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def most_specific_type(types: set[str] | list[str]) -> str:
    """The narrowest of an entity's types: Cooperative and Partnership are Organisations."""
    known = [t for t in types if t in ENTITY_TYPES]
    narrower = sorted(set(known) - {"Organisation"})
    if narrower:
        return narrower[0]
    return known[0] if known else sorted(types)[0]
