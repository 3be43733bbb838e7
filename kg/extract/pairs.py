"""Candidate pairs of mentions and what the relation model reads of them.

After the name finders and the relation rules have run, every ordered pair of mentions that
could stand in some relation (by the domains and ranges of :mod:`kg.extract.schema`) becomes a
:class:`PairInstance`:

* two mentions in the same sentence;
* a coreference phrase ("de stichting", "beide organisaties", "zij") pairs as the mentions it
  stands for, with the phrase's position in the sentence;
* every candidate a rule made is an instance too, also when its two mentions are not in one
  sentence, so the rules' knowledge reaches the model as features.

Features are strings, read over lemmas (:mod:`kg.extract.tokens`) with every mention replaced
by its type, so no name of any text can become a feature: the words between and around the
pair, the types, the order and distance, list structure, roles, and which rules proposed what.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from kg.extract.context import Context, Slot, View
from kg.extract.lexicon import CUE_CLASSES
from kg.extract.schema import fits, relations_for
from kg.extract.tokens import is_dutch_word, tokenize
from kg.model import ORGANISATION_TYPES, Candidate, Mention

#: Words that say nothing between two mentions (kept out of the bag of words, not of sequences).
_STOP = frozenset({"de", "het", "een", "'s", "the"})


@dataclass
class PairInstance:
    """An ordered pair (subject, object) of mentions as the model sees it."""

    subject: Mention
    object: Mention
    view_index: int
    features: list[str]
    rules: list[Candidate] = field(default_factory=list)  #: rule candidates for this pair
    relations: tuple[str, ...] = ()  #: relations whose domain and range the pair fits


@dataclass
class _Seq:
    """A sentence as a sequence of tokens in which each slot is one token."""

    words: list[str]  #: lemma, or a type token like <Organisation>
    slot_pos: dict[int, int]  #: id(slot) -> index in words
    #: What every pair of the sentence reads, counted once per sentence (so that a pair's
    #: features cost what they hold, not the sentence's length): each word's shape and the
    #: cue classes around (see :meth:`_prepare`).
    _ready: bool = field(default=False, repr=False)
    #: (a, b) -> the span features of a pair at a < b, subject first and object first
    _spans: dict[tuple[int, int], tuple[list[str], list[str]]] = field(default_factory=dict, repr=False)

    def _prepare(self) -> None:
        self.shapes = shapes = [_shape(w) for w in self.words]
        # the cue words (a sentence has few): their positions and classes, and the classes
        # of the first i of them (before) and of the last i of them (after)
        self.cues = cues = [(k, x) for k, x in enumerate(shapes) if x.startswith("[")]
        self.cue_pos = [k for k, _ in cues]
        self.cls_before = _class_sets(x for _, x in cues)
        self.cls_after = _class_sets(x for _, x in reversed(cues))
        self.classes = self.cls_before[-1]  # every cue class of the sentence
        self._ready = True

    def classes_outside(self, a: int, b: int) -> frozenset[str]:
        """The cue classes in words[:a] and in words[b:]."""
        pos = self.cue_pos
        return self.cls_before[bisect_left(pos, a)] | self.cls_after[len(pos) - bisect_left(pos, b)]

    def span_features(self, a: int, b: int) -> tuple[list[str], list[str]]:
        """The features a pair at positions a < b reads of the sentence, for the subject first
        (``|so``) and for the object first (``|os``): both directions of a pair read the same
        words, so the words are read once (the sequence must be :meth:`_prepare` d)."""
        found = self._spans.get((a, b))
        if found is None:
            subject_first: list[str] = []
            object_first: list[str] = []
            for p, directed in _span_parts(self, a, b):  # one pass for both (twice as fast as two)
                if directed:
                    subject_first.append(p + "|so")
                    object_first.append(p + "|os")
                else:
                    subject_first.append(p)
                    object_first.append(p)
            found = self._spans[(a, b)] = (subject_first, object_first)
        return found


def _span_parts(seq: _Seq, a: int, b: int) -> list[tuple[str, bool]]:
    """:meth:`_Seq.span_features` without the direction: (feature, whether it takes one)."""
    words = seq.words
    between = words[a + 1:b]
    f = [(f"dist={_bucket(len(between))}", True)]
    n_mentions = 0  # type tokens (not <cap>) between
    listed = True  # every word between can stand in a list
    for w in between:
        if w.startswith("<"):
            if w != "<cap>":
                n_mentions += 1
        elif w not in _LIST_WORDS:
            listed = False
    f.append((f"nment={_bucket(n_mentions)}", False))
    shapes = seq.shapes[a + 1:b]
    if len(between) <= 8:
        f.append((f"shape={' '.join(shapes)}", True))
    if len(between) <= 4:
        f.append((f"seq={' '.join(between)}", True))
    for w in set(between) - _STOP:
        if not w.startswith("<"):
            f.append((f"btw={w}", True))
    if between and seq.cues:
        inside = {x for k, x in seq.cues if a < k < b}
        for c in seq.classes:
            if c in inside:
                f.append((f"btwcls={c}", True))
    if between and listed:
        f.append(("list", False))
    if not between:
        f.append(("adjacent", False))
    left1 = words[a - 1] if a >= 1 else "<s>"
    left2 = words[a - 2] if a >= 2 else "<s>"
    right1 = words[b + 1] if b + 1 < len(words) else "</s>"
    right2 = words[b + 2] if b + 2 < len(words) else "</s>"
    f += [(f"l1={left1}", True), (f"r1={right1}", True), (f"l2={left2} {left1}", True),
          (f"r2={right1} {right2}", True), (f"l1s={_shape(left1)}", True), (f"r1s={_shape(right1)}", True)]
    for c in seq.classes_outside(a, min(b + 1, len(words))):
        f.append((f"outcls={c}", False))
    return f


def _class_sets(classes: Iterable[str]) -> list[frozenset]:
    """The set of the first i classes, for every i: a set is made anew at a class not seen
    before only, and shared up to the next one."""
    sets = [frozenset()]
    last = sets[0]
    for x in classes:
        if x not in last:
            last = last | {x}
        sets.append(last)
    return sets


def _sequence(view: View, cache: dict[int, _Seq]) -> _Seq:
    if view.index in cache:
        return cache[view.index]
    # the slots in order (they never overlap: Context.place), and an end past every token
    spans = [(s.cstart, s.cend, s) for s in view.sorted_slots()] + [(_PAST, _PAST, None)]
    words: list[str] = []
    pos: dict[int, int] = {}
    si = 0
    cstart, cend, s = spans[0]
    first = True
    for text, start, _, lemma in tokenize(view.text):
        while cend <= start:
            si += 1
            cstart, cend, s = spans[si]
        if cstart <= start:
            if id(s) not in pos:
                pos[id(s)] = len(words)
                words.append(f"<{_type_of(s)}>")
            first = False
            continue
        if not first and text[:1].isupper():  # a capital inside the sentence
            words.append("<cap>")
        else:
            words.append(lemma)
        first = False
    cache[view.index] = _Seq(words, pos)
    return cache[view.index]


#: A clean offset past the end of every sentence.
_PAST = float("inf")


def _type_of(slot: Slot) -> str:
    if slot.group:
        return slot.group[0].mention.type
    return slot.mention.type


def _bucket(n: int) -> str:
    return _BUCKETS[n] if n < len(_BUCKETS) else "20+"


#: _bucket(n) for n up to 20: the smallest bound of (0, 1, 2, 3, 5, 8, 12, 20) that n stays within.
_BUCKETS = tuple(str(next(b for b in (0, 1, 2, 3, 5, 8, 12, 20) if n <= b)) for n in range(21))


_LIST_WORDS = frozenset({",", "en", "of", "&", "<cap>"})


@lru_cache(maxsize=65536)
def _shape(w: str) -> str:
    """A token as the model generalises over it: a type, a cue class, punctuation, or 'w'."""
    if w.startswith("<"):
        return w
    if w in _LIST_WORDS or not w[:1].isalnum():
        return w
    cls = CUE_CLASSES.get(w)
    return f"[{cls}]" if cls else "w"


def _mention_looks(m: Mention, counts: dict[str, int]) -> list[str]:
    """What a mention looks like, never what it says: length, shape, how often it recurs
    (without the side's tag, ``s_`` or ``o_``, so both sides share the reading)."""
    words = m.text.split()
    f = [f"len={min(len(words), 4)}"]
    if len(words) == 1:
        w = words[0]
        if w.isupper() and len(w) > 1:
            f.append("acronym")
        elif m.type not in ("Municipality", "Province", "Person") and is_dutch_word(w):
            f.append("common_noun")  # "Gezin", "Jeugd": a word of a longer name, or no name
    kinds = {CUE_CLASSES.get(w.lower()) for w in words} - {None}
    f += [f"kind={k}" for k in kinds]
    n = counts.get(m.name.casefold(), 0)
    f.append(f"freq={_bucket(n)}")
    return f


class _Looks:
    """:func:`_mention_looks` of each mention of a document as subject (``s_``) and as object
    (``o_``), worked out once per name: a mention is in many pairs, and a name recurs as
    mentions of its own (the features read the mention's text, type and name only)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.memo: dict[tuple[str, str, str | None], tuple[list[str], list[str]]] = {}

    def both(self, m: Mention) -> tuple[list[str], list[str]]:
        """The mention's features as subject and as object."""
        key = (m.text, m.type, m.label)
        found = self.memo.get(key)
        if found is None:
            looks = _mention_looks(m, self.counts)
            found = self.memo[key] = (["s_" + look for look in looks], ["o_" + look for look in looks])
        return found

    def __call__(self, tag: str, m: Mention) -> list[str]:
        return self.both(m)[_SIDES[tag]]


#: _Looks: the position of a side's features in :meth:`_Looks.both`.
_SIDES = {"s_": 0, "o_": 1}


def _features(seq: _Seq | None, i: int | None, j: int | None, s: Mention, o: Mention,
              coref_s: bool, coref_o: bool, looks_s: list[str], looks_o: list[str],
              topic_s: bool, topic_o: bool) -> list[str]:
    """The features of the pair (s, o) at positions i and j of ``seq``; ``looks_s`` and
    ``looks_o`` are the mentions' own (:class:`_Looks`), ``topic_s`` and ``topic_o`` whether
    each is the text's topic: per mention, not per pair."""
    f = [f"tt={s.type}|{o.type}", *looks_s, *looks_o]
    if topic_s:
        f.append("s_topic")
    if topic_o:
        f.append("o_topic")
    if s.role:
        f += [f"srole={w}" for w in s.role.lower().split()]
        f += [f"srolecls={CUE_CLASSES.get(w, 'none')}" for w in s.role.lower().split()]
    if coref_s:
        f.append("s_coref")
    if coref_o:
        f.append("o_coref")
    if seq is None or i is None or j is None:
        f.append("apart")
        return f
    if not seq._ready:
        seq._prepare()
    forward = i < j
    f.append("order=so" if forward else "order=os")
    f += seq.span_features(i, j)[0] if forward else seq.span_features(j, i)[1]
    return f


def _view_of(ctx: Context, c: Candidate) -> View | None:
    index = ctx.memory.get("views_by_span")
    if index is None or len(index) != len(ctx.views):
        index = ctx.memory["views_by_span"] = {(v.sentence.start, v.sentence.end): v for v in ctx.views}
    return index.get((c.sentence.start, c.sentence.end))


_PRONOUNS = {"wij": "we", "we": "we", "ons": "we", "onze": "we", "zij": "zij", "ze": "zij", "hun": "zij",
             "haar": "zij", "u": "u", "je": "u", "jij": "u", "inwoner": "u", "bewoner": "u"}


def _topic_pairs(ctx: Context, cache: dict, mentions: dict, counts: dict, looks: _Looks, top: str,
                 org_names: set[str], out: dict, key) -> None:
    """The organisation the text is most about, paired with what other sentences name.

    Org pages and annual reports say "Wij bieden ...", "Inwoners kunnen er terecht voor ...":
    the subject is the text's own organisation, named sentences away.
    """
    if not top:
        return
    # the first mention of the topic that no coreference phrase stands for
    topic = next((m for v in ctx.views for _, m, coref, name in mentions[v.index] if not coref and name == top),
                 None)
    if topic is None:
        return
    # how much the text is about its topic: a page of one organisation, or news about several
    org_counts = {k: n for k, n in counts.items() if k in org_names}
    total = sum(org_counts.values()) or 1
    share = org_counts.get(top, 0) / total
    doc_f = [f"doc|orgs={_bucket(len(org_counts))}",
             f"doc|share={'high' if share >= 0.6 else 'mid' if share >= 0.35 else 'low'}"]
    typed: dict[tuple[str, str], tuple[list[str], list[str]]] = {}  # see _typed
    for v in ctx.views:
        here = mentions[v.index]
        if not here or any(name == top for _, _, _, name in here):
            continue
        here = [m for _, m, _, _ in here]
        seq = _sequence(v, cache)
        words = set(seq.words)
        sent = [f"sentcls={c}" for c in {_shape(w) for w in words} if c.startswith("[")]
        sent += [f"pron={_PRONOUNS[w]}" for w in words if w in _PRONOUNS]
        n_orgs = sum(1 for m in here if m.type in ORGANISATION_TYPES)
        sent.append(f"orgs_here={_bucket(n_orgs)}")
        if v.bullet:
            sent.append("bullet")
        if v.heading:
            sent.append("heading")
        sent_f = [f"doc|{x}" for x in sent] + doc_f  # the same for every pair of the sentence
        for m in here:
            for s_, o_ in ((topic, m), (m, topic)):
                rels = relations_for(s_.type, o_.type)
                if not rels:
                    continue
                k = key(s_, o_, v.index)
                if k in out:
                    continue
                types = typed.get((s_.type, o_.type)) or _typed(typed, s_.type, o_.type, doc_f)
                f = [*types[0], "doc|topic_is_s" if s_ is topic else "doc|topic_is_o",
                     *looks("s_", s_), *looks("o_", o_), *sent_f, *types[1]]
                out[k] = PairInstance(s_, o_, v.index, f, relations=rels)


def _typed(typed: dict, s_type: str, o_type: str, doc_f: list[str]) -> tuple[list[str], list[str]]:
    """A topic pair's features that say its types: the first ones and the last ones (made once
    per pair of types in a document, not once per pair)."""
    tt = f"tt={s_type}|{o_type}"
    found = typed[(s_type, o_type)] = (["doc", f"doc|{tt}", tt], [f"{x}|{tt}" for x in doc_f])
    return found


def instances(ctx: Context) -> list[PairInstance]:
    """Every candidate pair of the document, with its features."""
    cache: dict[int, _Seq] = {}
    out: dict[tuple, PairInstance] = {}
    # per sentence, its mentions in order, read once for every pass below: (slot, mention,
    # whether a coreference phrase stands for it, its name casefolded)
    mentions: dict[int, list[tuple[Slot, Mention, bool, str]]] = {}
    counts: dict = {}
    for v in ctx.views:
        here = mentions[v.index] = []
        for sl in v.sorted_slots():
            for m, coref in ([(g.mention, True) for g in sl.group] if sl.group else [(sl.mention, False)]):
                name = m.name.casefold()
                here.append((sl, m, coref, name))
                counts[name] = counts.get(name, 0) + 1
    # the organisations named in their own right (not through a coreference phrase)
    org_names = {name for here in mentions.values() for _, m, coref, name in here
                 if not coref and m.type in ORGANISATION_TYPES}
    # the organisation the text is most about (named most often; ties: the last name in order)
    top = max(((n, k) for k, n in counts.items() if k in org_names), default=(0, ""))[1]
    looks = _Looks(counts)

    def key(s: Mention, o: Mention, vi: int) -> tuple:
        return (s.start, s.end, s.name, o.start, o.end, o.name, vi)

    for v in ctx.views:
        if len(v.slots) < 2:
            continue
        # per mention of the sentence, what every pair it is in reads of it (worked out once,
        # not once per pair): slot, mention, coref?, name, key, looks as subject and object, topic?
        members = [(sl, m, coref, name, (m.start, m.end, m.name), *looks.both(m), bool(top) and name == top)
                   for sl, m, coref, name in mentions[v.index]]
        seq = None
        for sa, ma, ca, na, ka, looks_a, _, topic_a in members:
            for sb, mb, cb, nb, kb, _, looks_b, topic_b in members:
                if sa is sb or na == nb:
                    continue
                rels = relations_for(ma.type, mb.type)
                if not rels:
                    continue
                if seq is None:
                    seq = _sequence(v, cache)
                k = (*ka, *kb, v.index)  # key(ma, mb, v.index)
                if k in out:
                    continue
                f = _features(seq, seq.slot_pos.get(id(sa)), seq.slot_pos.get(id(sb)), ma, mb, ca, cb,
                              looks_a, looks_b, topic_a, topic_b)
                if v.heading:
                    f.append("heading")
                if v.bullet:
                    f.append("bullet")
                out[k] = PairInstance(ma, mb, v.index, f, relations=rels)

    _topic_pairs(ctx, cache, mentions, counts, looks, top, org_names, out, key)

    ruled: dict[tuple, PairInstance] = {}
    for c in ctx.extraction.candidates:
        v = _view_of(ctx, c)
        vi = v.index if v else -1
        k = key(c.subject, c.object, vi)
        inst = out.get(k)
        if inst is None:
            pos = {}
            seq = None
            if v is not None:
                seq = _sequence(v, cache)
                for sl in v.slots:
                    for m in ([g.mention for g in sl.group] if sl.group else [sl.mention]):
                        pos.setdefault((m.start, m.end, m.name), seq.slot_pos.get(id(sl)))
            i = pos.get((c.subject.start, c.subject.end, c.subject.name))
            j = pos.get((c.object.start, c.object.end, c.object.name))
            f = _features(seq, i, j, c.subject, c.object, False, False, looks("s_", c.subject),
                          looks("o_", c.object), bool(top) and c.subject.name.casefold() == top,
                          bool(top) and c.object.name.casefold() == top)
            inst = out[k] = PairInstance(c.subject, c.object, vi, f,
                                         relations=relations_for(c.subject.type, c.object.type))
        inst.rules.append(c)
        ruled[k] = inst
    for inst in ruled.values():  # the few pairs a rule read
        for c in inst.rules:
            inst.features += [f"rule={c.relation}", f"ruleid={c.rule}", f"rulemod={c.relation}|{c.modality}"]
            if c.relation not in inst.relations and fits(c.relation, c.subject.type, c.object.type):
                inst.relations = tuple(sorted(set(inst.relations) | {c.relation}))
    # a rule that read the pair the other way round says something too (the pair's key in out
    # holds what its mentions say, read once: the subject's start, end, name, the object's, view)
    by_pair = {(s0, sn, o0, on, vi): inst for (s0, _, sn, o0, _, on, vi), inst in out.items()}
    for (s0, _, sn, o0, _, on, vi), inst in out.items():
        rev = by_pair.get((o0, on, s0, sn, vi))
        if rev is not None and rev.rules:
            inst.features += [f"revrule={c.relation}" for c in rev.rules]
    return list(out.values())


__all__ = ["PairInstance", "instances"]
