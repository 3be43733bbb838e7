"""Services: kinds of help named in the text, from the general lexicon in :mod:`lexicon`.

Reads lower-case or capitalised service words ("maatschappelijk werk", "Gezinscoaching",
"chat spreekuren" / "chatspreekuren", compounds ending in -coaching, -ondersteuning,
-begeleiding ...). A lexicon word that is part of a longer capitalised name ("Sociaal Werk
Assen") is left to the name; a weak one-word name that is a service word ("biedt
Gezinscoaching") becomes the service. "maatschappelijk werkers" (persons) is not a service.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.lexicon import NOT_SERVICES, SERVICE_SUFFIXES, SERVICES, service_regex
from kg.extract.rules import any_case_alternation, holds_any_case, ignorecase_key


@lru_cache(maxsize=1)
def _rx() -> re.Pattern[str]:
    """:func:`kg.extract.lexicon.service_regex` with its lexicon words grouped by first letter.

    It matches exactly what that regex matches: the words keep their order (longest first)
    within a group, and words with different first letters never match at the same place. But
    at each word start the regex engine tries one group instead of every lexicon word in turn,
    which made this component's search several times slower. (A word not opening with a letter
    a-z might share its first character with a group under IGNORECASE: then the plain regex.)
    """
    lexicon = _grouped_lexicon()
    if lexicon is None:
        return service_regex()
    return re.compile(rf"(?<![\w-])(?:{lexicon}|{_SUFFIXED})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon_rx() -> re.Pattern[str] | None:
    """:func:`_rx` without its last branch, a word ending in a service suffix: what :func:`_rx`
    matches in a text where that branch cannot match (the branch costs a third of the search, at
    every word). None where :func:`_rx` is the plain regex."""
    lexicon = _grouped_lexicon()
    if lexicon is None:
        return None
    return re.compile(rf"(?<![\w-])(?:{lexicon})(?![\w-])", re.IGNORECASE)


#: The last branch of :func:`_rx`: a word of three letters or more and a service suffix.
_SUFFIXED = rf"\w{{3,}}(?:{'|'.join(SERVICE_SUFFIXES)})"


def _grouped_lexicon() -> str | None:
    """The lexicon words as one alternation of groups by first letter (see :func:`_rx` and
    :func:`kg.extract.rules.any_case_alternation`: a tenth of the search), or None when a word
    does not open with a letter a-z."""
    words = sorted(set(SERVICES), key=len, reverse=True)
    if not all("a" <= s[0].lower() <= "z" for s in words):
        return None
    return any_case_alternation(r"[\s-]?".join(re.escape(w) for w in s.split()) for s in words)


def _may_hold_suffix(text: str) -> bool:
    """False when no word of ``text`` can end in a service suffix (the last branch of :func:`_rx`)."""
    return holds_any_case(text, SERVICE_SUFFIXES)


_WHITESPACE = re.compile(r"\s+")


def label_of(text: str) -> str:
    """Service label: the words as written, first letter capitalised, spaces folded."""
    t = _WHITESPACE.sub(" ", text).strip()
    return t[:1].upper() + t[1:]


#: Broad kinds of help that are services only as what a service verb gives: "verlenen zorg, welzijn
#: en wonen", "biedt begeleiding" (elsewhere "zorg" and "welzijn" are the domain, not a service;
#: "hulp" and "advies" are too vague even there: "geeft hulp bij formulieren").
_BROAD = r"(?:zorg|welzijn|wonen|begeleiding|dagbesteding)"
_GIVES_BROAD = re.compile(rf"\b(?:biedt|bieden|bood|boden|verleent|verlenen|verleende|verleenden|levert|"
                          rf"leveren|leverde|leverden|verzorgt|verzorgen)\s+(?P<list>{_BROAD}(?:(?:\s*,\s*|\s+en\s+|"
                          rf"\s+of\s+){_BROAD})*)\b(?!\s*(?:aan|voor|bij|van)\s+[A-Z])")

#: What each verb of ``_GIVES_BROAD`` holds (biedt/bood/boden, verleent/verlenen, levert, verzorgt):
#: not "verle", which every "hulpverlening" holds.
_GIVING = re.compile(r"bied|bood|bode|verleen|verlenen|lever|verzorg")


_BROAD_WORD = re.compile(_BROAD)


def _broad_services(ctx: Context) -> None:
    """"A en B verlenen wonen, zorg en welzijn": each broad kind of help a service."""
    for v in ctx.views:
        if not _GIVING.search(v.text):
            continue  # no service verb of _GIVES_BROAD
        for m in _GIVES_BROAD.finditer(v.text):
            for w in _BROAD_WORD.finditer(m.group("list")):
                cs, ce = m.start("list") + w.start(), m.start("list") + w.end()
                if v.free(cs, ce):
                    ctx.place(v, cs, ce, "Service", label=label_of(w.group(0)), strong=False)


#: "ondersteunt actief mantelzorgers", "ondersteuning voor jonge mantelzorgers": support
#: given to carers or volunteers is the service named after them.
_SUPPORTED = re.compile(r"(?i)\b(?:ondersteun(?:en|t|de|den|ing)|begeleid(?:en|t|de|den|ing))\s+"
                        r"(?:(?:voor|van|aan)\s+)?(?:(?:\w+|én)\s+){0,3}?(?P<group>mantelzorgers|vrijwilligers)\b")
_SUPPORT_LABEL = {"mantelzorgers": "Mantelzorgondersteuning", "vrijwilligers": "Vrijwilligersondersteuning"}
_SUPPORTED_GROUPS = tuple(_SUPPORT_LABEL)


def _may_name_group(text: str) -> bool:
    """False when ``text`` surely has neither "mantelzorgers" nor "vrijwilligers", one of which
    every match of _SUPPORTED ends with (in any case)."""
    return holds_any_case(text, _SUPPORTED_GROUPS)


def _support_for_groups(ctx: Context) -> None:
    for v in ctx.views:
        if not _may_name_group(v.text):
            continue  # no group of carers or volunteers for the support to be given to
        for m in _SUPPORTED.finditer(v.text):
            cs, ce = m.start("group"), m.end("group")
            if v.free(cs, ce):
                ctx.place(v, cs, ce, "Service", label=_SUPPORT_LABEL[ignorecase_key(m.group("group"))], strong=False)


#: "ers", "ster" right after a service word: a person who gives it ("vrijwilligers")
_PERSON_SUFFIX = re.compile(r"(?:ers|ster|sters)\b")
#: A capitalised word right after: the service word is part of a name
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")


def run(ctx: Context) -> None:
    """Component: Service mentions."""
    _broad_services(ctx)
    _support_for_groups(ctx)
    rx, lexicon_rx = _rx(), _lexicon_rx()
    for v in ctx.views:
        # the cheaper regex where a word ending in a service suffix cannot be
        found = rx if lexicon_rx is None or _may_hold_suffix(v.text) else lexicon_rx
        for m in found.finditer(v.text):
            cs, ce = m.start(), m.end()
            word = m.group(0)
            if word.casefold() in NOT_SERVICES:
                continue
            if _PERSON_SUFFIX.match(v.text[ce:]):
                continue
            inside = [s for s in v.slots if s.cstart < ce and s.cend > cs]
            if inside and all(cs <= s.cstart and s.cend <= ce and (s.cend - s.cstart) < (ce - cs)
                              and s.mention.type == "Organisation" and s.group is None
                              and " " not in s.mention.text for s in inside):
                # "Welzijn op recept" opening a sentence: the service, not an organisation "Welzijn"
                for s in inside:
                    v.slots.remove(s)
            slot = v.slot_at(cs, ce)
            if slot is not None:
                if (slot.cstart, slot.cend) == (cs, ce) and not slot.strong \
                        and slot.mention.type == "Organisation":
                    v.slots.remove(slot)
                else:
                    continue
            if not v.free(cs, ce):
                continue
            if word[:1].isupper() and _CAPITALISED_NEXT.match(v.text[ce:]) and cs > 0:
                continue
            ctx.place(v, cs, ce, "Service", label=label_of(word), strong=False)
