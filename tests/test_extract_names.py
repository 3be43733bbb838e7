from extract_helpers import names, run, triples


def test_acronyms_capitalised_chains_and_inner_capitals():
    found = names("Het project wordt uitgevoerd door de GKZ, Welzijn Noorderhaven en ZorgSaam.",
                  None)
    assert {"GKZ", "Welzijn Noorderhaven", "ZorgSaam"} <= found


def test_article_with_capital_belongs_to_the_name():
    ex = run("Het werk ligt bij Humanis en De Vlinderhof, en ook bij 't Marheem.")
    assert {"De Vlinderhof", "'t Marheem"} <= {m.text for m in ex.mentions}


def test_sentence_start_and_headings_are_not_organisations():
    found = names("Presentatie Zonnebloem\nVerder zijn er knelpunten. Knelpunt: Gemeentes "
                  "hebben weinig geld. Zonnebloem helpt ouderen.")
    assert "Presentatie Zonnebloem" not in found and "Knelpunt" not in found
    assert "Gemeentes" not in found


def test_persons_with_role():
    ex = run("Karin de Groot, directeur Avondrood, opende de dag. Later sprak voorzitter Jan Bos.")
    persons = {m.name: m.role for m in ex.mentions if m.type == "Person"}
    assert persons == {"Karin de Groot": "directeur", "Jan Bos": "voorzitter"}


def test_person_surname_that_is_a_place_stays_a_person():
    assert "Ria van Beek" in names("Op bezoek waren Ria van Beek en Tom Smit.", "Person")


def test_cooperative_from_its_description():
    ex = run("De coöperatie voor zorg op afstand ZorgNet is opgericht door Avondrood en Humanis.")
    assert any(m.name == "ZorgNet" and m.type == "Cooperative" for m in ex.mentions)


def test_weak_word_becomes_entity_only_through_a_relation():
    assert "Transitie" not in names("Gemeenten focussen op de Transitie van de jeugdzorg.")


def test_name_that_opens_with_a_function_word_keeps_it_when_written_after_a_legal_form():
    found = names("Zij werkt bij de stichting Boven Water in Breda. Boven Water helpt gezinnen.")
    assert "Boven Water" in found and "Water" not in found


def test_name_ending_in_sociaal_written_mid_sentence_keeps_the_adjective():
    found = names("Samen met Kempenland Sociaal en Zorgkring Oirschot starten wij. "
                  "Kempenland Sociaal helpt mensen.")
    assert "Kempenland Sociaal" in found and "Kempenland" not in found


def test_news_dateline_in_capitals_is_no_organisation():
    found = names("TILBURG - Welzijn Oirschot opent een nieuw buurthuis.", "Organisation")
    assert "TILBURG" not in found and "Welzijn Oirschot" in found


def test_names_inside_quoted_speech_count_but_a_quoted_title_is_no_name():
    speech = triples('"Stichting Welzijn Noord werkt samen met Stichting Humanitas," zegt de directeur.')
    assert ("Stichting Welzijn Noord", "partnerOf", "Stichting Humanitas") in speech
    whole = triples("“Stichting Welzijn Noord biedt schuldhulpverlening in Assen.”")
    assert ("Stichting Welzijn Noord", "offersService", "Schuldhulpverlening") in whole
    text = 'De pilot "Buurt Doet Mee" van Stichting Welzijn Noord loopt in Assen.'
    orgs = names(text, "Organisation")  # the quoted title names the pilot, not an organisation
    assert "Stichting Welzijn Noord" in orgs and "Buurt Doet Mee" not in orgs
    assert "Buurt Doet Mee" in names(text, "Pilot")


def test_a_kind_noun_opening_a_sentence_is_not_part_of_the_name():
    assert "De Wissel" in names("Welzijnsorganisatie De Wissel viert dit jaar feest.", "Organisation")
    got = names("Zorgorganisatie Ravelijn en zorgverzekeraar ZVN werken samen.", "Organisation")
    assert {"Ravelijn", "ZVN"} <= got


def test_kind_words_that_name_stay_in_the_name():
    assert "Woonstichting Dalwonen" in names("Woonstichting Dalwonen bouwt huizen.", "Organisation")


def test_a_news_dateline_in_capitals_is_a_municipality():
    assert "Zwolle" in names("ZWOLLE - Welzijn Vliethaven viert feest.", "Municipality")
    assert not names("WEDDERVELD - Welzijn Vliethaven viert feest.", "Municipality")


def test_a_name_with_a_surname_particle_beside_a_role_is_a_person():
    assert "Marloes van Kessel" in names("Marloes van Kessel is bestuurder van Stichting Kompas.", "Person")
    assert "Carla van Ruiven" in names("De vorige voorzitter, Carla van Ruiven, blijft adviseur.", "Person")
    assert not names("Centrum van Utrecht is een wijk.", "Person")


def test_a_place_only_ever_written_after_a_person_is_part_of_a_double_surname():
    text = "Een interview met Henk de Wit Ommen. Volgens Henk de Wit Ommen, bestuurder, gaat het goed."
    assert "Henk de Wit Ommen" in names(text, "Person")
    assert "Ommen" not in names(text, "Municipality")
    # the place also stands alone: the person is Henk de Wit, and he lives in Ommen
    text = "Henk de Wit Ommen sprak. Hij woont in Ommen."
    assert "Henk de Wit" in names(text, "Person") and "Ommen" in names(text, "Municipality")


def test_a_name_introduced_with_its_place_keeps_it_when_shortened_later():
    text = ("Stichting Buurtwerk Westerveld bestaat twintig jaar. "
            "Stichting Buurtwerk viert feest.")
    assert "Stichting Buurtwerk Westerveld" in names(text, "Organisation")


def test_a_name_with_inner_capitals_keeps_the_place_it_never_stands_without():
    text = "Het aanbod komt van Humanis en DoeMee Leiden. DoeMee Leiden helpt met taal."
    assert "DoeMee Leiden" in names(text, "Organisation")


def test_an_abbreviated_stichting_is_no_name_and_the_name_after_it_is():
    found = triples("Anna Bos is voorzitter van Stg. Kompasroos in de gemeente Ede.")
    assert ("Anna Bos", "headOf", "Kompasroos") in found
    assert "Stg" not in names("Anna Bos is voorzitter van Stg. Kompasroos.")


def test_an_acronym_spells_the_whole_name_across_en():
    text = "De gemeente sloot een contract met Stichting Zorg en Welzijn Rivierland (SZWR) te Tiel."
    assert "Stichting Zorg en Welzijn Rivierland" in names(text, "Organisation")
    text = "Het platform Wonen en Zorg Samen Tiel (WZST) is in 2019 begonnen."
    assert "Wonen en Zorg Samen Tiel" in names(text, "Organisation")
    # no acronym that spells it: two names
    assert {"Welzijn Noord", "Humanis Vlist"} <= names("Welzijn Noord en Humanis Vlist (HV) werken samen.")


def test_two_fields_joined_by_en_stay_inside_a_name_that_a_name_head_opens():
    found = triples("Het eerste Centrum Sport en Bewegen in Dalfsen opent vrijdag de deuren.")
    assert ("Centrum Sport en Bewegen", "locatedIn", "Dalfsen") in found
    assert "Bewegen" not in names("Het eerste Centrum Sport en Bewegen in Dalfsen opent vrijdag.")
    assert "Stichting Welzijn en Zorg" in names("Stichting Welzijn en Zorg opent een inloophuis.")
    # names, not fields, after the head: two organisations
    assert {"Stichting Vitalis", "Icare"} <= names("Stichting Vitalis en Icare werken samen.")
    # a body after "en": two as well
    assert "Stichting Welzijn en Gemeente" not in " ".join(
        names("Stichting Welzijn en Gemeente Lindeveen tekenen een convenant."))


def test_a_cooperative_or_partnership_word_inside_a_name_types_it():
    def typed(text):
        return {(m.name, m.type) for m in run(text).mentions if m.type != "Municipality"}

    assert ("WelzijnsCoöperatie", "Cooperative") in typed("Zij richtte de WelzijnsCoöperatie op, waar ook Icare deelneemt.")
    assert ("BuurtKracht Coöperatie", "Cooperative") in typed(
        "De BuurtKracht Coöperatie opent een nieuwe kamer in Zwolle.")
    assert ("Coalitie Eenzaamheid Zwolle", "Partnership") in typed(
        "Daarna is de Coalitie Eenzaamheid Zwolle gevormd.")
    assert ("Werkgroep Armoede", "Partnership") in typed("Wij nemen deel aan de Werkgroep Armoede.")
    # a foundation that names a cooperative word stays a foundation
    assert ("Stichting Zorgcoöperatie Noord", "Organisation") in typed(
        "Stichting Zorgcoöperatie Noord opent een nieuwe locatie.")


def test_political_parties_are_no_actors():
    found = names("ZWOLLE - De VVD in Zwolle stelt vragen over Stichting Avondrood. Ook het CDA en GroenLinks.")
    assert "Stichting Avondrood" in found and not {"De VVD", "VVD", "CDA", "GroenLinks"} & found


def test_a_national_organisation_keeps_nederland_in_its_name():
    assert {"MEE Nederland", "Sociaal Werk Nederland"} <= names(
        "MEE Nederland en Sociaal Werk Nederland werken samen.", "Organisation")
    assert not names("Ouderen in Nederland krijgen hulp.")


def test_a_name_opening_with_a_name_head_after_a_role_is_the_organisation():
    found = triples("Anna de Vries (directeur Welzijn Vliethaven) opende de dag.")
    assert ("Anna de Vries", "headOf", "Welzijn Vliethaven") in found


def test_items_of_a_list_that_each_give_their_place_are_names_lower_case_words_and_all():
    found = triples("De leden zijn Doe mee in Ede, Buurtkracht oost in Tiel en Hulp.nu in Zeist.")
    assert {("Doe mee", "locatedIn", "Ede"), ("Buurtkracht oost", "locatedIn", "Tiel"),
            ("Hulp.nu", "locatedIn", "Zeist")} <= found
    # one item alone is no list: "Wonen in Ede" stays words
    assert "Wonen" not in names("Prettig Wonen in Ede is het doel.")


def test_a_capitalised_pronoun_mid_sentence_opens_a_name():
    assert "Ons Buurtwerk" in names("Het werk gaat over naar Ons Buurtwerk uit Ede.", "Organisation")
    assert "Ons Buurtwerk" not in names("Ons Buurtwerk is mooi geworden.", "Organisation")


def test_an_age_range_after_an_acronym_belongs_to_the_name():
    found = names("Medewerkers van JGZ 0-4 Rivierland en JGZ 4-18 werken samen.", "Organisation")
    assert {"JGZ 0-4 Rivierland", "JGZ 4-18"} <= found


def test_a_name_opening_a_text_before_a_finite_verb_is_a_name():
    assert "Kompas Zorg" in names("Kompas Zorg ontstond in 2001 uit een fusie.", "Organisation")
    assert "Kompas Zorg" in names("Kompas Zorg viert dit jaar feest.", "Organisation")


def test_an_acronym_spells_a_name_after_a_place_adjective_which_locates_it():
    found = triples("De Tielse Stichting voor Hulp bij Schulden en Administratie (SHSA) is in 2012 opgericht.")
    assert ("Stichting voor Hulp bij Schulden en Administratie", "locatedIn", "Tiel") in found


def test_bulleted_item_of_an_acronym_and_lower_case_words_is_a_name_among_names():
    from kg.extract import prepare
    from kg.read import document_from_text

    def slots(text: str) -> set[str]:
        ctx = prepare(document_from_text(text))
        return {s.mention.text for v in ctx.views for s in v.slots}

    listed = ("De kartrekkers komen uit de volgende organisaties:\n\n • Welzijn Vliethaven\n"
              " • Stichting Zonnehoek\n • ZIJ welzijn\n • Kadeveld Zorg\n")
    assert "ZIJ welzijn" in slots(listed)
    # not where the other items are no names of their own, and not in running text
    assert "ZIJ welzijn" not in slots("Wat we doen:\n\n • ZIJ welzijn\n • samen koken\n • wandelen\n")
    assert "ZIJ welzijn" not in slots("Welzijn Vliethaven en Kadeveld Zorg spraken over ZIJ welzijn vandaag.")


def test_laws_and_policy_concepts_in_capitals_are_no_organisations():
    found = names("Welzijn Vliethaven gaat de Sociale Basis Infrastructuur in Tiel coördineren. De "
                  "Participatiewet en de Jeugdwet gelden ook in Tiel.", "Organisation")
    assert not {"Sociale Basis Infrastructuur", "Participatiewet", "Jeugdwet"} & found
    assert "Welzijn Vliethaven" in found


def test_an_adjective_with_a_capital_before_its_noun_is_no_name():
    found = names("Het jaar waarin de Brede welzijnsaanpak van Welzijn Vliethaven groeide, samen met "
                  "Humanis.", "Organisation")
    assert "Brede" not in found and "Welzijn Vliethaven" in found
    # a one-word name that is no inflected adjective stays a name before a lower-case word
    assert "Linde" in names("Daarna werkte de Linde samen met Welzijn Vliethaven.", "Organisation")


def test_a_listed_name_may_end_in_acronyms_joined_by_a_slash():
    from kg.extract import prepare
    from kg.read import document_from_text

    text = ("De coöperatie wordt opgericht door de volgende verenigingen:\n\n • Ouderenbond Zuidwaard ANBO/KBO\n"
            " • Vereniging Vrienden van Het Anker\n")
    ctx = prepare(document_from_text(text))
    found = {s.mention.text for v in ctx.views for s in v.slots}
    assert "Ouderenbond Zuidwaard ANBO/KBO" in found and "KBO" not in found


def test_a_list_goes_on_through_an_acronym_and_lower_case_words():
    found = names("Welzijn Vliethaven werkt samen met Stichting Groenhof, KWB voor elkaar en de Buurtboer.",
                  "Organisation")
    assert {"Stichting Groenhof", "KWB voor elkaar", "Buurtboer"} <= found
    # not outside a list of names
    assert "KWB voor elkaar" not in names("Welzijn Vliethaven zegt: KWB voor elkaar is een motto.", "Organisation")


def test_a_name_a_name_head_opened_keeps_its_first_word_when_a_bullet_opens_it_again():
    """"Stichting Warm Anker Tiel trekt ..." then "– Warm Anker werkt samen met ...": the name
    written after "Stichting" is the name again, though a bullet capitalises its first word."""
    text = ("Stichting Warm Anker Tiel trekt het team.\n"
            "– Warm Anker werkt sinds 2018 samen met Stichting Geldwijzer uit Kampen in de aanpak.")
    assert ("Warm Anker", "partnerOf", "Stichting Geldwijzer") in triples(text)
