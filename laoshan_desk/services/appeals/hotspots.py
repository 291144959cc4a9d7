"""未诉先办: hot spots of the last weeks and the one-click work brief (工作简报).

Hot spots are an aggregate over the terms stored on each appeal when it was written (no text is
segmented while the clerk waits): the database joins the period's terms per community, and this
week's and last week's, and counts the grids and phones that come back; Python counts the joined
words and :func:`laoshan_desk.domain.appeals.hotspots.rank` ranks them (docs/rules.md
§appeals-hotspots). Appeals stored before terms were kept are segmented here until ``init`` has
filled theirs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import String, func, select, type_coerce

from laoshan_desk.domain.appeals import clocks, hotspots, terms
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import VIEW
from laoshan_desk.services.appeals.stats import PeriodStats, period_conditions, ranking, statistics
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal


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


def _joined(dialect: str) -> Any:
    """The stored terms of a group of appeals, joined by spaces, by the database."""
    if dialect == "sqlite":
        return func.group_concat(Appeal.terms, " ")
    return func.string_agg(Appeal.terms, " ")


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=TZ)


def hot_spots(db: Database, actor: Actor, *, now: dt.datetime, weeks: int = 4) -> HotSpots:
    """Hot topics of the last ``weeks`` weeks, per community, this week's surges, repeat places
    and phones (masked).

    The database does the reading: the stored terms joined per community (one aggregate over the
    period), this week's and last week's joined, and the grids and phones with three appeals or
    more counted; Python only counts the joined words.
    """
    actor.require(VIEW)
    if not 1 <= weeks <= 104:
        weeks = 4
    today = clocks.local_date(now)
    start = hotspots.week_start(today) - dt.timedelta(weeks=weeks - 1)
    this_monday = hotspots.week_start(today)
    joined = _joined(db.dialect)
    community = type_coerce(Appeal.community_id, String)
    grid = type_coerce(Appeal.grid_id, String)
    with db.session() as s:
        names: dict[Any, str] = {}
        for ident, name in s.execute(select(Unit.id, Unit.name)).tuples():
            names.update(dict.fromkeys(_keys(ident), name))
        period = [*period_conditions(actor, start, today, None), Appeal.received_at <= now]
        per: dict[str | None, Counter[str]] = defaultdict(Counter)
        appeals = without_terms = 0
        for key, text, n, kept in s.execute(
            select(community, joined, func.count(), func.count(Appeal.terms)).where(*period).group_by(community)
        ):
            per[names.get(key) if key else None].update(text.split() if text else ())
            appeals += int(n)
            without_terms += int(n) - int(kept)
        if without_terms:
            # Appeals stored before their terms were kept (init fills them): segmented meanwhile.
            seg = terms.default_segmenter()
            for key, content in s.execute(select(community, Appeal.content).where(*period, Appeal.terms.is_(None))):
                per[names.get(key) if key else None].update(seg.keywords(content))

        def week(first: dt.date) -> Counter[str]:
            cond = [Appeal.received_at >= _start(first), Appeal.received_at < _start(first + dt.timedelta(days=7))]
            text = s.scalar(select(joined).where(*period_conditions(actor, None, None, None), *cond))
            return Counter(text.split() if text else ())

        this_week, last_week = week(this_monday), week(this_monday - dt.timedelta(days=7))
        recent = [*period_conditions(actor, today - dt.timedelta(days=weeks * 7 - 1), today, None)]
        recent.append(Appeal.received_at <= now)
        grid_counts = s.execute(
            select(grid, func.count())
            .where(*recent, Appeal.grid_id.is_not(None))
            .group_by(grid)
            .having(func.count() >= 3)
        ).all()
        phone_counts = s.execute(
            select(Appeal.phone, func.count())
            .where(*recent, Appeal.phone.is_not(None))
            .group_by(Appeal.phone)
            .having(func.count() >= 2)  # 2: two spellings of one number may add up to three
        ).all()
        grids: dict[Any, str] = {}
        if grid_counts:
            for ident, name in s.execute(select(Grid.id, Grid.name)).tuples():
                grids.update(dict.fromkeys(_keys(ident), name))
    summary = hotspots.rank(
        per,
        this_week,
        last_week,
        Counter({grids.get(g, str(g)): int(n) for g, n in grid_counts}),
        {str(p): int(n) for p, n in phone_counts if p},
        appeals=appeals,
    )
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
