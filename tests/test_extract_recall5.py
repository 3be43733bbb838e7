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


def test_place_after_a_name_belongs_to_it_when_the_name_mostly_has_it():
    text = ("Stichting Zorgkracht Emmen en Humanis Vlist gaan samenwerken. Zorgkracht Emmen is penvoerder "
            "van het wijkteam. Directeur van Zorgkracht Emmen is Ria Veldkamp. Later neemt Zorgkracht het "
            "over.")
    assert "Zorgkracht Emmen" in names(text, "Organisation")


def test_a_wijk_word_after_a_capitalised_word_ends_a_name():
    text = ("Het Gebiedsteam Noord helpt bewoners in de wijk. Stichting Buurtlicht Noord is lid van "
            "het Netwerk Zorgzaam Assen. Buurtlicht Noord biedt opbouwwerk.")
    got = triples(text)
    assert ("Stichting Buurtlicht Noord", "memberOf", "Netwerk Zorgzaam Assen") in got
    assert "Buurtlicht Noord" in names(text, "Organisation")


def test_initials_and_surname_are_a_person():
    text = ("Mevrouw J. Hazewinkel, nu directeur-bestuurder van Stichting Avondrood, gaat weg. "
            "De heer P.K. van der Linde, directeur van Zorgkring Vlist, gaat met pensioen.")
    got = triples(text)
    assert ("J. Hazewinkel", "headOf", "Stichting Avondrood") in got
    assert ("P.K. van der Linde", "headOf", "Zorgkring Vlist") in got
    assert "U.A. Zorg" not in names("Coöperatie Veenhulp U.A. Zorg voor elkaar is het motto.")


def test_founded_by_in_verb_final_order():
    got = triples("Zorgpunt Vlist is in 2003 door Stichting Avondrood en Humanis Borger opgericht. "
                  "Ook Steunpunt Veen, dat in 2016 door Avondrood en Humanis Borger samen is opgericht, groeit.")
    assert {(s, o) for s, r, o in got if r == "foundedBy"} == {
        ("Zorgpunt Vlist", "Stichting Avondrood"), ("Zorgpunt Vlist", "Humanis Borger"),
        ("Steunpunt Veen", "Avondrood"), ("Steunpunt Veen", "Humanis Borger")}


def test_founders_are_the_first_members():
    got = triples("Op 1 maart werd Coöperatie Veenhulp opgericht door Stichting Avondrood, Zorgkring Vlist "
                  "en Humanis Borger. De drie oprichters zijn ook de eerste leden van de coöperatie.")
    assert {s for s, r, o in got if r == "memberOf" and o == "Coöperatie Veenhulp"} == {
        "Stichting Avondrood", "Zorgkring Vlist", "Humanis Borger"}


def test_arisen_when_the_parties_joined_forces():
    got = triples("Welzijn Veenhart is per 1 januari 2016 ontstaan doordat Stichting De Linde en "
                  "Ouderenwerk Borger de krachten bundelden. Buurtwerf is ontstaan toen Zorgkring Vlist en "
                  "het Ouderenbureau De Eik opgingen in één organisatie.")
    merged = {(s, o) for s, r, o in got if r == "mergesInto"}
    assert ("De Linde", "Welzijn Veenhart") in merged or ("Stichting De Linde", "Welzijn Veenhart") in merged
    assert ("Ouderenwerk Borger", "Welzijn Veenhart") in merged
    assert ("Zorgkring Vlist", "Buurtwerf") in merged


def test_vormen_samen_merges_into_an_organisation_and_joins_a_network():
    got = triples("In Emmen vormen Zorgkring Vlist en Humanis Borger samen Stroomdal Welzijn. "
                  "Per 1-1-2019 vormen de twee stichtingen samen Stroomdal Welzijn.")
    assert ("Zorgkring Vlist", "mergesInto", "Stroomdal Welzijn") in got
    got = triples("In Emmen vormen Zorgkring Vlist en Humanis Borger samen het Netwerk Zorgzaam Emmen.")
    assert ("Zorgkring Vlist", "memberOf", "Netwerk Zorgzaam Emmen") in got
    assert not any(r == "mergesInto" for s, r, o in got)


def test_municipalities_found_a_stichting_and_steunpunten_go_into_it():
    got = triples("Mantelzorgers in Emmen, Assen en Aa en Hunze krijgen één loket. De drie gemeenten hebben "
                  "op 18 juni de stichting Mantelpunt Drenthe opgericht. Per 1 januari gaan de bestaande "
                  "steunpunten Zorgmaatje Norg en Mantelhulp Peize op in de nieuwe stichting.")
    assert {o for s, r, o in got if r == "foundedBy"} == {"Emmen", "Assen", "Aa en Hunze"}
    assert {s for s, r, o in got if r == "mergesInto" and o == "Mantelpunt Drenthe"} == {
        "Zorgmaatje Norg", "Mantelhulp Peize"}


def test_partners_can_be_a_municipality_or_a_team():
    got = triples("Stichting Avondrood is gevestigd in Emmen en werkt samen met de gemeente Emmen en met "
                  "de huisartsen.")
    assert ("Stichting Avondrood", "partnerOf", "Emmen") in got
    got = triples("Het netwerk Zorgzaam Assen werkt nauw samen met het sociaal wijkteam Kloosterveen van de "
                  "gemeente Assen.")
    assert ("Zorgzaam Assen", "partnerOf", "Sociaal wijkteam Kloosterveen") in got
    assert ("Sociaal wijkteam Kloosterveen", "partOf", "Assen") in got


def test_gaat_samenwerken_met():
    cands = [c for c in run("Zorgpunt Vlist gaat nauw samenwerken met Humanis Borger.").candidates
             if c.relation == "partnerOf"]
    assert [(c.subject.name, c.object.name) for c in cands] == [("Zorgpunt Vlist", "Humanis Borger")]


def test_fronted_samen_met_a_team():
    text = ("Buurtlicht Kloosterveen is een stichting in Assen. Wij helpen bewoners. Wij kennen de buurt. "
            "Samen met het Gebiedsteam Marsdijk van de gemeente Assen zorgen wij ervoor dat bewoners snel "
            "hulp krijgen. Buurtlicht Kloosterveen is lid van het Netwerk Zorgzaam Assen. Buurtlicht "
            "Kloosterveen biedt opbouwwerk.")
    got = triples(text)
    assert ("Buurtlicht Kloosterveen", "partnerOf", "Gebiedsteam Marsdijk") in got


def test_named_pilot_and_its_penvoerder_at_sentence_start():
    got = triples("In de wijk Kloosterveen liep de pilot Geldwijzer. Doel van de pilot was hulp. "
                  "Penvoerder van de pilot was Stichting Avondrood.")
    assert ("Stichting Avondrood", "leadsPilot", "Pilot Geldwijzer") in got


def test_trekkerschap_ligt_bij():
    got = triples("In de wijk Marsdijk loopt een vergelijkbare pilot. Daar ligt het trekkerschap bij "
                  "Humanis Borger.")
    assert ("Humanis Borger", "leadsPilot", "Pilot Marsdijk") in got


def test_penvoerder_of_the_wijkteams_in_a_list_of_wijken():
    got = triples("Zorgkring Vlist is penvoerder van de wijkteams in Kloosterveen, Marsdijk en de Lariks.")
    assert {o for s, r, o in got if r == "leadsPilot"} == {
        "Wijkteam Kloosterveen", "Wijkteam Marsdijk", "Wijkteam Lariks"}
    assert ("Wijkteam Lariks", "locatedIn", "Lariks") in got


def test_organisation_with_its_place_trekt_het_team():
    got = triples("In maart is in de wijk Kloosterveen het buurtteam Kloosterveen van start gegaan. "
                  "Stichting Buurtlicht Assen trekt het team.")
    assert ("Stichting Buurtlicht Assen", "leadsPilot", "Buurtteam Kloosterveen") in got


def test_team_members_werken_mee_and_doen_mee():
    text = ("Humanis Borger is trekker van het Buurtteam De Lariks. In het team werken verder Thuiszorg "
            "De Eik, woningcorporatie Veenwonen en de ambulante ggz-aanbieder Solsteen mee.\n\n"
            "In maart is in de wijk Kloosterveen het buurtteam Kloosterveen van start gegaan. Stichting "
            "Buurtlicht trekt het team. Ook Thuiszorg De Eik en Woonstichting Veenwonen doen mee.")
    got = triples(text)
    assert ("Humanis Borger", "leadsPilot", "Buurtteam De Lariks") in got
    assert {s for s, r, o in got if r == "memberOf" and o == "Buurtteam De Lariks"} == {
        "Thuiszorg De Eik", "Veenwonen", "Solsteen"}
    assert {s for s, r, o in got if r == "memberOf" and o == "Buurtteam Kloosterveen"} == {
        "Thuiszorg De Eik", "Woonstichting Veenwonen"}


def test_news_about_a_new_director():
    text = ("Ria Veldkamp nieuwe directeur-bestuurder van Zorgkring Vlist\n\n"
            "ASSEN, 6 juni 2023 – De raad van toezicht van Zorgkring Vlist heeft Ria Veldkamp benoemd tot "
            "directeur-bestuurder. Zij volgt Theo van Wijngaarden op.\n\n"
            "Veldkamp (52) is nu directeur van Stichting Avondrood in Emmen.\n\n"
            "Onder leiding van Van Wijngaarden groeide Zorgkring Vlist uit tot een brede welzijnsorganisatie.")
    got = triples(text)
    assert ("Ria Veldkamp", "headOf", "Zorgkring Vlist") in got
    assert ("Veldkamp", "headOf", "Stichting Avondrood") in got
    assert ("Van Wijngaarden", "headOf", "Zorgkring Vlist") in got
    assert "ASSEN" not in names(text)


def test_initiative_to_found():
    got = triples("In 2017 nam Zorgkring Vlist samen met Leescentrum De Waal en Vakcollege Noord het initiatief "
                  "tot de oprichting van Taalpunt De Brug.")
    assert {o for s, r, o in got if r == "foundedBy" and s == "Taalpunt De Brug"} == {
        "Zorgkring Vlist", "Leescentrum De Waal", "Vakcollege Noord"}


def test_de_nieuwe_organisatie_after_vormen_samen():
    text = ("Per 1-1-2019 vormen Zorgkring Vlist en Humanis Borger samen Stroomdal Welzijn. "
            "De nieuwe organisatie wordt gevestigd in Emmen.")
    assert ("Stroomdal Welzijn", "locatedIn", "Emmen") in triples(text)
    text = ("Zorgkring Vlist en Humanis Borger fuseren per 1 januari 2017. De nieuwe stichting heet "
            "Stroomdal Welzijn.")
    assert ("Zorgkring Vlist", "mergesInto", "Stroomdal Welzijn") in triples(text)


def test_a_name_opening_a_list_of_names_keeps_its_first_word():
    assert "Humanis Borger" in names("Humanis Borger en Stichting De Linde gaan samen verder als Welzijn Veenhart.")


def test_members_of_a_platform_named_before():
    got = triples("Deze nieuwsbrief is een uitgave van het Platform Zorgzaam Drenthe. In het platform werken de "
                  "gemeenten Emmen, Assen en Borger-Odoorn samen met de welzijnsorganisaties in de regio.")
    assert {s for s, r, o in got if r == "memberOf" and o == "Platform Zorgzaam Drenthe"} == {
        "Emmen", "Assen", "Borger-Odoorn"}


def test_partners_zijn_with_kind_nouns_after_a_network_sentence():
    text = ("Zes organisaties bundelen hun krachten in Netwerk Thuis in Kloosterveen. Het netwerk wil "
            "bewoners helpen. Partners zijn welzijnsorganisatie Avondrood, thuiszorgorganisatie Zorgkring "
            "Vlist en Woonstichting Veenwonen. Netwerk Thuis in Kloosterveen start in mei.")
    got = triples(text)
    assert {s for s, r, o in got if r == "memberOf" and o == "Netwerk Thuis in Kloosterveen"} == {
        "Avondrood", "Zorgkring Vlist", "Woonstichting Veenwonen"}


def test_place_at_the_end_of_a_name_is_mentioned_as_the_place_word_only():
    cands = [c for c in run("Stichting Buurtwerk Emmen en Humanis Borger fuseren.").candidates
             if c.rule == "locatedIn:name-ends-in-place"]
    assert cands and all(c.object.text == "Emmen" for c in cands)


def test_board_chair_of_the_cooperative_and_new_members_joining():
    text = ("Vier organisaties richten Coöperatie Veenhulp op\n\n"
            "Op 1 maart werd Coöperatie Veenhulp opgericht door Stichting Avondrood, Zorgkring Vlist en "
            "Humanis Borger. De coöperatie is gevestigd in Emmen.\n\n"
            "Bestuur\nHet bestuur bestaat uit voorzitter Albertje Mulder, secretaris Jan Bos en "
            "penningmeester Wiebe Dijkstra.\n\n"
            "Nieuwe leden\nMet ingang van 1 juli treedt ook Stichting Ouderenwerk Norg toe als lid. "
            "Woonzorg De Eik treedt per 1 mei toe tot de coöperatie.")
    got = triples(text)
    assert {s for s, r, o in got if r == "headOf"} == {"Albertje Mulder"}
    assert ("Stichting Ouderenwerk Norg", "memberOf", "Coöperatie Veenhulp") in got
    assert ("Woonzorg De Eik", "memberOf", "Coöperatie Veenhulp") in got


def test_head_welcoming_in_a_venue_heads_the_visited_organisation():
    text = ("Verslag werkbezoek Welzijn Veenhart, Emmen\n\n1. Kennismaking\n"
            "Directeur-bestuurder Marloes Tiemens heette ons welkom in wijkcentrum De Kiezel in de wijk "
            "Angelslo.")
    got = triples(text)
    assert ("Marloes Tiemens", "headOf", "Welzijn Veenhart") in got
    assert ("Marloes Tiemens", "headOf", "De Kiezel") not in got


def test_common_service_words_of_mantelzorg_and_schuldhulp():
    got = triples("Stichting Mantelpunt Emmen biedt informatie en advies, respijtzorg en lotgenotencontact. "
                  "Humanis Borger biedt een wekelijks inloopspreekuur en een formulierenspreekuur.")
    assert {o for s, r, o in got if r == "offersService" and s == "Stichting Mantelpunt Emmen"} == {
        "Informatie en advies", "Respijtzorg", "Lotgenotencontact"}
    assert ("Humanis Borger", "offersService", "Formulierenspreekuur") in got


def test_voortgekomen_uit_bundelen_krachten_and_daarbij_aangesloten():
    text = ("Welzijn Veenhart is in 2015 voortgekomen uit Stichting De Linde en Ouderenwerk Borger.\n\n"
            "Zorgkring Vlist en Stichting Avondrood bundelen vanaf deze maand hun krachten in Netwerk "
            "Zorgzaam Emmen.\n\n"
            "In Emmen is het Platform Mantelzorg Drenthe actief. Humanis Borger en Stichting Avondrood zijn "
            "daarbij aangesloten.")
    got = triples(text)
    assert {s for s, r, o in got if r == "mergesInto" and o == "Welzijn Veenhart"} == {
        "De Linde", "Ouderenwerk Borger"}
    assert {s for s, r, o in got if r == "memberOf" and o == "Netwerk Zorgzaam Emmen"} == {
        "Zorgkring Vlist", "Stichting Avondrood"}
    assert {s for s, r, o in got if r == "memberOf" and o == "Platform Mantelzorg Drenthe"} == {
        "Humanis Borger", "Stichting Avondrood"}
    assert not any(r == "mergesInto" and o == "Netwerk Zorgzaam Emmen" for s, r, o in got)


def test_a_coordinated_subject_gives_the_service_to_each():
    got = triples("Humanis Borger en Stichting Avondrood voeren samen het jongerenwerk uit in Emmen.\n\n"
                  "Zorgkring Vlist en Humanis Borger bieden samen schuldhulpverlening en budgetcoaching.")
    assert {s for s, r, o in got if r == "offersService" and o == "Jongerenwerk"} == {
        "Humanis Borger", "Stichting Avondrood"}
    assert {s for s, r, o in got if r == "offersService" and o == "Budgetcoaching"} == {
        "Zorgkring Vlist", "Humanis Borger"}
    # a partner after "samen met" is no provider
    got = triples("Humanis Borger biedt samen met de gemeente Emmen budgetcoaching aan.")
    assert {s for s, r, o in got if r == "offersService"} == {"Humanis Borger"}
