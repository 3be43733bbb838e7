"""What kg writes: whole files or none, no formulas in spreadsheet cells, nothing raw on the
terminal (issue 14: items 9, 20, 21)."""

from __future__ import annotations

import csv
import io
import os
import resource
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_REPORT
from kg.cli import app

runner = CliRunner()
KG = [sys.executable, "-m", "kg"]


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def store(tmp_path: Path, sample_report: Path) -> Path:
    location = tmp_path / "store"
    assert kg("build", sample_report, "--store", location, "-q").exit_code == 0
    return location


OUTPUTS = {
    "viz": lambda out: ["viz", "--out", out],
    "graphml": lambda out: ["export", "graph", "--format", "graphml", "--out", out],
    "gexf": lambda out: ["export", "graph", "--format", "gexf", "--out", out],
    "relations": lambda out: ["export", "relations", "--format", "tsv", "--out", out],
    "query": lambda out: ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "csv", "--out", out],
}


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_a_folder_as_out_is_one_line_error(store: Path, tmp_path: Path, command: str):
    folder = tmp_path / "uit"
    folder.mkdir()
    result = kg(*OUTPUTS[command](folder), "--store", store)
    assert result.exit_code == 3
    assert result.stderr.strip() == f"kg: error: {folder}: is a folder; give the name of a file to write"
    assert list(folder.iterdir()) == []


def test_review_out_folder_is_one_line_error(tmp_path: Path, sample_report: Path):
    result = kg("review", sample_report, "--out", tmp_path)
    assert result.exit_code == 3
    assert result.stderr.strip() == f"kg: error: {tmp_path}: is a folder; give the name of a file to write"


def _limit_file_size(limit: int):
    def apply() -> None:  # in the child: writes past `limit` bytes fail (EFBIG), as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(store: Path, tmp_path: Path, command: str):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "result"
    assert kg(*OUTPUTS[command](out), "--store", store).exit_code == 0
    old = out.read_bytes()
    assert len(old) > 1024
    out.write_bytes(b"the old one")
    proc = subprocess.run([*KG, *map(str, OUTPUTS[command](out)), "--store", str(store)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          preexec_fn=_limit_file_size(512))
    assert proc.returncode == 3, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {out}: cannot be written (File too large)")
    assert out.read_bytes() == b"the old one"
    assert sorted(p.name for p in out_dir.iterdir()) == ["result"]


def _curation_with(tmp_path: Path, subject: str, obj: str) -> Path:
    from kg.curate import COLUMNS

    folder = tmp_path / "cur"
    folder.mkdir()
    with (folder / "c.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerow({c: "" for c in COLUMNS} | {
            "decision": "add", "report": "werkbezoek-klaverblad.txt", "subject": subject, "relation": "partnerOf",
            "object": obj, "subject_type": "Organisation", "object_type": "Organisation",
            "evidence": "-1 daar ging het mis"})
    return folder


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_formula_cells_are_neutralised_in_table_exports(tmp_path: Path, sample_report: Path, fmt: str):
    store = tmp_path / "s"
    curations = _curation_with(tmp_path, "=HYPERLINK(\"http://x\",\"klik\")", "@SUM(A1)")
    assert kg("build", sample_report, "--store", store, "-q", "--curations", curations).exit_code == 0
    text = kg("export", "relations", "--format", fmt, "--store", store).stdout
    # (the CSV opens with a byte order mark for Excel: read it as utf-8-sig does)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter="," if fmt == "csv" else "\t"))
    added = [r for r in rows if "HYPERLINK" in r["subject"]]
    assert added, text
    assert added[0]["subject"] == "'=HYPERLINK(\"http://x\",\"klik\")"
    assert added[0]["object"] == "'@SUM(A1)"
    assert added[0]["evidence"] == "'-1 daar ging het mis"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
    entities = kg("export", "entities", "--format", fmt, "--store", store).stdout
    assert "'=HYPERLINK" in entities and "\n=HYPERLINK" not in entities
    # RDF and JSON keep the value as it is
    assert '"=HYPERLINK' in kg("export", "relations", "--format", "json", "--store", store).stdout


def test_formula_cells_stay_text_in_xlsx(tmp_path: Path, sample_report: Path):
    from openpyxl import load_workbook

    store = tmp_path / "s"
    curations = _curation_with(tmp_path, "=HYPERLINK(\"http://x\",\"klik\")", "@SUM(A1)")
    assert kg("build", sample_report, "--store", store, "-q", "--curations", curations).exit_code == 0
    out = tmp_path / "r.xlsx"
    assert kg("export", "relations", "--format", "xlsx", "--out", out, "--store", store).exit_code == 0
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)]
    hyperlink = [c for c in cells if "HYPERLINK" in c.value]
    assert hyperlink and all(c.data_type == "s" for c in hyperlink)  # a text cell, not a formula
    assert hyperlink[0].value == "=HYPERLINK(\"http://x\",\"klik\")"  # shown as written


def test_review_tsv_neutralises_formulas_and_reads_them_back(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "r.txt"
    report.write_text(SAMPLE_REPORT, encoding="utf-8")
    out = tmp_path / "r.tsv"
    assert kg("review", report, "--out", out).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    rows.append({**rows[0], "decision": "add", "subject": "=1+1", "object": "+31 Zorg", "id": "", "evidence": ""})
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    # review again: the person's row stays, now written so that a spreadsheet shows it as text
    assert kg("review", report, "--out", out).exit_code == 0
    again = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert [(r["subject"], r["object"]) for r in again if r["decision"] == "add"] == [("'=1+1", "'+31 Zorg")]
    # and the build reads the names back as they were meant
    assert kg("build", report, "--store", tmp_path / "s", "-q", "--curations", tmp_path).exit_code == 0
    labels = kg("export", "entities", "--format", "json", "--store", tmp_path / "s").stdout
    assert '"label": "=1+1"' in labels and '"label": "+31 Zorg"' in labels


EVIL = "r\x1b]0;pwned\x07\x1b[2J.txt"


def test_escape_sequences_do_not_reach_the_terminal(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / EVIL).write_text(SAMPLE_REPORT, encoding="utf-8")
    store = tmp_path / "s"
    assert kg("build", folder, "--store", store, "-q").exit_code == 0
    # a real terminal: kg sees a tty on stdout
    master, slave = os.openpty()
    proc = subprocess.Popen([*KG, "reports", "--store", str(store)], stdout=slave, stderr=slave, cwd=tmp_path,
                            env={**os.environ, "COLUMNS": "200"})
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        assert ready, "kg reports did not finish"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the pty closes when kg exits
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0
    assert b"\x1b]0;" not in shown and b"\x07" not in shown and b"\x1b[2J" not in shown
    assert b"r\\x1b]0;pwned\\x07\\x1b[2J.txt" in shown
    removed = kg("remove", EVIL, "--store", store)
    assert removed.exit_code == 0
    assert removed.stdout == "removed r\\x1b]0;pwned\\x07\\x1b[2J.txt\n"
