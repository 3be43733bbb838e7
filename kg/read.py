"""Read a report from disk: a path -> :class:`kg.model.Document`.

Supported: plain text (.txt), Markdown (.md), PDF (.pdf, via pypdf), Word (.docx, via
python-docx) and HTML (.html/.htm, via BeautifulSoup). Text files are decoded as UTF-8 (or
UTF-16 with a byte-order mark) and, failing that, in the encoding charset-normalizer finds,
Windows-1252 (what Dutch office software often writes) where it reads as well. Everything that
cannot be read raises :class:`kg.errors.InputError` with a one-line message naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.files import MAX_REPORT_BYTES, check_text_size, read_bytes
from kg.model import Document
from kg.text import BULLET_GLYPHS

#: File extensions kg reads, and the kind of document each one is.
READERS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

#: Characters of text out of PDFs that stand for others: ligatures, and the bullets of Word's
#: Symbol and Wingdings fonts, which come out in Unicode's private use area (U+F0B7 "", ...).
_SYMBOL_FONT_BULLETS = "\uf0b7\uf0a7\uf0a8\uf0d8\uf0fc\uf076\uf06e\uf06c"
_PDF_GLYPHS = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                             **dict.fromkeys(_SYMBOL_FONT_BULLETS, "•")})
_HAS_PDF_GLYPH = re.compile(f"[\ufb00-\ufb04{_SYMBOL_FONT_BULLETS}]")


#: The largest .docx kg opens, decompressed: its XML parts, and all its parts together.
#: A small zip can hold gigabytes of XML (a "zip bomb"); the parser would hold it all.
DOCX_MAX_XML = 32 * 1024 * 1024
DOCX_MAX_TOTAL = 256 * 1024 * 1024


def is_report(path: Path) -> bool:
    """A regular file (not a pipe or device) with a report's extension, not hidden."""
    return path.is_file() and path.suffix.lower() in READERS and not path.name.startswith(".")


def find_reports(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, name)`` for every report under the given files and folders.

    A file given directly is named by its file name; a file found in a folder by its path
    relative to that folder, so ``kg build data/reports`` and ``kg ingest data/reports/x.txt``
    name a top-level report the same. A missing path raises InputError; a file with an
    unknown extension given directly raises InputError; in folders, other files are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if is_report(p)):
                yield found, found.relative_to(path).as_posix()
        else:
            if not path.is_file():
                raise InputError(f"{path}: is not a regular file (a pipe, device or socket); kg reads only files")
            if path.suffix.lower() not in READERS:
                raise InputError(
                    f"{path}: unknown kind of report '{path.suffix or '(no extension)'}'; "
                    f"kg reads {', '.join(sorted(set(READERS)))}"
                )
            yield path, path.name


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path | str, name: str | None = None) -> Document:
    """Read one report. Raises InputError for anything that is not a readable report."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; use 'kg build FOLDER' for folders")
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"{path}: unknown kind of report '{path.suffix or '(no extension)'}'; "
            f"kg reads {', '.join(sorted(set(READERS)))}"
        )
    data = read_bytes(path, limit=MAX_REPORT_BYTES, what="report")
    if not data.strip():
        raise InputError(f"{path}: is empty")
    encoding = None
    title = None  # the title the file's metadata gives
    running: set[str] = set()  # a PDF's running headers and footers
    if kind in ("txt", "md", "html"):
        text, encoding = _decode(path, data)
        if kind == "html":
            text = _html_text(text)
    elif kind == "pdf":
        text, title, running = _pdf_text(path, data)
    else:
        text, title = _docx_text(path, data)
    text = clean_text(text, markdown=kind in ("md", "txt"))
    if not text.strip():
        raise InputError(f"{path}: holds no text (a scanned PDF needs OCR first)")
    check_text_size(text, path)
    return Document(
        name=name or path.name,
        text=text,
        kind=kind,
        sha256=sha256_of(data),
        path=path,
        title=_metadata_title(title) or _title(text, skip=running),
        encoding=encoding,
    )


def document_from_text(text: str, name: str = "text.txt", kind: str = "txt") -> Document:
    """A Document from a string (for the Python API and tests)."""
    cleaned = clean_text(text, markdown=kind in ("md", "txt"))
    return Document(
        name=name,
        text=cleaned,
        kind=kind,
        sha256=sha256_of(text.encode("utf-8")),
        title=_title(cleaned),
        encoding="utf-8",
    )


def clean_text(text: str, *, markdown: bool = False) -> str:
    """Normalise what differs between renditions but carries no meaning.

    Line endings, no-break and zero-width spaces, soft hyphens, ligatures, the private-use
    bullets of Word's symbol fonts in PDF text (as "•"), accents written as a
    letter and a combining mark (text out of some PDFs and Macs: "e" + U+0301 is "é", Unicode's
    NFC, so that names match those of other reports); with ``markdown``, emphasis markers
    (``**woord**``) and heading hashes. Line breaks are kept: sentence splitting needs them to
    see headings and bullets.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    text = re.sub("[\u200b\u200c\u200d\ufeff\u00ad]", "", text)
    if _HAS_PDF_GLYPH.search(text):  # translate reads every character in Python: only when needed
        text = text.translate(_PDF_GLYPHS)
    if markdown:
        text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
        text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.MULTILINE)
    return text


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: starts as UTF-16 text but is not (byte {exc.start}); save it as UTF-8 and try again") from exc
    head = data[:8192]
    if b"\x00" in head:
        if not _looks_utf16(head):
            raise InputError(f"{path}: is a binary file, not a text report")
        found = _detect(data, only=("utf_16_le", "utf_16_be"))
        if found is None:
            raise InputError(f"{path}: looks like UTF-16 text without a byte-order mark; save it as UTF-8 and try again")
        return found
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _detect(data)
    # Control characters other than whitespace mean this was never text.
    if _controls(found[0] if found else head.decode("latin-1")) > 8:
        raise InputError(f"{path}: is a binary file, not a text report")
    if found is None:
        raise InputError(
            f"{path}: is not UTF-8, Windows-1252 or other text kg recognises; save it as UTF-8 and try again"
        )
    return found


def _controls(text: str) -> int:
    return sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")


def _detect(data: bytes, only: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds for ``data`` (not UTF-8), or None.

    Among its equally likely readings Windows-1252 wins, as Dutch office software writes it
    (and it reads Latin-1 text alike): charset-normalizer's first guess for Western text is often
    Central European cp1250, which turns ``naïef`` into ``naďef``.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(only) if only else None))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos <= best.chaos and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252"), "cp1252"
    return str(best), codecs.lookup(best.encoding).name


def _looks_utf16(head: bytes) -> bool:
    """Mostly ASCII text in UTF-16: nearly every other byte is a NUL, the rest are not."""
    even, odd = head[0::2], head[1::2]
    for zeros, other in ((odd, even), (even, odd)):
        if zeros.count(0) >= 0.8 * len(zeros) and other.count(0) <= 0.05 * len(other):
            return True
    return False


def _pdf_text(path: Path, data: bytes) -> tuple[str, str | None, set[str]]:
    """The text of every page, the metadata title, and the lines repeated on most pages
    (running headers and footers, which are no title)."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError(f"{path}: is not a PDF (no %PDF header); is the extension right?")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs are encrypted with an empty password
            except Exception as exc:  # pypdf raises several kinds here
                raise InputError(f"{path}: is an encrypted PDF; save an unencrypted copy and try again") from exc
            if not opened:
                raise InputError(f"{path}: is a password-protected PDF; save an unencrypted copy and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _pdf_title(reader)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise InputError(f"{path}: is a corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise InputError(f"{path}: is a PDF without pages")
    return "\n\n".join(pages), title, _running_lines(pages)


def _pdf_title(reader) -> str | None:
    """The Title of the PDF's document information; None when it has none or it cannot be read."""
    try:
        metadata = reader.metadata
        return metadata.title if metadata is not None else None
    except Exception:  # a damaged info dictionary loses the title, not the report
        return None


def _running_lines(pages: list[str]) -> set[str]:
    """Lines on at least two pages and on most of them: running headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_page_line(line) for line in clean_text(page).splitlines() if line.strip()})
    return {line for line, n in seen.items() if n >= max(2, len(pages) / 2)}


def _page_line(line: str) -> str:
    """A line with its page number folded away: "Verslag 2013 - pagina 3" -> "verslag # - pagina #"."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _docx_text(path: Path, data: bytes) -> tuple[str, str | None]:
    """The text of the paragraphs and tables, and the title of the core properties."""
    import io
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{path}: reading .docx needs python-docx") from exc
    _check_docx_size(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: is a corrupt or unreadable Word file ({type(exc).__name__})") from exc
    blocks = [(p.text, _is_list_item(p)) for p in document.paragraphs]
    blocks += [(" | ".join(cell.text for cell in row.cells), False) for table in document.tables for row in table.rows]
    try:
        title = document.core_properties.title
    except (KeyError, ValueError):  # a damaged core.xml loses the title, not the report
        title = None
    return _join_blocks(blocks), title


def _join_blocks(blocks: Iterable[tuple[str, bool]]) -> str:
    """The text of a document's blocks, each (text, is a list item): the items of a list as the
    bulleted lines of a text, one under the other (what the extraction reads as a list: "... de
    volgende organisaties:" + "• A" "• B"), the other blocks apart, a blank line between."""
    parts: list[str] = []
    item_before = False
    for text, item in blocks:
        if parts:
            parts.append("\n" if item and item_before else "\n\n")
        parts.append(f"• {text}" if item and text.strip() and not _BULLET_START.match(text) else text)
        item_before = item
    return "".join(parts)


#: A paragraph that opens with a bullet of its own (typed, not Word's list numbering)
_BULLET_START = re.compile(rf"\s*(?:[{BULLET_GLYPHS}]|\d{{1,2}}[.)])\s")


def _is_list_item(paragraph) -> bool:
    """A Word paragraph in a bulleted or numbered list: list numbering of its own, or a list
    style ("List Bullet", "Lijstalinea")."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    try:
        style = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):  # a damaged styles part: no style
        return False
    return style.lower().startswith(("list", "lijst"))


def _check_docx_size(path: Path, data: bytes) -> None:
    """Refuse a .docx whose parts decompress to more than kg reads (a zip bomb).

    The sizes come from the zip's directory; Python's zipfile never inflates a part beyond
    the size its directory gives, so a lying directory cannot get round the limit.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"{path}: is a corrupt or unreadable Word file ({type(exc).__name__})") from exc
    xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
    total = sum(i.file_size for i in infos)
    if xml > DOCX_MAX_XML or total > DOCX_MAX_TOTAL:
        raise InputError(
            f"{path}: decompresses to {total / 2**20:.0f} MB ({xml / 2**20:.0f} MB of XML); kg opens Word files of at most "
            f"{DOCX_MAX_XML // 2**20} MB of text and markup ({DOCX_MAX_TOTAL // 2**20} MB in all)"
        )


def _html_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "header", "footer"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = []
    for el in soup.find_all(["title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "pre", "blockquote"]):
        if el.name == "li" and el.find("li") and not el.find(["p", "td", "h1", "h2", "h3", "blockquote"]):
            # an item with a list inside: its own words, then the inner list's items on their own
            text = " ".join(" ".join(t for t in el.find_all(string=True) if t.find_parent("li") is el).split())
        elif el.find(["p", "li", "td", "h1", "h2", "h3", "blockquote"]):
            continue  # a container: its blocks come on their own
        else:
            text = el.get_text(" ", strip=True)
        if text:
            blocks.append((text, el.name == "li"))
    if not blocks:
        return soup.get_text("\n", strip=True)
    return _join_blocks(blocks)


#: Titles that office software fills in by itself: no title.
_NO_TITLE = re.compile(r"^(untitled|naamloos|document\d*|title|titel)$", re.IGNORECASE)


def _metadata_title(title: str | None) -> str | None:
    """A title from a file's metadata, unless it is empty or one software put there
    (``Microsoft Word - verslag.docx`` names the file it was printed from, not the report)."""
    title = " ".join((title or "").split())
    if re.match(r"microsoft (word|powerpoint) - ", title, re.IGNORECASE) or _NO_TITLE.match(title):
        return None
    return title[:200] or None


def _title(text: str, skip: set[str] = frozenset()) -> str | None:
    """The first line of text that is not in ``skip`` (a PDF's running headers and footers)."""
    for line in text.splitlines():
        line = line.strip()
        if line and _page_line(line) not in skip:
            return line[:200]
    return None
