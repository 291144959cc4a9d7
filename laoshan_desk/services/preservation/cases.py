"""Step 1 (necessity): register an application, the review form, the judge's decision, revealing a number."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.identifiers import (
    normalize_phone,
    parse_case_number,
)
from laoshan_desk.domain.preservation import (
    CaseKind,
    Decision,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    APPLICANT_GUARANTEE_LABELS,
    DECIDE,
    EDIT,
    VIEW,
    ZERO,
    _event,
    _get_case,
    _sees_full,
    _text,
    check_party_number,
)
from laoshan_desk.services.preservation.plan import _plan_view, _store_proposal
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresCase,
    PresParty,
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
