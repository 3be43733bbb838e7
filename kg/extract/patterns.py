"""Relation rules as data: lemma patterns with typed name slots (``kg/data/patterns.toml``).

A sentence is read as a line of tokens: each name is one slot token (``⟦O3⟧``: type letter and
slot number, as in :mod:`kg.extract.context`), every other word its lemma
(:mod:`kg.extract.tokens`), so "fuseerden", "fuseren" and "gefuseerd" are one word to a rule.

Pattern syntax, tokens separated by spaces:

=================  =====================================================================
``{A:ORG}``        one name of class ORG, captured as A
``{A:ORG+}``       a coordination of names of that class ("A, B en C"), captured as A
``{A:ORG*}``       every name of that class from here to the sentence's end
``{A:ORG>}``       the names opening the bulleted items after the sentence (which ends here)
``^`` ``$``        the sentence's start, its end
``fuseren``        that lemma
``(fusie|fuseren)``  any of these lemmas
``fusie?``         the lemma, or nothing
``*organisatie``   any word ending in it ("zorgorganisatie"), also inside ``(...)``
``~3``             up to 3 other words (no name, no clause punctuation)
``~~3``            up to 3 words or names (no clause punctuation)
``,`` ``:``        that punctuation
``&(,|en)``        must follow here, but is left for the next match
=================  =====================================================================

Classes: ORG (organisations, cooperatives, partnerships), MUN (municipality), PROV, HOOD
(neighbourhood), PLACE (MUN, PROV or HOOD), PILOT, SVC (service), PER (person), ACTOR (ORG or
MUN). Each rule says which captures are subject and object (``subject``/``object``), or
``pairs = "A"`` for every pair within A (symmetric relations); ``TOPIC`` as subject or object
is the organisation the text is by or about, ``BEFORE`` the group named last in the three
sentences before. A rule's relation must fit the
ontology's domain and range for the captured types (:mod:`kg.extract.schema`), else no candidate.

Every rule carries ``examples`` (a text and the relations it must give) and ``counter``
examples (texts it must not fire on); ``tests/test_patterns.py`` runs them all.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from kg.errors import InputError
from kg.extract.context import SLOT_RE, TYPE_LETTER, Context, Slot, View
from kg.extract.dates import date_near
from kg.extract.lexicon import GROUP_KINDS
from kg.extract.schema import fits
from kg.extract.tokens import tokenize
from kg.model import DATED_RELATIONS, RELATION_TYPES, SYMMETRIC_RELATIONS

CLASSES = {
    "ORG": "O", "MUN": "M", "PROV": "V", "HOOD": "N", "PLACE": "MVN", "PILOT": "P", "SVC": "S",
    "PER": "H", "ACTOR": "OM", "GROUP": "OP", "AREA": "NOP",
    "PARTY": "OMH",
}
_SEP = r"(?:, (?:en |of )?(?:onder meer |ook )?|en (?:onder meer |ook )?|of |& |alsmede |evenals |, zowel |zowel )"
_GAP_WORD = r"(?:(?!⟦)[^\s,.;:()]+ )"
#: A rule's subject or object may be the organisation the text is by or about ("Wij bieden ...",
#: "Inwoners kunnen er terecht bij het maatschappelijk werk"): the one named in its opening
#: lines and most often (kg.extract.coref.author_org). No rule fires on it when there is none.
TOPIC = "TOPIC"
#: A rule's subject or object may be the group (a partnership, coalition, network, platform,
#: team) named last in the three sentences before ("... is de Coalitie X gevormd. De leden
#: komen uit de volgende organisaties:"). No rule fires on it when there is none.
BEFORE = "BEFORE"
_GROUP_HEADS = GROUP_KINDS + ("coalitie", "overleg", "wijkteam", "buurtteam", "team", "werkgroep", "coöperatie",
                              "cooperatie")


@dataclass
class PatternRule:
    id: str
    relation: str
    pattern: str
    regex: re.Pattern
    subject: str | None = None
    object: str | None = None
    pairs: str | None = None
    confidence: float = 0.8
    unless: re.Pattern | None = None  #: a pattern that, found anywhere in the sentence, blocks the rule
    letters: dict[str, str] = field(default_factory=dict)  #: capture -> the type letters it takes
    bullets: frozenset[str] = frozenset()  #: captures that take the bulleted items after the sentence
    needs: list[frozenset[str]] = field(default_factory=list)  #: words of which one must be there
    examples: list[dict] = field(default_factory=list)
    counter: list[str] = field(default_factory=list)
    #: an inference, not a statement: its candidate gives way to any other rule's candidate of the
    #: same relation for the same subject with another object ("TIEL – A uit Culemborg ...")
    yields: bool = False


#: What may stand before a name in a list: an article and a kind noun ("de gemeente", "zorgverzekeraar").
_ITEM_HEAD = (r"(?:de |het |een )?(?:(?:gemeente|provincie|stichting|vereniging|coöperatie|"
              r"[a-zë]*(?:organisatie|verzekeraar|aanbieder|corporatie|instelling|stichting|vereniging|bond|"
              r"fonds|centrum|school|partner)) )?")


def _slot_rx(letters: str, name: str, many: bool | str) -> str:
    one = rf"⟦[{letters}]\d+⟧ "
    if many == "*":  # every such name from here to the sentence's end
        return rf"(?P<{name}>.*)$"
    if many:
        return rf"(?P<{name}>{_ITEM_HEAD}{one}(?:{_SEP}{_ITEM_HEAD}{one})*)"
    return rf"(?P<{name}>{one})"


def _word_rx(word: str) -> str:
    """A lemma, or with a leading ``*`` any word ending in it (``*organisatie``: "zorgorganisatie")."""
    if word.startswith("*") and len(word) > 1:
        return rf"[^\s⟦⟧,.;:()]*{re.escape(word[1:])}"
    return re.escape(word)


def compile_pattern(pattern: str) -> re.Pattern:
    """The regular expression over a token line (tokens each followed by one space)."""
    out = []
    for tok in pattern.split():
        m = re.fullmatch(r"\{([A-Z])\:([A-Z]+)([+*>]?)\}", tok)
        if m:
            name, cls, many = m.groups()
            if cls not in CLASSES:
                raise InputError(f"pattern {pattern!r}: unknown class {cls}")
            if many == ">":  # the bulleted items after the sentence: it must end here
                out.append(rf"(?P<{name}>)(?:[:.] )?$")
                continue
            out.append(_slot_rx(CLASSES[cls], name, many if many == "*" else bool(many)))
            continue
        if tok == "^":  # the sentence's start
            out.append("^")
            continue
        if tok == "$":  # the sentence's end (after an optional full stop)
            out.append(r"(?:\. )?$")
            continue
        if tok.startswith("&") and len(tok) > 1:  # lookahead: must follow, is not consumed
            inner = compile_pattern(tok[1:]).pattern
            out.append(rf"(?={inner})")
            continue
        m = re.fullmatch(r"~~(\d+)", tok)
        if m:  # a gap that may hold names too
            out.append(rf"(?:[^\s,.;:()]+ ){{0,{int(m.group(1))}}}")
            continue
        m = re.fullmatch(r"~(\d+)", tok)
        if m:
            out.append(rf"{_GAP_WORD}{{0,{int(m.group(1))}}}")
            continue
        optional = tok.endswith("?") and len(tok) > 1
        core = tok[:-1] if optional else tok
        if core.startswith("(") and core.endswith(")"):
            alts = "|".join(_word_rx(a) for a in core[1:-1].split("|"))
            rx = rf"(?:{alts}) "
        else:
            rx = rf"{_word_rx(core)} "
        out.append(rf"(?:{rx})?" if optional else rx)
    return re.compile("".join(out))


def required_words(pattern: str) -> list[frozenset[str]]:
    """For each word token the pattern cannot do without, the words that may stand there: a
    sentence that has none of them cannot match, so the rule is not tried on it."""
    out = []
    for tok in pattern.split():
        if tok.endswith("?") or tok.startswith(("{", "~", "&", "^")) or not tok[:1].isalnum() and not tok.startswith("("):
            continue
        words = tok[1:-1].split("|") if tok.startswith("(") and tok.endswith(")") else [tok]
        if all(w[:1].isalnum() for w in words):  # a ``*suffix`` word is no fixed word
            out.append(frozenset(words))
    return out


def words_not_lemmas(pattern: str) -> list[tuple[str, str]]:
    """The words of ``pattern`` that no sentence's line can hold, with the lemma the line holds
    for them instead ("wordt" -> "worden"): a line holds lemmas, so a rule written with another
    form of a word never sees it."""
    from kg.extract.tokens import lemma_of

    out = []
    for tok in pattern.split():
        tok = tok.lstrip("&").rstrip("?")
        for word in tok[1:-1].split("|") if tok.startswith("(") and tok.endswith(")") else [tok]:
            lemma = lemma_of(word) if word[:1].isalpha() and "*" not in word else word
            if lemma != word:
                out.append((word, lemma))
    return out


def _marks_after_names(pattern: str) -> list[frozenset[str]]:
    """For each punctuation token right after a name slot ("{B:MUN} ( {A:AREA+} )"), the marks
    that may stand there: the slot's regex ends in a space and the mark's is followed by one,
    so the mark is a whole token of the line, and a sentence without it cannot match (the
    rules that need no word, the ones :func:`required_words` cannot rule out, need one)."""
    out = []
    toks = pattern.split()
    for before, tok in zip(toks, toks[1:]):
        if not _ONE_OR_MORE_NAMES.fullmatch(before) or tok.endswith("?") and len(tok) > 1:
            continue
        marks = tok[1:-1].split("|") if len(tok) > 2 and tok.startswith("(") and tok.endswith(")") else [tok]
        if all(m and not m[0].isalnum() and m[0] not in "{~&^$*" for m in marks):
            out.append(frozenset(marks))
    return out


#: A slot of one name, or of a coordination of names: it ends with a slot token and a space.
_ONE_OR_MORE_NAMES = re.compile(r"\{[A-Z]:[A-Z]+\+?\}")


def _load_toml(text: str):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def rules() -> tuple[PatternRule, ...]:
    """The pattern rules shipped in ``kg/data/patterns.toml``, checked."""
    from kg.resources import read_text

    return tuple(parse_rules(_load_toml(read_text("data", "patterns.toml"))))


def parse_rules(data: dict) -> list[PatternRule]:
    out = []
    seen = set()
    for raw in data.get("rule", []):
        rid = raw.get("id", "?")
        if rid in seen:
            raise InputError(f"patterns: rule id {rid} is used twice")
        seen.add(rid)
        rel = raw.get("relation")
        if rel not in RELATION_TYPES:
            raise InputError(f"patterns: rule {rid}: unknown relation {rel!r}")
        rule = PatternRule(id=rid, relation=rel, pattern=raw["pattern"], regex=compile_pattern(raw["pattern"]),
                           subject=raw.get("subject"), object=raw.get("object"), pairs=raw.get("pairs"),
                           confidence=float(raw.get("confidence", 0.8)),
                           unless=compile_pattern(raw["unless"]) if raw.get("unless") else None,
                           letters={n: CLASSES.get(c, "") for n, c in
                                    re.findall(r"\{([A-Z]):([A-Z]+)[+*>]?\}", raw["pattern"])},
                           bullets=frozenset(re.findall(r"\{([A-Z]):[A-Z]+>\}", raw["pattern"])),
                           needs=required_words(raw["pattern"]) + _marks_after_names(raw["pattern"]),
                           examples=list(raw.get("examples", [])), counter=list(raw.get("counter", [])),
                           yields=bool(raw.get("yields", False)))
        names = set(rule.regex.groupindex) | {TOPIC, BEFORE}
        wanted = {rule.pairs} if rule.pairs else {rule.subject, rule.object}
        if None in wanted or not wanted <= names:
            raise InputError(f"patterns: rule {rid}: subject/object or pairs must name captures of the pattern")
        if not rule.examples or not rule.counter:
            raise InputError(f"patterns: rule {rid} needs at least one example and one counter-example")
        not_lemmas = words_not_lemmas(raw["pattern"]) + words_not_lemmas(raw.get("unless") or "")
        if not_lemmas:
            word, lemma = not_lemmas[0]
            raise InputError(f"patterns: rule {rid}: '{word}' is read as its lemma '{lemma}': write that")
        out.append(rule)
    return out


def token_line(view: View) -> tuple[str, dict[int, Slot]]:
    """The sentence as a line of lemmas and slot tokens, and slot number -> slot."""
    slots = view.sorted_slots()
    tokens = tokenize(view.text)
    words: list[str] = []
    by_number: dict[int, Slot] = {}
    starts, ends = [s.cstart for s in slots], [s.cend for s in slots]
    n = len(slots)
    # slot k is the first (in sorted order) that ends after the token's start: the token is in
    # a slot if it is in that one (slots before it end before the token, those after start after)
    k, placed = 0, -1  # placed: the last slot whose token is in the line
    lo, hi = (starts[0], ends[0]) if n else (_PAST, _PAST)
    for text, start, _, lemma in tokens:  # (unpacked: cheaper than a Token's named fields)
        if start >= hi:
            k += 1
            while k < n and ends[k] <= start:
                k += 1
            lo, hi = (starts[k], ends[k]) if k < n else (_PAST, _PAST)
        if start >= lo:  # in slot k
            if k != placed:
                s = slots[k]
                letter = TYPE_LETTER.get(s.group[0].mention.type if s.group else s.mention.type, "X")
                words.append(f"⟦{letter}{k}⟧")
                by_number[k] = s
                placed = k
        elif text == "." and words and words[-1] in ("stg", "sticht"):
            words[-1] = "stichting"  # "Stg. Kompasroos": an abbreviation, no sentence end
        else:
            words.append(lemma)
    line = " ".join(words) + " "
    if "( " in line:
        if "( ⟦" in line:
            line = _ACRONYM_AFTER.sub(lambda m: _drop_acronym(m, by_number), line)
        if "⟧ ( " in line:
            line = _INITIALS_AFTER.sub(lambda m: _drop_initials(m, by_number, view.text), line)
    return line, by_number


#: A clean offset past the end of every sentence.
_PAST = sys.maxsize

#: "Stichting X (SX) te Goes", "A (SA in Haven) en B": an acronym in brackets right after the name
#: it abbreviates, with what else the brackets say.
_ACRONYM_AFTER = re.compile(r"(⟦[A-Z](\d+)⟧ )\( ⟦[A-Z](\d+)⟧ (?:[^()]{0,60}? )?\) ")


def _drop_acronym(m: re.Match, by_number: dict[int, Slot]) -> str:
    """The rules read the name once: "X (SX) te Goes" as "X te Goes" (the brackets' places are
    read by the location rules, from the sentence itself)."""
    long, short = by_number[int(m.group(2))], by_number[int(m.group(3))]
    if short.mention.label and short.mention.label == long.mention.name:
        return m.group(1)
    return m.group(0)


#: "algemeen maatschappelijk werk (AMW) en ...": a word in brackets right after a name, which
#: may be the name's initials (no name itself, so no slot).
_INITIALS_AFTER = re.compile(r"(⟦[A-Z](\d+)⟧ )\( ([^\W\d_]{2,6}) \) ")


def _drop_initials(m: re.Match, by_number: dict[int, Slot], text: str) -> str:
    """The rules read "X (AX) en Y" as "X en Y" when the bracketed word is written in capitals
    in the sentence and spells the initials of X's words: a list of names stays one list."""
    short = m.group(3)
    words = by_number[int(m.group(2))].mention.text.replace("-", " ").split()
    initials = "".join(w[0] for w in words if w[:1].isalpha()).lower()
    if initials == short and f"({short.upper()})" in text:
        return m.group(1)
    return m.group(0)


def _members(text: str, by_number: dict[int, Slot], letters: str = "") -> list:
    """The mentions of the slot tokens in ``text`` (a capture) whose type letter is one of
    ``letters`` (any, if none)."""
    out = []
    for letter, number in _slot_tokens(text):
        if letters and letter not in letters:
            continue
        out += [g.mention for g in by_number[number].members()]
    return out


@lru_cache(maxsize=1024)
def _slot_tokens(text: str) -> tuple[tuple[str, int], ...]:
    """The type letter and number of each slot token in a capture: read once for each capture
    text, which recur from report to report ("⟦O0⟧ ", "⟦M1⟧ en ⟦M2⟧ ")."""
    return tuple((m.group(1), int(m.group(2))) for m in SLOT_RE.finditer(text))


def run(ctx: Context) -> None:
    """Component: candidates of every pattern rule in every sentence."""
    for v in ctx.views:
        if len(v.slots) < 1 and not v.text.rstrip().endswith(":"):
            continue  # a sentence without names may still open a list of them
        line, by_number = token_line(v)
        apply_rules(ctx, v, line, by_number, rules())
    ctx.extraction.candidates = _give_way(ctx.extraction.candidates, ctx.extraction.candidates, rules())


def _give_way(cands: list, others: list, rule_set) -> list:
    """``cands`` without the candidates of rules that ``yields`` where a rule that does not (any
    component's, in ``others``) states the same relation for the same subject with another object."""
    yielding = {r.id for r in rule_set if r.yields}
    if not yielding or not any(c.rule in yielding for c in cands):
        return cands
    stated: dict[tuple, set] = {}
    for c in others:
        if c.rule not in yielding:
            stated.setdefault((c.subject.name, c.relation), set()).add(c.object.name)
    return [c for c in cands
            if c.rule not in yielding or not stated.get((c.subject.name, c.relation), set()) - {c.object.name}]


def _topic(ctx: Context) -> list:
    if "author_org" not in ctx.memory:
        from kg.extract.coref import author_org

        slot = author_org(ctx)
        ctx.memory["author_org"] = slot.mention if slot is not None else None
    return [ctx.memory["author_org"]] if ctx.memory["author_org"] is not None else []


def _group_before(ctx: Context, v: View) -> list:
    for w in reversed(ctx.views[max(0, v.index - 3):v.index]):
        for s in reversed(w.sorted_slots()):
            if s.group is not None:
                continue
            m = s.mention
            if m.type in ("Partnership", "Cooperative", "Pilot") or (
                    m.type == "Organisation" and m.name.split()[0].casefold() in _GROUP_HEADS):
                return [m]
    return []


def _side(ctx: Context, v: View, rule: PatternRule, m: re.Match, name: str,
          by_number: dict[int, Slot]) -> list:
    letters = rule.letters.get(name, "")
    if name == TOPIC:
        return _topic(ctx)
    if name == BEFORE:
        return _group_before(ctx, v)
    if name in rule.bullets:
        from kg.extract.rules import bulleted_items

        return [g.mention for it in bulleted_items(ctx, v, letters) for g in it.slot.members()]
    return _members(m.group(name), by_number, letters)


def _rarest(needs: list[frozenset[str]]) -> frozenset[str]:
    """Of the sets of words a rule needs, the one least likely in a sentence: the one whose
    shortest word is longest ("gemeente" rather than "in": short words are the common ones).
    Only which rules :func:`apply_rules` looks at depends on it, not what they find."""
    return max(needs, key=lambda words: min(map(len, words)), default=frozenset())


def _requirements(rule_set) -> tuple[list, list[int], dict[str, list[int]], dict]:
    """What :func:`apply_rules` checks before it runs a rule's regex on a sentence, worked out
    once for the shipped rules: each rule with the type letters of the captures it states
    relations of and the words it needs; the rules that need no word; word -> the rules
    for which that word is one of the words of their :func:`_rarest` set (a sentence without
    any of them cannot match the rule, so the rule is not even looked at); and an empty memo
    of :func:`_letters_fit`."""
    cached = _REQUIREMENTS.get(id(rule_set))
    if cached is not None and cached[0] is rule_set:
        return cached[1]
    reqs = [(rule, [frozenset(letters) for name, letters in rule.letters.items()
                    if name in (rule.subject, rule.object, rule.pairs) and name not in rule.bullets],
             rule.needs)
            for rule in rule_set]
    always = [i for i, (_, _, needs) in enumerate(reqs) if not needs]
    by_word: dict[str, list[int]] = {}
    for i, (_, _, needs) in enumerate(reqs):
        for word in _rarest(needs):
            by_word.setdefault(word, []).append(i)
    out = (reqs, always, by_word, {})
    if rule_set is rules():
        _REQUIREMENTS[id(rule_set)] = (rule_set, out)
    return out


_REQUIREMENTS: dict[int, tuple] = {}


def _letters_fit(reqs: list, memo: dict, present: frozenset[str]) -> frozenset[int]:
    """The rules that find a name of each type letter set they need among the ``present``
    letters of a sentence (few sets of letters occur: each is worked out once)."""
    fit = memo.get(present)
    if fit is None:
        fit = memo[present] = frozenset(i for i, (_, letter_sets, _) in enumerate(reqs)
                                        if not any(letters.isdisjoint(present) for letters in letter_sets))
    return fit


#: The type letter of every slot token (SLOT_RE without the number, for findall)
_SLOT_LETTER = re.compile(r"⟦([A-Z])\d+⟧")
_NEGATION = re.compile(r"\b(?:niet|geen|nooit)\b")


def _has_words(needs: list[frozenset[str]], words: set[str]) -> bool:
    """Each set of words the rule needs has one in ``words`` (a loop: cheaper than any())."""
    for need in needs:
        if need.isdisjoint(words):
            return False
    return True


def apply_rules(ctx: Context, v: View, line: str, by_number: dict[int, Slot], rule_set) -> None:
    present = frozenset(_SLOT_LETTER.findall(line))
    words = set(line.split())
    reqs, always, by_word, memo = _requirements(rule_set)
    maybe = set(always)
    for word in by_word.keys() & words:
        maybe.update(by_word[word])
    maybe &= _letters_fit(reqs, memo, present)  # a name the rule needs is in the sentence
    for i in sorted(maybe):  # in the rules' order: the first rule to state a relation names it
        rule, _, needs = reqs[i]
        if not _has_words(needs, words):
            continue  # a word it needs is not
        if rule.unless is not None and rule.unless.search(line):
            continue
        for m in rule.regex.finditer(line):
            span = line[m.start():m.end()]
            modality = "negated" if _NEGATION.search(span) else "asserted"
            date = date_near(ctx, v.index) if rule.relation in DATED_RELATIONS else None
            if rule.pairs:
                items = _members(m.group(rule.pairs), by_number)
                for i, a in enumerate(items):
                    for b in items[i + 1:]:
                        if fits(rule.relation, a.type, b.type):
                            ctx.add(v, a, rule.relation, b, rule.id, rule.confidence, date, modality)
                continue
            subjects = _side(ctx, v, rule, m, rule.subject, by_number)
            objects = _side(ctx, v, rule, m, rule.object, by_number) if subjects else []  # once, not for each subject
            for s in subjects:
                for o in objects:
                    if not fits(rule.relation, s.type, o.type):
                        continue
                    a, b = s, o
                    if rule.relation in SYMMETRIC_RELATIONS and (b.start, b.name) < (a.start, a.name):
                        a, b = b, a
                    ctx.add(v, a, rule.relation, b, rule.id, rule.confidence, date, modality)


def fire(ctx: Context, rule: PatternRule) -> list:
    """The candidates one rule gives on an extracted context, apart from every other rule's
    (what the rule tests check)."""
    saved_seen, saved = ctx._seen, ctx.extraction.candidates
    ctx._seen, ctx.extraction.candidates = set(), []
    try:
        for v in ctx.views:
            if v.slots or v.text.rstrip().endswith(":"):
                line, by_number = token_line(v)
                apply_rules(ctx, v, line, by_number, (rule,))
        # a rule that yields gives way to the other rules' candidates, as in :func:`run`
        return _give_way(ctx.extraction.candidates, saved, (rule,))
    finally:
        ctx._seen, ctx.extraction.candidates = saved_seen, saved


__all__ = ["PatternRule", "fire", "CLASSES", "compile_pattern", "rules", "parse_rules", "token_line", "run"]
