"""Extraction -> ResolvedReport: mentions become entities with stable IRIs.

* Names are compared by :func:`kg.text.normalise_name` with spaces folded away ("Lariks-Pittelo",
  "Lariks Pittelo" and "lariks pittelo" meet; so do "IKracht" and "Ikracht"), within a type
  family (the organisation types share one, see :data:`kg.model.ORGANISATION_TYPES`).
* Municipalities and provinces resolve through the gazetteer (exact, then fuzzy for misspellings:
  "Noorderveld" -> Noordenveld), get the gazetteer name as label, their CBS code as identifier
  and ``municipality/gm0106`` / ``province/pv22`` as IRI; the misspelled form becomes an alias.
* Organisations are never merged on a shared word ("Welzijn Ouderen" vs "Welzijn Assen"); a
  near-identical spelling (one letter in a long name) is merged; an acronym meets its regional
  form ("SMD" and "GGD-NO") when both are in the same report.
* A user alias file (``data/aliases.tsv``: alias, label[, type]) maps spellings onto a label.
* ``known`` (IRI -> (type, prefLabel)) are entities already in the store: a mention that matches
  one reuses its IRI, so reports meet in one graph.
* Label: the most frequent surface form; a tie goes to the one with more capitals.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from kg.model import (ORGANISATION_TYPES, Candidate, Entity, Evidence, Extraction, Mention,
                      Relation, ResolvedReport, SYMMETRIC_RELATIONS)
from kg.namespaces import KGR
from kg.text import name_key, normalise_name, slug

_TYPE_PATH = {"Neighbourhood": "neighbourhood", "Pilot": "pilot", "Service": "service",
              "Person": "person", "Municipality": "municipality", "Province": "province"}
#: When one name is seen with several organisation types, the more specific one wins.
_ORG_RANK = {"Cooperative": 3, "Partnership": 2, "Organisation": 1}


def family(type: str) -> str:
    """Types that share an IRI namespace."""
    return "organisation" if type in ORGANISATION_TYPES else _TYPE_PATH.get(type, type.lower())


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read an alias file (TSV: alias, label[, type]; lines starting with # are comments).

    Returns normalised alias -> label. A missing file gives an empty mapping; a file that
    cannot be read, or a row with an alias but no label (which would map a name onto
    nothing), raises InputError naming the file and line.
    """
    from kg.errors import InputError
    from kg.files import read_text

    p = Path(path)
    if not p.exists() and not p.is_symlink():
        return {}
    text = read_text(p, what="alias file", hint=" (tab-separated: alias, label, type)")
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t"))
        if len(row) < 2 or row[0].strip().lower() == "alias":
            continue
        alias, label = row[0].strip(), row[1].strip()
        if not name_key(alias) or not name_key(label):
            raise InputError(
                f"{p}:{n}: an alias row needs both an alias and a label (alias<TAB>label[<TAB>type])"
            )
        out[name_key(alias)] = label
    return out


def _top(counts: dict[str, int]) -> str:
    """The most common key (the first counted of equals), as ``most_common(1)`` gives it
    without building its list."""
    return max(counts, key=counts.__getitem__)


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _capitals(s: str) -> int:
    return sum(1 for c in s if c.isupper())


def _add_counts(counts: dict[str, int], more: dict[str, int]) -> None:
    """``Counter.update``: the counts of ``more`` added to ``counts`` (new keys after the old)."""
    for key, n in more.items():
        counts[key] = counts.get(key, 0) + n


class _Cluster:
    """The mentions of one entity in a report, with how often each type, surface form and
    name was seen (plain dicts: a Counter costs more to make than the few counts it holds)."""

    __slots__ = ("family", "key", "types", "surfaces", "labels", "place", "mentions", "iri")

    def __init__(self, fam: str, key: str) -> None:
        self.family, self.key = fam, key
        self.types: dict[str, int] = {}
        self.surfaces: dict[str, int] = {}
        self.labels: dict[str, int] = {}
        self.place = None
        self.mentions: list[Mention] = []
        self.iri: str | None = None


class Resolver:
    """Turns an :class:`Extraction` into entities and relations with stable IRIs."""

    def __init__(self, gazetteer=None, aliases: dict[str, str] | None = None,
                 known: dict[str, tuple[str, str]] | None = None) -> None:
        if gazetteer is None:
            from kg.gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        self.gazetteer = gazetteer
        self.aliases = {name_key(k): v for k, v in (aliases or {}).items()}
        self.known = dict(known or {})
        self._known_by_key: dict[tuple[str, str], str] = {}
        for iri, (typ, label) in self.known.items():
            self._known_by_key.setdefault((family(typ), name_key(label)), iri)

    # -- naming ----------------------------------------------------------------------------
    def _name(self, m: Mention) -> str:
        name = m.name
        return self.aliases.get(name_key(name), name)

    def _place(self, m: Mention, name: str):
        """The gazetteer place of a municipality or province mention (``name``: its :meth:`_name`)."""
        if m.type not in ("Municipality", "Province"):
            return None
        for name in (name, m.text):
            p = self.gazetteer.lookup_one(name, m.type) or self.gazetteer.fuzzy(name, m.type)
            if p is not None:
                return p
        return None

    # -- clustering --------------------------------------------------------------------------
    def resolve(self, extraction: Extraction) -> ResolvedReport:
        doc = extraction.document
        mentions = list(extraction.mentions)
        for c in extraction.candidates:
            mentions += [c.subject, c.object]
        clusters: dict[tuple[str, str], _Cluster] = {}
        index: dict[int, _Cluster] = {}
        # A report names the same few entities again and again, and its candidates repeat its
        # mentions: where a mention goes depends only on its text, type and label, so that is
        # worked out once per report (every mention is still counted).
        placed: dict[tuple[str, str, str | None], tuple] = {}
        for m in mentions:
            seen = placed.get((m.text, m.type, m.label))
            if seen is None:
                name = self._name(m)
                place = self._place(m, name)
                key = place.code.lower() if place else name_key(name)
                seen = placed[(m.text, m.type, m.label)] = (place, family(m.type), key, name)
            place, fam, key, name = seen
            if not key:
                continue
            cl = clusters.get((fam, key))
            if cl is None:
                cl = clusters[(fam, key)] = _Cluster(fam, key)
            cl.place = place or cl.place
            cl.types[m.type] = cl.types.get(m.type, 0) + 1
            cl.surfaces[m.text] = cl.surfaces.get(m.text, 0) + 1
            cl.labels[name] = cl.labels.get(name, 0) + 1
            cl.mentions.append(m)
            index[id(m)] = cl
        self._merge_variants(clusters, index)
        report = ResolvedReport(document=doc, warnings=list(extraction.warnings))
        for cl in {id(c): c for c in index.values()}.values():
            ent = self._entity(cl)
            if ent.iri in report.entities:
                old = report.entities[ent.iri]
                old.aliases |= ent.aliases | ({ent.label} - {old.label})
            else:
                report.entities[ent.iri] = ent
            cl.iri = ent.iri
        report.relations = self._relations(extraction, index, doc.name)
        return report

    def _merge_variants(self, clusters: dict[tuple[str, str], _Cluster],
                        index: dict[int, _Cluster]) -> None:
        """Safe merges inside one report: regional acronym forms, one-letter misspellings, and a
        person named by first or last name alone after their full name ("Corrie" for "Corrie
        van Dam", "De Vries" for "Anna de Vries") when exactly one person fits."""
        orgs = [c for (fam, _), c in clusters.items() if fam == "organisation" and not c.place]
        target: dict[int, _Cluster] = {}
        word_only: set[int] = set()
        persons = [c for (fam, _), c in clusters.items() if fam == "person"]
        for a in persons:
            words = {w.casefold() for lab in a.labels for w in [lab]}
            if any(" " in w for w in words):
                continue  # a full name
            fits = [b for b in persons if b is not a and any(
                " " in lab and (lab.split()[0].casefold() in words or lab.split()[-1].casefold() in words)
                for lab in b.labels)]
            if len(fits) == 1:
                target[id(a)] = fits[0]
                word_only.add(id(a))
        merged_persons = [c for c in persons if id(c) in target]
        # every pair of organisations below compares their labels: each worked out once
        top = {id(c): _top(c.labels) for c in orgs}
        for a in orgs:
            b = self._word_of(a, orgs, top)
            if b is not None:
                target[id(a)] = b  # "Maasdal" alone is "Welzijnsgroep Maasdal"
                word_only.add(id(a))
        for a in orgs:
            for b in orgs:
                if a is b or id(a) in target or id(b) in target:
                    continue
                if self._same_org(a, b, top[id(a)], top[id(b)]):
                    target[id(b)] = a  # b goes into a (a is the shorter/base form)
                elif self._short_of(top[id(a)], top[id(b)], top):
                    target[id(a)] = b  # the bare word goes into the name with its place
        if not target:
            return
        for mid, cl in list(index.items()):
            while id(cl) in target:
                cl = target[id(cl)]
            index[mid] = cl
        for b_id, a in target.items():
            b = next(c for c in orgs + merged_persons if id(c) == b_id)
            _add_counts(a.types, b.types)
            _add_counts(a.surfaces, b.surfaces)
            if b_id in word_only:
                _add_counts(a.surfaces, b.labels)  # the short form is an alias, the long name the label
            else:
                _add_counts(a.labels, b.labels)
            a.mentions += b.mentions

    def _word_of(self, a: _Cluster, orgs: list[_Cluster], top: dict[int, str]) -> _Cluster | None:
        """A lone capitalised word that is the distinctive word of exactly one longer organisation
        name in the report ("Welzijnsgroep Maasdal ... Maasdal biedt"): that organisation.
        The other words of the long name must be generic (name heads, common words), so two
        organisations that share a word are never merged (``top``: the label of each, by id)."""
        la = top[id(a)]
        if " " in la or len(la) < 4 or not la[:1].isupper() or la.isupper():
            return None  # most names: decided before the word lists are fetched
        from kg.extract.lexicon import NAME_HEADS, NOT_NAMES, ORG_SUFFIXES

        lw = la.casefold()
        if lw in NOT_NAMES or lw in NAME_HEADS or self.gazetteer.lookup(la):
            return None
        hits = []
        for b in orgs:
            if b is a:
                continue
            words = top[id(b)].split()
            if len(words) < 2 or la not in words:
                continue
            hits.append(b)
            rest = [w for w in words if w != la]
            if words.count(la) != 1 or not all(
                    w.casefold() in NAME_HEADS or w.casefold() in NOT_NAMES
                    or w.casefold() in ("de", "het", "'t") or w.casefold().endswith(ORG_SUFFIXES)
                    for w in rest):
                return None
        return hits[0] if len(hits) == 1 else None

    def _short_of(self, la: str, lb: str, top: dict[int, str]) -> bool:
        """"Jongerenpunt" and "Jongerenpunt Almere" in one report: the bare word is the short form,
        when exactly one longer name is that word plus a place (``la``, ``lb``: the labels of
        the two organisations; ``top``: the labels of all)."""
        if " " in la or la.isupper() or not lb.startswith(la + " "):
            return False
        tail = lb[len(la) + 1:]
        if not (self.gazetteer.lookup(tail) or self.gazetteer.lookup(tail.split("-")[0])):
            return False
        longer = [lc for lc in top.values() if lc.startswith(la + " ")]
        return len(longer) == 1

    @staticmethod
    def _same_org(a: _Cluster, b: _Cluster, la: str, lb: str) -> bool:
        """``la``, ``lb``: the labels of ``a`` and ``b``."""
        # "SMD" and "GGD-NO": an acronym and the same acronym with a short regional suffix
        if _ACRONYM.fullmatch(la) and re.fullmatch(rf"{re.escape(la)}[- ][A-Z]{{1,3}}", lb):
            return True
        if len(a.key) >= 10 and len(b.key) >= 10 and a.key != b.key and a.key[0] == b.key[0]:
            from rapidfuzz.distance import Levenshtein

            if Levenshtein.distance(a.key, b.key) == 1 and len(a.key) <= len(b.key):
                return True
        return False

    def _entity(self, cl: _Cluster) -> Entity:
        if cl.family == "organisation":
            typ = max(cl.types, key=lambda t: (_ORG_RANK.get(t, 0), cl.types[t]))
        else:
            typ = _top(cl.types)
        names = cl.labels
        if cl.place is not None:
            label = cl.place.name
            iri = f"{KGR}{cl.place.iri_path}"
            identifiers = {"cbs": cl.place.code}
            typ = cl.place.type
        else:
            label = max(names, key=lambda s: (names[s], _capitals(s), s[:1].isupper(), -len(s))) \
                if len(names) > 1 else next(iter(names))
            known = self._known_by_key.get((cl.family, name_key(label)))
            if known is None:
                for name in names:
                    known = self._known_by_key.get((cl.family, name_key(name)))
                    if known:
                        break
            if known is not None:
                iri = known
                label = self.known[known][1]
            else:
                iri = f"{KGR}{cl.family}/{slug(normalise_name(label)) or slug(label)}"
            identifiers = {}
        aliases = {s for s in (*cl.surfaces, *names) if s != label}
        return Entity(iri=iri, type=typ, label=label, aliases=aliases, identifiers=identifiers)

    # -- relations -----------------------------------------------------------------------------
    def _relations(self, extraction: Extraction, index: dict[int, _Cluster],
                   report: str) -> list[Relation]:
        best: dict[tuple[str, str, str, str], Relation] = {}
        for c in extraction.candidates:
            s, o = index.get(id(c.subject)), index.get(id(c.object))
            if s is None or o is None or s.iri == o.iri:
                continue
            subj, obj = s.iri, o.iri
            if c.relation in SYMMETRIC_RELATIONS and obj < subj:
                subj, obj = obj, subj
            rel = _relation(c, subj, obj, report)
            k = (subj, c.relation, obj, c.modality)
            old = best.get(k)
            if old is None or (rel.confidence, bool(rel.date)) > (old.confidence, bool(old.date)):
                if old is not None and not rel.date:
                    rel.date = old.date
                best[k] = rel
            elif rel.date and not old.date:
                old.date = rel.date
        return list(best.values())


def _relation(c: Candidate, subj: str, obj: str, report: str) -> Relation:
    ev = Evidence(report=report, sentence=c.sentence.text, start=c.sentence.start, end=c.sentence.end)
    return Relation(subject=subj, relation=c.relation, object=obj, evidence=ev, rule=c.rule,
                    confidence=c.confidence, date=c.date, modality=c.modality)


def resolve(extraction: Extraction, **kwargs) -> ResolvedReport:
    """Shorthand: ``Resolver(**kwargs).resolve(extraction)``."""
    return Resolver(**kwargs).resolve(extraction)


__all__ = ["Resolver", "load_aliases", "resolve", "family"]
