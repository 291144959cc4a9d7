"""The reverse schedule through the service: the worked example, holidays, calendar overrides, lights."""

from __future__ import annotations

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from tests.conftest import FIXED_NOW
from tests.services.approvals.helpers import D, create, example_lines, plan_input

# -- the schedule ------------------------------------------------------------------------------
EXAMPLE = {
    "A": ("2026-09-21", "2026-10-10", "2026-09-22", "2026-10-12", 1),
    "B": ("2026-09-21", "2026-09-28", "2026-09-30", "2026-10-12", 6),
    "C": ("2026-10-12", "2026-10-14", "2026-10-13", "2026-10-15", 1),
    "D": ("2026-10-15", "2026-10-15", "2026-10-19", "2026-10-19", 2),
    "E": ("2026-10-15", "2026-10-16", "2026-10-16", "2026-10-19", 1),
}


def test_worked_example_through_the_service(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    for code, (es, ef, ls, lf, slack) in EXAMPLE.items():
        i = view.item(code)
        assert (i.earliest_start, i.earliest_finish, i.latest_start, i.latest_finish, i.slack_days) == (
            D(es),
            D(ef),
            D(ls),
            D(lf),
            slack,
        ), code
    assert view.feasible and view.critical_path == ("A", "C", "E")


def test_schedule_across_the_spring_festival(db, admin):
    """2026: 15–23 Feb off, Sat 14 Feb and Sat 28 Feb are make-up working days."""
    lines = [
        svc.OrderLine("P", "must_do", "r", name="事项P", days=3),
        svc.OrderLine("Q", "must_do", "r", name="事项Q", days=4, after=("P",)),
    ]
    pid = create(db, admin, plan_input(lines, start="2026-02-12", target="2026-03-06"))
    view = svc.project_detail(db, admin, pid, today=D("2026-02-12"))
    p, q = view.item("P"), view.item("Q")
    assert (p.earliest_start, p.earliest_finish) == (D("2026-02-12"), D("2026-02-14"))
    assert (q.earliest_start, q.earliest_finish) == (D("2026-02-24"), D("2026-02-27"))
    assert (q.latest_start, q.latest_finish) == (D("2026-03-02"), D("2026-03-05"))
    assert (p.latest_start, p.latest_finish) == (D("2026-02-26"), D("2026-02-28"))
    assert (p.slack_days, q.slack_days) == (5, 5)


def test_calendar_override_moves_every_date(db, admin):
    from laoshan_desk.services import calendar

    pid = create(db, admin, plan_input(example_lines()))
    calendar.set_override(db, admin, calendar.OverrideForm(D("2026-10-12"), False, "测试：临时放假"), now=FIXED_NOW)
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert view.item("C").earliest_start == D("2026-10-13")


# -- tracking and lights -----------------------------------------------------------------------
def test_lights_follow_the_latest_finish(db, admin):
    pid = create(db, admin, plan_input(example_lines()))

    def light(code, today):
        return svc.project_detail(db, admin, pid, today=D(today)).item(code).light

    assert light("D", "2026-10-13") is Light.GREEN  # latest finish 19 Oct: 4 working days away
    assert light("D", "2026-10-15") is Light.YELLOW  # 2 working days away
    assert light("D", "2026-10-19") is Light.YELLOW  # due today
    assert light("D", "2026-10-20") is Light.RED  # late
    assert svc.project_detail(db, admin, pid, today=D("2026-10-20")).light is Light.RED


def test_infeasible_plan_is_red(db, admin):
    lines = [svc.OrderLine("A", "must_do", "r", name="长事项", days=30)]
    pid = create(db, admin, plan_input(lines))
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert not view.feasible and view.item("A").light is Light.RED
