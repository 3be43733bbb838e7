"""Recall rules of the fifth round: invented sentences, invented organisations and persons."""

from extract_helpers import names, run, triples


def _types(text):
    return {m.name: m.type for m in run(text).mentions}


def test_one_word_name_can_be_the_author_of_first_person_text():
    text = ("In gesprek met Ria Veldkamp, directeur van Buurtzorgwerf (Assen)\n\n"
            "Buurtzorgwerf is een jonge organisatie. Wat doet Buurtzorgwerf precies?\n\n"
            "\"We voeren het opbouwwerk en het jongerenwerk uit in heel Assen. Sinds 2020 bieden we "
            "daarnaast budgetcoaching aan. Verder zijn we lid van de coöperatie Drents Hart.\"")
    got = triples(text)
    assert ("Buurtzorgwerf", "offersService", "Opbouwwerk") in got
    assert ("Buurtzorgwerf", "offersService", "Budgetcoaching") in got
    assert ("Buurtzorgwerf", "memberOf", "Drents Hart") in got


def test_member_of_with_kind_noun_before_the_name():
    got = triples("Stichting Avondrood is lid van de coöperatie Veenhulp. "
                  "Humanis Vlist is aangesloten bij het netwerk Zorgzaam Vlist.")
    assert ("Stichting Avondrood", "memberOf", "Veenhulp") in got
    assert ("Humanis Vlist", "memberOf", "Zorgzaam Vlist") in got


def test_list_items_with_uit_and_in_a_place():
    got = triples("Op 1 maart werd Coöperatie Veenhulp opgericht door Stichting Avondrood uit Emmen, "
                  "Zorgkring Vlist, Humanis Borger (Assen) en Dorpshuis De Linde in Norg.")
    founders = {o for s, r, o in got if r == "foundedBy" and s == "Coöperatie Veenhulp"}
    assert founders == {"Stichting Avondrood", "Zorgkring Vlist", "Humanis Borger", "Dorpshuis De Linde"}


def test_surname_alone_refers_to_the_person_named_before():
    text = ("Directeur is Noor Hazewinkel. \"Wij doen dit samen,\" zegt Hazewinkel. "
            "Hazewinkel is in het dagelijks leven directeur van Stichting Avondrood.")
    t = _types(text)
    assert t.get("Hazewinkel") == "Person"
    assert ("Hazewinkel", "headOf", "Stichting Avondrood") in triples(text)


def test_role_is_name_with_a_second_role_and_beoogd():
    text = ("Stichting Veenhulp opent in mei een loket in Emmen.\n"
            "Kwartiermaker en beoogd directeur is Noor Hazewinkel, nu nog coördinator van Zorgkring Vlist.")
    got = triples(text)
    assert ("Noor Hazewinkel", "headOf", "Stichting Veenhulp") in got
    assert ("Noor Hazewinkel", "headOf", "Zorgkring Vlist") not in got
