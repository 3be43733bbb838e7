"""The README's main job (make run) on the bundled reports, and its page in a real browser.

The commands are read from the Makefile's ``run`` recipe, so this test runs exactly what the
README promises. Then out/network.html is opened in headless Chromium with networking off:
every node and edge of the graph is drawn, hovering an edge shows its evidence, no console
errors, no requests. The README's screenshot is taken from this page.
"""

from __future__ import annotations

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _run_recipe() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", text, flags=re.MULTILINE).group(1)
    return [line.strip() for line in recipe.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def main_job(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("main-job")
    store, out = work / "store", work / "out"
    bin_dir = Path(sys.executable).parent
    for line in _run_recipe():
        line = line.replace("$(BIN)", str(bin_dir)).replace("$(STORE)", str(store)).replace("$(OUT)", str(out))
        subprocess.run(shlex.split(line), cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    return {"store": store, "out": out}


def test_writes_the_four_files(main_job):
    out = main_job["out"]
    for name in ("network.html", "relations.tsv", "entities.tsv", "graph.ttl"):
        assert (out / name).stat().st_size > 1000, name
    rows = list(csv.DictReader((out / "relations.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert {"foundedBy", "mergesInto", "leadsPilot", "headOf", "partnerOf", "offersService"} <= {r["relation"] for r in rows}


@pytest.mark.skipif(not (SHARED / "eval" / "kgeval.py").exists(), reason="../shared/eval is not beside this checkout")
def test_main_job_scores_on_the_seed_gold(main_job):
    out = main_job["out"]
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "kgeval.py"),
         "--gold-entities", str(SHARED / "eval" / "seed-entities.tsv"),
         "--gold-relations", str(SHARED / "eval" / "seed-relations.tsv"),
         "--relations", str(out / "relations.tsv"), "--entities", str(out / "entities.tsv"), "--quiet"],
        check=True, capture_output=True, text=True,
    ).stdout
    rel = re.search(r"relations: .*F1=([0-9.]+).*dates=(\d+)/(\d+)", res)
    ent = re.search(r"entities: .*F1=([0-9.]+)", res)
    assert float(rel.group(1)) >= 0.95 and rel.group(2) == rel.group(3) == "7", res
    assert float(ent.group(1)) >= 0.90, res


def test_network_page_offline_in_chromium(main_job, tmp_path):
    from test_viz_browser import CHROMIUM, CHROMIUM_ARGS, UI, edges_of, sync_api

    import kg

    with kg.open_store(main_job["store"], read_only=True) as store:
        graph = kg.to_networkx(store)
    assert graph.number_of_nodes() > 20 and graph.number_of_edges() > 20
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        ui = UI(browser, main_job["out"] / "network.html", width=1440, height=860)
        try:
            # every node and edge of the graph is drawn
            assert ui.visible_nodes() == set(graph.nodes)
            assert ui.visible_edges() == edges_of(graph)
            drawn = ui.js("""Object.keys(kg.network.body.nodes).filter(id => {
                const n = kg.network.body.nodes[id]; return isFinite(n.x) && isFinite(n.y); })""")
            assert set(graph.nodes) <= set(drawn)
            # hovering an edge shows its evidence sentence and report
            s, o, key = next((s, o, k) for s, o, k in graph.edges(keys=True) if k == "leadsPilot")
            evidence = graph.edges[s, o, key]["evidence"][0]
            ui.js("kg.network.fit({animation: false})")
            x, y = ui.edge_xy(ui.edge_id(s, key, o))
            ui.page.mouse.move(x - 3, y - 3)
            ui.page.mouse.move(x, y)
            ui.page.wait_for_selector("#kg-tip:has-text('trekker van pilot')")  # Dutch: the ontology's label
            tip = ui.text("#kg-tip")
            assert " ".join(evidence["sentence"].split())[:40] in " ".join(tip.split())
            assert evidence["report"] in tip
            ui.page.mouse.move(5, 5)
            # the README's screenshot: the real network, one actor opened
            ui.page.fill("#kg-search", "Noordermaat")
            ui.page.keyboard.press("Enter")
            ui.wait_centred_on(ui.js("kg.state.selected"))
            ui.js("kg.network.fit({animation: false})")
            png = tmp_path / "network.png"
            ui.page.screenshot(path=str(png))
            assert png.stat().st_size > 20_000
            if os.environ.get("KG_SCREENSHOT"):  # 'make screenshot' renews the README's picture
                shutil.copyfile(png, os.environ["KG_SCREENSHOT"])
            ui.assert_clean()
        finally:
            ui.close()
            browser.close()
