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


#: A paragraph of PDF text wrapped at 50 characters (narrow columns), invented.
_NARROW = ("De wijkteams van Stichting Avondrood zijn dit jaar\n"
           "uitgebreid met twee teams in de wijken Noord en\n"
           "Oost. Daarvoor is een nieuwe overeenkomst met de\n"
           "gemeente Tiel gesloten, die loopt tot en met 2024.\n"
           "De teams werken samen met Humanis Vlist en met\n"
           "Stichting Welzijn Rivierenland in de regio, en met\n"
           "de huisartsen die in de wijken werkzaam zijn.\n")


def test_a_wrapped_line_ending_in_an_article_or_preposition_is_no_heading():
    text = "Op vrijdag 14 juni wordt in buurtcentrum De Klaproos in\nZwolle het document ondertekend.\n"
    assert _texts(text) == ["Op vrijdag 14 juni wordt in buurtcentrum De Klaproos in Zwolle het document ondertekend."]
    # a verb particle may end a heading ("Waar staan we voor")
    assert [h for *_, h in split("Waar staan we voor\nStichting Avondrood helpt mensen.\n")] == [True, False]


def test_a_full_line_of_hard_wrapped_text_before_a_capital_is_no_heading():
    text = "Samenwerking\n\n" + _NARROW
    assert _texts(text) == [
        "Samenwerking",
        "De wijkteams van Stichting Avondrood zijn dit jaar uitgebreid met twee teams in de wijken Noord en Oost.",
        "Daarvoor is een nieuwe overeenkomst met de gemeente Tiel gesloten, die loopt tot en met 2024.",
        "De teams werken samen met Humanis Vlist en met Stichting Welzijn Rivierenland in de regio, "
        "en met de huisartsen die in de wijken werkzaam zijn.",
    ]
    # a paragraph's first line broken right before the rest of a name: still one sentence
    more = _NARROW + "\nOok werken de teams al jaren samen met Stichting\nWelzijn Rivierenland in de regio.\n"
    assert _texts(more)[-1] == "Ook werken de teams al jaren samen met Stichting Welzijn Rivierenland in de regio."


def test_a_short_heading_inside_hard_wrapped_text_stays_a_heading():
    text = _NARROW + "\nNieuwe teams\n" + _NARROW
    out = split(text)
    assert [clean(text, a, b)[0] for a, b, _, h in out if h] == ["Nieuwe teams"]


def test_pdf_text_that_lost_its_blank_lines_parts_paragraphs_at_lines_that_stop_short():
    """Text out of a PDF often has no blank line between paragraphs: in hard-wrapped text a line
    that stops short of the width, not in mid-phrase, ends its block, so a heading after a
    bulleted item stands alone and is not read as the item's last words ("Jan Jansen,
    directeur Vooruitblik"), and each paragraph keeps a number of its own."""
    text = _NARROW + "• Jan Jansen, directeur\nVooruitblik\n" + _NARROW
    out = split(text)
    texts = [clean(text, a, b)[0] for a, b, _, _ in out]
    assert "Jan Jansen, directeur" in texts
    assert [clean(text, a, b)[0] for a, b, _, h in out if h] == ["Vooruitblik"]
    paras = [p for _, _, p, _ in out]
    assert paras[0] < paras[texts.index("Vooruitblik")] < paras[-1]


def test_the_bullet_glyphs_of_word_processors_and_web_pages_are_bullets():
    text = "De partners zijn:\n➢ Stichting Avondrood\n✓ Humanis Vlist\n■ Welzijn Vliethaven\n○ Buurtwerk Kadeveld\n"
    assert _texts(text) == ["De partners zijn:", "Stichting Avondrood", "Humanis Vlist", "Welzijn Vliethaven",
                            "Buurtwerk Kadeveld"]


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
