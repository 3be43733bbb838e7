"""Helpers the relation rules share: lists, clauses, modality, topic of the discourse.

Rules read the *masked* sentence (see :mod:`context`): ``⟦O3⟧`` is slot 3, an organisation.

* :func:`parse_list` reads Dutch coordination: "A, B en C", "A, B, en C", "zowel A als B",
  articles before items ("de MJD"), and an item followed by its members in parentheses,
  "de partners van X (A, B en C)" -> A, B, C (X kept as container);
* :func:`modality` reads intention ("wil", "heeft het voornemen", "gaan", "zullen", "van plan")
  and denial ("niet", "geen", "afgeblazen", "gaat niet door") around a cue;
* :func:`topic_org` is the organisation the text is about: the first one of the nearest earlier
  sentence (for "De organisatie ...", "zegt bestuurder X", "(i.s.m. A en B)");
* :func:`clauses` splits "A is ... gestart en is nu ..." into clauses that share the subject;
* :func:`has_any`, :func:`finditer_if` and :func:`cue_words` are the cheap pre-check before a
  rule's regex: does the sentence hold one of the words every match needs?
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.extract.context import SLOT_RE, Context, Slot, View, list_item_views
from kg.extract.lexicon import NUMBER_WORDS, VENUE_NOUNS

ORG = r"⟦[O](\d+)⟧"
#: :data:`ORG` compiled: every organisation slot token of a masked sentence, its number group 1
ORG_RX = re.compile(ORG)
ART = r"(?:(?:de|het|een|haar|zijn|hun)\s+)?"
#: "jeugdhulporganisatie X", "de Vlissingse welzijnsstichting X": a kind noun before a listed name.
KIND = (r"(?:(?:[a-zë]+e\s+)?[a-zë-]+(?:organisatie|stichting|praktijk|corporatie|instelling|aanbieder|vereniging|"
        r"bibliotheek|bond|coöperatie|centrum|centrale|dienst|bedrijf|instituut|groep|fonds)\s+)?")
#: "gingen A en Stichting B op in C": the legal form written before a name that is known without it.
LEGAL_FORM = r"(?:(?:Stichting|Vereniging|Coöperatie)\s+(?=⟦O))?"
ITEM_RX = re.compile(rf"\s*(?:(?:de\s+)?(?:partners|leden|deelnemers)\s+van\s+)?{ART}{LEGAL_FORM}"
                     rf"(?:[A-Z][a-zë]+(?:se|sche)\s+(?=[a-zë]|⟦))?{KIND}"
                     rf"(?:(?<=de )gemeente\s+)?⟦([A-Z])(\d+)⟧")
#: "Humanis Lochem en Avondrood": a place right after an organisation qualifies it.
#: "A uit Grootegast, B en C in Aduard" too: where each item comes from, up to the list's end.
_QUALIFIER = re.compile(r"(?: ⟦[MV]\d+⟧| (?:in|uit) ⟦[MNV]\d+⟧| ?\((?:⟦[MNV]\d+⟧|[A-Z][\w'-]+)\))(?=\s*(?:,|\ben\b|&|\)|[.;]?$|\s(?:zijn|is|werken|hebben|gaan)\b))")
_TEAM_OWNER = re.compile(r" van de gemeente ⟦M\d+⟧")
_ASIDE = re.compile(r"\s*\((?:[^()⟦]|⟦[MNV]\d+⟧){1,60}\)|\s+[–—]\s+[^⟦–—]{1,40}?\s+[–—](?=\s)")
#: "zowel A als B": the second item after "als"
_ZOWEL = re.compile(r"(?i)\bzowel\s+(?:de\s+|het\s+)?$")
_ALS_SEP = re.compile(r"\s+als\s+")
#: What parse_list looks for right after an item: brackets, "(SWO)", "(Tiel)"; the end of a
#: sentence that opens a bulleted list.
_OPEN = re.compile(r"\s*\(")
_ALIAS = re.compile(r"\s*\(\s*⟦O(\d+)⟧\s*\)")
_PLACE_IN_BRACKETS = re.compile(r"\s*\(\s*(?:⟦[MNV]\d+⟧|[A-Z][\w'-]+)\s*\)")
_CLOSE = re.compile(r"\s*\)")
_LISTED_OF = re.compile(r"(?:partners|leden|deelnemers)\s+van\s+(?:\S+\s+){0,3}$")
_ONLY_COLON = re.compile(r"\s*:?\s*")
SEP_RX = re.compile(r"\s*(?:,\s*(?:en\s+|of\s+)?|\s(?:en|&|of|alsmede|evenals|plus|and)\s+|\s*;\s*)")
ORG_TYPES = ("Organisation", "Cooperative", "Partnership")


# The pre-check before a rule's regex. A rule lists words (or slot tokens such as "⟦P") one of
# which every match of its regex holds; a sentence with none of them is not scanned. A substring
# test is far cheaper than a regex scan, and most sentences hold none of a rule's words, so the
# test spares most scans. Plain loops: any() over a generator costs more than the tests it makes.

def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether one of ``words`` is a substring of ``text`` (the pre-check before a rule's regex).

    A rule's words are in the clean text when they are in the masked one, so a test on
    ``view.text`` can spare making the masked view."""
    for w in words:
        if w in text:
            return True
    return False


#: The characters other than ASCII ones that IGNORECASE matches to an ASCII letter: İ and ı (i),
#: ſ (s) and the Kelvin sign (k). In a text without them, a case-insensitive regex finds an ASCII
#: word where the lower-cased text holds it.
ASCII_FOLDING = ("\u0130", "\u0131", "\u017f", "\u212a")


def holds_any_case(text: str, words: Iterable[str], lowered: str | None = None) -> bool:
    """False when ``text`` surely holds none of the lower-case ``words`` in any case that a
    case-insensitive regex matches: the pre-check before such a regex that needs one of them
    (``lowered``: ``text.lower()``, when the caller has it already)."""
    if has_any(text.lower() if lowered is None else lowered, words):
        return True
    return not text.isascii() and has_any(text, ASCII_FOLDING)


#: ASCII_FOLDING's characters as the ASCII letters IGNORECASE takes them for.
_ASCII_FOLDED = str.maketrans(dict(zip(ASCII_FOLDING, "iisk")))


def ignorecase_key(text: str) -> str:
    """``text`` (a match of a case-insensitive regex) as the lower-case words it matched: the key
    to look such a match up by. Lower-casing alone leaves "ı" and makes "İ" two characters."""
    return text.translate(_ASCII_FOLDED).lower()


def ignorecase_forms(letter: str) -> list[str]:
    """The characters that IGNORECASE matches to ``letter`` (a letter a-z, or one like "é")."""
    return sorted(c for c in {letter.lower(), letter.upper(), *string.ascii_letters, *ASCII_FOLDING}
                  if re.fullmatch(re.escape(letter), c, re.IGNORECASE))


def any_case_alternation(alternatives: Iterable[str]) -> str:
    """Regex ``alternatives`` (each opening with a letter) as one alternation that a
    case-insensitive regex reads as their plain alternation, grouped by first letter, each
    group opening with its letter written case-sensitively once for every character that
    IGNORECASE takes for it ("o", "O"; "k", "K", the Kelvin sign): the regex engine passes over
    a group whose first character is not the text's at once, where it enters every alternative
    that opens with a letter under IGNORECASE. (Alternatives keep their order within a group;
    those of different groups cannot match at the same place.)"""
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0].lower(), []).append(a[1:])
    return "|".join(f"(?-i:{c})(?:{'|'.join(tails)})" for head, tails in groups.items()
                    for c in ignorecase_forms(head))


def finditer_if(rx: re.Pattern, text: str, cues: Iterable[str]) -> Iterator[re.Match] | tuple[()]:
    """``rx.finditer(text)``, or no matches when ``text`` holds none of ``cues``: words (or slot
    tokens) of which every match of ``rx`` that can have an effect holds one. The substring test
    is far cheaper than the regex scan, and most sentences hold none of a rule's words."""
    for cue in cues:
        if cue in text:
            return rx.finditer(text)
    return ()


def cue_words(words: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which every word in ``words`` holds: the words without those that hold
    another ("wijkteam" covers "sociaal wijkteam"). A sentence without any of them cannot match
    a regex that needs one of ``words``, which :func:`has_any` tells much faster than the regex."""
    words = set(words)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


#: A qualifier that opens with "in"/"uit" or a bracket (not a bare place: "Humanis Lochem")
_PREPOSITION_OR_BRACKET = re.compile(r" (?:in|uit) |\s*\(")
#: "• Gemeente X", "• de stichting X": a kind word before a bulleted name
_KIND_BEFORE_ITEM = re.compile(r"(?i)\W*(?:de\s+|het\s+)?(?:gemeente|provincie|stichting|vereniging)\s+")
#: "de ", "het ", "een " right before a slot
_ARTICLE_AT_END = re.compile(r"(?:de|het|een)\s+$")
#: Only spaces, "!" and ")" between a list's end and the cue
_LIST_TAIL = re.compile(r"[\s!)]*")
_GAAN = re.compile(r"(?i)\b(?:gaan|gaat)\b")
#: "in ", "uit ", "te " right before an organisation: a place, not the topic or the provider
PLACE_PREPOSITION_AT_END = re.compile(r"\b(?:in|uit|te)\s+$")


@dataclass
class Item:
    slot: Slot
    container: Slot | None = None  #: "de partners van X (A, B)": X for A and B


#: "sociale ondernemers, waaronder ", "partners zoals ": a plural kind of lower-case words before
#: the names of a list.
_KIND_INTRO = re.compile(r"(?:[a-zà-ÿ][\w-]*\s+){0,2}[a-zà-ÿ][\w-]*[sn],?\s+"
                         r"(?:waaronder|zoals|onder\s+(?:meer|andere)|o\.a\.)\s+(?=⟦)")


def parse_list(masked: str, slots: list[Slot], pos: int, letters: str = "O",
               ctx: Context | None = None, view: View | None = None) -> tuple[list[Item], int]:
    """Read a coordination of slots starting at masked offset ``pos``.

    Returns the items (coreference groups expanded) and the masked offset after the list.
    With ``ctx``/``view`` given and "O" in ``letters``, a service with an article in an
    organisation list ("het opbouwwerk") is read as the organisational unit doing it.
    """
    items: list[Item] = []
    end = pos
    converted = False
    first = True
    if ctx is not None and view is not None and _ONLY_COLON.fullmatch(masked, pos):
        return bulleted_items(ctx, view, letters), len(masked)
    if masked[pos:pos + 1].islower():
        # "samen met sociale ondernemers, waaronder A, B en C": the kind, then the names
        intro = _KIND_INTRO.match(masked, pos)
        if intro:
            end = intro.end()
    m = ITEM_RX.match(masked, end)
    while m:
        letter, idx = m.group(1), int(m.group(2))
        slot = slots[idx]
        had_article = m.group(0).strip()[:1] != "⟦"
        if letter == "S" and "O" in letters and ctx is not None and view is not None and (
                had_article or converted or slot.capitalised):
            _service_as_unit(ctx, view, slot)
            letter, converted = "O", True
        if letter == "G":
            letter = slot.members()[0].letter if slot.members() else "G"
        if letter not in letters:
            break
        end = m.end()
        # (the regexes below match at ``end`` in the whole line: no copy of its rest each time)
        inner = _OPEN.match(masked, end)
        alias = _ALIAS.match(masked, end) if inner else None
        place = _PLACE_IN_BRACKETS.match(masked, end) if inner and letter == "O" else None
        if alias and slots[int(alias.group(1))].mention.text.isupper() \
                and not _LISTED_OF.search(masked, 0, m.start()):
            # "Stichting Welzijn Oost (SWO) en ...": the acronym in parentheses is another name
            items.extend([Item(s) for s in slot.members()])
            end = alias.end()
        elif place:
            # "Kompas Welzijn (Tiel), ...": a place in parentheses qualifies the name
            items.extend([Item(s) for s in slot.members()])
            end = place.end()
        elif inner:
            sub, sub_end = parse_list(masked, slots, inner.end(), letters, ctx, view)
            close = _CLOSE.match(masked, sub_end)
            if len(sub) >= 1 and close:
                for it in sub:
                    items.append(Item(it.slot, container=slot))
                end = close.end()
            else:
                items.extend([Item(s) for s in slot.members()])
        else:
            items.extend([Item(s) for s in slot.members()])
        q = _QUALIFIER.match(masked, end) if letter == "O" else None
        if letter == "P" and q is None:
            q = _TEAM_OWNER.match(masked, end)  # "het wijkteam X van de gemeente Y" 
        if q and "M" in letters and not _PREPOSITION_OR_BRACKET.match(q.group(0)):
            q = None  # in a list of organisations and places a bare place may be an item
        if q:
            end = q.end()
        aside = _ASIDE.match(masked, end) if letter == "O" else None
        if aside and SEP_RX.match(masked, aside.end()):
            end = aside.end()  # "A (gevestigd in Velp) en B": a remark in brackets
        sep = SEP_RX.match(masked, end)
        if sep is None and first and _ZOWEL.search(masked, 0, pos):
            sep = _ALS_SEP.match(masked, end)  # "zowel A als B"
        first = False
        m = ITEM_RX.match(masked, sep.end()) if sep else None  # the next item, read in the next round
        if not m:
            break
        end = sep.end()
    return items, end


def bulleted_items(ctx: Context, view: View, letters: str = "O") -> list[Item]:
    """"... de volgende organisaties:" followed by bullets: the name that opens each item."""

    out: list[Item] = []
    for item in list_item_views(ctx, view):
        slots = item.sorted_slots()
        if not slots or slots[0].letter not in letters \
                or slots[0].cstart > 2 and not _KIND_BEFORE_ITEM.fullmatch(item.text[:slots[0].cstart]):
            continue  # "• Gemeente Meierijstad": a kind word may stand before the name
        out.extend(Item(s) for s in slots[0].members())
    return out


def _service_as_unit(ctx: Context, view: View, slot: Slot) -> None:
    """"het opbouwwerk" in a list of organisations: the unit, named after the local place."""
    if slot.mention.type != "Service":
        return
    label = slot.mention.name
    if not slot.capitalised:
        places = [s for s in view.slots if s.mention.type == "Municipality"]
        if places:
            label = f"{label} {places[0].mention.name}"
    ctx.retype(slot, "Organisation", label=label)
    slot.strong = True


def list_before(masked: str, slots: list[Slot], end: int, letters: str = "O") -> list[Item]:
    """The coordination that ends at masked offset ``end`` (read backwards)."""
    starts = [m.start() for m in SLOT_RE.finditer(masked[:end])]
    best: list[Item] = []
    for s in reversed(starts):
        a = s
        art = _ARTICLE_AT_END.search(masked[:s])
        if art:
            a = art.start()
        items, e = parse_list(masked, slots, a, letters)
        if items and _LIST_TAIL.fullmatch(masked[e:end]) is not None:
            best = items
        elif items:
            break
    return best


_NEG = re.compile(r"(?i)\b(?:niet|geen|nooit|afgeblazen|afgeketst|stopgezet|gaat niet door|"
                  r"afgezien|geen doorgang|ontkent|ontkennen)\b")
_INTENT = re.compile(r"(?i)\b(?:wil|willen|wilde|wilden|voornemen|voornemens|van plan|plannen|"
                     r"intentie|intentieverklaring|beoogd|beoogde|overweegt|overwegen|onderzoekt|"
                     r"onderzoeken|verkennen|gaan|gaat|zullen|zal|streven|streeft|mogelijke?)\b")


def modality(text: str) -> str:
    """asserted | intended | negated for the clause ``text`` around a cue."""
    if _NEG.search(text):
        return "negated"
    if _INTENT.search(text):
        return "intended"
    return "asserted"


_NEG_WORD = re.compile(r"(?i)\b(?:niet|geen|nooit)\b")
_NEG_PHRASE = re.compile(r"(?i)\b(?:afgeblazen|afgeketst|stopgezet|gaat\s+niet\s+door|gaan\s+niet\s+door|"
                         r"afgezien|geen\s+doorgang|ontkent|ontkennen|niet\s+langer|niet\s+meer|"
                         r"beëindigd|beëindigen|beëindigt|opgezegd|ontbonden|verbroken)\b")
#: Where a clause ends: punctuation, or a conjunction that opens another clause.
_CLAUSE_EDGE = re.compile(r"[,;:()\"]|\s[-–]\s|\b(?:maar|omdat|terwijl|want|hoewel|doordat|zodat|nadat|"
                          r"waardoor|waarbij|waarin|wat|die|dat|of|als|wanneer|toen)\b")
#: Finite verbs of intention; the cue's own verb ("gaat op in", "gaan verder als") is left out.
_INTENT_LOCAL = re.compile(r"(?i)\b(?:wil|willen|wilde|wilden|voornemen|voornemens|van\s+plan|plannen|"
                           r"intentie|intentieverklaring|beoogd|beoogde|overweegt|overwegen|onderzoekt|"
                           r"onderzoeken|verkennen|zullen|zal|streven|streeft|mogelijke?)\b")


def modality_at(masked: str, start: int, end: int, cue_verb: bool = False) -> str:
    """Modality of a cue at masked [start, end), read in its own clause only.

    A "niet" elsewhere in a long sentence ("... maar wat dit betekent is nog niet duidelijk")
    does not deny the relation; a "niet"/"geen" in the cue's clause does. With ``cue_verb`` the
    cue itself holds a form of "gaan" that says nothing about intention.
    """
    lo = 0
    for m in _CLAUSE_EDGE.finditer(masked, 0, start):
        lo = m.end()
    hi = len(masked)
    m = _CLAUSE_EDGE.search(masked, end)
    if m:
        hi = m.start()
    local = masked[lo:hi]
    if _NEG_WORD.search(local) or _NEG_PHRASE.search(local):
        return "negated"
    if _INTENT_LOCAL.search(local):
        return "intended"
    if not cue_verb and _GAAN.search(masked[lo:hi]):
        return "intended"
    return "asserted"


_FRONTED_WITH = re.compile(r"(?:^|(?<=[.:;]\s))\s*(?:[Ii]n\s+samenwerking\s+met|[Ss]amen\s+met|"
                           r"[Tt]ezamen\s+met|[Ii]\.\s?s\.\s?m\.?)\s+")
_INVERTED_SUBJECT = re.compile(r"\s*,?\s+[a-zë]+\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")


def fronted_with(masked: str, slots: list[Slot], a: int = 0) -> tuple[Slot, list[Slot]] | None:
    """"In samenwerking met A en B organiseert X ...": (X, [A, B]) for a clause opening at ``a``."""
    m = _FRONTED_WITH.match(masked, a)
    if not m:
        return None
    items, end = parse_list(masked, slots, m.end(), "OP")
    inv = _INVERTED_SUBJECT.match(masked, end)
    if not items or not inv:
        return None
    # a team can be a partner too: "Samen met het gebiedsteam X van de gemeente Y zorgen we ..."
    others = [s for it in items for s in it.slot.members() if s.mention.type in ORG_TYPES + ("Pilot",)]
    return slots[int(inv.group(1))], others


def org_slots(view: View, strong_only: bool = False) -> list[Slot]:
    return [s for s in view.sorted_slots()
            if s.mention.type in ORG_TYPES and (s.strong or not strong_only)]


_VENUE_BEFORE = re.compile(r"(?i)\b(?:%s)\s+(?:de\s+|het\s+)?$" % "|".join(VENUE_NOUNS))


def is_venue(view: View, slot: Slot) -> bool:
    """"wijkcentrum De X", "in dorpshuis Y": a building, not what a text is about."""
    return bool(_VENUE_BEFORE.search(view.text[:slot.cstart]))


def topic_org(ctx: Context, view: View, n: int = 2) -> Slot | None:
    """The first organisation of the nearest earlier sentence of the paragraph that has one."""
    for v in ctx.previous(view, n, same_para=True):
        # "organisaties uit ⟦regio⟧ hebben X opgericht": a name after a place preposition is no topic
        orgs = [o for o in org_slots(v) if not is_venue(v, o)
                and not PLACE_PREPOSITION_AT_END.search(v.text[:o.cstart])]
        if orgs:
            first = orgs[0]
            members = first.members()
            return members[0] if len(members) == 1 else None
    return None


_CLAUSE_SPLIT = re.compile(r",?\s+en\s+(?=(?:is|zijn|heeft|hebben|wordt|worden|was|waren|"
                           r"biedt|bieden|gaat|gaan|start|startte|voert|verzorgt)\b)|;\s+|"
                           r",\s+(?:en\s+|maar\s+|terwijl\s+)?(?=(?:de\s+|het\s+)?⟦O\d+⟧\s+[a-zë]+)"
                           r"(?!(?:de\s+|het\s+)?⟦O\d+⟧\s+(?:en|of)\b)")


def clauses(masked: str) -> list[tuple[int, int]]:
    """Masked spans of the clauses of a sentence (coordinated verb phrases split)."""
    out, pos = [], 0
    for m in _CLAUSE_SPLIT.finditer(masked):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(masked)))
    return out


def count_word(text: str) -> int | None:
    """"drie" -> 3, "beide" -> 2, "3" -> 3."""
    t = text.casefold()
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)
