"""Streets, postcodes, document titles, footnote markers and surnames that are place names."""

from extract_helpers import names, triples


def test_street_and_postcode_are_no_organisations():
    text = ("Het kantoor van Stichting Welzijn Rozenhout zit aan de Molenstraat 12 in Zwolle.\n\n"
            "Meer informatie: Stichting Welzijn Rozenhout, Kerkweg 3, 8011 AB Zwolle.")
    orgs = names(text, "Organisation")
    assert "Stichting Welzijn Rozenhout" in orgs
    assert not any("straat" in n or "Kerkweg" in n or n.startswith("AB") for n in orgs)


def test_document_title_is_no_organisation():
    text = "Volgens de Wijkmonitor Harderwijk 2019 groeit de vraag. Dat staat in het Jaarplan Buurtwerk."
    assert not names(text, "Organisation")


def test_footnote_marker_is_not_part_of_a_name():
    text = ("Welzijn Lindenveld werkt samen met Zorgacademie Noord¹ aan scholing.\n\n"
            "¹ Scholingsmonitor Noord 2020, blz. 4.")
    assert ("Welzijn Lindenveld", "partnerOf", "Zorgacademie Noord") in triples(text) or \
        ("Zorgacademie Noord", "partnerOf", "Welzijn Lindenveld") in triples(text)
    assert not any("¹" in n or "Scholingsmonitor" in n for n in names(text))


def test_first_name_before_a_place_name_is_a_person():
    text = "Aanwezig waren Bram Oudewater (voorzitter) en Rik Zandvoort (lid)."
    assert "Rik Zandvoort" in names(text, "Person")
    assert not any(n.startswith("Rik") for n, r, o in triples(text) if r == "headOf")


def test_director_is_not_head_of_a_venue():
    text = ("Het bezoek was in wijkcentrum De Wielewaal aan de Parklaan 3.\n"
            "Directeur Karin Bosveld schetste de geschiedenis van de organisatie.")
    assert not any(o == "De Wielewaal" for _, r, o in triples(text) if r == "headOf")


def test_word_after_place_stays_in_the_name():
    from extract_helpers import names
    text = ("Sinds 2019 werken Welzijn Harderwijk Vooruit en Stichting Buurtkracht samen. "
            "Daarnaast biedt Welzijn Harderwijk Vooruit ouderenwerk in Harderwijk.")
    orgs = names(text, "Organisation")
    assert "Welzijn Harderwijk Vooruit" in orgs and "Vooruit" not in orgs
