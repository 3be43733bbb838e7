import pytest

from extract_helpers import run

from kg.extract.dates import find_dates, parse_date


@pytest.mark.parametrize("text,iso", [
    ("per 1 januari 2016", "2016-01-01"),
    ("met ingang van 15 maart 2014", "2014-03-15"),
    ("vanaf 1-1-2013", "2013-01-01"),
    ("sinds 01-07-13", "2013-07-01"),
    ("op 3 okt. 2019", "2019-10-03"),
    ("in 2015", "2015-01-01"),
    ("sinds september 2012", "2012-09-01"),
    ("vanaf 1/2/2020", "2020-02-01"),
])
def test_dutch_dates(text, iso):
    assert parse_date(text) == iso


def test_date_without_year_is_no_date():
    assert parse_date("Op vrijdag 14 juni wordt getekend.") is None


def test_cue_is_kept():
    (d,) = find_dates("De fusie gaat per 1 januari 2016 in.")
    assert d.cue == "per"


def test_a_listed_service_takes_the_date_of_the_line_that_opens_the_list():
    from kg.extract import extract
    from kg.model import Document

    text = ("Welzijn Vliethaven biedt in 2018 onder meer:\n"
            "• maatschappelijk werk\n"
            "• ouderenwerk\n")
    ex = extract(Document(name="t.txt", text=text, kind="txt", sha256="0"), model=None)
    dated = {(c.object.name, c.date) for c in ex.candidates if c.relation == "offersService"}
    assert ("Maatschappelijk werk", "2018-01-01") in dated


def test_a_role_is_dated_by_the_start_its_sentence_states():
    def dated(text):
        return {(c.subject.name, c.object.name, c.date) for c in run(text).candidates if c.relation == "headOf"}

    assert dated("Sinds maart 2021 is Anna de Vries voorzitter van Welzijn Vliethaven.") == {
        ("Anna de Vries", "Welzijn Vliethaven", "2021-03-01")}
    assert dated("Anna de Vries wordt per 1 maart 2024 directeur van Welzijn Vliethaven.") == {
        ("Anna de Vries", "Welzijn Vliethaven", "2024-03-01")}
    # a date without a cue of a start tells when something else happened
    assert dated("In 2019 sprak directeur Anna de Vries van Welzijn Vliethaven met de wethouder.") == {
        ("Anna de Vries", "Welzijn Vliethaven", None)}
    # the date of the first role is not the second's
    found = dated("Mijn naam is Anna de Vries. Ik ben sinds maart 2021 voorzitter van Welzijn Vliethaven "
                  "en sinds kort ook voorzitter van Stichting Zonnehoek.")
    assert ("Anna de Vries", "Welzijn Vliethaven", "2021-03-01") in found
    assert ("Anna de Vries", "Stichting Zonnehoek", None) in found
