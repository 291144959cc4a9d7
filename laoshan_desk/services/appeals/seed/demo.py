"""Demo appeals across every street and channel over a year, with their events and visits (a few
thousand by default; larger volumes for the benchmarks: bench/appeals_bench.py), and a handful of
SMS in the outbox made through the SMS services (:mod:`.outbox`).
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from typing import Any, cast

from sqlalchemy import Table, func, insert, select

from laoshan_desk.domain.appeals import clocks, terms
from laoshan_desk.domain.appeals.suspensions import counting_calendar
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import day_counting, pinyin_initials
from laoshan_desk.services.appeals.demo_text import TOPICS, demo_text
from laoshan_desk.services.appeals.seed.outbox import load_outbox
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Grid, Unit
from laoshan_desk.store.models.appeals import Appeal, AppealEvent
from laoshan_desk.store.queries import appeals as q

DEFAULT_DEMO_APPEALS = 3000
YEARLY_VOLUME = 45_000
# -- demo ----------------------------------------------------------------------------------
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建国",
    "海涛",
    "晓燕",
    "志强",
    "玉兰",
    "春梅",
    "立新",
    "红梅",
    "德胜",
]


def _phone(rng: random.Random) -> str:
    """A Qingdao landline of seven digits (0532-555 4xxx), which reaches nobody: no mobile numbers
    in the demo (docs/rules/reference-data.md §demo). So the demo's finishes queue no SMS (only a
    mobile number gets one); :mod:`.outbox` puts the outbox's handful in through the SMS services."""
    return f"0532-5554{rng.randrange(1000):03d}"


def load_demo(
    db: Database,
    actor: Actor,
    appeals: int | None = None,
    *,
    now: dt.datetime,
    seed: int = 20261125,
    **_ignored: Any,
) -> dict[str, Any]:
    """Demo appeals (default a few thousand over a year); idempotent: skipped when demo rows exist."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    n = DEFAULT_DEMO_APPEALS if appeals is None else int(appeals)
    with db.session() as s:
        existing = s.scalar(select(func.count()).select_from(Appeal).where(Appeal.source == "demo")) or 0
    if existing or n <= 0:
        return {"appeals": 0, "existing": existing}
    started = time.perf_counter()
    rng = random.Random(seed)
    cal = work_calendar(db)
    span_days = max(365, int(n / YEARLY_VOLUME * 365))
    with db.session() as s:
        streets = s.scalars(select(Unit).where(Unit.kind == "street").order_by(Unit.sort_order)).all()
        comms = s.scalars(select(Unit).where(Unit.kind.in_(("community", "village")))).all()
        depts = [d for d in s.scalars(select(Unit).where(Unit.kind == "department")) if d.keywords]
        grid_rows = s.execute(select(Grid.id, Grid.community_id)).all()
        first_dept = s.scalars(
            select(Unit.id).where(Unit.kind == "department", Unit.active.is_(True)).order_by(Unit.sort_order, Unit.code)
        ).first()
        base_seq = (s.scalar(select(func.max(Appeal.seq))) or 0) + 1
    grids: dict[uuid.UUID, list[uuid.UUID]] = {}
    for gid, cid in grid_rows:
        grids.setdefault(cid, []).append(gid)
    comms_by_street: dict[uuid.UUID, list[Unit]] = {}
    for c in comms:
        if c.parent_id is not None:
            comms_by_street.setdefault(c.parent_id, []).append(c)
    street_info = [
        (st.id, [(c.id, c.name, grids.get(c.id, [])) for c in comms_by_street.get(st.id, [])]) for st in streets
    ]
    dept_by_topic = {}
    for t in TOPICS:
        match = [d.id for d in depts if any(k in t.category or t.category in k for k in d.keywords)]
        dept_by_topic[t.category] = match or [d.id for d in depts]
    limit_cache: dict[tuple[dt.date, int], dt.date] = {}
    with db.session() as s:
        counting = counting_calendar(cal, day_counting(s))
    seg = terms.default_segmenter()

    def limit_for(day: dt.date, level: str) -> dt.date:
        key = (day, clocks.completion_workdays(level))
        got = limit_cache.get(key)
        if got is None:
            got = limit_cache[key] = counting.add_workdays(day, key[1])
        return got

    today = now.astimezone(TZ).date()
    names = [rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(3000)]
    counters: dict[dt.date, int] = {}
    big = n > 50_000
    indexes = list(cast(Table, Appeal.__table__).indexes)  # the secondary ones; seq and number stay unique
    with db.engine.begin() as conn:
        if big:
            # A million rows load several times faster into a bare table, indexed afterwards.
            q.drop_fts(conn)
            for index in indexes:
                index.drop(conn, checkfirst=True)
        else:
            q.ensure_fts(conn)
    chunk: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    made = 0
    span_seconds = span_days * 86400
    moments = sorted(now - dt.timedelta(seconds=rng.random() * span_seconds) for _ in range(n))

    def flush() -> None:
        if not chunk:
            return
        with db.session() as s2:
            s2.execute(insert(Appeal), chunk)
            if events:
                s2.execute(insert(AppealEvent), events)
        chunk.clear()
        events.clear()

    for i, received in enumerate(moments):
        # Office hours mostly: move night-time receipts into the day.
        local = received.astimezone(TZ)
        if local.hour < 8 or local.hour > 19:
            local = local.replace(hour=8 + rng.randrange(10))
            if local > now:  # made before dawn: today's office hours are still to come
                local -= dt.timedelta(days=1)
        received = local
        day = local.date()
        counters[day] = counters.get(day, 0) + 1
        serial = counters[day]
        number = f"LS{day:%Y%m%d}{serial:04d}" if serial <= 9999 else f"LS{day:%Y%m%d}{serial:05d}"
        street_id, street_comms = street_info[rng.randrange(len(street_info))]
        comm_id, comm_name, comm_grids = street_comms[rng.randrange(len(street_comms))]
        grid_id = rng.choice(comm_grids) if comm_grids else None
        subject = TOPICS[rng.randrange(len(TOPICS))]
        topic, level = subject.category, subject.level
        content = demo_text(rng, subject, comm_name)
        kind = subject.kind
        if kind == "enforcement" and rng.random() < 0.5:
            kind = "livelihood"  # a citizen reports it too
        channel = (
            "unit"
            if kind == "enforcement"
            else rng.choice(["wechat", "phone", "phone", "counter", "grid", "city", "city"])
        )
        anonymous = kind == "enforcement" or rng.random() < 0.08
        appellant = None if anonymous else names[rng.randrange(len(names))]
        phone = None if anonymous else _phone(rng)
        unit_id = {"community": comm_id, "street": street_id}.get(level) or (
            # A few go to the first department, whose handler is the demo user 张海涛 (bumen).
            first_dept if rng.random() < 0.05 else rng.choice(dept_by_topic[topic])
        )
        limit = limit_for(day, level)
        age_days = (today - day).days
        r = rng.random()
        status = "received"
        responded = finished = visited = closed = None
        satisfaction = None
        if age_days > 7 or r < 0.55:
            status = "closed" if age_days > 20 and rng.random() < 0.7 else "visited"
        elif r < 0.7:
            status = "finished"
        elif r < 0.8:
            status = "in_progress"
        elif r < 0.86:
            status = "responded"
        elif r < 0.92:
            status = "dispatched"
        elif r < 0.95:
            status = "suspended" if age_days < 5 else "in_progress"
        if status != "received":
            dispatched = received + dt.timedelta(minutes=5 + rng.randrange(40))
            responded = received + dt.timedelta(minutes=20 + int(rng.random() ** 3 * 300))
            if status == "dispatched":
                responded = None
        else:
            dispatched = None
        if status in ("finished", "visited", "closed"):
            late = rng.random() < 0.03
            target = (
                limit + dt.timedelta(days=1 + rng.randrange(3))
                if late
                else max(day, limit - dt.timedelta(days=rng.randrange(3)))
            )
            finished = dt.datetime.combine(target, dt.time(9 + rng.randrange(8), rng.randrange(60)), tzinfo=TZ)
            if finished > now:
                finished, status = None, "in_progress"
        if finished is not None and responded is not None and responded > finished:
            responded = finished
        if status in ("visited", "closed") and finished is not None:
            if phone is None:
                status = "closed"
            else:
                x = rng.random()
                satisfaction = "satisfied" if x < 0.93 else ("basic" if x < 0.99 else "dissatisfied")
                visited = min(now, finished + dt.timedelta(hours=2 + rng.randrange(40)))
            if status == "closed":
                closed = min(now, finished + dt.timedelta(days=2))
        row_id = uuid.uuid4()
        resp_limit = received + dt.timedelta(hours=4)
        chunk.append(
            {
                "id": row_id,
                "seq": base_seq + i,
                "number": number,
                "received_at": received,
                "kind": kind,
                "channel": channel,
                "status": status,
                "level": level,
                "category": topic,
                "appellant": appellant,
                "appellant_initials": pinyin_initials(appellant),
                "phone": phone,
                "enterprise": f"青岛{comm_name[:2]}科技有限公司" if kind == "development" else None,
                "uscc": None,
                "fast_lane": kind == "development",
                "street_id": street_id,
                "community_id": comm_id,
                "grid_id": grid_id,
                "content": content,
                "terms": terms.encode(seg.keywords(content)),
                "unit_id": unit_id if status != "received" else None,
                "handler_id": None,
                "created_by_id": actor.user_id,
                "response_limit": resp_limit,
                "completion_limit": limit,
                "extension_until": None,
                "extension_granted_at": None,
                "dispatched_at": dispatched,
                "responded_at": responded,
                "responded_on_time": None
                if responded is None and finished is None
                else ((responded or finished or resp_limit) <= resp_limit),
                "finished_at": finished,
                "finished_late": None if finished is None else finished.date() > limit,
                "result": "已办结，已电话告知诉求人处理结果。" if finished else None,
                "satisfaction": satisfaction,
                "visited_at": visited,
                "closed_at": closed,
                "supervised": False,
                "merged_into_id": None,
                "source": "demo",
                "created_at": received,
                "updated_at": finished or received,
                "version": 1,
            }
        )
        events.append(
            {
                "id": uuid.uuid4(),
                "appeal_id": row_id,
                "n": 1,
                "at": received,
                "user_id": None,
                "username": "demo",
                "actor_name": "演示",
                "action": "intake",
                "from_status": None,
                "to_status": "received",
                "unit_id": None,
                "note": "演示数据受理",
            }
        )
        if status != "received":
            events.append(
                {
                    "id": uuid.uuid4(),
                    "appeal_id": row_id,
                    "n": 2,
                    "at": finished or responded or dispatched or received,
                    "user_id": None,
                    "username": "demo",
                    "actor_name": "演示",
                    "action": "import",
                    "from_status": "received",
                    "to_status": status,
                    "unit_id": unit_id,
                    "note": "演示数据",
                }
            )
        if finished is not None and phone and age_days < 3:
            rng.random()  # once the SMS's draw (now .outbox's): kept, so the seed makes the same appeals
        made += 1
        if len(chunk) >= 20_000:
            flush()
    flush()
    with db.engine.begin() as conn:
        if big:
            for index in indexes:
                index.create(conn, checkfirst=True)
        q.ensure_fts(conn)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
    with unit_of_work(db, actor, now) as work:
        work.audit("import", "appeal", None, f"载入演示诉求 {made} 件", after={"appeals": made})
    messages = load_outbox(db, actor, now=now)  # through the SMS services, not inserted like the rows above
    return {"appeals": made, "sms": messages, "seconds": round(time.perf_counter() - started, 1)}
