"""What the screens read: clocks and lights, a respondent's exposure, the demo's Company A."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import RepeatKind
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import seed as seed_preservation
from tests.services.preservation.builders import (
    D,
    _register,
    add_guarantee,
    granted_on_account,
)


def test_clocks_same_day_target_and_lawsuit_deadline(db, admin, fixed_now):
    received = fixed_now - dt.timedelta(hours=1)
    case_id = _register(db, admin, fixed_now, kind="pre_suit", received_at=received)
    clocks = {c.label: c for c in svc.case_detail(db, admin, case_id, now=fixed_now).clocks}
    assert clocks["保全裁定（本院目标）"].due == received + dt.timedelta(hours=48)
    assert clocks["立案（涉企当天立案）"].light is Light.GREY  # filed at registration
    assert clocks["申请人起诉期限（暂定）"].due.date() == dt.date(2026, 12, 25)
    case2 = _register(db, admin, fixed_now, case_number="（2026）鲁0212民初77号之一", received_at=received)
    late = fixed_now.replace(hour=23, minute=59) + dt.timedelta(minutes=1)
    rows = {r.case_number: r for r in svc.list_cases(db, admin, now=late)}
    assert rows["（2026）鲁0212民初77号之一"].light is Light.RED
    assert rows["（2026）鲁0212财保12号"].light is Light.GREEN
    assert case2


def _frozen_twice(db, admin, now, *, balance, applicants=("青岛甲建设有限公司", "青岛甲建设有限公司")):  # type: ignore[no-untyped-def]
    """Two cases (财保1号, 财保2号) of 100,000 each, each freezing the same account SAME-1 of ``balance``."""
    return [
        granted_on_account(
            db,
            admin,
            now,
            value=balance,
            institution="青岛银行",
            number="SAME-1",
            measures=True,
            case_number=f"（2026）鲁0212财保{n}号",
            claim_amount="100000",
            applicant=applicant,
        )
        for n, applicant in enumerate(applicants, start=1)
    ]


def test_exposure_counts_over_freezing_across_cases(db, admin, fixed_now):
    ids = _frozen_twice(db, admin, fixed_now, balance="900000")
    add_guarantee(
        db,
        admin,
        ids[0],
        fixed_now,
        type="performance_bond",
        amount="60000",
        issuer="青岛银行",
        valid_until=dt.date(2027, 6, 30),
    )
    party = svc.list_respondents(db, admin)[0]
    exp = svc.respondent_exposure(db, admin, party.id, now=fixed_now)
    assert (exp.cases, exp.rulings, exp.accounts_frozen, exp.active_measures) == (2, 2, 1, 2)
    assert exp.frozen_total == D("200000.00") and exp.ruled_total == D("200000.00")
    assert exp.over_freeze_total == D("60000.00")
    # Two capped freezes of 100,000 within a balance of 900,000: side by side, not a repeat.
    assert exp.accounts[0].repeat is RepeatKind.WITHIN_BALANCE and exp.repeated_accounts == ()


@pytest.mark.parametrize(("second_applicant", "kind"), [("青岛甲建设有限公司", "suspect"), ("青岛丁公司", "waiting")])
def test_an_account_frozen_twice_beyond_its_balance(db, admin, fixed_now, second_applicant, kind):
    # CPL art. 106 forbids freezing twice; another creditor's freeze waits (第十六条); the same
    # applicant twice is likely a mistake.
    _frozen_twice(db, admin, fixed_now, balance="100000", applicants=("青岛甲建设有限公司", second_applicant))
    party = svc.list_respondents(db, admin)[0]
    exp = svc.respondent_exposure(db, admin, party.id, now=fixed_now)
    assert [a.repeat.value for a in exp.repeated_accounts] == [kind]


def test_demo_company_a_readable_at_a_glance(db, admin, fixed_now):
    seed_preservation.load_demo(db, admin, now=fixed_now)
    assert seed_preservation.load_demo(db, admin, now=fixed_now)["company_a_cases"] == 0
    party = svc.list_respondents(db, admin)[0]
    exp = svc.respondent_exposure(db, admin, party.id, now=fixed_now)
    assert exp.name == seed_preservation.COMPANY_A
    assert (exp.cases, exp.rulings, exp.accounts_frozen) == (185, 133, 29)
    assert exp.ruled_total == D("608000000.00")
    assert exp.freed_total >= D("120000000.00")
    assert exp.renewals_due and exp.over_freeze_cases and exp.repeated_accounts
    lights = {r.light for r in svc.list_cases(db, admin, now=fixed_now, limit=300)}
    assert {Light.GREEN, Light.YELLOW, Light.RED} <= lights
