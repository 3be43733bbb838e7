from extract_helpers import candidates


def test_intended_merger_keeps_its_date():
    (c, *_) = candidates("Avondrood en Humanis hebben het voornemen om per 1 juli 2017 te "
                         "fuseren.", "mergesInto") or [None]
    assert c is not None and c.modality == "intended" and c.date == "2017-07-01"


def test_denied_merger_is_negated():
    cs = candidates("Avondrood en Humanis gaan toch niet fuseren.", "mergesInto")
    assert cs and {c.modality for c in cs} == {"negated"}


def test_stated_service_is_asserted_and_denied_service_negated():
    (a,) = candidates("Avondrood biedt schuldhulpverlening.", "offersService")
    (n,) = candidates("Avondrood biedt geen schuldhulpverlening meer.", "offersService")
    assert (a.modality, n.modality) == ("asserted", "negated")


def test_membership_and_cooperation_denied_in_their_own_clause():
    from extract_helpers import run
    got = {(c.relation, c.modality) for c in run(
        "Stichting Welzijn Dalfsen is geen lid van Platform Vechtdal, maar werkt wel samen met "
        "Buurtkracht Ommen.").candidates if c.relation in ("memberOf", "partnerOf")}
    assert ("memberOf", "negated") in got and ("memberOf", "asserted") not in got
    assert ("partnerOf", "asserted") in got
    got = {(c.relation, c.modality) for c in run(
        "Stichting Welzijn Dalfsen is geen onderdeel van Zorggroep Vechtdal.").candidates
        if c.relation == "partOf"}
    assert got == {("partOf", "negated")}


def test_not_part_of_but_works_with_and_active_in_whole_province():
    from extract_helpers import run
    cands = run("Coöperatie Zeestroom is actief in de hele provincie Zeeland. Zeestroom is geen onderdeel "
                "van het Zeeuws Zorgnetwerk, maar werkt daar wel mee samen.").candidates
    got = {(c.subject.name, c.relation, c.object.name, c.modality) for c in cands}
    assert ("Zeestroom", "partOf", "Zeeuws Zorgnetwerk", "negated") in got
    assert ("Zeestroom", "partnerOf", "Zeeuws Zorgnetwerk", "asserted") in got
    assert any(r == "locatedIn" and o == "Zeeland" for _, r, o, _ in got)
