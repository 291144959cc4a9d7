"""What every appeal action shares: permissions, loading an appeal in the actor's scope, recording a
step (AppealEvent) with its status move, recomputing the stored clock limits, auditing, text checks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import (
    AppealStatus,
    check_transition,
    clocks,
)
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import (
    Appeal,
    AppealEvent,
    AppealSuspension,
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


def _s(value: Any) -> str | None:
    return None if value is None else str(value)
