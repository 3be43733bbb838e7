"""memberOf and partOf: who belongs to a partnership, team or group organisation.

memberOf, in Dutch:

* "de partners van P (A, B en C)": see :mod:`lists`;
* "A is lid van P", "A is aangesloten bij P", "A is partner in P", "A neemt deel aan P";
* "A, B en C werken (al) samen in het wijkteam": memberOf the team;
* "Het wijkteam bestaat uit (de volgende organisaties): A, B en C": memberOf the team
  (a team, pilot or partnership consists of members).

partOf, in Dutch:

* "A is (een) onderdeel van X", "A maakt deel uit van X", "A valt onder X",
  "A, een dochter/werkmaatschappij van X";
* "(allebei/beide nu onderdeel van de gemeente)" after a coordination: its last two items
  (one item without "allebei") are part of the municipality named before;
* "X bestaat uit A, B en C" for an organisation (not a team);
* group structure: "X bestaat uit negen stichtingen" / "X heeft negen stichtingen", then
  "Voorbeelden van die stichtingen zijn A, B en C" / "De andere stichtingen zijn D en E":
  A..E partOf X.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import UNIT_NOUNS
from kg.extract.rules import (ORG, ORG_RX, ORG_TYPES, finditer_if, has_any, ignorecase_key, list_before, modality_at,
                              parse_list)

#: "lid van de coöperatie X", "aangesloten bij het netwerk X": the kind noun before the name.
_KIND_NOUN = r"(?:(?:landelijke|regionale|provinciale|lokale|nieuwe)\s+)?(?:(?:coöperatie|cooperatie|vereniging|netwerk|platform|samenwerkingsverband|pact|alliantie)\s+)?"
_MEMBER_CUES = re.compile(rf"\s+(?:is|zijn|was|waren|werd|werden|wordt|worden)\s+(?:\w+\s+){{0,2}}?"
                          rf"(?:lid\s+van|aangesloten\s+bij|partner\s+(?:in|van|binnen)|"
                          rf"deelnemer\s+(?:in|aan|van)|vertegenwoordigd\s+in)\s+(?:het\s+|de\s+)?{_KIND_NOUN}"
                          rf"⟦([OP])(\d+)⟧|"
                          rf"\s+(?:sluit|sluiten|sloot|sloten)\s+zich\s+(?:\w+\s+){{0,3}}?aan\s+bij\s+(?:het\s+|de\s+)?"
                          rf"⟦([OP])(\d+)⟧")
#: "Inmiddels zijn ook A en B lid van de coöperatie": the members after the verb.
_MEMBER_INV = re.compile(r"\b(?:is|zijn|was|waren|werd|werden)\s+(?:\w+\s+){0,2}?(?=(?:de\s+|het\s+)?⟦O)")
_MEMBER_INV_TAIL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:lid\s+van|aangesloten\s+bij|partner\s+in)\s+"
                              rf"(?:het\s+|de\s+)?{_KIND_NOUN}⟦([OP])(\d+)⟧")
#: "het samenwerkingsverband X, waarin ook (de gemeenten) A, B en C zitting hebben"
_WHEREIN = re.compile(r"⟦([OP])(\d+)⟧\s*,\s*(?:waarin|waarbij|waaraan)\s+(?:(?!(?:uit|in|van|te|bij)\s)[\w-]+\s+){0,3}?(?:de\s+gemeenten\s+)?"
                      r"(?=(?:de\s+|het\s+)?(?:gemeente\s+)?⟦[OM])")
_WHEREIN_TAIL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:meedoen|meedoet|meewerken|meewerkt|zitting\s+hebben|zitting\s+heeft|zitten|zit|deelnemen|"
                           r"deelneemt|samenwerken|samenwerkt|aangesloten\s+zijn|aangesloten\s+is|"
                           r"vertegenwoordigd\s+zijn|participeren|participeert)\b")
_WORK_IN = re.compile(r"\s+(?:werken|werkt|participeren|participeert|zitten|zit|nemen|neemt)\s+"
                      r"(?:\w+\s+){0,3}?(?:samen\s+)?(?:in|deel\s+aan)\s+(?:het\s+|de\s+)?"
                      r"(?:(?:samenwerkingsverband|netwerk|platform|overleg|project|programma)\s+)?⟦([OP])(\d+)⟧")
_WORK_IN_INV = re.compile(r"\b(?:werken|werkt|participeren|participeert|zitten|zit)\s+(?=(?:de\s+|het\s+)?⟦O)")
_WORK_IN_TAIL = re.compile(r"\s+(?:\w+\s+){0,3}?(?:samen\s+)?in\s+(?:het\s+|de\s+)?"
                           r"(?:(?:samenwerkingsverband|netwerk|platform|overleg|project|programma)\s+)?"
                           r"⟦([OP])(\d+)⟧")
_CONSISTS = re.compile(r"⟦([OP])(\d+)⟧\s+(?:(?:bestaat|bestaan|bestond)\s+(?:\w+\s+){0,4}?uit|"
                       r"(?:wordt|worden|werd|werden)\s+(?:\w+\s+){0,3}?gevormd\s+door)\s+"
                       r"(?:(?:medewerkers|professionals|vertegenwoordigers|mensen)\s+(?:van|uit)\s+)?"
                       r"(?:(?:de\s+)?(?:volgende\s+)?(?:\w+\s+)?(?:organisaties|partijen|partners|"
                       r"leden|stichtingen|instellingen)\s*[:,]?\s*|:\s*)?")
#: "Het buurtteam is een samenwerking(sverband) tussen A, B en C": the team's members.
_TEAM_IS_COLLAB = re.compile(r"⟦P(\d+)⟧\s+(?:is|was|vormt)\s+(?:\w+\s+)?(?:een\s+)?(?:\w+\s+)?"
                             r"(?:samenwerking|samenwerkingsverband|samenwerkingsproject|"
                             r"netwerk)\s+(?:tussen|van)\s+(?:de\s+volgende\s+\w+\s*:?\s*)?")
#: "In het wijkteam werken A, B en C (samen)": the team's members after the verb.
#: "(het team X:) deelnemers zijn A en B", "leden: A, B"
_MEMBERS_ARE = re.compile(r"\b(?:[Dd]eelnemers|[Dd]eelnemende\s+organisaties|[Pp]artners|[Ll]eden|"
                          r"[Pp]artijen)\s+(?:zijn|:)\s*(?:de\s+organisaties\s+)?(?=(?:de\s+|het\s+)?(?:[a-zë-]+\s+)?⟦O)")
_TEAM_PARTNERS_ARE = re.compile(r"\b(?:[Dd]e\s+)?(?:andere\s+|overige\s+)?(?:[Pp]artners|[Ll]eden|[Dd]eelnemers|"
                                r"[Pp]artijen)\s+(?:in|van)\s+(?:het\s+|de\s+|dit\s+|dat\s+)?⟦P(\d+)⟧\s+"
                                r"(?:zijn|waren)\s*:?\s*")
_THEREIN = re.compile(r"\b(?:[Dd]aarin|[Hh]ierin|[Dd]aarbij|[Hh]ierbij|[Dd]aaraan|[Hh]ieraan)\s+(?:werken|werkt|zitten|zit|"
                      r"participeren|participeert|nemen|neemt|zijn|is)\s+(?:\w+\s+){0,2}?(?=(?:de\s+|het\s+)?⟦O)")
_JOIN_OBJECT = r"(?:als\s+(?:nieuw\s+)?lid|tot\s+(?:de\s+|het\s+)?(?:[a-zë]+\s+)?⟦[OP](\d+)⟧)"
_JOINS = re.compile(rf"\s+(?:treedt|trad|treden|traden)\s+(?:\w+\s+){{0,4}}?toe\s+{_JOIN_OBJECT}")
_JOINS_INV = re.compile(r"\b(?:treedt|trad|treden|traden)\s+(?:ook\s+|nu\s+|eveneens\s+)?(?=(?:de\s+|het\s+)?⟦O)")
_JOINS_TAIL = re.compile(rf"\s+(?:\w+\s+){{0,3}}?toe\s+{_JOIN_OBJECT}")
_THEREBY_JOINED = re.compile(r"\s+(?:zijn|is|waren|was)\s+(?:\w+\s+)?(?:daarbij|hierbij|daarin|hierin|daaraan)\s+"
                             r"(?:\w+\s+)?(?:aangesloten|vertegenwoordigd|betrokken\s+als\s+partner)\b")
_IN_NETWORK = re.compile(r"\b[Ii]n\s+(?:het\s+|de\s+|dit\s+|dat\s+)?⟦O(\d+)⟧\s+(?:werken|participeren|zitten|"
                         r"nemen)\s+(?:ook\s+|verder\s+)?(?:de\s+gemeenten\s+)?(?=(?:de\s+|het\s+)?(?:gemeente\s+)?⟦[OM])")
_JOIN_IN = re.compile(r"\s+(?:doen|doet|deden|werken|werkt|werkten)\s+(?:ook\s+|verder\s+|eveneens\s+|nu\s+)?mee"
                      r"(?:\s+(?:aan|in)\s+(?:het\s+|de\s+)?⟦P(\d+)⟧)?\s*[.;]?\s*$")
_IN_TEAM = re.compile(r"\b(?:[Ii]n|[Aa]an)\s+(?:het\s+|de\s+|dit\s+|deze\s+|dat\s+)?⟦P(\d+)⟧\s+(?:werken|werkt|"
                      r"zitten|zit|participeren|participeert|nemen|neemt|zijn|is)\s+"
                      r"(?:\w+\s+){0,2}?(?:(?:medewerkers|professionals|vertegenwoordigers|mensen)\s+"
                      r"(?:van|uit)\s+)?(?=(?:de\s+|het\s+)?⟦O)|"
                      r"\b(?:[Ii]n|[Aa]an)\s+(?:het\s+|de\s+|dit\s+|deze\s+|dat\s+)?⟦P(\d+)⟧\s+(?:werken|werkt|"
                      r"zitten|zit|participeren|participeert|zijn)\s*(?:\w+\s*){0,2}?(?=:\s*$)")
_PART_CUES = re.compile(rf"\s+(?:is|zijn|vormt|vormen|was|waren)\s+(?:\w+\s+){{0,3}}?(?:een\s+)?"
                        rf"onderdeel\s+van\s+(?:de\s+(?:gemeente\s+)?|het\s+)?⟦([OMP])(\d+)⟧|"
                        rf"\s+(?:maakt|maken)\s+(?:\w+\s+){{0,2}}?deel\s+uit\s+van\s+(?:de\s+|het\s+)?"
                        rf"⟦([OMP])(\d+)⟧|"
                        rf"\s+(?:valt|vallen|viel)\s+(?:\w+\s+){{0,2}}?onder\s+(?:de\s+|het\s+)?⟦([OM])(\d+)⟧|"
                        rf",\s+(?:een\s+|het\s+)?(?:onderdeel|dochter|dochterorganisatie|"
                        rf"werkmaatschappij|label)\s+van\s+(?:de\s+(?:gemeente\s+)?|het\s+)?⟦([OM])(\d+)⟧")
#: "Sinds 2016 is onze organisatie (geen) onderdeel van X", "Sinds 2019 maakt A deel uit van X".
_PART_INVERTED = re.compile(r"\b(?:is|zijn|was|waren|maakt|maken)\s+(?:de\s+|het\s+)?⟦[OP](\d+)⟧\s+"
                            r"(?:(?:\w+\s+){0,2}?(?:een\s+|geen\s+)?onderdeel\s+van\s+(?:de\s+(?:gemeente\s+)?|het\s+)?⟦([OMP])(\d+)⟧|"
                            r"(?:\w+\s+){0,2}?deel\s+uit\s+van\s+(?:de\s+|het\s+)?⟦([OMP])(\d+)⟧)")
_PARENT_OF = re.compile(rf"\b(?:is|zijn|was|fungeert\s+als)\s+(?:de\s+|het\s+)?(?:moederorganisatie|moederstichting|"
                        rf"holding|koepel|koepelorganisatie|overkoepelende\s+organisatie|paraplu|"
                        rf"paraplu-?organisatie)\s+(?:van|voor|boven)\s+(?:\w+\s+){{0,3}}?[a-zë]*(?:{'|'.join(UNIT_NOUNS)})\s*:?\s*")
_UNIT_OF_MUNICIPALITY = re.compile(r"\b(?:afdeling|team|dienst|sector|directie)\s+⟦O(\d+)⟧\s+van\s+(?:de\s+)?"
                                   r"gemeente\s+⟦M(\d+)⟧|\bgemeentelijke?\s+(?:afdeling|[Tt]eam|dienst|sector)\s+⟦O(\d+)⟧")
_TEAM_OF_MUNICIPALITY = re.compile(r"⟦P(\d+)⟧\s+van\s+de\s+gemeente\s+⟦M(\d+)⟧")
#: "het Team Toegang, dat onderdeel is van de afdeling X"
_PART_RELATIVE = re.compile(r"⟦[OP](\d+)⟧\s*,\s*(?:dat|die)\s+(?:\w+\s+){0,2}?(?:een\s+)?onderdeel\s+"
                            r"(?:is|was)\s+van\s+(?:de\s+(?:gemeente\s+)?|het\s+)?(?:afdeling\s+)?⟦[OM](\d+)⟧")
_PAREN_PART = re.compile(r"\(\s*(?P<both>allebei|beide|beiden)?\s*(?:\w+\s+){0,2}?(?:een\s+)?"
                         r"onderdeel\s+van\s+(?:de\s+|het\s+)?⟦([OM])(\d+)⟧")
_UNITS = "|".join(UNIT_NOUNS)
_HAS_UNITS = re.compile(rf"{ORG}\s+(?:bestaat\s+uit|heeft|telt|omvat|kent)\s+(?:\w+\s+){{0,3}}?"
                        rf"(?P<noun>{_UNITS})\b")
_HAS_UNITS_PRON = re.compile(rf"⟦O(\d+)⟧[^⟦]*?\b(?:bestaat\s+uit|heeft|telt|omvat)\s+(?:\w+\s+){{0,3}}?"
                             rf"(?P<noun>{_UNITS})\b")
_UNITS_ARE = re.compile(rf"\b(?:[Vv]oorbeelden\s+van\s+)?(?:[Dd]ie|[Dd]eze|[Dd]e|[Hh]aar|[Zz]ijn)\s+"
                        rf"(?:\w+\s+)?(?P<noun>{_UNITS})\s+(?:zijn|heten|:)\s*")


#: "Onder X vallen (vier) stichtingen: A, B en C", "Onder de groep vallen A en B": A..C partOf X.
_UNDER = re.compile(rf"\b[Oo]nder\s+(?:(?:de\s+|het\s+)?⟦O(\d+)⟧|(?:de|het|deze)\s+(?P<noun>groep|holding|koepel|"
                    rf"stichting|vereniging|coöperatie))\s+(?:vallen|valt|vielen|viel)\s+(?:nu\s+|ook\s+|inmiddels\s+)?"
                    rf"(?:(?:\w+\s+){{0,2}}?(?:{'|'.join(UNIT_NOUNS)})(?:,[^:.⟦]{{0,60}})?\s*:?\s*)?(?=(?:de\s+|het\s+)?⟦O)")


def _named_with(ctx: Context, index: int, noun: str) -> Slot | None:
    """The nearest organisation before view ``index`` whose name has ``noun`` in it ("de groep")."""
    for v in reversed(ctx.views[:index + 1]):
        for s in reversed(v.sorted_slots()):
            if s.mention.type in ORG_TYPES and noun in s.mention.name.casefold() and s.group is None:
                return s
    return None


def _recent_group(ctx: Context, v, n: int = 3) -> Slot | None:
    """The team, network or coöperatie the previous ``n`` sentences named last."""
    for w in ctx.previous(v, n):
        found = [s for s in w.sorted_slots()
                 if any(x.mention.type in ("Pilot", "Partnership", "Cooperative") for x in s.members())]
        if found:
            return found[-1]
    return None


def _subjects_before(masked: str, slots: list[Slot], end: int) -> list[Slot]:
    items = list_before(masked, slots, end, "O")
    return [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES]


#: What follows the team in "A, B en C (werken) in het team samen/mee": the verb's particle, a stop
_IN_TEAM_TAIL = re.compile(r"\s+(?:\w+\s+){0,3}?(?:samen|deel|vertegenwoordigd|actief|mee)\b|\s*[.,]|\s*$")
#: What follows the members of "daarin werken ook A en B mee": the verb's particle, a stop
_THEREIN_TAIL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:mee|deel|samen|aangesloten|vertegenwoordigd)\b|\s*[.;,]|\s*$")
#: What follows the members of "In het platform werken A, B en C samen": the verb's particle, the end
_IN_NETWORK_TAIL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:samen|mee|deel)\b|\s*[.;]?\s*$")


#: The words of _MEMBER_CUES, of which _MEMBER_INV's tail and _THEREBY_JOINED have some ("betrokken")
_JOIN_WORDS = ("lid", "aangesloten", "partner", "deelnemer", "vertegenwoordigd", "zich", "betrokken")
#: The verbs of _WORK_IN, of which _WORK_IN_INV and _IN_NETWORK have some ("werk" alone is in "samenwerking")
_WORK_VERBS = ("werken", "werkt", "particip", "zit", "nemen", "neemt")


def members(ctx: Context) -> None:
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no slot token (the masked view is not made)
        masked, slots, _ = v.masked()
        names_team = "⟦P" in masked
        if not names_team and "⟦O" not in masked:
            continue  # every rule reads an organisation or a team
        # one test for each family of rules (most sentences have none of its words), not one per rule
        joining = has_any(masked, _JOIN_WORDS)
        working = has_any(masked, _WORK_VERBS)
        for rx, rule, gate in ((_MEMBER_CUES, "memberOf:lid-van", joining), (_WORK_IN, "memberOf:werken-in", working)):
            for m in (rx.finditer(masked) if gate else ()):
                target = slots[int(m.group(2) or m.group(4))]
                mod = modality_at(masked, m.start(), m.end(), cue_verb=True)  # "is geen lid van"
                for s in _subjects_before(masked, slots, m.start()):
                    for t in target.members():
                        ctx.add(v, s, "memberOf", t, rule, 0.8, modality=mod)
        # the words of the tail
        for m in (finditer_if(_MEMBER_INV, masked, ("lid", "aangesloten", "partner")) if joining else ()):
            items, end = parse_list(masked, slots, m.end(), "O")
            t = _MEMBER_INV_TAIL.match(masked, end)
            if not items or not t:
                continue
            mod = modality_at(masked, m.start(), t.end(), cue_verb=True)
            for it in items:
                for s in it.slot.members():
                    for team in slots[int(t.group(2))].members():
                        if s.mention.type in ORG_TYPES and s is not team:
                            ctx.add(v, s, "memberOf", team, "memberOf:lid-van", 0.8, modality=mod)
        for m in (_WHEREIN.finditer(masked) if "waar" in masked else ()):
            whole = slots[int(m.group(2))]
            items, end = parse_list(masked, slots, m.end(), "OM")
            if not items or not _WHEREIN_TAIL.match(masked, end):
                continue
            for it in items:
                for s in it.slot.members():
                    for w in whole.members():
                        if w.mention.type in ("Partnership", "Cooperative", "Pilot") and s is not w:
                            ctx.add(v, s, "memberOf", w, "memberOf:waarin-zitting", 0.75)
        for m in (finditer_if(_WORK_IN_INV, masked, ("werken", "werkt", "particip", "zit")) if working else ()):
            items, end = parse_list(masked, slots, m.end(), "O")
            t = _WORK_IN_TAIL.match(masked, end)
            if not t:
                continue
            mod = modality_at(masked, m.start(), t.end(), cue_verb=True)
            for it in items:
                for s in it.slot.members():
                    for team in slots[int(t.group(2))].members():
                        ctx.add(v, s, "memberOf", team, "memberOf:werken-in", 0.8, modality=mod)
        for rx, rule in ((_TEAM_IS_COLLAB, "memberOf:samenwerking-tussen"),
                         (_IN_TEAM, "memberOf:in-het-team")):
            for m in (rx.finditer(masked) if names_team else ()):
                team = slots[int(m.group(1) or m.group(2))] if rx is _IN_TEAM else slots[int(m.group(1))]
                items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
                if rule == "memberOf:in-het-team" and not _IN_TEAM_TAIL.match(masked[end:]):
                    continue
                mod = modality_at(masked, m.start(), end, cue_verb=True)
                for it in items:
                    for s in it.slot.members():
                        for t in team.members():
                            if s.mention.type in ORG_TYPES:
                                ctx.add(v, s, "memberOf", t, rule, 0.8, modality=mod)
        for m in (_TEAM_PARTNERS_ARE.finditer(masked) if names_team else ()):
            # "Partners in het team zijn:" + bullets, "Leden van het wijkteam zijn A en B"
            team = slots[int(m.group(1))]
            items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
            mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
            for it in items:
                for s in it.slot.members():
                    for t in team.members():
                        if s.mention.type in ORG_TYPES and t.mention.type == "Pilot":
                            ctx.add(v, s, "memberOf", t, "memberOf:partners-in-team-zijn", 0.8, modality=mod)
        for m in finditer_if(_THEREIN, masked, ("aarin", "ierin", "aarbij", "ierbij", "aaraan", "ieraan")):
            # "X is penvoerder van het wijkteam Y; daarin werken ook A en B mee"
            before = [t for t in slots[:] if t.mention.type == "Pilot"
                      and masked.find(f"⟦P{slots.index(t)}⟧") < m.start()]
            if not before and m.start() == 0:
                # "... het Sociaal Team X, waarvan wij de trekker zijn. Daarin zitten ook A en B."
                prev = ctx.previous(v, 1, same_para=True)
                before = [t for t in (prev[0].sorted_slots() if prev else []) if t.mention.type == "Pilot"]
            if not before:
                continue
            items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
            if not _THEREIN_TAIL.match(masked[end:]):
                continue
            mod = modality_at(masked, m.start(), end, cue_verb=True)
            for it in items:
                for s in it.slot.members():
                    for t in before[-1].members():
                        if s.mention.type in ORG_TYPES:
                            ctx.add(v, s, "memberOf", t, "memberOf:daarin-werken", 0.75, modality=mod)
        joins = ("treedt", "trad", "treden")
        for m in list(finditer_if(_JOINS, masked, joins)) + list(finditer_if(_JOINS_INV, masked, joins)):
            # "Met ingang van 1 juli treedt ook X toe als lid": joins the coöperatie named before
            if m.re is _JOINS:
                subjects = _subjects_before(masked, slots, m.start())
            else:
                items, end = parse_list(masked, slots, m.end(), "O", ctx, v)
                if not _JOINS_TAIL.match(masked, end):
                    continue
                subjects = [x for it in items for x in it.slot.members() if x.mention.type in ORG_TYPES]
                m = _JOINS_TAIL.match(masked, end)
            target = slots[int(m.group(1))] if m.group(1) else _recent_group(ctx, v, 8)
            if target is None:
                continue
            mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
            for sj in subjects:
                for t in target.members():
                    if t.mention.type in ("Partnership", "Cooperative", "Pilot") or m.group(1):
                        ctx.add(v, sj, "memberOf", t, "memberOf:treedt-toe", 0.75, modality=mod)
        thereby = ("aangesloten", "vertegenwoordigd", "betrokken")
        for m in (finditer_if(_THEREBY_JOINED, masked, thereby) if joining else ()):
            # "A en B zijn daarbij aangesloten": the partnership or team just named
            subjects = _subjects_before(masked, slots, m.start())
            before = [t for t in slots if masked.find(f"⟦{t.letter}{slots.index(t)}⟧") < m.start()
                      and any(x.mention.type in ("Partnership", "Cooperative", "Pilot") for x in t.members())]
            target = before[-1] if before else _recent_group(ctx, v)
            if target is None:
                continue
            mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
            for sj in subjects:
                for t in target.members():
                    if t.mention.type in ("Partnership", "Cooperative", "Pilot"):
                        ctx.add(v, sj, "memberOf", t, "memberOf:daarbij-aangesloten", 0.75, modality=mod)
        for m in (finditer_if(_IN_NETWORK, masked, ("werken", "participeren", "zitten", "nemen")) if working else ()):
            # "In het platform werken de gemeenten A, B en C samen met ...": members of the platform
            whole = slots[int(m.group(1))]
            if not any(w.mention.type in ("Partnership", "Cooperative") for w in whole.members()):
                continue
            items, end = parse_list(masked, slots, m.end(), "OM", ctx, v)
            if not _IN_NETWORK_TAIL.match(masked[end:]):
                continue
            mod = modality_at(masked, m.start(), end, cue_verb=True)
            for it in items:
                for sj in it.slot.members():
                    for w in whole.members():
                        if sj.mention.type in ORG_TYPES + ("Municipality",):
                            ctx.add(v, sj, "memberOf", w, "memberOf:in-het-netwerk", 0.75, modality=mod)
        for m in (_JOIN_IN.finditer(masked) if "mee" in masked else ()):
            # "Ook A en B doen mee (aan het team).": the team named there, or the one just named
            subjects = _subjects_before(masked, slots, m.start())
            if not subjects:
                continue
            if m.group(1):
                target = slots[int(m.group(1))]
            else:
                from kg.extract.rel_collab import _recent_team
                target = _recent_team(ctx, v, masked, m.start())
            if target is None:
                continue
            mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
            for sj in subjects:
                for t in target.members():
                    if t.mention.type in ("Pilot", "Partnership", "Cooperative"):
                        ctx.add(v, sj, "memberOf", t, "memberOf:doen-mee", 0.75, modality=mod)
        for m in finditer_if(_MEMBERS_ARE, masked, ("eelnemer", "eelnemende", "artners", "eden", "artijen")):
            teams_here = [t for t in slots if t.mention.type == "Pilot"]
            whole = teams_here[0] if len(teams_here) == 1 else None
            if whole is None and not teams_here and m.start() == 0:
                # "Zes organisaties bundelen hun krachten in Netwerk X. ... Partners zijn A, B en C."
                whole = _recent_group(ctx, v)
            if whole is None:
                break
            items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
            for it in items:
                for s in it.slot.members():
                    for t in whole.members():
                        if s.mention.type in ORG_TYPES:
                            ctx.add(v, s, "memberOf", t, "memberOf:deelnemers-zijn", 0.75)
        for m in finditer_if(_CONSISTS, masked, ("besta", "bestond", "gevormd")):
            whole = slots[int(m.group(2))]
            items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
            for w in whole.members():
                is_team = w.mention.type in ("Pilot", "Partnership")
                for it in items:
                    for s in it.slot.members():
                        if is_team:
                            ctx.add(v, s, "memberOf", w, "memberOf:bestaat-uit", 0.85)
                        elif w.mention.type in ORG_TYPES:
                            ctx.add(v, s, "partOf", w, "partOf:bestaat-uit", 0.75)


def _main_municipality(ctx: Context):
    """The municipality a text names most often (at least twice, and more than any other)."""
    counts: dict[str, list] = {}
    for v in ctx.views:
        for s in v.slots:
            if s.mention.type == "Municipality" and s.group is None:
                counts.setdefault(s.mention.name, []).append(s)
    if not counts:
        return None
    ranked = sorted(counts.values(), key=len, reverse=True)
    if len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def parts(ctx: Context) -> None:
    units: dict[str, Slot] = {}
    for v in ctx.views:
        if not units and not v.slots and "⟦" not in v.text:
            continue  # no slot token and no units read before: no rule reads it (the masked view is not made)
        masked, slots, _ = v.masked()
        if "⟦O" in masked or "⟦P" in masked:  # each rule but the last reads an organisation or a team
            _part_rules(ctx, v, masked, slots, units)
        if not units:
            continue  # "De stichtingen zijn A en B" names the units of a group read before
        for m in _UNITS_ARE.finditer(masked):
            parent = units.get(ignorecase_key(m.group("noun")))
            if parent is None:
                continue
            items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
            for it in items:
                for s in it.slot.members():
                    ctx.add(v, s, "partOf", parent, "partOf:stichtingen-zijn", 0.8)




#: Words of which every match of _PART_CUES holds one ("onder" only after "valt/vallen/viel").
_PART_WORDS = ("deel", "val", "viel", "dochter", "werkmaatschappij", "label")


def _part_rules(ctx: Context, v: View, masked: str, slots: list[Slot], units: dict[str, Slot]) -> None:
    """The partOf rules of one sentence that names an organisation or a team; ``units`` gets
    the kind of units a group is said to have ("X bestaat uit negen stichtingen")."""
    deel = "deel" in masked  # the "(onder)deel" of four rules, tested once for them
    for m in finditer_if(_PART_CUES, masked, _PART_WORDS):
        idx = next(int(g) for g in m.groups()[1::2] if g is not None)
        whole = slots[idx]
        mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
        # "A maakt deel uit van netwerk P": a member of a partnership, not a part of an organisation
        rel = "memberOf" if "deel" in m.group(0).split() and whole.mention.type in ("Partnership", "Cooperative") \
            else "partOf"
        for s in _subjects_before(masked, slots, m.start()):
            for w in whole.members():
                ctx.add(v, s, rel, w, f"{rel}:onderdeel-van", 0.85, modality=mod)
    for m in finditer_if(_PARENT_OF, masked, ("moeder", "holding", "koepel", "paraplu")):
        # "X ... is de moederorganisatie van drie lokale stichtingen: A, B in C en D"
        before = [slots[int(t.group(1))] for t in ORG_RX.finditer(masked[:m.start()])]
        if not before:
            continue
        parent = before[0]
        items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
        for it in items:
            for s in it.slot.members():
                for w in parent.members():
                    if s.mention.type in ORG_TYPES and w.mention.type in ORG_TYPES:
                        ctx.add(v, s, "partOf", w, "partOf:moederorganisatie-van", 0.8)
    for m in (_UNIT_OF_MUNICIPALITY.finditer(masked) if "gemeente" in masked else ()):
        # "de afdeling X van de gemeente Y", "de gemeentelijke afdeling X"
        unit = slots[int(m.group(1) or m.group(3))]
        if m.group(2):
            whole = slots[int(m.group(2))]
        else:
            whole = _main_municipality(ctx)
        if whole is not None and unit.mention.type in ORG_TYPES:
            for w in whole.members():
                if w.mention.type == "Municipality":
                    ctx.add(v, unit, "partOf", w, "partOf:afdeling-van-gemeente", 0.75)
    for m in (_TEAM_OF_MUNICIPALITY.finditer(masked) if "⟦P" in masked else ()):
        # "het sociaal wijkteam Noord van de gemeente Amersfoort": the municipality's own team
        mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
        for s in slots[int(m.group(1))].members():
            for w in slots[int(m.group(2))].members():
                if s.mention.type == "Pilot" and w.mention.type == "Municipality":
                    ctx.add(v, s, "partOf", w, "partOf:team-van-gemeente", 0.75, modality=mod)
    for m in (_PART_RELATIVE.finditer(masked) if deel and "onderdeel" in masked else ()):
        part, whole = slots[int(m.group(1))], slots[int(m.group(2))]
        mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
        for s in part.members():
            for w in whole.members():
                if s.mention.type in ORG_TYPES + ("Pilot",) and w.mention.type in ORG_TYPES + ("Municipality",):
                    ctx.add(v, s, "partOf", w, "partOf:dat-onderdeel-is", 0.8, modality=mod)
    for m in (_PART_INVERTED.finditer(masked) if deel else ()):
        part, whole = slots[int(m.group(1))], slots[int(m.group(3) or m.group(5))]
        mod = modality_at(masked, m.start(), m.end(), cue_verb=True)
        for s in part.members():
            if s.mention.type in ORG_TYPES + ("Pilot",):
                for w in whole.members():
                    ctx.add(v, s, "partOf", w, "partOf:onderdeel-van", 0.8, modality=mod)
    for m in (_PAREN_PART.finditer(masked) if deel and "onderdeel" in masked else ()):
        whole = slots[int(m.group(3))]
        items = _subjects_before(masked, slots, m.start())
        if not items:
            continue
        subjects = items[-2:] if m.group("both") else items[-1:]
        for s in subjects:
            for w in whole.members():
                ctx.add(v, s, "partOf", w, "partOf:onderdeel-van", 0.8)
    for m in finditer_if(_UNDER, masked, ("val", "viel")):
        parent = slots[int(m.group(1))] if m.group(1) else _named_with(ctx, v.index - 1, m.group("noun"))
        if parent is None:
            continue
        items, _ = parse_list(masked, slots, m.end(), "O", ctx, v)
        for it in items:
            for s in it.slot.members():
                for w in parent.members():
                    if s.mention.type in ORG_TYPES and w.mention.type in ORG_TYPES and s is not w:
                        ctx.add(v, s, "partOf", w, "partOf:onder-x-vallen", 0.8)
    if not has_any(masked, ("bestaat", "heeft", "telt", "omvat", "kent")):
        return  # the verbs of both unit rules (tested once for them)
    for rx in (_HAS_UNITS, _HAS_UNITS_PRON):
        for m in rx.finditer(masked):
            parent = slots[int(m.group(1))].members()
            if len(parent) == 1 and parent[0].mention.type in ORG_TYPES:
                units[ignorecase_key(m.group("noun"))] = parent[0]


#: "Humanis afdeling Noord", "Avondrood regio Tiel", "MEE regio Utrecht": a unit named
#: after the organisation it belongs to and its area.
#: The unit words of _UNIT_NAME ("afd" covers "afdeling" and "afd.").
_UNIT_WORDS = ("afd", "regio", "kring", "district", "vestiging")
#: What follows an organisation's slot in such a unit's name: the unit word and the area's slot.
UNIT_AREA = r" (?:afdeling|afd\.|regio|kring|district|vestiging) ⟦[OMNV](\d+)⟧"
_UNIT_NAME = re.compile(r"⟦O(\d+)⟧" + UNIT_AREA)


def units_by_name(ctx: Context) -> None:
    """A unit whose name is the organisation's name, a unit word and a place is part of it."""
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text or not has_any(v.text, _UNIT_WORDS):
            continue  # the slot tokens and unit words of _UNIT_NAME (no need to make the masked view)
        masked, slots, _ = v.masked()
        for m in _UNIT_NAME.finditer(masked):
            parent, area = slots[int(m.group(1))], slots[int(m.group(2))]
            if parent.group is not None or area.group is not None:
                continue
            unit = ctx.mention(v, parent.cstart, area.cend, "Organisation")
            ctx.add(v, unit, "partOf", parent, "partOf:eenheid-in-naam", 0.8)


#: Words that open the name of a unit of a larger organisation ("Kenniscentrum X van Hogeschool Y").
_UNIT_HEADS = frozenset({"afdeling", "kenniscentrum", "lectoraat", "dienst", "sector", "cluster", "divisie",
                         "werkmaatschappij", "bedrijfsonderdeel", "expertisecentrum", "academie", "faculteit"})
_UNIT_OF = re.compile(r"⟦O(\d+)⟧ van (?:de |het )?⟦O(\d+)⟧")


def units_of(ctx: Context) -> None:
    """"het Kenniscentrum Wijkkracht Innovatie van Hogeschool Lindeland": a unit, by the word its name
    opens with, named with the organisation it belongs to."""
    for v in ctx.views:
        if " van " not in v.text or not v.slots and "⟦" not in v.text:
            continue  # the " van " between the two names of _UNIT_OF, and the names (no need to make the masked view)
        masked, slots, _ = v.masked()
        for m in _UNIT_OF.finditer(masked):
            unit, parent = slots[int(m.group(1))], slots[int(m.group(2))]
            if unit.group is not None or parent.group is not None:
                continue
            if unit.mention.text.split()[0].casefold() in _UNIT_HEADS and " " in unit.mention.text:
                ctx.add(v, unit, "partOf", parent, "partOf:eenheid-van", 0.8)


def run(ctx: Context) -> None:
    """Component: memberOf and partOf candidates."""
    members(ctx)
    parts(ctx)
    units_by_name(ctx)
    units_of(ctx)


