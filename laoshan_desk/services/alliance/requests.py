"""Anti-counterfeiting requests (护航): a member asks for help, officers go, letters, evidence, outcome.

Every step is dated and audited; the domain (:func:`laoshan_desk.domain.alliance.requests.check_step`)
keeps the order; an open request's light follows the admin's thresholds
(docs/rules/alliance.md §alliance-requests). Evidence files go to the desk's content-addressed store; the
request keeps their names and hashes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.clocks import local_date, request_age, request_light
from laoshan_desk.domain.alliance.requests import StepFact, check_step, letter_number, request_number
from laoshan_desk.domain.alliance.vocabulary import RequestOutcome, RequestStep
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.services.alliance.common import (
    EDIT,
    VIEW,
    check_day,
    check_version,
    get_or_404,
    keep_files,
    pick,
    read_settings,
    text,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store import numbers
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceMember, AllianceRequest, AllianceRequestStep
from laoshan_desk.store.models.enterprises import Enterprise


@dataclasses.dataclass(frozen=True)
class RequestForm:
    member_id: uuid.UUID | None
    brand: str
    products: str
    places: str
    received_on: dt.date | None
    evidence: tuple[Path, ...] = ()
    note: str = ""


@dataclasses.dataclass(frozen=True)
class StepForm:
    """One step after the request was received; the fields a step needs depend on the step."""

    request_id: uuid.UUID
    step: str
    on: dt.date | None
    note: str = ""
    officers: str = ""  # 指派执法人员
    regions: str = ""  # where they go, e.g. 四川省成都市、重庆市
    recipient: str = ""  # 发出协查函: the other region's bureau
    outcome: str = ""  # 办结
    evidence: tuple[Path, ...] = ()
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class StepRow:
    id: uuid.UUID
    step: RequestStep
    on: dt.date
    note: str
    officers: str
    regions: str
    letter_number: str | None
    recipient: str | None
    outcome: RequestOutcome | None
    by: str


@dataclasses.dataclass(frozen=True)
class RequestRow:
    id: uuid.UUID
    number: str
    member_id: uuid.UUID
    member_name: str
    brand: str
    products: str
    places: str
    received_on: dt.date
    officers: str
    regions: str
    last_step: RequestStep
    outcome: RequestOutcome | None
    closed_on: dt.date | None
    age_workdays: int
    light: Light
    evidence: tuple[str, ...]
    version: int


@dataclasses.dataclass(frozen=True)
class RequestDetail:
    row: RequestRow
    steps: tuple[StepRow, ...]
    next_steps: tuple[RequestStep, ...]


def _steps(session: Session, request_id: uuid.UUID) -> list[AllianceRequestStep]:
    return list(
        session.scalars(
            select(AllianceRequestStep)
            .where(AllianceRequestStep.request_id == request_id)
            .order_by(AllianceRequestStep.n)
        )
    )


def open_request(db: Database, actor: Actor, form: RequestForm, *, now: dt.datetime) -> uuid.UUID:
    """A member's request for help: numbered, received (the first step), audited."""
    actor.require(EDIT)
    today = local_date(now)
    brand = text(form.brand, "brand", "品牌", required=True, limit=100)
    products = text(form.products, "products", "涉嫌假冒产品", required=True)
    places = text(form.places, "places", "涉嫌地点", required=True)
    check_day(form.received_on, "received_on", "受理日期", today=today)
    assert form.received_on is not None
    note = text(form.note, "note", "说明")
    if form.member_id is None:
        raise ValidationError("请选择提出请求的联盟成员", field="member")
    files = keep_files(form.evidence, "evidence")
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        member = get_or_404(s, AllianceMember, form.member_id, "联盟成员")
        year = form.received_on.year
        number = request_number(year, numbers.allocate(s, f"alliance_request:{year}"))
        req = AllianceRequest(
            id=uuid.uuid4(),
            number=number,
            member_id=member.id,
            brand=brand,
            products=products,
            places=places,
            evidence=files,
            received_on=form.received_on,
            created_at=now,
            updated_at=now,
        )
        s.add(req)
        s.add(
            AllianceRequestStep(
                id=uuid.uuid4(),
                request_id=req.id,
                n=1,
                step=RequestStep.RECEIVED.value,
                on=form.received_on,
                note=note,
                by=actor.full_name,
                at=now,
            )
        )
        s.flush()
        work.audit(
            "create",
            "alliance_request",
            req.id,
            f"受理打假协助请求：{number}（{brand}）",
            after={"brand": brand, "places": places, "files": len(files)},
        )
        return req.id


def add_step(db: Database, actor: Actor, form: StepForm, *, now: dt.datetime) -> uuid.UUID:
    """Record one dated step in order (docs/rules/alliance.md §alliance-requests); letters get a number."""
    actor.require(EDIT)
    step = pick(RequestStep, form.step, "step")
    if form.on is None:
        raise ValidationError("请填写日期", field="on")
    check_day(form.on, "on", "日期", today=local_date(now))
    note = text(form.note, "note", "说明")
    officers = text(form.officers, "officers", "执法人员", limit=200)
    regions = text(form.regions, "regions", "前往地区", limit=200)
    recipient = text(form.recipient, "recipient", "协查单位", limit=200)
    outcome = pick(RequestOutcome, form.outcome, "outcome") if form.outcome else None
    if step is RequestStep.ASSIGNED and not officers:
        raise ValidationError("请填写指派的执法人员", field="officers")
    if step is RequestStep.LETTER and not recipient:
        raise ValidationError("请填写协查函的收函单位（当地市场监管部门）", field="recipient")
    if step is RequestStep.OUTCOME and outcome is None:
        raise ValidationError("请选择办结结果", field="outcome")
    files = keep_files(form.evidence, "evidence")
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        req = get_or_404(s, AllianceRequest, form.request_id, "打假协助请求")
        check_version(req, form.version)
        done = _steps(s, req.id)
        check_step([StepFact(RequestStep(d.step), d.on) for d in done], step, form.on, today=local_date(now))
        row = AllianceRequestStep(
            id=uuid.uuid4(),
            request_id=req.id,
            n=len(done) + 1,
            step=step.value,
            on=form.on,
            note=note,
            officers=officers,
            regions=regions,
            recipient=recipient or None,
            outcome=outcome.value if outcome else None,
            by=actor.full_name,
            at=now,
        )
        if step is RequestStep.ASSIGNED:
            req.officers, req.regions = officers, regions or req.regions
        if step is RequestStep.LETTER:
            year = form.on.year
            row.letter_number = letter_number(year, numbers.allocate(s, f"alliance_letter:{year}"))
        if step is RequestStep.OUTCOME:
            assert outcome is not None
            req.outcome, req.closed_on = outcome.value, form.on
        if files:
            req.evidence = [*req.evidence, *files]
        req.updated_at = now
        s.add(row)
        s.flush()
        work.audit(
            "update",
            "alliance_request",
            req.id,
            f"{step.label}：{req.number}" + (f"（{row.letter_number}）" if row.letter_number else ""),
            after={"step": step.value, "on": form.on.isoformat(), "files": len(files)},
        )
        return row.id


def _row(req: AllianceRequest, name: str, last: RequestStep, calendar: Any, today: dt.date, th: Any) -> RequestRow:
    closed = req.closed_on is not None
    return RequestRow(
        id=req.id,
        number=req.number,
        member_id=req.member_id,
        member_name=name,
        brand=req.brand,
        products=req.products,
        places=req.places,
        received_on=req.received_on,
        officers=req.officers,
        regions=req.regions,
        last_step=last,
        outcome=RequestOutcome(req.outcome) if req.outcome else None,
        closed_on=req.closed_on,
        age_workdays=request_age(req.received_on, calendar, req.closed_on or today),
        light=request_light(req.received_on, calendar, today, th, closed=closed),
        evidence=tuple(str(f.get("name", "")) for f in req.evidence),
        version=req.version,
    )


def list_requests(
    db: Database, actor: Actor, *, now: dt.datetime, open_only: bool = False, year: int | None = None
) -> list[RequestRow]:
    """The requests, newest first, each with its age in working days and its light."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    with db.session() as s:
        th = read_settings(s).thresholds
        q = (
            select(AllianceRequest, Enterprise.name)
            .join(AllianceMember, AllianceMember.id == AllianceRequest.member_id)
            .join(Enterprise, Enterprise.id == AllianceMember.enterprise_id)
        )
        if open_only:
            q = q.where(AllianceRequest.closed_on.is_(None))
        if year is not None:
            q = q.where(
                AllianceRequest.received_on >= dt.date(year, 1, 1), AllianceRequest.received_on <= dt.date(year, 12, 31)
            )
        pairs = s.execute(q.order_by(AllianceRequest.received_on.desc(), AllianceRequest.number.desc())).tuples().all()
        last: dict[uuid.UUID, RequestStep] = {}
        ids = [r.id for r, _n in pairs]
        for st in s.scalars(
            select(AllianceRequestStep)
            .where(AllianceRequestStep.request_id.in_(ids))
            .order_by(AllianceRequestStep.request_id, AllianceRequestStep.n)
        ):
            last[st.request_id] = RequestStep(st.step)
        return [_row(r, n, last.get(r.id, RequestStep.RECEIVED), calendar, today, th) for r, n in pairs]


def request_detail(db: Database, actor: Actor, request_id: uuid.UUID, *, now: dt.datetime) -> RequestDetail:
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    with db.session() as s:
        req = get_or_404(s, AllianceRequest, request_id, "打假协助请求")
        member = s.get(AllianceMember, req.member_id)
        assert member is not None
        enterprise = s.get(Enterprise, member.enterprise_id)
        assert enterprise is not None
        steps = _steps(s, req.id)
        rows = tuple(
            StepRow(
                st.id,
                RequestStep(st.step),
                st.on,
                st.note,
                st.officers,
                st.regions,
                st.letter_number,
                st.recipient,
                RequestOutcome(st.outcome) if st.outcome else None,
                st.by,
            )
            for st in steps
        )
        facts = [StepFact(r.step, r.on) for r in rows]
        possible = []
        for candidate in RequestStep:
            try:
                check_step(facts, candidate, max((f.on for f in facts), default=today), today=today)
            except ValidationError:
                continue
            possible.append(candidate)
        last = rows[-1].step if rows else RequestStep.RECEIVED
        row = _row(req, enterprise.name, last, calendar, today, read_settings(s).thresholds)
        return RequestDetail(row, rows, tuple(possible))
