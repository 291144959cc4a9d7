"""The SMS a street desk's 办结 queues travels with the change: the hub's outbox holds the same
message once (a change replayed twice queues nothing more), the desk's 未配置短信通道，已记录 mark
survives the pull while the hub's copy waits, and the hub's 已发送 comes back to the desk. A
重发 (``sms.retry``) made on the desk reaches the hub once, through the same rules: another
street's message is not in its scope, and a message the hub got out meanwhile is not sent twice."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from laoshan_desk.config import data_dir
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org, sync
from laoshan_desk.services.appeals import sms
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.store.models.appeals import SmsMessage
from laoshan_desk.store.models.sync import AppliedChange, OutboxEntry
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, STREET, Hall, make_desk, make_hub, version
from tests.hall.test_sync_pg import fresh_database

pytestmark = pytest.mark.timeout(120)


class FakeCarrier:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> str:
        self.sent.append((phone, text))
        return f"carrier-{len(self.sent)}"


class RefusingCarrier:
    def send(self, phone: str, text: str) -> str:
        raise sms.GatewayError("号码停机")


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


def _finished_at_hub(hall: Hall, street_name: str, phone: str) -> uuid.UUID:
    """An appeal of ``street_name`` finished at a hall counter: its SMS queued at the hub."""
    h = hall.clerk
    street = next(u for u in org.units(hall.db, "street") if u.name == street_name)
    comm = org.units(hall.db, "community", parent_id=street.id)[0]
    form = svc.IntakeForm(
        kind="livelihood",
        channel="phone",
        content="下水道堵了",
        street_id=street.id,
        community_id=comm.id,
        appellant="王五",
        phone=phone,
    )
    ident = svc.intake(hall.db, h, form, now=NOW).id
    svc.dispatch(hall.db, h, svc.DispatchForm(ident, version(hall.db, h, ident), "street", street.id), now=NOW)
    svc.respond(hall.db, h, svc.NoteForm(ident, version(hall.db, h, ident), "已联系"), now=NOW)
    svc.finish(hall.db, h, svc.FinishForm(ident, version(hall.db, h, ident), "已疏通"), now=NOW)
    return ident


def _message(db, appeal_id):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalars(select(SmsMessage).where(SmsMessage.appeal_id == appeal_id)).one()


def _requeued_at_hub(hall: Hall) -> list[str]:
    """Who re-queued a message at the hub, one name per audit record."""
    with hall.db.session() as s:
        stmt = select(AuditRecord.username).where(AuditRecord.summary == "短信重新发送").order_by(AuditRecord.seq)
        return list(s.scalars(stmt))


def test_a_retry_made_on_a_desk_reaches_a_sqlite_hub_once_through_the_same_rules(tmp_path: Path) -> None:
    retry_travels(make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=0), tmp_path)


@requires_pg
def test_a_retry_made_on_a_desk_reaches_the_postgresql_hub_once_through_the_same_rules(
    pg_url: str, tmp_path: Path
) -> None:
    retry_travels(make_hub(fresh_database(pg_url, "hub_sms_retry"), shared=0), tmp_path)


def retry_travels(hall: Hall, tmp_path: Path) -> None:
    ident = _finished_at_hub(hall, STREET, "13912345678")
    other_street = next(u.name for u in org.units(hall.db, "street") if u.name != STREET)
    foreign = _finished_at_hub(hall, other_street, "13812345678")
    # The district's carrier refuses the number until the hub gives up.
    for attempt in range(sms.MAX_ATTEMPTS):
        sms.send_pending(hall.db, hall.clerk, now=later(300 * attempt), gw=RefusingCarrier())
    assert _message(hall.db, ident).state == "gave_up"
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        message = _message(desk, ident)
        assert (message.state, message.last_error) == ("gave_up", "号码停机")

        # 重发 on the desk: queued here, and waiting in the outbox with the appeal held back.
        sms.retry(desk, clerk, svc.SmsRetryForm(message.id), now=later(2000))
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.service, entry.state) == ("appeals.sms_retry", "pending")
        assert entry.base == {f"appeal:{ident}": version(desk, clerk, ident)}
        assert (_message(desk, ident).state, _message(desk, ident).attempts) == ("queued", 0)

        report = sync.sync_now(desk, clerk, now=later(2010), hub=hall.db)
        assert (report.pushed.applied, report.pushed.refused) == (1, 0)
        at_hub = _message(hall.db, ident)
        assert (at_hub.id, at_hub.state, at_hub.attempts, at_hub.last_error) == (message.id, "queued", 0, "")
        assert _requeued_at_hub(hall) == [clerk.username]
        # The desk (no gateway) recorded the re-queued message once; the pull keeps its mark while
        # the hub's copy waits, so it is not recorded again.
        lines = log_lines()
        sms.send_pending(desk, clerk, now=later(2011))
        assert log_lines() == lines + 1
        sync.sync_now(desk, clerk, now=later(2012), hub=hall.db)
        sms.send_pending(desk, clerk, now=later(2013))
        assert log_lines() == lines + 1 and _message(desk, ident).last_error == sms.NOT_CONFIGURED

        # The district sends it; the same change pushed again re-queues nothing.
        carrier = FakeCarrier()
        assert sms.send_pending(hall.db, hall.clerk, now=later(2020), gw=carrier).sent == 1
        again = sync.push.apply_changes(hall.db, _peer(desk), [sync.outbox.message_of(entry)], now=later(2030))
        assert [a["outcome"] for a in again] == ["applied"]
        assert _message(hall.db, ident).state == "sent" and _requeued_at_hub(hall) == [clerk.username]
        assert carrier.sent == [("13912345678", at_hub.text)]
        sync.sync_now(desk, clerk, now=later(2040), hub=hall.db)
        assert _message(desk, ident).state == "sent"
        with pytest.raises(ValidationError, match=sms.ALREADY_SENT):
            sms.retry(desk, clerk, svc.SmsRetryForm(message.id), now=later(2050))

        # Another street's message written into the desk's outbox by hand: not in the clerk's
        # scope at the hub, refused, nothing re-queued.
        foreign_message = _message(hall.db, foreign)
        for attempt in range(sms.MAX_ATTEMPTS):
            sms.send_pending(hall.db, hall.clerk, now=later(3000 + 300 * attempt), gw=RefusingCarrier())
        assert _message(hall.db, foreign).state == "gave_up"
        _write_by_hand(desk, clerk, svc.SmsRetryForm(foreign_message.id))
        report = sync.sync_now(desk, clerk, now=later(5000), hub=hall.db)
        assert (report.pushed.applied, report.pushed.refused) == (0, 1)
        assert _message(hall.db, foreign).state == "gave_up" and _requeued_at_hub(hall) == [clerk.username]
        with desk.session() as s:
            refused = s.scalars(select(OutboxEntry).where(OutboxEntry.state == "refused")).one()
            assert "不在您的可见范围内" in refused.message
            assert s.get(SmsMessage, foreign_message.id) is None  # never in the desk's share
    finally:
        desk.dispose()
        hall.db.dispose()


def test_a_desks_retry_of_a_message_the_hub_sent_meanwhile_is_refused_not_sent_twice(tmp_path: Path) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=0)
    ident = _finished_at_hub(hall, STREET, "13912345678")
    sms.send_pending(hall.db, hall.clerk, now=later(1), gw=RefusingCarrier())
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        message = _message(desk, ident)
        assert message.state == "failed"
        # The hall re-queues it and its carrier gets it out; the desk, offline, re-queues it too.
        sms.retry(hall.db, hall.clerk, svc.SmsRetryForm(message.id), now=later(10))
        carrier = FakeCarrier()
        assert sms.send_pending(hall.db, hall.clerk, now=later(11), gw=carrier).sent == 1
        sms.retry(desk, clerk, svc.SmsRetryForm(message.id), now=later(12))

        report = sync.sync_now(desk, clerk, now=later(20), hub=hall.db)
        assert (report.pushed.applied, report.pushed.refused) == (0, 1)
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.state, entry.message) == ("refused", sms.ALREADY_SENT)
        assert _message(hall.db, ident).state == "sent" and len(carrier.sent) == 1
        # The desk takes the hub's row back: 已发送, not queued.
        assert _message(desk, ident).state == "sent"
        with hall.db.session() as s:
            assert s.scalars(select(AppliedChange.outcome)).all() == ["refused"]
    finally:
        desk.dispose()
        hall.db.dispose()


def _write_by_hand(desk, clerk, form) -> None:  # type: ignore[no-untyped-def]
    """A change the desk's own screens would not make, written into its outbox's SQLite file."""
    with desk.session(write=True) as s:
        n = (s.scalar(select(func.max(OutboxEntry.n))) or 0) + 1
        s.add(
            OutboxEntry(
                change_id=uuid.uuid4(),
                n=n,
                service="appeals.sms_retry",
                form=sync.codec.encode_form(form),
                user_id=clerk.user_id,
                username=clerk.username,
                base={},
                at=NOW,
                state=sync.outbox.PENDING,
                message="",
                refreshed=False,
                files=[],
            )
        )
