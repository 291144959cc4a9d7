"""Decisions on requests (决定延期/决定挂起), merges (合并) and proxy tasks (帮代办) made on a street
desk travel to the hub like the other handling steps: the records they make keep their ids,
replaying them twice changes nothing, and a decision on an appeal the hub changed since is a
conflict with both versions kept."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, org, sync
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.sync import outbox
from laoshan_desk.store.models.appeals import AppealExtension, AppealSuspension, ProxyTask
from laoshan_desk.store.models.sync import OutboxEntry, SyncConflict
from tests.hall.sync_support import NOW, PASSWORD, STREET, appeal_state, make_desk, make_hub, version

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=3)
    street = next(u for u in org.units(hub.db, "street") if u.name == STREET)
    auth.create_user(
        hub.db, hub.admin, auth.NewUserForm("szklead", "街道领导", Role.LEADER, PASSWORD, street.id), now=NOW
    )
    yield hub
    hub.db.dispose()


def _later_workday(db, clerk, appeal_id: uuid.UUID):  # type: ignore[no-untyped-def]
    limit = svc.detail(db, clerk, appeal_id, now=NOW).completion_limit
    return work_calendar(db).add_workdays(limit, 3)


def test_requests_and_decisions_made_offline_reach_the_hub_with_their_ids(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        leader = auth.login(desk, "szklead", PASSWORD, now=NOW)
        a0, a1 = hall.appeal_ids[:2]
        until = _later_workday(desk, clerk, a0)
        ext = svc.request_extension(
            desk, clerk, svc.ExtensionRequestForm(a0, version(desk, clerk, a0), until, "需协调供电部门"), now=NOW
        )
        svc.decide_extension(desk, leader, svc.DecisionForm(ext, version(desk, leader, a0), True, "同意"), now=NOW)
        sus = svc.request_suspension(
            desk, clerk, svc.SuspensionRequestForm(a1, version(desk, clerk, a1), "other", "等待群众补充材料"), now=NOW
        )
        svc.decide_suspension(
            desk, leader, svc.DecisionForm(sus, version(desk, leader, a1), False, "材料已齐"), now=NOW
        )
        assert sync.status(desk, clerk).waiting == 4

        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)

        assert (report.pushed.sent, report.pushed.applied) == (4, 4)
        with hall.db.session() as s:
            e = s.get(AppealExtension, ext)  # the desk's request id, at the hub
            x = s.get(AppealSuspension, sus)
            assert e is not None and e.state == "approved" and e.decided_by == "szklead"
            assert x is not None and x.state == "refused"
        assert svc.detail(hall.db, hall.clerk, a0, now=NOW).completion_limit == until
        assert appeal_state(desk, [a0, a1]) == appeal_state(hall.db, [a0, a1])

        # Replayed twice (a desk killed before it heard the answers): nothing changes.
        with desk.session() as s:
            link = outbox.link_of(s)
            assert link is not None
            messages = [outbox.message_of(m) for m in s.scalars(select(OutboxEntry).order_by(OutboxEntry.n))]
        before = appeal_state(hall.db, [a0, a1])
        answers = sync.push.apply_changes(hall.db, link.peer_id, messages, now=NOW)
        assert [a["outcome"] for a in answers] == ["applied"] * 4
        assert appeal_state(hall.db, [a0, a1]) == before
        again = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert again.pushed.sent == 0 and again.pulled.changed_rows == 0
    finally:
        desk.dispose()


def test_a_decision_on_an_appeal_the_hall_changed_since_is_a_conflict(hall, tmp_path: Path) -> None:
    a0 = hall.appeal_ids[0]
    h = hall.clerk
    until = _later_workday(hall.db, h, a0)
    ext = svc.request_extension(
        hall.db, h, svc.ExtensionRequestForm(a0, version(hall.db, h, a0), until, "大厅申请"), now=NOW
    )
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        leader = auth.login(desk, "szklead", PASSWORD, now=NOW)
        svc.decide_extension(desk, leader, svc.DecisionForm(ext, version(desk, leader, a0), True), now=NOW)
        svc.supervise(hall.db, h, svc.SuperviseForm(a0, version(hall.db, h, a0)), now=NOW)

        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)

        assert report.pushed.conflicts == 1
        with hall.db.session() as s:
            row = s.get(AppealExtension, ext)
            assert row is not None and row.state == "requested"  # nothing applied at the hub
        with desk.session() as s:
            c = s.scalars(select(SyncConflict)).one()
            assert c.entity_id == a0 and c.service == "appeals.decide_extension"
            assert c.mine["form"]["request_id"] == str(ext)
        # Keep mine: the decision goes again on the hub's version, and is applied there.
        conflict = sync.conflicts.open_conflicts(desk, clerk)[0]
        sync.conflicts.resolve(desk, clerk, sync.conflicts.ResolveForm(conflict.id, "mine"), now=NOW)
        sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        with hall.db.session() as s:
            row = s.get(AppealExtension, ext)
            assert row is not None and row.state == "approved"
        assert appeal_state(desk, [a0]) == appeal_state(hall.db, [a0])
    finally:
        desk.dispose()


def test_a_merge_and_a_proxy_task_made_offline_reach_the_hub(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        a0, _, a2 = hall.appeal_ids
        street = next(u for u in org.units(desk, "street") if u.name == STREET)
        comm = org.units(desk, "community", parent_id=street.id)[0]
        form = svc.IntakeForm("livelihood", "phone", "同一盏路灯又坏了", street.id, comm.id)
        a1 = svc.intake(desk, clerk, form, now=NOW).id  # a repeat, registered here offline
        svc.merge(desk, clerk, svc.MergeForm(a1, version(desk, clerk, a1), a0), now=NOW)
        service = svc.proxy_services(desk, clerk)[0]
        task = svc.make_proxy_task(
            desk, clerk, svc.ProxyTaskForm(a2, version(desk, clerk, a2), service.id, "代办"), now=NOW
        )
        svc.finish_proxy_task(desk, clerk, svc.ProxyDoneForm(task, tuple(service.materials[:1]), "已办完"), now=NOW)

        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)

        assert (report.pushed.sent, report.pushed.applied) == (4, 4)
        merged = svc.detail(hall.db, hall.clerk, a1, now=NOW)
        assert merged.status == "merged"
        with hall.db.session() as s:
            row = s.get(ProxyTask, task)  # the desk's task id, at the hub
            assert row is not None and row.state == "done" and row.appeal_id == a2
        assert appeal_state(desk, [a0, a1, a2]) == appeal_state(hall.db, [a0, a1, a2])
        again = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert again.pushed.sent == 0 and again.pulled.changed_rows == 0
    finally:
        desk.dispose()
