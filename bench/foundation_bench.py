"""Foundation figures: login (argon2), audited writes per second, chain verification, backup.

.venv/bin/python bench/foundation_bench.py [--records 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(home)
    from sqlalchemy import insert

    from laoshan_desk.services import audit, audit_chain, auth, backup, bootstrap, calendar
    from laoshan_desk.store.models import AuditRecord

    db = bootstrap.open_database(f"sqlite:///{home / 'bench.sqlite3'}")
    bootstrap.init(db)
    now = dt.datetime.now(dt.timezone.utc)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "Bench2026secure"), now=now)
    t = time.perf_counter()
    for _ in range(5):
        auth.login(db, "admin", "Bench2026secure", now=now)
    print(f"login (argon2 verify + audit): {(time.perf_counter() - t) / 5 * 1000:.1f} ms")
    t = time.perf_counter()
    for i in range(200):
        calendar.set_override(db, admin, dt.date(2030, 1, 1) + dt.timedelta(days=i), False, "bench")
    print(f"audited single-row writes: {200 / (time.perf_counter() - t):.0f} per second")
    # Fill the chain quickly with properly chained records, then time verification.
    with db.session() as s:
        last = s.query(AuditRecord).order_by(AuditRecord.seq.desc()).first()
        seq, prev = last.seq, last.hash
        rows = []
        now = dt.datetime.now(dt.timezone.utc)
        for _ in range(args.records):
            seq += 1
            fields = audit_chain._fields(seq, now, None, "bench", "update", "thing", str(seq), "批量", None, {"i": seq})
            digest = audit_chain.record_hash(fields, prev)
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
        from laoshan_desk.store.models import Setting

        s.get(Setting, audit_chain.HEAD_KEY).value = {"seq": seq, "hash": prev}
    t = time.perf_counter()
    report = audit.verify_chain(db, admin)
    print(f"verify chain of {report.checked:,} records: {time.perf_counter() - t:.2f} s ({report.ok})")
    size = db.sqlite_path.stat().st_size / 1e6
    t = time.perf_counter()
    backup.backup(db, admin, home / "copy.sqlite3")
    print(f"backup of a {size:.0f} MB database: {time.perf_counter() - t:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
