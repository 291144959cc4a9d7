"""kill -9 in the middle of audited writes and of backups: no committed record lost, nothing corrupt.

A worker process writes audited rows (a calendar override and its audit record, one unit of
work each) and prints each one's number after its commit returned. The harness kills it with
SIGKILL at a random moment, then checks the database: integrity, every printed number present,
the audit chain whole. A second phase kills backups half-way: the target is either absent or a
complete archive, never half a file.

    python bench/reliability/kill9.py [--kills 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402


def worker(url: str, start: int) -> None:
    from laoshan_desk.services import calendar
    from laoshan_desk.services.bootstrap import open_database
    from laoshan_desk.services.context import system_actor

    db = open_database(url)
    actor = system_actor("kill9")
    print("ready", flush=True)
    i = start
    while True:
        calendar.set_override(
            db,
            actor,
            calendar.OverrideForm(dt.date(1990, 1, 1) + dt.timedelta(days=i), bool(i % 2), f"写入 {i}"),
            now=common.NOW,
        )
        print(i, flush=True)
        i += 1


def backup_worker(url: str, target: str) -> None:
    from laoshan_desk.services import backup
    from laoshan_desk.services.bootstrap import open_database
    from laoshan_desk.services.context import system_actor

    db = open_database(url)
    print("ready", flush=True)
    while True:
        backup.backup(db, system_actor("kill9"), Path(target), overwrite=True, now=common.NOW)


def _spawn(*args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError("worker did not start")
    return proc


def run(kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    home = common.new_home("kill9")
    db, _admin = common.new_database(home)
    url, path = db.url, db.sqlite_path
    db.dispose()
    from sqlalchemy import select

    from laoshan_desk.services.bootstrap import open_database
    from laoshan_desk.store.models import CalendarOverride

    committed: set[int] = set()
    lost = corrupt = broken_chain = 0
    start = 0
    for _ in range(kills):
        proc = _spawn("--worker", url, str(start))
        time.sleep(rng.uniform(0.02, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        numbers = [int(line) for line in out.split() if line.isdigit()]
        committed.update(numbers)
        start = (max(numbers) + 1) if numbers else start
        if common.integrity(path) != "ok":
            corrupt += 1
            continue
        check = open_database(url)
        with check.session() as s:
            present = {(d - dt.date(1990, 1, 1)).days for d in s.scalars(select(CalendarOverride.day))}
        lost = len(committed - present)
        ok, _message = common.chain_ok(check)
        broken_chain += not ok
        check.dispose()
    backup_kills = half_backups = 0
    target = home / "backup.ldbak"
    for _ in range(max(10, kills // 10)):
        proc = _spawn("--backup-worker", url, str(target))
        time.sleep(rng.uniform(0.05, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        backup_kills += 1
        if target.exists():
            try:
                with zipfile.ZipFile(target) as archive:
                    half_backups += archive.testzip() is not None
            except zipfile.BadZipFile:
                half_backups += 1
    return {
        "kills": kills,
        "committed_records": len(committed),
        "committed_records_lost": lost,
        "corrupt_databases": corrupt,
        "broken_chains": broken_chain,
        "backup_kills": backup_kills,
        "half_written_backups": half_backups,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", nargs=2, metavar=("URL", "START"))
    parser.add_argument("--backup-worker", nargs=2, metavar=("URL", "TARGET"))
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return 0
    if args.backup_worker:
        backup_worker(*args.backup_worker)
        return 0
    result = run(args.kills, args.seed)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0 if result["committed_records_lost"] == result["corrupt_databases"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
