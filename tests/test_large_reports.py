"""Bounded work on large reports (issue 14, item 4): a report's text is read in work linear in
its length, sentence ends or not, and a text over the documented limit is refused with one line
and exit 3 while the other reports go in. The times themselves are measured by bench/large.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.extract.sentences import MAX_SENTENCE
from kg.files import MAX_REPORT_CHARS

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

_SENTENCE = "Stichting Welzijn Assen werkt samen met Humanitas Drenthe in de gemeente Assen."


def _flat(chars: int) -> str:
    """Report text without a single sentence end: names and verbs, one long line."""
    sys.path.insert(0, str(ROOT))
    from bench.large import large_text

    return large_text(chars / 1_000_000, "flat")


def test_a_report_over_the_limit_is_refused_in_one_line_and_the_others_go_in(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    big = folder / "groot.txt"
    big.write_text((_SENTENCE + "\n") * (MAX_REPORT_CHARS // len(_SENTENCE) + 10), encoding="utf-8")
    (folder / "klein.txt").write_text(_SENTENCE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"kg: error: {big}: its text is ")
    assert f"more than kg reads from one report ({MAX_REPORT_CHARS:,}); split it into smaller reports" in lines[0]
    listed = runner.invoke(app, ["reports", "--store", str(tmp_path / "s"), "--format", "tsv"])
    assert "klein.txt" in listed.stdout and "groot.txt" not in listed.stdout

    single = runner.invoke(app, ["ingest", str(big), "--store", str(tmp_path / "s")])
    assert single.exit_code == 3 and "more than kg reads from one report" in single.stderr


def test_the_python_api_refuses_a_text_over_the_limit():
    import kg

    with pytest.raises(InputError, match="more than kg reads from one report"):
        kg.extract_text("a " * (MAX_REPORT_CHARS // 2 + 1), name="lang.txt")


def test_text_without_sentence_ends_is_read_in_pieces_of_bounded_length():
    import kg

    text = _flat(12_000)
    extraction = kg.extract_text(text, name="plat.txt")
    pieces = extraction.sentences
    assert len(pieces) >= 12_000 // MAX_SENTENCE
    assert all(len(s.text) <= MAX_SENTENCE for s in pieces)
    # cut between words only, and nothing left out
    assert " ".join(s.text for s in pieces).split() == text.split()
    assert extraction.candidates  # relations are still read in it


def test_sentences_of_a_normal_report_are_not_cut():
    from kg.extract.sentences import split

    long_sentence = "De gemeente Assen, " + ", ".join(f"de wijk Nummer{i}" for i in range(40)) + " en Lariks doen mee."
    assert 500 < len(long_sentence) < MAX_SENTENCE
    text = f"{_SENTENCE} {long_sentence} {_SENTENCE}\n"
    assert [text[a:b] for a, b, _, _ in split(text)] == [_SENTENCE, long_sentence, _SENTENCE]


@pytest.mark.slow
def test_a_large_report_without_sentence_ends_is_built(tmp_path: Path):
    """150 KB on one line with no sentence end (kg 0.1 never finished 20 KB of it in a minute):
    the build finishes and states relations."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "plat.txt").write_text(_flat(150_000), encoding="utf-8")
    cmd = [sys.executable, "-m", "kg", "build", str(folder), "--store", str(tmp_path / "s"), "-q"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    stats = subprocess.run([sys.executable, "-m", "kg", "stats", "--store", str(tmp_path / "s"), "--format", "tsv"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert stats.returncode == 0, stats.stderr
    assert "partnerOf" in stats.stdout and "foundedBy" in stats.stdout
