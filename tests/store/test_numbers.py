"""Number series hand out each number once, also when counters save at the same moment."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import SQLAlchemyError

from laoshan_desk.store import numbers
from tests import pg_server


def _allocate_many(db, series: str, count: int, out: list[int], errors: list[BaseException]) -> None:
    try:
        for _ in range(count):
            with db.session(write=True) as session:
                out.append(numbers.allocate(session, series))
    except (SQLAlchemyError, AssertionError) as exc:  # collected and asserted below
        errors.append(exc)


def test_a_series_counts_up_from_its_floor(db):
    with db.session(write=True) as session:
        assert numbers.allocate(session, "project", floor=41) == 42
        assert numbers.allocate(session, "project", floor=41) == 43
        assert numbers.allocate(session, "appeal:LS20261125") == 1
    with db.session() as session:
        assert numbers.peek(session, "project") == 43
        assert numbers.peek(session, "never-used") == 0


def test_a_rolled_back_transaction_does_not_use_up_a_number(db):
    with db.session(write=True) as session:
        numbers.allocate(session, "notice")
    with pytest.raises(RuntimeError), db.session(write=True) as session:
        numbers.allocate(session, "notice")
        raise RuntimeError("the clerk's save failed")
    with db.session(write=True) as session:
        assert numbers.allocate(session, "notice") == 2


def _race(db, threads: int = 6, each: int = 25) -> list[int]:
    got: list[int] = []
    errors: list[BaseException] = []
    workers = [threading.Thread(target=_allocate_many, args=(db, "race", each, got, errors)) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors, errors[:3]
    return got


def test_concurrent_counters_never_share_a_number_on_sqlite(db):
    got = _race(db)
    assert sorted(got) == list(range(1, 151))


@pytest.mark.skipif(pg_server.server_bin() is None, reason="PostgreSQL server not installed")
def test_concurrent_counters_never_share_a_number_on_postgresql():
    from laoshan_desk.services import bootstrap

    with pg_server.running_server() as url:
        db = bootstrap.open_database(url)
        try:
            got = _race(db, threads=8, each=25)
        finally:
            db.dispose()
    assert sorted(got) == list(range(1, 201))
