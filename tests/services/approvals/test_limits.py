"""An item's statutory limit as its text counts it, on the project page, the wall chart and the
one-time notice (docs/rules.md §approvals-time-limits): SP008's 7 calendar days (建筑法 art. 8)
end on the first working day after Golden Week, SP007 (no limit set by any text, 企业投资项目核准和
备案管理条例 art. 13) shows 无法定时限 and never a date, an item outside the catalog shows —."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from laoshan_desk.domain.approvals import LimitKind
from laoshan_desk.services import approvals as svc
from tests.services.approvals.helpers import D, at, create, plan_input


def _project(db, admin):  # type: ignore[no-untyped-def]
    lines = [
        svc.OrderLine("SP008", "must_do", "新建酒店须办理施工许可", days=5, after=()),
        svc.OrderLine("SP007", "must_do", "企业投资项目须备案", after=()),
        svc.OrderLine("X01", "must_do", "专班商定", name="库外事项", days=2),
    ]
    return create(db, admin, plan_input(lines, start="2026-09-28", target="2026-11-30"))


def test_the_page_counts_each_limit_as_its_text_does(db, admin):
    pid = _project(db, admin)
    view = svc.project_detail(db, admin, pid, today=D("2026-09-28"))
    sp008, sp007, x01 = view.item("SP008"), view.item("SP007"), view.item("X01")
    assert sp008.earliest_start == D("2026-09-28")
    assert sp008.statutory_due == D("2026-10-08")  # 7 calendar days end on 10-05, a holiday
    assert sp008.limit_text == "法定7日（自然日），承诺5个工作日"
    assert sp007.statutory_due is None and sp007.limit_text.startswith("无法定时限")
    assert x01.statutory_due is None and x01.limit_text == "承诺2个工作日"
    schedule = svc.project_schedule(db, admin, pid)
    assert schedule["SP008"].limit_kind is LimitKind.CALENDAR_DAYS and schedule["SP008"].overruns_limit
    assert any("SP008" in w and "2026-10-08" in w for w in schedule.warnings)


def test_the_wall_chart_prints_the_end_or_no_limit_never_a_made_up_date(db, admin, tmp_path):
    pid = _project(db, admin)
    path = svc.schedule_excel(db, admin, pid, tmp_path / "schedule.xlsx", now=at("2026-09-28", 10))
    ws = load_workbook(path)["倒排工期表"]
    headers = [c.value for c in ws[2]]
    col = headers.index("法定时限届满") + 1
    by_code = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=col).value for r in range(3, ws.max_row + 1)}
    assert by_code["SP008"].date() == D("2026-10-08")  # a real Excel date
    assert by_code["SP007"] == "无法定时限"
    assert by_code["X01"] == "—"


def test_the_notice_tells_each_limit_in_words(db, admin):
    pid = _project(db, admin)
    pdf = svc.notice_pdf(db, admin, pid, today=D("2026-09-28"))
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "法定7日（自然日），承诺5个工作日" in text
    assert "无法定时限，承诺1个工作日" in text
    assert "法定0" not in text and "0个工作日" not in text
