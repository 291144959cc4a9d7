"""The admin's calendar overrides move every deadline; Excel import keeps good rows."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import calendar


def test_override_changes_the_one_calendar(db, admin):
    cal = calendar.work_calendar(db)
    assert cal.is_workday(dt.date(2027, 2, 10))
    calendar.set_override(db, admin, dt.date(2027, 2, 10), False, "春节调休")
    assert not calendar.work_calendar(db).is_workday(dt.date(2027, 2, 10))
    assert calendar.warnings(db, dt.date(2026, 11, 25))
    calendar.confirm_year(db, admin, 2027)
    assert calendar.warnings(db, dt.date(2026, 11, 25)) == []
    calendar.remove_override(db, admin, dt.date(2027, 2, 10))
    assert calendar.work_calendar(db).is_workday(dt.date(2027, 2, 10))


def test_clerks_may_not_edit_the_calendar(db, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    with pytest.raises(PermissionDenied):
        calendar.set_override(db, clerk, dt.date(2027, 1, 2), True)


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
    report = calendar.import_overrides(db, admin, path)
    assert report.imported == 2
    assert [row for row, _ in report.rejected] == [4, 5]
    cal = calendar.work_calendar(db)
    assert cal.is_workday(dt.date(2027, 2, 20)) and not cal.is_workday(dt.date(2027, 2, 11))


def test_import_of_an_unreadable_file_is_refused(db, admin, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("hello")
    with pytest.raises(ValidationError):
        calendar.import_overrides(db, admin, path)
