"""locatedIn: where organisations, teams and wijken are.

What it reads in Dutch:

* "ORG in PLACE" right after each other ("bij Noordermaat in Assen", "buurtcentrum de Linde
  in Oosterpark"), also "ORG uit/te PLACE";
* "A, B en C (die) zijn (respectievelijk) actief/gevestigd/werkzaam in (de gemeenten) X, Y en
  Z": with "respectievelijk" pairwise, else every org in every place;
* "ORG werkt in (de gemeenten) X en Y", "ORG is gevestigd in X";
* "Ook in (de gemeenten) X en Y wordt door/onder de vlag van ORG ... uitgevoerd";
* a name that ends in a gazetteer place ("Welzijn Oost Assen") is located there (low confidence);
* "de wijk X" lies in the municipality named in the same or the sentence before of the paragraph
  ("In Assen is men gestart ... In de wijk X ...").
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View, adjective_place
from kg.extract.lexicon import VENUE_NOUNS
from kg.extract.rules import ORG_TYPES, finditer_if, has_any, list_before, parse_list
from kg.text import normalise_name

_ADJ = re.compile(r"⟦([OP])(\d+)⟧(?:\s*\(\s*⟦O\d+⟧\s*\))?\s+(?:in|te|uit)\s+(?:de\s+(?:gemeente|wijk|buurt|regio)\s+)?⟦([MNV])(\d+)⟧")
_ACTIVE = re.compile(r"(?:,\s*die\s+|,\s*(?=gevestigd\b)|\s+)(?:is|zijn|was|waren)?\s*(?P<resp>respectievelijk\s+)?"
                     r"(?:\w+\s+)?(?:actief|gevestigd|werkzaam|aanwezig)\s+(?:(?:is|zijn|was|waren)\s+)?"
                     r"(?:aan\s+(?:de\s+|het\s+)?[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*)*(?:\s+\d+\s?[a-zA-Z]?)?\s+)?(?:in|te)\s+"
                     r"(?:de\s+|het\s+)?(?:hele\s+|gehele\s+|heel\s+)?(?:gemeenten?\s+|provincies?\s+|wijken?\s+|regio\s+)?(?=⟦[MNV])")
#: "X, die al sinds 2014 in Emmen actief is": the place before the verb-final "actief/gevestigd is".
_ACTIVE_FINAL = re.compile(r"⟦O(\d+)⟧\s*,\s*(?:die|dat)\s+(?:[^\s⟦,]+\s+){0,4}?(?:in|te)\s+(?:de\s+gemeenten?\s+)?"
                           r"⟦([MN])(\d+)⟧\s+(?:actief|gevestigd|werkzaam)\s+(?:is|was)\b")
#: "de groep, die haar kantoor heeft in Arnhem"
_SEAT_REL = re.compile(r"⟦O(\d+)⟧\s*,\s*(?:die|dat)\s+(?:haar|zijn|het)\s+(?:hoofd)?(?:kantoor|vestiging|hoofdvestiging)\s+"
                       r"(?:heeft|had)\s+(?:in|te)\s+⟦([MN])(\d+)⟧")
_WORKS_IN = re.compile(r"⟦O(\d+)⟧\s+(?:werkt|werken|opereert|opereren|zit|zitten)\s+(?:\w+\s+){0,2}?"
                       r"(?:in|te)\s+(?:de\s+)?(?:gemeenten?\s+|provincies?\s+)?(?=⟦[MNV])")
#: "het kantoor van de coöperatie is gevestigd in Y": the organisation the phrase refers back to
_OFFICE_OF = re.compile(r"\b(?:het\s+)?(?:hoofd)?kantoor\s+van\s+⟦O(\d+)⟧\s+(?:is|was)\s+(?:\w+\s+)?gevestigd\s+"
                        r"(?:in|te)\s+⟦([MN])(\d+)⟧")
#: "X heeft haar hoofdkantoor in Y", "X krijgt haar hoofdvestiging in Y"
_SEAT = re.compile(r"⟦O(\d+)⟧\s+(?:heeft|had|krijgt|kreeg|houdt)\s+(?:haar|zijn|het|de|een)\s+"
                   r"(?:hoofdkantoor|kantoor|hoofdvestiging|vestiging|thuisbasis|zetel)\s+in\s+⟦([MN])(\d+)⟧")
#: "Kompas Welzijn (Tiel)": a place in parentheses right after a name
_PAREN_PLACE = re.compile(r"⟦([OP])(\d+)⟧\s*\(\s*(?:gevestigd\s+in\s+)?⟦([MN])(\d+)⟧\s*\)")
#: "de Helmondse wijk Brandevoort": a wijk named with the adjective of its municipality
_ADJ_WIJK = re.compile(r"\b(?:[Dd]e|[Hh]et|[Ee]en)\s+(?P<adj>[A-Z][a-zë]+(?:se|er))\s+(?:wijk|woonwijk|stadswijk|buurt|"
                       r"kern|dorpskern|stadsdeel)\s+(?:de\s+|het\s+)?⟦N(?P<n>\d+)⟧")
_ALSO_IN = re.compile(r"\b[Ii]n\s+(?:de\s+)?(?:gemeenten?\s+|provincies?\s+)?(?=⟦[MNV])")
_FLAG = re.compile(r"\bwordt\s+(?:\w+\s+){0,3}?(?:door|onder\s+de\s+vlag\s+van)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")


def _places(items) -> list[Slot]:
    return [s for it in items for s in it.slot.members()
            if s.mention.type in ("Municipality", "Province", "Neighbourhood")]


#: "de Helmondse stichting X", "de Edese welzijnsorganisatie X": a place adjective before a kind noun.
_PLACE_ADJ = re.compile(r"\b(?:[Dd]e|[Hh]et|[Ee]en)\s+(?P<adj>[A-Z][a-zë]+(?:se|er))\s+(?:\w+\s+)?"
                        r"(?:stichting|organisatie|welzijnsorganisatie|welzijnsstichting|vereniging|"
                        r"coöperatie|zorgorganisatie|instelling|%s)\s+(?:de\s+|het\s+)?⟦O(?P<o>\d+)⟧"
                        % "|".join(VENUE_NOUNS))
#: "Kaaipoort, de Vlissingse organisatie voor maatschappelijk werk": a place adjective in an apposition.
_PLACE_ADJ_APPOS = re.compile(r"⟦O(?P<o>\d+)⟧\s*,\s*(?:de|het|een)\s+(?P<adj>[A-Z][a-zë]+(?:se|er))\s+"
                              r"(?:\w+\s+)?[a-zë]*(?:organisatie|stichting|vereniging|instelling|aanbieder|"
                              r"corporatie|coöperatie|welzijnswerk)\b")
#: "het Leidse Leercentrum X": a place adjective right before the name (the name dropped it).
_PLACE_ADJ_NAME = re.compile(r"\b(?:[Dd]e|[Hh]et|[Ee]en)\s+(?P<adj>[A-Z][a-zë]+se)\s+⟦O(?P<o>\d+)⟧")
#: The adjective (and the space after it) that every match of the three regexes above holds: a
#: search for it alone starts only at capitals, and few sentences have one.
_PLACE_ADJ_WORD = re.compile(r"[A-Z][a-zë]+(?:se|er)\s")


def run(ctx: Context) -> None:
    """Component: locatedIn candidates."""
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # every rule below reads a slot token (the masked view is not even made)
        masked, slots, cmap = v.masked()
        # the place adjective rules locate an organisation, and read a capitalised adjective
        if "⟦O" in masked and _PLACE_ADJ_WORD.search(masked):
            for m in [*_PLACE_ADJ.finditer(masked), *_PLACE_ADJ_NAME.finditer(masked),
                      *_PLACE_ADJ_APPOS.finditer(masked)]:
                subj = slots[int(m.group("o"))]
                if subj.group is None and subj.mention.type in ORG_TYPES:
                    _locate_by_adjective(ctx, v, cmap, m, subj, "locatedIn:place-adjective")
        if _names_place(masked):  # the other rules read a place token
            _in_place(ctx, v, masked, slots, cmap)
        for s in slots:
            if s.mention.type in ORG_TYPES and s.group is None and " " in s.mention.text:
                head, last = s.mention.text.rsplit(" ", 1)
                # "Welzijn Rivierland" is at home there; "Bureau Jeugdhulp Gelderland" covers a
                # province and "SBI Amersfoort" is a local branch of an abbreviation: not said to be there
                if head.isupper():
                    continue
                place = ctx.gazetteer.lookup_one(last)
                if place is not None and place.type == "Municipality":
                    label = place.name
                elif place is None and last in ctx.memory.get("municipalities_named", ()):
                    label = last  # "de gemeente Boxmeer" ... "Welzijn Ouderen Boxmeer"
                else:
                    continue
                # the mention is the place word only: the whole name would become an alias of the place
                pm = ctx.mention(v, s.cend - len(last), s.cend, "Municipality", label=label)
                ctx.add(v, s, "locatedIn", pm, "locatedIn:name-ends-in-place", 0.5)
    _wijk_in_municipality(ctx)
    _wijken_in(ctx)
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no slot token (the masked view is not made)
        masked, slots, _ = v.masked()
        if "⟦O" not in masked or ("⟦M" not in masked and "⟦N" not in masked):
            continue  # each seat rule reads an organisation and a municipality or wijk
        if not has_any(masked, _SEAT_WORDS):
            continue  # and one of these words
        for rx in (_SEAT, _OFFICE_OF, _ACTIVE_FINAL, _SEAT_REL):
            for m in rx.finditer(masked):
                for s in slots[int(m.group(1))].members():
                    if s.mention.type in ORG_TYPES:
                        ctx.add(v, s, "locatedIn", slots[int(m.group(3))], "locatedIn:hoofdkantoor-in", 0.8)


#: Every match of _SEAT, _OFFICE_OF, _ACTIVE_FINAL and _SEAT_REL has one of these words.
_SEAT_WORDS = ("kantoor", "vestiging", "thuisbasis", "zetel", "actief", "gevestigd", "werkzaam")


def _names_place(masked: str) -> bool:
    """The sentence has a municipality, wijk or province token."""
    return "⟦M" in masked or "⟦N" in masked or "⟦V" in masked


#: The verbs of :data:`_ACTIVE`: a sentence without one of them is not read with it.
_ACTIVE_WORDS = ("actief", "gevestigd", "werkzaam", "aanwezig")


def _in_place(ctx: Context, v: View, masked: str, slots: list[Slot], cmap: list[int]) -> None:
    """The rules that read a place token: "A (Tiel)", "de Zwolse wijk X", "A in B", "A is actief
    in B", "A werkt in B", "ook in B wordt door A ... uitgevoerd"."""
    orgs = "⟦O" in masked  # what every rule but the wijk adjective's reads (or a team, for the first two)
    teams = orgs or "⟦P" in masked
    for m in _PAREN_PLACE.finditer(masked) if teams and "(" in masked else ():
        subj, place = slots[int(m.group(2))], slots[int(m.group(4))]
        if subj.group is None and subj.mention.type in ORG_TYPES + ("Pilot",):
            for p in place.members():
                ctx.add(v, subj, "locatedIn", p, "locatedIn:plaats-tussen-haakjes", 0.75)
    for m in _ADJ_WIJK.finditer(masked) if "⟦N" in masked else ():
        wijk = slots[int(m.group("n"))]
        if wijk.group is None:
            _locate_by_adjective(ctx, v, cmap, m, wijk, "locatedIn:adjectief-wijk")
    for m in _ADJ.finditer(masked) if teams else ():
        subj, place = slots[int(m.group(2))], slots[int(m.group(4))]
        if subj.group is not None or not subj.strong:
            continue  # "de Toegang in Tiel": a capitalised common word is no organisation there
        for p in place.members():
            ctx.add(v, subj, "locatedIn", p, "locatedIn:org-in-place", 0.75)
    if not orgs:
        return  # the subjects of _ACTIVE, and _WORKS_IN and _FLAG, are organisations
    for m in finditer_if(_ACTIVE, masked, _ACTIVE_WORDS):
        subjects = [s for it in list_before(masked, slots, m.start(), "O")
                    for s in it.slot.members() if s.mention.type in ORG_TYPES]
        items, _ = parse_list(masked, slots, m.end(), "MNV")
        places = _places(items)
        if not subjects or not places:
            continue
        if m.group("resp") and len(subjects) == len(places):
            for s, p in zip(subjects, places):
                ctx.add(v, s, "locatedIn", p, "locatedIn:respectievelijk", 0.85)
        else:
            for s in subjects:
                for p in places:
                    ctx.add(v, s, "locatedIn", p, "locatedIn:actief-in", 0.75)
    for m in finditer_if(_WORKS_IN, masked, ("werk", "opere", "zit")):
        items, _ = parse_list(masked, slots, m.end(), "MNV")
        for s in slots[int(m.group(1))].members():
            for p in _places(items):
                ctx.add(v, s, "locatedIn", p, "locatedIn:werkt-in", 0.7)
    flag = _FLAG.search(masked) if "wordt" in masked else None
    if flag:
        for m in _ALSO_IN.finditer(masked[:flag.start()]):
            items, _ = parse_list(masked, slots, m.end(), "MNV")
            for s in slots[int(flag.group(1))].members():
                for p in _places(items):
                    ctx.add(v, s, "locatedIn", p, "locatedIn:uitgevoerd-in", 0.6)


#: "in de wijken A en B in C": wijken of a larger wijk or town
_WIJKEN_IN = re.compile(r"\b(?:wijken|buurten|dorpen|kernen|stadsdelen|woonwijken)\s+(⟦N\d+⟧(?:\s*(?:,|en)\s*⟦N\d+⟧)+)"
                        r"\s+in\s+(?:de\s+(?:gemeente|wijk)\s+)?⟦([MN])(\d+)⟧")


_WIJK_TOKEN = re.compile(r"⟦N(\d+)⟧")


def _wijken_in(ctx: Context) -> None:
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no slot token (the masked view is not made)
        masked, slots, _ = v.masked()
        if "⟦N" not in masked:
            continue  # the rule reads wijk tokens
        if not has_any(masked, ("wijken", "buurten", "dorpen", "kernen", "stadsdelen")):
            continue  # and one of its plural nouns
        for m in _WIJKEN_IN.finditer(masked):
            whole = slots[int(m.group(3))]
            for t in _WIJK_TOKEN.finditer(m.group(1)):
                part = slots[int(t.group(1))]
                if part.mention.name != whole.mention.name:
                    ctx.add(v, part, "locatedIn", whole, "locatedIn:wijken-in", 0.75)


def _wijk_in_municipality(ctx: Context) -> None:
    """"In Assen ... In de wijk X": the wijk lies in the municipality just named."""
    wijken = ctx.memory.get("neighbourhoods", {})
    if not wijken:
        return
    done = set()
    # a text about one municipality only: its wijken lie there
    muns: dict[str, Slot] = {}
    for v in ctx.views:
        for t in v.slots:
            if t.mention.type == "Municipality" and t.group is None:
                muns.setdefault(t.mention.name, t)
    only = list(muns.values())
    in_team_names: dict[int, list[Slot]] = {}
    for tv, place in ctx.memory.get("team_places", []):
        in_team_names.setdefault(tv.index, []).append(place)
    # wijken a rule placed already ("de Edese wijk X"): a municipality merely named nearby does
    # not place them again
    placed = {c.subject.name for c in ctx.extraction.candidates if c.relation == "locatedIn"}
    for v in ctx.views:
        for s in v.sorted_slots() + in_team_names.get(v.index, []):
            if s.mention.type != "Neighbourhood" or not s.strong or s.mention.name in done \
                    or s.mention.name in placed:
                continue
            if normalise_name(s.mention.name) not in wijken:
                continue
            mun = None
            own = [t for t in v.slots if t.mention.type == "Municipality"]
            if own:
                mun = own[0]
            else:
                for prev in ctx.previous(v, 3, same_para=True):
                    cands = [t for t in prev.sorted_slots() if t.mention.type == "Municipality"]
                    if cands:
                        mun = cands[0]
                        break
            if mun is None and len(only) == 1:
                mun = only[0]
            if mun is not None:
                for m in mun.members():
                    ctx.add(v, s, "locatedIn", m, "locatedIn:wijk-in-gemeente", 0.65)
                done.add(s.mention.name)


def _locate_by_adjective(ctx: Context, v, cmap, m: re.Match, subject, rule: str) -> None:
    """"de Zwolse wijk X", "het Leidse Leercentrum X": X lies in the municipality the
    adjective (group ``adj`` of ``m``) names, if it names one."""
    place = adjective_place(ctx, m.group("adj"))
    if place is None:
        return
    cs = cmap[m.start("adj")]
    mention = ctx.mention(v, cs, cs + len(m.group("adj")), "Municipality", label=place.name)
    ctx.add(v, subject, "locatedIn", mention, rule, 0.7)
