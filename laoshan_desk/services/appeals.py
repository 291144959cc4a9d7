"""崂先办诉求: one function per thing a clerk does with an appeal, from intake to return visit.

Every write checks the permission, loads the appeal within the actor's scope (in SQL), checks
the status move with :func:`laoshan_desk.domain.appeals.check_transition`, records an
:class:`AppealEvent` (who, when, from, to, why), recomputes and stores the two clock limits,
and audits — all in one unit of work. Functions return plain dataclasses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import clocks
from laoshan_desk.domain.appeals import (
    AppealKind,
    AppealSnapshot,
    AppealStatus,
    Channel,
    HandlingLevel,
    Place,
    Satisfaction,
    check_transition,
    find_duplicates,
    finished_sms_text,
    format_appeal_number,
    suggest_dispatch,
)
from laoshan_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.identifiers import is_mobile, mask_phone, normalize_phone, normalize_uscc
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services import sms
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import (
    Appeal,
    AppealEvent,
    AppealExtension,
    AppealSupervision,
    AppealSuspension,
    AppealUnit,
    AppealVisit,
    Attachment,
)
from laoshan_desk.store.queries import appeals as q

VIEW, EDIT, APPROVE = "appeals.view", "appeals.edit", "appeals.approve_extension"

SUSPENSION_REASONS = {
    "appellant": "等待诉求人补充材料或配合",
    "test": "等待检测、鉴定结果",
    "other_body": "等待其他机关处理",
    "other": "其他",
}

ACTION_LABELS = {
    "intake": "受理",
    "dispatch": "派单",
    "reassign": "改派",
    "return": "退单",
    "co_handle": "吹哨报到",
    "respond": "响应",
    "progress": "办理",
    "suspend_request": "申请挂起",
    "suspend": "挂起",
    "suspend_refused": "挂起不予批准",
    "resume": "恢复办理",
    "extension_request": "申请延期",
    "extension": "批准延期",
    "extension_refused": "延期不予批准",
    "finish": "办结",
    "visit": "回访",
    "reopen": "重新办理",
    "close": "结案",
    "merge": "合并",
    "supervise": "督办",
    "import": "导入",
    "attach": "上传附件",
    "proxy": "转帮代办",
}


# -- plain data ----------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class IntakeForm:
    kind: str
    channel: str
    content: str
    street_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    grid_id: uuid.UUID | None = None
    appellant: str = ""
    phone: str = ""
    enterprise: str = ""
    uscc: str = ""
    fast_lane: bool = False
    category: str = ""
    received_at: dt.datetime | None = None
    attachments: tuple[Path, ...] = ()


@dataclasses.dataclass(frozen=True)
class AppealRef:
    id: uuid.UUID
    number: str


@dataclasses.dataclass(frozen=True)
class DuplicateRow:
    id: uuid.UUID
    number: str
    received_at: dt.datetime
    content: str
    status_label: str
    similarity: float
    reasons: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Suggestion:
    level: str
    level_label: str
    unit_id: uuid.UUID | None
    unit_name: str
    reason: str


@dataclasses.dataclass(frozen=True)
class EventRow:
    at: dt.datetime
    username: str
    actor_name: str
    action: str
    action_label: str
    from_status: str | None
    to_status: str | None
    unit_name: str
    note: str


@dataclasses.dataclass(frozen=True)
class ExtensionRow:
    id: uuid.UUID
    requested_at: dt.datetime
    requested_by: str
    until: dt.date
    reason: str
    state: str
    decided_at: dt.datetime | None
    decided_by: str | None


@dataclasses.dataclass(frozen=True)
class SuspensionRow:
    id: uuid.UUID
    reason_kind: str
    reason: str
    requested_at: dt.datetime
    requested_by: str
    state: str
    approved_by: str | None
    start: dt.datetime | None
    end: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class SupervisionRow:
    id: uuid.UUID
    notice_number: str
    at: dt.datetime
    by: str
    automatic: bool
    overdue_workdays: int
    unit_name: str
    reason: str


@dataclasses.dataclass(frozen=True)
class VisitRow:
    at: dt.datetime
    by: str
    result: str
    result_label: str
    note: str
    reopened: bool


@dataclasses.dataclass(frozen=True)
class AttachmentRow:
    id: uuid.UUID
    sha256: str
    name: str
    media: str
    mime: str
    size: int


@dataclasses.dataclass(frozen=True)
class AppealDetail:
    id: uuid.UUID
    number: str
    received_at: dt.datetime
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    status: str
    status_label: str
    level: str
    level_label: str
    category: str
    appellant: str
    phone: str  # masked unless the role sees full numbers
    phone_masked: bool
    enterprise: str
    uscc: str
    fast_lane: bool
    street: str
    community: str
    grid: str
    street_id: uuid.UUID | None
    community_id: uuid.UUID | None
    content: str
    unit_id: uuid.UUID | None
    unit_name: str
    response_limit: dt.datetime
    completion_limit: dt.date
    extension_until: dt.date | None
    responded_at: dt.datetime | None
    finished_at: dt.datetime | None
    result: str
    satisfaction: str | None
    satisfaction_label: str
    merged_into: str
    clock: clocks.AppealClock
    co_units: tuple[str, ...]
    events: tuple[EventRow, ...]
    extensions: tuple[ExtensionRow, ...]
    suspensions: tuple[SuspensionRow, ...]
    supervisions: tuple[SupervisionRow, ...]
    visits: tuple[VisitRow, ...]
    attachments: tuple[AttachmentRow, ...]
    actions: tuple[str, ...]  # what the actor may do now: dispatch, respond, ...
    version: int


# -- helpers ---------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def pinyin_initials(name: str | None) -> str | None:
    """'张三' → 'zs' (letters kept as typed, lower case); None for no name."""
    if not name:
        return None
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    out = "".join(x[:1] for x in letters if x).lower()
    return "".join(ch for ch in out if ch.isalnum())[:50] or None


def _label(enum_cls: Any, code: str | None) -> str:
    if not code:
        return ""
    try:
        return enum_cls(code).label
    except ValueError:
        return code


def _unit_names(session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(select(Unit.id, Unit.name)).tuples().all())


def _scoped(session: Session, actor: Actor, appeal_id: uuid.UUID, *, for_update: bool = True) -> Appeal:
    cond = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    stmt = select(Appeal).where(Appeal.id == appeal_id)
    if cond is not None:
        stmt = stmt.where(cond)
    appeal = session.scalars(stmt).first()
    if appeal is None:
        raise NotFound("诉求不存在，或不在您的可见范围内")
    return appeal


def _event(
    work: Work, appeal: Appeal, action: str, before: str | None, note: str = "", unit_id: uuid.UUID | None = None
) -> None:
    n = (
        work.session.scalar(select(func.count()).select_from(AppealEvent).where(AppealEvent.appeal_id == appeal.id))
        or 0
    ) + 1
    work.session.add(
        AppealEvent(
            appeal_id=appeal.id,
            n=n,
            at=work.now,
            user_id=work.actor.user_id,
            username=work.actor.username,
            actor_name=work.actor.full_name,
            action=action,
            from_status=before,
            to_status=appeal.status,
            unit_id=unit_id,
            note=note,
        )
    )
    appeal.updated_at = work.now


def _move(
    work: Work, appeal: Appeal, target: AppealStatus, action: str, note: str = "", unit_id: uuid.UUID | None = None
) -> str:
    before = appeal.status
    check_transition(before, target)
    appeal.status = target.value
    _event(work, appeal, action, before, note, unit_id)
    return before


def recompute_clock(session: Session, appeal: Appeal, calendar: Any, now: dt.datetime) -> None:
    """Store the response limit and the completion limit (extensions and suspensions applied)."""
    with session.no_autoflush:
        suspensions = session.scalars(
            select(AppealSuspension).where(AppealSuspension.appeal_id == appeal.id, AppealSuspension.start.is_not(None))
        ).all()
    appeal.response_limit = clocks.response_limit(appeal.received_at)
    appeal.completion_limit = clocks.completion_limit(
        appeal.received_at,
        appeal.level,
        calendar,
        appeal.extension_until,
        [(s.start, s.end) for s in suspensions],
        now=now,
        extension_granted_at=appeal.extension_granted_at,
    )


def _audit(
    work: Work, appeal: Appeal, summary: str, after: dict[str, Any] | None = None, action: str = "update"
) -> None:
    work.audit(action, "appeal", appeal.id, f"{appeal.number} {summary}", after=after)


def _text(value: str | None, field: str, label: str, max_len: int, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(f"请填写{label}", field=field)
    if len(value) > max_len:
        raise ValidationError(f"{label}不能超过 {max_len} 个字", field=field)
    return value


def _need_edit(actor: Actor) -> None:
    actor.require(EDIT)


# -- intake --------------------------------------------------------------------------------
def validate_intake(db: Database, form: IntakeForm) -> dict[str, Any]:
    """Check an intake form; returns the cleaned values or raises ValidationError on a field."""
    try:
        kind = AppealKind(form.kind)
    except ValueError:
        raise ValidationError("请选择诉求类型", field="kind") from None
    try:
        channel = Channel(form.channel)
    except ValueError:
        raise ValidationError("请选择诉求渠道", field="channel") from None
    if kind is AppealKind.ENFORCEMENT and channel not in (Channel.UNIT, Channel.CITY, Channel.GRID):
        raise ValidationError("执法诉求由街道、部门提报（渠道应为“街道部门提报”）", field="channel")
    appellant = _text(form.appellant, "appellant", "诉求人", 100)
    phone = None
    if (form.phone or "").strip():
        phone = normalize_phone(form.phone, field="phone")
    elif kind is not AppealKind.ENFORCEMENT and appellant and appellant not in ("匿名", "无"):
        raise ValidationError("请填写联系电话（匿名诉求可不填诉求人和电话）", field="phone")
    enterprise = _text(form.enterprise, "enterprise", "企业名称", 200)
    uscc = None
    if (form.uscc or "").strip():
        uscc = normalize_uscc(form.uscc, field="uscc")
    if kind is AppealKind.DEVELOPMENT and not enterprise:
        raise ValidationError("发展诉求请填写企业名称", field="enterprise")
    content = _text(form.content, "content", "诉求内容", 4000, required=True)
    if len(content) < 5:
        raise ValidationError("诉求内容过短，请写明事项、地点和诉求（至少 5 个字）", field="content")
    if form.street_id is None:
        raise ValidationError("请选择诉求发生地的街道", field="street")
    with db.session() as s:
        street = s.get(Unit, form.street_id)
        if street is None or street.kind != "street":
            raise ValidationError("请选择诉求发生地的街道", field="street")
        if form.community_id is not None:
            comm = s.get(Unit, form.community_id)
            if comm is None or comm.parent_id != street.id:
                raise ValidationError("所选社区（村）不属于该街道", field="community")
        if form.grid_id is not None:
            grid = s.get(Grid, form.grid_id)
            if grid is None or form.community_id is None or grid.community_id != form.community_id:
                raise ValidationError("所选网格不属于该社区（村）", field="grid")
    return {
        "kind": kind.value,
        "channel": channel.value,
        "appellant": appellant or None,
        "phone": phone,
        "enterprise": enterprise or None,
        "uscc": uscc,
        "fast_lane": bool(form.fast_lane or (kind is AppealKind.DEVELOPMENT and enterprise)),
        "street_id": form.street_id,
        "community_id": form.community_id,
        "grid_id": form.grid_id,
        "content": content,
        "category": _text(form.category, "category", "诉求分类", 50) or None,
    }


def find_possible_duplicates(
    db: Database, actor: Actor, form: IntakeForm, now: dt.datetime, exclude: uuid.UUID | None = None
) -> list[DuplicateRow]:
    """Appeals of the last 7 days with the same phone or place and similar content."""
    actor.require(VIEW)
    received = form.received_at or now
    phone = None
    if (form.phone or "").strip():
        try:
            phone = normalize_phone(form.phone)
        except ValidationError:
            phone = None
    with db.session() as s:
        window = dt.timedelta(days=7)
        place = []
        if phone:
            place.append(Appeal.phone == phone)
        if form.grid_id:
            place.append(Appeal.grid_id == form.grid_id)
        elif form.community_id:
            place.append(Appeal.community_id == form.community_id)
        if not place:
            return []
        from sqlalchemy import or_

        stmt = (
            select(Appeal)
            .where(
                Appeal.received_at >= received - window,
                Appeal.received_at <= received + window,
                or_(*place),
                Appeal.status != AppealStatus.MERGED.value,
            )
            .limit(500)
        )
        scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
        if scope is not None:
            stmt = stmt.where(scope)
        rows = {str(a.id): a for a in s.scalars(stmt) if a.id != exclude}
        new = AppealSnapshot("__new__", received, form.content, phone, _s(form.grid_id), _s(form.community_id))
        snaps = [
            AppealSnapshot(k, a.received_at, a.content, a.phone, _s(a.grid_id), _s(a.community_id))
            for k, a in rows.items()
        ]
        matches = find_duplicates(new, snaps)
        return [
            DuplicateRow(
                rows[m.other.key].id,
                rows[m.other.key].number,
                rows[m.other.key].received_at,
                rows[m.other.key].content,
                _label(AppealStatus, rows[m.other.key].status),
                round(m.similarity, 2),
                m.reasons,
            )
            for m in matches
        ]


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def next_number(session: Session, day: dt.date) -> str:
    prefix = f"LS{day:%Y%m%d}"
    last = session.scalar(
        select(func.max(Appeal.number)).where(Appeal.number >= prefix + "0000", Appeal.number <= prefix + "9999")
    )
    serial = int(last[-4:]) + 1 if last else 1
    return format_appeal_number(day, serial)


def next_seq(session: Session) -> int:
    return (session.scalar(select(func.max(Appeal.seq))) or 0) + 1


def intake(
    db: Database, actor: Actor, form: IntakeForm, now: dt.datetime, merge_into: uuid.UUID | None = None
) -> AppealRef:
    """受理: store a new appeal (received), with the suggested level; merge it at once if asked."""
    _need_edit(actor)
    values = validate_intake(db, form)
    received = form.received_at or now
    if received > now + dt.timedelta(minutes=5):
        raise ValidationError("受理时间不能晚于当前时间", field="received_at")
    cal = work_calendar(db)
    suggestion = suggest(db, values["content"], values["street_id"], values["community_id"], values["category"])
    with unit_of_work(db, actor, now) as work:
        s = work.session
        q.ensure_fts(s.connection())
        appeal = Appeal(
            id=uuid.uuid4(),
            seq=next_seq(s),
            number=next_number(s, clocks.local_date(received)),
            received_at=received,
            status=AppealStatus.RECEIVED.value,
            level=suggestion.level,
            appellant_initials=pinyin_initials(values["appellant"]),
            handler_id=actor.user_id,
            created_by_id=actor.user_id,
            created_at=now,
            updated_at=now,
            source="desk",
            **values,
        )
        recompute_clock(s, appeal, cal, now)
        s.add(appeal)
        s.flush()
        _event(work, appeal, "intake", None, f"{_label(Channel, appeal.channel)}受理")
        for path in form.attachments:
            from laoshan_desk.services import attachments

            attachments.attach_in(work, appeal.id, Path(path))
        work.audit(
            "create",
            "appeal",
            appeal.id,
            f"受理诉求 {appeal.number}",
            after={"number": appeal.number, "kind": appeal.kind, "channel": appeal.channel},
        )
        ref = AppealRef(appeal.id, appeal.number)
    if merge_into is not None:
        merge(db, actor, ref.id, merge_into, now)
    return ref


def suggest(
    db: Database, content: str, street_id: uuid.UUID | None, community_id: uuid.UUID | None, category: str | None = None
) -> Suggestion:
    """派单建议 from the category, content and place (domain.appeals.suggest_dispatch)."""
    with db.session() as s:
        depts = s.scalars(
            select(Unit).where(Unit.kind == "department", Unit.active.is_(True)).order_by(Unit.sort_order)
        ).all()
        keywords = {str(d.id): list(d.keywords or []) for d in depts if d.keywords}
        got = suggest_dispatch(content, Place(_s(street_id), _s(community_id)), keywords, category=category)
        unit_id = uuid.UUID(got.unit) if got.unit else None
        name = ""
        if unit_id is not None:
            unit = s.get(Unit, unit_id)
            name = unit.name if unit else ""
        return Suggestion(got.level.value, got.level.label, unit_id, name, got.reason)


def suggestion_for(db: Database, actor: Actor, appeal_id: uuid.UUID) -> Suggestion:
    actor.require(VIEW)
    with db.session() as s:
        a = _scoped(s, actor, appeal_id)
        content, street, comm, cat = a.content, a.street_id, a.community_id, a.category
    return suggest(db, content, street, comm, cat)


def merge(db: Database, actor: Actor, appeal_id: uuid.UUID, into_id: uuid.UUID, now: dt.datetime) -> None:
    """合并: a repeat of an open appeal follows that one; its clocks stop."""
    _need_edit(actor)
    if appeal_id == into_id:
        raise ValidationError("不能与自身合并", field="merge")
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        target = _scoped(work.session, actor, into_id)
        if target.status == AppealStatus.MERGED.value:
            raise ValidationError("目标诉求已被合并，请选择主诉求", field="merge")
        _move(work, a, AppealStatus.MERGED, "merge", f"并入 {target.number}")
        a.merged_into_id = target.id
        _audit(work, a, f"并入 {target.number}", {"merged_into": target.number})


# -- dispatch ------------------------------------------------------------------------------
def _check_unit_level(s: Session, unit_id: uuid.UUID, level: HandlingLevel) -> Unit:
    unit = s.get(Unit, unit_id)
    if unit is None or not unit.active:
        raise ValidationError("请选择承办单位", field="unit")
    expected = {
        HandlingLevel.COMMUNITY: ("community", "village"),
        HandlingLevel.STREET: ("street",),
        HandlingLevel.DEPARTMENT: ("department",),
    }[level]
    if unit.kind not in expected:
        raise ValidationError(f"承办层级为“{level.label}”时，承办单位应为{level.label}", field="unit")
    return unit


def dispatch(
    db: Database,
    actor: Actor,
    appeal_id: uuid.UUID,
    level: str,
    unit_id: uuid.UUID | None,
    now: dt.datetime,
    note: str = "",
    co_units: Sequence[uuid.UUID] = (),
) -> None:
    """派单 (or 改派 when already dispatched): the level fixes the completion limit."""
    _need_edit(actor)
    try:
        lvl = HandlingLevel(level)
    except ValueError:
        raise ValidationError("请选择承办层级", field="level") from None
    if unit_id is None:
        raise ValidationError("请选择承办单位", field="unit")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        unit = _check_unit_level(s, unit_id, lvl)
        action = "reassign" if a.status == AppealStatus.DISPATCHED.value else "dispatch"
        if action == "reassign" and not note.strip():
            raise ValidationError("改派请填写原因", field="note")
        _move(work, a, AppealStatus.DISPATCHED, action, note.strip() or f"派至{unit.name}", unit.id)
        a.level, a.unit_id, a.handler_id, a.dispatched_at = lvl.value, unit.id, None, now
        recompute_clock(s, a, cal, now)
        for co in co_units:
            _add_co(work, a, co)
        _audit(work, a, f"{ACTION_LABELS[action]}至{unit.name}", {"level": lvl.value, "unit": unit.name})


def _add_co(work: Work, a: Appeal, unit_id: uuid.UUID) -> str:
    s = work.session
    unit = s.get(Unit, unit_id)
    if unit is None:
        raise ValidationError("协办单位不存在", field="co_units")
    if unit_id == a.unit_id:
        raise ValidationError("协办单位不能是承办单位本身", field="co_units")
    exists = s.scalar(select(AppealUnit.id).where(AppealUnit.appeal_id == a.id, AppealUnit.unit_id == unit_id))
    if not exists:
        s.add(AppealUnit(appeal_id=a.id, unit_id=unit_id, role="co", added_at=work.now, added_by=work.actor.username))
    return unit.name


def add_co_handlers(
    db: Database, actor: Actor, appeal_id: uuid.UUID, unit_ids: Sequence[uuid.UUID], now: dt.datetime, note: str = ""
) -> None:
    """吹哨报到: summon departments to help the handling unit."""
    _need_edit(actor)
    if not unit_ids:
        raise ValidationError("请选择协办单位", field="co_units")
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        if a.status in q.FINISHED or a.status == AppealStatus.MERGED.value:
            raise ValidationError("诉求已办结，不能再吹哨", field="co_units")
        names = [_add_co(work, a, u) for u in unit_ids]
        _event(work, a, "co_handle", a.status, note or "协办：" + "、".join(names))
        _audit(work, a, "吹哨报到：" + "、".join(names))


def return_appeal(db: Database, actor: Actor, appeal_id: uuid.UUID, reason: str, now: dt.datetime) -> None:
    """退单: the unit sends the appeal back to the hall with a reason."""
    _need_edit(actor)
    reason = _text(reason, "reason", "退单原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.RETURNED, "return", reason, a.unit_id)
        a.handler_id = a.created_by_id
        _audit(work, a, f"退单：{reason}")


def respond(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """响应: the unit acknowledges (and usually calls the appellant); the 4-hour clock stops."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.RESPONDED, "respond", note.strip(), a.unit_id)
        a.responded_at = now
        a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        a.handler_id = actor.user_id
        _audit(work, a, "响应" + ("" if a.responded_on_time else "（超时）"))


def progress(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """办理中, or a progress note on an appeal already in progress."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        if a.status == AppealStatus.IN_PROGRESS.value:
            if not note.strip():
                raise ValidationError("请填写办理进展", field="note")
            _event(work, a, "progress", a.status, note.strip(), a.unit_id)
        else:
            _move(work, a, AppealStatus.IN_PROGRESS, "progress", note.strip(), a.unit_id)
        _audit(work, a, "办理进展：" + (note.strip() or "开始办理"))


def request_suspension(
    db: Database, actor: Actor, appeal_id: uuid.UUID, reason_kind: str, reason: str, now: dt.datetime
) -> uuid.UUID:
    _need_edit(actor)
    if reason_kind not in SUSPENSION_REASONS:
        raise ValidationError("请选择挂起原因类别", field="reason_kind")
    reason = _text(reason, "reason", "挂起原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        check_transition(a.status, AppealStatus.SUSPENDED)
        if s.scalar(
            select(AppealSuspension.id).where(AppealSuspension.appeal_id == a.id, AppealSuspension.state == "requested")
        ):
            raise ValidationError("已有待审批的挂起申请", field="reason")
        row = AppealSuspension(
            id=uuid.uuid4(),
            appeal_id=a.id,
            reason_kind=reason_kind,
            reason=reason,
            requested_at=now,
            requested_by=actor.username,
            state="requested",
        )
        s.add(row)
        _event(work, a, "suspend_request", a.status, f"{SUSPENSION_REASONS[reason_kind]}：{reason}", a.unit_id)
        _audit(work, a, "申请挂起")
        return row.id


def decide_suspension(
    db: Database, actor: Actor, suspension_id: uuid.UUID, approve: bool, now: dt.datetime, note: str = ""
) -> None:
    """Approve (the clock stops from now) or refuse a suspension request."""
    actor.require(APPROVE)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row = s.get(AppealSuspension, suspension_id)
        if row is None or row.state != "requested":
            raise NotFound("没有待审批的挂起申请")
        a = _scoped(s, actor, row.appeal_id)
        if approve:
            _move(work, a, AppealStatus.SUSPENDED, "suspend", note or row.reason, a.unit_id)
            row.state, row.approved_at, row.approved_by, row.start = "approved", now, actor.username, now
            s.flush()
            recompute_clock(s, a, cal, now)
        else:
            row.state, row.approved_at, row.approved_by = "refused", now, actor.username
            _event(work, a, "suspend_refused", a.status, note, a.unit_id)
        _audit(work, a, "批准挂起" if approve else "挂起不予批准")


def resume(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """恢复办理: the suspension ends; the limit has moved by the working days it lasted."""
    _need_edit(actor)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        _move(work, a, AppealStatus.IN_PROGRESS, "resume", note, a.unit_id)
        for row in s.scalars(
            select(AppealSuspension).where(
                AppealSuspension.appeal_id == a.id, AppealSuspension.state == "approved", AppealSuspension.end.is_(None)
            )
        ):
            row.end, row.state = now, "ended"
        s.flush()
        recompute_clock(s, a, cal, now)
        _audit(work, a, "恢复办理", {"completion_limit": a.completion_limit})


def request_extension(
    db: Database, actor: Actor, appeal_id: uuid.UUID, until: dt.date, reason: str, now: dt.datetime
) -> uuid.UUID:
    _need_edit(actor)
    reason = _text(reason, "reason", "延期理由", 500, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        if a.status not in q.OPEN:
            raise ValidationError("只有办理中的诉求可以申请延期", field="until")
        if until <= a.completion_limit:
            raise ValidationError(f"延期日期应晚于当前办结时限 {a.completion_limit:%Y-%m-%d}", field="until")
        if not cal.is_workday(until):
            raise ValidationError("延期日期应为工作日", field="until")
        if s.scalar(
            select(AppealExtension.id).where(AppealExtension.appeal_id == a.id, AppealExtension.state == "requested")
        ):
            raise ValidationError("已有待审批的延期申请", field="until")
        row = AppealExtension(
            id=uuid.uuid4(),
            appeal_id=a.id,
            requested_at=now,
            requested_by=actor.username,
            until=until,
            reason=reason,
            state="requested",
        )
        s.add(row)
        _event(work, a, "extension_request", a.status, f"申请延期至 {until:%Y-%m-%d}：{reason}", a.unit_id)
        _audit(work, a, f"申请延期至 {until:%Y-%m-%d}")
        return row.id


def decide_extension(
    db: Database, actor: Actor, extension_id: uuid.UUID, approve: bool, now: dt.datetime, note: str = ""
) -> None:
    """Approve (the date replaces the limit) or refuse an extension request."""
    actor.require(APPROVE)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row = s.get(AppealExtension, extension_id)
        if row is None or row.state != "requested":
            raise NotFound("没有待审批的延期申请")
        a = _scoped(s, actor, row.appeal_id)
        row.state = "approved" if approve else "refused"
        row.decided_at, row.decided_by, row.decision_note = now, actor.username, note
        if approve:
            a.extension_until, a.extension_granted_at = row.until, now
            recompute_clock(s, a, cal, now)
        _event(
            work,
            a,
            "extension" if approve else "extension_refused",
            a.status,
            f"延期至 {row.until:%Y-%m-%d}" + (f"：{note}" if note else ""),
            a.unit_id,
        )
        _audit(work, a, ("批准延期至 " if approve else "不予延期 ") + f"{row.until:%Y-%m-%d}")


def finish(db: Database, actor: Actor, appeal_id: uuid.UUID, result: str, now: dt.datetime) -> None:
    """办结: record the result, judge on-time, queue the SMS to the appellant."""
    _need_edit(actor)
    result = _text(result, "result", "办理结果", 4000, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        recompute_clock(s, a, cal, now)
        _move(work, a, AppealStatus.FINISHED, "finish", result, a.unit_id)
        a.finished_at, a.result = now, result
        a.finished_late = clocks.is_late(a.completion_limit, now, now)
        if a.responded_at is None:
            a.responded_on_time = not clocks.is_response_late(a.received_at, now, now)
        if a.phone and is_mobile(a.phone):
            unit_name = s.get(Unit, a.unit_id).name if a.unit_id else None
            sms.queue(
                s, a.id, a.phone, finished_sms_text(a.number, clocks.local(a.received_at), unit_name, a.appellant), now
            )
        _audit(work, a, "办结" + ("（超期）" if a.finished_late else ""))


def visit(
    db: Database,
    actor: Actor,
    appeal_id: uuid.UUID,
    result: str,
    now: dt.datetime,
    note: str = "",
    reopen: bool = False,
) -> None:
    """回访: satisfied / basically satisfied / dissatisfied; dissatisfied may reopen the appeal."""
    _need_edit(actor)
    try:
        verdict = Satisfaction(result)
    except ValueError:
        raise ValidationError("请选择回访结果", field="result") from None
    if reopen and verdict is not Satisfaction.DISSATISFIED:
        raise ValidationError("只有不满意的诉求可以重新办理", field="reopen")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        _move(work, a, AppealStatus.VISITED, "visit", f"{verdict.label}" + (f"：{note}" if note else ""))
        a.satisfaction, a.visited_at = verdict.value, now
        s.add(AppealVisit(appeal_id=a.id, at=now, by=actor.username, result=verdict.value, note=note, reopened=reopen))
        if reopen:
            _move(work, a, AppealStatus.IN_PROGRESS, "reopen", "回访不满意，重新办理", a.unit_id)
            # The reopened appeal runs a fresh clock from the visit: the level's N working days.
            a.finished_at, a.finished_late = None, None
            a.extension_until = clocks.base_completion_limit(now, a.level, cal)
            a.extension_granted_at = now
            recompute_clock(s, a, cal, now)
        _audit(work, a, f"回访：{verdict.label}" + ("，重新办理" if reopen else ""))


def close(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """结案."""
    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        _move(work, a, AppealStatus.CLOSED, "close", note)
        a.closed_at = now
        _audit(work, a, "结案")


# -- supervision ---------------------------------------------------------------------------
def _notice_number(s: Session, now: dt.datetime) -> str:
    prefix = f"崂督〔{now.year}〕"
    count = (
        s.scalar(
            select(func.count())
            .select_from(AppealSupervision)
            .where(AppealSupervision.notice_number.like(prefix + "%"))
        )
        or 0
    )
    return f"{prefix}{count + 1}号"


def supervise(
    db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, reason: str = "", demand: str = ""
) -> uuid.UUID:
    """督办 one appeal by hand (leaders and the hall)."""
    actor.require(VIEW)
    if not (actor.may(EDIT) or actor.may(APPROVE)):
        raise PermissionDenied("当前角色无权督办")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        a = _scoped(work.session, actor, appeal_id)
        return _supervise(work, a, cal, automatic=False, reason=reason, demand=demand)


def _supervise(work: Work, a: Appeal, cal: Any, *, automatic: bool, reason: str = "", demand: str = "") -> uuid.UUID:
    s, now = work.session, work.now
    days = clocks.overdue_workdays(a.completion_limit, cal, a.finished_at, now)
    row = AppealSupervision(
        id=uuid.uuid4(),
        appeal_id=a.id,
        notice_number=_notice_number(s, now),
        at=now,
        by=work.actor.username,
        automatic=automatic,
        overdue_workdays=days,
        unit_id=a.unit_id,
        reason=reason or f"该诉求办结时限为 {a.completion_limit:%Y-%m-%d}，已超期{days}个工作日仍未办结。",
        demand=demand
        or "请承办单位接此督办单后，于 1 个工作日内办结并反馈办理结果；确有困难的，说明原因并提出延期申请。",
    )
    s.add(row)
    s.flush()
    a.supervised = True
    _event(work, a, "supervise", a.status, f"{row.notice_number}" + ("（自动督办）" if automatic else ""), a.unit_id)
    work.audit("create", "appeal_supervision", row.id, f"{a.number} 督办 {row.notice_number}")
    return row.id


def supervise_overdue(db: Database, actor: Actor, now: dt.datetime) -> int:
    """Auto-supervision: every running appeal past its limit and not yet supervised gets a record."""
    actor.require(VIEW)
    cal = work_calendar(db)
    today = clocks.local_date(now)
    with unit_of_work(db, actor, now) as work:
        stmt = select(Appeal).where(
            Appeal.status.in_(q.RUNNING), Appeal.completion_limit < today, Appeal.supervised.is_(False)
        )
        scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
        if scope is not None:
            stmt = stmt.where(scope)
        n = 0
        for a in work.session.scalars(stmt.limit(5000)).all():
            _supervise(work, a, cal, automatic=True)
            n += 1
        return n


def supervision_notice(db: Database, actor: Actor, supervision_id: uuid.UUID, now: dt.datetime) -> bytes:
    """The printable 督办单 PDF (audited as a print)."""
    from laoshan_desk.documents import appeals as papers
    from laoshan_desk.services import audit

    actor.require(VIEW)
    with db.session() as s:
        row = s.get(AppealSupervision, supervision_id)
        if row is None:
            raise NotFound("督办记录不存在")
        a = _scoped(s, actor, row.appeal_id)
        names = _unit_names(s)
        data = papers.SupervisionData(
            notice_number=row.notice_number,
            date=clocks.local_date(row.at),
            unit=names.get(a.unit_id, "") if a.unit_id else "崂先办受理窗口（待派单）",
            appeal_number=a.number,
            received_at=a.received_at,
            kind=_label(AppealKind, a.kind),
            content=a.content,
            completion_limit=a.completion_limit,
            overdue_workdays=row.overdue_workdays,
            status=_label(AppealStatus, a.status),
            reason=row.reason,
            demand=row.demand,
            place="".join(filter(None, [names.get(a.street_id), names.get(a.community_id)])),
        )
    pdf = papers.supervision_notice(data)
    audit.record(db, actor, "print", "appeal_supervision", supervision_id, f"打印督办单 {data.notice_number}")
    return pdf


# -- detail --------------------------------------------------------------------------------
def actions_for(
    actor: Actor, status: str, has_pending_ext: bool = False, has_pending_susp: bool = False
) -> tuple[str, ...]:
    """The buttons the detail view shows for this status and role."""
    out: list[str] = []
    if actor.may(EDIT):
        st = AppealStatus(status)
        table = {
            AppealStatus.RECEIVED: ["dispatch", "merge"],
            AppealStatus.DISPATCHED: ["respond", "reassign", "return", "co_handle"],
            AppealStatus.RESPONDED: ["progress", "finish", "suspend", "extend", "return", "co_handle"],
            AppealStatus.IN_PROGRESS: ["progress", "finish", "suspend", "extend", "return", "co_handle"],
            AppealStatus.SUSPENDED: ["resume", "extend"],
            AppealStatus.RETURNED: ["dispatch", "merge"],
            AppealStatus.FINISHED: ["visit", "close"],
            AppealStatus.VISITED: ["close"],
        }
        out += table.get(st, [])
        if st in (AppealStatus.RECEIVED, AppealStatus.DISPATCHED, AppealStatus.RESPONDED, AppealStatus.IN_PROGRESS):
            out.append("proxy")
        out.append("attach")
    if actor.may(APPROVE):
        if has_pending_ext:
            out.append("approve_extension")
        if has_pending_susp:
            out.append("approve_suspension")
    if actor.may(EDIT) or actor.may(APPROVE):
        if status in q.RUNNING:
            out.append("supervise")
    return tuple(dict.fromkeys(out))


def detail(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime) -> AppealDetail:
    actor.require(VIEW)
    cal = work_calendar(db)
    with db.session() as s:
        a = _scoped(s, actor, appeal_id)
        names = _unit_names(s)
        grid = s.get(Grid, a.grid_id) if a.grid_id else None
        events = s.scalars(
            select(AppealEvent).where(AppealEvent.appeal_id == a.id).order_by(AppealEvent.n, AppealEvent.at)
        ).all()
        exts = s.scalars(
            select(AppealExtension).where(AppealExtension.appeal_id == a.id).order_by(AppealExtension.requested_at)
        ).all()
        susps = s.scalars(
            select(AppealSuspension).where(AppealSuspension.appeal_id == a.id).order_by(AppealSuspension.requested_at)
        ).all()
        sups = s.scalars(
            select(AppealSupervision).where(AppealSupervision.appeal_id == a.id).order_by(AppealSupervision.at)
        ).all()
        visits = s.scalars(select(AppealVisit).where(AppealVisit.appeal_id == a.id).order_by(AppealVisit.at)).all()
        atts = s.scalars(select(Attachment).where(Attachment.appeal_id == a.id).order_by(Attachment.added_at)).all()
        co = s.scalars(select(AppealUnit.unit_id).where(AppealUnit.appeal_id == a.id)).all()
        merged_into = s.scalar(select(Appeal.number).where(Appeal.id == a.merged_into_id)) if a.merged_into_id else ""
        clock = clocks.appeal_clock(
            a.received_at,
            a.level,
            cal,
            now,
            status=a.status,
            responded_at=a.responded_at,
            finished_at=a.finished_at,
            extension_until=a.extension_until,
            extension_granted_at=a.extension_granted_at,
            suspensions=[(x.start, x.end) for x in susps if x.start is not None],
        )
        full = actor.role in SEES_FULL_NUMBERS
        pending_ext = any(e.state == "requested" for e in exts)
        pending_susp = any(x.state == "requested" for x in susps)
        return AppealDetail(
            id=a.id,
            number=a.number,
            received_at=a.received_at,
            kind=a.kind,
            kind_label=_label(AppealKind, a.kind),
            channel=a.channel,
            channel_label=_label(Channel, a.channel),
            status=a.status,
            status_label=_label(AppealStatus, a.status),
            level=a.level,
            level_label=_label(HandlingLevel, a.level),
            category=a.category or "",
            appellant=a.appellant or "匿名",
            phone=(a.phone or "") if full else (mask_phone(a.phone) if a.phone else ""),
            phone_masked=not full,
            enterprise=a.enterprise or "",
            uscc=a.uscc or "",
            fast_lane=a.fast_lane,
            street=names.get(a.street_id, "") if a.street_id else "",
            community=names.get(a.community_id, "") if a.community_id else "",
            grid=grid.name if grid else "",
            street_id=a.street_id,
            community_id=a.community_id,
            content=a.content,
            unit_id=a.unit_id,
            unit_name=names.get(a.unit_id, "") if a.unit_id else "",
            response_limit=a.response_limit,
            completion_limit=a.completion_limit,
            extension_until=a.extension_until,
            responded_at=a.responded_at,
            finished_at=a.finished_at,
            result=a.result or "",
            satisfaction=a.satisfaction,
            satisfaction_label=_label(Satisfaction, a.satisfaction),
            merged_into=merged_into or "",
            clock=clock,
            co_units=tuple(names.get(u, "") for u in co),
            events=tuple(
                EventRow(
                    e.at,
                    e.username,
                    e.actor_name,
                    e.action,
                    ACTION_LABELS.get(e.action, e.action),
                    e.from_status,
                    e.to_status,
                    names.get(e.unit_id, "") if e.unit_id else "",
                    e.note,
                )
                for e in events
            ),
            extensions=tuple(
                ExtensionRow(
                    e.id, e.requested_at, e.requested_by, e.until, e.reason, e.state, e.decided_at, e.decided_by
                )
                for e in exts
            ),
            suspensions=tuple(
                SuspensionRow(
                    x.id,
                    x.reason_kind,
                    x.reason,
                    x.requested_at,
                    x.requested_by,
                    x.state,
                    x.approved_by,
                    x.start,
                    x.end,
                )
                for x in susps
            ),
            supervisions=tuple(
                SupervisionRow(
                    x.id,
                    x.notice_number,
                    x.at,
                    x.by,
                    x.automatic,
                    x.overdue_workdays,
                    names.get(x.unit_id, "") if x.unit_id else "",
                    x.reason,
                )
                for x in sups
            ),
            visits=tuple(
                VisitRow(v.at, v.by, v.result, _label(Satisfaction, v.result), v.note, v.reopened) for v in visits
            ),
            attachments=tuple(AttachmentRow(t.id, t.sha256, t.name, t.media, t.mime, t.size) for t in atts),
            actions=actions_for(actor, a.status, pending_ext, pending_susp),
            version=a.version,
        )


def full_phone(db: Database, actor: Actor, appeal_id: uuid.UUID) -> str:
    """Show the number in full: itself an audited action (view_full)."""
    from laoshan_desk.services import audit

    actor.require(VIEW)
    with db.session() as s:
        a = _scoped(s, actor, appeal_id)
        phone, number = a.phone or "", a.number
    audit.record(db, actor, "view_full", "appeal", appeal_id, f"查看诉求 {number} 的完整联系电话")
    return phone


def light_of(detail_: AppealDetail) -> Light:
    return detail_.clock.light


def pending_approvals(db: Database, actor: Actor) -> list[tuple[str, uuid.UUID, str, str]]:
    """(kind, request id, appeal number, text) of extension and suspension requests awaiting approval."""
    actor.require(APPROVE)
    with db.session() as s:
        out: list[tuple[str, uuid.UUID, str, str]] = []
        for e, number in s.execute(
            select(AppealExtension, Appeal.number)
            .join(Appeal, Appeal.id == AppealExtension.appeal_id)
            .where(AppealExtension.state == "requested")
        ):
            out.append(("extension", e.id, number, f"延期至 {e.until:%Y-%m-%d}：{e.reason}"))
        for x, number in s.execute(
            select(AppealSuspension, Appeal.number)
            .join(Appeal, Appeal.id == AppealSuspension.appeal_id)
            .where(AppealSuspension.state == "requested")
        ):
            out.append(("suspension", x.id, number, f"挂起：{x.reason}"))
        return out


def units_for_level(db: Database, level: str) -> list[tuple[uuid.UUID, str]]:
    """Units a level's appeals can be sent to (for the dispatch dialog)."""
    kinds = {"community": ("community", "village"), "street": ("street",), "department": ("department",)}[level]
    with db.session() as s:
        return list(
            s.execute(
                select(Unit.id, Unit.name)
                .where(Unit.kind.in_(kinds), Unit.active.is_(True))
                .order_by(Unit.sort_order, Unit.code)
            ).tuples()
        )


def iter_ids(values: Iterable[Any]) -> list[uuid.UUID]:
    return [v if isinstance(v, uuid.UUID) else uuid.UUID(str(v)) for v in values]


# -- proxy services (帮代办) -------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class ProxyServiceRow:
    id: uuid.UUID
    code: str
    name: str
    category: str
    department: str
    materials: tuple[str, ...]
    time_limit_workdays: int


@dataclasses.dataclass(frozen=True)
class ProxyTaskRow:
    id: uuid.UUID
    appeal_number: str
    service: str
    state: str
    created_at: dt.datetime
    due: dt.date | None
    materials: tuple[str, ...]
    materials_received: tuple[str, ...]


def proxy_services(db: Database) -> list[ProxyServiceRow]:
    """The 43-item catalog (reference data, readable by every user)."""
    from laoshan_desk.store.models.appeals import ProxyService

    with db.session() as s:
        depts = {u.code: u.name for u in s.scalars(select(Unit).where(Unit.kind == "department"))}
        return [
            ProxyServiceRow(
                p.id,
                p.code,
                p.name,
                p.category,
                depts.get(p.department_code or "", ""),
                tuple(p.materials or ()),
                p.time_limit_workdays,
            )
            for p in s.scalars(
                select(ProxyService).where(ProxyService.active.is_(True)).order_by(ProxyService.sort_order)
            )
        ]


def make_proxy_task(
    db: Database, actor: Actor, appeal_id: uuid.UUID, service_id: uuid.UUID, now: dt.datetime, note: str = ""
) -> uuid.UUID:
    """转帮代办: the appeal becomes a proxy-service task; its due date follows the service's limit."""
    from laoshan_desk.store.models.appeals import ProxyService, ProxyTask

    _need_edit(actor)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        service = s.get(ProxyService, service_id)
        if service is None or not service.active:
            raise ValidationError("请选择帮代办事项", field="service")
        if a.status in q.FINISHED or a.status == AppealStatus.MERGED.value:
            raise ValidationError("诉求已办结，不能再转帮代办", field="service")
        if s.scalar(
            select(ProxyTask.id).where(
                ProxyTask.appeal_id == a.id, ProxyTask.service_id == service.id, ProxyTask.state == "open"
            )
        ):
            raise ValidationError(f"已有未办完的“{service.name}”帮代办任务", field="service")
        due = (
            cal.add_workdays(clocks.local_date(now), service.time_limit_workdays)
            if service.time_limit_workdays
            else None
        )
        task = ProxyTask(
            id=uuid.uuid4(),
            appeal_id=a.id,
            service_id=service.id,
            state="open",
            created_at=now,
            created_by=actor.username,
            due=due,
            materials_received=[],
            note=note,
        )
        s.add(task)
        _event(
            work,
            a,
            "proxy",
            a.status,
            f"转帮代办：{service.name}" + (f"，{due:%Y-%m-%d} 前办结" if due else ""),
            a.unit_id,
        )
        _audit(work, a, f"转帮代办：{service.name}")
        return task.id


def finish_proxy_task(
    db: Database,
    actor: Actor,
    task_id: uuid.UUID,
    now: dt.datetime,
    materials_received: Sequence[str] = (),
    note: str = "",
) -> None:
    from laoshan_desk.store.models.appeals import ProxyTask

    _need_edit(actor)
    with unit_of_work(db, actor, now) as work:
        task = work.session.get(ProxyTask, task_id)
        if task is None or task.state != "open":
            raise NotFound("帮代办任务不存在或已办完")
        if task.appeal_id is not None:
            _scoped(work.session, actor, task.appeal_id)
        task.state, task.finished_at = "done", now
        task.materials_received = list(materials_received)
        task.note = (task.note + "\n" + note).strip()
        work.audit("update", "proxy_task", task.id, "帮代办任务办完")


def proxy_tasks(
    db: Database, actor: Actor, appeal_id: uuid.UUID | None = None, state: str | None = "open"
) -> list[ProxyTaskRow]:
    from laoshan_desk.store.models.appeals import ProxyService, ProxyTask

    actor.require(VIEW)
    with db.session() as s:
        stmt = (
            select(ProxyTask, ProxyService, Appeal.number)
            .join(ProxyService, ProxyService.id == ProxyTask.service_id)
            .outerjoin(Appeal, Appeal.id == ProxyTask.appeal_id)
            .order_by(ProxyTask.created_at.desc())
        )
        if appeal_id is not None:
            stmt = stmt.where(ProxyTask.appeal_id == appeal_id)
        if state:
            stmt = stmt.where(ProxyTask.state == state)
        scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
        if scope is not None:
            stmt = stmt.where(scope)
        return [
            ProxyTaskRow(
                t.id,
                number or "",
                p.name,
                t.state,
                t.created_at,
                t.due,
                tuple(p.materials or ()),
                tuple(t.materials_received or ()),
            )
            for t, p, number in s.execute(stmt.limit(500))
        ]
