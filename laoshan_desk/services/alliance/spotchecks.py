"""Quality spot checks (监督抽检): plans, batches, results, re-inspection and follow-up (the
lists and totals are in :mod:`.spot_lists`).

Product Quality Law art. 15 as the desk applies it (docs/rules/alliance.md §alliance-spot-checks): no fee is
ever recorded; a batch that a higher level has already sampled this year is refused unless the
clerk confirms (the confirmation is audited); a re-inspection is accepted only within 15 days of
the result reaching the enterprise; each non-conforming batch gets a follow-up limit (a setting).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.clocks import (
    followup_due,
    local_date,
    reinspection_deadline,
    reinspection_open,
)
from laoshan_desk.domain.alliance.spotchecks import PriorBatch, check_no_fee, repeat_sampling_warning
from laoshan_desk.domain.alliance.vocabulary import FollowUpStep, SamplingLevel, Season, SpotProduct, SpotResult
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import enterprise_registry as registry
from laoshan_desk.services.alliance.common import (
    EDIT,
    VIEW,
    check_day,
    check_version,
    get_or_404,
    pick,
    read_settings,
    text,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceSpotBatch, AllianceSpotFollowUp, AllianceSpotPlan
from laoshan_desk.store.models.enterprises import Enterprise

FINAL = (FollowUpStep.CASE_FILED, FollowUpStep.CLOSED)


@dataclasses.dataclass(frozen=True)
class PlanForm:
    year: int
    season: str
    product: str
    planned_batches: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class BatchForm:
    enterprise_name: str
    uscc: str
    product: str
    product_name: str
    batch_number: str
    sampled_on: dt.date | None
    lab: str
    level: str = SamplingLevel.DISTRICT.value
    fee: Decimal | None = None
    plan_id: uuid.UUID | None = None
    confirm_repeat: bool = False  # the clerk read the repeated-sampling warning and goes on


@dataclasses.dataclass(frozen=True)
class ResultForm:
    batch_id: uuid.UUID
    result: str
    result_on: dt.date | None
    notified_on: dt.date | None = None
    items_failed: str = ""
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class ReinspectionForm:
    batch_id: uuid.UUID
    requested_on: dt.date | None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class FollowUpForm:
    batch_id: uuid.UUID
    step: str
    on: dt.date | None
    note: str = ""
    version: int | None = None


def add_plan(db: Database, actor: Actor, form: PlanForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require(EDIT)
    season = pick(Season, form.season, "season")
    product = pick(SpotProduct, form.product, "product")
    if not 2000 <= form.year <= now.year + 1:
        raise ValidationError(f"计划年度应在 2000 至 {now.year + 1} 之间", field="year")
    if not 0 <= form.planned_batches <= 10000:
        raise ValidationError("计划批次应在 0 至 10000 之间", field="planned_batches")
    with unit_of_work(db, actor, now=now) as work:
        dup = work.session.scalars(
            select(AllianceSpotPlan.id).where(
                AllianceSpotPlan.year == form.year,
                AllianceSpotPlan.season == season.value,
                AllianceSpotPlan.product == product.value,
            )
        ).first()
        if dup is not None:
            raise ValidationError(f"{form.year}年{season.label}{product.label}抽检计划已存在", field="product")
        plan = AllianceSpotPlan(
            id=uuid.uuid4(),
            year=form.year,
            season=season.value,
            product=product.value,
            planned_batches=form.planned_batches,
            note=text(form.note, "note", "说明"),
            created_at=now,
        )
        work.session.add(plan)
        work.session.flush()
        work.audit("create", "alliance_spot_plan", plan.id, f"新增抽检计划：{form.year}年{season.label}{product.label}")
        return plan.id


def _prior(session: Session, enterprise_id: uuid.UUID, uscc: str, product: SpotProduct, year: int) -> list[PriorBatch]:
    rows = session.scalars(
        select(AllianceSpotBatch).where(
            AllianceSpotBatch.enterprise_id == enterprise_id,
            AllianceSpotBatch.product == product.value,
            AllianceSpotBatch.sampled_on >= dt.date(year, 1, 1),
            AllianceSpotBatch.sampled_on <= dt.date(year, 12, 31),
        )
    )
    return [PriorBatch(uscc, product, SamplingLevel(b.level), b.sampled_on, b.batch_number) for b in rows]


def repeat_warning(
    db: Database, actor: Actor, *, uscc: str, product: str, level: str, sampled_on: dt.date
) -> str | None:
    """The repeated-sampling warning a batch would raise (shown before saving), or None."""
    actor.require(VIEW)
    prod = pick(SpotProduct, product, "product")
    lvl = pick(SamplingLevel, level, "level")
    with db.session() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.uscc == uscc.strip().upper())).first()
        if e is None or e.uscc is None:
            return None
        prior = _prior(s, e.id, e.uscc, prod, sampled_on.year)
    return repeat_sampling_warning(uscc=uscc, product=prod, level=lvl, sampled_on=sampled_on, prior=prior)


def record_batch(db: Database, actor: Actor, form: BatchForm, *, now: dt.datetime) -> uuid.UUID:
    """A batch sampled: free of charge, and not a lower level's repeat of a higher level's sample."""
    actor.require(EDIT)
    check_no_fee(form.fee)
    product = pick(SpotProduct, form.product, "product")
    level = pick(SamplingLevel, form.level, "level")
    check_day(form.sampled_on, "sampled_on", "抽样日期", today=local_date(now))
    assert form.sampled_on is not None
    number = text(form.batch_number, "batch_number", "批次编号", required=True, limit=40)
    lab = text(form.lab, "lab", "检验机构", required=True, limit=100)
    name = text(form.product_name, "product_name", "产品名称", required=True, limit=100)
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        enterprise = registry.record(s, registry.EnterpriseForm(form.enterprise_name, form.uscc), now=now)
        if s.scalars(select(AllianceSpotBatch.id).where(AllianceSpotBatch.batch_number == number)).first():
            raise ValidationError(f"批次编号 {number} 已登记", field="batch_number")
        warning = None
        if enterprise.uscc is not None:
            prior = _prior(s, enterprise.id, enterprise.uscc, product, form.sampled_on.year)
            warning = repeat_sampling_warning(
                uscc=enterprise.uscc, product=product, level=level, sampled_on=form.sampled_on, prior=prior
            )
        if warning and not form.confirm_repeat:
            raise ValidationError(
                warning + "；确需抽检请勾选“确认重复抽检”", field="confirm_repeat", code="repeat_sampling"
            )
        if form.plan_id is not None:
            get_or_404(s, AllianceSpotPlan, form.plan_id, "抽检计划")
        batch = AllianceSpotBatch(
            id=uuid.uuid4(),
            plan_id=form.plan_id,
            enterprise_id=enterprise.id,
            product=product.value,
            product_name=name,
            batch_number=number,
            sampled_on=form.sampled_on,
            lab=lab,
            level=level.value,
            repeat_confirmed=bool(warning),
            created_at=now,
            updated_at=now,
        )
        s.add(batch)
        s.flush()
        work.audit(
            "create",
            "alliance_spot_batch",
            batch.id,
            f"登记抽检批次：{number} {enterprise.name} {product.label}" + ("（确认重复抽检）" if warning else ""),
            after={"warning": warning} if warning else None,
        )
        return batch.id


def record_result(db: Database, actor: Actor, form: ResultForm, *, now: dt.datetime) -> None:
    """The lab's result; a non-conforming batch starts its follow-up clock."""
    actor.require(EDIT)
    result = pick(SpotResult, form.result, "result")
    if result is SpotResult.PENDING:
        raise ValidationError("请选择合格或不合格", field="result")
    today = local_date(now)
    check_day(form.result_on, "result_on", "检验结果日期", today=today)
    check_day(form.notified_on, "notified_on", "告知企业日期", today=today, required=False)
    assert form.result_on is not None
    items = text(form.items_failed, "items_failed", "不合格项目")
    if result is SpotResult.NONCONFORMING and not items:
        raise ValidationError("请填写不合格项目", field="items_failed")
    with unit_of_work(db, actor, now=now) as work:
        batch = get_or_404(work.session, AllianceSpotBatch, form.batch_id, "抽检批次")
        check_version(batch, form.version)
        if form.result_on < batch.sampled_on:
            raise ValidationError("检验结果日期不能早于抽样日期", field="result_on")
        if form.notified_on is not None and form.notified_on < form.result_on:
            raise ValidationError("告知企业日期不能早于检验结果日期", field="notified_on")
        batch.result, batch.result_on, batch.notified_on = result.value, form.result_on, form.notified_on
        batch.items_failed = items if result is SpotResult.NONCONFORMING else ""
        if result is SpotResult.NONCONFORMING:
            days = read_settings(work.session).followup_workdays
            batch.followup_due = followup_due(form.result_on, work_calendar(db), days)
        else:
            batch.followup_due = batch.followup_step = batch.followup_closed_on = None
        batch.updated_at = now
        work.audit("update", "alliance_spot_batch", batch.id, f"登记检验结果：{batch.batch_number} {result.label}")


def request_reinspection(db: Database, actor: Actor, form: ReinspectionForm, *, now: dt.datetime) -> None:
    """The enterprise asks for re-inspection: only within 15 days of receiving the result."""
    actor.require(EDIT)
    check_day(form.requested_on, "requested_on", "申请复检日期", today=local_date(now))
    assert form.requested_on is not None
    with unit_of_work(db, actor, now=now) as work:
        batch = get_or_404(work.session, AllianceSpotBatch, form.batch_id, "抽检批次")
        check_version(batch, form.version)
        if batch.result != SpotResult.NONCONFORMING.value:
            raise ValidationError("只有不合格批次可以申请复检", field="requested_on")
        if batch.reinspection_requested_on is not None:
            raise ValidationError("已申请过复检", field="requested_on")
        if batch.notified_on is None:
            raise ValidationError("请先登记检验结果告知企业的日期", field="requested_on")
        if not reinspection_open(batch.notified_on, work_calendar(db), form.requested_on):
            until = reinspection_deadline(batch.notified_on, work_calendar(db))
            raise ValidationError(
                f"复检申请期限至 {until:%Y-%m-%d}（收到检验结果之日起十五日），已超过期限", field="requested_on"
            )
        batch.reinspection_requested_on = form.requested_on
        batch.updated_at = now
        work.audit("update", "alliance_spot_batch", batch.id, f"申请复检：{batch.batch_number}")


def add_followup(db: Database, actor: Actor, form: FollowUpForm, *, now: dt.datetime) -> None:
    """One follow-up step of a non-conforming batch, in order: notice first; filed or closed ends it."""
    actor.require(EDIT)
    step = pick(FollowUpStep, form.step, "step")
    check_day(form.on, "on", "日期", today=local_date(now))
    assert form.on is not None
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        batch = get_or_404(s, AllianceSpotBatch, form.batch_id, "抽检批次")
        check_version(batch, form.version)
        if batch.result != SpotResult.NONCONFORMING.value:
            raise ValidationError("只有不合格批次需要后续处置", field="step")
        done = list(
            s.scalars(
                select(AllianceSpotFollowUp)
                .where(AllianceSpotFollowUp.batch_id == batch.id)
                .order_by(AllianceSpotFollowUp.n)
            )
        )
        kinds = [FollowUpStep(d.step) for d in done]
        if any(k in FINAL for k in kinds):
            raise ValidationError("处置已完毕", field="step")
        if step is not FollowUpStep.NOTICE and FollowUpStep.NOTICE not in kinds:
            raise ValidationError("请先告知企业并责令整改", field="step")
        if step is FollowUpStep.NOTICE and kinds:
            raise ValidationError("已告知企业", field="step")
        if done and form.on < done[-1].on:
            raise ValidationError(f"日期不能早于上一步骤（{done[-1].on:%Y-%m-%d}）", field="on")
        assert batch.result_on is not None
        if form.on < batch.result_on:
            raise ValidationError("日期不能早于检验结果日期", field="on")
        s.add(
            AllianceSpotFollowUp(
                id=uuid.uuid4(),
                batch_id=batch.id,
                n=len(done) + 1,
                step=step.value,
                on=form.on,
                note=text(form.note, "note", "说明"),
                by=actor.full_name,
                at=now,
            )
        )
        batch.followup_step = step.value
        if step in FINAL:
            batch.followup_closed_on = form.on
        batch.updated_at = now
        work.audit("update", "alliance_spot_batch", batch.id, f"不合格处置：{batch.batch_number} {step.label}")


@dataclasses.dataclass(frozen=True)
class PlanRow:
    id: uuid.UUID
    year: int
    season: Season
    product: SpotProduct
    planned_batches: int
    sampled: int

    @property
    def label(self) -> str:
        return f"{self.year}年{self.season.label}{self.product.label}"


def list_plans(db: Database, actor: Actor, *, year: int | None = None) -> list[PlanRow]:
    """The plans by product and season, with the batches sampled under each."""
    actor.require(VIEW)
    with db.session() as s:
        counts = dict(
            s.execute(
                select(AllianceSpotBatch.plan_id, func.count())
                .where(AllianceSpotBatch.plan_id.is_not(None))
                .group_by(AllianceSpotBatch.plan_id)
            )
            .tuples()
            .all()
        )
        q = select(AllianceSpotPlan).order_by(
            AllianceSpotPlan.year.desc(), AllianceSpotPlan.season, AllianceSpotPlan.product
        )
        if year is not None:
            q = q.where(AllianceSpotPlan.year == year)
        return [
            PlanRow(p.id, p.year, Season(p.season), SpotProduct(p.product), p.planned_batches, counts.get(p.id, 0))
            for p in s.scalars(q)
        ]
