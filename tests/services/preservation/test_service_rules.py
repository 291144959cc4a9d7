"""Rules the screens follow are kept by the services too: a finished case takes no guarantee, only
an executed pre-suit case records the applicant's lawsuit, amounts too large are a message."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import USCC, _register, add_asset, add_guarantee, decide, ref, shown


def test_a_refused_case_takes_no_guarantee(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    decide(db, admin, case_id, "refuse", "偿付能力充足", fixed_now)
    with pytest.raises(DeskError, match="已驳回"):
        add_guarantee(
            db,
            admin,
            case_id,
            fixed_now,
            type="performance_bond",
            amount="1000",
            issuer="青岛银行",
            valid_until=dt.date(2027, 1, 1),
        )
    assert svc.case_detail(db, admin, case_id, now=fixed_now).guarantees == ()


def test_the_lawsuit_is_recorded_only_for_an_executed_pre_suit_case(db, admin, fixed_now):
    in_suit = _register(db, admin, fixed_now)
    with pytest.raises(DeskError, match="诉前保全"):
        svc.record_lawsuit(db, admin, svc.LawsuitForm(in_suit, shown(db, admin, in_suit), fixed_now), now=fixed_now)
    pre_suit = _register(db, admin, fixed_now, case_number="（2026）鲁0212财保13号", kind="pre_suit")
    add_asset(db, admin, pre_suit, fixed_now, code="G", type="account", account_kind="general", value="5000000")
    svc.propose(db, admin, ref(db, admin, pre_suit), now=fixed_now)
    decide(db, admin, pre_suit, "grant", "准予", fixed_now)
    svc.record_measures(
        db, admin, svc.MeasuresForm(pre_suit, shown(db, admin, pre_suit), fixed_now.date()), now=fixed_now
    )
    with pytest.raises(ValidationError) as err:
        late = svc.LawsuitForm(pre_suit, shown(db, admin, pre_suit), fixed_now + dt.timedelta(days=1))
        svc.record_lawsuit(db, admin, late, now=fixed_now)
    assert err.value.field == "filed_on"
    svc.record_lawsuit(db, admin, svc.LawsuitForm(pre_suit, shown(db, admin, pre_suit), fixed_now), now=fixed_now)
    clocks = {c.label: c for c in svc.case_detail(db, admin, pre_suit, now=fixed_now).clocks}
    assert clocks["申请人起诉期限"].done_at == fixed_now


def test_an_amount_beyond_the_database_is_a_message_beside_its_field(db, admin, fixed_now):
    with pytest.raises(ValidationError) as err:
        _register(db, admin, fixed_now, claim_amount="1e400")
    assert err.value.field == "claim_amount" and "金额过大" in err.value.message
    case_id = _register(db, admin, fixed_now)
    with pytest.raises(ValidationError) as err:
        add_asset(db, admin, case_id, fixed_now, type="real_estate", value="123456789012345678")
    assert err.value.field == "assets.value"


def test_a_json_plan_goes_through_the_same_checks(db, admin, fixed_now):
    data = {
        "case_number": "（2026）鲁0212财保20号",
        "kind": "pre_suit",
        "applicant": "甲公司",
        "respondent": "青岛乙贸易有限公司",
        "respondent_id": USCC,
        "claim_amount": 100000,
        "received_at": "2026-11-25 09:00",
        "assets": [{"id": "V", "type": "vehicle", "account_kind": "general", "value": 500000.5}],
    }
    with pytest.raises(ValidationError) as err:
        svc.plan_from_json(db, admin, data, now=fixed_now)
    assert err.value.message.startswith("assets第1项（V）") and "不是账户" in err.value.message
    assert svc.count_cases(db, admin, today=fixed_now.date()) == 0
    data["assets"] = [{"id": "G", "type": "account", "account_kind": "general", "value": 500000.5}]
    result = svc.plan_from_json(db, admin, data, now=fixed_now)
    assert result["selected"] == [{"id": "G", "measure": "freeze", "amount": "100000.00", "keeps_use": False}]
    assert svc.count_cases(db, admin, today=fixed_now.date()) == 1
