"""A report's title: the PDF's or Word file's own metadata title first, then its first line of
text that is not a running header or footer (issue 11: a PDF's running footer was taken)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from kg.cli import app
from kg.read import read_document

runner = CliRunner()

FOOTER = "Gemeente Assen - verslag werkbezoek - pagina {}"
BODY = [
    "Werkbezoek Noordermaat in Assen",
    "Stichting Noordermaat werkt samen met Humanitas in de gemeente Assen.",
    "Noordermaat biedt schuldhulpverlening en maatschappelijk werk.",
]


def _pdf(path: Path, title: str | None, pages: int = 3) -> Path:
    """A real PDF whose every page draws its running footer before the body, so the footer is
    the first text pypdf extracts."""
    c = canvas.Canvas(str(path))
    if title is not None:
        c.setTitle(title)
    for n in range(1, pages + 1):
        c.drawString(72, 40, FOOTER.format(n))
        y = 760
        for line in BODY if n == 1 else BODY[1:]:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()
    return path


def _docx(path: Path, title: str | None) -> Path:
    d = docx.Document()
    if title is not None:
        d.core_properties.title = title
    d.add_paragraph("Concept, niet verspreiden")
    d.add_paragraph(BODY[1])
    d.save(path)
    return path


def _titles(tmp_path: Path, folder: Path) -> dict[str, str]:
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(folder), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["query", "--store", str(store), "--format", "tsv",
                                 "SELECT ?name ?title WHERE { ?r kg:fileName ?name ; dcterms:title ?title }"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    return {name.strip('"'): title.strip('"') for name, title in rows}


def test_the_pdf_footer_comes_first_in_its_text(tmp_path: Path):
    # what made the old first-line title wrong: the test's PDF is the case it was about
    text = read_document(_pdf(tmp_path / "v.pdf", None)).text
    assert text.lstrip().startswith(FOOTER.format(1))


def test_titles_come_from_metadata_then_the_text(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    _pdf(folder / "met-titel.pdf", "Verslag werkbezoek Noordermaat 2013")
    _pdf(folder / "zonder-titel.pdf", None)  # reportlab writes "untitled": no title
    _docx(folder / "met-titel.docx", "Werkbezoek Humanitas Assen")
    _docx(folder / "zonder-titel.docx", None)
    assert _titles(tmp_path, folder) == {
        "met-titel.pdf": "Verslag werkbezoek Noordermaat 2013",
        "zonder-titel.pdf": "Werkbezoek Noordermaat in Assen",  # the footer skipped
        "met-titel.docx": "Werkbezoek Humanitas Assen",
        "zonder-titel.docx": "Concept, niet verspreiden",
    }


@pytest.mark.parametrize("title", ["Microsoft Word - verslag.docx", "  ", "Untitled"])
def test_a_title_software_filled_in_is_no_title(tmp_path: Path, title: str):
    assert read_document(_pdf(tmp_path / "v.pdf", title)).title == "Werkbezoek Noordermaat in Assen"


def test_a_one_page_pdf_keeps_its_first_line(tmp_path: Path):
    # one page: nothing repeats, so nothing is taken for a footer
    assert read_document(_pdf(tmp_path / "v.pdf", None, pages=1)).title == FOOTER.format(1)
