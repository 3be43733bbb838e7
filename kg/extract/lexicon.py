"""General Dutch word lists the rules read with: no fact of any report lives here.

* social-domain services (a broad list of kinds of help, plus productive compound endings),
* role titles of persons and which of them head an organisation,
* common Dutch first names and surname particles (tussenvoegsels),
* words that start or end organisation names (Stichting, -groep, Welzijn ...),
* capitalised words that are not names (months, days, function words, generic nouns),
* abbreviations that do not end a sentence.
"""

from __future__ import annotations

import re

#: Kinds of help given in the Dutch social domain (lower case; spaces may also be written
#: together or with a hyphen in a text: "chat spreekuren" / "chatspreekuren").
SERVICES: tuple[str, ...] = (
    "algemeen maatschappelijk werk", "schoolmaatschappelijk werk", "maatschappelijk werk",
    "bedrijfsmaatschappelijk werk", "sociaal werk", "welzijnswerk", "jongerenwerk",
    "ambulant jongerenwerk", "kinderwerk", "tienerwerk", "jeugdwerk", "opbouwwerk",
    "buurtwerk", "ouderenwerk", "ouderenadvies", "ouderenadviseur", "straathoekwerk",
    "sociaal raadsliedenwerk", "sociaal raadslieden", "sociaal raadsman", "schuldhulpverlening",
    "schuldhulp", "schuldhulpmaatje", "schuldhulpmaatjes", "schuldpreventie", "budgetbeheer",
    "budgetcoaching", "budgetbegeleiding", "thuisadministratie", "formulierenhulp",
    "formulierenbrigade", "gezinscoaching", "opvoedondersteuning", "opvoedingsondersteuning",
    "opvoedadvies", "peuterspeelzaalwerk", "peuterwerk", "kinderopvang", "buitenschoolse opvang",
    "voorschoolse educatie", "vroegschoolse educatie", "voor- en vroegschoolse educatie",
    "mantelzorgondersteuning", "mantelzorgondersteuning", "respijtzorg", "vrijwilligerswerk",
    "vrijwilligersondersteuning", "vrijwilligerscoördinatie", "buurtbemiddeling",
    "wijkbemiddeling", "mediation", "dagbesteding", "maatschappelijke opvang", "vrouwenopvang",
    "daklozenopvang", "nachtopvang", "beschermd wonen", "begeleid wonen", "ambulante begeleiding",
    "individuele begeleiding", "thuisbegeleiding", "woonbegeleiding", "huiswerkbegeleiding",
    "wijkverpleging", "thuiszorg", "huishoudelijke hulp", "huishoudelijke ondersteuning",
    "casemanagement", "cliëntondersteuning", "clientondersteuning", "informele zorg",
    "onafhankelijke cliëntondersteuning", "onafhankelijke clientondersteuning",
    "sociale activering", "re-integratie", "jeugdhulp", "jeugdzorg", "jeugdgezondheidszorg",
    "verslavingszorg", "verslavingspreventie", "mentorschap", "maatjesproject", "maatjeszorg",
    "chat spreekuren", "chat spreekuur", "chatspreekuur", "chathulp", "chat hulp",
    "online hulpverlening", "online hulp", "e-hulp", "e-health", "blended hulpverlening",
    "blended hulp", "telefonische hulpdienst", "maaltijdvoorziening", "boodschappendienst",
    "vervoersdienst", "klussendienst", "seniorenvoorlichting", "ouderenvoorlichting",
    "preventief huisbezoek", "huisbezoeken", "taalcoaching", "taalondersteuning",
    "inburgeringsbegeleiding", "vluchtelingenwerk", "statushoudersbegeleiding",
    "sociaal juridische dienstverlening", "rechtswinkel", "wijkteamwerk", "buurtsportcoach",
    "speeltuinwerk", "clubhuiswerk", "jongereninformatiepunt", "spreekuur", "inloopspreekuur",
    "welzijn op recept", "eenzaamheidsbestrijding", "activering", "participatiebegeleiding",
    "jobcoaching", "arbeidstoeleiding", "gezinsbegeleiding", "gezinsondersteuning",
    "pleegzorg", "crisisopvang", "slachtofferhulp", "huiselijk geweld aanpak",
    # role nouns that stand for the service they give ("levert de gezinscoaches")
    "buurtsportcoaches", "buurtsportcoaching", "gezinscoach", "gezinscoaches", "wijkcoach",
    "wijkcoaches", "straatcoach", "straatcoaches", "jongerencoach", "jongerencoaches",
    "buurtcoach", "buurtcoaches", "schuldhulpmaatjes", "formulierenhulpen",
    # further kinds of help and activities
    "seniorensport", "seniorensporten", "beweegactiviteiten", "taalcafé", "taalcafe",
    "taalcursus", "taalcursussen", "oudercursus", "oudercursussen", "opvoedcursus",
    "opvoedcursussen", "peuteropvang", "thuishulp", "vrijwillige thuishulp",
    "schulddienstverlening", "mantelzorgsteunpunt", "mantelzorgpunt", "digitale inloop",
    "inloopspreekuren", "maatjesprojecten", "oproepdienst", "nachtelijke oproepdienst",
    "maatschappelijke begeleiding", "ambulante jeugd-ggz", "jeugd-ggz", "buurtbemiddelaars",
    "sociaal makelaar", "sociaal makelaars", "buurtwerkers", "ouderenadviseurs",
    "vrijwillige vervoersdienst", "boodschappenhulp", "klussenhulp", "maaltijdservice",
    "burenhulp", "mantelzorgmakelaar", "administratieve hulp", "thuisadministratiehulp",
    # places and people through which help is given ("runt de buurtkamers", "de vrijwilligerscentrale")
    "vrijwilligerscentrale", "jongerenloket", "buurtkamer", "buurtkamers", "mantelzorgconsulent",
    "mantelzorgconsulenten", "taalmaatje", "taalmaatjes", "buurtmaatje", "buurtmaatjes", "taalles",
    "taallessen",
    # common kinds of help in mantelzorg, welzijn and schuldhulp texts
    "lotgenotencontact", "informatie en advies", "inloopspreekuur", "formulierenspreekuur",
    # activities for a group of people ("organiseert activiteiten voor ouderen")
    "activiteiten voor ouderen", "activiteiten voor senioren", "activiteiten voor jongeren",
    "activiteiten voor kinderen", "activiteiten voor mantelzorgers", "ontmoetingsactiviteiten",
    # services for older people and carers that welfare organisations commonly run
    "rijbewijskeuring", "rijbewijskeuringen", "personenalarmering", "tafeltje-dekje", "tafeltje dekje",
    "contactpunt mantelzorg", "steunpunt mantelzorg", "mantelzorgcafé", "alzheimercafé",
    "sociaal makelaarschap", "ouderenbezoek", "huisbezoek",
)

#: Productive endings of service compounds ("thuisondersteuning", "opvoedcoaching").
SERVICE_SUFFIXES: tuple[str, ...] = (
    "hulpverlening", "coaching", "ondersteuning", "begeleiding", "bemiddeling", "voorlichting",
)

#: Nouns ending in a service suffix that are no service (compound heads, generic words).
NOT_SERVICES = frozenset({"ondersteuning", "begeleiding", "hulpverlening", "coaching",
                          "bemiddeling", "voorlichting", "samenwerkingsondersteuning"})

#: Role titles of persons; the value says whether the role heads an organisation.
ROLES: dict[str, bool] = {
    "directeur-bestuurder": True, "directeur bestuurder": True, "directeur/bestuurder": True,
    "algemeen directeur": True, "interim-directeur": True, "interim directeur": True,
    "directeur": True, "bestuurder": True, "voorzitter": True, "bestuursvoorzitter": True,
    "voorzitter van de raad van bestuur": True, "voorzitter raad van bestuur": True,
    "voorzitter van het bestuur": True, "algemeen bestuurder": True, "statutair directeur": True,
    "directrice": True, "oprichter": False, "manager": False, "teamleider": False,
    "coördinator": False, "coordinator": False, "projectleider": False, "wethouder": False,
    "burgemeester": False, "beleidsmedewerker": False, "medewerker": False, "adviseur": False,
    "kwartiermaker": False, "programmamanager": False, "woordvoerder": False,
    "wijkcoördinator": False, "opbouwwerker": False, "jongerenwerker": False,
    "maatschappelijk werker": False, "sociaal werker": False, "secretaris": False,
    "penningmeester": False, "bestuurslid": False, "lid": False, "raadslid": False,
    "ambtenaar": False, "consulent": False,
}

#: Common Dutch first names (and short forms): a general lexicon for spotting persons.
FIRST_NAMES = frozenset("""
Aad Aafke Aart Abe Ad Adri Adriaan Agnes Albert Alex Alexander Alice Aly Ank Anke Anna Anne
Anneke Annemarie Annemieke Annet Annette Anouk Ans Anton Arend Arie Arjan Arjen Arnold Aart
Astrid Bart Bas Bastiaan Bea Beatrix Ben Bep Bernard Bert Betty Bianca Bob Boudewijn Bram
Brenda Carla Carolien Caroline Cees Charlotte Chris Christiaan Cindy Claudia Coby Cor Corine
Corné Cornelis Daan Daniëlle Danielle David Dennis Dick Diederik Dirk Dolf Dorien Edwin Egbert
Els Elly Elise Elske Emma Erik Erwin Esther Eva Evelien Ewout Femke Floor Floris Frank Frans
Fred Frits Gea Geert Gerard Gerben Gerda Gerrit Gert Gertjan Ger Gijs Gerrie Greetje Guus
Hanneke Hannie Hans Harm Harrie Harry Hein Hendrik Henk Henny Herman Hester Hilde Huib Hugo
Ilse Ina Inge Ineke Ingrid Irene Iris Jaap Jacob Jacqueline Jan Janneke Jannie Jans Jasper
Jeanette Jelle Jeroen Jesse Joke Joop Joost Jop Joris Jos José Josephine Johan Johannes John
Jolanda Judith Juul Karel Karin Kees Klaas Koen Kees Laura Leo Lex Lia Lianne Liesbeth Linda
Lisa Lotte Louis Lucas Luuk Maaike Maarten Marc Marcel Margriet Marianne Marieke Marijke
Marina Marion Mark Marleen Martijn Martin Martine Maurice Menno Michel Michiel Mieke Miriam
Monique Nicole Niels Nienke Nina Noor Olga Pascal Paul Peter Piet Pieter Pim Quinten Ria Rik
Rita Rob Robert Robin Roel Roelof Ron Ronald Rosa Ruud Sander Sandra Sanne Saskia Sebastiaan
Simon Sjaak Sjoerd Sonja Sophie Stefan Stephan Susan Suzanne Sven Teun Theo Thijs Thomas Tim
Tineke Tom Ton Tonny Trudy Twan Vera Victor Vincent Walter Wendy Wil Wilco Willem Willemijn
Wim Wouter Yvonne Zoë
Anja Annelies Anita Ellen Ester Heleen Ilona Jeannette Karen Kim Lieke Lonneke Manon Maartje
Mariëlle Mariette Marjolein Mariska Marjan Margreet Henriëtte Hennie Wilma Petra Joyce Marloes
Adje Adrie Albertus Alie Anco Ard Aukje Bauke Baukje Beert Berry Bertus Bets Betsie Cobi Corrie
Corry Dina Diny Dora Eddy Elize Ellie Emmy Erna Fenna Fenny Fokje Fons Frieda Geesje Gerlof Gerry
Gonnie Grietje Hanny Hillie Ida Janny Jantje Jean Jeanne Jenny Jikke Jopie Jurjen Kitty Klazien
Klazina Lenie Leny Lidy Lies Lineke Lisette Lucie Lucy Marry Meindert Mien Miep Mies Nelly Nettie
Noortje Nynke Pien Pierre Riek Rien Rika Rina Rinske Roelie Sientje Sjaan Stien Suus Taco Tijmen
Tonnie Toos Wibo Wies Willy Wybren Ype
Marlies Nathalie Paula Renate Rianne Rineke Rozemarijn Sabine Sharon Simone Tamara Thea Willeke
Yvette Eric Ferry Harold Henri Jacco Jacques Kevin Leon Marco Mario Marius Mathijs Matthijs Nico
Niek Otto Patrick Ralph Rein Remco René Richard Rick Rinus Rutger Stijn Tjeerd Wiebe Wout Jelmer
Hidde Sietse Siebe Durk Douwe Auke Tjitske Sytske Froukje Geertje Hiske Jildou Wietske Ruben Joep
Jurgen Jurriaan Koos Eelco Evert Freek Herbert Ivo Job Jochem Lars Mels Olaf Onno Pepijn Reinier
Rens Sjef Ties Tijs Wessel Wilbert Sjors Thom Toon Jeanine Nel Truus Riet Annie Gonny Hetty Jet
Marian Leontien Dieuwke Diana Jantine Hanna Hannah Johanna Maria Marie Marja Marjolijn Miranda
Natasja Roos Ruth Sara Sarah Yolanda Esmee Fleur Jasmijn Julia Mila Noa Puck Tess Eline Evi
Mirjam Annemiek Annemarieke Huub Jos Inge Gerjan Hanneke Harrie Henk Bert Joost Marcel Michael
Mohamed Mohammed Ahmed Ali Yusuf Emre Mehmet Karim Said Samira Nadia Yasmina Hatice Fatma Fatima
Esra Aisha Ayşe Bilal Hamid Hassan Hüseyin Khadija Latifa Malika Mustafa Naima Omar Rachid Zeynep
Ilse Saskia Bianca Debby Dewi Femke Frederique Gijsbert Gerdien Hendrikje Jorien Karlijn Kirsten
Loes Maud Meike Mireille Nanda Nelleke Patricia Pauline Rebecca Reinout Sanne Stefanie Suzan Tanja
Trees Ursula Veronique Wilma Wim Wijnand Barbara Carolina Caroline Christine Cora Daphne Dorothé
Elisabeth Erica Gabriëlle Gonda Greet Heidi Hélène Irma Jacobien Jolien Judith Klaske Lianne
Machteld Margot Marijke Marleen Martha Mathilde Nicolette Riet Ria Rosanne Sietske Trijntje
Anneke Arno Benno Berend Bob Cor Dries Egbert Ernst Evert Ewald Frits Gerhard Gerolf Gert Hanno
Hans Henny Jaco Jurre Klaas Lambert Leen Luc Luuk Marten Maurits Nick Noud Okke Pieter Rob Roland
Roy Sander Sebastiaan Tom Victor Walter Wilfred Wouter Yoram
""".split())

#: Surname particles that may stand between first name and surname.
TUSSENVOEGSELS = ("van der", "van den", "van de", "van 't", "in 't", "in de", "op de", "ter",
                  "ten", "van", "de", "der", "den", "te", "'t", "het", "la", "le", "du")

#: Words that open an organisation name and may be followed by lower-case connectors
#: ("Stichting Welzijn voor Ouderen", "Centrum voor Jeugd en Gezin").
NAME_HEADS = frozenset({
    "stichting", "stg", "vereniging", "coöperatie", "cooperatie", "centrum", "bureau", "raad",
    "huis", "federatie", "platform", "steunpunt", "vrijwilligerscentrale", "instituut",
    "academie", "fonds", "netwerk", "zorggroep", "welzijn", "humanitas", "leger",
})

#: Fields of the social domain that organisations are named after, two joined by "en" inside
#: a name ("Centrum Sport en Bewegen", "Stichting Zorg en Welzijn", "Afdeling Wonen en Inkomen").
FIELD_NOUNS = frozenset({
    "jeugd", "gezin", "zorg", "welzijn", "werk", "inkomen", "wonen", "veiligheid", "onderwijs",
    "sport", "cultuur", "participatie", "opvoeding", "gezondheid", "educatie", "samenleving",
    "ondersteuning", "begeleiding", "advies", "hulpverlening", "preventie", "dienstverlening",
    "ontmoeting", "bewegen", "leren", "emancipatie", "integratie", "armoede", "schulden",
})

#: Endings that make a single capitalised word look like an organisation name.
ORG_SUFFIXES: tuple[str, ...] = (
    "groep", "welzijn", "hogeschool", "universiteit", "school", "college", "zorg", "centrale",
    "centrum", "stichting", "instituut", "academie", "fonds", "bank", "wonen", "woningbouw",
    "thuiszorg", "dienst", "diensten", "partners", "huis",
)

#: Capitalised words that are not names: function words, months, days, generic nouns.
NOT_NAMES = frozenset("""
de het een en of in op bij van voor met door naar uit aan om over onder tot na als dan dat die
dit deze wat wie waar hoe waarom wanneer er hier daar nu ook maar want dus toch wel niet geen
ik je jij u hij zij ze wij we jullie men mijn ons onze hun haar zijn zo al nog zelfs reeds
daarom daarnaast bovendien verder tevens tenslotte ten slotte eerst vervolgens kortom immers
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag jl
gemeente gemeenten gemeentes provincie provincies regio rijk overheid overheden wijk wijken
buurt buurten stad dorp team teams wijkteam wijkteams buurtteam buurtteams pilot pilots
organisatie organisaties stichting stichtingen directie bestuur raad raden toezicht college presentatie
verslag inleiding conclusie conclusies samenvatting bijlage vraag vragen antwoord knelpunt
knelpunten discussie programma agenda aanleiding doel doelen resultaten resultaat bron
gepubliceerd nieuws lees meer home contact menu zoeken terug partners partner leden lid
collega cliënt cliënten client clienten klant klanten inwoners bewoners professionals
nederland europa duitsland belgië randstad noorden zuiden oosten westen
directeur bestuurder voorzitter wethouder burgemeester manager coördinator
sociaal sociale maatschappelijk maatschappelijke nieuw nieuwe integraal integrale
wmo awbz wlz pgb jeugdwet participatiewet zorgverzekeringswet
eerder later inmiddels sindsdien momenteel vorig vorige volgend volgende binnenkort ondertussen
tegelijkertijd daarna destijds recent onlangs gisteren vandaag morgen afgelopen tijdens sinds
penvoerder penvoerders trekker trekkers kartrekker aanjager opdrachtgever opdrachtnemer
initiatiefnemer initiatiefnemers oprichter oprichters deelnemers aanbieder aanbieders
vanaf per namens volgens dankzij zowel samen helaas gelukkig uiteraard natuurlijk alle elke
ieder iedere veel vele weinig meer minder beide andere ander zo'n enkele diverse verschillende
""".split())

#: Capitalised phrases that name an organ, a body of government or a law, not an organisation.
NOT_NAME_PHRASES = frozenset({
    "raad van toezicht", "raad van bestuur", "raad van commissarissen", "raad van advies",
    "raden van toezicht", "raden van bestuur",
    "ondernemingsraad", "clientenraad", "cliëntenraad", "adviesraad", "wmo raad", "wmo-raad",
    "participatieraad", "gemeenteraad", "provinciale staten", "gedeputeerde staten",
    "tweede kamer", "eerste kamer", "college van burgemeester en wethouders", "college van b&w",
    "college van b en w", "raad", "rijksoverheid", "sociaal domein", "sociale domein",
    "wet maatschappelijke ondersteuning", "participatiewet", "jeugdwet", "wet langdurige zorg",
    "zorgverzekeringswet", "wet schuldsanering natuurlijke personen",
    # policy concepts written with capitals ("de Sociale Basis Infrastructuur in X coördineren")
    "sociale basis", "sociale basisinfrastructuur", "sociale basis infrastructuur",
    "sociale infrastructuur", "sociale basisvoorzieningen", "raadsinformatiebrief", "jaarverslag", "jaarrekening",
    "voorwoord", "bijlage", "nieuwsbrief", "persbericht", "met vriendelijke groet",
    # national political parties: in council texts they ask and vote, they are no actors of the
    # social domain that found, merge, lead or offer help
    "pvda", "vvd", "cda", "d66", "groenlinks", "sp", "christenunie", "sgp", "pvv", "partij voor de dieren",
    "pvdd", "denk", "ja21", "fvd", "forum voor democratie", "bbb", "boerburgerbeweging", "volt",
    "50plus", "nsc", "nieuw sociaal contract", "groenlinks-pvda", "gl-pvda",
})

#: Acronyms that name laws, schemes or sectors, not organisations.
NOT_ORG_ACRONYMS = frozenset({
    "WMO", "AWBZ", "WLZ", "ZVW", "PGB", "ZZP", "CAO", "ICT", "HR", "MBO", "HBO", "WO", "VMBO",
    "HAVO", "VWO", "BSO", "KDV", "VVE", "MD", "MW", "AMW", "W&MD", "WMD", "SMW", "OGGZ", "JGZ",
    "ZIN", "WWB", "WW", "AOW", "BTW", "CV", "PR", "FAQ", "NB", "PS", "OK", "TV", "PDF", "WIJ",
    "EU", "NL", "VS", "CEO", "CFO", "RVB", "RVT", "MT", "OR", "KPI", "GGZ-instelling", "MFC",
    "RvT", "RvB", "CMT", "SROI", "WOZ", "BRP", "KVK", "ANBI", "HKZ", "ISO",
})

#: Generic nouns: a single capitalised word ending like this is no name ("Arbeidsregio").
GENERIC_ENDINGS: tuple[str, ...] = ("regio", "wet", "beleid", "plan", "nota", "overleg")

#: Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
i.s.m o.l.v bijv o.a o.m e.d m.b.t t.a.v dhr mevr drs ir mr dr prof nr jl ca resp enz etc st
t/m vs evt incl excl m.u.v n.a.v a.s z.s.m d.w.z i.p.v c.q cq m.i.v v.a i.o ing bc ma msc
stg stg. afd gem ver
""".split())

#: Nouns for teams and pilots (a Pilot entity in the ontology).
#: Kinds of organisation that are a group of others ("het netwerk", "het pact").
GROUP_KINDS = ("pact", "netwerk", "alliantie", "consortium", "samenwerkingsverband", "platform")

TEAM_NOUNS = ("sociaal wijkteam", "sociale wijkteam", "sociaal buurtteam", "wijkteam",
              "buurtteam", "sociaal team", "gebiedsteam", "dorpsteam", "jeugdteam", "pilot",
              "proeftuin", "wijknetwerk")

#: Nouns for the parts of a group organisation ("negen zelfstandige stichtingen").
UNIT_NOUNS = ("stichtingen", "organisaties", "werkmaatschappijen", "dochterorganisaties",
              "onderdelen", "afdelingen", "vestigingen", "locaties", "labels", "werkorganisaties")

#: Venue nouns: "buurtcentrum de Linde" names a place-like organisation.
VENUE_NOUNS = ("buurtcentrum", "wijkcentrum", "buurthuis", "dorpshuis", "wijkgebouw",
               "gemeenschapshuis", "multifunctioneel centrum", "jongerencentrum",
               "ontmoetingscentrum", "buurtkamer", "huiskamer")

NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                "negen": 9, "tien": 10, "beide": 2, "allebei": 2}


def service_regex() -> re.Pattern[str]:
    """One regex over the service lexicon, longest first, spaces also written together/hyphened."""
    parts = []
    for s in sorted(set(SERVICES), key=len, reverse=True):
        parts.append(r"[\s-]?".join(re.escape(w) for w in s.split()))
    suffix = "|".join(SERVICE_SUFFIXES)
    body = "|".join(parts) + rf"|\w{{3,}}(?:{suffix})"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _read_cue_words() -> dict[str, str]:
    """lemma -> cue class, from the package's ``data/cue-words.tsv`` (see that file)."""
    from kg.resources import read_text

    text = read_text("data", "cue-words.tsv")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, cls = line.split("\t")[:2]
        out[lemma.strip()] = cls.strip()
    return out


#: Cue words of the relations by class ("fuseren" -> merge, "directeur" -> head).
CUE_CLASSES: dict[str, str] = _read_cue_words()
