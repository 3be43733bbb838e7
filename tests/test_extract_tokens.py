"""kg.extract.tokens.tokenize reads a sentence from the tokens of its words, not with a spaCy
Doc per sentence: its tokens must be spaCy's own, whatever the text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract.tokens import _pipeline, tokenize

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted((ROOT / "data" / "reports").glob("*.txt"))


def spacy_tokens(text: str) -> list[tuple[str, int]]:
    nlp, _ = _pipeline()
    return [(t.text, t.idx) for t in nlp.make_doc(text)]


def kg_tokens(text: str) -> list[tuple[str, int]]:
    tokenize.cache_clear()  # read anew, not the list of an earlier test
    return [(t.text, t.start) for t in tokenize(text)]


@pytest.mark.parametrize("text", [
    "De gemeente Assen werkt samen met Noordermaat.",
    "Stichting (SWA), o.a. in Emmen en m.b.t. de wijkteams.",
    "Dat was a.s. maandag, t.z.t. meer.",
    "Zie www.voorbeeld.nl of mail info@voorbeeld.nl.",
    "'s-Hertogenbosch, 1.000,50 euro, 2022-2023 en 50%.",
    "Een > :(De zin", "a :(De b", ":(De", "x.> :(De", "zo :-) en :-P",
    "twee  spaties", "een\ttab", "regel\nnieuw", " voor en na ", "",
    "Dhr. J. de Vries (dir.) en mevr. A. Jansen-de Boer.",
    "“Aanhalingstekens” en ‘enkele’ — gedachtestreep… enz.",
])
def test_tokens_are_spacys_on_hard_cases(text):
    assert kg_tokens(text) == spacy_tokens(text)


@pytest.mark.skipif(not REPORTS, reason="the bundled reports are part of the repository")
def test_tokens_are_spacys_on_every_line_of_the_bundled_reports():
    lines = [line for f in REPORTS for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 20
    for line in lines:
        assert kg_tokens(line) == spacy_tokens(line), line


def test_tokens_are_spacys_on_random_mixes_of_words_marks_and_special_cases():
    """Words of the reports with marks glued on, the tokenizer's own special cases whole, cut
    in two by a space or wrapped in marks: the places where reading word by word could part
    from reading the text whole."""
    nlp, _ = _pipeline()
    specials = sorted(nlp.tokenizer.rules)
    words = [w for f in REPORTS for w in f.read_text(encoding="utf-8").split()] or ["de", "Assen"]
    marks = list(".,:;!?()[]\"'-–/&%€+*=<>…‘’“”") + ["...", "'s"]
    rng = random.Random(13)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 7)):
            r = rng.random()
            if r < 0.45:
                parts.append(rng.choice(words))
            elif r < 0.6:
                parts.append(rng.choice(specials))
            elif r < 0.75:
                parts.append(rng.choice(marks) + rng.choice(words))
            elif r < 0.85:
                parts.append(rng.choice(words) + rng.choice(marks) + rng.choice(marks))
            else:
                case = rng.choice(specials)
                cut = rng.randint(0, len(case))
                parts.append(case[:cut] + " " + case[cut:])
        text = " ".join(parts)
        assert kg_tokens(text) == spacy_tokens(text), text
