"""What the screens read: one case in full with its clocks, the case list, the respondents."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Select, func, or_, select

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.identifiers import (
    mask_id_card,
)
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    CaseKind,
    Decision,
    GuaranteeType,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    RELEASE_REASONS,
    REMINDER_DAYS,
    STATUS_LABELS,
    VIEW,
    ZERO,
    _asset_row,
    _assets,
    _case_light,
    _case_row,
    _get_case,
    _guarantees,
    _party_number,
    _phone,
    _scoped,
    respondent_is_person_or_phone,
)
from laoshan_desk.services.preservation.measures import _measure_rows
from laoshan_desk.services.preservation.plan import _plan_view
from laoshan_desk.services.preservation.rows import (
    CaseDetail,
    CaseRow,
    ClockRow,
    GuaranteeRow,
    ReleaseRow,
    RespondentRow,
)
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresCase,
    PresMeasure,
    PresParty,
    PresRelease,
)


def _clocks(case: PresCase, now: dt.datetime, calendar: Any) -> list[ClockRow]:
    rows: list[ClockRow] = []
    if case.enterprise:
        due = dt.datetime.combine(case.received_at.date(), dt.time(23, 59), tzinfo=case.received_at.tzinfo)
        rows.append(
            ClockRow(
                "立案（涉企当天立案）",
                case.received_at,
                due,
                case.filed_at,
                rules.clock_light(due, now, done_at=case.filed_at)
                if not case.filed_at or case.filed_at <= due
                else Light.RED,
                "本院规则：涉企保全案件当天立案、当天制作保全裁定",
            )
        )
    target = rules.ruling_due(case.kind, case.received_at)
    basis = (
        "《民事诉讼法》第一百零四条：诉前保全四十八小时内裁定"
        if case.kind == "pre_suit"
        else "本院规则：当天制作保全裁定"
    )
    done = case.ruled_at
    light = rules.clock_light(target, now, done_at=done)
    if done and done > target:
        light = Light.RED
    rows.append(ClockRow("保全裁定（本院目标）", case.received_at, target, done, light, basis))
    legal = rules.statutory_ruling_limit(case.kind, case.received_at, urgent=case.urgent, calendar=calendar)
    light = rules.clock_light(legal.due, now, done_at=done)
    if done and done > legal.due:
        light = Light.RED
    rows.append(ClockRow("保全裁定（法定期限）", case.received_at, legal.due, done, light, legal.basis, legal.note))
    if case.ruled_at is not None and case.decision != "refuse":
        ex = rules.execution_limit(case.kind, case.ruled_at, urgent=case.urgent, calendar=calendar)
        light = rules.clock_light(ex.due, now, done_at=case.executed_at)
        if case.executed_at and case.executed_at > ex.due:
            light = Light.RED
        rows.append(ClockRow("开始执行", case.ruled_at, ex.due, case.executed_at, light, ex.basis, ex.note))
    if case.kind == "pre_suit" and case.decision != "refuse":
        taken = case.executed_at.date() if case.executed_at else None
        suit = rules.lawsuit_due(case.received_at, taken, calendar=calendar)
        done_suit = case.lawsuit_filed_at
        light = (
            Light.GREY
            if case.status in ("released", "closed") and not done_suit
            else rules.clock_light(suit.due, now, done_at=done_suit, warn_before=dt.timedelta(days=7))
        )
        rows.append(
            ClockRow(
                "申请人起诉期限" + ("（暂定）" if suit.provisional else ""),
                case.executed_at,
                suit.due,
                done_suit,
                light,
                suit.basis,
                suit.note,
            )
        )
    return rows


def case_detail(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> CaseDetail:
    actor.require(VIEW)
    calendar = work_calendar(db)
    with db.session() as session:
        case = _get_case(session, actor, case_id)
        party = session.get(PresParty, case.respondent_id)
        assert party is not None
        assets = tuple(_asset_row(a) for a in _assets(session, case.id))
        today = now.date()
        guarantees = tuple(
            GuaranteeRow(
                g.id,
                g.type,
                GuaranteeType(g.type).label,
                g.issuer or "",
                g.number or "",
                g.amount,
                g.valid_until,
                g.undertaking,
                g.credit_agreement or "",
                g.given_at,
                g.valid_until >= today,
            )
            for g in _guarantees(session, case.id)
        )
        releases = tuple(
            ReleaseRow(
                r.id,
                r.reason,
                RELEASE_REASONS.get(r.reason, r.reason),
                r.ruled_at,
                r.ruling_number,
                r.amount_freed,
                r.note or "",
            )
            for r in session.scalars(
                select(PresRelease).where(PresRelease.case_id == case.id).order_by(PresRelease.ruled_at)
            )
        )
        review = {
            k: getattr(case, k)
            for k in (
                "preconditions_met",
                "transfer_risk",
                "purpose",
                "net_assets",
                "taxes_paid",
                "employees",
                "going_concern",
                "dishonest",
                "review_note",
                "claim_appears_safe",
                "reviewed_at",
            )
        }
        advice = None
        if case.reviewed_at is not None:
            advice = rules.assess_necessity(
                case.claim_amount,
                rules.Solvency(
                    case.net_assets,
                    case.taxes_paid,
                    case.employees,
                    case.going_concern,
                    case.transfer_risk,
                    case.dishonest,
                ),
            )
        light, light_text = _case_light(case, now)
        return CaseDetail(
            id=case.id,
            version=case.version,
            case_number=case.case_number,
            kind=case.kind,
            kind_label=CaseKind(case.kind).label,
            cause=case.cause or "",
            applicant=case.applicant,
            applicant_number=(case.applicant_id_number or "")
            if not case.applicant_id_number or not case.applicant_id_number[:17].isdigit()
            else mask_id_card(case.applicant_id_number),
            applicant_phone=_phone(actor, case.applicant_phone),
            respondent_id=party.id,
            respondent=party.name,
            respondent_kind=party.kind,
            respondent_number=_party_number(actor, party),
            respondent_phone=_phone(actor, party.phone),
            numbers_masked=respondent_is_person_or_phone(party),
            claim_amount=case.claim_amount,
            applicant_guarantee_type=case.applicant_guarantee_type,
            applicant_guarantee_amount=case.applicant_guarantee_amount,
            applicant_guarantee_required=rules.applicant_guarantee_required(case.kind, case.claim_amount),
            received_at=case.received_at,
            enterprise=case.enterprise,
            urgent=case.urgent,
            status=case.status,
            status_label=STATUS_LABELS.get(case.status, case.status),
            review=review,
            advice=advice,
            decision=case.decision,
            decision_label=Decision(case.decision).label if case.decision else "",
            decision_reasons=case.decision_reasons or "",
            decided_by=case.decided_by or "",
            ruled_amount=case.ruled_amount,
            filed_at=case.filed_at,
            ruled_at=case.ruled_at,
            executed_at=case.executed_at,
            lawsuit_filed_at=case.lawsuit_filed_at,
            lawsuit_due_on=case.lawsuit_due_on,
            assets=assets,
            guarantees=guarantees,
            plan=_plan_view(session, case, today),
            measures=tuple(_measure_rows(session, [case.id], today)),
            releases=releases,
            clocks=tuple(_clocks(case, now, calendar)),
            light=light,
            light_text=light_text,
            freed_total=sum((r.amount_freed for r in releases if r.reason == "guarantee"), ZERO),
        )


# --------------------------------------------------------------------------------------------
# Lists, the respondent's exposure, statistics
# --------------------------------------------------------------------------------------------

_SORTS = {
    "received_at": PresCase.received_at,
    "case_number": PresCase.case_number,
    "claim_amount": PresCase.claim_amount,
    "status": PresCase.status,
    "next_expiry": PresCase.next_expiry,
    "respondent": PresParty.name,
    "kind": PresCase.kind,
}


def _case_query(
    actor: Actor,
    text: str | None,
    status: str | None,
    respondent_id: uuid.UUID | None,
    attention: bool = False,
    today: dt.date | None = None,
) -> Select[Any]:
    q = select(PresCase, PresParty).join(PresParty, PresParty.id == PresCase.respondent_id)
    if text and text.strip():
        like = f"%{text.strip()}%"
        q = q.where(or_(PresCase.case_number.like(like), PresParty.name.like(like), PresCase.applicant.like(like)))
    if status:
        q = q.where(PresCase.status == status)
    if respondent_id:
        q = q.where(PresCase.respondent_id == respondent_id)
    if attention and today is not None:
        # Open clocks or terms ending within the reminder window.
        q = q.where(
            or_(
                PresCase.status.in_(("received", "granted")),
                PresCase.next_expiry <= today + dt.timedelta(days=REMINDER_DAYS),
            )
        )
    return _scoped(q, actor)


def count_cases(
    db: Database,
    actor: Actor,
    *,
    text: str | None = None,
    status: str | None = None,
    respondent_id: uuid.UUID | None = None,
    attention: bool = False,
    today: dt.date | None = None,
) -> int:
    actor.require(VIEW)
    with db.session() as session:
        q = _case_query(actor, text, status, respondent_id, attention, today)
        return session.scalar(select(func.count()).select_from(q.subquery())) or 0


def list_cases(
    db: Database,
    actor: Actor,
    *,
    now: dt.datetime,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = True,
    text: str | None = None,
    status: str | None = None,
    respondent_id: uuid.UUID | None = None,
    attention: bool = False,
) -> list[CaseRow]:
    """One page of cases, filtered and sorted in SQL (newest received first by default)."""
    actor.require(VIEW)
    column = _SORTS.get(sort or "received_at", PresCase.received_at)
    order = column.desc() if descending else column.asc()
    with db.session() as session:
        q = _case_query(actor, text, status, respondent_id, attention, now.date())
        q = q.order_by(order, PresCase.case_number).offset(offset).limit(limit)
        return [_case_row(actor, c, p, now) for c, p in session.execute(q)]


def list_respondents(db: Database, actor: Actor, text: str | None = None, limit: int = 200) -> list[RespondentRow]:
    """Respondents with their case counts, the most exposed first."""
    actor.require(VIEW)
    with db.session() as session:
        active = (
            select(PresMeasure.respondent_id, func.count().label("n"))
            .where(PresMeasure.status == "active")
            .group_by(PresMeasure.respondent_id)
            .subquery()
        )
        q = (
            select(PresParty, func.count(PresCase.id), func.coalesce(active.c.n, 0))
            .join(PresCase, PresCase.respondent_id == PresParty.id)
            .outerjoin(active, active.c.respondent_id == PresParty.id)
            .group_by(PresParty.id, active.c.n)
        )
        if text and text.strip():
            q = q.where(PresParty.name.like(f"%{text.strip()}%"))
        q = _scoped(q, actor).order_by(func.count(PresCase.id).desc(), PresParty.name).limit(limit)
        return [
            RespondentRow(p.id, p.name, p.kind, _party_number(actor, p), n, int(m)) for p, n, m in session.execute(q)
        ]
