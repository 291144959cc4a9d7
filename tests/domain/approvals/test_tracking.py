"""Tests of the item lights, on-time and "ready to issue"."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.approvals import (
    Classification,
    DispatchBucket,
    ItemSignal,
    ItemState,
    ItemStatus,
    PlanItem,
    dispatch_bucket,
    finished_on_time,
    is_overdue,
    item_light,
    item_signal,
    open_item_light,
    rate_light,
    ready_to_issue,
    schedule,
    worst_signal,
)
from laoshan_desk.domain.lights import Light
from tests.domain.approvals.examples import CAL, D, example, example_items


# -- lights -----------------------------------------------------------------------------------
def test_light_rules():
    c = example()["C"]  # latest finish Thu 2026-10-15, slack 1
    assert item_light(c, D("2026-10-09"), CAL) is Light.GREEN  # 9→15: 10,12,13,14,15 = 5
    assert item_light(c, D("2026-10-12"), CAL) is Light.GREEN  # 3 working days away
    assert item_light(c, D("2026-10-13"), CAL) is Light.YELLOW  # 2
    assert item_light(c, D("2026-10-14"), CAL) is Light.YELLOW  # 1
    assert item_light(c, D("2026-10-15"), CAL) is Light.YELLOW  # 0: due today
    assert item_light(c, D("2026-10-16"), CAL) is Light.RED  # late
    assert item_light(c, D("2026-10-16"), CAL, done=True) is Light.GREY
    assert item_light(c, D("2026-10-16"), CAL, actual_finish=D("2026-10-15")) is Light.GREY
    assert item_light(None, D("2026-10-16"), CAL) is Light.GREY


def test_yellow_counts_working_days_across_the_holiday():
    a = example()["A"]  # latest finish Mon 2026-10-12
    # From 30 Sep the holiday week intervenes: 8, 9, 10, 12 = 4 working days → green.
    assert item_light(a, D("2026-09-30"), CAL) is Light.GREEN
    # From Fri 9 Oct: Sat 10 (make-up day) and Mon 12 = 2 working days → yellow.
    assert item_light(a, D("2026-10-09"), CAL) is Light.YELLOW


def test_infeasible_item_is_red_at_once():
    result = schedule(example_items(), D("2026-09-21"), D("2026-10-14"), CAL)
    assert item_light(result["A"], D("2026-09-21"), CAL) is Light.RED


def test_done_item_in_schedule_is_grey():
    items = [PlanItem("A", "A", 1, actual_finish=D("2026-03-02"))]
    result = schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert item_light(result["A"], D("2026-04-30"), CAL) is Light.GREY


def test_finished_on_time():
    c = example()["C"]
    assert finished_on_time(c, D("2026-10-15"))
    assert not finished_on_time(c, D("2026-10-16"))


# -- ready to issue ---------------------------------------------------------------------------
def test_ready_to_issue_after_fire_acceptance_passes():
    """The seed: filing, licence and food licence were pre-reviewed in parallel and issued the
    day the acceptance passed."""

    def states(fire_status: ItemStatus, licence_status: ItemStatus) -> list[ItemState]:
        return [
            ItemState("FIRE", status=fire_status),
            ItemState("FILING", status=ItemStatus.PRE_REVIEW, prerequisites=("FIRE",)),
            ItemState("LICENCE", status=licence_status, prerequisites=("FIRE",)),
            ItemState("FOOD", status=ItemStatus.PRE_REVIEW, prerequisites=("LICENCE",)),
            ItemState("SIGN", status=ItemStatus.NOT_STARTED, prerequisites=("LICENCE",)),
            ItemState("STAR", Classification.SELF_HANDLED, ItemStatus.PRE_REVIEW),
        ]

    assert ready_to_issue(states(ItemStatus.INSPECTION, ItemStatus.PRE_REVIEW)) == []
    assert ready_to_issue(states(ItemStatus.DONE, ItemStatus.PRE_REVIEW)) == ["FILING", "LICENCE"]
    assert ready_to_issue(states(ItemStatus.DONE, ItemStatus.DONE)) == ["FILING", "FOOD"]


def test_ready_to_issue_flag_and_met_prerequisites():
    rows = [
        ItemState("P", Classification.NOT_NEEDED),
        ItemState("Q", status="done"),
        # P is not must-do and MISSING is unknown: both met; Q is done.
        ItemState("A", status="accepted", prerequisites=("P", "MISSING", "Q")),
        ItemState("B", status="pre_review", prerequisites=("Q",), pre_reviewed=False),
        ItemState("C", status="not_started", prerequisites=("Q",), pre_reviewed=True),
        ItemState("D", status="done", prerequisites=("Q",)),
        # Never waited on anything: in progress, not "ready to issue".
        ItemState("E", status="pre_review", prerequisites=("P",)),
        ItemState("F", status="pre_review"),
    ]
    assert ready_to_issue(rows) == ["A", "C"]


def test_ranking_colours():
    assert rate_light(None) is Light.GREY
    assert rate_light(0.9) is Light.GREEN and rate_light(1.0) is Light.GREEN
    assert rate_light(0.75) is Light.YELLOW and rate_light(0.7) is Light.YELLOW
    assert rate_light(0.69) is Light.RED


# -- the morning call --------------------------------------------------------------------------
def test_dispatch_buckets_follow_the_lights():
    """D's latest finish is Mon 19 Oct 2026 (slack 2): on the list from two working days before."""
    d = example()["D"]
    lf = d.latest_finish
    assert dispatch_bucket(lf, d.slack_days, D("2026-10-14"), CAL) is None  # 3 working days away
    assert dispatch_bucket(lf, d.slack_days, D("2026-10-15"), CAL) == (DispatchBucket.SOON, 2)
    assert dispatch_bucket(lf, d.slack_days, D("2026-10-16"), CAL) == (DispatchBucket.SOON, 1)
    assert dispatch_bucket(lf, d.slack_days, D("2026-10-19"), CAL) == (DispatchBucket.TODAY, 0)
    assert dispatch_bucket(lf, d.slack_days, D("2026-10-21"), CAL) == (DispatchBucket.LATE, -2)
    assert dispatch_bucket(lf, -1, D("2026-10-14"), CAL) == (DispatchBucket.INFEASIBLE, 3)
    # every item on the list has a red or yellow light that day, and none off it does
    for day in (D("2026-10-12") + dt.timedelta(days=n) for n in range(12)):
        listed = dispatch_bucket(lf, d.slack_days, day, CAL) is not None
        assert listed == (open_item_light(lf, d.slack_days, day, CAL) is not Light.GREEN), day


def test_dispatch_buckets_in_urgency_order():
    assert [b.label for b in sorted(DispatchBucket, key=lambda b: b.urgency)] == [
        "已超期",
        "计划不可行",
        "今日到期",
        "2个工作日内到期",
    ]


def test_feasible_today_past_target_or_late_critical_item():
    import datetime as dt

    from laoshan_desk.domain.approvals import feasible_today

    target, today = dt.date(2026, 11, 20), dt.date(2026, 11, 25)
    assert feasible_today(True, target, today, []) is True  # everything ticked off
    assert feasible_today(True, target, today, [(dt.date(2026, 11, 19), False)]) is False  # target passed
    later = dt.date(2026, 12, 31)
    assert feasible_today(True, later, today, [(dt.date(2026, 11, 24), True)]) is False  # late on the path
    assert feasible_today(True, later, today, [(dt.date(2026, 11, 24), False)]) is True  # late off the path
    assert feasible_today(False, later, today, [(later, True)]) is False


def test_overdue_is_latest_finish_passed_and_not_ticked_off():
    """超期 (docs/rules.md §approvals-bulletin): the latest finish is before the day and the item
    was not ticked off by then. Due today is not yet overdue; an item ticked off is never overdue,
    even late; an item with no latest finish (not scheduled) is not overdue."""
    day = D("2026-11-25")
    assert is_overdue(D("2026-11-24"), None, day)
    assert not is_overdue(D("2026-11-25"), None, day)  # due today
    assert not is_overdue(D("2026-12-30"), None, day)  # only 计划不可行: its latest finish is ahead
    assert not is_overdue(D("2026-11-19"), D("2026-11-24"), day)  # 已销号 late: not overdue
    assert not is_overdue(D("2026-11-19"), D("2026-11-25"), day)  # ticked off today
    assert is_overdue(D("2026-11-19"), D("2026-11-26"), day)  # ticked off only after the day
    assert not is_overdue(None, None, day)


def test_the_signal_tells_overdue_from_infeasible():
    """docs/rules.md §approvals-lights: red reads 超期 only past the latest finish; red with the
    latest finish still ahead (negative slack) reads 计划不可行; a done item 已销号 whatever its light."""
    day = D("2026-11-25")
    red_late = open_item_light(D("2026-11-24"), 3, day, CAL)
    red_infeasible = open_item_light(D("2026-12-30"), -4, day, CAL)
    assert red_late is Light.RED and red_infeasible is Light.RED  # the premise: both are red
    assert item_signal(red_late, done=False, latest_finish=D("2026-11-24"), day=day) is ItemSignal.OVERDUE
    assert item_signal(red_infeasible, done=False, latest_finish=D("2026-12-30"), day=day) is ItemSignal.INFEASIBLE
    # due today and infeasible: not yet overdue
    assert item_signal(Light.RED, done=False, latest_finish=day, day=day) is ItemSignal.INFEASIBLE
    assert item_signal(Light.RED, done=True, latest_finish=D("2026-11-24"), day=day) is ItemSignal.DONE
    assert item_signal(Light.YELLOW, done=False, latest_finish=day, day=day).label == "临期"
    assert item_signal(Light.GREEN, done=False, latest_finish=D("2026-12-30"), day=day).label == "正常"
    assert item_signal(Light.GREY, done=False, latest_finish=None, day=day).label == "—"
    assert [s.label for s in (ItemSignal.OVERDUE, ItemSignal.INFEASIBLE, ItemSignal.DONE)] == [
        "超期",
        "计划不可行",
        "已销号",
    ]
    assert ItemSignal.INFEASIBLE.light is Light.RED and ItemSignal.DONE.light is Light.GREY


def test_a_project_shows_its_most_urgent_signal():
    s = ItemSignal
    assert worst_signal([s.ON_TRACK, s.INFEASIBLE, s.DONE]) is s.INFEASIBLE
    assert worst_signal([s.INFEASIBLE, s.OVERDUE]) is s.OVERDUE
    assert worst_signal([s.DONE, s.DONE]) is s.DONE
    assert worst_signal([s.ON_TRACK, s.DUE_SOON]) is s.DUE_SOON
    assert worst_signal([]) is s.NONE
