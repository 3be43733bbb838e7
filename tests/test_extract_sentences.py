from kg.extract.sentences import clean, clean_sentences, split

from extract_helpers import run


def _texts(text):
    return [clean(text, a, b)[0] for a, b, _, _ in split(text)]


def test_pdf_line_breaks_join_into_one_sentence():
    text = "Stichting Avondrood werkt al jaren samen met \nde gemeente Ede. Dat gaat goed.\n"
    assert _texts(text) == ["Stichting Avondrood werkt al jaren samen met de gemeente Ede.",
                            "Dat gaat goed."]


def test_hyphenation_over_a_line_is_joined():
    text = "De ont-\nwikkeling van het jongerenwerk gaat door."
    assert _texts(text) == ["De ontwikkeling van het jongerenwerk gaat door."]


def test_heading_without_period_stands_alone():
    text = "Presentatie jongerenwerk \nDe jongerenwerkers vertellen over hun werk.\n"
    out = split(text)
    assert [h for *_, h in out] == [True, False]


def test_bullets_start_sentences_and_lose_their_glyph():
    text = "Punten:\n\n• eerste punt zonder punt\n• tweede punt. \n- derde punt\n"
    assert _texts(text)[1:] == ["eerste punt zonder punt", "tweede punt.", "derde punt"]


def test_abbreviations_and_initials_do_not_split():
    text = "Dit gebeurt i.s.m. de GGD en o.l.v. dhr. J. de Wit. Daarna volgt meer."
    assert len(_texts(text)) == 2


def test_page_numbers_and_repeated_headers_are_dropped():
    header = "Jaarverslag Stichting Avondrood"
    text = (f"{header}\nDe stichting biedt \n\nPagina 2 van 9\n\nschuldhulpverlening aan.\n"
            f"{header}\nTekst.\n{header}\nMeer tekst.\n")
    sentences = clean_sentences(text)
    assert "De stichting biedt schuldhulpverlening aan." in sentences
    assert not any("Pagina" in s or header in s for s in sentences)


def test_offsets_point_into_the_document():
    text = "Eerste zin hier.  Tweede zin daar."
    ex = run(text)
    for s in ex.sentences:
        assert text[s.start:s.end] == s.text
