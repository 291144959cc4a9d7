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
    assert report.imported == 2
    assert [(r.row, r.column) for r in report.rejected] == [(4, "类型"), (5, "余额或价值"), (6, "是否经营使用")]
    assert "飞机" in report.rejected[0].message
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert [(a.type, a.account_kind, a.value, a.in_operational_use) for a in assets] == [
        ("account", "general", D("250000.50"), False),
        ("real_estate", None, D("1000000.00"), True),
    ]
    again = svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), path), now=fixed_now)
    assert again.imported == 0 and any("未重复导入" in r.message for r in again.rejected)


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
    assert report.imported == 2
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert [(a.number, a.indivisible) for a in assets] == [("鲁(2020)002", True), ("鲁(2020)003", False)]


def test_a_hostile_workbook_is_one_message_beside_the_file(db, admin, fixed_now, tmp_path):
    # Through the one reader: a renamed text file and a sheet without the columns are refused
    # with a Chinese message, nothing stored.
    case_id = _register(db, admin, fixed_now)
    fake = tmp_path / "查控.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), fake), now=fixed_now)
    assert err.value.field == "file"
    wb = Workbook()
    wb.active.append(["名称", "金额"])
    wrong = tmp_path / "错列.xlsx"
    wb.save(wrong)
    with pytest.raises(ValidationError) as err:
        svc.import_assets(db, admin, svc.ImportForm(case_id, shown(db, admin, case_id), wrong), now=fixed_now)
    assert err.value.field == "file" and "类型" in err.value.message
    assert svc.case_detail(db, admin, case_id, now=fixed_now).assets == ()
