"""Appeals: statistics, Excel import (good, bad and repeated rows) and the ledger export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals import queue, stats
from laoshan_desk.services.appeals.exchange import export_ledger, import_appeals
from tests.services.appeals.conftest import PLATFORM_HEADERS as HEADERS
from tests.services.appeals.conftest import platform_row as row
from tests.services.appeals.conftest import platform_workbook as workbook

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def test_import_good_bad_and_repeated_rows(db, admin, tmp_path):
    from laoshan_desk.services import org

    street = org.find_unit(db, "中韩街道")
    comm = org.units(db, "community", parent_id=street.id)[0]
    dept = org.units(db, "department")[5]
    rows = [
        row(),  # row 2: good
        row(
            诉求编号="QS0002",
            社区=comm.name,
            承办层级="区直部门",
            承办单位=dept.name,
            办结时间="2026-11-03 15:00",
            满意度="基本满意",
        ),  # row 3: good, visited
        row(诉求编号="QS0003", 受理时间="2026/13/40"),  # row 4: bad time
        row(诉求编号="QS0004", 街道="不存在街道"),  # row 5
        row(诉求编号="QS0005", 社区="不存在社区"),  # row 6
        row(诉求编号="QS0006", 联系电话="123"),  # row 7
        row(诉求编号="QS0007", 满意度="满意"),  # row 8: satisfaction without finish
        row(诉求编号="QS0008", 诉求类型="其他"),  # row 9
        row(诉求编号="QS0009", 承办单位="火星办"),  # row 10
        row(诉求编号="QS0010", 诉求人="", 联系电话="", 诉求类型="执法", 诉求渠道="街道部门提报"),  # row 11: good
    ]
    report = import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    assert (report.imported, report.updated) == (3, 0)
    assert [(r.row, r.column) for r in report.rejected] == [
        (4, "受理时间"),
        (5, "街道"),
        (6, "社区"),
        (7, "联系电话"),
        (8, "满意度"),
        (9, "诉求类型"),
        (10, "承办单位"),
    ]
    assert all(r.message for r in report.rejected)
    st = stats.statistics(db, admin, now=NOW)
    assert (st.received, st.finished, st.rated) == (3, 1, 1)

    # The same number again updates it: now finished and satisfied.
    again = [row(办结时间="2026-11-04 10:00", 满意度="满意", 承办单位=comm.name)]
    report = import_appeals(db, admin, workbook(tmp_path, again, "again.xlsx"), now=NOW)
    assert (report.imported, report.updated, report.rejected) == (0, 1, ())
    st = stats.statistics(db, admin, now=NOW)
    assert (st.received, st.finished, st.rated, st.satisfied) == (3, 2, 2, 2)
    rows_ = queue.page(db, admin, queue.QueueFilter(text="QS0001"), now=NOW)
    assert len(rows_) == 1 and rows_[0].status == "visited"


def test_import_refuses_unreadable_and_headerless_files(db, admin, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(ValidationError):
        import_appeals(db, admin, junk, now=NOW)
    wb = Workbook()
    wb.active.append(["诉求编号", "诉求内容"])
    wb.save(tmp_path / "few.xlsx")
    with pytest.raises(ValidationError, match="受理时间"):
        import_appeals(db, admin, tmp_path / "few.xlsx", now=NOW)


def test_statistics_rates_and_overdue(db, admin, tmp_path):
    rows = []
    # 10 appeals received 2 Nov (Mon), community level: limit Wed 4 Nov.
    for i in range(10):
        finish = {0: "2026-11-03 10:00", 1: "2026-11-04 23:00", 2: "2026-11-05 09:00"}.get(i, "")
        sat = {0: "满意", 1: "不满意", 2: "基本满意"}.get(i, "")
        rows.append(row(诉求编号=f"S{i:03d}", 办结时间=finish, 满意度=sat, 联系电话=f"1380000{i:04d}"))
    import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    st = stats.statistics(db, admin, now=NOW, date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30))
    assert (st.received, st.finished, st.finished_on_time, st.rated, st.satisfied) == (10, 3, 2, 3, 2)
    assert st.closure_rate == Decimal("0.3") and st.label("closure_rate") == "30.00%"
    assert st.label("satisfaction_rate") == "66.67%"
    assert st.overdue == 1 + 7  # finished late + still open after the limit
    assert stats.statistics(db, admin, now=NOW, date_from=dt.date(2026, 12, 1)).received == 0
    months = stats.monthly(db, admin, now=NOW)
    assert months == [("2026-11", st)]


def test_ledger_export_columns(db, admin, tmp_path):
    rows = [row(), row(诉求编号="QS0002", 办结时间="2026-11-10 10:00", 满意度="满意")]
    import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    out = tmp_path / "ledger.xlsx"
    assert export_ledger(db, admin, out, now=NOW) == 2
    ws = load_workbook(out).active
    assert str(ws["A1"].value).startswith("诉求台账") and "全部可见诉求" in ws["A1"].value
    header = [c.value for c in ws[2]]
    for needed in (
        "诉求编号",
        "受理时间",
        "诉求类型",
        "承办层级",
        "承办单位",
        "响应时限",
        "办结时限",
        "办结时间",
        "是否超期",
        "满意度",
    ):
        assert needed in header
    data = {r[0]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=3, values_only=True)}
    # Real Excel dates and times (wall-clock time in Asia/Shanghai), not text.
    assert data["QS0001"]["受理时间"] == dt.datetime(2026, 11, 2, 9, 30)
    assert data["QS0001"]["响应时限"] == dt.datetime(2026, 11, 2, 13, 30)
    assert data["QS0001"]["办结时限"] == dt.datetime(2026, 11, 4) and data["QS0001"]["是否超期"] == "是"
    assert data["QS0002"]["是否超期"] == "是" and data["QS0002"]["满意度"] == "满意"
    assert data["QS0001"]["诉求人"] != "王五"  # masked on paper
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
    later = queue.QueueFilter(date_from=dt.date(2026, 12, 1))
    assert export_ledger(db, admin, tmp_path / "none.xlsx", now=NOW, flt=later) == 0


def test_import_reads_through_the_desks_one_reader(db, admin, tmp_path):
    # An old .xls (or anything else) is told apart from a broken workbook, in Chinese.
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0not really")
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        import_appeals(db, admin, old, now=NOW)
    # A title row above the header is allowed; rows keep the numbers Excel shows.
    wb = Workbook()
    ws = wb.active
    ws.append(["青诉即办 诉求导出"])
    ws.append(HEADERS)
    ws.append(row(诉求编号="QS0101"))
    ws.append(row(诉求编号="QS0102", 诉求内容="长" * 6000))  # longer than the reader keeps
    path = tmp_path / "titled.xlsx"
    wb.save(path)
    report = import_appeals(db, admin, path, now=NOW)
    assert report.imported == 1
    assert [(r.row, r.column) for r in report.rejected] == [(4, "诉求内容")]
    assert "过长" in report.rejected[0].message and "6000" in report.rejected[0].message


def test_ledger_exports_exactly_what_the_queue_shows(db, admin, tmp_path):
    """The queue's filter and sort decide the rows and their order; the title row names them;
    the count agrees with the queue's count for the same filter."""
    rows = [
        row(诉求编号=f"QS{n:04d}", 受理时间=f"2026-11-{2 + n:02d} 09:30", 诉求内容=text, 街道=street)
        for n, (text, street) in enumerate(
            [
                ("楼道燃气异味", "中韩街道"),
                ("燃气管道漏气", "沙子口街道"),
                ("小区路灯不亮", "中韩街道"),
                ("燃气表不走", "中韩街道"),
            ]
        )
    ]
    import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    flt = queue.QueueFilter(text="燃气")
    shown = queue.page(db, admin, flt, now=NOW, sort="received_at", descending=False)
    out = tmp_path / "gas.xlsx"
    n = export_ledger(db, admin, out, now=NOW, flt=flt, sort="received_at", descending=False)
    ws = load_workbook(out).active
    numbers = [r[0] for r in ws.iter_rows(min_row=3, values_only=True)]
    assert n == queue.count(db, admin, flt, now=NOW) == 3
    assert numbers == [r.number for r in shown] == ["QS0000", "QS0001", "QS0003"]
    assert "搜索：燃气" in ws["A1"].value and "排序：受理时间（升序）" in ws["A1"].value
    from laoshan_desk.services import org

    zhonghan = next(u for u in org.units(db, "street") if u.name == "中韩街道")
    flt = queue.QueueFilter(text="燃气", street_id=zhonghan.id)
    n = export_ledger(db, admin, out, now=NOW, flt=flt, sort="received_at", descending=True)
    ws = load_workbook(out).active
    assert [r[0] for r in ws.iter_rows(min_row=3, values_only=True)] == ["QS0003", "QS0000"]
    assert "街道：中韩街道" in ws["A1"].value and "（降序）" in ws["A1"].value


def test_a_search_text_in_the_title_row_is_never_a_formula(db, admin, tmp_path):
    import_appeals(db, admin, workbook(tmp_path, [row(诉求内容="=HYPERLINK(1)")]), now=NOW)
    out = tmp_path / "f.xlsx"
    export_ledger(db, admin, out, now=NOW, flt=queue.QueueFilter(text="=HYPERLINK"))
    ws = load_workbook(out).active
    assert ws["A1"].data_type == "s" and "搜索：=HYPERLINK" in ws["A1"].value
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


def test_a_street_clerk_exports_only_their_streets_rows_and_a_court_clerk_is_refused(db, admin, make_user, tmp_path):
    """The ledger keeps the reader's row scope in the service (docs/rules.md §appeals-ledger):
    a street clerk's workbook holds its street's appeals and no other, whatever the filter; a
    role that may not read appeals gets no file and leaves no export in the audit log."""
    from sqlalchemy import select

    from laoshan_desk.domain.errors import PermissionDenied
    from laoshan_desk.domain.roles import Role
    from laoshan_desk.services import org
    from laoshan_desk.store.models.audit import AuditRecord

    places = ["中韩街道", "沙子口街道", "中韩街道", "王哥庄街道", "中韩街道", "沙子口街道"]
    rows = [
        row(诉求编号=f"QS{n:04d}", 受理时间=f"2026-11-{2 + n:02d} 09:30", 诉求内容=f"燃气表第{n}号不走", 街道=street)
        for n, street in enumerate(places)
    ]
    import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    zhonghan = next(u for u in org.units(db, "street") if u.name == "中韩街道")
    clerk = make_user(Role.STREET_CLERK, unit_id=zhonghan.id)
    ours = ["QS0004", "QS0002", "QS0000"]  # newest first, the ledger's default order

    out = tmp_path / "street.xlsx"
    for flt in (None, queue.QueueFilter(text="燃气"), queue.QueueFilter(status="open")):
        assert export_ledger(db, clerk, out, now=NOW, flt=flt) == 3
        ws = load_workbook(out).active
        exported = [(r[0], r[4]) for r in ws.iter_rows(min_row=3, values_only=True)]
        assert exported == [(n, "中韩街道") for n in ours], flt
        shown = queue.page(db, clerk, flt or queue.QueueFilter(), now=NOW)
        assert [r.number for r in shown] == ours
    # Another street chosen in the filter gives nothing beyond the scope.
    shazikou = next(u for u in org.units(db, "street") if u.name == "沙子口街道")
    assert export_ledger(db, clerk, out, now=NOW, flt=queue.QueueFilter(street_id=shazikou.id)) == 0
    assert export_ledger(db, admin, out, now=NOW) == len(places)  # the admin sees every street

    court = make_user(Role.COURT_CLERK)
    refused = tmp_path / "court.xlsx"
    with pytest.raises(PermissionDenied):
        export_ledger(db, court, refused, now=NOW)
    assert not refused.exists()
    with db.session() as s:
        exporters = set(s.scalars(select(AuditRecord.username).where(AuditRecord.action == "export")))
    assert clerk.username in exporters and court.username not in exporters
