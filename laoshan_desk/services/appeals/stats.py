"""一诉一考 and 未诉先办: statistics of any period and unit, the unit ranking, monthly figures,
hot spots, and the one-click work brief (工作简报).

Counting rules (docs/rules.md §appeals-rates): received = appeals received in the period (merged
repeats are folded into the appeal they repeat and not counted again); finished = a finish time
is recorded; closure rate = finished ÷ received; satisfaction rate = (satisfied + basically
satisfied) ÷ appeals with a return-visit result; responded on time = responded within 4 hours;
overdue = finished after the limit day, or still running after it. Everything is summed in SQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, and_, case, false, func, literal_column, or_, select, true

from laoshan_desk.domain.appeals import (
    AppealStatus,
    clocks,
    closure_rate,
    format_rate,
    hotspots,
    rate,
    satisfaction_rate,
)
from laoshan_desk.domain.appeals.vocabulary import SATISFIED_CODES
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import VIEW
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q


@dataclasses.dataclass(frozen=True)
class PeriodStats:
    received: int
    responded_on_time: int
    finished: int
    finished_on_time: int
    rated: int
    satisfied: int
    overdue: int

    @property
    def closure_rate(self) -> Decimal | None:
        return closure_rate(self.finished, self.received)

    @property
    def satisfaction_rate(self) -> Decimal | None:
        return satisfaction_rate(self.satisfied, self.rated)

    @property
    def response_rate(self) -> Decimal | None:
        return rate(self.responded_on_time, self.received)

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.finished_on_time, self.finished)

    def label(self, which: str) -> str:
        return format_rate(getattr(self, which))


@dataclasses.dataclass(frozen=True)
class UnitStats:
    unit_id: uuid.UUID | None
    unit: str
    stats: PeriodStats


def _sums(today: dt.date) -> list[Any]:
    one = literal_column("1", type_=Integer)
    return [
        func.count(),
        func.coalesce(func.sum(case((Appeal.responded_on_time == true(), 1), else_=0)), 0),
        # finished_late is set exactly when a finish time is recorded (and cleared on reopening),
        # so these sums read only the covering index ix_appeal_stats, never the rows.
        func.coalesce(func.sum(case((Appeal.finished_late.is_not(None), 1), else_=0)), 0),
        func.coalesce(func.sum(case((Appeal.finished_late == false(), 1), else_=0)), 0),
        func.coalesce(func.sum(case((Appeal.satisfaction.is_not(None), 1), else_=0)), 0),
        func.coalesce(func.sum(case((Appeal.satisfaction.in_(SATISFIED_CODES), 1), else_=0)), 0),
        func.coalesce(
            func.sum(
                case(
                    (
                        or_(
                            Appeal.finished_late == true(),
                            and_(Appeal.status.in_(q.RUNNING), Appeal.completion_limit < today),
                        ),
                        one,
                    ),
                    else_=0,
                )
            ),
            0,
        ),
    ]


def _sums_sqlite() -> list[Any]:
    """The first six of :func:`_sums` in the form SQLite evaluates fastest over the covering index
    (plain aggregates of the stored 0/1 booleans, no CASE per row); the seventh, overdue, is
    ``finished_late`` summed here plus the few running appeals past their limit, counted apart
    (see :func:`statistics`). Same figures: SQLite stores the booleans as 0/1 or NULL."""
    return [
        func.count(),
        func.coalesce(func.sum(Appeal.responded_on_time, type_=Integer), 0),
        func.count(Appeal.finished_late),
        func.count(Appeal.finished_late) - func.coalesce(func.sum(Appeal.finished_late, type_=Integer), 0),
        func.count(Appeal.satisfaction),
        func.count(case((Appeal.satisfaction.in_(SATISFIED_CODES), 1))),
        func.coalesce(func.sum(Appeal.finished_late, type_=Integer), 0),
    ]


def _where(actor: Actor, date_from: dt.date | None, date_to: dt.date | None, unit_id: uuid.UUID | None) -> list[Any]:
    conds: list[Any] = [Appeal.status != AppealStatus.MERGED.value]
    scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    if scope is not None:
        conds.append(scope)
    if date_from:
        conds.append(Appeal.received_at >= dt.datetime.combine(date_from, dt.time(), tzinfo=TZ))
    if date_to:
        conds.append(Appeal.received_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), tzinfo=TZ))
    if unit_id:
        conds.append(Appeal.unit_id == unit_id)
    return conds


def statistics(
    db: Database,
    actor: Actor,
    *,
    now: dt.datetime,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    unit_id: uuid.UUID | None = None,
) -> PeriodStats:
    """The figures of appeals received in the period (of one handling unit, or all in scope)."""
    actor.require(VIEW)
    today = clocks.local_date(now)
    where = _where(actor, date_from, date_to, unit_id)
    with db.session() as s:
        if db.dialect != "sqlite":
            row = s.execute(select(*_sums(today)).where(*where)).one()
            return PeriodStats(*(int(v or 0) for v in row))
        # One pass over the covering index with cheap aggregates, and the running appeals past
        # their limit (not already counted as finished late) from the status index: over a
        # million rows the per-row CASE of the overdue test alone cost more than the rest.
        sums = [int(v or 0) for v in s.execute(select(*_sums_sqlite()).where(*where)).one()]
        running_overdue = s.scalar(
            select(func.count()).where(
                *where,
                Appeal.status.in_(q.RUNNING),
                Appeal.completion_limit < today,
                or_(Appeal.finished_late.is_(None), Appeal.finished_late == false()),
            )
        )
        sums[6] += int(running_overdue or 0)
        return PeriodStats(*sums)


def ranking(
    db: Database, actor: Actor, *, now: dt.datetime, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[UnitStats]:
    """Units by closure rate, then satisfaction rate, then received (一诉一考 league table)."""
    actor.require(VIEW)
    today = clocks.local_date(now)
    with db.session() as s:
        rows = s.execute(
            select(Appeal.unit_id, *_sums(today))
            .where(*_where(actor, date_from, date_to, None), Appeal.unit_id.is_not(None))
            .group_by(Appeal.unit_id)
        ).all()
        names = dict(s.execute(select(Unit.id, Unit.name)).tuples().all())
    out = [UnitStats(r[0], names.get(r[0], "?"), PeriodStats(*(int(v or 0) for v in r[1:]))) for r in rows]
    out.sort(key=lambda u: (-(u.stats.closure_rate or 0), -(u.stats.satisfaction_rate or 0), -u.stats.received, u.unit))
    return out


def monthly(
    db: Database, actor: Actor, *, now: dt.datetime, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[tuple[str, PeriodStats]]:
    """Figures per month of receipt ('2026-03'), in Asia/Shanghai months."""
    actor.require(VIEW)
    today = clocks.local_date(now)
    if db.dialect == "sqlite":
        month = func.strftime("%Y-%m", Appeal.received_at, "+8 hours")
    else:
        month = func.to_char(func.timezone("Asia/Shanghai", Appeal.received_at), "YYYY-MM")
    with db.session() as s:
        rows = s.execute(
            select(month.label("m"), *_sums(today))
            .where(*_where(actor, date_from, date_to, None))
            .group_by(literal_column("m"))
            .order_by(literal_column("m"))
        ).all()
    return [(r[0], PeriodStats(*(int(v or 0) for v in r[1:]))) for r in rows]


# -- 未诉先办 -----------------------------------------------------------------------------------
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


def hot_spots(db: Database, actor: Actor, *, now: dt.datetime, weeks: int = 4, max_rows: int = 30000) -> HotSpots:
    """Hot topics of the last ``weeks`` weeks, per community, this week's surges, repeat places
    and phones (masked)."""
    actor.require(VIEW)
    today = clocks.local_date(now)
    start = hotspots.week_start(today) - dt.timedelta(weeks=weeks - 1)
    with db.session() as s:
        names = dict(s.execute(select(Unit.id, Unit.name)).tuples().all())
        grids: dict[uuid.UUID, str] = {}
        conds = _where(actor, start, today, None)
        rows = s.execute(
            select(
                Appeal.number,
                Appeal.received_at,
                Appeal.content,
                Appeal.street_id,
                Appeal.community_id,
                Appeal.grid_id,
                Appeal.phone,
            )
            .where(*conds)
            .order_by(Appeal.received_at.desc())
            .limit(max_rows)
        ).all()
        grid_ids = {r[5] for r in rows if r[5]}
        if grid_ids:
            grids = dict(s.execute(select(Grid.id, Grid.name).where(Grid.id.in_(grid_ids))).tuples().all())
    records = [
        hotspots.AppealRecord(r[0], r[1], r[2], names.get(r[3]), names.get(r[4]), grids.get(r[5]), r[6]) for r in rows
    ]
    seg = hotspots.default_segmenter()
    topics = hotspots.hot_topics(records, top=15, segmenter=seg)
    per = hotspots.community_keyword_counts(records, segmenter=seg)
    # A community's own name (海尔路社区 → 海尔) says nothing about what its people ask for.
    by_comm = sorted(
        ((c, [(k, n) for k, n in counts.most_common(8) if k not in c][:3]) for c, counts in per.items()),
        key=lambda x: -sum(n for _, n in x[1]),
    )[:10]
    surge = [x.label for x in hotspots.surges(records, today, segmenter=seg)[:10]]
    places = [(r.value, r.count) for r in hotspots.repeat_places(records, now, days=weeks * 7)[:10]]
    phones = [(mask_phone(r.value), r.count) for r in hotspots.repeat_phones(records, now, days=weeks * 7)[:10]]
    return HotSpots(start, today, len(records), topics, by_comm, surge, places, phones)


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
