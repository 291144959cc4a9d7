"""What every preservation service shares: permissions, vocabularies, row scope, masking, row builders."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.identifiers import (
    mask_id_card,
    mask_phone,
    normalize_uscc,
    parse_resident_id,
)
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.preservation import (
    AccountKind,
    AssetType,
    CaseKind,
    GuaranteeType,
)
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.rows import AssetRow, CaseRow
from laoshan_desk.services.uow import Work
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresClockEvent,
    PresGuarantee,
    PresMeasure,
    PresParty,
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
