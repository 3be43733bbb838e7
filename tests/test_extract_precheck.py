"""The cheap pre-checks before the rules' case-insensitive regexes may skip a sentence only when
the regex could not match it: kg.extract.rules.holds_any_case and ASCII_FOLDING."""

from __future__ import annotations

import random
import re
import sys

from kg.extract.rules import ASCII_FOLDING, holds_any_case, ignorecase_forms, ignorecase_key


def test_ascii_folding_lists_every_character_ignorecase_reads_as_an_ascii_letter():
    folding = {chr(c) for c in range(128, sys.maxunicode + 1)
               if re.fullmatch("[a-z]", chr(c), re.IGNORECASE)}
    assert folding == set(ASCII_FOLDING)


def test_ignorecase_forms_are_what_ignorecase_matches():
    assert ignorecase_forms("k") == ["K", "k", "\u212a"]
    assert ignorecase_forms("s") == ["S", "s", "\u017f"]
    assert ignorecase_forms("é") == ["É", "é"]


def test_holds_any_case_never_skips_a_sentence_the_regex_would_match():
    words = ("samenwerking", "leiding", "kern", "fusie")
    rx = re.compile("|".join(words), re.IGNORECASE)
    letters = "aeiklnorsuwfgSKLIN \u0130\u0131\u017f\u212aéë"
    rng = random.Random(5)
    matched = 0
    for _ in range(20000):
        word = rng.choice(words)
        text = "".join(rng.choice((c, c.upper(), rng.choice(ASCII_FOLDING), rng.choice(letters))) if rng.random() < 0.3
                       else c for c in word)
        text = rng.choice(("", "De ", "het ")) + text + rng.choice(("", " van", "."))
        if rx.search(text):
            matched += 1
            assert holds_any_case(text, words), text
    assert matched > 1000


def test_holds_any_case_says_no_for_a_sentence_without_the_words():
    assert not holds_any_case("De gemeente werkt met de buurt.", ("fusie", "leiding"))
    assert holds_any_case("De FUSIE gaat door.", ("fusie",))
    assert holds_any_case("De \u212aern", ("kern",))  # the Kelvin sign: only the regex can tell


def test_ignorecase_key_reads_a_match_as_its_lower_case_words():
    assert ignorecase_key("VRİJWİLLİGERS") == "vrijwilligers"  # lower() alone: "vri̇jwi̇lli̇gers"
    assert ignorecase_key("vrijwillıgers") == "vrijwilligers"
    assert ignorecase_key("Mantelzorgerſ") == "mantelzorgers"


def test_a_report_with_letters_ignorecase_folds_is_read_not_failed():
    """A dotless ı (Turkish names are no rarity in Dutch reports) in a word a case-insensitive
    rule matched made its label lookup fail, and with it the whole report."""
    from kg.extract import extract
    from kg.read import document_from_text

    text = "Stichting Welzijn Rivierenland ondersteunt actief vrijwillıgers in Tiel."
    x = extract(document_from_text(text))
    assert "Vrijwilligersondersteuning" in {m.name for m in x.mentions}


def test_any_case_alternation_matches_as_the_plain_alternation_does():
    from kg.extract.dates import MONTHS
    from kg.extract.rules import any_case_alternation

    words = sorted(MONTHS, key=len, reverse=True) + ["vóór", "voor", r"m\.i\.v\.?", "kern"]
    plain = re.compile(rf"(?i)\b(?:{'|'.join(words)})")
    grouped = re.compile(rf"(?i)\b(?:{any_case_alternation(words)})")
    rng = random.Random(9)
    letters = "ajnmvoirsekpt. \u0130\u0131\u017f\u212aóÓ"
    for _ in range(5000):
        text = "".join(rng.choice((rng.choice(words).replace("\\", ""), rng.choice(letters))) for _ in range(6))
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text
