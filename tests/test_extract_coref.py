from extract_helpers import triples


def test_de_drie_organisaties_points_to_the_last_list_of_three():
    t = triples("Avondrood, Humanis en GKZ gaan fuseren. Het is nog niet zeker wanneer. In de wijk "
                "Kolenkit is al een wijkteam. Daar werken de drie organisaties al samen in het "
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
