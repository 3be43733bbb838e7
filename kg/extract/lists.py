"""Lists with a container: "de partners van P (A, B en C)", "de leden van P: A, B en C".

P is the name after "partners/leden/deelnemers van" up to the parenthesis or colon, also when
written in lower case ("hulponline Noord"); it becomes a Partnership, and A, B and C are
memberOf P. The coordination itself ("A, B en C", "(A, B en C)") is read by
:func:`kg.extract.rules.parse_list`, which also lets a later rule see "de partners van P (A, B)"
as the items A and B with P as their container.
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.rules import finditer_if, parse_list

_PARTNERS_OF = re.compile(r"\b(?:de\s+)?(?:partners|leden|deelnemers|aangeslotenen|"
                          r"samenwerkingspartners)\s+van\s+(?:het\s+|de\s+)?")
#: Words one of which every match of :data:`_PARTNERS_OF` holds ("samenwerkingspartners": "partners")
_PARTNERS_OF_CUES = ("partners", "leden", "deelnemers", "aangeslotenen")
_NP = re.compile(r"([\w&'-]+(?:\s+[\w&'-]+){0,3}?)\s*(?=\(|:)")


#: A bracket or colon (with spaces) right after the partnership: its members follow
_OPEN_OR_COLON = re.compile(r"\s*(?:\(|:)\s*")


def run(ctx: Context) -> None:
    """"de partners van hulponline Noord (A, B en C)": a Partnership and its members."""
    for v in ctx.views:
        for m in finditer_if(_PARTNERS_OF, v.text, _PARTNERS_OF_CUES):
            np = _NP.match(v.text, m.end())
            if not np:
                continue
            cs, ce = np.start(1), np.end(1)
            slot = v.slot_at(cs, ce) if not v.free(cs, ce) else None
            if slot is None:
                for s in [s for s in v.slots if cs <= s.cstart and s.cend <= ce and not s.strong]:
                    v.slots.remove(s)
                if not v.free(cs, ce):
                    continue
                slot = ctx.place(v, cs, ce, "Partnership")
            if slot is None:
                continue
            if slot.mention.type == "Organisation":
                ctx.retype(slot, "Partnership")
            masked, slots, cmap = v.masked()
            idx = slots.index(slot)
            tok = f"⟦{slot.letter}{idx}⟧"
            pos = masked.find(tok)
            rest = _OPEN_OR_COLON.match(masked[pos + len(tok):])
            if not rest:
                continue
            items, _ = parse_list(masked, slots, pos + len(tok) + rest.end(), "O", ctx, v)
            for it in items:
                ctx.add(v, it.slot, "memberOf", slot, "memberOf:partners-van", 0.9)
