"""A unit named after its organisation and area ("Zorggroep Horizon afdeling Noord") is part of it."""

from extract_helpers import triples


def test_afdeling_and_regio_units_are_part_of_their_organisation():
    t = triples("Ik ben voorzitter van Zorggroep Horizon afdeling Oostelijk Veld en van "
                "Zonnekracht regio Tiel.")
    assert ("Zorggroep Horizon afdeling Oostelijk Veld", "partOf", "Zorggroep Horizon") in t
    assert ("Zonnekracht regio Tiel", "partOf", "Zonnekracht") in t


def test_a_region_after_a_name_without_a_unit_word_is_no_unit():
    t = triples("Ik ben voorzitter van Zonnekracht in Hoorn.")
    assert not {x for x in t if x[1] == "partOf"}


def test_the_model_keeps_a_rules_relation_before_its_own_on_the_same_pair():
    from types import SimpleNamespace

    from kg.extract.pairs import PairInstance
    from kg.extract.rel_model import decide
    from kg.model import Mention

    a = Mention(text="Welzijn Noord", type="Organisation", start=0, end=13)
    b = Mention(text="Humanis Vlist", type="Organisation", start=17, end=30)
    rule = SimpleNamespace(relation="mergesInto")
    probs = {("a", "b"): {"mergesInto": 0.3, "partnerOf": 0.79}, ("b", "a"): {"partnerOf": 0.81}}

    class Model:
        threshold, rule_threshold = 0.6, 0.05

        def probabilities(self, features, relations):
            return probs[tuple(features)]

    insts = [PairInstance(a, b, 1, ["a", "b"], [rule], ("mergesInto", "partnerOf")),
             PairInstance(b, a, 1, ["b", "a"], [], ("partnerOf",))]
    [(inst, rel, p)] = decide(insts, Model())
    assert (inst.subject.text, rel) == ("Welzijn Noord", "mergesInto")


def test_a_unit_named_with_the_organisation_it_belongs_to_is_part_of_it():
    t = triples("Het project loopt bij het Kenniscentrum Buurtzorg Innovatie van Hogeschool Rivierland.")
    assert ("Kenniscentrum Buurtzorg Innovatie", "partOf", "Hogeschool Rivierland") in t
    t = triples("Het project loopt bij Stichting Zonnehoek van Hogeschool Rivierland.")
    assert not any(r == "partOf" for _, r, _ in t)


def test_no_confidence_claims_certainty():
    from kg.relation_model import MAX_CONFIDENCE, shipped

    model = shipped()
    rules = model.calibration["_rules"]
    best = max(rules, key=rules.get)
    assert model.confidence(1.0, True, "partnerOf", best) <= MAX_CONFIDENCE < 1.0
    assert model.confidence(1.0, False, "no-such-relation") == MAX_CONFIDENCE
