"""N processes writing the same rows: no update lost, no sequence number taken twice.

Each process increments a counter kept in one user's name, K times, through the service
(``auth.update_user`` with the version it read; on ConflictError or BusyError it reads again
and retries). At the end the counter must be N × K, every increment audited, the chain whole.

    python bench/reliability/concurrency.py [--processes 8] [--operations 100]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402


def _increment(url: str, user_id: str, operations: int) -> tuple[int, int]:
    import uuid

    from laoshan_desk.domain.errors import BusyError, ConflictError
    from laoshan_desk.services import auth
    from laoshan_desk.services.bootstrap import open_database
    from laoshan_desk.services.context import system_actor

    db = open_database(url)
    actor = system_actor("concurrency")
    uid = uuid.UUID(user_id)
    done = retries = 0
    while done < operations:
        row = next(u for u in auth.list_users(db, actor, now=common.NOW) if u.id == uid)
        form = auth.UserEditForm(uid, row.version, full_name=str(int(row.full_name) + 1))
        try:
            auth.update_user(db, actor, form, now=common.NOW)
        except (ConflictError, BusyError):
            retries += 1
            continue
        done += 1
    db.dispose()
    return done, retries


def run(processes: int, operations: int) -> dict[str, int]:
    home = common.new_home("concurrency")
    db, admin = common.new_database(home)
    from laoshan_desk.domain.roles import Role
    from laoshan_desk.services import audit, auth

    uid = auth.create_user(db, admin, auth.NewUserForm("counter", "0", Role.LEADER, "Tally2026pass"), now=common.NOW)
    before = audit.page(db, admin, limit=1)[1]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.starmap(_increment, [(db.url, str(uid), operations)] * processes)
    final = int(next(u for u in auth.list_users(db, admin, now=common.NOW) if u.id == uid).full_name)
    audited = audit.page(db, admin, limit=1)[1] - before
    ok, _ = common.chain_ok(db)
    db.dispose()
    expected = processes * operations
    return {
        "processes": processes,
        "operations": expected,
        "retries_after_conflict": sum(r for _, r in results),
        "lost_updates": expected - final,
        "unaudited_updates": expected - audited,
        "broken_chains": int(not ok),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--operations", type=int, default=100)
    args = parser.parse_args()
    result = run(args.processes, args.operations)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0 if result["lost_updates"] == result["broken_chains"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
