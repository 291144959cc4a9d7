"""Quarterly seminars (宣传员): topics, format, attendees by enterprise, materials attached.

docs/rules/alliance.md §alliance-seminars. Materials go to the desk's content-addressed store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import func, select

from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.stats import Quarter, quarter_of
from laoshan_desk.domain.alliance.vocabulary import SeminarFormat, SeminarTopic
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.alliance.common import EDIT, VIEW, check_day, get_or_404, keep_files, pick, picks, text
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceSeminar, AllianceSeminarAttendee
from laoshan_desk.store.models.enterprises import Enterprise


@dataclasses.dataclass(frozen=True)
class Attendee:
    enterprise_id: uuid.UUID | None
    person: str = ""


@dataclasses.dataclass(frozen=True)
class SeminarForm:
    held_on: dt.date | None
    title: str
    topics: tuple[str, ...]
    format: str
    place: str = ""
    attendees: tuple[Attendee, ...] = ()
    materials: tuple[Path, ...] = ()
    note: str = ""


@dataclasses.dataclass(frozen=True)
class SeminarRow:
    id: uuid.UUID
    held_on: dt.date
    quarter: Quarter
    title: str
    topics: tuple[SeminarTopic, ...]
    format: SeminarFormat
    place: str
    attendees: int
    enterprises: tuple[str, ...]
    materials: tuple[str, ...]
    note: str

    @property
    def topics_text(self) -> str:
        return "、".join(t.label for t in self.topics)


def add_seminar(db: Database, actor: Actor, form: SeminarForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require(EDIT)
    check_day(form.held_on, "held_on", "举办日期", today=local_date(now))
    assert form.held_on is not None
    topics = picks(SeminarTopic, form.topics, "topics")
    if not topics:
        raise ValidationError("请至少选择一个专题", field="topics")
    fmt = pick(SeminarFormat, form.format, "format")
    title = text(form.title, "title", "活动名称", required=True, limit=200)
    materials = keep_files(form.materials, "materials")
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        seminar = AllianceSeminar(
            id=uuid.uuid4(),
            held_on=form.held_on,
            title=title,
            topics=[t.value for t in topics],
            format=fmt.value,
            place=text(form.place, "place", "地点", limit=200),
            materials=materials,
            note=text(form.note, "note", "说明"),
            created_at=now,
            updated_at=now,
        )
        s.add(seminar)
        s.flush()
        for a in form.attendees:
            if a.enterprise_id is not None:
                get_or_404(s, Enterprise, a.enterprise_id, "参会企业")
            elif not a.person.strip():
                continue
            s.add(
                AllianceSeminarAttendee(
                    id=uuid.uuid4(),
                    seminar_id=seminar.id,
                    enterprise_id=a.enterprise_id,
                    person=text(a.person, "attendees", "参会人员", limit=50),
                )
            )
        work.audit("create", "alliance_seminar", seminar.id, f"专题研讨：{title}（{quarter_of(form.held_on).label}）")
        return seminar.id


def list_seminars(db: Database, actor: Actor, *, year: int | None = None) -> list[SeminarRow]:
    actor.require(VIEW)
    with db.session() as s:
        q = select(AllianceSeminar).order_by(AllianceSeminar.held_on.desc())
        if year is not None:
            q = q.where(
                AllianceSeminar.held_on >= dt.date(year, 1, 1), AllianceSeminar.held_on <= dt.date(year, 12, 31)
            )
        seminars = list(s.scalars(q))
        ids = [x.id for x in seminars]
        counts = dict(
            s.execute(
                select(AllianceSeminarAttendee.seminar_id, func.count())
                .where(AllianceSeminarAttendee.seminar_id.in_(ids))
                .group_by(AllianceSeminarAttendee.seminar_id)
            )
            .tuples()
            .all()
        )
        names: dict[uuid.UUID, list[str]] = {}
        for sid, name in s.execute(
            select(AllianceSeminarAttendee.seminar_id, Enterprise.name)
            .join(Enterprise, Enterprise.id == AllianceSeminarAttendee.enterprise_id)
            .where(AllianceSeminarAttendee.seminar_id.in_(ids))
            .order_by(Enterprise.name)
        ).tuples():
            if name not in names.setdefault(sid, []):
                names[sid].append(name)
        return [
            SeminarRow(
                x.id,
                x.held_on,
                quarter_of(x.held_on),
                x.title,
                tuple(SeminarTopic(t) for t in x.topics),
                SeminarFormat(x.format),
                x.place,
                counts.get(x.id, 0),
                tuple(names.get(x.id, [])),
                tuple(str(m.get("name", "")) for m in x.materials),
                x.note,
            )
            for x in seminars
        ]
