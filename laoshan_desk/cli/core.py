"""Core commands: init, backup, restore, calendar look-ups."""

from __future__ import annotations

import argparse
from typing import Any

from laoshan_desk.cli._common import database, date_arg, existing_file, print_json
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="建立/升级数据库并载入基础数据")
    p.add_argument("--demo", action="store_true", help="同时载入演示数据")
    p.add_argument("--appeals", type=int, default=None, metavar="N", help="演示诉求条数（默认数千条）")
    p.set_defaults(handler=_init)

    p = sub.add_parser("backup", help="备份数据库（桌面打开时也可）")
    p.add_argument("file")
    p.set_defaults(handler=_backup)

    p = sub.add_parser("restore", help="从备份恢复（原库保留）")
    p.add_argument("file", type=existing_file)
    p.set_defaults(handler=_restore)

    cal = sub.add_parser("calendar", help="工作日日历")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True, parser_class=type(cal))
    p = cal_sub.add_parser("is-workday", help="是否工作日：打印 yes 或 no")
    p.add_argument("date", type=date_arg)
    p.set_defaults(handler=_is_workday)
    p = cal_sub.add_parser("add-workdays", help="DATE 之后第 N 个工作日（DATE 当日不计）")
    p.add_argument("date", type=date_arg)
    p.add_argument("n", type=int)
    p.set_defaults(handler=_add_workdays)


def _init(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services import bootstrap

    db = database(args)
    options: dict[str, Any] = {}
    if args.appeals is not None:
        options["appeals"] = args.appeals
    if args.demo:
        options["now"] = now()  # demo data is laid out around "now"; only the CLI reads the clock
    report = bootstrap.init(db, system_actor("init"), demo=args.demo, **options)
    print_json({"database": db.display_name(), **report})
    if args.demo:
        from laoshan_desk.services.demo import DEMO_PASSWORD

        print(f"演示账户（chuangkou、jiedao、bumen、shujiyuan、faguan、shichang、lingdao）的密码：{DEMO_PASSWORD}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from laoshan_desk.services import backup

    db = database(args)
    target = backup.backup(db, system_actor(), Path(args.file))
    print(f"已备份到 {target}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from laoshan_desk.services import backup

    backup.check_backup_file(args.file)  # before opening (and perhaps upgrading) anything
    db = database(args)
    kept = backup.restore(db, system_actor(), args.file)
    print(f"已恢复；原数据库保存在 {kept}")
    return 0


def _calendar(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The calendar with the admin's overrides when a database is there; otherwise the built-in one."""
    import os

    from laoshan_desk.config import default_db_path
    from laoshan_desk.domain.calendar import WorkCalendar
    from laoshan_desk.services.calendar import work_calendar

    if not args.db and not os.environ.get("LAOSHAN_DESK_DB") and not default_db_path().exists():
        return WorkCalendar()
    return work_calendar(database(args))


def _is_workday(args: argparse.Namespace) -> int:
    print("yes" if _calendar(args).is_workday(args.date) else "no")
    return 0


def _add_workdays(args: argparse.Namespace) -> int:
    print(_calendar(args).add_workdays(args.date, args.n).isoformat())
    return 0
