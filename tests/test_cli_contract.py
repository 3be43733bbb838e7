"""The CLI is one call deep (issue 11): each command parses, makes one kg API call, prints and
picks the exit code; the API covers every command; usage errors exit 2; the exit codes of the
README hold for the cases found wrong."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.main import get_command
from typer.testing import CliRunner

import kg
import kg.api as api
from kg.cli import app
from kg.errors import InputError, QueryError, ReportsFailed, UnknownActor, UsageError

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

#: CLI command -> the kg API function it is a layer over.
COMMAND_API = {
    "build": "build", "ingest": "build", "remove": "remove", "reports": "reports", "query": "query",
    "export": "export", "stats": "stats", "entities": "entities", "validate": "validate", "viz": "render",
    "review": "review", "eval": "evaluate", "train": "train",
    "network stats": "network_stats", "network path": "paths", "network neighbours": "neighbours",
}

#: What a command may import besides kg.api: opening the store, errors, parsing a parameter.
ALLOWED_IMPORTS = {
    "kg.api": None, "kg.errors": None, "kg": {"__version__"},
    "kg.store": {"open_store"}, "kg.sparql": {"parse_params"},
}


def kg_cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def _commands(group, prefix="") -> dict:
    out = {}
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            out.update(_commands(cmd, f"{prefix}{name} "))
        else:
            out[prefix + name] = cmd
    return out


def test_the_api_covers_every_command():
    commands = _commands(get_command(app))
    assert set(commands) == set(COMMAND_API)
    for fn in COMMAND_API.values():
        assert fn in kg.__all__ and callable(getattr(kg, fn)), fn


def test_commands_reach_only_the_api():
    tree = ast.parse((ROOT / "kg" / "cli.py").read_text(encoding="utf-8"))
    wrong = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            allowed = ALLOWED_IMPORTS.get(node.module, set())
            names = {a.name for a in node.names}
            if node.module not in ALLOWED_IMPORTS or (allowed is not None and not names <= allowed):
                wrong.append(f"line {node.lineno}: from {node.module} import {', '.join(sorted(names))}")
        elif isinstance(node, ast.Import):
            wrong += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.startswith("kg") and a.name != "kg.api"]
    assert not wrong, wrong


@pytest.mark.parametrize("args", [
    ("query",),                                      # no query at all
    ("query", "ASK { ?s ?p ?o }", "--name", "mergers"),  # both a query and a name
    ("entities", "--type", "Planet"),                # no such type
    ("entities", "--format", "xml"),                 # xml is for SPARQL results
    ("export", "graph", "--format", "csv"),          # the whole graph has no table
    ("export", "relations", "--format", "docx"),     # typer's own usage error
])
def test_usage_errors_exit_2(args, tmp_path):
    result = kg_cli(*args, "--store", "memory:")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_export_graph_csv_says_what_to_use(tmp_path):
    result = kg_cli("export", "graph", "--format", "csv", "--store", "memory:")
    assert "kg: error: the whole graph has no 'csv' table" in result.output


def test_network_path_without_a_chain_is_an_answer_not_an_error(tmp_path):
    report = tmp_path / "eilanden.txt"
    report.write_text("Stichting De Eik in Assen werkt samen met Humanitas.\n\n"
                      "In Zwolle werkt Stichting Het Anker samen met De Zonnebloem.\n", encoding="utf-8")
    with kg.open_store(tmp_path / "s", create=True) as store:
        kg.build(store, [report], curations=None, aliases=None)
    result = kg_cli("network", "path", "Stichting De Eik", "Stichting Het Anker", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert "no chain of relations between" in result.output
    unknown = kg_cli("network", "path", "Stichting De Eik", "Niemand Bestaat", "--store", tmp_path / "s")
    assert unknown.exit_code == 4 and "no actor called 'Niemand Bestaat'" in unknown.output


def test_build_of_a_missing_path_raises(tmp_path):
    with kg.open_store("memory:") as store, pytest.raises(ReportsFailed, match="missing/path: no such file") as exc:
        kg.build(store, ["missing/path"])
    assert isinstance(exc.value, InputError) and exc.value.exit_code == 3
    assert [o.name for o in exc.value.summary.failed] == ["missing/path"]


def test_build_raises_after_the_others_went_in(tmp_path, sample_report):
    with kg.open_store("memory:") as store:
        with pytest.raises(ReportsFailed) as exc:
            kg.build(store, [tmp_path / "weg.txt", sample_report], curations=None, aliases=None)
        assert exc.value.summary.count("added") == 1
        assert [r["name"] for r in kg.reports(store)] == [sample_report.name]


def test_flags_show_as_flags_in_help():
    for args in (("build", "--help"), ("eval", "--help"), ("query", "--help"), ("viz", "--help")):
        out = kg_cli(*args).output
        for line in out.splitlines():
            if re.search(r"--(quiet|force|list|update|communities)\b", line):
                assert "<bool>" not in line, line
    assert re.search(r"--quiet\s+-q\s+No progress bar", kg_cli("build", "--help").output)


def test_actor_call_lets_a_bug_be_a_bug():
    def buggy():
        return {}["missing"]

    with pytest.raises(KeyError) as exc:
        api.actor_call(buggy)
    assert not isinstance(exc.value, QueryError)
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="Stichting A", type="Organisation")
    with pytest.raises(UnknownActor, match="no actor called 'Niemand'") as exc:
        kg.paths(graph, "Stichting A", "Niemand")
    assert isinstance(exc.value, QueryError) and isinstance(exc.value, KeyError)
    assert str(exc.value).startswith("no actor")  # not KeyError's quoted form


def test_api_remove_reports_stats_entities(tmp_path, sample_report):
    with kg.open_store("memory:") as store:
        kg.build(store, [sample_report], curations=None, aliases=None)
        assert [r["name"] for r in kg.reports(store)] == [sample_report.name]
        stats = kg.stats(store)
        assert stats["reports"] == 1 and stats["entities"]
        orgs = kg.entities(store, "organisation")
        assert orgs and {e.type for e in orgs} == {"Organisation"}
        with pytest.raises(UsageError, match="unknown type 'Planet'"):
            kg.entities(store, "Planet")
        with pytest.raises(InputError, match="no report named 'nope.txt'"):
            kg.remove(store, [sample_report.name, "nope.txt"])
        assert len(kg.reports(store)) == 1  # an unknown name removes nothing
        assert kg.remove(store, [sample_report.name]) == [sample_report.name]
        assert kg.reports(store) == [] and kg.stats(store)["reports"] == 0


def test_query_notes_a_name_that_matches_nothing(built_seed_store):
    with kg.open_store(built_seed_store, read_only=True) as store:
        result = kg.query(store, name="actor", params={"name": "Niemand Bestaat"})
    assert not result.rows and any("Niemand Bestaat" in n for n in result.notes)
