"""The least-harm plan: need and guarantees, what is never selected, harm order, excess."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation import (
    Asset,
    ExcessRule,
    Guarantee,
    GuaranteeType,
    Measure,
    Tier,
    money,
)
from tests.domain.preservation.builders import D, account, picked, plan_of, thing

# -- need and guarantees ---------------------------------------------------------------------


def test_need_is_claim_minus_valid_guarantees() -> None:
    guarantees = [
        Guarantee(GuaranteeType.PERFORMANCE_BOND, D("300000"), dt.date(2023, 6, 1)),  # last valid day
        Guarantee("insurance", D("200000"), dt.date(2023, 5, 31)),  # expired: not counted
    ]
    plan = plan_of("1000000", [account("g", "general", "2000000")], guarantees)
    assert plan.guaranteed == D("300000.00")
    assert plan.need == D("700000.00")
    assert picked(plan) == {"g": D("700000.00")}
    assert any("已于2023-05-31到期" in n for n in plan.notes)


def test_need_never_below_zero_and_guarantee_replaces_preservation() -> None:
    plan = plan_of(
        "1000000",
        [account("g", "general", "2000000"), thing("h", "real_estate", "900000")],
        [Guarantee("performance_bond", D("1500000"), dt.date(2024, 1, 1))],
    )
    assert plan.need == D("0.00")
    assert plan.selected == ()
    assert plan.total_preserved == D("0.00")
    assert plan.covers_claim and not plan.over_scope and not plan.needs_approval
    assert "保函足额，担保替代保全，无需采取保全措施" in plan.notes


# -- never selected --------------------------------------------------------------------------


def test_wage_account_never_selected_and_listed_with_reason() -> None:
    plan = plan_of("1000000", [account("w", "wage", "5000000"), account("g", "general", "100000")])
    assert "w" not in picked(plan)
    (exclusion,) = [e for e in plan.excluded if e.asset_id == "w"]
    assert "农民工工资" in exclusion.reason and "第三十三条" in exclusion.reason
    assert not plan.covers_claim


def test_protected_asset_never_selected_and_listed_with_reason() -> None:
    guarded = Asset("p", "real_estate", None, D("2000000"), protected=True, protected_reason="唯一住房")
    plan = plan_of("1000000", [guarded, account("g", "general", "3000000")])
    assert picked(plan) == {"g": D("1000000.00")}
    assert ("p", "已标记为不得保全的财产：唯一住房") in plan.excluded


# -- harm order ------------------------------------------------------------------------------


def test_idle_assets_come_before_accounts() -> None:
    plan = plan_of("1000000", [account("g", "general", "5000000"), thing("h", "real_estate", "1050000")])
    assert picked(plan) == {"h": D("1050000.00")}
    assert plan.selected[0].measure is Measure.SEIZE
    assert not plan.over_scope  # 5% over on a whole asset is not "clearly" over
    assert any("未明显超出" in n for n in plan.notes)


def test_general_and_special_accounts_capped_general_first() -> None:
    plan = plan_of(
        "1000000",
        [account("s", "special", "900000"), account("g1", "general", "300000"), account("g2", "general", "500000")],
    )
    assert picked(plan) == {"g2": D("500000.00"), "g1": D("300000.00"), "s": D("200000.00")}
    assert all(s.measure is Measure.FREEZE for s in plan.selected)
    assert plan.total_preserved == D("1000000.00") and plan.covers_claim


def test_capped_freeze_is_min_of_balance_and_need() -> None:
    plan = plan_of("250000.50", [account("g", "general", "1000000")])
    assert picked(plan) == {"g": D("250000.50")}


def test_operational_assets_sealed_with_continued_use_before_accounts() -> None:
    # 《财产保全规定》第十三条 and the seed's 一般不得径行冻结账户: an asset in use is sealed, the
    # respondent keeps using it, and no account is frozen.
    plan = plan_of("300000", [thing("car", "vehicle", "350000", used=True), account("g", "general", "500000")])
    assert picked(plan) == {"car": D("350000.00")}
    assert plan.selected[0].keeps_use and plan.selected[0].measure is Measure.SEIZE
    assert any("活封" in n and "继续使用" in n for n in plan.notes)
    assert not plan.over_scope and not plan.needs_approval


def test_idle_assets_before_operational_ones() -> None:
    plan = plan_of("300000", [thing("m", "equipment", "320000", used=True), thing("car", "vehicle", "310000")])
    assert picked(plan) == {"car": D("310000.00")}
    assert not plan.selected[0].keeps_use


def test_operational_assets_come_before_basic_account() -> None:
    plan = plan_of("1000000", [account("b", "basic", "5000000"), thing("m", "equipment", "1100000", used=True)])
    assert picked(plan) == {"m": D("1100000.00")}
    assert not plan.needs_approval
    assert any("继续使用" in n for n in plan.notes)


def test_basic_account_last_only_when_nothing_else_covers() -> None:
    plan = plan_of(
        "1000000",
        [account("b", "basic", "5000000"), account("g", "general", "200000"), thing("car", "vehicle", "300000")],
    )
    assert picked(plan) == {"car": D("300000.00"), "g": D("200000.00"), "b": D("500000.00")}
    assert plan.needs_approval
    assert plan.covers_claim
    assert any("院领导审批" in n for n in plan.notes)


def test_basic_account_comes_before_a_clearly_excessive_seizure() -> None:
    # 查封规定第十九条 forbids clear excess; the basic account is only "considered with care".
    plan = plan_of("1000000", [account("b", "basic", "5000000"), thing("m", "equipment", "5000000")])
    assert picked(plan) == {"b": D("1000000.00")}
    assert plan.needs_approval and not plan.over_scope
    alternative = [n for n in plan.notes if n.startswith("备选方案")]
    assert alternative and "5,000,000.00" in alternative[0] and "第十九条" in alternative[0]
    assert "未采用" in alternative[0]


def test_excessive_seizure_only_when_the_basic_account_cannot_cover() -> None:
    plan = plan_of("1000000", [account("b", "basic", "200000"), thing("m", "equipment", "5000000")])
    assert picked(plan) == {"m": D("5000000.00")}
    assert plan.over_scope and not plan.needs_approval
    assert "基本账户亦不足" in plan.over_scope_reason and "第十九条" in plan.over_scope_reason


# -- divisibility and excess -----------------------------------------------------------------


def test_whole_assets_taken_whole() -> None:
    plan = plan_of("100000", [thing("car", "vehicle", "300000"), thing("van", "vehicle", "90000")])
    # The van alone falls short and nothing is divisible, so the car is seized whole; the van
    # is not added on top (it would only add excess).
    assert picked(plan) == {"car": D("300000.00")}
    assert plan.over_scope


def test_least_excess_combination_within_a_tier() -> None:
    assets = [thing(i, "inventory", v) for i, v in [("a", "60000"), ("b", "50000"), ("c", "45000"), ("d", "120000")]]
    plan = plan_of("100000", assets)
    assert picked(plan) == {"a": D("60000.00"), "c": D("45000.00")}
    assert plan.total_preserved == D("105000.00")


def test_clearly_excessive_whole_asset_avoided_when_others_cover() -> None:
    plan = plan_of(
        "1000000",
        [
            thing("h", "real_estate", "5000000", indivisible=True),
            thing("car", "vehicle", "300000"),
            account("g", "general", "800000"),
        ],
    )
    assert picked(plan) == {"car": D("300000.00"), "g": D("700000.00")}
    assert not plan.over_scope
    assert any("明显超过" in n and "不整体查封" in n for n in plan.notes)


def test_over_scope_flagged_only_when_unavoidable_with_reason() -> None:
    plan = plan_of("1000000", [thing("h", "real_estate", "5000000", indivisible=True)])
    assert picked(plan) == {"h": D("5000000.00")}
    assert plan.over_scope
    assert "不可分割" in plan.over_scope_reason and "无法避免" in plan.over_scope_reason


# -- real estate in part (《财产保全规定》第十五条) --------------------------------------------


def test_real_estate_clearly_worth_more_is_sealed_for_the_corresponding_part() -> None:
    plan = plan_of("1000000", [thing("h", "real_estate", "5000000"), account("g", "general", "3000000")])
    assert picked(plan) == {"h": D("1000000.00")}
    assert not plan.over_scope
    assert any("相应价值部分" in n and "第十五条" in n for n in plan.notes)


def test_real_estate_not_clearly_worth_more_is_sealed_whole() -> None:
    plan = plan_of("1000000", [thing("h", "real_estate", "1100000")])
    assert picked(plan) == {"h": D("1100000.00")}


def test_least_value_encumbered_within_a_tier() -> None:
    # A whole car of 1.1M (not clearly over) or a part of 1M of a house: the part encumbers less.
    plan = plan_of("1000000", [thing("car", "vehicle", "1100000"), thing("h", "real_estate", "5000000")])
    assert picked(plan) == {"h": D("1000000.00")}
    # Of two houses, the less valuable one is sealed in part.
    plan = plan_of("1000000", [thing("h1", "real_estate", "9000000"), thing("h2", "real_estate", "3000000")])
    assert picked(plan) == {"h2": D("1000000.00")}


def test_a_house_taken_earlier_is_sealed_in_part_rather_than_freezing_the_basic_account() -> None:
    # The idle house alone falls short; the machine in use would clearly exceed unless the house
    # is sealed for part of its value, which covers exactly without the basic account.
    plan = plan_of(
        "1000000",
        [
            thing("h", "real_estate", "300000"),
            thing("m", "equipment", "950000", used=True),
            account("b", "basic", "9e6"),
        ],
    )
    assert picked(plan) == {"h": D("50000.00"), "m": D("950000.00")}
    assert not plan.needs_approval and not plan.over_scope


def test_part_of_a_second_house_closes_the_gap() -> None:
    plan = plan_of("1000000", [thing("h1", "real_estate", "800000"), thing("h2", "real_estate", "800000")])
    assert sorted(picked(plan).values()) == [D("200000.00"), D("800000.00")]
    assert plan.total_preserved == D("1000000.00") and not plan.over_scope


def test_excess_rule_is_a_parameter() -> None:
    assets = [thing("h", "real_estate", "1150000", indivisible=True), account("g", "general", "2000000")]
    default = plan_of("1000000", assets)
    assert picked(default) == {"h": D("1150000.00")}
    strict = plan_of("1000000", assets, rule=ExcessRule(ratio=D("1.1"), margin=D("10000")))
    assert picked(strict) == {"g": D("1000000.00")}


def test_redundant_assets_dropped_when_a_later_whole_asset_covers() -> None:
    plan = plan_of(
        "1000000",
        [
            thing("car", "vehicle", "300000"),
            account("g", "general", "100000"),
            thing("m", "equipment", "1050000", used=True),
        ],
    )
    assert picked(plan) == {"m": D("1050000.00")}
    assert not plan.over_scope


def test_all_permitted_taken_when_they_cannot_cover() -> None:
    plan = plan_of(
        "10000000",
        [
            thing("h", "real_estate", "2000000"),
            account("g", "general", "500000"),
            thing("m", "equipment", "700000", used=True),
            account("w", "wage", "9000000"),
        ],
    )
    assert picked(plan) == {"h": D("2000000.00"), "g": D("500000.00"), "m": D("700000.00")}
    assert not plan.covers_claim
    assert plan.shortfall == D("6800000.00")
    assert any("未能足额保全" in n for n in plan.notes)


def test_amounts_quantised_to_fen() -> None:
    plan = plan_of("1000.005", [account("g", "general", "99999.999")])
    assert plan.need == D("1000.01")
    assert plan.selected[0].amount == D("1000.01")
    assert money("1,200,000") == D("1200000.00")


def test_plan_as_dict_shape() -> None:
    data = plan_of("1000000", [account("g", "general", "2000000")]).as_dict()
    assert data["need"] == "1000000.00"
    assert data["selected"] == [{"id": "g", "measure": "freeze", "amount": "1000000.00", "keeps_use": False}]
    assert data["covers_claim"] is True and data["over_scope"] is False


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"id": "a", "type": "account", "value": "1"}, "assets.account_kind"),
        ({"id": "a", "type": "vehicle", "account_kind": "basic", "value": "1"}, "assets.account_kind"),
        ({"id": "a", "type": "boat", "value": "1"}, "assets.type"),
        ({"id": "a", "type": "vehicle", "value": "-1"}, "assets.value"),
        ({"id": "a", "type": "vehicle", "value": "abc"}, "assets.value"),
    ],
)
def test_bad_asset_rejected(kwargs, field) -> None:
    with pytest.raises(ValidationError) as info:
        Asset(**kwargs)
    assert info.value.field == field


def test_duplicate_asset_ids_rejected() -> None:
    with pytest.raises(ValidationError):
        plan_of("1", [account("a", "general", "1"), account("a", "general", "2")])


def test_tier_labels() -> None:
    assert Tier.BASIC.label == "基本账户"
