"""Appeal queue benchmark: 1,000,000 and 10,000 appeals (issue 5, "Performance, measured").

    .venv/bin/python bench/appeals_bench.py [--sizes 10000 1000000] [--dir /tmp]

Fills (or reuses) one SQLite database per size with the demo loader, then times what a clerk
does: open the queue (count + first page of 200), a filter, a sort, a full-text search (trigram
FTS, the CJK character index for 2-character words, pinyin initials) and the statistics (last
year; everything).
Prints milliseconds (best of 3 after one warm-up) and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from laoshan_desk.domain.timeutil import now as clock_now  # noqa: E402
from laoshan_desk.services import bootstrap, org  # noqa: E402
from laoshan_desk.services.appeals import (
    queue,  # noqa: E402
    stats,  # noqa: E402
)
from laoshan_desk.services.appeals import seed as seed_appeals  # noqa: E402
from laoshan_desk.services.context import system_actor  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    fn()
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def run(size: int, folder: Path) -> None:
    path = folder / f"appeals_bench_{size}.sqlite3"
    db = bootstrap.open_database(f"sqlite:///{path}")
    actor = system_actor("bench")
    org.load_reference(db, actor, now=clock_now())
    seed_appeals.load_reference(db, actor, now=clock_now())
    t = time.perf_counter()
    report = seed_appeals.load_demo(db, actor, appeals=size, now=clock_now())
    if report.get("appeals"):
        print(f"[{size:,}] filled in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB file)")
    else:
        print(f"[{size:,}] reusing {path}")
    now = clock_now()
    street = org.units(db, "street")[1].id

    def open_queue(f: queue.QueueFilter, sort: str | None = None, desc: bool = False) -> None:
        queue.count(db, actor, f, now=now)
        queue.page(db, actor, f, now=now, offset=0, limit=200, sort=sort, descending=desc)

    year_ago = now.date() - dt.timedelta(days=365)
    cases = [
        ("open queue (count + first page)", lambda: open_queue(queue.QueueFilter())),
        ("filter street + open", lambda: open_queue(queue.QueueFilter(street_id=street, status="open"))),
        ("filter light = red", lambda: open_queue(queue.QueueFilter(light="red"))),
        (
            "filter kind + channel + month",
            lambda: open_queue(
                queue.QueueFilter(kind="livelihood", channel="phone", date_from=now.date() - dt.timedelta(days=30))
            ),
        ),
        ("sort by completion limit", lambda: open_queue(queue.QueueFilter(), "completion_limit")),
        ("sort street filter by number desc", lambda: open_queue(queue.QueueFilter(street_id=street), "number", True)),
        ("full-text 暖气不热 (FTS)", lambda: open_queue(queue.QueueFilter(text="暖气不热"))),
        ("full-text 工资 (2 chars, CJK index)", lambda: open_queue(queue.QueueFilter(text="工资"))),
        ("pinyin initials wf", lambda: open_queue(queue.QueueFilter(text="wf"))),
        (
            "statistics last 365 days",
            lambda: stats.statistics(db, actor, now=now, date_from=year_ago, date_to=now.date()),
        ),
        ("statistics all time", lambda: stats.statistics(db, actor, now=now)),
        (
            "unit ranking last 365 days",
            lambda: stats.ranking(db, actor, now=now, date_from=year_ago, date_to=now.date()),
        ),
    ]
    for name, fn in cases:
        print(f"[{size:,}] {name:38s} {timed(fn):8.1f} ms")
    print(f"[{size:,}] peak RSS so far {rss_mb():.0f} MB")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.dir)


if __name__ == "__main__":
    main()
