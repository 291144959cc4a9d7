"""Preservation services on a real SQLite file: register → review → plan → decide → measures → release."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from laoshan_desk.domain.errors import DeskError, PermissionDenied, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation.seed import resident_id, uscc

D = Decimal
USCC = uscc("MA3C51111")
PERSON = resident_id(dt.date(1980, 5, 6), 123)


def _register(db, actor, now, **over):
    fields = dict(
        case_number="（2026）鲁0212财保12号",
        kind="in_suit",
        applicant="青岛甲建设有限公司",
        respondent="青岛乙贸易有限公司",
        respondent_id=USCC,
        claim_amount="1,200,000.00",
        received_at=now - dt.timedelta(hours=2),
        respondent_phone="13853291234",
    )
    fields.update(over)
    return svc.register_case(db, actor, now=now, **fields)


def _assets(db, actor, case_id, now):
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="B",
        type="account",
        account_kind="basic",
        value="3000000",
        institution="青岛银行",
        number="6222001",
    )
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="G",
        type="account",
        account_kind="general",
        value="500000",
        institution="农业银行",
        number="6222002",
    )
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="W",
        type="account",
        account_kind="wage",
        value="900000",
        institution="工商银行",
        number="6222003",
    )
    svc.add_asset(
        db, actor, case_id, now=now, code="R", type="real_estate", value="800000", description="崂山区松岭路1号房产"
    )


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
    assert svc.count_cases(db, admin) == 0


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
    shown = svc.case_detail(db, leader, case_id, now=fixed_now)
    assert shown.respondent_number == PERSON[:6] + "********" + PERSON[-4:]
    assert shown.respondent_phone == "138****1234"
    full = svc.case_detail(db, judge, case_id, now=fixed_now)
    assert full.respondent_number == shown.respondent_number and full.numbers_masked  # masked until revealed
    with pytest.raises(DeskError):
        svc.reveal_id_number(db, leader, case_id)
    assert svc.reveal_id_number(db, judge, case_id) == (PERSON, "13853291234")
    from laoshan_desk.services.audit import records_for

    assert any(r.action == "view_full" for r in records_for(db, "pres_party", full.respondent_id))


def test_review_flags_a_safe_claim(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    advice = svc.save_review(
        db,
        admin,
        case_id,
        svc.Review(
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
    assert detail.review["claim_appears_safe"] is True
    advice = svc.save_review(db, admin, case_id, svc.Review(transfer_risk=True), now=fixed_now)
    assert not advice.claim_appears_safe


def test_only_the_judge_decides_and_only_a_leader_approves(db, admin, make_user, fixed_now):
    clerk = make_user(Role.COURT_CLERK)
    case_id = _register(db, clerk, fixed_now)
    with pytest.raises(PermissionDenied):
        svc.decide(db, clerk, case_id, "grant", "理由", now=fixed_now)
    with pytest.raises(PermissionDenied):
        svc.approve_basic_account(db, clerk, case_id, now=fixed_now)
    judge = make_user(Role.JUDGE)
    with pytest.raises(ValidationError) as err:
        svc.decide(db, judge, case_id, "grant", " ", now=fixed_now)
    assert err.value.field == "decision_reasons"


def test_whole_flow_plan_adjust_approve_execute_renew_release(db, admin, make_user, fixed_now):
    clerk, judge, leader = make_user(Role.COURT_CLERK), make_user(Role.JUDGE), make_user(Role.LEADER)
    case_id = _register(db, clerk, fixed_now)
    _assets(db, clerk, case_id, fixed_now)
    plan = svc.propose(db, clerk, case_id, now=fixed_now)
    assert plan.need == D("1200000.00")
    picked = {s.code: s.amount for s in plan.selected}
    assert picked == {"R": D("800000.00"), "G": D("400000.00")}
    assert [e.code for e in plan.excluded] == ["W"] and "农民工" in plan.excluded[0].reason
    assert not plan.needs_approval

    # The judge takes the basic account instead: re-checked, the violation is shown and stored.
    view, violations = svc.adjust(db, judge, case_id, [("B", "1200000")], now=fixed_now)
    assert violations and any("基本账户" in v for v in violations)
    assert view.violations == tuple(violations) and view.needs_approval
    with pytest.raises(DeskError, match="不合规"):
        svc.approve_basic_account(db, leader, case_id, now=fixed_now)
    # A wage account is a violation too.
    _view, violations = svc.adjust(db, judge, case_id, [("W", None), ("R", None)], now=fixed_now)
    assert any("农民工工资" in v for v in violations)
    # A lawful adjustment: real estate by part of its value plus the general account.
    view, violations = svc.adjust(db, judge, case_id, [("R", "800000"), ("G", "400000")], now=fixed_now)
    assert violations == [] and view.stage == "adjusted" and view.covers_claim

    svc.decide(db, judge, case_id, "grant", "申请符合法律规定", now=fixed_now)
    svc.record_measures(db, clerk, case_id, taken_on=fixed_now.date(), now=fixed_now)
    detail = svc.case_detail(db, clerk, case_id, now=fixed_now)
    assert detail.status == "executed" and detail.ruled_amount == D("1200000.00")
    terms = {m.asset_label: (m.expiry, m.term_years) for m in detail.measures}
    assert terms["崂山区松岭路1号房产"] == (dt.date(2029, 11, 25), 3)
    assert terms["一般存款账户6222002"] == (dt.date(2027, 11, 25), 1)

    account = next(m for m in detail.measures if m.is_account)
    later = fixed_now + dt.timedelta(days=340)
    assert svc.case_detail(db, clerk, case_id, now=later).light is Light.YELLOW
    new_expiry = svc.renew_measure(db, clerk, account.id, renewed_on=later.date(), now=later)
    assert new_expiry == (later.date().replace(year=later.year + 1))
    with pytest.raises(ValidationError, match="届满"):
        svc.renew_measure(
            db, clerk, account.id, renewed_on=new_expiry + dt.timedelta(days=1), now=later + dt.timedelta(days=400)
        )

    # A performance bond covering part: the most harmful measure goes first, capped.
    svc.add_guarantee(
        db,
        clerk,
        case_id,
        type="performance_bond",
        amount="500000",
        issuer="青岛银行",
        number="LY-1",
        valid_until=dt.date(2027, 12, 31),
        undertaking=True,
        now=later,
    )
    preview = svc.preview_release(db, clerk, case_id, as_of=later.date())
    assert preview.freed == D("400000.00")  # the house stays whole; the account is released
    result = svc.release_on_guarantee(db, judge, case_id, now=later)
    assert result.freed == D("400000.00") and result.ruling_number.endswith("之一")
    detail = svc.case_detail(db, clerk, case_id, now=later)
    assert detail.freed_total == D("400000.00") and detail.status == "executed"
    svc.release_all(db, judge, case_id, "application", "调解结案", now=later)
    assert svc.case_detail(db, clerk, case_id, now=later).status == "released"


def test_basic_account_freeze_needs_leader_approval(db, admin, make_user, fixed_now):
    judge, leader = make_user(Role.JUDGE), make_user(Role.LEADER)
    case_id = _register(db, admin, fixed_now, claim_amount="2000000")
    svc.add_asset(db, admin, case_id, now=fixed_now, code="B", type="account", account_kind="basic", value="3000000")
    svc.add_asset(db, admin, case_id, now=fixed_now, code="G", type="account", account_kind="general", value="500000")
    plan = svc.propose(db, admin, case_id, now=fixed_now)
    assert plan.needs_approval and not plan.approved
    svc.decide(db, judge, case_id, "grant", "准予", now=fixed_now)
    with pytest.raises(DeskError, match="院领导审批"):
        svc.record_measures(db, admin, case_id, taken_on=fixed_now.date(), now=fixed_now)
    svc.approve_basic_account(db, leader, case_id, "同意", now=fixed_now)
    assert svc.plan(db, admin, case_id, as_of=fixed_now.date()).approved
    assert svc.record_measures(db, admin, case_id, taken_on=fixed_now.date(), now=fixed_now) == 2


def test_import_assets_keeps_good_rows_and_reports_bad(db, admin, fixed_now, tmp_path):
    case_id = _register(db, admin, fixed_now)
    wb = Workbook()
    ws = wb.active
    ws.append(list(svc.IMPORT_COLUMNS))
    ws.append(["一般户", "农业银行崂山支行", "3802001", 250000.5, "一般户", "否"])
    ws.append(["房产", "不动产登记中心", "鲁(2020)001", "1,000,000", "不动产", "是"])
    ws.append(["飞机", "民航局", "B-1", "100", "飞机", "否"])
    ws.append(["账户", "青岛银行", "3802002", "很多", "基本户", "否"])
    ws.append(["工资户", "青岛银行", "3802003", 10, "农民工工资专户", "maybe"])
    path = tmp_path / "查控.xlsx"
    wb.save(path)
    report = svc.import_assets(db, admin, case_id, path, now=fixed_now)
    assert report.added == 2
    assert len(report.errors) == 3
    assert report.errors[0].startswith("第4行") and "飞机" in report.errors[0]
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert [(a.type, a.account_kind, a.value, a.in_operational_use) for a in assets] == [
        ("account", "general", D("250000.50"), False),
        ("real_estate", None, D("1000000.00"), True),
    ]
    again = svc.import_assets(db, admin, case_id, path, now=fixed_now)
    assert again.added == 0 and any("未重复导入" in e for e in again.errors)


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


def test_exposure_counts_over_freezing_across_cases(db, admin, fixed_now):
    ids = []
    for n in (1, 2):
        cid = _register(db, admin, fixed_now, case_number=f"（2026）鲁0212财保{n}号", claim_amount="100000")
        svc.add_asset(
            db,
            admin,
            cid,
            now=fixed_now,
            code="G",
            type="account",
            account_kind="general",
            value="900000",
            institution="青岛银行",
            number="SAME-1",
        )
        svc.propose(db, admin, cid, now=fixed_now)
        svc.decide(db, admin, cid, "grant", "准予", now=fixed_now)
        svc.record_measures(db, admin, cid, taken_on=fixed_now.date(), now=fixed_now)
        ids.append(cid)
    svc.add_guarantee(
        db,
        admin,
        ids[0],
        type="performance_bond",
        amount="60000",
        issuer="青岛银行",
        valid_until=dt.date(2027, 6, 30),
        now=fixed_now,
    )
    party = svc.list_respondents(db, admin)[0]
    exp = svc.respondent_exposure(db, admin, party.id, now=fixed_now)
    assert (exp.cases, exp.rulings, exp.accounts_frozen, exp.active_measures) == (2, 2, 1, 2)
    assert exp.frozen_total == D("200000.00") and exp.ruled_total == D("200000.00")
    assert exp.over_freeze_total == D("60000.00")
    assert exp.repeated_accounts[0].cases == 2


def test_export_and_statistics(db, admin, fixed_now, tmp_path):
    _register(db, admin, fixed_now)
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=fixed_now)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["保全案件清单", "统计"]
    assert wb["保全案件清单"]["A2"].value == "（2026）鲁0212财保12号"
    assert wb["保全案件清单"]["F2"].value == 1200000
    stats = {r[0].value: r[1].value for r in wb["统计"].iter_rows(min_row=2)}
    assert stats["案件总数"] == 1


def test_demo_company_a_readable_at_a_glance(db, admin, fixed_now):
    from laoshan_desk.services.preservation import seed as seed_preservation

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


def test_release_ruling_numbers():
    assert svc.release_ruling_number("（2026）鲁0212财保12号", 1) == "（2026）鲁0212财保12号之一"
    assert svc.release_ruling_number("（2026）鲁0212民初5号之一", 1) == "（2026）鲁0212民初5号之二"
    assert svc.release_ruling_number("（2026）鲁0212民初5号之一", 10) == "（2026）鲁0212民初5号之十一"
