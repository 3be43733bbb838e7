"""Merger phrasing beyond "A en B gaan fuseren": own sentences, invented organisations."""

from extract_helpers import candidates, names, run, triples


def _merges(text):
    return {(c.subject.name, c.object.name, c.date, c.modality)
            for c in candidates(text, "mergesInto")}


def test_samen_verder_onder_de_naam_with_date_between():
    got = _merges("Stichting Avondrood en Humanis Vlist gaan per 1 januari 2016 samen verder "
                  "onder de naam Vlistkracht.")
    assert {(s, o, d) for s, o, d, _ in got} == {
        ("Stichting Avondrood", "Vlistkracht", "2016-01-01"),
        ("Humanis Vlist", "Vlistkracht", "2016-01-01")}


def test_zijn_opgegaan_in_with_a_list_of_subjects():
    got = _merges("Per 1 januari 2017 zijn Zorgkring en Stichting Borgh opgegaan in Welzijnsnet.")
    assert {(s, o) for s, o, _, _ in got} == {("Zorgkring", "Welzijnsnet"),
                                              ("Stichting Borgh", "Welzijnsnet")}
    assert {m for *_, m in got} == {"asserted"}


def test_fuseren_met_ingang_van_tot_one_of_the_parties():
    got = _merges("Zorgkring en Humanis fuseren met ingang van 1-7-2017 tot Humanis.")
    assert got == {("Zorgkring", "Humanis", "2017-07-01", "asserted")}


def test_coreference_and_one_new_organisation():
    got = _merges("Vorige week tekenden Avondrood, Stichting Borgh en Zorgkring een "
                  "intentieverklaring. De drie partijen hebben het voornemen om per 1 januari "
                  "2019 te fuseren tot één welzijnsorganisatie.")
    assert {s for s, *_ in got} == {"Avondrood", "Stichting Borgh", "Zorgkring"}
    assert {(d, m) for _, _, d, m in got} == {("2019-01-01", "intended")}


def test_called_off_merger_is_negated():
    ex = run("In 2015 hebben Avondrood en Zorgkring het voornemen uitgesproken te fuseren. "
             "De fusie gaat niet door, zo bleek later.")
    ms = [c for c in ex.candidates if c.relation == "mergesInto"]
    assert ms and {c.modality for c in ms} == {"negated"}


def test_niet_in_another_clause_does_not_deny():
    got = _merges("Avondrood en Humanis fuseren per 1 maart 2016, maar wat dat betekent is nog "
                  "niet duidelijk.")
    assert got and {m for *_, m in got} != {"negated"}


def test_name_with_place_and_acronym():
    ex = run("Stichting Welzijn Ouderen Vlist (SWOV) biedt ouderenadvies. SWOV werkt in Utrecht.")
    orgs = {m.name for m in ex.mentions if m.type == "Organisation"}
    assert "Stichting Welzijn Ouderen Vlist" in orgs and "SWOV" not in orgs


def test_acronym_with_province_is_one_name():
    assert "MEE Drenthe" in names("Avondrood werkt samen met MEE Drenthe en Humanis.")


def test_capitalised_article_inside_a_name_and_service_unit_names():
    t = triples("Dit jaar tekenden Avondrood en Sociaal Werk De Linde een overeenkomst. "
                "Opbouwwerk Noorderhaven valt onder Avondrood.")
    assert ("Opbouwwerk Noorderhaven", "partOf", "Avondrood") in t
    assert "Sociaal Werk De Linde" in names("Dit jaar tekenden Avondrood en Sociaal Werk De Linde "
                                            "een overeenkomst.")


def test_founders_named_in_the_next_sentence_with_places_in_parentheses():
    t = triples("Zorgnet U.A. is in 2012 opgericht door drie Twentse organisaties. "
                "Initiatiefnemers zijn Avondrood (Enschede), Humanis (Rijssen) en Zorgkring.")
    assert {o for s, r, o in t if r == "foundedBy" and s == "Zorgnet"} == {
        "Avondrood", "Humanis", "Zorgkring"}


def test_acronym_in_parentheses_is_no_member_of_the_name_before():
    t = triples("Stichting Welzijn Vlist (SWV) en Sociaal Werk Lochem fuseren per 01-01-2017.")
    merged = {s for s, r, o in t if r == "mergesInto"}
    assert merged == {"Stichting Welzijn Vlist", "Sociaal Werk Lochem"}


def test_merger_result_named_a_sentence_later_with_date_in_words():
    from extract_helpers import run
    text = ("Stichting Welzijn Oudewater, Buurtwerk Linschoten en Stichting Zorg Polsbroek fuseren. "
            "Dat maakten de besturen bekend. De fusie gaat in op één maart 2022; vanaf dan gaan de "
            "organisaties verder onder de naam Lekstroom Welzijn.")
    got = {(c.subject.name, c.object.name, c.date) for c in run(text).candidates if c.relation == "mergesInto"}
    assert ("Buurtwerk Linschoten", "Lekstroom Welzijn", "2022-03-01") in got
    assert len(got) == 3


def test_headline_places_do_not_merge():
    from extract_helpers import run
    text = ("Welzijnsorganisaties Lopik en Benschop fuseren\n\n"
            "Stichting Buurtwerk Lopik en Stichting Dorpshulp Benschop fuseren per 1 mei 2024 tot een "
            "nieuwe stichting.")
    subjects = {c.subject.name for c in run(text).candidates if c.relation == "mergesInto"}
    assert subjects == {"Stichting Buurtwerk Lopik", "Stichting Dorpshulp Benschop"}


def test_daar_in_opgegaan_refers_to_the_organisation_before():
    from extract_helpers import run
    text = ("Welzijnshuis Rivierduin was net ontstaan uit een fusie, en per 1 maart 2019 is daar ook nog "
            "Stichting Ouderenzorg Oosterhout in opgegaan.")
    got = {(c.subject.name, c.object.name, c.date) for c in run(text).candidates if c.relation == "mergesInto"}
    assert ("Stichting Ouderenzorg Oosterhout", "Welzijnshuis Rivierduin", "2019-03-01") in got


def test_a_party_that_goes_on_under_its_own_name_is_what_the_other_merges_into():
    found = triples("Stichting De Linde en Stichting Het Veld fuseren op 1 maart. Samen gaan ze "
                    "verder onder de naam Stichting De Linde.")
    merges = {t for t in found if t[1] == "mergesInto"}
    assert merges == {("Het Veld", "mergesInto", "De Linde")}


def test_a_merger_named_without_its_parties_takes_them_from_the_sentence_before():
    found = triples("Welzijn Noord, Humanis en Stichting Avondrood gaan samenwerken. De Raden van Toezicht "
                    "stemden in met de juridische fusie. Het nieuwe geheel heet voortaan Kompas Zorg.")
    merges = {t for t in found if t[1] == "mergesInto"}
    assert merges == {(p, "mergesInto", "Kompas Zorg") for p in ("Welzijn Noord", "Humanis", "Stichting Avondrood")}
    assert "Raden" not in names("De Raden van Toezicht stemden in.")


def test_an_acronym_with_its_place_in_brackets_does_not_break_the_list_of_parties():
    found = triples("Sinds 2001 werkt Kompas Zorg in de regio. Kompas Zorg ontstond in 2001 na een fusie van "
                    "Stichting Welzijn Oost (SWO in Tiel) en Stichting Zorg Noord (SZN in Culemborg).")
    assert {("Stichting Welzijn Oost", "mergesInto", "Kompas Zorg"),
            ("Stichting Zorg Noord", "mergesInto", "Kompas Zorg")} <= found
