"""Text reports in the encodings office software writes: UTF-8 first, then what
charset-normalizer finds, Windows-1252 where it reads as well (issue 11). Real files written
here, built through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_REPORT
from kg.cli import app
from kg.read import read_document

runner = CliRunner()

#: Dutch with the accents that tell code pages apart: ï is ď in cp1250, ë is ė in cp775.
ACCENTS = "Het café van Zoë: coöperatie, cliënten, reünie, één, naïef, ça va."


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("encoding, text, read_as", [
    ("cp1252", ACCENTS + " ‘Zo’ – €5 per uur.", "cp1252"),  # curly quotes, dash, euro: cp1252 only
    ("latin-1", ACCENTS, "cp1252"),  # Latin-1 text reads the same as cp1252
    ("utf-16-le", ACCENTS, "utf-16-le"),  # no byte-order mark
    ("utf-16-be", ACCENTS, "utf-16-be"),
    ("cp1250", "Spółdzielnia w Łodzi współpracuje z gminą Kraków. Zażółć gęślą jaźń.", "cp1250"),
    ("utf-8", ACCENTS, "utf-8"),
])
def test_a_text_in_an_encoding_reads_as_written(tmp_path: Path, encoding: str, text: str, read_as: str):
    path = tmp_path / "verslag.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert (doc.text, doc.encoding) == (text, read_as)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16-le"])
def test_a_report_builds_the_same_in_any_encoding(tmp_path: Path, encoding: str):
    """The sample report as UTF-8 and as another encoding: the same entities and relations."""
    exports = []
    for enc in ("utf-8", encoding):
        folder = tmp_path / enc / "r"
        folder.mkdir(parents=True)
        (folder / "werkbezoek.txt").write_bytes(SAMPLE_REPORT.encode(enc))
        store = tmp_path / enc / "store"
        result = kg("build", folder, "--store", store, "-q")
        assert result.exit_code == 0, result.output
        exports.append([kg("export", what, "--format", "tsv", "--store", store).stdout
                        for what in ("entities", "relations")])
    assert "De coöperatie Netwerk Noord" in exports[0][1]  # accents survive in the evidence
    assert exports[1] == exports[0]


@pytest.mark.parametrize("content", [
    b"\x00\x01\x02\x03binary\x00" * 50,  # NUL bytes, not UTF-16
    bytes(range(1, 32)) * 40 + "é".encode("cp1252"),  # control characters, no NUL
])
def test_a_binary_file_is_refused_in_one_line(tmp_path: Path, content: bytes):
    path = tmp_path / "binair.txt"
    path.write_bytes(content)
    result = kg("build", path, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 3
    assert result.stderr.strip() == f"kg: error: {path}: is a binary file, not a text report"
