"""Phone numbers of appellants (an enterprise's contact on a development appeal among them) are
masked on every appeals screen for every role that reads appeals (README §Security): the queue,
the detail, the outbox and the hot spots; only the clerk working on the appeal may show one in
full, and that is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from laoshan_desk.domain.errors import PermissionDenied
from laoshan_desk.domain.roles import Role, can_view
from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import hotspots, queue, sms
from laoshan_desk.store.models import AuditRecord
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import intake_form, version

PHONE = "13805321234"
MASKED = "138****1234"


def test_every_reading_role_sees_masked_phones(db, admin, make_user, place):
    street, comm, _, _ = place
    refs = [
        svc.intake(
            db,
            admin,
            intake_form(
                place,
                kind="development",
                enterprise="青岛崂山示例科技有限公司",
                content=f"企业用地手续办理慢，第{i}次反映",
            ),
            now=FIXED_NOW,
        )
        for i in range(3)
    ]
    ref = refs[0]
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, version(db, ref.id), "street", street.id), now=FIXED_NOW)
    svc.respond(db, admin, svc.NoteForm(ref.id, version(db, ref.id)), now=FIXED_NOW)
    svc.finish(db, admin, svc.FinishForm(ref.id, version(db, ref.id), "已协调"), now=FIXED_NOW)
    readers = [admin] + [
        make_user(role, unit_id=street.id if role in (Role.STREET_CLERK, Role.DEPT_HANDLER) else None)
        for role in Role
        if role is not Role.ADMIN and can_view(role, "appeals") and role is not Role.DEPT_HANDLER
    ]
    for actor in readers:
        rows = queue.page(db, actor, queue.QueueFilter(), now=FIXED_NOW)
        assert rows and {r.phone for r in rows} == {MASKED}, actor.role
        d = svc.detail(db, actor, ref.id, now=FIXED_NOW)
        assert d.phone == MASKED and d.phone_masked, actor.role
        out, _ = sms.outbox(db, actor)
        assert all(r.phone == MASKED for r in out), actor.role
        spots = hotspots.hot_spots(db, actor, now=FIXED_NOW)
        assert all("****" in p for p, _n in spots.repeat_phones), actor.role
        assert PHONE not in repr((rows, d, out, spots)), actor.role


def test_only_the_clerk_working_on_it_shows_the_full_number_and_that_is_audited(db, admin, make_user, place):
    ref = svc.intake(db, admin, intake_form(place), now=FIXED_NOW)
    leader = make_user(Role.LEADER)
    assert not svc.detail(db, leader, ref.id, now=FIXED_NOW).may_unmask
    with pytest.raises(PermissionDenied):
        svc.full_phone(db, leader, ref.id, now=FIXED_NOW)
    assert svc.detail(db, admin, ref.id, now=FIXED_NOW).may_unmask
    assert svc.full_phone(db, admin, ref.id, now=FIXED_NOW) == PHONE
    with db.session() as s:
        actions = s.scalars(select(AuditRecord.action).where(AuditRecord.entity_id == str(ref.id))).all()
    assert "view_full" in actions
