"""Row scope by role, and stale versions."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import ConflictError, NotFound, PermissionDenied
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import org
from tests.services.approvals.helpers import D, example_lines, plan_input, project_id_named


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
    assert [r.name for r in svc.list_projects(demo_db, clerk)] == ["金家岭海景餐厅开业项目"]
    police = org.find_unit(demo_db, "区公安分局", "department")
    handler = user(Role.DEPT_HANDLER, police)
    assert [r.name for r in svc.list_projects(demo_db, handler)] == ["崂山湾国际度假酒店开业项目"]
    other = project_id_named(demo_db, admin_demo, "餐厅")
    with pytest.raises(NotFound):
        svc.project_detail(demo_db, handler, other)
    with pytest.raises(PermissionDenied):
        svc.create_project(demo_db, clerk, plan_input(example_lines()))
    fire = org.find_unit(demo_db, "区消防救援大队", "department")
    firemen = user(Role.DEPT_HANDLER, fire)
    shop = svc.project_detail(demo_db, admin_demo, project_id_named(demo_db, admin_demo, "超市"))
    with pytest.raises(PermissionDenied, match="本部门"):
        svc.advance_item(demo_db, firemen, shop.item("SP068").id, "done", D("2026-11-25"), today=D("2026-11-25"))


def test_stale_version_is_a_conflict(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    version = svc.project_detail(db, admin, pid).version
    svc.update_project(db, admin, pid, version, contact_name="张敏")
    with pytest.raises(ConflictError):
        svc.update_project(db, admin, pid, version, contact_name="李娜")
    assert svc.project_detail(db, admin, pid).contact_name == "张敏"
