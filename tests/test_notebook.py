"""notebooks/explore.ipynb runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT


@pytest.mark.slow
def test_notebook_executes(tmp_path):
    work = tmp_path / "notebooks"
    work.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    # The notebook finds the project from its folder; run it from a copy beside the real data.
    shutil.copy(ROOT / "notebooks" / "explore.ipynb", work / "explore.ipynb")
    (tmp_path / "data").symlink_to(ROOT / "data")
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}})
    client.execute()
    outputs = "\n".join(
        o.get("text", "") for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
    )
    assert "2 reports added" in outputs
    assert "actors," in outputs and "betweenness" in outputs
    assert "Noordermaat" in outputs
    assert (work / "network.html").stat().st_size > 10_000
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
