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
