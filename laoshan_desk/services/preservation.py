"""Property preservation review (财产保全审查): one function per thing the court's clerk or judge does.

The three steps of the district court (see ``domain/preservation.py`` for the rules):

1. necessity — :func:`register_case`, :func:`save_review`, :func:`decide` (judge only);
2. scope — :func:`add_asset`, :func:`import_assets`, :func:`propose`, :func:`adjust` (judge,
   re-checked), :func:`approve_basic_account` (leader), guarantees and :func:`release_on_guarantee`;
3. speed — :func:`record_measures`, :func:`renew_measure`, clocks and lights in every view.

Plus the respondent's exposure across cases (:func:`respondent_exposure`), the case list
(:func:`list_cases`), statistics and the Excel export. ID and phone numbers are masked unless
the role may see them in full (``SEES_FULL_NUMBERS``); showing one is audited
(:func:`reveal_id_number`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound, ValidationError
from laoshan_desk.domain.identifiers import (
    mask_id_card,
    mask_phone,
    normalize_phone,
    normalize_uscc,
    parse_case_number,
    parse_resident_id,
)
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.preservation import (
    AccountKind,
    AssetType,
    CaseKind,
    Decision,
    GuaranteeType,
    Measure,
)
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresClockEvent,
    PresGuarantee,
    PresMeasure,
    PresParty,
    PresPlanNote,
    PresRelease,
    PresRenewal,
    PresSelection,
)

VIEW = "preservation.view"
EDIT = "preservation.edit"
DECIDE = "preservation.decide"
APPROVE = "preservation.approve_basic_account"

REMINDER_DAYS = 30  # renewal reminder before a term ends (rules.md: an admin setting)
ZERO = Decimal("0.00")

STATUS_LABELS = {
    "received": "待审查",
    "granted": "已裁定保全",
    "refused": "已驳回",
    "executed": "已执行",
    "released": "已解除",
    "closed": "已结案",
}
APPLICANT_GUARANTEE_LABELS = {
    "none": "无需担保",
    "cash": "现金",
    "property": "财产",
    "bank": "银行保函",
    "insurance": "保险保函",
}
CLOCK_LABELS = {
    "received": "收到申请",
    "filed": "立案",
    "ruled": "作出裁定",
    "executed": "执行保全",
    "lawsuit_filed": "申请人起诉",
    "released": "解除保全",
    "renewed": "续行保全",
}
RELEASE_REASONS = {
    "guarantee": "被申请人提供担保",
    "no_suit": "申请人未按期起诉",
    "application": "申请人申请解除",
    "other": "其他",
}

_ENTERPRISE_WORDS = ("公司", "企业", "厂", "合作社", "中心", "事务所", "集团", "商行", "店")


# --------------------------------------------------------------------------------------------
# Plain data handed to the UI and the CLI
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    case_number: str
    kind: str
    kind_label: str
    applicant: str
    respondent: str
    respondent_id: uuid.UUID
    respondent_number: str  # masked unless the role sees full numbers
    claim_amount: Decimal
    received_at: dt.datetime
    enterprise: bool
    status: str
    status_label: str
    light: Light
    light_text: str
    next_expiry: dt.date | None


@dataclasses.dataclass(frozen=True)
class AssetRow:
    id: uuid.UUID
    code: str
    type: str
    type_label: str
    account_kind: str | None
    kind_label: str  # account kind label for accounts, type label otherwise
    institution: str
    number: str
    description: str
    value: Decimal
    in_operational_use: bool
    protected: bool
    protected_reason: str
    source: str

    @property
    def label(self) -> str:
        if self.description:
            return self.description
        return f"{self.kind_label}{self.number or self.code}"


@dataclasses.dataclass(frozen=True)
class GuaranteeRow:
    id: uuid.UUID
    type: str
    type_label: str
    issuer: str
    number: str
    amount: Decimal
    valid_until: dt.date
    undertaking: bool
    credit_agreement: str
    given_at: dt.datetime
    valid: bool


@dataclasses.dataclass(frozen=True)
class SelectionRow:
    asset_id: uuid.UUID
    code: str
    label: str
    institution: str
    number: str
    measure: str
    measure_label: str
    amount: Decimal
    asset_value: Decimal
    is_account: bool
    account_kind: str | None


@dataclasses.dataclass(frozen=True)
class ExclusionRow:
    code: str
    label: str
    reason: str


@dataclasses.dataclass(frozen=True)
class PlanView:
    stage: str  # proposed | adjusted | none
    claim: Decimal
    guaranteed: Decimal
    need: Decimal
    selected: tuple[SelectionRow, ...]
    excluded: tuple[ExclusionRow, ...]
    total_preserved: Decimal
    covers_claim: bool
    over_scope: bool
    over_scope_reason: str
    needs_approval: bool
    approved: bool
    approved_by: str
    notes: tuple[str, ...]
    violations: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class MeasureRow:
    id: uuid.UUID
    asset_id: uuid.UUID
    asset_label: str
    institution: str
    number: str
    is_account: bool
    measure: str
    measure_label: str
    amount: Decimal
    taken_on: dt.date
    term_years: int
    expiry: dt.date
    renew_apply_by: dt.date
    reminder_on: dt.date
    renewals: int
    status: str
    released_on: dt.date | None
    light: Light
    days_left: int


@dataclasses.dataclass(frozen=True)
class ReleaseRow:
    id: uuid.UUID
    reason: str
    reason_label: str
    ruled_at: dt.datetime
    ruling_number: str
    amount_freed: Decimal
    note: str


@dataclasses.dataclass(frozen=True)
class ClockRow:
    label: str
    start: dt.datetime | None
    due: dt.datetime | None
    done_at: dt.datetime | None
    light: Light
    basis: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class CaseDetail:
    id: uuid.UUID
    version: int
    case_number: str
    kind: str
    kind_label: str
    cause: str
    applicant: str
    applicant_number: str
    applicant_phone: str
    respondent_id: uuid.UUID
    respondent: str
    respondent_kind: str
    respondent_number: str
    respondent_phone: str
    numbers_masked: bool
    claim_amount: Decimal
    applicant_guarantee_type: str | None
    applicant_guarantee_amount: Decimal | None
    applicant_guarantee_required: Decimal | None
    received_at: dt.datetime
    enterprise: bool
    urgent: bool
    status: str
    status_label: str
    review: dict[str, Any]
    advice: rules.NecessityAdvice | None
    decision: str | None
    decision_label: str
    decision_reasons: str
    decided_by: str
    ruled_amount: Decimal | None
    filed_at: dt.datetime | None
    ruled_at: dt.datetime | None
    executed_at: dt.datetime | None
    lawsuit_filed_at: dt.datetime | None
    lawsuit_due_on: dt.date | None
    assets: tuple[AssetRow, ...]
    guarantees: tuple[GuaranteeRow, ...]
    plan: PlanView
    measures: tuple[MeasureRow, ...]
    releases: tuple[ReleaseRow, ...]
    clocks: tuple[ClockRow, ...]
    light: Light
    light_text: str
    freed_total: Decimal


@dataclasses.dataclass(frozen=True)
class ImportReport:
    added: int
    errors: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ReleaseResult:
    release_id: uuid.UUID | None
    ruling_number: str
    freed: Decimal
    released: tuple[SelectionRow, ...]
    kept: tuple[SelectionRow, ...]
    notes: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class RespondentRow:
    id: uuid.UUID
    name: str
    kind: str
    number: str
    cases: int
    active_measures: int


@dataclasses.dataclass(frozen=True)
class ExposureCase:
    case_id: uuid.UUID
    case_number: str
    applicant: str
    received_at: dt.datetime
    status_label: str
    claim: Decimal
    ruled: Decimal
    guaranteed: Decimal
    need: Decimal
    preserved: Decimal
    excess: Decimal
    light: Light


@dataclasses.dataclass(frozen=True)
class FrozenAccount:
    institution: str
    number: str
    cases: int
    amount: Decimal
    expiry: dt.date
    light: Light


@dataclasses.dataclass(frozen=True)
class Exposure:
    id: uuid.UUID
    name: str
    kind: str
    number: str
    cases: int
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal  # active measures, all kinds
    frozen_total: Decimal  # active freezes on accounts
    accounts_frozen: int  # distinct accounts with an active freeze
    active_measures: int
    guarantees_total: Decimal
    freed_total: Decimal
    need_total: Decimal  # what the open cases still need after guarantees
    over_freeze_total: Decimal
    over_freeze_cases: tuple[ExposureCase, ...]
    repeated_accounts: tuple[FrozenAccount, ...]  # frozen in more than one case
    renewals_due: tuple[MeasureRow, ...]
    case_rows: tuple[ExposureCase, ...]
    accounts: tuple[FrozenAccount, ...]


@dataclasses.dataclass(frozen=True)
class Statistics:
    cases: int
    by_status: dict[str, int]
    by_kind: dict[str, int]
    rulings: int
    refused: int
    claims_total: Decimal
    ruled_total: Decimal
    preserved_total: Decimal
    freed_total: Decimal
    active_measures: int
    renewals_due: int
    enterprise_cases: int
    enterprise_same_day: int  # enterprise cases ruled on the day received
    rulings_on_time: int  # ruled by the desk's target
    by_month: list[tuple[str, int, Decimal]]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _sees_full(actor: Actor) -> bool:
    return actor.role in SEES_FULL_NUMBERS


def _party_number(actor: Actor, party: PresParty) -> str:
    """A USCC is public and shown as is; a person's ID is masked on every screen and paper.

    Roles in SEES_FULL_NUMBERS show it in full one at a time with :func:`reveal_id_number`,
    which is audited ("view_full").
    """
    del actor
    if party.kind == "enterprise":
        return party.id_number
    return mask_id_card(party.id_number)


def _phone(actor: Actor, phone: str | None) -> str:
    del actor
    return mask_phone(phone) if phone else ""


def respondent_is_person_or_phone(party: PresParty) -> bool:
    """Whether the case page has something masked to reveal."""
    return party.kind == "person" or bool(party.phone)


def _scoped(query: Select[Any], actor: Actor) -> Select[Any]:
    # Preservation cases belong to the court: only "all"-scope roles see them at all.
    return query if actor.scope == "all" else query.where(PresCase.id.is_(None))


def _get_case(session: Session, actor: Actor, case_id: uuid.UUID) -> PresCase:
    case = session.scalar(_scoped(select(PresCase).where(PresCase.id == case_id), actor))
    if case is None:
        raise NotFound("保全案件不存在或无权查看")
    return case


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _as_bool(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in ("是", "y", "yes", "true", "1", "经营", "经营使用", "√"):
        return True
    if text in ("否", "n", "no", "false", "0", "", "未使用", "×"):
        return False
    raise ValidationError(f"“{value}”应填写“是”或“否”", field=field)


def looks_like_enterprise(name: str) -> bool:
    return any(word in name for word in _ENTERPRISE_WORDS)


def check_party_number(
    number: object, name: str = "", *, field: str = "respondent_id", today: dt.date | None = None
) -> tuple[str, str]:
    """(kind, normalised number): a resident ID makes a person, a USCC an enterprise."""
    text = _text(number)
    if not text:
        raise ValidationError("请填写被申请人的统一社会信用代码或公民身份号码", field=field)
    compact = text.replace(" ", "").upper()
    person_first = compact[:17].isdigit() and not looks_like_enterprise(name)
    attempts = [("person", "enterprise"), ("enterprise", "person")][0 if person_first else 1]
    first_error: ValidationError | None = None
    for kind in attempts:
        try:
            if kind == "person":
                return "person", parse_resident_id(compact, field=field, today=today).number
            return "enterprise", normalize_uscc(compact, field=field)
        except ValidationError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


def _asset_row(a: PresAsset) -> AssetRow:
    type_label = AssetType(a.type).label
    kind_label = AccountKind(a.account_kind).label if a.account_kind else type_label
    return AssetRow(
        a.id,
        a.code,
        a.type,
        type_label,
        a.account_kind,
        kind_label,
        a.institution or "",
        a.number or "",
        a.description or "",
        a.value,
        a.in_operational_use,
        a.protected,
        a.protected_reason or "",
        a.source,
    )


def _domain_asset(a: PresAsset) -> rules.Asset:
    row = _asset_row(a)
    return rules.Asset(
        id=a.code,
        type=AssetType(a.type),
        account_kind=AccountKind(a.account_kind) if a.account_kind else None,
        value=a.value,
        in_operational_use=a.in_operational_use,
        protected=a.protected,
        description=row.label,
        protected_reason=a.protected_reason or "",
    )


def _domain_guarantee(g: PresGuarantee) -> rules.Guarantee:
    return rules.Guarantee(
        type=GuaranteeType(g.type),
        amount=g.amount,
        valid_until=g.valid_until,
        issuer=g.issuer or "",
        number=g.number or "",
    )


def _assets(session: Session, case_id: uuid.UUID) -> list[PresAsset]:
    return list(
        session.scalars(
            select(PresAsset).where(PresAsset.case_id == case_id).order_by(PresAsset.sort_order, PresAsset.code)
        )
    )


def _guarantees(session: Session, case_id: uuid.UUID) -> list[PresGuarantee]:
    return list(
        session.scalars(select(PresGuarantee).where(PresGuarantee.case_id == case_id).order_by(PresGuarantee.given_at))
    )


def _event(work: Work, case: PresCase, kind: str, at: dt.datetime, note: str = "") -> None:
    work.session.add(PresClockEvent(case_id=case.id, kind=kind, at=at, note=note or None))


def _case_light(case: PresCase, now: dt.datetime) -> tuple[Light, str]:
    """The list's light: the clock that runs now (ruling, execution, suit, term)."""
    if case.status in ("refused", "released", "closed"):
        return Light.GREY, STATUS_LABELS[case.status]
    if case.ruled_at is None:
        due = rules.ruling_due(case.kind, case.received_at)
        light = rules.clock_light(due, now)
        return light, f"裁定目标 {due:%m-%d %H:%M}"
    if case.executed_at is None:
        due = rules.execution_limit(case.kind, case.ruled_at, urgent=case.urgent).due
        return rules.clock_light(due, now), f"执行期限 {due:%m-%d %H:%M}"
    lights: list[tuple[Light, str]] = []
    today = now.date()
    if case.kind == CaseKind.PRE_SUIT.value and case.lawsuit_filed_at is None and case.lawsuit_due_on:
        due = dt.datetime.combine(case.lawsuit_due_on, dt.time(23, 59), tzinfo=now.tzinfo)
        lights.append(
            (rules.clock_light(due, now, warn_before=dt.timedelta(days=7)), f"起诉期限 {case.lawsuit_due_on:%Y-%m-%d}")
        )
    if case.next_expiry:
        days = (case.next_expiry - today).days
        light = Light.RED if days < 0 else Light.YELLOW if days <= REMINDER_DAYS else Light.GREEN
        lights.append((light, f"期限届满 {case.next_expiry:%Y-%m-%d}"))
    if not lights:
        return Light.GREY, STATUS_LABELS.get(case.status, case.status)
    top = worst([li for li, _ in lights])
    return top, next(text for li, text in lights if li is top)


def _case_row(actor: Actor, case: PresCase, party: PresParty, now: dt.datetime) -> CaseRow:
    light, text = _case_light(case, now)
    return CaseRow(
        case.id,
        case.case_number,
        case.kind,
        CaseKind(case.kind).label,
        case.applicant,
        party.name,
        party.id,
        _party_number(actor, party),
        case.claim_amount,
        case.received_at,
        case.enterprise,
        case.status,
        STATUS_LABELS.get(case.status, case.status),
        light,
        text,
        case.next_expiry,
    )


def _update_next_expiry(session: Session, case: PresCase) -> None:
    session.flush()
    case.next_expiry = session.scalar(
        select(func.min(PresMeasure.expiry)).where(PresMeasure.case_id == case.id, PresMeasure.status == "active")
    )


# --------------------------------------------------------------------------------------------
# Step 1: register, review, decide
# --------------------------------------------------------------------------------------------


def _upsert_party(
    session: Session, kind: str, name: str, number: str, phone: str | None, now: dt.datetime
) -> PresParty:
    party = session.scalar(select(PresParty).where(PresParty.id_number == number))
    if party is None:
        party = PresParty(kind=kind, name=name, id_number=number, phone=phone, created_at=now)
        session.add(party)
        session.flush()
    elif party.name != name:
        raise ValidationError(
            f"该证件号码已登记为“{party.name}”，与填写的被申请人名称“{name}”不一致", field="respondent"
        )
    elif phone and not party.phone:
        party.phone = phone
    return party


def _register(
    work: Work,
    *,
    case_number: object,
    kind: object,
    applicant: object,
    respondent: object,
    respondent_id: object,
    claim_amount: object,
    received_at: dt.datetime,
    enterprise: bool | None = None,
    urgent: bool = False,
    cause: object = "",
    applicant_guarantee_type: object = None,
    applicant_guarantee_amount: object = None,
    respondent_phone: object = None,
    applicant_id_number: object = None,
    applicant_phone: object = None,
    filed_at: dt.datetime | None = None,
) -> PresCase:
    now = work.now
    number = parse_case_number(case_number, field="case_number", today=now.date()).normalized
    try:
        kind_value = CaseKind(_text(kind))
    except ValueError:
        raise ValidationError("请选择保全类型（诉前、诉中或执行前保全）", field="kind") from None
    applicant_name = _text(applicant)
    if not applicant_name:
        raise ValidationError("请填写申请人", field="applicant")
    respondent_name = _text(respondent)
    if not respondent_name:
        raise ValidationError("请填写被申请人", field="respondent")
    party_kind, party_number = check_party_number(respondent_id, respondent_name, today=now.date())
    claim = rules.money(claim_amount, field="claim_amount")
    if claim <= 0:
        raise ValidationError("请求保全金额应大于零", field="claim_amount")
    if received_at.tzinfo is None:
        raise ValidationError("收到申请时间缺少时区", field="received_at")
    if received_at > now + dt.timedelta(minutes=5):
        raise ValidationError("收到申请时间不能晚于当前时间", field="received_at")
    phone = normalize_phone(respondent_phone, field="respondent_phone") if _text(respondent_phone) else None
    app_phone = normalize_phone(applicant_phone, field="applicant_phone") if _text(applicant_phone) else None
    app_number = None
    if _text(applicant_id_number):
        _k, app_number = check_party_number(
            applicant_id_number, applicant_name, field="applicant_id_number", today=now.date()
        )
    g_type = _text(applicant_guarantee_type) or None
    if g_type is not None and g_type not in APPLICANT_GUARANTEE_LABELS:
        raise ValidationError(f"申请人担保方式无效：{g_type}", field="applicant_guarantee_type")
    g_amount = None
    if _text(applicant_guarantee_amount):
        g_amount = rules.money(applicant_guarantee_amount, field="applicant_guarantee_amount")
    if work.session.scalar(select(PresCase.id).where(PresCase.case_number == number)) is not None:
        raise ValidationError(f"案号{number}已登记", field="case_number")
    party = _upsert_party(work.session, party_kind, respondent_name, party_number, phone, now)
    if enterprise is None:
        enterprise = party_kind == "enterprise"
    filed = filed_at or now
    case = PresCase(
        case_number=number,
        kind=kind_value.value,
        applicant=applicant_name,
        applicant_id_number=app_number,
        applicant_phone=app_phone,
        respondent_id=party.id,
        cause=_text(cause) or None,
        claim_amount=claim,
        applicant_guarantee_type=g_type,
        applicant_guarantee_amount=g_amount,
        received_at=received_at,
        enterprise=bool(enterprise),
        urgent=bool(urgent),
        status="received",
        filed_at=filed,
        created_at=now,
        updated_at=now,
    )
    work.session.add(case)
    work.session.flush()
    _event(work, case, "received", received_at)
    _event(work, case, "filed", filed)
    work.audit(
        "create",
        "pres_case",
        case.id,
        f"登记保全申请 {number}（{respondent_name}，{claim:,.2f}元）",
        after={"case_number": number, "kind": kind_value.value, "claim_amount": str(claim)},
    )
    return case


def register_case(db: Database, actor: Actor, *, now: dt.datetime, **fields: Any) -> uuid.UUID:
    """Register (立案) an application: checked case number, party number, amounts."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        return _register(work, **fields).id


@dataclasses.dataclass(frozen=True)
class Review:
    preconditions_met: bool | None = None
    transfer_risk: bool | None = None
    purpose: str = ""
    net_assets: object = None
    taxes_paid: object = None
    employees: int | None = None
    going_concern: bool | None = None
    dishonest: bool | None = None
    note: str = ""


def _opt_money(value: object, field: str) -> Decimal | None:
    if value is None or _text(value) == "":
        return None
    return rules.money(value, field=field, allow_negative=(field == "net_assets"))


def save_review(
    db: Database, actor: Actor, case_id: uuid.UUID, review: Review, *, now: dt.datetime
) -> rules.NecessityAdvice:
    """Step 1 form: record the respondent's operation and solvency; the desk flags a safe claim."""
    actor.require(EDIT)
    net = _opt_money(review.net_assets, "net_assets")
    taxes = _opt_money(review.taxes_paid, "taxes_paid")
    if review.employees is not None and review.employees < 0:
        raise ValidationError("员工人数不能为负数", field="employees")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.decision is not None:
            raise DeskError("已作出保全决定，审查表不能再修改")
        advice = rules.assess_necessity(
            case.claim_amount,
            rules.Solvency(
                net_assets=net,
                taxes_paid=taxes,
                employees=review.employees,
                going_concern=review.going_concern,
                transfer_risk=review.transfer_risk,
                dishonest=review.dishonest,
            ),
        )
        case.preconditions_met = review.preconditions_met
        case.transfer_risk = review.transfer_risk
        case.purpose = review.purpose.strip() or None
        case.net_assets, case.taxes_paid, case.employees = net, taxes, review.employees
        case.going_concern, case.dishonest = review.going_concern, review.dishonest
        case.review_note = review.note.strip() or None
        case.claim_appears_safe = advice.claim_appears_safe
        case.reviewed_at = now
        case.updated_at = now
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"保全必要性审查 {case.case_number}："
            + ("申请人权利不保全亦可实现" if advice.claim_appears_safe else "存在保全必要或信息不全"),
            after={"claim_appears_safe": advice.claim_appears_safe},
        )
        return advice


def decide(
    db: Database, actor: Actor, case_id: uuid.UUID, decision: str | Decision, reasons: str, *, now: dt.datetime
) -> None:
    """The judge's decision at step 1 (grant, grant in part, refuse), with reasons: the ruling."""
    actor.require(DECIDE)
    try:
        choice = Decision(decision)
    except ValueError:
        raise ValidationError("请选择审查决定", field="decision") from None
    if not _text(reasons):
        raise ValidationError("请填写决定理由", field="decision_reasons")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.decision is not None:
            raise DeskError(f"本案已作出决定（{Decision(case.decision).label}）")
        if case.preconditions_met is False and choice is not Decision.REFUSE:
            raise ValidationError("审查表记载申请不符合保全条件，不能准予保全", field="decision")
        if choice is Decision.REFUSE:
            case.status, case.ruled_amount = "refused", ZERO
        else:
            plan = _plan_view(work.session, case, now.date())
            if plan.stage == "none":
                _store_proposal(work, case, now)
                plan = _plan_view(work.session, case, now.date())
            if not plan.selected and plan.need > 0:
                raise ValidationError("被申请人财产清单中没有可保全的财产，请先登记财产或驳回申请", field="decision")
            ruled = plan.need if choice is Decision.GRANT else min(plan.need, plan.total_preserved)
            case.status, case.ruled_amount = "granted", ruled
        case.decision = choice.value
        case.decision_reasons = reasons.strip()
        case.decided_by = actor.full_name or actor.username
        case.ruled_at = now
        case.updated_at = now
        _event(work, case, "ruled", now, choice.label)
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"保全审查决定 {case.case_number}：{choice.label}",
            after={"decision": choice.value, "reasons": reasons.strip(), "ruled_amount": str(case.ruled_amount)},
        )


def reveal_id_number(db: Database, actor: Actor, case_id: uuid.UUID) -> tuple[str, str]:
    """The respondent's ID number and phone in full, for roles that may see them; audited ("view_full")."""
    actor.require(VIEW)
    if not _sees_full(actor):
        raise DeskError("当前角色无权查看完整证件号码和电话")
    with unit_of_work(db, actor) as work:
        case = _get_case(work.session, actor, case_id)
        party = work.session.get(PresParty, case.respondent_id)
        assert party is not None
        work.audit("view_full", "pres_party", party.id, f"查看{party.name}的完整证件号码和电话（{case.case_number}）")
        return party.id_number, party.phone or ""


# --------------------------------------------------------------------------------------------
# Step 2: assets, guarantees, the plan
# --------------------------------------------------------------------------------------------

ASSET_KIND_WORDS: dict[str, tuple[str, str | None]] = {
    "基本存款账户": ("account", "basic"),
    "基本账户": ("account", "basic"),
    "基本户": ("account", "basic"),
    "一般存款账户": ("account", "general"),
    "一般账户": ("account", "general"),
    "一般户": ("account", "general"),
    "专用存款账户": ("account", "special"),
    "专用账户": ("account", "special"),
    "专户": ("account", "special"),
    "专用户": ("account", "special"),
    "农民工工资专用账户": ("account", "wage"),
    "农民工工资专户": ("account", "wage"),
    "工资专户": ("account", "wage"),
    "农民工工资保证金账户": ("account", "wage"),
    "不动产": ("real_estate", None),
    "房产": ("real_estate", None),
    "土地": ("real_estate", None),
    "车辆": ("vehicle", None),
    "机动车": ("vehicle", None),
    "机器设备": ("equipment", None),
    "设备": ("equipment", None),
    "存货": ("inventory", None),
    "库存": ("inventory", None),
    "股权": ("equity", None),
    "到期债权": ("receivable", None),
    "应收账款": ("receivable", None),
    "债权": ("receivable", None),
}
for _t in AssetType:
    ASSET_KIND_WORDS.setdefault(_t.value, (_t.value, None))
for _k in AccountKind:
    ASSET_KIND_WORDS.setdefault(_k.value, ("account", _k.value))


def _next_code(session: Session, case_id: uuid.UUID, prefix: str = "A") -> str:
    codes = set(session.scalars(select(PresAsset.code).where(PresAsset.case_id == case_id)))
    n = len(codes) + 1
    while f"{prefix}{n}" in codes:
        n += 1
    return f"{prefix}{n}"


def _new_asset(
    session: Session,
    case_id: uuid.UUID,
    *,
    code: str | None,
    type: object,
    account_kind: object = None,
    value: object,
    institution: object = "",
    number: object = "",
    description: object = "",
    in_operational_use: object = False,
    protected: object = False,
    protected_reason: object = "",
    source: str = "typed",
    sort_order: int = 0,
) -> PresAsset:
    code = _text(code) or _next_code(session, case_id)
    if session.scalar(select(PresAsset.id).where(PresAsset.case_id == case_id, PresAsset.code == code)):
        raise ValidationError(f"财产编号“{code}”重复", field="code")
    checked = rules.Asset(
        id=code,
        type=_text(type),
        account_kind=_text(account_kind) or None,
        value=value,
        in_operational_use=_as_bool(in_operational_use, "in_operational_use"),
        protected=_as_bool(protected, "protected"),
        description=_text(description),
        protected_reason=_text(protected_reason),
    )
    asset = PresAsset(
        case_id=case_id,
        code=checked.id,
        type=checked.type.value,
        account_kind=checked.account_kind.value if checked.account_kind else None,
        institution=_text(institution) or None,
        number=_text(number) or None,
        description=_text(description) or None,
        value=checked.value,
        in_operational_use=checked.in_operational_use,
        protected=checked.protected,
        protected_reason=_text(protected_reason) or None,
        source=source,
        sort_order=sort_order,
    )
    session.add(asset)
    return asset


def _check_plan_open(case: PresCase) -> None:
    if case.executed_at is not None:
        raise DeskError("保全措施已执行，财产清单和方案不能再修改")


def add_asset(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime, **fields: Any) -> uuid.UUID:
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        asset = _new_asset(work.session, case.id, **fields)
        work.session.flush()
        work.audit("create", "pres_asset", asset.id, f"登记被申请人财产 {case.case_number}：{_asset_row(asset).label}")
        return asset.id


def remove_asset(db: Database, actor: Actor, asset_id: uuid.UUID, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        asset = work.session.get(PresAsset, asset_id)
        if asset is None:
            raise NotFound("财产不存在")
        case = _get_case(work.session, actor, asset.case_id)
        _check_plan_open(case)
        work.session.execute(delete(PresSelection).where(PresSelection.asset_id == asset.id))
        work.session.delete(asset)
        work.audit("delete", "pres_asset", asset_id, f"删除被申请人财产 {case.case_number}：{_asset_row(asset).label}")


IMPORT_COLUMNS = ("账户或财产", "银行或登记机关", "账号或编号", "余额或价值", "类型", "是否经营使用")


def read_asset_workbook(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows of the online asset inquiry export as dicts, and the errors of the bad ones."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is one message
        raise ValidationError(f"无法读取Excel文件：{exc}", field="file") from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [(_text(h)) for h in next(rows, [])]
    missing = [c for c in IMPORT_COLUMNS[:5] if c not in header]
    if missing:
        wb.close()
        raise ValidationError(f"Excel缺少列：{'、'.join(missing)}（应为：{'、'.join(IMPORT_COLUMNS)}）", field="file")
    index = {name: header.index(name) for name in IMPORT_COLUMNS if name in header}
    good: list[dict[str, Any]] = []
    errors: list[str] = []
    for number, row in enumerate(rows, start=2):
        values = {name: (row[i] if i < len(row) else None) for name, i in index.items()}
        if all(_text(v) == "" for v in values.values()):
            continue
        kind_word = _text(values["类型"])
        mapped = ASSET_KIND_WORDS.get(kind_word)
        if mapped is None:
            errors.append(
                f"第{number}行：类型“{kind_word}”无法识别（如基本户、一般户、专用户、农民工工资专户、"
                "不动产、车辆、机器设备、存货、股权、到期债权）"
            )
            continue
        try:
            value = rules.money(values["余额或价值"], field="value")
            in_use = _as_bool(values.get("是否经营使用"), "in_operational_use")
        except ValidationError as exc:
            errors.append(f"第{number}行：{exc.message}")
            continue
        good.append(
            {
                "type": mapped[0],
                "account_kind": mapped[1],
                "value": value,
                "description": _text(values["账户或财产"]),
                "institution": _text(values["银行或登记机关"]),
                "number": _text(values["账号或编号"]),
                "in_operational_use": in_use,
                "row": number,
            }
        )
    wb.close()
    return good, errors


def import_assets(db: Database, actor: Actor, case_id: uuid.UUID, path: Path, *, now: dt.datetime) -> ImportReport:
    """Import the online asset inquiry results; bad rows are reported, good ones kept."""
    actor.require(EDIT)
    good, errors = read_asset_workbook(Path(path))
    errors = list(errors)
    added = 0
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        known = {(a.institution or "", a.number or "") for a in _assets(work.session, case.id) if a.number}
        start = len(known)
        for entry in good:
            row = entry.pop("row")
            if entry["number"] and (entry["institution"], entry["number"]) in known:
                errors.append(f"第{row}行：{entry['institution']}{entry['number']}已在财产清单中，未重复导入")
                continue
            try:
                _new_asset(work.session, case.id, code=None, source="import", sort_order=start + added, **entry)
                work.session.flush()
            except ValidationError as exc:
                errors.append(f"第{row}行：{exc.message}")
                continue
            known.add((entry["institution"], entry["number"]))
            added += 1
        work.audit(
            "import",
            "pres_asset",
            case.id,
            f"导入网络查控财产 {case.case_number}：{added}项，{len(errors)}行有误",
            after={"file": Path(path).name, "added": added, "errors": len(errors)},
        )
    return ImportReport(added, tuple(errors))


def add_guarantee(
    db: Database,
    actor: Actor,
    case_id: uuid.UUID,
    *,
    type: object,
    amount: object,
    valid_until: dt.date,
    issuer: object = "",
    number: object = "",
    undertaking: bool = False,
    credit_agreement: object = "",
    now: dt.datetime,
) -> uuid.UUID:
    """A guarantee for the respondent (履约保函 …) that reduces or replaces preservation."""
    actor.require(EDIT)
    checked = rules.Guarantee(
        type=_text(type), amount=amount, valid_until=valid_until, issuer=_text(issuer), number=_text(number)
    )
    if checked.amount <= 0:
        raise ValidationError("担保金额应大于零", field="guarantees.amount")
    if checked.valid_until < now.date():
        raise ValidationError("保函已过有效期", field="guarantees.valid_until")
    if checked.type is GuaranteeType.PERFORMANCE_BOND and not checked.issuer:
        raise ValidationError("请填写出具保函的银行", field="guarantees.issuer")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        g = PresGuarantee(
            case_id=case.id,
            type=checked.type.value,
            issuer=checked.issuer or None,
            number=checked.number or None,
            amount=checked.amount,
            valid_until=checked.valid_until,
            undertaking=bool(undertaking),
            credit_agreement=_text(credit_agreement) or None,
            given_at=now,
        )
        work.session.add(g)
        work.session.flush()
        work.audit(
            "create",
            "pres_guarantee",
            g.id,
            f"登记担保 {case.case_number}：{checked.type.label}{checked.amount:,.2f}元（{checked.issuer}）",
        )
        return g.id


def _store_notes(work: Work, case: PresCase, stage: str, notes: Iterable[tuple[str, str | None, str]]) -> None:
    work.session.execute(delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == stage))
    for seq, (kind, code, text) in enumerate(notes):
        work.session.add(PresPlanNote(case_id=case.id, stage=stage, kind=kind, asset_code=code, text=text, seq=seq))


def _store_selections(
    work: Work, case: PresCase, stage: str, selections: Sequence[rules.Selection], by_code: dict[str, PresAsset]
) -> None:
    work.session.execute(delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage))
    for sel in selections:
        work.session.add(
            PresSelection(
                case_id=case.id,
                stage=stage,
                asset_id=by_code[sel.asset_id].id,
                measure=sel.measure.value,
                amount=sel.amount,
                created_at=work.now,
            )
        )


def _domain_plan(session: Session, case: PresCase, as_of: dt.date) -> tuple[rules.Plan, list[PresAsset]]:
    assets = _assets(session, case.id)
    plan = rules.propose_plan(
        case.claim_amount,
        [_domain_asset(a) for a in assets],
        [_domain_guarantee(g) for g in _guarantees(session, case.id)],
        as_of=as_of,
    )
    return plan, assets


def _store_proposal(work: Work, case: PresCase, now: dt.datetime) -> rules.Plan:
    plan, assets = _domain_plan(work.session, case, now.date())
    by_code = {a.code: a for a in assets}
    _store_selections(work, case, "proposed", plan.selected, by_code)
    notes = [("excluded", e.asset_id, e.reason) for e in plan.excluded] + [("note", None, n) for n in plan.notes]
    if plan.over_scope_reason:
        notes.append(("over_scope", None, plan.over_scope_reason))
    _store_notes(work, case, "proposed", notes)
    # A new proposal replaces the judge's adjustment and any approval given for it.
    work.session.execute(
        delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == "adjusted")
    )
    work.session.execute(delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == "adjusted"))
    case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
    case.updated_at = now
    return plan


def propose(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> PlanView:
    """The desk's least-harm plan from the assets and guarantees on file (stored as proposed)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        plan = _store_proposal(work, case, now)
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"生成保全方案 {case.case_number}：保全{plan.total_preserved:,.2f}元，需求{plan.need:,.2f}元",
            after=plan.as_dict(),
        )
        return _plan_view(work.session, case, now.date())


def adjust(
    db: Database, actor: Actor, case_id: uuid.UUID, selections: Sequence[tuple[str, object]], *, now: dt.datetime
) -> tuple[PlanView, list[str]]:
    """The judge changes the plan (asset code, amount or None for whole); the desk re-checks it.

    Violations do not block the change: they are stored and shown in red until corrected.
    """
    actor.require(DECIDE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        plan, assets = _domain_plan(work.session, case, now.date())
        domain_assets = [_domain_asset(a) for a in assets]
        adjusted, violations = rules.adjust_plan(plan, domain_assets, list(selections))
        by_code = {a.code: a for a in assets}
        _store_selections(work, case, "adjusted", [s for s in adjusted.selected if s.asset_id in by_code], by_code)
        notes = [("note", None, n) for n in adjusted.notes if n not in violations]
        notes += [("violation", None, v) for v in violations]
        if adjusted.over_scope_reason:
            notes.append(("over_scope", None, adjusted.over_scope_reason))
        _store_notes(work, case, "adjusted", notes)
        case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
        case.updated_at = now
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"法官调整保全方案 {case.case_number}：" + (f"{len(violations)}项不合规" if violations else "复核通过"),
            after={**adjusted.as_dict(), "violations": violations},
        )
        return _plan_view(work.session, case, now.date()), violations


def approve_basic_account(db: Database, actor: Actor, case_id: uuid.UUID, note: str = "", *, now: dt.datetime) -> None:
    """A leader approves freezing the basic account (the court's own rule, not a statute)."""
    actor.require(APPROVE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        plan = _plan_view(work.session, case, now.date())
        if not plan.needs_approval:
            raise DeskError("当前方案未冻结基本账户，无需审批")
        if plan.violations:
            raise DeskError("方案存在不合规之处，请法官先行修正后再报批")
        case.basic_approved_by = actor.full_name or actor.username
        case.basic_approved_at = now
        case.basic_approval_note = note.strip() or None
        case.updated_at = now
        work.audit(
            "update", "pres_case", case.id, f"院领导批准冻结基本账户 {case.case_number}", after={"note": note.strip()}
        )


def _plan_view(session: Session, case: PresCase, as_of: dt.date) -> PlanView:
    stages = set(session.scalars(select(PresPlanNote.stage).where(PresPlanNote.case_id == case.id)))
    stages |= set(session.scalars(select(PresSelection.stage).where(PresSelection.case_id == case.id)))
    stage = "adjusted" if "adjusted" in stages else "proposed" if "proposed" in stages else "none"
    guarantees = [_domain_guarantee(g) for g in _guarantees(session, case.id)]
    guaranteed = rules.valid_guarantee_total(guarantees, as_of)
    need = max(case.claim_amount - guaranteed, ZERO)
    assets = {a.id: a for a in _assets(session, case.id)}
    rows = []
    for sel in session.scalars(
        select(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage)
    ):
        a = assets[sel.asset_id]
        r = _asset_row(a)
        rows.append(
            SelectionRow(
                a.id,
                a.code,
                r.label,
                r.institution,
                r.number,
                sel.measure,
                Measure(sel.measure).label,
                sel.amount,
                a.value,
                a.type == "account",
                a.account_kind,
            )
        )
    rows.sort(key=lambda s: (assets[s.asset_id].sort_order, s.code))
    notes = list(
        session.scalars(
            select(PresPlanNote).where(PresPlanNote.case_id == case.id).order_by(PresPlanNote.stage, PresPlanNote.seq)
        )
    )
    by_code = {a.code: a for a in assets.values()}
    excluded = tuple(
        ExclusionRow(
            n.asset_code or "",
            _asset_row(by_code[n.asset_code]).label if n.asset_code in by_code else (n.asset_code or ""),
            n.text,
        )
        for n in notes
        if n.stage == "proposed" and n.kind == "excluded"
    )
    mine = [n for n in notes if n.stage == stage]
    total = sum((s.amount for s in rows), ZERO)
    rule = rules.ExcessRule()
    over_notes = [n.text for n in mine if n.kind == "over_scope"]
    needs_approval = any(s.is_account and s.account_kind == "basic" for s in rows)
    return PlanView(
        stage=stage,
        claim=case.claim_amount,
        guaranteed=guaranteed,
        need=need,
        selected=tuple(rows),
        excluded=excluded,
        total_preserved=total,
        covers_claim=total >= need,
        over_scope=rule.clearly_exceeds(total, need),
        over_scope_reason=over_notes[0] if over_notes else "",
        needs_approval=needs_approval,
        approved=case.basic_approved_at is not None,
        approved_by=case.basic_approved_by or "",
        notes=tuple(n.text for n in mine if n.kind == "note"),
        violations=tuple(n.text for n in mine if n.kind == "violation"),
    )


def plan(db: Database, actor: Actor, case_id: uuid.UUID, *, as_of: dt.date) -> PlanView:
    actor.require(VIEW)
    with db.session() as session:
        return _plan_view(session, _get_case(session, actor, case_id), as_of)


# --------------------------------------------------------------------------------------------
# Step 3: measures, renewals, releases, clocks
# --------------------------------------------------------------------------------------------


def record_measures(
    db: Database,
    actor: Actor,
    case_id: uuid.UUID,
    *,
    taken_on: dt.date,
    now: dt.datetime,
    term_years: dict[str, int] | None = None,
) -> int:
    """The freezes and seizures actually taken, from the ruled plan; starts terms and the suit clock."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.status != "granted":
            raise DeskError("只有已裁定准予保全、尚未执行的案件可以登记保全措施")
        if taken_on > now.date():
            raise ValidationError("采取措施的日期不能晚于今天", field="taken_on")
        if case.ruled_at is not None and taken_on < case.ruled_at.date():
            raise ValidationError("采取措施的日期不能早于裁定日期", field="taken_on")
        view = _plan_view(work.session, case, now.date())
        if view.violations:
            raise DeskError("保全方案仍有不合规之处，请法官修正后再执行")
        if view.needs_approval and not view.approved:
            raise DeskError("方案冻结基本账户，须经院领导审批后方可执行")
        if not view.selected:
            raise DeskError("保全方案没有需要执行的财产")
        assets = {a.id: a for a in _assets(work.session, case.id)}
        for sel in view.selected:
            a = assets[sel.asset_id]
            years = (term_years or {}).get(a.code)
            term = rules.freeze_term(a.type, taken_on, years=years, reminder_days=REMINDER_DAYS)
            work.session.add(
                PresMeasure(
                    case_id=case.id,
                    asset_id=a.id,
                    respondent_id=case.respondent_id,
                    measure=sel.measure,
                    amount=sel.amount,
                    taken_on=taken_on,
                    term_years=term.years,
                    expiry=term.expiry,
                    status="active",
                )
            )
        at = dt.datetime.combine(taken_on, now.timetz()) if taken_on != now.date() else now
        case.executed_at = at
        case.status = "executed"
        if case.kind == CaseKind.PRE_SUIT.value:
            case.lawsuit_due_on = rules.lawsuit_due(case.received_at, taken_on, calendar=work_calendar(db)).date
        _update_next_expiry(work.session, case)
        case.updated_at = now
        _event(work, case, "executed", at, f"{len(view.selected)}项")
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"登记保全措施 {case.case_number}：{len(view.selected)}项，合计{view.total_preserved:,.2f}元",
            after={"taken_on": taken_on.isoformat(), "count": len(view.selected)},
        )
        return len(view.selected)


def record_lawsuit(db: Database, actor: Actor, case_id: uuid.UUID, *, filed_on: dt.datetime, now: dt.datetime) -> None:
    """The pre-suit applicant sued (or applied for arbitration) in time: the suit clock stops."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        case.lawsuit_filed_at = filed_on
        case.updated_at = now
        _event(work, case, "lawsuit_filed", filed_on)
        work.audit("update", "pres_case", case.id, f"登记申请人起诉 {case.case_number}")


def renew_measure(
    db: Database,
    actor: Actor,
    measure_id: uuid.UUID,
    *,
    renewed_on: dt.date,
    now: dt.datetime,
    years: int | None = None,
) -> dt.date:
    """Renew (续行) a freeze or seizure before its term ends; a new term within the same limits."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        m = work.session.get(PresMeasure, measure_id)
        if m is None or m.status != "active":
            raise NotFound("保全措施不存在或已解除")
        case = _get_case(work.session, actor, m.case_id)
        if renewed_on > m.expiry:
            raise ValidationError(
                f"保全期限已于{m.expiry.isoformat()}届满，不能续行，须重新申请保全", field="renewed_on"
            )
        if renewed_on < m.taken_on:
            raise ValidationError("续行日期不能早于采取措施的日期", field="renewed_on")
        asset = work.session.get(PresAsset, m.asset_id)
        assert asset is not None
        term = rules.freeze_term(asset.type, renewed_on, years=years, reminder_days=REMINDER_DAYS)
        previous = m.expiry
        work.session.add(
            PresRenewal(
                measure_id=m.id,
                renewed_on=renewed_on,
                previous_expiry=previous,
                new_expiry=term.expiry,
                by=actor.full_name or actor.username,
            )
        )
        m.expiry, m.term_years, m.renewals = term.expiry, term.years, m.renewals + 1
        _update_next_expiry(work.session, case)
        case.updated_at = now
        _event(work, case, "renewed", now, _asset_row(asset).label)
        work.audit(
            "update",
            "pres_measure",
            m.id,
            f"续行保全 {case.case_number}：{_asset_row(asset).label}至{term.expiry.isoformat()}",
            before={"expiry": previous.isoformat()},
            after={"expiry": term.expiry.isoformat()},
        )
        return term.expiry


_CN_DIGITS = "零一二三四五六七八九十"


def _cn_ordinal(n: int) -> str:
    if n <= 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")


def release_ruling_number(case_number: str, n: int) -> str:
    """The n-th release ruling's number: 财保12号之一, or after an in-suit 民初5号之一 the next, 之二."""
    ordinals = {_cn_ordinal(i): i for i in range(1, 100)}
    base, sep, suffix = case_number.rpartition("之")
    if sep and suffix in ordinals:
        return f"{base}之{_cn_ordinal(ordinals[suffix] + n)}"
    return f"{case_number}之{_cn_ordinal(n)}"


def _active_measures(session: Session, case_id: uuid.UUID) -> list[PresMeasure]:
    return list(
        session.scalars(select(PresMeasure).where(PresMeasure.case_id == case_id, PresMeasure.status == "active"))
    )


def _release_plan(session: Session, case: PresCase, as_of: dt.date) -> tuple[rules.ReleaseAdvice, dict[str, PresAsset]]:
    assets = _assets(session, case.id)
    by_id = {a.id: a for a in assets}
    current = [
        rules.Selection(by_id[m.asset_id].code, Measure(m.measure), m.amount)
        for m in _active_measures(session, case.id)
    ]
    advice = rules.release_advice(
        current,
        [_domain_asset(a) for a in assets],
        case.ruled_amount or case.claim_amount,
        [_domain_guarantee(g) for g in _guarantees(session, case.id)],
        as_of=as_of,
    )
    return advice, {a.code: a for a in assets}


def _sel_rows(selections: Iterable[rules.Selection], by_code: dict[str, PresAsset]) -> tuple[SelectionRow, ...]:
    rows = []
    for s in selections:
        a = by_code[s.asset_id]
        r = _asset_row(a)
        rows.append(
            SelectionRow(
                a.id,
                a.code,
                r.label,
                r.institution,
                r.number,
                s.measure.value,
                s.measure.label,
                s.amount,
                a.value,
                a.type == "account",
                a.account_kind,
            )
        )
    return tuple(rows)


def preview_release(db: Database, actor: Actor, case_id: uuid.UUID, *, as_of: dt.date) -> ReleaseResult:
    """What the guarantees on file would free, without ruling it."""
    actor.require(VIEW)
    with db.session() as session:
        case = _get_case(session, actor, case_id)
        advice, by_code = _release_plan(session, case, as_of)
        return ReleaseResult(
            None, "", advice.freed, _sel_rows(advice.release, by_code), _sel_rows(advice.keep, by_code), advice.notes
        )


def _apply_release(
    work: Work,
    case: PresCase,
    releases: Sequence[rules.Selection],
    by_code: dict[str, PresAsset],
    reason: str,
    note: str,
    guarantee_id: uuid.UUID | None,
) -> PresRelease:
    count = (
        work.session.scalar(select(func.count()).select_from(PresRelease).where(PresRelease.case_id == case.id)) or 0
    )
    ruling_number = release_ruling_number(case.case_number, count + 1)
    freed = sum((s.amount for s in releases), ZERO)
    release = PresRelease(
        case_id=case.id,
        guarantee_id=guarantee_id,
        reason=reason,
        ruled_at=work.now,
        ruling_number=ruling_number,
        amount_freed=freed,
        note=note or None,
        by=work.actor.full_name or work.actor.username,
    )
    work.session.add(release)
    work.session.flush()
    measures = {m.asset_id: m for m in _active_measures(work.session, case.id)}
    for sel in releases:
        m = measures[by_code[sel.asset_id].id]
        if sel.amount >= m.amount:
            m.status, m.released_on, m.release_id = "released", work.now.date(), release.id
        else:
            m.amount = m.amount - sel.amount
    _update_next_expiry(work.session, case)
    if not _active_measures(work.session, case.id):
        case.status = "released"
    case.updated_at = work.now
    _event(work, case, "released", work.now, f"{RELEASE_REASONS[reason]}，解除{freed:,.2f}元")
    return release


def release_on_guarantee(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> ReleaseResult:
    """Rule the release of what the guarantees now cover (《财产保全规定》第二十二条); counts the funds freed."""
    actor.require(DECIDE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.status != "executed":
            raise DeskError("只有已执行保全措施的案件可以因担保解除保全")
        advice, by_code = _release_plan(work.session, case, now.date())
        if not advice.release:
            raise DeskError("现有担保不足以解除任何保全措施")
        guarantees = _guarantees(work.session, case.id)
        latest = guarantees[-1].id if guarantees else None
        release = _apply_release(work, case, advice.release, by_code, "guarantee", "；".join(advice.notes), latest)
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"因担保解除保全 {case.case_number}：释放{advice.freed:,.2f}元（{release.ruling_number}）",
            after={"freed": str(advice.freed), "ruling_number": release.ruling_number},
        )
        return ReleaseResult(
            release.id,
            release.ruling_number,
            advice.freed,
            _sel_rows(advice.release, by_code),
            _sel_rows(advice.keep, by_code),
            advice.notes,
        )


def release_all(
    db: Database, actor: Actor, case_id: uuid.UUID, reason: str, note: str = "", *, now: dt.datetime
) -> ReleaseResult:
    """Release every active measure (applicant's application, no suit in time …) with a ruling."""
    actor.require(DECIDE)
    if reason not in RELEASE_REASONS:
        raise ValidationError("请选择解除原因", field="reason")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        measures = _active_measures(work.session, case.id)
        if not measures:
            raise DeskError("没有正在执行的保全措施")
        by_id = {a.id: a for a in _assets(work.session, case.id)}
        sels = [rules.Selection(by_id[m.asset_id].code, Measure(m.measure), m.amount) for m in measures]
        by_code = {a.code: a for a in by_id.values()}
        release = _apply_release(work, case, sels, by_code, reason, note, None)
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"解除保全 {case.case_number}：{RELEASE_REASONS[reason]}（{release.ruling_number}）",
        )
        return ReleaseResult(release.id, release.ruling_number, release.amount_freed, _sel_rows(sels, by_code), (), ())


def _measure_rows(
    session: Session, case_ids: Sequence[uuid.UUID], today: dt.date, only_active: bool = False
) -> list[MeasureRow]:
    if not case_ids:
        return []
    q = (
        select(PresMeasure, PresAsset)
        .join(PresAsset, PresAsset.id == PresMeasure.asset_id)
        .where(PresMeasure.case_id.in_(case_ids))
    )
    if only_active:
        q = q.where(PresMeasure.status == "active")
    rows = []
    for m, a in session.execute(q.order_by(PresMeasure.expiry)):
        r = _asset_row(a)
        term = rules.FreezeTerm(
            rules.term_category(a.type),
            m.taken_on,
            m.expiry,
            m.expiry - dt.timedelta(days=REMINDER_DAYS),
            m.expiry - dt.timedelta(days=7),
            m.term_years,
        )
        rows.append(
            MeasureRow(
                m.id,
                a.id,
                r.label,
                r.institution,
                r.number,
                a.type == "account",
                m.measure,
                Measure(m.measure).label,
                m.amount,
                m.taken_on,
                m.term_years,
                m.expiry,
                term.renew_apply_by,
                term.reminder_on,
                m.renewals,
                m.status,
                m.released_on,
                term.light(today, released=m.status != "active"),
                term.days_left(today),
            )
        )
    return rows


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


def respondent_exposure(db: Database, actor: Actor, party_id: uuid.UUID, *, now: dt.datetime) -> Exposure:
    """One respondent across all its cases: rulings, amounts, freezes, guarantees, renewals, over-freezing."""
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        party = session.get(PresParty, party_id)
        if party is None:
            raise NotFound("被申请人不存在")
        cases = list(
            session.scalars(
                _scoped(select(PresCase).where(PresCase.respondent_id == party_id), actor).order_by(
                    PresCase.received_at
                )
            )
        )
        ids = [c.id for c in cases]
        guar: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        for g in session.scalars(select(PresGuarantee).where(PresGuarantee.case_id.in_(ids))):
            if g.valid_until >= today:
                guar[g.case_id] += g.amount
        preserved: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        accounts: dict[tuple[str, str], list[tuple[uuid.UUID, Decimal, dt.date]]] = defaultdict(list)
        active = 0
        frozen_total = ZERO
        for m, a in session.execute(
            select(PresMeasure, PresAsset)
            .join(PresAsset, PresAsset.id == PresMeasure.asset_id)
            .where(PresMeasure.respondent_id == party_id, PresMeasure.status == "active")
        ):
            active += 1
            preserved[m.case_id] += m.amount
            if a.type == "account":
                frozen_total += m.amount
                accounts[(a.institution or "", a.number or a.code)].append((m.case_id, m.amount, m.expiry))
        freed = (
            session.scalar(
                select(func.coalesce(func.sum(PresRelease.amount_freed), 0)).where(
                    PresRelease.case_id.in_(ids), PresRelease.reason == "guarantee"
                )
            )
            or ZERO
        )
        rows = []
        for c in cases:
            ruled = c.ruled_amount or ZERO
            basis = ruled if c.decision in ("grant", "grant_in_part") else ZERO
            need = max(basis - guar[c.id], ZERO)
            kept = preserved[c.id]
            rows.append(
                ExposureCase(
                    c.id,
                    c.case_number,
                    c.applicant,
                    c.received_at,
                    STATUS_LABELS.get(c.status, c.status),
                    c.claim_amount,
                    ruled,
                    guar[c.id],
                    need,
                    kept,
                    max(kept - need, ZERO) if kept else ZERO,
                    _case_light(c, now)[0],
                )
            )

        def account_row(key: tuple[str, str], entries: list[tuple[uuid.UUID, Decimal, dt.date]]) -> FrozenAccount:
            expiry = min(e for _c, _a, e in entries)
            days = (expiry - today).days
            light = Light.RED if days < 0 else Light.YELLOW if days <= REMINDER_DAYS else Light.GREEN
            return FrozenAccount(
                key[0],
                key[1],
                len({c for c, _a, _e in entries}),
                sum((a for _c, a, _e in entries), ZERO),
                expiry,
                light,
            )

        account_rows = sorted((account_row(k, v) for k, v in accounts.items()), key=lambda r: r.expiry)
        over = tuple(r for r in rows if r.excess > 0)
        renewals = tuple(r for r in _measure_rows(session, ids, today, only_active=True) if r.reminder_on <= today)
        open_rows = [r for r in rows if r.preserved > 0]
        return Exposure(
            id=party.id,
            name=party.name,
            kind=party.kind,
            number=_party_number(actor, party),
            cases=len(cases),
            rulings=sum(1 for c in cases if c.decision in ("grant", "grant_in_part")),
            refused=sum(1 for c in cases if c.decision == "refuse"),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((r.ruled for r in rows), ZERO),
            preserved_total=sum(preserved.values(), ZERO),
            frozen_total=frozen_total,
            accounts_frozen=len(accounts),
            active_measures=active,
            guarantees_total=sum(guar.values(), ZERO),
            freed_total=Decimal(freed).quantize(Decimal("0.01")),
            need_total=sum((r.need for r in open_rows), ZERO),
            over_freeze_total=sum((r.excess for r in over), ZERO),
            over_freeze_cases=over,
            repeated_accounts=tuple(r for r in account_rows if r.cases > 1),
            renewals_due=renewals,
            case_rows=tuple(rows),
            accounts=tuple(account_rows),
        )


def statistics(db: Database, actor: Actor, *, now: dt.datetime, year: int | None = None) -> Statistics:
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        q = _scoped(select(PresCase), actor)
        if year:
            q = q.where(
                PresCase.received_at >= dt.datetime(year, 1, 1, tzinfo=now.tzinfo),
                PresCase.received_at < dt.datetime(year + 1, 1, 1, tzinfo=now.tzinfo),
            )
        cases = list(session.scalars(q))
        ids = [c.id for c in cases]
        by_status: dict[str, int] = defaultdict(int)
        by_kind: dict[str, int] = defaultdict(int)
        months: dict[str, list[Any]] = {}
        same_day = on_time = ent = 0
        for c in cases:
            by_status[STATUS_LABELS.get(c.status, c.status)] += 1
            by_kind[CaseKind(c.kind).label] += 1
            key = f"{c.received_at:%Y-%m}"
            months.setdefault(key, [0, ZERO])
            months[key][0] += 1
            months[key][1] += c.ruled_amount or ZERO
            if c.enterprise:
                ent += 1
                if c.ruled_at and c.ruled_at.date() == c.received_at.date():
                    same_day += 1
            if c.ruled_at and c.ruled_at <= rules.ruling_due(c.kind, c.received_at):
                on_time += 1
        preserved = ZERO
        renewals = active = 0
        if ids:
            for m in session.scalars(
                select(PresMeasure).where(PresMeasure.case_id.in_(ids), PresMeasure.status == "active")
            ):
                active += 1
                preserved += m.amount
                if m.expiry - dt.timedelta(days=REMINDER_DAYS) <= today:
                    renewals += 1
        freed = ZERO
        if ids:
            freed = Decimal(
                session.scalar(
                    select(func.coalesce(func.sum(PresRelease.amount_freed), 0)).where(
                        PresRelease.case_id.in_(ids), PresRelease.reason == "guarantee"
                    )
                )
                or 0
            ).quantize(Decimal("0.01"))
        return Statistics(
            cases=len(cases),
            by_status=dict(by_status),
            by_kind=dict(by_kind),
            rulings=sum(1 for c in cases if c.decision in ("grant", "grant_in_part")),
            refused=sum(1 for c in cases if c.decision == "refuse"),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((c.ruled_amount or ZERO for c in cases), ZERO),
            preserved_total=preserved,
            freed_total=freed,
            active_measures=active,
            renewals_due=renewals,
            enterprise_cases=ent,
            enterprise_same_day=same_day,
            rulings_on_time=on_time,
            by_month=[(k, v[0], v[1]) for k, v in sorted(months.items())],
        )


def export_cases(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> Path:
    """The case list and statistics as an Excel workbook (audited as an export)."""
    from laoshan_desk.documents import preservation_excel

    actor.require(VIEW)
    rows: list[CaseRow] = []
    total = count_cases(db, actor)
    offset = 0
    while offset < total:
        page = list_cases(db, actor, now=now, offset=offset, limit=1000, sort="received_at", descending=False)
        if not page:
            break
        rows.extend(page)
        offset += len(page)
    stats = statistics(db, actor, now=now)
    out = preservation_excel.write_workbook(Path(path), rows, stats, now)
    from laoshan_desk.services import audit

    audit.record(
        db,
        actor,
        "export",
        "pres_case",
        None,
        f"导出保全案件清单与统计（{len(rows)}件）",
        after={"file": Path(path).name, "rows": len(rows)},
    )
    return out


# --------------------------------------------------------------------------------------------
# The command line: a plan from a JSON file, stored in one transaction
# --------------------------------------------------------------------------------------------


def _require_keys(data: dict[str, Any], keys: Sequence[str], where: str) -> None:
    for key in keys:
        if key not in data or data[key] in (None, ""):
            raise ValidationError(f"{where}缺少字段“{key}”", field=key)


def plan_from_json(db: Database, actor: Actor, data: Any, *, now: dt.datetime) -> dict[str, Any]:
    """``preservation plan FILE.json``: register the case with its assets and guarantees, propose the
    plan, return the CLI's JSON. Any bad field raises before anything is stored."""
    from laoshan_desk.domain.timeutil import parse_date, parse_datetime

    actor.require(EDIT)
    if not isinstance(data, dict):
        raise ValidationError("文件内容应为JSON对象", field="file")
    _require_keys(
        data, ["case_number", "kind", "applicant", "respondent", "respondent_id", "claim_amount", "received_at"], "文件"
    )
    assets = data.get("assets", [])
    guarantees = data.get("guarantees") or []
    if not isinstance(assets, list) or not isinstance(guarantees, list):
        raise ValidationError("assets 和 guarantees 应为数组", field="assets")
    if not isinstance(data["received_at"], str):
        raise ValidationError("received_at 格式应为 YYYY-MM-DD HH:MM", field="received_at")
    received = parse_datetime(data["received_at"], "received_at")
    with unit_of_work(db, actor, now) as work:
        case = _register(
            work,
            case_number=data["case_number"],
            kind=data["kind"],
            applicant=data["applicant"],
            respondent=data["respondent"],
            respondent_id=data["respondent_id"],
            claim_amount=data["claim_amount"],
            received_at=received,
            enterprise=data.get("enterprise"),
            urgent=bool(data.get("urgent", False)),
            cause=data.get("cause", ""),
            filed_at=max(received, now),
        )
        for i, entry in enumerate(assets, start=1):
            if not isinstance(entry, dict):
                raise ValidationError(f"assets第{i}项应为对象", field="assets")
            _require_keys(entry, ["id", "type", "value"], f"assets第{i}项")
            unknown = set(entry) - {
                "id",
                "type",
                "account_kind",
                "value",
                "in_operational_use",
                "protected",
                "description",
                "institution",
                "number",
                "protected_reason",
            }
            if unknown:
                raise ValidationError(f"assets第{i}项有无法识别的字段：{'、'.join(sorted(unknown))}", field="assets")
            try:
                _new_asset(
                    work.session,
                    case.id,
                    code=str(entry["id"]),
                    type=entry["type"],
                    account_kind=entry.get("account_kind"),
                    value=entry["value"],
                    in_operational_use=entry.get("in_operational_use", False),
                    protected=entry.get("protected", False),
                    description=entry.get("description", ""),
                    institution=entry.get("institution", ""),
                    number=entry.get("number", ""),
                    protected_reason=entry.get("protected_reason", ""),
                    source="cli",
                    sort_order=i,
                )
                work.session.flush()
            except ValidationError as exc:
                raise ValidationError(f"assets第{i}项（{entry['id']}）：{exc.message}", field=exc.field) from None
        for i, entry in enumerate(guarantees, start=1):
            if not isinstance(entry, dict):
                raise ValidationError(f"guarantees第{i}项应为对象", field="guarantees")
            _require_keys(entry, ["type", "amount", "valid_until"], f"guarantees第{i}项")
            try:
                g = rules.Guarantee(
                    type=entry["type"],
                    amount=entry["amount"],
                    valid_until=parse_date(str(entry["valid_until"]), "valid_until"),
                    issuer=_text(entry.get("issuer")),
                    number=_text(entry.get("number")),
                )
            except ValidationError as exc:
                raise ValidationError(f"guarantees第{i}项：{exc.message}", field=exc.field) from None
            work.session.add(
                PresGuarantee(
                    case_id=case.id,
                    type=g.type.value,
                    issuer=g.issuer or None,
                    number=g.number or None,
                    amount=g.amount,
                    valid_until=g.valid_until,
                    given_at=received,
                )
            )
        work.session.flush()
        plan_result, _assets_ = _domain_plan(work.session, case, received.date())
        by_code = {a.code: a for a in _assets_}
        _store_selections(work, case, "proposed", plan_result.selected, by_code)
        notes = [("excluded", e.asset_id, e.reason) for e in plan_result.excluded]
        notes += [("note", None, n) for n in plan_result.notes]
        if plan_result.over_scope_reason:
            notes.append(("over_scope", None, plan_result.over_scope_reason))
        _store_notes(work, case, "proposed", notes)
        deadlines = rules.plan_deadlines(case.kind, received)
        lawsuit = deadlines["lawsuit_due"]
        if lawsuit is not None:
            lawsuit = f"{lawsuit} 23:59"
        full = plan_result.as_dict()
        result = {
            "need": full["need"],
            "selected": full["selected"],
            "excluded": full["excluded"],
            "total_preserved": full["total_preserved"],
            "covers_claim": full["covers_claim"],
            "over_scope": full["over_scope"],
            "needs_approval": full["needs_approval"],
            "deadlines": {"ruling_due": deadlines["ruling_due"], "lawsuit_due": lawsuit},
        }
        work.audit("create", "pres_case", case.id, f"命令行生成保全方案 {case.case_number}", after=result)
        return result
