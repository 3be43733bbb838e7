from kg.extract import extract
from kg.model import Document, Extraction, Mention, Sentence, Candidate
from kg.resolve import Resolver, load_aliases
from kg.text import name_key


def _resolve(text, **kw):
    return Resolver(**kw).resolve(extract(Document(name="r.txt", text=text, kind="txt", sha256="0")))


def _ext(*mentions, candidates=()):
    doc = Document(name="r.txt", text="x" * 200, kind="txt", sha256="0")
    return Extraction(document=doc, mentions=list(mentions), candidates=list(candidates))


def _labels(report, type=None):
    return {e.label for e in report.entities.values() if type is None or e.type == type}


def test_two_organisations_sharing_a_word_are_not_merged():
    r = Resolver().resolve(_ext(Mention("Welzijn Ouderen", "Organisation", 0, 15),
                                Mention("Welzijn Assen", "Organisation", 20, 33)))
    assert len(r.entities) == 2


def test_misspelled_municipality_resolves_to_gazetteer_with_cbs_code():
    r = Resolver().resolve(_ext(Mention("Noorderveld", "Municipality", 0, 11)))
    (e,) = r.entities.values()
    assert (e.label, e.identifiers, e.iri.rsplit("/", 2)[-2:]) == (
        "Noordenveld", {"cbs": "GM1699"}, ["municipality", "gm1699"])
    assert "Noorderveld" in e.aliases


def test_spelling_variants_meet_and_label_prefers_capitals():
    r = Resolver().resolve(_ext(Mention("IKracht", "Organisation", 0, 7),
                                Mention("Ikracht", "Organisation", 10, 17),
                                Mention("Lariks Pittelo", "Neighbourhood", 20, 34),
                                Mention("Lariks-Pittelo", "Neighbourhood", 40, 54)))
    assert len(r.entities) == 2
    assert "IKracht" in _labels(r, "Organisation")


def test_regional_acronym_meets_its_acronym_within_a_report():
    r = _resolve("Avondrood, Humanis en WZV-NO tekenen. Later werkt WZV samen met Humanis.")
    wzv = [e for e in r.entities.values() if e.label.startswith("WZV")]
    assert len(wzv) == 1
    assert {wzv[0].label} | wzv[0].aliases >= {"WZV", "WZV-NO"}


def test_known_entities_give_the_same_iri_across_reports():
    first = _resolve("Stichting Avondrood biedt schuldhulpverlening aan in Emmen.")
    known = {iri: (e.type, e.label) for iri, e in first.entities.items()}
    second = _resolve("Avondrood biedt ook buurtbemiddeling.", known=known)
    assert {e.iri for e in first.entities.values() if e.label.endswith("Avondrood")} & set(
        second.entities)


def test_more_specific_organisation_type_wins():
    r = Resolver().resolve(_ext(Mention("ZorgNet", "Organisation", 0, 7),
                                Mention("ZorgNet", "Cooperative", 10, 17)))
    (e,) = r.entities.values()
    assert e.type == "Cooperative" and e.iri.endswith("organisation/zorgnet")


def test_relations_carry_evidence_with_offsets_into_the_text():
    text = "Inleiding.\nAvondrood biedt schuldhulpverlening aan."
    r = _resolve(text)
    (rel,) = r.relations
    assert rel.relation == "offersService" and rel.rule and 0 < rel.confidence <= 1
    assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.sentence
    assert rel.evidence.report == "r.txt"


def test_symmetric_partner_relation_is_stored_once():
    s = Sentence("x", 0, 1)
    a, b = Mention("Avondrood", "Organisation", 0, 9), Mention("Humanis", "Organisation", 10, 17)
    r = Resolver().resolve(_ext(a, b, candidates=[Candidate(a, "partnerOf", b, s, "t"),
                                                  Candidate(b, "partnerOf", a, s, "t")]))
    assert len(r.relations) == 1


def test_alias_file(tmp_path):
    p = tmp_path / "aliases.tsv"
    p.write_text("alias\tlabel\ttype\n# comment\nAvondr.\tAvondrood\tOrganisation\n", encoding="utf-8")
    aliases = load_aliases(p)
    assert aliases == {name_key("Avondr."): "Avondrood"}
    r = Resolver(aliases=aliases).resolve(_ext(Mention("Avondr.", "Organisation", 0, 7),
                                                Mention("Avondrood", "Organisation", 9, 18)))
    assert _labels(r) == {"Avondrood"}


def test_province_and_municipality_of_the_same_name_stay_apart():
    r = Resolver().resolve(_ext(Mention("Groningen", "Province", 0, 9),
                                Mention("Groningen", "Municipality", 10, 19)))
    assert {e.identifiers["cbs"] for e in r.entities.values()} == {"PV20", "GM0014"}


def test_gazetteer_fuzzy_is_safe():
    from kg.gazetteer import default_gazetteer

    g = default_gazetteer()
    assert g.fuzzy("Valkenwaard").code == "GM0858"
    assert g.fuzzy("Emen") is None  # short names need an exact match
    assert g.lookup_one("gemeente Assen").code == "GM0106"


def test_bare_word_joins_the_name_with_its_place():
    from extract_helpers import run
    from kg.resolve import resolve
    text = ("Het Buurtpunt Zwolle werd in 2019 opgezet door Stichting Welzijn Assendorp en Sportbedrijf Zwolle. "
            "Het Buurtpunt heeft twee medewerkers.")
    rep = resolve(run(text))
    labels = {e.label for e in rep.entities.values() if e.type == "Organisation"}
    assert "Buurtpunt Zwolle" in labels and "Buurtpunt" not in labels
    founded = {(rep.entities[r.subject].label, rep.entities[r.object].label)
               for r in rep.relations if r.relation == "foundedBy"}
    assert ("Buurtpunt Zwolle", "Stichting Welzijn Assendorp") in founded


def test_lone_word_joins_the_one_longer_name_it_distinguishes():
    r = Resolver().resolve(_ext(Mention("Welzijnsgroep Reestdal", "Organisation", 0, 22),
                                Mention("Reestdal", "Organisation", 30, 38),
                                Mention("Welzijn Ouderen Vechtzoom", "Organisation", 40, 65),
                                Mention("Buurtwerk Vechtzoom", "Organisation", 70, 89),
                                Mention("Vechtzoom", "Organisation", 90, 99)))
    labels = _labels(r)
    assert "Welzijnsgroep Reestdal" in labels and "Reestdal" not in labels
    # two organisations share the word: nothing is merged
    assert {"Welzijn Ouderen Vechtzoom", "Buurtwerk Vechtzoom", "Vechtzoom"} <= labels


def test_a_person_named_by_first_or_last_name_alone_is_the_one_full_name_that_fits():
    r = Resolver().resolve(_ext(Mention("Anna de Vries", "Person", 0, 13),
                                Mention("Vries", "Person", 20, 25),
                                Mention("Anna", "Person", 30, 34)))
    assert _labels(r, "Person") == {"Anna de Vries"}
    (e,) = r.entities.values()
    assert {"Vries", "Anna"} <= e.aliases


def test_a_first_name_shared_by_two_people_stays_apart():
    r = Resolver().resolve(_ext(Mention("Anna de Vries", "Person", 0, 13),
                                Mention("Anna Jansen", "Person", 20, 31),
                                Mention("Anna", "Person", 40, 44)))
    assert _labels(r, "Person") == {"Anna de Vries", "Anna Jansen", "Anna"}
