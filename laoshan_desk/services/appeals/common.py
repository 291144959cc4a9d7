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
from sqlalchemy.orm.attributes import flag_modified

from laoshan_desk.domain.appeals import AppealStatus, check_transition, clocks
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.appeals.suspensions import DayCounting
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.labels import label_of as label_of  # re-exported: the area's screens and rows use it
from laoshan_desk.services.context import Actor
from laoshan_desk.services.settings import read_settings
from laoshan_desk.services.uow import STALE as STALE  # re-exported: the area's one stale message
from laoshan_desk.services.uow import Work
from laoshan_desk.services.uow import check_version as check_version  # re-exported for the area
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal, AppealEvent, AppealSuspension
from laoshan_desk.store.queries import appeals as q

VIEW, EDIT, APPROVE = "appeals.view", "appeals.edit", "appeals.approve_extension"


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


def id_text(value: uuid.UUID | None) -> str | None:
    """A UUID as the domain's plain key (None stays None)."""
    return None if value is None else str(value)


def unit_names(session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(select(Unit.id, Unit.name)).tuples().all())


def read_scope(actor: Actor) -> Any:
    """The rows the actor may read (None: all): its row scope and what it registered."""
    return q.scope_condition(actor.scope, actor.unit_id, actor.street_id, registered_by=actor.user_id)


def write_scope(actor: Actor) -> Any:
    """The rows the actor may work on (None: all): its row scope only."""
    return q.scope_condition(actor.scope, actor.unit_id, actor.street_id)


def load_scoped(session: Session, actor: Actor, appeal_id: uuid.UUID, *, reading: bool = False) -> Appeal:
    """The appeal, if the actor's row scope (a SQL condition) includes it; NotFound otherwise.

    A write loads within the row scope; ``reading`` widens it to the appeals the actor registered.
    """
    cond = read_scope(actor) if reading else write_scope(actor)
    stmt = select(Appeal).where(Appeal.id == appeal_id)
    if cond is not None:
        stmt = stmt.where(cond)
    appeal = session.scalars(stmt).first()
    if appeal is None:
        raise NotFound("诉求不存在，或不在您的可见范围内")
    return appeal


def may_work_on(session: Session, actor: Actor, appeal_id: uuid.UUID) -> bool:
    """Whether the appeal lies in the actor's row scope for writing (not only registered by it)."""
    cond = write_scope(actor)
    if cond is None:
        return True
    return session.scalar(select(Appeal.id).where(Appeal.id == appeal_id, cond)) is not None


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
    # Every step is a change of the appeal: its version must move even when nothing else on the
    # row did (a note at the very time of the last change), or a screen that read the appeal
    # before this step would not be told it is stale.
    flag_modified(appeal, "updated_at")


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


def day_counting(session: Session) -> DayCounting:
    """How the completion limits are counted, from the admin setting (docs/rules.md §appeals-clocks)."""
    with session.no_autoflush:  # called while a new appeal is still being built
        calendar_days = read_settings(session).appeal_calendar_days
    return DayCounting.CALENDAR if calendar_days else DayCounting.WORKING


def suspension_spans(session: Session, appeal_id: uuid.UUID) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """The appeal's approved suspensions as (start, end or None while it lasts)."""
    with session.no_autoflush:
        rows = session.execute(
            select(AppealSuspension.start, AppealSuspension.end).where(
                AppealSuspension.appeal_id == appeal_id, AppealSuspension.start.is_not(None)
            )
        ).all()
    return [(start, end) for start, end in rows if start is not None]


def computed_limit(
    appeal: Appeal,
    calendar: WorkCalendar,
    suspensions: list[tuple[dt.datetime, dt.datetime | None]],
    counting: DayCounting,
    now: dt.datetime,
) -> dt.date:
    """The completion limit of ``appeal`` as the rules make it now (extensions and suspensions applied)."""
    return clocks.completion_limit(
        appeal.received_at,
        appeal.level,
        calendar,
        appeal.extension_until,
        suspensions,
        now=now,
        extension_granted_at=appeal.extension_granted_at,
        counting=counting,
    )


def recompute_clock(
    session: Session,
    appeal: Appeal,
    calendar: WorkCalendar,
    now: dt.datetime,
    *,
    counting: DayCounting | None = None,
) -> None:
    """Store the response limit and the completion limit (extensions and suspensions applied)."""
    appeal.response_limit = clocks.response_limit(appeal.received_at)
    appeal.completion_limit = computed_limit(
        appeal,
        calendar,
        suspension_spans(session, appeal.id),
        counting if counting is not None else day_counting(session),
        now,
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
