"""Step 3 (speed): the measures taken, the lawsuit, renewals, and the rows of measures with their terms."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound, ValidationError
from laoshan_desk.domain.preservation import (
    CaseKind,
    Measure,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    EDIT,
    REMINDER_DAYS,
    _asset_row,
    _assets,
    _event,
    _get_case,
    _update_next_expiry,
)
from laoshan_desk.services.preservation.plan import _plan_view
from laoshan_desk.services.preservation.rows import MeasureRow
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresMeasure,
    PresRenewal,
)

# --------------------------------------------------------------------------------------------
# Step 3: measures, renewals, releases, clocks
# --------------------------------------------------------------------------------------------


def record_measures(
    db: Database,
    actor: Actor,
    case_id: uuid.UUID,
    *,
    taken_on: dt.date,
    now: dt.datetime,
    term_years: dict[str, int] | None = None,
) -> int:
    """The freezes and seizures actually taken, from the ruled plan; starts terms and the suit clock."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.status != "granted":
            raise DeskError("只有已裁定准予保全、尚未执行的案件可以登记保全措施")
        if taken_on > now.date():
            raise ValidationError("采取措施的日期不能晚于今天", field="taken_on")
        if case.ruled_at is not None and taken_on < case.ruled_at.date():
            raise ValidationError("采取措施的日期不能早于裁定日期", field="taken_on")
        view = _plan_view(work.session, case, now.date())
        if view.violations:
            raise DeskError("保全方案仍有不合规之处，请法官修正后再执行")
        if view.needs_approval and not view.approved:
            raise DeskError("方案冻结基本账户，须经院领导审批后方可执行")
        if not view.selected:
            raise DeskError("保全方案没有需要执行的财产")
        assets = {a.id: a for a in _assets(work.session, case.id)}
        for sel in view.selected:
            a = assets[sel.asset_id]
            years = (term_years or {}).get(a.code)
            term = rules.freeze_term(a.type, taken_on, years=years, reminder_days=REMINDER_DAYS)
            work.session.add(
                PresMeasure(
                    case_id=case.id,
                    asset_id=a.id,
                    respondent_id=case.respondent_id,
                    measure=sel.measure,
                    amount=sel.amount,
                    taken_on=taken_on,
                    term_years=term.years,
                    expiry=term.expiry,
                    status="active",
                )
            )
        at = dt.datetime.combine(taken_on, now.timetz()) if taken_on != now.date() else now
        case.executed_at = at
        case.status = "executed"
        if case.kind == CaseKind.PRE_SUIT.value:
            case.lawsuit_due_on = rules.lawsuit_due(case.received_at, taken_on, calendar=work_calendar(db)).date
        _update_next_expiry(work.session, case)
        case.updated_at = now
        _event(work, case, "executed", at, f"{len(view.selected)}项")
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"登记保全措施 {case.case_number}：{len(view.selected)}项，合计{view.total_preserved:,.2f}元",
            after={"taken_on": taken_on.isoformat(), "count": len(view.selected)},
        )
        return len(view.selected)


def record_lawsuit(db: Database, actor: Actor, case_id: uuid.UUID, *, filed_on: dt.datetime, now: dt.datetime) -> None:
    """The pre-suit applicant sued (or applied for arbitration) in time: the suit clock stops."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        case.lawsuit_filed_at = filed_on
        case.updated_at = now
        _event(work, case, "lawsuit_filed", filed_on)
        work.audit("update", "pres_case", case.id, f"登记申请人起诉 {case.case_number}")


def renew_measure(
    db: Database,
    actor: Actor,
    measure_id: uuid.UUID,
    *,
    renewed_on: dt.date,
    now: dt.datetime,
    years: int | None = None,
) -> dt.date:
    """Renew (续行) a freeze or seizure before its term ends; a new term within the same limits."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        m = work.session.get(PresMeasure, measure_id)
        if m is None or m.status != "active":
            raise NotFound("保全措施不存在或已解除")
        case = _get_case(work.session, actor, m.case_id)
        if renewed_on > m.expiry:
            raise ValidationError(
                f"保全期限已于{m.expiry.isoformat()}届满，不能续行，须重新申请保全", field="renewed_on"
            )
        if renewed_on < m.taken_on:
            raise ValidationError("续行日期不能早于采取措施的日期", field="renewed_on")
        asset = work.session.get(PresAsset, m.asset_id)
        assert asset is not None
        term = rules.freeze_term(asset.type, renewed_on, years=years, reminder_days=REMINDER_DAYS)
        previous = m.expiry
        work.session.add(
            PresRenewal(
                measure_id=m.id,
                renewed_on=renewed_on,
                previous_expiry=previous,
                new_expiry=term.expiry,
                by=actor.full_name or actor.username,
            )
        )
        m.expiry, m.term_years, m.renewals = term.expiry, term.years, m.renewals + 1
        _update_next_expiry(work.session, case)
        case.updated_at = now
        _event(work, case, "renewed", now, _asset_row(asset).label)
        work.audit(
            "update",
            "pres_measure",
            m.id,
            f"续行保全 {case.case_number}：{_asset_row(asset).label}至{term.expiry.isoformat()}",
            before={"expiry": previous.isoformat()},
            after={"expiry": term.expiry.isoformat()},
        )
        return term.expiry


def _active_measures(session: Session, case_id: uuid.UUID) -> list[PresMeasure]:
    return list(
        session.scalars(select(PresMeasure).where(PresMeasure.case_id == case_id, PresMeasure.status == "active"))
    )


def _measure_rows(
    session: Session, case_ids: Sequence[uuid.UUID], today: dt.date, only_active: bool = False
) -> list[MeasureRow]:
    if not case_ids:
        return []
    q = (
        select(PresMeasure, PresAsset)
        .join(PresAsset, PresAsset.id == PresMeasure.asset_id)
        .where(PresMeasure.case_id.in_(case_ids))
    )
    if only_active:
        q = q.where(PresMeasure.status == "active")
    rows = []
    for m, a in session.execute(q.order_by(PresMeasure.expiry)):
        r = _asset_row(a)
        term = rules.FreezeTerm(
            rules.term_category(a.type),
            m.taken_on,
            m.expiry,
            m.expiry - dt.timedelta(days=REMINDER_DAYS),
            m.expiry - dt.timedelta(days=7),
            m.term_years,
        )
        rows.append(
            MeasureRow(
                m.id,
                a.id,
                r.label,
                r.institution,
                r.number,
                a.type == "account",
                m.measure,
                Measure(m.measure).label,
                m.amount,
                m.taken_on,
                m.term_years,
                m.expiry,
                term.renew_apply_by,
                term.reminder_on,
                m.renewals,
                m.status,
                m.released_on,
                term.light(today, released=m.status != "active"),
                term.days_left(today),
            )
        )
    return rows
