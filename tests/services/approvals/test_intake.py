"""Intake: reference data, the form's refusals, ordering from the menu, nothing stored on failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.approvals import seed as seed_approvals
from laoshan_desk.store.models.approvals import ApprovalProject, NodeMove
from tests.services.approvals.helpers import D, example_lines, plan_input


# -- reference data ----------------------------------------------------------------------------
def test_reference_data_is_loaded_once(db, admin):
    rows = svc.list_catalog(db)
    assert len(rows) == 84
    assert {t.code for t in svc.list_templates(db)} >= {"hotel_opening", "restaurant_opening", "retail_shop"}
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
