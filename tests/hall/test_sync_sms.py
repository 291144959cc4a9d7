"""The SMS a street desk's 办结 queues travels with the change: the hub's outbox holds the same
message once (a change replayed twice queues nothing more), the desk's 未配置短信通道，已记录 mark
survives the pull while the hub's copy waits, and the hub's 已发送 comes back to the desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.config import data_dir
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org, sync
from laoshan_desk.services.appeals import sms
from laoshan_desk.store.models.appeals import SmsMessage
from laoshan_desk.store.models.sync import OutboxEntry
from tests.hall.sync_support import NOW, STREET, make_desk, make_hub, version

pytestmark = pytest.mark.timeout(120)


class FakeCarrier:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> str:
        self.sent.append((phone, text))
        return f"carrier-{len(self.sent)}"


def later(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


def log_lines() -> int:
    log = data_dir() / "sms-sent.log"
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def test_a_desks_sms_reaches_the_hubs_outbox_once_and_its_state_stays_consistent(tmp_path: Path) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=0)
    h = hall.clerk
    street = next(u for u in org.units(hall.db, "street") if u.name == STREET)
    comm = org.units(hall.db, "community", parent_id=street.id)[0]
    form = svc.IntakeForm(
        kind="livelihood",
        channel="phone",
        content="楼道灯坏了",
        street_id=street.id,
        community_id=comm.id,
        appellant="李四",
        phone="13912345678",
    )
    ident = svc.intake(hall.db, h, form, now=NOW).id
    svc.dispatch(hall.db, h, svc.DispatchForm(ident, version(hall.db, h, ident), "street", street.id), now=NOW)
    svc.respond(hall.db, h, svc.NoteForm(ident, version(hall.db, h, ident), "已联系"), now=NOW)
    svc.progress(hall.db, h, svc.NoteForm(ident, version(hall.db, h, ident), "开始办理"), now=NOW)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        svc.finish(desk, clerk, svc.FinishForm(ident, version(desk, clerk, ident), "已更换灯泡"), now=later(1))
        with desk.session() as s:
            queued = s.scalars(select(SmsMessage).where(SmsMessage.appeal_id == ident)).one()
            entry = s.scalars(select(OutboxEntry)).one()
        # No gateway on the desk: recorded in its log once, marked, kept waiting for the hub.
        assert sms.send_pending(desk, clerk, now=later(2)).configured is False
        assert log_lines() == 1

        report = sync.sync_now(desk, clerk, now=later(10), hub=hall.db)
        assert report.pushed.applied == 1
        with hall.db.session() as s:
            at_hub = s.scalars(select(SmsMessage).where(SmsMessage.appeal_id == ident)).all()
        assert [m.id for m in at_hub] == [queued.id] and at_hub[0].state == "queued"
        # The same change again (a desk killed before it heard the answer): nothing more queued.
        again = sync.push.apply_changes(hall.db, _peer(desk), [sync.outbox.message_of(entry)], now=later(11))
        assert [a["outcome"] for a in again] == ["applied"]
        with hall.db.session() as s:
            assert len(s.scalars(select(SmsMessage).where(SmsMessage.appeal_id == ident)).all()) == 1

        # The desk still shows it recorded, and does not log it a second time.
        rows, _ = sms.outbox(desk, clerk)
        assert [(r.id, r.state_label) for r in rows] == [(queued.id, sms.NOT_CONFIGURED)]
        sms.send_pending(desk, clerk, now=later(12))
        assert log_lines() == 1
        assert sync.sync_now(desk, clerk, now=later(13), hub=hall.db).pulled.changed_rows == 0

        # The district sends it through its carrier: the desk shows 已发送 after the next pull.
        carrier = FakeCarrier()
        assert sms.send_pending(hall.db, h, now=later(20), gw=carrier).sent == 1
        assert carrier.sent == [("13912345678", queued.text)]
        sync.sync_now(desk, clerk, now=later(21), hub=hall.db)
        rows, _ = sms.outbox(desk, clerk)
        assert [(r.id, r.state, r.state_label) for r in rows] == [(queued.id, "sent", "已发送")]
    finally:
        desk.dispose()
        hall.db.dispose()


def _peer(desk):  # type: ignore[no-untyped-def]
    with desk.session() as s:
        return sync.outbox.link_of(s).peer_id
