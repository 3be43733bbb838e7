"""Recall rules of the fourth round: invented sentences, invented organisations."""

from extract_helpers import names, run, triples


def _types(text):
    return {m.name: m.type for m in run(text).mentions}


def test_name_head_word_gives_partnership_or_cooperative():
    t = _types("Stichting Avondrood is lid van Taalpact Veenmeer. Zorgcoöperatie Heidewaard werkt "
               "samen met Netwerk Jong Veenmeer en het Drents Welzijnsplatform.")
    assert t["Taalpact Veenmeer"] == "Partnership"
    assert t["Zorgcoöperatie Heidewaard"] == "Cooperative"
    assert t["Netwerk Jong Veenmeer"] == "Partnership"
    assert t["Stichting Avondrood"] == "Organisation"


def test_wordt_gevormd_door_with_het_pact_pointing_back():
    got = triples("Vier organisaties ondertekenden het Leespact Veenmeer. Het pact wordt gevormd door "
                  "Stichting Avondrood, de Bibliotheek Veenmeer, taalaanbieder Lees & Zo en Humanis Vlist.")
    members = {s for s, r, o in got if r == "memberOf" and o == "Leespact Veenmeer"}
    assert members == {"Stichting Avondrood", "Bibliotheek Veenmeer", "Lees & Zo", "Humanis Vlist"}


def test_ampersand_joins_a_name():
    assert "Tel & Co" in names("Avondrood werkt samen met Tel & Co in Assen.")
    assert "Lees & Zo" in names("Lees & Zo biedt taalcursussen aan.")


def test_legal_form_before_a_name_known_without_it():
    got = triples("Het Baken is een bekende naam. In 2012 gingen Stichting Avondrood en Stichting Het Baken "
                  "op in Zorgkring.")
    assert {(s, o) for s, r, o in got if r == "mergesInto"} == {("Stichting Avondrood", "Zorgkring"),
                                                                ("Het Baken", "Zorgkring")}


def test_founders_of_a_cooperative_are_members_when_the_text_counts_them():
    text = ("Drie organisaties hebben de coöperatie Veenhulp opgericht. Oprichters zijn Avondrood, "
            "Zorgkring en Humanis Vlist. Het bestuur bestaat uit de bestuurders van de drie leden.")
    got = triples(text)
    assert {s for s, r, o in got if r == "memberOf" and o == "Veenhulp"} == {
        "Avondrood", "Zorgkring", "Humanis Vlist"}
    # without a count of members, founding alone says nothing about membership
    got = triples(text.replace("de drie leden", "haar leden"))
    assert not {s for s, r, o in got if r == "memberOf"}


def _services(text):
    return {(s, o) for s, r, o in triples(text) if r == "offersService"}


def test_more_service_verbs():
    assert ("Stichting Avondrood", "Mantelzorgondersteuning") in _services(
        "Stichting Avondrood is van oudsher actief met mantelzorgondersteuning in Assen.")
    assert ("Zorgkring", "Jongerenwerk") in _services(
        "Zorgkring doet in Assen daarnaast het jongerenwerk en de vrijwilligerscentrale.")
    assert ("Zorgkring", "Vrijwilligerscentrale") in _services(
        "Zorgkring doet in Assen daarnaast het jongerenwerk en de vrijwilligerscentrale.")
    assert ("Stichting Buurtwerk Veen", "Opbouwwerk") in _services(
        "Stichting Buurtwerk Veen ontvangt een subsidie voor het opbouwwerk in de wijk.")
    assert ("Welzijn Veenmeer", "Buurtkamers") in _services(
        "Welzijn Veenmeer runt de buurtkamers in drie wijken.")


def test_particle_verbs_need_their_particle():
    assert ("Avondrood", "Schuldhulpmaatjes") in _services(
        "Vanaf maart 2014 zet Avondrood schuldhulpmaatjes in.")
    assert not _services("Zorgkring zet de taalmaatjes op de kaart.")


def test_taking_over_a_service_from_another():
    got = _services("Avondrood nam in 2019 het ouderenwerk van Stichting Aldenhof over.")
    assert got == {("Avondrood", "Ouderenwerk")}


def test_place_after_in_is_no_provider_and_a_count_is_no_name():
    got = _services("Het jongerenwerk in Veenhuizen doet Stichting Avondrood zoals altijd zelf.")
    assert ("Veenhuizen", "Jongerenwerk") not in got
    assert "Vier" not in names("Assen, 4 februari 2021 – Vier welzijnsorganisaties hebben de "
                               "coöperatie Veenhulp opgericht.")


def _members(text):
    return {(s, o) for s, r, o in triples(text) if r == "memberOf"}


def test_in_dat_team_zitten_verder():
    got = _members("Avondrood is trekker van het buurtteam Veenhof. In dat team zitten verder "
                   "Thuiszorg Veenmeer en Stichting Jeugdwerk Oost.")
    assert {("Thuiszorg Veenmeer", "Buurtteam Veenhof"), ("Stichting Jeugdwerk Oost", "Buurtteam Veenhof")} <= got


def test_in_het_team_zitten_with_bullets():
    got = _members("Avondrood is trekker van het buurtteam Veenhof.\n\nIn het team zitten verder:\n"
                   "• Stichting Overbos (jeugdhulp)\n• Zorgkring\n")
    assert {("Stichting Overbos", "Buurtteam Veenhof"), ("Zorgkring", "Buurtteam Veenhof")} <= got


def test_daarin_zitten_ook_with_a_dash_aside_in_the_next_sentence():
    got = _members("Het belangrijkste is het Sociaal Team Veenhof, waarvan Avondrood de trekker is. "
                   "Daarin zitten ook GGZ Veen Ambulant – dat is de ggz – en Zorgcoöperatie Oostelijk Veen.")
    assert got >= {("GGZ Veen Ambulant", "Sociaal Team Veenhof"),
                   ("Zorgcoöperatie Oostelijk Veen", "Sociaal Team Veenhof")}


def test_zowel_als_sluiten_zich_aan_bij():
    got = _members("Zowel Jeugdwerk De Wering als Stichting Opvoedsteun Veen (SOV) sluiten zich aan bij "
                   "Netwerk Jong Veen.")
    assert got == {("Jeugdwerk De Wering", "Netwerk Jong Veen"), ("Stichting Opvoedsteun Veen", "Netwerk Jong Veen")}


def test_inverted_lid_van_de_cooperatie():
    got = _members("Coöperatie Getij U.A. biedt gezamenlijke inkoop. Inmiddels zijn ook Welzijnskring Veen "
                   "en Stichting Marktveld lid van de coöperatie.")
    assert got == {("Welzijnskring Veen", "Coöperatie Getij"), ("Stichting Marktveld", "Coöperatie Getij")}


def test_waarin_gemeenten_zitting_hebben():
    got = _members("Avondrood werkt binnen het samenwerkingsverband Veen Sociaal, waarin ook de gemeenten "
                   "Assen, Tynaarlo en Aa en Hunze zitting hebben.")
    assert {("Assen", "Veen Sociaal"), ("Tynaarlo", "Veen Sociaal")} <= got


def _located(text):
    return {(s, o) for s, r, o in triples(text) if r == "locatedIn"}


def test_place_in_parentheses_after_a_name():
    got = _located("Initiatiefnemers zijn Kompas Zorg (Tiel) en Zeeuws Werk (Goes).")
    assert got >= {("Kompas Zorg", "Tiel"), ("Zeeuws Werk", "Goes")}


def test_place_adjective_before_wijk():
    assert ("Brandevoort", "Helmond") in _located(
        "Avondrood heeft een jongerenloket in de Helmondse wijk Brandevoort.")


def test_gevestigd_after_a_comma_and_with_a_street():
    assert ("Stichting Veenkracht", "Zwolle") in _located(
        "Stichting Veenkracht, gevestigd in Zwolle, is in 2011 opgericht.")
    assert ("Stichting Kinderkracht Oost", "Hoogezand") in _located(
        "Penvoerder is Stichting Kinderkracht Oost, gevestigd aan de Gorecht-Oost 41 in Hoogezand.")


def test_service_given_in_a_place_locates_its_provider():
    assert _located("Stichting Tukkerzorg levert wijkverpleging in Enschede en Hengelo.") == {
        ("Stichting Tukkerzorg", "Enschede"), ("Stichting Tukkerzorg", "Hengelo")}
    assert ("Welzijn Veen", "Ede") in _located("Welzijn Veen verzorgt in Ede het buurtwerk.")
    # a relative clause about the service says nothing about where the provider is
    assert not _located("Avondrood voert het maatjesproject uit, dat sinds 2016 loopt in de gemeenten "
                        "Assen en Tynaarlo.")
