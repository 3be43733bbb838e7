"""The curation loop: people correct what extraction got wrong, and it sticks.

``kg review REPORT`` writes every candidate relation of a report, with its evidence,
confidence and rule, to a TSV that people edit in a spreadsheet. In the ``decision`` column:

* ``accept``  keep it (it is stored as curated by hand, confidence 1);
* ``reject``  drop it: it never comes back when the report is ingested again;
* ``correct`` the row's subject, relation, object, types and date are the right ones: the
  original (named by the ``id`` column) is dropped and the corrected relation stored;
* ``add``     a relation the extractor missed (leave ``id`` empty);
* empty       no decision: the extractor's reading stands (``status`` says whether a build
  stores the row, or only suggests it because the relation model was not sure enough).

``kg build`` applies every TSV in ``data/curations/``. Curated relations carry
``kg:curatedBy`` with the file they came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.files import atomic_output, check_output, from_spreadsheet_cell, read_text, spreadsheet_cell
from kg.model import ENTITY_TYPES, RELATION_TYPES, Entity, Evidence, Relation, ResolvedReport
from kg.text import normalise_name

COLUMNS = (
    "decision", "report", "subject", "relation", "object", "subject_type", "object_type",
    "date", "confidence", "rule", "modality", "evidence", "start", "end", "id", "status",
)
DECISIONS = ("", "accept", "reject", "correct", "add")


def relation_id(report: str, subject: str, relation: str, obj: str) -> str:
    """A short stable id of a candidate relation in a report (from entity IRIs)."""
    return hashlib.sha1("\x1f".join((report, subject, relation, obj)).encode("utf-8")).hexdigest()[:12]


@dataclass
class CurationRow:
    decision: str
    report: str
    subject: str
    relation: str
    object: str
    subject_type: str = ""
    object_type: str = ""
    date: str = ""
    evidence: str = ""
    start: str = ""
    end: str = ""
    id: str = ""
    source: str = ""  #: the curation file (set on loading)
    line: int = 0


def names_match(row_report: str, name: str) -> bool:
    """Whether a curation row's ``report`` names the report ``name``: the same name, or the
    end of its path (``kg review data/reports/sub/x.txt`` may have written ``x.txt`` for what
    ``kg build data/reports`` names ``sub/x.txt``)."""
    return bool(row_report) and (row_report == name or name.endswith("/" + row_report))


@dataclass
class Curations:
    """All curation rows, by the report name they give; and the rows that could not be read.

    A bad row does not stop the build: the report it names is not rebuilt (it keeps what the
    store holds) and the build lists it as failed; the other reports go in.
    """

    rows: dict[str, list[CurationRow]] = field(default_factory=dict)
    #: report name (as the row gives it, or "" when unknown) -> messages of its bad rows
    errors: dict[str, list[str]] = field(default_factory=dict)
    #: curation files that could not be read at all
    file_errors: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path | str) -> Curations:
        cur = cls()
        for path in sorted(Path(folder).glob("*.tsv")):
            bad: list[tuple[str, str]] = []
            try:
                rows = read_curation_file(path, errors=bad)
            except InputError as exc:
                cur.file_errors.append(str(exc))
                continue
            for report, message in bad:
                cur.errors.setdefault(report, []).append(message)
            for row in rows:
                if row.decision:
                    cur.rows.setdefault(row.report, []).append(row)
        return cur

    def rows_for(self, name: str) -> list[CurationRow]:
        return [row for report, rows in self.rows.items() if names_match(report, name) for row in rows]

    def errors_for(self, name: str) -> list[str]:
        """The bad rows that name this report."""
        return [msg for report, msgs in self.errors.items() if names_match(report, name) for msg in msgs]

    def for_report(self, name: str) -> str:
        """A fingerprint of the decisions for one report (a change triggers a rebuild)."""
        rows = self.rows_for(name)
        h = hashlib.sha256()
        for r in rows:
            h.update("\x1f".join((r.decision, r.report, r.subject, r.relation, r.object, r.date, r.id, r.subject_type, r.object_type, r.evidence)).encode())
        return h.hexdigest() if rows else ""

    def apply(self, report: ResolvedReport) -> None:
        """Apply the decisions for this report to its resolved relations, in place."""
        rows = self.rows_for(report.document.name)
        if not rows:
            return
        # a row's id was made with the report name the review wrote in the row
        by_id: dict[str, Relation] = {}
        for given in {row.report for row in rows}:
            for r in report.relations:
                by_id.setdefault(relation_id(given, r.subject, r.relation, r.object), r)
        dropped: set[int] = set()
        for row in rows:
            target = by_id.get(row.id) if row.id else None
            if row.decision == "reject":
                if target is not None:
                    dropped.add(id(target))
                else:
                    # No id match (edited report): reject by labels instead.
                    dropped.update(_by_labels(report, row))
            elif row.decision == "accept" and target is not None:
                target.curated_by = row.source
                target.confidence = 1.0
            elif row.decision == "correct":
                if target is not None:
                    dropped.add(id(target))
                report.relations.append(_curated_relation(report, row))
            elif row.decision == "add":
                report.relations.append(_curated_relation(report, row))
        report.relations = [r for r in report.relations if r.curated_by or id(r) not in dropped]


def _by_labels(report: ResolvedReport, row: CurationRow) -> set[int]:
    s_key, o_key = normalise_name(row.subject), normalise_name(row.object)
    out = set()
    for r in report.relations:
        se, oe = report.entities.get(r.subject), report.entities.get(r.object)
        if se is None or oe is None or r.relation != row.relation:
            continue
        if _names(se) & {s_key} and _names(oe) & {o_key}:
            out.add(id(r))
    return out


def _names(entity: Entity) -> set[str]:
    return {normalise_name(entity.label)} | {normalise_name(a) for a in entity.aliases}


def _entity_for(report: ResolvedReport, label: str, type_: str) -> str:
    """The IRI of the report's entity called ``label``, or a new entity of ``type_``."""
    key = normalise_name(label)
    for entity in report.entities.values():
        if key in _names(entity) and (not type_ or type_ == entity.type or {type_, entity.type} <= {"Organisation", "Cooperative", "Partnership"}):
            return entity.iri
    from kg.namespaces import entity_iri

    type_ = type_ or "Organisation"
    iri = entity_iri(type_, label)
    report.entities.setdefault(iri, Entity(iri=iri, type=type_, label=label.strip()))
    return iri


def _curated_relation(report: ResolvedReport, row: CurationRow) -> Relation:
    subject = _entity_for(report, row.subject, row.subject_type)
    obj = _entity_for(report, row.object, row.object_type)
    sentence = row.evidence or f"added by hand in {row.source}"
    start = int(row.start) if row.start else 0
    end = int(row.end) if row.end else start
    return Relation(
        subject=subject,
        relation=row.relation,
        object=obj,
        evidence=Evidence(report=report.document.name, sentence=sentence, start=start, end=end),
        rule="curated",
        confidence=1.0,
        date=row.date or None,
        curated_by=row.source,
    )


def _row_problem(rec: dict[str, str], decision: str) -> str | None:
    """What is wrong with a curation row, or None."""
    if decision not in DECISIONS:
        return f"decision '{decision}' is not one of accept, reject, correct, add"
    if not decision:
        return None
    if rec["relation"] not in RELATION_TYPES:
        return f"relation '{rec['relation']}' is not one of {', '.join(RELATION_TYPES)}"
    if decision in ("correct", "add"):
        for col in ("subject_type", "object_type"):
            if rec.get(col) and rec[col] not in ENTITY_TYPES:
                return f"{col} '{rec[col]}' is not one of {', '.join(ENTITY_TYPES)}"
        if not (rec["subject"] and rec["object"]):
            return f"a '{decision}' row needs a subject and an object"
        if not rec.get("report"):
            return f"a '{decision}' row needs the report it is about"
    date = rec.get("date", "")
    if date:
        try:
            valid = re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and dt.date.fromisoformat(date)
        except ValueError:
            valid = None
        if not valid:
            return f"date '{date}' is not a date; write it as YYYY-MM-DD, e.g. 2015-01-01"
    for col in ("start", "end"):
        if rec.get(col) and not re.fullmatch(r"[0-9]{1,9}", rec[col]):
            return f"{col} '{rec[col]}' is not a character offset (a whole number); leave it empty if unsure"
    return None


def read_curation_file(path: Path, errors: list[tuple[str, str]] | None = None) -> list[CurationRow]:
    """Read and check one curation TSV.

    A file that cannot be read raises InputError. A bad row raises InputError naming file and
    line, or, when ``errors`` is a list, is left out and added to it as (report, message).
    """
    text = read_text(path, what="curation file", hint=" (tab-separated)")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    missing = {"decision", "report", "subject", "relation", "object"} - set(reader.fieldnames or [])
    if missing:
        raise InputError(f"{path}: a curation file needs the columns {', '.join(sorted(missing))}")
    rows = []
    for n, raw in enumerate(reader, start=2):
        rec = {k: from_spreadsheet_cell((v or "").strip()) for k, v in raw.items() if isinstance(k, str)}
        for col in ("decision", "report", "subject", "relation", "object"):
            rec.setdefault(col, "")
        decision = rec.get("decision", "").lower()
        problem = _row_problem(rec, decision)
        if problem:
            message = f"{path}:{n}: {problem}"
            if errors is None:
                raise InputError(message)
            errors.append((rec.get("report", ""), message))
            continue
        rows.append(
            CurationRow(
                decision=decision,
                report=rec["report"],
                subject=rec["subject"],
                relation=rec["relation"],
                object=rec["object"],
                subject_type=rec.get("subject_type", ""),
                object_type=rec.get("object_type", ""),
                date=rec.get("date", ""),
                evidence=rec.get("evidence", ""),
                start=rec.get("start", ""),
                end=rec.get("end", ""),
                id=rec.get("id", ""),
                source=path.as_posix(),
                line=n,
            )
        )
    return rows


def review_rows(report: ResolvedReport) -> list[dict[str, str]]:
    """Every candidate relation of a resolved report as review rows (no decisions yet)."""
    rows = []
    for r in report.relations:
        se, oe = report.entities[r.subject], report.entities[r.object]
        rows.append(
            {
                "decision": "",
                "report": report.document.name,
                "subject": se.label,
                "relation": r.relation,
                "object": oe.label,
                "subject_type": se.type,
                "object_type": oe.type,
                "date": r.date or "",
                "confidence": f"{r.confidence:.2f}",
                "rule": r.rule,
                "modality": r.modality,
                "evidence": " ".join(r.evidence.sentence.split()) if r.evidence else "",
                "start": str(r.evidence.start) if r.evidence else "",
                "end": str(r.evidence.end) if r.evidence else "",
                "id": relation_id(report.document.name, r.subject, r.relation, r.object),
            }
        )
    return rows


def write_review(rows: list[dict[str, str]], out: Path) -> int:
    """Write review rows to ``out``, keeping decisions already made in an existing file.

    Returns the number of new rows. Nothing a person wrote is lost: existing rows stay as
    they are (also 'add' rows), and only candidates not yet listed are appended.
    """
    check_output(out)
    existing: list[dict[str, str]] = []
    known_ids: set[str] = set()
    if out.exists():
        for row in read_curation_file(out):
            rec = {c: getattr(row, c, "") for c in COLUMNS if hasattr(row, c)}
            existing.append(rec)
            if row.id:
                known_ids.add(row.id)
        # keep the columns we do not parse (confidence, rule, modality) as they were
        raw_rows = list(csv.DictReader(io.StringIO(read_text(out)), delimiter="\t"))
        for rec, raw in zip(existing, raw_rows):
            for c in COLUMNS:
                rec.setdefault(c, from_spreadsheet_cell((raw.get(c) or "").strip()))
    new = [r for r in rows if r["id"] not in known_ids]
    with atomic_output(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for rec in existing + new:
            # a cell that opens with = + - @ would run as a formula in a spreadsheet
            writer.writerow({c: spreadsheet_cell(rec.get(c, "")) for c in COLUMNS})
    return len(new)
