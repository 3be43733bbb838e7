"""headOf phrasing, fronted 'in samenwerking met', mid-sentence 'de stichting', clauses."""

from extract_helpers import candidates, names, triples


def test_person_is_role_of_organisation():
    t = triples("Anouk Verbeek is directeur-bestuurder van Stichting Avondrood.")
    assert ("Anouk Verbeek", "headOf", "Stichting Avondrood") in t


def test_manager_and_supervisory_board_give_no_head_of():
    assert not candidates("Humanis groeit. Manager Peter de Wit leidt de dagbesteding.", "headOf")
    assert not candidates("Humanis groeit. Raad van Toezicht: voorzitter Gerrit Kamphuis.",
                          "headOf")
    assert "Raad van Toezicht" not in names("Humanis groeit. De Raad van Toezicht vergaderde.")


def test_fronted_in_samenwerking_met():
    t = triples("In samenwerking met Kwadrant en Humanis organiseert Avondrood huiswerkbegeleiding.")
    assert ("Avondrood", "offersService", "Huiswerkbegeleiding") in t
    assert ("Avondrood", "partnerOf", "Kwadrant") in t or ("Kwadrant", "partnerOf", "Avondrood") in t
    assert ("Kwadrant", "partnerOf", "Humanis") not in t


def test_de_stichting_inside_a_sentence_is_the_topic():
    t = triples("Avondrood werkt in Lochem. Sinds 1 januari 2015 voert de stichting ook de "
                "schuldhulpverlening uit.")
    assert ("Avondrood", "offersService", "Schuldhulpverlening") in t


def test_a_comma_and_a_new_subject_open_a_new_clause():
    t = triples("Kwartier biedt maatschappelijk werk, Radius verzorgt jongerenwerk.")
    assert ("Kwartier", "offersService", "Jongerenwerk") not in t
    assert ("Radius", "offersService", "Jongerenwerk") in t


def test_founded_by_a_municipality():
    t = triples("Kwartier werd in 1998 opgericht door de gemeente Heerlen en Humanis.")
    assert ("Kwartier", "foundedBy", "Heerlen") in t and ("Kwartier", "foundedBy", "Humanis") in t


def test_inverted_opgaan_in():
    t = triples("Eerder ging Stichting Buurtwerk Zuid op in Kwartier.")
    assert ("Stichting Buurtwerk Zuid", "mergesInto", "Kwartier") in t
