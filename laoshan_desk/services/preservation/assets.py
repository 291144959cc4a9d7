"""The respondent's assets: typed at the counter, or imported from the online asset inquiry.

Both ways go through :func:`add_to_case`, so an import never accepts what the counter refuses
(the domain's :class:`~laoshan_desk.domain.preservation.Asset` checks every one). The asset list
is closed once measures are taken.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from laoshan_desk.documents.excel_read import read_sheet
from laoshan_desk.documents.preservation.workbook import INQUIRY_COLUMNS, INQUIRY_REQUIRED
from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.preservation import AccountKind, AssetSource, AssetType
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportBuilder, ImportReport
from laoshan_desk.services.preservation.common import (
    EDIT,
    asset_row,
    assets_of,
    case_for_write,
    check_plan_open,
    check_version,
    get_case,
    text,
    touch,
)
from laoshan_desk.services.preservation.forms import Amount, AssetForm, AssetRemoval, ImportForm
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresAsset, PresSelection

IMPORT_COLUMNS = INQUIRY_COLUMNS


@dataclasses.dataclass(frozen=True)
class AssetFields:
    """An asset as any of the three ways in (counter, import, JSON file) gives it."""

    type: AssetType | str
    value: Amount
    account_kind: AccountKind | str | None = None
    institution: str = ""
    number: str = ""
    description: str = ""
    in_operational_use: object = False  # a bool, or 是/否 from a sheet
    protected: object = False
    protected_reason: str = ""
    indivisible: object = False  # real estate not to be sealed in part (《财产保全规定》第十五条)
    disputed: object = False  # the disputed property itself (争议标的物, 《财产保全规定》第二十二条)


def _next_code(session: Session, case_id: uuid.UUID, prefix: str = "A") -> str:
    codes = set(session.scalars(select(PresAsset.code).where(PresAsset.case_id == case_id)))
    n = len(codes) + 1
    while f"{prefix}{n}" in codes:
        n += 1
    return f"{prefix}{n}"


def add_to_case(
    session: Session, case_id: uuid.UUID, fields: AssetFields, *, code: str, source: AssetSource, sort_order: int
) -> PresAsset:
    """Check one asset by the domain's rules and add it to the case (``code`` empty: the next A…)."""
    code = text(code) or _next_code(session, case_id)
    if session.scalar(select(PresAsset.id).where(PresAsset.case_id == case_id, PresAsset.code == code)):
        raise ValidationError(f"财产编号“{code}”重复", field="code")
    # The domain's order of checks: the type, the value, then the account kind.
    kind = rules.member(AssetType, text(fields.type), "assets.type", "财产类型")
    value = rules.money(fields.value, field="assets.value")
    account = None
    if text(fields.account_kind):
        account = rules.member(AccountKind, text(fields.account_kind), "assets.account_kind", "账户性质")
    checked = rules.Asset(
        id=code,
        type=kind,
        account_kind=account,
        value=value,
        in_operational_use=rules.yes_no(fields.in_operational_use, "in_operational_use"),
        protected=rules.yes_no(fields.protected, "protected"),
        description=text(fields.description),
        protected_reason=text(fields.protected_reason),
        indivisible=rules.yes_no(fields.indivisible, "indivisible"),
        disputed=rules.yes_no(fields.disputed, "disputed"),
    )
    if checked.indivisible and checked.type is not AssetType.REAL_ESTATE:
        raise ValidationError("只有不动产可以标记为“不可分割”，其他财产本就整体查封", field="indivisible")
    asset = PresAsset(
        case_id=case_id,
        code=checked.id,
        type=checked.type.value,
        account_kind=checked.account_kind.value if checked.account_kind else None,
        institution=text(fields.institution) or None,
        number=text(fields.number) or None,
        description=checked.description or None,
        value=checked.value,
        in_operational_use=checked.in_operational_use,
        protected=checked.protected,
        protected_reason=checked.protected_reason or None,
        indivisible=checked.indivisible,
        disputed=checked.disputed,
        source=source.value,
        sort_order=sort_order,
    )
    session.add(asset)
    return asset


def add_asset(db: Database, actor: Actor, form: AssetForm, *, now: dt.datetime) -> uuid.UUID:
    """登记财产: one asset typed at the counter."""
    actor.require(EDIT)
    fields = AssetFields(
        type=form.type,
        value=form.value,
        account_kind=form.account_kind,
        institution=form.institution,
        number=form.number,
        description=form.description,
        in_operational_use=form.in_operational_use,
        protected=form.protected,
        protected_reason=form.protected_reason,
        indivisible=form.indivisible,
        disputed=form.disputed,
    )
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        check_plan_open(case)
        asset = add_to_case(work.session, case.id, fields, code=form.code, source=AssetSource.TYPED, sort_order=0)
        work.session.flush()
        touch(case, now)
        work.audit("create", "pres_asset", asset.id, f"登记被申请人财产 {case.case_number}：{asset_row(asset).label}")
        return asset.id


def remove_asset(db: Database, actor: Actor, form: AssetRemoval, *, now: dt.datetime) -> None:
    """Take an asset off the list (and out of any plan) before measures are taken."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        asset = work.session.get(PresAsset, form.asset_id)
        if asset is None:
            raise NotFound("财产不存在")
        case = get_case(work.session, actor, asset.case_id)
        check_version(case, form.version)
        check_plan_open(case)
        label = asset_row(asset).label
        work.session.execute(delete(PresSelection).where(PresSelection.asset_id == asset.id))
        work.session.delete(asset)
        touch(case, now)
        work.audit("delete", "pres_asset", form.asset_id, f"删除被申请人财产 {case.case_number}：{label}")


def _inquiry_row(values: dict[str, object]) -> AssetFields:
    """One row of the inquiry export as asset fields; its kind word and amount checked."""
    word = text(values.get("类型"))
    kind = rules.asset_kind_from_word(word)
    if kind is None:
        raise ValidationError(f"类型“{word}”无法识别（如{rules.ASSET_KIND_EXAMPLES}）", field="assets.type")
    value: Decimal = rules.money(values.get("余额或价值"), field="value")
    return AssetFields(
        type=kind[0],
        account_kind=kind[1],
        value=value,
        description=text(values.get("账户或财产")),
        institution=text(values.get("银行或登记机关")),
        number=text(values.get("账号或编号")),
        in_operational_use=rules.yes_no(values.get("是否经营使用"), "in_operational_use"),
        indivisible=rules.yes_no(values.get("是否不可分割"), "indivisible"),
    )


# The validators' fields as the inquiry sheet's columns, for the report.
_IMPORT_FIELDS = {
    "assets.type": "类型",
    "type": "类型",
    "value": "余额或价值",
    "assets.value": "余额或价值",
    "assets.account_kind": "类型",
    "in_operational_use": "是否经营使用",
    "indivisible": "是否不可分割",
    "code": "账号或编号",
}
IMPORT_MAX_ROWS = 2000  # a respondent's inquiry result has dozens of lines; far more is not one


def import_assets(db: Database, actor: Actor, form: ImportForm, *, now: dt.datetime) -> ImportReport:
    """Import the online asset inquiry results through the one reader; bad rows are reported
    (:class:`ImportReport` ``rejected``), good ones kept, an asset already listed not repeated."""
    actor.require(EDIT)
    path = Path(form.path)
    sheet = read_sheet(path, INQUIRY_COLUMNS, required=INQUIRY_REQUIRED, max_rows=IMPORT_MAX_ROWS)
    report = ImportBuilder(_IMPORT_FIELDS)
    good = report.check_rows(sheet, _inquiry_row, refuses=ValidationError)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        check_plan_open(case)
        known = {(a.institution or "", a.number or "") for a in assets_of(work.session, case.id) if a.number}
        start = len(known)
        for row, fields in good:
            if fields.number and (fields.institution, fields.number) in known:
                report.reject(row, "账号或编号", f"{fields.institution}{fields.number}已在财产清单中，未重复导入")
                continue
            try:
                add_to_case(
                    work.session,
                    case.id,
                    fields,
                    code="",
                    source=AssetSource.IMPORT,
                    sort_order=start + report.imported,
                )
                work.session.flush()
            except ValidationError as exc:
                report.reject_error(row, exc)
                continue
            known.add((fields.institution, fields.number))
            report.count("imported")
        touch(case, now)
        result = report.build()
        work.audit(
            "import",
            "pres_asset",
            case.id,
            f"导入网络查控财产 {case.case_number}：{result.imported}项，{len(result.rejected)}行未导入",
            after={"file": path.name, **result.as_json()},
        )
    return result
