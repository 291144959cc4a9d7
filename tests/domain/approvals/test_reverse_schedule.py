"""Tests of the reverse schedule (docs/rules.md §approvals-reverse-schedule): the worked example, pins,
actuals, bad input and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.approvals import Classification, PlanItem, schedule
from laoshan_desk.domain.errors import ValidationError
from tests.domain.approvals.examples import CAL, HOTEL_START, HOTEL_TARGET, D, example, example_items, fire_case


# -- the worked example (docs/rules.md §approvals-reverse-schedule) ---------------------------
def test_calendar_assumptions_of_the_example():
    assert not CAL.is_workday(D("2026-09-25"))
    assert all(not CAL.is_workday(D(f"2026-10-0{d}")) for d in range(1, 8))
    assert CAL.is_workday(D("2026-10-10"))


@pytest.mark.parametrize(
    "code, es, ef, ls, lf, slack",
    [
        ("A", "2026-09-21", "2026-10-10", "2026-09-22", "2026-10-12", 1),
        ("B", "2026-09-21", "2026-09-28", "2026-09-30", "2026-10-12", 6),
        ("C", "2026-10-12", "2026-10-14", "2026-10-13", "2026-10-15", 1),
        ("D", "2026-10-15", "2026-10-15", "2026-10-19", "2026-10-19", 2),
        ("E", "2026-10-15", "2026-10-16", "2026-10-16", "2026-10-19", 1),
    ],
)
def test_worked_example(code, es, ef, ls, lf, slack):
    item = example()[code]
    assert (item.earliest_start, item.earliest_finish) == (D(es), D(ef))
    assert (item.latest_start, item.latest_finish) == (D(ls), D(lf))
    assert item.slack_days == slack


def test_worked_example_plan():
    result = example()
    assert result.feasible
    assert result.critical_path == ("A", "C", "E")
    assert [c for c, s in result.items.items() if s.on_critical_path] == ["A", "C", "E"]
    assert list(result.items) == ["A", "B", "C", "D", "E"]
    assert result.finish_date == D("2026-10-16")
    assert result.warnings == ()


# -- scope: only must-do items ----------------------------------------------------------------
def test_only_must_do_items_are_scheduled_and_others_count_as_met():
    items = [
        PlanItem("A", "事项A", 10, classification=Classification.SELF_HANDLED),
        PlanItem("B", "事项B", 5, classification="not_needed"),
        PlanItem("C", "事项C", 3, ("A", "B")),
        PlanItem("D", "事项D", 1, ("C", "ZZZ")),  # ZZZ is not in the list at all: met
    ]
    result = schedule(items, D("2026-09-21"), D("2026-10-20"), CAL)
    assert list(result.items) == ["C", "D"]
    assert "A" not in result and result.get("B") is None
    assert result["C"].earliest_start == D("2026-09-21")
    assert result["C"].prerequisites == ()
    assert result["D"].prerequisites == ("C",)


def test_start_on_a_holiday_moves_to_the_next_working_day():
    result = schedule([PlanItem("A", "A", 2)], D("2026-10-01"), D("2026-10-30"), CAL)
    # 1–7 Oct are off, 8 Oct is the first working day.
    assert result["A"].earliest_start == D("2026-10-08")
    assert result["A"].earliest_finish == D("2026-10-09")


def test_make_up_saturday_is_used():
    # Thu 8, Fri 9, Sat 10 (make-up working day): three days end on Saturday.
    result = schedule([PlanItem("A", "A", 3)], D("2026-10-08"), D("2026-10-30"), CAL)
    assert result["A"].earliest_finish == D("2026-10-10")


def test_end_items_must_finish_before_the_target_date():
    # Target on Thursday 8 Oct: the last working day before it is 30 Sep (holiday week between).
    result = schedule([PlanItem("A", "A", 1)], D("2026-09-21"), D("2026-10-08"), CAL)
    assert result["A"].latest_finish == D("2026-09-30")


def test_infeasible_plan_has_negative_slack():
    result = schedule(example_items(), D("2026-09-21"), D("2026-10-14"), CAL)
    assert not result.feasible
    assert result["A"].slack_days < 0
    assert result.critical_path[0] == "A"
    assert result.min_slack == min(s.slack_days for s in result.items.values())


def test_duplicate_prerequisite_is_one_edge():
    items = [PlanItem("A", "A", 2), PlanItem("B", "B", 1, ["A", "A"])]
    result = schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert result["B"].prerequisites == ("A",)


# -- bad input --------------------------------------------------------------------------------
def test_cycle_names_the_cycle():
    items = [PlanItem("A", "A", 1, ("B",)), PlanItem("B", "B", 1, ("A",))]
    with pytest.raises(ValidationError) as err:
        schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert err.value.message == "前置事项循环：A → B → A"
    assert err.value.code == "prerequisite_cycle"


def test_longer_cycle_and_self_cycle():
    items = [
        PlanItem("X", "X", 1),
        PlanItem("A", "A", 1, ("C", "X")),
        PlanItem("B", "B", 1, ("A",)),
        PlanItem("C", "C", 1, ("B",)),
    ]
    with pytest.raises(ValidationError, match="前置事项循环：A → B → C → A"):
        schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    with pytest.raises(ValidationError, match="前置事项循环：S → S"):
        schedule([PlanItem("S", "S", 1, ("S",))], D("2026-03-02"), D("2026-03-31"), CAL)


def test_cycle_through_an_item_that_is_not_must_do_is_broken():
    items = [
        PlanItem("A", "A", 1, ("B",)),
        PlanItem("B", "B", 1, ("A",), classification=Classification.NOT_NEEDED),
    ]
    result = schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert list(result.items) == ["A"]


@pytest.mark.parametrize("days", [0, -3, True, 1.5])
def test_duration_below_one_working_day_is_refused(days):
    with pytest.raises(ValidationError) as err:
        schedule([PlanItem("A", "A", days)], D("2026-03-02"), D("2026-03-31"), CAL)
    assert err.value.field == "days"
    assert "A" in err.value.message


def test_duplicate_code_and_bad_dates_are_refused():
    with pytest.raises(ValidationError, match="重复"):
        schedule([PlanItem("A", "A", 1), PlanItem("A", "A2", 1)], D("2026-03-02"), D("2026-03-31"), CAL)
    with pytest.raises(ValidationError, match="目标日期"):
        schedule([PlanItem("A", "A", 1)], D("2026-03-02"), D("2026-03-02"), CAL)


def test_fixed_finish_pins_the_node_and_dependents_follow():
    result = schedule(fire_case(), HOTEL_START, HOTEL_TARGET, CAL)
    fire = result["FIRE"]
    assert fire.earliest_finish == D("2026-04-28") and fire.pinned
    assert CAL.workdays_in(fire.earliest_start, fire.earliest_finish) == 10
    assert result["LICENCE"].earliest_start == D("2026-04-29")
    assert result["FOOD"].earliest_start == D("2026-04-30")
    assert not result["SIGN"].pinned


def test_fixed_finish_earlier_than_possible_is_ignored_with_a_warning():
    items = [PlanItem("A", "A", 5), PlanItem("B", "B", 5, ("A",), fixed_finish=D("2026-03-03"))]
    result = schedule(items, D("2026-03-02"), D("2026-04-30"), CAL)
    assert result["B"].earliest_finish == D("2026-03-13")
    assert not result["B"].pinned
    assert len(result.warnings) == 1 and "B" in result.warnings[0]


def test_fixed_start_holds_an_item_back():
    items = [PlanItem("A", "A", 2, fixed_start=D("2026-10-03")), PlanItem("B", "B", 1, ("A",))]
    result = schedule(items, D("2026-09-21"), D("2026-10-30"), CAL)
    assert result["A"].earliest_start == D("2026-10-08") and result["A"].pinned
    assert result["B"].earliest_start == D("2026-10-10")


def test_actual_finish_replaces_the_plan_and_dependents_start_after_it():
    items = fire_case(D("2026-05-15"))
    items[0] = PlanItem("FIRE", "消防验收", 10, fixed_finish=D("2026-05-15"), actual_finish=D("2026-05-12"))
    result = schedule(items, HOTEL_START, HOTEL_TARGET, CAL)
    assert result["FIRE"].done and result["FIRE"].earliest_finish == D("2026-05-12")
    assert result["LICENCE"].earliest_start == D("2026-05-13")
    # Done items do not count against feasibility nor compete for the critical path.
    assert "FIRE" not in result.critical_path


def test_actual_start_fixes_the_start():
    items = [PlanItem("A", "A", 3, actual_start=D("2026-03-05"))]
    result = schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert result["A"].earliest_start == D("2026-03-05")
    assert result["A"].earliest_finish == D("2026-03-09")


def test_all_done_project_still_shows_a_chain():
    items = [
        PlanItem("A", "A", 2, actual_finish=D("2026-03-03")),
        PlanItem("B", "B", 2, ("A",), actual_finish=D("2026-03-05")),
    ]
    result = schedule(items, D("2026-03-02"), D("2026-03-31"), CAL)
    assert result.feasible and result.min_slack is None
    assert result.critical_path


# -- properties -------------------------------------------------------------------------------
@st.composite
def plans(draw):
    n = draw(st.integers(1, 8))
    items = []
    for i in range(n):
        prereqs = draw(st.lists(st.integers(0, i - 1), unique=True, max_size=3)) if i else []
        cls = draw(st.sampled_from([Classification.MUST_DO] * 4 + [Classification.NOT_NEEDED]))
        items.append(PlanItem(f"I{i}", f"事项{i}", draw(st.integers(1, 15)), tuple(f"I{p}" for p in prereqs), cls))
    start = D("2026-01-01") + dt.timedelta(days=draw(st.integers(0, 300)))
    target = start + dt.timedelta(days=draw(st.integers(1, 120)))
    return items, start, target


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_schedule_properties(plan):
    items, start, target = plan
    result = schedule(items, start, target, CAL)
    must = {i.code: i for i in items if i.classification is Classification.MUST_DO}
    assert set(result.items) == set(must)
    last_day = CAL.previous_workday(target, inclusive=False)
    for code, s in result.items.items():
        # durations are respected in working days, both ways round
        assert CAL.workdays_in(s.earliest_start, s.earliest_finish) == s.days
        assert CAL.workdays_in(s.latest_start, s.latest_finish) == s.days
        assert CAL.is_workday(s.earliest_start) and CAL.is_workday(s.latest_finish)
        # ES <= LS iff slack >= 0
        assert (s.earliest_start <= s.latest_start) == (s.slack_days >= 0)
        assert s.earliest_start >= start
        assert s.latest_finish <= last_day
        preds = [p for p in must[code].prerequisites if p in must]
        assert set(s.prerequisites) == set(preds)
        if preds:
            latest_pred = max(result[p].earliest_finish for p in preds)
            assert s.earliest_start > latest_pred
            assert CAL.workdays_between(latest_pred, s.earliest_start) == 1
            for p in preds:
                assert result[p].latest_finish < s.latest_start
        else:
            assert s.earliest_start == CAL.next_workday(start)
    assert result.feasible == all(s.slack_days >= 0 for s in result.items.values())
    path = result.critical_path
    if result.items:
        least = min(s.slack_days for s in result.items.values())
        assert path and all(result[c].slack_days == least for c in path)
        for before, after in zip(path, path[1:], strict=False):
            assert before in result[after].prerequisites
    assert {c for c, s in result.items.items() if s.on_critical_path} == set(path)


@settings(max_examples=80, deadline=None)
@given(plans(), st.integers(0, 60))
def test_pin_never_makes_anything_earlier(plan, offset):
    items, start, target = plan
    must = [i for i in items if i.classification is Classification.MUST_DO]
    if not must:
        return
    base = schedule(items, start, target, CAL)
    code = must[0].code
    pin = base[code].earliest_finish + dt.timedelta(days=offset)
    pinned = [
        PlanItem(i.code, i.name, i.days, i.prerequisites, i.classification, fixed_finish=pin) if i.code == code else i
        for i in items
    ]
    moved = schedule(pinned, start, target, CAL)
    assert moved[code].earliest_finish == CAL.next_workday(pin)
    for c, s in moved.items.items():
        assert s.earliest_start >= base[c].earliest_start
        assert s.earliest_finish >= base[c].earliest_finish
        assert s.latest_finish == base[c].latest_finish  # backward pass ignores pins
