"""Awards applied for and paid (标准化奖励, 崂山质量奖 ...): Decimal yuan, totalled per year and kind.

The seed's totals: the 2022 standardisation awards ¥2,637,000 and the fourth 崂山质量奖 ¥2,750,000
(docs/rules/alliance.md §alliance-policies).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select

from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.vocabulary import AwardKind, AwardStatus
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.alliance.common import EDIT, VIEW, check_day, check_version, get_or_404, pick, text
from laoshan_desk.services.alliance.policies import parse_amount
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceAward, AlliancePolicy
from laoshan_desk.store.models.enterprises import Enterprise


@dataclasses.dataclass(frozen=True)
class AwardForm:
    enterprise_id: uuid.UUID
    kind: str
    year: int
    amount: Decimal | str | None
    applied_on: dt.date | None
    title: str = ""
    policy_id: uuid.UUID | None = None


@dataclasses.dataclass(frozen=True)
class AwardDecisionForm:
    """审定, 兑现 (with the day paid) or 未通过 an award."""

    award_id: uuid.UUID
    status: str
    paid_on: dt.date | None = None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class AwardRow:
    id: uuid.UUID
    enterprise_name: str
    kind: AwardKind
    year: int
    title: str
    amount: Decimal
    status: AwardStatus
    applied_on: dt.date
    paid_on: dt.date | None
    version: int


@dataclasses.dataclass(frozen=True)
class AwardTotal:
    year: int
    kind: AwardKind
    awards: int
    paid: Decimal


def apply_award(db: Database, actor: Actor, form: AwardForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require(EDIT)
    kind = pick(AwardKind, form.kind, "kind")
    amount = parse_amount(form.amount)
    assert amount is not None
    check_day(form.applied_on, "applied_on", "申报日期", today=local_date(now))
    if not 2000 <= form.year <= now.year:
        raise ValidationError(f"奖励年度应在 2000 至 {now.year} 之间", field="year")
    with unit_of_work(db, actor, now=now) as work:
        e = get_or_404(work.session, Enterprise, form.enterprise_id, "企业")
        if form.policy_id is not None:
            get_or_404(work.session, AlliancePolicy, form.policy_id, "政策")
        award = AllianceAward(
            id=uuid.uuid4(),
            enterprise_id=e.id,
            policy_id=form.policy_id,
            kind=kind.value,
            year=form.year,
            title=text(form.title, "title", "奖项名称", limit=200),
            amount=amount,
            status=AwardStatus.APPLIED.value,
            applied_on=form.applied_on,
            created_at=now,
            updated_at=now,
        )
        work.session.add(award)
        work.session.flush()
        work.audit(
            "create", "alliance_award", award.id, f"申报{kind.label}：{e.name} ¥{amount:,.2f}", after={"amount": amount}
        )
        return award.id


def decide_award(db: Database, actor: Actor, form: AwardDecisionForm, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    status = pick(AwardStatus, form.status, "status")
    if status is AwardStatus.APPLIED:
        raise ValidationError("请选择审定、兑现或未通过", field="status")
    with unit_of_work(db, actor, now=now) as work:
        award = get_or_404(work.session, AllianceAward, form.award_id, "奖励")
        check_version(award, form.version)
        if award.status in (AwardStatus.PAID.value, AwardStatus.REFUSED.value):
            raise ValidationError("该奖励已办结", field="status")
        if status is AwardStatus.PAID:
            check_day(form.paid_on, "paid_on", "兑现日期", today=local_date(now))
            assert form.paid_on is not None
            if form.paid_on < award.applied_on:
                raise ValidationError("兑现日期不能早于申报日期", field="paid_on")
            award.paid_on = form.paid_on
        before = award.status
        award.status, award.updated_at = status.value, now
        work.audit(
            "update",
            "alliance_award",
            award.id,
            f"奖励{status.label}：¥{award.amount:,.2f}",
            before={"status": before},
            after={"status": status.value},
        )


def list_awards(db: Database, actor: Actor, *, year: int | None = None) -> list[AwardRow]:
    actor.require(VIEW)
    with db.session() as s:
        q = select(AllianceAward, Enterprise.name).join(Enterprise, Enterprise.id == AllianceAward.enterprise_id)
        if year is not None:
            q = q.where(AllianceAward.year == year)
        pairs = s.execute(q.order_by(AllianceAward.year.desc(), AllianceAward.kind, Enterprise.name)).tuples().all()
        return [
            AwardRow(
                a.id,
                n,
                AwardKind(a.kind),
                a.year,
                a.title,
                a.amount,
                AwardStatus(a.status),
                a.applied_on,
                a.paid_on,
                a.version,
            )
            for a, n in pairs
        ]


def award_totals(db: Database, actor: Actor) -> list[AwardTotal]:
    """Paid awards per year and kind (Decimal sums in SQL)."""
    actor.require(VIEW)
    with db.session() as s:
        rows = s.execute(
            select(AllianceAward.year, AllianceAward.kind, func.count(), func.sum(AllianceAward.amount))
            .where(AllianceAward.status == AwardStatus.PAID.value)
            .group_by(AllianceAward.year, AllianceAward.kind)
            .order_by(AllianceAward.year.desc(), AllianceAward.kind)
        ).all()
    return [
        AwardTotal(int(y), AwardKind(k), int(n), Decimal(total or 0).quantize(Decimal("0.01")))
        for y, k, n, total in rows
    ]
