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
