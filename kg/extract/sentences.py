"""Sentence splitting for Dutch report text, including text taken out of PDFs.

What it reads:

* paragraphs separated by blank lines; a paragraph that stops without a final period and
  goes on in lower case after blank lines (a page break) is one paragraph;
* PDF line wrapping inside a paragraph (joined), words hyphenated over a line ("ont-\\nwikkeling");
* headings: a short line without final punctuation followed by a line that starts with a capital
  ("Presentatie gezinscoaching" above a paragraph) stand alone; but not a line that ends in an
  article, conjunction or preposition ("... in buurthuis De Klaproos in" + "Zwolle wordt ..."),
  nor a full line of hard-wrapped text (PDF text in narrow columns), which goes on on the next;
* bullets (•, -, *, –, "1.", "a)") start a new sentence;
* page furniture: lines that are only a page number ("Pagina 3 van 12", "- 4 -") and short lines
  repeated three or more times (running headers) are skipped;
* sentence ends at . ! ? (and "…") followed by a capital, digit, quote or bullet, but not after
  Dutch abbreviations (i.s.m., o.l.v., bijv., dhr., ...) or an initial ("J. Jansen").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from kg.extract.context import Context, View
from kg.extract.lexicon import ABBREVIATIONS
from kg.model import Sentence
from kg.text import BULLET_GLYPHS

#: (bullet glyphs of word processors and web pages: "•", "●", "▪", "■", "○", "►", "➢", "✓" ...)
_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]|\d{{1,2}}[.)]|[a-z][)])\s*")
#: :data:`_BULLET` read from a line's start inside the text (``^`` would only match at its start).
_BULLET_BEFORE = re.compile(_BULLET.pattern[1:])
_PAGE_JUNK = re.compile(r"^\s*(?:(?:pagina|page|blz\.?)\s*)?[-–]?\s*\d{1,3}\s*[-–]?"
                        r"(?:\s*(?:van|of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
#: A footnote line: "¹ Monitor 2018, hoofdstuk 3." (a source title, no statement of the report).
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_SUPERSCRIPTS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
_SUPERSCRIPT = re.compile("[" + "".join(sorted(_SUPERSCRIPTS)) + "]")
#: (One character class opens the regex and the two branches follow it, so that the regex engine
#: jumps to the sentence marks: it does so only for a class that opens the whole pattern, not for
#: branches that each open with one. The lookbehind of the second branch makes its mark a period.)
_END = re.compile(r"[.!?…](?:[)'\"’”]*(?=\s+[(\"'‘“]*[A-Z0-9À-Ý•●▪*–-]|\s*$)|"
                  r"(?<=[a-z]{3}\.)(?=[A-Z][a-z]))")
_ONE_LETTER = re.compile(r"[a-z]")
_LETTERS_WITH_DOTS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NUMBER_ITEM = re.compile(r"\d{1,2}[.)]\s*\d")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def junk_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of lines that are page numbers or repeated running headers."""
    stripped = [text[a:b].strip() for a, b in lines]
    counts = Counter(s for s in stripped if s and len(s) < 60)
    repeated = {s for s, n in counts.items() if n >= 3}
    junk = set()
    for i, s in enumerate(stripped):
        if not s:
            continue
        c = s[0]  # (what the regexes need first: most lines have neither)
        if ((c in _PAGE_NUMBER_OPENING or c.isdecimal()) and _PAGE_JUNK.match(s)
                or s in repeated and not _BULLET.match(s) or c in _SUPERSCRIPTS and _FOOTNOTE.match(s)):
            junk.add(i)
    return junk


#: What a line that _PAGE_JUNK matches opens with, if not a digit ("Pagina 3", "blz. 4", "- 4 -").
_PAGE_NUMBER_OPENING = frozenset("pPbB-–")


#: "4.1 Het sociaal team": a numbered section heading, not a bullet
_SECTION_NUMBER = re.compile(r"\s*\d+\.\d+(?:\.\d+)*\.?\s+[A-Z]")
#: "2. Kennismaking": a short numbered line that is a heading unless a numbered item follows
_NUMBERED_SHORT_LINE = re.compile(r"\s*\d{1,2}\.\s+[A-Z]\S*(?:\s+\S+){0,4}$")


#: The last characters of a line that is no heading.
_NO_HEADING_END = frozenset(".,;:!?)'\"’”")


#: Words no heading ends in: articles, conjunctions and prepositions that are no verb particles
#: ("Waar staan we voor" may head a section): a line ending in one goes on on the next.
_OPEN_ENDS = frozenset("""de het een en of maar want dat die dan als in van met bij door naar
    tot te om tussen onder tegen zonder sinds tijdens vanuit binnen namens dus zoals waarin""".split())


def _ends_open(s: str) -> bool:
    """The stripped line ``s`` ends in a lower-case article, conjunction or preposition
    (:data:`_OPEN_ENDS`): its phrase goes on on the next line."""
    last = s.rsplit(None, 1)[-1]
    return last.islower() and last in _OPEN_ENDS


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text (PDF text, its lines broken at a width) is wrapped at, or
    ``None`` for text whose lines are paragraphs (web text). The width is nearly the longest
    line's (no more than one line in twenty is longer); the text is hard-wrapped when most lines
    that another line follows are broken where the next word would not fit (:func:`_wrapped`)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not 30 <= width <= 130:
        return None
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    wrapped = sum(_wrapped(a, b, width) for a, b in pairs)
    return width if wrapped >= 6 and wrapped >= 0.6 * len(pairs) else None


def _wrapped(line: str, next_line: str, width: int) -> bool:
    """The first word of ``next_line`` would not have fit on ``line`` (wrapped at ``width``),
    with a tenth of the width to spare: PDF text is wrapped in points, not characters."""
    first = next_line.split(None, 1)
    return len(line.rstrip()) + 1 + (len(first[0]) if first else 0) > 0.9 * width


def _ends_short(line: str, next_line: str, width: int) -> bool:
    """``line`` of hard-wrapped text ends a block before ``next_line``: the next line's first
    word would have fit on it, and it does not stop in the middle of a phrase (a comma, an
    article, conjunction or preposition at its end)."""
    s = line.rstrip()
    if not s or s[-1] in ",;-–(" or _wrapped(line, next_line, width):
        return False
    return not _ends_open(s)


def _is_heading(line: str, next_line: str | None, width: int | None = None) -> bool:
    s = line.strip()
    if not s or next_line is None or len(s) > 60 or s[-1] in _NO_HEADING_END:
        return False
    if width is not None and _wrapped(line, next_line, width):
        return False  # a full line of hard-wrapped text: the sentence goes on
    if _ends_open(s):
        return False
    nxt = next_line.strip()
    if _BULLET.match(line) and not _SECTION_NUMBER.match(line) and not (
            _NUMBERED_SHORT_LINE.match(line) and not _BULLET.match(next_line)):
        # a bullet item, but "4.1 Het sociaal team" is a numbered section heading, and so is
        # "2. Kennismaking" when no numbered item follows it
        return False
    return bool(nxt) and (nxt[0].isupper() or nxt[0].isdigit() or bool(_BULLET.match(nxt)))


def blocks(text: str, lines: list[tuple[int, int]] | None = None,
           junk: set[int] | None = None) -> list[tuple[int, int, int, bool]]:
    """Paragraph-like blocks: (start, end, paragraph number, is_heading).

    ``lines`` and ``junk`` are :func:`_lines` and :func:`junk_lines` of the text, when the caller
    has them already.
    """
    if lines is None:
        lines = _lines(text)
    if junk is None:
        junk = junk_lines(text, lines)
    content = [(a, b) for i, (a, b) in enumerate(lines) if i not in junk] if junk else lines
    texts = [text[a:b] for a, b in content]
    last = len(texts) - 1
    width = _wrap_width(texts)
    out: list[list] = []  # [start, end, para, heading]
    para = 0
    prev_blank = True
    for k, line in enumerate(texts):
        if not line or line.isspace():
            prev_blank = True
            continue
        a = content[k][0]
        # the next line, if it is the next line of content and not blank
        nxt = texts[k + 1] if k < last and texts[k + 1] and not texts[k + 1].isspace() else None
        body = line.lstrip()
        a2, b2 = a + len(line) - len(body), a + len(line.rstrip())
        starts_lower = body[0].islower()
        bullet = bool(_BULLET.match(line))
        # hard-wrapped text (PDF text, whose blank lines between paragraphs are often lost):
        # after a line that stopped short of the width, not in the middle of a phrase, a line
        # with a capital opens a new block ("• Jan Jansen, directeur" / "Vooruitblik")
        after_short = (width is not None and not prev_blank and k > 0 and (body[0].isupper() or body[0].isdigit())
                       and _ends_short(texts[k - 1], body, width))
        # (a line that ends in a sentence mark is no heading: most lines, told without a call)
        heading = text[b2 - 1] not in _NO_HEADING_END and _is_heading(line, nxt, width) and (
            prev_blank or not out or out[-1][3] or after_short or _ends_sentence(text[out[-1][0]:out[-1][1]]))
        continues = False
        if out and not out[-1][3] and not bullet and not heading:
            if not prev_blank:
                continues = not after_short
            elif starts_lower and not _ends_sentence_or_colon(text, out[-1][0], out[-1][1]):
                continues = True  # a page break inside a sentence
        if continues:
            out[-1][1] = b2
        else:
            if prev_blank or heading or after_short or (out and out[-1][3]):
                para += 1
            out.append([a2, b2, para, heading])
        prev_blank = False
        if heading:
            prev_blank = True
    return [(a, b, p, h) for a, b, p, h in out]


def _ends_sentence_or_colon(text: str, start: int, end: int) -> bool:
    """text[start:end] is blank or ends in . ! ? or : (read back from its end: a block can be long)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end == start or text[end - 1] in ".!?:"


def _ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return not s or s[-1] in ".!?:;)'\"’”"


def _abbreviation_before(chunk: str, at: int) -> bool:
    """The period at ``at`` ends an abbreviation ("bijv.", "i.s.m.") or an initial ("J.")."""
    return _is_abbreviation(_last_token(chunk[max(0, at - 12):at]))


def _last_token(s: str) -> str:
    """The run of non-space characters that ends ``s`` (before a final line break), or "": the
    last word before a sentence mark, an initial ("J"), initials ("i.s.m"), a bullet number.
    (What the regex ``(\\S+)$`` finds, by str.rsplit: several times quicker.)"""
    if s.endswith("\n"):
        s = s[:-1]
    return s.rsplit(None, 1)[-1] if s and not s[-1].isspace() else ""


@lru_cache(maxsize=4096)
def _is_abbreviation(token: str) -> bool:
    """``token`` (the last before a period) is an abbreviation or an initial; worked out once
    for each token, not at every period."""
    tok = token.lstrip("('\"‘“").casefold().rstrip(".")
    return bool(tok in ABBREVIATIONS or _ONE_LETTER.fullmatch(tok) or _LETTERS_WITH_DOTS.fullmatch(tok))


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences inside one block: [(start, end)] in document offsets."""
    chunk = text[start:end]
    cuts, pos = [], 0  # (start, end) in the chunk of each stretch up to a sentence end
    for m in _END.finditer(chunk):
        at = m.start()
        if chunk[at] == "." and _abbreviation_before(chunk, at):
            continue
        cuts.append((pos, m.end()))
        pos = m.end()
    cuts.append((pos, len(chunk)))
    fixed = []
    for p, q in cuts:
        body = chunk[p:q].lstrip()
        if not body:
            continue
        a = start + q - len(body)
        b = a + len(body.rstrip())
        # a bullet glyph opens the sentence: start after it
        m = _BULLET_BEFORE.match(text, a, b)  # _BULLET on text[a:b]
        if m and m.end() < b and not _NUMBER_ITEM.match(text, a, b):
            a = m.end()
        if b - a > MAX_SENTENCE:
            fixed.extend(_pieces(text, a, b))
        else:
            fixed.append((a, b))
    return fixed


#: The longest stretch of text read as one sentence, in characters. Real sentences stay far
#: below it (the longest in the dev texts has about 500); text that runs on without a sentence
#: end (a table or list that lost its punctuation) is read in pieces of at most this length,
#: each cut at a space, so the work per sentence stays bounded and a report's work linear.
MAX_SENTENCE = 1000


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] in pieces of at most :data:`MAX_SENTENCE` characters, cut at the last
    white space before the limit (or at the limit in a run without any)."""
    out = []
    a = start
    while end - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        cut = max(text.rfind(" ", a + 1, limit + 1), text.rfind("\n", a + 1, limit + 1))
        if cut <= a:
            cut = limit
        b = cut
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
        a = cut
        while a < end and text[a].isspace():
            a += 1
    if a < end:
        out.append((a, end))
    return out


_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
_QUOTES_TABLE = str.maketrans(_QUOTES)
_ANY_QUOTE = re.compile("[%s]" % "".join(_QUOTES))
_WORD = re.compile(r"\S+")
#: White space that is more than one plain space: two in a row, or a line break, tab, ...
_UNEVEN_SPACE = re.compile(r"\s\s|[^\S ]")
#: What the plain path of :func:`clean` cannot do: footnote markers, and a hyphen at a line end.
_NEEDS_CARE = re.compile("[" + "".join(sorted(_SUPERSCRIPTS)) + r"]|-[ \t\r]*\n")


def clean(text: str, start: int, end: int,
          skip: list[tuple[int, int]] = ()) -> tuple[str, Sequence[int]]:
    """The clean view of text[start:end] and the map from clean index to document offset (a
    range where each character stays where it is: most sentences, and no list of their offsets
    made).

    ``skip`` holds document spans (page furniture) left out of the clean view, in text order.
    """
    if skip:  # (most reports have no page furniture)
        # the spans in skip that overlap [start, end) (skip is sorted and its spans do not overlap)
        first = bisect_right(skip, start, key=_span_end)
        last = bisect_left(skip, end, lo=first, key=_span_start)
        skip = skip[first:last]
    if not skip:
        chunk = text[start:end]
        if _single_spaced(chunk):  # most sentences: each character stays where it is
            return _plain_quotes(chunk), range(start, end + 1)
        if not _NEEDS_CARE.search(text, start, end):
            return _clean_plain(text, start, end)
    out: list[str] = []
    offs: list[int] = []
    i = start
    quotes = _QUOTES
    while i < end:
        inside = next((b for a, b in skip if a <= i < b), None)
        if inside is not None:
            i = inside
            continue
        c = text[i]
        if c in _SUPERSCRIPTS and out and out[-1] != " ":
            i += 1  # a footnote marker glued to a word ("Oost¹")
            continue
        if c == "-" and out and out[-1].islower():
            j = i + 1
            while j < end and text[j] in " \t\r":
                j += 1
            if j < end and text[j] == "\n":
                while j < end and text[j].isspace():
                    j += 1
                if j < end and text[j].islower():
                    i = j  # a word hyphenated over a line break: join it
                    continue
        if c.isspace():
            j = i
            while j < end and text[j].isspace():
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                offs.append(i)
            i = j
            continue
        out.append(quotes.get(c, c))
        offs.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offs.pop()
    offs.append(end)
    return "".join(out), offs


def _plain_quotes(s: str) -> str:
    """``s`` with typographic quotes and no-break spaces made plain."""
    # most sentences have none: one scan instead of a translation of every character (and
    # none in ASCII text, which str.isascii tells quicker still)
    return s.translate(_QUOTES_TABLE) if not s.isascii() and _ANY_QUOTE.search(s) else s


def _single_spaced(chunk: str) -> bool:
    """``chunk`` is words apart by single spaces, without a footnote marker: what :func:`clean`
    keeps as it is but for its quotes. Told by string methods rather than by the regexes of
    :func:`_clean_plain` and :data:`_NEEDS_CARE` (several times quicker): every white space
    character but the space is unprintable, so a printable text has no line break, tab or
    no-break space, and the markers are not ASCII."""
    return (chunk.isprintable() and "  " not in chunk and chunk[:1] not in ("", " ") and chunk[-1] != " "
            and (chunk.isascii() or not _SUPERSCRIPT.search(chunk)))


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


def _clean_plain(text: str, start: int, end: int) -> tuple[str, Sequence[int]]:
    """:func:`clean` for a span with nothing to skip, join or drop: whitespace runs become
    one space, typographic quotes plain ones (one character for one, so offsets carry over)."""
    chunk = text[start:end]
    if chunk and not chunk[0].isspace() and not chunk[-1].isspace() and not _UNEVEN_SPACE.search(chunk):
        # words apart by single spaces already (most sentences): each character stays where it is
        return _plain_quotes(chunk), range(start, end + 1)
    parts: list[str] = []
    offs: list[int] = []
    last = None
    for m in _WORD.finditer(text, start, end):
        a, b = m.span()
        if last is not None:
            parts.append(" ")
            offs.append(last)
        parts.append(m.group())
        offs.extend(range(a, b))
        last = b
    offs.append(end)
    return _plain_quotes("".join(parts)), offs


def split(text: str, lines: list[tuple[int, int]] | None = None,
          junk: set[int] | None = None) -> list[tuple[int, int, int, bool]]:
    """All sentences: (start, end, paragraph, is_heading); ``lines`` and ``junk`` as for
    :func:`blocks`."""
    return [(a, b, para, heading) for a, b, para, heading, _ in _sentences(text, lines, junk)]


def _sentences(text: str, lines: list[tuple[int, int]] | None = None,
               junk: set[int] | None = None):
    """:func:`split`'s sentences, each with the number of its block: the sentences of one
    bulleted item share it however its lines are wrapped."""
    for block, (a, b, para, heading) in enumerate(blocks(text, lines, junk)):
        if heading:
            yield a, b, para, True, block
            continue
        for sa, sb in split_block(text, a, b):
            yield sa, sb, para, False, block


def clean_sentences(text: str) -> list[str]:
    """The clean text of every sentence (page furniture left out): for tests and debugging."""
    lines = _lines(text)
    skip = [lines[i] for i in sorted(junk_lines(text, lines))]
    return [clean(text, a, b, skip)[0] for a, b, _, _ in split(text)]


def run(ctx: Context) -> None:
    """Component: fill ``ctx.views`` and ``extraction.sentences``."""
    text = ctx.document.text
    lines = _lines(text)
    junk = junk_lines(text, lines)
    skip = [lines[i] for i in sorted(junk)]
    line_start = searched = 0  # where the line of the sentence starts; text before ``searched`` is read
    for a, b, para, heading, block in _sentences(text, lines, junk):
        # the sentences come in text order: the last line break before this one is after the
        # one before it, or that one (each stretch of the text is searched once)
        newline = text.rfind("\n", searched, a)
        if newline >= 0:
            line_start = newline + 1
        searched = a
        ctext, offs = clean(text, a, b, skip)
        if not ctext:
            continue
        sent = Sentence(text=text[a:b], start=a, end=b)
        # a bullet glyph alone before the sentence on its line
        bullet = _BULLET_BEFORE.fullmatch(text, line_start, a) is not None
        view = View(index=len(ctx.views), sentence=sent, text=ctext, offs=offs, para=para,
                    heading=heading, bullet=bullet, block=block)
        ctx.views.append(view)
        ctx.extraction.sentences.append(sent)
