"""Every pattern rule of kg/data/patterns.toml gives its examples and none of its counter-examples.

The examples run through the whole extractor with no relation model (the rules' own candidates),
so a rule is tested as it reads in practice: after the name finders placed the names.
"""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract import prepare
from kg.extract.patterns import compile_pattern, fire, parse_rules, rules
from kg.read import document_from_text
from kg.scoring import gold_key

RULES = rules()


def _candidates(text: str, rule) -> set[tuple[str, str, str]]:
    ctx = prepare(document_from_text(text))
    return {(gold_key(c.subject.name), c.relation, gold_key(c.object.name)) for c in fire(ctx, rule)}


def _triple(spec: str) -> tuple[str, str, str]:
    s, rel, o = (x.strip() for x in spec.split("|"))
    return gold_key(s), rel, gold_key(o)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    for example in rule.examples:
        got = _candidates(example["text"], rule)
        for spec in example["expect"]:
            s, rel, o = _triple(spec)
            assert (s, rel, o) in got or (rel == "partnerOf" and (o, rel, s) in got), (
                f"{rule.id}: {example['text']!r} should give {spec}; gave {sorted(got)}")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_counter_examples(rule):
    for text in rule.counter:
        assert _candidates(text, rule) == set(), f"{rule.id} fired on its counter-example {text!r}"


def test_rules_are_checked_when_loaded():
    good = {"id": "x", "relation": "partOf", "pattern": "{A:ORG} onderdeel van {B:ORG}", "subject": "A",
            "object": "B", "examples": [{"text": "t", "expect": []}], "counter": ["t"]}
    assert parse_rules({"rule": [good]})[0].id == "x"
    with pytest.raises(InputError, match="unknown relation"):
        parse_rules({"rule": [{**good, "relation": "likes"}]})
    with pytest.raises(InputError, match="example"):
        parse_rules({"rule": [{**good, "counter": []}]})
    with pytest.raises(InputError, match="captures"):
        parse_rules({"rule": [{**good, "object": "C"}]})
    with pytest.raises(InputError, match="twice"):
        parse_rules({"rule": [good, good]})
    # a sentence's line holds lemmas: "wordt" would never match, "worden" does
    with pytest.raises(InputError, match="'wordt' is read as its lemma 'worden'"):
        parse_rules({"rule": [{**good, "pattern": "{A:ORG} (is|wordt) onderdeel van {B:ORG}"}]})
    with pytest.raises(InputError, match="'fuseerden' is read as its lemma 'fuseren'"):
        parse_rules({"rule": [{**good, "unless": "fuseerden"}]})
    with pytest.raises(InputError, match="unknown class"):
        compile_pattern("{A:THING} van {B:ORG}")


def test_cue_word_lexicon_has_each_word_once():
    from importlib import resources

    lines = [line.split("\t")[0] for line in resources.files("kg").joinpath("data", "cue-words.tsv")
             .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) == len(set(lines))


def test_initials_in_brackets_after_a_name_keep_a_list_whole():
    """"algemeen maatschappelijk werk (AMW) en jongerenwerk" is one list of two services for
    the rules; a bracketed word that is not the name's initials, or not written in capitals,
    stays in the line."""
    from kg.extract.patterns import token_line

    def line(text: str) -> str:
        ctx = prepare(document_from_text(text))
        return token_line(ctx.views[0])[0]

    kept = line("Wij hebben een contract met Stichting Welzijn Rivierland voor de uitvoering van "
                "algemeen maatschappelijk werk (AMW) en jongerenwerk.")
    assert "( amw )" not in kept and "⟧ en ⟦" in kept
    assert "⟧ ( " in line("Wij bieden algemeen maatschappelijk werk (XYZ) en jongerenwerk.")
    assert "( amw )" in line("Wij bieden algemeen maatschappelijk werk (amw) en jongerenwerk.")
