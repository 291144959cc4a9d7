"""Tests of moving a node (调整节点) and the cascade."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.approvals import PlanItem, move_node
from laoshan_desk.domain.errors import ValidationError
from tests.domain.approvals.examples import CAL, HOTEL_START, HOTEL_TARGET, D, fire_case


# -- cascade ----------------------------------------------------------------------------------
def test_move_fire_acceptance_from_28_april_to_15_may():
    moved = move_node(fire_case(), "FIRE", D("2026-05-15"), "幕墙调试延期", HOTEL_START, HOTEL_TARGET, CAL)
    assert moved.old_finish == D("2026-04-28") and moved.new_finish == D("2026-05-15")
    assert moved.reason == "幕墙调试延期"
    assert moved.schedule["LICENCE"].earliest_start == D("2026-05-18")
    assert moved.schedule["FILING"].earliest_finish == D("2026-05-20")
    assert moved.schedule["FOOD"].earliest_finish == D("2026-05-25")
    assert set(moved.dependents) == {"FILING", "LICENCE", "FOOD"}
    shift = {s.code: s for s in moved.shifted}
    assert "SIGN" not in shift
    assert shift["FIRE"].workdays == CAL.workdays_between(D("2026-04-28"), D("2026-05-15"))
    assert moved.schedule.feasible
    assert [i.fixed_finish for i in moved.items if i.code == "FIRE"] == [D("2026-05-15")]
    assert moved.before["FIRE"].earliest_finish == D("2026-04-28")


def test_move_can_bring_a_node_earlier():
    moved = move_node(fire_case(), "FIRE", D("2026-04-24"), "提前完工", HOTEL_START, HOTEL_TARGET, CAL)
    assert moved.schedule["LICENCE"].earliest_start == D("2026-04-27")


@pytest.mark.parametrize(
    "code, day, reason, match",
    [
        ("FIRE", "2026-05-15", "  ", "原因"),
        ("FIRE", "2026-05-16", "原因", "不是工作日"),  # Saturday, not a make-up day
        ("NOPE", "2026-05-15", "原因", "不是本项目的必办事项"),
        ("FOOD", "2026-02-27", "原因", "早于前置事项允许的最早完成日期"),
    ],
)
def test_move_refusals(code, day, reason, match):
    with pytest.raises(ValidationError, match=match):
        move_node(fire_case(), code, D(day), reason, HOTEL_START, HOTEL_TARGET, CAL)


def test_move_refuses_a_done_item_and_an_item_not_must_do():
    items = fire_case()
    items[4] = PlanItem("SIGN", "户外招牌", 5, actual_finish=D("2026-03-06"))
    with pytest.raises(ValidationError, match="已销号"):
        move_node(items, "SIGN", D("2026-05-15"), "原因", HOTEL_START, HOTEL_TARGET, CAL)
    items[4] = PlanItem("SIGN", "户外招牌", 5, classification="self_handled")
    with pytest.raises(ValidationError, match="必办"):
        move_node(items, "SIGN", D("2026-05-15"), "原因", HOTEL_START, HOTEL_TARGET, CAL)
