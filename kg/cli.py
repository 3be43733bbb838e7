"""The ``kg`` command: a thin typer layer over :mod:`kg.api`.

Each command parses its arguments, opens the store, makes one :mod:`kg.api` call, prints,
and turns kg's errors into a one-line message and an exit code (listed in kg/errors.py and
the README).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="A knowledge graph of the Dutch social domain, read from reports.\n\n"
    "Build it with 'kg build data/reports', then query, explore and export it.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=True,
)
network_app = typer.Typer(help="Network analysis: statistics, paths and neighbourhoods.", no_args_is_help=True)
app.add_typer(network_app, name="network")

StoreOpt = Annotated[
    Optional[str],
    typer.Option(
        "--store",
        "-s",
        help="The store: a folder (default .kg, or $KG_STORE), 'memory:', or sparql+http://HOST:PORT/sparql "
        "(a SPARQL server: each request to it may take $KG_STORE_TIMEOUT seconds in all, default 300).",
        show_default=False,
    ),
]


#: What must not reach a terminal raw: C0 and C1 control characters (an escape sequence in a
#: report or file name could retitle the window or rewrite the screen) and the Unicode
#: direction overrides that reorder what is shown. Newline and tab are kept where allowed.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object, *, one_line: bool = False) -> str:
    """Text fit for the terminal: control characters shown as escapes (``\\x1b``); with
    ``one_line`` also newlines and tabs, so that a message stays one line."""
    out = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text).replace("\r\n", "\n"))
    if one_line:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def _echo(message: str, err: bool = False) -> None:
    typer.echo(safe(message), err=err)


def _err(message: str) -> None:
    typer.echo(f"kg: error: {safe(message, one_line=True)}", err=True)


def command(fn: Callable) -> Callable:
    """Turn kg's errors into one line on stderr and the error's exit code; never a traceback."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        import logging

        # rdflib logs a traceback for every ill-typed literal it reads ("gisteren"^^xsd:date
        # from someone's update): the value is still shown as written, so keep it quiet
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader stopped early ('kg entities | head'): not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if os.environ.get("KG_DEBUG"):
                raise
            _err(f"unexpected {type(exc).__name__}: {exc} (set KG_DEBUG=1 for the traceback)")
            raise typer.Exit(1) from None

    return wrapper


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# -- build / ingest ------------------------------------------------------------------------

class _RichProgress:
    """The build's progress as a rich progress bar on stderr, with reports per second."""

    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        class Rate(TextColumn):
            def render(self, task):  # reports per second
                speed = task.finished_speed or task.speed
                from rich.text import Text

                return Text(f"{speed:.1f} reports/s" if speed else "", style="progress.data.speed")

        self.progress = Progress(
            TextColumn("[bold]reading reports"),
            BarColumn(),
            MofNCompleteColumn(),
            Rate(""),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}"),
            console=console,
            transient=False,
            disable=not console.is_terminal,
        )
        self.task = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("build", total=total, current="")

    def advance(self, name: str, status: str) -> None:
        self.progress.update(self.task, advance=1, current=f"{name} ({status})")

    def stop(self) -> None:
        self.progress.stop()


def _run_build(paths, store_loc, jobs, min_confidence, curations, aliases, force, quiet, model) -> None:
    import kg.api as api
    from kg.store import open_store

    console = _console(stderr=True)
    progress = None if quiet else _RichProgress(console)
    from kg.errors import ReportsFailed

    failed = None
    with open_store(store_loc, create=True) as store:
        try:
            summary = api.build(
                store, paths, jobs=jobs, min_confidence=min_confidence,
                curations=curations, aliases=aliases, force=force, progress=progress, model=model,
            )
        except ReportsFailed as exc:  # the others went in: show what did, then what did not
            failed, summary = exc, exc.summary
        finally:
            if progress:
                progress.stop()
    if not quiet:
        _print_summary(summary, store.location)
    for outcome in summary.failed:
        _err(outcome.message)
    if failed:
        raise typer.Exit(failed.exit_code)


def _print_summary(summary, location: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    table = Table(title=f"kg build → {safe(location, one_line=True)}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    for status in ("added", "replaced", "unchanged", "failed"):
        table.add_row(f"reports {status}", str(summary.count(status)))
    for type_, n in sorted(summary.entity_types.items()):
        table.add_row(f"entities: {type_}", str(n))
    for rel, n in sorted(summary.relation_types.items()):
        table.add_row(f"relations: {rel}", str(n))
    table.add_row("warnings", str(len(summary.warnings)))
    console.print(table)
    for warning in summary.warnings[:20]:
        console.print("[yellow]warning:[/] " + escape(safe(warning, one_line=True)), markup=True, highlight=False)
    if len(summary.warnings) > 20:
        console.print(f"... and {len(summary.warnings) - 20} more warnings")


JobsOpt = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for reading and extraction (default: the number of cores).")]
MinConfOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop extracted relations below this confidence (curated ones always stay).")]
CurationsOpt = Annotated[Path, typer.Option("--curations", help="Folder of curation TSVs to apply (see 'kg review').")]
AliasesOpt = Annotated[Path, typer.Option("--aliases", help="Your alias file: alias<TAB>label[<TAB>type].")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Process unchanged reports again.", metavar="")]
# metavar="": typer shows a flag's type ('<bool>') as if it took a value
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.", metavar="")]
ModelOpt = Annotated[Path, typer.Option("--model", help="Your relation model from 'kg train' (used when the file is there; else the shipped one).")]


def build(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (.txt .md .pdf .docx .html).")],
    store: StoreOpt = None,
    jobs: JobsOpt = None,
    min_confidence: MinConfOpt = 0.0,
    curations: CurationsOpt = Path("data/curations"),
    aliases: AliasesOpt = Path("data/aliases.tsv"),
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    model: ModelOpt = Path("data/relation-model.json"),
) -> None:
    """Read every report under PATHS into the store; unchanged reports are skipped."""
    _run_build(paths, store, jobs, min_confidence, curations, aliases, force, quiet, model)


app.command("build")(command(build))
app.command("ingest", help="Add or replace single reports in the store (the options of build).")(command(build))


@app.command()
@command
def remove(
    reports: Annotated[list[str], typer.Argument(help="Report names as 'kg reports' lists them.")],
    store: StoreOpt = None,
) -> None:
    """Remove reports (and all they said) from the store."""
    import kg.api as api
    from kg.store import open_store

    with open_store(store) as st:
        removed = api.remove(st, reports)
    for name in removed:
        _echo(f"removed {name}")


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


#: Every listing command takes the same --format, with the same default.
FormatOpt = Annotated[
    Optional[ListFormat],
    typer.Option("--format", "-f", help="table, csv, tsv or json (default: a table on a terminal, csv when piped).", show_default=False),
]


def _file_or_stdout(out: Optional[Path]) -> Optional[Path]:
    """``--out -`` is standard output, as for most command-line tools: no file named "-"."""
    return None if out is not None and str(out) == "-" else out


def _chosen(fmt, out: Optional[Path] = None) -> str:
    """The format asked for, else a table on a terminal and CSV when piped or written to a file."""
    if fmt is not None:
        return getattr(fmt, "value", fmt)
    return "table" if out is None and sys.stdout.isatty() else "csv"


@app.command()
@command
def reports(fmt: FormatOpt = None, store: StoreOpt = None) -> None:
    """List the reports in the store."""
    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        rows = api.reports(st)
    _print_records(rows, ["name", "kind", "title", "sha"], fmt)


# -- query ---------------------------------------------------------------------------------

class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"


@app.command()
@command
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq/.sparql file, or - to read it from standard input.", show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="Run a bundled query (see --list).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A parameter key=value (repeatable); bound safely.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the bundled queries and their parameters.", metavar="")] = False,
    fmt: Annotated[Optional[ResultFormat], typer.Option("--format", "-f", help="table, csv, tsv, json or xml: the SPARQL 1.1 results formats; a CONSTRUCT gives JSON-LD for json, else Turtle (default: a table on a terminal, csv when piped).", show_default=False)] = None,
    update: Annotated[bool, typer.Option("--update", help="Allow a SPARQL update (INSERT/DELETE/...) to change the store.", metavar="")] = False,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the result to this file (- or none: standard output).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no limit).")] = 120.0,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let the query call other SPARQL endpoints (SERVICE) or an update load URLs (LOAD); kg is offline without it.")] = False,
    store: StoreOpt = None,
) -> None:
    """Ask the graph a SPARQL 1.1 question: text, a file, or a bundled query."""
    import kg.api as api
    from kg.errors import UsageError
    from kg.sparql import parse_params
    from kg.store import open_store

    if list_:
        _list_queries(api.named_queries())
        return
    params = parse_params(param or [])
    if name is None and sparql is None:
        raise UsageError("give a SPARQL query, a .rq file, or --name NAME (kg query --list)")
    if name is not None and sparql is not None:
        raise UsageError("give either a SPARQL query or --name, not both")
    text = None
    if sparql is not None:
        text = _query_text(sparql)
    out = _file_or_stdout(out)
    if out is not None:
        api.check_output(out)
    chosen = _chosen(fmt, out)
    with open_store(store, read_only=not update) as st:
        result = api.query(st, text, name=name, params=params, update=update, allow_service=allow_service,
                           timeout=timeout or None, stream=chosen in ("csv", "tsv"))
        for note in result.notes if result is not None else ():
            _echo(f"kg: {note}", err=True)
        if result is None:
            typer.echo("update done", err=True)
            return
        if chosen == "table" and result.kind == "select":
            _print_records(result.records(), result.variables, "table")
            return
        if chosen == "table" and result.kind == "ask":
            typer.echo("true" if result.boolean else "false")
            return
        # csv and tsv rows are written as the store finds them
        written = api.write_result(result, "csv" if chosen == "table" else chosen, out, sys.stdout,
                                   clean=safe if sys.stdout.isatty() else str)
        if not written and name is not None:
            for note in api.empty_answer_notes(st, name, params):
                _echo(f"kg: {note}", err=True)


def _query_text(arg: str) -> str:
    from kg.errors import QueryError

    if arg == "-":
        text = sys.stdin.read()
        if not text.strip():
            raise QueryError("no query on standard input")
        return text
    looks_like_file = arg.endswith((".rq", ".sparql", ".ru")) or ("\n" not in arg and " " not in arg.strip() and Path(arg).suffix)
    if looks_like_file:
        path = Path(arg)
        if not path.exists():
            raise QueryError(f"{arg}: no such query file")
        import kg.api as api
        from kg.errors import InputError

        try:
            return api.read_text(path, what="query file")
        except InputError as exc:
            raise QueryError(str(exc)) from exc
    return arg


def _list_queries(queries) -> None:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    table.add_column("name")
    table.add_column("what it asks")
    table.add_column("parameters")
    for nq in queries.values():
        table.add_row(nq.name, nq.title + (f"\n[dim]{nq.description}[/]" if nq.description else ""),
                      "\n".join(f"{k}: {v}" for k, v in nq.params.items()) or "-")
    _console().print(table)


def _print_records(rows: list[dict], columns: list[str], fmt: ListFormat | str | None = None) -> None:
    """Rows as a table on a terminal, else as CSV; or as the format asked for. Lists are
    joined by '|' (kept as lists in JSON), as in the exports."""
    from kg.api import LIST_SEPARATOR, one_line

    fmt = _chosen(fmt)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2, default=str) + "\n")
        return

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return LIST_SEPARATOR.join(map(str, value))
        return str(value)

    if fmt == "tsv":  # one line a row
        rows = [{c: one_line(cell(r.get(c))) for c in columns} for r in rows]
    if fmt == "table":
        from rich.table import Table
        from rich.text import Text

        table = Table(show_header=True, header_style="bold")
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[Text(safe(cell(r.get(c)))) for c in columns])
        _console().print(table)
        _console(stderr=True).print(f"{len(rows)} rows", style="dim")
    else:
        sep = "\t" if fmt == "tsv" else ","
        import csv

        clean = safe if sys.stdout.isatty() else str
        writer = csv.writer(sys.stdout, delimiter=sep, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([clean(cell(r.get(c))) for c in columns])


# -- export --------------------------------------------------------------------------------

class ExportWhat(str, Enum):
    relations = "relations"
    entities = "entities"
    graph = "graph"


class ExportFormat(str, Enum):
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xlsx = "xlsx"
    jsonld = "jsonld"
    ttl = "ttl"
    nt = "nt"
    trig = "trig"
    nquads = "nquads"
    graphml = "graphml"
    gexf = "gexf"


@app.command()
@command
def export(
    what: Annotated[ExportWhat, typer.Argument(help="relations, entities or graph.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.tsv,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here (- or none: standard output).")] = None,
    delimiter: Annotated[Optional[str], typer.Option("--delimiter", "-d", help="CSV's separator, e.g. ';' for a Dutch Excel (default ',').")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the relations, the entities or the whole graph."""
    import kg.api as api
    from kg.errors import UsageError
    from kg.store import open_store

    out = _file_or_stdout(out)
    if out is not None:
        api.check_output(out)
    if fmt is ExportFormat.xlsx and out is None and sys.stdout.isatty():
        raise UsageError("an xlsx workbook is not for the terminal: give --out FILE.xlsx")
    with open_store(store, read_only=True) as st:
        data = api.export(st, what.value, fmt.value, out, delimiter=delimiter)
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    elif data is not None:
        sys.stdout.write(safe(data) if sys.stdout.isatty() else data)
    else:
        _echo(f"wrote {out}", err=True)


# -- inspect -------------------------------------------------------------------------------

@app.command()
@command
def stats(fmt: FormatOpt = None, store: StoreOpt = None) -> None:
    """Counts: reports, entities per type, relations per type."""
    from rich.table import Table

    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        s = api.stats(st)
    rows = [{"what": "reports", "count": s["reports"]}, {"what": "quads", "count": s["quads"]}]
    rows += [{"what": f"entities: {t}", "count": n} for t, n in sorted(s["entities"].items())]
    rows += [{"what": f"relations: {r}", "count": n} for r, n in sorted(s["relations"].items())]
    if _chosen(fmt) != "table":
        _print_records(rows, ["what", "count"], fmt)
        return
    table = Table(title=f"kg stats ({st.location})", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    for row in rows:
        table.add_row(row["what"], str(row["count"]))
    _console().print(table)


@app.command()
@command
def entities(
    type_: Annotated[Optional[str], typer.Option("--type", "-t", help="Only this type (Organisation, Municipality, Person, ...).")] = None,
    fmt: FormatOpt = None,
    store: StoreOpt = None,
) -> None:
    """List the entities: label, type, aliases and identifiers."""
    from dataclasses import asdict

    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        rows = [asdict(e) for e in api.entities(st, type_)]
    _print_records(rows, ["label", "type", "aliases", "identifiers"], fmt)


@app.command()
@command
def validate(store: StoreOpt = None) -> None:
    """Check the graph against the SHACL shapes in ontology/; non-zero exit on violations."""
    import kg.api as api
    from kg.errors import ValidationError
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        report = api.validate(st)
    if report.conforms:
        typer.echo("the graph conforms to the shapes")
        return
    for line in report.violations:
        _echo(line)
    raise ValidationError(f"{len(report.violations)} violation(s) of the shapes")


# -- viz -----------------------------------------------------------------------------------

class SizeBy(str, Enum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


@app.command()
@command
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("network.html"),
    focus: Annotated[Optional[str], typer.Option("--focus", help="Draw only the network around this actor (name or alias).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="With --focus: how many steps out.")] = 1,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Draw the network as of this date (YYYY-MM-DD): mergers done by then are drawn merged.")] = None,
    size: Annotated[SizeBy, typer.Option("--size", help="Node size by this centrality.")] = SizeBy.degree,
    communities: Annotated[bool, typer.Option("--communities", help="Colour nodes by community instead of type.", metavar="")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="The language of the page: Dutch (nl) or English (en).")] = Lang.nl,
    reports: Annotated[Optional[Path], typer.Option("--reports", help="The folder the reports were built from: the page links to the reports found there (default: data/reports if it exists).")] = None,
    min_confidence: MinConfOpt = 0.0,
    store: StoreOpt = None,
) -> None:
    """Write the network as one interactive HTML page that works offline."""
    import kg.api as api
    from kg.errors import InputError
    from kg.store import open_store

    api.check_output(out)
    if reports is None and Path("data/reports").is_dir():
        reports = Path("data/reports")
    elif reports is not None and not reports.is_dir():
        raise InputError(f"{reports}: no such folder of reports; give the folder the reports were built from")
    with open_store(store, read_only=True) as st:
        graph = api.to_networkx(st, min_confidence=min_confidence, negated=True)  # denied: hidden, can be shown
    info = api.render(graph, out, focus=focus, depth=depth, as_of=as_of, size_by=size.value, communities=communities,
                      lang=lang.value, report_dir=reports)
    layout = "layout computed in Python, physics off" if info.get("layout") == "python" else "force-directed layout"
    extra = (f", around {focus} (depth {depth})" if focus else "") + (f", as of {as_of}" if as_of else "")
    _echo(f"wrote {out}: {info['nodes']} actors, {info['edges']} relations ({layout}{extra})")


# -- network analysis ----------------------------------------------------------------------

@network_app.command("stats")
@command
def network_stats(
    top: Annotated[int, typer.Option("--top", min=1, help="How many top actors to list.")] = 10,
    fmt: FormatOpt = None,
    store: StoreOpt = None,
) -> None:
    """Nodes, edges, components, density, and the top actors by degree and betweenness."""
    from rich.table import Table

    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        s = api.network_stats(st, top=top)
    # one flat table: the figures of the network, then the top actors by each measure
    rows = [{"measure": key.replace("_", " "), "actor": "", "type": "", "value": s[key]}
            for key in ("nodes", "edges", "components", "largest_component", "density")]
    rows += [{"measure": "nodes", "actor": "", "type": t, "value": n} for t, n in s["nodes_by_type"].items()]
    rows += [{"measure": f"edges: {rel}", "actor": "", "type": "", "value": n} for rel, n in s["edges_by_relation"].items()]
    for key, measure in (("top_degree", "degree"), ("top_betweenness", "betweenness")):
        rows += [{"measure": measure, "actor": i["label"], "type": i["type"], "value": i["score"]} for i in s[key]]
    if _chosen(fmt) != "table":
        _print_records(rows, ["measure", "actor", "type", "value"], fmt)
        return
    console = _console()
    summary = Table(title="network", show_header=False)
    for key in ("nodes", "edges", "components", "largest_component", "density"):
        summary.add_row(key.replace("_", " "), str(s[key]))
    for type_, n in s["nodes_by_type"].items():
        summary.add_row(f"nodes: {type_}", str(n))
    for rel, n in s["edges_by_relation"].items():
        summary.add_row(f"edges: {rel}", str(n))
    console.print(summary)
    for key, title in (("top_degree", "top actors by degree"), ("top_betweenness", "top actors by betweenness")):
        table = Table(title=title, show_header=True, header_style="bold")
        for col in ("actor", "type", "score"):
            table.add_column(col, justify="right" if col == "score" else "left")
        for item in s[key]:
            score = item["score"]
            table.add_row(safe(item["label"]), item["type"], f"{score:.3f}" if isinstance(score, float) else str(score))
        console.print(table)


def _relation_line(rel: dict) -> str:
    """'A --relation--> B [date] “evidence” (report)' for one relation of a chain."""
    date = f" [{rel['date']}]" if rel.get("date") else ""
    line = f"{rel['subject_label']} --{rel['relation']}--> {rel['object_label']}{date}"
    if rel.get("evidence"):
        ev = rel["evidence"][0]
        line += f"\n      “{' '.join(ev['sentence'].split())}” ({ev['report']})"
    return line


@network_app.command("path")
@command
def network_path(
    source: Annotated[str, typer.Argument(help="An actor's name or alias.")],
    target: Annotated[str, typer.Argument(help="Another actor's name or alias.")],
    max_paths: Annotated[int, typer.Option("--max", min=1, help="At most this many shortest chains.")] = 5,
    store: StoreOpt = None,
) -> None:
    """The shortest chains of relations between two actors, with evidence (none: said so, exit 0)."""
    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        chains = api.paths(st, source, target, max_paths=max_paths)
    if not chains:  # an answer, not an error: the two are not connected
        _echo(f"no chain of relations between {source} and {target}")
        return
    for i, chain in enumerate(chains, 1):
        names = [chain[0]["from_label"]] + [hop["to_label"] for hop in chain]
        _echo(f"chain {i} ({len(chain)} steps): {' — '.join(names)}")
        for hop in chain:
            for rel in hop["relations"]:
                _echo(f"  {_relation_line(rel)}")


@network_app.command("neighbours")
@command
def network_neighbours(
    name: Annotated[str, typer.Argument(help="An actor's name or alias.")],
    depth: Annotated[int, typer.Option("--depth", min=1, help="How many steps out.")] = 1,
    fmt: FormatOpt = None,
    store: StoreOpt = None,
) -> None:
    """The actors around one actor, up to DEPTH steps, with the relations that link them."""
    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        found = api.neighbours(st, name, depth=depth)
    rows = [
        {
            "actor": n["label"],
            "type": n["type"],
            "distance": n["distance"],
            "relations": [f"{r['subject_label']} {r['relation']} {r['object_label']}" for r in n["relations"]],
        }
        for n in found
    ]
    _print_records(rows, ["actor", "type", "distance", "relations"], fmt)


# -- curation and evaluation ---------------------------------------------------------------

@app.command()
@command
def review(
    report: Annotated[Path, typer.Argument(help="The report to review.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="The curation TSV (default data/curations/REPORT.tsv).")] = None,
    aliases: AliasesOpt = Path("data/aliases.tsv"),
) -> None:
    """Write every candidate relation of a report to a TSV to accept, reject, correct or add."""
    import kg.api as api

    path, new = api.review(report, out, aliases=aliases)
    _echo(f"wrote {path}: {new} new candidate relation(s); fill the 'decision' column "
               "(accept, reject, correct, add), then run 'kg build' again")


@app.command()
@command
def train(
    reports: Annotated[list[Path], typer.Argument(help="The reports (files or folders) the annotations or curations are about.")],
    gold_entities: Annotated[Optional[Path], typer.Option("--gold-entities", help="Annotated entities TSV (as for 'kg eval'; an id column names each report by its file stem).")] = None,
    gold_relations: Annotated[Optional[Path], typer.Option("--gold-relations", help="Annotated relations TSV (subject, relation, object, status, id).")] = None,
    curations: Annotated[Optional[Path], typer.Option("--curations", help="A folder of curation TSVs written by 'kg review' and filled in.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model; 'kg build' uses data/relation-model.json when it is there.")] = Path("data/relation-model.json"),
) -> None:
    """Teach the relation model on your own annotated or curated reports."""
    import kg.api as api

    path, figures = api.train(reports, gold_entities=gold_entities, gold_relations=gold_relations,
                              curations=curations, out=out)
    typer.echo(f"wrote {path}: trained on {figures['reports']} report(s), {figures['examples']} candidate "
               f"pair(s), {figures['positives']} relation(s); the next 'kg build' uses it")


@app.command("eval")
@command
def eval_(
    gold_entities: Annotated[Path, typer.Option("--gold-entities", help="Gold entities TSV (label, type, aliases, identifiers, status).")],
    gold_relations: Annotated[Path, typer.Option("--gold-relations", help="Gold relations TSV (subject, relation, object, date, status).")],
    ids: Annotated[Optional[str], typer.Option("--ids", help="Only these text ids (comma-separated), for gold files with an id column.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the score lines.", metavar="")] = False,
    store: StoreOpt = None,
) -> None:
    """Score the store's relations and entities against your own gold annotation."""
    import kg.api as api
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        result = api.evaluate(st, gold_entities, gold_relations, ids=[i for i in (ids or "").split(",") if i])
    _echo(result.render(quiet=quiet))


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print kg's version and exit.", metavar="")] = False,
) -> None:
    if version:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
