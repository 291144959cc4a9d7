"""Catalog admin and its Excel round trip."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from laoshan_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import approvals as svc


# -- catalog admin and Excel -------------------------------------------------------------------
def test_catalog_edit_is_for_admins(db, admin, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    row = svc.get_item(db, "SP001")
    data = {**row.__dict__, "committed_days": 2}
    with pytest.raises(PermissionDenied):
        svc.save_item(db, clerk, data)
    saved = svc.save_item(db, admin, data, version=row.version)
    assert saved.committed_days == 2
    with pytest.raises(ConflictError):
        svc.save_item(db, admin, data, version=row.version)
    with pytest.raises(ValidationError, match="前置事项循环"):
        svc.save_item(db, admin, {**data, "prerequisites": ["SP006"]})


def test_catalog_excel_round_trip_keeps_good_rows_and_reports_bad(db, admin, tmp_path):
    path = svc.export_excel(db, admin, tmp_path / "svc.xlsx")
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
        ["SP901", "坏事项", "区行政审批服务局", "", 3, 5, "", "", "", "是", "否", "", "0", "是"]
    )  # committed > statutory
    ws.append(["SP902", "前置不存在", "区行政审批服务局", "", 5, 3, "", "", "SP999", "是", "否", "", "0", "是"])
    wb.save(path)
    report = svc.import_excel(db, admin, path)
    assert report.created == 1 and report.updated == 84
    assert [n for n, _ in report.rejected] == [87, 88]
    assert "承诺时限" in report.rejected[0][1] and "SP999" in report.rejected[1][1]
    assert svc.get_item(db, "SP001").name.endswith("（改）")
    assert svc.get_item(db, "SP900").prerequisites == ("SP001",)
    with pytest.raises(NotFound):
        svc.get_item(db, "SP901")
