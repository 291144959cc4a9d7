"""The whole flow on a real SQLite file: plan → adjust → approve → execute → renew → release."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import D, _assets, _register, add_asset, add_guarantee, decide, ref, shown


def _adjust(db, judge, case_id, *selections):  # type: ignore[no-untyped-def]
    return svc.AdjustForm(case_id, shown(db, judge, case_id), tuple(selections))


def _measures(db, actor, case_id, taken_on):  # type: ignore[no-untyped-def]
    return svc.MeasuresForm(case_id, shown(db, actor, case_id), taken_on)


def test_whole_flow_plan_adjust_approve_execute_renew_release(db, admin, make_user, fixed_now):
    clerk, judge, leader = make_user(Role.COURT_CLERK), make_user(Role.JUDGE), make_user(Role.LEADER)
    case_id = _register(db, clerk, fixed_now)
    _assets(db, clerk, case_id, fixed_now)
    plan = svc.propose(db, clerk, ref(db, clerk, case_id), now=fixed_now)
    assert plan.need == D("1200000.00")
    picked = {s.code: s.amount for s in plan.selected}
    assert picked == {"R": D("800000.00"), "G": D("400000.00")}
    assert [e.code for e in plan.excluded] == ["W"] and "农民工" in plan.excluded[0].reason
    assert not plan.needs_approval

    # The judge takes the basic account instead: re-checked, the violation is shown and stored.
    view, violations = svc.adjust(db, judge, _adjust(db, judge, case_id, ("B", "1200000")), now=fixed_now)
    assert violations and any("基本账户" in v for v in violations)
    assert view.violations == tuple(violations) and view.needs_approval
    with pytest.raises(DeskError, match="不合规"):
        svc.approve_basic_account(db, leader, svc.ApprovalForm(case_id, shown(db, leader, case_id)), now=fixed_now)
    # A wage account is a violation too.
    _view, violations = svc.adjust(db, judge, _adjust(db, judge, case_id, ("W", None), ("R", None)), now=fixed_now)
    assert any("农民工工资" in v for v in violations)
    # A lawful adjustment: real estate by part of its value plus the general account.
    lawful = _adjust(db, judge, case_id, ("R", "800000"), ("G", "400000"))
    view, violations = svc.adjust(db, judge, lawful, now=fixed_now)
    assert violations == [] and view.stage == "adjusted" and view.covers_claim

    decide(db, judge, case_id, "grant", "申请符合法律规定", fixed_now)
    svc.record_measures(db, clerk, _measures(db, clerk, case_id, fixed_now.date()), now=fixed_now)
    detail = svc.case_detail(db, clerk, case_id, now=fixed_now)
    assert detail.status == "executed" and detail.ruled_amount == D("1200000.00")
    terms = {m.asset_label: (m.expiry, m.term_years) for m in detail.measures}
    assert terms["崂山区松岭路1号房产"] == (dt.date(2029, 11, 25), 3)
    assert terms["一般存款账户6222002"] == (dt.date(2027, 11, 25), 1)

    account = next(m for m in detail.measures if m.is_account)
    later = fixed_now + dt.timedelta(days=340)
    assert svc.case_detail(db, clerk, case_id, now=later).light is Light.YELLOW
    renewal = svc.RenewalForm(account.id, shown(db, clerk, case_id, later), renewed_on=later.date())
    new_expiry = svc.renew_measure(db, clerk, renewal, now=later).new_expiry
    assert new_expiry == (later.date().replace(year=later.year + 1))
    with pytest.raises(ValidationError, match="届满"):
        too_late = svc.RenewalForm(account.id, shown(db, clerk, case_id, later), new_expiry + dt.timedelta(days=1))
        svc.renew_measure(db, clerk, too_late, now=later + dt.timedelta(days=400))

    # A performance bond covering part: the most harmful measure goes first, capped.
    add_guarantee(
        db,
        clerk,
        case_id,
        later,
        type="performance_bond",
        amount="500000",
        issuer="青岛银行",
        number="LY-1",
        valid_until=dt.date(2027, 12, 31),
        undertaking=True,
    )
    preview = svc.preview_release(db, clerk, case_id, today=later.date())
    assert preview.freed == D("400000.00")  # the house stays whole; the account is released
    # The bond ends 2027-12-31, the renewed freeze 2028-10-31: not "sufficient and effective"
    # (《财产保全规定》第二十二条): said in the preview, refused until the judge confirms.
    assert len(preview.expiry_warnings) == 1 and "2028-10-31" in preview.expiry_warnings[0]
    with pytest.raises(DeskError, match="有效期至2027-12-31"):
        svc.release_on_guarantee(
            db, judge, svc.GuaranteeReleaseForm(case_id, shown(db, judge, case_id, later)), now=later
        )
    assert svc.case_detail(db, clerk, case_id, now=later).freed_total == 0
    result = svc.release_on_guarantee(
        db, judge, svc.GuaranteeReleaseForm(case_id, shown(db, judge, case_id, later), expiry_confirmed=True), now=later
    )
    assert result.freed == D("400000.00") and result.ruling_number.endswith("之一")
    detail = svc.case_detail(db, clerk, case_id, now=later)
    assert detail.freed_total == D("400000.00") and detail.status == "executed"
    release = svc.ReleaseForm(case_id, detail.version, "application", "调解结案")
    svc.release_all(db, judge, release, now=later)
    assert svc.case_detail(db, clerk, case_id, now=later).status == "released"


def test_basic_account_freeze_needs_leader_approval(db, admin, make_user, fixed_now):
    judge, leader = make_user(Role.JUDGE), make_user(Role.LEADER)
    case_id = _register(db, admin, fixed_now, claim_amount="2000000")
    add_asset(db, admin, case_id, fixed_now, code="B", type="account", account_kind="basic", value="3000000")
    add_asset(db, admin, case_id, fixed_now, code="G", type="account", account_kind="general", value="500000")
    plan = svc.propose(db, admin, ref(db, admin, case_id), now=fixed_now)
    assert plan.needs_approval and not plan.approved
    decide(db, judge, case_id, "grant", "准予", fixed_now)
    with pytest.raises(DeskError, match="院领导审批"):
        svc.record_measures(db, admin, _measures(db, admin, case_id, fixed_now.date()), now=fixed_now)
    svc.approve_basic_account(db, leader, svc.ApprovalForm(case_id, shown(db, leader, case_id), "同意"), now=fixed_now)
    assert svc.current_plan(db, admin, case_id, today=fixed_now.date()).approved
    assert svc.record_measures(db, admin, _measures(db, admin, case_id, fixed_now.date()), now=fixed_now) == 2
