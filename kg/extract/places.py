"""Places: municipalities and provinces from the gazetteer, wijken, venues.

What it reads in Dutch:

* a gazetteer name written with a capital ("Assen", "Aa en Hunze", "Borger-Odoorn"), also
  with space/hyphen variants; a name that is both a municipality and a province (Groningen,
  Utrecht) is a Province after "provincie" or in a list of provinces, else a Municipality;
* "gemeente X", "de gemeenten X, Y en Z", "provincie X" where X is misspelled: a fuzzy
  gazetteer lookup (the mention keeps the text, its label is the gazetteer name);
* "de wijk X", "in de buurt X", "stadsdeel X" -> Neighbourhood X, and later mentions of X;
* "buurtcentrum de X", "wijkcentrum X", "dorpshuis X" -> X is an Organisation (a venue).
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import (FIRST_NAMES, GENERIC_ENDINGS, NAME_HEADS, NOT_NAMES, NOT_ORG_ACRONYMS,
                                TEAM_NOUNS, VENUE_NOUNS)
from kg.extract.rules import cue_words, finditer_if, has_any
from kg.text import normalise_name

_CAP = r"[A-ZÀ-Ý][\w'’]*(?:-[A-Za-zÀ-ÿ][\w'’]*)*"
_NOT_ARTICLE = r"(?!(?:De|Het|Een|In|Op|Bij|Van|Met)\b)"
_WIJK = re.compile(rf"\b(?:woonwijk|wijk|buurt|stadsdeel|stadswijk|woonkern|kern|dorpskern)\s+"
                   rf"((?:{_CAP})(?:[ -]{_NOT_ARTICLE}(?:{_CAP}))*)")
_VENUE = re.compile(r"\b(?:%s)\s+((?:[Dd]e |[Hh]et |'t )?(?:%s)(?: (?:%s))*)"
                    % ("|".join(VENUE_NOUNS), _CAP, _CAP))
_CUE_MUN = re.compile(r"\b[Gg]emeenten?\s+$")
_CUE_PROV = re.compile(r"\b[Pp]rovincie(?:s)?\s+(?:in\s+|van\s+)?$")
_LIST_AFTER_CUE = re.compile(rf"\b([Gg]emeenten?|[Pp]rovincies?)\s+((?:{_CAP})(?:(?:,\s+|\s+en\s+)"
                             rf"(?:{_CAP}))*)")


#: The spaces and hyphens between the words of a place name ("Peel en Maas", "Noord-Beveland")
_NAME_WORD_SEP = re.compile(r"[-\s]+")


def _surname_context() -> re.Pattern[str]:
    """The end of a text that makes the name after it a surname: a first name (with a second
    part after a hyphen) or initials, then perhaps a particle ("Aly van ", "J. de ").

    Written by first letter: each letter's first names (in alphabetical order), then initials
    opening with it, the check that no word (or period) stands before right after the letter;
    so the regex opens with letters only, and the engine jumps to the capitals of the text
    instead of trying every first name at every character.
    """
    names: dict[str, list[str]] = {}
    for name in sorted(FIRST_NAMES):
        names.setdefault(name[0], []).append(re.escape(name[1:]))
    groups = []
    for letter in sorted(set(names) | set(string.ascii_uppercase)):
        starts = []
        if letter in names:
            starts.append(r"(?<!\w.)(?:%s)(?:-[A-Z][a-z]+)?" % "|".join(names[letter]))
        if letter in string.ascii_uppercase:
            starts.append(r"(?<![\w.].)\.\s?(?:[A-Z]\.\s?){0,2}")
        groups.append(re.escape(letter) + "(?:%s)" % "|".join(starts))
    return re.compile(r"(?:%s)\s*(?:(?:van|de|van de|van der|van den|ter|ten|te|in 't|in de)\s+)?$"
                      % "|".join(groups))


_SURNAME_CONTEXT = _surname_context()
#: Municipality names that are also common Dutch words: not at a sentence start.
_COMMON_WORD_NAMES = frozenset({"best", "buren", "putten", "bergen", "goes", "sluis", "laren",
                                "epe", "beek", "mill", "horst", "son", "elburg", "ede"})


_TEAM_NOUNS_RX = "|".join(sorted((re.escape(n) for n in TEAM_NOUNS if n not in ("pilot", "proeftuin")),
                                key=len, reverse=True))
#: Capitalised words after a team noun or in a list that name no wijk.
_NOT_WIJK = frozenset({"in", "is", "van", "de", "het", "en", "met", "voor", "op", "bij", "dat", "die",
                       "deze", "dit", "wordt", "werd", "heeft", "zijn", "nieuwe", "sociaal", "sociale",
                       # "in de wijken Oost, Zuid en Stedelijk": the whole town, no wijk
                       "stedelijk", "stadsbreed", "gemeentebreed", "wijkoverstijgend", "overig", "overige",
                       "alle", "diverse", "verschillende"})


@lru_cache(maxsize=4)
def _gazetteer_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` as a whole word, spaces and hyphens alike; where several match at one
    place, the one first in ``names``.

    The names are grouped by their first character, in their order inside each group, so that
    the regex engine jumps to the places where a name can start instead of trying every name
    at every character (two names can only both match where they start with the same one).
    """
    groups: dict[str, list[str]] = {}
    for n in names:
        part = r"[-\s]".join(re.escape(w) for w in _NAME_WORD_SEP.split(n))
        first = re.escape(n[:1])
        if n[:1] in "-" or n[:1].isspace() or not part.startswith(first):
            first = ""  # no first letter of its own: matched as a whole, after its own word check
        groups.setdefault(first, []).append(part[len(first):])
    branches = []
    for first, rests in groups.items():
        if first:
            # the word check right after the first character: it is no letter's continuation
            branches.append(r"%s(?<![\w'’-].)(?:%s)" % (first, "|".join(rests)))
        else:
            branches.append(r"(?<![\w'’-])(?:%s)" % "|".join(rests))
    return re.compile(r"(?:%s)(?![\w-])" % "|".join(branches))


@lru_cache(maxsize=4)
def _names_regex(gazetteer) -> re.Pattern[str]:
    """:func:`_gazetteer_regex` of a gazetteer's names, looked up once for each gazetteer (not by
    hashing its hundreds of names for every document)."""
    return _gazetteer_regex(tuple(gazetteer.all_names()))


def _place_type(ctx: Context, name: str, before: str) -> tuple[str, object] | None:
    places = ctx.gazetteer.lookup(name)
    if not places:
        return None
    types = {p.type for p in places}
    if "Province" in types and (_CUE_PROV.search(before) or types == {"Province"}):
        p = next(p for p in places if p.type == "Province")
    elif "Municipality" in types or _CUE_MUN.search(before):
        p = next(p for p in places if p.type == "Municipality")
    else:
        p = places[0]
    return p.type, p


def gazetteer_places(ctx: Context) -> None:
    """Exact gazetteer names, then province/municipality disambiguation inside lists."""
    rx = _names_regex(ctx.gazetteer)
    for v in ctx.views:
        for m in rx.finditer(v.text):
            name = m.group(0)
            if m.start() == 0 and name.casefold() in _COMMON_WORD_NAMES:
                continue
            if _SURNAME_CONTEXT.search(v.text[:m.start()]):
                continue  # "Aly van Beek": a surname, not the place
            found = _place_type(ctx, name, v.text[:m.start()])
            if not found:
                continue
            typ, place = found
            ctx.place(v, m.start(), m.end(), typ, label=place.name)
        if len(v.slots) > 1:  # a list needs two places
            _lists_of_provinces(ctx, v)


#: ", ", " en ", " of " between two places of a list
_PLACE_LIST_SEPARATOR = re.compile(r"\s*(?:,|en|of)\s*")


def _lists_of_provinces(ctx: Context, v: View) -> None:
    """In "Groningen, Drenthe en Overijssel" every member is a province."""
    if len(v.slots) < 2:
        return  # no list (and nothing to sort)
    slots = [s for s in v.sorted_slots() if s.mention.type in ("Municipality", "Province")]
    runs: list[list[Slot]] = []
    for s in slots:
        if runs and _PLACE_LIST_SEPARATOR.fullmatch(v.text[runs[-1][-1].cend:s.cstart]):
            runs[-1].append(s)
        else:
            runs.append([s])
    for run in runs:
        if len(run) < 2:
            continue
        if sum(1 for s in run if s.mention.type == "Province") * 2 >= len(run):
            for s in run:
                if s.mention.type == "Municipality" and ctx.gazetteer.lookup(s.mention.name, "Province"):
                    ctx.retype(s, "Province")


#: A capitalised word and what joins it to the next name: "Zaanstreek en ", "Zaanstreek-".
_REGION_WORD = re.compile(r"\b([A-Z][a-zà-ÿ]{3,})(\s+en\s+|\s+|-)(?=\S)")
#: A text ending as a match of :data:`_REGION_WORD` does: only before such an end can one end.
_REGION_WORD_END = re.compile(r"[A-Z][a-zà-ÿ]{3,}(?:\s+en\s+|\s+|-)$")


def regions(ctx: Context) -> None:
    """"Zaanstreek en Waterland": a region named by a word and a municipality is no municipality.

    Only when the first word never appears without the place after it; the region is kept as a
    weak Neighbourhood-type mention (an entity only if a relation uses it).
    """
    found: list[tuple[View, re.Match[str], Slot]] = []
    for v in ctx.views:
        starts = {s.cstart for s in v.slots if s.mention.type == "Municipality"
                  and _REGION_WORD_END.search(v.text, 0, s.cstart)}
        if not starts:
            continue  # the word must stand right before a municipality
        for m in _REGION_WORD.finditer(v.text):
            if m.end() not in starts:
                continue  # no municipality right after the word
            slot = v.slot_at(m.end(), m.end() + 1)
            if slot is None or slot.cstart != m.end() or not v.free(m.start(1), m.end(1)) \
                    or slot.mention.type != "Municipality" or m.start() == 0:
                continue
            found.append((v, m, slot))
    joined = {m.group(1) for _, m, _ in found if "en" in m.group(2)}
    for v, m, slot in found:
        word = m.group(1)
        if word not in joined:
            continue
        total = sum(len(re.findall(rf"\b{re.escape(word)}\b", x.text)) for x in ctx.views)
        if total != sum(1 for _, mm, _ in found if mm.group(1) == word):
            continue
        if slot in v.slots:
            v.slots.remove(slot)
            ctx.place(v, m.start(1), slot.cend, "Neighbourhood", strong=False)


_CAP_WORD = re.compile(_CAP)


def fuzzy_places(ctx: Context) -> None:
    """Misspelled places after "gemeente(n)" or "provincie": the gazetteer name as label.

    A one-word name after "gemeente" that the gazetteer does not know even misspelled is a
    municipality all the same ("de gemeente Boxmeer" in a report written before it merged, a
    municipality the gazetteer lacks), and so is that word elsewhere in the text."""
    named: dict[str, str] = {}
    for v in ctx.views:
        if "emeente" not in v.text and "rovincie" not in v.text:
            continue  # no cue word: "gemeente(n)", "provincie(s)"
        for m in _LIST_AFTER_CUE.finditer(v.text):
            typ = "Province" if m.group(1).lower().startswith("prov") else "Municipality"
            for w in _CAP_WORD.finditer(m.group(2)):
                cs, ce = m.start(2) + w.start(), m.start(2) + w.end()
                if not v.free(cs, ce):
                    continue
                p = ctx.gazetteer.fuzzy(w.group(0), typ)
                if p is not None:
                    ctx.place(v, cs, ce, p.type, label=p.name)
                elif typ == "Municipality" and _unknown_municipality(v.text, m.start(1), w.group(0), ce):
                    ctx.place(v, cs, ce, "Municipality")
                    named[w.group(0)] = w.group(0)
    if named:
        _later_mentions(ctx, named, "Municipality")
        ctx.memory["municipalities_named"] = named


#: Words before "gemeente" that make it a congregation: "de Protestantse Gemeente Ederveen".
_CONGREGATION = re.compile(r"(?i:hervormde|gereformeerde|protestantse|evangelische|christelijke|"
                           r"katholieke|doopsgezinde|lutherse|remonstrantse|baptistengemeente)\s+$"
                           r"|(?<=\S )[A-ZÀ-Ý][\w'’-]*\s+$")


def _unknown_municipality(text: str, cue: int, word: str, end: int) -> bool:
    """Whether ``word`` (ending at ``end``) after the cue "gemeente" at ``cue`` names a
    municipality the gazetteer does not know: one capitalised word that is no name head,
    function word or first name, the name not going on with another capitalised word ("de
    gemeente Sociaal Domein"), and "gemeente" no congregation's."""
    low = word.casefold()
    if len(word) < 3 or not word[1:].islower() or low in NOT_NAMES or low in NAME_HEADS or word in FIRST_NAMES:
        return False
    if word.upper() in NOT_ORG_ACRONYMS or low.endswith(GENERIC_ENDINGS) or _LOWER_AFTER_HYPHEN.search(word):
        return False  # "de gemeente Wmo-consulent", "gemeente Jeugdbeleid": a law, a generic noun
    if _CAPITAL_WORD_NEXT.match(text, end) or _CONGREGATION.search(text, 0, cue):
        return False
    return True


#: "Wmo-loket": a hyphen and a lower-case letter (place names capitalise each part: "Sint-Oedenrode").
_LOWER_AFTER_HYPHEN = re.compile(r"-[a-zà-ÿ]")
#: A capitalised word right after: the name goes on.
_CAPITAL_WORD_NEXT = re.compile(r" [A-ZÀ-Ý]")


def _later_mentions(ctx: Context, names: dict[str, str], typ: str) -> None:
    """``names`` (normalised -> as written) of places of type ``typ`` found once: the same word
    elsewhere in the text is that place, unless a capitalised word right before makes it the
    end of a name ("Welzijn Ouderen Boxmeer")."""
    pattern = "|".join(r"[-\s]".join(re.escape(w) for w in _NAME_WORD_SEP.split(n))
                       for n in sorted(names.values(), key=len, reverse=True))
    rx = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
    for v in ctx.views:
        for m in rx.finditer(v.text):
            nb = _NAME_WORD_BEFORE.search(v.text, 0, m.start())
            if nb and nb.group(1).casefold() not in NOT_NAMES and not nb.group(1).casefold().endswith("team"):
                continue  # "Gebiedsteam Oost ... Stichting Mienskip Oost": the place word ends a name
            ctx.place(v, m.start(), m.end(), typ)


_TEAM_NAME = re.compile(rf"\b(?:{_TEAM_NOUNS_RX})\s+((?:[Dd]e |[Hh]et |'t )?{_CAP}(?:[ -]{_NOT_ARTICLE}{_CAP})*)")
_ITEM = rf"(?:[Dd]e |[Hh]et |'t )?{_CAP}(?:[ -]{_CAP})*"
_WIJK_LIST_AFTER = re.compile(rf"\b(?:wijken|buurten|dorpen|kernen|stadsdelen)\b[^.:;]{{0,80}}?:\s*"
                              rf"({_ITEM}(?:(?:,\s*|\s+en\s+){_ITEM})+)")
#: "in de wijken Heikant en Quirijnstok": a plural place noun right before the names
_WIJK_LIST_PLAIN = re.compile(rf"\b(?:wijken|buurten|dorpen|kernen|stadsdelen|woonwijken|dorpskernen)\s+"
                              rf"({_ITEM}(?:(?:,\s*|\s+en\s+){_ITEM})+)")
_WIJK_LIST_BEFORE = re.compile(rf"(?:^|[.:;]\s*|\b(?:[Ii]n|[Uu]it)\s+)({_ITEM}(?:(?:,\s*|\s+en\s+){_ITEM})*)\s+"
                               rf"(?:zijn|waren|vormen)\s+(?:de\s+|twee\s+|drie\s+|vier\s+|vijf\s+)*"
                               rf"(?:\w+\s+){{0,2}}?(?:wijken|buurten|dorpen|kernen)\b")


_TEAM_CUES = cue_words(n for n in TEAM_NOUNS if n not in ("pilot", "proeftuin"))
#: :data:`_WIJK_LIST_AFTER`, :data:`_WIJK_LIST_BEFORE` and :data:`_WIJK_LIST_PLAIN` each need one.
_WIJK_LIST_CUES = cue_words(("wijken", "buurten", "dorpen", "kernen", "stadsdelen", "woonwijken", "dorpskernen"))
_WIJK_CUES = cue_words(("woonwijk", "wijk", "buurt", "stadsdeel", "stadswijk", "woonkern", "kern", "dorpskern"))
_VENUE_CUES = cue_words(VENUE_NOUNS)
_DEPARTMENT_CUES = cue_words(("afdeling", "dienst", "sector", "directie", "cluster"))


_LIST_ITEM = re.compile(_ITEM)
#: The three regexes of lists of wijken, each with words one of which its every match holds
#: besides the plural place noun all need: the colon, the verb (the plain list: only the noun).
_WIJK_LISTS = ((_WIJK_LIST_AFTER, (":",)), (_WIJK_LIST_BEFORE, ("zijn", "waren", "vormen")),
               (_WIJK_LIST_PLAIN, _WIJK_LIST_CUES))


def _team_and_list_names(ctx: Context, v: View, teams: bool = True) -> list[tuple[int, int]]:
    """Spans of wijk names read from team names (unless ``teams`` is false: the text names no
    team) and from lists of wijken."""
    out = []
    text = v.text
    for m in finditer_if(_TEAM_NAME, text, _TEAM_CUES) if teams else ():
        name = m.group(1)
        if name.split()[0].casefold() in ("de", "het", "'t") and len(name.split()) == 1:
            continue
        out.append((m.start(1), m.end(1)))
    if "(" in text:
        out += _bracketed_wijken(v)
    if not has_any(text, _WIJK_LIST_CUES):
        return out
    for rx, cues in _WIJK_LISTS:
        for m in finditer_if(rx, text, cues):
            for it in _LIST_ITEM.finditer(m.group(1)):
                out.append((m.start(1) + it.start(), m.start(1) + it.end()))
    return out


#: "in Zwolle (Holtenbroek, Dieze en Assendorp)": two or more names in brackets right after a
#: municipality that follows "in", "te" or "gemeente" (the place of something, not a name's end).
_BRACKETED_LIST = re.compile(rf"\s*\(({_ITEM}(?:(?:,\s*|\s+en\s+){_ITEM})+)\)")
_PLACE_CUE_BEFORE = re.compile(r"\b(?:in|te|gemeente)\s+$")


def _bracketed_wijken(v: View) -> list[tuple[int, int]]:
    """Spans of the wijken listed in brackets after a municipality: each a capitalised name
    that is no acronym ("(SWO)"), opens with no name head ("Stichting X") and is no first name."""
    out = []
    for slot in v.slots:
        if slot.mention.type != "Municipality" or not _PLACE_CUE_BEFORE.search(v.text, 0, slot.cstart):
            continue
        m = _BRACKETED_LIST.match(v.text, slot.cend)
        if m is None:
            continue
        items = [(m.start(1) + it.start(), m.start(1) + it.end()) for it in _LIST_ITEM.finditer(m.group(1))]
        words = [v.text[a:b].split()[0] for a, b in items]
        if any(w.isupper() or w.casefold() in NAME_HEADS or w in FIRST_NAMES or w.casefold() in NOT_NAMES
               for w in words):
            continue
        out += items
    return out


#: "de ", "het ", "'t " opening a wijk name
_LOWER_ARTICLE = re.compile(r"(?:de|het|'t) ")


def neighbourhoods(ctx: Context, whole: str | None = None) -> None:
    """"de wijk X" names a Neighbourhood; X elsewhere in the text is the same wijk.

    Also "het sociaal team X" / "wijkteam X" (a team is named after its wijk) and lists of
    wijken ("in vier wijken: A, B, C en D", "A en B zijn de twee wijken"). ``whole`` is the
    text of all sentences (:func:`_whole_text`), if the caller has it.
    """
    names: dict[str, str] = {}
    # a text without a team noun: no sentence is tried for a team name
    teams = has_any(whole if whole is not None else _whole_text(ctx), _TEAM_CUES)
    for v in ctx.views:
        spans = [(m.start(1), m.end(1)) for m in finditer_if(_WIJK, v.text, _WIJK_CUES)]
        spans += _team_and_list_names(ctx, v, teams)
        for cs, ce in spans:
            name = v.text[cs:ce]
            art = _LOWER_ARTICLE.match(name)
            if art:  # "in de wijk de Maten": lower-case article is no part of the name
                cs += art.end()
                name = v.text[cs:ce]
            if normalise_name(name) in ("", ) or not v.free(cs, ce):
                continue
            first = name.split()[0].casefold()
            if name.casefold() in _NOT_WIJK or (first in _NOT_WIJK and first not in ("de", "het")) \
                    or first in NAME_HEADS:
                continue
            ctx.place(v, cs, ce, "Neighbourhood")
            names[normalise_name(name)] = name
    if not names:
        return
    _later_mentions(ctx, names, "Neighbourhood")
    ctx.memory["neighbourhoods"] = names


#: A capitalised word (not opening the sentence) right before: the wijk word continues a name.
_NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=\S ))([A-ZÀ-Ý][\w'’-]*[a-zà-ÿ]) $")


#: "de ", "De ", "het ", "'t " opening a venue name
_ARTICLE = re.compile(r"(?:[Dd]e |[Hh]et |'t )")


def venues(ctx: Context) -> None:
    """"buurtcentrum de X": X is a venue organisation."""
    for v in ctx.views:
        if not has_any(v.text, _VENUE_CUES):
            continue
        for m in _VENUE.finditer(v.text):
            cs = m.start(1)
            art = _ARTICLE.match(m.group(1))
            if art and art.group(0)[0].islower():
                cs += art.end()
            ctx.place(v, cs, m.end(1), "Organisation")


_DEPARTMENT = re.compile(rf"\b(?:afdeling|dienst|sector|directie|cluster)\s+({_CAP}(?:\s+(?:en|&|voor|van)\s+{_CAP}"
                         rf"|\s+{_CAP})*)")


_MUNICIPAL_TEAM = re.compile(rf"\b(?:[Hh]et\s+(?:gemeentelijke?\s+)?)[Tt]eam\s+({_CAP}(?:\s+(?:en|&|voor|van)\s+{_CAP}"
                             rf"|\s+{_CAP})*)(?=[^.]*?\b(?:onderdeel\s+van\s+de\s+gemeente|van\s+de\s+gemeente|"
                             rf"gemeentelijke?)\b)|\bgemeentelijke?\s+[Tt]eam\s+({_CAP}(?:\s+{_CAP})*)")


def departments(ctx: Context) -> None:
    """"de afdeling Wonen en Welzijn": a unit (Organisation) named by its capitalised words;
    also "het team X, onderdeel van de gemeente Y" and "het gemeentelijke Team X"."""
    for v in ctx.views:
        for m in finditer_if(_DEPARTMENT, v.text, _DEPARTMENT_CUES):
            noun = v.text[m.start():m.start(1)].strip().casefold()
            label = f"Afdeling {m.group(1)}" if noun == "afdeling" else None
            ctx.place(v, m.start(1), m.end(1), "Organisation", label=label)
        for m in _MUNICIPAL_TEAM.finditer(v.text) if "eam" in v.text else ():  # "[Tt]eam"
            g = 1 if m.group(1) else 2
            ctx.place(v, m.start(g), m.end(g), "Organisation", label=f"Team {m.group(g)}")


#: A news dateline: "ALMERE - ...", "STEENBERGEN – ...", "DEN HAAG — ..." at a sentence's start.
_DATELINE = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý'’. -]{1,38}[A-ZÀ-Ý])\s+[-–—]\s")


def datelines(ctx: Context) -> None:
    """The place of a news dateline, written in capitals, when it is a municipality."""
    for v in ctx.views:
        m = _DATELINE.match(v.text)
        if m and m.group(1).isupper():
            place = ctx.gazetteer.lookup_one(m.group(1), "Municipality")
            if place is not None:
                ctx.place(v, m.start(1), m.end(1), "Municipality", label=place.name)


#: "Amsterdam Zuidoost", "Rotterdam Noord": a town and a compass word name one of its districts.
_DISTRICT = re.compile(r" (Noord|Zuid|Oost|West|Noordoost|Noordwest|Zuidoost|Zuidwest|Centrum)(?![\w-])")


#: A space and a capital right after the compass word: the district is part of a longer name
_SPACE_CAPITAL = re.compile(r" [A-ZÀ-Ý]")
#: The capitalised word right before (spaces between): "Welzijn" in "Welzijn Rotterdam"
_CAPITALISED_WORD_BEFORE = re.compile(r"([A-ZÀ-Ý][\w'’&-]*)\s+$")


def districts(ctx: Context) -> None:
    """A municipality followed by a compass word ("stadsdeel Amsterdam Zuidoost") is a district:
    a Neighbourhood named by both words, unless a longer name holds them ("Welzijn Rotterdam Noord")."""
    for v in ctx.views:
        for s in list(v.slots):
            if s.mention.type != "Municipality" or s.group is not None:
                continue
            m = _DISTRICT.match(v.text, s.cend)
            if not m or _SPACE_CAPITAL.match(v.text[m.end():]) or not v.free(s.cend, m.end()):
                continue
            before = _CAPITALISED_WORD_BEFORE.search(v.text[:s.cstart])
            if before and before.group(1).casefold() not in NOT_NAMES:
                continue  # "Welzijn Rotterdam Noord": the district names an organisation
            v.slots.remove(s)
            name = f"{s.mention.label or s.mention.name} {m.group(1)}"
            if ctx.place(v, s.cstart, m.end(), "Neighbourhood", label=name) is None:
                v.slots.append(s)


def _whole_text(ctx: Context) -> str:
    """The clean text of all sentences, one line each: a cue word (no line break in any) is in it
    when it is in one of the sentences, so a pass whose every match needs one is skipped for a
    text without any by one test instead of one for every sentence."""
    return "\n".join(v.text for v in ctx.views)


def run(ctx: Context) -> None:
    """Component: all place mentions."""
    whole = _whole_text(ctx)
    datelines(ctx)
    gazetteer_places(ctx)
    districts(ctx)
    regions(ctx)
    fuzzy_places(ctx)
    neighbourhoods(ctx, whole)
    if has_any(whole, _VENUE_CUES):  # no venue noun: no venue
        venues(ctx)
    if has_any(whole, _DEPARTMENT_CUES) or "eam" in whole:  # no unit noun, no "[Tt]eam": no unit
        departments(ctx)
