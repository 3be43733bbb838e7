from extract_helpers import run, triples


def _places(text):
    return {(m.name, m.type) for m in run(text).mentions
            if m.type in ("Municipality", "Province", "Neighbourhood")}


def test_gazetteer_municipalities_and_provinces():
    assert _places("Wij werken in Emmen en in de provincie Drenthe.") == {
        ("Emmen", "Municipality"), ("Drenthe", "Province")}


def test_name_that_is_both_follows_its_cue_or_list():
    assert ("Groningen", "Province") in _places("Actief in Groningen, Drenthe en Overijssel.")
    assert ("Groningen", "Province") in _places("Zo gaat de provincie Groningen verder.")


def test_misspelled_municipality_after_gemeente_gets_gazetteer_label():
    ex = run("De gemeente Valkenwaard legt de bal bij de partners.")
    m = next(m for m in ex.mentions if m.type == "Municipality")
    assert (m.text, m.name) == ("Valkenwaard", "Valkenswaard")


def test_a_municipality_the_gazetteer_lacks_is_one_after_gemeente_and_elsewhere():
    # Boxmeer merged into Land van Cuijk in 2022: older reports name it
    text = ("In de gemeente Boxmeer is Welzijn Ouderen Boxmeer actief. "
            "De subsidie van Boxmeer stopt volgend jaar.")
    ex = run(text)
    starts = {m.start for m in ex.mentions if (m.name, m.type) == ("Boxmeer", "Municipality")}
    assert {text.index("Boxmeer is"), text.index("Boxmeer stopt")} <= starts
    assert ("Welzijn Ouderen Boxmeer", "locatedIn", "Boxmeer") in triples(text)
    # a congregation, a name that goes on, a name head: no municipality
    assert _places("De Protestantse Gemeente Ederveen opent een inloophuis.") == set()
    assert _places("De gemeente Sociaal Domein vergadert maandag.") == set()
    assert _places("Dat zegt de gemeente Stichting Bolwerk.") == set()
    assert _places("Vraag het de gemeente Wmo-consulent of het gemeente Jeugdbeleid.") == set()


def test_names_in_brackets_after_a_municipality_are_its_wijken():
    text = "Het team werkt in Zwolle (Holtenbroek, Dieze en Assendorp). In Dieze is het druk."
    ex = run(text)
    wijken = [m for m in ex.mentions if m.type == "Neighbourhood"]
    assert {m.name for m in wijken} == {"Holtenbroek", "Dieze", "Assendorp"}
    assert len(wijken) == 4  # Dieze in the second sentence too
    assert ("Dieze", "locatedIn", "Zwolle") in triples(text)
    # organisations, an abbreviation, the end of a name: no wijken
    assert _places("Welzijn Noord werkt in Zwolle (Stichting Humanitas en Icare).") == {("Zwolle", "Municipality")}
    assert ("Holtenbroek", "Neighbourhood") not in _places("Welzijn Zwolle (Holtenbroek en Dieze) opent.")


def test_wijk_names_a_neighbourhood_also_later():
    ex = run("In de wijk Kolenkit is een buurthuis. Het buurthuis in Kolenkit is druk.")
    assert sum(1 for m in ex.mentions if m.type == "Neighbourhood") == 2


def test_multiword_municipalities():
    assert ("Aa en Hunze", "Municipality") in _places("Ook in de gemeenten Aa en Hunze en Emmen.")


def test_plain_list_of_wijken_in_a_larger_wijk():
    from extract_helpers import triples, names
    text = "Stichting Jeugdplek organiseert het jongerenwerk in de wijken Kruisberg en Vogelwijk in Arnhem-Zuid."
    t = triples(text)
    assert ("Kruisberg", "locatedIn", "Arnhem-Zuid") in t and ("Vogelwijk", "locatedIn", "Arnhem-Zuid") in t
    assert "Kruisberg" not in names(text, "Organisation")


def test_place_adjective_before_a_kind_noun_locates_the_organisation():
    from extract_helpers import triples
    found = triples("Oprichters zijn Welzijn Venlo, de Roermondse stichting Het Anker en de Edese "
                    "welzijnsorganisatie Zorgkring.")
    assert {("Het Anker", "locatedIn", "Roermond"), ("Zorgkring", "locatedIn", "Ede")} <= found


def test_place_adjective_after_the_article_that_opens_the_sentence_locates_the_name_after_it():
    found = triples("Het Zwolse Welzijn Rijnvliet organiseert een markt.")
    assert ("Welzijn Rijnvliet", "locatedIn", "Zwolle") in found
    assert "Zwolse Welzijn Rijnvliet" not in {m.name for m in run("Het Zwolse Welzijn Rijnvliet helpt.").mentions}
    # two words after the article: the adjective may be the name's own
    assert "Leidse Sleutel" in {m.name for m in run("De Leidse Sleutel organiseert een markt.").mentions}


def test_a_place_in_a_name_is_where_it_is_for_municipalities_only():
    found = triples("Welzijn Rijnvliet helpt. Bureau Jeugdhulp Noord-Holland en Meldpunt Zwolle ook.")
    assert ("Meldpunt Zwolle", "locatedIn", "Zwolle") in found
    assert not any(t[1] == "locatedIn" and t[2] == "Noord-Holland" for t in found)


def test_a_capitalised_common_word_before_a_place_is_not_located_there():
    found = triples("De deuren van de Toegang in Tiel gaan open. Welzijn Oost in Goes ook.")
    assert ("Welzijn Oost", "locatedIn", "Goes") in found
    assert not any(t[0] == "Toegang" for t in found)


def test_a_town_and_a_compass_word_name_a_district():
    found = triples("De gemeente Rotterdam, waaronder stadsdeel Rotterdam Noord, doet mee.")
    assert ("Rotterdam Noord", "partOf", "Rotterdam") in found
    assert ("Welzijn Rotterdam Noord", "Organisation") in _places("Welzijn Rotterdam Noord helpt.") or \
        "Welzijn Rotterdam Noord" in {m.name for m in run("Welzijn Rotterdam Noord helpt.").mentions}


def test_a_village_written_after_in_or_before_en_omgeving_is_a_place():
    found = triples("Zorgcentrum De Linde in Veendorp gaat open. Het is er voor Veendorp en omgeving.")
    assert ("De Linde", "locatedIn", "Veendorp") in found or ("Zorgcentrum De Linde", "locatedIn", "Veendorp") in found


def test_the_whole_town_in_a_list_of_wijken_is_no_wijk():
    from extract_helpers import names as _names

    found = _names("Welzijn Vliethaven doet jongerenwerk in Tiel, in de wijken Kadeveld, Zuidoost en "
                   "Stedelijk.", "Neighbourhood")
    assert {"Kadeveld", "Zuidoost"} <= found and "Stedelijk" not in found


def test_a_wijk_a_place_adjective_placed_is_not_placed_again_by_a_municipality_named_before():
    text = ("Mantelzorgpunt Vallei is gevestigd in Wageningen. In de Edese wijk Klaverhoek werken "
            "Welzijn Vliethaven en Mantelzorgpunt Vallei al jaren samen.")
    located = {(s, o) for s, r, o in triples(text) if r == "locatedIn"}
    assert ("Klaverhoek", "Ede") in located
    assert ("Klaverhoek", "Wageningen") not in located
