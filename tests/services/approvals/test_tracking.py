"""Tracking: dated steps, prerequisites, "ready to issue", and the cascade of a moved node."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from laoshan_desk.domain.approvals import ItemStatus
from laoshan_desk.domain.errors import ConflictError, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.approvals import seed as seed_approvals
from laoshan_desk.store.models import AuditRecord
from tests.services.approvals.helpers import D, advance, at, create, example_lines, item, plan_input


def test_tracking_steps_dates_and_who(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    advance(db, admin, pid, "A", "pre_review", "2026-09-21", by="韩冬")
    with pytest.raises(ValidationError, match="不能变为"):
        advance(db, admin, pid, "A", "done", "2026-09-22")
    with pytest.raises(ValidationError, match="不能晚于今天"):
        advance(db, admin, pid, "A", "accepted", "2026-09-30", today="2026-09-22")
    advance(db, admin, pid, "A", "accepted", "2026-09-22", by="韩冬")
    advance(db, admin, pid, "A", "done", "2026-09-30", by="宋佳")
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
        advance(db, admin, pid, "A", "done", "2026-09-30")


def test_acceptance_waits_for_prerequisites_but_pre_review_does_not(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    advance(db, admin, pid, "C", "pre_review", "2026-09-22")
    with pytest.raises(ValidationError, match="前置事项尚未销号"):
        advance(db, admin, pid, "C", "accepted", "2026-09-23")


def test_ready_to_issue_when_the_prerequisite_is_done(db, admin):
    pid = create(db, admin, plan_input(example_lines()))
    advance(db, admin, pid, "D", "pre_review", "2026-09-22")
    for code in ("A", "B"):
        for status in ("pre_review", "accepted", "done"):
            advance(db, admin, pid, code, status, "2026-09-25")
    advance(db, admin, pid, "C", "pre_review", "2026-09-25")
    assert svc.ready_to_issue(db, admin, pid) == ["C"]
    advance(db, admin, pid, "C", "accepted", "2026-09-28")
    result = advance(db, admin, pid, "C", "done", "2026-09-29")
    assert result.newly_ready == ("D",)  # pre-reviewed while waiting: issue it the same day
    assert item(db, admin, pid, "D", "2026-09-29").ready


def test_a_step_from_a_stale_page_is_refused(db, admin):
    """Two clerks have the item open; the second one's step carries the version they saw."""
    pid = create(db, admin, plan_input(example_lines()))
    seen = item(db, admin, pid, "A")
    advance(db, admin, pid, "A", "pre_review", "2026-09-21")  # the first clerk
    stale = svc.AdvanceForm(seen.id, seen.version, ItemStatus.PRE_REVIEW, D("2026-09-21"))
    with pytest.raises(ConflictError, match="该记录已被他人修改，请刷新后重试"):
        svc.advance_item(db, admin, stale, now=at("2026-09-21"))
    with pytest.raises(ConflictError):
        svc.move_node(db, admin, svc.MoveNodeForm(seen.id, seen.version, D("2026-10-12"), "原因"), now=at("2026-09-21"))
    assert [s.status for s in item(db, admin, pid, "A").steps] == [ItemStatus.PRE_REVIEW]


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
    pid = create(db, admin, plan_input(lines, start="2026-02-27", target="2026-06-05"))
    before = svc.project_detail(db, admin, pid, today=D("2026-04-20"))
    fire = before.item("SP023")
    assert fire.node_date == D("2026-04-28") and fire.pinned
    with pytest.raises(ValidationError, match="原因"):
        svc.move_node(db, admin, svc.MoveNodeForm(fire.id, fire.version, D("2026-05-15"), "  "), now=at("2026-04-20"))
    form = svc.MoveNodeForm(fire.id, fire.version, D("2026-05-15"), "幕墙及消防联动调试延期", decided_by="刘志远")
    result = svc.move_node(db, admin, form, now=at("2026-04-20"))
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
    assert {d.code for d in move.dependents} == moved
    assert move.decided_on == D("2026-04-20")
    with db.session() as s:
        summary = s.scalar(
            select(AuditRecord.summary)
            .where(AuditRecord.entity == "approval_project_item")
            .order_by(AuditRecord.seq.desc())
            .limit(1)
        )
    assert "调整节点" in summary and "幕墙" in summary
