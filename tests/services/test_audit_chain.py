"""The audit chain: every change recorded; an edited, deleted or truncated record is detected."""

from __future__ import annotations

from sqlalchemy import text

from laoshan_desk.services import audit, calendar
from tests.conftest import FIXED_NOW


def _some_changes(db, admin):
    for day in (3, 4, 5):
        calendar.set_override(
            db, admin, calendar.OverrideForm(FIXED_NOW.date().replace(day=day), False, f"测试{day}"), now=FIXED_NOW
        )


def test_chain_is_whole_after_ordinary_work(db, admin):
    _some_changes(db, admin)
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert report.ok, report.message
    rows, total = audit.page(db, admin, limit=50)
    assert total == report.checked >= 5
    assert rows[0].summary.startswith("日历：") and rows[0].after == {"is_workday": False, "note": "测试5"}


def test_edited_record_is_detected(db, admin):
    _some_changes(db, admin)
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_record SET summary = '无事发生' WHERE seq = 3"))
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert not report.ok and report.first_bad_seq == 3 and "篡改" in report.message


def test_deleted_record_is_detected(db, admin):
    _some_changes(db, admin)
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_record WHERE seq = 2"))
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert not report.ok and report.first_bad_seq == 2 and "删除" in report.message


def test_deleting_the_newest_records_is_detected(db, admin):
    _some_changes(db, admin)
    with db.engine.begin() as c:
        top = c.execute(text("SELECT max(seq) FROM audit_record")).scalar()
        c.execute(text("DELETE FROM audit_record WHERE seq = :s"), {"s": top})
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert not report.ok and "删除" in report.message


def test_a_failed_write_leaves_no_audit_record(db, admin):
    before = audit.page(db, admin, limit=1)[1]
    try:
        with __import__("laoshan_desk.services.uow", fromlist=["x"]).unit_of_work(db, admin, FIXED_NOW) as work:
            work.audit("create", "thing", None, "半途而废")
            raise RuntimeError("crash mid-transaction")
    except RuntimeError:
        pass
    assert audit.page(db, admin, limit=1)[1] == before
