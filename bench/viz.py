"""How fast is the network page on a large graph? Prints figures; not a test.

Builds a synthetic social-domain network of 5,000 actors and 15,000 relations (a
clustered power-law graph with kg's node and relation types, dates on some relations and a
few mergers), writes the page with kg.viz.render, then opens it in headless Chromium with
networking off and measures:

* render      writing the page in Python (layout included)
* first draw  navigation start -> vis-network's first afterDrawing
* ready       navigation start -> the page's data-ready (UI built, network interactive)
* search      typing a name -> node selected, panel open, zoomed (next frame drawn)
* filter      unticking a node type -> the network redrawn
* as of       setting the date control -> the network redrawn
* frame       one full redraw of the whole network (network.redraw, synchronous)

Usage:  .venv/bin/python bench/viz.py [--nodes 5000] [--edges 15000] [--out out/bench-network.html]
Target: ready under 5 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import viz  # noqa: E402
from kg.model import ENTITY_TYPES, RELATION_TYPES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic(n: int, m: int, seed: int = 1) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    base = nx.powerlaw_cluster_graph(n, max(1, m // n), 0.3, seed=seed)
    pairs = [(a, b) for a, b in base.edges()]
    seen = set(pairs)
    while len(pairs) < m:  # top up to exactly m distinct pairs
        a, b = rnd.randrange(n), rnd.randrange(n)
        if a != b and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            pairs.append((a, b))
    pairs = pairs[:m]
    g = nx.MultiDiGraph()
    weights = [40, 4, 3, 6, 1, 8, 6, 12, 20]
    for i in range(n):
        t = rnd.choices(ENTITY_TYPES, weights=weights)[0]
        ids = {"cbs": f"GM{i:04d}"} if t == "Municipality" else {}
        g.add_node(f"https://w3id.org/kg-sociaal/id/x/{i}", label=f"{t} {i}", type=t,
                   aliases=[f"alias {i}"] if i % 7 == 0 else [], identifiers=ids)
    mergers = 0
    for a, b in pairs:
        rel = rnd.choice(RELATION_TYPES)
        date = ""
        if rel == "mergesInto":
            if mergers >= 50:
                rel = "partnerOf"
            else:
                mergers += 1
                date = f"{rnd.randint(2005, 2020)}-01-01"
        elif rel == "offersService" and rnd.random() < 0.5:
            date = f"{rnd.randint(2005, 2020)}-{rnd.randint(1, 12):02d}-01"
        g.add_edge(f"https://w3id.org/kg-sociaal/id/x/{a}", f"https://w3id.org/kg-sociaal/id/x/{b}",
                   key=rel, relation=rel, date=date, modality="asserted", confidence=0.8,
                   evidence=[{"sentence": f"Zin {a}-{b} over {rel}.", "report": f"rapport-{a % 40}.txt",
                              "start": 10 * a, "end": 10 * a + 20}],
                   sources=[f"rapport-{a % 40}.txt"])
    return g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=15000)
    ap.add_argument("--out", default=str(ROOT / "out" / "bench-network.html"))
    ap.add_argument("--size", default="degree", help="degree | betweenness | pagerank | none")
    a = ap.parse_args()

    t0 = time.perf_counter()
    g = synthetic(a.nodes, a.edges)
    t_graph = time.perf_counter() - t0
    t0 = time.perf_counter()
    info = viz.render(g, a.out, size_by=a.size)
    t_render = time.perf_counter() - t0
    size_mb = Path(a.out).stat().st_size / 1e6
    print(f"graph        {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges "
          f"(built in {t_graph:.2f} s)")
    print(f"render       {t_render:.2f} s  -> {a.out} ({size_mb:.1f} MB), layout={info['layout']}, "
          f"physics={'on' if info['physics'] else 'off'}, size by {info['size_by']}")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = b.new_page(viewport={"width": 1400, "height": 850})
        errors, requests = [], []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                requests.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.add_init_script(
            "window.__t = {}; addEventListener('DOMContentLoaded', () => { window.__t.dom = performance.now(); });"
        )
        page.goto(Path(a.out).resolve().as_uri(), wait_until="commit")
        # the first afterDrawing: hook as soon as the network exists
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120000)
        ready = page.evaluate("performance.now()")
        timing = page.evaluate("""() => ({
            dom: window.__t.dom,
            nav: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
            load: performance.getEntriesByType('navigation')[0].loadEventEnd })""")
        drawn = page.evaluate("window.kg.network.body.nodeIndices.length")

        def redraw_ms(action: str) -> float:
            return page.evaluate(
                """(action) => new Promise(res => {
                    const t = performance.now();
                    kg.network.once('afterDrawing', () => res(performance.now() - t));
                    (new Function(action))();
                    kg.network.redraw();
                })""",
                action,
            )

        frame = page.evaluate("""() => { let best = 1e9; for (let i = 0; i < 3; i++) {
            const t = performance.now(); kg.network.renderer._redraw();
            best = Math.min(best, performance.now() - t); } return best; }""")
        name = page.evaluate("kg.raw[kg.nodes.getIds()[17]].kgLabel")
        t_search = redraw_ms(f"const s = document.getElementById('kg-search'); s.value = {name!r}; "
                             "s.dispatchEvent(new Event('input'));")
        sel = page.evaluate("kg.network.getSelectedNodes()")
        t_filter = redraw_ms("document.querySelector('input[data-type=Organisation]').click()")
        t_unfilter = redraw_ms("document.querySelector('input[data-type=Organisation]').click()")
        t_asof = redraw_ms("kg.setAsOf('2012-06-01')")
        merged = page.evaluate("Object.keys(kg.view().ended).length")
        t_clear = redraw_ms("kg.setAsOf('')")
        hover_ok = page.evaluate("typeof kg.network.body.nodes[kg.nodes.getIds()[0]] === 'object'")
        b.close()

    print(f"page         DOMContentLoaded {timing['dom'] / 1000:.2f} s (parse + inline vis-network)")
    print(f"ready        {ready / 1000:.2f} s after navigation: {drawn:,} nodes drawn, interactive "
          f"{'(target < 5 s: OK)' if ready < 5000 else '(target < 5 s: MISSED)'}")
    print(f"frame        {frame:.0f} ms for one full redraw of the network")
    print(f"search       {t_search:.0f} ms from typing {name!r} to the next frame: {len(sel)} node selected, panel open")
    print(f"filter       {t_filter:.0f} ms to hide every Organisation and its edges "
          f"(and {t_unfilter:.0f} ms to bring them back)")
    print(f"as of        {t_asof:.0f} ms to show the network as of 2012-06-01 ({merged} organisations merged), "
          f"{t_clear:.0f} ms back to all dates")
    print(f"offline      {len(requests)} network requests, {len(errors)} console errors"
          + (f": {errors[:3]}" if errors else "") + ("" if hover_ok else " (hover check failed)"))


if __name__ == "__main__":
    main()
