"""A street desk works offline, then syncs with the hub: the outbox, replay through the services,
idempotence by change id, conflicts kept with both versions, refusals by the hub's own rules."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import sync
from laoshan_desk.services.sync import outbox
from laoshan_desk.store.models.appeals import AppealEvent
from laoshan_desk.store.models.sync import AppliedChange, OutboxEntry, SyncConflict
from tests.hall.sync_support import NOW, appeal_state, make_desk, make_hub, new_appeal, version

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    yield hub
    hub.db.dispose()


def notes(db, appeal_id: uuid.UUID) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        q = select(AppealEvent.note).where(AppealEvent.appeal_id == appeal_id).order_by(AppealEvent.n)
        return list(s.scalars(q))


def test_link_takes_the_streets_appeals_as_the_hub_has_them(hall, tmp_path: Path) -> None:
    desk, _ = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        assert appeal_state(desk) == appeal_state(hall.db, hall.appeal_ids)
        assert sync.status(desk, hall.admin).linked
    finally:
        desk.dispose()


def test_offline_changes_reach_the_hub_once_and_conflicts_keep_both(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        a0, a1 = hall.appeal_ids[:2]
        # Offline at the street office: a progress note and a finish, each in the outbox.
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "街道：已到现场"), now=NOW)
        svc.finish(desk, clerk, svc.FinishForm(a1, version(desk, clerk, a1), "街道：路灯已修复"), now=NOW)
        assert sync.status(desk, clerk).waiting == 2
        # Meanwhile the hall works on the same two appeals.
        h = hall.clerk
        svc.progress(hall.db, h, svc.NoteForm(a0, version(hall.db, h, a0), "大厅：已催办"), now=NOW)
        svc.finish(hall.db, h, svc.FinishForm(a1, version(hall.db, h, a1), "大厅：已协调供电公司"), now=NOW)

        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)

        assert (report.pushed.sent, report.pushed.applied, report.pushed.conflicts) == (2, 1, 1)
        # The two notes merge (a note added on each side); the desk now has the hub's appeal.
        assert notes(hall.db, a0)[-2:] == ["大厅：已催办", "街道：已到现场"]
        assert appeal_state(desk, [a0]) == appeal_state(hall.db, [a0])
        # The finish met the hall's finish: not applied, both versions kept, the desk's row kept.
        with hall.db.session() as s:
            assert svc.detail(hall.db, h, a1, now=NOW).result == "大厅：已协调供电公司"
            assert s.scalar(select(AppliedChange).where(AppliedChange.service == "appeals.finish")) is None
        with desk.session() as s:
            c = s.scalars(select(SyncConflict)).one()
            assert c.mine["row"]["result"] == "街道：路灯已修复"
            assert c.theirs["row"]["result"] == "大厅：已协调供电公司"
            assert c.mine["form"]["result"] == "街道：路灯已修复"
        assert svc.detail(desk, clerk, a1, now=NOW).result == "街道：路灯已修复"
        rows = sync.conflicts.open_conflicts(desk, clerk)
        assert [d.name for d in rows[0].form_fields] == ["result"]

        again = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert again.pushed.sent == 0 and again.pulled.changed_rows == 0
    finally:
        desk.dispose()


def test_a_change_replayed_twice_changes_nothing(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        a0 = hall.appeal_ids[0]
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "只记一次"), now=NOW)
        with desk.session() as s:
            link = outbox.link_of(s)
            assert link is not None
            peer = link.peer_id
            message = outbox.message_of(s.scalars(select(OutboxEntry)).one())
        first = sync.push.apply_changes(hall.db, peer, [message], now=NOW)
        before = appeal_state(hall.db, [a0])
        second = sync.push.apply_changes(hall.db, peer, [message, message], now=NOW)
        assert [a["outcome"] for a in first + second] == ["applied"] * 3
        assert appeal_state(hall.db, [a0]) == before
        assert notes(hall.db, a0).count("只记一次") == 1
    finally:
        desk.dispose()


def test_the_hub_refuses_what_the_streets_user_may_not_write(hall, tmp_path: Path) -> None:
    """A desk that writes another street's appeal into its own outbox (editing its SQLite file)
    gets a refusal from the hub's own row scope; nothing is applied there."""
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        from laoshan_desk.services import org

        other = next(u for u in org.units(hall.db, "street") if u.name != "沙子口街道")
        foreign = new_appeal(hall.db, hall.clerk, other.id, "别的街道的诉求")
        before = appeal_state(hall.db, [foreign])
        with desk.session(write=True) as s:
            s.add(
                OutboxEntry(
                    change_id=uuid.uuid4(),
                    n=99,
                    service="appeals.progress",
                    form={"appeal_id": str(foreign), "version": 4, "note": "越权"},
                    user_id=clerk.user_id,
                    username=clerk.username,
                    base={f"appeal:{foreign}": 4},
                    at=NOW,
                    state=outbox.PENDING,
                    message="",
                    refreshed=False,
                )
            )
        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert report.pushed.refused == 1
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry)).one()
            assert entry.state == "refused" and "不在您的可见范围" in entry.message
        assert appeal_state(hall.db, [foreign]) == before
    finally:
        desk.dispose()
