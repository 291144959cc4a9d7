"""What every preservation service shares: permissions, the case in scope, versions, rows.

A write loads its case with :func:`case_for_write` (scope, then the version the screen showed)
and ends with :func:`touch`, so that every change under a case makes the case's version move on
and a screen still showing the old one gets the stale-record message.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound
from laoshan_desk.domain.identifiers import mask_id_card, mask_phone
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.preservation import (
    AccountKind,
    AssetSource,
    AssetType,
    CaseKind,
    CaseStatus,
    ClockEvent,
    GuaranteeType,
    Measure,
    MeasureStatus,
    PartyKind,
)
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.domain.timeutil import end_of_day
from laoshan_desk.services import settings
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.rows import AssetRow, CaseRow, SelectionRow
from laoshan_desk.services.uow import STALE as STALE  # re-exported: the area's one stale message
from laoshan_desk.services.uow import Work
from laoshan_desk.services.uow import check_version as check_version  # re-exported for the area
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresClockEvent,
    PresGuarantee,
    PresMeasure,
    PresParty,
)
from laoshan_desk.store.queries import preservation as queries

E = TypeVar("E", bound=enum.Enum)

VIEW = "preservation.view"
EDIT = "preservation.edit"
DECIDE = "preservation.decide"
APPROVE = "preservation.approve_basic_account"

ZERO = Decimal("0.00")


# -- settings ----------------------------------------------------------------------------------


def reminder_days_in(session: Session) -> int:
    """The admin's renewal reminder (管理 → 设置, 7–90 days): how early a term turns yellow."""
    return settings.read_settings(session).renewal_reminder_days


def reminder_days(db: Database, actor: Actor) -> int:
    """The renewal reminder in days, for the screens' wording (期限届满前N日提醒)."""
    actor.require(VIEW)
    with db.session() as session:
        return reminder_days_in(session)


# -- the case in scope -------------------------------------------------------------------------


def get_case(session: Session, actor: Actor, case_id: uuid.UUID) -> PresCase:
    """The case if the actor's scope reaches it (a SQL condition), else NotFound."""
    case = session.scalar(queries.scoped(select(PresCase).where(PresCase.id == case_id), actor.scope))
    if case is None:
        raise NotFound("保全案件不存在或无权查看")
    return case


def case_for_write(session: Session, actor: Actor, case_id: uuid.UUID, version: int) -> PresCase:
    case = get_case(session, actor, case_id)
    check_version(case, version)
    return case


def check_plan_open(case: PresCase) -> None:
    """Once measures are taken, the asset list and the plan stay as they were executed."""
    if case.executed_at is not None:
        raise DeskError("保全措施已执行，财产清单和方案不能再修改")


def touch(case: PresCase, now: dt.datetime) -> None:
    """Mark the case changed: its version moves on even when only a row under it changed."""
    case.updated_at = now
    flag_modified(case, "updated_at")


def event(work: Work, case: PresCase, kind: ClockEvent, at: dt.datetime, note: str = "") -> None:
    work.session.add(PresClockEvent(case_id=case.id, kind=kind.value, at=at, note=note or None))


# -- people and numbers ------------------------------------------------------------------------


def sees_full(actor: Actor) -> bool:
    return actor.role in SEES_FULL_NUMBERS


def party_number(party: PresParty) -> str:
    """A USCC as is, a person's ID masked: roles in SEES_FULL_NUMBERS reveal one at a time,
    audited (:func:`~laoshan_desk.services.preservation.cases.reveal_id_number`)."""
    return rules.shown_number(party.kind, party.id_number)


def applicant_number(number: str | None) -> str:
    """The applicant's number as shown: a resident ID masked, a USCC as is (its kind is not stored)."""
    if not number:
        return ""
    return mask_id_card(number) if number[:17].isdigit() else number


def phone(value: str | None) -> str:
    return mask_phone(value) if value else ""


def has_masked_numbers(party: PresParty) -> bool:
    """Whether the case page has something masked to reveal."""
    return party.kind == PartyKind.PERSON or bool(party.phone)


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


# -- rows under a case -------------------------------------------------------------------------


def assets_of(session: Session, case_id: uuid.UUID) -> list[PresAsset]:
    return list(
        session.scalars(
            select(PresAsset).where(PresAsset.case_id == case_id).order_by(PresAsset.sort_order, PresAsset.code)
        )
    )


def guarantees_of(session: Session, case_id: uuid.UUID) -> list[PresGuarantee]:
    return list(
        session.scalars(select(PresGuarantee).where(PresGuarantee.case_id == case_id).order_by(PresGuarantee.given_at))
    )


def active_measures(session: Session, case_id: uuid.UUID) -> list[PresMeasure]:
    return list(
        session.scalars(
            select(PresMeasure).where(PresMeasure.case_id == case_id, PresMeasure.status == MeasureStatus.ACTIVE.value)
        )
    )


def update_next_expiry(session: Session, case: PresCase) -> None:
    """The earliest end of an active term, kept on the case for the list's sort and light."""
    session.flush()
    case.next_expiry = session.scalar(
        select(func.min(PresMeasure.expiry)).where(
            PresMeasure.case_id == case.id, PresMeasure.status == MeasureStatus.ACTIVE.value
        )
    )


def asset_row(a: PresAsset) -> AssetRow:
    return AssetRow(
        id=a.id,
        code=a.code,
        type=AssetType(a.type),
        account_kind=AccountKind(a.account_kind) if a.account_kind else None,
        institution=a.institution or "",
        number=a.number or "",
        description=a.description or "",
        value=a.value,
        in_operational_use=a.in_operational_use,
        protected=a.protected,
        protected_reason=a.protected_reason or "",
        indivisible=a.indivisible,
        disputed=a.disputed,
        source=AssetSource(a.source),
    )


def selection_row(a: PresAsset, measure: Measure | str, amount: Decimal) -> SelectionRow:
    """A line of a plan or a release: the asset, the measure and the amount."""
    row = asset_row(a)
    return SelectionRow(
        asset_id=a.id,
        code=a.code,
        label=row.label,
        institution=row.institution,
        number=row.number,
        measure=Measure(measure),
        amount=amount,
        asset_value=a.value,
        is_account=row.type is AssetType.ACCOUNT,
        account_kind=row.account_kind,
        keeps_use=domain_asset(a).keeps_use,
    )


def domain_asset(a: PresAsset) -> rules.Asset:
    """The asset as the plan rules see it: its code is the plan's id."""
    row = asset_row(a)
    return rules.Asset(
        id=a.code,
        type=row.type,
        account_kind=row.account_kind,
        value=a.value,
        in_operational_use=a.in_operational_use,
        protected=a.protected,
        description=row.label,
        protected_reason=row.protected_reason,
        indivisible=row.indivisible,
        disputed=row.disputed,
    )


def domain_guarantee(g: PresGuarantee) -> rules.Guarantee:
    return rules.Guarantee(
        type=GuaranteeType(g.type),
        amount=g.amount,
        valid_until=g.valid_until,
        issuer=g.issuer or "",
        number=g.number or "",
    )


# -- the list's light --------------------------------------------------------------------------


def case_light(case: PresCase, now: dt.datetime, reminder_days: int) -> tuple[Light, str]:
    """The list's light: the clock that runs now (ruling, execution, suit, term) and what it is."""
    status = CaseStatus(case.status)
    if status.finished:
        return Light.GREY, status.label
    if case.ruled_at is None:
        due = rules.ruling_due(case.kind, case.received_at)
        return rules.clock_light(due, now), f"裁定目标 {due:%m-%d %H:%M}"
    if case.executed_at is None:
        due = rules.execution_limit(case.kind, case.ruled_at, urgent=case.urgent).due
        return rules.clock_light(due, now), f"执行期限 {due:%m-%d %H:%M}"
    lights: list[tuple[Light, str]] = []
    if case.release_applied_at is not None and case.release_applied_ruled_at is None:
        # The applicant applied to release: the ruling is due (《财产保全规定》第二十三条).
        due = rules.release_ruling_due(case.release_applied_at, urgent=case.urgent).due
        lights.append((rules.clock_light(due, now), f"解除裁定 {due:%m-%d %H:%M}"))
    if case.kind == CaseKind.PRE_SUIT and case.lawsuit_filed_at is None and case.lawsuit_due_on:
        due = end_of_day(case.lawsuit_due_on)
        light = rules.clock_light(due, now, warn_before=rules.LAWSUIT_WARN_BEFORE)
        lights.append((light, f"起诉期限 {case.lawsuit_due_on:%Y-%m-%d}"))
    if case.next_expiry:
        light = rules.expiry_light(case.next_expiry, now.date(), reminder_days=reminder_days)
        lights.append((light, rules.expiry_note(case.next_expiry, now.date())))
    if not lights:
        return Light.GREY, status.label
    top = worst([li for li, _ in lights])
    return top, next(text for li, text in lights if li is top)


def case_row(case: PresCase, party: PresParty, now: dt.datetime, reminder_days: int) -> CaseRow:
    light, light_text = case_light(case, now, reminder_days)
    return CaseRow(
        id=case.id,
        case_number=case.case_number,
        kind=CaseKind(case.kind),
        applicant=case.applicant,
        respondent=party.name,
        respondent_id=party.id,
        respondent_number=party_number(party),
        claim_amount=case.claim_amount,
        received_at=case.received_at,
        enterprise=case.enterprise,
        status=CaseStatus(case.status),
        light=light,
        light_text=light_text,
        next_expiry=case.next_expiry,
    )
