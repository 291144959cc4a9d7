"""The online asset inquiry imported from a real workbook: good rows kept, bad ones reported."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import D, _register, shown


def test_import_assets_keeps_good_rows_and_reports_bad(db, admin, fixed_now, tmp_path):
    case_id = _register(db, admin, fixed_now)
    wb = Workbook()
    ws = wb.active
    ws.append(list(svc.IMPORT_COLUMNS))
    ws.append(["一般户", "农业银行崂山支行", "3802001", 250000.5, "一般户", "否"])
    ws.append(["房产", "不动产登记中心", "鲁(2020)001", "1,000,000", "不动产", "是"])
    ws.append(["飞机", "民航局", "B-1", "100", "飞机", "否"])
    ws.append(["账户", "青岛银行", "3802002", "很多", "基本户", "否"])
    ws.append(["工资户", "青岛银行", "3802003", 10, "农民工工资专户", "maybe"])
    path = tmp_path / "查控.xlsx"
    wb.save(path)
    report = svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), path), now=fixed_now)
    assert report.added == 2
    assert len(report.errors) == 3
    assert report.errors[0].startswith("第4行") and "飞机" in report.errors[0]
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert [(a.type, a.account_kind, a.value, a.in_operational_use) for a in assets] == [
        ("account", "general", D("250000.50"), False),
        ("real_estate", None, D("1000000.00"), True),
    ]
    again = svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), path), now=fixed_now)
    assert again.added == 0 and any("未重复导入" in e for e in again.errors)


def _house_case(db, admin, fixed_now, indivisible):  # type: ignore[no-untyped-def]
    number = f"（2026）鲁0212财保{21 if indivisible else 20}号"
    case_id = _register(db, admin, fixed_now, claim_amount="1000000", case_number=number)
    form = svc.AssetForm(
        case_id,
        shown(db, admin, case_id),
        type="real_estate",
        value="5000000",
        institution="青岛市不动产登记中心崂山分中心",
        number="鲁(2021)009",
        indivisible=indivisible,
    )
    svc.add_asset(db, admin, form, now=fixed_now)
    return case_id


def test_a_house_is_sealed_in_part_unless_marked_indivisible(db, admin, fixed_now):
    # 《财产保全规定》第十五条: the corresponding part of its value, unless indivisible.
    for indivisible, amount in ((False, D("1000000.00")), (True, D("5000000.00"))):
        case_id = _house_case(db, admin, fixed_now, indivisible)
        view = svc.propose(db, admin, svc.CaseRef(case_id, shown(db, admin, case_id)), now=fixed_now)
        assert [s.amount for s in view.selected] == [amount]
        assert svc.case_detail(db, admin, case_id, now=fixed_now).assets[0].indivisible is indivisible


def test_only_real_estate_can_be_marked_indivisible(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    form = svc.AssetForm(case_id, shown(db, admin, case_id), type="vehicle", value="100000", indivisible=True)
    with pytest.raises(ValidationError) as err:
        svc.add_asset(db, admin, form, now=fixed_now)
    assert err.value.field == "indivisible" and "不动产" in err.value.message


def test_the_import_reads_the_indivisible_column(db, admin, fixed_now, tmp_path):
    case_id = _register(db, admin, fixed_now)
    wb = Workbook()
    ws = wb.active
    ws.append(list(svc.IMPORT_COLUMNS))
    ws.append(["厂房", "不动产登记中心", "鲁(2020)002", 3000000, "不动产", "是", "是"])
    ws.append(["住宅", "不动产登记中心", "鲁(2020)003", 2000000, "不动产", "否", ""])
    path = tmp_path / "查控.xlsx"
    wb.save(path)
    report = svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), path), now=fixed_now)
    assert report.added == 2
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert [(a.number, a.indivisible) for a in assets] == [("鲁(2020)002", True), ("鲁(2020)003", False)]
