"""受理: checking an intake form, the 7-day duplicate warning, numbering, storing a new appeal, and
the dispatch suggestion (派单建议).

On a street office's desk linked to the district database the appeal gets a provisional number
(待同步…) and a row key of its own below zero: only the district allocates final numbers, and the
desk learns the appeal's number when it next pulls (docs/hall.md, "受理 on a street desk").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import (
    AppealSnapshot,
    AppealStatus,
    Channel,
    HandlingLevel,
    Place,
    clocks,
    find_duplicates,
    format_appeal_number,
    suggest_dispatch,
    terms,
)
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ConflictError, ValidationError
from laoshan_desk.domain.identifiers import normalize_phone
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.appeals.attachments import store_attachment
from laoshan_desk.services.appeals.common import (
    EDIT,
    VIEW,
    id_text,
    label_of,
    load_scoped,
    move,
    pinyin_initials,
    read_scope,
    recompute_clock,
    record_step,
)
from laoshan_desk.services.appeals.forms import IntakeForm
from laoshan_desk.services.appeals.handling import merge_in
from laoshan_desk.services.appeals.validation import check_intake
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.models.sync import street_link
from laoshan_desk.store.numbers import allocate
from laoshan_desk.store.queries import appeals as q

SEQ_SERIES = "appeal.seq"  # the integer row key of the search index (store/queries/appeals/search.py)
PROVISIONAL = "待同步-"  # a street desk's number until the district has numbered the appeal
OTHER_STREET = "本窗口是{}的街道窗口，只能受理本街道的诉求（其他街道的诉求请到区级大厅或该街道受理）"
TAKEN_ID = "该诉求已经登记过（标识重复），未重复受理"


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
    scope = read_scope(actor)
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
    """The day's next desk number, allocated collision-free (docs/rules.md §appeals-intake).

    Desk numbers and the city platform's live in separate spaces: the series counts the desk's
    own appeals only, so an imported LS<today>9999 does not use the day up and an imported
    LS<today>1ABC does not break the count; a platform number that happens to equal the next desk
    number is stepped over.
    """
    prefix = f"LS{day:%Y%m%d}"
    own = session.scalars(
        select(Appeal.number).where(
            Appeal.number >= prefix + "0000",
            Appeal.number <= prefix + "9999",
            func.length(Appeal.number) == len(prefix) + 4,
            Appeal.source == "desk",
        )
    ).all()
    floor = max((int(n[-4:]) for n in own if n[-4:].isdigit()), default=0)
    while True:
        number = format_appeal_number(day, allocate(session, f"appeal.number.{day:%Y%m%d}", floor=floor))
        if session.scalar(select(Appeal.id).where(Appeal.number == number)) is None:
            return number


def next_seq(session: Session) -> int:
    """The next integer row key of an appeal, allocated collision-free."""
    return allocate(session, SEQ_SERIES, floor=session.scalar(select(func.max(Appeal.seq))) or 0)


def provisional_number(appeal_id: uuid.UUID) -> str:
    """A street desk's number for an appeal the district has not numbered yet."""
    return PROVISIONAL + appeal_id.hex[:12].upper()


def _with_id(form: IntakeForm) -> IntakeForm:
    """The intake's id, made before the call, so that a street desk's appeal keeps it at the hub."""
    return form if form.appeal_id is not None else dataclasses.replace(form, appeal_id=uuid.uuid4())


def _numbered(
    session: Session, appeal_id: uuid.UUID, received: dt.datetime, street_id: uuid.UUID | None
) -> tuple[int, str]:
    """The row key and number of a new appeal: the district's own on the hub and on a plain desk;
    on a street desk a row key below zero (the district's keys are above) and 待同步…."""
    link = street_link(session)
    if link is None:
        return next_seq(session), next_number(session, clocks.local_date(received))
    if street_id is not None and street_id != link.street_id:
        raise ValidationError(OTHER_STREET.format(link.street_name), field="street_id")
    low = session.scalar(select(func.min(Appeal.seq))) or 0
    return min(low, 0) - 1, provisional_number(appeal_id)


@recorded("appeals.intake", prepare=_with_id)
def intake(db: Database, actor: Actor, form: IntakeForm, *, now: dt.datetime) -> AppealRef:
    """受理: store a new appeal (received), with the suggested level; merge it at once if asked."""
    actor.require(EDIT)
    received = form.received_at or now
    cal = work_calendar(db)
    ident = form.appeal_id or uuid.uuid4()
    with unit_of_work(db, actor, now) as work:
        s = work.session
        values = check_intake(s, form, now=now)
        if s.get(Appeal, ident) is not None:
            raise ValidationError(TAKEN_ID)
        suggestion = _suggest(s, values.content, values.street_id, values.community_id, values.category)
        q.ensure_fts(s.connection())
        seq, number = _numbered(s, ident, received, values.street_id)
        appeal = Appeal(
            id=ident,
            seq=seq,
            number=number,
            received_at=received,
            status=AppealStatus.RECEIVED.value,
            level=suggestion.level,
            appellant_initials=pinyin_initials(values.appellant),
            handler_id=actor.user_id,
            created_by_id=actor.user_id,
            created_at=now,
            updated_at=now,
            source="desk",
            terms=terms.encode(terms.keywords(values.content)),
            **values.columns(),
        )
        recompute_clock(s, appeal, cal, now)
        s.add(appeal)
        try:
            s.flush()
        except IntegrityError:
            raise ConflictError(f"诉求编号 {appeal.number} 已被占用（另一窗口同时受理），请再点一次“受理”") from None
        record_step(work, appeal, EventAction.INTAKE, None, f"{label_of(Channel, appeal.channel)}受理")
        if actor.scope == "street" and actor.street_id is not None and appeal.street_id != actor.street_id:
            _send_to_its_street(work, appeal, cal)
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


def _send_to_its_street(work: Work, appeal: Appeal, calendar: WorkCalendar) -> None:
    """A street clerk registered at its counter an appeal of another street: it goes to that
    street's office at once (docs/rules.md §appeals-intake; citizens come to the nearest office)."""
    street = work.session.get(Unit, appeal.street_id)
    name = street.name if street is not None else ""
    move(work, appeal, AppealStatus.DISPATCHED, EventAction.DISPATCH, f"跨街道受理，派至{name}", appeal.street_id)
    appeal.level, appeal.unit_id, appeal.handler_id = HandlingLevel.STREET.value, appeal.street_id, None
    appeal.dispatched_at = work.now
    recompute_clock(work.session, appeal, calendar, work.now)


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
        a = load_scoped(s, actor, appeal_id, reading=True)
        return _suggest(s, a.content, a.street_id, a.community_id, a.category)


def units_for_level(db: Database, actor: Actor, level: str) -> list[tuple[uuid.UUID, str]]:
    """Units a level's appeals can be sent to (for the dispatch dialog)."""
    actor.require(VIEW)
    kinds = chosen(HandlingLevel, level, "请选择承办层级", field="level").unit_kinds
    with db.session() as s:
        return list(
            s.execute(
                select(Unit.id, Unit.name)
                .where(Unit.kind.in_(kinds), Unit.active.is_(True))
                .order_by(Unit.sort_order, Unit.code)
            ).tuples()
        )
