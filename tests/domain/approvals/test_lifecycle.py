"""Tests of the approvals vocabulary and the item life cycle."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.approvals import (
    STATUS_FLOW,
    Classification,
    ItemProgress,
    ItemStatus,
    advance,
    applicable_steps,
    can_transition,
    check_prerequisites_done,
    check_reclassification,
    check_transition,
    classification_reason,
    next_statuses,
)
from laoshan_desk.domain.errors import ValidationError

D = dt.date.fromisoformat
S = ItemStatus


# -- vocabulary -------------------------------------------------------------------------------
def test_labels():
    assert [c.label for c in Classification] == ["必办", "企业自办", "无需办理"]
    assert [s.label for s in STATUS_FLOW] == ["未启动", "预审中", "已受理", "踏勘验收", "已销号"]
    assert Classification.from_label("企业自办") is Classification.SELF_HANDLED
    assert Classification.from_label("must_do") is Classification.MUST_DO
    assert ItemStatus("done").is_done and S.ACCEPTED.step == 2
    assert str(S.PRE_REVIEW) == "pre_review"
    assert Classification.choices()[0] == ("must_do", "必办")
    with pytest.raises(ValidationError, match="必办、企业自办、无需办理"):
        Classification.from_label("随便")


# -- life cycle -------------------------------------------------------------------------------
def test_full_flow_moves_one_step_at_a_time():
    assert next_statuses(S.NOT_STARTED) == (S.PRE_REVIEW,)
    assert next_statuses(S.PRE_REVIEW) == (S.ACCEPTED,)
    assert next_statuses(S.ACCEPTED) == (S.INSPECTION,)
    assert next_statuses(S.INSPECTION) == (S.DONE,)
    assert next_statuses(S.DONE) == ()
    assert not can_transition(S.NOT_STARTED, S.DONE)
    assert not can_transition(S.ACCEPTED, S.PRE_REVIEW)  # never backwards


def test_steps_that_do_not_apply_are_skipped():
    assert applicable_steps(pre_review=False, site_inspection=False) == (S.NOT_STARTED, S.ACCEPTED, S.DONE)
    assert can_transition(S.ACCEPTED, S.DONE, site_inspection=False)
    assert not can_transition(S.ACCEPTED, S.DONE, site_inspection=True)
    assert can_transition(S.NOT_STARTED, S.ACCEPTED, pre_review=False)
    # An item caught in a step the catalog no longer has continues with the next that applies.
    assert next_statuses(S.INSPECTION, site_inspection=False) == (S.DONE,)
    assert next_statuses(S.PRE_REVIEW, pre_review=False) == (S.ACCEPTED,)


def test_check_transition_messages():
    with pytest.raises(ValidationError) as err:
        check_transition(S.NOT_STARTED, S.DONE, on=D("2026-05-12"))
    assert err.value.message == "事项当前为“未启动”，不能变为“已销号”（可变为：预审中）"
    assert err.value.field == "status"
    with pytest.raises(ValidationError, match="已销号，不能再变更状态"):
        check_transition(S.DONE, S.INSPECTION)
    with pytest.raises(ValidationError, match="销号须填写办结日期") as err:
        check_transition(S.INSPECTION, S.DONE)
    assert err.value.field == "on"
    with pytest.raises(ValidationError, match="不能晚于今天"):
        check_transition(S.INSPECTION, S.DONE, on=D("2026-05-13"), today=D("2026-05-12"))
    check_transition(S.INSPECTION, S.DONE, on=D("2026-05-12"), today=D("2026-05-12"))
    check_transition("accepted", "done", site_inspection=False, on=D("2026-05-12"))


def test_advance_records_dated_steps():
    p = ItemProgress()
    p = advance(p, S.PRE_REVIEW, D("2026-04-13"), "宋佳")
    p = advance(p, S.ACCEPTED, D("2026-05-06"), "宋佳")
    p = advance(p, S.INSPECTION, D("2026-05-08"), "宋佳")
    p = advance(p, S.DONE, D("2026-05-12"), "宋佳", today=D("2026-05-12"))
    assert p.status is S.DONE
    assert p.started_on == D("2026-04-13") and p.finished_on == D("2026-05-12")
    assert p.date_of("accepted") == D("2026-05-06")
    assert p.date_of(S.NOT_STARTED) is None
    assert [s.by for s in p.steps] == ["宋佳"] * 4
    assert p.pre_reviewed


def test_advance_same_day_allowed_but_not_backwards():
    p = advance(ItemProgress(), S.ACCEPTED, D("2026-05-12"), pre_review=False)
    p = advance(p, S.DONE, D("2026-05-12"), site_inspection=False)  # issued the same day
    assert p.finished_on == D("2026-05-12")
    q = advance(ItemProgress(), S.PRE_REVIEW, D("2026-05-12"))
    with pytest.raises(ValidationError, match="不能早于预审中日期"):
        advance(q, S.ACCEPTED, D("2026-05-11"))
    assert not ItemProgress().pre_reviewed


# -- classification ----------------------------------------------------------------------------
def test_every_classification_needs_a_reason():
    assert classification_reason("  企业已取得  ") == "企业已取得"
    with pytest.raises(ValidationError, match="请填写分类理由") as err:
        classification_reason(" ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError, match="事项 SP001 请填写分类理由") as err:
        classification_reason("", code="SP001", field="items")
    assert err.value.field == "items"


def test_an_item_under_way_stays_must_do():
    check_reclassification("营业执照", S.NOT_STARTED, Classification.NOT_NEEDED)
    check_reclassification("营业执照", S.PRE_REVIEW, Classification.MUST_DO)
    with pytest.raises(ValidationError, match="已开始办理（预审中），不能改为无需办理"):
        check_reclassification("营业执照", S.PRE_REVIEW, Classification.NOT_NEEDED)


def test_acceptance_and_tick_off_wait_for_prerequisites_but_pre_review_does_not():
    waiting = ["SP023 特殊建设工程消防验收"]
    check_prerequisites_done(S.PRE_REVIEW, waiting)
    check_prerequisites_done(S.INSPECTION, waiting)
    check_prerequisites_done(S.ACCEPTED, [])
    for target in (S.ACCEPTED, S.DONE):
        with pytest.raises(ValidationError, match="前置事项尚未销号：SP023 特殊建设工程消防验收") as err:
            check_prerequisites_done(target, waiting)
        assert err.value.field == "status"
