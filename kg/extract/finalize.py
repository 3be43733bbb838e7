"""Last component: which mentions the extraction reports.

Strong mentions (names that are clearly names, places, persons, teams with a place) are
reported; weak ones (a capitalised word seen once, a service word, an unplaced team) only when a
relation uses them. Coreference slots are not mentions of their own.
"""

from __future__ import annotations

from operator import attrgetter

from kg.extract.context import Context

_START_END = attrgetter("start", "end")


def run(ctx: Context) -> None:
    """Component: fill ``extraction.mentions`` (document order, no duplicates)."""
    found = [s.mention for v in ctx.views for s in v.sorted_slots() if s.group is None and s.strong]
    for c in ctx.extraction.candidates:
        found += (c.subject, c.object)
    seen = set()
    out = []
    for m in found:
        key = (m.start, m.end, m.type, m.label or m.text)  # m.name, without a property call per mention
        if key not in seen:
            seen.add(key)
            out.append(m)
    out.sort(key=_START_END)
    ctx.extraction.mentions = out
