"""A synthetic corpus of Dutch social-domain reports, with the relations that are true in it.

Every report is written from templates with invented organisation names, real municipalities
(kg/data/gazetteer), persons, services, pilots and noise (filler sentences, dates that are not
facts, denied statements, varied spellings). Next to the reports, the gold files in the
shared eval format, so quality can be scored at scale::

    python bench/corpus.py OUT --n 1000 [--seed 1]
    kg build OUT/reports --store OUT/.kg
    kg export relations -f tsv -o OUT/relations.tsv --store OUT/.kg
    python ../shared/eval/kgeval.py --gold-entities OUT/gold-entities.tsv \\
        --gold-relations OUT/gold-relations.tsv --relations OUT/relations.tsv

``gold-relations.tsv``: subject, relation, object, date, status (and id = report file stem);
``gold-entities.tsv``: label, type, aliases, identifiers, status (and id).
All sentences are our own; no text is taken from elsewhere.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "kg" / "data" / "gazetteer" / "municipalities-nl.tsv"

_PREFIXES = ["Stichting", "Stichting", "Vereniging", "", "", "Coöperatie"]
_STEMS = [
    "Welzijn", "Zorg", "Buurt", "Wijk", "Samen", "Thuis", "Jeugd", "Kracht", "Licht", "Brug",
    "Haven", "Anker", "Horizon", "Kompas", "Linde", "Eik", "Beuk", "Veen", "Duin", "Polder",
    "Akker", "Bron", "Dijk", "Hof", "Kade", "Meander", "Oever", "Zonne", "Wilg", "Toren",
]
_TAILS = [
    "werk", "punt", "kracht", "plein", "groep", "net", "huis", "hart", "stroom", "veld",
    "zorg", "wijzer", "lijn", "kring", "poort", "baken", "steun", "kompas", "spoor", "plaats",
]
_AREAS = ["Noord", "Zuid", "Oost", "West", "Midden", "", "", "", "", ""]
_FIRST = ["Anna", "Bart", "Carla", "Dirk", "Els", "Frank", "Greetje", "Hans", "Ineke", "Joost",
          "Karin", "Lex", "Marieke", "Niels", "Olga", "Pieter", "Ria", "Sander", "Tineke", "Wouter"]
_LAST = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
         "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker"]
_ROLES = ["directeur", "directeur-bestuurder", "bestuurder", "voorzitter"]
_SERVICES = ["maatschappelijk werk", "schuldhulpverlening", "jongerenwerk", "mantelzorgondersteuning",
             "buurtbemiddeling", "ouderenadvies", "opvoedondersteuning", "dagbesteding",
             "thuisadministratie", "gezinscoaching", "taalcoaching", "welzijn op recept"]
_PILOT_KINDS = ["wijkteam", "buurtteam", "pilot Samen Sterk", "pilot Thuis in de Wijk", "pilot Vroeg Erbij"]
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]

_FILLER = [
    "De bijeenkomst begon om half tien met koffie en een korte kennismakingsronde.",
    "Er werd uitgebreid gesproken over de wachtlijsten en de druk op de medewerkers.",
    "Volgens de aanwezigen is de samenwerking in de regio de afgelopen jaren verbeterd.",
    "De gemeenteraad bespreekt het nieuwe beleidsplan naar verwachting in het najaar.",
    "Een aantal vrijwilligers vertelde over hun ervaringen in de wijk.",
    "Het budget voor het komende jaar is nog niet definitief vastgesteld.",
    "De deelnemers waren het erover eens dat vroegsignalering belangrijk blijft.",
    "Na de lunch volgde een rondleiding door het gebouw.",
    "Cliënten geven het werk gemiddeld een ruime voldoende.",
    "Het verslag is opgesteld door het secretariaat en door de aanwezigen goedgekeurd.",
    "In de discussie kwamen ook de gevolgen van de decentralisaties aan bod.",
    "De volgende bijeenkomst staat gepland voor na de zomervakantie.",
]


@dataclass
class Report:
    name: str
    text: str
    relations: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    entities: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # label -> (type, aliases, ids)


def municipalities() -> list[tuple[str, str]]:
    out = []
    with open(GAZETTEER, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("status", "current") == "current" and not row["name"].startswith("'"):
                out.append((row["code"], row["name"]))
    return out


class Generator:
    def __init__(self, seed: int = 1, n_orgs: int | None = None):
        self.rnd = random.Random(seed)
        self.places = municipalities()
        self.orgs = self._org_names(n_orgs or 4000)

    def _org_names(self, n: int) -> list[str]:
        rnd = self.rnd
        cores = [a + b for a in _STEMS for b in _TAILS]
        areas = sorted(set(_AREAS))
        prefixes = sorted(set(_PREFIXES))
        every = [" ".join(p for p in (pre, core, area) if p) for core in cores for area in areas for pre in prefixes]
        return sorted(rnd.sample(every, min(n, len(every))))

    def _date(self) -> tuple[str, str]:
        y, m, d = self.rnd.randint(2008, 2023), self.rnd.randint(1, 12), 1
        return f"{d} {_MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}-{d:02d}"

    def report(self, i: int) -> Report:
        rnd = self.rnd
        code, place = rnd.choice(self.places)
        orgs = rnd.sample(self.orgs, 6)
        a, b, c, d, e, f = orgs
        written, _ = self._date()
        rep = Report(name=f"verslag-{i:05d}.txt", text="")
        ent = rep.entities
        rel = rep.relations

        def org(label: str) -> None:
            kind = "Cooperative" if label.startswith("Coöperatie") else "Organisation"
            ent.setdefault(label, (kind, "", ""))

        lines = [f"Verslag overleg sociaal domein {place}", "", written, ""]
        body: list[str] = []
        org(a)
        ent[place] = ("Municipality", f"gemeente {place}", f"cbs:{code}")
        body.append(f"{a} is gevestigd in {place} en werkt al jaren in de wijken van de gemeente.")
        rel.append((a, "locatedIn", place, "", "required"))

        if rnd.random() < 0.6:
            org(b)
            body.append(f"{a} werkt samen met {b} aan een sluitende aanpak voor kwetsbare inwoners.")
            rel.append((a, "partnerOf", b, "", "required"))
        if rnd.random() < 0.5:
            org(c)
            org(d)
            body.append(f"{c} is in {rnd.randint(1995, 2012)} opgericht door {a} en {d}.")
            rel.append((c, "foundedBy", a, "", "required"))
            rel.append((c, "foundedBy", d, "", "required"))
        if rnd.random() < 0.4:
            org(e)
            org(f)
            when, iso = self._date()
            body.append(f"Per {when} gaat {e} op in {f}.")
            rel.append((e, "mergesInto", f, iso, "required"))
        if rnd.random() < 0.6:
            person = f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}"
            role = rnd.choice(_ROLES)
            ent.setdefault(person, ("Person", "", ""))
            body.append(f"{role.capitalize()} {person} van {a} lichtte de plannen toe.")
            rel.append((person, "headOf", a, "", "required"))
        if rnd.random() < 0.7:
            services = rnd.sample(_SERVICES, rnd.randint(1, 2))
            for s in services:
                ent.setdefault(s, ("Service", "", ""))
                rel.append((a, "offersService", s, "", "required"))
            body.append(f"{a} biedt {' en '.join(services)} aan inwoners van {place}.")
        if rnd.random() < 0.3:
            pilot = f"{rnd.choice(_PILOT_KINDS)} {place}"
            ent.setdefault(pilot, ("Pilot", "", ""))
            body.append(f"{a} is trekker van de {pilot}.")
            rel.append((a, "leadsPilot", pilot, "", "required"))
        if rnd.random() < 0.25:
            other = rnd.choice(self.orgs)
            body.append(f"Een samenwerking met {other} is uitdrukkelijk niet aan de orde.")
        for _ in range(rnd.randint(3, 9)):  # noise
            body.insert(rnd.randint(0, len(body)), rnd.choice(_FILLER))
        lines.extend(body)
        lines.append("")
        rep.text = "\n".join(lines) + "\n"
        return rep


def write_corpus(out: Path | str, n: int, *, seed: int = 1) -> list[Report]:
    """Write ``n`` reports under OUT/reports and the gold TSVs in OUT; returns the reports."""
    out = Path(out)
    folder = out / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed, n_orgs=max(200, n * 2))
    reports = []
    with open(out / "gold-relations.tsv", "w", encoding="utf-8", newline="") as rel_fh, \
            open(out / "gold-entities.tsv", "w", encoding="utf-8", newline="") as ent_fh:
        rel_w = csv.writer(rel_fh, delimiter="\t", lineterminator="\n")
        ent_w = csv.writer(ent_fh, delimiter="\t", lineterminator="\n")
        rel_w.writerow(["subject", "relation", "object", "date", "status", "id"])
        ent_w.writerow(["label", "type", "aliases", "identifiers", "status", "id"])
        for i in range(n):
            rep = gen.report(i)
            (folder / rep.name).write_text(rep.text, encoding="utf-8")
            stem = rep.name.rsplit(".", 1)[0]
            for s, r, o, d, status in rep.relations:
                rel_w.writerow([s, r, o, d, status, stem])
            for label, (kind, aliases, ids) in rep.entities.items():
                ent_w.writerow([label, kind, aliases, ids, "required", stem])
            reports.append(rep)
    return reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    reports = write_corpus(args.out, args.n, seed=args.seed)
    size = sum(len(r.text.encode("utf-8")) for r in reports)
    print(f"wrote {len(reports)} reports ({size / 1e6:.1f} MB) and gold files to {args.out}")


if __name__ == "__main__":
    main()
