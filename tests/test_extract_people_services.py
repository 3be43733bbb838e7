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


def test_apposition_with_nu_and_hyphenated_first_name():
    t = triples("Op de bijeenkomst sprak ook Piet-Hein Dekker, nu directeur van Humanis.")
    assert ("Piet-Hein Dekker", "headOf", "Humanis") in t


def test_unknown_first_name_at_sentence_start_with_role_apposition():
    t = triples("Quirine Vosselman, directeur van Avondrood, legt uit waarom.")
    assert ("Quirine Vosselman", "headOf", "Avondrood") in t


def test_particles_do_not_run_past_the_surname():
    t = triples("Volgens bestuurder Hans Dekker van Stichting Avondrood is dit goed nieuws.")
    assert ("Hans Dekker", "headOf", "Stichting Avondrood") in t


def test_org_prefixed_role_and_appointment_and_relative_clause():
    t = triples("Dat zegt Humanis-directeur Anton Smit. De raad van toezicht van Avondrood heeft "
                "Karin Bos benoemd tot bestuurder. Zij volgt Peter Smit op, die sinds 2004 "
                "bestuurder van Avondrood is.")
    assert ("Anton Smit", "headOf", "Humanis") in t
    assert ("Karin Bos", "headOf", "Avondrood") in t
    assert ("Peter Smit", "headOf", "Avondrood") in t


def test_head_of_the_new_organisation_after_a_merger():
    t = triples("Avondrood en Humanis gaan samen verder onder de naam Kwartier. Karin Bos wordt de "
                "eerste bestuurder van de nieuwe organisatie.")
    assert ("Karin Bos", "headOf", "Kwartier") in t


def test_person_after_an_opening_word_and_current_director():
    from extract_helpers import triples
    t = triples("Volgens Joris van Hemmen, bestuurder van Stichting Buurtkracht Elst, is de wachtlijst weg. "
                "Mieke Doornbos, de huidige directeur van Welzijn Overbetuwe, gaat met pensioen.")
    assert ("Joris van Hemmen", "headOf", "Stichting Buurtkracht Elst") in t
    assert ("Mieke Doornbos", "headOf", "Welzijn Overbetuwe") in t


def test_working_together_within_a_team_named_as_organisation():
    from extract_helpers import triples, names
    t = triples("Welzijn Lingewaard (gevestigd in Bemmel) en Dorpswerk Gendt werken al jaren samen, onder meer "
                "in het Sociaal Team Lingewaard-Oost, waarvan Dorpswerk Gendt penvoerder is.")
    assert ("Dorpswerk Gendt", "leadsPilot", "Sociaal Team Lingewaard-Oost") in t
    assert ("Welzijn Lingewaard", "memberOf", "Sociaal Team Lingewaard-Oost") in t
    assert ("Dorpswerk Gendt", "partnerOf", "Welzijn Lingewaard") in t or \
        ("Welzijn Lingewaard", "partnerOf", "Dorpswerk Gendt") in t
    assert "Bemmel" not in names(t and "Welzijn Lingewaard (gevestigd in Bemmel) werkt.", "Organisation")


def test_the_writer_of_a_text_heads_what_they_say_they_chair():
    """An interview or column in the first person: "Mijn naam is X." then "(ik) ben voorzitter
    van Y" makes X the head of Y; of a unit named after its organisation and area, the unit."""
    text = ("Mijn naam is Anna de Vries, (68 jaar). Ik woon in Tiel en ben sinds maart 2021 voorzitter "
            "van Avondrood afdeling Rivierenland en sinds kort ook interim-voorzitter van Welzijn Vliethaven.")
    found = triples(text)
    assert ("Anna de Vries", "headOf", "Avondrood afdeling Rivierenland") in found
    assert ("Anna de Vries", "headOf", "Welzijn Vliethaven") in found
    # a role of someone the sentence names is theirs, not the writer's
    other = "Mijn naam is Anna de Vries. Ik ben blij dat Piet Jansen voorzitter van Welzijn Vliethaven is."
    assert ("Anna de Vries", "headOf", "Welzijn Vliethaven") not in triples(other)
