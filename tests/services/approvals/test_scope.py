"""Row scope by role, and stale versions."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.approvals import ItemStatus, LogKind, ProjectStatus
from laoshan_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import org
from tests.services.approvals.helpers import NOW, D, at, create, example_lines, plan_input, project_id_named


def test_scope_street_clerk_and_department_handler(demo_db):
    from laoshan_desk.services import auth

    def user(role, unit):
        name = f"u{role.value}{unit.code}"
        auth.create_user(
            demo_db, admin_demo, username=name, full_name="测试", role=role, password="Clerk2026pass", unit_id=unit.id
        )
        return auth.login(demo_db, name, "Clerk2026pass")

    admin_demo = auth.create_first_admin(demo_db, "root", "管理员", "Desk2026secure")
    street = org.find_unit(demo_db, "金家岭街道", "street")
    clerk = user(Role.STREET_CLERK, street)
    assert [r.name for r in svc.list_projects(demo_db, clerk, today=D("2026-11-25"))] == ["金家岭海景餐厅开业项目"]
    police = org.find_unit(demo_db, "区公安分局", "department")
    handler = user(Role.DEPT_HANDLER, police)
    assert [r.name for r in svc.list_projects(demo_db, handler, today=D("2026-11-25"))] == [
        "崂山湾国际度假酒店开业项目"
    ]
    other = project_id_named(demo_db, admin_demo, "餐厅")
    with pytest.raises(NotFound):
        svc.project_detail(demo_db, handler, other, today=D("2026-11-25"))
    with pytest.raises(PermissionDenied):
        create(demo_db, clerk, plan_input(example_lines()))
    fire = org.find_unit(demo_db, "区消防救援大队", "department")
    firemen = user(Role.DEPT_HANDLER, fire)
    shop = svc.project_detail(demo_db, admin_demo, project_id_named(demo_db, admin_demo, "超市"), today=D("2026-11-25"))
    licence = shop.item("SP068")
    form = svc.AdvanceForm(licence.id, licence.version, ItemStatus.DONE, D("2026-11-25"))
    with pytest.raises(PermissionDenied, match="本部门"):
        svc.advance_item(demo_db, firemen, form, now=at("2026-11-25"))


def test_stale_version_is_a_conflict(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    version = svc.project_detail(db, admin, pid, today=D("2026-09-21")).version
    svc.update_project(db, admin, svc.ProjectEdit(pid, version, contact_name="张敏"), now=NOW)
    with pytest.raises(ConflictError, match="该记录已被他人修改"):
        svc.update_project(db, admin, svc.ProjectEdit(pid, version, contact_name="李娜"), now=NOW)
    assert svc.project_detail(db, admin, pid, today=D("2026-09-21")).contact_name == "张敏"


def test_editing_a_project_checks_the_header_and_the_schedule(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    version = svc.project_detail(db, admin, pid, today=D("2026-09-21")).version
    with pytest.raises(ValidationError) as err:
        svc.update_project(db, admin, svc.ProjectEdit(pid, version, target_date=D("2026-09-01")), now=NOW)
    assert err.value.field == "target_date"
    edit = svc.ProjectEdit(pid, version, status=ProjectStatus.OPENED, street="金家岭街道", address="  海口路 1 号 ")
    svc.update_project(db, admin, edit, now=NOW)
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert (view.status, view.status_label, view.street_name, view.address) == (
        ProjectStatus.OPENED,
        "已开业",
        "金家岭街道",
        "海口路 1 号",
    )


# -- permission first, in every public function -----------------------------------------------
def test_a_role_without_the_tab_is_refused_by_every_read(db, admin, make_user):
    """A court clerk does not see 审批点菜单: every read refuses before it looks at anything."""
    pid = create(db, admin, plan_input(example_lines()))
    court = make_user(Role.COURT_CLERK)
    today = D("2026-09-21")
    reads = [
        lambda: svc.project_detail(db, court, pid, today=today),
        lambda: svc.project_schedule(db, court, pid),
        lambda: svc.list_projects(db, court, today=today),
        lambda: svc.count_projects(db, court),
        lambda: svc.ready_to_issue(db, court, pid),
        lambda: svc.log_counts(db, court, pid),
        lambda: svc.log_entries(db, court, pid),
        lambda: svc.list_catalog(db, court),
        lambda: svc.catalog_map(db, court),
        lambda: svc.get_item(db, court, "SP001"),
        lambda: svc.departments(db, court),
        lambda: svc.list_templates(db, court),
        lambda: svc.get_template(db, court, "hotel_opening"),
        lambda: svc.order_from_template(db, court, "hotel_opening"),
        lambda: svc.dispatch(db, court, today=today),
        lambda: svc.dispatch_pdf(db, court, today=today),
        lambda: svc.weekly_bulletin(db, court, "2026-W39", today=today),
        lambda: svc.notice_pdf(db, court, pid, today=today),
        lambda: svc.schedule_pdf(db, court, pid, today=today),
        lambda: svc.verify(db, court, "ABCD-EFGH-JKMN"),
    ]
    for read in reads:
        with pytest.raises(PermissionDenied):
            read()


def test_a_leader_reads_but_does_not_write(db, admin, make_user):
    pid = create(db, admin, plan_input(example_lines()))
    leader = make_user(Role.LEADER)
    a = svc.project_detail(db, leader, pid, today=D("2026-09-21")).item("A")
    writes = [
        lambda: create(db, leader, plan_input(example_lines())),
        lambda: svc.advance_item(
            db, leader, svc.AdvanceForm(a.id, a.version, ItemStatus.PRE_REVIEW, D("2026-09-21")), now=NOW
        ),
        lambda: svc.assign(db, leader, svc.AssignForm(a.id, a.version, responsible="某人"), now=NOW),
        lambda: svc.remove_item(db, leader, svc.RemoveItemForm(a.id, a.version), now=NOW),
        lambda: svc.set_team(db, leader, svc.TeamForm(pid, []), now=NOW),
        lambda: svc.add_log_entry(db, leader, svc.LogInput(pid, LogKind.MEETING, D("2026-09-21"), "会"), now=NOW),
        lambda: svc.save_item(db, leader, svc.get_item(db, admin, "SP001").as_form(), now=NOW),
        lambda: svc.set_active(db, leader, svc.ActiveForm("SP001", False), now=NOW),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
