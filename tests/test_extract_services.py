import pytest

from extract_helpers import run


def _services(text):
    return {c.object.name for c in run(text).candidates if c.relation == "offersService"}


def test_lexicon_services_after_a_service_verb():
    got = _services("Stichting Avondrood biedt schuldhulpverlening, maatschappelijk werk en "
                    "mantelzorgondersteuning aan.")
    assert got == {"Schuldhulpverlening", "Maatschappelijk werk", "Mantelzorgondersteuning"}


def test_written_together_or_apart_and_compounds():
    got = _services("Humanis verzorgt chatspreekuren en thuisbegeleiding.")
    assert got == {"Chatspreekuren", "Thuisbegeleiding"}


def test_workers_are_no_service():
    assert _services("Humanis biedt maatschappelijk werkers een cursus.") == set()


def test_role_nouns_and_relative_clause_services():
    from extract_helpers import triples
    t = triples("Stichting Sportief Lindenoord verzorgt o.a. de buurtsportcoaches in Lindenoord. "
                "Stichting Nieuwland Welzijn werkt samen met Taalhuis Kampen, dat de taalcursussen verzorgt.")
    assert ("Stichting Sportief Lindenoord", "offersService", "Buurtsportcoaches") in t
    assert ("Taalhuis", "offersService", "Taalcursussen") in t or \
        ("Taalhuis Kampen", "offersService", "Taalcursussen") in t
    assert ("Stichting Nieuwland Welzijn", "offersService", "Taalcursussen") not in t


def test_region_after_service_is_no_provider():
    from extract_helpers import triples
    t = triples("Sinds 2015 voert de stichting het mantelzorgsteunpunt Oost-Achterhoek uit.")
    assert not any(s == "Oost-Achterhoek" for s, r, o in t if r == "offersService")


def test_services_in_brackets_after_a_bulleted_partner():
    from extract_helpers import triples
    text = ("De andere partners zijn:\n"
            "• Stichting Opvoedhulp Westerkwartier (opvoedondersteuning en oudercursussen);\n"
            "• Buurtwerk Zuidhorn.\n")
    t = triples(text)
    assert ("Stichting Opvoedhulp Westerkwartier", "offersService", "Opvoedondersteuning") in t
    assert ("Stichting Opvoedhulp Westerkwartier", "offersService", "Oudercursussen") in t


def test_bulleted_kinds_of_help_after_a_help_intro_are_services_lexicon_or_not():
    text = ("Stichting Avondrood is op veel gebieden actief om inwoners te helpen, zoals:\n"
            "- Hulp bij de “Belastingaangifte”; samen de papieren doornemen;\n"
            "- Hulp als “Wandelmaatje” om er samen op uit te gaan.\n"
            "- Hulp bij verhuizen; samen dozen inpakken.\n")
    assert _services(text) == {"Hulp bij de Belastingaangifte", "Hulp als Wandelmaatje",
                               "Hulp bij verhuizen"}


def test_bulleted_partners_after_a_help_intro_are_no_services():
    text = ("Stichting Avondrood helpt inwoners samen met partners als:\n"
            "- Welzijn Noorderhaven; in de wijk;\n"
            "- Humanis Vlist.\n")
    assert _services(text) == set()


@pytest.mark.parametrize("item", [
    "• Jongerenwerk in de wijken Noord en Oost. Eerder stond hier ook Zuid. Dat klopt niet.\n",
    # PDF text: the item's second sentence goes on on the next line; the items after it are still
    # the list's (they were lost when only a sentence on the item's own line counted)
    "• Jongerenwerk in de wijken Noord en Oost. Eerder stond hier\nook Zuid. Dat klopt niet.\n",
], ids=["on-its-line", "wrapped"])
def test_what_residents_can_count_on_is_offered_by_the_texts_organisation(item):
    text = ("Welzijn Vliethaven tekende de overeenkomst. Welzijn Vliethaven is blij.\n\n"
            "Bewoners van Zwolle kunnen vanaf 2021 rekenen op:\n\n"
            + item + "• Ouderenwerk in de wijk Zuid\n")
    got = {(c.subject.name, c.object.name, c.date) for c in run(text).candidates
           if c.relation == "offersService"}
    assert got == {("Welzijn Vliethaven", "Jongerenwerk", "2021-01-01"),
                   ("Welzijn Vliethaven", "Ouderenwerk", "2021-01-01")}


def test_broad_kinds_of_help_are_services_only_as_what_a_service_verb_gives():
    got = _services("Stichting Avondrood en Humanis verlenen wonen, zorg en welzijn aan ouderen.")
    assert got == {"Zorg", "Welzijn", "Wonen"}
    assert _services("De zorg in Tiel gaat erop vooruit, zegt Stichting Avondrood.") == set()
    assert _services("De consulenten van Stichting Avondrood geven hulp bij formulieren.") == set()


def test_a_lexicon_service_opening_a_sentence_is_no_organisation():
    text = "Welzijn Vliethaven kijkt terug. Welzijn Vliethaven groeide. Welzijn op recept is dit jaar gestart."
    assert _services(text) == {"Welzijn op recept"}
    assert ("Welzijn", "Organisation") not in {(m.name, m.type) for m in run(text).mentions}


def test_support_for_carers_is_the_carer_support_service():
    assert _services("Stichting Avondrood ondersteunt actief mantelzorgers.") == {"Mantelzorgondersteuning"}
    assert _services("Stichting Avondrood bedankt de mantelzorgers.") == set()


def test_a_service_a_service_goes_to_is_not_offered():
    text = ("Vanaf 1 mei 2021 biedt Coöperatie Klaverdorp een boodschappendienst en een vervoersdienst "
            "naar de dagbesteding.")
    got = {c.object.name for c in run(text).candidates if c.relation == "offersService"}
    assert "Dagbesteding" not in got and "Vervoersdienst" in got
