"""The papers of 审批点菜单, read back: one-time notice and licence (pypdf), reverse schedule,
dispatch list, weekly bulletin (openpyxl) — and certificate verification."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from laoshan_desk.domain.approvals import CertificateStatus, format_verification_code
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.approvals import seed as seed_approvals
from laoshan_desk.store.db import Database
from tests.conftest import FIXED_NOW

D = dt.date.fromisoformat
TODAY = D("2026-11-25")
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def _demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    path = tmp_path_factory.mktemp("approvals-docs") / "demo.sqlite3"
    db = bootstrap.open_database(f"sqlite:///{path}")
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
    seed_approvals.load_demo(db, system_actor("test"))
    db.dispose()
    return path


@pytest.fixture
def demo(_demo, tmp_path):  # type: ignore[no-untyped-def]
    from laoshan_desk.services.context import system_actor

    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo, path)
    db = Database(f"sqlite:///{path}")
    yield db, system_actor("test")
    db.dispose()


def project(db, actor, text):  # type: ignore[no-untyped-def]
    pid = next(r.id for r in svc.list_projects(db, actor, today=TODAY) if text in r.name)
    return svc.project_detail(db, actor, pid, today=TODAY)


def test_one_time_notice_lists_every_must_do_item(demo):
    db, actor = demo
    hotel = project(db, actor, "酒店")
    pdf = svc.notice_pdf(db, actor, hotel.id, today=D("2026-03-02"))
    text = squash(text_of(pdf))
    assert "一次告知书" in text and squash(hotel.enterprise) in text
    assert "必办事项（18项）" in text
    for item in hotel.must_items:
        assert item.code in text, item.code
        assert squash(item.responsible) in text, item.code
        assert squash(item.department) in text, item.code
        assert item.node_date.isoformat() in text, item.code
        assert squash(item.materials[0])[:8] in text, item.code
    # the other classes are told with their reasons
    sp002 = hotel.item("SP002")
    assert squash(sp002.reason) in text


def test_notice_prints_only_verified_citations(demo):
    """docs/rules.md §approvals-catalog: the one-time notice prints the verified citations of the
    must-do items and says how many unverified ones it left out."""
    db, actor = demo
    hotel = project(db, actor, "酒店")
    text = squash(text_of(svc.notice_pdf(db, actor, hotel.id, today=TODAY)))
    catalog = {r.code: r for r in svc.list_catalog(db, actor)}
    verified = [b for i in hotel.must_items for b in catalog[i.code].legal_basis if b not in catalog[i.code].unverified]
    left_out = [b for i in hotel.must_items for b in catalog[i.code].unverified]
    assert verified and left_out  # the hotel's items have both
    assert "设定依据" in text
    for b in verified:
        assert squash(b) in text, b
    only_unverified = {b for b in left_out if b not in verified}
    for b in only_unverified:
        assert squash(b) not in text, b
    assert f"另有{len(left_out)}条依据尚未与法律法规原文核对" in text


def test_certificate_pdf_carries_the_code_and_verifies(demo):
    db, actor = demo
    hotel = project(db, actor, "酒店")
    licence = next(c for c in hotel.certificates if c.item_code == "SP001")
    assert licence.title == "营业执照"
    pdf = svc.certificate_pdf(db, actor, licence.id)
    text = squash(text_of(pdf))
    assert "营业执照" in text and licence.number in text
    assert format_verification_code(licence.verification_code) in text
    assert json.loads(seed_approvals.HOTEL_FILE.read_text(encoding="utf-8"))["credit_code"] in text
    # the QR code is drawn as vector shapes: the page carries many filled rectangles
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert reader.pages[0].get_contents().get_data().count(b" re") > 100
    verdict = svc.verify(db, actor, format_verification_code(licence.verification_code).lower())
    assert verdict.status == CertificateStatus.GENUINE and verdict.certificate.holder == hotel.enterprise
    svc.revoke(db, actor, svc.RevokeForm(licence.id, "企业申请注销"), now=NOW)
    assert svc.verify(db, actor, licence.verification_code).status == CertificateStatus.REVOKED
    assert svc.verify(db, actor, "ABCD-EFGH-JKMN").status == CertificateStatus.UNKNOWN
    with pytest.raises(ValidationError):
        svc.verify(db, actor, "12")


def test_notice_number_is_the_years_series_not_the_project_code(demo):
    """docs/rules.md §approvals-numbers: 崂审批告〔2026〕N号, one series a year, given at intake; the
    demo's projects hold 1号, 2号, … in the order taken in, and every print shows the same number."""
    db, actor = demo
    views = [svc.project_detail(db, actor, r.id, today=TODAY) for r in svc.list_projects(db, actor, today=TODAY)]
    numbers = sorted(v.notice_number for v in views)
    assert all(re.fullmatch(r"崂审批告〔2026〕[1-9]\d*号", n) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers)
    hotel = project(db, actor, "酒店")
    for _ in range(2):
        text = squash(text_of(svc.notice_pdf(db, actor, hotel.id, today=TODAY)))
        assert hotel.notice_number in text and f"〔2026〕{hotel.number}" not in text


def test_certificate_is_signed_by_its_authority_with_a_seal_and_a_citizens_caption(demo):
    db, actor = demo
    hotel = project(db, actor, "酒店")
    fire = next(c for c in hotel.certificates if "消防" in c.department)
    text = squash(text_of(svc.certificate_pdf(db, actor, fire.id)))
    assert text.count("青岛市崂山区消防救援大队") >= 2  # red head and signature
    assert "青岛市崂山区行政审批服务局" not in text
    assert "（印章）" in text
    assert "政务服务大厅" in text and "核验码" in text
    assert "laoshan-desk" not in text and "verify" not in text


def test_certificate_only_for_a_finished_item(demo):
    db, actor = demo
    shop = project(db, actor, "餐厅")
    open_item = shop.item("SP034")
    with pytest.raises(ValidationError, match="尚未销号"):
        svc.issue_certificate(db, actor, svc.IssueForm(open_item.id), now=NOW)
    done = shop.item("SP001")
    first = svc.issue_certificate(db, actor, svc.IssueForm(done.id), now=NOW)
    again = svc.issue_certificate(db, actor, svc.IssueForm(done.id), now=NOW)
    assert first.number == again.number  # one current certificate per item


def test_a_tampered_certificate_row_does_not_verify(demo):
    from sqlalchemy import update

    from laoshan_desk.store.models.approvals import Certificate

    db, actor = demo
    hotel = project(db, actor, "酒店")
    cert = hotel.certificates[0]
    with db.session() as s:
        s.execute(update(Certificate).where(Certificate.id == cert.id).values(credit_code="91999999MA0LKC004D"))
    assert svc.verify(db, actor, cert.verification_code).status == CertificateStatus.UNKNOWN


def test_reverse_schedule_pdf_and_excel(demo, tmp_path):
    db, actor = demo
    shop = project(db, actor, "餐厅")
    text = squash(text_of(svc.schedule_pdf(db, actor, shop.id, today=TODAY)))
    assert "倒排工期表" in text
    for item in shop.must_items:
        assert item.code in text and item.latest_finish.isoformat() in text
    path = svc.schedule_excel(db, actor, shop.id, tmp_path / "schedule.xlsx", now=NOW)
    wb = load_workbook(path)
    assert wb.sheetnames == ["倒排工期表", "挂图"]
    ws = wb["倒排工期表"]
    assert ws["A2"].value == "序号" and ws.max_row == 2 + len(shop.must_items)
    codes = [ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)]
    assert set(codes) == {i.code for i in shop.must_items}
    row_of = {ws.cell(row=r, column=2).value: r for r in range(3, ws.max_row + 1)}
    assert ws.cell(row=row_of["SP023"], column=1).fill.fgColor.rgb.endswith("FFE699")  # yellow: due today


def test_dispatch_and_its_list(demo):
    db, actor = demo
    report = svc.dispatch(db, actor, today=TODAY)
    buckets = {(r.code, r.project_name[:3]): r.bucket for r in report.rows}
    assert buckets[("SP023", "金家岭")] == "today"
    assert buckets[("SP032", "中韩便")] == "late"
    assert buckets[("SP077", "王哥庄")] == "infeasible"
    soon = svc.dispatch(db, actor, today=D("2026-11-23"))
    assert any(r.code == "SP023" and r.bucket == "soon" and r.days_left == 2 for r in soon.rows)
    text = squash(text_of(svc.dispatch_pdf(db, actor, today=TODAY)))
    assert "日调度单" in text and "区消防救援大队" in text and "今日到期" in text


def test_weekly_bulletin_workbook_and_pdf(demo, tmp_path):
    db, actor = demo
    xlsx, pdf = tmp_path / "w48.xlsx", tmp_path / "w48.pdf"
    bulletin = svc.write_bulletin(db, actor, "2026-W48", xlsx, pdf, now=NOW)
    assert (bulletin.start, bulletin.end, bulletin.as_of) == (D("2026-11-23"), D("2026-11-29"), TODAY)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["项目进度", "超期事项", "部门按期率排名"]
    projects = wb["项目进度"]
    names = [projects.cell(row=r, column=2).value for r in range(2, projects.max_row + 1)]
    assert "中韩便利超市开业项目" in names and "崂山湾国际度假酒店开业项目" not in names  # opened in June
    late = wb["超期事项"]
    late_codes = {late.cell(row=r, column=2).value for r in range(2, late.max_row + 1)}
    assert late_codes == {"SP032"}  # the shop's fire check, latest finish 11-19, still open
    ranking = wb["部门按期率排名"]
    rows = {ranking.cell(row=r, column=2).value: r for r in range(2, ranking.max_row + 1)}
    fire, bureau = rows["区消防救援大队"], rows["区行政审批服务局"]
    assert ranking.cell(row=fire, column=7).value == pytest.approx(0.0)  # the shop's fire check is late
    assert ranking.cell(row=bureau, column=7).value == pytest.approx(1.0)
    assert ranking.cell(row=fire, column=1).fill.fgColor.rgb.endswith("F8CBAD")  # red
    assert ranking.cell(row=bureau, column=1).fill.fgColor.rgb.endswith("C6EFCE")  # green
    assert len(ranking._charts) == 1  # noqa: SLF001 - openpyxl keeps charts there
    rates = [ranking.cell(row=r, column=7).value for r in range(2, ranking.max_row + 1)]
    rated = [r for r in rates if r is not None]
    assert rated == sorted(rated, reverse=True)
    text = squash(text_of(pdf.read_bytes()))
    assert "周通报" in text and "2026-W48" in text and "区消防救援大队" in text and "100.00%" in text


def test_bulletin_has_one_definition_of_overdue(demo, tmp_path):
    """The body's count, the table (PDF and workbook), the projects' 超期 column and the summary
    count the same items: latest finish before the evaluation day and not ticked off. In the demo
    week SP035 was ticked off late (已销号) and SP077 only cannot make its target (latest finish
    2026-12-30, ahead): neither is overdue."""
    db, actor = demo
    xlsx, pdf = tmp_path / "w48.xlsx", tmp_path / "w48.pdf"
    bulletin = svc.write_bulletin(db, actor, "2026-W48", xlsx, pdf, now=NOW)
    codes = [r.code for r in bulletin.late]
    assert codes == ["SP032"]
    assert all(r.latest_finish is not None and r.latest_finish < bulletin.as_of for r in bulletin.late)
    assert all(r.finished_on is None and r.status_label != "已销号" for r in bulletin.late)
    assert bulletin.totals.overdue == len(bulletin.late) == sum(p.overdue for p in bulletin.projects)
    text = squash(text_of(pdf.read_bytes()))
    assert f"超期未办{len(codes)}项" in text
    assert "SP035" not in text and "SP077" not in text and "计划不可行）" not in text
    sheet = load_workbook(xlsx)["超期事项"]
    assert sheet.max_row - 1 == len(codes)
    projects = load_workbook(xlsx)["项目进度"]
    column = [c.value for c in projects[1]].index("超期") + 1
    assert sum(projects.cell(row=r, column=column).value for r in range(2, projects.max_row + 1)) == len(codes)


def test_bulletin_lists_each_late_item_with_its_statutory_limit(demo, tmp_path):
    """周通报 三、超期事项 (PDF) and the 超期事项 sheet name each late item's statutory limit, as the
    wall chart does: its text, and the day it ends (docs/rules.md §approvals-time-limits)."""
    db, actor = demo
    xlsx, pdf = tmp_path / "w48.xlsx", tmp_path / "w48.pdf"
    bulletin = svc.write_bulletin(db, actor, "2026-W48", xlsx, pdf, now=NOW)
    shop = project(db, actor, "中韩")
    fire = shop.item("SP032")
    assert [r.code for r in bulletin.late] == ["SP032"] and fire.statutory_due is not None  # the premise
    late = bulletin.late[0]
    assert (late.limit_text, late.statutory_due) == (fire.limit_text, fire.statutory_due)
    text = text_of(pdf.read_bytes())
    section = squash(text[text.index("三、超期事项") :])
    assert "法定时限届满" in section and fire.statutory_due.isoformat() in section
    sheet = load_workbook(xlsx)["超期事项"]
    headers = [c.value for c in sheet[1]]
    row = {h: sheet.cell(row=2, column=n + 1).value for n, h in enumerate(headers)}
    assert row["编码"] == "SP032" and row["法定时限"] == fire.limit_text and fire.limit_text.startswith("法定")
    assert row["法定时限届满"].date() == fire.statutory_due
    # the projects' light in words: 王哥庄 is red only because SP077 cannot make the target
    lights = {p.name[:3]: p.light_text for p in bulletin.projects}
    assert lights["王哥庄"] == "计划不可行" and lights["中韩便"] == "超期"
    assert "计划不可行" in squash(text[: text.index("二、部门")])


def test_bad_week_is_refused():
    with pytest.raises(ValidationError, match="2026-W48"):
        svc.parse_week("2026-48")
    with pytest.raises(ValidationError):
        svc.parse_week("2026-W54")
    assert svc.parse_week("2026-W01")[0] == D("2025-12-29")


# -- printing is audited once, after it happened -----------------------------------------------
def _exports(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from laoshan_desk.store.models import AuditRecord

    with db.session() as s:
        rows = s.execute(
            select(AuditRecord.action, AuditRecord.summary).where(AuditRecord.action.in_(["print", "export"]))
        )
        return [(a, summary) for a, summary in rows]


def test_building_a_paper_records_nothing_writing_a_file_records_it_once(demo, tmp_path):
    """The preview records a paper when it is printed or saved; a looked-at paper leaves no record.
    A workbook the service writes itself is recorded once, after it was written."""
    db, actor = demo
    shop = project(db, actor, "餐厅")
    before = _exports(db)
    svc.notice_pdf(db, actor, shop.id, today=TODAY)
    svc.schedule_pdf(db, actor, shop.id, today=TODAY)
    svc.dispatch_pdf(db, actor, today=TODAY)
    svc.certificate_pdf(db, actor, project(db, actor, "酒店").certificates[0].id)
    assert _exports(db) == before
    svc.schedule_excel(db, actor, shop.id, tmp_path / "s.xlsx", now=NOW)
    svc.write_bulletin(db, actor, "2026-W48", tmp_path / "b.xlsx", tmp_path / "b.pdf", now=NOW)
    added = _exports(db)[len(before) :]
    assert [a for a, _ in added] == ["export", "export", "export"]
    assert "倒排工期表" in added[0][1] and "s.xlsx" in added[0][1]
    assert "周通报 2026-W48" in added[1][1] and "b.xlsx" in added[1][1] and "b.pdf" in added[2][1]
