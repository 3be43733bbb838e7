"""Phrases that point back to organisations or places named earlier.

What it reads in Dutch:

* "beide organisaties", "de drie organisaties", "deze twee partijen", "onze drie organisaties",
  "alle vier stichtingen": the last list of that many organisations, in this sentence or up to
  ten sentences back (not when the list follows: "samengaan van drie organisaties: A, B en C");
* "De organisatie ...", "Deze stichting ...", "Zij ..." opening a sentence: the organisation the
  previous sentence of the paragraph was about;
* "de gemeente" without a name: the municipality named last (same or three sentences back).

Each phrase becomes a slot whose ``group`` lists the slots it stands for.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import GROUP_KINDS
from kg.extract.rules import ORG_TYPES, count_word, finditer_if, has_any, parse_list, topic_org

_COLLECTIVE = re.compile(
    r"\b(?:(?P<both>[Bb]eide)|(?:[Dd]e|[Dd]eze|[Dd]ie|[Oo]nze|[Hh]un|[Aa]lle)\s+"
    r"(?P<n>twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+))\s+(?:\w+\s+)?"
    r"(?P<noun>organisaties|partijen|partners|instellingen|stichtingen|aanbieders|fusiepartners|"
    r"fusiepartijen|welzijnsorganisaties|corporaties|verenigingen)\b(?!\s*[:;(])")
#: "De drie werken samen in X", "werken de vier al jaren samen": a count without a noun before a verb.
_COLLECTIVE_BARE = re.compile(
    r"\b(?:[Dd]e|[Dd]eze|[Aa]lle)\s+(?P<n>twee|drie|vier|vijf|zes|zeven|acht)(?=\s+(?:werken|werkten|gaan|"
    r"gingen|hebben|hadden|zijn|waren|willen|wilden|vormen|vormden|blijven|bleven|delen|samen|al|sinds|nu|"
    r"ook)\b)")
_SINGLE = re.compile(r"^(?:(?:De|Deze|Die)\s+(?:organisatie|stichting|coöperatie|instelling|"
                     r"vereniging)|Zij|Ze)\b")
_NEW_SINGLE = re.compile(r"^(?:De|Deze)\s+nieuwe\s+(?:organisatie|stichting|coöperatie|vereniging)\b"
                         r"(?!\s+(?:heet|gaat\s+heten|zal\s+heten|krijgt\s+de\s+naam|wordt\s+[A-Z⟦]))")
_SINGLE_MID = re.compile(r"\b(?:de|deze)\s+(?:organisatie|stichting|coöperatie|instelling|vereniging)\b"
                         r"(?!\s+(?:van|voor|die|dat|waar|in|⟦|[A-Z]))")
#: "Verder zorgt de stichting voor klussenhulp": "zorgen voor" is a verb, not the description
#: "de stichting voor maatschappelijk werk" that the lookahead above keeps out.
_KIND_AFTER_ZORGT = re.compile(r"\b(?:zorgt|zorgen|zorgde|zorgden)\s+((?:de|deze)\s+(?:organisatie|stichting|"
                               r"coöperatie|instelling|vereniging))\s+(?:ook\s+|nog\s+)?voor\b")
_GEMEENTE = re.compile(r"\b(?:de|deze|die|onze|hun)\s+gemeente\b(?!\s+[A-Z⟦])")


_ORG_OR_GROUP_TOKEN = re.compile(r"⟦[OG]\d+⟧")
_MUNICIPALITY_TOKEN = re.compile(r"⟦M\d+⟧")
#: "de ", "het " right before a list's first item
_ARTICLE_AT_END = re.compile(r"(?:de|het)\s+$")
#: "A en B", "A, de B": two organisations in a list
_TWO_LISTED_ORGS = re.compile(r"⟦O\d+⟧\s*(?:,|en|&)\s*(?:de\s+|het\s+)?⟦O")


def _lists(ctx: Context, view: View, before: int | None) -> list[list[Slot]]:
    """Lists of two or more organisations in a sentence, last first."""
    masked, slots, cmap = view.masked()
    found: list[list[Slot]] = []
    pos = 0
    for m in _ORG_OR_GROUP_TOKEN.finditer(masked):
        if m.start() < pos:
            continue
        if before is not None and cmap[m.start()] >= before:
            break
        a = m.start()
        art = _ARTICLE_AT_END.search(masked[:a])
        items, end = parse_list(masked, slots, art.start() if art else a, "O")
        pos = end
        orgs = [it.slot for it in items if it.slot.mention.type in ORG_TYPES]
        if len(orgs) >= 2:
            found.append(orgs)
    return list(reversed(found))


_MUNICIPALITIES = re.compile(r"\b(?:(?P<both>[Bb]eide)|(?:[Dd]e|[Dd]eze|[Dd]ie|[Aa]lle)\s+"
                             r"(?P<n>twee|drie|vier|vijf|zes|zeven|acht|\d+))\s+gemeenten\b(?!\s*[:;(]|\s+⟦|\s+[A-Z])")


def _find_municipalities(ctx: Context, view: View, cs: int, n: int | None) -> list[Slot] | None:
    """The nearest list of exactly ``n`` municipalities ("Venlo, Beesel en Peel en Maas")."""
    for w in [view] + ctx.previous(view, 5):
        masked, slots, cmap = w.masked()
        found = None
        for m in _MUNICIPALITY_TOKEN.finditer(masked):
            if w is view and cmap[m.start()] >= cs:
                break
            items, end = parse_list(masked, slots, m.start(), "M")
            muns = [it.slot for it in items if it.slot.mention.type == "Municipality" and it.slot.group is None]
            if len(muns) == n:
                found = muns
        if found:
            return found
    return None


def _find_group(ctx: Context, view: View, cs: int, n: int | None) -> list[Slot] | None:
    candidates = _lists(ctx, view, cs)
    for prev in ctx.previous(view, 10):
        candidates.extend(_lists(ctx, prev, None))
    for group in candidates:
        if n is None or len(group) == n:
            return group
    if n == 2:
        return _pair_before(ctx, view, cs)
    return None


def _pair_before(ctx: Context, view: View, cs: int) -> list[Slot] | None:
    """"A werkt samen met B. De twee organisaties ...": with no list of two, the two organisations
    the previous sentence of the paragraph names, and no others (nor any in this sentence before)."""
    if any(s.cend <= cs and s.mention.type in ORG_TYPES for s in view.slots):
        return None
    prev = ctx.previous(view, 1, same_para=True)
    if not prev:
        return None
    orgs: dict[str, Slot] = {}
    for s in prev[0].sorted_slots():
        if s.group is not None:
            return None
        if s.mention.type in ORG_TYPES:
            orgs.setdefault(s.mention.name, s)
    return list(orgs.values()) if len(orgs) == 2 else None


def run(ctx: Context) -> None:
    """Component: coreference slots for group phrases, "de organisatie", "de gemeente", "wij"."""
    first_person(ctx)
    for v in ctx.views:
        for m in [*finditer_if(_COLLECTIVE, v.text, _COLLECTIVE_CUES),
                  *finditer_if(_COLLECTIVE_BARE, v.text, _COLLECTIVE_BARE_CUES)]:
            if not v.free(m.start(), m.end()):
                continue
            n = 2 if m.groupdict().get("both") else count_word(m.group("n"))
            group = _find_group(ctx, v, m.start(), n)
            if group:
                slot = ctx.place(v, m.start(), m.end(), group[0].mention.type)
                if slot:
                    slot.group = group
        for m in finditer_if(_MUNICIPALITIES, v.text, _MUNICIPALITIES_CUES):
            # "De drie gemeenten hebben X opgericht": the last list of that many municipalities
            n = 2 if m.group("both") else count_word(m.group("n"))
            group = _find_municipalities(ctx, v, m.start(), n)
            if group and v.free(m.start(), m.end()):
                slot = ctx.place(v, m.start(), m.end(), "Municipality")
                if slot:
                    slot.group = group
        # _NEW_SINGLE and _SINGLE open the sentence with "De", "Deze", "Die", "Zij" or "Ze"
        opens_with_phrase = v.text[:1] in ("D", "Z")
        m = _NEW_SINGLE.match(v.text) if opens_with_phrase else None
        if m and v.free(m.start(), m.end()):
            # "A en B gaan samen verder als C. De nieuwe organisatie ...": the last name before
            prev = ctx.previous(v, 1, same_para=True)
            named = [s for s in (prev[0].sorted_slots() if prev else [])
                     if s.group is None and s.mention.type in ORG_TYPES and s.strong]
            target = topic_org(ctx, v)
            if prev and _TWO_LISTED_ORGS.search(prev[0].masked()[0]) or target is None:
                # "A en B vormen samen C. De nieuwe organisatie ...": not one of the parties
                target = named[-1] if named else None
            if target is not None:
                slot = ctx.place(v, m.start(), m.end(), target.mention.type)
                if slot:
                    slot.group = [target]
        m = _SINGLE.match(v.text) if opens_with_phrase else None
        if m and v.free(m.start(), m.end()):
            topic = topic_org(ctx, v)
            if topic is not None:
                slot = ctx.place(v, m.start(), m.end(), topic.mention.type)
                if slot:
                    slot.group = [topic]
        for m in finditer_if(_KIND_MID, v.text, _KIND_MID_CUES):
            # "Daarnaast werkt de coöperatie samen met X": the coöperatie named last;
            # "Het pact wordt gevormd door": the Taalpact named last
            kind = m.group(1).casefold().replace("cooperatie", "coöperatie")
            if (m.start() == 0 and kind not in GROUP_KINDS) or not v.free(m.start(), m.end()):
                continue
            if kind not in GROUP_KINDS + ("coöperatie",) and any(
                    s.mention.type in ORG_TYPES and s.cstart < m.start() for s in v.slots):
                continue  # "A ... de stichting": may be A; a coöperatie or pact has its own kind
            target = _last_of_kind(ctx, v, m.group(1))
            if target is not None:
                slot = ctx.place(v, m.start(), m.end(), target.mention.type)
                if slot:
                    slot.group = [target]
        # (the cue words of the two regexes first: most sentences have none)
        if has_any(v.text, _ORG_PHRASE_CUES) and not any(s.mention.type in ORG_TYPES for s in v.slots):
            spans = [(m.start(), m.end()) for m in finditer_if(_SINGLE_MID, v.text, _SINGLE_MID_CUES)]
            spans += [(m.start(1), m.end(1)) for m in finditer_if(_KIND_AFTER_ZORGT, v.text, _KIND_AFTER_ZORGT_CUES)]
            for start, end in sorted(spans):
                if start == 0 or not v.free(start, end):
                    continue
                topic = topic_org(ctx, v)
                if topic is not None:
                    slot = ctx.place(v, start, end, topic.mention.type)
                    if slot:
                        slot.group = [topic]
                break
        for m in finditer_if(_GEMEENTE, v.text, _GEMEENTE_CUES):
            if not v.free(m.start(), m.end()):
                continue
            target = _last_municipality(ctx, v, m.start())
            if target is not None:
                slot = ctx.place(v, m.start(), m.end(), "Municipality")
                if slot:
                    slot.group = [target]


#: "wij", "we", "onze organisatie" as whole words. That no letter or hyphen comes before is tested
#: after the first letter (``[WwOo](?<![\w-].)``), not before it: a regex that opens with a set of
#: letters is searched by jumping from one of them to the next, one that opens with a look-behind
#: is tried at every position (three times slower on every sentence of every text).
_FIRST_PERSON = re.compile(r"[WwOo](?<![\w-].)(?:(?<=[Ww])(?:ij|e)|(?<=[Oo])nze\s+(?:organisatie|stichting|coöperatie|"
                           r"vereniging|instelling|medewerkers|groep|teams?))(?![\w-])")
_QUOTE_SPEAKER = re.compile(r"(?i)\b(?:zegt|zei|aldus|vertelt|vertelde|meldt|licht\w*\s+toe)\b")


def author_org(ctx: Context) -> Slot | None:
    """The organisation a report is by or about: the one the text names most often, at least
    twice (a shortened form counting for the full name) and more often than any other."""
    counts: dict[str, int] = {}
    first: dict[str, Slot] = {}
    for v in ctx.views:
        for s in v.sorted_slots():
            # an abbreviation "(MWP)" counts for the name it was introduced with
            name = s.mention.label or s.mention.name
            # a one-word name ("Wijkwerf") counts when it is a confident name
            if s.group is None and s.mention.type in ORG_TYPES and s.strong and (
                    " " in name or name[:1].isupper() and not name.isupper()):
                k = name.casefold()
                counts[k] = counts.get(k, 0) + 1
                first.setdefault(k, s)
    if not counts:
        return None
    # a shorter form counts for the longer name it is part of ("Welzijn X" in "Stichting Welzijn X")
    # and so does a shortened name of two words or more ("Stichting Welzijn" for "Stichting Welzijn X")
    total = {k: sum(n for k2, n in counts.items() if k2 == k or k.endswith(" " + k2)
                    or " " in k2 and k.startswith(k2 + " ")) for k in counts}
    order = {k: i for i, k in enumerate(first)}
    # of names named equally often, the one the text names first
    best = max(total, key=lambda k: (total[k], -order[k]))
    if total[best] < 2:
        return None
    return first[best]


def first_person(ctx: Context) -> None:
    """"Wij bieden ...", "onze organisatie is onderdeel van ...": the report's own organisation."""
    hits = [v for v in ctx.views if _FIRST_PERSON.search(v.text)]
    if len(hits) < 3:
        return
    author = author_org(ctx)
    if author is None:
        return
    ctx.memory["first_person_author"] = author  # the text is written by this organisation
    for v in hits:
        others = [s for s in v.slots if s.mention.type in ORG_TYPES and s.group is None
                  and s.mention.name.casefold() != author.mention.name.casefold()]
        if '"' in v.text and _QUOTE_SPEAKER.search(v.text) and others:
            continue  # a quote of someone from another organisation
        for m in _FIRST_PERSON.finditer(v.text):
            if v.free(m.start(), m.end()):
                slot = ctx.place(v, m.start(), m.end(), author.mention.type)
                if slot:
                    slot.group = [author]


_KIND_MID = re.compile(r"\b(?:[Dd]e|[Dd]eze|[Hh]et|[Dd]it)\s+(coöperatie|cooperatie|stichting|vereniging|"
                       r"pact|netwerk|alliantie|consortium|samenwerkingsverband|platform)\b"
                       r"(?!\s+(?:van|voor|die|dat|waar|in|⟦|[A-Z]))")


# For each phrase regex of :func:`run`, words of which every match holds one (case as written):
# a sentence with none of them is not searched (see :func:`rules.finditer_if`).
_COLLECTIVE_CUES = ("organisaties", "partijen", "partners", "instellingen", "stichtingen", "aanbieders", "corporaties",
                    "verenigingen")
_COLLECTIVE_BARE_CUES = ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht")
_MUNICIPALITIES_CUES = ("gemeenten",)
_KIND_MID_CUES = ("coöperatie", "cooperatie", "stichting", "vereniging", "pact", "netwerk", "alliantie", "consortium",
                  "verband", "platform")
_SINGLE_MID_CUES = ("organisatie", "stichting", "coöperatie", "instelling", "vereniging")
_KIND_AFTER_ZORGT_CUES = ("zorg",)
_GEMEENTE_CUES = ("gemeente",)
_ORG_PHRASE_CUES = _SINGLE_MID_CUES + _KIND_AFTER_ZORGT_CUES


def _last_of_kind(ctx: Context, view: View, kind: str) -> Slot | None:
    """The latest organisation (up to ten sentences back) whose name starts with ``kind``."""
    k = kind.casefold().replace("cooperatie", "coöperatie")

    def of_kind(s: Slot) -> bool:
        name = s.mention.name.casefold().replace("cooperatie", "coöperatie")
        if name.startswith(k + " "):
            return True
        if k == "coöperatie":
            return s.mention.type == "Cooperative"
        # "het pact" for "Taalpact X", "het netwerk" for "Veluws Netwerk Mantelzorg"
        return k in GROUP_KINDS and any(w.endswith(k) for w in name.split())

    for w in [view] + ctx.previous(view, 10):
        found = [s for s in w.sorted_slots() if s.group is None and s.mention.type in ORG_TYPES
                 and of_kind(s)]
        if w is view:
            found = [s for s in found if s.cend <= view.text.find(kind)]
        if found:
            return found[-1]
    return None


def _last_municipality(ctx: Context, view: View, cs: int) -> Slot | None:
    here = [s for s in view.sorted_slots() if s.mention.type == "Municipality" and s.cend <= cs
            and s.group is None]
    if here:
        return here[-1]
    for prev in ctx.previous(view, 3):
        mun = [s for s in prev.sorted_slots() if s.mention.type == "Municipality" and s.group is None]
        if mun:
            return mun[-1]
    return None
