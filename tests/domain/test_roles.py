"""Roles: which tabs each sees, and the special permissions."""

from laoshan_desk.domain.roles import Role, can, visible_areas


def test_tabs_by_role():
    assert visible_areas(Role.ADMIN)[-1] == "admin"
    assert "admin" not in visible_areas(Role.LEADER)
    assert visible_areas(Role.COURT_CLERK) == ["preservation"]
    assert "preservation" not in visible_areas(Role.STREET_CLERK)


def test_leader_reads_all_and_writes_nothing():
    for area in ("approvals", "appeals", "preservation"):
        assert can(Role.LEADER, f"{area}.view")
        assert not can(Role.LEADER, f"{area}.edit")
    assert can(Role.LEADER, "preservation.approve_basic_account")


def test_only_judge_decides_and_only_admin_sees_audit():
    assert can(Role.JUDGE, "preservation.decide")
    assert not can(Role.COURT_CLERK, "preservation.decide")
    assert [r for r in Role if can(r, "audit.view")] == [Role.ADMIN]
