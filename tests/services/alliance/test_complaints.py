"""Complaints and reports through the services: one-to-one liaison, decisions, testing periods,
mediation, reporter notice, lights stored for the queue, versions and roles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from laoshan_desk.domain.alliance.vocabulary import ComplaintStatus
from laoshan_desk.domain.errors import ConflictError, PermissionDenied, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import alliance
from laoshan_desk.store.models import AuditRecord
from tests.alliance_support import at, fake_uscc

# 2026: 中秋 Fri 25 Sep and 国庆 1–7 Oct off; Sun 20 Sep and Sat 10 Oct are working days.
OCT12 = at(2026, 10, 12, 9)


def complaint(uscc: str = "", name: str = "青岛示例海产有限公司", **fields):  # type: ignore[no-untyped-def]
    return alliance.ComplaintForm(
        kind=fields.pop("kind", "complaint"),
        received_at=fields.pop("received_at", at(2026, 9, 28, 9, 30)),
        content=fields.pop("content", "购买的海参与宣传不符，要求退货"),
        complainant=fields.pop("complainant", "赵示例"),
        phone=fields.pop("phone", "13900001234"),
        enterprise_name=name,
        uscc=uscc,
        **fields,
    )


def test_a_members_complaint_goes_to_its_liaison_officer(db, officer, add_member):
    add_member(1, name="海尔集团（示例）", liaison="刘一对一", liaison_user_id=officer.user_id)
    ref = alliance.register(db, officer, complaint(uscc=fake_uscc(1), name=""), now=OCT12)
    assert ref.officer_name == "刘一对一" and ref.number == "TS20260928-0001"
    row = alliance.detail(db, officer, ref.id, now=OCT12).row
    assert row.member and row.enterprise_name == "海尔集团（示例）"
    assert row.accept_limit == dt.date(2026, 10, 13) and row.light is Light.YELLOW
    assert row.phone == "139****1234"
    mine = alliance.page(db, officer, alliance.ComplaintFilter(officer_user_id=officer.user_id), now=OCT12)
    assert [r.id for r in mine] == [ref.id]


def test_a_consumer_complaint_about_a_non_member_has_no_officer(db, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    assert ref.officer_name == "" and ref.status is ComplaintStatus.REGISTERED


def test_acceptance_then_mediation_with_testing_then_agreement(db, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    alliance.decide(
        db, officer, alliance.DecisionForm(ref.id, "受理", at(2026, 10, 9, 15), version=d.row.version), now=OCT12
    )
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    assert d.row.status is ComplaintStatus.MEDIATING and "受理" not in d.actions and "pause" in d.actions
    base = d.row.due_on
    assert base is not None
    later = at(2026, 10, 20, 9)
    alliance.start_pause(
        db, officer, alliance.PauseForm(ref.id, dt.date(2026, 10, 12), "海参品质检测", version=d.row.version), now=later
    )
    d = alliance.detail(db, officer, ref.id, now=later)
    assert d.row.paused and d.row.light is Light.GREY and d.actions == ("end_pause",)
    alliance.end_pause(db, officer, alliance.EndPauseForm(ref.id, dt.date(2026, 10, 16), d.row.version), now=later)
    d = alliance.detail(db, officer, ref.id, now=later)
    assert not d.row.paused and d.row.due_on is not None
    assert d.row.due_on > base  # five working days of testing not counted
    with pytest.raises(ValidationError) as caught:
        alliance.finish(db, officer, alliance.FinishForm(ref.id, "立案查处", later, version=d.row.version), now=later)
    assert caught.value.field == "outcome"
    alliance.finish(
        db, officer, alliance.FinishForm(ref.id, "调解成功", later, "退货退款", version=d.row.version), now=later
    )
    d = alliance.detail(db, officer, ref.id, now=later)
    assert d.row.status is ComplaintStatus.FINISHED and d.row.light is Light.GREY and not d.row.late
    assert d.row.countdown == "按期办结" and d.actions == ()


def test_a_refusal_finishes_with_its_reason(db, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    alliance.decide(
        db, officer, alliance.DecisionForm(ref.id, "reject", at(2026, 10, 12, 8), reject_reason="too_old"), now=OCT12
    )
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    assert d.row.status is ComplaintStatus.FINISHED and d.reject_reason is not None
    assert d.row.outcome is not None and d.row.outcome.label == "不予受理"


def test_a_real_name_report_verified_extended_filed_and_told(db, officer):
    ref = alliance.register(db, officer, complaint(kind="举报", content="无证生产矿泉水", name="某水站"), now=OCT12)
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    assert d.row.status is ComplaintStatus.VERIFYING and d.real_name and "extend" in d.actions
    first = d.row.accept_limit
    alliance.extend_verification(db, officer, alliance.ExtendForm(ref.id, "局长王示例", d.row.version), now=OCT12)
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    assert d.row.accept_limit > first and d.extended
    with pytest.raises(ValidationError):
        alliance.decide(db, officer, alliance.DecisionForm(ref.id, "受理", OCT12), now=OCT12)
    alliance.decide(db, officer, alliance.DecisionForm(ref.id, "立案", at(2026, 10, 12, 8)), now=OCT12)
    d = alliance.detail(db, officer, ref.id, now=OCT12)
    assert d.row.status is ComplaintStatus.AWAITING_NOTICE and d.row.due_on == dt.date(2026, 10, 19)
    alliance.notify(db, officer, alliance.NotifyForm(ref.id, at(2026, 10, 14, 9)), now=at(2026, 10, 14, 10))
    d = alliance.detail(db, officer, ref.id, now=at(2026, 10, 14, 10))
    assert d.row.status is ComplaintStatus.FINISHED and d.row.outcome is not None and d.row.outcome.label == "立案查处"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"kind": "咨询"}, "kind"),
        ({"received_at": None}, "received_at"),
        ({"received_at": at(2026, 10, 13)}, "received_at"),  # after now
        ({"received_at": at(9999, 1, 1)}, "received_at"),
        ({"content": "  "}, "content"),
        ({"content": "长" * 2001}, "content"),
        ({"complainant": ""}, "complainant"),
        ({"phone": "0000"}, "phone"),
        ({"uscc": "123"}, "uscc"),
    ],
)
def test_bad_complaints_are_refused_beside_the_field(db, officer, changes, field):
    with pytest.raises(ValidationError) as caught:
        alliance.register(db, officer, complaint(**changes), now=OCT12)
    assert caught.value.field == field


def test_a_stale_screen_cannot_decide(db, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    v = alliance.detail(db, officer, ref.id, now=OCT12).row.version
    alliance.start_pause(db, officer, alliance.PauseForm(ref.id, dt.date(2026, 9, 29), "鉴定", version=v), now=OCT12)
    with pytest.raises(ConflictError):
        alliance.decide(db, officer, alliance.DecisionForm(ref.id, "受理", OCT12, version=v), now=OCT12)


def test_roles(db, leader, clerk, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    assert alliance.detail(db, leader, ref.id, now=OCT12).row.number == ref.number
    with pytest.raises(PermissionDenied):
        alliance.decide(db, leader, alliance.DecisionForm(ref.id, "受理", OCT12), now=OCT12)
    with pytest.raises(PermissionDenied):
        alliance.page(db, clerk, alliance.ComplaintFilter(), now=OCT12)


def test_every_write_is_audited_with_the_number(db, officer):
    ref = alliance.register(db, officer, complaint(), now=OCT12)
    alliance.decide(db, officer, alliance.DecisionForm(ref.id, "受理", OCT12), now=OCT12)
    with db.session() as s:
        summaries = s.scalars(
            select(AuditRecord.summary).where(AuditRecord.entity == "alliance_complaint").order_by(AuditRecord.seq)
        ).all()
    assert summaries == [f"登记投诉：{ref.number}", f"受理：{ref.number}"]
