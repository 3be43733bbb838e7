"""Recall rules of the sixth round: invented sentences, invented organisations and persons."""

from extract_helpers import names, run, triples


def test_founded_on_initiative_of_a_list():
    got = triples("Stichting Welzijn Rivierland is in 2009 opgericht op initiatief van woningstichting "
                  "Hofstede en Vereniging Buurtbelang De Eik.")
    assert ("Stichting Welzijn Rivierland", "foundedBy", "Hofstede") in got
    assert ("Stichting Welzijn Rivierland", "foundedBy", "Vereniging Buurtbelang De Eik") in got


def test_the_initiative_for_x_came_from():
    got = triples("Het initiatief voor Huize Ploeg kwam van Stichting Ankerpunt en Stichting Boegbeeld, "
                  "die in 2011 samen de stichting oprichtten.")
    assert ("Huize Ploeg", "foundedBy", "Stichting Ankerpunt") in got
    assert ("Huize Ploeg", "foundedBy", "Stichting Boegbeeld") in got


def test_capitalised_samen_inside_a_sentence_is_a_name_word():
    got = names("De alliantie Samen Rond is gestart. Rekenhulp West is aangesloten bij de landelijke "
                "Vereniging Schuldloos Samen.")
    assert "Samen Rond" in got
    assert "Vereniging Schuldloos Samen" in got
    assert ("Rekenhulp West", "memberOf", "Vereniging Schuldloos Samen") in triples(
        "Rekenhulp West is aangesloten bij de landelijke Vereniging Schuldloos Samen.")


def test_sentence_opening_samen_met_stays_out_of_the_name():
    got = names("Samen met Welzijn Rivierland start Huize Ploeg een pilot.")
    assert "Welzijn Rivierland" in got and not any(n.startswith("Samen") for n in got)


def test_part_of_a_network_is_membership():
    got = triples("Huize Ploeg maakt deel uit van Zorgnetwerk Kempen Samen, een netwerk van twintig "
                  "organisaties. Welzijn Oost is onderdeel van Stichting Rivierland.")
    assert ("Huize Ploeg", "memberOf", "Zorgnetwerk Kempen Samen") in got
    assert ("Welzijn Oost", "partOf", "Stichting Rivierland") in got


def test_place_adjective_with_a_doubled_vowel_and_before_a_venue():
    got = triples("In de Nijmeegse wijk Hatert loopt een pilot. Het Arnhemse buurtcentrum De Eikenhof "
                  "huurt ruimte. In de Zwolse wijk Holtenbroek wonen veel mensen.")
    assert ("Hatert", "locatedIn", "Nijmegen") in got
    assert ("De Eikenhof", "locatedIn", "Arnhem") in got
    assert ("Holtenbroek", "locatedIn", "Zwolle") in got


def test_place_adjective_before_a_name_is_no_name_word():
    text = "Partners zijn Stichting Boegbeeld en het Leidse Leercentrum Zeezicht."
    assert "Leercentrum Zeezicht" in names(text)
    assert ("Leercentrum Zeezicht", "locatedIn", "Leiden") in triples(text)


def test_place_adjective_item_in_a_merger_list():
    got = triples("Wijkhart is in 2015 ontstaan toen Stichting Buurtwerk Tiel en het Leidse Ouderenbureau "
                  "De Vonk opgingen in één organisatie.")
    assert ("Ouderenbureau De Vonk", "locatedIn", "Leiden") in got


def test_person_with_an_unlisted_first_name_after_onder_leiding_van():
    text = "Mergelhof staat onder leiding van Wendelien Kroes-Aarts. Zij wordt bijgestaan door vijf beroepskrachten."
    assert "Wendelien Kroes-Aarts" in names(text, "Person")
    assert ("Wendelien Kroes-Aarts", "headOf", "Mergelhof") in triples(text)
    assert "Welzijn Rivierland" in names("Het project staat onder leiding van Welzijn Rivierland.", "Organisation")


def test_appointed_by_the_board_heads_the_title_organisation():
    text = ("Stichting Kadewerk – Jaarverslag 2019\n\nBestuur\n"
            "De raad van toezicht heeft Meike Stegeman per 1 januari 2020 benoemd tot directeur-bestuurder.")
    assert ("Meike Stegeman", "headOf", "Stichting Kadewerk") in triples(text)


def test_head_roles_with_de_heer_namens_dagelijks_leven_and_a_board():
    got = triples("De directeur-bestuurder van Welzijn Rivierland, de heer P. Goudsmit, is ons aanspreekpunt.\n\n"
                  "Voorzitter van het overleg is Kees Bakker, in het dagelijks leven bestuurder van Hofstede Wonen.\n\n"
                  "Huize Ploeg wordt geleid door een tweehoofdige raad van bestuur: Marieke Jansen en Piet de Groot.\n\n"
                  "Deelnemers: gedeputeerde Tineke Olde; namens Rekenhulp West directeur Jan-Pieter Vos en "
                  "coördinator Ineke Smit.")
    assert ("P. Goudsmit", "headOf", "Welzijn Rivierland") in got
    assert ("Kees Bakker", "headOf", "Hofstede Wonen") in got
    assert ("Marieke Jansen", "headOf", "Huize Ploeg") in got
    assert ("Piet de Groot", "headOf", "Huize Ploeg") in got
    assert ("Jan-Pieter Vos", "headOf", "Rekenhulp West") in got
    assert ("Ineke Smit", "headOf", "Rekenhulp West") not in got


def test_team_members_in_a_waarin_clause_with_kind_nouns():
    got = triples("In de wijk Hatert is Welzijn Rivierland penvoerder van het Wijkteam Hatert, waarin ook de "
                  "GGZ-aanbieder Veldhof en jeugdhulporganisatie De Stap meedoen.")
    assert ("Veldhof", "memberOf", "Wijkteam Hatert") in got
    assert ("De Stap", "memberOf", "Wijkteam Hatert") in got


def test_waarin_organisations_from_places_are_no_members():
    got = triples("Welzijn Rivierland is lid van Coöperatie Sociaal Rivierenland, waarin ook organisaties uit "
                  "Tiel en Buren zitten.")
    assert not any(r == "memberOf" and s in ("Tiel", "Buren") for s, r, _ in got)


def test_merged_with_the_author_organisation():
    text = ("Jaarverslag 2020 – Welzijnsgroep Rivierland\n\n"
            "Stichting Welzijnsgroep Rivierland (hierna: Rivierland) is gevestigd in Tiel. Rivierland werkt in "
            "Tiel en Buren.\n\nIn maart 2020 is Stichting Klaproos met Rivierland gefuseerd. De naam Rivierland "
            "blijft.\n\nRivierland verzorgt het opbouwwerk.\n")
    assert ("Stichting Klaproos", "mergesInto", "Stichting Welzijnsgroep Rivierland") in triples(text)


def test_verb_final_active_in_and_office_in_a_relative_clause():
    got = triples("Het team wordt getrokken door welzijnsorganisatie Hunewerk, die al sinds 2014 in Emmen actief "
                  "is. Welzijnsgroep Rijnveld, die haar kantoor heeft in Arnhem, helpt ook.")
    assert ("Hunewerk", "locatedIn", "Emmen") in got
    assert ("Welzijnsgroep Rijnveld", "locatedIn", "Arnhem") in got


def test_place_adjective_in_an_apposition():
    got = triples("Quist is bestuurder van Kaaiwerk, de Vlissingse organisatie voor maatschappelijk werk.")
    assert ("Kaaiwerk", "locatedIn", "Vlissingen") in got


def test_koepel_of_compound_unit_nouns():
    got = triples("Opbouwwerk bieden ook Heidehof en Zoomhuis. Welzijnsgroep Rijnveld is de koepel van twee lokale "
                  "welzijnsstichtingen: Heidehof in Renkum en Zoomhuis in Rheden.")
    assert ("Heidehof", "partOf", "Welzijnsgroep Rijnveld") in got
    assert ("Zoomhuis", "partOf", "Welzijnsgroep Rijnveld") in got


def test_team_led_by_and_staff_of_organisations_in_the_team():
    got = triples("Hunewerk en Kinderpad werken al lang samen. In de wijk Oosterhout gaat op 1 april het Buurtteam "
                  "Oosterhout van start. Het team wordt getrokken door welzijnsorganisatie Hunewerk. Verder maken "
                  "medewerkers van Zorgveld Thuiszorg, jeugdhulporganisatie Kinderpad en de afdeling schuldhulp "
                  "van de gemeente Emmen deel uit van het team.")
    assert ("Hunewerk", "leadsPilot", "Buurtteam Oosterhout") in got
    assert ("Zorgveld Thuiszorg", "memberOf", "Buurtteam Oosterhout") in got
    assert ("Kinderpad", "memberOf", "Buurtteam Oosterhout") in got


def test_trekt_deze_pilot_and_als_trekker_and_coordinerende_partij():
    got = triples("Pilot Schuldloos: sinds maart 2022 trekt Rekenhulp West samen met de gemeente Zutphen deze "
                  "pilot.\n\nIn Julianadorp start Duinwerk Zorg als trekker de pilot Vroeg Thuis.\n\n"
                  "- Wijkteam Holtenbroek: coördinerende partij is welzijnsorganisatie De Brugwacht.\n")
    assert ("Rekenhulp West", "leadsPilot", "Pilot Schuldloos") in got
    assert ("Zutphen", "leadsPilot", "Pilot Schuldloos") in got
    assert ("Duinwerk Zorg", "leadsPilot", "Pilot Vroeg Thuis") in got
    assert ("De Brugwacht", "leadsPilot", "Wijkteam Holtenbroek") in got


def test_met_wie_het_samenwerkt_pairs_the_subject_with_the_antecedent():
    got = triples("Het loket wordt gerund door Rekenhulp West. Rekenhulp West deelt het pand met Raadswerk Berkel, "
                  "met wie het samenwerkt bij ingewikkelde schuldenzaken.")
    assert ("Rekenhulp West", "partnerOf", "Raadswerk Berkel") in got or \
        ("Raadswerk Berkel", "partnerOf", "Rekenhulp West") in got
