"""The online asset inquiry imported from a real workbook: good rows kept, bad ones reported."""

from __future__ import annotations

from openpyxl import Workbook

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
