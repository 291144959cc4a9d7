"""The alliance's complaint queue and the enterprise search at 100,000 complaints and 50,000
enterprises, each against a bare sqlite3 query of the same rows on the same file, in the same run.

    .venv/bin/python bench/alliance_bench.py [--complaints 100000] [--enterprises 50000] [--repeat 5] [--dir DIR]

The database is filled once (bulk inserts; every complaint's stored limits computed by the domain
clock, as the service stores them) and reused. The desk side goes through the services (permission,
session, ORM, the row's light and countdown); the baseline is ``sqlite3`` fetching the same rows.
Measured best of N, interleaved (baseline, desk, baseline, desk …) by bench/ratios.py, which also
picks these rows up through bench/rows_alliance.py. Nothing here runs in ``make test``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from ratios import BenchContext, Row, measure, table  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402
from stdnum.cn import uscc as stdnum_uscc  # noqa: E402

from laoshan_desk.domain.alliance.clocks import ComplaintFacts, complaint_clock  # noqa: E402
from laoshan_desk.domain.alliance.vocabulary import ComplaintDecision, ComplaintKind, ComplaintStatus  # noqa: E402
from laoshan_desk.domain.lights import Light  # noqa: E402
from laoshan_desk.domain.timeutil import TZ  # noqa: E402
from laoshan_desk.services import alliance, bootstrap, enterprise_registry, org  # noqa: E402
from laoshan_desk.services.calendar import work_calendar  # noqa: E402
from laoshan_desk.services.context import system_actor  # noqa: E402
from laoshan_desk.store.db import Database  # noqa: E402
from laoshan_desk.store.models.alliance import AllianceComplaint  # noqa: E402
from laoshan_desk.store.models.enterprises import Enterprise  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
PREFIXES = ["青岛", "崂山", "山东", "沙子口", "王哥庄", "北宅", "中韩", "金家岭"]
CORES = ["示例海", "示例茶", "示例泉", "示例电", "示例食", "示例科", "示例商", "示例旅", "示例医", "示例机"]
SUFFIXES = ["产品有限公司", "科技有限公司", "贸易有限公司", "食品有限公司", "专业合作社", "股份有限公司"]
CONTENTS = ["海参净含量不足", "桶装水有异味", "茶叶与宣传不符", "家电售后推诿", "预付卡商家停业", "虚假宣传有机"]
OPEN = [s.value for s in ComplaintStatus if s is not ComplaintStatus.FINISHED]


def uscc(n: int) -> str:
    body = f"91999999DM{n:07d}"
    return body + stdnum_uscc.calc_check_digit(body)


def fill(db: Database, complaints: int, enterprises: int) -> None:
    """Enterprises and complaints in bulk, unless the file has them already."""
    with db.session() as s:
        have = s.scalar(select(func.count()).select_from(Enterprise)) or 0
    if have >= enterprises:
        return
    rng = random.Random(7)
    started = time.perf_counter()
    streets = [u.id for u in org.units(db, "street")]
    rows = []
    for n in range(1, enterprises + 1):
        name = f"{rng.choice(PREFIXES)}{rng.choice(CORES)}{n}号{rng.choice(SUFFIXES)}"
        rows.append(
            {
                "id": uuid.uuid4(),
                "uscc": uscc(n),
                "name": name,
                "initials": enterprise_registry.initials_of(name),
                "street_id": rng.choice(streets) if streets else None,
                "address": f"示例路{n}号",
                "created_at": NOW,
                "updated_at": NOW,
                "version": 1,
            }
        )
    with db.session(write=True) as s:
        for i in range(0, len(rows), 5000):
            s.execute(insert(Enterprise), rows[i : i + 5000])
    ids = [(r["id"], r["uscc"], r["name"]) for r in rows]
    calendar = work_calendar(db)
    today = NOW.date()
    batch: list[dict[str, object]] = []
    for n in range(1, complaints + 1):
        kind = ComplaintKind.REPORT if n % 5 == 0 else ComplaintKind.COMPLAINT
        received = NOW - dt.timedelta(minutes=rng.randrange(60 * 24 * 730))
        e_id, e_code, e_name = rng.choice(ids)
        age = (NOW - received).days
        decision = decided = finished = None
        if age > 3 and rng.random() < 0.95:
            decided = received + dt.timedelta(days=rng.randrange(1, 9))
            if kind is ComplaintKind.COMPLAINT:
                decision = ComplaintDecision.ACCEPT if rng.random() < 0.9 else ComplaintDecision.REJECT
                if decision is ComplaintDecision.ACCEPT and age > 40 and rng.random() < 0.97:
                    finished = decided + dt.timedelta(days=rng.randrange(3, 70))
            else:
                decision = ComplaintDecision.FILE if rng.random() < 0.5 else ComplaintDecision.NOT_FILE
        if decided is not None and decided > NOW:
            decided, decision = None, None
        if finished is not None and finished > NOW:
            finished = None
        facts = ComplaintFacts(kind, received, decision, decided, finished_at=finished)
        clock = complaint_clock(facts, calendar, today=today)
        batch.append(
            {
                "id": uuid.uuid4(),
                "seq": n,
                "number": f"TS{received:%Y%m%d}-B{n:06d}",
                "kind": kind.value,
                "received_at": received,
                "complainant": f"消费者{n % 997}",
                "phone": f"1390000{n % 10000:04d}",
                "real_name": False,
                "enterprise_id": e_id,
                "enterprise_name": e_name,
                "uscc": e_code,
                "officer_name": "",
                "content": rng.choice(CONTENTS),
                "decision": decision.value if decision else None,
                "decided_at": decided,
                "extended": False,
                "finished_at": finished or (decided if clock.status is ComplaintStatus.FINISHED else None),
                "outcome": "agreement" if finished else None,
                "result": "",
                "status": clock.status.value,
                "accept_limit": clock.accept_limit,
                "finish_limit": clock.finish_limit,
                "due_on": clock.due_on,
                "paused": False,
                "late": clock.late,
                "source": "bench",
                "created_at": received,
                "updated_at": received,
                "version": 1,
            }
        )
        if len(batch) == 5000:
            with db.session(write=True) as s:
                s.execute(insert(AllianceComplaint), batch)
            batch = []
    if batch:
        with db.session(write=True) as s:
            s.execute(insert(AllianceComplaint), batch)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    print(f"filled {enterprises:,} enterprises and {complaints:,} complaints in {time.perf_counter() - started:.0f} s")


def _sql(path: Path, query: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def make_rows(ctx: BenchContext, complaints: int = 100_000, enterprises: int = 50_000) -> list[Row]:
    path = ctx.workdir / f"alliance_bench_{complaints}_{enterprises}.sqlite3"
    db = bootstrap.open_database(f"sqlite:///{path}")
    actor = system_actor("bench")
    org.load_reference(db, actor, now=NOW)
    fill(db, complaints, enterprises)
    today = NOW.date()
    open_marks = ",".join("?" * len(OPEN))
    page = "*"  # the same rows, every column, as the desk reads them

    def desk_queue(f: alliance.ComplaintFilter, sort: str = "received", descending: bool = True):  # type: ignore[no-untyped-def]
        return lambda: (
            alliance.count(db, actor, f, now=NOW),
            alliance.page(db, actor, f, now=NOW, limit=200, sort=sort, descending=descending),
        )

    def base(where: str, order: str, *params: object):  # type: ignore[no-untyped-def]
        return lambda: (
            _sql(path, f"SELECT COUNT(*) FROM alliance_complaint WHERE {where}", *params),
            _sql(path, f"SELECT {page} FROM alliance_complaint WHERE {where} ORDER BY {order} LIMIT 200", *params),
        )

    like = "%海参%"
    search_where = "(number = ? OR uscc = ? OR enterprise_name LIKE ? OR complainant LIKE ? OR content LIKE ?)"
    rows = [
        Row(
            f"alliance queue: open, newest first ({complaints:,})",
            desk_queue(alliance.ComplaintFilter(state="open")),
            base(f"status IN ({open_marks})", "received_at DESC, seq DESC", *OPEN),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "alliance queue: red lights",
            desk_queue(alliance.ComplaintFilter(state="all", light=Light.RED)),
            base("due_on IS NOT NULL AND paused = 0 AND due_on < ?", "received_at DESC, seq DESC", today.isoformat()),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "alliance queue: by due date",
            desk_queue(alliance.ComplaintFilter(state="open"), "due", False),
            base(f"status IN ({open_marks})", "due_on, seq", *OPEN),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "alliance queue: text 海参 (all)",
            desk_queue(alliance.ComplaintFilter(state="all", text="海参")),
            base(search_where, "received_at DESC, seq DESC", "海参", "海参", like, like, like),
            "sqlite3",
            max_ratio=4,
        ),
    ]

    def desk_search(text: str):  # type: ignore[no-untyped-def]
        return lambda: enterprise_registry.search(db, actor, text)

    def base_search(where: str, *params: object):  # type: ignore[no-untyped-def]
        return lambda: _sql(path, f"SELECT * FROM enterprise WHERE {where} ORDER BY name LIMIT 50", *params)

    rows += [
        Row(
            f"enterprise search: part of a name ({enterprises:,})",
            desk_search("示例海1"),
            base_search("name LIKE ?", "%示例海1%"),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "enterprise search: pinyin initials",
            desk_search("lsslc"),
            base_search("initials >= ? AND initials < ?", "lsslc", "lsslc\uffff"),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "enterprise search: USCC",
            desk_search(uscc(enterprises // 2)),
            base_search("uscc >= ? AND uscc < ?", uscc(enterprises // 2), uscc(enterprises // 2) + "\uffff"),
            "sqlite3",
            max_ratio=4,
        ),
        Row(
            "enterprise file (一企一档, every area)",
            lambda: alliance_file(db, actor, uscc(enterprises // 3)),
            max_ms=500,
            note="absolute: four areas asked in turn for one enterprise with its complaints",
        ),
    ]
    return rows


def alliance_file(db: Database, actor, code: str):  # type: ignore[no-untyped-def]
    from laoshan_desk.services import enterprise

    return enterprise.enterprise_file(db, actor, now=NOW, uscc=code)


def rows(ctx: BenchContext) -> list[Row]:
    """For bench/ratios.py (through bench/rows_alliance.py): the issue's sizes."""
    return make_rows(ctx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    ctx = BenchContext(size=args.complaints, quick=False, repeat=args.repeat, workdir=args.dir)
    results = [measure(row, args.repeat) for row in make_rows(ctx, args.complaints, args.enterprises)]
    import os

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"Alliance — {args.complaints:,} complaints, {args.enterprises:,} enterprises, "
        f"best of {args.repeat}, interleaved; load average {load}\n"
    )
    print(table(results))
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
