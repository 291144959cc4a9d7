"""Who sees what (docs/rules.md §appeals-intake, §appeals-lights): whoever registers an appeal can
see it — a street clerk registers at its counter an appeal of another street, which is dispatched
to that street at once, and keeps read access (not write access) to it; the rest of the other
street stays out of its sight; its statistics stay its street's."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import NotFound
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import queue, stats
from laoshan_desk.services.appeals.queue import QueueFilter
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import intake_form, version


def test_a_street_clerk_registers_another_streets_appeal_and_keeps_reading_it(db, admin, make_user, place):
    street, comm, grid, other = place
    here = make_user(Role.STREET_CLERK, unit_id=street.id)
    there = make_user(Role.STREET_CLERK, unit_id=other.id)
    foreign = svc.intake(
        db,
        here,
        intake_form(place, street_id=other.id, community_id=None, grid_id=None, content="路过沙子口看到路灯不亮已一周"),
        now=FIXED_NOW,
    )
    d = svc.detail(db, here, foreign.id, now=FIXED_NOW)
    assert d.status == "dispatched" and d.unit_name == other.name and d.level == "street"
    assert d.events[-1].action == "dispatch" and "跨街道受理" in d.events[-1].note
    assert [a for a in d.actions if a.value not in ("print_supervision",)] == []  # reading only
    with pytest.raises(NotFound):
        svc.respond(db, here, svc.NoteForm(foreign.id, d.version), now=FIXED_NOW)
    # The other street works on it.
    assert "respond" in svc.detail(db, there, foreign.id, now=FIXED_NOW).actions
    svc.respond(db, there, svc.NoteForm(foreign.id, version(db, foreign.id)), now=FIXED_NOW)

    # Another appeal of the other street, registered by someone else, stays out of sight.
    unseen = svc.intake(
        db, admin, intake_form(place, street_id=other.id, community_id=None, grid_id=None), now=FIXED_NOW
    )
    with pytest.raises(NotFound):
        svc.detail(db, here, unseen.id, now=FIXED_NOW)
    mine = svc.intake(db, here, intake_form(place), now=FIXED_NOW)
    ids = {r.id for r in queue.page(db, here, QueueFilter(), now=FIXED_NOW)}
    assert ids == {foreign.id, mine.id}
    assert queue.count(db, here, QueueFilter(), now=FIXED_NOW) == 2
    # Its own street's appeal stays with it: not dispatched on registration.
    assert svc.detail(db, here, mine.id, now=FIXED_NOW).status == "received"
    # The street's figures are its street's: the registered foreign appeal is not among them.
    assert stats.statistics(db, here, now=FIXED_NOW).received == 1
    assert stats.statistics(db, there, now=FIXED_NOW).received == 2


def test_a_department_handler_reads_what_it_registered(db, admin, make_user, place):
    from laoshan_desk.services import org

    dept = org.units(db, "department")[0]
    handler = make_user(Role.DEPT_HANDLER, unit_id=dept.id)
    ref = svc.intake(db, handler, intake_form(place), now=FIXED_NOW)
    assert svc.detail(db, handler, ref.id, now=FIXED_NOW).number == ref.number
    assert [r.id for r in queue.page(db, handler, QueueFilter(), now=FIXED_NOW)] == [ref.id]
