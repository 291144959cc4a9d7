"""The demo: the seed's hotel case, and lights today."""

from __future__ import annotations

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from tests.services.approvals.helpers import D, project_id_named


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


def test_feasible_is_judged_from_today(demo_db, admin):
    """A target already passed (中韩便利超市) or an overdue critical-path item (金家岭海景餐厅's
    SP023) makes the plan 不可行 on the list and the page alike; earlier the same plans were 可行."""
    today = D("2026-11-26")  # SP023's latest finish was 2026-11-25
    rows = {r.name: r for r in svc.list_projects(demo_db, admin, today=today)}
    for name in ("中韩便利超市开业项目", "金家岭海景餐厅开业项目"):
        assert rows[name].feasible is False
        assert svc.project_detail(demo_db, admin, rows[name].id, today=today).feasible is False
    early = {r.name: r for r in svc.list_projects(demo_db, admin, today=D("2026-11-02"))}
    assert early["中韩便利超市开业项目"].feasible is True
    on_the_day = {r.name: r for r in svc.list_projects(demo_db, admin, today=D("2026-11-25"))}
    assert on_the_day["金家岭海景餐厅开业项目"].feasible is True


def test_demo_identities_are_plainly_fictitious(demo_db, admin):
    """docs/rules/reference-data.md §demo: every demo USCC has the division 999999 (no real
    authority) and a valid check character; every phone is a seven-digit Qingdao landline
    (0532-555 01xx, Qingdao has eight digits); every enterprise says 示例."""
    import re

    from laoshan_desk.domain.identifiers import normalize_uscc

    rows = svc.list_projects(demo_db, admin, today=D("2026-11-25"))
    assert len(rows) >= 4
    for r in rows:
        view = svc.project_detail(demo_db, admin, r.id, today=D("2026-11-25"))
        assert view.credit_code.startswith("9199999") and normalize_uscc(view.credit_code) == view.credit_code
        assert "示例" in view.enterprise, view.enterprise
        phones = [view.contact_phone] + [t.phone for t in view.team if t.phone]
        assert all(re.fullmatch(r"0532-?555\d{4}", p) for p in phones if p), phones
