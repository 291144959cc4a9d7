"""Intake: reference data, the form's refusals, ordering from the menu, nothing stored on failure."""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from laoshan_desk.domain.errors import ConflictError, ValidationError
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.approvals import seed as seed_approvals
from laoshan_desk.store.models.approvals import ApprovalProject, NodeMove
from laoshan_desk.store.models.numbers import NumberSeries
from tests.conftest import FIXED_NOW
from tests.services.approvals.helpers import NOW, D, create, example_lines, plan_input


# -- reference data ----------------------------------------------------------------------------
def test_reference_data_is_loaded_once(db, admin):
    rows = svc.list_catalog(db, admin)
    assert len(rows) == 84
    assert {t.code for t in svc.list_templates(db, admin)} >= {"hotel_opening", "restaurant_opening", "retail_shop"}
    assert seed_approvals.load_reference(db, admin, now=FIXED_NOW) == {"catalog_items": 0, "menu_templates": 0}


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
        ({"target_date": D("9999-12-31")}, "target_date", "1949"),
        ({"start_date": D("1900-01-01")}, "start_date", "超出"),
    ],
)
def test_intake_refuses_with_field_messages(db, admin, change, field, words):
    data = plan_input(example_lines())
    data = svc.ProjectInput(**{**data.__dict__, **change})
    with pytest.raises(ValidationError) as err:
        create(db, admin, data)
    assert err.value.field == field
    assert words in err.value.message
    assert svc.count_projects(db, admin) == 0


def test_control_characters_are_stripped_and_the_weekly_report_still_works(db, admin, tmp_path):
    """A NUL (or another control character) typed or pasted into any text field is dropped on the
    way in, nested order lines included; afterwards the weekly bulletin's workbook is written."""
    from openpyxl import load_workbook

    lines = example_lines()
    lines[0] = dataclasses.replace(lines[0], name="事项\x00A", responsible="王\x07丽")
    data = plan_input(lines, contact_name="张\x1b敏", address="沙子口\x00街道", description="第一行\n第二行\x00")
    pid = create(db, admin, dataclasses.replace(data, name="示例\x00项目\x0b"))
    view = svc.project_detail(db, admin, pid, today=D("2026-09-21"))
    assert (view.name, view.contact_name, view.address) == ("示例项目", "张敏", "沙子口街道")
    assert view.description == "第一行\n第二行"  # line breaks kept where the field allows them
    assert (view.item("A").name, view.item("A").responsible) == ("事项A", "王丽")
    xlsx = tmp_path / "w39.xlsx"
    svc.write_bulletin(db, admin, "2026-W39", xlsx, now=NOW)
    names = [c.value for c in load_workbook(xlsx)["项目进度"]["B"]]
    assert "示例项目" in names


def test_a_plan_of_a_million_days_is_refused(db, admin):
    lines = example_lines()
    lines[0] = dataclasses.replace(lines[0], days=1_000_000)
    with pytest.raises(ValidationError) as err:
        create(db, admin, plan_input(lines))
    assert err.value.field == "items" and "3650" in err.value.message


def test_intake_requires_contact_when_asked(db, admin):
    with pytest.raises(ValidationError) as err:
        create(db, admin, plan_input(example_lines()), require_contact=True)
    assert err.value.field == "contact_name"


def test_intake_refuses_a_cycle_and_stores_nothing(db, admin):
    lines = example_lines()
    lines[0] = svc.OrderLine("A", "must_do", "示例", name="事项A", days=10, after=("E",))
    with pytest.raises(ValidationError) as err:
        create(db, admin, plan_input(lines))
    assert "前置事项循环" in err.value.message and "A" in err.value.message and "E" in err.value.message
    assert svc.count_projects(db, admin) == 0


def test_intake_unknown_item_needs_name_and_days(db, admin):
    with pytest.raises(ValidationError, match="须填写事项名称"):
        create(db, admin, plan_input([svc.OrderLine("X1", "must_do")]))
    with pytest.raises(ValidationError, match="办理时限"):
        create(db, admin, plan_input([svc.OrderLine("X1", "must_do", name="某事项")]))


def test_order_from_the_hotel_menu(db, admin):
    lines = svc.order_from_template(db, admin, "hotel_opening")
    assert len(lines) == 58 and sum(line.classification == "must_do" for line in lines) == 18
    pid = create(db, admin, plan_input(lines, start="2026-02-27", target="2026-06-05", project_type="hotel_opening"))
    view = svc.project_detail(db, admin, pid, today=D("2026-03-02"))
    assert len(view.items) == 58 and len(view.must_items) == 18
    assert view.project_type_label == "酒店开业"
    sp001 = view.item("SP001")
    assert sp001.department == "区行政审批服务局" and sp001.materials and sp001.reason
    assert view.feasible
    assert all(i.earliest_start is None for i in view.items if not i.must_do)


def test_no_project_left_behind_by_a_failed_intake(db, admin):
    with pytest.raises(ValidationError):
        create(db, admin, plan_input([svc.OrderLine("A", "must_do", name="甲", days=0)]))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ApprovalProject)) == 0
        assert s.scalar(select(func.count()).select_from(NodeMove)) == 0


def test_template_json_is_what_the_menu_offers(db, admin):
    raw = json.loads(Path(seed_approvals.TEMPLATES_FILE).read_text(encoding="utf-8"))
    hotel = next(t for t in raw["templates"] if t["code"] == "hotel_opening")
    assert [line.code for line in svc.order_from_template(db, admin, "hotel_opening")] == [
        e["code"] for e in hotel["items"]
    ]


# -- every classification has its reason, in the service ---------------------------------------
@pytest.mark.parametrize("classification", ["must_do", "self_handled", "not_needed"])
def test_every_ordered_item_needs_its_reason(db, admin, classification):
    """The counter's dialog asks for the reasons; the service refuses an order without one too."""
    lines = example_lines() + [svc.OrderLine("SP002", classification, "  ")]
    with pytest.raises(ValidationError) as err:
        create(db, admin, plan_input(lines))
    assert err.value.field == "items" and "SP002" in err.value.message and "分类理由" in err.value.message
    assert svc.count_projects(db, admin) == 0


# -- project numbers -----------------------------------------------------------------------------
def _numbers(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(ApprovalProject.number).order_by(ApprovalProject.seq)))


def test_two_counters_saving_at_once_get_different_numbers(db, admin):
    """Six counters each save five projects at the same moment: thirty numbers, none shared."""
    errors: list[BaseException] = []

    def counter(n: int) -> None:
        try:
            for k in range(5):
                create(db, admin, dataclasses.replace(plan_input(example_lines()), name=f"并发项目{n}-{k}"))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=counter, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    numbers = _numbers(db)
    assert len(numbers) == 30 and len(set(numbers)) == 30
    assert numbers == [f"XM2026-{n:04d}" for n in range(1, 31)]


def test_numbers_continue_after_rows_made_before_the_series(db, admin):
    """Projects numbered before the number series existed (an older desk) are stepped past."""
    first = create(db, admin, plan_input(example_lines()))
    with db.session(write=True) as s:
        s.execute(delete(NumberSeries).where(NumberSeries.name == "approval_project"))
        s.execute(update(ApprovalProject).where(ApprovalProject.id == first).values(seq=7, number="XM2026-0007"))
    create(db, admin, plan_input(example_lines()))
    assert _numbers(db) == ["XM2026-0007", "XM2026-0008"]


def test_a_number_taken_behind_the_desks_back_is_a_clear_message(db, admin):
    first = create(db, admin, plan_input(example_lines()))
    with db.session(write=True) as s:  # someone typed the next number into the row by hand
        s.execute(update(ApprovalProject).where(ApprovalProject.id == first).values(number="XM2026-0002"))
    with pytest.raises(ConflictError, match="项目编号 XM2026-0002 已被占用，项目未保存"):
        create(db, admin, plan_input(example_lines()))
    assert svc.count_projects(db, admin) == 1
