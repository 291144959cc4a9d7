"""The alliance's papers built from the database and read back: the coordination letter, the
complaint notices, the quarterly report (PDF and workbook) and the enterprise summary."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import alliance, enterprise
from laoshan_desk.services.alliance import papers
from laoshan_desk.services.alliance import requests as req_svc
from tests.alliance_support import at, fake_uscc

JULY = at(2023, 7, 31, 17)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "").replace(" ", "")


def fonts_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    found = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            obj = font.get_object()
            found.add(str(obj.get("/BaseFont")))
            descendants = obj.get("/DescendantFonts")
            if descendants:
                d = descendants[0].get_object()
                assert d.get("/FontDescriptor").get_object().get("/FontFile2") is not None  # embedded
    return found


def test_coordination_letter_to_the_other_regions_bureau(db, officer, add_member):
    m = add_member(1, name="山东示例六和集团有限公司", industry="food", liaison_phone="0532-88880001")
    rid = req_svc.open_request(
        db,
        officer,
        req_svc.RequestForm(m.id, "六和（示例）", "冷冻禽肉制品", "四川省成都市", dt.date(2023, 7, 3)),
        now=JULY,
    )
    req_svc.add_step(
        db, officer, req_svc.StepForm(rid, "assigned", dt.date(2023, 7, 4), officers="执法员甲、执法员乙"), now=JULY
    )
    step_id = req_svc.add_step(
        db, officer, req_svc.StepForm(rid, "letter", dt.date(2023, 7, 5), recipient="成都市市场监督管理局"), now=JULY
    )
    paper = papers.coordination_letter(db, officer, step_id, now=JULY)
    text = text_of(paper.pdf)
    for expected in [
        "青岛市崂山区市场监督管理局",
        "崂市监协〔2023〕1号",
        "成都市市场监督管理局：",
        "六和（示例）",
        "执法员甲",
        "2023年7月5日",
    ]:
        assert expected in text, expected
    assert fonts_of(paper.pdf)
    assert paper.output.entity == "alliance_request" and paper.output.title == "协查函 崂市监协〔2023〕1号"
    first = req_svc.request_detail(db, officer, rid, now=JULY).steps[0].id
    with pytest.raises(ValidationError):
        papers.coordination_letter(db, officer, first, now=JULY)


def _complaint(db, officer):  # type: ignore[no-untyped-def]
    return alliance.register(
        db,
        officer,
        alliance.ComplaintForm(
            "complaint", at(2026, 9, 28, 9), "海参缩水", "赵示例", enterprise_name="青岛示例海产有限公司"
        ),
        now=at(2026, 9, 28, 10),
    )


def test_acceptance_refusal_and_termination_notices(db, officer):
    a = _complaint(db, officer)
    with pytest.raises(ValidationError):
        papers.complaint_notice(db, officer, a.id, now=at(2026, 9, 28, 10))
    alliance.decide(db, officer, alliance.DecisionForm(a.id, "受理", at(2026, 9, 29, 9)), now=at(2026, 9, 29, 10))
    accepted = papers.complaint_notice(db, officer, a.id, now=at(2026, 9, 29, 10))
    assert accepted.output.title.startswith("投诉受理告知书") and "予以受理" in text_of(accepted.pdf)
    assert "赵示例：" in text_of(accepted.pdf)
    # Forty-five working days later without agreement: the paper is the 调解终止书.
    overrun = papers.complaint_notice(db, officer, a.id, now=at(2026, 12, 15, 10))
    t = text_of(overrun.pdf)
    assert overrun.output.title.startswith("调解终止书") and "四十五个工作日" in t and "第二十一条" in t
    b = _complaint(db, officer)
    alliance.decide(
        db,
        officer,
        alliance.DecisionForm(b.id, "不予受理", at(2026, 9, 29, 9), reject_reason="out_of_remit"),
        now=at(2026, 9, 29, 10),
    )
    refused = papers.complaint_notice(db, officer, b.id, now=at(2026, 9, 29, 10))
    t = text_of(refused.pdf)
    assert refused.output.title.startswith("投诉不予受理告知书") and "不属于本部门管辖" in t and "第十五条" in t


def test_quarterly_report_pdf_and_workbook(db, officer, add_member, tmp_path):
    m = add_member(1)
    req_svc.open_request(db, officer, req_svc.RequestForm(m.id, "品牌", "产品", "四川", dt.date(2023, 7, 3)), now=JULY)
    paper = papers.quarterly_pdf(db, officer, first=dt.date(2023, 1, 1), last=dt.date(2023, 12, 31), now=at(2024, 1, 5))
    t = text_of(paper.pdf)
    assert "兴商护航联盟工作季度报告" in t and "2023年第三季度" in t and "打假行动1次" in t
    out = papers.quarterly_workbook(
        db, officer, tmp_path / "q.xlsx", first=dt.date(2023, 1, 1), last=dt.date(2023, 12, 31), now=at(2024, 1, 5)
    )
    ws = load_workbook(out)["季度统计"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("季度", "打假行动", "抽检批次")
    assert [r[0] for r in rows[1:]] == ["2023年第一季度", "2023年第二季度", "2023年第三季度", "2023年第四季度", "合计"]
    assert rows[3][1] == 1 and rows[5][1] == 1 and rows[3][5] == "—"
    assert ws._charts  # the bar chart is there


def test_enterprise_summary_shows_only_the_sections_the_role_sees(db, officer, add_member, make_user):
    from laoshan_desk.domain.roles import Role

    m = add_member(3, name="青岛示例矿泉水有限公司", industry="beverage")
    alliance.add_honour(db, officer, alliance.HonourForm(m.enterprise_id, "崂山质量奖", 2022), now=JULY)
    paper = enterprise.enterprise_summary(db, officer, m.enterprise_id, now=JULY)
    t = text_of(paper.pdf)
    assert "企业档案摘要" in t and fake_uscc(3) in t and "兴商护航联盟" in t and "崂山质量奖2022" in t
    assert "财产保全" not in t and "涉企诉求" in t
    judge = make_user(Role.JUDGE)
    t = text_of(enterprise.enterprise_summary(db, judge, m.enterprise_id, now=JULY).pdf)
    assert "财产保全" in t and "兴商护航联盟" not in t and "涉企诉求" not in t
