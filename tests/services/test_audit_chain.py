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


def _anchor_lines() -> int:
    from laoshan_desk.services import audit_key

    path = audit_key.anchor_path()
    return len(path.read_text("utf-8").splitlines()) if path.exists() else 0


def test_a_savepoint_anchors_nothing_and_a_rolled_back_transaction_leaves_no_false_alarm(db, admin):
    """A record written inside a savepoint (an import's row) is anchored with its transaction's
    commit, never at the savepoint's: a later rollback must not leave an anchor of a head that
    never committed (the next verification would say the newest records were deleted)."""
    from laoshan_desk.services.uow import unit_of_work

    _some_changes(db, admin)
    lines = _anchor_lines()
    try:
        with unit_of_work(db, admin, FIXED_NOW) as work:
            for i in range(3):
                with work.session.begin_nested():  # as commit_in_batches runs each row
                    work.audit("create", "thing", None, f"第{i}行")
            assert _anchor_lines() == lines  # no anchor before the transaction commits
            raise RuntimeError("the batch fails after its rows")
    except RuntimeError:
        pass
    assert _anchor_lines() == lines
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert report.ok, report.message


def test_a_rolled_back_savepoint_leaves_the_transactions_records_anchored(db, admin):
    from laoshan_desk.services import audit_chain, audit_key
    from laoshan_desk.services.uow import unit_of_work

    _some_changes(db, admin)
    lines = _anchor_lines()
    with unit_of_work(db, admin, FIXED_NOW) as work:
        work.audit("create", "thing", None, "留下的一行")
        try:
            with work.session.begin_nested():  # a rejected row
                work.audit("create", "thing", None, "被拒的一行")
                raise ValueError("rejected")
        except ValueError:
            pass
    assert _anchor_lines() == lines + 1  # one anchor, at the commit
    head = audit.page(db, admin, limit=1)[0][0]
    key = audit_key.load_key(create=False)
    with db.session() as s:
        latest = audit_key.read_anchors(key, audit_chain.database_id(s), audit_chain.location(s)).latest
    assert latest is not None and latest.seq == head.seq
