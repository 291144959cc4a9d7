"""The spot-check lists: batches with their re-inspection window and follow-up light, and the
totals by product and year (docs/rules/alliance.md §alliance-spot-checks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import case, func, select

from laoshan_desk.domain.alliance.clocks import deadline_light, local_date, reinspection_deadline
from laoshan_desk.domain.alliance.vocabulary import FollowUpStep, SamplingLevel, SpotProduct, SpotResult
from laoshan_desk.domain.lights import Light
from laoshan_desk.services.alliance.common import VIEW, pick
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceSpotBatch
from laoshan_desk.store.models.enterprises import Enterprise


@dataclasses.dataclass(frozen=True)
class BatchRow:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    uscc: str
    product: SpotProduct
    product_name: str
    batch_number: str
    sampled_on: dt.date
    lab: str
    level: SamplingLevel
    result: SpotResult
    items_failed: str
    result_on: dt.date | None
    notified_on: dt.date | None
    reinspection_until: dt.date | None
    reinspection_requested_on: dt.date | None
    followup_due: dt.date | None
    followup_step: FollowUpStep | None
    followup_light: Light
    repeat_confirmed: bool
    version: int

    @property
    def reinspection_text(self) -> str:
        if self.reinspection_requested_on:
            return f"已于 {self.reinspection_requested_on:%Y-%m-%d} 申请复检"
        if self.reinspection_until:
            return f"可申请复检至 {self.reinspection_until:%Y-%m-%d}"
        return "—"


@dataclasses.dataclass(frozen=True)
class ProductYearTotal:
    year: int
    product: SpotProduct
    batches: int
    tested: int
    nonconforming: int

    @property
    def conformity_rate(self) -> Decimal | None:
        return Decimal(self.tested - self.nonconforming) / Decimal(self.tested) if self.tested else None


def list_batches(
    db: Database,
    actor: Actor,
    *,
    now: dt.datetime,
    year: int | None = None,
    product: str | None = None,
    result: str | None = None,
    open_followups: bool = False,
    enterprise_id: uuid.UUID | None = None,
    limit: int = 1000,
) -> list[BatchRow]:
    """Batches, newest first (145 a year in the seed), with the re-inspection window and follow-up light."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    with db.session() as s:
        q = select(AllianceSpotBatch, Enterprise).join(Enterprise, Enterprise.id == AllianceSpotBatch.enterprise_id)
        if year is not None:
            q = q.where(
                AllianceSpotBatch.sampled_on >= dt.date(year, 1, 1),
                AllianceSpotBatch.sampled_on <= dt.date(year, 12, 31),
            )
        if product:
            q = q.where(AllianceSpotBatch.product == pick(SpotProduct, product, "product").value)
        if result:
            q = q.where(AllianceSpotBatch.result == pick(SpotResult, result, "result").value)
        if open_followups:
            q = q.where(AllianceSpotBatch.followup_due.is_not(None), AllianceSpotBatch.followup_closed_on.is_(None))
        if enterprise_id is not None:
            q = q.where(AllianceSpotBatch.enterprise_id == enterprise_id)
        q = q.order_by(AllianceSpotBatch.sampled_on.desc(), AllianceSpotBatch.batch_number).limit(limit)
        out = []
        for b, e in s.execute(q).tuples():
            running = b.followup_due is not None and b.followup_closed_on is None
            out.append(
                BatchRow(
                    id=b.id,
                    enterprise_id=e.id,
                    enterprise_name=e.name,
                    uscc=e.uscc or "",
                    product=SpotProduct(b.product),
                    product_name=b.product_name,
                    batch_number=b.batch_number,
                    sampled_on=b.sampled_on,
                    lab=b.lab,
                    level=SamplingLevel(b.level),
                    result=SpotResult(b.result),
                    items_failed=b.items_failed,
                    result_on=b.result_on,
                    notified_on=b.notified_on,
                    reinspection_until=reinspection_deadline(b.notified_on, calendar)
                    if b.notified_on and b.result == SpotResult.NONCONFORMING.value
                    else None,
                    reinspection_requested_on=b.reinspection_requested_on,
                    followup_due=b.followup_due,
                    followup_step=FollowUpStep(b.followup_step) if b.followup_step else None,
                    followup_light=deadline_light(b.followup_due, calendar, today, running=running),
                    repeat_confirmed=b.repeat_confirmed,
                    version=b.version,
                )
            )
        return out


def totals(db: Database, actor: Actor) -> list[ProductYearTotal]:
    """Batches, tested and non-conforming by year and product (the plan's own figures)."""
    actor.require(VIEW)
    year = func.extract("year", AllianceSpotBatch.sampled_on)
    tested = func.sum(case((AllianceSpotBatch.result != SpotResult.PENDING.value, 1), else_=0))
    bad = func.sum(case((AllianceSpotBatch.result == SpotResult.NONCONFORMING.value, 1), else_=0))
    with db.session() as s:
        rows = s.execute(
            select(year, AllianceSpotBatch.product, func.count(), tested, bad)
            .group_by(year, AllianceSpotBatch.product)
            .order_by(year.desc(), AllianceSpotBatch.product)
        ).all()
    return [ProductYearTotal(int(y), SpotProduct(p), int(n), int(t or 0), int(b or 0)) for y, p, n, t, b in rows]
