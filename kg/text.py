"""Small text helpers shared by the stages: name normalisation and slugs."""

from __future__ import annotations

import functools
import re
import unicodedata

#: The glyphs that open a bulleted list item in reports and web pages, as a regex character class
#: holds them (the hyphen last): what sentence splitting reads as a bullet, and what kg.read does
#: not bullet a second time.
BULLET_GLYPHS = "•●▪◦‣∙·*–—■□○►▶➢➤✓✔-"

#: Words that do not tell two names apart: articles and generic prefixes of Dutch names.
_DROP_PREFIX = re.compile(
    r"^(de|het|een|'t|the|gemeente|provincie|stichting|wijk|cooperatie|organisatie)\s+"
)


def strip_accents(s: str) -> str:
    if s.isascii():
        return s  # ASCII has no accents: NFKD leaves it as it is and holds no combining mark
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


#: Letters outside ASCII that have no accent to strip: ı, ø, ł, đ, Cyrillic, Greek, CJK.
_OTHER_LETTERS = re.compile(r"(?:(?![\x00-\x7f])[^\W\d_])+")


def to_ascii(s: str) -> str:
    """``s`` with accents stripped and the other non-ASCII letters transliterated
    (``"Yılmaz"`` -> ``"Yilmaz"``, ``"Łódź"`` -> ``"Lodz"``); ASCII, digits and punctuation
    are left as they are."""
    s = strip_accents(s)
    if s.isascii():
        return s
    from slugify import slugify  # python-slugify, through its text-unidecode tables

    return _OTHER_LETTERS.sub(
        lambda m: slugify(m.group(), lowercase=False, separator=" ") or " ", s
    )


def normalise_name(name: str, *, drop: re.Pattern[str] = _DROP_PREFIX, keep: str = "&'") -> str:
    """A key under which the spellings of one name meet.

    Case, accents, hyphens, punctuation (but the characters in ``keep``), and leading words
    matched by ``drop`` (articles and generic words: gemeente, provincie, stichting, wijk,
    coöperatie) are folded away: ``"Gemeente Lariks-Pittelo"`` and ``"lariks pittelo"`` give
    the same key.
    """
    if drop is _DROP_PREFIX and keep == "&'":
        return _normalise_name(name or "")  # cached by the name alone: hashing the regex costs more
    return _normalise_name(name or "", drop, keep)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The matching key of a name: normalised, spaces removed, so that "Lariks-Pittelo",
    "lariks pittelo" and "LariksPittelo" meet (a name recurs in many mentions and reports:
    worked out once)."""
    return normalise_name(name).replace(" ", "")


_SEPARATORS = re.compile(r"[-_/]+")


@functools.lru_cache(maxsize=8)
def _punctuation(keep: str) -> re.Pattern[str]:
    """Runs of characters that are no word character, white space or one of ``keep``."""
    return re.compile(rf"[^\w\s{re.escape(keep)}]+")


@functools.lru_cache(maxsize=1 << 16)
def _normalise_name(name: str, drop: re.Pattern[str] = _DROP_PREFIX, keep: str = "&'") -> str:
    # every stage asks for the keys of the same few names again and again
    s = to_ascii(name).casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    if not s.replace(" ", "").isalnum():  # most names are words and spaces only: nothing to fold
        # (isalnum is the regex \w less "_", a separator: such a name matches neither pattern)
        s = _SEPARATORS.sub(" ", s)
        s = _punctuation(keep).sub(" ", s)
    s = " ".join(s.split())
    prev = None
    while prev != s:
        prev = s
        s = drop.sub("", s)
    return s


def slug(text: str) -> str:
    """A lower-case ASCII slug for IRIs: ``"Leren & Werken"`` -> ``"leren-en-werken"``,
    ``"Yılmaz"`` -> ``"yilmaz"``."""
    s = to_ascii(text).casefold().replace("&", " en ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def fold_whitespace(text: str) -> str:
    # the words split at white space (str.isspace, the same characters as the regex \s),
    # joined by single spaces
    return " ".join(text.split())
