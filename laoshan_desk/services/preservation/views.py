"""What the screens read: one case in full with its clocks, the case list, the respondents.

The list is filtered, sorted and paged in SQL (``store/queries/preservation.py``); its light is
the clock that runs now (:func:`~laoshan_desk.services.preservation.common.case_light`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    ApplicantGuarantee,
    CaseKind,
    CaseStatus,
    Decision,
    GuaranteeType,
    PartyKind,
    ReleaseReason,
)
from laoshan_desk.domain.timeutil import end_of_day
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    VIEW,
    ZERO,
    applicant_number,
    asset_row,
    assets_of,
    case_light,
    case_row,
    get_case,
    guarantees_of,
    has_masked_numbers,
    party_number,
    phone,
    reminder_days_in,
)
from laoshan_desk.services.preservation.forms import CaseFilter
from laoshan_desk.services.preservation.measures import measure_rows
from laoshan_desk.services.preservation.plan import plan_view
from laoshan_desk.services.preservation.rows import (
    CaseDetail,
    CaseRow,
    ClockRow,
    GuaranteeRow,
    ReleaseRow,
    RespondentRow,
    ReviewRow,
)
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase, PresParty, PresRelease
from laoshan_desk.store.queries import preservation as queries


def _clocks(case: PresCase, now: dt.datetime, calendar: WorkCalendar) -> list[ClockRow]:
    """The case's clocks in order: filing (enterprise cases), the ruling's target and legal
    limit, the start of execution, the pre-suit applicant's lawsuit (docs/rules.md
    §preservation-deadlines, §preservation-same-day)."""
    rows: list[ClockRow] = []
    kind = CaseKind(case.kind)
    refused = case.decision == Decision.REFUSE
    if case.enterprise:
        due = end_of_day(case.received_at.date())
        rows.append(
            ClockRow(
                "立案（涉企当天立案）",
                case.received_at,
                due,
                case.filed_at,
                rules.step_light(due, now, done_at=case.filed_at),
                "本院规则：涉企保全案件当天立案、当天制作保全裁定",
            )
        )
    target = rules.ruling_due(kind, case.received_at)
    basis = (
        "《民事诉讼法》第一百零四条：诉前保全四十八小时内裁定"
        if kind is CaseKind.PRE_SUIT
        else "本院规则：当天制作保全裁定"
    )
    done = case.ruled_at
    light = rules.step_light(target, now, done_at=done)
    rows.append(ClockRow("保全裁定（本院目标）", case.received_at, target, done, light, basis))
    legal = rules.statutory_ruling_limit(kind, case.received_at, urgent=case.urgent, calendar=calendar)
    light = rules.step_light(legal.due, now, done_at=done)
    rows.append(ClockRow("保全裁定（法定期限）", case.received_at, legal.due, done, light, legal.basis, legal.note))
    if case.ruled_at is not None and not refused:
        ex = rules.execution_limit(kind, case.ruled_at, urgent=case.urgent, calendar=calendar)
        light = rules.step_light(ex.due, now, done_at=case.executed_at)
        rows.append(ClockRow("开始执行", case.ruled_at, ex.due, case.executed_at, light, ex.basis, ex.note))
    if kind is CaseKind.PRE_SUIT and not refused:
        taken = case.executed_at.date() if case.executed_at else None
        suit = rules.lawsuit_due(case.received_at, taken, calendar=calendar)
        done_suit = case.lawsuit_filed_at
        ended = case.status in (CaseStatus.RELEASED, CaseStatus.CLOSED)
        light = (
            Light.GREY
            if ended and not done_suit
            else rules.clock_light(suit.due, now, done_at=done_suit, warn_before=rules.LAWSUIT_WARN_BEFORE)
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
    if case.release_applied_at is not None:
        release = rules.release_ruling_due(case.release_applied_at, urgent=case.urgent, calendar=calendar)
        ruled = case.release_applied_ruled_at
        light = rules.step_light(release.due, now, done_at=ruled)
        rows.append(
            ClockRow(
                "解除保全裁定（申请后）",
                case.release_applied_at,
                release.due,
                ruled,
                light,
                release.basis,
                release.note,
            )
        )
    return rows


def _review(case: PresCase) -> ReviewRow:
    return ReviewRow(
        preconditions_met=case.preconditions_met,
        transfer_risk=case.transfer_risk,
        purpose=case.purpose or "",
        net_assets=case.net_assets,
        taxes_paid=case.taxes_paid,
        employees=case.employees,
        going_concern=case.going_concern,
        dishonest=case.dishonest,
        note=case.review_note or "",
        claim_appears_safe=case.claim_appears_safe,
        reviewed_at=case.reviewed_at,
    )


def case_detail(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> CaseDetail:
    """One case as its page shows it: the three steps, the plan, measures, releases, clocks."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = now.date()
    with db.session() as session:
        case = get_case(session, actor, case_id)
        party = session.get(PresParty, case.respondent_id)
        assert party is not None
        reminder = reminder_days_in(session)
        guarantees = tuple(
            GuaranteeRow(
                id=g.id,
                type=GuaranteeType(g.type),
                issuer=g.issuer or "",
                number=g.number or "",
                amount=g.amount,
                valid_until=g.valid_until,
                undertaking=g.undertaking,
                credit_agreement=g.credit_agreement or "",
                given_at=g.given_at,
                valid=g.valid_until >= today,
            )
            for g in guarantees_of(session, case.id)
        )
        releases = tuple(
            ReleaseRow(
                id=r.id,
                reason=ReleaseReason(r.reason),
                ruled_at=r.ruled_at,
                ruling_number=r.ruling_number,
                amount_freed=r.amount_freed,
                note=r.note or "",
            )
            for r in session.scalars(
                select(PresRelease).where(PresRelease.case_id == case.id).order_by(PresRelease.ruled_at)
            )
        )
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
        light, light_text = case_light(case, now, reminder)
        return CaseDetail(
            id=case.id,
            version=case.version,
            case_number=case.case_number,
            kind=CaseKind(case.kind),
            cause=case.cause or "",
            applicant=case.applicant,
            applicant_number=applicant_number(case.applicant_id_number),
            applicant_phone=phone(case.applicant_phone),
            respondent_id=party.id,
            respondent=party.name,
            respondent_kind=PartyKind(party.kind),
            respondent_number=party_number(party),
            respondent_phone=phone(party.phone),
            numbers_masked=has_masked_numbers(party),
            claim_amount=case.claim_amount,
            applicant_guarantee_type=(
                ApplicantGuarantee(case.applicant_guarantee_type) if case.applicant_guarantee_type else None
            ),
            applicant_guarantee_amount=case.applicant_guarantee_amount,
            applicant_guarantee_required=rules.applicant_guarantee_required(case.kind, case.claim_amount),
            received_at=case.received_at,
            enterprise=case.enterprise,
            urgent=case.urgent,
            status=CaseStatus(case.status),
            review=_review(case),
            advice=advice,
            decision=Decision(case.decision) if case.decision else None,
            decision_reasons=case.decision_reasons or "",
            decided_by=case.decided_by or "",
            registered_by=case.registered_by or "",
            ruled_amount=case.ruled_amount,
            filed_at=case.filed_at,
            ruled_at=case.ruled_at,
            executed_at=case.executed_at,
            lawsuit_filed_at=case.lawsuit_filed_at,
            lawsuit_due_on=case.lawsuit_due_on,
            assets=tuple(asset_row(a) for a in assets_of(session, case.id)),
            guarantees=guarantees,
            plan=plan_view(session, case, today),
            measures=tuple(measure_rows(session, [case.id], today, reminder)),
            releases=releases,
            clocks=tuple(_clocks(case, now, calendar)),
            light=light,
            light_text=light_text,
            freed_total=sum((r.amount_freed for r in releases if r.reason is ReleaseReason.GUARANTEE), ZERO),
            reminder_days=reminder,
        )


def _query(actor: Actor, filters: CaseFilter, today: dt.date, reminder_days: int) -> queries.CaseQuery:
    return queries.case_query(
        actor.scope,
        text=filters.text,
        status=filters.status or None,
        respondent_id=filters.respondent_id,
        expiring_by=today + dt.timedelta(days=reminder_days) if filters.attention else None,
    )


def count_cases(db: Database, actor: Actor, filters: CaseFilter | None = None, *, today: dt.date) -> int:
    """How many cases the filters keep (the list's 共 N 件)."""
    actor.require(VIEW)
    with db.session() as session:
        return queries.count(session, _query(actor, filters or CaseFilter(), today, reminder_days_in(session)))


def list_cases(
    db: Database,
    actor: Actor,
    filters: CaseFilter | None = None,
    *,
    now: dt.datetime,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = True,
) -> list[CaseRow]:
    """One page of cases, filtered and sorted in SQL (newest received first by default)."""
    actor.require(VIEW)
    with db.session() as session:
        reminder = reminder_days_in(session)
        q = _query(actor, filters or CaseFilter(), now.date(), reminder)
        page = queries.case_page(session, q, sort=sort, descending=descending, offset=offset, limit=limit)
        return [case_row(c, p, now, reminder) for c, p in page]


def list_respondents(db: Database, actor: Actor, *, text: str = "", limit: int = 200) -> list[RespondentRow]:
    """Respondents with their case counts, the most exposed first."""
    actor.require(VIEW)
    with db.session() as session:
        return [
            RespondentRow(p.id, p.name, PartyKind(p.kind), party_number(p), cases, measures)
            for p, cases, measures in queries.respondents(session, actor.scope, text=text, limit=limit)
        ]
