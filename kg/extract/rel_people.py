"""headOf: a person who heads an organisation.

Only head roles count (directeur, directeur-bestuurder, bestuurder, voorzitter, algemeen
directeur, bestuursvoorzitter; not manager, coördinator, wethouder). What it reads in Dutch:

* "Wim Bakker, directeur (van) ORG", "Wim Bakker (directeur ORG)";
* "directeur (van) ORG, Wim Bakker", "ORG-directeur Wim Bakker";
* "Directeur Wim Bakker ... de organisatie van ORG": the organisation in the same sentence;
* "..., zegt bestuurder Wim Bakker." with no organisation in the sentence: the organisation the
  sentence before was about.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, Slot
from kg.extract.lexicon import ROLES
from kg.extract.rules import ORG_TYPES, org_slots, topic_org

_HEAD_ROLES = "|".join(re.escape(r) for r in sorted((r for r, h in ROLES.items() if h),
                                                     key=len, reverse=True))
_AFTER = re.compile(rf"(?i)⟦H(\d+)⟧\s*[,(]?\s*(?:{_HEAD_ROLES})\s+(?:van\s+|bij\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧")
_BEFORE = re.compile(rf"(?i)(?:{_HEAD_ROLES})\s+(?:van\s+|bij\s+)?(?:de\s+|het\s+)?⟦O(\d+)⟧\s*,?\s*⟦H(\d+)⟧")
_IS_ROLE = re.compile(rf"(?i)⟦H(\d+)⟧\s+(?:is|was|wordt|werd|blijft|is\s+sinds\s+\S+(?:\s+\d{{4}})?)\s+"
                      rf"(?:\w+\s+)?(?:de\s+|het\s+)?(?:nieuwe\s+|interim\s+|huidige\s+)?"
                      rf"(?:{_HEAD_ROLES})\s+(?:van|bij)\s+(?:de\s+|het\s+)?⟦O(\d+)⟧")
#: "De Raad van Toezicht / het bestuur van X": a voorzitter there heads no organisation by that.
_ORGAN = re.compile(r"(?i)\b(?:raad\s+van\s+(?:toezicht|commissarissen)|rvt|ondernemingsraad|"
                    r"cliëntenraad|clientenraad|adviesraad|wijkraad|dorpsraad|gemeenteraad|"
                    r"medezeggenschapsraad|participatieraad)\b")
_PREFIXED = re.compile(rf"(?i)⟦O(\d+)⟧-(?:{_HEAD_ROLES})\s+⟦H(\d+)⟧")


def _is_head(role: str | None) -> bool:
    return bool(role) and ROLES.get(role.lower(), False)


def run(ctx: Context) -> None:
    """Component: headOf candidates."""
    for v in ctx.views:
        masked, slots, _ = v.masked()
        linked: set[int] = set()
        for m in _IS_ROLE.finditer(masked):
            person, org = slots[int(m.group(1))], slots[int(m.group(2))]
            for o in org.members():
                ctx.add(v, person, "headOf", o, "headOf:is-rol-van", 0.85)
            linked.add(int(m.group(1)))
        for m in _AFTER.finditer(masked):
            person, org = slots[int(m.group(1))], slots[int(m.group(2))]
            for o in org.members():
                ctx.add(v, person, "headOf", o, "headOf:naam-rol-org", 0.9)
            linked.add(int(m.group(1)))
        for rx in (_BEFORE, _PREFIXED):
            for m in rx.finditer(masked):
                org, person = slots[int(m.group(1))], slots[int(m.group(2))]
                for o in org.members():
                    ctx.add(v, person, "headOf", o, "headOf:rol-org-naam", 0.9)
                linked.add(int(m.group(2)))
        for i, s in enumerate(slots):
            if s.mention.type != "Person" or i in linked or not _is_head(s.mention.role):
                continue
            if _ORGAN.search(v.text):
                continue  # "voorzitter van de Raad van Toezicht", "voorzitter van de wijkraad"
            orgs = [o for o in org_slots(v) if o.mention.type in ORG_TYPES]
            target: Slot | None = None
            if orgs:
                after_van = [o for o in orgs if re.search(r"\bvan\s+(?:de\s+|het\s+)?$",
                                                          v.text[:o.cstart])]
                target = (after_van or orgs)[0]
                conf = 0.7
            else:
                target = topic_org(ctx, v)
                conf = 0.6
            if target is not None:
                for o in target.members():
                    ctx.add(v, s, "headOf", o, "headOf:rol-in-zin", conf)
