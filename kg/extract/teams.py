"""Teams and pilots (the ontology's Pilot): wijkteams, buurtteams, pilots, proeftuinen.

What it reads in Dutch:

* a named team, "wijkteam Kadeveld", "het sociaal wijkteam Noord": a Pilot labelled
  "Wijkteam Kadeveld", located in the wijk its name gives;
* "een pilot", "een wijkteam": a new team; its place comes from the same sentence ("In de wijk X
  is ... trekker van een pilot" -> "Pilot X"), or, when the sentence says "hier"/"daar", from the
  place of the sentence before ("in buurtcentrum de Linde ... Hier werken ... in het wijkteam");
* "het wijkteam", "de pilot" (definite, singular) point back to the last team of the text.

Plural forms ("vier pilots met buurtteams") name no single team and are skipped.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import NAME_HEADS, TEAM_NOUNS
from kg.extract.rules import has_any, holds_any_case
from kg.extract.services import label_of
from kg.text import normalise_name

_NOUNS = "|".join(sorted((re.escape(n) for n in TEAM_NOUNS), key=len, reverse=True))
_TEAM = re.compile(rf"(?i)\b(?:(?P<det>het|de|een|dit|dat|ons|hun|haar|als)\s+)?(?P<noun>{_NOUNS})\b"
                   rf"(?![-/])")
#: Words one of which every team noun holds (in any case): looked for before ``_TEAM``, which is
#: slow, and finds none in most sentences.
_TEAM_CUES = ("team", "pilot", "proeftuin", "wijknetwerk")
assert all(has_any(n.lower(), _TEAM_CUES) for n in TEAM_NOUNS), "a team noun without a cue word of _TEAM_CUES"
_LOCATIVE = re.compile(r"(?i)\bin\s+(?:het\s+|de\s+)?(?:buurtcentrum\s+|wijkcentrum\s+|buurthuis\s+|"
                       r"dorpshuis\s+|wijk\s+|buurt\s+)?(?:de\s+|het\s+)?⟦([A-Z])(\d+)⟧")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _place_in(view: View, around: int | None = None) -> Slot | None:
    """The neighbourhood (else municipality) of a sentence, nearest to ``around``."""
    for types in (("Neighbourhood",), ("Municipality",)):
        cands = [s for s in view.slots if s.mention.type in types]
        if cands:
            if around is None:
                return cands[0]
            return min(cands, key=lambda s: abs(s.cstart - around))
    return None


def _hier(ctx: Context, view: View) -> tuple[Slot | None, Slot | None]:
    """For "hier"/"daar": (venue or place of the sentence before, the place it lies in)."""
    for prev in ctx.previous(view, 1):
        masked, slots, _ = prev.masked()
        for m in _LOCATIVE.finditer(masked):
            slot = slots[int(m.group(2))]
            if slot.mention.type in ("Neighbourhood", "Municipality"):
                return None, slot
            if slot.mention.type == "Organisation":
                return slot, _venue_place(ctx, slot)
    return None, None


#: " in ", " te " between a venue and its place
_IN_OR_TE = re.compile(r"\s+(?:in|te)\s+")


def _venue_place(ctx: Context, venue: Slot) -> Slot | None:
    """Where the text says a venue is: "de Linde in Noordwijk"."""
    key = normalise_name(venue.mention.name)
    for v in ctx.views:
        for s in v.sorted_slots():
            if normalise_name(s.mention.name) != key:
                continue
            after = [t for t in v.slots if t.cstart > s.cend]
            after.sort(key=lambda t: t.cstart)
            if after and after[0].mention.type in ("Neighbourhood", "Municipality") and \
                    _IN_OR_TE.fullmatch(v.text[s.cend:after[0].cstart]):
                return after[0]
    return None


_BACK_TEAM = re.compile(r"\b(?:[Hh]et|[Dd]it|[Dd]at|[Dd]at\s+zelfde|[Hh]etzelfde|[Oo]ns|[Hh]un)\s+(team)\b(?!\s+[A-Z])")


_BARE_DIRECTIONS = frozenset({"noord", "zuid", "oost", "west", "midden", "centrum", "noordoost",
                              "noordwest", "zuidoost", "zuidwest", "stad"})


_TEAM_NAME_START = re.compile(r"(?i)^(?:%s)\s+\S" % "|".join(
    re.escape(n) for n in sorted(TEAM_NOUNS, key=len, reverse=True) if n not in ("pilot", "proeftuin")))


#: "de pilot 'Het wordt druk'", "het project “Samen Thuis”": a pilot named by a quoted title.
_TITLED_PILOT = re.compile(r"\b(?:[Dd]e|[Hh]et|[Dd]eze|[Dd]it)\s+(?P<noun>pilot|proeftuin|project|experiment|proef)\s+"
                           r"['‘\"“„](?P<title>[^'’\"”\n]{3,80}?)['’\"”]")
_TITLED_NOUNS = ("pilot", "proef", "project", "experiment")


def _titled_pilots(ctx: Context) -> None:
    """The quoted title after "de pilot" is the pilot's name (quoted titles are no names otherwise)."""
    for v in ctx.views:
        if not has_any(v.text, _TITLED_NOUNS):
            continue  # none of the nouns _TITLED_PILOT needs
        for m in _TITLED_PILOT.finditer(v.text):
            cs, ce = m.start("title"), m.end("title")
            for s in [s for s in v.slots if s.cstart < ce and s.cend > cs and not s.strong]:
                v.slots.remove(s)
            if v.free(cs, ce):
                slot = ctx.place(v, cs, ce, "Pilot", label=label_of(m.group("title")))
                noun = ctx.place(v, m.start("noun"), m.end("noun"), "Pilot") if slot is not None else None
                if noun is not None:
                    noun.group = [slot]  # "de pilot" here is the titled one, not a team named before


def _team_names_as_pilots(ctx: Context) -> None:
    """"Sociaal Team Rheden-Zuid" read as a name: a team is a Pilot, not an organisation."""
    for v in ctx.views:
        for s in v.slots:
            if s.group is None and s.mention.type == "Organisation" and _TEAM_NAME_START.match(s.mention.name):
                ctx.retype(s, "Pilot")


_PLURAL_TEAMS = re.compile(r"\b(?:de\s+|twee\s+|drie\s+)?(?:(?:nieuwe|sociale)\s+)?"
                           r"(?P<noun>wijkteams|buurtteams|gebiedsteams|dorpsteams)\s+"
                           r"(?P<names>[A-Z][\w'-]+(?:,\s+[A-Z][\w'-]+)*\s+en\s+[A-Z][\w'-]+)\b")


_CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]+")


def _plural_teams(ctx: Context, v: View, teams: list[Slot]) -> None:
    """"de wijkteams Noordoost en Kampen-West": one team per name, in the wijk it names."""
    for m in _PLURAL_TEAMS.finditer(v.text):
        noun = _cap(m.group("noun")[:-1])
        for w in _CAPITALISED_WORD.finditer(m.group("names")):
            cs, ce = m.start("names") + w.start(), m.start("names") + w.end()
            inside = [s for s in v.slots if s.cstart < ce and s.cend > cs]
            if any(s.strong and s.mention.type in ("Organisation", "Cooperative", "Partnership")
                   for s in inside) or any(s.cstart < cs or s.cend > ce for s in inside):
                continue
            for s in inside:
                v.slots.remove(s)
            slot = ctx.place(v, cs, ce, "Pilot", label=f"{noun} {w.group(0)}")
            if slot is None:
                v.slots.extend(inside)
                continue
            teams.append(slot)
            if w.group(0).casefold() not in _BARE_DIRECTIONS:
                wijk = ctx.mention(v, cs, ce, "Neighbourhood")
                ctx.add(v, slot, "locatedIn", wijk, "locatedIn:team-name", 0.8)


#: " Schuldenwijzer", " De Maten": capitalised words right after the team noun
_CAPITALISED_NAME_NEXT = re.compile(r" ([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)*)")
_HIER_DAAR = re.compile(r"(?i)\b(?:hier|daar)\b")


def run(ctx: Context) -> None:
    """Component: Pilot mentions for teams and pilots; "het wijkteam" refers back."""
    teams: list[Slot] = []
    _titled_pilots(ctx)
    _team_names_as_pilots(ctx)
    for v in ctx.views:
        if "teams" in v.text:  # every noun of _PLURAL_TEAMS ends in it
            _plural_teams(ctx, v, teams)
        teams.extend(s for s in v.sorted_slots() if s.mention.type == "Pilot" and s.group is None
                     and s not in teams)
        for m in _BACK_TEAM.finditer(v.text) if "team" in v.text else ():  # "het team": no search without it
            if teams and v.free(m.start(1), m.end(1)):
                ref = ctx.place(v, m.start(1), m.end(1), "Pilot")
                if ref:
                    ref.group = [teams[-1]]
        if not holds_any_case(v.text, _TEAM_CUES):
            continue  # no team noun
        for m in _TEAM.finditer(v.text):
            ncs, nce = m.start("noun"), m.end("noun")
            if not v.free(ncs, nce):
                continue
            det = (m.group("det") or "").lower()
            noun = m.group("noun")
            nxt = [s for s in v.slots if s.cstart == nce + 1]
            if nxt and nxt[0].mention.type == "Organisation" and not nxt[0].strong \
                    and nxt[0].group is None and v.text[nce:nce + 1] == " ":
                v.slots.remove(nxt[0])  # "wijkteam Kolenkit": the team's name, not an organisation
                nxt = []
            elif nxt and nxt[0].mention.type == "Organisation" and nxt[0].group is None \
                    and (noun.casefold() in ("pilot", "proeftuin") or nxt[0].mention.text.startswith(("De ", "Het "))) \
                    and v.text[nce:nce + 1] == " " \
                    and nxt[0].mention.text.split()[0].casefold() not in NAME_HEADS:
                # "de pilot Schuldenwijzer": the pilot's own name, even where it is a confident one
                v.slots.remove(nxt[0])
                nxt = []
            cap = _CAPITALISED_NAME_NEXT.match(v.text[nce:])
            if nxt and nxt[0].mention.type in ("Neighbourhood", "Municipality"):
                place = nxt[0]
                v.slots.remove(place)
                ctx.memory.setdefault("team_places", []).append((v, place))
                slot = ctx.place(v, ncs, place.cend, "Pilot", label=f"{_cap(noun)} {place.mention.name}")
                if slot:
                    if place.mention.name.casefold() not in _BARE_DIRECTIONS:
                        # "Gebiedsteam Noord": a compass word alone names no wijk to locate it in
                        ctx.add(v, slot, "locatedIn", place.mention, "locatedIn:team-name", 0.85)
                    teams.append(slot)
                continue
            if cap and v.free(nce, nce + cap.end()) and not nxt:
                slot = ctx.place(v, ncs, nce + cap.end(), "Pilot",
                                 label=f"{_cap(noun)} {cap.group(1)}")
                if slot:
                    teams.append(slot)
                    # "In Zwolle is het buurtteam Oost gestart": the team's town
                    muns = [s for s in v.slots if s.mention.type == "Municipality"]
                    if len(muns) == 1:
                        ctx.add(v, slot, "locatedIn", muns[0].mention, "locatedIn:team-town", 0.6)
                continue
            if det in ("het", "de", "dit", "dat", "ons", "hun", "haar") and teams:
                ref = ctx.place(v, ncs, nce, "Pilot")
                if ref:
                    same = [t for t in teams if (t.mention.label or t.mention.text).casefold()
                            .startswith(noun.casefold())]
                    # a team with a name ("Sociaal wijkteam X") before a bare mention of the noun
                    named = [t for t in teams if t.strong and t.group is None and re.search(
                        rf"(?i)(?:^|\s){re.escape(noun)}\s+\S", t.mention.label or t.mention.text)]
                    ref.group = [(named or same or teams)[-1]]
                continue
            if det == "als":
                continue
            place = _place_in(v, ncs)
            venue = None
            if place is None and _HIER_DAAR.search(v.text):
                venue, place = _hier(ctx, v)
            label = _cap(noun) + (f" {place.mention.name}" if place else "")
            slot = ctx.place(v, ncs, nce, "Pilot", label=label, strong=place is not None)
            if slot is None:
                continue
            teams.append(slot)
            if place is not None and place.mention.type == "Neighbourhood":
                # "het wijkteam in Kolenkit": a team in a wijk; a team "in Weert" is the town's
                # team whose own name the text does not give, and the annotators do not take it
                ctx.add(v, slot, "locatedIn", place.mention, "locatedIn:team-place", 0.75)
            if venue is not None:
                ctx.add(v, slot, "locatedIn", venue.mention, "locatedIn:team-venue", 0.6)
    ctx.memory["teams"] = teams
