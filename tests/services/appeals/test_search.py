"""Appeal search for 1- and 2-character Chinese words: the CJK character index (appeal_fts_rcv_cjk)
answers exactly what LIKE '%word%' would, under the same filters and scope."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.queue import QueueFilter
from laoshan_desk.services.context import system_actor
from laoshan_desk.store.queries import appeals as q
from laoshan_desk.store.sqlfunctions import cjk_pairs, cjk_spaced
from tests.conftest import FIXED_NOW


def v(db, appeal_id):  # type: ignore[no-untyped-def]
    """The version the detail screen shows (what a screen passes with every write)."""
    return svc.detail(db, system_actor("test"), appeal_id, now=FIXED_NOW).version


def form(street, comm, grid, **kw):  # type: ignore[no-untyped-def]
    base = dict(
        kind="livelihood",
        channel="phone",
        appellant="张三",
        phone="138 0532 1234",
        content="小区门口垃圾桶满溢多日无人清运，异味严重",
        street_id=street.id,
        community_id=comm.id,
        grid_id=grid.id,
    )
    base.update(kw)
    return svc.IntakeForm(**base)


def numbers(db, actor, f, now):  # type: ignore[no-untyped-def]
    return sorted(r.number for r in queue.page(db, actor, f, now=now))


def like_count(db, word: str) -> int:  # type: ignore[no-untyped-def]
    pattern = f"%{word}%"
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM appeal WHERE content LIKE :p OR appellant LIKE :p OR enterprise LIKE :p"),
                {"p": pattern},
            ).scalar_one()
        )


def test_cjk_spaced_keeps_adjacency_exact() -> None:
    assert cjk_spaced("拖欠工资，请 help 123") == "拖 欠 工 资 0 请 0"
    assert cjk_spaced("工 资") == "工 0 资"  # a space between is not adjacency
    assert cjk_spaced("") == ""
    assert cjk_spaced(None) is None


def test_cjk_pairs_are_the_adjacent_characters_within_one_run() -> None:
    assert cjk_pairs("拖欠工资，请 help 青岛") == "拖欠 欠工 工资 青岛"
    assert cjk_pairs("工 资") == ""  # a space between is not adjacency
    assert cjk_pairs("工") == "" and cjk_pairs(None) is None


def test_two_character_search_uses_the_index_and_matches_like(db, admin, make_user, fixed_now):
    street, other = org.units(db, "street")[0], org.units(db, "street")[1]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    comm2 = org.units(db, "community", parent_id=other.id)[0]
    grid2 = org.grids(db, comm2.id)[0]
    depts = org.units(db, "department")

    wage = svc.intake(db, admin, form(street, comm, grid, content="某公司拖欠工资三个月，请求协调"), now=fixed_now)
    wage_end = svc.intake(db, admin, form(street, comm, grid, content="装修队结算拖欠工资"), now=fixed_now)
    other_wage = svc.intake(
        db, admin, form(other, comm2, grid2, content="工资未按时发放", channel="wechat"), now=fixed_now
    )
    split = svc.intake(db, admin, form(street, comm, grid, content="加班工，资金未结"), now=fixed_now)  # 工，资
    spaced = svc.intake(db, admin, form(street, comm, grid, content="工 资 问题"), now=fixed_now)
    named = svc.intake(
        db, admin, form(street, comm, grid, appellant="王建国", content="路灯不亮已有一周"), now=fixed_now
    )
    company = svc.intake(
        db,
        admin,
        form(street, comm, grid, appellant=None, enterprise="青岛海工资源有限公司", content="企业用地咨询"),
        now=fixed_now,
    )

    with db.engine.connect() as conn:
        assert q.cjk_available(conn)
    with db.session() as s:
        sql = str(q.search_condition(s, "工资").compile())
        one = str(q.search_condition(s, "资").compile())
    assert q.PAIRS_TABLE in sql and "LIKE" not in sql  # a 2-character word: one token of the pairs index
    assert q.CJK_TABLE in one and "LIKE" not in one  # one character: the character index

    assert numbers(db, admin, QueueFilter(text="工资"), fixed_now) == sorted(
        [wage.number, wage_end.number, other_wage.number, company.number]
    )
    assert queue.count(db, admin, QueueFilter(text="工资"), now=fixed_now) == 4 == like_count(db, "工资")
    # A pair spanning two words (拖欠 | 工资) still matches: pairs run across words, not across punctuation.
    assert numbers(db, admin, QueueFilter(text="欠工"), fixed_now) == sorted([wage.number, wage_end.number])
    assert queue.count(db, admin, QueueFilter(text="欠工"), now=fixed_now) == 2 == like_count(db, "欠工")
    # Names and enterprises are searched too; one character works as well.
    assert numbers(db, admin, QueueFilter(text="建国"), fixed_now) == [named.number]
    assert queue.count(db, admin, QueueFilter(text="资"), now=fixed_now) == like_count(db, "资") == 6
    assert split.number not in numbers(db, admin, QueueFilter(text="工资"), fixed_now)
    assert spaced.number not in numbers(db, admin, QueueFilter(text="工资"), fixed_now)
    # Several words: each must match.
    assert numbers(db, admin, QueueFilter(text="工资 协调"), fixed_now) == [wage.number]

    # Same filters as before.
    assert numbers(db, admin, QueueFilter(text="工资", street_id=other.id), fixed_now) == [other_wage.number]
    assert numbers(db, admin, QueueFilter(text="工资", channel="wechat"), fixed_now) == [other_wage.number]
    assert (
        queue.count(
            db, admin, QueueFilter(text="工资", date_from=fixed_now.date() + dt.timedelta(days=1)), now=fixed_now
        )
        == 0
    )
    # Same scope as before: a department sees only what it handles.
    svc.dispatch(db, admin, svc.DispatchForm(wage_end.id, v(db, wage_end.id), "department", depts[3].id), now=fixed_now)
    handler = make_user(Role.DEPT_HANDLER, unit_id=depts[3].id)
    stranger = make_user(Role.DEPT_HANDLER, unit_id=depts[4].id)
    assert numbers(db, handler, QueueFilter(text="工资"), fixed_now) == [wage_end.number]
    assert queue.count(db, stranger, QueueFilter(text="工资"), now=fixed_now) == 0
    other_clerk = make_user(Role.STREET_CLERK, unit_id=other.id)
    assert numbers(db, other_clerk, QueueFilter(text="工资"), fixed_now) == [other_wage.number]


def test_cjk_index_follows_updates_and_deletes(db, admin, fixed_now):
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    ref = svc.intake(db, admin, form(street, comm, grid, content="暖气不热已三天"), now=fixed_now)
    assert queue.count(db, admin, QueueFilter(text="暖气"), now=fixed_now) == 1
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE appeal SET content = '拖欠工资' WHERE number = :n"), {"n": ref.number})
    assert queue.count(db, admin, QueueFilter(text="暖气"), now=fixed_now) == 0
    assert queue.count(db, admin, QueueFilter(text="工资"), now=fixed_now) == 1
    with db.engine.begin() as conn:
        conn.execute(
            text("DELETE FROM appeal_event WHERE appeal_id IN (SELECT id FROM appeal WHERE number = :n)"),
            {"n": ref.number},
        )
        conn.execute(text("DELETE FROM appeal WHERE number = :n"), {"n": ref.number})
    assert queue.count(db, admin, QueueFilter(text="工资"), now=fixed_now) == 0
    with db.engine.connect() as conn:  # the contentless index forgot the row entirely
        assert (
            conn.execute(text(f"SELECT count(*) FROM {q.CJK_TABLE} WHERE {q.CJK_TABLE} MATCH '\"工 资\"'")).scalar_one()
            == 0
        )


def test_cjk_index_is_built_for_existing_rows(db, admin, fixed_now):
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    svc.intake(db, admin, form(street, comm, grid, content="装修队拖欠工资"), now=fixed_now)
    with db.engine.begin() as conn:  # an older database: only the trigram table
        for trigger in (f"{q.CJK_TABLE}_ai", f"{q.CJK_TABLE}_ad", f"{q.CJK_TABLE}_au"):
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
        conn.exec_driver_sql(f"DROP TABLE {q.CJK_TABLE}")
    assert queue.count(db, admin, QueueFilter(text="工资"), now=fixed_now) == 1  # LIKE fallback
    with db.engine.begin() as conn:
        assert q.ensure_fts(conn)
        assert q.cjk_available(conn)
    assert queue.count(db, admin, QueueFilter(text="工资"), now=fixed_now) == 1


def test_a_connection_opened_before_the_appeals_code_can_still_write_appeals(tmp_path) -> None:
    """The search triggers' SQL function is on every connection the desk opens, whatever was imported first."""
    import sqlite3

    from laoshan_desk.store.db import Database

    db = Database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    with db.engine.connect() as connection:
        value = connection.exec_driver_sql("SELECT laoshan_cjk_spaced('拖欠工资，请')").scalar()
    assert value == "拖 欠 工 资 0 请"
    plain = sqlite3.connect(tmp_path / "f.sqlite3")
    try:
        plain.execute("SELECT laoshan_cjk_spaced('x')")
        raise AssertionError("a plain connection should not know the desk's function")
    except sqlite3.OperationalError:
        pass
    finally:
        plain.close()


def _like_reference(db, actor, f, word, **order):  # type: ignore[no-untyped-def]
    """The rows a filter keeps with ``word`` tested by LIKE on the full texts instead of the index:
    the same filter without its text, paged by the general path, then kept where a text holds it."""
    import dataclasses

    rows = queue.page(db, actor, dataclasses.replace(f, text=None), now=FIXED_NOW, limit=10_000, **order)
    with db.engine.connect() as conn:
        holding = {
            n
            for (n,) in conn.execute(
                text("SELECT number FROM appeal WHERE content LIKE :p OR appellant LIKE :p OR enterprise LIKE :p"),
                {"p": f"%{word}%"},
            )
        }
    return [r.number for r in rows if r.number in holding]


def _paged(db, actor, f, size, **order):  # type: ignore[no-untyped-def]
    found: list[str] = []
    while True:
        rows = queue.page(db, actor, f, now=FIXED_NOW, offset=len(found), limit=size, **order)
        found += [r.number for r in rows]
        if len(rows) < size:
            return found


def test_a_search_with_scope_filters_or_a_sort_finds_what_like_finds(db, admin, make_user):
    """The index-order pages (a scoped clerk, a search with a light filter) and a sort the clerk
    clicks keep exactly the rows, the count and the order of a LIKE over the same filter."""
    street, other = org.units(db, "street")[0], org.units(db, "street")[1]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    comm2 = org.units(db, "community", parent_id=other.id)[0]
    grid2 = org.grids(db, comm2.id)[0]
    texts = ["楼上噪音扰民到深夜", "厨房漏水渗到楼下", "广场舞噪音扰民", "暖气片一直不热", "屋顶漏水多日"]
    for n in range(24):
        here = n % 3 != 0
        place = (street, comm, grid) if here else (other, comm2, grid2)
        # Older appeals entered first: the limits of the first ones have passed (red at FIXED_NOW).
        when = FIXED_NOW - dt.timedelta(days=30 - n, hours=n % 5)
        svc.intake(db, admin, form(*place, content=texts[n % len(texts)], appellant=f"李{n}"), now=when)
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    cases = [
        (clerk, QueueFilter(text="噪音扰民"), "噪音扰民"),
        (clerk, QueueFilter(text="漏水"), "漏水"),
        (admin, QueueFilter(text="噪音扰民", light="red"), "噪音扰民"),
        (admin, QueueFilter(text="漏水", status="open", channel="phone"), "漏水"),
        (admin, QueueFilter(text="漏水", street_id=other.id), "漏水"),
    ]
    for actor, f, word in cases:
        expected = _like_reference(db, actor, f, word, sort="received_at", descending=True)
        assert expected, f  # the case finds something
        assert _paged(db, actor, f, 2, sort="received_at", descending=True) == expected, f
        assert _paged(db, actor, f, 3, sort="received_at", descending=False) == expected[::-1], f
        assert queue.count(db, actor, f, now=FIXED_NOW) == len(expected), f
        clicked = {"sort": "completion_limit", "descending": False}
        assert _paged(db, actor, f, 2, **clicked) == _like_reference(db, actor, f, word, **clicked), f
    # The scope still holds: the clerk's pages hold none of the other street's appeals.
    theirs = _like_reference(db, admin, QueueFilter(text="漏水", street_id=other.id), "漏水")
    assert theirs and not set(theirs) & set(_paged(db, clerk, QueueFilter(text="漏水"), 2))
    # A light nothing has finds nothing, through the index path too.
    assert _paged(db, admin, QueueFilter(text="漏水", light="green"), 2) == []
    assert queue.count(db, admin, QueueFilter(text="漏水", light="green"), now=FIXED_NOW) == 0


def test_appeals_entered_out_of_received_order_keep_the_order_by_time_received(db, admin, make_user):
    """The index holds appeals in the order they were entered; a back-dated intake (or an import)
    is entered after appeals received later. The first page by time received must still be the
    newest (or oldest) received, with or without a scope, not the newest entered."""
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    entered = FIXED_NOW - dt.timedelta(hours=1)
    received = [
        FIXED_NOW - dt.timedelta(hours=2),  # entered first, received last
        *(FIXED_NOW - dt.timedelta(days=20 - n) for n in range(5)),
        FIXED_NOW - dt.timedelta(days=40),  # entered last, received first
    ]
    for n, at in enumerate(received):
        place = (street, comm, grid)
        svc.intake(
            db, admin, form(*place, content="楼道灯坏了没人修", received_at=at), now=entered + dt.timedelta(minutes=n)
        )
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    for actor, f in ((admin, QueueFilter(text="楼道灯坏")), (clerk, QueueFilter(text="楼道灯坏", status="open"))):
        for descending in (True, False):
            expected = _like_reference(db, actor, f, "楼道灯坏", sort="received_at", descending=descending)
            assert len(expected) == len(received)
            first = queue.page(db, actor, f, now=FIXED_NOW, limit=2, sort="received_at", descending=descending)
            assert [r.number for r in first] == expected[:2], (actor.role, descending)
            assert _paged(db, actor, f, 2, sort="received_at", descending=descending) == expected
