"""foundedBy and mergesInto: how organisations come into being.

foundedBy, in Dutch:

* "X is (in 2011) opgericht door A, B en de partners van P (C en D)" -> X foundedBy A, B, C, D
  (and P, with less confidence); also "X, opgericht door A", "werd mede opgericht door";
* "A en B hebben (samen) X opgericht", "Op initiatief van A en B is X opgericht".

mergesInto, in Dutch (one row per original organisation; date from "per 1 januari 2015",
"met ingang van", "op"; "wil", "gaan", "voornemen" make it intended, "niet" denies it):

* "A, B en C gaan fuseren", "A en B fuseren (tot Z)", "A fuseert met B", "de fusie tussen/van
  A en B", "samengaan van (drie organisaties:) A, B en C", "A gaat op in Z",
  "A en B gaan verder als/onder de naam Z";
* the resulting organisation is named by "tot Z", "in Z", "als Z"; otherwise it is a new
  Organisation mention labelled from the text: "een nieuwe (integrale) welzijnsorganisatie in
  Assen" -> "Nieuwe welzijnsorganisatie Assen", or from the parties: "Nieuwe organisatie A B C".
  One document has one such new organisation per set of parties.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.context import Context, Slot, View
from kg.extract.dates import date_near
from kg.extract.coref import author_org
from kg.extract.rules import (ORG, ORG_RX, ORG_TYPES, Item, finditer_if, has_any, holds_any_case, modality_at,
                              parse_list)

_FOUNDED_BY = re.compile(rf"{ORG}(?:[^⟦.]|(?:[A-Z]\.)+){{0,60}}?\b(?:mede-?)?(?:opgericht|opgezet)\s+(?:[^⟦]{{0,30}}?\s)?door\s+")
#: Dutch verb-final order: "X is in 2003 door A en B opgericht", "X, dat door A samen is opgericht".
_FOUNDED_BY_FINAL = re.compile(rf"{ORG}\s*,?\s+(?:dat|die|is|werd|was|wordt)\s+(?:[^⟦.,]{{0,40}}?\s)?door\s+")
_FOUNDED_FINAL_TAIL = re.compile(r"\s+(?:samen\s+|gezamenlijk\s+|in\s+\d{4}\s+)?(?:(?:is|zijn|werd|werden)\s+)?"
                                 r"(?:mede-?)?(?:opgericht|opgezet)\b")
_FOUNDED_ACTIVE = re.compile(rf"\b(?:hebben|heeft|hadden|had)\s+(?:[^⟦]{{0,60}}?\s)?{ORG}\s+"
                             rf"(?:[^⟦]{{0,30}}?\s)?opgericht\b")
_FOUNDED_INV = re.compile(r"\b(?:hebben|heeft|hadden|had)\s+(?=(?:de\s+|het\s+)?⟦O)")
_FOUNDED_INV_TAIL = re.compile(rf"\s+(?:\w+\s+){{0,3}}?(?:de\s+|het\s+|een\s+)?{ORG}\s+opgericht\b")
#: "X is opgericht door vier organisaties. Initiatiefnemers zijn A, B en C."
_FOUNDED_BY_COUNT = re.compile(rf"{ORG}(?:[^⟦.]|(?:[A-Z]\.)+){{0,60}}?\b(?:mede-?)?opgericht\s+(?:[^⟦]{{0,30}}?\s)?door\s+"
                               rf"(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+)\s+(?:\w+\s+)?"
                               rf"(?:organisaties|partijen|stichtingen|instellingen|partners)\b")
_FOUNDERS_ARE = re.compile(r"^(?:[Dd]e\s+)?(?:[Ii]nitiatiefnemers|[Oo]prichters|[Oo]prichtende\s+partijen)"
                           r"\s+(?:zijn|waren|:)\s*|^[Dd]at\s+(?:zijn|waren)\s+")
_INITIATIVE_FOUNDING = re.compile(r"\bhet\s+initiatief\s+(?:tot|voor)\s+(?:de\s+)?oprichting\s+van\s+"
                                  r"(?:de\s+|het\s+)?(?:[a-zë]+\s+)?⟦O(\d+)⟧")
_INITIATIVE = re.compile(rf"\b[Oo]p\s+initiatief\s+van\s+")
#: "X is (in 2009) opgericht op initiatief van A en B": the founders follow the cue.
_FOUNDED_ON_INITIATIVE = re.compile(rf"{ORG}(?:[^⟦.;]){{0,60}}?\b(?:mede-?)?(?:opgericht|opgezet|ontstaan)\s+"
                                    rf"op\s+(?:(?:het|gezamenlijk)\s+)?initiatief\s+van\s+")
#: "Het initiatief voor (de oprichting van) X kwam van A en B".
_INITIATIVE_CAME = re.compile(r"\b[Hh]et\s+initiatief\s+(?:voor|tot)\s+(?:de\s+oprichting\s+van\s+)?(?:de\s+|het\s+)?"
                              r"⟦O(\d+)⟧\s+(?:kwam|kwamen|komt|lag|ligt)\s+(?:\w+\s+)?(?:van|bij)\s+")
_INITIATIVE_TAIL = re.compile(rf"\s+(?:is|werd)\s+(?:[^⟦]{{0,20}}?\s)?{ORG}\s+(?:[^⟦]{{0,20}}?\s)?opgericht")

_MERGE_VERB = (r"(?:gaan|gingen|zullen|willen|wil|gaat|zijn|is|hebben|heeft)?\s*(?:[^\s⟦.;:]+\s+){0,12}?"
               r"(?:fuseren|fuseerden|fuseert|fuseerde|gefuseerd|samengaan|samen\s+gaan|gaan\s+samen|"
               r"gingen\s+samen|samengegaan|samensmelten|samengesmolten)\b")
_LIST_THEN_VERB = re.compile(rf"(?=(?:(?:de|het)\s+)?⟦O\d+⟧)")
_FUSIE_NOUN = re.compile(r"\b(?:fusie|samenvoeging|samengaan|fusieproces|bestuurlijke\s+fusie|"
                         r"juridische\s+fusie)\s+(?:tussen|van)\s+"
                         r"(?:de\s+|het\s+)?(?:\w+\s+)?(?:(?:organisaties|partijen|stichtingen|"
                         r"instellingen)\s*[:;,]?\s*)?")
#: "A (en B) gaat/is/zijn (per 1 januari) op(gegaan) in Z"
_OPGAAN = re.compile(rf"\s+(?:gaat|ging|gaan|gingen|is|zijn|zal|zullen|wil|willen|worden|wordt)\s+"
                     rf"(?:[^\s⟦]+\s+){{0,6}}?(?:op\s+in|opgegaan\s+in|opgaan\s+in|ondergebracht\s+bij|"
                     rf"overgegaan\s+naar|overgaan\s+naar)\s+(?:de\s+|het\s+)?{ORG}")
_OPGAAN_INV = re.compile(r"\b(?:zijn|is|gaan|gaat|ging|gingen|zullen|zal)\s+(?:[^\s⟦]+\s+){0,5}?(?=(?:de\s+|het\s+)?⟦O)")
_OPGAAN_TAIL = re.compile(rf"\s+(?:[^\s⟦]+\s+){{0,3}}?(?:op\s+in|opgegaan\s+in|opgaan\s+in)\s+"
                          rf"(?:de\s+|het\s+)?{ORG}")
_DAAR_OPGEGAAN = re.compile(r"\b(?:is|zijn|was|waren)\s+(?:daar|hierin|daarin|hier)\s+(?:\w+\s+){0,3}?(?:de\s+|het\s+)?"
                            r"⟦O(\d+)⟧\s+(?:in\s+)?(?:opgegaan|opgenomen|ondergebracht)\b")
_FUSEERT_MET = re.compile(rf"{ORG}\s+(?:fuseert|fuseerde|is\s+gefuseerd|gaat\s+fuseren|wil\s+fuseren|"
                          rf"zal\s+fuseren)\s+(?:[^\s⟦]+\s+){{0,6}}?met\s+")
#: "A is (in 2020) met B gefuseerd", "In 2020 is A met B gefuseerd".
_GEFUSEERD_MET = re.compile(r"(?:⟦O(\d+)⟧\s+(?:is|was)|\b(?:is|was)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧(?:\s+⟦[MN]\d+⟧)?)\s+"
                            r"(?:[^\s⟦]+\s+){0,4}?met\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s+(?:samen\s+)?gefuseerd\b")
_RESULT = re.compile(rf"\s*(?:[^\s⟦.;:]+\s+){{0,8}}?(?:tot|in|als|onder\s+de\s+naam)\s+(?:de\s+|het\s+)?{ORG}")
_VERDER_ALS = re.compile(rf"\b(?:gaan|gaat|gingen|ging|zullen|zal)\s+(?:[^\s⟦]+\s+){{0,6}}?verder\s+"
                         rf"(?:als|onder\s+de\s+(?:nieuwe\s+)?naam)\s+(?:de\s+|het\s+)?{ORG}")
_NEW_ORG = re.compile(r"(?i)(?:\b(?:een|de)\s+nieuwe|\béén(?:\s+nieuwe)?)\s+((?:[a-zë]+\s+){0,2}?)"
                      r"(?P<noun>[a-zë]*organisatie|stichting|fusieorganisatie|organisatie)\b"
                      r"(?:\s+in\s+⟦M(?P<m>\d+)⟧)?")
#: "X is (per 1 januari) ontstaan uit (het samengaan van ...)": the text before the merger cue.
_ARISEN = re.compile(r"(?:^|[,;]\s*)(?:de\s+|het\s+)?⟦O(\d+)⟧\s+(?:is|was|werd)\s+(?:[^\s⟦]+\s+){0,5}?"
                     r"(?:ontstaan|voortgekomen|gevormd)\s+(?:uit|door)\s+(?:een\s+|de\s+|het\s+)?$")
#: A merger called off: "de fusie gaat niet door", "de fusie is afgeblazen".
_CALLED_OFF = re.compile(r"(?i)\b(?:fusie|fusieplannen|fusiegesprekken|samengaan)\b[^.]{0,60}?"
                         r"\b(?:gaat\s+(?:\w+\s+)?niet\s+door|gaan\s+(?:\w+\s+)?niet\s+door|afgeblazen|"
                         r"van\s+de\s+baan|afgeketst|stopgezet|geen\s+doorgang|beëindigd|"
                         r"komt\s+er\s+niet|gaat\s+niet\s+meer\s+door)|"
                         r"\b(?:zien|ziet|hebben|heeft)\s+(?:\w+\s+){0,3}?af\s*(?:gezien\s+)?van\s+"
                         r"(?:de\s+|een\s+)?(?:\w+\s+)?fusie")


#: A municipality right before the verb: "De drie gemeenten hebben ... opgericht"
_MUNICIPALITY_AT_END = re.compile(r"⟦M(\d+)⟧\s+$")
#: Where the clause of the initiative starts: after a colon or a conjunction
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:maar|terwijl|omdat|nadat)\b")
#: "in ", "bij de ", "van het " right before an organisation: not one of the founders
_PREPOSITION_AT_END = re.compile(r"\b(?:in|uit|te|bij|van)\s+(?:de\s+|het\s+)?$")


#: The words passed to finditer_if by the rules of :func:`founded_by`, all together.
_FOUNDING_CUES = ("opgericht", "opgezet", "⟦S", "hebben", "heeft", "had", "initiatief")


def founded_by(ctx: Context) -> None:
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # every rule reads an organisation token of the sentence (its masked view is not made)
        masked, slots, cmap = v.masked()
        if not has_any(masked, _FOUNDING_CUES):
            continue  # none of the words of the rules below (each runs only with one of its own)
        for m in finditer_if(_FOUNDED_BY, masked, ("opgericht", "opgezet")):
            subj = slots[int(m.group(1))]
            items, end = parse_list(masked, slots, m.end(), "OM", ctx, v)
            _founders(ctx, v, subj, items, "foundedBy:opgericht-door")
        # the tail's verb or a service token (which the list reading may make a unit)
        for m in finditer_if(_FOUNDED_BY_FINAL, masked, ("opgericht", "opgezet", "⟦S")):
            # "X is in 2003 door A en B opgericht", "X, dat in 2016 door A en B samen is opgericht"
            items, end = parse_list(masked, slots, m.end(), "OM", ctx, v)
            if items and _FOUNDED_FINAL_TAIL.match(masked, end):
                _founders(ctx, v, slots[int(m.group(1))], items, "foundedBy:door-opgericht")
        founded = "opgericht" in masked  # the verb of the next two rules
        for m in (_FOUNDED_BY_COUNT.finditer(masked) if founded else ()):
            subj = slots[int(m.group(1))]
            for nxt in ctx.views[v.index + 1:v.index + 2]:
                nm, ns, _ = nxt.masked()
                f = _FOUNDERS_ARE.match(nm)
                if f:
                    items = _founders_list(nm, ns, f.end(), ctx, nxt)
                    _founders(ctx, nxt, subj, items, "foundedBy:initiatiefnemers-zijn")
        for m in (_FOUNDED_ACTIVE.finditer(masked) if founded else ()):
            subj = slots[int(m.group(1))]
            head = masked[:m.start()]
            founders = _list_ending_at(masked, slots, head)
            grp = _MUNICIPALITY_AT_END.search(head)
            if not founders and grp and slots[int(grp.group(1))].group:
                founders = [Item(s) for s in slots[int(grp.group(1))].members()]  # "De drie gemeenten hebben"
            _founders(ctx, v, subj, founders, "foundedBy:hebben-opgericht")
            if not founders:
                # "Vijf organisaties hebben X opgericht. Oprichters zijn A, B en C."
                for nxt in ctx.views[v.index + 1:v.index + 3]:  # a sentence about X may come between
                    nm, ns, _ = nxt.masked()
                    f = _FOUNDERS_ARE.match(nm)
                    if f and not (nxt.index > v.index + 1 and nm.startswith(("Dat", "dat"))):
                        items = _founders_list(nm, ns, f.end(), ctx, nxt)
                        _founders(ctx, nxt, subj, items, "foundedBy:oprichters-zijn")
                        break
        for m in finditer_if(_FOUNDED_INV, masked, ("hebben", "heeft", "had")):
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            t = _FOUNDED_INV_TAIL.match(masked, end)
            if len(items) and t:
                _founders(ctx, v, slots[int(t.group(1))], items, "foundedBy:hebben-opgericht")
        if "initiatief" not in masked:
            continue  # the word of the four rules below
        for m in _INITIATIVE_FOUNDING.finditer(masked):
            # "In 2017 nam A samen met B en C het initiatief tot de oprichting van Z"
            target = slots[int(m.group(1))]
            head = masked[:m.start()]
            lo = max((x.end() for x in _CLAUSE_BREAK.finditer(head)), default=0)
            founders = [slots[int(x.group(1))] for x in ORG_RX.finditer(head[lo:])]
            founders = [f for f in founders if f is not target and not _PREPOSITION_AT_END.search(v.text[:f.cstart])]
            _founders(ctx, v, target, [Item(f) for f in founders], "foundedBy:initiatief-tot-oprichting")
        for rx, rule in ((_FOUNDED_ON_INITIATIVE, "foundedBy:opgericht-op-initiatief-van"),
                         (_INITIATIVE_CAME, "foundedBy:initiatief-kwam-van")):
            for m in rx.finditer(masked):
                items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
                _founders(ctx, v, slots[int(m.group(1))], items, rule)
        for m in _INITIATIVE.finditer(masked):
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            t = _INITIATIVE_TAIL.match(masked, end)
            if items and t:
                _founders(ctx, v, slots[int(t.group(1))], items, "foundedBy:op-initiatief-van")


_LOOSE_ITEM = re.compile(r"(?:(?:de|het|[a-zë]+|[A-Z][a-zë]+(?:se|er))\s+){0,3}?⟦O(\d+)⟧"
                         r"(?:\s+(?:uit|in|te)\s+⟦[MN]\d+⟧|\s*\(\s*⟦[MN]\d+⟧\s*\))?")
_LOOSE_SEP = re.compile(r"\s*,\s*|\s+en\s+|\s*,\s*en\s+")


def _founders_list(nm: str, ns: list[Slot], pos: int, ctx: Context, view: View) -> list[Item]:
    """"Oprichters zijn A uit X, de Y-se stichting B, C (Z) en D": items may carry a place or a
    describing phrase; the plain coordination reading is kept when it finds as many."""
    items, _ = parse_list(nm, ns, pos, "OM", ctx, view)
    loose: list[Item] = []
    while True:
        m = _LOOSE_ITEM.match(nm, pos)
        if not m:
            break
        loose.append(Item(ns[int(m.group(1))]))
        sep = _LOOSE_SEP.match(nm, m.end())
        if not sep:
            break
        pos = sep.end()
    return loose if len(loose) > len(items) and len(loose) >= 2 else items


#: An item may carry an aside: "A (SWA), B en het C (AMW C) gaan ..."
_ASIDE = r"(?:\s+⟦[MV]\d+⟧)?(?:\s*\((?:[^()⟦]|⟦O\d+⟧){1,40}\))?"
#: A coordination of organisations (with their asides) that ends the text
_ORG_LIST_AT_END = re.compile(rf"((?:(?:de|het)\s+)?⟦O\d+⟧{_ASIDE}"
                              rf"(?:\s*(?:,|en|&)\s*(?:(?:de|het)\s+)?⟦O\d+⟧{_ASIDE})*)\s*$")
#: "uit ", "in ", "rond " right before the list: the place the subject is from
_ORIGIN_PREPOSITION_AT_END = re.compile(r"\b(?:uit|in|van|rond|rondom)\s+$")


def _list_ending_at(masked: str, slots: list[Slot], head: str) -> list[Item]:
    """The coordination that is the subject right before a verb: "A en B hebben ..."."""
    m = _ORG_LIST_AT_END.search(head)
    if not m:
        return []
    if _ORIGIN_PREPOSITION_AT_END.search(head[:m.start(1)]):
        return []  # "Vier organisaties uit ⟦regio⟧ hebben ...": the place says where the subject is from
    items, _ = parse_list(masked, slots, m.start(1), "O")
    return items


_COUNTED_MEMBERS = re.compile(r"(?i)\b(?:de|haar|zijn|onze|hun|alle|deze)\s+(\w+)\s+(?:leden|lidorganisaties)\b")
#: The nouns of _COUNTED_MEMBERS, in lower case ("leden" is also the last word of _FOUNDERS_ARE_MEMBERS).
_MEMBER_NOUNS = ("leden", "lidorganisaties")


def _members_counted(ctx: Context, n: int) -> bool:
    """The text speaks of "de vier leden" of a coöperatie that as many organisations founded."""
    from kg.extract.rules import count_word

    # the text is read for it once (each founding would read the whole text again), and only
    # the sentences with the regexes' nouns, in any case ("leden" is in every match of both)
    found = ctx.memory.get("counted_members")
    if found is None:
        texts = [w.text for w in ctx.views if holds_any_case(w.text, _MEMBER_NOUNS)]
        found = ctx.memory["counted_members"] = (
            [m.group(1) for t in texts for m in _COUNTED_MEMBERS.finditer(t)],
            any(_FOUNDERS_ARE_MEMBERS.search(t) for t in texts))
    return any(count_word(word) == n for word in found[0]) or found[1]


#: "De (vier) oprichters zijn ook de eerste leden (van de coöperatie)".
_FOUNDERS_ARE_MEMBERS = re.compile(r"(?i)\b(?:de|alle)\s+(?:\w+\s+)?oprichters\s+(?:zijn|worden|werden|waren)\s+"
                                   r"(?:ook\s+|tevens\s+|meteen\s+|direct\s+)?(?:de\s+)?(?:eerste\s+)?leden\b")


def _founders(ctx: Context, v: View, subj: Slot, items: list[Item], rule: str) -> None:
    containers = set()
    founders = {id(s) for it in items for s in [it.slot] if s.mention.type in ORG_TYPES}
    # the founders of a coöperatie are its members when the text counts that many members
    members_counted = len(founders) >= 2 and any(s.mention.type == "Cooperative" for s in subj.members()) \
        and _members_counted(ctx, len(founders))
    for subj_m in subj.members():
        for it in items:
            if it.slot.mention.type not in ORG_TYPES + ("Municipality",):
                continue
            ctx.add(v, subj_m, "foundedBy", it.slot, rule, 0.9)
            if members_counted and it.slot.mention.type in ORG_TYPES:
                ctx.add(v, it.slot, "memberOf", subj_m, rule.replace("foundedBy", "memberOf"), 0.8)
            if it.container is not None:
                containers.add(id(it.container))
                if it.container.mention.type in ORG_TYPES:
                    ctx.add(v, subj_m, "foundedBy", it.container, rule + "-container", 0.5)


def _same_org(a: Slot, b: Slot) -> bool:
    """"Stichting Welzijn X", "Welzijn X" and "X" name the same organisation."""
    na = (a.mention.label or a.mention.name).casefold()
    nb = (b.mention.label or b.mention.name).casefold()
    return na == nb or na.endswith(" " + nb) or nb.endswith(" " + na)


def _new_org(ctx: Context, v: View, masked: str, slots: list[Slot], parties: list[Slot]) -> Slot | object:
    """The unnamed resulting organisation: a Mention labelled from the text."""
    key = frozenset(p.mention.name.casefold() for p in parties)
    known: dict = ctx.memory.setdefault("new_orgs", {})
    for k, mention in known.items():
        if len(k & key) >= max(1, min(len(k), len(key)) - 1):
            return mention
    label = None
    span = None
    mm = _NEW_ORG.search(masked)
    if mm:
        noun = mm.group("noun").lower()
        place = slots[int(mm.group("m"))].mention.name if mm.group("m") else ""
        if not place and noun != "organisatie":
            muns = [s for s in slots if s.mention.type == "Municipality"]
            place = muns[0].mention.name if muns else ""
        if place or noun != "organisatie":
            label = f"Nieuwe {noun} {place}".strip()
            span = (mm.start(), mm.end())
    if label is None:
        label = "Nieuwe organisatie " + " ".join(p.mention.name for p in parties)
    _, _, cmap = v.masked()
    if span is not None:
        cs, ce = cmap[span[0]], cmap[span[1] - 1] + 1
    else:
        cs, ce = 0, len(v.text)
    mention = ctx.mention(v, cs, ce, "Organisation", label=label)
    known[key] = mention
    return mention


def _merge(ctx: Context, v: View, masked: str, slots: list[Slot], items: list[Item], after: int,
           rule: str, cue: tuple[int, int]) -> None:
    parties = []
    for it in items:
        for s in it.slot.members():
            if s.mention.type in ORG_TYPES and s not in parties:
                parties.append(s)
    if not parties:
        return
    if _headline(v) and all(_place_word_of_name(ctx, p) for p in parties):
        return  # "Welzijnsorganisaties Velp en Dieren fuseren": places standing for organisations
    r = _RESULT.match(masked, after)
    target = slots[int(r.group(1))] if r else None
    if target is None:
        # "X is (in 2017) ontstaan uit het samengaan van A en B": X is the result
        o = _ARISEN.search(masked[:cue[0]])
        target = slots[int(o.group(1))] if o else None
    if target is not None and target.mention.type not in ORG_TYPES:
        target = None
    if target is not None and target in parties:
        # "A en B fuseren tot B": B goes on, A merges into it
        parties = [p for p in parties if p is not target]
        if not parties:
            return
    if target is None and len(parties) < 2:
        return
    later = None
    if target is None:
        later = _named_later(ctx, v, parties)
        if later is not None:
            target = later[1]
            # "A en B fuseren. Samen gaan ze verder onder de naam A": B merges into A
            parties = [p for p in parties if not _same_org(p, target)]
            if not parties:
                return
    result = target if target is not None else _new_org(ctx, v, masked, slots, parties)
    date = date_near(ctx, v.index)
    if date is None:
        for w in ctx.views[v.index + 1:v.index + 3]:
            if w.para != v.para:
                break
            if not _FUSION_WORD.search(w.text):
                continue
            date = date_near(ctx, w.index)
            if date:
                break
    mod = modality_at(masked, *cue)
    for p in parties:
        ctx.add(v, p, "mergesInto", result, rule, 0.85 if target is None else 0.9, date, mod)
    if mod != "negated":
        ctx.memory["merge_result"] = result.mention if isinstance(result, Slot) else result


#: "... onder de naam Z", "gaan verder als Z", "de nieuwe naam wordt Z" a sentence after the merger.
_NAMED_AS = re.compile(r"(?:\bonder\s+de\s+(?:nieuwe\s+)?naam|\bverder\s+als|\b(?:nieuwe\s+)?naam\s+(?:wordt|is|luidt)|"
                       r"\bheten\s+voortaan|\bheet\s+voortaan|\bkrijgt\s+de\s+naam|\bkrijgen\s+de\s+naam|"
                       r"\b(?:nieuwe\s+(?:\w+\s+)?(?:organisatie|stichting|coöperatie|vereniging)|fusieorganisatie)\s+"
                       r"(?:heet|gaat\s+heten|zal\s+heten|wordt|krijgt\s+de\s+naam))"
                       r"\s*:?\s+(?:de\s+|het\s+)?(?:[Ss]tichting\s+|[Vv]ereniging\s+|[Cc]oöperatie\s+)?⟦O(\d+)⟧")
_FUSION_WORD = re.compile(r"(?i)\b(?:fusie|fuseren|fuseert|samengaan|organisaties|nieuwe\s+organisatie|"
                          r"naam|ingangsdatum)\b")


#: A stop, "!", "?", a quote or a bracket ending a sentence: no headline
_SENTENCE_END = re.compile(r"[.!?\"')]$")
#: A capital inside a word ("MeanderGroep")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _headline(v: View) -> bool:
    """A title line: short, no final punctuation."""
    t = v.text.rstrip()
    return v.heading or (len(t) < 110 and not _SENTENCE_END.search(t))


def _place_word_of_name(ctx: Context, slot: Slot) -> bool:
    """A one-word name that elsewhere is only a word inside longer organisation names."""
    name = slot.mention.name
    if " " in name or name.isupper() or _INNER_CAPITAL.search(name):
        return False
    rx = re.compile(rf"(?<=[\s-]){re.escape(name)}\b")
    return any(s is not slot and s.mention.type in ORG_TYPES and rx.search(s.mention.name)
               for w in ctx.views for s in w.slots)


def _named_later(ctx: Context, v: View, parties: list[Slot]) -> tuple[View, Slot] | None:
    """The merged organisation named in this or the next two sentences of the paragraph."""
    for w in ctx.views[v.index:v.index + 3]:
        if w.para != v.para:
            break
        wm, ws, _ = w.masked()
        m = _NAMED_AS.search(wm)
        if m:
            t = ws[int(m.group(1))]
            if t.mention.type in ORG_TYPES:
                # one of the parties when it goes on under its own name
                same = [p for p in parties if _same_org(p, t)]
                return (w, same[0]) if same else (w, t)
    return None


def _subjects(masked: str, slots: list[Slot], end: int) -> list[Slot]:
    """The organisations of the coordination right before ``end`` ("A en B zijn ...")."""
    out: list[Slot] = []
    for it in _list_ending_at(masked, slots, masked[:end]):
        for s in it.slot.members():
            if s.mention.type in ORG_TYPES and s not in out:
                out.append(s)
    return out


#: "X ontstond (in 1989) door/na een fusie ...": the result is named before the merger noun.
_RESULT_BEFORE_FUSIE = re.compile(r"⟦[OG]\d+⟧[^⟦]{0,40}\b(?:ontstond|ontstaan|ontstaat|voortgekomen|voortkwam)\b[^⟦]{0,30}$")


_VERB = re.compile(rf"\s*{_MERGE_VERB}")
#: The merger verbs of :data:`_MERGE_VERB` alone: a sentence without one has no "A en B fuseren".
_MERGER_WORD = re.compile(r"fuse|samen(?:gaan|gegaan|smelten|gesmolten|\s+gaan)|(?:gaan|gingen)\s+samen")
#: The "op in" of :data:`_OPGAAN_TAIL` (and of three of the verbs of :data:`_OPGAAN`).
_OP_IN = re.compile(r"op(?:gegaan|gaan)?\s+in\s")


_ORG_AT_END = re.compile(r"⟦O\d+⟧\s*$")


def _list_then_verb(ctx: Context, v: View, masked: str, slots: list[Slot]) -> None:
    """"A, B en C gaan fuseren": the first list of organisations that a merger verb follows."""
    for m in _LIST_THEN_VERB.finditer(masked):
        items, end = parse_list(masked, slots, m.start(), "O", ctx, v)
        if len(items) < 2 or _ORG_AT_END.search(masked[:m.start()]):
            continue
        vm = _VERB.match(masked, end)
        if vm and "⟦" not in vm.group(0):
            _merge(ctx, v, masked, slots, items, vm.end(), "mergesInto:fuseren",
                   (m.start(), vm.end()))
            return


#: The nouns of _FUSIE_NOUN ("fusie" covers "fusieproces"); _BARE_FUSION_NOUNS are among them.
_FUSIE_NOUNS = ("fusie", "samenvoeging", "samengaan")


def merges_into(ctx: Context) -> None:
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text and not has_any(v.text, _FUSIE_NOUNS):
            continue  # no slot token and no merger noun (below): the masked view is not even made
        masked, slots, _ = v.masked()
        orgs = "⟦O" in masked  # all rules but the merger noun's and _fusion_of_parties_before read one
        nouns = has_any(masked, _FUSIE_NOUNS)  # which those two need (tested once for both)
        if not orgs and not nouns:
            continue
        # the lists are read for a merger verb; with a service token the reading may make it a unit
        if orgs and ("⟦S" in masked or _MERGER_WORD.search(masked)):
            _list_then_verb(ctx, v, masked, slots)
        for m in (_FUSIE_NOUN.finditer(masked) if nouns else ()):
            if _RESULT_BEFORE_FUSIE.search(masked[:m.start()]):
                continue  # "X ontstond door een fusie van A en B": X is the result (patterns.toml)
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            _merge(ctx, v, masked, slots, items, end, "mergesInto:fusie-van", (m.start(), end))
        if orgs:
            _org_merger_rules(ctx, v, masked, slots)
        elif nouns:
            _fusion_of_parties_before(ctx, v, masked, slots)
    _called_off(ctx)


def _org_merger_rules(ctx: Context, v: View, masked: str, slots: list[Slot]) -> None:
    """The merger rules that read an organisation token: "A is met B gefuseerd", "A fuseert met
    B", "A gaat op in Z", "... is daar ook Y in opgegaan", "A en B gaan verder als Z"."""
    fuse = "fuse" in masked  # the verb of the first two rules ("gefuseerd", "fuseert"), tested once
    for m in (_GEFUSEERD_MET.finditer(masked) if fuse and "gefuseerd" in masked else ()):
        # "In maart is A met B gefuseerd" in a text by B: A went into B, whose name stays
        a = slots[int(m.group(1) or m.group(2))]
        b = slots[int(m.group(3))]
        author = author_org(ctx)
        if author is not None and a is not b and _same_org(author, b):
            ctx.add(v, a, "mergesInto", author, "mergesInto:gefuseerd-met-schrijver", 0.8,
                    date_near(ctx, v.index), modality_at(masked, m.start(), m.end(), cue_verb=True))
    for m in (_FUSEERT_MET.finditer(masked) if fuse else ()):
        items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
        first = [Item(slots[int(m.group(1))])]
        _merge(ctx, v, masked, slots, first + items, end, "mergesInto:fuseert-met",
               (m.start(), end))
    op_in = _OP_IN.search(masked)  # the "op in" of _OPGAAN and _OPGAAN_INV's tail (searched once for both)
    for m in (_OPGAAN.finditer(masked) if op_in or has_any(masked, ("ondergebracht", "overg")) else ()):
        target = slots[int(m.group(1))]
        subjects = _subjects(masked, slots, m.start())
        for s in subjects:
            if s is target:
                continue
            ctx.add(v, s, "mergesInto", target, "mergesInto:opgaan-in", 0.85,
                    date_near(ctx, v.index), modality_at(masked, m.start(), m.end(), cue_verb=True))
    # only with the tail's "op in", or a service token (which the list reading may make a unit)
    for m in (_OPGAAN_INV.finditer(masked) if op_in or "⟦S" in masked else ()):
        items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
        t = _OPGAAN_TAIL.match(masked, end)
        if not items or not t:
            continue
        target = slots[int(t.group(1))]
        date, mod = date_near(ctx, v.index), modality_at(masked, m.start(), t.end(), cue_verb=True)
        for it in items:
            for s in it.slot.members():
                if s.mention.type in ORG_TYPES and s is not target:
                    ctx.add(v, s, "mergesInto", target, "mergesInto:opgaan-in", 0.85, date, mod)
    for m in finditer_if(_DAAR_OPGEGAAN, masked, ("daar", "hier")):
        # "X was net ontstaan uit een fusie, en per 1 januari 2018 is daar ook Y in opgegaan"
        part = slots[int(m.group(1))]
        before = [slots[int(t.group(1))] for t in ORG_RX.finditer(masked[:m.start()])]
        target = before[-1] if before else None
        if target is None:
            from kg.extract.rules import topic_org
            target = topic_org(ctx, v)
        if target is None or target is part:
            continue
        for s in part.members():
            if s.mention.type in ORG_TYPES:
                ctx.add(v, s, "mergesInto", target, "mergesInto:daar-in-opgegaan", 0.8,
                        date_near(ctx, v.index), modality_at(masked, m.start(), m.end(), cue_verb=True))
    for m in (_VERDER_ALS.finditer(masked) if "verder" in masked else ()):
        subjects = _subjects(masked, slots, m.start())
        target = slots[int(m.group(1))]
        for s in subjects:
            if s is not target:
                mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
                ctx.add(v, s, "mergesInto", target, "mergesInto:verder-als", 0.85,
                        date_near(ctx, v.index), mod)
                if mod != "negated":
                    ctx.memory["merge_result"] = target.mention


#: "... stemden in met de juridische fusie": a merger named without its parties.
_BARE_FUSION = re.compile(r"\b(?:de|een|deze)\s+(?:bestuurlijke\s+|juridische\s+)?(?:fusie|samenvoeging)\b"
                          r"(?!\s+(?:tussen|van|met)\b)")


#: The nouns of _BARE_FUSION (as written there, in lower case): a sentence without one is not searched.
_BARE_FUSION_NOUNS = ("fusie", "samenvoeging")


def _fusion_of_parties_before(ctx: Context, v: View, masked: str, slots: list[Slot]) -> None:
    """"A, B en C gaan samenwerken. ... stemden in met de juridische fusie. De nieuwe stichting
    heet X.": a merger whose parties the sentence before lists and whose result is named in the
    sentences after; each party merges into the named one."""
    if "⟦O" in masked or not has_any(masked, _BARE_FUSION_NOUNS) or not _BARE_FUSION.search(masked):
        return
    prev = ctx.previous(v, 1, same_para=True)
    if not prev:
        return
    pm, pslots, _ = prev[0].masked()
    parties: list[Slot] = []
    for m in _LIST_THEN_VERB.finditer(pm):
        items, _ = parse_list(pm, pslots, m.start(), "O", ctx, prev[0])
        found = [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES]
        if len(found) >= 2:
            parties = found
            break
    if not parties:
        return
    later = _named_later(ctx, v, parties)
    if later is None:
        return
    target = later[1]
    parties = [p for p in parties if not _same_org(p, target)]
    mod = modality_at(masked, 0, len(masked))
    for p in parties:
        ctx.add(v, p, "mergesInto", target, "mergesInto:fusie-partijen-ervoor", 0.8,
                date_near(ctx, v.index), mod)


def _names_merger(text: str) -> bool:
    """False when ``text`` surely has none of the words "fusie" and "samengaan" that every match of
    _CALLED_OFF has, in any case (see :func:`kg.extract.rules.holds_any_case`)."""
    return holds_any_case(text, ("fusie", "samengaan"))


def _called_off(ctx: Context) -> None:
    """"De fusie gaat niet door": the mergers read just before are denied, not intended."""
    cands = ctx.extraction.candidates
    if not any(c.relation == "mergesInto" for c in cands):
        return  # no merger to call off
    index = {id(w.sentence): w.index for w in ctx.views}
    for v in ctx.views:
        if not _names_merger(v.text) or not _CALLED_OFF.search(v.text):
            continue
        named = {s.mention.name for s in v.slots if s.mention.type in ORG_TYPES}
        lo = v.index - 6
        for i, c in enumerate(cands):
            if c.relation != "mergesInto" or c.modality == "negated":
                continue
            idx = index.get(id(c.sentence))
            if idx is None or not (lo <= idx <= v.index):
                continue
            if named and c.subject.name not in named and c.object.name not in named:
                continue
            cands[i] = replace(c, modality="negated")


#: "X is (per 1 januari 2016) ontstaan doordat/toen A en B de krachten bundelden / opgingen in één
#: organisatie / fuseerden": A and B merged into X.
_ARISEN_WHEN = re.compile(r"⟦O(\d+)⟧\s+(?:is|was)\s+(?:[^\s⟦]+\s+){0,6}?ontstaan\s+(?:doordat|toen|nadat|omdat)\s+")
_MERGE_CLAUSE = re.compile(r"\s+(?:[^\s⟦.;]+\s+){0,4}?(?:(?:de|hun)\s+krachten\s+(?:bundelden|bundelen|hebben\s+gebundeld)|"
                           r"(?:op|opgingen|opgegaan|samengingen|samengegaan|fuseerden|gefuseerd|samensmolten)\b)")
#: "A en B vormen (per 1-1-2019) samen Z", "Per 1-1-2019 vormen de twee stichtingen samen Z".
_FORM_TOGETHER = re.compile(r"\b(?:vormen|vormden|gaan\s+vormen)\s+(?:[^\s⟦]+\s+){0,4}?samen\s+(?:de\s+|het\s+)?(?:nieuwe\s+)?"
                            r"(?:[a-zë]+\s+)?⟦([OP])(\d+)⟧")
_FORM_INV = re.compile(r"\b(?:vormen|vormden)\s+(?=(?:de\s+|het\s+)?⟦O)")
_FORM_INV_TAIL = re.compile(r"\s+samen\s+(?:de\s+|het\s+)?(?:nieuwe\s+)?(?:[a-zë]+\s+)?⟦([OP])(\d+)⟧")
_ARISEN_FROM = re.compile(r"⟦O(\d+)⟧\s+(?:is|was)\s+(?:[^\s⟦]+\s+){0,5}?(?:voortgekomen|ontstaan)\s+uit\s+"
                          r"(?=(?:de\s+|het\s+)?(?:[A-Za-zë]+\s+)?⟦O)")
_JOIN_FORCES = re.compile(r"\s+(?:bundelen|bundelden|hebben)\s+(?:[^\s⟦]+\s+){0,3}?(?:hun|de)\s+krachten\s+"
                          r"(?:gebundeld\s+)?in\s+(?:de\s+|het\s+)?(?:nieuwe\s+)?(?:[a-zë]+\s+)?⟦([OP])(\d+)⟧")
#: "A (en B) gaat/gaan op in de nieuwe organisatie/stichting": the organisation a merger or a
#: founding just made.
_INTO_NEW = re.compile(r"\b(?:op\s+in|opgaan\s+in|opgegaan\s+in)\s+de\s+nieuwe\s+(?:[a-zë]+\s+)?"
                       r"(?:organisatie|stichting|coöperatie|vereniging)\b")
_SUBJECT_GOES = re.compile(r"(?:^|[.;:]\s*)(?:[A-Z][a-z]+\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧(?:\s*,\s*(?:dat|die)\s+[^⟦]*?(?:⟦[OM]\d+⟧[^⟦]*?)?,)?"
                           r"\s+(?:gaat|gaan|ging|gingen|zal|zullen|is|zijn)\s+(?:[^\s⟦]+\s+){0,4}?$")
_INV_GOES = re.compile(r"\b(?:gaat|gaan|ging|gingen|zal|zullen)\s+(?:[^\s⟦]+\s+){0,3}?(?=(?:de\s+|het\s+)?⟦O)")


#: What ends the list of parties: a separator or the end of the sentence
_SEPARATOR_OR_END = re.compile(r"\s*(?:[.;,]|$)")
#: "zij ", "ze " right before the verb: a pronoun subject
_PRONOUN_AT_END = re.compile(r"\b(?:zij|ze)\s+$")
_ONLY_SPACE = re.compile(r"\s*")


#: The words passed to finditer_if by the rules of :func:`together`, all together.
_TOGETHER_CUES = ("ontstaan", "voortgekomen", "krachten", "vorm", "nieuwe")


def together(ctx: Context) -> None:
    """Mergers said with "ontstaan doordat ... de krachten bundelden", "vormen samen Z", and
    "gaan op in de nieuwe stichting"."""
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no slot token (the masked view is not made)
        if not has_any(v.text, _TOGETHER_CUES):
            continue  # none of the words of the rules below (each runs only with one of its own)
        masked, slots, _ = v.masked()
        if "⟦O" not in masked:
            continue  # each rule reads an organisation token of the sentence
        for m in (_ARISEN_WHEN.finditer(masked) if "ontstaan" in masked else ()):
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            if len(items) >= 2 and _MERGE_CLAUSE.match(masked, end):
                target = slots[int(m.group(1))]
                for it in items:
                    for s in it.slot.members():
                        if s.mention.type in ORG_TYPES and s is not target:
                            ctx.add(v, s, "mergesInto", target, "mergesInto:ontstaan-doordat", 0.85,
                                    date_near(ctx, v.index), modality_at(masked, m.start(), end, cue_verb=True))
        for m in finditer_if(_ARISEN_FROM, masked, ("voortgekomen", "ontstaan")):
            # "X is (in 2015) voortgekomen uit A en B": two or more parties merged into X
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            parties = [x for it in items for x in it.slot.members() if x.mention.type in ORG_TYPES]
            target = slots[int(m.group(1))]
            if len(parties) >= 2 and _SEPARATOR_OR_END.match(masked[end:]) and target not in parties:
                for x in parties:
                    ctx.add(v, x, "mergesInto", target, "mergesInto:voortgekomen-uit", 0.8,
                            date_near(ctx, v.index), modality_at(masked, m.start(), end, cue_verb=True))
        found: list[tuple[list[Slot], Slot, int, int]] = []
        for m in (_JOIN_FORCES.finditer(masked) if "krachten" in masked else ()):
            # "A en B bundelen hun krachten in Netwerk X" (members) / "... in Stichting Y" (a merger)
            subjects = _subjects(masked, slots, m.start())
            found.append((subjects, slots[int(m.group(2))], m.start(), m.end()))
        for m in (_FORM_TOGETHER.finditer(masked) if "vorm" in masked else ()):
            subjects = _subjects(masked, slots, m.start())
            if not subjects and _PRONOUN_AT_END.search(masked[:m.start()]):
                continue
            found.append((subjects, slots[int(m.group(2))], m.start(), m.end()))
        for m in (_FORM_INV.finditer(masked) if "vorm" in masked else ()):
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            t = _FORM_INV_TAIL.match(masked, end)
            if items and t:
                subs = [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES]
                found.append((subs, slots[int(t.group(2))], m.start(), t.end()))
        for subjects, target, a, b in found:
            if len(subjects) < 2 or target in subjects:
                continue
            # a new organisation is a merger; a team, network or coöperatie they form has them as members
            merger = target.mention.type == "Organisation"
            date, mod = date_near(ctx, v.index) if merger else None, modality_at(masked, a, b, cue_verb=True)
            for s in subjects:
                ctx.add(v, s, "mergesInto" if merger else "memberOf", target,
                        "mergesInto:vormen-samen" if merger else "memberOf:vormen-samen", 0.8, date, mod)
        for m in (_INTO_NEW.finditer(masked) if "nieuwe" in masked else ()):
            result = _new_result(ctx, v)
            if result is None:
                continue
            subjects: list[Slot] = []
            g = _SUBJECT_GOES.search(masked[:m.start()])
            if g:
                subjects = [slots[int(g.group(1))]]
            else:
                for i in _INV_GOES.finditer(masked[:m.start()]):
                    items, end = parse_list(masked, slots, i.end(), "O", ctx, v)
                    if items and _ONLY_SPACE.fullmatch(masked[end:m.start()]):
                        subjects = [it.slot for it in items]
            for subj in subjects:
                for s in subj.members():
                    if s.mention.type in ORG_TYPES and s.mention.name != result.name:
                        ctx.add(v, s, "mergesInto", result, "mergesInto:op-in-de-nieuwe", 0.8,
                                date_near(ctx, v.index), modality_at(masked, m.start(), m.end(), cue_verb=True))


def _new_result(ctx: Context, v: View):
    """The organisation "de nieuwe organisatie" is: a merger's result read before, or the
    organisation whose founding was read in the sentences before."""
    result = ctx.memory.get("merge_result")
    if result is not None:
        return result
    index = {id(w.sentence): w.index for w in ctx.views}
    founded = [c for c in ctx.extraction.candidates if c.relation == "foundedBy"
               and v.index - 5 <= index.get(id(c.sentence), -1) < v.index]
    subjects = {c.subject.name for c in founded}
    if founded:
        return founded[-1].subject if len(subjects) == 1 else None
    for w in ctx.previous(v, 3):
        wm, ws, _ = w.masked()
        hits = {int(m.group(1)) for rx in (_FOUNDED_ACTIVE, _FOUNDED_BY) for m in rx.finditer(wm)}
        if len(hits) == 1:
            return ws[hits.pop()].mention  # "Drie gemeenten hebben X opgericht."
    return None


def run(ctx: Context) -> None:
    """Component: foundedBy and mergesInto candidates."""
    merges_into(ctx)
    founded_by(ctx)
    together(ctx)
