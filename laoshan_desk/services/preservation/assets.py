"""The respondent's assets: typed at the counter or imported from the online asset inquiry."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound, ValidationError
from laoshan_desk.domain.preservation import (
    AccountKind,
    AssetType,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import EDIT, _as_bool, _asset_row, _assets, _get_case, _text
from laoshan_desk.services.preservation.rows import ImportReport
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresSelection,
)

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
