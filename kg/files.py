"""Files in and out, safely: only regular files are read, with a size limit; every file kg
writes appears whole or not at all; spreadsheet cells cannot carry formulas.

* :func:`read_bytes` opens without blocking and refuses what is not a regular file (a FIFO
  would block forever, ``/dev/zero`` never ends) and files over a size limit.
* :func:`staged` and :func:`atomic_write` write to a temporary file in the target's folder and renames it over
  the target: a full disk or a crash leaves the old file as it was and no temporary behind.
* :func:`spreadsheet_cell` neutralises a cell that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError, OutputError

#: The largest report file kg reads (bytes on disk).
MAX_REPORT_BYTES = 64 * 1024 * 1024
#: The most text kg reads from one report, in characters (after PDF, Word or HTML is turned
#: into text): extraction takes about 7-25 s for this much (kg.extract's work is linear in the
#: text's length; bench/large.py), so no report can hold a build up for longer. A longer text is
#: refused (exit 3): split it into smaller reports.
MAX_REPORT_CHARS = 1_000_000
#: The largest other input file kg reads: aliases, curations, query files, gold files.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def check_text_size(text: str, where: object) -> None:
    """InputError when a report's text is longer than :data:`MAX_REPORT_CHARS`."""
    if len(text) > MAX_REPORT_CHARS:
        raise InputError(
            f"{where}: its text is {len(text):,} characters, more than kg reads from one report "
            f"({MAX_REPORT_CHARS:,}); split it into smaller reports"
        )


def _mib(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def read_bytes(path: Path | str, *, limit: int = MAX_INPUT_BYTES, what: str = "file") -> bytes:
    """The bytes of a regular file; InputError for anything else, or a file over ``limit``."""
    path = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is not a regular file (a pipe, device or socket); kg reads only files")
        if info.st_size > limit:
            raise InputError(f"{path}: is {info.st_size / 2**20:.0f} MB; kg reads {what}s of at most {_mib(limit)}")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:  # grew while we read
            raise InputError(f"{path}: is larger than {_mib(limit)}; kg reads {what}s of at most {_mib(limit)}")
        return data
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


def read_text(path: Path | str, *, limit: int = MAX_INPUT_BYTES, what: str = "file", hint: str = "") -> str:
    """A regular UTF-8 text file (a BOM is dropped); InputError naming the file otherwise."""
    data = read_bytes(path, limit=limit, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: is not UTF-8 text (byte {exc.start}); save it as UTF-8{hint} and try again"
        ) from None


def check_output(path: Path | str) -> Path:
    """Refuse an output path that is a folder, before any work is done."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of a file to write")
    return path


@contextlib.contextmanager
def staged(path: Path | str) -> Iterator[Path]:
    """A temporary path next to ``path`` to write; on success it replaces ``path`` in one
    rename. On any error the temporary file is removed and ``path`` is left as it was.
    OSErrors (a full disk, no permission) become one-line :class:`OutputError` naming ``path``.
    """
    path = check_output(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise OutputError(f"{path}: cannot be written ({reason}); the old file, if any, is unchanged") from exc
        raise


@contextlib.contextmanager
def atomic_output(path: Path | str, mode: str = "w", **open_kwargs) -> Iterator[IO]:
    """An open file that replaces ``path`` whole when the block ends; see :func:`staged`."""
    with staged(path) as tmp, open(tmp, mode, **open_kwargs) as fh:
        yield fh


def _keep_mode(path: Path, tmp: str) -> None:
    """mkstemp makes 0600 files: give the new file the old one's mode, else the umask's."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def atomic_write(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; see :func:`staged`."""
    with atomic_output(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


#: A spreadsheet reads a cell that starts with one of these as a formula (or a DDE call).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` so it stays
    text (OWASP's advice on CSV injection); other values as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def from_spreadsheet_cell(value: str) -> str:
    """The inverse of :func:`spreadsheet_cell` for files kg reads back (the review TSV)."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value
