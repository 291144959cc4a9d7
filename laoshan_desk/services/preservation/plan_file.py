"""``preservation plan FILE.json``: a case with its assets and guarantees and its plan, in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.assets import _new_asset
from laoshan_desk.services.preservation.cases import _register
from laoshan_desk.services.preservation.common import EDIT, _text
from laoshan_desk.services.preservation.plan import _domain_plan, _store_notes, _store_selections
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresGuarantee,
)

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
