"""Complaints and reports (投诉举报) about members or by consumers: register, decide, test, finish.

Each write checks the permission, loads the case, checks the version the screen showed, lets the
domain (:func:`laoshan_desk.domain.alliance.clocks.complaint_clock`) decide the status and limits,
stores them on the row for the queue, and audits — one unit of work. The rules are in
docs/rules/alliance.md §alliance-complaints. A case about a member goes to the member's liaison officer.

The ``apply_*`` functions do the work inside a caller's session, so that the Excel import goes
through exactly the checks the counter does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.clocks import ComplaintFacts, Pause, complaint_clock, local_date
from laoshan_desk.domain.alliance.requests import complaint_number
from laoshan_desk.domain.alliance.vocabulary import (
    ComplaintDecision,
    ComplaintKind,
    ComplaintOutcome,
    ComplaintStatus,
    RejectReason,
)
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.services.alliance.common import EDIT, check_moment, check_version, get_or_404, pick, text
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import row_dict
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store import numbers
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceComplaint, AllianceComplaintPause, AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise

STATE = ["status", "decision", "decided_at", "outcome", "finished_at", "accept_limit", "finish_limit", "late"]
COMPLAINT_OUTCOMES = (ComplaintOutcome.AGREEMENT, ComplaintOutcome.MEDIATION_ENDED, ComplaintOutcome.WITHDRAWN)


@dataclasses.dataclass(frozen=True)
class ComplaintForm:
    kind: str
    received_at: dt.datetime | None
    content: str
    complainant: str = ""
    phone: str = ""
    real_name: bool = False
    enterprise_name: str = ""
    uscc: str = ""


@dataclasses.dataclass(frozen=True)
class DecisionForm:
    complaint_id: uuid.UUID
    decision: str
    decided_at: dt.datetime | None
    reject_reason: str = ""
    note: str = ""
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class PauseForm:
    """A testing period: start it (``end`` None) or record one already over."""

    complaint_id: uuid.UUID
    start: dt.date | None
    reason: str
    end: dt.date | None = None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class EndPauseForm:
    complaint_id: uuid.UUID
    end: dt.date | None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class ExtendForm:
    """A report's verification extended by 15 working days, with the approving head's name."""

    complaint_id: uuid.UUID
    approved_by: str
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class NotifyForm:
    complaint_id: uuid.UUID
    notified_at: dt.datetime | None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class FinishForm:
    complaint_id: uuid.UUID
    outcome: str
    finished_at: dt.datetime | None
    result: str = ""
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class ComplaintRef:
    id: uuid.UUID
    number: str
    status: ComplaintStatus
    officer_name: str


# -- the clock on the row ----------------------------------------------------------------------
def pauses_of(session: Session, complaint_id: uuid.UUID) -> tuple[Pause, ...]:
    rows = session.scalars(
        select(AllianceComplaintPause)
        .where(AllianceComplaintPause.complaint_id == complaint_id)
        .order_by(AllianceComplaintPause.start)
    )
    return tuple(Pause(p.start, p.end) for p in rows)


def facts_of(c: AllianceComplaint, pauses: tuple[Pause, ...]) -> ComplaintFacts:
    return ComplaintFacts(
        kind=ComplaintKind(c.kind),
        received_at=c.received_at,
        decision=ComplaintDecision(c.decision) if c.decision else None,
        decided_at=c.decided_at,
        extended=c.extended,
        real_name=c.real_name,
        pauses=pauses,
        notified_at=c.notified_at,
        finished_at=c.finished_at,
    )


def recompute(session: Session, c: AllianceComplaint, calendar: WorkCalendar, *, today: dt.date) -> None:
    """Store the status, limits and flags the domain computes (docs/rules/alliance.md §alliance-lights)."""
    session.flush()
    clock = complaint_clock(facts_of(c, pauses_of(session, c.id)), calendar, today=today)
    c.status = clock.status.value
    c.accept_limit = clock.accept_limit
    c.finish_limit = clock.finish_limit
    c.due_on = clock.due_on
    c.paused = clock.paused
    c.late = clock.late
    if clock.status is ComplaintStatus.FINISHED and c.finished_at is None:
        # A refusal, or an anonymous report's decision, finishes the case when it is taken.
        c.finished_at = c.notified_at or c.decided_at
    if c.finished_at is not None and c.outcome is None and c.decision:
        c.outcome = {
            ComplaintDecision.REJECT.value: ComplaintOutcome.REJECTED.value,
            ComplaintDecision.FILE.value: ComplaintOutcome.FILED.value,
            ComplaintDecision.NOT_FILE.value: ComplaintOutcome.NOT_FILED.value,
        }.get(c.decision)


# -- validation shared by the counter and the import --------------------------------------------
def validate_complaint(form: ComplaintForm, *, now: dt.datetime) -> dict[str, object]:
    kind = pick(ComplaintKind, form.kind, "kind")
    received = check_moment(form.received_at, "received_at", "登记时间", now=now)
    if received is None:
        raise ValidationError("请填写登记时间", field="received_at")
    content = text(form.content, "content", "内容", required=True)
    who = "投诉人" if kind is ComplaintKind.COMPLAINT else "举报人"
    complainant = text(form.complainant, "complainant", who, limit=100)
    if kind is ComplaintKind.COMPLAINT and not complainant:
        raise ValidationError("投诉须写明投诉人", field="complainant")
    phone = normalize_phone(form.phone, field="phone") if form.phone.strip() else ""
    name = text(form.enterprise_name, "enterprise_name", "被投诉企业", limit=200)
    uscc = normalize_uscc(form.uscc, field="uscc") if form.uscc.strip() else None
    if kind is ComplaintKind.COMPLAINT and not (name or uscc):
        raise ValidationError("投诉须写明被投诉企业", field="enterprise_name")
    return {
        "kind": kind.value,
        "received_at": received,
        "content": content,
        "complainant": complainant,
        "phone": phone,
        # A reporter who gives a name is a real-name reporter (art. 31); a complainant always is.
        "real_name": bool(complainant) and (form.real_name or kind is ComplaintKind.REPORT),
        "enterprise_name": name,
        "uscc": uscc,
    }


def _link_enterprise(session: Session, c: AllianceComplaint) -> None:
    """Find the enterprise (by USCC, else by exact name), its membership and liaison officer."""
    enterprise = None
    if c.uscc:
        enterprise = session.scalars(select(Enterprise).where(Enterprise.uscc == c.uscc)).first()
    elif c.enterprise_name:
        enterprise = session.scalars(select(Enterprise).where(Enterprise.name == c.enterprise_name)).first()
    c.enterprise_id = enterprise.id if enterprise else None
    if enterprise is not None and not c.enterprise_name:
        c.enterprise_name = enterprise.name
    member = None
    if enterprise is not None:
        member = session.scalars(
            select(AllianceMember).where(AllianceMember.enterprise_id == enterprise.id, AllianceMember.active.is_(True))
        ).first()
    c.member_id = member.id if member else None
    if member is not None:
        # One-to-one liaison: a member's cases go to its named officer (docs/rules/alliance.md §alliance-complaints).
        c.officer_name, c.officer_user_id = member.liaison_name, member.liaison_user_id


def apply_register(
    session: Session, form: ComplaintForm, *, now: dt.datetime, number: str = "", source: str = "desk"
) -> AllianceComplaint:
    values = validate_complaint(form, now=now)
    received = values["received_at"]
    assert isinstance(received, dt.datetime)
    if not number:
        day = local_date(received)
        number = complaint_number(day, numbers.allocate(session, f"alliance_complaint:{day:%Y%m%d}"))
    c = AllianceComplaint(
        id=uuid.uuid4(),
        seq=numbers.allocate(session, "alliance_complaint_seq"),
        number=number,
        source=source,
        status=ComplaintStatus.REGISTERED.value,
        accept_limit=received.date(),
        created_at=now,
        updated_at=now,
        **values,
    )
    session.add(c)
    _link_enterprise(session, c)
    return c


def apply_decision(session: Session, c: AllianceComplaint, form: DecisionForm, *, now: dt.datetime) -> None:
    decision = pick(ComplaintDecision, form.decision, "decision")
    kind = ComplaintKind(c.kind)
    if decision.kind is not kind:
        wanted = "受理或不予受理" if kind is ComplaintKind.COMPLAINT else "立案或不予立案"
        raise ValidationError(f"{kind.label}应作出{wanted}决定", field="decision")
    if c.decision is not None:
        raise ValidationError("已作出决定，不能重复决定", field="decision")
    decided = check_moment(form.decided_at, "decided_at", "决定时间", now=now)
    if decided is None:
        raise ValidationError("请填写决定时间", field="decided_at")
    if decided < c.received_at:
        raise ValidationError("决定时间不能早于登记时间", field="decided_at")
    reason = None
    if decision is ComplaintDecision.REJECT:
        reason = pick(RejectReason, form.reject_reason or RejectReason.OTHER.value, "reject_reason").value
    c.decision, c.decided_at, c.reject_reason = decision.value, decided, reason
    note = text(form.note, "note", "说明")
    if note:
        c.result = note


def apply_finish(session: Session, c: AllianceComplaint, form: FinishForm, *, now: dt.datetime) -> None:
    """End a complaint's mediation with its outcome (reports finish with their decision or notice)."""
    outcome = pick(ComplaintOutcome, form.outcome, "outcome")
    if c.kind != ComplaintKind.COMPLAINT.value or c.decision != ComplaintDecision.ACCEPT.value:
        raise ValidationError("只有已受理的投诉需要办结调解；举报随决定或告知办结", field="outcome")
    if outcome not in COMPLAINT_OUTCOMES:
        raise ValidationError("调解结果应为：" + "、".join(o.label for o in COMPLAINT_OUTCOMES), field="outcome")
    if c.finished_at is not None:
        raise ValidationError("该件已办结", field="outcome")
    finished = check_moment(form.finished_at, "finished_at", "办结时间", now=now)
    if finished is None:
        raise ValidationError("请填写办结时间", field="finished_at")
    assert c.decided_at is not None
    if finished < c.decided_at:
        raise ValidationError("办结时间不能早于受理决定时间", field="finished_at")
    if any(p.end is None for p in pauses_of(session, c.id)):
        raise ValidationError("检测鉴定尚未结束，请先登记结束日期", field="finished_at")
    c.outcome, c.finished_at = outcome.value, finished
    result = text(form.result, "result", "处理结果")
    if result:
        c.result = result


def apply_notify(session: Session, c: AllianceComplaint, form: NotifyForm, *, now: dt.datetime) -> None:
    if c.status != ComplaintStatus.AWAITING_NOTICE.value:
        raise ValidationError("只有待告知的实名举报需要登记告知", field="notified_at")
    told = check_moment(form.notified_at, "notified_at", "告知时间", now=now)
    if told is None:
        raise ValidationError("请填写告知时间", field="notified_at")
    assert c.decided_at is not None
    if told < c.decided_at:
        raise ValidationError("告知时间不能早于立案决定时间", field="notified_at")
    c.notified_at = told


# -- the clerk's actions -----------------------------------------------------------------------
def _after(work: Work, c: AllianceComplaint, db: Database, summary: str, action: str, before: object) -> ComplaintRef:
    recompute(work.session, c, work_calendar(db), today=local_date(work.now))
    c.updated_at = work.now
    work.session.flush()
    work.audit(action, "alliance_complaint", c.id, f"{summary}：{c.number}", before=before, after=row_dict(c, STATE))  # type: ignore[arg-type]
    return ComplaintRef(c.id, c.number, ComplaintStatus(c.status), c.officer_name)


def register(db: Database, actor: Actor, form: ComplaintForm, *, now: dt.datetime) -> ComplaintRef:
    """Register a complaint or report; a member's goes to its liaison officer."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        c = apply_register(work.session, form, now=now)
        return _after(work, c, db, f"登记{ComplaintKind(c.kind).label}", "create", None)


def _load(work: Work, complaint_id: uuid.UUID, version: int | None) -> tuple[AllianceComplaint, dict[str, object]]:
    c = get_or_404(work.session, AllianceComplaint, complaint_id, "投诉举报")
    check_version(c, version)
    return c, row_dict(c, STATE)


def decide(db: Database, actor: Actor, form: DecisionForm, *, now: dt.datetime) -> ComplaintRef:
    """受理 / 不予受理 a complaint (art. 14–15), 立案 / 不予立案 a report (art. 23)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        apply_decision(work.session, c, form, now=now)
        return _after(work, c, db, pick(ComplaintDecision, form.decision, "decision").label, "update", before)


def start_pause(db: Database, actor: Actor, form: PauseForm, *, now: dt.datetime) -> ComplaintRef:
    """A testing period: its working days are not counted (art. 20)."""
    actor.require(EDIT)
    reason = text(form.reason, "reason", "检测鉴定事项", required=True, limit=200)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        if c.finished_at is not None or c.status == ComplaintStatus.AWAITING_NOTICE.value:
            raise ValidationError("该件已不在计时中，无需登记检测鉴定", field="start")
        if form.start is None or not c.received_at.date() <= form.start <= now.date():
            raise ValidationError("检测开始日期应在登记日期与今天之间", field="start")
        if form.end is not None and not form.start <= form.end <= now.date():
            raise ValidationError("检测结束日期应在开始日期与今天之间", field="end")
        if any(p.end is None for p in pauses_of(work.session, c.id)):
            raise ValidationError("已有未结束的检测鉴定", field="start")
        work.session.add(
            AllianceComplaintPause(id=uuid.uuid4(), complaint_id=c.id, start=form.start, end=form.end, reason=reason)
        )
        return _after(work, c, db, f"登记检测鉴定（{reason}）", "update", before)


def end_pause(db: Database, actor: Actor, form: EndPauseForm, *, now: dt.datetime) -> ComplaintRef:
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        open_rows = work.session.scalars(
            select(AllianceComplaintPause).where(
                AllianceComplaintPause.complaint_id == c.id, AllianceComplaintPause.end.is_(None)
            )
        ).all()
        if not open_rows:
            raise ValidationError("没有进行中的检测鉴定", field="end")
        pause = open_rows[0]
        if form.end is None or not pause.start <= form.end <= now.date():
            raise ValidationError("检测结束日期应在开始日期与今天之间", field="end")
        pause.end = form.end
        return _after(work, c, db, "检测鉴定结束", "update", before)


def extend_verification(db: Database, actor: Actor, form: ExtendForm, *, now: dt.datetime) -> ComplaintRef:
    """+15 working days for a report's verification, approved by the bureau head (art. 23)."""
    actor.require(EDIT)
    approver = text(form.approved_by, "approved_by", "批准人", required=True, limit=50)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        if c.kind != ComplaintKind.REPORT.value or c.decision is not None:
            raise ValidationError("只有核查中的举报可以延长核查期限", field="approved_by")
        if c.extended:
            raise ValidationError("核查期限已延长过一次", field="approved_by")
        if now.date() > c.accept_limit:
            raise ValidationError("核查期限已过，不能再延长", field="approved_by")
        c.extended = True
        c.result = (c.result + "\n" if c.result else "") + f"核查期限延长十五个工作日（批准人：{approver}）"
        return _after(work, c, db, "延长核查期限", "update", before)


def notify(db: Database, actor: Actor, form: NotifyForm, *, now: dt.datetime) -> ComplaintRef:
    """The real-name reporter has been told the filing decision (art. 31)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        apply_notify(work.session, c, form, now=now)
        return _after(work, c, db, "告知举报人", "update", before)


def finish(db: Database, actor: Actor, form: FinishForm, *, now: dt.datetime) -> ComplaintRef:
    """End a complaint's mediation: agreement, termination (art. 21) or withdrawal."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        c, before = _load(work, form.complaint_id, form.version)
        apply_finish(work.session, c, form, now=now)
        return _after(work, c, db, f"办结（{pick(ComplaintOutcome, form.outcome, 'outcome').label}）", "update", before)
