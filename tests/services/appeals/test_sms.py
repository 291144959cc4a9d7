"""The SMS outbox (docs/rules.md §appeals-handling): without a carrier's gateway nothing is sent —
each due message is recorded once and stays queued as 未配置短信通道，已记录; the outbox has the
appeals' row scope (a 中韩 clerk neither sees, sends nor re-queues another street's messages)."""

from __future__ import annotations

import pytest

from laoshan_desk.config import data_dir
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import sms
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import intake_form, version


def finished(db, admin, place, street_id=None, phone="13805321234"):  # type: ignore[no-untyped-def]
    street, comm, _, _ = place
    street_id = street_id or street.id
    kw = {} if street_id == street.id else {"community_id": None, "grid_id": None}
    ref = svc.intake(db, admin, intake_form(place, street_id=street_id, phone=phone, **kw), now=FIXED_NOW)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, version(db, ref.id), "street", street_id), now=FIXED_NOW)
    svc.respond(db, admin, svc.NoteForm(ref.id, version(db, ref.id)), now=FIXED_NOW)
    svc.finish(db, admin, svc.FinishForm(ref.id, version(db, ref.id), "已处理"), now=FIXED_NOW)
    return ref


@pytest.fixture(autouse=True)
def no_gateway():  # type: ignore[no-untyped-def]
    sms.set_gateway(None)
    yield
    sms.set_gateway(None)


def test_without_a_gateway_messages_are_recorded_and_stay_queued(db, admin, place):
    finished(db, admin, place)
    assert not sms.gateway_configured()
    report = sms.send_pending(db, admin, now=FIXED_NOW)
    assert not report.configured and report.sent == 0 and report.waiting == 1
    row = sms.outbox(db, admin)[0][0]
    assert row.state == "queued" and row.state_label == "未配置短信通道，已记录" and row.sent_at is None
    log = (data_dir() / "sms-sent.log").read_text(encoding="utf-8")
    assert log.count("13805321234") == 1
    sms.send_pending(db, admin, now=FIXED_NOW)  # the timer again: recorded once, not twice
    assert (data_dir() / "sms-sent.log").read_text(encoding="utf-8").count("13805321234") == 1

    class Carrier:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            return "c-1"

    sms.set_gateway(Carrier())
    assert sms.gateway_configured()
    assert sms.send_pending(db, admin, now=FIXED_NOW).sent == 1
    assert sms.outbox(db, admin)[0][0].state_label == "已发送"


def test_the_outbox_has_the_row_scope(db, admin, make_user, place):
    street, _, _, other = place
    mine = finished(db, admin, place, phone="13805321234")
    finished(db, admin, place, street_id=other.id, phone="13905329876")
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    rows, total = sms.outbox(db, clerk)
    assert total == 1 and [r.appeal_number for r in rows] == [svc.detail(db, admin, mine.id, now=FIXED_NOW).number]
    other_message = next(r for r in sms.outbox(db, admin)[0] if r.appeal_number != rows[0].appeal_number)
    with pytest.raises(NotFound):
        sms.retry(db, clerk, svc.SmsRetryForm(other_message.id), now=FIXED_NOW)

    sent: list[str] = []

    class Carrier:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            sent.append(phone)
            return "c"

    report = sms.send_pending(db, clerk, now=FIXED_NOW, gw=Carrier())
    assert sent == ["13805321234"] and report.waiting == 0
    assert sms.send_pending(db, admin, now=FIXED_NOW, gw=Carrier()).sent == 1  # the other street's


def test_the_gateway_check_is_one_of_the_packages_names():
    from laoshan_desk.services import appeals as svc

    assert svc.gateway_configured is sms.gateway_configured and "gateway_configured" in svc.__all__


def test_a_retry_requeues_a_refused_message_with_a_clean_count_and_never_a_sent_one(db, admin, place):
    finished(db, admin, place)

    class Refusing:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            raise sms.GatewayError("号码停机")

    assert sms.send_pending(db, admin, now=FIXED_NOW, gw=Refusing()).failed == 1
    row = sms.outbox(db, admin)[0][0]
    assert (row.state, row.attempts, row.last_error) == ("failed", 1, "号码停机")
    sms.retry(db, admin, svc.SmsRetryForm(row.id), now=FIXED_NOW)
    row = sms.outbox(db, admin)[0][0]
    assert (row.state, row.attempts, row.last_error) == ("queued", 0, "")

    class Carrier:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            return "c-1"

    assert sms.send_pending(db, admin, now=FIXED_NOW, gw=Carrier()).sent == 1
    with pytest.raises(ValidationError, match="已发送，不能重发"):
        sms.retry(db, admin, svc.SmsRetryForm(row.id), now=FIXED_NOW)
    assert sms.outbox(db, admin)[0][0].state == "sent"
