"""Last component: which mentions the extraction reports.

Strong mentions (names that are clearly names, places, persons, teams with a place) are
reported; weak ones (a capitalised word seen once, a service word, an unplaced team) only when a
relation uses them. Coreference slots are not mentions of their own.
"""

from __future__ import annotations

from kg.extract.context import Context


def run(ctx: Context) -> None:
    """Component: fill ``extraction.mentions`` (document order, no duplicates)."""
    seen = set()
    out = []

    def keep(m) -> None:
        key = (m.start, m.end, m.type, m.name)
        if key not in seen:
            seen.add(key)
            out.append(m)

    for v in ctx.views:
        for s in v.sorted_slots():
            if s.group is None and s.strong:
                keep(s.mention)
    for c in ctx.extraction.candidates:
        keep(c.subject)
        keep(c.object)
    out.sort(key=lambda m: (m.start, m.end))
    ctx.extraction.mentions = out
