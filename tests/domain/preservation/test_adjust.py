"""A judge's changes re-checked: lawful changes, violations, the basic account, over-scope."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.preservation import (
    Asset,
    Measure,
    Selection,
    adjust_plan,
    check_selection,
)
from tests.domain.preservation.builders import D, account, plan_of, thing

# -- the judge's changes ---------------------------------------------------------------------

ASSETS = [
    account("b", "basic", "3000000"),
    account("g", "general", "800000"),
    account("w", "wage", "500000"),
    thing("car", "vehicle", "300000"),
    thing("h", "real_estate", "5000000"),
    Asset("p", "inventory", None, D("400000"), protected=True),
]


def test_adjust_plan_lawful_change_has_no_violations() -> None:
    plan = plan_of("1000000", ASSETS)
    adjusted, violations = adjust_plan(plan, ASSETS, [("g", D("700000")), ("car", None)])
    assert violations == []
    assert adjusted.adjusted and adjusted.total_preserved == D("1000000.00")
    assert adjusted.covers_claim and not adjusted.over_scope


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ([("w", D("100000")), ("g", None), ("car", None)], "农民工工资专用账户"),
        ([("p", None), ("g", None)], "不得保全"),
        ([("g", D("900000")), ("car", None)], "超过账户余额"),
        ([("h", None)], "超标的额"),
        ([("b", D("1000000"))], "院领导审批"),
        ([("g", D("800000")), ("h", None)], "可减少"),
        ([("car", D("100000")), ("g", None)], "整体查封"),
        ([("zzz", None)], "不在被申请人财产清单中"),
        ([("g", None), ("g", None)], "重复"),
    ],
)
def test_adjust_plan_violations(change, fragment) -> None:
    plan = plan_of("1000000", ASSETS)
    _adjusted, violations = adjust_plan(plan, ASSETS, change)
    assert any(fragment in v for v in violations), violations


def test_adjust_plan_basic_account_when_needed_is_no_violation() -> None:
    assets = [account("b", "basic", "3000000"), account("g", "general", "200000")]
    plan = plan_of("1000000", assets)
    adjusted, violations = adjust_plan(plan, assets, list(plan.selected))
    assert violations == []
    assert adjusted.needs_approval


def test_adjust_plan_unavoidable_over_scope_is_no_violation() -> None:
    assets = [thing("h", "real_estate", "5000000", indivisible=True)]
    plan = plan_of("1000000", assets)
    adjusted, violations = adjust_plan(plan, assets, ["h"])
    assert violations == []
    assert adjusted.over_scope


def test_sealing_a_divisible_house_whole_is_avoidable_excess() -> None:
    # 《财产保全规定》第十五条: the corresponding part of its value would do.
    assets = [thing("h", "real_estate", "5000000")]
    plan = plan_of("1000000", assets)
    _adjusted, violations = adjust_plan(plan, assets, ["h"])
    assert any("超标的额" in v for v in violations)


def test_check_selection_direct() -> None:
    assert check_selection(ASSETS, "1000000", [Selection("g", Measure.FREEZE, D("700000")), "car"]) == []
