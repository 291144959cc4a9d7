"""The task-force log, classification with a reason, the gold team and assignment."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import approvals as svc
from tests.services.approvals.helpers import D, example_lines, plan_input


# -- task-force log ----------------------------------------------------------------------------
def test_log_entries_and_counts(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    svc.add_log_entry(db, admin, pid, svc.LogInput("meeting", D("2026-09-21"), "启动会"))
    svc.add_log_entry(
        db, admin, pid, svc.LogInput("visit", D("2026-09-22"), "现场", departments=("区住房和城乡建设局",))
    )
    with pytest.raises(ValidationError) as err:
        svc.add_log_entry(db, admin, pid, svc.LogInput("problem", D("2026-09-22"), "消防通道被占用"))
    assert err.value.field == "owner"
    eid = svc.add_log_entry(db, admin, pid, svc.LogInput("problem", D("2026-09-22"), "消防通道被占用", owner="吕鹏"))
    assert svc.log_counts(db, admin, pid) == svc.LogCounts(1, 1, 1, 0)
    with pytest.raises(ValidationError):
        svc.solve_problem(db, admin, eid, D("2026-09-20"))
    svc.solve_problem(db, admin, eid, D("2026-09-24"))
    counts = svc.log_counts(db, admin, pid)
    assert (counts.solved, counts.open_problems) == (1, 0)


# -- classification, team, scope, conflicts ----------------------------------------------------
def test_classify_needs_a_reason_and_changes_the_schedule(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    d = svc.project_detail(db, admin, pid).item("D")
    with pytest.raises(ValidationError, match="理由"):
        svc.classify_item(db, admin, d.id, "not_needed", "")
    svc.classify_item(db, admin, d.id, "not_needed", "企业已取得")
    view = svc.project_detail(db, admin, pid)
    assert view.item("D").classification == "not_needed" and view.item("D").earliest_start is None
    assert view.item("D").reason == "企业已取得"


def test_gold_team_and_assignment(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    svc.set_team(
        db,
        admin,
        pid,
        [
            svc.TeamInput("commander", "刘志远", "区长"),
            svc.TeamInput("deputy", "陈海燕", "副区长"),
            svc.TeamInput("leader", "孙立群", "局长", "区行政审批服务局"),
            svc.TeamInput("member", "周晓彤", "科长", "区行政审批服务局"),
        ],
    )
    with pytest.raises(ValidationError, match="一名指挥长"):
        svc.set_team(db, admin, pid, [svc.TeamInput("commander", "甲"), svc.TeamInput("commander", "乙")])
    a = svc.project_detail(db, admin, pid).item("A")
    svc.assign(db, admin, a.id, responsible="周晓彤", department="区行政审批服务局")
    view = svc.project_detail(db, admin, pid)
    assert [t.role_label for t in view.team] == ["指挥长", "副指挥长", "施工队长", "战斗员"]
    assert (view.item("A").responsible, view.item("A").department) == ("周晓彤", "区行政审批服务局")
