"""Extraction on other renditions of the real dev texts: does the layout of a text change what kg reads?

    python bench/renditions.py [--dev ../shared/dev] [--widths 45,60,78,100]

Reports reach kg as web text (a line per paragraph), as text taken out of PDFs (lines broken at
a width, words hyphenated over lines, narrow columns) and with Windows line ends. The same words
should give the same relations. For each rendition the dev texts are written to a temporary
folder (never into the project), built into one store with ``kg build`` and scored pooled with
../shared/eval/kgeval.py, as the dev README scores them:

* ``as is``: the texts as they are;
* ``crlf``: every line ending in CR LF;
* ``nfd``: accents written as a letter and a combining mark ("e" + U+0301), as some PDFs have them;
* ``web page``: each text as an HTML page (a heading, paragraphs, bulleted lines as a list's
  items, a menu and a footer around them);
* ``word file``: each text as a .docx (python-docx): a heading, paragraphs, Word's bulleted list;
* ``pdf file``: each text as a PDF (reportlab): A4 pages, paragraphs wrapped in a proportional
  font, page numbers, read back by kg's PDF reader;
* ``wrapped N``: every paragraph wrapped at N characters, and now and then a long lower-case word
  at a line's end hyphenated over the break (``samen-`` / ``werking``), as PDF text has them
  (a fixed random seed: the same renditions on every run).

Prints one kgeval line per rendition.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_LONG_WORD = re.compile(r"[a-zà-ÿ]{9,}")


def wrapped(text: str, width: int, rnd: random.Random) -> str:
    """``text`` with each paragraph (line) wrapped at ``width``, some long words hyphenated."""
    out: list[str] = []
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
            continue
        lines = textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False)
        for i in range(len(lines) - 1):
            first, _, rest = lines[i + 1].partition(" ")
            if rnd.random() < 0.3 and _LONG_WORD.fullmatch(first):
                cut = len(first) // 2
                lines[i] += f" {first[:cut]}-"
                lines[i + 1] = first[cut:] + (f" {rest}" if rest else "")
        out.extend(lines)
    return "\n".join(out) + "\n"


_BULLET = re.compile(r"\s*[•●▪*–-]\s+")


def web_page(text: str) -> str:
    """``text`` as a web page: its first line the page's heading, each further line a paragraph,
    bulleted lines the items of a list, between a menu and a footer that are no part of it."""
    body: list[str] = []
    in_list = False
    for i, line in enumerate(line for line in text.split("\n") if line.strip()):
        item = _BULLET.match(line)
        if item and not in_list:
            body.append("<ul>")
        elif not item and in_list:
            body.append("</ul>")
        in_list = bool(item)
        if item:
            body.append(f"<li>{html.escape(line[item.end():].strip())}</li>")
        else:
            tag = "h1" if i == 0 else "p"
            body.append(f"<{tag}>{html.escape(line.strip())}</{tag}>")
    if in_list:
        body.append("</ul>")
    return ('<!doctype html><html><head><meta charset="utf-8"></head><body>'
            '<nav><a href="/">Home</a> | <a href="/nieuws">Nieuws</a></nav><article>\n'
            + "\n".join(body) + "\n</article><footer>Alle rechten voorbehouden</footer></body></html>\n")


def word_file(text: str) -> bytes:
    """``text`` as a Word file: its first line a heading, bulleted lines in Word's bulleted list
    style, each further line a paragraph."""
    import io

    import docx

    document = docx.Document()
    for i, line in enumerate(line for line in text.split("\n") if line.strip()):
        item = _BULLET.match(line)
        if i == 0:
            document.add_heading(line.strip(), level=1)
        elif item:
            document.add_paragraph(line[item.end():].strip(), style="List Bullet")
        else:
            document.add_paragraph(line.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(text: str) -> bytes:
    """``text`` as a PDF of A4 pages (reportlab): paragraphs wrapped at the page's width in a
    proportional font, some space between them, a page number at the foot of each page."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # a TrueType font (Bitstream Vera, shipped with reportlab) embeds every character it draws
    # with its Unicode value, as word processors do: Helvetica's own encoding has no "•"
    registerFont(TTFont("Vera", "Vera.ttf"))
    font, size, left, top, bottom = "Vera", 10, 72, A4[1] - 72, 72
    width = A4[0] - 2 * left
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    page, y = 1, top

    def line(words: str) -> None:
        nonlocal page, y
        if y < bottom:
            pdf.drawString(A4[0] / 2, 40, str(page))
            pdf.showPage()
            page, y = page + 1, top
        pdf.setFont(font, size)
        pdf.drawString(left, y, words)
        y -= size * 1.4

    for para in text.split("\n"):
        if not para.strip():
            continue
        current = ""
        for word in para.split():
            wider = f"{current} {word}" if current else word
            if current and stringWidth(wider, font, size) > width:
                line(current)
                current = word
            else:
                current = wider
        line(current)
        y -= size * 0.8  # the space between paragraphs
    pdf.drawString(A4[0] / 2, 40, str(page))
    pdf.save()
    return out.getvalue()


def renditions(widths: list[int]):
    """(name, file suffix, function of a text) for each rendition."""
    yield "as is", ".txt", lambda text: text
    yield "crlf", ".txt", lambda text: text.replace("\n", "\r\n")
    yield "nfd", ".txt", lambda text: unicodedata.normalize("NFD", text)
    yield "web page", ".html", web_page
    yield "word file", ".docx", word_file
    yield "pdf file", ".pdf", pdf_file
    for width in widths:
        rnd = random.Random(width)
        yield f"wrapped {width}", ".txt", lambda text, w=width, r=rnd: wrapped(text, w, r)


def score(folder: Path, dev: Path, kg: str) -> str:
    """kgeval's pooled line for the texts in ``folder``, built into one store."""
    store, out = folder / ".store", folder / "relations.tsv"
    subprocess.run([kg, "build", str(folder), "--store", str(store), "-q"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([kg, "export", "relations", "--format", "tsv", "--store", str(store), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "kgeval.py"),
                             "--gold-entities", str(dev / "entities.tsv"),
                             "--gold-relations", str(dev / "relations.tsv"),
                             "--relations", str(out), "--quiet"],
                            check=True, capture_output=True, text=True)
    return next((line for line in result.stdout.splitlines() if line.startswith("relations:")),
                result.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=SHARED / "dev")
    ap.add_argument("--widths", default="45,60,78,100", help="widths to wrap at, comma-separated")
    args = ap.parse_args()
    texts = sorted(p for p in args.dev.glob("*.txt"))
    if not texts:
        sys.exit(f"no texts in {args.dev}")
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or shutil.which("kg")
    if kg is None:
        sys.exit("the kg command is not installed (make .venv/.installed)")
    widths = [int(w) for w in args.widths.split(",") if w.strip()]
    print(f"{len(texts)} texts of {args.dev}, pooled in one store each rendition")
    for name, suffix, render in renditions(widths):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for p in texts:
                data = render(p.read_text(encoding="utf-8"))
                if isinstance(data, str):
                    data = data.encode("utf-8")
                (folder / p.name).with_suffix(suffix).write_bytes(data)
            print(f"{name:12s} {score(folder, args.dev, kg)}", flush=True)


if __name__ == "__main__":
    main()
