"""Check a graph against the SHACL shapes of kg/ontology/shapes.ttl.

The shapes are checked on the data together with the ontology (kg/ontology/kg.ttl), without
inference: the shapes name subclasses themselves, and SHACL's ``sh:class`` already follows
``rdfs:subClassOf`` triples that are in the data graph.

>>> report = validate(graph)            # doctest: +SKIP
>>> report.conforms, report.violations  # doctest: +SKIP
(False, ['Peter Elmont — kg:foundedBy — a founder must be ... [value: Assen]'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from kg.errors import ValidationError
from kg.namespaces import KG, PREFIXES, SH, bind_prefixes
from kg.resources import resource_dir

__all__ = [
    "ValidationReport",
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "ontology_dir",
    "validate",
    "validate_store",
]


@dataclass
class ValidationReport:
    """The outcome of a SHACL validation.

    ``violations`` and ``warnings`` are readable one-line strings,
    ``"focus node label — path — message"``; ``text`` is pyshacl's full report.
    Only violations make ``conforms`` false; warnings (a municipality without a CBS code) do not.
    """

    conforms: bool
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""

    def raise_for_violations(self) -> None:
        """Raise :class:`kg.errors.ValidationError` when the graph does not conform."""
        if not self.conforms:
            first = self.violations[0] if self.violations else "see the full report"
            raise ValidationError(
                f"the graph breaks {len(self.violations)} SHACL constraint(s); first: {first}"
            )


def ontology_dir():
    """The packaged folder with kg.ttl and shapes.ttl (``kg/ontology/``; ``ontology/`` at the
    project root is its published copy)."""
    return resource_dir("ontology")


#: File names inside :func:`ontology_dir`.
ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


def _load(path, what: str) -> Graph:
    """A Turtle file (a path, or a packaged file of :func:`ontology_dir`) as a Graph."""
    if isinstance(path, str):
        path = Path(path)
    if not path.is_file():
        raise ValidationError(f"{what} not found: {path}")
    g = Graph()
    try:
        g.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    except Exception as exc:  # a syntax error in a shapes file
        raise ValidationError(f"cannot read {what} {path}: {str(exc).splitlines()[0]}") from exc
    return g


def validate(
    data_graph: Graph,
    shapes_path: Path | str | None = None,
    ontology_path: Path | str | None = None,
) -> ValidationReport:
    """Validate ``data_graph`` (use the union of all report graphs) against the shapes.

    The ontology is added to a copy of the data so that ``sh:class`` sees the subclass axioms;
    ``data_graph`` itself is not changed.
    """
    import pyshacl  # imported here: it takes a while to import

    shapes = _load(shapes_path or ontology_dir() / SHAPES_FILE, "SHACL shapes")
    ontology = _load(ontology_path or ontology_dir() / ONTOLOGY_FILE, "ontology")

    data = Graph()
    bind_prefixes(data)
    for triple in data_graph.triples((None, None, None)):
        data.add(triple)
    for triple in ontology:
        data.add(triple)

    conforms, results_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,  # SHACL-SPARQL constraints
        allow_warnings=True,
        allow_infos=True,
    )
    if not isinstance(results_graph, Graph):  # pyshacl's ValidationFailure: the shapes are wrong
        raise ValidationError(f"the SHACL shapes cannot be used: {results_graph}")
    violations, warnings = _readable(results_graph, data, shapes)
    return ValidationReport(
        conforms=bool(conforms) and not violations,
        violations=violations,
        warnings=warnings,
        text=text,
    )


def validate_store(store) -> ValidationReport:
    """Validate everything in a store (its union graph: every report, plus the ontology)."""
    return validate(store.union_graph())


# ---------------------------------------------------------------------------------------------
# Making results readable


def _qname(node: Node) -> str:
    if isinstance(node, URIRef):
        s = str(node)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns):]}"
        return f"<{s}>"
    if isinstance(node, Literal):
        text = str(node)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    return "[blank node]"


def _label(node: Node, data: Graph) -> str:
    """A name a person recognises: the entity's label, or what an assertion says."""
    if isinstance(node, Literal) or (isinstance(node, URIRef) and node.startswith(str(KG))):
        return _qname(node)
    labels = list(data.objects(node, SKOS.prefLabel))
    if labels:
        # a plain label first, then Dutch, then any
        labels.sort(key=lambda l: (getattr(l, "language", None) not in (None, "nl"), str(l)))
        return str(labels[0])
    types = set(data.objects(node, RDF.type))
    if KG.RelationAssertion in types or KG.Merger in types:
        s, p, o = (data.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s is not None and p is not None and o is not None:
            return f"assertion ‘{_label(s, data)} {_qname(p).removeprefix('kg:')} {_label(o, data)}’"
    if KG.Evidence in types:
        report = data.value(node, KG.inReport)
        start = data.value(node, KG.startOffset)
        where = _label(report, data) if report is not None else "?"
        return f"evidence in {where} at {start}"
    if KG.Report in types:
        name = data.value(node, KG.fileName)
        if name is not None:
            return f"report {name}"
    return _qname(node)


def _path(result: Node, results: Graph, shapes: Graph) -> str:
    path = results.value(result, SH.resultPath)
    if path is not None:
        if isinstance(path, BNode):
            inverse = results.value(path, SH.inversePath)
            return f"^{_qname(inverse)}" if inverse is not None else "(path)"
        return _qname(path)
    # A node-level result: name the relation the shape targets, if it targets one.
    shape = results.value(result, SH.sourceShape)
    if shape is not None:
        targets = sorted(shapes.objects(shape, SH.targetSubjectsOf))
        if len(targets) == 1:
            return f"{_qname(targets[0])} (subject)"
        classes = sorted(shapes.objects(shape, SH.targetClass))
        if len(classes) == 1:
            return f"a {_qname(classes[0])}"
    return "(node)"


def _readable(results: Graph, data: Graph, shapes: Graph) -> tuple[list[str], list[str]]:
    violations: set[str] = set()
    warnings: set[str] = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        message = messages[0] if messages else "breaks a shape"
        value = results.value(result, SH.value)
        line = f"{_label(focus, data)} — {_path(result, results, shapes)} — {message}"
        if value is not None and value != focus:
            line += f" [value: {_label(value, data)}]"
        severity = results.value(result, SH.resultSeverity)
        (violations if severity in (None, SH.Violation) else warnings).add(line)
    return sorted(violations), sorted(warnings)
