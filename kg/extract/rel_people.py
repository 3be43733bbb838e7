"""headOf: a person who heads an organisation.

Only head roles count (directeur, directeur-bestuurder, bestuurder, voorzitter, algemeen
directeur, bestuursvoorzitter; not manager, coördinator, wethouder). What it reads in Dutch:

* "Wim Bakker, directeur (van) ORG", "Wim Bakker (directeur ORG)";
* "directeur (van) ORG, Wim Bakker", "ORG-directeur Wim Bakker";
* "Directeur Wim Bakker ... de organisatie van ORG": the organisation in the same sentence;
* "..., zegt bestuurder Wim Bakker." with no organisation in the sentence: the organisation the
  sentence before was about;
* in a text a person writes of themselves ("Mijn naam is Wim Bakker." / "Ik ben Wim Bakker"):
  "(ik) ben (sinds 2023) voorzitter van ORG" — the writer heads ORG.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import ROLES
from kg.extract.rel_membership import UNIT_AREA
from kg.extract.rules import ORG_TYPES, cue_words, holds_any_case, is_venue, org_slots, parse_list, topic_org

_HEAD_ROLES = "|".join(re.escape(r) for r in sorted((r for r, h in ROLES.items() if h),
                                                     key=len, reverse=True))
#: Words of which every head role holds one ("directeur" is in "directeur-bestuurder").
_HEAD_ROLE_WORDS = cue_words(r.lower() for r, h in ROLES.items() if h)
#: also the headline form "X nieuwe directeur-bestuurder van Y" and an age "X (52), directeur van Y".
_AFTER = re.compile(rf"(?i)⟦H(\d+)⟧(?:\s*\(\d{{2}}\))?\s*[,(]?\s*(?:(?:in\s+het\s+dagelijks\s+leven|nu\s+nog|nu|thans|tevens|ook|sinds\s+\d{{4}}|interim|waarnemend|de\s+huidige|huidig|nieuwe|kersverse|beoogd|beoogde|de|het)\s+)?(?:{_HEAD_ROLES})\s+(?:van\s+|bij\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧")
_BEFORE = re.compile(rf"(?i)(?:{_HEAD_ROLES})\s+(?:van\s+|bij\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧\s*,?\s*"
                     rf"(?:(?:de\s+heer|mevrouw|dhr\.|mevr\.|mw\.)\s+)?⟦H(\d+)⟧|"
                     rf"\bnamens\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s*:?\s*(?:{_HEAD_ROLES})\s+⟦H(\d+)⟧")
#: "X wordt geleid door een tweehoofdige raad van bestuur: A en B".
_LED_BY_BOARD = re.compile(rf"(?i)⟦O(\d+)⟧\s+(?:wordt|werd)\s+(?:sinds\s+\S+\s+)?(?:bestuurd|geleid)\s+door\s+"
                           rf"(?:een|de|het)\s+(?:\w+\s+)?(?:raad\s+van\s+bestuur|directie|bestuur|duo)\s*"
                           rf"(?::|,\s*bestaande\s+uit|bestaande\s+uit)\s*(?=⟦H)")
_IS_ROLE = re.compile(rf"(?i)⟦H(\d+)⟧(?:\s*\(\d{{2}}\))?\s+(?:is|was|wordt|werd|blijft|is\s+sinds\s+\S+(?:\s+\d{{4}})?)\s+"
                      rf"(?:\w+\s+|in\s+het\s+dagelijks\s+leven\s+|in\s+het\s+dagelijks\s+leven\s+\w+\s+)?(?:de\s+|het\s+)?(?:nieuwe\s+|interim\s+|huidige\s+)?"
                      rf"(?:{_HEAD_ROLES})\s+(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "De Raad van Toezicht / het bestuur van X": a voorzitter there heads no organisation by that.
_ORGAN = re.compile(r"(?i)\b(?:raad\s+van\s+(?:toezicht|commissarissen)|rvt|ondernemingsraad|"
                    r"cliëntenraad|clientenraad|adviesraad|wijkraad|dorpsraad|gemeenteraad|"
                    r"medezeggenschapsraad|participatieraad)\b")
#: "X, die sinds 2004 bestuurder van Y is": a relative clause after the person.
_WHO_IS = re.compile(rf"(?i)⟦H(\d+)⟧(?:\s+op)?\s*,\s*die\s+(?:[^\s⟦]+\s+){{0,4}}?(?:{_HEAD_ROLES})\s+"
                     rf"(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "Directeur van Y wordt/is X", "de bestuurder van Y, X,".
_ROLE_OF_IS = re.compile(rf"(?i)\b(?:{_HEAD_ROLES})\s+(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧\s+"
                         rf"(?:wordt|werd|is|was|blijft)\s+⟦H(\d+)⟧")
#: "Y heeft X benoemd tot bestuurder", "X is benoemd tot directeur (van Y)".
_APPOINTED = re.compile(rf"(?i)⟦H(\d+)⟧\s+(?:[^\s⟦]+\s+){{0,5}}?benoemd\s+(?:als|tot)\s+(?:de\s+)?"
                        rf"(?:nieuwe\s+)?(?:{_HEAD_ROLES})\b(?:\s+(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧)?")
#: "X wordt de (eerste) bestuurder van de nieuwe organisatie": the organisation a merger makes.
_OF_NEW = re.compile(rf"(?i)(?:⟦H(\d+)⟧\s+(?:wordt|werd|is|blijft)\s+(?:de\s+)?(?:eerste\s+|nieuwe\s+)?"
                     rf"(?:{_HEAD_ROLES})\s+van\s+de\s+nieuwe\s+(?:\w+\s+)?(?:organisatie|stichting)\b|"
                     rf"(?:{_HEAD_ROLES})\s+van\s+de\s+(?:nieuwe\s+(?:\w+\s+)?(?:organisatie|stichting)|"
                     rf"fusieorganisatie|fusiestichting)\s+(?:wordt|is|blijft)\s+⟦H(\d+)⟧)")
#: "Directeur-bestuurder is X." opening a sentence that names no organisation before X.
#: also "Kwartiermaker en beoogd directeur is X": a second role word and "beoogd/nieuwe" before it.
_ROLE_IS_BARE = re.compile(rf"(?i)^(?:de\s+)?(?:[a-zë-]+\s+en\s+)?(?:(?:beoogd|beoogde|nieuwe|interim|waarnemend)\s+)?"
                           rf"(?:{_HEAD_ROLES})\s+(?:is|wordt|was)\s+(?:sinds\s+\S+\s+)?⟦H(\d+)⟧")
#: "X wordt bestuurd/geleid door (directeur-bestuurder) Y".
_LED_BY = re.compile(rf"(?i)⟦O(\d+)⟧\s+(?:wordt|werd)\s+(?:sinds\s+\S+\s+)?(?:bestuurd|geleid|aangestuurd)\s+door\s+"
                     rf"(?:de\s+)?(?:(?:{_HEAD_ROLES})\s+)?(?:(?:drs|dr|mr|ir|prof|ing)\.\s*)?⟦H(\d+)⟧")
#: "Onder leiding van (directeur) X groeide Y uit tot ...", "Ons team staat onder leiding van directeur X".
_UNDER_LEAD = re.compile(rf"(?i)\bonder\s+(?:de\s+)?leiding\s+van\s+(?:(?:{_HEAD_ROLES})\s+)?⟦H(\d+)⟧")
_PREFIXED = re.compile(rf"(?i)⟦O(\d+)⟧-(?:{_HEAD_ROLES})\s+⟦H(\d+)⟧")


#: "Mijn naam is X", "Ik ben X", "Ik heet X": the person who writes (an interview, a column).
_SPEAKER = re.compile(r"(?i)\b(?:mijn\s+naam\s+is|ik\s+ben|ik\s+heet)\s+⟦H(\d+)⟧")
#: The writer's own "ben": "ik ben", "ben ik", "... en ben" (the "ik" of the clause before).
_FIRST_PERSON_BEN = re.compile(r"(?i)\b(?:ik\s+ben|ben\s+ik|en\s+ben)\b")
#: A head role of an organisation, with "interim-" or "waarnemend" before it ("vicevoorzitter" is none).
#: (With a unit's name after the organisation, "voorzitter van Avondrood afdeling Tiel", the unit.)
_ROLE_OF = re.compile(rf"(?i)(?<![\w-])(?:interim-?\s*|waarnemend\s+)?(?:{_HEAD_ROLES})\s+(?:van|bij)\s+"
                      rf"(?:de\s+|het\s+)?⟦O(\d+)⟧(?:{UNIT_AREA})?(?!\s*,?\s*⟦H)")


def _writer_heads(ctx: Context, v: View, masked: str, slots: list[Slot]) -> None:
    """"Mijn naam is X. Ik woon in Tiel en ben sinds 2021 voorzitter van Y": the writer X
    heads Y (every such role after the writer's own "ben" in the sentence, none held by a
    person the sentence names between them)."""
    m = _SPEAKER.search(masked)
    if m and "writer" not in ctx.memory and slots[int(m.group(1))].mention.type == "Person":
        ctx.memory["writer"] = slots[int(m.group(1))]
    writer = ctx.memory.get("writer")
    ben = _FIRST_PERSON_BEN.search(masked) if writer is not None else None
    if ben is None or _ORGAN.search(v.text):
        return
    for r in _ROLE_OF.finditer(masked, ben.end()):
        if "⟦H" in masked[ben.end():r.start()]:
            return  # "ik ben blij dat ⟦H⟧ voorzitter van ..." : the role is someone else's
        org = slots[int(r.group(1))]
        if r.group(2) is not None:  # the unit the organisation's name and an area name
            if org.group is None and slots[int(r.group(2))].group is None:
                unit = ctx.mention(v, org.cstart, slots[int(r.group(2))].cend, "Organisation")
                ctx.add(v, writer, "headOf", unit, "headOf:ik-ben-rol-van", 0.8)
            continue
        for o in org.members():
            if o.mention.type in ORG_TYPES:
                ctx.add(v, writer, "headOf", o, "headOf:ik-ben-rol-van", 0.8)


def _is_head(role: str | None) -> bool:
    return bool(role) and ROLES.get(role.lower(), False)


def _names_person(masked: str) -> bool:
    """Every headOf rule reads a person token ⟦Hn⟧ (the (?i) rules would also take ⟦hn⟧)."""
    return "⟦H" in masked or "⟦h" in masked


#: "van ", "van de " right before an organisation: the one the head heads
_VAN_AT_END = re.compile(r"\bvan\s+(?:de\s+|het\s+)?$")
#: A stop, colon or quote ending a sentence (so the next one does not open a passage)
_SENTENCE_END = re.compile(r"[.!?:\"]\s*$")


def run(ctx: Context) -> None:
    """Component: headOf candidates."""
    later: list = []
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no person (nor any slot) named: nothing below reads the sentence
        masked, slots, _ = v.masked()
        linked: set[int] = set()
        if _names_person(masked):  # no person named: no rule can match
            _read_rules(ctx, v, masked, slots, linked)
        if "⟦H" in masked or "writer" in ctx.memory:
            _writer_heads(ctx, v, masked, slots)
        for i, s in enumerate(slots):
            if s.mention.type != "Person" or i in linked or not _is_head(s.mention.role):
                continue
            if _ORGAN.search(v.text):
                continue  # "voorzitter van de Raad van Toezicht", "voorzitter van de wijkraad"
            # a venue ("welkom in wijkcentrum X") is no organisation a head heads
            orgs = [o for o in org_slots(v) if o.mention.type in ORG_TYPES and not _venue(v, o)]
            target: Slot | None = None
            if orgs:
                after_van = [o for o in orgs if _VAN_AT_END.search(v.text[:o.cstart])]
                target = (after_van or orgs)[0]
                conf = 0.7
            else:
                later.append((v, s))
                continue
            if target is not None and not _venue(v, target):
                for o in target.members():
                    ctx.add(v, s, "headOf", o, "headOf:rol-in-zin", conf)
    # "..., zegt bestuurder X." with no organisation in the sentence: the one the text was about,
    # unless the text already says which organisation X heads
    if not later:
        return
    headed = {c.subject.name.casefold() for c in ctx.extraction.candidates if c.relation == "headOf"}
    for v, s in later:
        if s.mention.name.casefold() in headed:
            continue
        target = topic_org(ctx, v)
        opening = all(w.heading or not _SENTENCE_END.search(w.text) for w in ctx.previous(v, 1, same_para=True))
        if target is None and opening and not _ORGAN.search(v.text):
            # "Directeur-bestuurder X heette ons welkom" opening a section: the organisation the
            # whole text is about
            author = _title_org(ctx)
            if author is not None:
                for o in author.members():
                    ctx.add(v, s, "headOf", o, "headOf:rol-tekst-org", 0.55)
            continue
        if target is not None and not _venue(ctx.views[_view_of(ctx, target, v)], target):
            for o in target.members():
                ctx.add(v, s, "headOf", o, "headOf:rol-in-zin", 0.6)


#: "teamleider", "coördinator", "manager": a lead of something smaller than the organisation
_LOWER_LEAD = re.compile(r"(?i)\b(?:team|afdeling|project)leider|"
                         r"coördinator|manager")
#: "in ", "bij de " right before an organisation: a place of work, not the one led
_IN_OR_AT_END = re.compile(r"\b(?:in|uit|te|bij)\s+(?:de\s+|het\s+)?$")
_ONS_ONZE = re.compile(r"\b(?:[Oo]ns|[Oo]nze)\b")


def _read_rules(ctx: Context, v: View, masked: str, slots: list[Slot], linked: set[int]) -> None:
    """The headOf rules of one sentence; ``linked`` gets the person slots they link."""
    # all rules but three read a head role, in any case: one test for them (most sentences have none)
    roles = holds_any_case(v.text, _HEAD_ROLE_WORDS)
    for m in _OF_NEW.finditer(masked) if roles else ():
        result = ctx.memory.get("merge_result")
        idx = m.group(1) or m.group(2)
        if result is not None:
            ctx.add(v, slots[int(idx)], "headOf", result, "headOf:nieuwe-organisatie", 0.75)
            linked.add(int(idx))
    for rx in (_WHO_IS, _APPOINTED) if roles else ():
        for m in rx.finditer(masked):
            person = slots[int(m.group(1))]
            org = slots[int(m.group(2))] if m.group(2) else None
            if org is None:
                orgs = [o for o in org_slots(v) if o.mention.type in ORG_TYPES]
                org = orgs[0] if len(orgs) == 1 else None
                if not orgs and rx is _APPOINTED:
                    # "De raad van toezicht heeft X benoemd tot directeur": the organisation
                    # the title names
                    org = _title_org(ctx)
            if org is not None:
                for o in org.members():
                    ctx.add(v, person, "headOf", o, "headOf:benoemd", 0.8)
                linked.add(int(m.group(1)))
    _person_org(ctx, v, _LED_BY.finditer(masked), slots, linked, 1, 2, "headOf:bestuurd-door", 0.8)
    for m in _UNDER_LEAD.finditer(masked):
        idx = int(m.group(1))
        if idx in linked or _ORGAN.search(v.text) or _LOWER_LEAD.search(v.text):
            continue
        orgs = [o for o in org_slots(v) if not is_venue(v, o) and not _IN_OR_AT_END.search(v.text[:o.cstart])]
        target = orgs[0] if len({o.mention.name for o in orgs}) == 1 else None
        if target is None and not orgs and _ONS_ONZE.search(v.text):
            from kg.extract.coref import author_org
            target = author_org(ctx)  # "Ons team staat onder leiding van directeur X"
        if target is not None:
            for o in target.members():
                ctx.add(v, slots[idx], "headOf", o, "headOf:onder-leiding-van", 0.75)
            linked.add(idx)
    m = _ROLE_IS_BARE.match(masked) if roles else None
    if m and not _ORGAN.search(v.text):
        # "Directeur-bestuurder is X.": the organisation the paragraph before was about,
        # or the organisation the whole page is about
        prev = ctx.previous(v, 1, same_para=True)
        target = topic_org(ctx, v) if not (prev and _ORGAN.search(prev[0].text)) else None
        if target is None and not prev:
            from kg.extract.coref import author_org
            target = author_org(ctx)
        if target is not None:
            ctx.add(v, slots[int(m.group(1))], "headOf", target, "headOf:rol-is-naam", 0.7)
            linked.add(int(m.group(1)))
    if roles:
        _person_org(ctx, v, _ROLE_OF_IS.finditer(masked), slots, linked, 1, 2, "headOf:rol-van-is", 0.85)
        _person_org(ctx, v, _IS_ROLE.finditer(masked), slots, linked, 2, 1, "headOf:is-rol-van", 0.85)
        _person_org(ctx, v, _AFTER.finditer(masked), slots, linked, 2, 1, "headOf:naam-rol-org", 0.9)
    for m in _LED_BY_BOARD.finditer(masked):
        items, _ = parse_list(masked, slots, m.end(), "H")
        for it in items:
            for o in slots[int(m.group(1))].members():
                ctx.add(v, it.slot, "headOf", o, "headOf:raad-van-bestuur", 0.8)
            if it.slot in slots:
                linked.add(slots.index(it.slot))
    for rx in (_BEFORE, _PREFIXED) if roles else ():
        for m in rx.finditer(masked):
            g = m.groups()
            org, person = slots[int(g[0] or g[2])], slots[int(g[1] or g[3])]
            for o in org.members():
                ctx.add(v, person, "headOf", o, "headOf:rol-org-naam", 0.9)
            linked.add(int(g[1] or g[3]))


def _person_org(ctx: Context, v: View, matches, slots: list[Slot], linked: set[int],
                org_group: int, person_group: int, rule: str, confidence: float) -> None:
    """A rule that reads one person and one organisation (or a group of them) in each match:
    the person heads each of them; ``linked`` gets the person's slot number."""
    for m in matches:
        person = int(m.group(person_group))
        for o in slots[int(m.group(org_group))].members():
            ctx.add(v, slots[person], "headOf", o, rule, confidence)
        linked.add(person)


def _title_org(ctx: Context) -> Slot | None:
    """The one organisation named in the title: the first of the opening lines that names any."""
    for w in ctx.views[:3]:
        if len(w.text) > 120:
            return None
        orgs = [o for o in org_slots(w) if o.group is None]
        if orgs:
            return orgs[0] if len({o.mention.name for o in orgs}) == 1 and orgs[0].strong else None
    return None


def _view_of(ctx: Context, slot: Slot, near) -> int:
    for w in ctx.previous(near, 3):
        if slot in w.slots:
            return w.index
    return near.index


def _venue(v, slot: Slot) -> bool:
    """"wijkcentrum De X": a venue has no director in the sense of headOf."""
    return is_venue(v, slot)
