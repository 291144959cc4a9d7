"""Step 3, speed (能快保就不慢保): the measures taken, the applicant's lawsuit, renewals, and the
rows of measures with their terms and lights.

Terms and renewals: docs/rules.md §preservation-terms; the suit clock: §preservation-deadlines.
The reminder follows the admin's setting (管理 → 设置, 7–90 days).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound, ValidationError
from laoshan_desk.domain.preservation import AssetType, CaseKind, CaseStatus, ClockEvent, Measure, MeasureStatus
from laoshan_desk.domain.timeutil import TZ, aware
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    EDIT,
    asset_row,
    assets_of,
    case_for_write,
    check_version,
    event,
    get_case,
    reminder_days_in,
    touch,
    update_next_expiry,
)
from laoshan_desk.services.preservation.forms import LawsuitForm, MeasuresForm, ReleaseApplicationForm, RenewalForm
from laoshan_desk.services.preservation.plan import plan_view
from laoshan_desk.services.preservation.rows import MeasureRow, RenewalResult
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresAsset, PresMeasure, PresRenewal
from laoshan_desk.store.queries import preservation as queries


def record_measures(db: Database, actor: Actor, form: MeasuresForm, *, now: dt.datetime) -> int:
    """The freezes and seizures actually taken, from the ruled plan; starts terms and the suit clock."""
    actor.require(EDIT)
    taken_on = form.taken_on
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.status != CaseStatus.GRANTED:
            raise DeskError("只有已裁定准予保全、尚未执行的案件可以登记保全措施")
        if taken_on > now.date():
            raise ValidationError("采取措施的日期不能晚于今天", field="taken_on")
        if case.ruled_at is not None and taken_on < case.ruled_at.date():
            raise ValidationError("采取措施的日期不能早于裁定日期", field="taken_on")
        view = plan_view(work.session, case, now.date())
        if view.violations:
            raise DeskError("保全方案仍有不合规之处，请法官修正后再执行")
        if view.needs_approval and not view.approved:
            raise DeskError("方案冻结基本账户，须经院领导审批后方可执行")
        if not view.selected:
            raise DeskError("保全方案没有需要执行的财产")
        reminder = reminder_days_in(work.session)
        assets = {a.id: a for a in assets_of(work.session, case.id)}
        for sel in view.selected:
            a = assets[sel.asset_id]
            term = rules.freeze_term(a.type, taken_on, years=form.term_years.get(a.code), reminder_days=reminder)
            work.session.add(
                PresMeasure(
                    case_id=case.id,
                    asset_id=a.id,
                    respondent_id=case.respondent_id,
                    measure=sel.measure.value,
                    amount=sel.amount,
                    taken_on=taken_on,
                    term_years=term.years,
                    expiry=term.expiry,
                    status=MeasureStatus.ACTIVE.value,
                )
            )
        at = dt.datetime.combine(taken_on, now.timetz()) if taken_on != now.date() else now
        case.executed_at = at
        case.status = CaseStatus.EXECUTED.value
        if case.kind == CaseKind.PRE_SUIT:
            case.lawsuit_due_on = rules.lawsuit_due(case.received_at, taken_on, calendar=calendar).date
        update_next_expiry(work.session, case)
        touch(case, now)
        event(work, case, ClockEvent.EXECUTED, at, f"{len(view.selected)}项")
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"登记保全措施 {case.case_number}：{len(view.selected)}项，合计{view.total_preserved:,.2f}元",
            after={"taken_on": taken_on.isoformat(), "count": len(view.selected)},
        )
        return len(view.selected)


def record_lawsuit(db: Database, actor: Actor, form: LawsuitForm, *, now: dt.datetime) -> None:
    """The pre-suit applicant sued (or applied for arbitration): the suit clock stops."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.kind != CaseKind.PRE_SUIT or case.executed_at is None:
            raise DeskError("只有已执行保全措施的诉前保全案件需要登记申请人起诉")
        if form.filed_on > now + dt.timedelta(minutes=5):
            raise ValidationError("起诉时间不能晚于当前时间", field="filed_on")
        case.lawsuit_filed_at = form.filed_on
        touch(case, now)
        event(work, case, ClockEvent.LAWSUIT_FILED, form.filed_on)
        work.audit("update", "pres_case", case.id, f"登记申请人起诉 {case.case_number}")


def record_release_application(db: Database, actor: Actor, form: ReleaseApplicationForm, *, now: dt.datetime) -> None:
    """The applicant applied to release: the five-day clock for the release ruling starts
    (48 hours when urgent; 《财产保全规定》第二十三条, docs/rules.md §preservation-release).

    The clerk may record an application received on an earlier day: never a day after today,
    nor one before the measures were taken (there was nothing to release yet)."""
    actor.require(EDIT)
    applied_at = application_moment(form.applied_on, now)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.status != CaseStatus.EXECUTED:
            raise DeskError("只有正在执行保全措施的案件可以登记解除保全申请")
        if applied_at > now + dt.timedelta(minutes=5):
            raise ValidationError("解除保全申请日期不能晚于今天", field="applied_on")
        first = work.session.scalar(select(func.min(PresMeasure.taken_on)).where(PresMeasure.case_id == case.id))
        if first is not None and applied_at.date() < first:
            raise ValidationError(
                f"解除保全申请日期不能早于采取保全措施的日期（{first.isoformat()}）", field="applied_on"
            )
        case.release_applied_at, case.release_applied_ruled_at = applied_at, None
        touch(case, now)
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"登记申请人申请解除保全 {case.case_number}（{applied_at.date().isoformat()}申请）",
            after={"applied_at": applied_at.isoformat()},
        )


def application_moment(applied_on: dt.date, now: dt.datetime) -> dt.datetime:
    """When the five-day (or 48-hour) clock of 第二十三条 starts: the moment given, ``now`` for an
    application received today, the start of an earlier day (the earliest it can have come in, so
    that the court's limit is never counted longer than the law allows)."""
    if isinstance(applied_on, dt.datetime):
        return aware(applied_on)
    if applied_on == now.date():
        return now
    return dt.datetime.combine(applied_on, dt.time.min, tzinfo=TZ)


def renew_measure(db: Database, actor: Actor, form: RenewalForm, *, now: dt.datetime) -> RenewalResult:
    """Renew (续行) a freeze or seizure before its term ends; a new term within the same limits.

    An application made less than seven days before the end goes through with a warning naming
    《财产保全规定》第十八条, kept on the renewal (docs/rules.md §preservation-terms).
    """
    actor.require(EDIT)
    renewed_on = form.renewed_on
    applied_on = form.applied_on or renewed_on
    with unit_of_work(db, actor, now) as work:
        m = work.session.get(PresMeasure, form.measure_id)
        if m is None or m.status != MeasureStatus.ACTIVE:
            raise NotFound("保全措施不存在或已解除")
        case = get_case(work.session, actor, m.case_id)
        check_version(case, form.version)
        if renewed_on > m.expiry:
            raise ValidationError(
                f"保全期限已于{m.expiry.isoformat()}届满，不能续行，须重新申请保全", field="renewed_on"
            )
        if renewed_on < m.taken_on:
            raise ValidationError("续行日期不能早于采取措施的日期", field="renewed_on")
        # The application's own day (the clerk may enter one received earlier): the seven-day
        # warning of 第十八条 is judged from it, so it must be a day that can have happened.
        if applied_on > now.date():
            raise ValidationError("续行申请日期不能晚于今天", field="applied_on")
        if applied_on < m.taken_on:
            raise ValidationError(
                f"续行申请日期不能早于采取该措施的日期（{m.taken_on.isoformat()}）", field="applied_on"
            )
        if applied_on > renewed_on:
            raise ValidationError("续行申请日期不能晚于续行日期", field="applied_on")
        warning = rules.late_renewal_warning(applied_on, m.expiry)
        asset = work.session.get(PresAsset, m.asset_id)
        assert asset is not None
        reminder = reminder_days_in(work.session)
        term = rules.freeze_term(asset.type, renewed_on, years=form.years, reminder_days=reminder)
        previous = m.expiry
        work.session.add(
            PresRenewal(
                measure_id=m.id,
                renewed_on=renewed_on,
                previous_expiry=previous,
                new_expiry=term.expiry,
                by=actor.full_name or actor.username,
                applied_on=applied_on,
                late_warning=warning or None,
            )
        )
        m.expiry, m.term_years, m.renewals = term.expiry, term.years, m.renewals + 1
        update_next_expiry(work.session, case)
        touch(case, now)
        label = asset_row(asset).label
        event(work, case, ClockEvent.RENEWED, now, label)
        work.audit(
            "update",
            "pres_measure",
            m.id,
            f"续行保全 {case.case_number}：{label}至{term.expiry.isoformat()}",
            before={"expiry": previous.isoformat()},
            after={"expiry": term.expiry.isoformat(), "applied_on": applied_on.isoformat(), "warning": warning},
        )
        return RenewalResult(term.expiry, warning)


def measure_rows(
    session: Session, case_ids: Sequence[uuid.UUID], today: dt.date, reminder_days: int, *, only_active: bool = False
) -> list[MeasureRow]:
    """The measures of these cases with their terms as stored and today's lights."""
    rows = []
    found = queries.measures_with_assets(session, case_ids, only_active=only_active)
    warnings: dict[uuid.UUID, str] = {}
    if found:
        late = select(PresRenewal.measure_id, PresRenewal.late_warning).where(
            PresRenewal.measure_id.in_([m.id for m, _a in found])
        )
        for measure_id, warning in session.execute(late.order_by(PresRenewal.new_expiry)):
            warnings[measure_id] = warning or ""  # the latest renewal's, by its new end
    for m, a in found:
        r = asset_row(a)
        term = rules.stored_term(a.type, m.taken_on, m.expiry, m.term_years, reminder_days=reminder_days)
        status = MeasureStatus(m.status)
        rows.append(
            MeasureRow(
                id=m.id,
                asset_id=a.id,
                asset_label=r.label,
                institution=r.institution,
                number=r.number,
                is_account=r.type is AssetType.ACCOUNT,
                measure=Measure(m.measure),
                amount=m.amount,
                taken_on=m.taken_on,
                term_years=m.term_years,
                expiry=m.expiry,
                renew_apply_by=term.renew_apply_by,
                reminder_on=term.reminder_on,
                renewals=m.renewals,
                status=status,
                released_on=m.released_on,
                light=term.light(today, released=status is not MeasureStatus.ACTIVE),
                days_left=term.days_left(today),
                keeps_use=r.type is not AssetType.ACCOUNT and r.in_operational_use,
                renewal_warning=warnings.get(m.id, ""),
            )
        )
    return rows
