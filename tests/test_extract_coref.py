from extract_helpers import triples


def test_de_drie_organisaties_points_to_the_last_list_of_three():
    t = triples("Avondrood, Humanis en GKZ gaan fuseren. Het is nog niet zeker wanneer. In de wijk "
                "Kolenkit is al een wijkteam. Daar werken de drie organisaties sinds 2019 samen in het "
                "wijkteam.")
    assert {s for s, r, o in t if r == "memberOf"} == {"Avondrood", "Humanis", "GKZ"}


def test_beide_organisaties():
    t = triples("Avondrood en Humanis hebben veel gemeen. Beide organisaties bieden "
                "schuldhulpverlening aan.")
    assert ("Humanis", "offersService", "Schuldhulpverlening") in t


def test_de_organisatie_opening_a_sentence_is_the_previous_topic():
    t = triples("Welzijnsgroep Noord werkt in vier gemeenten. De organisatie bestaat uit "
                "Avondrood en Humanis.")
    assert ("Avondrood", "partOf", "Welzijnsgroep Noord") in t


def test_de_gemeente_is_the_municipality_named_before():
    t = triples("In Meppel is veel veranderd. Humanis is nu een onderdeel van de gemeente.")
    assert ("Humanis", "partOf", "Meppel") in t


def test_cooperative_founders_short_form_and_back_reference():
    from extract_helpers import triples, names
    text = ("Drie Drentse organisaties hebben gisteren de Coöperatie Samen in Drenthe U.A. opgericht. "
            "Oprichters zijn Stichting Welzijn Beilen, Zorgkring Assen en Huize Eelde.\n\n"
            "Voortaan werkt Samen in Drenthe met één loket. Daarnaast werkt de coöperatie samen met "
            "alarmcentrale Nachtwacht Noord.")
    t = triples(text)
    assert ("Coöperatie Samen in Drenthe", "foundedBy", "Zorgkring Assen") in t
    assert ("Coöperatie Samen in Drenthe", "partnerOf", "Nachtwacht Noord") in t
    assert not any(n.startswith("Drie") for n in names(text))
    assert "Nachtwacht Noord" in names(text, "Organisation")


def test_zorgt_de_stichting_voor_is_the_foundation_named_before():
    from extract_helpers import triples
    found = triples("Welzijn Vliethaven organiseert activiteiten voor jongeren. "
                    "Verder zorgt de stichting voor klussenhulp.")
    assert ("Welzijn Vliethaven", "offersService", "Activiteiten voor jongeren") in found
    assert ("Welzijn Vliethaven", "offersService", "Klussenhulp") in found
