"""``preservation plan FILE.json``: a case with its assets and guarantees and its plan, in one transaction.

Every field goes through the same checks as at the counter (:func:`.cases.register`,
:func:`.assets.add_to_case`, the domain's :class:`Guarantee`); any bad field raises before
anything is stored, with the item it belongs to named in the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation import AssetSource, GuaranteeType
from laoshan_desk.domain.timeutil import parse_date, parse_datetime
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.assets import AssetFields, add_to_case
from laoshan_desk.services.preservation.cases import register
from laoshan_desk.services.preservation.common import EDIT, text
from laoshan_desk.services.preservation.forms import Amount, CaseForm
from laoshan_desk.services.preservation.plan import store_proposal
from laoshan_desk.services.preservation.release import new_guarantee
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase

_CASE_KEYS = ("case_number", "kind", "applicant", "respondent", "respondent_id", "claim_amount", "received_at")
_ASSET_KEYS = {
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
    "indivisible",
    "disputed",
}


def _require_keys(data: dict[str, object], keys: Sequence[str], where: str) -> None:
    for key in keys:
        if key not in data or data[key] in (None, ""):
            raise ValidationError(f"{where}缺少字段“{key}”", field=key)


def _amount(value: object) -> Amount:
    """A JSON amount as the checks take it: a string or a whole number as is, anything else as text."""
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        return value
    return str(value)


def _objects(value: object, name: str) -> list[dict[str, object]]:
    if not isinstance(value, list):
        raise ValidationError("assets 和 guarantees 应为数组", field="assets")
    for i, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            raise ValidationError(f"{name}第{i}项应为对象", field=name)
    return value


def plan_from_json(db: Database, actor: Actor, data: object, *, now: dt.datetime) -> dict[str, object]:
    """Register the case with its assets and guarantees, propose the plan, return the CLI's JSON."""
    actor.require(EDIT)
    if not isinstance(data, dict):
        raise ValidationError("文件内容应为JSON对象", field="file")
    _require_keys(data, _CASE_KEYS, "文件")
    assets = _objects(data.get("assets", []), "assets")
    guarantees = _objects(data.get("guarantees") or [], "guarantees")
    if not isinstance(data["received_at"], str):
        raise ValidationError("received_at 格式应为 YYYY-MM-DD HH:MM", field="received_at")
    received = parse_datetime(data["received_at"], "received_at")
    enterprise = data.get("enterprise")
    form = CaseForm(
        case_number=text(data["case_number"]),
        kind=text(data["kind"]),
        applicant=text(data["applicant"]),
        respondent=text(data["respondent"]),
        respondent_id=text(data["respondent_id"]),
        claim_amount=_amount(data["claim_amount"]),
        received_at=received,
        enterprise=None if enterprise is None else bool(enterprise),
        urgent=bool(data.get("urgent", False)),
        cause=text(data.get("cause")),
    )
    with unit_of_work(db, actor, now) as work:
        case = register(work, form, filed_at=max(received, now))
        for i, entry in enumerate(assets, start=1):
            _add_asset(work.session, case, i, entry)
        for i, entry in enumerate(guarantees, start=1):
            _add_guarantee(work.session, case, i, entry, received)
        work.session.flush()
        plan = store_proposal(work, case, received.date())
        deadlines = rules.plan_deadlines(case.kind, received, calendar=work_calendar(db))
        lawsuit = deadlines["lawsuit_due"]
        full = plan.as_dict()
        result: dict[str, object] = {
            "need": full["need"],
            "selected": full["selected"],
            "excluded": full["excluded"],
            "total_preserved": full["total_preserved"],
            "covers_claim": full["covers_claim"],
            "over_scope": full["over_scope"],
            "needs_approval": full["needs_approval"],
            "deadlines": {
                "ruling_due": deadlines["ruling_due"],
                "lawsuit_due": None if lawsuit is None else f"{lawsuit} 23:59",
            },
        }
        work.audit("create", "pres_case", case.id, f"命令行生成保全方案 {case.case_number}", after=result)
        return result


def _add_asset(session: Session, case: PresCase, i: int, entry: dict[str, object]) -> None:
    _require_keys(entry, ["id", "type", "value"], f"assets第{i}项")
    unknown = set(entry) - _ASSET_KEYS
    if unknown:
        raise ValidationError(f"assets第{i}项有无法识别的字段：{'、'.join(sorted(unknown))}", field="assets")
    kind = entry.get("account_kind")
    fields = AssetFields(
        type=text(entry["type"]),
        value=_amount(entry["value"]),
        account_kind=None if kind is None else text(kind),
        in_operational_use=entry.get("in_operational_use", False),
        protected=entry.get("protected", False),
        description=text(entry.get("description")),
        institution=text(entry.get("institution")),
        number=text(entry.get("number")),
        protected_reason=text(entry.get("protected_reason")),
        indivisible=entry.get("indivisible", False),
        disputed=entry.get("disputed", False),
    )
    try:
        add_to_case(session, case.id, fields, code=text(entry["id"]), source=AssetSource.CLI, sort_order=i)
        session.flush()
    except ValidationError as exc:
        raise ValidationError(f"assets第{i}项（{entry['id']}）：{exc.message}", field=exc.field) from None


def _add_guarantee(session: Session, case: PresCase, i: int, entry: dict[str, object], given_at: dt.datetime) -> None:
    _require_keys(entry, ["type", "amount", "valid_until"], f"guarantees第{i}项")
    try:
        g = rules.Guarantee(
            type=rules.member(GuaranteeType, text(entry["type"]), "guarantees.type", "担保类型"),
            amount=rules.money(entry["amount"], field="guarantees.amount"),
            valid_until=parse_date(text(entry["valid_until"]), "valid_until"),
            issuer=text(entry.get("issuer")),
            number=text(entry.get("number")),
        )
    except ValidationError as exc:
        raise ValidationError(f"guarantees第{i}项：{exc.message}", field=exc.field) from None
    new_guarantee(session, case, g, given_at=given_at)
