"""Component: the date a person took up the role a headOf candidate states.

"Sinds maart 2021 is X voorzitter van Y", "Per 1 maart wordt X directeur van Y", "X is met
ingang van 1 januari 2020 bestuurder van Y": a date after a cue of a start in the candidate's
sentence is when the role began. A date without such a cue ("In 2019 sprak directeur X van Y
...") tells when something else happened: no date.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from kg.extract.context import Context, View
from kg.extract.dates import date_near
from kg.model import Mention

#: Cues of the day a role began.
ROLE_START_CUES = ("sinds", "per", "met ingang van", "m.i.v", "m.i.v.", "vanaf")


def role_start(ctx: Context, view: View, obj: Mention, after: int = 0) -> str | None:
    """The start of the role a person holds at ``obj`` (an organisation mentioned in ``view``),
    read before it and after document offset ``after``, or None."""
    # clean offsets from document ones: offs maps each clean character to its document offset
    lo, hi = bisect_left(view.offs, after), bisect_left(view.offs, obj.start)
    return date_near(ctx, view.index, lo, hi, cues=ROLE_START_CUES, uncued=False)


def run(ctx: Context) -> None:
    """Component: every headOf candidate of the rules without a date gets its role's start,
    read before the organisation and after the organisation of a role named before it in the
    sentence ("ben sinds maart 2021 voorzitter van A en sinds kort ook van B": A's date)."""
    cands = ctx.extraction.candidates
    index = None
    for i, c in enumerate(cands):
        if c.relation != "headOf" or c.date is not None:
            continue
        if index is None:
            index = {(v.sentence.start, v.sentence.end): v for v in ctx.views}
        v = index.get((c.sentence.start, c.sentence.end))
        if v is None:
            continue
        after = max((d.object.end for d in cands if d.relation == "headOf" and d.sentence == c.sentence
                     and d.object.end <= c.object.start), default=0)
        date = role_start(ctx, v, c.object, after)
        if date is not None:
            cands[i] = replace(c, date=date)
