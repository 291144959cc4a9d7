"""Done means: two street desks (SQLite files) and the hall (PostgreSQL) work on overlapping
appeals, then sync in either order: all three end identical except the listed conflicts; a second
sync changes nothing; a desk killed (SIGKILL) in the middle of a sync leaves no half-applied
change and the next sync completes."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import sync
from laoshan_desk.store.models.appeals import AppealEvent
from laoshan_desk.store.models.sync import AppliedChange, OutboxEntry
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, appeal_state, make_desk, make_hub, street_ids, version

pytestmark = [requires_pg, pytest.mark.timeout(600)]
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("LAOSHAN_SYNC_KILLS", "3"))  # bench/sync_bench.py runs 20


def fresh_database(pg_url: str, name: str) -> str:
    """A new empty database on the module's server (each scenario its own hub)."""
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(pg_url).set(database=name).render_as_string(hide_password=False)


def later(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


def without(state: dict, appeal_ids: set[str]) -> dict:  # type: ignore[type-arg]
    out = {}
    for table, got in state.items():
        key = "id" if table == "appeal" else "appeal_id"
        out[table] = {k: r for k, r in got.items() if r[key] not in appeal_ids}
    return out


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_desks_and_the_hall_end_identical_except_the_conflicts(pg_url: str, tmp_path: Path, order: str) -> None:
    hall = make_hub(fresh_database(pg_url, f"hub_{order}"))
    a_desk, a = make_desk(tmp_path / "a.sqlite3", hall, "szk1")
    b_desk, b = make_desk(tmp_path / "b.sqlite3", hall, "szk2")
    desks = {"a": (a_desk, a), "b": (b_desk, b)}
    try:
        x0, x1, x2, x3 = hall.appeal_ids[:4]
        # Offline, each desk on its own copy; the hall on the server; overlapping appeals.
        for name, minute in (("a", 1), ("b", 2)):
            db, who = desks[name]
            svc.progress(db, who, svc.NoteForm(x0, version(db, who, x0), f"{name}：到现场"), now=later(minute))
            svc.finish(db, who, svc.FinishForm(x1, version(db, who, x1), f"{name}：已办结"), now=later(minute))
        svc.progress(b_desk, b, svc.NoteForm(x2, version(b_desk, b, x2), "b：补充进展"), now=later(3))
        svc.return_appeal(a_desk, a, svc.ReturnForm(x3, version(a_desk, a, x3), "a：不属本街道"), now=later(3))
        h = hall.clerk
        svc.progress(hall.db, h, svc.NoteForm(x0, version(hall.db, h, x0), "大厅：催办"), now=later(4))
        svc.finish(hall.db, h, svc.FinishForm(x2, version(hall.db, h, x2), "大厅：已办结"), now=later(4))

        first, second = order[0], order[1]
        reports = {}
        for name in (first, second, first):
            db, who = desks[name]
            reports[name] = sync.sync_now(db, who, now=later(10), hub=hall.db)
        # The appeal both desks finished: the first desk's result; the second holds a conflict.
        assert svc.detail(hall.db, h, x1, now=NOW).result == f"{first}：已办结"
        assert [c.label for c in sync.conflicts.open_conflicts(desks[second][0], desks[second][1])] == [
            svc.detail(hall.db, h, x1, now=NOW).number
        ]
        assert sync.conflicts.open_conflicts(desks[first][0], desks[first][1]) == []
        # Every note once, from everyone; b's note on the appeal the hall finished was refused.
        with hall.db.session() as s:
            got = Counter(s.scalars(select(AppealEvent.note).where(AppealEvent.appeal_id == x0)))
        assert got["a：到现场"] == got["b：到现场"] == got["大厅：催办"] == 1
        with b_desk.session() as s:
            refused = s.scalars(select(OutboxEntry).where(OutboxEntry.state == "refused")).all()
        assert [e.service for e in refused] == ["appeals.progress"]

        hub_state = appeal_state(hall.db, street_ids(hall.db))
        conflicted = {str(x1)}
        assert appeal_state(desks[first][0]) == hub_state
        assert without(appeal_state(desks[second][0]), conflicted) == without(hub_state, conflicted)
        for name in "ab":
            db, who = desks[name]
            again = sync.sync_now(db, who, now=later(20), hub=hall.db)
            assert (again.pushed.sent, again.pulled.changed_rows) == (0, 0)
    finally:
        a_desk.dispose()
        b_desk.dispose()
        hall.db.dispose()


def applied_count(hub: Any) -> int:
    with hub.session() as s:
        return int(s.scalar(select(func.count()).select_from(AppliedChange)) or 0)


def test_a_desk_killed_in_the_middle_of_a_sync_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    hall = make_hub(fresh_database(pg_url, "hub_kill"), shared=10)
    desk, clerk = make_desk(tmp_path / "k.sqlite3", hall)
    rng = random.Random(13)
    made: list[tuple[uuid.UUID, str]] = []
    killed: list[bool] = []
    partial: list[bool] = []  # the kill fell between the first and the last change of the round
    try:
        for round_ in range(KILLS):
            for i in range(60):
                appeal_id = hall.appeal_ids[i % 10]
                note = f"第{round_}轮第{i}条"
                v = version(desk, clerk, appeal_id)
                svc.progress(desk, clerk, svc.NoteForm(appeal_id, v, note), now=later(round_ * 100 + i))
                made.append((appeal_id, note))
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.hall.sync_child", desk.url],
                cwd=ROOT,
                env={**os.environ},
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            # Kill once the hub has taken this round's first few changes (a random few), not after
            # a fixed sleep: on a loaded machine the child may not even have started pushing by
            # then, and the kill would never fall inside a push.
            wanted = 60 * round_ + rng.randint(1, 20)
            deadline = time.monotonic() + 120
            while applied_count(hall.db) < wanted and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            child.send_signal(signal.SIGKILL)
            killed.append(child.wait(30) == -signal.SIGKILL)
            with hall.db.session() as s:
                taken = len(list(s.scalars(select(AppliedChange.change_id))))
            partial.append(0 < taken - 60 * round_ < 60)
            report = sync.sync_now(desk, clerk, now=later(round_ * 100 + 99), hub=hall.db)
            assert report.pushed.refused == report.pushed.conflicts == 0
        with hall.db.session() as s:
            notes = Counter(s.scalars(select(AppealEvent.note)))
            applied = set(s.scalars(select(AppliedChange.change_id)))
        with desk.session() as s:
            entries = s.scalars(select(OutboxEntry)).all()
        assert any(killed) and any(partial), f"no kill fell inside a push: {killed} {partial}"
        assert all(notes[note] == 1 for _, note in made)
        assert {e.change_id for e in entries} == applied and {e.state for e in entries} == {"applied"}
        assert appeal_state(desk) == appeal_state(hall.db, street_ids(hall.db))
    finally:
        desk.dispose()
        hall.db.dispose()
