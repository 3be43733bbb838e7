"""kg.read on real files of every kind, and on every kind of bad input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import clean_text, find_reports, read_document

from conftest import REPORTS, SAMPLE_REPORT


def test_reads_seed_renditions():
    docs = [read_document(p) for p in sorted(REPORTS.glob("*.txt"))]
    assert len(docs) == 2
    for doc in docs:
        assert doc.kind == "txt"
        assert "Noordermaat" in doc.text
        assert "**" not in doc.text  # markdown emphasis is folded away
        assert len(doc.sha256) == 64


def test_reads_cp1252(tmp_path: Path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Coöperatie Één heeft cliënten in Assen.".encode("cp1252"))
    doc = read_document(path)
    assert doc.encoding == "cp1252"
    assert "Coöperatie" in doc.text and "cliënten" in doc.text


def test_reads_markdown_html_docx_pdf(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("# Kop\n\nDe **coöperatie** Samen is opgericht door Klaverblad.\n", encoding="utf-8")
    assert read_document(md).text.splitlines()[0] == "Kop"

    html = tmp_path / "b.html"
    html.write_text(
        "<html><head><title>T</title><script>alert(1)</script></head>"
        "<body><p>Klaverblad werkt samen met Humanitas.</p><ul><li>Vitaal Wonen</li></ul></body></html>",
        encoding="utf-8",
    )
    text = read_document(html).text
    assert "Klaverblad werkt samen met Humanitas." in text and "Vitaal Wonen" in text
    assert "alert" not in text

    import docx

    d = docx.Document()
    d.add_paragraph("Stichting Klaverblad is gevestigd in Zwolle.")
    d.save(tmp_path / "c.docx")
    assert "gevestigd in Zwolle" in read_document(tmp_path / "c.docx").text

    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "d.pdf"))
    c.drawString(72, 720, "Klaverblad biedt schuldhulpverlening in Zwolle.")
    c.save()
    doc = read_document(tmp_path / "d.pdf")
    assert doc.kind == "pdf" and "schuldhulpverlening" in doc.text


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("leeg.txt", b"", "is empty"),
        ("spaties.txt", b"   \n\n  ", "is empty"),
        ("binair.txt", b"\x00\x01\x02\x03binary\x00", "binary"),
        ("kapot.pdf", b"%PDF-1.4\n this is no pdf at all", "corrupt or unreadable PDF"),
        ("nep.pdf", b"just text with a pdf name", "not a PDF"),
        ("kapot.docx", b"PK\x03\x04 not really a zip", "corrupt or unreadable Word"),
        ("rapport.xlsx", b"whatever", "unknown kind of report"),
        ("geen-extensie", b"tekst", "unknown kind of report"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, content: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    text = str(info.value)
    assert message in text and name in text
    assert "\n" not in text


def test_not_text_in_any_encoding(tmp_path: Path):
    path = tmp_path / "vreemd.txt"
    # high bytes that no single-byte code page makes into text: no encoding is guessed
    path.write_bytes(b"Klaverblad " + bytes(range(0x80, 0x100)) + b" in Zwolle")
    with pytest.raises(InputError, match="is not UTF-8, Windows-1252 or other text kg recognises; save it as UTF-8"):
        read_document(path)


def test_missing_path(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "weg.txt")
    with pytest.raises(InputError, match="no such file or folder"):
        list(find_reports([tmp_path / "weg"]))


def test_find_reports_names_by_relative_path(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
    (tmp_path / "b.md").write_text(SAMPLE_REPORT, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"skip me")
    found = [name for _, name in find_reports([tmp_path])]
    assert found == ["b.md", "sub/a.txt"]


def test_clean_text_folds_invisible_differences():
    assert clean_text("co\u00adoperatie\u00a0A\r\nB \ufb01ets") == "cooperatie A\nB fiets"


def test_accents_written_as_a_letter_and_a_combining_mark_read_as_one_letter(tmp_path: Path):
    """Text out of some PDFs and Macs writes "é" as "e" + U+0301: the report reads as the same
    text (and so gives the same names) as one written with "é"."""
    composed = "Stichting Welzijn Súdwest-Fryslân werkt samen met Coöperatie Eén Dorp.\n"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    (tmp_path / "nfd.txt").write_text(decomposed, encoding="utf-8")
    (tmp_path / "nfc.txt").write_text(composed, encoding="utf-8")
    assert read_document(tmp_path / "nfd.txt").text == read_document(tmp_path / "nfc.txt").text == composed


def test_a_web_pages_list_reads_as_bulleted_lines_and_its_items_as_a_list(tmp_path: Path):
    """<li> items come one under the other as bulleted lines, as a text report writes a list:
    "de volgende organisaties:" then reaches each (read as paragraphs, the list was lost)."""
    from kg.extract import extract

    page = tmp_path / "coalitie.html"
    page.write_text(
        "<html><body><h1>Coalitie Klaverblad Zwolle</h1><p>Op de bijeenkomst is de Coalitie "
        "Klaverblad gevormd. De kartrekkers komen uit de volgende organisaties:</p><ul>"
        "<li>Stichting Avondrood</li><li>Humanis Vlist</li><li>Welzijn Vliethaven</li></ul>"
        "<p>De coalitie komt elk kwartaal bijeen.</p></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert "organisaties:\n\n• Stichting Avondrood\n• Humanis Vlist\n• Welzijn Vliethaven\n\nDe coalitie" in doc.text
    members = {c.subject.name for c in extract(doc).candidates if c.relation == "memberOf"}
    assert members == {"Stichting Avondrood", "Humanis Vlist", "Welzijn Vliethaven"}


def test_a_word_files_bulleted_list_reads_as_bulleted_lines_and_its_items_as_a_list(tmp_path: Path):
    """Word's list paragraphs (list numbering, "List Bullet") come one under the other as bulleted
    lines, as a text report writes a list (as paragraphs of their own, the list was lost)."""
    import docx

    from kg.extract import extract

    d = docx.Document()
    d.add_heading("Coalitie Klaverblad Zwolle", level=1)
    d.add_paragraph("Op de bijeenkomst is de Coalitie Klaverblad gevormd. De kartrekkers komen uit "
                    "de volgende organisaties:")
    for name in ("Stichting Avondrood", "Humanis Vlist", "Welzijn Vliethaven"):
        d.add_paragraph(name, style="List Bullet")
    d.add_paragraph("• Welzijn Noorderhaven", style="List Bullet")  # a bullet typed as well: not twice
    d.add_paragraph("De coalitie komt elk kwartaal bijeen.")
    d.save(tmp_path / "coalitie.docx")
    doc = read_document(tmp_path / "coalitie.docx")
    assert ("organisaties:\n\n• Stichting Avondrood\n• Humanis Vlist\n• Welzijn Vliethaven\n"
            "• Welzijn Noorderhaven\n\nDe coalitie") in doc.text
    members = {c.subject.name for c in extract(doc).candidates if c.relation == "memberOf"}
    assert members == {"Stichting Avondrood", "Humanis Vlist", "Welzijn Vliethaven", "Welzijn Noorderhaven"}


def test_the_bullets_of_words_symbol_fonts_in_pdf_text_are_bullets():
    """Word's bullets (Symbol, Wingdings) come out of a PDF as private-use characters ("\\uf0b7"):
    they read as "•", so a list after "de volgende organisaties:" reaches its items."""
    from kg.extract import extract
    from kg.read import document_from_text

    text = ("Op de bijeenkomst is de Coalitie Klaverblad gevormd. De kartrekkers komen uit de volgende "
            "organisaties:\n\uf0b7 Stichting Avondrood\n\uf0b7 Humanis Vlist\n\uf0a7 Welzijn Vliethaven\n")
    assert clean_text(text).count("\n• ") == 3
    members = {c.subject.name for c in extract(document_from_text(text)).candidates if c.relation == "memberOf"}
    assert members == {"Stichting Avondrood", "Humanis Vlist", "Welzijn Vliethaven"}


def test_a_web_pages_list_item_with_a_list_inside_keeps_its_own_words(tmp_path: Path):
    page = tmp_path / "diensten.html"
    page.write_text("<p>Welzijn Vliethaven biedt onder meer:</p><ul><li>Jongerenwerk<ul><li>in Noord</li>"
                    "<li>in Oost</li></ul></li><li><b>Ouderenwerk</b> voor iedereen</li></ul>", encoding="utf-8")
    assert read_document(page).text == ("Welzijn Vliethaven biedt onder meer:\n\n• Jongerenwerk\n• in Noord\n"
                                        "• in Oost\n• Ouderenwerk voor iedereen")
