"""Every distinct file is a distinct report, stable across rebuilds; curations find the report
they were written for, also in sub-folders; a bad curation or alias row is a clear error
that loses nothing (issue 14: items 1, 5, 6, 13, 14, 15, 24)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_REPORT
from curation_files import write_curation_file
from kg.cli import app

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def _texts(n: int) -> list[str]:
    # one distinct organisation per report, so that each report's content can be told apart
    return [f"Stichting Eiland{i} werkt samen met Welzijn Kust{i} in de gemeente Assen.\n" for i in range(n)]


def _reports(store: Path) -> dict[str, str]:
    out = kg("reports", "--store", store, "--format", "tsv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout), delimiter="\t"))
    return {r["name"]: r["title"] for r in rows}


def test_colliding_names_are_distinct_reports_stable_across_rebuilds(tmp_path: Path):
    folder = tmp_path / "r"
    (folder / "sub").mkdir(parents=True)
    names = ["report a.txt", "report-a.txt", "sub/x.txt", "sub-x.txt", "報告.txt", "レポート.txt"]
    for name, text in zip(names, _texts(len(names))):
        (folder / name).write_text(text, encoding="utf-8")
    store = tmp_path / "s"
    first = kg("build", folder, "--store", store, "-q", "--jobs", "1")
    assert first.exit_code == 0, first.output
    reports = _reports(store)
    assert sorted(reports) == sorted(names)
    # each report holds its own file's text, not another's
    for name, text in zip(names, _texts(len(names))):
        assert reports[name] == text.strip()
    graphs = kg("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a kg:Report } }", "--store", store, "--format", "csv")
    ids = sorted(graphs.stdout.split()[1:])
    assert len(ids) == 6
    again = kg("build", folder, "--store", store, "-q", "--jobs", "1", "--force")
    assert again.exit_code == 0, again.output
    assert _reports(store) == reports
    graphs2 = kg("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a kg:Report } }", "--store", store, "--format", "csv")
    assert sorted(graphs2.stdout.split()[1:]) == ids
    # and each report can be removed by itself
    assert kg("remove", "report a.txt", "--store", store).exit_code == 0
    assert sorted(_reports(store)) == sorted(set(names) - {"report a.txt"})


def test_two_folders_with_the_same_file_name_fail_clearly(tmp_path: Path):
    for folder, text in zip(("d1", "d2"), _texts(2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "verslag.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "s"
    result = kg("build", tmp_path / "d1", tmp_path / "d2", "--store", store, "-q")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ")
    assert "d2/verslag.txt" in lines[0] and "d1/verslag.txt" in lines[0] and "rename" in lines[0]
    assert _reports(store) == {"verslag.txt": _texts(2)[0].strip()}
    # building the folder that holds both names each by its path: both are in
    both = kg("build", tmp_path, "--store", tmp_path / "s2", "-q")
    assert both.exit_code == 0, both.output
    assert set(_reports(tmp_path / "s2")) == {"d1/verslag.txt", "d2/verslag.txt"}


def _relations(store: Path) -> list[dict]:
    out = kg("export", "relations", "--format", "csv", "--store", store)
    assert out.exit_code == 0, out.output
    return list(csv.DictReader(io.StringIO(out.stdout)))


def _decide(tsv: Path, decide) -> None:
    rows = list(csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t"))
    fields = list(rows[0])
    for row in rows:
        decide(row)
    with tsv.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch) -> Path:
    """A working directory laid out as the README says: data/reports (with a sub-folder)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "reports" / "sub").mkdir(parents=True)
    (tmp_path / "data" / "reports" / "sub" / "x.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
    return tmp_path


def test_curations_for_a_report_in_a_sub_folder_are_applied(project: Path):
    review = kg("review", "data/reports/sub/x.txt")
    assert review.exit_code == 0, review.output
    tsv = next((project / "data" / "curations").glob("*.tsv"))
    assert {r["report"] for r in csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t")} == {"sub/x.txt"}
    _decide(tsv, lambda r: r.update(decision="reject") if r["relation"] == "partnerOf" else None)
    build = kg("build", "data/reports", "--store", "s", "-q")
    assert build.exit_code == 0, build.output
    relations = _relations(project / "s")
    assert relations and not [r for r in relations if r["relation"] == "partnerOf"]


def test_curation_written_by_an_older_review_with_the_file_name_still_applies(project: Path):
    assert kg("review", "data/reports/sub/x.txt").exit_code == 0
    tsv = next((project / "data" / "curations").glob("*.tsv"))
    # what kg review wrote before: the bare file name, ids made with it
    from kg.curate import relation_id

    rows = list(csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t"))
    assert rows
    assert kg("build", "data/reports", "--store", "s", "-q").exit_code == 0
    before = _relations(project / "s")
    assert any(r["relation"] == "partnerOf" for r in before)
    text = tsv.read_text(encoding="utf-8").replace("\tsub/x.txt\t", "\tx.txt\t")
    tsv.write_text(text, encoding="utf-8")
    _decide(tsv, lambda r: r.update(decision="reject") if r["relation"] == "partnerOf" else None)
    assert relation_id("x.txt", "a", "partnerOf", "b") != relation_id("sub/x.txt", "a", "partnerOf", "b")
    assert kg("build", "data/reports", "--store", "s", "-q").exit_code == 0
    assert not [r for r in _relations(project / "s") if r["relation"] == "partnerOf"]


def test_alias_row_with_an_empty_label_is_refused_and_deletes_nothing(tmp_path: Path, sample_report: Path):
    store = tmp_path / "s"
    assert kg("build", sample_report.parent, "--store", store, "-q", "--aliases", tmp_path / "none.tsv").exit_code == 0
    before = _relations(store)
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# alias\tlabel\ttype\nKlaverblad\t\tOrganisation\n", encoding="utf-8")
    result = kg("build", sample_report.parent, "--store", store, "-q", "--aliases", aliases)
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        f"kg: error: {aliases}:2: an alias row needs both an alias and a label (alias<TAB>label[<TAB>type])"
    )
    assert _relations(store) == before


@pytest.mark.parametrize("kind", ["cp1252", "folder", "fifo"])
def test_unreadable_alias_file_is_exit_3_naming_it(tmp_path: Path, sample_report: Path, kind: str):
    aliases = tmp_path / "aliases.tsv"
    if kind == "cp1252":
        aliases.write_bytes("Coöperatie Noord\tNoord\n".encode("cp1252"))
    elif kind == "folder":
        aliases.mkdir()
    else:
        os.mkfifo(aliases)
    result = kg("build", sample_report.parent, "--store", tmp_path / "s", "-q", "--aliases", aliases)
    assert result.exit_code == 3, result.output
    line = result.stderr.strip()
    assert line.startswith(f"kg: error: {aliases}: ") and "\n" not in line
    assert {"cp1252": "not UTF-8", "folder": "is a folder", "fifo": "not a regular file"}[kind] in line


def _curation(folder: Path, rows: list[dict]) -> Path:
    folder.mkdir(exist_ok=True)
    return write_curation_file(folder / "c.tsv", rows)


ADD = {"decision": "add", "subject": "Klaverblad", "relation": "partnerOf", "object": "Ster Oost",
       "subject_type": "Organisation", "object_type": "Organisation"}


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"date": "gisteren"}, "date 'gisteren' is not a date; write it as YYYY-MM-DD"),
        ({"date": "2015-02-30"}, "date '2015-02-30' is not a date"),
        ({"start": "²"}, "start '²' is not a character offset"),
        ({"end": "-3"}, "end '-3' is not a character offset"),
    ],
)
def test_a_bad_curation_row_fails_its_report_only(tmp_path: Path, bad: dict, message: str):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "een.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
    (reports / "twee.txt").write_text(_texts(1)[0], encoding="utf-8")
    store = tmp_path / "s"
    curations = tmp_path / "cur"
    good = _curation(curations, [dict(ADD, report="een.txt")])
    assert kg("build", reports, "--store", store, "-q", "--curations", curations).exit_code == 0
    assert any(r["object"] == "Ster Oost" for r in _relations(store))
    # now a bad row about een.txt; twee.txt changes too and must still go in
    _curation(curations, [dict(ADD, report="een.txt"), dict(ADD, report="een.txt", object="Maan West", **bad)])
    (reports / "twee.txt").write_text(_texts(2)[1], encoding="utf-8")
    result = kg("build", reports, "--store", store, "-q", "--curations", curations)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {good}:3: {message}")
    assert lines[0].endswith("report een.txt was not rebuilt")
    relations = _relations(store)
    assert any(r["object"] == "Ster Oost" for r in relations), "the good decision is kept"
    assert not any(r["object"] == "Maan West" for r in relations)
    assert "Stichting Eiland1 werkt samen" in _reports(store)["twee.txt"]
    # every later command works, without a traceback
    for args in (["export", "relations", "--format", "tsv"], ["stats"], ["validate"], ["entities"]):
        later = kg(*args, "--store", store)
        assert later.exit_code == 0 and "Traceback" not in later.output, (args, later.output)


def test_a_store_with_reports_named_the_old_way_is_renamed_on_the_next_build(tmp_path: Path, sample_report: Path):
    """Stores written before report IRIs kept the whole name (``report/x-txt``): the next
    build moves each report to its new graph and leaves no copy under the old one."""
    from kg.namespaces import KGR, report_iri
    from kg.store import open_store

    store = tmp_path / "s"
    assert kg("build", sample_report, "--store", store, "-q").exit_code == 0
    new = report_iri(sample_report.name)
    old = f"{KGR}report/werkbezoek-klaverblad-txt"
    with open_store(store) as st:
        st.update(f"""DELETE {{ GRAPH <{new}> {{ <{new}> ?p ?o }} }} INSERT {{ GRAPH <{new}> {{ <{old}> ?p ?o }} }}
                      WHERE {{ GRAPH <{new}> {{ <{new}> ?p ?o }} }} ;
                      MOVE GRAPH <{new}> TO GRAPH <{old}>""")
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a kg:Report } }"
    assert kg("query", graphs, "--store", store, "--format", "csv").stdout.split()[1:] == [old]
    again = kg("build", sample_report, "--store", store, "-q")
    assert again.exit_code == 0, again.output
    assert kg("query", graphs, "--store", store, "--format", "csv").stdout.split()[1:] == [new]
    assert kg("query", f"ASK {{ GRAPH <{old}> {{ ?s ?p ?o }} }}", "--store", store, "--format", "csv").stdout.split()[1:] == ["false"]
