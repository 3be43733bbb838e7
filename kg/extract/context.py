"""The working state the extraction components share while reading one document.

Each sentence gets a *clean view*: PDF line breaks folded to spaces, words hyphenated over a
line joined again ("ont-\\nwikkeling" -> "ontwikkeling"), curly quotes straightened, with a map
from every clean character back to its offset in ``document.text``. Components find mentions
in the clean view and place them as :class:`Slot` s; relation rules then read a *masked* view
in which every slot is replaced by a token like ``⟦O3⟧`` (type letter + slot number), so that a
rule can say "ORG is opgericht door LIST" as a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from kg.model import Candidate, Document, Extraction, Mention, Sentence
from kg.text import fold_whitespace

#: Type letters used in the masked view.
TYPE_LETTER = {
    "Organisation": "O", "Cooperative": "O", "Partnership": "O", "Municipality": "M",
    "Province": "V", "Neighbourhood": "N", "Pilot": "P", "Service": "S", "Person": "H",
}
SLOT_RE = re.compile(r"⟦([A-Z])(\d+)⟧")
_CSTART = attrgetter("cstart")
#: Changes made to slots already placed (a slot retyped, or made to stand for a group): each
#: can change some masked view (see :meth:`View.masked`).
_slot_edits = 0


@dataclass(init=False)
class Slot:
    """A mention placed in a sentence's clean view (cstart/cend index the clean text)."""

    cstart: int
    cend: int
    mention: Mention
    strong: bool = True  #: a confident name; weak ones become entities only through relations
    group: list["Slot"] | None = None  #: for a coreference phrase: the slots it stands for
    capitalised: bool = False

    def __init__(self, cstart: int, cend: int, mention: Mention, strong: bool = True,
                 group: list["Slot"] | None = None, capitalised: bool = False) -> None:
        # the fields are set at once: a slot being made is no edit (see __setattr__)
        self.__dict__.update(cstart=cstart, cend=cend, mention=mention, strong=strong, group=group,
                             capitalised=capitalised)

    def __setattr__(self, name: str, value) -> None:
        if name in _MASK_FIELDS and name in self.__dict__:
            global _slot_edits
            _slot_edits += 1
        object.__setattr__(self, name, value)

    @property
    def letter(self) -> str:
        if self.group:
            return TYPE_LETTER.get(self.group[0].mention.type, "X")
        return TYPE_LETTER.get(self.mention.type, "X")

    def members(self) -> list["Slot"]:
        """The slots this slot stands for (itself, or a coreference group)."""
        return list(self.group) if self.group is not None else [self]


#: The fields of a slot that its place and letter in a masked view are made of.
_MASK_FIELDS = frozenset({"cstart", "cend", "mention", "group"})


class SlotList(list):
    """A view's slots, counting the changes made to the list, so that the masked view is made
    again after a change only (the rules read a sentence's masked view many times)."""

    __slots__ = ("changes",)

    def __init__(self, slots=()) -> None:
        super().__init__(slots)
        self.changes = 0

    def _changed(method):  # noqa: N805 (a decorator of the methods below)
        def changing(self, *args):
            self.changes += 1
            return method(self, *args)

        changing.__name__ = method.__name__
        return changing

    append = _changed(list.append)
    extend = _changed(list.extend)
    insert = _changed(list.insert)
    remove = _changed(list.remove)
    pop = _changed(list.pop)
    clear = _changed(list.clear)
    reverse = _changed(list.reverse)
    __setitem__ = _changed(list.__setitem__)
    __delitem__ = _changed(list.__delitem__)
    __iadd__ = _changed(list.__iadd__)
    del _changed

    def sort(self, *, key=None, reverse=False) -> None:
        self.changes += 1
        super().sort(key=key, reverse=reverse)


@dataclass
class View:
    """One sentence with its clean text, offset map and slots."""

    index: int
    sentence: Sentence
    text: str
    offs: Sequence[int]  #: offs[i] = document offset of clean char i; offs[len] = sentence end (a list, or a range)
    para: int = 0
    heading: bool = False
    bullet: bool = False  #: an item of a bulleted or numbered list
    block: int = 0  #: the text block (a paragraph's lines, a bulleted item's lines) it is in
    slots: list[Slot] = field(default_factory=SlotList)
    #: clean offsets right after an abbreviated kind word ("Stg. Kompasroos"): a name starts there
    after_kind: set[int] = field(default_factory=set, repr=False, compare=False)
    _masked: tuple | None = field(default=None, repr=False, compare=False)  #: (key, masked())
    _sorted_at: int = field(default=-1, repr=False, compare=False)  #: slots.changes when sorted

    def doc_span(self, cs: int, ce: int) -> tuple[int, int]:
        """Document offsets of the clean span [cs, ce)."""
        if ce <= cs:
            return self.offs[cs], self.offs[cs]
        return self.offs[cs], self.offs[ce - 1] + 1

    def free(self, cs: int, ce: int) -> bool:
        """No slot overlaps the clean span [cs, ce)."""
        for s in self.slots:  # a plain loop: called for every name tried, mostly with no slots
            if cs < s.cend and s.cstart < ce:
                return False
        return True

    def slot_at(self, cs: int, ce: int) -> Slot | None:
        for s in self.slots:
            if s.cstart <= cs and ce <= s.cend:
                return s
        return None

    def sorted_slots(self) -> list[Slot]:
        slots = self.slots
        if not isinstance(slots, SlotList):  # a plain list put in its place: nothing cached holds
            slots = self.slots = SlotList(slots)
            self._masked, self._sorted_at = None, -1
        if slots.changes != self._sorted_at:
            if len(slots) > 1:
                list.sort(slots, key=_CSTART)  # the order only: no change of the set of slots
            self._sorted_at = slots.changes
        return slots

    def masked(self) -> tuple[str, list[Slot], Sequence[int]]:
        """The clean text with each slot replaced by ``⟦Ln⟧``; also a map masked->clean index."""
        cached = self._masked
        if cached is not None and cached[0] == (self._sorted_at, _slot_edits) \
                and getattr(self.slots, "changes", None) == self._sorted_at:
            return cached[1]  # the rules read a sentence many times between slot changes
        slots = self.sorted_slots()
        key = (slots.changes, _slot_edits)
        if not slots:  # the text itself, each index its own
            result = (self.text, slots, range(len(self.text) + 1))
            self._masked = (key, result)
            return result
        out: list[str] = []
        cmap: list[int] = []
        pos = 0
        for i, s in enumerate(slots):
            out.append(self.text[pos:s.cstart])
            cmap.extend(range(pos, s.cstart))
            tok = f"⟦{s.letter}{i}⟧"
            out.append(tok)
            cmap.extend([s.cstart] * len(tok))
            pos = s.cend
        out.append(self.text[pos:])
        cmap.extend(range(pos, len(self.text)))
        cmap.append(len(self.text))
        result = ("".join(out), slots, cmap)
        self._masked = (key, result)
        return result


class Context:
    """Everything the components of one extraction share."""

    def __init__(self, document: Document, gazetteer=None) -> None:
        self.document = document
        self.extraction = Extraction(document=document)
        self.views: list[View] = []
        self._gazetteer = gazetteer
        self.memory: dict[str, object] = {}  #: facts components leave for later ones
        self._seen: set[tuple] = set()

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from kg.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    # -- mentions -----------------------------------------------------------------------
    def mention(self, view: View, cs: int, ce: int, type: str, label: str | None = None,
                role: str | None = None) -> Mention:
        start, end = view.doc_span(cs, ce)
        # the fields in order, not by keyword (matching keywords to parameters costs ~0.5 us)
        return Mention(fold_whitespace(view.text[cs:ce]), type, start, end, label, role)

    def place(self, view: View, cs: int, ce: int, type: str, label: str | None = None,
              strong: bool = True, role: str | None = None) -> Slot | None:
        """Put a mention into the view if the span is free; return its slot."""
        if cs >= ce or not view.free(cs, ce):
            return None
        m = self.mention(view, cs, ce, type, label, role)
        slot = Slot(cs, ce, m, strong, None, view.text[cs:cs + 1].isupper())
        view.slots.append(slot)
        return slot

    def retype(self, slot: Slot, type: str, label: str | None = None) -> Slot:
        m = slot.mention
        slot.mention = Mention(m.text, type, m.start, m.end, label if label is not None else m.label,
                               m.role)
        return slot

    # -- candidates ---------------------------------------------------------------------
    def add(self, view: View, subj: Slot | Mention, relation: str, obj: Slot | Mention, rule: str,
            confidence: float = 0.8, date: str | None = None, modality: str = "asserted") -> None:
        s = subj.mention if isinstance(subj, Slot) else subj
        o = obj.mention if isinstance(obj, Slot) else obj
        if s.name.casefold() == o.name.casefold():
            return
        key = (s.start, s.end, s.name, relation, o.start, o.end, o.name, view.index)
        if key in self._seen:
            return
        self._seen.add(key)
        # the fields in order, not by keyword (matching keywords to parameters costs ~0.5 us)
        self.extraction.candidates.append(Candidate(
            s, relation, o, view.sentence, rule, round(max(0.0, min(1.0, confidence)), 2), date,
            modality))

    def warn(self, message: str) -> None:
        self.extraction.warnings.append(message)

    # -- neighbours -----------------------------------------------------------------------
    def previous(self, view: View, n: int = 2, same_para: bool = False) -> list[View]:
        """Up to ``n`` views before ``view``, nearest first."""
        out = []
        for v in reversed(self.views[max(0, view.index - n):view.index]):
            if same_para and v.para != view.para:
                break
            out.append(v)
        return out


#: "de volgende organisaties": a sentence that introduces a list without a colon.
_THE_FOLLOWING = re.compile(r"\b[Dd]e\s+volgende\s+\w+")
#: "Nijmeeg" -> "Nijmeg": a doubled vowel before the final consonant (single in the open syllable).
_DOUBLED_VOWEL_END = re.compile(r"([aeou])\1([^aeiou])$")


# -- helpers the name finders and the rules share ---------------------------------------------
def list_item_views(ctx: Context, view: View) -> list[View]:
    """The bulleted items that follow ``view`` when it introduces them: with a colon, or as "de
    volgende organisaties" ("... is door de volgende verenigingen opgericht.")."""
    if not view.text.rstrip().endswith(":") and not _THE_FOLLOWING.search(view.text):
        return []
    out: list[View] = []
    views = ctx.views
    for i in range(view.index + 1, len(views)):  # no copy of the views after it, for every view
        v = views[i]
        if not v.bullet:
            if out and v.block == out[-1].block:
                continue  # a further sentence of the item before ("• A in Oost. Dit klopt."), on its line or wrapped
            break
        out.append(v)
    return out


def adjective_place(ctx: Context, adj: str):
    """"Helmondse" -> Helmond, "Groningse" -> Groningen, "Leeuwarder" -> Leeuwarden (gazetteer)."""
    stem = adj[:-2]
    # "Nijmeegse" -> Nijmegen: the doubled vowel of the closed syllable is single in the open one
    open_stem = _DOUBLED_VOWEL_END.sub(r"\1\2", stem)
    for name in (stem, stem + "e", stem + "en", stem + "n", adj[:-1], stem[:-1] + "le" if stem.endswith("l") else stem,
                 stem + "le" if stem.endswith("l") else stem, open_stem + "en"):
        found = ctx.gazetteer.lookup(name, "Municipality")
        if found:
            return found[0]
    return None
