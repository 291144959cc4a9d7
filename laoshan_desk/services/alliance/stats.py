"""Totals per quarter for the dashboard and the quarterly report (docs/rules/alliance.md §alliance-statistics).

The facts are read with one narrow query each (dates and codes only) and summed by the domain
(:func:`laoshan_desk.domain.alliance.stats.quarter_totals`), so the dashboard, the workbook and the
PDF show the same numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.stats import Quarter, QuarterFacts, QuarterTotals, quarter_totals, quarters
from laoshan_desk.domain.alliance.vocabulary import AwardStatus, ComplaintOutcome, SpotResult
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.alliance.common import VIEW
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import (
    AllianceAward,
    AllianceComplaint,
    AlliancePolicyPush,
    AllianceRequest,
    AllianceSpotBatch,
)


@dataclasses.dataclass(frozen=True)
class QuarterReport:
    first: Quarter
    last: Quarter
    rows: tuple[QuarterTotals, ...]

    @property
    def total(self) -> QuarterTotals:
        """The whole period as one row (its ``quarter`` is the last)."""
        by: dict[ComplaintOutcome, int] = {}
        for r in self.rows:
            for outcome, n in r.by_outcome:
                by[outcome] = by.get(outcome, 0) + n
        return QuarterTotals(
            quarter=self.last,
            actions=sum(r.actions for r in self.rows),
            batches=sum(r.batches for r in self.rows),
            tested=sum(r.tested for r in self.rows),
            conforming=sum(r.conforming for r in self.rows),
            complaints=sum(r.complaints for r in self.rows),
            on_time=sum(r.on_time for r in self.rows),
            by_outcome=tuple((o, by[o]) for o in ComplaintOutcome if by.get(o)),
            pushes=sum(r.pushes for r in self.rows),
            awards_paid=sum((r.awards_paid for r in self.rows), Decimal("0.00")),
        )


def _between(column, first: dt.date, last: dt.date):  # type: ignore[no-untyped-def]
    return (column >= first) & (column <= last)


def quarterly(db: Database, actor: Actor, *, first: dt.date, last: dt.date) -> QuarterReport:
    """The totals of every quarter from the one holding ``first`` to the one holding ``last``."""
    actor.require(VIEW)
    if last < first:
        raise ValidationError("结束日期不能早于开始日期", field="date_to")
    span = quarters(first, last)
    if len(span) > 40:
        raise ValidationError("统计期间最多十年", field="date_from")
    lo, hi = span[0].first_day, span[-1].last_day
    start = dt.datetime.combine(lo, dt.time(), tzinfo=TZ)
    end = dt.datetime.combine(hi + dt.timedelta(days=1), dt.time(), tzinfo=TZ)
    with db.session() as s:
        requests = list(
            s.scalars(select(AllianceRequest.received_on).where(_between(AllianceRequest.received_on, lo, hi)))
        )
        batches = [
            (d, SpotResult(r))
            for d, r in s.execute(
                select(AllianceSpotBatch.sampled_on, AllianceSpotBatch.result).where(
                    _between(AllianceSpotBatch.sampled_on, lo, hi)
                )
            ).tuples()
        ]
        complaints = [
            (local_date(f), ComplaintOutcome(o) if o else None, bool(late))
            for f, o, late in s.execute(
                select(AllianceComplaint.finished_at, AllianceComplaint.outcome, AllianceComplaint.late).where(
                    AllianceComplaint.finished_at >= start, AllianceComplaint.finished_at < end
                )
            ).tuples()
            if f is not None
        ]
        pushes = [
            local_date(p)
            for p in s.scalars(
                select(AlliancePolicyPush.pushed_at).where(
                    AlliancePolicyPush.pushed_at >= start, AlliancePolicyPush.pushed_at < end
                )
            )
        ]
        awards = [
            (d, a)
            for d, a in s.execute(
                select(AllianceAward.paid_on, AllianceAward.amount).where(
                    AllianceAward.status == AwardStatus.PAID.value, _between(AllianceAward.paid_on, lo, hi)
                )
            ).tuples()
            if d is not None
        ]
    facts = QuarterFacts(requests=requests, batches=batches, complaints=complaints, pushes=pushes, awards=awards)
    return QuarterReport(span[0], span[-1], tuple(quarter_totals(facts, span)))
