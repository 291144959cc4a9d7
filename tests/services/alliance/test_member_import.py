"""The members import on a long real workbook (docs/rules/alliance.md §alliance-import): each bad
row reported with its number and a Chinese reason, the good rows stored in batches that another
desk's save gets in between, a member the desk worked since its last import never overwritten,
and a citizen's "=…" never coming back out of the export as a live formula."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl import Workbook, load_workbook
from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from laoshan_desk.services import alliance, imports
from laoshan_desk.services.alliance import member_excel as mx
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.audit import AuditRecord
from tests.alliance_support import at, fake_uscc

NOW = at(2026, 11, 25)
CJK = re.compile(r"[\u4e00-\u9fff]")


def good(i: int, **cells: object) -> list[object]:
    row = dict.fromkeys(mx.COLUMNS, "")
    row.update(
        {
            "企业名称": f"青岛示例成员{i}号有限公司",
            "统一社会信用代码": fake_uscc(10_000 + i),
            "街道": "王哥庄街道",
            "行业": "茶叶",
            "生命周期阶段": "生产经营",
            "联络员": "王示例",
            "联络电话": f"1390000{i % 10_000:04d}",
            "入盟日期": dt.date(2023, 3, 15),
        }
    )
    row.update(cells)
    return [row[c] for c in mx.COLUMNS]


def workbook(path, rows):  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.append(list(mx.COLUMNS))
    for r in rows:
        ws.append(r)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, as a clerk's =… in a text cell is: not a formula
    wb.save(path)
    return path


def batch_audits(db: Database) -> list[AuditRecord]:
    with db.session() as s:
        query = select(AuditRecord).where(
            AuditRecord.entity == "alliance_member", AuditRecord.action == "import", AuditRecord.entity_id.is_(None)
        )
        return list(s.scalars(query.order_by(AuditRecord.seq)))


def member_by(db: Database, officer, i: int) -> alliance.MemberRow:  # type: ignore[no-untyped-def]
    (found,) = alliance.list_members(db, officer, search=fake_uscc(10_000 + i))
    return found


def edit_liaison(db: Database, officer, row: alliance.MemberRow, liaison: str) -> None:  # type: ignore[no-untyped-def]
    form = alliance.MemberForm(
        name=row.name,
        uscc=row.uscc,
        liaison_name=liaison,
        member_since=row.member_since,
        stage=row.stage.value,
        industry=row.industry.value,
        liaison_phone=row.liaison_phone,
        member_id=row.id,
        version=row.version,
    )
    alliance.save_member(db, officer, form, now=NOW)


# (column, a cell the counter refuses) — the bad rows mixed into the long file
BAD = [
    ("统一社会信用代码", "123"),
    ("入盟日期", "三月"),
    ("入盟日期", "2027-01-05"),  # after today
    ("街道", "不存在街道"),
    ("荣誉", "好 2019"),
    ("联络员", ""),
    ("行业", "造船"),
    ("联络电话", "12345"),
]


def test_a_long_file_reports_each_bad_row_commits_in_batches_and_keeps_the_desks_work(db, officer, tmp_path):
    # An earlier import brought in three members; a clerk has since changed one of them.
    earlier = [good(i, 联络电话="0532-80000000") for i in (5, 700, 1500)]
    assert mx.import_members(db, officer, workbook(tmp_path / "earlier.xlsx", earlier), now=NOW).imported == 3
    edit_liaison(db, officer, member_by(db, officer, 5), "李窗口")

    n = 2400
    rows: list[list[object]] = []
    expected_bad: dict[int, str] = {}
    for i in range(n):
        sheet_row = i + 2  # the header is row 1
        if i % 60 == 59:
            column, value = BAD[(i // 60) % len(BAD)]
            rows.append(good(i, **{column: value}))
            expected_bad[sheet_row] = column
        elif i % 500 == 250:
            rows.append(good(i - 1))  # the previous row's enterprise again
            expected_bad[sheet_row] = "统一社会信用代码"
        else:
            rows.append(good(i))
    path = workbook(tmp_path / "members.xlsx", rows)

    # A second desk saves a member between the import's batches: had the import been one
    # transaction, the save would have waited behind it and failed busy.
    other = Database(db.url)
    seen: dict[str, object] = {}

    def between_batches(_session: Session) -> None:
        if seen or len(batch_audits(other)) != 2:  # the earlier import's batch and this one's first
            return
        seen["saved"] = True
        edit_liaison(other, officer, member_by(other, officer, 1500), "张窗口")

    guard = {"inside": False}

    def after_transaction_end(_session: Session, transaction: SessionTransaction) -> None:
        if guard["inside"] or transaction.parent is not None:  # the outermost only, not a savepoint
            return
        guard["inside"] = True
        try:
            between_batches(_session)
        finally:
            guard["inside"] = False

    event.listen(Session, "after_transaction_end", after_transaction_end)
    try:
        report = mx.import_members(db, officer, path, now=NOW)
    finally:
        event.remove(Session, "after_transaction_end", after_transaction_end)
        other.dispose()
    assert seen, "the other desk found no moment between two of the import's transactions"

    # Every bad row, with its number, its column and a Chinese reason; nothing else refused.
    assert {r.row: r.column for r in report.rejected} == expected_bad
    assert all(CJK.search(r.message) for r in report.rejected)
    assert [r.row for r in report.rejected] == sorted(expected_bad)
    repeat = next(r for r in report.rejected if r.row == 252)
    assert "与第 251 行重复" in repeat.message

    # The good rows landed; the untouched earlier member took the file's phone.
    good_rows = n - len(expected_bad)
    assert (report.imported, report.updated) == (good_rows - 3, 1)
    assert len(alliance.list_members(db, officer)) == good_rows
    assert member_by(db, officer, 700).liaison_phone == "13900000700"

    # The two members the desk worked are conflicts, and keep the desk's values.
    assert sorted(c.row for c in report.conflicts) == [7, 1502]
    assert all("未覆盖" in c.message and "联络员" in c.message for c in report.conflicts)
    assert "已在本窗口修改" in report.conflicts[0].message
    assert (member_by(db, officer, 5).liaison_name, member_by(db, officer, 1500).liaison_name) == ("李窗口", "张窗口")

    # One unit of work per batch of good rows, and the other desk's save committed in between.
    batches = batch_audits(db)[1:]  # the earlier import's one batch first
    assert len(batches) == -(-good_rows // imports.BATCH_SIZE)
    assert sum(b.after["imported"] + b.after["updated"] + b.after["unchanged"] for b in batches) == good_rows
    added = [name for b in batches for name in b.after["added"]]
    assert len(added) == good_rows - 3 and "青岛示例成员0号有限公司" in added  # each new member named once
    with db.session() as s:
        edit = s.scalars(
            select(AuditRecord)
            .where(AuditRecord.entity == "alliance_member", AuditRecord.action == "update")
            .order_by(AuditRecord.seq.desc())
        ).first()
    assert edit is not None and batches[0].seq < edit.seq < batches[1].seq


def test_a_member_the_import_brought_is_updated_field_by_field_and_a_rerun_changes_nothing(db, officer, tmp_path):
    mx.import_members(db, officer, workbook(tmp_path / "a.xlsx", [good(1, 倡议书签署日期="2024-01-02")]), now=NOW)
    first = member_by(db, officer, 1)

    # The next file: another liaison, a new honour, the optional pledge date left empty.
    changed = good(1, 联络员="赵示例", 倡议书签署日期="", 荣誉="崂山质量奖 2022；崂山质量奖2022")  # once
    report = mx.import_members(db, officer, workbook(tmp_path / "b.xlsx", [changed]), now=NOW)
    assert (report.imported, report.updated, report.conflicts, report.rejected) == (0, 1, (), ())
    after = member_by(db, officer, 1)
    assert (after.liaison_name, after.pledge_signed_on, after.honours_text) == (
        "赵示例",
        dt.date(2024, 1, 2),
        "崂山质量奖",
    )
    assert after.version == first.version + 1
    with db.session() as s:
        record = s.scalars(
            select(AuditRecord)
            .where(AuditRecord.entity_id == str(first.id), AuditRecord.action == "import")
            .order_by(AuditRecord.seq.desc())
        ).first()
    assert record is not None
    assert record.before == {"联络员": "王示例"} and record.after == {"联络员": "赵示例", "荣誉": "崂山质量奖 2022"}

    again = mx.import_members(db, officer, workbook(tmp_path / "b.xlsx", [changed]), now=NOW)
    assert (again.imported, again.updated, again.conflicts) == (0, 0, ())
    assert member_by(db, officer, 1).version == after.version


def test_a_member_registered_at_the_desk_is_the_desks(db, officer, add_member, tmp_path):
    ref = add_member(10_007, name="青岛示例成员7号有限公司")
    same = good(7, 街道="", 联络电话="")  # what the desk holds: no conflict, nothing written
    report = mx.import_members(db, officer, workbook(tmp_path / "same.xlsx", [same]), now=NOW)
    assert (report.imported, report.updated, report.conflicts) == (0, 0, ())

    other = good(7, 街道="", 联络电话="", 生命周期阶段="提升发展", 荣誉="好品山东 2023")
    report = mx.import_members(db, officer, workbook(tmp_path / "other.xlsx", [other]), now=NOW)
    assert (report.imported, report.updated, report.rejected) == (0, 0, ())
    (conflict,) = report.conflicts
    assert conflict.row == 2 and conflict.key == f"统一社会信用代码 {fake_uscc(10_007)}"
    assert "在本窗口登记" in conflict.message and "生命周期阶段、荣誉" in conflict.message
    kept = alliance.member(db, officer, ref.id)
    assert (kept.stage.label, kept.honours) == ("生产经营", ())


def test_text_starting_with_equals_is_stored_as_text_and_never_exported_as_a_formula(db, officer, tmp_path):
    name = '=HYPERLINK("http://example.invalid","点击")'
    rows = [good(1, 企业名称=name, 地址="+86 示例路 1 号", 联络员="@王示例"), good(2)]
    path = workbook(tmp_path / "in.xlsx", rows)
    # A real formula (no cached result: openpyxl does not calculate) is refused by name.
    wb = load_workbook(path)
    wb.active.append(good(3, 联络员="=A2"))
    wb.save(path)
    report = mx.import_members(db, officer, path, now=NOW)
    assert (report.imported, [(r.row, r.column) for r in report.rejected]) == (2, [(4, "联络员")])
    assert "公式" in report.rejected[0].message
    assert member_by(db, officer, 1).name == name

    out = tmp_path / "out.xlsx"
    mx.export_members(db, officer, out, now=NOW)
    cells = [c for line in load_workbook(out).active.iter_rows(min_row=2) for c in line if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert {"'" + name, "'+86 示例路 1 号", "'@王示例"} <= values

    # The desk's own export imports again as the same text: the guard's apostrophe is taken off.
    again = mx.import_members(db, officer, out, now=NOW)
    assert (again.imported, again.updated, again.conflicts, again.rejected) == (0, 0, (), ())
    assert member_by(db, officer, 1).name == name


def test_an_enterprise_without_a_code_keeps_its_reason_through_the_export(db, officer, tmp_path):
    row = good(1, 统一社会信用代码="", 无代码原因="分支机构尚未登记")
    assert mx.import_members(db, officer, workbook(tmp_path / "in.xlsx", [row]), now=NOW).imported == 1
    out = tmp_path / "out.xlsx"
    mx.export_members(db, officer, out, now=NOW)
    again = mx.import_members(db, officer, out, now=NOW)
    assert (again.imported, again.updated, again.conflicts, again.rejected) == (0, 0, (), ())


def test_the_report_names_the_row_of_a_repeat_and_the_summary_speaks_chinese(db, officer, tmp_path):
    rows = [good(1), good(2), good(1)]
    report = mx.import_members(db, officer, workbook(tmp_path / "r.xlsx", rows), now=NOW)
    assert [(r.row, r.column) for r in report.rejected] == [(4, "统一社会信用代码")]
    assert report.summary() == "新增 2 条，更新 0 条，未导入 1 行"
