"""One test per relation family, on short Dutch sentences with invented organisations."""

from extract_helpers import candidates, run, triples


def test_founded_by_with_partners_container():
    t = triples("De coöperatie ZorgNet is opgericht door Avondrood, Humanis en de partners van "
                "Welzijnsnet Oost (GKZ, Stichting Borgh en Zonnehuis).")
    for founder in ("Avondrood", "Humanis", "GKZ", "Stichting Borgh", "Zonnehuis"):
        assert ("ZorgNet", "foundedBy", founder) in t
    assert ("GKZ", "memberOf", "Welzijnsnet Oost") in t


def test_founded_by_active_voice():
    t = triples("In 2010 hebben Avondrood en Humanis samen de Stichting Buurtkracht opgericht.")
    assert ("Stichting Buurtkracht", "foundedBy", "Avondrood") in t


def test_merger_with_date_and_unnamed_result_from_parties():
    cs = candidates("Avondrood, Humanis en GKZ gaan per 1 januari 2016 fuseren.", "mergesInto")
    assert {c.subject.name for c in cs} == {"Avondrood", "Humanis", "GKZ"}
    assert {c.object.name for c in cs} == {"Nieuwe organisatie Avondrood Humanis GKZ"}
    assert {c.date for c in cs} == {"2016-01-01"} and {c.modality for c in cs} == {"intended"}


def test_merger_into_named_organisation_and_opgaan_in():
    t = triples("Avondrood en Humanis fuseren tot Welzijn Plus. Zonnehuis gaat op in Welzijn Plus.")
    assert ("Avondrood", "mergesInto", "Welzijn Plus") in t
    assert ("Zonnehuis", "mergesInto", "Welzijn Plus") in t


def test_merger_result_named_by_description_and_place():
    cs = candidates("De gemeente Emmen wil een nieuwe brede welzijnsorganisatie in Emmen: fusie van "
                    "de organisaties Avondrood en Humanis.", "mergesInto")
    assert {c.object.name for c in cs} == {"Nieuwe welzijnsorganisatie Emmen"}


def test_part_of_and_group_structure():
    t = triples("Welzijnsgroep Noord heeft vier lokale stichtingen. Voorbeelden van die stichtingen "
                "zijn Avondrood en Humanis. Ook Buurtwerk Zuid is een onderdeel van Humanis.")
    assert ("Avondrood", "partOf", "Welzijnsgroep Noord") in t
    assert ("Humanis", "partOf", "Welzijnsgroep Noord") in t
    assert ("Buurtwerk Zuid", "partOf", "Humanis") in t


def test_member_of_team_that_consists_of_organisations():
    t = triples("In de wijk Kolenkit is een buurtteam gestart. Het buurtteam bestaat uit de "
                "volgende organisaties: Avondrood, Humanis en de GKZ.")
    assert ("GKZ", "memberOf", "Buurtteam Kolenkit") in t


def test_located_in_respectievelijk_and_adjacent():
    t = triples("Wij spraken Humanis in Emmen. Avondrood en Zonnehuis, die respectievelijk gevestigd "
                "zijn in de gemeenten Assen en Meppel, doen mee.")
    assert ("Humanis", "locatedIn", "Emmen") in t
    assert ("Avondrood", "locatedIn", "Assen") in t and ("Zonnehuis", "locatedIn", "Meppel") in t
    assert ("Avondrood", "locatedIn", "Meppel") not in t


def test_leads_pilot():
    t = triples("In de wijk Kolenkit is Avondrood trekker van een pilot.")
    assert ("Avondrood", "leadsPilot", "Pilot Kolenkit") in t
    assert ("Pilot Kolenkit", "locatedIn", "Kolenkit") in t


def test_pilot_led_by_passive():
    t = triples("Humanis heeft in de wijk Kolenkit een wijkteam opgezet. Het wijkteam wordt "
                "gecoördineerd door Humanis.")
    assert ("Humanis", "leadsPilot", "Wijkteam Kolenkit") in t


def test_head_of_after_name_and_from_context():
    t = triples("Karin de Groot, directeur Avondrood, opende. Humanis groeit hard. 'Het gaat "
                "goed,' zegt bestuurder Jan Bos.")
    assert ("Karin de Groot", "headOf", "Avondrood") in t
    assert ("Jan Bos", "headOf", "Humanis") in t


def test_only_head_roles_give_head_of():
    assert not candidates("Karin de Groot, coördinator Avondrood, opende.", "headOf")


def test_partner_of_samen_met_pairs_only_with_subject():
    t = triples("Avondrood is samen met Humanis en Zonnehuis gestart met buurtbemiddeling.")
    assert ("Avondrood", "partnerOf", "Humanis") in t
    assert ("Humanis", "partnerOf", "Zonnehuis") not in t


def test_partner_of_samengewerkt_door_gives_every_pair():
    t = triples("In Emmen wordt al lang samengewerkt door Avondrood, Humanis en Zonnehuis.")
    assert ("Humanis", "partnerOf", "Zonnehuis") in t


def test_offers_service_with_start_date_and_companions():
    cs = candidates("Avondrood is samen met Humanis met buurtbemiddeling gestart vanaf 1-3-2014 "
                    "en is nu gestart met mantelzorgondersteuning.", "offersService")
    got = {(c.subject.name, c.object.name, c.date) for c in cs}
    assert ("Humanis", "Buurtbemiddeling", "2014-03-01") in got
    assert ("Avondrood", "Mantelzorgondersteuning", None) in got
    assert ("Humanis", "Mantelzorgondersteuning", None) not in got


def test_every_candidate_has_rule_and_confidence():
    ex = run("Avondrood biedt schuldhulpverlening. Avondrood en Humanis gaan fuseren.")
    assert ex.candidates
    for c in ex.candidates:
        assert ":" in c.rule and 0 < c.confidence <= 1


def test_team_members_with_kind_noun_and_team_partner():
    from extract_helpers import triples
    text = ("Buurtteam Vlietzoom\n"
            "Het buurtteam Vlietzoom is in 2020 gestart. In het team werken verder Zorgkring Aalsmeer, "
            "Schuldwijzer Kudelstaart en jeugdhulporganisatie De Sprong. Het buurtteam werkt sinds 2021 "
            "samen met huisartsenpraktijk De Pijler.")
    t = triples(text)
    assert ("De Sprong", "memberOf", "Buurtteam Vlietzoom") in t
    assert ("Zorgkring Aalsmeer", "memberOf", "Buurtteam Vlietzoom") in t
    assert ("Buurtteam Vlietzoom", "partnerOf", "De Pijler") in t


def test_inverted_works_with_and_ended_cooperation():
    from extract_helpers import run
    text = ("In het kader van het programma Sterk Begin werkt Stichting Kindwijzer bovendien samen met "
            "kraamzorgpraktijk De Wiegelaar. De samenwerking tussen Buurtwerk Noorderhaven en "
            "Stichting Jeugdpunt Oever is per 1 juni beëindigd.")
    got = {(c.subject.name, c.object.name, c.modality) for c in run(text).candidates if c.relation == "partnerOf"}
    assert ("Stichting Kindwijzer", "De Wiegelaar", "asserted") in got
    assert not any(s == "Sterk Begin" for s, _, _ in got)
    assert ("Buurtwerk Noorderhaven", "Stichting Jeugdpunt Oever", "negated") in got
    assert ("Buurtwerk Noorderhaven", "Stichting Jeugdpunt Oever", "asserted") not in got


def test_parent_organisation_of_listed_foundations_and_seat():
    from extract_helpers import triples
    t = triples("Welzijnsgroep Rivierland heeft haar hoofdkantoor in Tiel en is de moederorganisatie van "
                "drie lokale stichtingen: Welzijn Culemborg, De Wielewaal in Geldermalsen en Stichting Lingehart.")
    assert ("Welzijnsgroep Rivierland", "locatedIn", "Tiel") in t
    for part in ("Welzijn Culemborg", "De Wielewaal", "Stichting Lingehart"):
        assert (part, "partOf", "Welzijnsgroep Rivierland") in t


def test_onder_de_groep_vallen_stichtingen_are_part_of_the_group():
    found = triples("De Kempische Welzijnsgroep is in 2015 ontstaan. Onder de groep vallen drie lokale "
                    "stichtingen, elk met een eigen team: Welzijn Bladel, Zorgpunt Reusel en De Brug.")
    assert {("Welzijn Bladel", "partOf", "Kempische Welzijnsgroep"),
            ("Zorgpunt Reusel", "partOf", "Kempische Welzijnsgroep"),
            ("De Brug", "partOf", "Kempische Welzijnsgroep")} <= found


def test_de_drie_werken_samen_in_het_netwerk_x_names_members():
    found = triples("Welzijn Bladel, Zorgpunt Reusel en De Brug gaan samen verder als Kempen Sociaal. "
                    "Dat maakten de drie organisaties bekend. De drie werken al sinds 2016 samen in het "
                    "netwerk Kempen Mantelzorg.")
    assert {("Welzijn Bladel", "memberOf", "Kempen Mantelzorg"),
            ("Zorgpunt Reusel", "memberOf", "Kempen Mantelzorg"),
            ("De Brug", "memberOf", "Kempen Mantelzorg")} <= found


def test_a_count_before_a_noun_is_no_bare_group():
    found = triples("Welzijn Bladel en Zorgpunt Reusel fuseren. De twee buurthuizen blijven open.")
    assert not any(r == "memberOf" for _, r, _ in found)


def test_founders_listed_with_places_and_a_region_is_no_founder():
    found = triples("Vier welzijnsorganisaties uit Limburg hebben de stichting Samen Thuis opgericht. "
                    "De stichting gaat een platform bouwen. Oprichters zijn Welzijn Venlo uit Venlo, de "
                    "Roermondse stichting Het Anker, Zorgkracht (Weert) en Buurtwerk Echt.")
    assert {("Samen Thuis", "foundedBy", x) for x in
            ("Welzijn Venlo", "Het Anker", "Zorgkracht", "Buurtwerk Echt")} <= found
    assert ("Samen Thuis", "foundedBy", "Limburg") not in found


def test_samen_met_pairs_the_organisation_of_its_own_clause():
    # the organisation of an earlier main clause ("... is aangelegd en hebben ...") is not the partner
    t = triples("Stichting Zonnehoek werkt in de wijk. Vorig jaar is de moestuin Kadeveld Groen aangelegd en "
                "hebben onze buurtwerkers in samenwerking met Muziekvereniging Harmonie een zomerfeest gehouden.")
    assert ("Kadeveld Groen", "partnerOf", "Muziekvereniging Harmonie") not in t
    assert _partners(t, "Stichting Zonnehoek", "Muziekvereniging Harmonie")
    # within one clause the organisation before "samen met" still is
    assert ("Avondrood", "partnerOf", "Humanis") in triples(
        "Avondrood is opgericht in 2010 en werkt in samenwerking met Humanis aan buurtbemiddeling.")


def test_samen_met_a_kind_of_partners_then_their_names():
    t = triples("Welzijn Vliethaven werkt samen met sociale ondernemers, waaronder Stichting Groenhof en "
                "Kadeveld Werkt.")
    assert ("Welzijn Vliethaven", "partnerOf", "Stichting Groenhof") in t
    assert ("Welzijn Vliethaven", "partnerOf", "Kadeveld Werkt") in t


def test_a_samenwerkingsverband_met_names_partners():
    t = triples("Welzijn Vliethaven heeft een samenwerkingsverband met Stichting Groenhof.")
    assert _partners(t, "Welzijn Vliethaven", "Stichting Groenhof")
    t = triples("Welzijn Vliethaven werkt in de wijk. Welzijn Vliethaven is er voor iedereen. Wij werken in "
                "lokale samenwerkingsverbanden met onder meer Stichting Groenhof en Kadeveld Werkt.")
    assert _partners(t, "Welzijn Vliethaven", "Kadeveld Werkt")
    # a samenwerkingsverband that is no one's partnership: no partners
    assert not {r for r in triples("Het samenwerkingsverband is opgericht in Zwolle.") if r[1] == "partnerOf"}


def test_samen_met_in_a_text_an_organisation_writes_of_itself():
    text = ("Welzijn Vliethaven kijkt terug op een goed jaar. We zijn gegroeid in alle wijken.\n\n"
            "Samen met Stichting Groenhof organiseerden de vrijwilligers een markt. Daarmee dragen we "
            "bij aan een gezonde wijk.\n\nWe danken iedereen die bij Welzijn Vliethaven werkt.")
    t = triples(text)
    assert _partners(t, "Welzijn Vliethaven", "Stichting Groenhof")
    # a text that does not speak as an organisation: no one to pair the partner with
    plain = text.replace("We zijn", "Zij zijn").replace("dragen we", "dragen zij").replace("We danken", "Zij danken")
    assert not {r for r in triples(plain) if r[1] == "partnerOf"}


def test_a_group_that_gives_help_in_a_place_is_there_each():
    t = triples("Stichting Zonnehoek en Welzijn Vliethaven gaan fuseren. Beide organisaties verlenen "
                "ouderenwerk en jongerenwerk in Tiel.")
    assert ("Stichting Zonnehoek", "locatedIn", "Tiel") in t and ("Welzijn Vliethaven", "locatedIn", "Tiel") in t


def _partners(t: set[tuple[str, str, str]], a: str, b: str) -> bool:
    """partnerOf is symmetric: either order is the relation."""
    return (a, "partnerOf", b) in t or (b, "partnerOf", a) in t
