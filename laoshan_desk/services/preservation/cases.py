"""Step 1, necessity (能不保就不保): register an application, the review form, the judge's decision.

Also :func:`reveal_id_number`, the one audited way to see a respondent's number in full.
docs/rules.md §preservation-necessity, §preservation-applicant-guarantee.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, PermissionDenied, ValidationError
from laoshan_desk.domain.identifiers import normalize_phone, parse_case_number
from laoshan_desk.domain.labels import chosen
from laoshan_desk.domain.preservation import ApplicantGuarantee, CaseKind, CaseStatus, ClockEvent, Decision, PartyKind
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    DECIDE,
    EDIT,
    VIEW,
    ZERO,
    case_for_write,
    event,
    get_case,
    sees_full,
    text,
    touch,
)
from laoshan_desk.services.preservation.forms import CaseForm, DecisionForm, ReviewForm
from laoshan_desk.services.preservation.plan import plan_view, store_proposal
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase, PresParty


def register_case(db: Database, actor: Actor, form: CaseForm, *, now: dt.datetime) -> uuid.UUID:
    """Register (立案) an application: checked case number, party number, amounts."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        return register(work, form).id


def register(work: Work, form: CaseForm, *, filed_at: dt.datetime | None = None) -> PresCase:
    """The case row with its party, clock events and audit record (shared with the JSON plan)."""
    now = work.now
    number = parse_case_number(form.case_number, field="case_number", today=now.date()).normalized
    kind = chosen(CaseKind, text(form.kind), "请选择保全类型（诉前、诉中或执行前保全）", field="kind")
    applicant = text(form.applicant)
    if not applicant:
        raise ValidationError("请填写申请人", field="applicant")
    respondent = text(form.respondent)
    if not respondent:
        raise ValidationError("请填写被申请人", field="respondent")
    party_kind, party_number = rules.check_party_number(form.respondent_id, respondent, today=now.date())
    claim = rules.money(form.claim_amount, field="claim_amount")
    if claim <= 0:
        raise ValidationError("请求保全金额应大于零", field="claim_amount")
    received_at = form.received_at
    if received_at.tzinfo is None:
        raise ValidationError("收到申请时间缺少时区", field="received_at")
    if received_at > now + dt.timedelta(minutes=5):
        raise ValidationError("收到申请时间不能晚于当前时间", field="received_at")
    phone = normalize_phone(form.respondent_phone, field="respondent_phone") if text(form.respondent_phone) else None
    app_phone = normalize_phone(form.applicant_phone, field="applicant_phone") if text(form.applicant_phone) else None
    app_number = None
    if text(form.applicant_id_number):
        _kind, app_number = rules.check_party_number(
            form.applicant_id_number, applicant, field="applicant_id_number", today=now.date()
        )
    guarantee_type = None
    if text(form.applicant_guarantee_type):
        message = f"申请人担保方式无效：{form.applicant_guarantee_type}"
        guarantee_type = chosen(
            ApplicantGuarantee, text(form.applicant_guarantee_type), message, field="applicant_guarantee_type"
        )
    guarantee_amount = None
    if text(form.applicant_guarantee_amount):
        guarantee_amount = rules.money(form.applicant_guarantee_amount, field="applicant_guarantee_amount")
    if work.session.scalar(select(PresCase.id).where(PresCase.case_number == number)) is not None:
        raise ValidationError(f"案号{number}已登记", field="case_number")
    party = _upsert_party(work.session, party_kind, respondent, party_number, phone, now)
    enterprise = party_kind is PartyKind.ENTERPRISE if form.enterprise is None else form.enterprise
    filed = filed_at or now
    case = PresCase(
        case_number=number,
        kind=kind.value,
        applicant=applicant,
        applicant_id_number=app_number,
        applicant_phone=app_phone,
        respondent_id=party.id,
        cause=text(form.cause) or None,
        claim_amount=claim,
        applicant_guarantee_type=guarantee_type.value if guarantee_type else None,
        applicant_guarantee_amount=guarantee_amount,
        received_at=received_at,
        enterprise=bool(enterprise),
        urgent=bool(form.urgent),
        status=CaseStatus.RECEIVED.value,
        filed_at=filed,
        registered_by=work.actor.full_name or work.actor.username,
        created_at=now,
        updated_at=now,
    )
    work.session.add(case)
    try:
        work.session.flush()
    except IntegrityError:  # another counter registered the same number a moment ago
        raise ValidationError(f"案号{number}已登记", field="case_number") from None
    event(work, case, ClockEvent.RECEIVED, received_at)
    event(work, case, ClockEvent.FILED, filed)
    work.audit(
        "create",
        "pres_case",
        case.id,
        f"登记保全申请 {number}（{respondent}，{claim:,.2f}元）",
        after={"case_number": number, "kind": kind.value, "claim_amount": str(claim)},
    )
    return case


def _upsert_party(
    session: Session, kind: PartyKind, name: str, number: str, phone: str | None, now: dt.datetime
) -> PresParty:
    party = session.scalar(select(PresParty).where(PresParty.id_number == number))
    if party is None:
        party = PresParty(kind=kind.value, name=name, id_number=number, phone=phone, created_at=now)
        session.add(party)
        try:
            session.flush()
        except IntegrityError:  # registered by another counter a moment ago
            raise ValidationError("该被申请人刚由他人登记，请重新提交", field="respondent_id") from None
    elif party.name != name:
        raise ValidationError(
            f"该证件号码已登记为“{party.name}”，与填写的被申请人名称“{name}”不一致", field="respondent"
        )
    elif phone and not party.phone:
        party.phone = phone
    return party


def _opt_money(value: object, field: str) -> Decimal | None:
    if value is None or text(value) == "":
        return None
    return rules.money(value, field=field, allow_negative=(field == "net_assets"))


def save_review(db: Database, actor: Actor, form: ReviewForm, *, now: dt.datetime) -> rules.NecessityAdvice:
    """Step 1 form: record the respondent's operation and solvency; the desk flags a safe claim."""
    actor.require(EDIT)
    net = _opt_money(form.net_assets, "net_assets")
    taxes = _opt_money(form.taxes_paid, "taxes_paid")
    if form.employees is not None and form.employees < 0:
        raise ValidationError("员工人数不能为负数", field="employees")
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.decision is not None:
            raise DeskError("已作出保全决定，审查表不能再修改")
        advice = rules.assess_necessity(
            case.claim_amount,
            rules.Solvency(
                net_assets=net,
                taxes_paid=taxes,
                employees=form.employees,
                going_concern=form.going_concern,
                transfer_risk=form.transfer_risk,
                dishonest=form.dishonest,
            ),
        )
        case.preconditions_met = form.preconditions_met
        case.transfer_risk = form.transfer_risk
        case.purpose = form.purpose.strip() or None
        case.net_assets, case.taxes_paid, case.employees = net, taxes, form.employees
        case.going_concern, case.dishonest = form.going_concern, form.dishonest
        case.review_note = form.note.strip() or None
        case.claim_appears_safe = advice.claim_appears_safe
        case.reviewed_at = now
        touch(case, now)
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"保全必要性审查 {case.case_number}："
            + ("申请人权利不保全亦可实现" if advice.claim_appears_safe else "存在保全必要或信息不全"),
            after={"claim_appears_safe": advice.claim_appears_safe},
        )
        return advice


def decide(db: Database, actor: Actor, form: DecisionForm, *, now: dt.datetime) -> None:
    """The judge's decision at step 1 (grant, grant in part, refuse), with reasons: the ruling."""
    actor.require(DECIDE)
    choice = chosen(Decision, text(form.decision), "请选择审查决定", field="decision")
    reasons = text(form.reasons)
    if not reasons:
        raise ValidationError("请填写决定理由", field="decision_reasons")
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.decision is not None:
            raise DeskError(f"本案已作出决定（{Decision(case.decision).label}）")
        if case.preconditions_met is False and choice.grants:
            raise ValidationError("审查表记载申请不符合保全条件，不能准予保全", field="decision")
        if not choice.grants:
            case.status, case.ruled_amount = CaseStatus.REFUSED.value, ZERO
        else:
            plan = plan_view(work.session, case, now.date())
            if plan.stage == rules.PlanStage.NONE:
                store_proposal(work, case, now)
                plan = plan_view(work.session, case, now.date())
            if not plan.selected and plan.need > 0:
                raise ValidationError("被申请人财产清单中没有可保全的财产，请先登记财产或驳回申请", field="decision")
            ruled = plan.need if choice is Decision.GRANT else min(plan.need, plan.total_preserved)
            case.status, case.ruled_amount = CaseStatus.GRANTED.value, ruled
        case.decision = choice.value
        case.decision_reasons = reasons
        case.decided_by = actor.full_name or actor.username
        case.ruled_at = now
        touch(case, now)
        event(work, case, ClockEvent.RULED, now, choice.label)
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"保全审查决定 {case.case_number}：{choice.label}",
            after={"decision": choice.value, "reasons": reasons, "ruled_amount": str(case.ruled_amount)},
        )


def reveal_id_number(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> tuple[str, str]:
    """The respondent's ID number and phone in full, for roles that may see them; audited ("view_full")."""
    actor.require(VIEW)
    if not sees_full(actor):
        raise PermissionDenied("当前角色无权查看完整证件号码和电话")
    with unit_of_work(db, actor, now) as work:
        case = get_case(work.session, actor, case_id)
        party = work.session.get(PresParty, case.respondent_id)
        assert party is not None
        work.audit("view_full", "pres_party", party.id, f"查看{party.name}的完整证件号码和电话（{case.case_number}）")
        return party.id_number, party.phone or ""
