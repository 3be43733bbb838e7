"""Names of organisations and persons.

What it reads in Dutch:

* chains of capitalised words ("Welzijn Ouderen", "Leren & Werken"), acronyms ("MJD",
  "WZV-NO"), words with inner capitals ("IKracht", "DoeMee"), names that open with a name
  head and go on with small words ("Centrum voor Jeugd en Gezin", "Stichting Welzijn voor
  Ouderen"), names with an article written with a capital mid-sentence ("De Vlinderhof",
  "'t Marheem"); lower-case "de"/"het" before a name is not part of it ("de MJD");
* a capitalised word at the start of a sentence, after a colon or a bullet is only a name when
  the text also writes it mid-sentence, or it looks like one (acronym, inner capital);
  "Presentatie IKracht" loses "Presentatie";
* a capitalised single word that the text only ever writes after "in"/"te" is a place (a town
  or village), not an organisation;
* a name followed by a place it never appears without ("Dimon Groningen") keeps the place;
* persons: a known first name (or initials, or a title) with a surname and particles
  ("Aly van Beek", "J. de Vries"), or two capitalised words next to a role ("directeur Wim
  Bakker", "Jan Bos, directeur ..."); the role is kept in ``Mention.role``;
* "coöperatie ... X" makes X a Cooperative; "samenwerkingsverband X" a Partnership;
* "Centrum voor Zorg en Welzijn (CZW)": the acronym is labelled with the long name.

A name is *strong* (an entity on its own) when it has several words, looks like a name, recurs
mid-sentence or stands in a list with other names; otherwise it is *weak* and becomes an
entity only when a relation uses it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.context import Context, Slot, View, adjective_place, list_item_views
from kg.extract.lexicon import (FIELD_NOUNS, FIRST_NAMES, GENERIC_ENDINGS, NAME_HEADS, NOT_NAME_PHRASES, NOT_NAMES,
                                NOT_ORG_ACRONYMS, NUMBER_WORDS, ORG_SUFFIXES, ROLES, SERVICES,
                                TUSSENVOEGSELS)
from kg.extract.rules import ASCII_FOLDING, ORG_TYPES, has_any, holds_any_case, ignorecase_forms
from kg.extract.tokens import is_dutch_word
from kg.text import normalise_name

#: A capitalised word, or "'t"/"'s" before a capitalised one. It opens with one character class,
#: so that a search skips ahead to the capitals in C (as branches each opening with their own
#: class do not); the lookbehinds pick the branch by that first character. (A third branch,
#: ``[A-Z]+&[A-Z]+``, was never reached: the second matches wherever it could.)
_WORD = re.compile(r"['A-ZÀ-Ý](?:(?<=')[ts](?= [A-Z])|(?<!')[\w'’]*(?:[-&][\w'’]+)*)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+(?:&[A-Z]+)?(?:-[A-Z0-9]{1,3})?$")
_INNER_CAP = re.compile(r"[a-zà-ÿ][A-Z]|^[A-Z]{2,}[a-z]{2,}")
_CONNECTORS = ("voor", "van", "de", "der", "den", "en", "op", "in", "aan", "het", "&")
_ROLE_RX = "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True))
_ROLE_BEFORE = re.compile(rf"(?i)\b({_ROLE_RX})\s*(?:,\s*)?$")
_ROLE_AFTER = re.compile(rf"(?i)^\s*[,(]\s*(?:(?:nu|thans|toen|destijds|sinds\s+\d{{4}}|de|het|interim|"
                         rf"waarnemend|voormalig|oud-?)\s+)*({_ROLE_RX})\b")
_TITLES = ("dhr", "mevr", "mw", "drs", "ir", "mr", "dr", "prof", "ing")
_TITLE_BEFORE = re.compile(r"(?i)\b(%s)\.?\s+$" % "|".join(_TITLES))
#: The roles and titles in lower case, and the longest of each (see :func:`_ends_with`).
_LOWER_ROLES = tuple(r.lower() for r in ROLES)
_LONGEST_ROLE = max(map(len, ROLES))
_LONGEST_TITLE = max(map(len, _TITLES))


_IGNORECASE = int(re.IGNORECASE)  # (an int: ``&`` with the flag itself runs in Python)


def _closing_letters(words: tuple[str, ...], ignorecase: bool) -> frozenset[str]:
    """The characters that can match the last letter of one of ``words`` (in any case that
    IGNORECASE matches, for a case-insensitive regex): a text whose words end in none of them
    ends in none of ``words``, which one look at its last character tells."""
    if not ignorecase:
        return frozenset(w[-1] for w in words)
    return frozenset(c for w in words for c in ignorecase_forms(w[-1]))


def _ends_with(rx: re.Pattern[str], text: str, end: int, reach: int, strip: str = "",
               words: tuple[str, ...] | None = None, closing: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """``rx.search(text[:end])`` for a regex anchored at the end (``$``) whose words are at most
    ``reach`` characters long and followed by nothing but white space and ``strip`` characters:
    searched only from where such words can start, not from every character of the sentence.
    ``words`` are the words the regex ends in (lower case for a case-insensitive regex), and
    ``closing`` their :func:`_closing_letters`: where the text ends in none of them (or holds
    nothing but those characters), nothing is searched."""
    words_end = end  # where text[:end] ends without the white space and strip characters
    while words_end and (text[words_end - 1].isspace() or text[words_end - 1] in strip):
        words_end -= 1
    if words is not None:
        if not words_end or text[words_end - 1] not in closing:
            return None  # the last letter of a match is none of the words' (most texts: one test)
        tail = text[max(0, words_end - reach):words_end]
        if not rx.flags & _IGNORECASE:
            if not tail.endswith(words):
                return None
        elif not tail.lower().endswith(words) and (tail.isascii() or not has_any(tail, ASCII_FOLDING)):
            return None  # (a letter that IGNORECASE folds and lower() does not leaves it to the regex)
    return rx.search(text, max(0, words_end - reach), end)


_ROLE_CLOSING = _closing_letters(_LOWER_ROLES, True)
_TITLE_CLOSING = _closing_letters(_TITLES, True)


def _role_before(text: str, end: int) -> re.Match[str] | None:
    """:data:`_ROLE_BEFORE` on ``text[:end]``."""
    return _ends_with(_ROLE_BEFORE, text, end, _LONGEST_ROLE, ",", _LOWER_ROLES, _ROLE_CLOSING)


def _title_before(text: str, end: int) -> re.Match[str] | None:
    """:data:`_TITLE_BEFORE` on ``text[:end]``."""
    return _ends_with(_TITLE_BEFORE, text, end, _LONGEST_TITLE, ".", _TITLES, _TITLE_CLOSING)


_QUOTED = re.compile(r"(?:(?<=\s)|^)'(?![ts]\s)([^']{3,80}?)'(?=[\s.,;:!?)]|$)|\"[^\"]{3,80}\"")
#: Verbs of the relation rules: a capitalised word before one opens a clause as its subject.
_SUBJECT_VERB = re.compile(r"\s+(?:is|was|heeft|had|gaat|ging|wil|zal|wordt|werd|groeit|telt|"
                           r"werkt|richt|helpt|zet|zette|begeleidt|bestaat|ontving|ontvangt|krijgt|"
                           r"kreeg|neemt|nam|tekent|tekende|opent|opende|ontwikkelt|ontwikkelde|zorgt|"
                           r"zorgde|bundelt|heeft|startte|stopt|stopte|sluit|sloot|won|wint|kiest|"
                           r"koos|maakt|maakte|blijft|bleef|kan|kon|moet|moest|mag|mocht|komt|kwam|"
                           r"bood|verzorgde|leverde|voerde|fuseerde|levert|draagt|droeg|staat|stond|"
                           r"geeft|gaf|doet|deed|treedt|trad|fungeert|vormt|vormde|"
                           r"biedt|verzorgt|levert|voert|fuseert|leidt|trekt|coördineert|"
                           r"ondersteunt|organiseert|werkt\s+samen|is\s+(?:\w+\s+)?opgericht|"
                           r"is\s+(?:een\s+)?onderdeel|is\s+(?:\w+\s+)?gevestigd|is\s+trekker|"
                           r"is\s+lid|is\s+aangesloten|gaat\s+(?:\w+\s+)?op\s+in|start\s+met|"
                           r"ontstond|ontstaat|verhuist|verhuisde|viert|vierde|bestond|opereert|"
                           r"verleent|verleende|neemt\s+deel|nam\s+deel|sluit\s+aan|sloot\s+aan)\b")
_DIRECTIONS = frozenset({"noord", "zuid", "oost", "west", "midden", "noordoost", "noordwest",
                         "zuidoost", "zuidwest", "centrum", "stad", "regio"})
#: "in" that is no place: "gaat op in X", "fuseren in X", "partner in X".
_NOT_LOCATIVE_IN = re.compile(r"(?i)\b(?:op|opgegaan|opgaan|opgaat|fuseren|fuseert|fuseerden|gefuseerd|"
                              r"samengaan|samengegaan|partner|partners|deel|participeert|participeren|"
                              r"zitting|vertegenwoordigd|ondergebracht|investeert|investeren)\s+in\s+$")
_NAME_ADJECTIVES = frozenset({"sociaal", "sociale", "maatschappelijk", "maatschappelijke",
                              "integraal", "integrale", "nieuw", "nieuwe"})
_SERVICE_START = re.compile(r"(?:%s)(?=\s)" % "|".join(
    r"\s".join(w[:1].upper() + w[1:] if i == 0 else f"[{w[0]}{w[0].upper()}]{w[1:]}"
               for i, w in enumerate(re.escape(x).split(r"\ ")))
    for x in sorted(SERVICES, key=len, reverse=True)))
#: The first words :data:`_SERVICE_START` reads, as it reads them (capitalised): a name's words
#: hold no white space, so its first word is one of these wherever the regex matches the words joined.
_SERVICE_FIRST_WORDS = frozenset(w[:1].upper() + w[1:] for w in (x.split(" ")[0] for x in SERVICES))


#: "de stichting Onder Dak": a lower-case legal form or kind of organisation before a name.
_LOWER_HEADS = ("stichting", "vereniging", "coöperatie", "cooperatie", "organisatie")
_LOWER_HEAD = re.compile(r"\b(?:%s)\s+$" % "|".join(_LOWER_HEADS))
_LONGEST_LOWER_HEAD = max(map(len, _LOWER_HEADS))
_LOWER_HEAD_CLOSING = _closing_letters(_LOWER_HEADS, False)


#: "Humanis Borger en Stichting De Linde gaan ...": a name opening a list of names is a subject too.
_LIST_GOES_ON = re.compile(r"\s+en\s+(?:het\s+|de\s+)?[A-Z][a-zë]+(?:\s+[A-Z][\w-]*)*\s+(?:[a-z]+\s+){0,3}?(?:gaan|fuseren|werken|zijn|hebben|vormen|bundelen|richten|starten|ondertekenen|bieden|voeren|verzorgen|organiseren)\b")


#: A period that ends "Stg."/"Sticht." (an abbreviated kind word), not a sentence.
_KIND_ABBREVIATIONS = ("Stg.", "Sticht.")


def _is_initial(text: str, cs: int) -> bool:
    """The word at ``cs`` is capitalised for grammatical reasons: it opens the sentence (white
    space before), or follows a colon, semicolon, bullet, quote or "(" (white space between, or
    none), or "!", "?" or a period (but the one of "Stg."/"Sticht.") and white space. One look at
    the characters right before the word (asked for every word that opens a chain)."""
    end = cs  # where the white space before the word starts
    while end and text[end - 1].isspace():
        end -= 1
    if not end:
        return cs == 0 or cs == 1 and text[0] == "\n"  # ("$" of the old end test: before a final "\n")
    mark = text[end - 1]
    if mark in ":;•\"'(":
        return True
    if end == cs:
        return False  # "!", "?" and a period need white space after them
    if mark in "!?":
        return True
    return mark == "." and not _kind_abbreviation(text, end)


def _kind_abbreviation(text: str, end: int) -> bool:
    """``text[:end]`` ends in :data:`_KIND_ABBREVIATIONS` as a word of its own."""
    for abbr in _KIND_ABBREVIATIONS:
        if text.endswith(abbr, 0, end):
            at = end - len(abbr)
            return not at or not (text[at - 1].isalnum() or text[at - 1] == "_")  # "\b" before it
    return False


def _quoted_spans(v: View) -> list[tuple[int, int]]:
    """Quoted titles ("Buurt Doet Mee"), whose words are no names of their own; quoted speech
    (many words, or ending in punctuation: '"X werkt samen met Y," zegt ...') is not one."""
    out = []
    if "'" not in v.text and '"' not in v.text:
        return out  # every quoted span opens with a quote mark
    for m in _QUOTED.finditer(v.text):
        inner = m.group(0).strip("'\" ")
        if len(inner.split()) > _TITLE_WORDS or inner[-1:] in ".,;:!?":
            continue
        out.append((m.start(), m.end()))
    return out


#: At most this many words in quotes are a title, not speech.
_TITLE_WORDS = 6


class _Chain:
    __slots__ = ("view", "cs", "ce", "words", "initial", "listed", "lower", "tails")

    def __init__(self, view: View, cs: int, ce: int, words: list[str], initial: bool) -> None:
        self.view, self.cs, self.ce, self.words, self.initial = view, cs, ce, words, initial
        self.listed = False
        self.lower: _LowerWords | frozenset[str] = frozenset()  #: words the document writes in lower case
        self.tails: frozenset[str] = frozenset()  #: names written mid-sentence after a name head

    @property
    def text(self) -> str:
        return self.view.text[self.cs:self.ce]


#: Pieces of text :func:`_chains` reads right after a word, compiled once (it reads every word).
_KIND_DOT = re.compile(r"\.\s+(?=[A-ZÀ-Ý])")
_ROLE_SUFFIX = re.compile(r"-(?:%s)$" % _ROLE_RX, re.IGNORECASE)
_ELLIPSIS = re.compile(r"-\s+(?:en|of)\s+")
#: The gap after a word and the word after it, if any (one match for the two).
_GAP_WORD = re.compile(r"(\s+&\s+|\s+|\s*&\s*)(%s)?" % _WORD.pattern)
_AGE_RANGE = re.compile(r"\d+(?:-\d+)?(?=[\s,.;:)]|$)")
_AFTER_ARTICLE = re.compile(r" ([A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*)")
_VOOR_VAN = re.compile(r"\s(?:voor|van)\s")
#: Small words that go on a name after a first name, after a name head with "voor"/"van" in it
#: ("en" joins only inside "Centrum voor Jeugd en Gezin"), and after any other name head.
_PERSON_SMALL = re.compile(r"(?!op\s+in\b)((?:van|de|der|den|ter|ten|te|'t|in|op|la|le|du)\s+){1,3}")
_HEAD_SMALL_EN = re.compile(r"(?!op\s+in\b)((?:voor|van|de|der|den|en|op|in|aan|het|ter|ten|te|'t)\s+){1,3}")
_HEAD_SMALL = re.compile(r"(?!op\s+in\b)((?:voor|van|de|der|den|op|in|aan|het|ter|ten|te|'t)\s+){1,3}")


#: "en" + a capitalised word after it.
_EN_WORD = re.compile(r"en\s+([A-ZÀ-Ý][a-zà-ÿ]+)\b")


def _joined_field(text: str, at: int, words: list[str]) -> re.Match | None:
    """"Centrum Sport en Bewegen", "Stichting Zorg en Welzijn": in a name a name head opens, "en"
    at ``at`` joins two fields of the social domain (:data:`FIELD_NOUNS`), as it joins any two
    words after "voor" or "van" ("Centrum voor Jeugd en Gezin"); not two names ("Stichting
    Vitalis en Icare" are two), nor a field right after no other word ("Welzijn en Zorg
    Assen": the name head "Welzijn" alone is no name yet). The match of "en" and the field
    after it, or None."""
    if len(words) < 2 or words[-1].casefold() not in FIELD_NOUNS or not text.startswith("en ", at):
        return None
    m = _EN_WORD.match(text, at)
    return m if m is not None and m.group(1).casefold() in FIELD_NOUNS else None


def _chains(v: View) -> list[_Chain]:
    """Candidate name chains in one sentence (free spans only)."""
    text = v.text
    # (no slot in most sentences yet: every span is free there, without asking each slot)
    free = v.free
    quoted = _quoted_spans(v)
    out: list[_Chain] = []
    pos = 0
    while True:
        m = _WORD.search(text, pos)
        if not m:
            break
        cs, ce = m.span()
        pos = ce
        if not free(cs, ce) or quoted and any(a <= cs < b for a, b in quoted):
            continue
        first = m.group(0)
        kind = _KIND_DOT.match(text, ce) if first in ("Stg", "Sticht") else None
        if kind:  # "Stg. Kompasroos": the abbreviated kind word, not the name; what follows is one
            v.after_kind.add(kind.end())
            continue
        words = [first]
        # (a role suffix needs a hyphen: most words have none)
        suffix = _ROLE_SUFFIX.search(words[0]) if "-" in words[0] else None
        if suffix:  # "Leijstroom-directeur Anton de Vries": the organisation before the role
            words[0] = words[0][:suffix.start()]
            ce = cs + len(words[0])
            out.append(_Chain(v, cs, ce, words, False))
            continue
        head = words[0].casefold() in NAME_HEADS or is_first_name(words[0])
        while True:
            ell = _ELLIPSIS.match(text, ce) if text.startswith("-", ce) else None  # (it opens with one)
            if ell:  # "GGD Noord- en Oost-Gelderland"
                w2 = _WORD.match(text, ell.end())
                if w2 and free(ce, w2.end()):
                    words.append(w2.group(0))
                    ce = w2.end()
                    pos = ce
                    continue
            nxt = _GAP_WORD.match(text, ce)
            if not nxt:
                break
            gap, word = nxt.groups()  # the word is None where none follows the gap
            j, w_end = nxt.end(1), nxt.end()
            # an age range only after an acronym alone, one space on (most words are no acronym)
            num = _AGE_RANGE.match(text, j) if word is None and len(words) == 1 and gap == " " \
                and not words[0][1:2].islower() and _ACRONYM.match(words[0]) else None
            if num and free(j, num.end()):
                words.append(num.group(0))  # "JGZ 0-4 Lindeland", "JGZ 4-12": an age range in the name
                ce = num.end()
                pos = ce
                continue
            if word is not None:
                if len(word) == 1 and text[w_end:w_end + 1] == "." and not is_first_name(words[0]):
                    break  # "Getijde U.A.": a legal form after the name, not part of it
                if free(j, w_end) and word.casefold() not in ("de", "het", "een"):
                    words.append(word)
                    ce = w_end
                    pos = ce
                    continue
            # "Sociaal Werk De Kempen", "Stichting Het Baken": a capitalised article inside a name
            if word in ("De", "Het") and gap == " " and free(j, w_end) \
                    and words[0] not in FIRST_NAMES and words[-1].casefold() not in NOT_NAMES:
                w2 = _AFTER_ARTICLE.match(text, w_end)
                if w2 and free(w_end, w2.end()) \
                        and w2.group(1).casefold() not in NOT_NAMES:
                    words += [word, w2.group(1)]
                    ce = w2.end()
                    pos = ce
                    continue
            if head:
                if is_first_name(words[0]):
                    if len(words) > 1 and not is_first_name(words[-1]):
                        break  # "Hans Rietveld van Buurtwerk X": particles stand before the surname
                    small = _PERSON_SMALL
                elif _VOOR_VAN.search(text, cs, ce) or _joined_field(text, j, words):
                    small = _HEAD_SMALL_EN
                else:
                    small = _HEAD_SMALL
                conn = small.match(text, j)
                if conn:
                    k = conn.end()
                    w = _WORD.match(text, k)
                    if w and free(k, w.end()):
                        words.append(w.group(0))
                        ce = w.end()
                        pos = ce
                        continue
            elif word is None and gap == " " and (w := _joined_field(text, j, words)) \
                    and any(x.casefold() in NAME_HEADS for x in words[1:-1]):
                # "Nieuw Centrum Sport en Bewegen": a name head inside the chain
                if free(j, w.end()):
                    words.append(w.group(1))
                    ce = w.end()
                    pos = ce
                    continue
            break
        out.append(_Chain(v, cs, ce, words, _is_initial(text, cs)))
    return out


#: What may follow a listed item that is the whole name: a capitalised word (a place), a stop,
#: a bracketed aside.
_REST_OF_ITEM = re.compile(r"(?:\s+[A-ZÀ-Ý][\w'’-]*)?\s*[.,;]?\s*(?:\(.*\))?")


def _list_items(ctx: Context, chains: list[_Chain]) -> list[tuple[View, list[View]]]:
    """"de volgende organisaties:" + bullets "• Humanis Vlist": each short item is a name.

    Returns each sentence that opens a bulleted list with the list's items."""
    items: set[int] = set()
    lists: list[tuple[View, list[View]]] = []
    views = ctx.views
    for v in views:
        if v.index + 1 >= len(views) or not views[v.index + 1].bullet:
            continue  # the items of a list are the bulleted sentences right after it
        listed = list_item_views(ctx, v)
        lists.append((v, listed))
        for item in listed:
            if len(item.text) <= 70 and len(item.text.split()) <= 7:
                items.add(item.index)
    drop: list[_Chain] = []
    for c in chains:
        if c.view.index in items and c.cs == 0:
            inner = _ITEM_PARTICLES.match(c.view.text, c.ce)
            if inner and inner.end(1) > c.ce:
                # "• ROC de Vaart": a lower-case particle inside a listed name joins its parts
                drop += _extend_to(c, inner.end(1), chains)
            slash = _SLASHED_ACRONYMS.match(c.view.text, c.ce)
            if slash:
                # "• Ouderenbond Zuidwaard ANBO/KBO": acronyms joined by a slash end the name
                drop += _extend_to(c, slash.end(), chains)
            # the whole item is the name (a place after it may still join it)
            if _REST_OF_ITEM.fullmatch(c.view.text, c.ce):
                c.initial = False
                c.listed = True
    for o in drop:
        chains.remove(o)
    return lists


def _extend_to(c: _Chain, end: int, chains: list[_Chain]) -> list[_Chain]:
    """Let the chain run on to ``end`` of its sentence; return the chains that start inside."""
    inside = [o for o in chains if o.view is c.view and c.ce < o.cs < end]
    c.words = c.view.text[c.cs:end].split()
    c.ce = end
    return inside


#: "/KBO", "/ANBO": acronyms joined to the last word of a listed name by slashes.
_SLASHED_ACRONYMS = re.compile(r"(?:/[A-Z][A-Z0-9]+)+(?=\s*[.,;]?\s*$)")
#: The rest of a listed item that is still its name: particles and capitalised words to the end.
_ITEM_PARTICLES = re.compile(r"((?:\s+(?:de|het|van|voor|der|den|'t)\s+[A-ZÀ-Ý][\w'’-]*)*)\s*[.,;]?\s*$")


def _key(words: list[str]) -> str:
    """The name key of a chain's words."""
    return normalise_name(" ".join(words))


def _seen_mid(mid: Counter[str], words: list[str]) -> bool:
    return bool(words) and mid[_key(words)] > 0


#: Adverbs that are no name words in running text ("samen", "verder") but name words when written
#: with a capital inside a sentence: "Vereniging Schuldvrij Samen", "Samen Verder".
_CAPITAL_NAME_WORDS = frozenset({"samen", "verder"})


def _is_acronym(w: str) -> bool:
    return bool(_ACRONYM.match(w)) and w not in NOT_ORG_ACRONYMS and w.upper() not in NOT_ORG_ACRONYMS


def _looks_like_name(w: str) -> bool:
    lw = w.casefold()
    return (_is_acronym(w) or bool(_INNER_CAP.search(w))
            or (lw.endswith(ORG_SUFFIXES)  # one test in C before the one by suffix
                and any(lw.endswith(s) and len(lw) > len(s) + 2 for s in ORG_SUFFIXES)))


def _bad_single(w: str) -> bool:
    lw = w.casefold()
    return (lw in NOT_NAMES or lw in _DIRECTIONS or len(w) < 2 or w.isdigit() or lw.endswith(GENERIC_ENDINGS)
            or lw in NUMBER_WORDS  # "Vier welzijnsorganisaties hebben ...": a count
            or (bool(_ACRONYM.match(w)) and not _is_acronym(w)))


def is_first_name(w: str) -> bool:
    """A known first name, also a double one written with a hyphen ("Gert-Jan", "Anne-Marie")."""
    if w in FIRST_NAMES:
        return True
    if "-" not in w:
        return False  # (most words: no split)
    parts = w.split("-")
    return len(parts) == 2 and all(p in FIRST_NAMES for p in parts)


_INITIALS_START = re.compile(r"^(?:[A-Z]\.){1,3}")


def _person_shape(words: list[str], text: str) -> bool:
    if len(words) < 2:
        return False
    return is_first_name(words[0]) or text[1:2] == "." and bool(_INITIALS_START.match(text))


#: "J. Lankhorst", "mr. A.B. de Vries", "P.J. van den Berg-Smit": initials before a surname.
#: (The check that no word or period stands before the initials follows their first letter, so
#: that the regex opens with a character class and the engine jumps to the capitals.)
_INITIALS_PERSON = re.compile(r"[A-Z](?<![\w.][A-Z])\.\s?(?:[A-Z]\.\s?){0,3}"
                              r"(?:(?:van\s+de|van\s+der|van\s+den|van|de|der|den|ter|ten|te|in\s+'t)\s+)?"
                              r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?(?!\w|\.\w)")


_LEGAL_FORM_START = re.compile(r"\s*(?:U\.\s?A|B\.\s?V|N\.\s?V)\b")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?)+")


def _initials_persons(ctx: Context) -> None:
    """A person written with initials: initials and a surname are a name in Dutch, whatever the title."""
    for v in ctx.views:
        if "." not in v.text:
            continue  # initials end in a period
        for m in _INITIALS_PERSON.finditer(v.text):
            if _LEGAL_FORM_START.match(m.group(0)) or not v.free(m.start(), m.end()):
                continue
            ra = _ROLE_AFTER.search(v.text[m.end():])
            rb = None if ra else _role_before(v.text, m.start())
            role = (ra or rb).group(1).lower() if (ra or rb) else None
            if ctx.place(v, m.start(), m.end(), "Person", role=role) is not None:
                surname = _INITIALS.sub("", m.group(0)).casefold()
                ctx.memory.setdefault("surnames", set()).add(surname)


#: "Anna van Dijk", "Ria van Beek": a first name (listed or not), a surname particle and a
#: surname; a person only where a role stands right beside it (the role makes it a person).
_PARTICLE_PERSON = re.compile(r"[A-Z](?<![\w.’'-][A-Z])[a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?"
                              r"\s+(?:van\s+de|van\s+der|van\s+den|van|de|der|den|ter|ten|te)"
                              r"\s+[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?(?![\w-])")
_IS_ROLE_AFTER = re.compile(rf"(?i)^\s+(?:is|was|wordt|werd|blijft)\s+(?:(?:nu|sinds\s+\d{{4}}|de|interim|"
                            rf"waarnemend|een\s+van\s+de(?:\s+\w+)?)\s+)*({_ROLE_RX})\b")


def _role_persons(ctx: Context) -> None:
    """A name of the shape "Anna van Dijk" next to a role ("..., bestuurder van", "is
    directeur") is a person, also when the first name is not in the list."""
    for v in ctx.views:
        for m in _PARTICLE_PERSON.finditer(v.text):
            first = m.group(0).split()[0]
            if first.casefold() in NAME_HEADS or first.casefold() in NOT_NAMES or not v.free(m.start(), m.end()):
                continue
            ra = _ROLE_AFTER.search(v.text[m.end():]) or _IS_ROLE_AFTER.search(v.text[m.end():])
            rb = None if ra else _role_before(v.text, m.start())
            if ra or rb:
                ctx.place(v, m.start(), m.end(), "Person", role=(ra or rb).group(1).lower())


def run(ctx: Context) -> None:
    """Component: organisation and person mentions in every sentence."""
    _initials_persons(ctx)
    _role_persons(ctx)
    _placed_lists(ctx)
    chains = [c for v in ctx.views for c in _chains(v)]
    lower = _LowerWords(ctx.views)
    headed = [c.words[1:] for c in chains  # (a name head opening a sentence heads a name all the same)
              if len(c.words) >= 3 and c.words[0].casefold() in NAME_HEADS]
    tails = frozenset(normalise_name(" ".join(words)) for words in headed) | \
        frozenset(normalise_name(" ".join(c.words)) for c in chains
                  if not c.initial and len(c.words) >= 2
                  and _ends_with(_LOWER_HEAD, c.view.text, c.cs, _LONGEST_LOWER_HEAD, "", _LOWER_HEADS,
                             _LOWER_HEAD_CLOSING))
    for c in chains:
        c.lower, c.tails = lower, tails
    lists = _list_items(ctx, chains)
    mid: Counter[str] = Counter()
    after_prep: Counter[str] = Counter()
    for c in chains:
        if not c.initial:
            mid[normalise_name(c.text)] += 1
            text = c.view.text
            if _ends_with(_LOCATIVE_BEFORE, text, c.cs, _LONGEST_LOCATIVE, "", _LOCATIVES, _LOCATIVE_CLOSING) \
                    and not _NOT_LOCATIVE_IN.search(text, 0, c.cs) \
                    or _AND_SURROUNDINGS.match(text, c.ce):
                after_prep[normalise_name(c.text)] += 1  # "in Noordbroek", "voor Noordbroek en omgeving"
    for c in chains:
        _place_chain(ctx, c, mid, after_prep, chains)
    _label_acronyms(ctx)
    _promote_lists(ctx)
    _acronym_led_items(ctx, lists)
    _acronym_led_list_items(ctx)
    _short_forms(ctx)


#: A lower-case word (not the tail of a capitalised or hyphenated one).
_LOWER_WORD = re.compile(r"[a-zà-ÿ](?<![\w'’-][a-zà-ÿ])[\w'’-]*")
#: "in Noordbroek", "voor Noordbroek en omgeving": a place after a preposition or before "en omgeving".
_LOCATIVES = ("in", "te", "nabij", "rond")
_LOCATIVE_BEFORE = re.compile(r"\b(?:%s)\s+$" % "|".join(_LOCATIVES))
_LONGEST_LOCATIVE = max(map(len, _LOCATIVES))
_LOCATIVE_CLOSING = _closing_letters(_LOCATIVES, False)
_AND_SURROUNDINGS = re.compile(r"\s+en\s+(?:de\s+)?omgeving\b")


class _LowerWords:
    """The words a text writes in lower case (casefolded), for ``in``: read from the text at the
    first question only, as most texts never ask (their sentences keep their opening words)."""

    __slots__ = ("views", "words")

    def __init__(self, views: list[View]) -> None:
        self.views = views
        self.words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = _lower_words(self.views)
        return word in self.words


def _lower_words(views: list[View]) -> frozenset[str]:
    """Every word the text writes in lower case, casefolded."""
    # one pass over the sentences joined by a line break, which no word holds or crosses
    words = _LOWER_WORD.findall("\n".join(v.text for v in views))
    # casefolded in one call: no word character casefolds to white space or to nothing
    return frozenset(" ".join(set(words)).casefold().split())


#: One item of "zijn A in X, B in Y en C in Z": a short phrase opening with a capital, then "in" a place.
_PLACED_ITEM = re.compile(r"(?:(?<=\bzijn )|(?<=\bzijn: )|(?<=: )|(?<=, )|(?<= en ))"
                          r"([A-ZÀ-Ý][\w.'’&-]*(?: [a-zà-ÿA-ZÀ-Ý][\w.'’&-]*){0,3}?) (?:in|uit|te) ⟦[MN]\d+⟧")


#: ", " or " en " between two items of a list
_LIST_SEPARATOR = re.compile(r"\s*(?:,|en)\s*")


def _placed_lists(ctx: Context) -> None:
    """"De leden zijn Doe mee in Ede, Buurtkracht oost in Tiel, ...": where two or
    more items of a list each give their place, the words before each place are a name, lower-case
    words and all."""
    for v in ctx.views:
        tokens = v.text.count("⟦")
        if len(v.slots) + tokens < 2 or sum(1 for s in v.slots if s.letter in "MN") + tokens < 2:
            continue  # each item ends in a place token: two are needed (saves masking the sentence)
        masked, slots, cmap = v.masked()
        if masked.count("⟦") < 2:
            continue
        found = list(_PLACED_ITEM.finditer(masked))
        chained = [m for i, m in enumerate(found)
                   if (i > 0 and _LIST_SEPARATOR.fullmatch(masked[found[i - 1].end():m.start()]))
                   or (i + 1 < len(found) and _LIST_SEPARATOR.fullmatch(masked[m.end():found[i + 1].start()]))]
        if len(chained) < 2:
            continue
        for m in chained:
            cs, ce = cmap[m.start(1)], cmap[m.end(1) - 1] + 1
            words = v.text[cs:ce].split()
            if words[0].casefold() in NOT_NAMES and not words[0].isupper() or "⟦" in m.group(1):
                continue
            ctx.place(v, cs, ce, _org_type(v, cs, ce), strong=True)


#: The one to three lower-case words after an acronym in a name: "ZIJ welzijn", "KWB voor elkaar".
_LOWER_TAIL = r"(?: [a-zà-ÿ][\w-]*){1,3}"
#: A listed item that is an acronym and lower-case words.
_ACRONYM_LED_ITEM = re.compile(rf"([A-Z]{{2,6}}{_LOWER_TAIL})\s*[.,;]?\s*")


def _acronym_led_items(ctx: Context, lists: list[tuple[View, list[View]]]) -> None:
    """"de volgende organisaties:" + bullets "• Welzijn Vliethaven", "• ZIJ welzijn": an item
    written as an acronym and lower-case words is a name too, when two or more other items of the
    list are names that fill their item. ``lists``: the bulleted lists (:func:`_list_items`)."""
    for v, items in lists:
        if v.bullet or len(items) < 3:
            continue
        whole = sum(1 for it in items for sl in it.slots if sl.cstart == 0 and sl.mention.type in ORG_TYPES
                    and not it.text[sl.cend:].strip(" .,;"))
        if whole < 2:
            continue
        for it in items:
            m = None if it.slots else _ACRONYM_LED_ITEM.fullmatch(it.text)
            if m:
                ctx.place(it, 0, m.end(1), "Organisation", strong=True)


#: "A, KWB voor elkaar en de B": an item of a list of names that opens with an acronym and goes
#: on in lower-case words, between two names.
#: (the acronym may have been read as a name of its own already: "⟦O3⟧ voor elkaar")
_ACRONYM_LED_BETWEEN = re.compile(rf"⟦O\d+⟧\s*,\s*(?P<item>(?:[A-Z]{{2,6}}|⟦O(?P<slot>\d+)⟧){_LOWER_TAIL})"
                                  r"\s*(?:,|en|&)\s+(?:de\s+|het\s+)?⟦O\d+⟧")


def _acronym_led_list_items(ctx: Context) -> None:
    """A list item between two organisation names that is an acronym and lower-case words ("KWB
    voor elkaar") is a name too: a list of names goes on through it."""
    for v in ctx.views:
        if sum(1 for s in v.slots if s.mention.type in ORG_TYPES) < 2 or ", " not in v.text:
            continue
        masked, slots, cmap = v.masked()
        for m in _ACRONYM_LED_BETWEEN.finditer(masked):
            ce = cmap[m.end("item") - 1] + 1
            if m.group("slot") is None:
                ctx.place(v, cmap[m.start("item")], ce, "Organisation", strong=True)
                continue
            acronym = slots[int(m.group("slot"))]
            if acronym.group is None and _ACRONYM.match(acronym.mention.text):
                v.slots.remove(acronym)
                if ctx.place(v, acronym.cstart, ce, "Organisation", strong=True) is None:
                    v.slots.append(acronym)


def _short_forms(ctx: Context) -> None:
    """"Coöperatie Thuis in Twente" named once: "Thuis in Twente" elsewhere is the same name,
    even where its place was read as a place."""
    longs: dict[str, Slot] = {}
    for v in ctx.views:
        for s in v.slots:
            words = s.mention.text.split()
            if s.group is None and s.mention.type in ("Organisation", "Cooperative", "Partnership") \
                    and len(words) >= 4 and words[0].casefold() in NAME_HEADS \
                    and any(w in ("in", "voor", "van", "op", "aan") for w in words[2:-1]):
                longs.setdefault(" ".join(words[1:]), s)
    for short, long in longs.items():
        rx = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")
        for v in ctx.views:
            for m in rx.finditer(v.text):
                inside = [s for s in v.slots if s.cstart < m.end() and s.cend > m.start()]
                if not inside or any(s.cstart < m.start() or s.cend > m.end() for s in inside):
                    continue
                for s in inside:
                    v.slots.remove(s)
                slot = ctx.place(v, m.start(), m.end(), long.mention.type, label=long.mention.name)
                if slot is None:
                    v.slots.extend(inside)


#: "onder leiding van X", "wordt geleid door X", "heeft X ... benoemd tot directeur": cues for a person.
_LEAD_BEFORE = re.compile(r"(?i)\b(?:onder\s+(?:de\s+)?leiding\s+van|(?:wordt|werd)\s+(?:sinds\s+\S+\s+)?"
                          r"(?:geleid|bestuurd|aangestuurd)\s+door)\s+$")
_APPOINTED_AFTER = re.compile(rf"(?i)^\s+(?:[^\s.]+\s+){{0,5}}?benoemd\s+(?:tot|als)\s+(?:de\s+)?(?:nieuwe\s+)?"
                              rf"(?:{_ROLE_RX})\b")


_PLAIN_CAPITALISED = re.compile(r"[A-Z][a-zà-ÿ]+")


def _led_by_person(ctx: Context, c: _Chain, before: str, after: str, seen: int) -> bool:
    """Two or three plain capitalised words after "onder leiding van" or before "benoemd tot
    directeur": a person, also with a first name no list knows ("Fenna Crijns-Ramakers")."""
    if not 2 <= len(c.words) <= 3 or seen > 2:
        return False
    # (each cue regex needs its verb: most sentences have neither)
    if not (holds_any_case(before, ("leiding", "geleid", "bestuurd", "aangestuurd")) and _LEAD_BEFORE.search(before)
            or holds_any_case(after, ("benoemd",)) and _APPOINTED_AFTER.match(after)):
        return False
    return not any(w.casefold() in NAME_HEADS or _looks_like_name(w) or w.casefold() in NOT_NAMES
                   or ctx.gazetteer.lookup(w) for w in c.words) and _PLAIN_CAPITALISED.fullmatch(c.words[0]) is not None


def _find(text: str, word: str, start: int, default: int) -> int:
    """Where ``word`` next stands in ``text`` from ``start`` on, or ``default``."""
    at = text.find(word, start)
    return at if at >= 0 else default


_SE_ADJECTIVE = re.compile(r"[A-Z][a-zë]+se")
_ARTICLE_BEFORE = re.compile(r"\b(?:het|de|een)\s+$")
_OPENING_ARTICLE = re.compile(r"\s*(?:Het|De|Een)\s+")


def _strip_place_adjective(ctx: Context, c: _Chain) -> None:
    """"het Leidse Leercentrum Zeezicht": the adjective of a municipality before a name of two or
    more words, after a lower-case article or the article opening the sentence ("Het Leidse
    Leercentrum Zeezicht"), describes where the organisation is; it is no name word."""
    if len(c.words) < 3 or not _SE_ADJECTIVE.fullmatch(c.words[0]) or c.words[1].casefold() in NOT_NAMES:
        return
    text = c.view.text
    if c.initial or not (_ARTICLE_BEFORE.search(text, 0, c.cs) or _OPENING_ARTICLE.fullmatch(text, 0, c.cs)):
        return
    if adjective_place(ctx, c.words[0]) is None:
        return
    w = c.words.pop(0)
    c.cs = _find(c.view.text, c.words[0], c.cs + len(w), c.cs)


#: Compound kind nouns that describe rather than name: "welzijnsorganisatie", "zorgverzekeraar",
#: "jeugdhulpaanbieder" ("Woonstichting X", "Zorgcoöperatie X", "Leescentrum X" are names).
_KIND_COMPOUND = re.compile(r"[a-zà-ÿ]{3,}(?:organisatie|verzekeraar|aanbieder|instelling|instantie)")


#: "Lees & Zo": two words joined by an ampersand; a chain ending in "& Zo".
_TWO_JOINED = re.compile(r"\S+\s&\s\S+")
_AMPERSAND_END = re.compile(r"\s&\s\S+$")
#: "GGZ-aanbieder": an acronym compound with a common noun.
_ACRONYM_COMPOUND = re.compile(r"[A-Z]{2,5}-[a-zà-ÿ]{4,}")
#: Words that do not close a name.
_NOT_NAME_ENDS = NOT_NAMES | {"en", "&"}


def _trim(c: _Chain, mid: Counter[str]) -> None:
    """Drop words that open a sentence or are role/function words."""
    v = c.view
    while c.words:
        w = c.words[0]
        lw = w.casefold()
        strip = False
        if lw in ("de", "het", "'t") and not c.initial and len(c.words) > 1:
            break  # "De Vlinderhof" mid-sentence: the article is part of the name
        if len(c.words) == 2 and lw not in ROLES and c.words[1][:1].isupper() \
                and _TWO_JOINED.fullmatch(c.text):
            break  # "Lees & Zo": two words joined by an ampersand are one name
        if lw in ROLES or lw in ("de", "het", "een") and c.initial:
            strip = True
        elif lw in NUMBER_WORDS and len(c.words) > 1:
            strip = True  # "Vijf Twentse organisaties": a count, not part of a name
        elif len(c.words) > 1 and lw not in NAME_HEADS and _KIND_COMPOUND.fullmatch(lw):
            # "Welzijnsorganisatie De Wissel", "Zorgorganisatie Ravelijn" opening a sentence: a kind
            # noun, written with a capital because it comes first; the name follows it
            c.words.pop(0)
            c.cs = _find(v.text, c.words[0], c.cs + len(w), c.cs)
            c.initial = False
            continue
        elif lw in NAME_HEADS and len(c.words) > 1:
            break  # "Stichting Avondrood"
        elif lw in _NAME_ADJECTIVES and not c.initial and (
                len(c.words) >= 3 or (len(c.words) == 2 and _place_follows(v, c.ce))):
            break  # "Sociaal Werk De Kempen", "Sociaal Werk Lochem" mid-sentence
        elif len(c.words) > 1 and w in _SERVICE_FIRST_WORDS \
                and (service := _SERVICE_START.match(" ".join(c.words))) \
                and len(service.group(0).split()) < len(c.words):
            break  # "Opbouwwerk Winschoten", "Maatschappelijk Werk Drenthe": a service unit's name
        elif len(c.words) > 1 and _ACRONYM_COMPOUND.fullmatch(w):
            strip = True  # "de GGZ-aanbieder Veldhof": an acronym compound with a common noun is a kind noun
        elif lw in _CAPITAL_NAME_WORDS and not c.initial and w[:1].isupper():
            break  # "de alliantie Samen Rond": an adverb written with a capital mid-sentence opens a name
        elif lw in ("ons", "onze", "mijn", "uw", "jouw") and not c.initial and len(c.words) > 1:
            break  # "van Ons Buurtwerk uit Tiel": a pronoun with a capital mid-sentence opens a name
        elif lw in NOT_NAMES and (c.initial or len(c.words) > 1) \
                and not (len(c.words) > 1 and _key(c.words) in c.tails):
            strip = True  # ("Stichting Onder Dak ... Onder Dak biedt": a name the text writes mid-sentence)
        elif c.initial and len(c.words) > 1 and lw not in NAME_HEADS and not is_first_name(w) \
                and mid[_key(c.words)] == 0 and not _looks_like_name(w) and _key(c.words) not in c.tails \
                and not (len(c.words) == 2 and _ROLE_AFTER.search(v.text[c.ce:])) and (
                    v.heading or v.bullet or lw in c.lower or _seen_mid(mid, c.words[1:])
                    or not (_SUBJECT_VERB.match(v.text[c.ce:]) or _LIST_GOES_ON.match(v.text[c.ce:]))):
            # "Presentatie IKracht" (a heading), "Eerder Humanis": the opening word is no name;
            # "Careyn Thuiszorg biedt ..." opening a sentence keeps its first word
            strip = True
        if not strip:
            break
        c.words.pop(0)
        if c.words:
            c.cs = _find(v.text, c.words[0], c.cs + len(w), c.cs)
            c.initial = False if (mid[normalise_name(" ".join(c.words))] or lw in NOT_NAMES) \
                else c.initial
    while c.words and c.words[-1].casefold() in _NOT_NAME_ENDS:
        if len(c.words) >= 2 and c.words[-1] == "Nederland":
            break  # "MEE Nederland", "Sociaal Werk Nederland": the national organisation
        if len(c.words) >= 2 and c.words[-1][:1].isupper() and c.words[-1] != "&" \
                and _AMPERSAND_END.search(v.text, c.cs, c.ce):
            break  # "Lees & Zo", "Tijd & Co": an ampersand joins a capitalised word into the name
        if len(c.words) >= 2 and c.words[0].casefold() in NAME_HEADS and c.words[-1][:1].isupper() \
                and (_place_follows(v, c.ce) or _CONNECTED_PLACE.match(v.text[c.ce:])):
            break  # "Coöperatie Sociaal Flevoland", "Coöperatie Samen in Drenthe U.A."
        if len(c.words) >= 2 and c.words[-1].casefold() in _NAME_ADJECTIVES and c.words[-1][:1].isupper() \
                and c.words[-2].casefold() not in NOT_NAMES and mid[normalise_name(" ".join(c.words))] > 0:
            break  # "Regio Sociaal" written mid-sentence: the adjective closes the name
        if len(c.words) >= 2 and c.words[-1].casefold() in _CAPITAL_NAME_WORDS and c.words[-1][:1].isupper() \
                and not v.heading and c.words[-2].casefold() not in NOT_NAMES:
            break  # "Vereniging Schuldvrij Samen": an adverb written with a capital closes the name
        last = c.words.pop()
        c.ce = v.text.rfind(last, c.cs, c.ce)
        c.ce = len(v.text[:c.ce].rstrip(" &"))


#: What stands around a chain that :func:`_place_chain` reads.
_PARTICLE_SURNAME = re.compile(r" (?:van de|van der|van den|van 't|in 't|van|de|der|den|ter|ten|te) [A-Z][a-z]")
_GIVEN_NAME = re.compile(r"^(?:[A-Z]\.\s*)+|^\S+\s+")
_NEXT_LIST_ITEM = re.compile(r"\s*(?:,|\ben\b|&)\s*(?:de\s+|het\s+)?[A-Z]")
_LOWER_NEXT = re.compile(r"\s+[a-zà-ÿ]")
_CAPITAL_NEXT = re.compile(r"\s+([A-ZÀ-Ý]\w+)")
_SEATED_IN = re.compile(r"\b(?:gevestigd|woonachtig|kantoor|hoofdkantoor|vestiging|vestigingen|locatie|"
                        r"locaties|wonen|woont)\s+(?:in|te)\s+$")


def _place_chain(ctx: Context, c: _Chain, mid: Counter[str], after_prep: Counter[str],
                 chains: list[_Chain]) -> None:
    v = c.view
    if len(c.words) >= 2 and c.text.casefold() in ctx.memory.get("surnames", ()):
        ctx.place(v, c.cs, c.ce, "Person")  # "Onder leiding van Van Wijngaarden": a surname with its particle
        return
    _strip_place_adjective(ctx, c)
    _trim(c, mid)
    _strip_place_adjective(ctx, c)  # once the article that opened the sentence is trimmed
    if not c.words or c.ce <= c.cs:
        return
    text = v.text[c.cs:c.ce]
    key = normalise_name(text)
    if key in NOT_NAME_PHRASES or text.casefold() in NOT_NAME_PHRASES:
        return
    if _not_an_actor(v, c) or _dateline(ctx, v, c):
        return
    before, after = v.text[:c.cs], v.text[c.ce:]
    role = None
    rb, ra = _role_before(v.text, c.cs), _ROLE_AFTER.search(after)
    if rb and (not ra or (not rb.group(0).rstrip().endswith(",") and ra.group(0).lstrip().startswith(","))):
        role = rb.group(1).lower()  # "voorzitter X, secretaris Y": the role right before the name is X's
    elif ra:
        role = ra.group(1).lower()
    # persons
    if _person_shape(c.words, text) or (_title_before(v.text, c.cs) and len(c.words) >= 1) or (
            len(c.words) == 1 and is_first_name(c.words[0])
            and _PARTICLE_SURNAME.match(after)) or (
            role and len(c.words) >= 2 and not _is_acronym(c.words[0]) and mid[key] <= 2
            and c.words[0].casefold() not in NAME_HEADS  # "(directeur Welzijn X)": the organisation
            and not any(_looks_like_name(w) for w in c.words)) or _led_by_person(ctx, c, before, after, mid[key]):
        surname = _extend_person(v, c)
        surname = _double_surname(ctx, v, c.cs, surname)
        slot = ctx.place(v, c.cs, surname, "Person", role=role)
        if slot is not None and surname - c.cs > len(c.words[0]) + 1:
            # "Noud Hendrix" ... "zegt Hendrix": the surname alone refers to the person later on
            last = _GIVEN_NAME.sub("", v.text[c.cs:surname]).casefold()
            ctx.memory.setdefault("surnames", set()).add(last)
        return
    if text.casefold() in ctx.memory.get("surnames", ()):
        ctx.place(v, c.cs, c.ce, "Person", role=role)
        return
    if len(c.words) == 1:
        w = c.words[0]
        if c.cs in v.after_kind:
            ctx.place(v, c.cs, c.ce, _org_type(v, c.cs, c.ce), strong=True)
            return
        if _bad_single(w):
            return
        if c.initial and w.casefold() in NAME_HEADS and _place_follows(v, c.ce) \
                and _absorb_place(ctx, v, c, chains, key, True):
            return  # "Welzijn Lingewaard (...) en ..." opening a sentence
        if c.initial and not mid[key] and not _is_acronym(w) and not _INNER_CAP.search(w):
            if w.casefold() in c.lower:
                return  # written in lower case elsewhere: a common word opening the sentence
            if not (_NEXT_LIST_ITEM.match(v.text[c.ce:])
                    or (_AFTER_COLON.search(v.text[:c.cs]) and _PLACED_ITEM_GOES_ON.match(v.text[c.ce:]))
                    or _SUBJECT_VERB.match(v.text[c.ce:]) or _LEGAL_FORM.match(v.text[c.ce:])):
                return  # a list after a colon ("bestaat uit: A, B en C") or a subject is a name
            ctx.place(v, c.cs, c.ce, _org_type(v, c.cs, c.ce), strong=False)
            return
        if w.endswith(("se", "sche")) and _LOWER_NEXT.match(v.text, c.ce):
            return  # "vier Zeeuwse organisaties": an adjective of a place, not a name
        nxt = _CAPITAL_NEXT.match(v.text, c.ce)
        if w.endswith(("se", "er")) and nxt and nxt.group(1).casefold() in NAME_HEADS \
                and adjective_place(ctx, w) is not None:
            return  # "De Tielse Stichting voor ...": the place adjective before a name
        if w.endswith("er") and _LOWER_NEXT.match(v.text, c.ce) and any(
                ctx.gazetteer.lookup(x) for x in (w[:-2], w[:-2] + "n", w[:-1] + "n", w[:-3])):
            return  # "de Leeuwarder afdeling": a place adjective
        if _is_acronym(w) and _abbreviates_common_words(v, c):
            return  # "de sociale wijkteams (SWT)": an abbreviation, not an organisation
        looks = _looks_like_name(w)
        if _SEATED_IN.search(v.text, 0, c.cs) and not looks:
            ctx.place(v, c.cs, c.ce, "Neighbourhood", strong=False)  # "(gevestigd in Velp)"
            return
        if not looks and mid[key] and after_prep[key] == mid[key]:
            ctx.place(v, c.cs, c.ce, "Neighbourhood", strong=False)  # a town: "in Wormerveer"
            return
        # "Dimon Groningen", "MEE Drenthe": a name that never stands without the place after it
        orgish = bool(_ORGISH_END.search(w)) and not _is_acronym(w)
        if _absorb_place(ctx, v, c, chains, key, orgish):
            return
        strong = looks or mid[key] >= 2 or c.listed
        slot = ctx.place(v, c.cs, c.ce, _org_type(v, c.cs, c.ce), strong=strong)
        _acronym_label(ctx, v, slot)
        return
    # "Stichting Welzijn Ouderen Tiel": a longer name that ends in a place it never stands without
    if _absorb_place(ctx, v, c, chains, key):
        return
    if _absorb_connected_place(ctx, v, c):
        return
    ctx.place(v, c.cs, c.ce, _org_type(v, c.cs, c.ce), strong=True)


#: "...: A in X, B in Y en C in Z": a list after a colon whose first item is followed by its place.
_AFTER_COLON = re.compile(r":\s*$")
_PLACED_ITEM_GOES_ON = re.compile(r"\s+(?:in|te|uit)\s+(?:'s-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                                  r"\s*(?:,|\ben\b)\s*(?:de\s+|het\s+|'t\s+)?[A-Z]")


#: Street names ("Troelstralaan", "Grote Markt") and a house number after a name.
_STREET_END = re.compile(r"(?i)(?:straat|laan|plein|kade|singel|gracht|dreef|steeg|weg|markt|"
                         r"boulevard)$")
_HOUSE_NUMBER = re.compile(r"\s+\d{1,4}\s?[a-zA-Z]?(?:\s*[-,]|\s+(?:in|te)\b|\s+\d{4}\s?[A-Z]{2}\b|\s*$|"
                           r"\s*[);])")
#: Titles of documents, laws and plans: "Wijkmonitor Zwolle", "Subsidieverordening X".
_DOCUMENT_WORD = re.compile(r"(?i)(?:verordening|monitor|jaarplan|beleidsplan|werkplan|actieplan|"
                            r"uitvoeringsplan|jaarverslag|verslag|rapport|rapportage|nota|notitie|"
                            r"evaluatie|regeling|begroting|convenant|wet|visie|agenda|nieuwsbrief)$")


#: What follows the place of a dateline: an optional "(ANP)" or date, then a dash.
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:,\s*\d{1,2}\s+[a-z]+\s+\d{4}\s*)?[-–—]\s")


def _dateline(ctx: Context, v: View, c: _Chain) -> bool:
    """"AMERSFOORT - Het ...": a news dateline in capitals names a place, not an organisation."""
    if not c.words[0].isupper() or v.text[:c.cs].strip() or not all(w.isupper() for w in c.words):
        return False
    if not _DATELINE_DASH.match(v.text[c.ce:]):
        return False
    place = "-".join(p.capitalize() for p in " ".join(c.words).split("-"))
    return bool(ctx.gazetteer.lookup(place) or ctx.gazetteer.lookup(place.title()))


_STREET_BEFORE = re.compile(r"\b(?:aan|op|in|via|naar|vanaf|langs)\s+(?:de|het)\s+$")
_POSTCODE_DIGITS = re.compile(r"\b\d{4}\s?$")
_POSTCODE_LETTERS = re.compile(r"[A-Z]{2}")


@lru_cache(maxsize=4096)
def _is_street(word: str) -> bool:
    """"Troelstralaan", "Markt": a street name's last word (names recur: asked once a word)."""
    return len(word) >= 4 and _STREET_END.search(word) is not None


@lru_cache(maxsize=4096)
def _is_document_word(word: str) -> bool:
    """"Wijkmonitor", "Jaarverslag": a word of a document's title (asked once a word)."""
    return _DOCUMENT_WORD.search(word) is not None


def _not_an_actor(v: View, c: _Chain) -> bool:
    """Streets, postcodes and document titles are no organisations or persons."""
    words = c.words
    last = words[-1]
    if _HOUSE_NUMBER.match(v.text, c.ce) and not _is_acronym(last):
        return True  # "Deventerstraat 130", "Hoofdstraat 22, 6951 AN Dieren"
    if _is_street(last) and not _is_acronym(last) \
            and not any(w.casefold() in NAME_HEADS for w in words) and not is_first_name(words[0]) \
            and _STREET_BEFORE.search(v.text, 0, c.cs):
        return True  # "aan de Grote Markt", "op de Stationsweg"
    if len(words[0]) == 2 and _POSTCODE_LETTERS.fullmatch(words[0]) and _POSTCODE_DIGITS.search(v.text, 0, c.cs):
        return True  # "6951 AN Dieren": a postcode
    if any(map(_is_document_word, words)) and not any(w.casefold() in NAME_HEADS for w in words):
        return True
    if len(words) >= 2 and words[0].isupper() and all(w.isupper() and len(w) > 1 for w in words) \
            and any(w.casefold() in c.lower or w.casefold() in NOT_NAMES for w in words):
        return True  # "VERSLAG WERKBEZOEK ...": a title in capitals
    if len(words) == 1 and not c.initial and _INFLECTED.fullmatch(last) and _LOWER_WORD_AFTER.match(v.text, c.ce) \
            and _ARTICLE_BEFORE.search(v.text, 0, c.cs) and _is_inflected_adjective(last.lower()):
        return True  # "de Brede welzijnsaanpak": an adjective written with a capital, then its noun
    return False


#: A capitalised word with the -e of an adjective before its noun ("Brede", "Nieuwe").
_INFLECTED = re.compile(r"[A-Z][a-zà-ÿ]+e")
_LOWER_WORD_AFTER = re.compile(r" [a-zà-ÿ]{4,}")
_OPEN_SYLLABLE_END = re.compile(r"(.*[^aeiou])([aeiou])([^aeiouy])$")


def _is_inflected_adjective(low: str) -> bool:
    """"brede" (breed), "grote" (groot), "groene" (groen): the word without its -e, or with the
    vowel its open syllable lost doubled again, is a Dutch word."""
    stem = low[:-1]
    if len(stem) < 3:
        return False
    m = _OPEN_SYLLABLE_END.match(stem)
    doubled = f"{m.group(1)}{m.group(2)}{m.group(2)}{m.group(3)}" if m else None
    return any(w is not None and w != low and is_dutch_word(w) for w in (stem, doubled))


#: "... in Drenthe U.A.": a connector and a place before a legal form still belong to the name.
_CONNECTED_PLACE = re.compile(r" (?:in|voor|van) ([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)(?= (?:U\.\s?A\.|B\.\s?V\.))")


#: Compound heads of organisation names: "Leerwerkbedrijf Flevoland", "Jongerenpunt Almere" (at
#: least three letters before the head word: a lookbehind, not ``\w{3,}``, which backtracks).
_ORGISH_END = re.compile(r"(?i)(?<=\w{3})(?:bedrijf|dienst|punt|loket|centrale|huis|groep|welzijn|zorg|"
                         r"academie|collectief|platform|netwerk|werk)$")


#: " Plus" in "Welzijn Middelburg Plus": a capitalised word right after a place
_CAPITALISED_TAIL = re.compile(r" ([A-ZÀ-Ý][\w'’-]+)(?=[\s,.;:)]|$)")


def _absorb_place(ctx: Context, v: View, c: _Chain, chains: list[_Chain], key: str,
                  alone_ok: bool = False) -> bool:
    """Place the chain with the gazetteer place right after it as one organisation name."""
    # (the name head first: most names open with none, and the regex reads on from the name's end)
    conn = _CONNECTED_PLACE.match(v.text, c.ce) if c.words[0].casefold() in NAME_HEADS else None
    if conn:
        inner = [s for s in v.slots if c.ce < s.cstart < conn.end()]
        if all(s.mention.type in ("Municipality", "Province", "Neighbourhood") for s in inner):
            for s in inner:
                v.slots.remove(s)
            slot = ctx.place(v, c.cs, conn.end(), _org_type(v, c.cs, conn.end()), strong=True)
            if slot is not None:
                return True
            v.slots.extend(inner)
    nxt = v.slot_at(c.ce + 1, c.ce + 2)
    if not (nxt and nxt.cstart == c.ce + 1 and v.text[c.ce] == " "
            and nxt.mention.type in ("Municipality", "Province") and nxt.group is None):
        return False
    if not alone_ok and _alone_counts(ctx, chains).get(key, 0) != 0 \
            and _alone_counts(ctx, chains).get(key, 0) >= _placed_counts(ctx, chains).get(key, 0) \
            and key not in ctx.memory["first_placed"]:
        # "Buurtkracht Deventer" four times and "Buurtkracht" once: the place is part of the name;
        # so it is when the text introduces the name with the place and shortens it later
        return False
    v.slots.remove(nxt)
    c.ce = nxt.cend
    tail = _CAPITALISED_TAIL.match(v.text[c.ce:])
    if tail and v.free(c.ce + 1, c.ce + tail.end()) and tail.group(1).casefold() not in NOT_NAMES \
            and not is_first_name(tail.group(1)) and _only_after(ctx, tail.group(1), nxt.mention.text):
        c.ce += tail.end()  # "Welzijn Middelburg Plus": a word after the place still belongs to the name
    slot = ctx.place(v, c.cs, c.ce, _org_type(v, c.cs, c.ce), strong=True)
    if slot is None:
        v.slots.append(nxt)
        return False
    return True


_CONNECTED = re.compile(r" (?:in|voor|van) ([A-ZÀ-Ý][\w'’-]+)(?![\w'’-])")


def _absorb_connected_place(ctx: Context, v: View, c: _Chain) -> bool:
    """"Netwerk Thuis in Vathorst" written twice and "Netwerk Thuis" never alone: the connector
    and the place belong to the name (for names opening with a name head or a network word)."""
    first = c.words[0]
    if not (first.casefold() in NAME_HEADS or _is_partnership_head(first) or _is_cooperative_head(first)):
        return False
    m = _CONNECTED.match(v.text, c.ce)
    if not m:
        return False
    inner = [s for s in v.slots if c.ce < s.cstart and s.cend <= m.end()]
    if not inner or any(s.mention.type not in ("Municipality", "Province", "Neighbourhood") for s in inner):
        return False
    full = v.text[c.cs:m.end()]
    rx_full = re.compile(rf"(?<![\w-]){re.escape(full)}(?![\w-])")
    rx_short = re.compile(rf"(?<![\w-]){re.escape(c.text)}(?![\w-])")
    n_full = sum(len(rx_full.findall(w.text)) for w in ctx.views)
    n_short = sum(len(rx_short.findall(w.text)) for w in ctx.views)
    if n_full < 2 or n_short != n_full:
        return False
    for s in inner:
        v.slots.remove(s)
    slot = ctx.place(v, c.cs, m.end(), _org_type(v, c.cs, m.end()), strong=True)
    if slot is None:
        v.slots.extend(inner)
        return False
    return True


#: A closing bracket, punctuation, a quote or the end of the text
_PUNCTUATION_OR_END = re.compile(r"\s*(?:[),.:;!?'’\"”]|$)")


def _double_surname(ctx: Context, v: View, cs: int, ce: int) -> int:
    """"Henk de Wit Ommen": a place name right after a person's name that the text never
    writes without that name is the second part of a double surname; the end of the name."""
    nxt = v.slot_at(ce + 1, ce + 2)
    if nxt is None or nxt.cstart != ce + 1 or v.text[ce:ce + 1] != " " or nxt.group is not None \
            or nxt.mention.type not in ("Municipality", "Neighbourhood") or " " in nxt.mention.text:
        return ce
    if not _PUNCTUATION_OR_END.match(v.text[nxt.cend:]):
        return ce  # "Anna Bakker Assen Noord" is no name of a person
    if not _only_after(ctx, nxt.mention.text, v.text[cs:ce]):
        return ce
    v.slots.remove(nxt)
    return nxt.cend


def _only_after(ctx: Context, word: str, place: str) -> bool:
    """``word`` never stands in the text without ``place`` right before it."""
    alone = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    joined = re.compile(rf"{re.escape(place)}\s+{re.escape(word)}(?![\w-])")
    return all(len(alone.findall(v.text)) == len(joined.findall(v.text)) for v in ctx.views)


_LEGAL_FORM = re.compile(r"\s+(?:U\.\s?A\.|B\.\s?V\.|N\.\s?V\.|u\.a\.)")


def _place_follows(v: View, ce: int) -> bool:
    nxt = v.slot_at(ce + 1, ce + 2)
    return bool(nxt and nxt.cstart == ce + 1 and v.text[ce:ce + 1] == " "
                and nxt.mention.type in ("Municipality", "Province"))


_WORD_OR_HYPHENATED = re.compile(r"[\w-]+")


def _abbreviates_common_words(v: View, c: _Chain) -> bool:
    """"sociale wijkteams (SWT)": the acronym spells lower-case words just before it."""
    if v.text[c.cs - 1:c.cs] != "(":
        return False
    before = _WORD_OR_HYPHENATED.findall(v.text[max(0, c.cs - 80):c.cs - 1])
    word = c.words[0].replace("-", "").upper()
    for k in range(len(word), 0, -1):
        tail = before[-k:] if len(before) >= k else []
        if not tail or not all(t[:1].islower() for t in tail):
            continue
        initials = "".join(t[0] for t in tail).upper()
        if not word.startswith(initials):
            continue
        rest, last = word[len(initials):], tail[-1][1:].upper()
        pos = 0
        for ch in rest:  # remaining letters inside the last compound ("wijkTeams")
            pos = last.find(ch, pos) + 1
            if pos == 0:
                break
        else:
            return True
    return False


def _alone_counts(ctx: Context, chains: list[_Chain]) -> Counter[str]:
    """How often each name stands without a place right after it (computed once per text)."""
    found = ctx.memory.get("alone_counts")
    if found is None:
        found, placed, first_placed = Counter(), Counter(), set()
        for c in chains:
            key = normalise_name(c.view.text[c.cs:c.ce])
            nxt = c.view.slot_at(c.ce + 1, c.ce + 2)
            if not (nxt and nxt.mention.type in ("Municipality", "Province")):
                found[key] += 1
            elif nxt.cstart == c.ce + 1 and c.view.text[c.ce] == " ":
                if key not in found and key not in placed:
                    first_placed.add(key)
                placed[key] += 1
        ctx.memory["alone_counts"] = found
        ctx.memory["placed_counts"] = placed
        ctx.memory["first_placed"] = first_placed
    return found


def _placed_counts(ctx: Context, chains: list[_Chain]) -> Counter[str]:
    """How often each name has a municipality or province right after it (no preposition)."""
    _alone_counts(ctx, chains)
    return ctx.memory["placed_counts"]


#: "de Vries", "Jansen": a surname, with its particle ("van der", "de") when it has one
_SURNAME = re.compile(r"((?:%s)\s+)?[A-Z][\w'’-]+" % "|".join(TUSSENVOEGSELS))


def _extend_person(v: View, c: _Chain) -> int:
    """A person's name ends after its surname; particles were read by the chain already."""
    end = c.ce
    if len(c.words) == 1:
        m = _SURNAME.match(v.text[end + 1:])
        if m and v.free(end + 1, end + 1 + m.end()):
            end = end + 1 + m.end()
    return end


#: A name whose head word says it is a cooperation of organisations: "Netwerk X", "Taalpact X",
#: "Consortium X", "Coalitie X", "Werkgroep X", "Zorgcoöperatie X", "Limburgs Welzijnsplatform".
_PARTNERSHIP_HEAD = re.compile(r"(?i)^(?:[\w-]*(?:netwerk|pact|alliantie|consortium|samenwerkingsverband|"
                               r"platform|overleg|coalitie|werkgroep|samenwerking))$")
_COOPERATIVE_HEAD = re.compile(r"(?i)^[\w-]*co[öo]peratie$")


@lru_cache(maxsize=4096)
def _is_partnership_head(word: str) -> bool:
    """:data:`_PARTNERSHIP_HEAD` (the words of names recur: each is asked once)."""
    return _PARTNERSHIP_HEAD.match(word) is not None


@lru_cache(maxsize=4096)
def _is_cooperative_head(word: str) -> bool:
    """:data:`_COOPERATIVE_HEAD` (the words of names recur: each is asked once)."""
    return _COOPERATIVE_HEAD.match(word) is not None


#: "de coöperatie (voor zorg op afstand) X": a description of lower-case words, no clause.
_COOPERATIVE_BEFORE = re.compile(r"(?i)co[öo]peratie((?:\s+[a-zà-ÿ]+){0,6})\s+[\"']?$")
_NOT_DESCRIPTION = re.compile(r"\b(?:met|samen|en|of|door|bij|naar|die|dat|is|zijn|was|heeft|hebben|"
                              r"wordt|werd|werkt|werken|gaat|gaan|wil|zal|ook|nu|al)\b")
_PARTNERSHIP_BEFORE = re.compile(r"(?i)\b(?:samenwerkingsverband|alliantie|consortium|partnerschap)\s+(?:van\s+)?$")


def _org_type(v: View, cs: int, ce: int | None = None) -> str:
    """Cooperative after "coöperatie", Partnership after "samenwerkingsverband"; also from the
    name's own head word ("Zorgcoöperatie X", "Netwerk X", "Taalpact X")."""
    word = v.text[cs:cs + 12].casefold()
    if word.startswith(("coöperatie", "cooperatie")):
        return "Cooperative"
    if ce is not None:
        words = v.text[cs:ce].split()
        heads = [w for w in words[:2] if w[:1].isupper()]
        if len(words) >= 2 and heads and _is_cooperative_head(heads[0]):
            return "Cooperative"
        if len(words) >= 2 and any(map(_is_partnership_head, heads)):
            return "Partnership"
        # "WelzijnsCoöperatie", "BuurtKracht Coöperatie", "Drentse Coöperatie van
        # Zorgorganisaties": a name a cooperative word is part of (not a foundation's: "Stichting X")
        if not _LEGAL_FORM_FIRST.match(v.text, cs) and any(
                w[:1].isupper() and _is_cooperative_head(w) for w in words):
            return "Cooperative"
    before = v.text[max(0, cs - 60):cs]
    if not holds_any_case(before, ("peratie", "samenwerkingsverband", "alliantie", "consortium", "partnerschap")):
        return "Organisation"  # (the kind words of the two regexes below)
    desc = _COOPERATIVE_BEFORE.search(before)
    if desc and not _NOT_DESCRIPTION.search(desc.group(1)):
        return "Cooperative"  # "de coöperatie (voor zorg op afstand) X"
    if _PARTNERSHIP_BEFORE.search(before):
        return "Partnership"
    return "Organisation"


#: "Stichting ", "Vereniging ", "Coöperatie " at the start of a name
_LEGAL_FORM_FIRST = re.compile(r"(?i)(?:stichting|vereniging|co[öo]peratie)\s")


def _acronym_label(ctx: Context, v: View, slot: Slot | None) -> None:
    """"Centrum voor Zorg en Welzijn (CZW)": label the acronym with the long name."""
    if slot is None or not _is_acronym(slot.mention.text):
        return
    if v.text[slot.cstart - 1:slot.cstart] != "(":
        return
    prev = [s for s in v.sorted_slots() if s.cend <= slot.cstart - 1]
    if not prev or v.text[prev[-1].cend:slot.cstart].strip() != "(":
        return
    prev[-1] = _extend_to_acronym(ctx, v, prev[-1], slot.mention.text.split("-")[0])
    long = prev[-1].mention.name
    initials = _initials(long.split())
    # "Stichting Maatschappelijk Werk X (MWX)": the legal form is often left out of the acronym
    bare = initials[1:] if _LEGAL_FORM_FIRST.match(long) else None
    if initials.upper().startswith(slot.mention.text.split("-")[0][:2]) or initials == slot.mention.text \
            or (bare and len(bare) >= 2 and bare == slot.mention.text):
        ctx.retype(slot, prev[-1].mention.type, label=long)
        ctx.memory.setdefault("acronyms", {})[slot.mention.text] = (long, prev[-1].mention.type)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _spells(acronym: str, initials: str) -> bool:
    """The acronym is the initials, with at most one inner word left out ("SMWR" for
    Stichting Maatschappelijk Werk en Welzijn Rivierland, SMWWR)."""
    if acronym == initials:
        return True
    if len(initials) != len(acronym) + 1 or acronym[0] != initials[0] or acronym[-1] != initials[-1]:
        return False
    return any(initials[:i] + initials[i + 1:] == acronym for i in range(1, len(initials) - 1))


_NAME_WORD = re.compile(r"[\w'’&-]+")
#: "Tielse ", "Leeuwarder ": a place adjective
_PLACE_ADJECTIVE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:se|er)\s+")


def _extend_to_acronym(ctx: Context, v: View, named: Slot, acronym: str) -> Slot:
    """"Stichting Maatschappelijk Werk en Welzijn X (SMWWX)": the name read up to "en" is the end of
    a longer one whose initials the acronym spells; the slot of the whole name."""
    mine = _initials(named.mention.text.split())
    if mine == acronym or not acronym.endswith(mine) or named.group is not None:
        return named
    before = v.text[:named.cstart]
    words = list(_NAME_WORD.finditer(before))[-8:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if not w.group(0)[:1].isupper():
            if w.group(0) in ("en", "voor", "van", "de", "het", "&", "op", "in", "bij", "der", "tot"):
                continue
            break
        span = [x.group(0) for x in words[i:]]
        full = _initials(span) + mine
        if len(acronym) >= 3 and _spells(acronym, full):
            cs = w.start()
            inner = [sl for sl in v.slots if sl is not named and sl.cstart < named.cend and sl.cend > cs]
            # "De Tielse Stichting voor Hulp bij Schulden (SHS)": a place adjective read as the first
            # word of a name stays an adjective before it
            adjectives = [sl for sl in inner if sl.cstart < cs
                          and _PLACE_ADJECTIVE.fullmatch(v.text[sl.cstart:cs])
                          and adjective_place(ctx, v.text[sl.cstart:cs].strip()) is not None]
            inner = [sl for sl in inner if sl not in adjectives]
            if any(sl.cstart < cs or sl.group is not None or sl.mention.type != named.mention.type
                   and not (sl.mention.type in ORG_TYPES and named.mention.type in ORG_TYPES) for sl in inner):
                return named
            gone = [named, *inner, *adjectives]
            for sl in gone:
                v.slots.remove(sl)
            slot = ctx.place(v, cs, named.cend, _org_type(v, cs, named.cend) if named.mention.type in ORG_TYPES
                             else named.mention.type, strong=True)
            if slot is None:
                v.slots.extend(gone)
                return named
            return slot
    return named


def _label_acronyms(ctx: Context) -> None:
    """"Stichting Welzijn Ouderen (SWO) ... SWO biedt": every mention of the acronym is the name."""
    found = ctx.memory.get("acronyms", {})
    if not found:
        return
    for v in ctx.views:
        for s in v.slots:
            hit = found.get(s.mention.text)
            if hit and s.mention.label is None and s.group is None:
                ctx.retype(s, hit[1], label=hit[0])
                s.strong = True


_LIST_JOIN = re.compile(r"\s*(?:,|en|of|&)\s*(?:de\s+|het\s+)?")


def _promote_lists(ctx: Context) -> None:
    """A weak name in a list with a strong organisation name ("A, B en C") is strong too."""
    for v in ctx.views:
        if len(v.slots) < 2:
            continue  # no list (and nothing to sort)
        slots = v.sorted_slots()
        runs: list[list[Slot]] = []
        for s in slots:
            if runs and _LIST_JOIN.fullmatch(v.text, runs[-1][-1].cend, s.cstart):
                runs[-1].append(s)
            else:
                runs.append([s])
        for run in runs:
            if len(run) < 2:
                continue  # no list
            orgs = [s for s in run if s.mention.type in ("Organisation", "Cooperative", "Partnership")]
            if len(orgs) >= 2 and any(s.strong for s in orgs):
                for s in orgs:
                    s.strong = True
