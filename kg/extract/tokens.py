"""Dutch tokens and lemmas: the linguistic layer under the relation model.

spaCy's blank ``nl`` pipeline splits a sentence into tokens; the lookup lemmatizer of
spacy-lookups-data (a word list installed with the package, nothing downloaded at run time)
gives each word its lemma, so that "fuseerden", "fuseert" and "gefuseerd" all read as
"fuseren", and "ontstond" as "ontstaan". The lemma table doubles as a Dutch vocabulary: a
capitalised word that is no Dutch word is taken for (part of) a name.

The tokens are spaCy's, but a sentence's are put together from the tokens of its words, each
word read by spaCy once per process (:func:`_from_words`): a Doc per sentence cost more than
the rest of the layer. tests/test_extract_tokens.py holds them to spaCy's own.

spaCy is imported on first use only, so ``kg --help`` stays fast.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class Token(NamedTuple):
    """One token of a sentence's clean text: ``text[start:end]``, with its lemma (a tuple:
    a sentence makes dozens, and a frozen dataclass costs several times more to make)."""

    text: str
    start: int
    end: int
    lemma: str


@lru_cache(maxsize=1)
def _pipeline():
    """spaCy's blank Dutch tokenizer and the lookup lemmatizer's table (only that table is
    read: what ``nlp.add_pipe("lemmatizer", config={"mode": "lookup"})`` would use, loaded
    without building the rest of the pipeline).

    The table is read with spaCy's own loader into a plain dict of word form -> lemma, not
    into a spaCy ``Lookups`` table: that hashes each of its 213,000 keys into spaCy's string
    store, which took two thirds of the table's 1-1.5 s of start-up in every process (each
    build worker, each ``kg`` command that reads a report); looking a word up is the same."""
    import spacy
    import spacy_lookups_data  # the Dutch lemma tables; an ImportError names what is missing
    from spacy.util import load_language_data

    nlp = spacy.blank("nl")
    table = load_language_data(spacy_lookups_data.nl["lemma_lookup"])
    return nlp, table


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str]:
    """Every lemma of the lookup table (its values)."""
    _, table = _pipeline()
    return frozenset(v for v in table.values() if isinstance(v, str))


@lru_cache(maxsize=4096)
def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` with their lemmas (lower case); the same sentence is read once
    however many components ask (the list is shared: do not change it)."""
    tokens = _from_words(text)
    if tokens is None:
        nlp, _ = _pipeline()
        tokens = [Token(word, start, start + len(word), _lemma(word.lower()))
                  for word, start in ((t.text, t.idx) for t in nlp.make_doc(text))]
    return tokens


_new = tuple.__new__


def _from_words(text: str) -> list[Token] | None:
    """spaCy's tokens of ``text`` put together from the tokens of its words (the runs between
    single spaces), each word read by spaCy once per process, not a spaCy Doc built for every
    sentence (the Doc and its tokens cost twice what this does). spaCy's tokenizer reads each
    such run on its own; only its special-case pass looks across a space: it matches the
    pieces of special cases ("a.s.", ">:(") in the token sequence of the whole text, and a
    match across a space, though never applied (no special case holds a space), keeps a
    shorter one inside a word from being applied (":(" in ">" + " :(De"). ``None`` (read
    the text whole) where two words next to each other could hold such a match
    (:func:`_joining_ends`), or for white space other than single spaces."""
    out: list[Token] = []
    append = out.append
    pos = 0
    prev = None  # the word before
    for word in text.split(" "):
        reading = _word_reading(word)
        if reading is None:
            return None
        parts, ends = reading
        if ends and prev is not None and prev.endswith(ends):
            return None  # the word before ends in a piece that a special case joins to this one
        for piece, start, end, lemma in parts:
            append(_new(Token, (piece, pos + start, pos + end, lemma)))
        prev = word
        pos += len(word) + 1
    return out


@lru_cache(maxsize=65536)
def _word_reading(word: str) -> tuple[tuple, tuple[str, ...]] | None:
    """:func:`_word_tokens` of ``word`` and its :func:`_joining_ends`, worked out once per word
    and process (the one cache of what a word reads as; most words have no joining ends: then
    no test of the word before)."""
    parts = _word_tokens(word)
    return None if parts is None else (parts, _joining_ends(word))


def _word_tokens(word: str) -> tuple[tuple[str, int, int, str], ...] | None:
    """spaCy's tokens of one word without white space, with offsets in the word and lemmas;
    ``None`` for an empty word or one with white space (read with the whole text instead)."""
    if not word or any(map(str.isspace, word)):
        return None
    nlp, _ = _pipeline()
    spans = _one_mark_each_side(nlp.tokenizer, word)
    if spans is None:
        spans = [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(word)]
    return tuple((word[a:b], a, b, _lemma(word[a:b].lower())) for a, b in spans)


def _one_mark_each_side(tok, word: str) -> list[tuple[int, int]] | None:
    """The spans of spaCy's tokens of ``word`` where it is a word with nothing for the
    tokenizer to split off or inside, after at most one prefix character ("(" "'") and before
    at most one suffix character ("." "," ":"), and no special case in play: what spaCy gives
    (its loop of affix rules, then the word itself, as spacy.tokenizer._split_affixes and
    _attach_tokens read it), worked out without a Doc and vocabulary entries for a word it has
    not seen (most new words are names, most of them bare or with a mark). None otherwise."""
    rules = tok.rules
    if tok.token_match is not None or word in rules:
        return None
    pre = tok.find_prefix(word)
    if pre > 1:
        return None
    suf = tok.find_suffix(word[pre:])
    if suf > 1:
        return None
    end = len(word) - suf
    core = word[pre:end]
    if not core or core in rules or (pre and word[pre:] in rules) or (suf and word[:end] in rules):
        return None  # a special case where the loop would stop, or nothing left
    if (pre or suf) and (tok.find_prefix(core) or tok.find_suffix(core)):
        return None  # the loop would go on
    if tok.find_infix(core):
        return None
    return [span for span in ((0, pre), (pre, end), (end, len(word))) if span[0] < span[1]]


@lru_cache(maxsize=1)
def _joins() -> dict[str, frozenset[str]]:
    """For each piece that follows another in a special case as spaCy's special-case pass
    matches it (the special case split by the prefix, suffix and infix rules alone): the
    pieces that come right before it."""
    from spacy.tokenizer import Tokenizer

    nlp, _ = _pipeline()
    tok = nlp.tokenizer
    bare = Tokenizer(nlp.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    before: dict[str, set[str]] = {}
    for case in tok.rules:
        pieces = [t.text for t in bare(case)]
        for a, b in zip(pieces, pieces[1:]):
            before.setdefault(b, set()).add(a)
    return {b: frozenset(a) for b, a in before.items()}


def _joining_ends(word: str) -> tuple[str, ...]:
    """The pieces that could hold a special case across the space between a word that ends in
    one of them and ``word``: a piece of a special case ends the word before and the piece
    after it starts ``word`` (the tokens on both sides of a space are an end of the one word
    and a start of the other). As a tuple for str.endswith; no piece is empty."""
    joins = _joins()
    return tuple(sorted({end for b, ends in joins.items() if word.startswith(b) for end in ends}))


@lru_cache(maxsize=65536)
def _lemma(low: str) -> str:
    """The lemma of a lower-case word form (the word itself when the table has none); a
    word's lemma is looked up once, not in every sentence that has it."""
    _, table = _pipeline()
    lemma = table.get(low, None) if low else None
    return lemma if isinstance(lemma, str) else low


def lemma_of(word: str) -> str:
    """The lemma of ``word`` as a sentence's tokens carry it (lower case)."""
    return _lemma(word.lower())


@lru_cache(maxsize=65536)
def is_dutch_word(word: str) -> bool:
    """A word form or lemma of the Dutch lookup table (any letter case)."""
    _, table = _pipeline()
    low = word.lower()
    return low in table or low in _lemmas()


__all__ = ["Token", "tokenize", "is_dutch_word", "lemma_of"]
