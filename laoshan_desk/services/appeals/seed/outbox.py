"""The demo's SMS outbox: a handful of messages made through the SMS services, so that a new
user's 短信发件箱 shows each state a clerk meets — sent, refused by the carrier and waiting for
its retry (with the carrier's reason), and queued while the gateway was offline.

Each message is the one 办结 queues (``finished_sms_text``, put in the outbox by ``sms.queue``
inside a unit of work at the appeal's finish), sent by ``sms.send_pending`` through
:class:`DemoCarrier`. The demo's appellants have seven-digit landlines that reach nobody
(docs/rules.md §demo), which is why the demo's own finishes queue no SMS (only a mobile number
gets one: docs/rules.md §appeals-handling); these messages go to those same numbers. The demo
carrier is an object in this module: nothing leaves the machine, and a carrier plugged in later
could reach nobody with them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.appeals import finished_sms_text
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit
from laoshan_desk.store.models.appeals import Appeal

MESSAGES = 7  # four sent, one refused by the carrier (retry pending), two queued
SWITCHED_OFF = "运营商回执：用户关机"  # a receipt the carrier retries later
GATEWAY_DOWN = "无法连接运营商"  # shown as 网关离线：无法连接运营商


@dataclasses.dataclass
class DemoCarrier:
    """A stand-in for a carrier's gateway: refuses the messages whose text names an appeal in
    ``refused``, is unreachable from the first one naming an appeal in ``down``, takes the rest."""

    refused: frozenset[str] = frozenset()
    down: frozenset[str] = frozenset()

    def send(self, phone: str, text: str) -> str:
        if any(number in text for number in self.down):
            raise sms.GatewayOffline(GATEWAY_DOWN)
        if any(number in text for number in self.refused):
            raise sms.GatewayError(SWITCHED_OFF)
        return "demo-" + uuid.uuid4().hex[:12]


def load_outbox(db: Database, actor: Actor, *, now: dt.datetime) -> int:
    """Queue and send the demo's messages (the module docstring); returns how many were queued.

    The latest demo appeals finished with a phone, at least half an hour before ``now``: the
    first four are sent a minute after their finish, the fifth is refused then and again three
    minutes before ``now`` (its next try comes after ``now``: the reason stays on screen), and in
    that last round the gateway goes offline at the sixth, so it and the seventh stay queued.
    """
    actor.require("admin.edit")  # demo data is the admin's (services/demo.py)
    with db.session() as s:
        found = s.execute(
            select(Appeal.id, Appeal.number, Appeal.phone, Appeal.appellant, Appeal.unit_id)
            .add_columns(Appeal.received_at, Appeal.finished_at)
            .where(
                Appeal.source == "demo",
                Appeal.phone.is_not(None),
                Appeal.finished_at.is_not(None),
                Appeal.finished_at <= now - dt.timedelta(minutes=30),
            )
            .order_by(Appeal.finished_at.desc())
            .limit(MESSAGES)
        ).all()
        units = dict(s.execute(select(Unit.id, Unit.name)).tuples().all())
    picks = sorted(found, key=lambda r: r.finished_at)
    numbers = [p.number for p in picks]
    refused = frozenset(numbers[4:5])
    for n, p in enumerate(picks):
        finished = p.finished_at.astimezone(TZ)
        text = finished_sms_text(p.number, p.received_at.astimezone(TZ), units.get(p.unit_id), p.appellant)
        with unit_of_work(db, actor, finished) as work:  # as 办结 queues it (services/appeals/handling.py)
            sms.queue(work.session, p.id, p.phone, text, now=finished)
        if n < 5:  # the desk sent it a minute later
            sms.send_pending(db, actor, now=finished + dt.timedelta(minutes=1), gw=DemoCarrier(refused=refused))
    if len(picks) > 4:
        last_round = now - dt.timedelta(minutes=3)
        sms.send_pending(db, actor, now=last_round, gw=DemoCarrier(refused=refused, down=frozenset(numbers[5:6])))
    return len(picks)
