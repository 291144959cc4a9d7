"""The preservation papers read back with pypdf: ruling, assistance notice with the exact amount, release."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from laoshan_desk.documents.pdf import amount_in_words
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers as docs
from laoshan_desk.services.preservation.seed import resident_id, uscc
from tests.services.preservation.builders import add_asset, add_guarantee, decide, granted_on_account, ref, shown


def _measures(db, actor, case_id, now):  # type: ignore[no-untyped-def]
    return svc.MeasuresForm(case_id, shown(db, actor, case_id, now), now.date())


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def executed_case(db, admin, fixed_now):
    return granted_on_account(
        db,
        admin,
        fixed_now,
        value="5000000",
        institution="青岛银行崂山支行",
        number="380200123",
        reasons="申请符合法律规定",
        case_number="（2026）鲁0212财保12号",
        kind="pre_suit",
        applicant="青岛甲建设有限公司",
        respondent="张建华",
        respondent_id=resident_id(dt.date(1980, 5, 6), 123),
        respondent_phone="",
        claim_amount="1234567.89",
        received_at=fixed_now - dt.timedelta(hours=1),
        applicant_guarantee_type="insurance",
        applicant_guarantee_amount="1234567.89",
    )


def test_ruling_text(db, admin, fixed_now, executed_case):
    text = _text(docs.ruling_pdf(db, admin, executed_case, now=fixed_now))
    assert "山东省青岛市崂山区人民法院" in text and "民事裁定书" in text
    assert "（2026）鲁0212财保12号" in text
    assert "1,234,567.89" in text and "第一百零四条" in text
    assert "三十日内" in text and "复议" in text
    assert "370212********" in text  # the admin sees masked numbers; the person's ID is masked on paper
    # As the court prints it: the number under the title, dated in Chinese numerals, the seal's
    # place, the 书记员 who registered the case.
    assert "二〇二六年十一月二十五日" in text and "2026年11月25日" in text  # signed; received in the text
    assert "（院印）" in text and f"书记员{admin.full_name}" in text


def test_refusal_ruling(db, admin, fixed_now):
    form = svc.CaseForm(
        case_number="（2026）鲁0212民初9号之一",
        kind="in_suit",
        applicant="甲公司",
        respondent="青岛乙贸易有限公司",
        respondent_id=uscc("MA3C51111"),
        claim_amount="100000",
        received_at=fixed_now - dt.timedelta(hours=1),
    )
    case_id = svc.register_case(db, admin, form, now=fixed_now)
    decide(db, admin, case_id, "refuse", "被申请人经营正常，偿付能力充足", fixed_now)
    text = _text(docs.ruling_pdf(db, admin, case_id, now=fixed_now))
    assert "驳回申请人甲公司的财产保全申请" in text and "偿付能力充足" in text


def test_assistance_notice_has_the_exact_amount_and_term(db, admin, fixed_now, executed_case):
    svc.record_measures(db, admin, _measures(db, admin, executed_case, fixed_now), now=fixed_now)
    detail = svc.case_detail(db, admin, executed_case, now=fixed_now)
    asset = detail.measures[0].asset_id
    text = _text(docs.assistance_pdf(db, admin, executed_case, asset, now=fixed_now))
    assert "协助执行通知书" in text and "青岛银行崂山支行：" in text
    assert "380200123" in text and "1,234,567.89元" in text
    assert amount_in_words(Decimal("1234567.89")) in text and "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分" in text
    assert "2026年11月25日起至2027年11月25日止" in text


def test_release_ruling_counts_the_funds_freed(db, admin, fixed_now, executed_case):
    svc.record_measures(db, admin, _measures(db, admin, executed_case, fixed_now), now=fixed_now)
    add_guarantee(
        db,
        admin,
        executed_case,
        fixed_now,
        type="performance_bond",
        amount="1300000",
        issuer="青岛银行",
        number="LYBH-1",
        valid_until=dt.date(2027, 12, 31),
    )
    form = svc.GuaranteeReleaseForm(executed_case, shown(db, admin, executed_case))
    result = svc.release_on_guarantee(db, admin, form, now=fixed_now)
    text = _text(docs.release_pdf(db, admin, result.release_id, now=fixed_now))
    assert result.ruling_number in text
    assert "解除" in text and "1,234,567.89" in text and "LYBH-1" in text and "第一百零七条" in text
    assert "二〇二六年十一月二十五日" in text and "（院印）" in text and f"书记员{admin.full_name}" in text


def test_a_vehicle_in_use_is_sealed_with_continued_use_on_the_ruling_and_the_notice(db, admin, fixed_now):
    # 《财产保全规定》第十三条: a thing in operational use sealed in the respondent's custody may be used.
    form = svc.CaseForm(
        case_number="（2026）鲁0212财保40号",
        kind="in_suit",
        applicant="青岛甲建设有限公司",
        respondent="青岛乙贸易有限公司",
        respondent_id=uscc("MA3C52222"),
        claim_amount="300000",
        received_at=fixed_now - dt.timedelta(hours=1),
    )
    case_id = svc.register_case(db, admin, form, now=fixed_now)
    common = dict(institution="青岛市公安局交通警察支队车辆管理所", type="vehicle")
    add_asset(
        db, admin, case_id, fixed_now, code="V", value="350000", number="鲁B12345", in_operational_use=True, **common
    )
    add_asset(db, admin, case_id, fixed_now, code="W", value="900000", number="鲁B67890", **common)
    add_asset(db, admin, case_id, fixed_now, code="G", type="account", account_kind="general", value="500000")
    svc.propose(db, admin, ref(db, admin, case_id), now=fixed_now)
    decide(db, admin, case_id, "grant", "申请符合法律规定", fixed_now)
    detail = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert [s.code for s in detail.plan.selected] == ["V"]
    ruling = _text(docs.ruling_pdf(db, admin, case_id, now=fixed_now))
    assert "查封（活封）" in ruling and "指定被申请人保管，允许其继续使用" in ruling
    notice = _text(docs.assistance_pdf(db, admin, case_id, detail.plan.selected[0].asset_id, now=fixed_now))
    assert "允许其继续使用（活封）" in notice and "鲁B12345" in notice


def test_the_release_ruling_says_it_is_a_property_dispute(db, admin, fixed_now, executed_case):
    # CPL art. 107 and 《财产保全规定》第二十二条 apply to 财产纠纷案件.
    svc.record_measures(db, admin, _measures(db, admin, executed_case, fixed_now), now=fixed_now)
    add_guarantee(db, admin, executed_case, fixed_now, type="cash", amount="1300000", valid_until=dt.date(2028, 12, 31))
    form = svc.GuaranteeReleaseForm(executed_case, shown(db, admin, executed_case))
    result = svc.release_on_guarantee(db, admin, form, now=fixed_now)
    assert "本案系财产纠纷案件" in _text(docs.release_pdf(db, admin, result.release_id, now=fixed_now))
