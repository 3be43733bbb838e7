"""offersService: an organisation gives a kind of help.

What it reads in Dutch, clause by clause ("X is ... gestart met A en is nu gestart met B"
gives X both, its partners only the first):

* a service verb in the clause: biedt/bieden/aanbieden, verzorgt, levert, voert ... uit /
  uitvoert / uitgevoerd, verleent, organiseert, is gestart met, start met, begint met, doet aan;
* the organisation: the subject of the clause (its first organisation, with those named after
  "samen met" / "i.s.m."), the agent of a passive ("wordt door/onder de vlag van X uitgevoerd"),
  or, in a clause without one, the subject of the sentence;
* a relative clause "een organisatie die sociaal werk uitvoert" belongs to the subject;
* the date: "vanaf 1-1-2013", "sinds 2012", "per 1 januari 2015" in the same clause;
* "biedt geen/niet meer X" is negated, "wil X gaan bieden" intended.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View, list_item_views
from kg.extract.dates import START_CUES, date_near
from kg.extract.rules import (ORG_RX, ORG_TYPES, PLACE_PREPOSITION_AT_END, clauses, fronted_with,
                              modality, parse_list)

_VERB = re.compile(r"(?i)\b(?:richt\s+zich\s+op|richten\s+zich\s+op|biedt|bieden|bood|boden|aanbieden|aangeboden|verzorgt|verzorgen|"
                   r"verzorgd|verzorgde|levert|leveren|geleverd|voert|voeren|voerde|uitvoert|"
                   r"uitvoeren|uitgevoerd|verleent|verlenen|verleend|organiseert|organiseren|"
                   r"gestart\s+met|start\s+met|starten\s+met|startte\s+met|begonnen\s+met|"
                   r"begint\s+met|gestart|begonnen|doet\s+aan|doen\s+aan|verstrekt|inzet\s+op|biedt\s+aan|"
                   r"doet|doen|deed|deden|runt|runnen|runde|beheert|beheren|beheerde|beheerden|"
                   r"zet|zetten|zette|inzetten|ingezet|overgenomen|neemt|nemen|nam|brengt|brengen|bracht|voortgezet|voortzetten|"
                   r"(?:is|zijn|was|waren)\s+(?:\w+\s+){0,3}?(?:actief\s+met|bekend\s+(?:van|om))|"
                   r"(?:ontvangt|ontvangen|ontving|krijgt|krijgen|kreeg)\s+(?:\w+\s+){0,2}?subsidie\s+voor)\b")
#: Verbs that need their particle to offer a service: "zet X in", "neemt X over", "brengt X in".
_PARTICLE_VERB = re.compile(r"(?i)\b(?:zet|zetten|zette|neemt|nemen|nam|brengt|brengen|bracht)\b")
_PARTICLE = re.compile(r"(?i)⟦S\d+⟧(?:[^⟦]|⟦[OMN]\d+⟧){0,60}?\b(?:in|over)\s*(?:[.,;:!)]|$)")


#: "het ouderenwerk van X overnemen": X gave the service before; it is not the provider now.
_TAKEOVER = re.compile(r"(?i)\b(?:overgenomen|over|overnemen|overgedragen)\b")


#: "X verzorgt (in Ede) het buurtwerk (in Ede en Renkum)": where the subject gives its help.
_SERVICE_IN = re.compile(r"\bin\s+(?:de\s+|het\s+)?(?:hele\s+|gehele\s+)?(?:gemeenten?\s+|wijken?\s+|"
                         r"dorpen?\s+|kernen?\s+)?(?=⟦[MN]\d+⟧)")
_RELATIVE_WORD = re.compile(r"\b(?:dat|die|waar|waarin|waarmee|wat|opdracht|samenwerking|plaats)\b|[(]")


_SERVICE_TOKEN = re.compile(r"⟦S(\d+)⟧")


def _service_places(ctx: Context, v, masked: str, slots: list[Slot], a: int, b: int, agent: Slot) -> None:
    """The places after "in" in a service clause locate its subject (not inside a relative clause)."""
    first_service = masked.find("⟦S", a, b)
    if first_service < 0 or not isinstance(agent, Slot) or agent.mention.type not in ORG_TYPES:
        return
    for m in _SERVICE_IN.finditer(masked, a, b):
        if _RELATIVE_WORD.search(masked, a, m.start()):
            return
        items, _ = parse_list(masked, slots, m.end(), "MN")
        for it in items:
            for p in it.slot.members():
                if p.mention.type in ("Municipality", "Neighbourhood"):
                    ctx.add(v, agent, "locatedIn", p, "locatedIn:dienst-in", 0.6)


def _service_verb(text: str) -> bool:
    """A service verb in ``text``; "zet/neemt/brengt" only with their particle after a service
    ("zetten wij schuldhulpmaatjes in", "neemt het ouderenwerk over")."""
    for m in _VERB.finditer(text):
        if not _PARTICLE_VERB.fullmatch(m.group(0)):
            return True
        if _PARTICLE.search(text, m.end()):
            return True
    return False
_WITH = re.compile(r"\b(?:samen\s+met|in\s+samenwerking\s+met|i\.\s?s\.\s?m\.?)\s+")
_RELATIVE = re.compile(r"⟦O(\d+)⟧(?:\s+⟦[MNV]\d+⟧)?\s*,\s*(?:dat|die)\s+[^⟦,.;]{0,40}?⟦S\d+⟧(?:\s*(?:,|en|of)\s*"
                       r"(?:de\s+|het\s+)?⟦S\d+⟧)*[^⟦,.;]{0,30}")
_PAREN_SERVICES = re.compile(r"⟦O(\d+)⟧(?:\s+⟦[MNV]\d+⟧)?\s*\(\s*((?:de\s+|het\s+)?⟦S\d+⟧(?:\s*(?:,|en|of)\s*"
                             r"(?:de\s+|het\s+)?⟦S\d+⟧)*)[^⟦()]{0,60}?(?:[,;][^()]*)?\)")
_AGENT = re.compile(r"\b(?:door|onder\s+de\s+vlag\s+van)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")


def _orgs_in(masked: str, slots: list[Slot], a: int, b: int) -> list[tuple[int, Slot]]:
    out = []
    for m in ORG_RX.finditer(masked[a:b]):
        s = slots[int(m.group(1))]
        for x in s.members():
            if x.mention.type in ORG_TYPES:
                out.append((a + m.start(), x))
    return out


_NEW_ORG_SUBJECT = re.compile(r"\s*(?:De|Deze)\s+(?:nieuwe\s+(?:\w+\s+)?(?:organisatie|stichting)|"
                              r"fusieorganisatie|fusiestichting)\b")
#: A heading over a list of what the page's own organisation does.
_SERVICE_HEADING = re.compile(r"(?i)^(?:onze|ons|wat\s+(?:wij|we)|waarmee\s+(?:wij|we))\s+"
                              r"(?:diensten|dienstverlening|aanbod|hulp|ondersteuning|doen|werkzaamheden|"
                              r"activiteiten|helpen|kunnen\s+doen|bieden)\b[^.!?]{0,30}$")


#: A stop, "!" or "?" ending a line: a sentence, not a heading
_STOP_AT_END = re.compile(r"[.!?]$")
#: A service opening the (masked) line
_LEADING_SERVICE = re.compile(r"\s*⟦S(\d+)⟧")


def _heading_lists(ctx: Context) -> None:
    """"Onze diensten" over bullets "• Schuldhulpverlening": the services of the page's organisation."""
    from kg.extract.coref import author_org

    author: list[Slot | None] = []
    under = False
    for v in ctx.views:
        line = v.text.strip()
        if v.heading or (not v.bullet and len(line) < 60 and not _STOP_AT_END.search(line)):
            under = bool(_SERVICE_HEADING.match(line.rstrip(":")))
            continue
        if not under:
            continue
        if not v.bullet:
            under = False
            continue
        masked, slots, _ = v.masked()
        m = _LEADING_SERVICE.match(masked)
        if not m or slots[int(m.group(1))].mention.type != "Service":
            continue
        if not author:
            author.append(author_org(ctx))
        if author[0] is None:
            return
        ctx.add(v, author[0], "offersService", slots[int(m.group(1))], "offersService:onze-diensten", 0.65)


#: "X biedt onder meer:", "Wij verzorgen de volgende diensten:", "Onze diensten:" closing a sentence
#: that opens a bulleted list of services.
_COLON_CUE = re.compile(r"(?i)(?:\b(?:biedt|bieden|verzorgt|verzorgen|levert|leveren|organiseert|organiseren|"
                        r"verleent|verlenen)\b(?:\s+[\w-]+){0,4}?|^(?:onze|ons)\s+(?:diensten|dienstverlening|"
                        r"aanbod|activiteiten)(?:\s+[\w-]+){0,2}?)\s*:\s*$")
_FIRST_PERSON_OPEN = re.compile(r"^(?:[Ww]ij|[Ww]e|[Oo]nze?)\b")


#: A preposition right before an organisation: a place or a party, not the agent
_PREPOSITION_AT_END = re.compile(r"\b(?:in|uit|te|met|van|voor|bij)\s+$")


def _intro_agents(ctx: Context, v, masked: str, slots: list[Slot], end: int) -> list[Slot]:
    """Who gives the services a line introduces: the first organisation it names before ``end``
    (not one after "in", "met", "van" ...); with "Wij bieden:" the organisation the paragraph is
    about; with "Inwoners kunnen rekenen op:" the text's own organisation."""
    from kg.extract.coref import author_org
    from kg.extract.rules import topic_org

    orgs = [o for o in _orgs_in(masked, slots, 0, end)
            if not _PREPOSITION_AT_END.search(masked[:o[0]])]
    if orgs:
        agents = orgs[0][1].members()
    elif _FIRST_PERSON_OPEN.match(v.text):
        topic = topic_org(ctx, v) or author_org(ctx)
        agents = [topic] if topic is not None else []
    elif _BENEFICIARIES.match(v.text):
        topic = author_org(ctx)
        agents = [topic] if topic is not None else []
    else:
        agents = []
    return [o for o in agents if o.mention.type in ORG_TYPES]


def _ends_with_colon(text: str) -> bool:
    """What ``_COLON_CUE`` and ``_HELP_INTRO`` need (both end in ``\\s*:\\s*$``), checked before their
    slow searches: few sentences open a list (and most have no colon at all, a cheaper test)."""
    return ":" in text and text.rstrip().endswith(":")


def _list_intros(ctx: Context) -> list[View]:
    """The lines that may open a bulleted list for :func:`_help_lists` and :func:`_colon_lists`:
    sentences (not bullets or headings) that end with a colon; found once for both."""
    return [v for v in ctx.views if not v.bullet and not v.heading and _ends_with_colon(v.text)]


#: A service, with its article, opening a list item
_ITEM_OPENS_WITH_SERVICE = re.compile(r"\s*(?:de\s+|het\s+)?⟦S")


def _colon_lists(ctx: Context, intros: list[View]) -> None:
    """"X biedt onder meer:" + bullets "- schuldhulpverlening": X offers each listed service; with
    "Wij bieden:" / "Onze diensten:" the organisation the paragraph is about (``intros``: see
    :func:`_list_intros`)."""
    for v in intros:
        cue = _COLON_CUE.search(v.text)
        items = list_item_views(ctx, v) if cue else []
        if not items:
            continue
        masked, slots, cmap = v.masked()
        cut = next((i for i, c in enumerate(cmap) if c >= cue.start()), len(masked))
        agents = _intro_agents(ctx, v, masked, slots, cut)
        date = date_near(ctx, v.index)  # "Inwoners kunnen in 2018 rekenen op:"
        for item in items:
            im, islots, _ = item.masked()
            if len(item.text.split()) > 10 or "⟦O" in im or not _ITEM_OPENS_WITH_SERVICE.match(im):
                continue
            for sm in _SERVICE_TOKEN.finditer(im):
                sv = islots[int(sm.group(1))]
                for o in agents:
                    if sv.mention.type == "Service":
                        ctx.add(item, o, "offersService", sv, "offersService:biedt-lijst", 0.7,
                                date or date_near(ctx, item.index))


#: A line that opens a bulleted list of the kinds of help an organisation gives: "X is op veel
#: terreinen actief om mensen te helpen, zoals:", "Wij ondersteunen inwoners onder meer met:".
_HELP_INTRO = re.compile(r"(?i)\b(?:actief|helpen|helpt|ondersteunen|ondersteunt|ondersteuning|hulp|"
                         r"bieden|biedt|aanbod|diensten|dienstverlening|activiteiten|organiseert|"
                         r"organiseren|verzorgt|verzorgen|verleent|verlenen|rekenen|terecht)\b[^:]*"
                         r"\b(?:zoals|onder\s+meer|onder\s+andere|bijvoorbeeld|met|op|aan|voor|bij)\s*:\s*$")
#: "Inwoners van X kunnen in 2018 rekenen op:": what the people are offered, by the text's organisation.
_BENEFICIARIES = re.compile(r"(?i)^(?:de\s+|alle\s+)?(?:inwoners|bewoners|cliënten|clienten|deelnemers|"
                            r"ouderen|jongeren|mantelzorgers|gezinnen)\b")
#: Where the name of a listed kind of help ends: "Hulp bij verhuizen; Veel ouderen ...".
_ITEM_HEAD = re.compile(r"[^;:,.()!?]+?(?=\s*(?:[;:,.()!?]|[\s\"'“”‘’](?:om|waarbij|zodat|door|voor\s+wie)\s|$))")
_QUOTES = "\"'“”‘’„"


def _help_lists(ctx: Context, intros: list[View]) -> None:
    """"Avondrood is actief om mensen te helpen, zoals:" + bullets "- Hulp bij verhuizen; ...":
    each item names a kind of help the organisation gives, whether or not the lexicon knows it
    (``intros``: see :func:`_list_intros`)."""
    from kg.extract.services import label_of

    for v in intros:
        if not _HELP_INTRO.search(v.text):
            continue
        items = list_item_views(ctx, v)
        if len(items) < 2:
            continue
        masked, slots, _ = v.masked()
        agents = _intro_agents(ctx, v, masked, slots, len(masked))
        if not agents:
            continue
        for item in items:
            first = item.sorted_slots()[0] if item.slots else None
            if first is not None and first.cstart <= 2 and first.mention.type == "Service":
                for o in agents:  # "• Jongerenwerk in de wijken Noord en Oost": a known kind of help
                    ctx.add(item, o, "offersService", first, "offersService:hulp-lijst", 0.7,
                            date_near(ctx, v.index) or date_near(ctx, item.index))
                continue
            head = _ITEM_HEAD.match(item.text)
            if not head:
                continue
            cs, ce = head.start(), head.end()
            while cs < ce and (item.text[cs] in _QUOTES or item.text[cs].isspace()):
                cs += 1
            while ce > cs and (item.text[ce - 1] in _QUOTES or item.text[ce - 1].isspace()):
                ce -= 1
            words = item.text[cs:ce].split()
            if not 1 <= len(words) <= 6 or not item.text[cs:cs + 1].isalpha():
                continue
            inside = [sl for sl in item.slots if sl.cstart < ce and sl.cend > cs]
            if any(sl.mention.type != "Service" for sl in inside):
                continue  # a listed organisation or person, not a kind of help
            for sl in inside:
                item.slots.remove(sl)
            label = label_of("".join(ch for ch in item.text[cs:ce] if ch not in _QUOTES))
            sv = ctx.place(item, cs, ce, "Service", label=label, strong=False)
            if sv is None:
                item.slots.extend(inside)
                continue
            for o in agents:
                ctx.add(item, o, "offersService", sv, "offersService:hulp-lijst", 0.7,
                        date_near(ctx, v.index) or date_near(ctx, item.index))


#: "een vervoersdienst naar de dagbesteding": a service the clause's service goes to is no service
#: the clause offers
_DESTINATION_BEFORE = re.compile(r"\bnaar\s+(?:de\s+|het\s+)?$")
#: What closes a bracketed list of services: a separator, "en" or the end
_SEPARATOR_OR_END = re.compile(r"\s*(?:[,;.]|en\b|$)")
#: A service and "van" right before an organisation: what a takeover takes from it
_SERVICE_VAN_AT_END = re.compile(r"⟦S\d+⟧\s+van\s+$")
#: A service right before an organisation: the name qualifies the service
_SERVICE_AT_END = re.compile(r"⟦S\d+⟧\s+$")
#: "ook ", "samen ", "de " between the clause start and its first organisation
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:[Oo]ok|[Ss]amen)\s+)?(?:(?:de|het|De|Het)\s+)?")
#: A lower-case word after the subject: its verb
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")


def run(ctx: Context) -> None:
    """Component: offersService candidates."""
    intros = _list_intros(ctx)
    _help_lists(ctx, intros)
    _heading_lists(ctx)
    _colon_lists(ctx, intros)
    for v in ctx.views:
        if not v.slots and "⟦" not in v.text:
            continue  # no slot token, so no service (the masked view is not made)
        masked, slots, cmap = v.masked()
        if "⟦S" not in masked:
            continue
        for m in _PAREN_SERVICES.finditer(masked):
            # "• Stichting X (opvoedondersteuning en oudercursussen);": what a listed partner does
            if not (v.bullet or _SEPARATOR_OR_END.match(masked[m.end():])):
                continue
            org = slots[int(m.group(1))]
            for sm in _SERVICE_TOKEN.finditer(m.group(2)):
                sv = slots[int(sm.group(1))]
                for o in org.members():
                    if o.mention.type in ORG_TYPES and sv.mention.type == "Service":
                        ctx.add(v, o, "offersService", sv, "offersService:tussen-haakjes", 0.7)
        if not _service_verb(masked):
            continue
        whole = (0, len(masked))  # a sentence of one clause: its verb was just found
        sentence_subject: list[Slot] = []
        done: set[int] = set()
        for m in _RELATIVE.finditer(masked):
            # "..., samen met Taalhuis X, dat de taalcursussen verzorgt": the services of X only
            if not _service_verb(m.group(0)):
                continue
            org = slots[int(m.group(1))]
            for sm in _SERVICE_TOKEN.finditer(m.group(0)):
                sv = slots[int(sm.group(1))]
                done.add(int(sm.group(1)))
                for o in org.members():
                    if o.mention.type in ORG_TYPES and sv.mention.type == "Service":
                        ctx.add(v, o, "offersService", sv, "offersService:dat-verzorgt", 0.75,
                                None, modality(m.group(0)))
        for a, b in clauses(masked):
            clause = masked[a:b]
            if (a, b) != whole and not _service_verb(clause):
                orgs = _orgs_in(masked, slots, a, b)
                if orgs and not sentence_subject:
                    sentence_subject = [orgs[0][1]]
                continue
            services = [slots[int(m.group(1))] for m in _SERVICE_TOKEN.finditer(clause)
                        if int(m.group(1)) not in done and not _DESTINATION_BEFORE.search(clause, 0, m.start())]
            if not services:
                continue
            agents: list[Slot] = []
            located: list[Slot] | None = None  #: the agents the clause's places locate (default: the first)
            ag = _AGENT.search(clause)
            front = fronted_with(masked, slots, a)
            if front is not None:
                agents = front[0].members() + [o for o in front[1] if o not in front[0].members()]
            elif ag:
                agents = slots[int(ag.group(1))].members()
            else:
                # "Het jongerenwerk in Burgum doet X": a name after a place preposition is no provider
                orgs = [o for o in _orgs_in(masked, slots, a, b)
                        if not PLACE_PREPOSITION_AT_END.search(masked[a:o[0]])
                        and not (_TAKEOVER.search(clause) and _SERVICE_VAN_AT_END.search(masked[a:o[0]]))]
                first_service = masked.find("⟦S", a)
                # a name right after a service qualifies it ("het steunpunt X-regio"): no provider
                orgs = [o for o in orgs if o[0] < first_service] or [
                    o for o in orgs[:1] if not _SERVICE_AT_END.search(masked[:o[0]])]
                if orgs:
                    agents = [o for pos, o in orgs if pos == orgs[0][0]]
                    # "Beide organisaties verlenen zorg in X": each organisation of the group (one slot)
                    located = list(agents) if len(agents) > 1 else None
                    lead = _SUBJECT_LEAD.match(masked[a:orgs[0][0]])
                    if lead and lead.end() == orgs[0][0] - a:
                        # "A en B voeren samen het jongerenwerk uit": the coordinated subject gives it
                        items, end = parse_list(masked, slots, a + lead.end(), "O")
                        listed = [x for it in items for x in it.slot.members() if x.mention.type in ORG_TYPES]
                        if len(listed) >= 2 and end < first_service and _LOWER_WORD_NEXT.match(masked[end:]):
                            agents = listed
                    w = _WITH.search(clause)
                    if w:
                        items, _ = parse_list(masked, slots, a + w.end(), "O")
                        agents += [s for it in items for s in it.slot.members()
                                   if s.mention.type in ORG_TYPES]
                elif _NEW_ORG_SUBJECT.match(masked) and ctx.memory.get("merge_result") is not None:
                    # "De nieuwe organisatie biedt ...": the organisation the merger made
                    agents = [ctx.memory["merge_result"]]
                elif sentence_subject:
                    agents = list(sentence_subject)
            if not sentence_subject and agents:
                sentence_subject = agents[:1]
            date = date_near(ctx, v.index, cmap[a], cmap[b] if b < len(cmap) else None, START_CUES)
            mod = modality(clause)
            if agents and mod == "asserted":
                for agent in located or agents[:1]:
                    _service_places(ctx, v, masked, slots, a, b, agent)
            for o in agents:
                for s in services:
                    if s.mention.type == "Service":
                        ctx.add(v, o, "offersService", s, "offersService:biedt", 0.75, date, mod)
