"""notebooks/explore.ipynb, the tutorial: saved with its outputs, and run top to bottom in a
real Jupyter kernel from a folder outside the project."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _texts(nb) -> list[str]:
    """The text of every output: printed streams and the plain-text form of results."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            out.append(o.get("text", "") + o.get("data", {}).get("text/plain", ""))
    return out


def test_the_notebook_is_saved_with_its_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))  # run in order, once
    silent = [c.source for c in code if not c.outputs]
    assert silent == ["store.close()"]
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    html = [o.data["text/html"] for c in code for o in c.outputs if "text/html" in o.get("data", {})]
    assert len([h for h in html if 'class="dataframe"' in h]) >= 8  # the answers are DataFrames
    assert any("<iframe" in h and "network.html" in h for h in html)  # the network page, inline
    assert nb.cells[0].source.startswith("# De kennisgraaf van het sociaal domein verkennen")


@pytest.mark.slow
def test_the_notebook_runs_from_another_folder(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    elsewhere = tmp_path / "ergens-anders"  # no data/ here: the notebook finds the project itself
    elsewhere.mkdir()
    shutil.copy(NOTEBOOK, elsewhere / "explore.ipynb")
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(elsewhere)}}).execute()
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    text = "\n".join(_texts(nb))
    assert "2 verslagen toegevoegd" in text and "2 eigen verslagen toegevoegd" in text
    assert "opnieuw gebouwd: 1 verslag vervangen" in text
    # the curated merger is in the graph, in time and in the Excel export
    assert "Welzijn Eemland" in text and "2018-01-01" in text
    assert "opgegaan in Welzijn Eemland" in text and "jaarbericht-welzijn-de-brug.tsv" in text
    # the centrality table ranks actors only
    ranking = next(t for t in _texts(nb) if "betweenness" in t and "actor" in t)
    assert "Service" not in ranking and "Neighbourhood" not in ranking and "Noordermaat" in ranking
    assert (elsewhere / "network.html").stat().st_size > 10_000
