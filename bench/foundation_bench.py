"""Foundation figures: login (argon2) known vs unknown user, audited writes with synchronous FULL
against NORMAL, chain verification against a bare sqlite3 + hashlib recompute, backup.

.venv/bin/python bench/foundation_bench.py [--records 100000] [--writes 200]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _bare_recompute(path: Path) -> int:
    """The floor: read every record with sqlite3 and recompute its SHA-256 over the same payload."""
    from laoshan_desk.services import audit_chain

    count = 0
    with contextlib.closing(sqlite3.connect(path)) as con:
        for *row, _stored in con.execute(f"SELECT {audit_chain.RAW_COLUMNS} FROM audit_record ORDER BY seq"):
            hashlib.sha256(audit_chain.raw_payload(*row)).hexdigest()
            count += 1
    return count


def fill_chain(db: Any, records: int, now: dt.datetime) -> None:
    """Append ``records`` properly keyed audit records to the chain (fast: one bulk insert)."""
    from sqlalchemy import insert, select

    from laoshan_desk.services import audit_chain, audit_key
    from laoshan_desk.store.models import AuditRecord, Setting

    key = audit_key.load_key(create=False)
    with db.session(write=True) as s:
        last = s.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).one()
        seq, prev = last.seq, last.hash
        rows = []
        for _ in range(records):
            seq += 1
            fields = audit_chain.fields_of(
                seq, now, None, "bench", "update", "thing", str(seq), "批量", None, {"i": seq}
            )
            digest = audit_chain.record_hash(fields, prev, key)
            rows.append(
                {
                    "seq": seq,
                    "at": now,
                    "user_id": None,
                    "username": "bench",
                    "action": "update",
                    "entity": "thing",
                    "entity_id": str(seq),
                    "summary": "批量",
                    "before": None,
                    "after": {"i": seq},
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            prev = digest
        s.execute(insert(AuditRecord), rows)
        head = s.get(Setting, audit_chain.HEAD_KEY)
        assert head is not None
        head.value = {"seq": seq, "hash": prev}


def _writes(home: Path, synchronous: str, n: int) -> float:
    """Audited single-row writes per second (a calendar override: one row + its audit record)."""
    from laoshan_desk.services import bootstrap, calendar
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.store import db as store_db

    store_db.SYNCHRONOUS = synchronous
    db = bootstrap.open_database(f"sqlite:///{home / f'writes-{synchronous}.sqlite3'}")
    now = dt.datetime.now(dt.UTC)
    bootstrap.init(db, system_actor("bench"), now=now)
    actor = system_actor("bench")
    t = time.perf_counter()
    for i in range(n):
        calendar.set_override(
            db, actor, calendar.OverrideForm(dt.date(2030, 1, 1) + dt.timedelta(days=i), False, "bench"), now=now
        )
    elapsed = time.perf_counter() - t
    db.dispose()
    store_db.SYNCHRONOUS = "FULL"
    return elapsed / n * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--writes", type=int, default=200)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(home)
    from laoshan_desk.services import audit, auth, backup, bootstrap

    db = bootstrap.open_database(f"sqlite:///{home / 'bench.sqlite3'}")
    now = dt.datetime.now(dt.UTC)
    bootstrap.init(db, now=now)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "Bench2026secure"), now=now)

    def timed_login(name: str) -> float:
        t = time.perf_counter()
        with contextlib.suppress(auth.LoginFailed):
            auth.login(db, name, "Wrong2026pass", now=now)
        return (time.perf_counter() - t) * 1000

    known = [timed_login("admin") for _ in range(4)]
    auth.unlock_user(db, admin, admin.user_id, now=now)
    unknown = [timed_login("nobody-here") for _ in range(4)]
    print(
        f"failed login: known user {statistics.median(known):.0f} ms, unknown user {statistics.median(unknown):.0f} ms"
        " (median of 4; one argon2 verification each)"
    )

    for mode in ("NORMAL", "FULL"):
        print(f"audited single-row write, synchronous={mode}: {_writes(home, mode, args.writes):.2f} ms each")

    fill_chain(db, args.records, now)
    t = time.perf_counter()
    count = _bare_recompute(db.sqlite_path or Path())
    bare = time.perf_counter() - t
    t = time.perf_counter()
    report = audit.verify_chain(db, admin, now=now)
    desk = time.perf_counter() - t
    print(
        f"verify chain of {report.checked:,} records: {desk:.2f} s ({'ok' if report.ok else report.message}); "
        f"bare sqlite3+hashlib recompute of {count:,}: {bare:.2f} s; ratio {desk / bare:.2f}"
    )
    size = (db.sqlite_path or Path()).stat().st_size / 1e6
    t = time.perf_counter()
    backup.backup(db, admin, home / "copy.ldbak", now=now)
    print(f"backup of a {size:.0f} MB database: {time.perf_counter() - t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
