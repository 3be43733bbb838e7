"""Recall rules of the seventh round: invented sentences, invented organisations and places."""

from extract_helpers import names, triples


def test_first_item_of_a_colon_list_with_its_place_is_a_name():
    text = ("Welzijn Veluwezoom is een koepel van drie lokale welzijnsstichtingen: Heidebloem in Doesburg, "
            "De Kade in Zutphen en Het Baken in Epe.")
    assert "Heidebloem" in names(text)
    assert ("Heidebloem", "locatedIn", "Doesburg") in triples(text)


def test_sentence_opening_word_before_a_place_is_no_name_without_a_colon():
    assert "Gisteren" not in names("Gisteren in Doesburg, De Kade in Zutphen en Het Baken in Epe.")


def test_both_organisations_were_members():
    got = triples("Stichting Pluspunt en Stichting Buurtkracht gingen in 2016 op in Welzijn Oost. "
                  "Beide oude organisaties waren lid van Vereniging Welzijnswerk.")
    assert ("Stichting Pluspunt", "memberOf", "Vereniging Welzijnswerk") in got
    assert ("Stichting Buurtkracht", "memberOf", "Vereniging Welzijnswerk") in got


def test_past_membership_of_one_organisation():
    got = triples("Stichting Pluspunt was tot 2018 lid van Vereniging Welzijnswerk.")
    assert ("Stichting Pluspunt", "memberOf", "Vereniging Welzijnswerk") in got


def test_the_two_organisations_named_in_the_sentence_before():
    got = triples("Stichting Pluspunt werkt samen met Stichting Buurtkracht. "
                  "De twee organisaties zijn lid van Vereniging Welzijnswerk.")
    assert ("Stichting Pluspunt", "memberOf", "Vereniging Welzijnswerk") in got
    assert ("Stichting Buurtkracht", "memberOf", "Vereniging Welzijnswerk") in got
    got = triples("Stichting Pluspunt werkt samen met Stichting Buurtkracht. Beide stichtingen zijn gevestigd in Tiel.")
    assert ("Stichting Buurtkracht", "locatedIn", "Tiel") in got


def test_the_two_organisations_needs_exactly_two_before():
    got = triples("Stichting Pluspunt werkt samen met Stichting Buurtkracht. Stichting Kompas doet niet mee. "
                  "De twee organisaties zijn lid van Vereniging Welzijnswerk.")
    assert not any(r == "memberOf" for _, r, _ in got)


def test_services_in_a_bullet_list_after_a_service_verb():
    got = triples("Stichting Pluspunt biedt onder meer:\n\n- schuldhulpverlening\n- maatschappelijk werk\n")
    assert ("Stichting Pluspunt", "offersService", "Schuldhulpverlening") in got
    assert ("Stichting Pluspunt", "offersService", "Maatschappelijk werk") in got


def test_wij_bieden_and_onze_diensten_lists_belong_to_the_paragraph_topic():
    got = triples("Over ons\n\nStichting Pluspunt is een welzijnsorganisatie in Tiel. Wij bieden:\n\n"
                  "- mantelzorgondersteuning\n- ouderenadvies\n")
    assert ("Stichting Pluspunt", "offersService", "Mantelzorgondersteuning") in got
    assert ("Stichting Pluspunt", "offersService", "Ouderenadvies") in got
    got = triples("Stichting Pluspunt is een welzijnsorganisatie. Onze diensten:\n\n• schuldhulpverlening\n• jongerenwerk\n")
    assert ("Stichting Pluspunt", "offersService", "Jongerenwerk") in got


def test_bullet_list_after_a_colon_without_a_service_cue_gives_no_services():
    got = triples("Stichting Pluspunt werkt aan drie thema's:\n\n- schuldhulpverlening\n- jongerenwerk\n")
    assert not any(r == "offersService" for _, r, _ in got)
