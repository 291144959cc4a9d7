"""The admin's calendar overrides move every deadline; Excel import keeps good rows."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, calendar
from tests.conftest import FIXED_NOW


def test_override_changes_the_one_calendar(db, admin):
    cal = calendar.work_calendar(db)
    assert cal.is_workday(dt.date(2027, 2, 10))
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2027, 2, 10), False, "春节调休"), now=FIXED_NOW)
    assert not calendar.work_calendar(db).is_workday(dt.date(2027, 2, 10))
    assert calendar.warnings(db, dt.date(2026, 11, 25))
    calendar.confirm_year(db, admin, calendar.YearConfirmation(2027), now=FIXED_NOW)
    assert calendar.warnings(db, dt.date(2026, 11, 25)) == []
    calendar.remove_override(db, admin, calendar.OverrideRemoval(dt.date(2027, 2, 10)), now=FIXED_NOW)
    assert calendar.work_calendar(db).is_workday(dt.date(2027, 2, 10))


def test_clerks_may_not_edit_the_calendar(db, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    with pytest.raises(PermissionDenied):
        calendar.set_override(db, clerk, calendar.OverrideForm(dt.date(2027, 1, 2), True), now=FIXED_NOW)


def test_import_reports_bad_rows_and_keeps_good_ones(db, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "说明"])
    ws.append([dt.date(2027, 2, 20), "上班", "春节调休"])
    ws.append(["2027-02-11", "休息", "春节"])
    ws.append(["2027-13-01", "休息", "错误日期"])
    ws.append(["2027-02-12", "加班", "错误类型"])
    path = tmp_path / "cal.xlsx"
    wb.save(path)
    report = calendar.import_overrides(db, admin, path, now=FIXED_NOW)
    assert report.imported == 2
    assert [(r.row, r.column) for r in report.rejected] == [(4, "日期"), (5, "类型")]
    cal = calendar.work_calendar(db)
    assert cal.is_workday(dt.date(2027, 2, 20)) and not cal.is_workday(dt.date(2027, 2, 11))


def test_import_of_an_unreadable_file_is_refused(db, admin, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("hello")
    with pytest.raises(ValidationError):
        calendar.import_overrides(db, admin, path, now=FIXED_NOW)


def test_import_updates_refuses_repeats_and_cleans_text(db, admin, tmp_path):
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2027, 2, 11), True, "旧的"), now=FIXED_NOW)
    wb = Workbook()
    ws = wb.active
    ws.append(["说明", "日期", "类型"])  # columns found by header, in any order
    ws.append(["春节\t放假", "2027-02-11", "休息"])
    ws.append(["新的", dt.datetime(2027, 2, 12, 0, 0), "放假"])
    ws.append(["重复", "2027-02-12", "上班"])
    ws.append(["太早", "1900-01-01", "上班"])
    ws.append(["长" * 101, "2027-02-13", "上班"])
    path = tmp_path / "cal.xlsx"
    wb.save(path)
    report = calendar.import_overrides(db, admin, path, now=FIXED_NOW)
    assert (report.imported, report.updated) == (1, 1)
    assert [(r.row, r.column) for r in report.rejected] == [(4, "日期"), (5, "日期"), (6, "说明")]
    assert "与第 3 行重复" in report.rejected[0].message and "超出" in report.rejected[1].message
    assert report.as_json() == {
        "imported": 1,
        "updated": 1,
        "conflicts": [],
        "rejected": [{"row": r.row, "column": r.column, "message": r.message} for r in report.rejected],
    }
    assert report.summary().startswith("新增 1 条，更新 1 条")
    notes = {o.day: o.note for o in calendar.list_overrides(db, 2027)}
    assert notes == {dt.date(2027, 2, 11): "春节 放假", dt.date(2027, 2, 12): "新的"}
    rows, _ = audit.page(db, admin, limit=2)
    assert rows[1].before == {"is_workday": True, "note": "旧的"}  # the update kept what it replaced


def test_clerks_may_not_import(db, make_user, tmp_path):
    clerk = make_user(Role.WINDOW_CLERK)
    with pytest.raises(PermissionDenied):
        calendar.import_overrides(db, clerk, tmp_path / "whatever.xlsx", now=FIXED_NOW)
