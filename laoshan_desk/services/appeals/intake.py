"""受理: checking an intake form, the 7-day duplicate warning, numbering, storing a new appeal, and
the dispatch suggestion (派单建议).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import (
    AppealKind,
    AppealSnapshot,
    AppealStatus,
    Channel,
    Place,
    clocks,
    find_duplicates,
    format_appeal_number,
    suggest_dispatch,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.services.appeals.common import (
    VIEW,
    _event,
    _label,
    _need_edit,
    _s,
    _scoped,
    _text,
    pinyin_initials,
    recompute_clock,
)
from laoshan_desk.services.appeals.handling import merge
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import (
    Appeal,
)
from laoshan_desk.store.queries import appeals as q


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
            from laoshan_desk.services.appeals import attachments

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
