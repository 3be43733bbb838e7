"""Only regular files are read, within limits, with messages that say what is wrong
(issue 14: items 12, 22, 23, 25)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_REPORT
from kg.cli import app
from kg.read import DOCX_MAX_XML

runner = CliRunner()
KG = [sys.executable, "-m", "kg"]


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def run_kg(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """kg in a process of its own: a read that blocks fails the test instead of hanging it."""
    return subprocess.run([*KG, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), stderr
    return lines[0]


def test_a_fifo_given_as_report_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "verslag.txt"
    os.mkfifo(fifo)
    result = run_kg("build", fifo, "--store", tmp_path / "s", "-q", cwd=tmp_path)
    assert result.returncode == 3
    assert "verslag.txt: is not a regular file" in _one_error_line(result.stderr)


def test_a_fifo_in_the_curations_folder_fails_alone(tmp_path: Path, sample_report: Path):
    curations = tmp_path / "cur"
    curations.mkdir()
    os.mkfifo(curations / "wacht.tsv")
    result = run_kg("build", sample_report.parent, "--store", tmp_path / "s", "-q", "--curations", curations, cwd=tmp_path)
    assert result.returncode == 3
    assert "wacht.tsv: is not a regular file" in _one_error_line(result.stderr)
    listed = run_kg("reports", "--store", tmp_path / "s", cwd=tmp_path)
    assert "werkbezoek-klaverblad.txt" in listed.stdout  # the report still went in


@pytest.mark.parametrize("how", ["device", "symlink"])
def test_dev_zero_is_refused_not_read(tmp_path: Path, how: str):
    target = Path("/dev/zero")
    if how == "symlink":
        target = tmp_path / "oneindig.txt"
        target.symlink_to("/dev/zero")
    for command in (["build", target, "--store", tmp_path / "s", "-q"], ["review", target, "--out", tmp_path / "r.tsv"]):
        result = run_kg(*command, cwd=tmp_path)
        assert result.returncode == 3
        line = _one_error_line(result.stderr)
        assert "not a regular file" in line or "unknown kind of report" in line


def test_store_in_a_folder_of_other_files_is_refused(tmp_path: Path, sample_report: Path):
    folder = tmp_path / "mijn-map"
    folder.mkdir()
    (folder / "notities.txt").write_text("van mij", encoding="utf-8")
    result = kg("build", sample_report.parent, "--store", folder, "-q")
    assert result.exit_code == 5
    assert _one_error_line(result.stderr) == (
        f"kg: error: {folder}: is a folder of other files, not a kg store; give a new or empty folder"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["notities.txt"]
    # an empty folder, or a store, is fine
    (tmp_path / "leeg").mkdir()
    assert kg("build", sample_report.parent, "--store", tmp_path / "leeg", "-q").exit_code == 0
    assert kg("build", sample_report.parent, "--store", tmp_path / "leeg", "-q").exit_code == 0


def test_utf16_with_a_bom_is_read_and_without_one_too(tmp_path: Path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "met-bom.txt").write_bytes(SAMPLE_REPORT.encode("utf-16"))
    result = kg("build", folder, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 0, result.output
    assert "Klaverblad" in kg("entities", "--store", tmp_path / "s").stdout
    # without a byte-order mark charset-normalizer finds it, and it reads as the same report
    bare = tmp_path / "zonder-bom.txt"
    bare.write_bytes(SAMPLE_REPORT.encode("utf-16-le"))
    result = kg("build", bare, "--store", tmp_path / "s2", "-q")
    assert result.exit_code == 0, result.output
    assert kg("entities", "--store", tmp_path / "s2").stdout == kg("entities", "--store", tmp_path / "s").stdout
    # UTF-16 that does not decode (a lone surrogate) is named, not read as garbage
    broken = tmp_path / "kapot.txt"
    broken.write_bytes(SAMPLE_REPORT.encode("utf-16-le") + "\ud800 ".encode("utf-16-le", "surrogatepass"))
    result = kg("build", broken, "--store", tmp_path / "s3", "-q")
    assert result.exit_code == 3
    assert _one_error_line(result.stderr) == (
        f"kg: error: {broken}: looks like UTF-16 text without a byte-order mark; save it as UTF-8 and try again"
    )


def test_password_protected_pdf_is_named_so(tmp_path: Path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "geheim.pdf"
    c = canvas.Canvas(str(pdf), encrypt=pdfencrypt.StandardEncryption("wachtwoord", ownerPassword="eigenaar", strength=40))
    c.drawString(72, 720, "Stichting Klaverblad werkt samen met Vitaal Wonen.")
    c.save()
    result = kg("build", pdf, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 3
    assert _one_error_line(result.stderr) == (
        f"kg: error: {pdf}: is a password-protected PDF; save an unencrypted copy and try again"
    )


def test_newline_and_escape_in_a_file_name_keep_the_error_one_line(tmp_path: Path):
    bad = tmp_path / "twee\nregels\x1b]0;titel\x07.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 100)
    result = kg("build", bad, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 3
    line = _one_error_line(result.stderr)
    assert "twee\\nregels\\x1b]0;titel\\x07.txt: is a binary file" in line


def _docx_with_xml_of(path: Path, size: int) -> Path:
    """A real .docx whose document.xml is padded (with a comment) to ``size`` bytes."""
    import docx

    small = path.with_name("small.docx")
    d = docx.Document()
    d.add_paragraph("Stichting Klaverblad werkt samen met Vitaal Wonen.")
    d.save(small)
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                dst.writestr(info, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with dst.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(head + b"<w:body><!--")
                chunk = b" " * (1 << 20)
                left = size - len(data) - 7
                while left > 0:
                    out.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
                out.write(b"-->" + tail)
    return path


def test_docx_bomb_is_refused_before_it_is_inflated(tmp_path: Path):
    bomb = _docx_with_xml_of(tmp_path / "bom.docx", DOCX_MAX_XML + (8 << 20))
    assert bomb.stat().st_size < 1 << 20  # under a megabyte on disk
    started = time.monotonic()
    result = kg("build", bomb, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 3
    line = _one_error_line(result.stderr)
    assert re.search(rf"{re.escape(str(bomb))}: decompresses to 4\d MB \(4\d MB of XML\); kg opens Word files of at most 32 MB", line)
    assert time.monotonic() - started < 20
    # just under the limit it is read
    fine = _docx_with_xml_of(tmp_path / "groot.docx", 4 << 20)
    result = kg("build", fine, "--store", tmp_path / "s", "-q")
    assert result.exit_code == 0, result.output
