"""Teams, penvoerders, bullet lists of members: own sentences, invented organisations."""

from extract_helpers import names, triples


def test_bare_penvoerder_leads_the_team_just_named():
    t = triples("In Lochem is het buurtteam Noord gestart. Het buurtteam is een samenwerking "
                "tussen Avondrood, Humanis en Stichting Borgh. Avondrood is de penvoerder.")
    assert ("Avondrood", "leadsPilot", "Buurtteam Noord") in t
    assert {s for s, r, o in t if r == "memberOf" and o == "Buurtteam Noord"} == {
        "Avondrood", "Humanis", "Stichting Borgh"}
    # a bare compass word ("Noord") names no wijk of its own to locate the team in
    assert ("Buurtteam Noord", "locatedIn", "Noord") not in t


def test_first_person_is_the_report_organisation():
    text = ("Jaarverslag 2021\nStichting Welzijn Kortenhoef\n\n"
            "Voor u ligt het jaarverslag van Stichting Welzijn Kortenhoef. Wij kijken terug op een druk jaar.\n\n"
            "Wij bieden o.a. ouderenwerk en opbouwwerk. Sinds 2019 is onze organisatie onderdeel van "
            "Welzijnsholding Vechtstreek. Welzijn Kortenhoef telt 40 medewerkers.")
    t = triples(text)
    assert ("Stichting Welzijn Kortenhoef", "offersService", "Ouderenwerk") in t
    assert ("Stichting Welzijn Kortenhoef", "partOf", "Welzijnsholding Vechtstreek") in t


def test_in_another_wijk_that_is_x():
    t = triples("In de wijk Kolenkit is Avondrood penvoerder van het wijkteam. In de wijk "
                "Vogelzang is dat Humanis.")
    assert ("Humanis", "leadsPilot", "Wijkteam Vogelzang") in t
    assert ("Wijkteam Vogelzang", "locatedIn", "Vogelzang") in t


def test_bulleted_members_after_a_colon():
    text = ("Het wijkteam Kolenkit bestaat uit medewerkers van de volgende organisaties:\n"
            "• Avondrood\n• Humanis Lochem\n• Zorggroep Oost Twente\n• Tactus Verslavingszorg\n")
    t = triples(text)
    members = {s for s, r, o in t if r == "memberOf" and o == "Wijkteam Kolenkit"}
    assert members == {"Avondrood", "Humanis Lochem", "Zorggroep Oost Twente",
                       "Tactus Verslavingszorg"}


def test_in_het_team_werken_a_en_b_samen():
    t = triples("In het wijkteam Kolenkit werken Avondrood en Humanis samen.")
    assert ("Humanis", "memberOf", "Wijkteam Kolenkit") in t


def test_wijk_lies_in_the_only_municipality_of_the_text():
    t = triples("De gemeente Lochem kent drie wijkteams. Dat is een goede zaak.\n\n"
                "Verder zijn er plannen. In de wijk Vogelzang start een pilot.")
    assert ("Vogelzang", "locatedIn", "Lochem") in t


def test_laws_are_not_organisations():
    found = names("De Wmo en de Jeugdwet vragen veel. Ook de Participatiewet speelt mee.")
    assert not ({"Wmo", "Jeugdwet", "Participatiewet"} & found)


def test_wijken_listed_after_a_colon_and_team_lines_with_penvoerder():
    text = ("De gemeente Lochem heeft in drie wijken een team ingericht: De Kolk, Vogelzang en "
            "Oosterhof. De teams zijn als volgt samengesteld:\n\n"
            "• Sociaal wijkteam De Kolk – penvoerder: Avondrood (met Humanis en GGD Noord- en "
            "Oost-Twente)\n"
            "• Sociaal wijkteam Vogelzang – de penvoerder volgt; deelnemers zijn Humanis en "
            "Avondrood.\n")
    t = triples(text)
    assert ("Avondrood", "leadsPilot", "Sociaal wijkteam De Kolk") in t
    assert ("GGD Noord- en Oost-Twente", "memberOf", "Sociaal wijkteam De Kolk") in t
    assert ("Humanis", "memberOf", "Sociaal wijkteam Vogelzang") in t
    assert ("Oosterhof", "locatedIn", "Lochem") in t
    assert ("Sociaal wijkteam De Kolk", "locatedIn", "De Kolk") in t


def test_abbreviation_of_common_words_is_no_organisation():
    assert "SWT" not in names("Wij schrijven u over de sociale wijkteams (SWT) in Lochem.")


def test_department_of_the_municipality():
    t = triples("De consulenten van de afdeling Werk en Inkomen, onderdeel van de gemeente Lochem, "
                "schuiven aan.")
    assert ("Afdeling Werk en Inkomen", "partOf", "Lochem") in t


def test_numbered_section_heading_is_no_team_name():
    t = triples("4.1 Het sociaal team\nStichting Avondrood is trekker van het sociaal team Kolk.")
    assert ("Stichting Avondrood", "leadsPilot", "Sociaal team Kolk") in t


def test_municipal_units_and_team_partners():
    t = triples("De gemeente Harderwijk was opdrachtgever; het gemeentelijke Team Toegang, dat onderdeel is "
                "van de afdeling Samenleving, bleef verantwoordelijk. De afdeling Zorg van de gemeente "
                "Harderwijk betaalt. Harderwijk kent één buurtteam.\n\n"
                "Buurtteam Stadsweiden\n"
                "Penvoerder is Stichting Welzijn Veluwerand. Partners in het team zijn:\n"
                "• Thuiszorg Noorderlicht;\n• Jeugdhulp Kompasroos.\n\n"
                "Stichting Jeugdwerk Hierden is trekker van het buurtteam Drielanden; daarin werken ook "
                "Thuiszorg Noorderlicht en Stichting Welzijn Veluwerand mee.")
    assert ("Team Toegang", "partOf", "Afdeling Samenleving") in t
    assert ("Afdeling Zorg", "partOf", "Harderwijk") in t
    assert ("Stichting Welzijn Veluwerand", "leadsPilot", "Buurtteam Stadsweiden") in t
    assert ("Jeugdhulp Kompasroos", "memberOf", "Buurtteam Stadsweiden") in t
    assert ("Thuiszorg Noorderlicht", "memberOf", "Buurtteam Drielanden") in t


def test_plural_teams_with_names_and_trekker_daarvan():
    from extract_helpers import triples
    found = triples("In Leiden werkt men met wijkteams. In 2019 starten ook de wijkteams Merenwijk en "
                    "Stevenshof. Trekker daarvan is Welzijn Leiden, dat extra mensen aanneemt.")
    assert {("Welzijn Leiden", "leadsPilot", "Wijkteam Merenwijk"),
            ("Welzijn Leiden", "leadsPilot", "Wijkteam Stevenshof"),
            ("Wijkteam Merenwijk", "locatedIn", "Merenwijk")} <= found


def test_in_wijk_ligt_de_trekkersrol_bij_x():
    from extract_helpers import triples
    found = triples("Almere werkt met buurtteams. In de Kruidenwijk en in Almere-Haven zijn pilots gestart. "
                    "Stichting Kruidhof is trekker van de pilot in de Kruidenwijk; in Almere-Haven ligt de "
                    "trekkersrol bij Zorggroep De Haven.")
    assert ("Zorggroep De Haven", "leadsPilot", "Pilot Almere-Haven") in found


def test_a_pilot_named_by_a_quoted_title():
    from extract_helpers import triples
    found = triples("Vorig jaar is in de wijk Kadeveld gestart met de pilot 'Samen sterk in de straat'.")
    assert ("Samen sterk in de straat", "locatedIn", "Kadeveld") in found
