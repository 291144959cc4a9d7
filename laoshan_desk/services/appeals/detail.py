"""One appeal as the detail screen shows it: facts, both clocks, timeline, requests, supervisions,
visits, attachments, and the actions its status allows; the full phone number (audited).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.appeals import (
    AppealKind,
    AppealStatus,
    Channel,
    HandlingLevel,
    Satisfaction,
    clocks,
)
from laoshan_desk.domain.appeals.actions import DetailAction, available_actions
from laoshan_desk.domain.appeals.steps import EventAction, ExtensionState, Media, SuspensionReason, SuspensionState
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.appeals.common import APPROVE, EDIT, VIEW, label_of, load_scoped, unit_names
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid
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


@dataclasses.dataclass(frozen=True)
class EventRow:
    at: dt.datetime
    username: str
    actor_name: str
    action: str
    action_label: str
    from_status: str | None
    to_status: str | None
    move_label: str  # 已受理 → 已派单, or "" when the status stayed
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
    state_label: str
    decided_at: dt.datetime | None
    decided_by: str | None


@dataclasses.dataclass(frozen=True)
class SuspensionRow:
    id: uuid.UUID
    reason_kind: str
    reason_kind_label: str
    reason: str
    requested_at: dt.datetime
    requested_by: str
    state: str
    state_label: str
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
    media_label: str
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
    actions: tuple[DetailAction, ...]  # what the actor may do now, in button order
    version: int


def _move_label(before: str | None, after: str | None) -> str:
    if not after or after == before:
        return ""
    return (f"{label_of(AppealStatus, before)} → " if before else "") + label_of(AppealStatus, after)


def detail(db: Database, actor: Actor, appeal_id: uuid.UUID, *, now: dt.datetime) -> AppealDetail:
    """One appeal with both clocks at ``now`` and the actions the actor may take."""
    actor.require(VIEW)
    cal = work_calendar(db)
    with db.session() as s:
        a = load_scoped(s, actor, appeal_id)
        names = unit_names(s)
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
        pending_ext = any(e.state == ExtensionState.REQUESTED for e in exts)
        pending_susp = any(x.state == SuspensionState.REQUESTED for x in susps)
        return AppealDetail(
            id=a.id,
            number=a.number,
            received_at=a.received_at,
            kind=a.kind,
            kind_label=label_of(AppealKind, a.kind),
            channel=a.channel,
            channel_label=label_of(Channel, a.channel),
            status=a.status,
            status_label=label_of(AppealStatus, a.status),
            level=a.level,
            level_label=label_of(HandlingLevel, a.level),
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
            satisfaction_label=label_of(Satisfaction, a.satisfaction),
            merged_into=merged_into or "",
            clock=clock,
            co_units=tuple(names.get(u, "") for u in co),
            events=tuple(
                EventRow(
                    e.at,
                    e.username,
                    e.actor_name,
                    e.action,
                    label_of(EventAction, e.action),
                    e.from_status,
                    e.to_status,
                    _move_label(e.from_status, e.to_status),
                    names.get(e.unit_id, "") if e.unit_id else "",
                    e.note,
                )
                for e in events
            ),
            extensions=tuple(
                ExtensionRow(
                    e.id,
                    e.requested_at,
                    e.requested_by,
                    e.until,
                    e.reason,
                    e.state,
                    label_of(ExtensionState, e.state),
                    e.decided_at,
                    e.decided_by,
                )
                for e in exts
            ),
            suspensions=tuple(
                SuspensionRow(
                    x.id,
                    x.reason_kind,
                    label_of(SuspensionReason, x.reason_kind),
                    x.reason,
                    x.requested_at,
                    x.requested_by,
                    x.state,
                    label_of(SuspensionState, x.state),
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
                VisitRow(v.at, v.by, v.result, label_of(Satisfaction, v.result), v.note, v.reopened) for v in visits
            ),
            attachments=tuple(
                AttachmentRow(t.id, t.sha256, t.name, t.media, label_of(Media, t.media), t.mime, t.size) for t in atts
            ),
            actions=available_actions(
                a.status,
                may_edit=actor.may(EDIT),
                may_approve=actor.may(APPROVE),
                pending_extension=pending_ext,
                pending_suspension=pending_susp,
                supervised=bool(sups),
            ),
            version=a.version,
        )


def full_phone(db: Database, actor: Actor, appeal_id: uuid.UUID, *, now: dt.datetime) -> str:
    """Show the number in full: itself an audited action (view_full)."""
    actor.require(VIEW)
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, appeal_id)
        work.audit("view_full", "appeal", appeal_id, f"查看诉求 {a.number} 的完整联系电话")
        return a.phone or ""
