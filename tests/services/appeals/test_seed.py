"""Demo and reference data of the appeals tab."""

from __future__ import annotations

from sqlalchemy import func, select

from laoshan_desk.services import org
from laoshan_desk.services.appeals import seed as seed_appeals
from laoshan_desk.services.appeals import stats as appeals_stats
from laoshan_desk.store.models.appeals import Appeal, ProxyService
from tests.conftest import FIXED_NOW


def test_reference_is_idempotent(db, admin):
    assert seed_appeals.load_reference(db, admin, now=FIXED_NOW) == {
        "proxy_services": 0,
        "terms": 0,
    }  # loaded by init already
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ProxyService)) == 43


def test_demo_covers_every_street_over_a_year_and_is_idempotent(db, admin):
    report = seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW, unknown_option=1)
    assert report["appeals"] == 1500
    assert seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW)["appeals"] == 0
    with db.session() as s:
        streets = set(s.scalars(select(Appeal.street_id).distinct()))
        units = s.scalar(select(func.count(func.distinct(Appeal.unit_id))))
        first, last = s.execute(select(func.min(Appeal.received_at), func.max(Appeal.received_at))).one()
        numbers = s.scalar(select(func.count(func.distinct(Appeal.number))))
    assert streets == {u.id for u in org.units(db, "street")}
    assert units > 100 and numbers == 1500
    with db.session() as s:
        texts = s.scalar(select(func.count(func.distinct(Appeal.content))))
        missing = s.scalar(select(func.count()).where(Appeal.terms.is_(None)))
    assert texts > 1450 and missing == 0  # realistic, distinct texts, each with its terms

    assert (last - first).days > 300
    st = appeals_stats.statistics(db, admin, now=FIXED_NOW)
    assert st.received == 1500 and 0.95 < float(st.closure_rate) <= 1 and 0.9 < float(st.satisfaction_rate) <= 1


def test_terms_missing_from_older_appeals_are_filled_by_init(db, admin):
    from sqlalchemy import update

    seed_appeals.load_demo(db, admin, appeals=300, now=FIXED_NOW)
    with db.session(write=True) as s:
        s.execute(update(Appeal).values(terms=None))
    assert seed_appeals.load_reference(db, admin, now=FIXED_NOW)["terms"] == 300
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Appeal.terms.is_(None))) == 0
        assert all(s.scalars(select(Appeal.terms).limit(20)))


def test_fast_sqlite_statistics_equal_the_portable_sums(db, admin, make_user):
    """statistics() on SQLite sums differently (plain aggregates, running overdue apart): the
    figures must be those of the portable CASE sums, for any period, unit and scope."""
    import datetime as dt

    from laoshan_desk.domain.appeals import clocks
    from laoshan_desk.domain.roles import Role

    seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW)
    today = clocks.local_date(FIXED_NOW)

    def portable(actor, date_from=None, date_to=None, unit_id=None):  # type: ignore[no-untyped-def]
        with db.session() as s:
            where = appeals_stats.period_conditions(actor, date_from, date_to, unit_id)
            row = s.execute(select(*appeals_stats._sums(today)).where(*where)).one()
        return appeals_stats.PeriodStats(*(int(v or 0) for v in row))

    street = org.units(db, "street")[1]
    with db.session() as s:
        busiest = s.execute(
            select(Appeal.unit_id)
            .where(Appeal.unit_id.is_not(None))
            .group_by(Appeal.unit_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    month = (today - dt.timedelta(days=30), today)
    for actor in (admin, clerk):
        for args in ((), month, (None, None, busiest), (*month, busiest)):
            fast = appeals_stats.statistics(
                db, actor, now=FIXED_NOW, **dict(zip(("date_from", "date_to", "unit_id"), args, strict=False))
            )
            assert fast == portable(actor, *args)
    everything = appeals_stats.statistics(db, admin, now=FIXED_NOW)
    assert everything.overdue > everything.finished - everything.finished_on_time  # some still running late


def test_two_character_search_on_demo_data_equals_like(db, admin):
    from sqlalchemy import text

    from laoshan_desk.services.appeals import queue

    seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW)
    for word in ("工资", "暖气", "小区", "王"):
        with db.engine.connect() as conn:
            like = conn.execute(
                text("SELECT count(*) FROM appeal WHERE content LIKE :p OR appellant LIKE :p OR enterprise LIKE :p"),
                {"p": f"%{word}%"},
            ).scalar_one()
        assert queue.count(db, admin, queue.QueueFilter(text=word), now=FIXED_NOW) == like
        assert like > 0


def test_a_demo_made_before_dawn_has_no_appeal_received_in_the_future(db, admin):
    """Night-time receipts are moved into office hours; made before dawn, today's office hours are
    still to come (made at 07:30 here), so they go to the day before — never after the demo's ``now``."""
    import datetime as dt

    from laoshan_desk.domain.timeutil import TZ

    before_dawn = dt.datetime(2026, 12, 5, 7, 30, tzinfo=TZ)
    seed_appeals.load_demo(db, admin, appeals=3000, now=before_dawn)  # fixed seed: some fall after 00:00
    with db.session() as s:
        last = s.scalar(select(func.max(Appeal.received_at)))
        early = s.scalar(select(func.count()).where(Appeal.received_at > before_dawn))
    assert early == 0 and last is not None


def test_the_demo_outbox_holds_sent_refused_and_queued_messages_made_through_the_sms_services(db, admin):
    """A new user's 短信发件箱 is not empty: the texts 办结 queues, four sent, one refused by the
    carrier with its reason and its next try after the demo's ``now`` (so the reason is still on
    screen), two queued behind an offline gateway; to the demo's landlines only (docs/rules.md §demo)."""
    import re

    from laoshan_desk.domain.appeals import finished_sms_text
    from laoshan_desk.domain.timeutil import TZ
    from laoshan_desk.services.appeals import sms
    from laoshan_desk.services.appeals.seed import outbox as demo_outbox
    from laoshan_desk.store.models import Unit
    from laoshan_desk.store.models.appeals import SmsMessage
    from laoshan_desk.store.models.audit import AuditRecord

    report = seed_appeals.load_demo(db, admin, appeals=1500, now=FIXED_NOW)
    assert report["sms"] == demo_outbox.MESSAGES
    rows, total = sms.outbox(db, admin, limit=50)
    assert total == demo_outbox.MESSAGES
    assert sorted(r.state for r in rows) == ["failed", "queued", "queued", "sent", "sent", "sent", "sent"]
    (refused,) = [r for r in rows if r.state == "failed"]
    assert refused.last_error == demo_outbox.SWITCHED_OFF and refused.attempts == 2
    assert [r.last_error for r in rows if r.state == "queued"].count("网关离线：" + demo_outbox.GATEWAY_DOWN) == 1
    assert all(r.created_at < r.sent_at <= FIXED_NOW for r in rows if r.sent_at is not None)
    with db.session() as s:
        messages = s.execute(select(SmsMessage, Appeal).join(Appeal, Appeal.id == SmsMessage.appeal_id)).tuples().all()
        sends = s.scalar(select(func.count()).where(AuditRecord.entity == "sms_outbox"))
        for message, appeal in messages:
            assert message.phone == appeal.phone and not re.fullmatch(r"1[3-9]\d{9}", message.phone)
            assert message.created_at == appeal.finished_at  # queued at the finish, as 办结 does
            unit = s.get(Unit, appeal.unit_id).name if appeal.unit_id else None
            assert message.text == finished_sms_text(
                appeal.number, appeal.received_at.astimezone(TZ), unit, appeal.appellant
            )
    assert sends == 6  # five sends a minute after a finish, and the last round (every send is audited)

    # The desk without a gateway (a new user's) records the due ones and keeps the carrier's reason.
    sms.send_pending(db, admin, now=FIXED_NOW)
    rows, _ = sms.outbox(db, admin, limit=50)
    assert next(r for r in rows if r.state == "failed").last_error == demo_outbox.SWITCHED_OFF
    assert [r.state_label for r in rows if r.state == "queued"] == [sms.NOT_CONFIGURED] * 2
