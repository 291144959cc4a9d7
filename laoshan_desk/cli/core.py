"""Core commands: init (and the demo), backup, restore, calendar look-ups and import.

    laoshan-desk [--db URL] init [--demo [--appeals N]] [--json]
    laoshan-desk [--db URL] backup FILE [--force]
    laoshan-desk [--db URL] restore FILE [--check] [--force]
    laoshan-desk [--db URL] calendar is-workday DATE [--json] | add-workdays DATE N [--json]
    laoshan-desk [--db URL] calendar import FILE [--json]
    laoshan-desk [--db URL] calendar propose-in-lieu YEAR [--json] | confirm-in-lieu YEAR DAY...

A look-up whose answer lies in a provisional year (make-up working days not entered) prints the
answer as before plus one warning line on stderr (``_common.report_provisional``).

The services are imported inside the handlers: ``laoshan-desk calendar is-workday`` should not
pay for SQLAlchemy models and reportlab at start-up.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from laoshan_desk.cli._common import (
    add_force,
    count_arg,
    database,
    date_arg,
    existing_file,
    output_path,
    print_json,
    report_provisional,
)
from laoshan_desk.domain import timeutil
from laoshan_desk.services.context import system_actor

if TYPE_CHECKING:
    from laoshan_desk.domain.calendar import WorkCalendar

MAX_WORKDAYS = 40_000  # more working days than 1949-2100 holds
MAX_DEMO_APPEALS = 200_000


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="建立/升级数据库并载入基础数据")
    p.add_argument("--demo", action="store_true", help="同时载入演示数据（只用于单独的演示数据库）")
    p.add_argument(
        "--appeals", type=count_arg(0, MAX_DEMO_APPEALS, "演示诉求条数"), default=None, metavar="N", help="演示诉求条数"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出载入结果")
    p.set_defaults(handler=_init)

    p = sub.add_parser("backup", help="备份数据库及其附件到一个备份包（桌面打开时也可）")
    p.add_argument("file")
    add_force(p)
    p.set_defaults(handler=_backup)

    p = sub.add_parser("restore", help="检查备份后恢复（原库另存一份）")
    p.add_argument("file")
    p.add_argument("--check", action="store_true", help="只检查备份，说明恢复会做什么，不恢复")
    p.add_argument("--force", action="store_true", help="检查有提醒时仍然恢复")
    p.set_defaults(handler=_restore)

    cal = sub.add_parser("calendar", help="工作日日历")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True, parser_class=type(cal))
    p = cal_sub.add_parser("is-workday", help="是否工作日：打印 yes 或 no")
    p.add_argument("date", type=date_arg)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含 provisional_years）")
    p.set_defaults(handler=_is_workday)
    p = cal_sub.add_parser("add-workdays", help="DATE 之后第 N 个工作日（DATE 当日不计）")
    p.add_argument("date", type=date_arg)
    p.add_argument("n", type=count_arg(-MAX_WORKDAYS, MAX_WORKDAYS, "工作日数"))
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含 provisional_years）")
    p.set_defaults(handler=_add_workdays)
    p = cal_sub.add_parser("import", help="从 Excel 导入工作日调整（列：日期、类型、说明）")
    p.add_argument("file", type=existing_file)
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入结果")
    p.set_defaults(handler=_import_calendar)
    year = count_arg(timeutil.MIN_DATE.year, timeutil.MAX_DATE.year, "年份")
    p = cal_sub.add_parser("propose-in-lieu", help="列出尚未公布年份的建议补假日（节日适逢周末，待管理员确认）")
    p.add_argument("year", type=year)
    p.add_argument("--json", action="store_true", help="以 JSON 输出建议")
    p.set_defaults(handler=_propose_in_lieu)
    p = cal_sub.add_parser("confirm-in-lieu", help="把选定的建议补假日录入为休息日（一次完成，记入审计）")
    p.add_argument("year", type=year)
    p.add_argument("days", type=date_arg, nargs="+", metavar="DAY")
    p.set_defaults(handler=_confirm_in_lieu)


LABELS = {
    "organisation": "组织机构",
    "appeals": "诉求",
    "approvals": "审批点菜单",
    "preservation": "财产保全",
    "alliance": "兴商护航联盟",
    "streets": "街道",
    "communities": "社区（村）",
    "grids": "网格",
    "departments": "部门",
    "proxy_services": "帮代办事项",
    "catalog_items": "审批事项",
    "menu_templates": "点菜单模板",
    "users": "演示账户",
    "hotel": "示例酒店项目",
    "items": "事项",
    "certificates": "证照",
    "meetings": "会议",
    "visits": "走访",
    "problems": "问题",
    "in_progress": "在办项目",
    "company_a_cases": "企业 A 保全案件",
    "ordinary_cases": "其他保全案件",
}
_SKIPPED = {"seconds", "project_id", "existing"}
_UNITS = {"appeals": "件", "company_a_cases": "件", "ordinary_cases": "件", "meetings": "次", "visits": "次"}


def describe(report: dict[str, Any]) -> list[str]:
    """What ``init`` loaded, one line per area, in words a clerk reads."""

    def parts(value: Any) -> list[str]:
        if isinstance(value, dict):
            out = []
            for key, item in value.items():
                if key in _SKIPPED:
                    continue
                if isinstance(item, int | float):
                    out.append(f"{LABELS.get(key, key)} {item:,} {_UNITS.get(key, '个')}")
                elif isinstance(item, dict):
                    inner = parts(item)
                    if inner:
                        out.append(f"{LABELS.get(key, key)}（{'，'.join(inner)}）")
                elif isinstance(item, list):
                    names = [str(i.get("name", "")) for i in item if isinstance(i, dict) and i.get("name")]
                    if names:
                        out.append(f"{LABELS.get(key, key)} {len(names)} 个：{'、'.join(names)}")
            return out
        return []

    lines = []
    for area, value in report.items():
        if area in ("database", "demo"):
            continue
        found = parts(value)
        if found:
            lines.append(f"  {LABELS.get(area, area)}：{'，'.join(found)}")
    demo = report.get("demo")
    if isinstance(demo, dict):
        lines.append("演示数据：")
        for area, value in demo.items():
            found = [f"{value:,} 个"] if isinstance(value, int) else parts(value)
            if found:
                lines.append(f"  {LABELS.get(area, area)}：{'，'.join(found)}")
    return lines


def _init(args: argparse.Namespace) -> int:
    from laoshan_desk.services import audit_key, bootstrap
    from laoshan_desk.services.demo import DEMO_PASSWORD, DEMO_USERS

    db = database(args)
    options: dict[str, int] = {}
    if args.appeals is not None:
        options["appeals"] = args.appeals
    report = bootstrap.init(db, system_actor("init"), demo=args.demo, now=timeutil.now(), **options)
    if args.json:
        print_json({"database": db.display_name(), **report})
        return 0
    print(f"数据库：{db.display_name()}（审计密钥：{audit_key.key_path()}）")
    print("基础数据：")
    for line in describe(report):
        print(line)
    if args.demo:
        accounts = "、".join(f"{name}（{role.label}）" for name, _full, role in DEMO_USERS)
        print(f"演示账户：{accounts}")
        print(f"演示账户的密码都是 {DEMO_PASSWORD}；首次打开桌面时请设立管理员账户。")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from laoshan_desk.services import backup

    target = output_path(args.file, force=args.force)  # before the database is opened
    result = backup.backup(database(args), system_actor("backup"), target, overwrite=args.force, now=timeutil.now())
    missing = f"；{result.missing_attachments} 个附件文件本机已缺失" if result.missing_attachments else ""
    print(f"已备份到 {result.path}（审计记录 {result.records} 条，附件 {result.attachments} 个{missing}）")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from laoshan_desk.services import backup

    db = database(args)
    actor = system_actor("restore")
    if args.check:
        check = backup.check_restore(db, actor, Path(args.file))
        for line in check.summary:
            print(line)
        for line in check.warnings:
            print(f"提醒：{line}")
        print("检查通过，可以恢复" + ("（有提醒：恢复时需加 --force）" if check.warnings else ""))
        return 0
    result = backup.restore(db, actor, Path(args.file), accept_warnings=args.force, now=timeutil.now())
    print(
        f"已恢复（审计记录 {result.records} 条，附件 {result.attachments_restored} 个）；原数据库保存在 {result.kept}"
    )
    return 0


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    """The calendar with the admin's overrides when a database is there; otherwise the built-in one."""
    import os

    from laoshan_desk.config import default_db_path
    from laoshan_desk.domain.calendar import WorkCalendar
    from laoshan_desk.services.calendar import work_calendar

    if not args.db and not os.environ.get("LAOSHAN_DESK_DB") and not default_db_path().exists():
        return WorkCalendar()
    return work_calendar(database(args))


def _is_workday(args: argparse.Namespace) -> int:
    cal = _calendar(args)
    answer = cal.is_workday(args.date)
    years = report_provisional(cal, args.date)
    if args.json:
        print_json({"date": args.date, "is_workday": answer, "provisional_years": years})
    else:
        print("yes" if answer else "no")
    return 0


def _add_workdays(args: argparse.Namespace) -> int:
    cal = _calendar(args)
    result = cal.add_workdays(args.date, args.n)
    years = report_provisional(cal, args.date, result)  # the count goes through every year between
    if args.json:
        print_json({"date": args.date, "n": args.n, "result": result, "provisional_years": years})
    else:
        print(result.isoformat())
    return 0


def _import_calendar(args: argparse.Namespace) -> int:
    from laoshan_desk.services import calendar

    report = calendar.import_overrides(database(args), system_actor("calendar-import"), args.file, now=timeutil.now())
    if args.json:
        print_json(report.as_json())
    else:
        print(report.summary())
        for line in report.lines():
            print("  " + line)
    return 0


def _propose_in_lieu(args: argparse.Namespace) -> int:
    from laoshan_desk.services import calendar_proposals
    from laoshan_desk.services.calendar import work_calendar

    db = database(args)
    rows = calendar_proposals.in_lieu_proposals(db, system_actor("calendar-in-lieu"), args.year)
    years = report_provisional(work_calendar(db), *(r.day for r in rows))  # a provisional year's days
    if args.json:
        print_json(
            {
                "year": args.year,
                "proposals": [
                    {"day": r.day, "holiday": r.holiday.label, "instead_of": r.instead_of, "entered": r.entered}
                    for r in rows
                ],
                "provisional_years": years,
            }
        )
        return 0
    if not rows:
        print(f"{args.year} 年没有节日适逢周末，无需补假")
        return 0
    print(f"{args.year} 年建议补假日（待确认；确认：laoshan-desk calendar confirm-in-lieu {args.year} 日期…）：")
    for r in rows:
        instead = f"，{r.instead_of.isoformat()}适逢周末" if r.instead_of else ""
        print(f"  {r.day.isoformat()}  {r.holiday.label}补假{instead}{'（已录入）' if r.entered else ''}")
    return 0


def _confirm_in_lieu(args: argparse.Namespace) -> int:
    from laoshan_desk.services import calendar_proposals

    form = calendar_proposals.InLieuConfirmation(args.year, tuple(args.days))
    db = database(args)
    result = calendar_proposals.confirm_in_lieu(db, system_actor("calendar-in-lieu"), form, now=timeutil.now())
    print(
        f"已录入 {len(result.days)} 个补假日（{'、'.join(d.isoformat() for d in result.days)}）；"
        f"{result.moved} 件未办结诉求的办结时限随之变更"
    )
    return 0
