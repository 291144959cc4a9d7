"""What a platform import may change of an appeal already at the desk (docs/rules/appeals.md
§appeals-import): the desk's work is never overwritten, handling only moves forward, every changed
field is audited before and after, a rerun changes nothing, and a long file commits in batches."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import imports, org
from laoshan_desk.services.appeals.exchange import import_appeals
from laoshan_desk.store.models.appeals import Appeal, AppealEvent
from laoshan_desk.store.models.audit import AuditRecord
from tests.services.appeals.conftest import intake_form, version
from tests.services.appeals.conftest import platform_row as row
from tests.services.appeals.conftest import platform_workbook as workbook

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def stored(db, number):  # type: ignore[no-untyped-def]
    with db.session() as s:
        appeal = s.scalars(select(Appeal).where(Appeal.number == number)).one()
        events = s.scalar(select(func.count()).select_from(AppealEvent).where(AppealEvent.appeal_id == appeal.id))
        s.expunge(appeal)
        return appeal, events


def audits(db, action):  # type: ignore[no-untyped-def]
    with db.session() as s:
        query = select(AuditRecord).where(AuditRecord.action == action, AuditRecord.entity == "appeal")
        return s.scalars(query.order_by(AuditRecord.seq)).all()


def test_an_appeal_worked_at_the_desk_is_never_overwritten(db, admin, tmp_path):
    import_appeals(db, admin, workbook(tmp_path, [row()]), now=NOW)
    appeal, _ = stored(db, "QS0001")
    street = org.find_unit(db, "中韩街道")
    svc.dispatch(db, admin, svc.DispatchForm(appeal.id, version(db, appeal.id), "street", street.id), now=NOW)
    svc.respond(db, admin, svc.NoteForm(appeal.id, version(db, appeal.id)), now=NOW)
    worked, events = stored(db, "QS0001")

    # The platform's sheet still says received, with another text and another street.
    sheet = workbook(tmp_path, [row(诉求内容="另一段内容", 街道="沙子口街道")], "again.xlsx")
    report = import_appeals(db, admin, sheet, now=NOW + dt.timedelta(hours=1))
    assert (report.imported, report.updated, report.rejected) == (0, 0, ())
    assert [(c.row, c.key) for c in report.conflicts] == [(2, "QS0001")]
    assert "诉求内容" in report.conflicts[0].message and "街道" in report.conflicts[0].message
    assert "受理时间" not in report.conflicts[0].message  # only what differs is named
    after, events_after = stored(db, "QS0001")
    assert (after.status, after.content, after.street_id, after.unit_id, after.version) == (
        worked.status,
        "小区路灯不亮",
        street.id,
        street.id,
        worked.version,
    )
    assert events_after == events and report.as_json()["conflicts"][0]["key"] == "QS0001"

    # The same sheet again: the same conflict, still nothing stored.
    again = import_appeals(db, admin, sheet, now=NOW + dt.timedelta(hours=2))
    assert len(again.conflicts) == 1 and stored(db, "QS0001")[0].version == worked.version


def test_an_appeal_registered_at_the_desk_is_the_desks(db, admin, place, tmp_path):
    ref = svc.intake(db, admin, intake_form(place), now=NOW)
    number = svc.detail(db, admin, ref.id, now=NOW).number
    same_number = row(诉求编号=number, 诉求内容="平台的内容")
    report = import_appeals(db, admin, workbook(tmp_path, [same_number]), now=NOW)
    assert report.imported == report.updated == 0 and len(report.conflicts) == 1
    assert "在本窗口登记" in report.conflicts[0].message
    assert stored(db, number)[0].content != "平台的内容"


def test_handling_only_moves_forward_and_each_change_is_audited(db, admin, tmp_path):
    comm_name = org.units(db, "community", parent_id=org.find_unit(db, "中韩街道").id)[0].name
    finished = row(承办单位=comm_name, 办结时间="2026-11-03 15:00", 满意度="满意")
    import_appeals(db, admin, workbook(tmp_path, [finished]), now=NOW)
    first, events = stored(db, "QS0001")
    assert first.status == "visited"

    # An older export of the platform (not yet dispatched) with a corrected text: the text is the
    # platform's to correct; the handling does not go back.
    older = row(诉求内容="小区路灯不亮（已更正）", 联系电话="13812349999")
    report = import_appeals(db, admin, workbook(tmp_path, [older], "older.xlsx"), now=NOW)
    assert (report.updated, report.conflicts) == (1, ())
    now_, events_now = stored(db, "QS0001")
    assert (now_.status, now_.unit_id, now_.finished_at, now_.satisfaction) == (
        "visited",
        first.unit_id,
        first.finished_at,
        "satisfied",
    )
    assert now_.content == "小区路灯不亮（已更正）" and events_now == events + 1
    record = audits(db, "import_update")[-1]
    assert record.before == {"诉求内容": "小区路灯不亮", "联系电话": "138****5678"}
    assert record.after == {"诉求内容": "小区路灯不亮（已更正）", "联系电话": "138****9999"}

    # The same file again changes nothing: no version, no step, no audit of a change.
    n_updates = len(audits(db, "import_update"))
    report = import_appeals(db, admin, workbook(tmp_path, [older], "older.xlsx"), now=NOW + dt.timedelta(hours=1))
    assert (report.imported, report.updated, report.conflicts) == (0, 0, ())
    again, events_again = stored(db, "QS0001")
    assert (again.version, again.updated_at, events_again) == (now_.version, now_.updated_at, events_now)
    assert len(audits(db, "import_update")) == n_updates


def test_a_long_file_commits_in_batches_and_reports_each_bad_row(db, admin, tmp_path):
    n = imports.BATCH_SIZE * 2 + 5
    rows = [row(诉求编号=f"QB{i:05d}", 联系电话=f"1390000{i:04d}") for i in range(n)]
    rows.append(row(诉求编号="QB00003"))  # the same number twice in one file
    rows.append(row(诉求编号="QB99999", 受理时间="2027-01-01 09:00"))  # in the future
    report = import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    assert report.imported == n
    assert [(r.row, r.column) for r in report.rejected] == [(n + 2, "诉求编号"), (n + 3, "受理时间")]
    assert "第 5 行" in report.rejected[0].message
    batches = audits(db, "import")
    assert len(batches) == 3 and [b.after["imported"] for b in batches] == [imports.BATCH_SIZE] * 2 + [5]


def test_a_street_clerk_imports_only_the_streets_appeals(db, admin, make_user, tmp_path):
    zhonghan = org.find_unit(db, "中韩街道")
    clerk = make_user(Role.STREET_CLERK, unit_id=zhonghan.id)
    rows = [row(), row(诉求编号="QS0002", 街道="沙子口街道")]
    report = import_appeals(db, clerk, workbook(tmp_path, rows), now=NOW)
    assert report.imported == 1
    assert [(r.row, r.column) for r in report.rejected] == [(3, "街道")]
    assert "本街道" in report.rejected[0].message


def test_a_formula_in_the_content_is_reported_as_a_formula_and_nothing_is_stored(db, admin, tmp_path):
    """A workbook made by a program that does not calculate holds formulas with no result: the
    clerk is told the cell is a formula (not that it is empty), and the row stores nothing."""
    rows = [row(诉求编号="QF0001", 诉求内容='=HYPERLINK("http://x","点击")'), row(诉求编号="QF0002")]
    report = import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    assert report.imported == 1
    [bad] = report.rejected
    assert (bad.row, bad.column) == (2, "诉求内容")
    assert "公式" in bad.message and "不能为空" not in bad.message
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Appeal).where(Appeal.number == "QF0001")) == 0


def test_a_department_handler_may_not_import_the_districts_appeals(db, admin, make_user, tmp_path):
    """A handler works what is dispatched to its unit; the platform's file is the hall's and the
    streets' to bring in (the service refuses, whatever the menu shows)."""
    from laoshan_desk.domain.errors import PermissionDenied

    dept = org.units(db, "department")[0]
    handler = make_user(Role.DEPT_HANDLER, unit_id=dept.id)
    with pytest.raises(PermissionDenied, match="部门承办人不能导入"):
        import_appeals(db, handler, workbook(tmp_path, [row(诉求编号="QD0001")]), now=NOW)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Appeal).where(Appeal.number == "QD0001")) == 0
