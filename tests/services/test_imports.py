"""The one import report and the batches imports commit in (real SQLite, real audit chain)."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import BusyError, ValidationError
from laoshan_desk.services import audit, calendar
from laoshan_desk.services.imports import ImportBuilder, ImportReport, Rejected, commit_in_batches
from laoshan_desk.store.models import CalendarOverride
from tests.conftest import FIXED_NOW


def _apply(work, row, day):  # type: ignore[no-untyped-def]
    work.session.add(CalendarOverride(day=day, is_workday=True, note=f"第{row}行"))
    work.audit("create", "calendar_override", day.isoformat(), f"导入第 {row} 行")
    work.session.flush()
    if row == 4:
        raise ValidationError("此行在写入时被拒绝", field="day")
    return "imported"


def test_a_row_refused_while_writing_leaves_nothing_and_its_batch_commits(db, admin):
    rows = [(n, dt.date(2031, 1, n)) for n in range(2, 9)]
    report = ImportBuilder({"day": "日期"})
    commits = []
    commit_in_batches(
        db, admin, rows, _apply, now=FIXED_NOW, report=report, size=3, after_batch=lambda: commits.append(1)
    )
    built = report.build()
    assert built == ImportReport(6, 0, (), (Rejected(4, "日期", "此行在写入时被拒绝"),))
    assert len(commits) == 3  # 7 rows in batches of 3
    days = [o.day.day for o in calendar.list_overrides(db, 2031)]
    assert days == [2, 3, 5, 6, 7, 8]
    assert audit.verify_chain(db, admin, now=FIXED_NOW).ok
    _, total = audit.page(db, admin, text="导入第 4 行", limit=1)
    assert total == 0  # the refused row's audit record went with it


def test_any_desk_error_raised_by_apply_rejects_only_its_row(db, admin):
    rows = [(n, dt.date(2032, 1, n)) for n in range(2, 8)]
    report = ImportBuilder()

    def apply(work, row, day):  # type: ignore[no-untyped-def]
        if row == 6:
            raise BusyError("数据库正忙（另一台窗口正在导入），请稍后重试")
        work.session.add(CalendarOverride(day=day, is_workday=False, note=""))
        return "imported"

    commit_in_batches(db, admin, rows, apply, now=FIXED_NOW, report=report, size=2)
    assert [r.row for r in report.build().rejected] == [6] and report.build().imported == 5
    assert len(calendar.list_overrides(db, 2032)) == 5


def test_report_lines_list_the_first_problems_and_count_the_rest():
    builder = ImportBuilder()
    for n in range(2, 30):
        builder.reject(n, "日期", "日期无法识别")
    builder.conflict(40, "LS001", "已在窗口办结，导入未覆盖")
    report = builder.build()
    lines = report.lines(limit=5)
    assert lines[0] == "第 40 行（LS001）：已在窗口办结，导入未覆盖" and lines[1].startswith("第 2 行 [日期]")
    assert lines[-1] == "……另有 24 行，见导出的完整报告"
    assert report.as_json()["conflicts"] == [{"row": 40, "key": "LS001", "message": "已在窗口办结，导入未覆盖"}]


def test_a_held_lock_raises_busy_and_keeps_earlier_batches(db, admin, monkeypatch, tmp_path):
    import sqlite3

    from laoshan_desk.store import db as store_db
    from laoshan_desk.store.db import Database

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 200)
    short = Database(db.url)
    rows = [(n, dt.date(2033, 1, n)) for n in range(2, 8)]
    report = ImportBuilder()
    blocker: list[sqlite3.Connection] = []

    def after_batch() -> None:
        if not blocker:  # another desk takes the write lock after the first batch
            con = sqlite3.connect(db.sqlite_path, isolation_level=None)
            con.execute("BEGIN IMMEDIATE")
            blocker.append(con)

    def apply(work, row, day):  # type: ignore[no-untyped-def]
        work.session.add(CalendarOverride(day=day, is_workday=False, note=""))
        return "imported"

    try:
        with pytest.raises(BusyError):
            commit_in_batches(short, admin, rows, apply, now=FIXED_NOW, report=report, size=2, after_batch=after_batch)
    finally:
        for con in blocker:
            con.execute("ROLLBACK")
            con.close()
        short.dispose()
    assert report.build().imported == 2
    assert [o.day.day for o in calendar.list_overrides(db, 2033)] == [2, 3]


def test_check_rows_rejects_unreadable_refused_repeated_and_capped_rows(tmp_path):
    from openpyxl import Workbook

    from laoshan_desk.documents.excel_read import read_sheet

    wb = Workbook()
    ws = wb.active
    ws.append(["编码", "名称"])
    for row in (["A1", "甲"], ["A2", ""], ["A1", "丙"], ["A3", "=1+1"], ["A4", "丁"], ["A5", "戊"], ["A6", "己"]):
        ws.append(row)
    path = tmp_path / "rows.xlsx"
    wb.save(path)

    def check(values):  # type: ignore[no-untyped-def]
        if not values["名称"]:
            raise ValidationError("名称不能为空", field="name")
        return (values["编码"], values["名称"])

    report = ImportBuilder({"name": "名称"})
    sheet = read_sheet(path, ["编码", "名称"], required=["编码"], max_rows=6)
    good = report.check_rows(sheet, check, unique=lambda item: f"编码 {item[0]}", unique_column="编码")
    assert good == [(2, ("A1", "甲")), (6, ("A4", "丁")), (7, ("A5", "戊"))]
    rejected = report.build().rejected
    assert [(r.row, r.column) for r in rejected] == [(3, "名称"), (4, "编码"), (5, "名称"), (8, "")]
    assert rejected[0].message == "名称不能为空"
    assert rejected[1].message == "编码 A1 与第 2 行重复"
    assert "公式" in rejected[2].message
    assert rejected[3].message == "超过 6 行的部分未读取"
