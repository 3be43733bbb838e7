"""Query speed on a graph of >= 1,000,000 triples: kg vs pyoxigraph vs rdflib, side by side.

    python bench/query.py [--reports 11000] [--repeat 3] [--rdflib-repeat 1] [--no-rdflib]

Generates the graph straight as N-Quads following docs/rdf-model.md (one named graph per
report: the report, its entities, relations with assertion and evidence nodes), bulk-loads it
into an on-disk pyoxigraph store, and runs every bundled named query (kg/queries/*.rq):

* through kg: ``kg.api.query(store, name=...)`` on kg's embedded store (rdflib terms out);
* the same SPARQL text straight on pyoxigraph, on the same store the same way (the default
  graph, which kg keeps as the union of the report graphs; results iterated);
* on rdflib's in-memory Dataset (default graph = union), parsed with rdflib's own parser.

Queries with a ``name`` parameter run for two actors (a typical one, with the median number of
relations, and the hub that most reports mention) and once over everything. kg looks a named
actor up first (kg.sparql.prepare_named); pyoxigraph is given the text kg then sends, so
"kg/ox" is kg's own overhead including that lookup. Two extra SPARQL queries: a 2-hop path
from each actor, and a GROUP BY over all organisations. Prints median and p95 per query in ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KG = "https://w3id.org/kg-sociaal/def#"
ID = "https://w3id.org/kg-sociaal/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RELS = ["foundedBy", "memberOf", "mergesInto", "partOf", "locatedIn", "leadsPilot", "headOf", "partnerOf", "offersService"]


def generate(n_reports: int, seed: int = 1) -> tuple[str, str]:
    """N-Quads of ``n_reports`` report graphs; returns (nquads, label of a well-connected org)."""
    rnd = random.Random(seed)
    n_orgs = max(1000, n_reports * 9)
    out: list[str] = []
    w = out.append

    def lit(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    munis = [(f"{ID}municipality/gm{i:04d}", f"Gemeente{i}", f"GM{i:04d}") for i in range(350)]
    for r in range(n_reports):
        rep = f"{ID}report/verslag-{r:05d}"
        g = f"<{rep}>"
        w(f"<{rep}> <{RDF}type> <{KG}Report> {g} .\n")
        w(f"<{rep}> <{KG}fileName> {lit(f'verslag-{r:05d}.txt')} {g} .\n")
        w(f"<{rep}> <{KG}sha256> {lit('%064x' % rnd.getrandbits(256))} {g} .\n")
        w(f"<{rep}> <{DCT}format> \"txt\" {g} .\n")
        w(f"<{rep}> <{DCT}title> {lit(f'Verslag overleg {r}')} {g} .\n")
        # skewed choice: a few organisations appear in many reports
        orgs = {min(int(rnd.paretovariate(0.9)) - 1, n_orgs - 1) if rnd.random() < 0.3 else rnd.randrange(n_orgs)
                for _ in range(6)}
        ents = []
        for o in orgs:
            iri = f"{ID}organisation/org-{o}"
            ents.append(iri)
            w(f"<{iri}> <{RDF}type> <{KG}Organisation> {g} .\n")
            w(f"<{iri}> <{SKOS}prefLabel> {lit(f'Stichting Org {o}')} {g} .\n")
            w(f"<{iri}> <{KG}mentionedIn> <{rep}> {g} .\n")
            if o % 7 == 0:
                w(f"<{iri}> <{SKOS}altLabel> {lit(f'Org{o}')} {g} .\n")
        m_iri, m_label, m_code = rnd.choice(munis)
        w(f"<{m_iri}> <{RDF}type> <{KG}Municipality> {g} .\n")
        w(f"<{m_iri}> <{SKOS}prefLabel> {lit(m_label)} {g} .\n")
        w(f"<{m_iri}> <{KG}cbsCode> {lit(m_code)} {g} .\n")
        w(f"<{m_iri}> <{KG}mentionedIn> <{rep}> {g} .\n")
        for k in range(7):
            rel = rnd.choice(RELS)
            s = rnd.choice(ents)
            o = m_iri if rel == "locatedIn" else rnd.choice(ents)
            if s == o:
                continue
            a = f"{ID}assertion/{r}-{k}"
            ev = f"{ID}evidence/{r}-{k}"
            w(f"<{s}> <{KG}{rel}> <{o}> {g} .\n")
            w(f"<{a}> <{RDF}type> <{KG}RelationAssertion> {g} .\n")
            w(f"<{a}> <{RDF}subject> <{s}> {g} .\n")
            w(f"<{a}> <{RDF}predicate> <{KG}{rel}> {g} .\n")
            w(f"<{a}> <{RDF}object> <{o}> {g} .\n")
            w(f"<{a}> <{KG}modality> \"asserted\" {g} .\n")
            w(f"<{a}> <{KG}confidence> \"0.8\"^^<{XSD}decimal> {g} .\n")
            w(f"<{a}> <{KG}rule> {lit(rel + ':regel')} {g} .\n")
            w(f"<{a}> <{PROV}wasDerivedFrom> <{rep}> {g} .\n")
            w(f"<{a}> <{KG}evidence> <{ev}> {g} .\n")
            if rel == "mergesInto":
                w(f"<{a}> <{KG}date> \"20{rnd.randint(10, 23)}-01-01\"^^<{XSD}date> {g} .\n")
            w(f"<{ev}> <{RDF}type> <{KG}Evidence> {g} .\n")
            w(f"<{ev}> <{KG}sentence> {lit(f'Zin {k} van verslag {r} over {rel}.')} {g} .\n")
            w(f"<{ev}> <{KG}startOffset> \"{k * 100}\"^^<{XSD}integer> {g} .\n")
            w(f"<{ev}> <{KG}endOffset> \"{k * 100 + 80}\"^^<{XSD}integer> {g} .\n")
            w(f"<{ev}> <{KG}inReport> <{rep}> {g} .\n")
    return "".join(out), "Stichting Org 0"


def typical_actor(oxs) -> tuple[str, int]:
    """The organisation with the median number of relations (of those with any), and that number."""
    rows = list(oxs.query(
        """SELECT ?l (COUNT(?a) AS ?n) WHERE {
             { ?a <%ssubject> ?x } UNION { ?a <%sobject> ?x }
             ?x a <%sOrganisation> ; <%sprefLabel> ?l } GROUP BY ?l ORDER BY ?n ?l""" % (RDF, RDF, KG, SKOS),
        use_default_graph_as_union=False,
    ))
    label, n = rows[len(rows) // 2]
    return label.value, int(n.value)


def _finishes(fn, budget: float) -> bool:
    """Run ``fn`` once in a forked child; False if it takes longer than ``budget`` seconds."""
    import multiprocessing as mp

    proc = mp.get_context("fork").Process(target=fn)
    proc.start()
    proc.join(budget)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return False
    return True


def timeit(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def p95(ts: list[float]) -> float:
    s = sorted(ts)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=11000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-repeat", type=int, default=1)
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--budget", type=float, default=300.0, help="seconds a query may take once before it is skipped")
    ap.add_argument("--rdflib-budget", type=float, default=120.0, help="the same for rdflib's memory Dataset")
    args = ap.parse_args()

    import pyoxigraph as ox

    from kg import api
    from kg.namespaces import sparql_prologue
    from kg.sparql import named_queries, prepare_named
    from kg.store import OxigraphStore

    t = time.perf_counter()
    nquads, hub = generate(args.reports)
    print(f"generated {nquads.count(chr(10))} quads ({len(nquads) / 1e6:.0f} MB N-Quads) in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        raw = ox.Store(str(path))
        t = time.perf_counter()
        raw.bulk_load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        # kg's layout: the default graph holds the union of the report graphs, every triple once
        union = dict.fromkeys(line.rsplit(" ", 2)[0] + " .\n" for line in nquads.splitlines())
        raw.bulk_load("".join(union).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        raw.flush()
        print(f"pyoxigraph bulk load: {time.perf_counter() - t:.1f} s")
        del raw
        t = time.perf_counter()
        store = OxigraphStore(path)
        print(f"reopen the on-disk store through kg: {(time.perf_counter() - t) * 1000:.0f} ms; "
              f"{store.quad_count()} quads")
        oxs = store._store

        typical, degree = typical_actor(oxs)
        print(f"actors: typical {typical!r} ({degree} relations), hub {hub!r}")
        actors = {"typical actor": typical, "hub": hub}
        cases: list[tuple[str, str | None, dict]] = []
        for name, nq in named_queries().items():
            if "name" in nq.params:
                for who, label in actors.items():
                    cases.append((f"{name} ({who})", name, {"name": label}))
            cases.append((name, name, {}))
        extra = {
            f"2-hop path ({who})": f"""SELECT DISTINCT ?b ?c WHERE {{ ?a skos:prefLabel "{label}" .
                ?a (kg:partnerOf|^kg:partnerOf|kg:foundedBy|kg:memberOf) ?b .
                ?b (kg:partnerOf|^kg:partnerOf|kg:foundedBy|kg:memberOf) ?c }}"""
            for who, label in actors.items()
        }
        extra["GROUP BY over all organisations"] = """SELECT ?o (COUNT(DISTINCT ?r) AS ?n) WHERE {
                ?o a kg:Organisation ; kg:mentionedIn ?r } GROUP BY ?o ORDER BY DESC(?n) LIMIT 20"""
        for label in extra:
            cases.append((label, None, {}))

        def text_of(name, params, label):
            if name is None:
                return sparql_prologue() + extra[label]
            return sparql_prologue() + prepare_named(store, name, params)

        results = []
        for label, name, params in cases:
            text = text_of(name, params, label)
            if name is None:
                def via_kg(text=text):
                    return api.query(store, extra[label]).rows
            else:
                def via_kg(name=name, params=params):
                    return api.query(store, name=name, params=params).rows

            def via_ox(text=text):
                return list(oxs.query(text, use_default_graph_as_union=False))

            if not _finishes(via_ox, args.budget):
                print(f"  {label}: over {args.budget:.0f} s on pyoxigraph: skipped", flush=True)
                results.append([label, None, None, None, None, text])
                continue
            n_rows = len(via_kg())
            t_kg = timeit(via_kg, args.repeat)
            t_ox = timeit(via_ox, args.repeat)
            results.append([label, n_rows, t_kg, t_ox, None, text])
            print(f"  {label}: kg {statistics.median(t_kg):.1f} ms, pyoxigraph {statistics.median(t_ox):.1f} ms", flush=True)

        if not args.no_rdflib:
            from rdflib import Dataset

            t = time.perf_counter()
            ds = Dataset(default_union=True)
            ds.parse(data=nquads, format="nquads")
            print(f"rdflib memory Dataset load: {time.perf_counter() - t:.1f} s")
            for row in results:
                if row[1] is None:
                    continue
                text = row[5]
                if not _finishes(lambda text=text: list(ds.query(text)), args.rdflib_budget):
                    row[4] = "over"
                    print(f"  {row[0]}: rdflib over {args.rdflib_budget:.0f} s", flush=True)
                    continue
                ts = timeit(lambda text=text: list(ds.query(text)), args.rdflib_repeat)
                row[4] = ts
                print(f"  {row[0]}: rdflib {statistics.median(ts):.0f} ms", flush=True)

        print()
        print("| query | rows | kg median | kg p95 | pyoxigraph median | pyoxigraph p95 | kg/ox | rdflib median | rdflib/kg |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for label, n, t_kg, t_ox, t_rdf, _ in results:
            if n is None:
                print(f"| {label} | - | over {args.budget:.0f} s | | | | | | |")
                continue
            mk, mo = statistics.median(t_kg), statistics.median(t_ox)
            if t_rdf == "over":
                rdf, speed = f"over {args.rdflib_budget:.0f} s", f">{args.rdflib_budget * 1000 / mk:.0f}x"
            else:
                rdf = f"{statistics.median(t_rdf):.0f}" if t_rdf else "-"
                speed = f"{statistics.median(t_rdf) / mk:.0f}x" if t_rdf else "-"
            print(f"| {label} | {n} | {mk:.1f} | {p95(t_kg):.1f} | {mo:.1f} | {p95(t_ox):.1f} | {mk / mo:.2f} | {rdf} | {speed} |")
        store.close()


if __name__ == "__main__":
    main()
