"""Search on PostgreSQL finds exactly what SQLite finds (docs/rules.md §appeals-lights names the
queue; store/queries/appeals/search.py the search): the same appeals stored on both, every kind of word —
Chinese of 1, 2, 3 and 4 characters, digits, Latin letters in either case, pinyin initials,
numbers — searched on both, the hits compared. PostgreSQL uses pg_trgm (GIN) for 3 characters or
more and the same ILIKE for shorter words; SQLite its FTS5 trigram and character tables."""

from __future__ import annotations

import random

import pytest

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, org
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.demo_text import TOPICS, demo_text
from tests import pg_server
from tests.conftest import ADMIN_PASSWORD, FIXED_NOW

EXTRA = [
    ("青岛ABC科技有限公司反映3号楼停电", "王小明", "ABC科技"),
    ("abc公司员工反映工资拖欠，电话13805321234", "李四", None),
    ("Building 12 路灯不亮", "张三丰", None),
    ("100%的居民都反映噪音_扰民", "赵六", None),
]


def fill(db):  # type: ignore[no-untyped-def]
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", ADMIN_PASSWORD), now=FIXED_NOW)
    street = org.units(db, "street")[0]
    comms = org.units(db, "community", parent_id=street.id)
    rng = random.Random(7)
    texts = [
        (
            demo_text(rng, TOPICS[rng.randrange(len(TOPICS))], rng.choice(comms).name),
            rng.choice("王李张刘陈") + "某",
            None,
        )
        for _ in range(80)
    ] + EXTRA
    for content, name, enterprise in texts:
        form = svc.IntakeForm(
            kind="development" if enterprise else "livelihood",
            channel="counter",
            content=content,
            appellant=name,
            phone="13805321234",
            enterprise=enterprise or "",
            street_id=street.id,
        )
        svc.intake(db, admin, form, now=FIXED_NOW)
    return admin, [t[0] for t in texts]


def words(texts: list[str]) -> list[str]:
    rng = random.Random(11)
    found = {
        "abc",
        "ABC",
        "Abc",
        "12",
        "3号",
        "100%",
        "_扰",
        "wxm",
        "zsf",
        "LS2026",
        "138053",
        "路灯 不亮",
        "工资 拖欠",
    }
    for text in texts:
        for size in (1, 2, 3, 4):
            start = rng.randrange(max(1, len(text) - size))
            piece = text[start : start + size].strip("，。 ")
            if piece:
                found.add(piece)
    return sorted(found)


def hits(db, actor, word):  # type: ignore[no-untyped-def]
    f = queue.QueueFilter(text=word)
    rows = queue.page(db, actor, f, now=FIXED_NOW, limit=1000)
    assert queue.count(db, actor, f, now=FIXED_NOW) == len(rows)
    return {r.number for r in rows}


@pytest.mark.skipif(pg_server.server_bin() is None, reason="PostgreSQL server not installed")
def test_postgresql_search_finds_what_sqlite_finds(db):
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    sqlite_admin, texts = fill(db)
    with pg_server.running_server() as url:
        pg = bootstrap.open_database(url)
        try:
            bootstrap.init(pg, system_actor("test"), now=FIXED_NOW)
            pg_admin, _ = fill(pg)
            with pg.engine.connect() as c:
                indexes = {r[0] for r in c.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename='appeal'")}
            assert {"ix_appeal_trgm_content", "ix_appeal_trgm_appellant", "ix_appeal_trgm_enterprise"} <= indexes
            checked = 0
            for word in words(texts):
                expected = hits(db, sqlite_admin, word)
                assert hits(pg, pg_admin, word) == expected, word
                checked += bool(expected)
            assert checked > 100  # most words find something: the comparison means something
        finally:
            pg.dispose()
