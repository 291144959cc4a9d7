"""The demo is reproducible: every seed gets the caller's ``now`` (none reads the system clock)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.services import demo
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal
from tests.conftest import FIXED_NOW


def _deadlines(db: Database) -> list[tuple[object, ...]]:
    query = select(Appeal.seq, Appeal.received_at, Appeal.response_limit, Appeal.completion_limit)
    with db.session() as session:
        return [tuple(r) for r in session.execute(query.order_by(Appeal.seq))]


def _copy(db: Database, path: Path) -> Database:
    assert db.sqlite_path is not None
    # The same reference data and the same admin (the backup API: the WAL's pages too).
    source, target = sqlite3.connect(db.sqlite_path), sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return Database(f"sqlite:///{path}")


@pytest.mark.slow
def test_two_demo_loads_under_the_same_now_give_the_same_appeal_deadlines(db, admin, tmp_path, monkeypatch):
    second, later = _copy(db, tmp_path / "second.sqlite3"), _copy(db, tmp_path / "later.sqlite3")
    try:
        report = demo.load_demo(db, admin, now=FIXED_NOW, appeals=60)  # every area's demo
        demo.load_demo(second, admin, now=FIXED_NOW, appeals=60)
        appeals_only = [(area, m) for area, m in demo._seed_modules() if area == "appeals"]
        monkeypatch.setattr(demo, "_seed_modules", lambda: appeals_only)
        demo.load_demo(later, admin, now=FIXED_NOW + dt.timedelta(days=30), appeals=60)
        assert report["appeals"]["appeals"] == 60
        first = _deadlines(db)
        assert len(first) == 60 and first == _deadlines(second)
        # Under another now the demo moves with it: the seed used the now it was given.
        assert _deadlines(later) != first
        assert max(r[1] for r in first) <= FIXED_NOW  # nothing received after the demo's now
    finally:
        second.dispose()
        later.dispose()


def test_every_seed_that_takes_now_is_given_it(monkeypatch, db, admin):
    seen: dict[str, object] = {}

    class Seed:
        @staticmethod
        def load_reference(_db, _actor, *, now=None):  # type: ignore[no-untyped-def]
            seen["reference"] = now
            return {}

        @staticmethod
        def load_demo(_db, _actor, **options):  # type: ignore[no-untyped-def]
            seen["demo"] = options.get("now")
            return {}

    monkeypatch.setattr(demo, "_seed_modules", lambda: [("probe", Seed)])
    demo.load_reference(db, admin, now=FIXED_NOW)
    demo.load_demo(db, admin, now=FIXED_NOW)
    assert seen == {"reference": FIXED_NOW, "demo": FIXED_NOW}
