"""Extension and suspension requests (docs/rules.md §appeals-clocks): four eyes — who asked does
not decide; a decision made on a stale screen is refused; the leader's list names who asked."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import ConflictError, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from tests.services.appeals.conftest import at, intake_form, version

NOW = at("2026-11-23", "10:00")


@pytest.fixture
def working(db, admin, place):  # type: ignore[no-untyped-def]
    """An appeal dispatched to the community and responded to."""
    _, comm, _, _ = place
    ref = svc.intake(db, admin, intake_form(place, received_at=NOW), now=NOW)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, version(db, ref.id), "community", comm.id), now=NOW)
    svc.respond(db, admin, svc.NoteForm(ref.id, version(db, ref.id)), now=NOW)
    return ref


def test_who_asked_for_an_extension_cannot_approve_it(db, make_user, working):
    clerk = make_user(Role.WINDOW_CLERK)  # window clerks may approve extensions, not their own
    other = make_user(Role.WINDOW_CLERK)
    req = svc.request_extension(
        db,
        clerk,
        svc.ExtensionRequestForm(working.id, version(db, working.id), dt.date(2026, 12, 2), "需协调"),
        now=NOW,
    )
    with pytest.raises(PermissionDenied) as err:
        svc.decide_extension(db, clerk, svc.DecisionForm(req, version(db, working.id), True), now=NOW)
    assert "本人" in err.value.message
    assert svc.detail(db, clerk, working.id, now=NOW).completion_limit == dt.date(2026, 11, 25)  # unchanged
    svc.decide_extension(db, other, svc.DecisionForm(req, version(db, working.id), True), now=NOW)
    assert svc.detail(db, clerk, working.id, now=NOW).completion_limit == dt.date(2026, 12, 2)


def test_who_asked_for_a_suspension_cannot_approve_or_refuse_it(db, admin, make_user, working):
    req = svc.request_suspension(
        db, admin, svc.SuspensionRequestForm(working.id, version(db, working.id), "test", "等待检测"), now=NOW
    )
    for approve in (True, False):
        with pytest.raises(PermissionDenied):
            svc.decide_suspension(db, admin, svc.DecisionForm(req, version(db, working.id), approve, "不同意"), now=NOW)
    assert svc.detail(db, admin, working.id, now=NOW).status == "responded"
    leader = make_user(Role.LEADER)
    pending = svc.pending_approvals(db, leader)
    assert [(p.id, p.requested_by) for p in pending] == [(req, "admin")]
    svc.decide_suspension(db, leader, svc.DecisionForm(req, pending[0].version, True), now=NOW)
    assert svc.detail(db, admin, working.id, now=NOW).status == "suspended"


def test_a_decision_on_a_stale_screen_is_refused(db, admin, make_user, working):
    leader = make_user(Role.LEADER)
    req = svc.request_extension(
        db,
        admin,
        svc.ExtensionRequestForm(working.id, version(db, working.id), dt.date(2026, 12, 2), "需协调"),
        now=NOW,
    )
    shown = version(db, working.id)
    svc.progress(db, admin, svc.NoteForm(working.id, shown, "已联系物业"), now=NOW)  # someone else acts
    with pytest.raises(ConflictError):
        svc.decide_extension(db, leader, svc.DecisionForm(req, shown, True), now=NOW)
    svc.decide_extension(db, leader, svc.DecisionForm(req, version(db, working.id), True), now=NOW)


def test_a_second_request_while_one_awaits_a_decision_is_refused_beside_its_field(db, admin, working):
    form = svc.ExtensionRequestForm(working.id, version(db, working.id), dt.date(2026, 12, 2), "需协调")
    svc.request_extension(db, admin, form, now=NOW)
    again = svc.ExtensionRequestForm(working.id, version(db, working.id), dt.date(2026, 12, 3), "再延")
    with pytest.raises(ValidationError) as err:
        svc.request_extension(db, admin, again, now=NOW)
    assert (err.value.message, err.value.field) == ("已有待审批的延期申请", "until")
    svc.request_suspension(
        db, admin, svc.SuspensionRequestForm(working.id, version(db, working.id), "test", "等待检测"), now=NOW
    )
    with pytest.raises(ValidationError) as err:
        svc.request_suspension(
            db, admin, svc.SuspensionRequestForm(working.id, version(db, working.id), "test", "再挂"), now=NOW
        )
    assert (err.value.message, err.value.field) == ("已有待审批的挂起申请", "reason")
    assert [p.requested_by for p in svc.pending_approvals(db, admin)] == ["admin", "admin"]
