"""What every appeal action shares: permissions, loading an appeal in the actor's scope, the
version check, recording a step (AppealEvent) with its status move, recomputing the stored clock
limits, auditing, text checks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

from pypinyin import Style, lazy_pinyin
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import AppealStatus, check_transition, clocks
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal, AppealEvent, AppealSuspension
from laoshan_desk.store.queries import appeals as q

VIEW, EDIT, APPROVE = "appeals.view", "appeals.edit", "appeals.approve_extension"
STALE = "该记录已被他人修改，请刷新后重试"


@lru_cache(maxsize=4096)
def pinyin_initials(name: str | None) -> str | None:
    """'张三' → 'zs' (letters kept as typed, lower case); None for no name."""
    if not name:
        return None
    # Non-Chinese characters are kept one by one (pypinyin accepts a list; its stubs say str).
    keep = cast(Callable[[str], str], lambda chars: list(chars))
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors=keep)
    out = "".join(x[:1] for x in letters if x).lower()
    return "".join(ch for ch in out if ch.isalnum())[:50] or None


def label_of(enum_cls: type[Labelled], code: str | None) -> str:
    """The Chinese label of a stored code; the code itself when the enum does not know it."""
    if not code:
        return ""
    try:
        return enum_cls(code).label
    except ValueError:
        return code


def id_text(value: uuid.UUID | None) -> str | None:
    """A UUID as the domain's plain key (None stays None)."""
    return None if value is None else str(value)


def unit_names(session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(select(Unit.id, Unit.name)).tuples().all())


def load_scoped(session: Session, actor: Actor, appeal_id: uuid.UUID) -> Appeal:
    """The appeal, if the actor's row scope (a SQL condition) includes it; NotFound otherwise."""
    cond = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    stmt = select(Appeal).where(Appeal.id == appeal_id)
    if cond is not None:
        stmt = stmt.where(cond)
    appeal = session.scalars(stmt).first()
    if appeal is None:
        raise NotFound("诉求不存在，或不在您的可见范围内")
    return appeal


def check_version(appeal: Appeal, version: int) -> None:
    """Refuse a write made from a screen that showed an older version of the appeal."""
    if appeal.version != version:
        raise ConflictError(STALE)


def record_step(
    work: Work,
    appeal: Appeal,
    action: EventAction,
    before: str | None,
    note: str = "",
    unit_id: uuid.UUID | None = None,
) -> None:
    """Add the next step of the appeal's timeline (who, when, from, to, why)."""
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
            action=action.value,
            from_status=before,
            to_status=appeal.status,
            unit_id=unit_id,
            note=note,
        )
    )
    appeal.updated_at = work.now


def move(
    work: Work,
    appeal: Appeal,
    target: AppealStatus,
    action: EventAction,
    note: str = "",
    unit_id: uuid.UUID | None = None,
) -> str:
    """Change the status if the life cycle allows it, recording the step; returns the old status."""
    before = appeal.status
    check_transition(before, target)
    appeal.status = target.value
    record_step(work, appeal, action, before, note, unit_id)
    return before


def recompute_clock(session: Session, appeal: Appeal, calendar: WorkCalendar, now: dt.datetime) -> None:
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
        [(s.start, s.end) for s in suspensions if s.start is not None],
        now=now,
        extension_granted_at=appeal.extension_granted_at,
    )


def audit_appeal(
    work: Work, appeal: Appeal, summary: str, after: dict[str, Any] | None = None, action: str = "update"
) -> None:
    work.audit(action, "appeal", appeal.id, f"{appeal.number} {summary}", after=after)


def clean_text(value: str | None, field: str, label: str, max_len: int, required: bool = False) -> str:
    """Stripped text, or a ValidationError beside ``field`` when missing or too long."""
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(f"请填写{label}", field=field)
    if len(value) > max_len:
        raise ValidationError(f"{label}不能超过 {max_len} 个字", field=field)
    return value
