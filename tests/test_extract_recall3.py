"""Recall rules for web-page and news phrasings (sentences invented for these tests)."""

from extract_helpers import triples

_PAGE = ("Home › Over ons\n\nWie is Stichting Welzijn Ruisdal\n\n"
         "Stichting Welzijn Ruisdal (SWR) is de welzijnsorganisatie van Kolkum. Wij werken met "
         "veertig vrijwilligers. SWR helpt inwoners met vragen over geld en wonen. Wij zijn "
         "actief in Kolkum en omgeving. SWR heeft een klein team.\n\n"
         "Onze diensten\n\n• Schuldhulpverlening\n• Thuisadministratie\n\n"
         "Bestuur\n\nDirecteur-bestuurder is Anna de Wit. Wij zijn trots op ons team.\n")


def test_bullets_under_onze_diensten_are_the_page_organisation_s_services():
    t = triples(_PAGE)
    assert ("Stichting Welzijn Ruisdal", "offersService", "Schuldhulpverlening") in t
    assert ("Stichting Welzijn Ruisdal", "offersService", "Thuisadministratie") in t


def test_bare_role_is_person_heads_the_page_organisation():
    assert ("Anna de Wit", "headOf", "Stichting Welzijn Ruisdal") in triples(_PAGE)


def test_bestuurd_door_with_a_title():
    t = triples("Stichting Welzijn Ruisdal wordt bestuurd door directeur-bestuurder drs. Anna de Wit.")
    assert ("Anna de Wit", "headOf", "Stichting Welzijn Ruisdal") in t


def test_tevens_and_nu_nog_roles_after_a_person():
    t = triples("Voorzitter van Welzijn Ruisdal wordt Anna de Wit, nu nog directeur van Humanis Kolkum.")
    assert ("Anna de Wit", "headOf", "Humanis Kolkum") in t
    t = triples("De leden kozen Piet Smit, tevens bestuurder van Humanis Kolkum.")
    assert ("Piet Smit", "headOf", "Humanis Kolkum") in t


def test_werkt_samen_met_a_en_met_b():
    t = triples("Welzijn Ruisdal werkt nauw samen met thuiszorgorganisatie Humanis Kolkum en met "
                "woningcorporatie Woonstede.")
    assert ("Welzijn Ruisdal", "partnerOf", "Humanis Kolkum") in t
    assert ("Welzijn Ruisdal", "partnerOf", "Woonstede") in t


def test_merger_list_with_asides_gaan_samen_verder_als():
    t = triples("Stichting Welzijn Kolkum (SWK), Zorggroep Elst en het Algemeen Maatschappelijk Werk "
                "Kolkum (AMW Kolkum) gaan per 1 juli samen verder als Ruisdal Groep.")
    for p in ("Stichting Welzijn Kolkum", "Zorggroep Elst", "Algemeen Maatschappelijk Werk Kolkum"):
        assert (p, "mergesInto", "Ruisdal Groep") in t


def test_ontstaan_uit_het_samengaan_names_the_result():
    t = triples("Zorggroep Elst is in 2010 ontstaan uit het samengaan van Welzijn Kolkum en het "
                "Maatschappelijk Werk Dalen.")
    assert ("Welzijn Kolkum", "mergesInto", "Zorggroep Elst") in t
    assert ("Maatschappelijk Werk Dalen", "mergesInto", "Zorggroep Elst") in t


def test_de_nieuwe_organisatie_biedt_is_the_merger_result():
    t = triples("Zorggroep Elst en Welzijn Kolkum gaan per 1 juli samen verder als Ruisdal Groep. "
                "Ruisdal Groep krijgt een kantoor in Kolkum. De nieuwe organisatie biedt vanaf de "
                "start jongerenwerk en ouderenwerk.")
    assert ("Ruisdal Groep", "offersService", "Jongerenwerk") in t
    assert ("Ruisdal Groep", "offersService", "Ouderenwerk") in t
