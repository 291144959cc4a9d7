"""Street-office sync figures on a throwaway PostgreSQL hub (tests/pg_server.py).

1. A sync of N changes: a linked desk makes N progress notes offline (through the services),
   then one sync pushes them (each replayed on the hub through the same service) and pulls.
2. Pulling a street's share of a district: the hub holds D appeals spread over its streets
   (bulk rows copied from real ones, with their steps); a new desk is linked to one street and
   takes its share (watermark 0), once with the hub's own login and once with the street's login
   (``hub add-street-login``), whose reads row-level security filters (migration 0034).
3. With ``--kills K``: the kill -9 test of tests/hall/test_sync_pg.py with K kills.

    python bench/sync_bench.py --quick            # 1,000 changes, a 100,000-appeal district
    python bench/sync_bench.py                    # 10,000 changes, 1,000,000 appeals, 20 kills
    python bench/sync_bench.py --district 0       # 10,000 changes and 20 kills, no district
    python bench/sync_bench.py --changes 0 --district 20000 --kills 0   # the district part only
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LAOSHAN_DESK_HOME", tempfile.mkdtemp(prefix="sync-bench-home-"))


def _changes(url: str, n: int, work: Path) -> dict[str, float]:
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import sync
    from tests.hall.sync_support import NOW, make_desk, make_hub, version

    hall = make_hub(url, shared=20)
    desk, clerk = make_desk(work / "changes.sqlite3", hall)
    started = time.perf_counter()
    for i in range(n):
        appeal_id = hall.appeal_ids[i % len(hall.appeal_ids)]
        note = f"第{i}条离线进展"
        svc.progress(desk, clerk, svc.NoteForm(appeal_id, version(desk, clerk, appeal_id), note), now=NOW)
    offline = time.perf_counter() - started
    started = time.perf_counter()
    report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
    took = time.perf_counter() - started
    assert report.pushed.applied == n, report
    desk.dispose()
    hall.db.dispose()
    return {"changes": n, "offline_s": round(offline, 1), "sync_s": round(took, 1), "per_change_ms": took / n * 1000}


def _district(url: str, total: int, work: Path) -> dict[str, float]:
    from sqlalchemy import insert, select
    from sqlalchemy.engine import make_url

    from laoshan_desk.services import bootstrap, org, sync
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.services.sync import rows
    from laoshan_desk.store.db import Database
    from tests.hall.sync_support import NOW, STREET, make_desk, make_hub

    hall = make_hub(url, shared=4)
    streets = [u.id for u in org.units(hall.db, "street")]
    appeal, event = rows.table("appeal"), rows.table("appeal_event")
    with hall.db.session() as s:
        model = dict(s.execute(select(appeal).where(appeal.c.id == hall.appeal_ids[0])).mappings().one())
        steps = [dict(r) for r in s.execute(select(event).where(event.c.appeal_id == model["id"])).mappings()]
    started = time.perf_counter()
    batch = 5000
    for start in range(0, total, batch):
        new_rows, new_steps = [], []
        for i in range(start, min(total, start + batch)):
            ident = uuid.uuid4()
            street = streets[i % len(streets)]
            new_rows.append(
                {
                    **model,
                    "id": ident,
                    "seq": 1_000_000 + i,
                    "number": f"BENCH{i:08d}",
                    "street_id": street,
                    "unit_id": street,
                    "community_id": None,
                    "grid_id": None,
                }
            )
            new_steps += [{**e, "id": uuid.uuid4(), "appeal_id": ident, "unit_id": None} for e in steps]
        with hall.db.session(write=True) as s:
            s.execute(insert(appeal), new_rows)
            s.execute(insert(event), new_steps)
        if (start + batch) % 100_000 == 0:
            print(f"  district: {start + batch:,} appeals made, {time.perf_counter() - started:.0f} s", flush=True)
    built = time.perf_counter() - started
    started = time.perf_counter()
    desk, _ = make_desk(work / "district.sqlite3", hall)
    took = time.perf_counter() - started
    with desk.session() as s:
        share = len(list(s.scalars(select(appeal.c.id))))
    started = time.perf_counter()
    again = sync.sync_now(desk, system_actor("bench"), now=NOW, hub=hall.db)
    second = time.perf_counter() - started
    desk.dispose()
    # The same share through the street's own login: its reads pass the row-level security policies.
    made = sync.street_login.add_street_login(hall.db, hall.admin, STREET, now=NOW)
    street_url = make_url(url).set(username=made.login, password=made.password)
    street_hub = Database(street_url.render_as_string(hide_password=False))
    street_desk = bootstrap.open_database(f"sqlite:///{work / 'district-street-login.sqlite3'}")
    started = time.perf_counter()
    via_login = sync.link.link(street_desk, system_actor("bench"), street_hub, STREET, now=NOW)
    street_took = time.perf_counter() - started
    street_desk.dispose()
    street_hub.dispose()
    hall.db.dispose()
    return {
        "district": total,
        "street": STREET,
        "share": share,
        "steps_per_appeal": len(steps),
        "build_s": round(built, 1),
        "link_pull_s": round(took, 1),
        "second_sync_s": round(second, 1),
        "second_sync_rows": again.pulled.changed_rows,
        "street_login_link_pull_s": round(street_took, 1),
        "street_login_share": via_login.pulled.appeals,
    }


def _load() -> str:
    """The date and the load average, printed beside each figure (the machine is shared)."""
    one, five, fifteen = os.getloadavg()
    return f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')} load average {one:.2f} {five:.2f} {fifteen:.2f}"


def _fresh(url: str, name: str) -> str:
    from tests.hall.test_sync_pg import fresh_database

    return fresh_database(url, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 changes, 100,000 appeals, no kills")
    parser.add_argument("--changes", type=int)
    parser.add_argument("--district", type=int, help="appeals in the district (0: skip that part)")
    parser.add_argument("--kills", type=int)
    args = parser.parse_args()
    changes = args.changes if args.changes is not None else (1_000 if args.quick else 10_000)
    district = args.district if args.district is not None else (100_000 if args.quick else 1_000_000)
    kills = args.kills if args.kills is not None else (0 if args.quick else 20)
    from laoshan_desk.services import audit_key
    from tests import pg_server

    audit_key.load_key(create=True)

    with tempfile.TemporaryDirectory(prefix="sync-bench-") as tmp, pg_server.running_server() as url:
        work = Path(tmp)
        print("start:", _load(), flush=True)
        if changes:  # --changes 0: that part not run
            print("sync of changes:", _changes(_fresh(url, "bench_changes"), changes, work), flush=True)
            print("  at", _load(), flush=True)
        if district:  # --district 0: the district part not run
            print("street's share:", _district(_fresh(url, "bench_district"), district, work), flush=True)
            print("  at", _load(), flush=True)
    if kills:
        print("kills:", kills, "from", _load(), flush=True)
        env = {**os.environ, "LAOSHAN_SYNC_KILLS": str(kills), "QT_QPA_PLATFORM": "offscreen"}
        test = "tests/hall/test_sync_pg.py::test_a_desk_killed_in_the_middle_of_a_sync_loses_nothing"
        return subprocess.call([sys.executable, "-m", "pytest", test, "-q", "-o", "timeout=3600"], cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
