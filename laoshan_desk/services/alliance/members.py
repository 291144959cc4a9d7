"""Alliance members and the honours register: join, edit, list, and record honours.

A member is an enterprise of the shared table (一企一档, :mod:`laoshan_desk.services.enterprise_registry`)
plus what the alliance keeps: the bureau's liaison officer for it (one-to-one; its complaints go
to that officer — docs/rules/alliance.md §alliance-complaints), when it joined, when it signed the
诚信经营倡议书, its lifecycle stage and industry (for policy matching). Honours belong to the
enterprise, member or not (docs/rules/alliance.md §alliance-honours).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import normalize_phone
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import enterprise_registry as registry
from laoshan_desk.services.alliance.common import EDIT, VIEW, check_day, check_version, get_or_404, pick, text
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import row_dict
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User
from laoshan_desk.store.models.alliance import AllianceHonour, AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise
from laoshan_desk.store.queries import enterprises as enterprise_queries

AUDITED = ["liaison_name", "liaison_phone", "member_since", "pledge_signed_on", "stage", "industry", "active", "note"]


@dataclasses.dataclass(frozen=True)
class MemberForm:
    """Joining the alliance or editing a member (``member_id`` and ``version`` when editing)."""

    name: str
    uscc: str
    liaison_name: str
    member_since: dt.date | None
    stage: str
    industry: str
    no_uscc_reason: str = ""
    street_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    address: str = ""
    liaison_phone: str = ""
    liaison_user_id: uuid.UUID | None = None
    pledge_signed_on: dt.date | None = None
    note: str = ""
    active: bool = True
    member_id: uuid.UUID | None = None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class HonourForm:
    enterprise_id: uuid.UUID
    level: str
    year: int
    title: str = ""


@dataclasses.dataclass(frozen=True)
class HonourRow:
    id: uuid.UUID
    level: HonourLevel
    title: str
    year: int

    @property
    def text(self) -> str:
        return f"{self.level.label}{'（' + self.title + '）' if self.title else ''} {self.year}"


@dataclasses.dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    name: str
    uscc: str
    no_uscc_reason: str  # why an enterprise has no USCC (the export writes it, so the file imports again)
    street: str
    community: str
    address: str
    liaison_name: str
    liaison_phone: str
    liaison_user_id: uuid.UUID | None
    member_since: dt.date
    pledge_signed_on: dt.date | None
    stage: LifecycleStage
    industry: Industry
    active: bool
    note: str
    honours: tuple[HonourRow, ...]
    version: int

    @property
    def pledge_text(self) -> str:
        return f"已签署（{self.pledge_signed_on:%Y-%m-%d}）" if self.pledge_signed_on else "未签署"

    @property
    def honours_text(self) -> str:
        return "、".join(h.level.label for h in self.honours)


@dataclasses.dataclass(frozen=True)
class MemberRef:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    name: str


def validate_member(session: Session, form: MemberForm, *, today: dt.date) -> dict[str, object]:
    """The member's own fields, checked (the counter's form and the import share this)."""
    liaison = text(form.liaison_name, "liaison_name", "联络员", required=True, limit=50)
    phone = normalize_phone(form.liaison_phone, field="liaison_phone") if form.liaison_phone.strip() else ""
    check_day(form.member_since, "member_since", "入盟日期", today=today)
    check_day(form.pledge_signed_on, "pledge_signed_on", "倡议书签署日期", today=today, required=False)
    if form.liaison_user_id is not None:
        user = session.get(User, form.liaison_user_id)
        if user is None or user.role not in (Role.MARKET_OFFICER.value, Role.ADMIN.value) or not user.active:
            raise ValidationError("联络员账户应为在用的市场监管人员", field="liaison_user")
    return {
        "liaison_name": liaison,
        "liaison_phone": phone,
        "liaison_user_id": form.liaison_user_id,
        "member_since": form.member_since,
        "pledge_signed_on": form.pledge_signed_on,
        "stage": pick(LifecycleStage, form.stage, "stage").value,
        "industry": pick(Industry, form.industry, "industry").value,
        "note": text(form.note, "note", "备注"),
        "active": form.active,
    }


def store_member(session: Session, form: MemberForm, *, now: dt.datetime) -> tuple[AllianceMember, bool]:
    """Write one member inside the caller's unit of work: (row, created)."""
    today = now.date()
    values = validate_member(session, form, today=today)
    enterprise = registry.record(
        session,
        registry.EnterpriseForm(
            form.name, form.uscc, form.no_uscc_reason, form.street_id, form.community_id, form.address
        ),
        now=now,
    )
    if form.member_id is not None:
        member = get_or_404(session, AllianceMember, form.member_id, "联盟成员")
        check_version(member, form.version)
        if member.enterprise_id != enterprise.id:
            raise ValidationError("不能把成员改成另一家企业；请另行入盟", field="uscc")
        created = False
    else:
        member = session.scalars(select(AllianceMember).where(AllianceMember.enterprise_id == enterprise.id)).first()
        created = member is None
        if member is None:
            member = AllianceMember(id=uuid.uuid4(), enterprise_id=enterprise.id, created_at=now)
            session.add(member)
        elif form.version is not None:
            check_version(member, form.version)
    for key, value in values.items():
        setattr(member, key, value)
    member.updated_at = now
    session.flush()
    return member, created


def save_member(db: Database, actor: Actor, form: MemberForm, *, now: dt.datetime) -> MemberRef:
    """Join the alliance (no ``member_id``) or edit a member; one unit of work, audited."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        before = None
        if form.member_id is not None:
            old = get_or_404(work.session, AllianceMember, form.member_id, "联盟成员")
            before = row_dict(old, AUDITED)
        member, created = store_member(work.session, form, now=now)
        name = work.session.get(Enterprise, member.enterprise_id).name  # type: ignore[union-attr]
        work.audit(
            "create" if created else "update",
            "alliance_member",
            member.id,
            f"{'加入联盟' if created else '修改联盟成员'}：{name}",
            before=before,
            after=row_dict(member, AUDITED),
        )
        return MemberRef(member.id, member.enterprise_id, name)


def add_honour(db: Database, actor: Actor, form: HonourForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require(EDIT)
    level = pick(HonourLevel, form.level, "level")
    if not 1949 <= form.year <= now.year:
        raise ValidationError(f"年份应在 1949 至 {now.year} 之间", field="year")
    title = text(form.title, "title", "品牌或产品", limit=200)
    with unit_of_work(db, actor, now=now) as work:
        enterprise = get_or_404(work.session, Enterprise, form.enterprise_id, "企业")
        dup = work.session.scalars(
            select(AllianceHonour.id).where(
                AllianceHonour.enterprise_id == enterprise.id,
                AllianceHonour.level == level.value,
                AllianceHonour.title == title,
                AllianceHonour.year == form.year,
            )
        ).first()
        if dup is not None:
            raise ValidationError("该荣誉已登记", field="level")
        honour = AllianceHonour(
            id=uuid.uuid4(), enterprise_id=enterprise.id, level=level.value, title=title, year=form.year, created_at=now
        )
        work.session.add(honour)
        work.session.flush()
        work.audit(
            "create",
            "alliance_honour",
            honour.id,
            f"登记荣誉：{enterprise.name} {level.label} {form.year}",
            after={"level": level.value, "title": title, "year": form.year},
        )
        return honour.id


def remove_honour(db: Database, actor: Actor, honour_id: uuid.UUID, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        honour = get_or_404(work.session, AllianceHonour, honour_id, "荣誉")
        work.audit(
            "delete",
            "alliance_honour",
            honour.id,
            f"删除荣誉：{HonourLevel(honour.level).label} {honour.year}",
            before={"level": honour.level, "title": honour.title, "year": honour.year},
        )
        work.session.delete(honour)


def honours_of(session: Session, enterprise_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[HonourRow, ...]]:
    found: dict[uuid.UUID, list[HonourRow]] = defaultdict(list)
    rows = session.scalars(select(AllianceHonour).where(AllianceHonour.enterprise_id.in_(enterprise_ids)))
    for h in rows:
        found[h.enterprise_id].append(HonourRow(h.id, HonourLevel(h.level), h.title, h.year))
    return {k: tuple(sorted(v, key=lambda r: (r.level.rank, -r.year))) for k, v in found.items()}


def list_members(
    db: Database, actor: Actor, *, search: str = "", industry: str | None = None, active_only: bool = False
) -> list[MemberRow]:
    """The members (53 in the seed: a small list, sorted by name), with their honours."""
    actor.require(VIEW)
    with db.session() as session:
        q = select(AllianceMember, Enterprise).join(Enterprise, Enterprise.id == AllianceMember.enterprise_id)
        if search.strip():
            q = q.where(enterprise_queries.search_condition(search))
        if industry:
            q = q.where(AllianceMember.industry == pick(Industry, industry, "industry").value)
        if active_only:
            q = q.where(AllianceMember.active.is_(True))
        pairs = session.execute(q.order_by(Enterprise.initials, Enterprise.name)).tuples().all()
        names = dict(session.execute(select(Unit.id, Unit.name)).tuples().all())
        honours = honours_of(session, [e.id for _m, e in pairs])
        return [_row(m, e, names, honours.get(e.id, ())) for m, e in pairs]


def member(db: Database, actor: Actor, member_id: uuid.UUID) -> MemberRow:
    actor.require(VIEW)
    with db.session() as session:
        m = get_or_404(session, AllianceMember, member_id, "联盟成员")
        e = session.get(Enterprise, m.enterprise_id)
        assert e is not None
        names = dict(session.execute(select(Unit.id, Unit.name)).tuples().all())
        return _row(m, e, names, honours_of(session, [e.id]).get(e.id, ()))


def _row(m: AllianceMember, e: Enterprise, names: dict[uuid.UUID, str], honours: tuple[HonourRow, ...]) -> MemberRow:
    return MemberRow(
        id=m.id,
        enterprise_id=e.id,
        name=e.name,
        uscc=e.uscc or "",
        no_uscc_reason=e.no_uscc_reason or "",
        street=names.get(e.street_id, "") if e.street_id else "",
        community=names.get(e.community_id, "") if e.community_id else "",
        address=e.address,
        liaison_name=m.liaison_name,
        liaison_phone=m.liaison_phone,
        liaison_user_id=m.liaison_user_id,
        member_since=m.member_since,
        pledge_signed_on=m.pledge_signed_on,
        stage=LifecycleStage(m.stage),
        industry=Industry(m.industry),
        active=m.active,
        note=m.note,
        honours=honours,
        version=m.version,
    )


@dataclasses.dataclass(frozen=True)
class OfficerRow:
    user_id: uuid.UUID
    full_name: str
    username: str


def liaison_officers(db: Database, actor: Actor) -> list[OfficerRow]:
    """The active market-supervision officers a member's liaison may be (one-to-one)."""
    actor.require(VIEW)
    with db.session() as session:
        users = session.scalars(
            select(User)
            .where(User.role == Role.MARKET_OFFICER.value, User.active.is_(True))
            .order_by(User.full_name, User.username)
        )
        return [OfficerRow(u.id, u.full_name, u.username) for u in users]
