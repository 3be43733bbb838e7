"""Dutch tokens and lemmas: the linguistic layer under the relation model.

spaCy's blank ``nl`` pipeline splits a sentence into tokens; the lookup lemmatizer of
spacy-lookups-data (a word list installed with the package, nothing downloaded at run time)
gives each word its lemma, so that "fuseerden", "fuseert" and "gefuseerd" all read as
"fuseren", and "ontstond" as "ontstaan". The lemma table doubles as a Dutch vocabulary: a
capitalised word that is no Dutch word is taken for (part of) a name.

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
    without building the rest of the pipeline)."""
    import spacy
    import spacy_lookups_data  # noqa: F401  (the Dutch lemma tables; an ImportError names what is missing)
    from spacy.lookups import load_lookups

    nlp = spacy.blank("nl")
    table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
    return nlp, table


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str]:
    """Every lemma of the lookup table (its keys are hashed, its values are words)."""
    _, table = _pipeline()
    return frozenset(v for v in table.values() if isinstance(v, str))


@lru_cache(maxsize=4096)
def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` with their lemmas (lower case); the same sentence is read once
    however many components ask (the list is shared: do not change it)."""
    nlp, _ = _pipeline()
    return [Token(word, start, start + len(word), _lemma(word.lower()))
            for word, start in ((t.text, t.idx) for t in nlp.make_doc(text))]


@lru_cache(maxsize=65536)
def _lemma(low: str) -> str:
    """The lemma of a lower-case word form (the word itself when the table has none); a
    word's lemma is looked up once, not in every sentence that has it."""
    _, table = _pipeline()
    lemma = table.get(low, None) if low else None
    return lemma if isinstance(lemma, str) else low


@lru_cache(maxsize=65536)
def is_dutch_word(word: str) -> bool:
    """A word form or lemma of the Dutch lookup table (any letter case)."""
    _, table = _pipeline()
    low = word.lower()
    return low in table or low in _lemmas()


__all__ = ["Token", "tokenize", "is_dutch_word"]
