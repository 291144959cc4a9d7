"""Services of 审批点菜单: intake, schedule, tracking and lights, cascade, readiness, task-force log,
scope, conflicts, the catalog's Excel round trip."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import approvals_catalog as catalog
from laoshan_desk.services import org, seed_approvals
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.store.models.approvals import ApprovalProject, NodeMove

D = dt.date.fromisoformat
USCC = "91370212MA3U8KW28P"


def plan_input(items, start="2026-09-21", target="2026-10-20", **extra):
    return svc.ProjectInput(
        name="示例项目",
        enterprise="青岛示例有限公司",
        credit_code=USCC,
        street="沙子口街道",
        start_date=D(start),
        target_date=D(target),
        items=items,
        **extra,
    )


def example_lines():
    return [
        svc.OrderLine("A", "must_do", "示例", name="事项A", days=10),
        svc.OrderLine("B", "must_do", "示例", name="事项B", days=5),
        svc.OrderLine("C", "must_do", "示例", name="事项C", days=3, after=("A", "B")),
        svc.OrderLine("D", "must_do", "示例", name="事项D", days=1, after=("C",)),
        svc.OrderLine("E", "must_do", "示例", name="事项E", days=2, after=("C",)),
    ]


@pytest.fixture(scope="session")
def _demo_db(_template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    from laoshan_desk.services.context import system_actor

    path = tmp_path_factory.mktemp("approvals-demo") / "demo.sqlite3"
    shutil.copy(_template_db, path)
    db = Database(f"sqlite:///{path}")
    seed_approvals.load_demo(db, system_actor("test"))
    db.dispose()
    return path


@pytest.fixture
def demo_db(_demo_db, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_db, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def project_id_named(db, actor, text):  # type: ignore[no-untyped-def]
    return next(r.id for r in svc.list_projects(db, actor, today=D("2026-11-25")) if text in r.name)


# -- reference data ----------------------------------------------------------------------------
def test_reference_data_is_loaded_once(db, admin):
    rows = catalog.list_catalog(db)
    assert len(rows) == 84
    assert {t.code for t in catalog.list_templates(db)} >= {"hotel_opening", "restaurant_opening", "retail_shop"}
    assert seed_approvals.load_reference(db, admin) == {"catalog_items": 0, "menu_templates": 0}


# -- intake ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"name": ""}, "name", "项目名称"),
        ({"enterprise": " "}, "enterprise", "企业名称"),
        ({"credit_code": "91370212MA3U8KW28Q"}, "credit_code", "校验位"),
        ({"credit_code": "123"}, "credit_code", "18位"),
        ({"street": "不存在街道"}, "street", "街道"),
        ({"target_date": D("2026-09-01")}, "target_date", "晚于"),
    ],
)
def test_intake_refuses_with_field_messages(db, admin, change, field, words):
    data = plan_input(example_lines())
    data = svc.ProjectInput(**{**data.__dict__, **change})
    with pytest.raises(ValidationError) as err:
        svc.create_project(db, admin, data)
    assert err.value.field == field
    assert words in err.value.message
    assert svc.count_projects(db, admin) == 0


def test_intake_requires_contact_when_asked(db, admin):
    with pytest.raises(ValidationError) as err:
        svc.create_project(db, admin, plan_input(example_lines()), require_contact=True)
    assert err.value.field == "contact_name"


def test_intake_refuses_a_cycle_and_stores_nothing(db, admin):
    lines = example_lines()
    lines[0] = svc.OrderLine("A", "must_do", "示例", name="事项A", days=10, after=("E",))
    with pytest.raises(ValidationError) as err:
        svc.create_project(db, admin, plan_input(lines))
    assert "前置事项循环" in err.value.message and "A" in err.value.message and "E" in err.value.message
    assert svc.count_projects(db, admin) == 0


def test_intake_unknown_item_needs_name_and_days(db, admin):
    with pytest.raises(ValidationError, match="须填写事项名称"):
        svc.create_project(db, admin, plan_input([svc.OrderLine("X1", "must_do")]))
    with pytest.raises(ValidationError, match="办理时限"):
        svc.create_project(db, admin, plan_input([svc.OrderLine("X1", "must_do", name="某事项")]))


def test_order_from_the_hotel_menu(db, admin):
    lines = svc.order_from_template(db, "hotel_opening")
    assert len(lines) == 58 and sum(line.classification == "must_do" for line in lines) == 18
    pid = svc.create_project(
        db, admin, plan_input(lines, start="2026-02-27", target="2026-06-05", project_type="hotel_opening")
    )
    view = svc.project_detail(db, admin, pid, today=D("2026-03-02"))
    assert len(view.items) == 58 and len(view.must_items) == 18
    assert view.project_type_label == "酒店开业"
    sp001 = view.item("SP001")
    assert sp001.department == "区行政审批服务局" and sp001.materials and sp001.reason
    assert view.feasible
    assert all(i.earliest_start is None for i in view.items if not i.must_do)


# -- the schedule ------------------------------------------------------------------------------
EXAMPLE = {
    "A": ("2026-09-21", "2026-10-10", "2026-09-22", "2026-10-12", 1),
    "B": ("2026-09-21", "2026-09-28", "2026-09-30", "2026-10-12", 6),
    "C": ("2026-10-12", "2026-10-14", "2026-10-13", "2026-10-15", 1),
    "D": ("2026-10-15", "2026-10-15", "2026-10-19", "2026-10-19", 2),
    "E": ("2026-10-15", "2026-10-16", "2026-10-16", "2026-10-19", 1),
}


def test_worked_example_through_the_service(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
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
    pid = svc.create_project(db, admin, plan_input(lines, start="2026-02-12", target="2026-03-06"))
    view = svc.project_detail(db, admin, pid, today=D("2026-02-12"))
    p, q = view.item("P"), view.item("Q")
    assert (p.earliest_start, p.earliest_finish) == (D("2026-02-12"), D("2026-02-14"))
    assert (q.earliest_start, q.earliest_finish) == (D("2026-02-24"), D("2026-02-27"))
    assert (q.latest_start, q.latest_finish) == (D("2026-03-02"), D("2026-03-05"))
    assert (p.latest_start, p.latest_finish) == (D("2026-02-26"), D("2026-02-28"))
    assert (p.slack_days, q.slack_days) == (5, 5)


def test_calendar_override_moves_every_date(db, admin):
    from laoshan_desk.services import calendar

    pid = svc.create_project(db, admin, plan_input(example_lines()))
    calendar.set_override(db, admin, D("2026-10-12"), False, "测试：临时放假")
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert view.item("C").earliest_start == D("2026-10-13")


# -- tracking and lights -----------------------------------------------------------------------
def test_lights_follow_the_latest_finish(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))

    def light(code, today):
        return svc.project_detail(db, admin, pid, today=D(today)).item(code).light

    assert light("D", "2026-10-13") is Light.GREEN  # latest finish 19 Oct: 4 working days away
    assert light("D", "2026-10-15") is Light.YELLOW  # 2 working days away
    assert light("D", "2026-10-19") is Light.YELLOW  # due today
    assert light("D", "2026-10-20") is Light.RED  # late
    assert svc.project_detail(db, admin, pid, today=D("2026-10-20")).light is Light.RED


def test_infeasible_plan_is_red(db, admin):
    lines = [svc.OrderLine("A", "must_do", "r", name="长事项", days=30)]
    pid = svc.create_project(db, admin, plan_input(lines))
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert not view.feasible and view.item("A").light is Light.RED


def test_tracking_steps_dates_and_who(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    a = svc.project_detail(db, admin, pid).item("A")
    svc.advance_item(db, admin, a.id, "pre_review", D("2026-09-21"), by="韩冬", today=D("2026-09-21"))
    with pytest.raises(ValidationError, match="不能变为"):
        svc.advance_item(db, admin, a.id, "done", D("2026-09-22"), today=D("2026-09-22"))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        svc.advance_item(db, admin, a.id, "accepted", D("2026-09-30"), today=D("2026-09-22"))
    svc.advance_item(db, admin, a.id, "accepted", D("2026-09-22"), by="韩冬", today=D("2026-09-22"))
    svc.advance_item(db, admin, a.id, "done", D("2026-09-30"), by="宋佳", today=D("2026-09-30"))
    view = svc.project_detail(db, admin, pid, today=D("2026-09-30"))
    a = view.item("A")
    assert a.done and a.finished_on == D("2026-09-30") and a.light is Light.GREY
    assert [(s.status, s.on, s.by) for s in a.steps] == [
        ("pre_review", D("2026-09-21"), "韩冬"),
        ("accepted", D("2026-09-22"), "韩冬"),
        ("done", D("2026-09-30"), "宋佳"),
    ]
    # C now plans from A's real finish (30 Sep) and B's earliest finish (28 Sep): 1–7 Oct are off.
    assert view.item("C").earliest_start == D("2026-10-08")
    with pytest.raises(ValidationError, match="已销号"):
        svc.advance_item(db, admin, a.id, "done", D("2026-09-30"), today=D("2026-09-30"))


def test_acceptance_waits_for_prerequisites_but_pre_review_does_not(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    c = svc.project_detail(db, admin, pid).item("C")
    svc.advance_item(db, admin, c.id, "pre_review", D("2026-09-22"), today=D("2026-09-22"))
    with pytest.raises(ValidationError, match="前置事项尚未销号"):
        svc.advance_item(db, admin, c.id, "accepted", D("2026-09-23"), today=D("2026-09-23"))


def test_ready_to_issue_when_the_prerequisite_is_done(db, admin):
    pid = svc.create_project(db, admin, plan_input(example_lines()))
    view = svc.project_detail(db, admin, pid)
    ids = {i.code: i.id for i in view.items}
    svc.advance_item(db, admin, ids["D"], "pre_review", D("2026-09-22"), today=D("2026-09-22"))
    for code in ("A", "B"):
        for status in ("pre_review", "accepted", "done"):
            svc.advance_item(db, admin, ids[code], status, D("2026-09-25"), today=D("2026-09-25"))
    svc.advance_item(db, admin, ids["C"], "pre_review", D("2026-09-25"), today=D("2026-09-25"))
    assert svc.ready_to_issue(db, admin, pid) == ["C"]
    svc.advance_item(db, admin, ids["C"], "accepted", D("2026-09-28"), today=D("2026-09-28"))
    result = svc.advance_item(db, admin, ids["C"], "done", D("2026-09-29"), today=D("2026-09-29"))
    assert result.newly_ready == ("D",)  # pre-reviewed while waiting: issue it the same day
    assert svc.project_detail(db, admin, pid).item("D").ready


# -- the cascade -------------------------------------------------------------------------------
def test_moving_the_fire_acceptance_node_recomputes_dependents(db, admin):
    hotel = json.loads(seed_approvals.HOTEL_FILE.read_text(encoding="utf-8"))
    lines = [
        svc.OrderLine(
            r["code"],
            r["class"],
            r["reason"],
            extra_after=tuple(r.get("after", ())),
            fixed_finish=D(r["fixed_finish"]) if r.get("fixed_finish") else None,
        )
        for r in hotel["items"]
    ]
    pid = svc.create_project(db, admin, plan_input(lines, start="2026-02-27", target="2026-06-05"))
    before = svc.project_detail(db, admin, pid, today=D("2026-04-20"))
    fire = before.item("SP023")
    assert fire.node_date == D("2026-04-28") and fire.pinned
    with pytest.raises(ValidationError, match="原因"):
        svc.move_node(db, admin, fire.id, D("2026-05-15"), "  ")
    result = svc.move_node(
        db, admin, fire.id, D("2026-05-15"), "幕墙及消防联动调试延期", decided_by="刘志远", today=D("2026-04-20")
    )
    assert (result.old_finish, result.new_finish) == (D("2026-04-28"), D("2026-05-15"))
    after = svc.project_detail(db, admin, pid, today=D("2026-04-20"))
    moved = {s.code for s in result.dependents}
    assert {"SP001", "SP028", "SP032", "SP034", "SP056"} <= moved
    for code in moved:
        assert after.item(code).earliest_start > D("2026-05-15"), code
    assert after.item("SP023").node_date == D("2026-05-15")
    assert after.feasible and after.critical_path[0] == "SP023"
    (move,) = after.moves
    assert (move.from_date, move.to_date, move.decided_by) == (D("2026-04-28"), D("2026-05-15"), "刘志远")
    assert {d["code"] for d in move.dependents} == moved
    with db.session() as s:
        summary = s.scalar(
            select(AuditRecord.summary)
            .where(AuditRecord.entity == "approval_project_item")
            .order_by(AuditRecord.seq.desc())
            .limit(1)
        )
    assert "调整节点" in summary and "幕墙" in summary


# -- demo: the seed's hotel case ---------------------------------------------------------------
def test_demo_holds_the_hotel_case(demo_db, admin):
    pid = project_id_named(demo_db, admin, "酒店")
    view = svc.project_detail(demo_db, admin, pid, today=D("2026-11-25"))
    assert len(view.items) == 58 and len(view.must_items) == 18
    assert view.target_date.month == 6 and view.done_count == 18
    c = view.log_counts
    assert (c.meetings, c.visits, c.problems) == (13, 8, 62) and c.problems >= 60
    (move,) = view.moves
    assert (move.code, move.from_date, move.to_date) == ("SP023", D("2026-04-28"), D("2026-05-15"))
    roles = [t.role for t in view.team]
    assert roles.count("commander") == 1 and roles.count("deputy") == 1 and roles.count("leader") == 9
    for name in (
        "特殊建设工程消防验收",
        "房屋建筑和市政基础设施工程竣工验收备案",
        "企业设立登记（营业执照）",
        "食品经营许可",
    ):
        item = next(i for i in view.items if i.name == name)
        assert item.finished_on == D("2026-05-12"), name
    assert all(i.responsible and i.department for i in view.must_items)
    assert view.feasible and len(view.certificates) >= 10


def test_demo_lights_today_show_red_yellow_and_green(demo_db, admin):
    rows = svc.list_projects(demo_db, admin, today=D("2026-11-25"))
    lights = {r.light for r in rows}
    assert {Light.RED, Light.YELLOW} <= lights
    greens = [
        i
        for r in rows
        for i in svc.project_detail(demo_db, admin, r.id, today=D("2026-11-25")).items
        if i.light is Light.GREEN
    ]
    assert greens


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


def test_scope_street_clerk_and_department_handler(demo_db):
    from laoshan_desk.services import auth
    from tests.conftest import FIXED_NOW

    def user(role, unit):
        name = f"u{role.value}{unit.code}"
        form = auth.NewUserForm(name, "测试", role, "Clerk2026pass", unit.id)
        auth.create_user(demo_db, admin_demo, form, now=FIXED_NOW)
        return auth.login(demo_db, name, "Clerk2026pass", now=FIXED_NOW)

    admin_demo = auth.create_first_admin(
        demo_db, auth.FirstAdminForm("root", "管理员", "Desk2026secure"), now=FIXED_NOW
    )
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


# -- catalog admin and Excel -------------------------------------------------------------------
def test_catalog_edit_is_for_admins(db, admin, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    row = catalog.get_item(db, "SP001")
    data = {**row.__dict__, "committed_days": 2}
    with pytest.raises(PermissionDenied):
        catalog.save_item(db, clerk, data)
    saved = catalog.save_item(db, admin, data, version=row.version)
    assert saved.committed_days == 2
    with pytest.raises(ConflictError):
        catalog.save_item(db, admin, data, version=row.version)
    with pytest.raises(ValidationError, match="前置事项循环"):
        catalog.save_item(db, admin, {**data, "prerequisites": ["SP006"]})


def test_catalog_excel_round_trip_keeps_good_rows_and_reports_bad(db, admin, tmp_path):
    path = catalog.export_excel(db, admin, tmp_path / "catalog.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws.max_row == 85 and ws["A1"].value == "事项编码"
    ws["B2"] = "企业设立登记（营业执照）（改）"
    ws.append(
        [
            "SP900",
            "新增事项",
            "区行政审批服务局",
            "开业经营",
            5,
            3,
            "申请书",
            "《某条例》",
            "SP001",
            "是",
            "否",
            "",
            "0",
            "是",
        ]
    )
    ws.append(
        ["SP901", "坏事项", "区行政审批服务局", "", 3, 5, "", "", "", "是", "否", "", "0", "是"]
    )  # committed > statutory
    ws.append(["SP902", "前置不存在", "区行政审批服务局", "", 5, 3, "", "", "SP999", "是", "否", "", "0", "是"])
    wb.save(path)
    report = catalog.import_excel(db, admin, path)
    assert report.created == 1 and report.updated == 84
    assert [n for n, _ in report.rejected] == [87, 88]
    assert "承诺时限" in report.rejected[0][1] and "SP999" in report.rejected[1][1]
    assert catalog.get_item(db, "SP001").name.endswith("（改）")
    assert catalog.get_item(db, "SP900").prerequisites == ("SP001",)
    with pytest.raises(NotFound):
        catalog.get_item(db, "SP901")


def test_no_project_left_behind_by_a_failed_intake(db, admin):
    with pytest.raises(ValidationError):
        svc.create_project(db, admin, plan_input([svc.OrderLine("A", "must_do", name="甲", days=0)]))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ApprovalProject)) == 0
        assert s.scalar(select(func.count()).select_from(NodeMove)) == 0


def test_template_json_is_what_the_menu_offers(db):
    raw = json.loads(Path(seed_approvals.TEMPLATES_FILE).read_text(encoding="utf-8"))
    hotel = next(t for t in raw["templates"] if t["code"] == "hotel_opening")
    assert [line.code for line in svc.order_from_template(db, "hotel_opening")] == [e["code"] for e in hotel["items"]]
