"""Step 1 on a real SQLite file: register, masking and revealing numbers, review, who decides."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import DeskError, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import PERSON, USCC, _register, decide, shown


@pytest.mark.parametrize(
    "field,value,fragment",
    [
        ("case_number", "2026鲁0212财保12号", "括号"),
        ("case_number", "（2026）鲁0212财保号", "序号"),
        ("respondent_id", "91370212MA3C511110", "校验"),
        ("respondent_id", "370212198005061230", "校验位"),
        ("claim_amount", "abc", "金额格式错误"),
        ("claim_amount", "-5", "负数"),
        ("kind", "later", "保全类型"),
        ("applicant", "  ", "申请人"),
    ],
)
def test_register_rejects_bad_fields_with_chinese_messages(db, admin, fixed_now, field, value, fragment):
    with pytest.raises(ValidationError) as err:
        _register(db, admin, fixed_now, **{field: value})
    assert err.value.field == field
    assert fragment in err.value.message
    assert svc.count_cases(db, admin, today=fixed_now.date()) == 0


def test_register_normalises_and_one_party_spans_cases(db, admin, fixed_now):
    a = _register(db, admin, fixed_now, case_number="(2026)鲁0212财保12号", respondent_id=USCC.lower())
    b = _register(db, admin, fixed_now, case_number="（2026）鲁0212财保13号")
    rows = svc.list_cases(db, admin, now=fixed_now)
    assert {r.case_number for r in rows} == {"（2026）鲁0212财保12号", "（2026）鲁0212财保13号"}
    assert len({r.respondent_id for r in rows}) == 1
    with pytest.raises(ValidationError, match="已登记"):
        _register(db, admin, fixed_now, case_number="（2026）鲁0212财保12号")
    with pytest.raises(ValidationError, match="不一致"):
        _register(db, admin, fixed_now, case_number="（2026）鲁0212财保14号", respondent="别的公司")
    assert a != b


def test_person_numbers_masked_and_revealed_only_to_roles_that_may_audited(db, admin, make_user, fixed_now):
    case_id = _register(db, admin, fixed_now, respondent="张建华", respondent_id=PERSON)
    leader = make_user(Role.LEADER)
    judge = make_user(Role.JUDGE)
    seen = svc.case_detail(db, leader, case_id, now=fixed_now)
    assert seen.respondent_number == PERSON[:6] + "********" + PERSON[-4:]
    assert seen.respondent_phone == "138****1234"
    full = svc.case_detail(db, judge, case_id, now=fixed_now)
    assert full.respondent_number == seen.respondent_number and full.numbers_masked  # masked until revealed
    with pytest.raises(DeskError):
        svc.reveal_id_number(db, leader, case_id, now=fixed_now)
    assert svc.reveal_id_number(db, judge, case_id, now=fixed_now) == (PERSON, "13853291234")
    records, _total = audit.page(db, admin, action="view_full")
    assert any(r.entity == "pres_party" and r.entity_id == str(full.respondent_id) for r in records)


def test_review_flags_a_safe_claim(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    advice = svc.save_review(
        db,
        admin,
        svc.ReviewForm(
            case_id,
            shown(db, admin, case_id),
            preconditions_met=True,
            transfer_risk=False,
            net_assets="10000000",
            taxes_paid="500000",
            employees=80,
            going_concern=True,
            dishonest=False,
        ),
        now=fixed_now,
    )
    assert advice.claim_appears_safe
    detail = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert detail.review.claim_appears_safe is True
    review = svc.ReviewForm(case_id, detail.version, transfer_risk=True)
    advice = svc.save_review(db, admin, review, now=fixed_now)
    assert not advice.claim_appears_safe


def test_only_the_judge_decides_and_only_a_leader_approves(db, admin, make_user, fixed_now):
    clerk = make_user(Role.COURT_CLERK)
    case_id = _register(db, clerk, fixed_now)
    with pytest.raises(PermissionDenied):
        decide(db, clerk, case_id, "grant", "理由", fixed_now)
    with pytest.raises(PermissionDenied):
        svc.approve_basic_account(db, clerk, svc.ApprovalForm(case_id, shown(db, clerk, case_id)), now=fixed_now)
    judge = make_user(Role.JUDGE)
    with pytest.raises(ValidationError) as err:
        decide(db, judge, case_id, "grant", " ", fixed_now)
    assert err.value.field == "decision_reasons"
