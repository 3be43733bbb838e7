"""Dutch dates -> ISO yyyy-mm-dd.

Reads: "1 januari 2015", "één januari 2021", "1 jan. 2015", "1-1-2013", "01-01-13" and "1/1/2013" (day first),
"januari 2015" and "in 2015" (first day of the month or year), "2015" after a date cue;
two-digit years (13 -> 2013, 98 -> 1998). A date without a year ("vrijdag 14 juni") is no date.
The cue in front of it ("per", "met ingang van", "vanaf", "sinds", "op", "in") is kept: rules
prefer a cued date when a sentence holds several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.context import Context
from kg.extract.rules import any_case_alternation, cue_words, holds_any_case

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}


_MONTH_RX = any_case_alternation(sorted(MONTHS, key=len, reverse=True))
#: (The alternatives grouped by first letter: the patterns try them at every word, see
#: :func:`kg.extract.rules.any_case_alternation`.)
_CUE = "(?P<cue>%s)" % any_case_alternation(("per", "met ingang van", r"m\.i\.v\.?", "vanaf", "sinds", "op", "in",
                                              "tot", "vóór", "voor", "na", "rond", "eind", "begin", "medio"))
_YEAR = r"(?P<y>(?:19|20)\d{2}|'\d{2})"
#: Day numbers written as words: "op één januari 2021", "per eerste april".
DAY_WORDS = {"één": 1, "eerste": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
             "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
             "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
             "negentien": 19, "twintig": 20, "dertig": 30, "eenendertig": 31}
_DAY_WORD_RX = any_case_alternation(sorted(DAY_WORDS, key=len, reverse=True))
_PATTERNS = [
    re.compile(rf"(?i)(?:\b{_CUE}\s+)?\b(?P<dw>{_DAY_WORD_RX})\s+(?P<m>{_MONTH_RX})\.?\s+{_YEAR}\b"),
    re.compile(rf"(?i)(?:\b{_CUE}\s+)?\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RX})\.?\s+{_YEAR}\b"),
    re.compile(rf"(?i)(?:\b{_CUE}\s+)?\b(?P<d>\d{{1,2}})[-/.](?P<mn>\d{{1,2}})[-/.]"
               rf"(?P<y>(?:19|20)\d{{2}}|\d{{2}})\b"),
    re.compile(rf"(?i)(?:\b{_CUE}\s+)?\b(?P<m>{_MONTH_RX})\.?\s+{_YEAR}\b"),
    re.compile(rf"(?i)\b{_CUE}\s+(?:het\s+jaar\s+)?(?P<y>(?:19|20)\d{{2}})\b(?![-/.]\d)"),
]


_DIGIT = re.compile(r"\d")
#: What each of :data:`_PATTERNS` needs (a year, or a numeric date): a pattern whose need is
#: missing from a sentence finds nothing there and is not tried.
_A_YEAR = re.compile(r"(?:19|20)\d{2}|'\d{2}")
_A_NUMERIC_DATE = re.compile(r"\d[-/.]\d")
#: Words one of which every month name (and every day number word) holds: the first, the second
#: and the fourth pattern need a month, the first also a day word.
_MONTH_CUES = cue_words(MONTHS)
_DAY_WORD_CUES = cue_words(DAY_WORDS)


@dataclass(frozen=True)
class DateMention:
    start: int  #: clean-view offsets
    end: int
    iso: str
    cue: str | None


def _year(y: str) -> int:
    y = y.lstrip("'")
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 50 else 1900
    return n


def find_dates(text: str) -> list[DateMention]:
    """All dates in a (clean) sentence, left to right, without overlaps."""
    if not _DIGIT.search(text):
        return []  # every pattern holds a number (a year at least); most sentences have none
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    year = _A_YEAR.search(text) is not None
    lowered = text.lower() if year else ""
    month = year and holds_any_case(text, _MONTH_CUES, lowered)
    # what each of _PATTERNS needs: a pattern whose need is missing finds nothing and is not tried
    tried = (month and holds_any_case(text, _DAY_WORD_CUES, lowered), month,
             _A_NUMERIC_DATE.search(text) is not None, month, year)
    for rx, need in zip(_PATTERNS, tried):
        if not need:
            continue
        for m in rx.finditer(text):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            g = m.groupdict()
            try:
                year = _year(g["y"])
                if g.get("mn"):
                    month = int(g["mn"])
                elif g.get("m"):
                    month = MONTHS[g["m"].lower().rstrip(".")]
                else:
                    month = 1
                day = int(g["d"]) if g.get("d") else DAY_WORDS.get((g.get("dw") or "").lower(), 1)
                if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
                    continue
            except (KeyError, ValueError, TypeError):
                continue
            cue = (g.get("cue") or "").lower() or None
            found.append(DateMention(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", cue))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, or None."""
    found = find_dates(text)
    return found[0].iso if found else None


#: Cues of a date on which something starts ("per 1 januari", "vanaf 2019").
START_CUES = ("per", "met ingang van", "m.i.v", "m.i.v.", "vanaf", "sinds", "op")
#: The same and "in" ("in 2015"): the cues :func:`date_near` takes by default.
_START_CUES = START_CUES + ("in",)


def date_near(ctx: Context, view_index: int, lo: int = 0, hi: int | None = None,
              cues: tuple[str, ...] = _START_CUES, uncued: bool = True) -> str | None:
    """The best date of a sentence within clean span [lo, hi): one with a cue in ``cues``
    first, else (unless not ``uncued``) a full date without a cue; a date after another cue
    ("opgericht in 2011", "tot 2015") is not taken when ``cues`` leaves that cue out."""
    dates = ctx.memory.get("dates", {}).get(view_index, [])
    inside = [d for d in dates if d.start >= lo and (hi is None or d.end <= hi)]
    cued = [d for d in inside if d.cue in cues]
    pick = cued or ([d for d in inside if d.cue is None] if uncued else [])
    return pick[0].iso if pick else None


def run(ctx: Context) -> None:
    """Component: the dates of every sentence, kept for the relation rules."""
    ctx.memory["dates"] = {v.index: find_dates(v.text) for v in ctx.views}
