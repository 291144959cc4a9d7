"""Tests of the approvals seed data in resources/data: catalog, menu templates, the hotel demo."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from stdnum.cn import uscc

from laoshan_desk.domain.approvals import (
    Classification,
    ItemProgress,
    ItemStatus,
    PlanItem,
    advance,
    find_cycle,
    load_catalog,
    load_menu_templates,
    move_node,
    schedule,
)
from laoshan_desk.domain.calendar import WorkCalendar

DATA = Path(__file__).resolve().parents[3] / "resources" / "data"
D = dt.date.fromisoformat
CAL = WorkCalendar()
APPROVAL_BUREAU = "区行政审批服务局"


@pytest.fixture(scope="module")
def raw_catalog() -> dict:
    return json.loads((DATA / "approval_catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return {i.code: i for i in load_catalog(DATA / "approval_catalog.json")}


@pytest.fixture(scope="module")
def templates(catalog):
    return {t.code: t for t in load_menu_templates(DATA / "menu_templates.json", catalog)}


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads((DATA / "demo_hotel_project.json").read_text(encoding="utf-8"))


# -- catalog ----------------------------------------------------------------------------------
def test_catalog_loads_with_at_least_84_items(raw_catalog, catalog):
    assert len(catalog) >= 84
    codes = [row["code"] for row in raw_catalog["items"]]
    assert len(codes) == len(set(codes))


def test_catalog_fields(raw_catalog, catalog):
    keys = {
        "code",
        "name",
        "department",
        "stage",
        "statutory_days",
        "committed_days",
        "materials",
        "legal_basis",
        "prerequisites",
        "pre_review",
        "site_inspection",
        "certificate",
        "fee",
    }
    for row in raw_catalog["items"]:
        assert set(row) == keys, row["code"]
        assert row["department"] in raw_catalog["departments"]
        assert isinstance(row["fee"], str)
    for item in catalog.values():
        assert 1 <= item.committed_days < item.statutory_days, item.code
        assert item.materials and item.legal_basis, item.code
        assert all(basis.startswith("《") for basis in item.legal_basis), item.code
    assert 10 <= len(raw_catalog["departments"]) <= 15


def test_catalog_prerequisites_exist_and_are_acyclic(catalog):
    for item in catalog.values():
        assert set(item.prerequisites) <= set(catalog), item.code
        assert item.code not in item.prerequisites
    assert find_cycle({c: i.prerequisites for c, i in catalog.items()}) is None


@pytest.mark.parametrize(
    "name",
    [
        "建筑工程施工许可证核发",
        "特殊建设工程消防设计审查",
        "特殊建设工程消防验收",
        "公众聚集场所投入使用、营业前消防安全检查",
        "房屋建筑和市政基础设施工程竣工验收备案",
        "企业设立登记（营业执照）",
        "食品经营许可",
        "公共场所卫生许可（住宿、沐浴、游泳、美容美发场所）",
        "特种行业许可证核发（旅馆业）",
        "经营高危险性体育项目许可（游泳）",
        "户外广告及招牌设施设置审批",
        "城镇污水排入排水管网许可",
        "建设项目环境影响登记表备案",
    ],
)
def test_catalog_has_the_hotel_case_items(catalog, name):
    assert name in {i.name for i in catalog.values()}


# -- templates --------------------------------------------------------------------------------
def test_templates_cover_the_usual_project_types(templates):
    names = {t.name for t in templates.values()}
    assert {"酒店开业", "餐饮店开业", "制造业工厂", "零售商店", "民宿", "健身游泳馆"} <= names
    for t in templates.values():
        assert t.entries and all(e.reason for e in t.entries), t.name
        assert t.codes(Classification.MUST_DO), t.name


def test_hotel_template_matches_the_seed(templates, catalog):
    hotel = templates["hotel_opening"]
    assert len(hotel.entries) == 58
    must = hotel.codes(Classification.MUST_DO)
    assert len(must) == 18
    assert Counter(e.classification for e in hotel.entries)[Classification.SELF_HANDLED] > 0
    assert Counter(e.classification for e in hotel.entries)[Classification.NOT_NEEDED] > 0
    departments = [catalog[c].department for c in hotel.codes()]
    # 48 of the 58 items belonged to departments other than the approval bureau (docs/rules.md §approvals-seed-case).
    assert sum(d != APPROVAL_BUREAU for d in departments) == 48
    # The must-do items span the bureau and the departments of the 9 team leaders.
    assert len({catalog[c].department for c in must}) == 9


# -- the demo hotel project -------------------------------------------------------------------
def test_demo_identity(demo, templates):
    assert uscc.is_valid(demo["credit_code"])
    assert demo["credit_code"][2:8] == "370212"  # 崂山区
    assert demo["street"] in {"金家岭街道", "沙子口街道"}
    assert demo["project_type"] in templates
    start, target = D(demo["start_date"]), D(demo["target_date"])
    assert start == D("2026-02-27") and target.month == 6 and target.year == 2026
    # The menu was produced within 72 hours.
    assert (D(demo["menu_issued_on"]) - start).days <= 3


def test_demo_items_follow_the_template(demo, templates, catalog):
    hotel = templates[demo["project_type"]]
    assert [row["code"] for row in demo["items"]] == hotel.codes()
    assert [row["class"] for row in demo["items"]] == [e.classification.value for e in hotel.entries]
    for row in demo["items"]:
        assert row["reason"]
        assert set(row.get("after", [])) <= set(catalog)


def test_demo_gold_team(demo, catalog):
    team = demo["gold_team"]
    assert team["commander"]["title"] == "区长"
    assert team["deputy"]["name"]
    leaders = team["team_leaders"]
    assert len(leaders) == 9
    members = {m["name"]: m["department"] for m in team["members"]}
    must_rows = [row for row in demo["items"] if row["class"] == "must_do"]
    assert {row["department"] for row in must_rows} == {t["department"] for t in leaders}
    for row in must_rows:
        assert members[row["responsible"]] == catalog[row["code"]].department == row["department"]


def test_demo_task_force_log(demo):
    assert len(demo["meetings"]) == 13
    assert len(demo["site_visits"]) == 8
    assert len(demo["problems"]) >= 60
    start, target = D(demo["start_date"]), D(demo["target_date"])
    for entry in demo["meetings"] + demo["site_visits"]:
        assert start <= D(entry["date"]) < target
    for p in demo["problems"]:
        assert p["description"] and p["owner"]
        assert start <= D(p["raised_on"]) <= D(p["solved_on"]) < target


def _fire_code(demo, catalog) -> str:
    (code,) = [row["code"] for row in demo["items"] if catalog[row["code"]].name == "特殊建设工程消防验收"]
    return code


def test_demo_node_move(demo, catalog):
    (move,) = demo["node_moves"]
    assert move["code"] == _fire_code(demo, catalog)
    assert (move["from"], move["to"]) == ("2026-04-28", "2026-05-15")
    assert move["reason"]
    (row,) = [r for r in demo["items"] if r["code"] == move["code"]]
    assert row["fixed_finish"] == move["from"]


def test_demo_progress_replays_through_the_life_cycle(demo, catalog):
    must = {row["code"] for row in demo["items"] if row["class"] == "must_do"}
    finished = {}
    for entry in demo["progress"]:
        item = catalog[entry["code"]]
        progress = ItemProgress()
        for step in entry["steps"]:
            progress = advance(
                progress,
                step["status"],
                D(step["on"]),
                step["by"],
                pre_review=item.pre_review,
                site_inspection=item.site_inspection,
            )
        assert progress.status is ItemStatus.DONE
        finished[entry["code"]] = progress.finished_on
    assert set(finished) == must
    assert max(finished.values()) < D(demo["target_date"])
    # Fire acceptance passed on 12 May, 3 days before its moved node; the completion filing,
    # business licence and food licence were issued the same day.
    by_name = {catalog[c].name: d for c, d in finished.items()}
    for name in [
        "特殊建设工程消防验收",
        "房屋建筑和市政基础设施工程竣工验收备案",
        "企业设立登记（营业执照）",
        "食品经营许可",
    ]:
        assert by_name[name] == D("2026-05-12"), name
    # Nothing finished before what it waits for.
    for row in demo["items"]:
        if row["class"] != "must_do":
            continue
        for p in list(catalog[row["code"]].prerequisites) + row.get("after", []):
            if p in finished:
                assert finished[p] <= finished[row["code"]], (p, row["code"])


def _plan(demo, catalog, *, pin: bool = True, actuals: bool = False) -> list[PlanItem]:
    done = {e["code"]: e["steps"] for e in demo["progress"]}
    items = []
    for row in demo["items"]:
        item = catalog[row["code"]]
        extra = {}
        if pin and row.get("fixed_finish"):
            extra["fixed_finish"] = D(row["fixed_finish"])
        if actuals and row["code"] in done:
            extra["actual_start"] = D(done[row["code"]][0]["on"])
            extra["actual_finish"] = D(done[row["code"]][-1]["on"])
        prereqs = tuple(item.prerequisites) + tuple(row.get("after", []))
        items.append(PlanItem(row["code"], item.name, item.days, prereqs, row["class"], **extra))
    return items


def test_demo_schedule_is_feasible_before_and_after_the_move(demo, catalog):
    start, target = D(demo["start_date"]), D(demo["target_date"])
    fire = _fire_code(demo, catalog)
    planned = schedule(_plan(demo, catalog), start, target, CAL)
    assert planned.feasible and len(planned.items) == 18
    assert planned[fire].earliest_finish == D("2026-04-28")
    (move,) = demo["node_moves"]
    moved = move_node(_plan(demo, catalog), fire, D(move["to"]), move["reason"], start, target, CAL)
    assert moved.schedule.feasible
    assert moved.schedule.critical_path[0] == fire
    assert len(moved.dependents) >= 5
    for code in moved.dependents:
        assert moved.schedule[code].earliest_start > D("2026-05-15")
    actual = schedule(_plan(demo, catalog, actuals=True), start, target, CAL)
    assert actual.feasible and all(s.done for s in actual.items.values())
