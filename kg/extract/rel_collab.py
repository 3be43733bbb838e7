"""partnerOf and leadsPilot: working together, and leading a pilot or team.

partnerOf (said explicitly), in Dutch:

* "X ... samen met / in samenwerking met / i.s.m. / met partner A en B": X with A and with B
  (not A with B); without an organisation before the cue in the sentence ("(i.s.m. A en B)"),
  X is the organisation the text was just about;
* "er wordt samengewerkt door A, B en C", "A, B en C werken (al jaren) samen",
  "de samenwerking tussen A en B": every pair;
* "X werkt samen met A en B": X with each.

leadsPilot, in Dutch:

* "X is trekker/penvoerder/kartrekker/aanjager/coördinator van (een/de) pilot|wijkteam";
* "de pilot/het wijkteam wordt geleid/getrokken/(begeleid en) gecoördineerd door X";
* "X leidt/trekt/coördineert de pilot", "X heeft (als pilot) ... een wijkteam opgericht/opgezet/
  gestart" (also foundedBy, less sure), "X is gestart met een pilot".
"""

from __future__ import annotations

import re
from itertools import combinations

from kg.extract.context import Context, View
from kg.extract.rules import (ORG_TYPES, finditer_if, fronted_with, has_any, holds_any_case, list_before, modality_at,
                              org_slots, parse_list, topic_org)

_WITH = re.compile(r"\b(?:[Ss]amen\s+met|[Tt]ezamen\s+met|[Ii]n\s+samenwerking\s+met|i\.\s?s\.\s?m\.?|ism|"
                   r"met\s+(?:partners?|samenwerkingspartners?)|samenwerkingsverband(?:en)?\s+met"
                   r"(?:\s+onder\s+(?:meer|andere))?)\s+")
_PASSIVE_ALL = re.compile(r"\b(?:wordt|werd|is)\s+(?:\w+\s+){0,3}?samengewerkt\s+(?:\w+\s+){0,2}?door\s+")
_BETWEEN = re.compile(r"\bsamenwerking\s+(?:\w+\s+){0,2}?tussen\s+")
_WORK_TOGETHER = re.compile(r"\s+(?:werken|werkten|gaan|zullen)\s+(?:\w+\s+){0,3}?samen\b(?!\s+met)")
_WORKS_WITH = re.compile(r"⟦[OP](\d+)⟧\s+(?:werkt|werkte|gaat|wil|zal)\s+(?:\w+\s+){0,3}?samen(?:werken)?\s+"
                         r"(?:\w+\s+){0,2}?met\s+|"
                         r"\b(?:werkt|werkte|werken|werkten)\s+(?:de\s+|het\s+)?⟦[OP](\d+)⟧\s+(?:\w+\s+){0,3}?"
                         r"samen\s+(?:\w+\s+){0,2}?met\s+|"
                         # "X is gevestigd in Y en werkt samen met": a second verb phrase of X
                         r"^(?:[A-Z][a-z]+\s+)?(?:de\s+|het\s+)?⟦[OP](\d+)⟧\s+(?:is|heeft|biedt)\s+[^⟦.;]{0,50}?"
                         r"(?:⟦[MNVS]\d+⟧[^⟦.;]{0,30}?)?\s+en\s+(?:werkt|werkte)\s+(?:\w+\s+){0,3}?samen\s+met\s+")
#: The cue "samen met" of a "X werkt samen met" / "werkt X samen met" clause (read by _WORKS_WITH).
_WORKS_BEFORE = re.compile(r"(?:⟦[OP]\d+⟧\s+(?:werkt|werkte|gaat|wil|zal)|\b(?:werkt|werkte|werken|werkten)\s+"
                           r"(?:de\s+|het\s+)?⟦[OP]\d+⟧)\s+(?:\w+\s+){0,3}?$")

_LEADER = (r"(?:trekker|kartrekker|penvoerder|aanjager|coördinator|coordinator|leider|"
           r"initiatiefnemer|opdrachtnemer|regisseur)")
_IS_LEADER = re.compile(rf"⟦O(\d+)⟧\s+(?:is|was|wordt|werd|blijft)\s+(?:\w+\s+){{0,2}}?{_LEADER}\s+"
                        rf"(?:van\s+)?(?:de\s+|het\s+|een\s+|deze\s+)?(?:\w+\s+)?⟦P(\d+)⟧")
_IS_LEADER_INV = re.compile(rf"\b(?:is|was|wordt|werd)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s+(?:\w+\s+){{0,2}}?"
                            rf"{_LEADER}\s+(?:van\s+)?(?:de\s+|het\s+|een\s+|deze\s+)?(?:\w+\s+)?⟦P(\d+)⟧")
_LEADER_IS = re.compile(rf"(?i:{_LEADER})\s+(?:van\s+)?(?:de\s+|het\s+|een\s+)?⟦P(\d+)⟧\s+(?:is|was|wordt)\s+"
                        rf"(?:de\s+|het\s+)?⟦O(\d+)⟧")
_LED_BY = re.compile(r"⟦P(\d+)⟧[^⟦]{0,80}?\b(?:wordt|werd|is)\s+(?:\w+\s+en\s+)?(?:\w+\s+){0,2}?"
                     r"(?:geleid|getrokken|gecoördineerd|gecoordineerd|aangestuurd|opgezet|"
                     r"uitgevoerd)\s+door\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")
_LEADS = re.compile(r"⟦O(\d+)⟧(?:\s+⟦M\d+⟧)?\s+(?:leidt|trekt|coördineert|coordineert|stuurt)\s+(?:\w+\s+){0,2}?"
                    r"(?:de\s+|het\s+|een\s+)?⟦P(\d+)⟧")
_SET_UP = re.compile(r"⟦O(\d+)⟧\s+[^⟦]{0,60}?(?:⟦[MNV]\d+⟧[^⟦]{0,20}?)?(?:een\s+|de\s+|het\s+)?⟦P(\d+)⟧\s+"
                     r"(?:\w+\s+){0,2}?(?P<verb>opgericht|opgezet|gestart|opgestart|ingericht)\b")
_SET_UP_INV = re.compile(r"\b(?:heeft|hebben|had)\s+⟦O(\d+)⟧\s+[^⟦]{0,60}?(?:⟦[MNV]\d+⟧[^⟦]{0,20}?)?"
                         r"(?:een\s+|de\s+|het\s+)?⟦P(\d+)⟧\s+(?:\w+\s+){0,2}?"
                         r"(?P<verb>opgericht|opgezet|gestart|opgestart|ingericht)\b")
#: "X is de penvoerder.", "X treedt op als trekker": the team just named.
_BARE_LEADER = re.compile(rf"⟦O(\d+)⟧\s+(?:is|was|wordt|werd|blijft|treedt\s+op\s+als|trad\s+op\s+als|"
                          rf"fungeert\s+als|fungeerde\s+als)\s+(?:\w+\s+)?(?:de\s+|het\s+)?"
                          rf"(?:\w+\s+)?{_LEADER}\b(?!\s+(?:van|voor|bij|in)\b)")
_BARE_LEADER_INV = re.compile(rf"(?:^|[.:;]\s*)(?:[Dd]e\s+)?(?i:{_LEADER})\s+(?:daarvan\s+|hiervan\s+)?"
                              rf"(?:is|was|wordt|werd)\s+"
                              rf"(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "In de wijk Y is dat (bijvoorbeeld) X": X leads the same kind of team in wijk Y.
_THAT_IS = re.compile(r"\b[Ii]n\s+(?:de\s+)?(?:(?:wijk|buurt|kern|dorp|stadsdeel)\s+⟦N(\d+)⟧\s+(?:is|was)\s+"
                      r"(?:dat|die|deze|het)\s+(?:\w+\s+)?|(?:(?:wijk|buurt|kern|dorp|stadsdeel)\s+)?⟦N(\d+)⟧\s+"
                      r"(?:ligt|lag)\s+de\s+(?:trekkersrol|penvoering|regie|coördinatie)\s+bij\s+)"
                      r"(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "Daar ligt het trekkerschap bij X", "Het penvoerderschap ligt bij X": the team just named.
_LIES_WITH = re.compile(r"(?i:\b(?:het\s+)?(?:trekkerschap|penvoerderschap|kartrekkerschap)\s+(?:\w+\s+){0,2}?"
                        r"(?:ligt|lag)\s+(?:\w+\s+)?bij|\b(?:ligt|lag)\s+(?:\w+\s+)?het\s+(?:trekkerschap|"
                        r"penvoerderschap|kartrekkerschap)\s+(?:\w+\s+)?bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "X is penvoerder van de wijkteams in A, B en C": one team per wijk.
_LEADS_TEAMS_IN = re.compile(rf"⟦O(\d+)⟧(?:\s+⟦M\d+⟧)?\s+(?:is|was|wordt|blijft)\s+(?:\w+\s+)?{_LEADER}\s+van\s+de\s+"
                             r"(?:sociale\s+)?(?P<noun>wijkteams|buurtteams|gebiedsteams|dorpsteams)\s+in\s+")
#: "Sociaal wijkteam X – penvoerder: A (met B, C en D)"
_LEADER_COLON = re.compile(rf"⟦P(\d+)⟧[^⟦]{{0,20}}?\b{_LEADER}\s*:\s*(?:de\s+|het\s+)?⟦O(\d+)⟧")
_WITH_PAREN = re.compile(r"\s*[(,]\s*(?:met|samen\s+met|en\s+verder|verder)\s+")
_STARTED = re.compile(r"⟦O(\d+)⟧\s+(?:is|zijn)\s+(?:\w+\s+){0,2}?gestart\s+met\s+(?:een\s+|de\s+)?⟦P(\d+)⟧")


_TEAM_NOUN = r"(?:team|pilot|project|wijkteam|buurtteam|gebiedsteam|dorpsteam|proeftuin)"
#: "Het team wordt getrokken door (welzijnsorganisatie) X": the team just named.
_TEAM_LED_BY = re.compile(rf"\b(?:[Hh]et|[Dd]e|[Dd]it|[Dd]eze)\s+(?:{_TEAM_NOUN}|⟦P(?P<p>\d+)⟧)\s+(?:wordt|werd)\s+(?:\w+\s+){{0,2}}?"
                          rf"(?:geleid|getrokken|gecoördineerd|gecoordineerd|aangestuurd)\s+door\s+"
                          rf"(?:de\s+|het\s+)?(?:[a-zë-]+\s+)?⟦O(?P<o>\d+)⟧")
#: "Wijkteam X: coördinerende partij is (welzijnsorganisatie) Y"
_COORD_PARTY = re.compile(r"⟦P(\d+)⟧\s*:\s*(?:de\s+)?(?:coördinerende|coordinerende|trekkende|leidende)\s+"
                          r"(?:partij|organisatie)\s+(?:is|wordt|was)\s+(?:de\s+|het\s+)?(?:[a-zë-]+\s+)?⟦O(\d+)⟧")
#: "In Y start X als trekker de pilot Z"
_AS_LEADER = re.compile(rf"⟦O(\d+)⟧\s+als\s+{_LEADER}\s+(?:\w+\s+){{0,2}}?(?:de\s+|het\s+|een\s+)?⟦P(\d+)⟧")
#: "sinds maart trekt X (samen met de gemeente Y) deze pilot": the team just named.
_LEADS_INV = re.compile(rf"\b(?:leidt|trekt|coördineert|coordineert)\s+(?:de\s+|het\s+)?⟦O(?P<o>\d+)⟧"
                        rf"(?:\s+samen\s+met\s+(?:de\s+gemeente\s+|het\s+|de\s+)?⟦([OM])(\d+)⟧)?\s+"
                        rf"(?:de|het|deze|dit)\s+(?:{_TEAM_NOUN}\b|⟦P(?P<p>\d+)⟧)")
#: "(Verder) maken medewerkers van A, B en C deel uit van het team": the team just named.
_STAFF_PART_OF = re.compile(r"\b(?:maken|maakt)\s+(?:\w+\s+){0,2}?(?:medewerkers|professionals|vertegenwoordigers|"
                            r"consulenten)\s+van\s+")
_STAFF_TAIL = re.compile(rf"\s+(?:\w+\s+)?deel\s+uit\s+van\s+(?:het|de|dit|deze)\s+(?:{_TEAM_NOUN}\b|⟦P(?P<p>\d+)⟧)")

#: "X deelt het pand met Y, met wie het samenwerkt bij ...": the relative clause pairs Y with the subject.
_WITH_WHOM = re.compile(r"⟦O(\d+)⟧\s*,\s*(?:met\s+wie|waarmee)\s+(?:[^\s⟦,.;]+\s+){0,4}?"
                        r"(?:samenwerkt|samenwerken|samenwerkte|samenwerkten|samen\s+werkt|samen\s+werken)\b")

_SAMEN_IN = re.compile(r"\s*,?\s*(?:(?:onder\s+meer|o\.a\.|onder\s+andere|al\s+jaren|nauw)\s+)?in\s+(?:het\s+|de\s+)?"
                       r"⟦[OP](\d+)⟧")
_NETWORK = re.compile(r"(?i)netwerk|platform|alliantie|samenwerkingsverband|coöperatie|consortium|collectief")
#: "het sociaal team Y, waarvan X penvoerder is"
_WHEREOF_LEADER = re.compile(rf"⟦P(\d+)⟧\s*,\s*waar(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s+(?:\w+\s+)?"
                             rf"{_LEADER}\s+(?:is|was|wordt)\b")


_BUT_WORKS_THERE = re.compile(r"⟦O(\d+)⟧[^⟦.;]{0,60}?\b(?:van|met|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s*,?\s*"
                              r"maar\s+(?:werkt|werken)\s+(?:daar|er|hier)\s+(?:\w+\s+){0,2}?mee\s+samen\b")

#: What every partnerOf cue of :func:`partners` holds: "(Ss)amen", "(Tt)ezamen", "samenwerking",
#: "samengewerkt", "i.s.m.", "ism", "met partners".
_PARTNER_CUE = re.compile(r"amen|ism|i\.\s?s\.|partner")
#: Words of which every match of _WITH ("samen met", "i.s.m.", "ism", "met partners") and of
#: _WORK_TOGETHER (its verbs) holds one; the other rules of :func:`partners` give theirs inline.
_WITH_CUES = ("met", "ism", "i.")
_WORK_TOGETHER_CUES = ("werken", "werkten", "gaan", "zullen")


#: "Stichting X werkt ..." before "met wie": the subject organisation opening the sentence
_OPENING_SUBJECT = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧\s+[a-zë]")
#: "en met", ", maar ook met": a second "met" that repeats the cue
_AND_WITH = re.compile(r"\s*,?\s*(?:en|alsook|maar\s+ook)\s+(?:ook\s+)?met\s+")


#: " en hebben onze medewerkers ...": a coordinated main clause, its finite verb first, opens here.
_NEXT_CLAUSE = re.compile(r"\s(?:en|maar|want)\s+(?:heeft|hebben|had|hadden|is|zijn|was|waren|wordt|worden|werd|"
                          r"werden|gaat|gaan|ging|gingen|zal|zullen|kan|kunnen|wil|willen)\s")


def _clause_start(masked: str, at: int) -> int:
    """Where the main clause holding offset ``at`` opens: after the last " en hebben/is/zal ..."
    before it ("A is opgezet en hebben onze X in samenwerking met B ..."), else 0."""
    start = 0
    if " en " in masked or " maar " in masked or " want " in masked:
        for m in _NEXT_CLAUSE.finditer(masked, 0, at):
            start = m.end()
    return start


def partners(ctx: Context, v: View) -> None:
    if not _PARTNER_CUE.search(v.text):
        return  # none of the cues below: "samen", "ism", "i.s.", "partner" (in the text if in the masked view)
    masked, slots, _ = v.masked()
    for m in finditer_if(_WITH, masked, _WITH_CUES):
        if masked[m.start():m.start() + 5].casefold() == "samen" and _WORKS_BEFORE.search(masked[:m.start()]):
            continue
        mod = modality_at(masked, m.start(), m.end())
        items, _ = parse_list(masked, slots, m.end(), "OP", ctx, v)
        others = [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES + ("Pilot",)]
        if not others:
            continue
        clause = _clause_start(masked, m.start())
        before = [s for s in org_slots(v) if clause <= masked.find(f"⟦O{slots.index(s)}⟧") < m.start()
                  and s not in others]
        rule = "partnerOf:samen-met"
        front = fronted_with(masked, slots, m.start())
        if front is not None and front[0] not in others:
            for s in front[0].members():
                for o in others:
                    ctx.add(v, s, "partnerOf", o, "partnerOf:samen-met-vooraan", 0.85, modality=mod)
            continue
        if before:
            subj = before[0].members()
        else:
            # the organisation the sentences before were about; in a text an organisation writes
            # of itself ("we", "wij"), that organisation ("samen met A zijn initiatieven ontstaan")
            topic = topic_org(ctx, v) or ctx.memory.get("first_person_author")
            subj = [topic] if topic is not None and topic not in others else []
            rule = "partnerOf:samen-met-topic"
        for s in subj:
            for o in others:
                ctx.add(v, s, "partnerOf", o, rule, 0.85 if before else 0.7, modality=mod)
    if "samen" not in masked:
        return  # every rule below reads "samen" ("samengewerkt", "samenwerking", "werken samen")
    groups = []
    for m in [*(_PASSIVE_ALL.finditer(masked) if "samengewerkt" in masked else ()),
              *(_BETWEEN.finditer(masked) if "tussen" in masked else ())]:
        items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
        groups.append(("partnerOf:samengewerkt-door", items, _ended_or(masked, m.start(), end)))
    for m in finditer_if(_WORK_TOGETHER, masked, _WORK_TOGETHER_CUES):
        items = list_before(masked, slots, m.start(), "O")
        mod = modality_at(masked, m.start(), m.end())
        groups.append(("partnerOf:werken-samen", items, mod))
        within = _SAMEN_IN.match(masked, m.end())
        if within:
            # "A en B werken (al jaren) samen in het Netwerk X / onder meer in het sociaal team Y"
            whole = slots[int(within.group(1))]
            for w in whole.members():
                if w.mention.type == "Pilot" or (w.mention.type in ORG_TYPES and _NETWORK.search(
                        w.mention.name) or w.mention.type in ("Partnership", "Cooperative")):
                    for it in items:
                        for s in it.slot.members():
                            if s.mention.type in ORG_TYPES and s is not w:
                                ctx.add(v, s, "memberOf", w, "memberOf:samen-in", 0.75, modality=mod)
    for rule, items, mod in groups:
        members = [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES]
        for a, b in combinations(members, 2):
            ctx.add(v, a, "partnerOf", b, rule, 0.8, modality=mod)
    for m in (_BUT_WORKS_THERE.finditer(masked) if "maar" in masked else ()):
        # "X is geen onderdeel/lid van Y, maar werkt daar wel mee samen"
        for s in slots[int(m.group(1))].members():
            for o in slots[int(m.group(2))].members():
                if s.mention.type in ORG_TYPES and o.mention.type in ORG_TYPES:
                    ctx.add(v, s, "partnerOf", o, "partnerOf:werkt-daar-mee-samen", 0.8)
    for m in finditer_if(_WITH_WHOM, masked, ("wie", "waarmee")):
        head = masked[:m.start()]
        subj = _OPENING_SUBJECT.match(head)
        if subj:
            for a in slots[int(subj.group(1))].members():
                for b in slots[int(m.group(1))].members():
                    if a is not b and a.mention.type in ORG_TYPES and b.mention.type in ORG_TYPES:
                        ctx.add(v, a, "partnerOf", b, "partnerOf:met-wie-samenwerkt", 0.75)
    for m in (_WORKS_WITH.finditer(masked) if "met" in masked else ()):  # "samen ... met"
        items, end = parse_list(masked, slots, m.end(), "OPM", ctx, v)
        # "werkt samen met A en met B": a second "met" repeats the cue
        while items:
            more = _AND_WITH.match(masked[end:])
            if not more:
                break
            extra, end = parse_list(masked, slots, end + more.end(), "OPM", ctx, v)
            if not extra:
                break
            items = items + extra
        mod = modality_at(masked, m.start(), m.end())
        for s in slots[int(m.group(1) or m.group(2) or m.group(3))].members():
            for it in items:
                for o in it.slot.members():
                    if _partner_kind(masked, slots, o):
                        ctx.add(v, s, "partnerOf", o, "partnerOf:werkt-samen-met", 0.85, modality=mod)


_GEMEENTE_AT_END = re.compile(r"\bgemeente\s+$")


def _partner_kind(masked: str, slots, o) -> bool:
    """An organisation, a team, or a municipality written as "de gemeente X" can be a partner."""
    if o.mention.type in ORG_TYPES or o.mention.type == "Pilot":
        return True
    if o.mention.type == "Municipality" and o in slots:
        return _GEMEENTE_AT_END.search(masked[:masked.find(f"⟦M{slots.index(o)}⟧")]) is not None
    return False


_ENDED = re.compile(r"(?i)\b(?:is|zijn|wordt|werd|was)\s+(?:\w+\s+){0,3}?(?:beëindigd|opgezegd|ontbonden|"
                    r"verbroken|gestopt|stopgezet|afgelopen)\b|\b(?:stopt|stoppen|eindigt|eindigde)\b")


def _ended_or(masked: str, start: int, end: int) -> str:
    """"De samenwerking tussen A en B ... is beëindigd": the partnership no longer holds."""
    if _ENDED.search(masked, end, min(len(masked), end + 120)):
        return "negated"
    return modality_at(masked, start, end)


#: Most leadsPilot rules cannot match without a team or pilot (⟦P..⟧), one without a wijk (⟦N..⟧):
#: :func:`pilots` tests for the token once and does not run them on a sentence without one.
#: Words of which every match of _BARE_LEADER holds one (the regex reads them in this case only;
#: _BARE_LEADER_INV in any case, see :func:`kg.extract.rules.holds_any_case`).
_LEADER_WORDS = ("trekker", "penvoerder", "aanjager", "coördinator", "coordinator", "leider", "initiatiefnemer",
                 "opdrachtnemer", "regisseur")  # "trekker" covers "kartrekker"
_TEAMS_IN_CUES = ("teams",)
_LED_BY_CUES = ("door",)
_LEADS_INV_CUES = ("leidt", "trekt", "rdineert")


#: "In de overige vijf wijken ligt het penvoerderschap bij X": several wijken, no one team
#: (as written, the alternatives are not grouped: "zes" and "overige" anywhere).
_SEVERAL_WIJKEN = re.compile(r"(?i)\bvijf|zes|overige|andere\s+wijken\b")
#: A wijk, organisation or municipality token of "teams in A, B en C"
_TEAMS_IN_PLACE = re.compile(r"(?:de\s+|het\s+)?⟦([NOM])(\d+)⟧")
#: ", ", ", en ", " en " between the places of "teams in A, B en C"
_TEAMS_IN_SEPARATOR = re.compile(r"\s*(?:,\s*(?:en\s+)?|\s+en\s+)")
_DAARVAN = re.compile(r"\b(?:daarvan|hiervan)\b")


def _lead(ctx: Context, v: View, slots, o_idx: int, p_idx: int, rule: str, conf: float) -> None:
    """The organisations of slot ``o_idx`` lead the teams of slot ``p_idx``."""
    for o in slots[o_idx].members():
        for p in slots[p_idx].members():
            if o.mention.type in ORG_TYPES and p.mention.type == "Pilot":
                ctx.add(v, o, "leadsPilot", p, rule, conf)


#: The nouns of _LIES_WITH, in lower case ("trekkerschap" covers "kartrekkerschap").
_LIES_WITH_WORDS = ("trekkerschap", "penvoerderschap")


#: The rules that read an organisation leading a team or pilot: (regex, the group of the
#: organisation's slot, the group of the team's, rule, confidence), tried in this order.
_LEAD_RULES = (
    (_IS_LEADER, 1, 2, "leadsPilot:trekker-van", 0.9),
    (_IS_LEADER_INV, 1, 2, "leadsPilot:trekker-van", 0.9),
    (_LEADER_IS, 2, 1, "leadsPilot:trekker-is", 0.85),
    (_LED_BY, 2, 1, "leadsPilot:geleid-door", 0.85),
    (_LEADS, 1, 2, "leadsPilot:leidt", 0.85),
    (_STARTED, 1, 2, "leadsPilot:gestart-met", 0.75),
)


def pilots(ctx: Context, v: View) -> None:
    if not v.slots and "⟦" not in v.text and not has_any(v.text, _STAFF_VERBS):
        return  # no slot token, and not the verb of the staff rule (the masked view is not made)
    masked, slots, _ = v.masked()
    if "⟦O" not in masked:  # every rule but the staff one needs an organisation (⟦O..⟧)
        _staff_part_of(ctx, v, masked, slots)
        return

    # most rules read a team or pilot token (⟦P..⟧), which few sentences have: tested once here
    names_team = "⟦P" in masked
    for rx, org, team, rule, confidence in (_LEAD_RULES if names_team else ()):
        for m in rx.finditer(masked):
            _lead(ctx, v, slots, int(m.group(org)), int(m.group(team)), rule, confidence)
    for m in (_LEADER_COLON.finditer(masked) if names_team else ()):
        _lead(ctx, v, slots, int(m.group(2)), int(m.group(1)), "leadsPilot:penvoerder-dubbelepunt", 0.8)
        w = _WITH_PAREN.match(masked, m.end())
        if w:
            items, _ = parse_list(masked, slots, w.end(), "O")
            for it in items:
                for o in it.slot.members():
                    for p in slots[int(m.group(1))].members():
                        if o.mention.type in ORG_TYPES:
                            ctx.add(v, o, "memberOf", p, "memberOf:team-met", 0.75)
    for m in _LIES_WITH.finditer(masked) if holds_any_case(v.text, _LIES_WITH_WORDS) else ():
        if _SEVERAL_WIJKEN.search(masked[:m.start()]):
            continue  # "In de overige vijf wijken ligt het penvoerderschap bij X": no one team
        team = _recent_team(ctx, v, masked, m.start())
        if team is not None:
            for o in slots[int(m.group(1))].members():
                for p in team.members():
                    if o.mention.type in ORG_TYPES and p.mention.type == "Pilot":
                        ctx.add(v, o, "leadsPilot", p, "leadsPilot:ligt-bij", 0.75)
    for m in finditer_if(_LEADS_TEAMS_IN, masked, _TEAMS_IN_CUES):
        noun = m.group("noun")[:1].upper() + m.group("noun")[1:-1]
        pos = m.end()
        while True:
            w = _TEAMS_IN_PLACE.match(masked[pos:])
            if not w:
                break
            wijk = slots[int(w.group(2))]
            if wijk.mention.type in ORG_TYPES and wijk.strong and wijk.group is None:
                break  # a confident organisation name is no wijk
            pilot = ctx.mention(v, wijk.cstart, wijk.cend, "Pilot", label=f"{noun} {wijk.mention.name}")
            place = ctx.mention(v, wijk.cstart, wijk.cend, "Neighbourhood")
            for o in slots[int(m.group(1))].members():
                if o.mention.type in ORG_TYPES:
                    ctx.add(v, o, "leadsPilot", pilot, "leadsPilot:teams-in", 0.75)
            ctx.add(v, pilot, "locatedIn", place, "locatedIn:teams-in", 0.75)
            pos += w.end()
            sep = _TEAMS_IN_SEPARATOR.match(masked[pos:])
            if not sep:
                break
            pos += sep.end()
    for m in (_COORD_PARTY.finditer(masked) if names_team else ()):
        _lead(ctx, v, slots, int(m.group(2)), int(m.group(1)), "leadsPilot:coördinerende-partij", 0.8)
    for m in (_AS_LEADER.finditer(masked) if names_team else ()):
        _lead(ctx, v, slots, int(m.group(1)), int(m.group(2)), "leadsPilot:als-trekker", 0.8)
    for rx, cues in ((_TEAM_LED_BY, _LED_BY_CUES), (_LEADS_INV, _LEADS_INV_CUES)):
        for m in finditer_if(rx, masked, cues):
            # "trekt X deze pilot": the team named before the clause, not what "deze pilot" was read as
            team = slots[int(m.group("p"))] if m.group("p") and rx is _TEAM_LED_BY \
                else _recent_team(ctx, v, masked, m.start())
            if team is None:
                continue
            leaders = list(slots[int(m.group("o"))].members())
            if rx is _LEADS_INV and m.group(3):
                leaders += slots[int(m.group(3))].members()
            for o in leaders:
                for p in team.members():
                    if (o.mention.type in ORG_TYPES or o.mention.type == "Municipality") and p.mention.type == "Pilot":
                        ctx.add(v, o, "leadsPilot", p, "leadsPilot:team-getrokken-door", 0.75)
    _staff_part_of(ctx, v, masked, slots)
    for m in (_WHEREOF_LEADER.finditer(masked) if names_team else ()):
        _lead(ctx, v, slots, int(m.group(2)), int(m.group(1)), "leadsPilot:waarvan-penvoerder", 0.8)
    bare = holds_any_case(v.text, _LEADER_WORDS)  # the leader word of both rules, in any case for the second
    for m in [*finditer_if(_BARE_LEADER, masked, _LEADER_WORDS), *_BARE_LEADER_INV.finditer(masked)] if bare else ():
        team = _recent_team(ctx, v, masked, m.start())
        found = [team] if team is not None else []
        if team is not None and _DAARVAN.search(m.group(0)):
            found = _recent_teams(ctx, v, masked, m.start())  # "Trekker daarvan is X": all of them
        for team in found:
            for o in slots[int(m.group(1))].members():
                for p in team.members():
                    if o.mention.type in ORG_TYPES:
                        ctx.add(v, o, "leadsPilot", p, "leadsPilot:penvoerder", 0.75)
    for m in (_THAT_IS.finditer(masked) if "⟦N" in masked else ()):
        noun = _recent_lead_noun(ctx, v)
        if noun is None:
            continue
        wijk = slots[int(m.group(1) or m.group(2))]
        pilot = ctx.mention(v, wijk.cstart, wijk.cend, "Pilot", label=f"{noun} {wijk.mention.name}")
        for o in slots[int(m.group(3))].members():
            if o.mention.type in ORG_TYPES:
                ctx.add(v, o, "leadsPilot", pilot, "leadsPilot:is-dat", 0.7)
                ctx.add(v, pilot, "locatedIn", wijk.mention, "locatedIn:is-dat", 0.7)
    for rx in (_SET_UP, _SET_UP_INV):
        for m in (rx.finditer(masked) if names_team else ()):
            _lead(ctx, v, slots, int(m.group(1)), int(m.group(2)), "leadsPilot:opgericht", 0.75)
            if m.group("verb") == "opgericht":
                for o in slots[int(m.group(1))].members():
                    for p in slots[int(m.group(2))].members():
                        ctx.add(v, p, "foundedBy", o, "foundedBy:team-opgericht", 0.6)


#: The verbs _STAFF_PART_OF opens with.
_STAFF_VERBS = ("maken", "maakt")
#: A clause break or another team between the listed staff and the team
_BREAK_OR_TEAM = re.compile(r"[;:]|⟦P")


def _staff_part_of(ctx: Context, v: View, masked: str, slots) -> None:
    """"(Verder) maken medewerkers van A, B en C deel uit van het team": members of the team."""
    if not has_any(masked, _STAFF_VERBS):
        return  # the verb _STAFF_PART_OF opens with
    for m in _STAFF_PART_OF.finditer(masked):
        items, end = parse_list(masked, slots, m.end(), "OM", ctx, v)
        t = _STAFF_TAIL.search(masked, end)
        if t and _BREAK_OR_TEAM.search(masked[end:t.start()]):
            t = None
        team = (slots[int(t.group("p"))] if t.group("p") else _recent_team(ctx, v, masked, m.start())) if t else None
        if team is None:
            continue
        for it in items:
            for o in it.slot.members():
                for p in team.members():
                    if o.mention.type in ORG_TYPES and p.mention.type == "Pilot":
                        ctx.add(v, o, "memberOf", p, "memberOf:medewerkers-van", 0.75)


def _recent_team(ctx: Context, v: View, masked: str, pos: int):
    """The last team or pilot named before masked offset ``pos`` (this or 3 sentences back)."""
    here = [s for s in v.sorted_slots() if s.mention.type == "Pilot"
            and masked.find(f"⟦P{v.slots.index(s)}⟧") < pos]
    if here:
        return here[-1]
    for prev in ctx.previous(v, 3):
        teams = [s for s in prev.sorted_slots() if s.mention.type == "Pilot"]
        if teams:
            return teams[-1]
    return None


def _recent_teams(ctx: Context, v: View, masked: str, pos: int) -> list:
    """All teams of the sentence that named the last team before ``pos``."""
    here = [s for s in v.sorted_slots() if s.mention.type == "Pilot"
            and masked.find(f"⟦P{v.slots.index(s)}⟧") < pos]
    if here:
        return here
    for prev in ctx.previous(v, 3):
        teams = [s for s in prev.sorted_slots() if s.mention.type == "Pilot"]
        if teams:
            return teams
    return []


def _recent_lead_noun(ctx: Context, v: View) -> str | None:
    """"Wijkteam"/"Pilot": the kind of team a leadsPilot of the last two sentences was about."""
    prev = {id(p.sentence) for p in ctx.previous(v, 2)} | {id(v.sentence)}
    for c in reversed(ctx.extraction.candidates):
        if c.relation == "leadsPilot" and id(c.sentence) in prev and c.object.name:
            return c.object.name.split()[0]
    return None


def run(ctx: Context) -> None:
    """Component: partnerOf and leadsPilot candidates."""
    for v in ctx.views:
        partners(ctx, v)
        pilots(ctx, v)
