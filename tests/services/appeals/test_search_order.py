"""A search sorted by the time received pages through the FTS index in its own order (rowid = the
receipt key, store/queries/appeals/fts_index.py): its pages must be exactly those of a plain sorted
query, whatever order the appeals were entered in, with ties within one second, after an appeal is
re-received or re-keyed, for a scoped clerk and with filters; and a database indexed the old way
(rowid = seq) is re-indexed when opened."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlalchemy import select, text

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import bootstrap, org
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.queue import QueueFilter
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.queries import appeals as q
from tests.conftest import FIXED_NOW

WORDS = ("噪音扰民", "漏水")


def _reference(db, actor, f, descending):  # type: ignore[no-untyped-def]
    """The plain sorted query: the filter without its text, sorted in SQL by (received_at, seq),
    kept where a text holds the word (LIKE over the full texts, not the index)."""
    rows = queue.page(
        db,
        actor,
        dataclasses.replace(f, text=None),
        now=FIXED_NOW,
        limit=10_000,
        sort="received_at",
        descending=descending,
    )
    pattern = f"%{f.text}%"
    with db.engine.connect() as conn:
        holding = {
            n
            for (n,) in conn.execute(
                text("SELECT number FROM appeal WHERE content LIKE :p OR appellant LIKE :p OR enterprise LIKE :p"),
                {"p": pattern},
            )
        }
    return [r.number for r in rows if r.number in holding]


def _paged(db, actor, f, size, descending):  # type: ignore[no-untyped-def]
    found: list[str] = []
    while True:
        rows = queue.page(
            db, actor, f, now=FIXED_NOW, offset=len(found), limit=size, sort="received_at", descending=descending
        )
        found += [r.number for r in rows]
        if len(rows) < size:
            return found


def _shuffled_appeals(db, admin):  # type: ignore[no-untyped-def]
    """36 appeals entered in a shuffled order of receipt: imports and back-dated intakes, six of
    them received within one second (microseconds against the order of entry), two at the very
    same instant."""
    street, other = org.units(db, "street")[0], org.units(db, "street")[1]
    comm = org.units(db, "community", parent_id=street.id)[0]
    comm2 = org.units(db, "community", parent_id=other.id)[0]
    grid, grid2 = org.grids(db, comm.id)[0], org.grids(db, comm2.id)[0]
    second = (FIXED_NOW - dt.timedelta(days=3)).replace(microsecond=0)
    moments = [FIXED_NOW - dt.timedelta(days=20, hours=n * 7, minutes=n) for n in range(28)]
    moments += [second + dt.timedelta(microseconds=900_000 - 150_000 * n) for n in range(6)]
    moments += [second - dt.timedelta(seconds=1)] * 2
    random.Random(11).shuffle(moments)
    texts = ["楼上噪音扰民到深夜", "厨房漏水渗到楼下", "广场舞噪音扰民，屋顶也漏水", "暖气片一直不热"]
    for n, when in enumerate(moments):
        here = n % 3 != 0
        place = (street, comm, grid) if here else (other, comm2, grid2)
        form = svc.IntakeForm(
            kind="livelihood",
            channel="phone" if n % 5 < 3 else "counter",
            appellant=f"李{n}",
            phone="138 0532 1234",
            content=texts[n % len(texts)],
            street_id=place[0].id,
            community_id=place[1].id,
            grid_id=place[2].id,
            received_at=when,
        )
        svc.intake(db, admin, form, now=FIXED_NOW - dt.timedelta(hours=1) + dt.timedelta(seconds=n))
    return street, other


def _cases(db, admin, make_user, street, other):  # type: ignore[no-untyped-def]
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    for word in WORDS:
        yield admin, QueueFilter(text=word)  # the search alone: the index gives the page
        yield clerk, QueueFilter(text=word)  # a scoped clerk: hits joined to the appeals
        yield admin, QueueFilter(text=word, street_id=other.id, channel="phone")
        yield admin, QueueFilter(text=word, status="open")


def _check_every_page(db, admin, make_user, street, other):  # type: ignore[no-untyped-def]
    for actor, f in _cases(db, admin, make_user, street, other):
        for descending in (True, False):
            expected = _reference(db, actor, f, descending)
            assert expected, f
            assert queue.count(db, actor, f, now=FIXED_NOW) == len(expected), f
            for size in (1, 2, 3, 7, 50):
                assert _paged(db, actor, f, size, descending) == expected, (actor.role, f, descending, size)


def test_pages_by_time_received_match_a_plain_sorted_query_on_shuffled_entries(db, admin, make_user):
    street, other = _shuffled_appeals(db, admin)
    with db.engine.connect() as conn:  # the data is what the test claims: entry order is not receipt order
        by_entry = list(conn.scalars(select(Appeal.received_at).order_by(Appeal.seq)))
    assert by_entry != sorted(by_entry)
    _check_every_page(db, admin, make_user, street, other)


def test_a_re_received_or_re_keyed_appeal_moves_in_the_index(db, admin, make_user):
    street, other = _shuffled_appeals(db, admin)
    with db.engine.begin() as conn:
        oldest = conn.execute(
            text("SELECT number FROM appeal WHERE content LIKE '%漏水%' ORDER BY received_at LIMIT 1")
        ).scalar_one()
        # Re-received (a platform re-import corrects the time): the oldest becomes the newest.
        conn.execute(
            text("UPDATE appeal SET received_at = :at WHERE number = :n"),
            {"at": (FIXED_NOW - dt.timedelta(minutes=5)).astimezone(dt.UTC).replace(tzinfo=None), "n": oldest},
        )
        # Re-keyed (a street desk's provisional appeal takes the district's row key).
        conn.execute(text("UPDATE appeal SET seq = 1000 + seq WHERE seq = (SELECT min(seq) FROM appeal)"))
    first = queue.page(db, admin, QueueFilter(text="漏水"), now=FIXED_NOW, limit=1, sort="received_at", descending=True)
    assert [r.number for r in first] == [oldest] == _reference(db, admin, QueueFilter(text="漏水"), True)[:1]
    _check_every_page(db, admin, make_user, street, other)


def test_a_window_too_big_to_order_by_the_index_is_left_to_sql(db, admin):
    """Many hits received within one second: ``receipt_page`` declines, the queue sorts in SQL."""
    _shuffled_appeals(db, admin)
    word = "漏水"
    with db.engine.connect() as conn:
        seconds = [
            at[:19]
            for (at,) in conn.execute(
                text("SELECT received_at FROM appeal WHERE content LIKE :p ORDER BY received_at DESC, seq DESC"),
                {"p": f"%{word}%"},
            )
        ]
    crowded = next(i for i, second in enumerate(seconds) if seconds.count(second) >= 2)
    with db.session() as s:
        match = q.text_only_match(s.connection(), word)
        assert match is not None
        alone = len(seconds) - 1  # the oldest hit: alone in its second
        assert seconds.count(seconds[alone]) == 1
        assert q.receipt_page(s, None, *match, offset=alone, limit=1, descending=True, most=1) is not None
        assert q.receipt_page(s, None, *match, offset=crowded, limit=1, descending=True, most=1) is None
        exact = q.receipt_page(s, None, *match, offset=crowded, limit=2, descending=True)
    f = QueueFilter(text=word)
    expected = _reference(db, admin, f, True)
    assert [r.number for r in _numbers_of(db, exact)] == expected[crowded : crowded + 2]
    assert _paged(db, admin, f, 3, True) == expected


def _numbers_of(db, seqs):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        by_seq = dict(conn.execute(select(Appeal.seq, Appeal.number).where(Appeal.seq.in_(seqs))).tuples().all())
    return [type("R", (), {"number": by_seq[x]}) for x in seqs]


def test_a_database_indexed_by_seq_is_re_indexed_when_opened(db, admin, make_user):
    street, other = _shuffled_appeals(db, admin)
    with db.engine.begin() as conn:  # the index as databases made before the receipt key hold it
        q.drop_fts(conn)
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE appeal_fts USING fts5(content, appellant, enterprise, "
            "content='appeal', content_rowid='seq', tokenize='trigram')"
        )
        conn.exec_driver_sql("INSERT INTO appeal_fts(appeal_fts) VALUES('rebuild')")
        conn.exec_driver_sql(
            "CREATE TRIGGER appeal_fts_ai AFTER INSERT ON appeal BEGIN INSERT INTO appeal_fts(rowid, content, "
            "appellant, enterprise) VALUES (new.seq, new.content, new.appellant, new.enterprise); END"
        )
        assert not q.fts_available(conn)
    f = QueueFilter(text="噪音扰民")
    assert queue.count(db, admin, f, now=FIXED_NOW) == len(_reference(db, admin, f, True))  # LIKE meanwhile
    bootstrap.upgrade_schema(db)
    with db.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE name LIKE 'appeal_fts%'")))
    assert {q.FTS_TABLE, q.CJK_TABLE, q.PAIRS_TABLE} <= names and not {"appeal_fts", "appeal_fts_ai"} & names
    _check_every_page(db, admin, make_user, street, other)
