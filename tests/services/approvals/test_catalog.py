"""Catalog admin and its Excel round trip."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import Workbook, load_workbook

from laoshan_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import approvals as svc
from tests.services.approvals.helpers import NOW


# -- catalog admin and Excel -------------------------------------------------------------------
def test_catalog_edit_is_for_admins(db, admin, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    row = svc.get_item(db, admin, "SP001")
    data = dataclasses.replace(row.as_form(), committed_days=2)
    with pytest.raises(PermissionDenied):
        svc.save_item(db, clerk, data, now=NOW)
    saved = svc.save_item(db, admin, data, now=NOW)
    assert saved.committed_days == 2
    with pytest.raises(ConflictError):
        svc.save_item(db, admin, data, now=NOW)
    with pytest.raises(ValidationError, match="前置事项循环"):
        svc.save_item(db, admin, dataclasses.replace(data, prerequisites=("SP006",), version=None), now=NOW)
    with pytest.raises(ValidationError, match="不能以自身为前置事项"):
        svc.save_item(db, admin, dataclasses.replace(data, prerequisites="SP001", version=None), now=NOW)


def test_a_new_item_with_a_code_in_use_is_refused(db, admin):
    """A "new item" (no version seen) whose code exists does not overwrite the existing item."""
    before = svc.get_item(db, admin, "SP001")
    form = dataclasses.replace(before.as_form(), name="另一个事项", version=None)
    with pytest.raises(ValidationError) as err:
        svc.save_item(db, admin, form, now=NOW)
    assert err.value.field == "code" and "SP001" in err.value.message and "已被" in err.value.message
    after = svc.get_item(db, admin, "SP001")
    assert (after.name, after.version) == (before.name, before.version)


def test_withdrawing_an_item_from_the_menu(db, admin):
    row = svc.get_item(db, admin, "SP002")
    svc.set_active(db, admin, svc.ActiveForm("SP002", False, row.version), now=NOW)
    assert not svc.get_item(db, admin, "SP002").active
    assert "SP002" not in {r.code for r in svc.list_catalog(db, admin, include_inactive=False)}
    with pytest.raises(ConflictError):
        svc.set_active(db, admin, svc.ActiveForm("SP002", True, row.version), now=NOW)


def test_catalog_excel_round_trip_keeps_good_rows_and_reports_bad(db, admin, tmp_path):
    path = svc.export_excel(db, admin, tmp_path / "catalog.xlsx", now=NOW)
    wb = load_workbook(path)
    ws = wb.active
    assert ws.max_row == 85 and ws["A1"].value == "事项编码"
    ws["B2"] = "企业设立登记（营业执照）（改）"
    ws.append(
        [
            "SP900",
            "新增事项",
            "区行政审批服务局",
            "开业经营",
            5,
            "工作日",
            3,
            "申请书",
            "《某条例》",
            "SP001",
            "是",
            "否",
            "",
            "0",
            "是",
        ]
    )
    ws.append(
        ["SP901", "坏事项", "区行政审批服务局", "", 3, "工作日", 5, "", "", "", "是", "否", "", "0", "是"]
    )  # committed > statutory
    ws.append(
        ["SP902", "前置不存在", "区行政审批服务局", "", 5, "工作日", 3, "", "", "SP999", "是", "否", "", "0", "是"]
    )
    wb.save(path)
    report = svc.import_excel(db, admin, path, now=NOW)
    assert report.imported == 1 and report.updated == 84
    assert [(r.row, r.column) for r in report.rejected] == [(87, "承诺时限（工作日）"), (88, "前置事项")]
    assert "承诺时限" in report.rejected[0].message and "SP999" in report.rejected[1].message
    assert svc.get_item(db, admin, "SP001").name.endswith("（改）")
    assert svc.get_item(db, admin, "SP900").prerequisites == ("SP001",)
    with pytest.raises(NotFound):
        svc.get_item(db, admin, "SP901")
    # the kinds of limit survive the round trip; an item with none exports an empty cell, not 0
    assert svc.get_item(db, admin, "SP006").statutory_text == "无法定时限"
    assert svc.get_item(db, admin, "SP008").statutory_text == "7日（自然日）"
    assert svc.get_item(db, admin, "SP900").unverified == ("《某条例》",)  # typed in: 未核验
    headers = [c.value for c in ws[1]]
    assert "法定时限" in headers and "法定时限（工作日）" not in headers and "时限类型" in headers
    sp006 = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "SP006")
    assert sp006[headers.index("法定时限")] is None and sp006[headers.index("时限类型")] == "无法定时限"


def test_catalog_import_names_each_bad_cell_and_reads_an_old_export(db, admin, tmp_path):
    """The catalog import goes through the desk's one reader: a formula without a result, a bad
    yes/no and a code listed twice are each reported with row and column; the header of an
    export made before the kinds of limit (法定时限（工作日）) still reads; nothing bad is stored."""
    wb = Workbook()
    ws = wb.active
    ws.append(["事项编码", "事项名称", "实施部门", "法定时限（工作日）", "承诺时限（工作日）", "材料预审"])
    ws.append(["SP950", "旧表事项", "区行政审批服务局", 10, 5, "是"])
    ws.append(["SP951", '=CONCAT("坏","事项")', "区行政审批服务局", 10, 5, "是"])
    ws.append(["SP952", "预审写错", "区行政审批服务局", 10, 5, "也许"])
    ws.append(["SP950", "重复编码", "区行政审批服务局", 10, 5, "否"])
    path = tmp_path / "old.xlsx"
    wb.save(path)
    report = svc.import_excel(db, admin, path, now=NOW)
    assert report.imported == 1 and report.updated == 0
    assert [(r.row, r.column) for r in report.rejected] == [(3, "事项名称"), (4, "材料预审"), (5, "事项编码")]
    assert "公式" in report.rejected[0].message and "第 2 行" in report.rejected[2].message
    item = svc.get_item(db, admin, "SP950")
    assert item.statutory_text.startswith("10") and item.name == "旧表事项"
    for code in ("SP951", "SP952"):
        with pytest.raises(NotFound):
            svc.get_item(db, admin, code)
    assert report.summary() == "新增 1 条，更新 0 条，未导入 3 行"


def test_catalog_import_refuses_a_file_that_is_not_a_workbook(db, admin, tmp_path):
    path = tmp_path / "catalog.xlsx"
    path.write_text("事项编码,事项名称\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        svc.import_excel(db, admin, path, now=NOW)
