"""受理: checking an intake form, the 7-day duplicate warning, numbering, storing a new appeal, and
the dispatch suggestion (派单建议).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import (
    AppealKind,
    AppealSnapshot,
    AppealStatus,
    Channel,
    HandlingLevel,
    Place,
    clocks,
    find_duplicates,
    format_appeal_number,
    suggest_dispatch,
)
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.errors import ConflictError, ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.services.appeals.attachments import store_attachment
from laoshan_desk.services.appeals.common import (
    EDIT,
    VIEW,
    clean_text,
    id_text,
    label_of,
    load_scoped,
    pinyin_initials,
    recompute_clock,
    record_step,
)
from laoshan_desk.services.appeals.forms import IntakeForm
from laoshan_desk.services.appeals.handling import merge_in
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.numbers import allocate
from laoshan_desk.store.queries import appeals as q

SEQ_SERIES = "appeal.seq"  # the integer row key of the search index (store/queries/appeals.py)


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
class _Clean:
    """An intake form after its checks: what is stored."""

    kind: str
    channel: str
    appellant: str | None
    phone: str | None
    enterprise: str | None
    uscc: str | None
    fast_lane: bool
    street_id: uuid.UUID
    community_id: uuid.UUID | None
    grid_id: uuid.UUID | None
    content: str
    category: str | None


def _validate(session: Session, form: IntakeForm) -> _Clean:
    """Check an intake form (docs/rules.md §appeals-intake); raises ValidationError on a field."""
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
    appellant = clean_text(form.appellant, "appellant", "诉求人", 100)
    phone = None
    if (form.phone or "").strip():
        phone = normalize_phone(form.phone, field="phone")
    elif kind is not AppealKind.ENFORCEMENT and appellant and appellant not in ("匿名", "无"):
        raise ValidationError("请填写联系电话（匿名诉求可不填诉求人和电话）", field="phone")
    enterprise = clean_text(form.enterprise, "enterprise", "企业名称", 200)
    uscc = None
    if (form.uscc or "").strip():
        uscc = normalize_uscc(form.uscc, field="uscc")
    if kind is AppealKind.DEVELOPMENT and not enterprise:
        raise ValidationError("发展诉求请填写企业名称", field="enterprise")
    content = clean_text(form.content, "content", "诉求内容", 4000, required=True)
    if len(content) < 5:
        raise ValidationError("诉求内容过短，请写明事项、地点和诉求（至少 5 个字）", field="content")
    if form.street_id is None:
        raise ValidationError("请选择诉求发生地的街道", field="street")
    street = session.get(Unit, form.street_id)
    if street is None or street.kind != "street":
        raise ValidationError("请选择诉求发生地的街道", field="street")
    if form.community_id is not None:
        comm = session.get(Unit, form.community_id)
        if comm is None or comm.parent_id != street.id:
            raise ValidationError("所选社区（村）不属于该街道", field="community")
    if form.grid_id is not None:
        grid = session.get(Grid, form.grid_id)
        if grid is None or form.community_id is None or grid.community_id != form.community_id:
            raise ValidationError("所选网格不属于该社区（村）", field="grid")
    return _Clean(
        kind=kind.value,
        channel=channel.value,
        appellant=appellant or None,
        phone=phone,
        enterprise=enterprise or None,
        uscc=uscc,
        # 企业直通车: every development appeal of an enterprise takes the fast lane.
        fast_lane=bool(form.fast_lane or (kind is AppealKind.DEVELOPMENT and enterprise)),
        street_id=form.street_id,
        community_id=form.community_id,
        grid_id=form.grid_id,
        content=content,
        category=clean_text(form.category, "category", "诉求分类", 50) or None,
    )


def find_possible_duplicates(
    db: Database, actor: Actor, form: IntakeForm, *, now: dt.datetime, exclude: uuid.UUID | None = None
) -> list[DuplicateRow]:
    """Appeals of the last 7 days with the same phone or place and similar content
    (docs/rules.md §appeals-duplicates)."""
    actor.require(VIEW)
    received = form.received_at or now
    phone = None
    if (form.phone or "").strip():
        try:
            phone = normalize_phone(form.phone)
        except ValidationError:
            phone = None
    place = []
    if phone:
        place.append(Appeal.phone == phone)
    if form.grid_id:
        place.append(Appeal.grid_id == form.grid_id)
    elif form.community_id:
        place.append(Appeal.community_id == form.community_id)
    if not place:
        return []
    window = dt.timedelta(days=7)
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
    with db.session() as s:
        rows = {str(a.id): a for a in s.scalars(stmt) if a.id != exclude}
        new = AppealSnapshot(
            "__new__", received, form.content, phone, id_text(form.grid_id), id_text(form.community_id)
        )
        snaps = [
            AppealSnapshot(k, a.received_at, a.content, a.phone, id_text(a.grid_id), id_text(a.community_id))
            for k, a in rows.items()
        ]
        out = []
        for m in find_duplicates(new, snaps):
            a = rows[m.other.key]
            out.append(
                DuplicateRow(
                    a.id,
                    a.number,
                    a.received_at,
                    a.content,
                    label_of(AppealStatus, a.status),
                    round(m.similarity, 2),
                    m.reasons,
                )
            )
        return out


def next_number(session: Session, day: dt.date) -> str:
    """The day's next appeal number, allocated collision-free (docs/rules.md §appeals-numbers)."""
    prefix = f"LS{day:%Y%m%d}"
    # Numbers already in use that day (imported from the ledger) are the series' floor.
    last = session.scalar(
        select(func.max(Appeal.number)).where(Appeal.number >= prefix + "0000", Appeal.number <= prefix + "9999")
    )
    serial = allocate(session, f"appeal.number.{day:%Y%m%d}", floor=int(last[-4:]) if last else 0)
    return format_appeal_number(day, serial)


def next_seq(session: Session) -> int:
    """The next integer row key of an appeal, allocated collision-free."""
    return allocate(session, SEQ_SERIES, floor=session.scalar(select(func.max(Appeal.seq))) or 0)


def intake(db: Database, actor: Actor, form: IntakeForm, *, now: dt.datetime) -> AppealRef:
    """受理: store a new appeal (received), with the suggested level; merge it at once if asked."""
    actor.require(EDIT)
    received = form.received_at or now
    if received > now + dt.timedelta(minutes=5):
        raise ValidationError("受理时间不能晚于当前时间", field="received_at")
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        values = _validate(s, form)
        suggestion = _suggest(s, values.content, values.street_id, values.community_id, values.category)
        q.ensure_fts(s.connection())
        appeal = Appeal(
            id=uuid.uuid4(),
            seq=next_seq(s),
            number=next_number(s, clocks.local_date(received)),
            received_at=received,
            status=AppealStatus.RECEIVED.value,
            level=suggestion.level,
            appellant_initials=pinyin_initials(values.appellant),
            handler_id=actor.user_id,
            created_by_id=actor.user_id,
            created_at=now,
            updated_at=now,
            source="desk",
            **dataclasses.asdict(values),
        )
        recompute_clock(s, appeal, cal, now)
        s.add(appeal)
        try:
            s.flush()
        except IntegrityError:
            raise ConflictError(f"诉求编号 {appeal.number} 已被占用（另一窗口同时受理），请再点一次“受理”") from None
        record_step(work, appeal, EventAction.INTAKE, None, f"{label_of(Channel, appeal.channel)}受理")
        for path in form.attachments:
            store_attachment(work, appeal, path)
        work.audit(
            "create",
            "appeal",
            appeal.id,
            f"受理诉求 {appeal.number}",
            after={"number": appeal.number, "kind": appeal.kind, "channel": appeal.channel},
        )
        if form.merge_into is not None:
            merge_in(work, appeal, load_scoped(s, actor, form.merge_into))
        return AppealRef(appeal.id, appeal.number)


def _suggest(
    session: Session,
    content: str,
    street_id: uuid.UUID | None,
    community_id: uuid.UUID | None,
    category: str | None = None,
) -> Suggestion:
    """派单建议 from the category, content and place (domain.appeals.suggest_dispatch)."""
    depts = session.scalars(
        select(Unit).where(Unit.kind == "department", Unit.active.is_(True)).order_by(Unit.sort_order)
    ).all()
    keywords = {str(d.id): list(d.keywords or []) for d in depts if d.keywords}
    got = suggest_dispatch(content, Place(id_text(street_id), id_text(community_id)), keywords, category=category)
    unit_id = uuid.UUID(got.unit) if got.unit else None
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    return Suggestion(got.level.value, got.level.label, unit_id, unit.name if unit else "", got.reason)


def suggestion_for(db: Database, actor: Actor, appeal_id: uuid.UUID) -> Suggestion:
    """The dispatch suggestion for a stored appeal (the dispatch dialog preselects it)."""
    actor.require(VIEW)
    with db.session() as s:
        a = load_scoped(s, actor, appeal_id)
        return _suggest(s, a.content, a.street_id, a.community_id, a.category)


def units_for_level(db: Database, actor: Actor, level: str) -> list[tuple[uuid.UUID, str]]:
    """Units a level's appeals can be sent to (for the dispatch dialog)."""
    actor.require(VIEW)
    try:
        kinds = HandlingLevel(level).unit_kinds
    except ValueError:
        raise ValidationError("请选择承办层级", field="level") from None
    with db.session() as s:
        return list(
            s.execute(
                select(Unit.id, Unit.name)
                .where(Unit.kind.in_(kinds), Unit.active.is_(True))
                .order_by(Unit.sort_order, Unit.code)
            ).tuples()
        )
