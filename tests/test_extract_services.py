from extract_helpers import run


def _services(text):
    return {c.object.name for c in run(text).candidates if c.relation == "offersService"}


def test_lexicon_services_after_a_service_verb():
    got = _services("Stichting Avondrood biedt schuldhulpverlening, maatschappelijk werk en "
                    "mantelzorgondersteuning aan.")
    assert got == {"Schuldhulpverlening", "Maatschappelijk werk", "Mantelzorgondersteuning"}


def test_written_together_or_apart_and_compounds():
    got = _services("Humanis verzorgt chatspreekuren en thuisbegeleiding.")
    assert got == {"Chatspreekuren", "Thuisbegeleiding"}


def test_workers_are_no_service():
    assert _services("Humanis biedt maatschappelijk werkers een cursus.") == set()
