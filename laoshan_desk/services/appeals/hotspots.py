"""未诉先办: hot spots of the last weeks and the one-click work brief (工作简报).

Hot spots are counted over the terms stored on each appeal when it was written (no text is
segmented while the clerk waits): one Core query reads the period's (day, community, grid,
phone, terms) — the day computed in SQL, the ids as the database holds them — and
:func:`laoshan_desk.domain.appeals.hotspots.summarise` counts them in one pass
(docs/rules.md §appeals-hotspots). Appeals stored before terms were kept are segmented here
until ``init`` has filled theirs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import String, case, select, type_coerce

from laoshan_desk.domain.appeals import clocks, hotspots, terms
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.services.appeals.common import VIEW
from laoshan_desk.services.appeals.stats import PeriodStats, period_conditions, ranking, statistics
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q


@dataclasses.dataclass(frozen=True)
class HotSpots:
    date_from: dt.date
    date_to: dt.date
    appeals: int
    topics: list[tuple[str, int]]
    by_community: list[tuple[str, list[tuple[str, int]]]]
    surges: list[str]
    repeat_places: list[tuple[str, int]]
    repeat_phones: list[tuple[str, int]]


def _keys(ident: uuid.UUID) -> tuple[Any, ...]:
    """The forms a raw id comes back in: a UUID (PostgreSQL) or 32 hex digits (SQLite)."""
    return (ident, ident.hex, str(ident))


def _day(value: Any, cache: dict[Any, dt.date]) -> dt.date:
    day = cache.get(value)
    if day is None:
        day = cache[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return day


def hot_spots(db: Database, actor: Actor, *, now: dt.datetime, weeks: int = 4) -> HotSpots:
    """Hot topics of the last ``weeks`` weeks, per community, this week's surges, repeat places
    and phones (masked)."""
    actor.require(VIEW)
    if not 1 <= weeks <= 104:
        weeks = 4
    today = clocks.local_date(now)
    start = hotspots.week_start(today) - dt.timedelta(weeks=weeks - 1)
    with db.session() as s:
        names: dict[Any, str] = {}
        for ident, name in s.execute(select(Unit.id, Unit.name)).tuples():
            names.update(dict.fromkeys(_keys(ident), name))
        conds = [*period_conditions(actor, start, today, None), Appeal.received_at <= now]
        raw = s.execute(
            select(
                q.local_day(db.dialect),
                type_coerce(Appeal.community_id, String),
                type_coerce(Appeal.grid_id, String),
                Appeal.phone,
                Appeal.terms,
                case((Appeal.terms.is_(None), Appeal.content), else_=None),
            ).where(*conds)
        ).all()
        grid_ids = {g for _d, _c, g, _p, _t, _x in raw if g}
        grids: dict[Any, str] = {}
        if grid_ids:
            for ident, name in s.execute(select(Grid.id, Grid.name)).tuples():
                grids.update(dict.fromkeys(_keys(ident), name))
    days: dict[Any, dt.date] = {}
    seg = terms.default_segmenter()
    rows = [
        (
            _day(day, days),
            names.get(community) if community else None,
            grids.get(grid) if grid else None,
            phone,
            stored.split() if stored is not None else seg.keywords(content),
        )
        for day, community, grid, phone, stored, content in raw
    ]
    summary = hotspots.summarise(rows, today=today, repeat_days=weeks * 7)
    return HotSpots(
        start,
        today,
        summary.appeals,
        summary.topics,
        summary.by_community,
        [x.label for x in summary.surges[:10]],
        summary.repeat_places,
        [(mask_phone(p), n) for p, n in summary.repeat_phones],
    )


def work_brief(db: Database, actor: Actor, *, now: dt.datetime, weeks: int = 4) -> bytes:
    """工作简报 PDF: the period's figures, the unit ranking and the hot spots. Not audited here:
    the preview records the print or the save once it happened."""
    # reportlab: only when printing
    from laoshan_desk.documents import appeals as papers

    actor.require(VIEW)

    def figures(st: PeriodStats) -> papers.BriefFigures:
        return papers.BriefFigures(
            received=st.received,
            finished=st.finished,
            overdue=st.overdue,
            closure_rate=st.closure_rate,
            satisfaction_rate=st.satisfaction_rate,
            response_rate=st.response_rate,
        )

    spots = hot_spots(db, actor, now=now, weeks=weeks)
    stats = statistics(db, actor, now=now, date_from=spots.date_from, date_to=spots.date_to)
    ranks = ranking(db, actor, now=now, date_from=spots.date_from, date_to=spots.date_to)
    return papers.work_brief(
        papers.BriefData(
            date=clocks.local_date(now),
            date_from=spots.date_from,
            date_to=spots.date_to,
            stats=figures(stats),
            ranking=[(u.unit, figures(u.stats)) for u in ranks],
            spots=papers.BriefSpots(
                topics=spots.topics,
                by_community=spots.by_community,
                surges=spots.surges,
                repeat_places=spots.repeat_places,
                repeat_phones=spots.repeat_phones,
            ),
        )
    )
