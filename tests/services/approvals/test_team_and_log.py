"""The task-force log, classification with a reason, the gold team and assignment."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.approvals import Classification, LogKind, TeamRole
from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
from laoshan_desk.services import approvals as svc
from tests.services.approvals.helpers import NOW, D, at, create, example_lines, item, plan_input


# -- task-force log ----------------------------------------------------------------------------
def test_log_entries_and_counts(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    svc.add_log_entry(db, admin, svc.LogInput(pid, LogKind.MEETING, D("2026-09-21"), "启动会"), now=NOW)
    visit = svc.LogInput(pid, LogKind.VISIT, D("2026-09-22"), "现场", departments=("区住房和城乡建设局",))
    svc.add_log_entry(db, admin, visit, now=NOW)
    with pytest.raises(ValidationError) as err:
        svc.add_log_entry(db, admin, svc.LogInput(pid, LogKind.PROBLEM, D("2026-09-22"), "消防通道被占用"), now=NOW)
    assert err.value.field == "owner"
    problem = svc.LogInput(pid, LogKind.PROBLEM, D("2026-09-22"), "消防通道被占用", owner="吕鹏")
    eid = svc.add_log_entry(db, admin, problem, now=NOW)
    assert svc.log_counts(db, admin, pid) == svc.LogCounts(1, 1, 1, 0)
    with pytest.raises(ValidationError):
        svc.solve_problem(db, admin, svc.SolveForm(eid, D("2026-09-20")), now=NOW)
    svc.solve_problem(db, admin, svc.SolveForm(eid, D("2026-09-24")), now=at("2026-09-24"))
    counts = svc.log_counts(db, admin, pid)
    assert (counts.solved, counts.open_problems) == (1, 0)
    assert sorted(e.kind_label for e in svc.log_entries(db, admin, pid)) == ["专题会议", "现场踏勘", "问题"]
    assert [e.title for e in svc.log_entries(db, admin, pid, LogKind.PROBLEM)] == ["消防通道被占用"]
    with pytest.raises(ValidationError, match="请填写会议名称"):
        svc.add_log_entry(db, admin, svc.LogInput(pid, LogKind.MEETING, D("2026-09-21"), " "), now=NOW)


# -- classification, team ----------------------------------------------------------------------
def test_classify_needs_a_reason_and_changes_the_schedule(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    d = item(db, admin, pid, "D")
    with pytest.raises(ValidationError, match="理由"):
        svc.classify_item(db, admin, svc.ClassifyForm(d.id, d.version, Classification.NOT_NEEDED, ""), now=NOW)
    svc.classify_item(db, admin, svc.ClassifyForm(d.id, d.version, Classification.NOT_NEEDED, "企业已取得"), now=NOW)
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert view.item("D").classification == "not_needed" and view.item("D").earliest_start is None
    assert view.item("D").reason == "企业已取得"
    with pytest.raises(ConflictError):  # the version the first form showed is gone
        svc.classify_item(db, admin, svc.ClassifyForm(d.id, d.version, Classification.MUST_DO, "重新评估"), now=NOW)


def test_gold_team_and_assignment(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    team = [
        svc.TeamInput(TeamRole.COMMANDER, "刘志远", "区长"),
        svc.TeamInput(TeamRole.DEPUTY, "陈海燕", "副区长"),
        svc.TeamInput(TeamRole.LEADER, "孙立群", "局长", "区行政审批服务局"),
        svc.TeamInput(TeamRole.MEMBER, "周晓彤", "科长", "区行政审批服务局"),
    ]
    svc.set_team(db, admin, svc.TeamForm(pid, team), now=NOW)
    with pytest.raises(ValidationError, match="一名指挥长"):
        two = [svc.TeamInput(TeamRole.COMMANDER, "甲"), svc.TeamInput(TeamRole.COMMANDER, "乙")]
        svc.set_team(db, admin, svc.TeamForm(pid, two), now=NOW)
    a = item(db, admin, pid, "A")
    svc.assign(db, admin, svc.AssignForm(a.id, a.version, responsible="周晓彤", department="区行政审批服务局"), now=NOW)
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert [t.role_label for t in view.team] == ["指挥长", "副指挥长", "施工队长", "战斗员"]
    assert (view.item("A").responsible, view.item("A").department) == ("周晓彤", "区行政审批服务局")


def test_adding_and_removing_one_member(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    svc.set_team(db, admin, svc.TeamForm(pid, [svc.TeamInput(TeamRole.MEMBER, "周晓彤")]), now=NOW)
    svc.add_team_member(db, admin, svc.NewMemberForm(pid, svc.TeamInput(TeamRole.COMMANDER, "刘志远")), now=NOW)
    with pytest.raises(ValidationError, match="一名指挥长"):
        svc.add_team_member(db, admin, svc.NewMemberForm(pid, svc.TeamInput(TeamRole.COMMANDER, "甲")), now=NOW)
    team = svc.project_detail(db, admin, pid, today=D("2026-09-21")).team
    assert [(t.role, t.name) for t in team] == [(TeamRole.COMMANDER, "刘志远"), (TeamRole.MEMBER, "周晓彤")]
    svc.remove_team_member(db, admin, svc.RemoveMemberForm(pid, team[1].id), now=NOW)
    assert [t.name for t in svc.project_detail(db, admin, pid, today=D("2026-09-21")).team] == ["刘志远"]
    with pytest.raises(NotFound):  # removed already, on another screen
        svc.remove_team_member(db, admin, svc.RemoveMemberForm(pid, team[1].id), now=NOW)


def test_classification_and_assignment_are_one_save(db, admin):
    """The 分类与指派 form saves both against the one version it showed."""
    pid = create(db, admin, plan_input(example_lines()))
    d = item(db, admin, pid, "D")
    form = svc.ItemEditForm(
        d.id, d.version, Classification.SELF_HANDLED, "企业自行办理", "周晓彤", "区市场监督管理局", 2
    )
    version = svc.edit_item(db, admin, form, now=NOW)
    d2 = item(db, admin, pid, "D")
    assert (d2.classification, d2.reason, d2.responsible, d2.department, d2.days) == (
        Classification.SELF_HANDLED,
        "企业自行办理",
        "周晓彤",
        "区市场监督管理局",
        2,
    )
    assert d2.version == version
    with pytest.raises(ConflictError):
        svc.edit_item(db, admin, form, now=NOW)
