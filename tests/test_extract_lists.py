from extract_helpers import triples


def test_list_with_oxford_comma_and_articles():
    t = triples("Avondrood biedt samen met de GKZ, Humanis, en het Zonnehuis jongerenwerk aan.")
    assert {o for s, r, o in t if r == "partnerOf"} == {"GKZ", "Humanis", "Zonnehuis"}


def test_partners_van_container_in_parentheses():
    t = triples("Het netwerk bestaat sinds 2012. De partners van Zorgnet Drenthe (Avondrood, "
                "Humanis en GKZ) werken goed samen.")
    assert {s for s, r, o in t if r == "memberOf" and o == "Zorgnet Drenthe"} == {
        "Avondrood", "Humanis", "GKZ"}


def test_service_with_article_in_an_organisation_list_is_a_unit():
    t = triples("De gemeente Meppel wil een nieuwe welzijnsorganisatie: fusie van Humanis en het "
                "ouderenwerk (nu onderdeel van de gemeente).")
    assert ("Ouderenwerk Meppel", "partOf", "Meppel") in t


def test_bulleted_names_with_a_particle_or_a_kind_word_are_whole_items():
    text = ("Vorig jaar is de Coalitie Samen Thuis opgericht. De leden komen uit de volgende "
            "organisaties:\n\n• ROC de Vaart\n• Gemeente Zwolle\n• Stichting Zonnehoek\n")
    members = {t[0] for t in triples(text) if t[1:] == ("memberOf", "Coalitie Samen Thuis")}
    assert members == {"ROC de Vaart", "Zwolle", "Stichting Zonnehoek"}
