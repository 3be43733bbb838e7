"""A unit named after its organisation and area ("Humanitas afdeling Parkstad") is part of it."""

from extract_helpers import triples


def test_afdeling_and_regio_units_are_part_of_their_organisation():
    t = triples("Ik ben voorzitter van Zorggroep Horizon afdeling Westelijke Mijnstreek en van "
                "Zonnekracht regio Hoorn.")
    assert ("Zorggroep Horizon afdeling Westelijke Mijnstreek", "partOf", "Zorggroep Horizon") in t
    assert ("Zonnekracht regio Hoorn", "partOf", "Zonnekracht") in t


def test_a_region_after_a_name_without_a_unit_word_is_no_unit():
    t = triples("Ik ben voorzitter van Zonnekracht in Hoorn.")
    assert not {x for x in t if x[1] == "partOf"}
