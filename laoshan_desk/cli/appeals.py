"""``laoshan-desk appeals import|export|stats``: exchange with the city platform and the figures."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from laoshan_desk.cli._common import database, date_arg, print_json, report_provisional
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    p = sub.add_parser("appeals", help="崂先办诉求：导入、导出台账、统计")
    ap = p.add_subparsers(dest="appeals_command", required=True)
    imp = ap.add_parser("import", help="从 Excel 导入诉求（同编号则更新）")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    imp.set_defaults(handler=_import)
    exp = ap.add_parser("export", help="导出诉求台账（.xlsx）")
    exp.add_argument("file")
    exp.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE")
    exp.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE")
    exp.set_defaults(handler=_export)
    st = ap.add_parser("stats", help="统计：受理、办结、结案率、满意率、超期")
    st.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE")
    st.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=_stats)
    sup = ap.add_parser("supervise", help="对超期诉求自动生成督办记录")
    sup.set_defaults(handler=_supervise)
    ls = ap.add_parser("list", help="列出诉求队列（灯色、倒计时）")
    ls.add_argument("--light", choices=["red", "yellow", "green", "grey"], help="灯色：red 红 / yellow 黄 / green 绿")
    ls.add_argument("--status", help="状态代码，或 open（未办结）/ finished（已办结）")
    ls.add_argument("--text", help="搜索内容、姓名、编号、电话")
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--json", action="store_true", help="以 JSON 输出（代码而非中文）")
    ls.set_defaults(handler=_list)


# The commands import their services when run, so `laoshan-desk --help` starts quickly.
def _import(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.errors import ValidationError
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.appeals.exchange import import_appeals

    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"无法读取文件：{args.file}")
    db = database(args)
    report = import_appeals(db, system_actor("appeals-import"), path, now=now())
    if args.json:
        print_json(report.as_json())
    else:
        print(f"新增 {report.imported} 件，更新 {report.updated} 件，拒绝 {len(report.rejected)} 行")
        for r in report.rejected:
            print(f"  第 {r.row} 行 [{r.column}]：{r.message}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.appeals.exchange import export_ledger
    from laoshan_desk.services.appeals.queue import QueueFilter

    db = database(args)
    actor = system_actor("appeals-export")
    flt = QueueFilter(date_from=args.date_from, date_to=args.date_to)
    n = export_ledger(db, actor, Path(args.file), now=now(), flt=flt)
    print(f"已导出 {n} 件诉求到 {args.file}")
    return 0


def _rate(value: Decimal | None) -> float | None:
    from laoshan_desk.domain.appeals import quantize_rate

    q = quantize_rate(value)
    return None if q is None else float(q)


def _stats(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.appeals import format_rate
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.appeals.stats import statistics

    db = database(args)
    actor = system_actor("appeals-stats")
    st = statistics(db, actor, now=now(), date_from=args.date_from, date_to=args.date_to)
    if args.json:
        print_json(
            {
                "received": st.received,
                "finished": st.finished,
                "closure_rate": _rate(st.closure_rate),
                "rated": st.rated,
                "satisfaction_rate": _rate(st.satisfaction_rate),
                "overdue": st.overdue,
            }
        )
    else:
        print(
            f"受理 {st.received} 件，办结 {st.finished} 件，结案率 {format_rate(st.closure_rate)}；"
            f"回访 {st.rated} 件，满意率 {format_rate(st.satisfaction_rate)}；超期 {st.overdue} 件"
        )
    return 0


def _supervise(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.appeals import supervise_overdue

    n = supervise_overdue(database(args), system_actor("appeals-supervise"), now=now())
    print(f"新增督办 {n} 件")
    return 0


def _list(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.errors import ValidationError
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.appeals import queue

    if not 1 <= args.limit <= 10_000:
        raise ValidationError("--limit 应在 1～10000 之间", field="limit")
    db = database(args)
    actor = system_actor("appeals-list")
    moment = now()
    f = queue.QueueFilter(light=args.light, status=args.status, text=args.text)
    rows = queue.page(db, actor, f, now=moment, limit=args.limit)
    from laoshan_desk.services.calendar import work_calendar

    # The limits are counted in working days (docs/rules.md §calendar-provisional-years). The
    # JSON here is a bare list, kept so for the scripts that read it: the warning is on stderr only.
    report_provisional(work_calendar(db), moment, *(r.completion_limit for r in rows))
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "status": r.status,
                    "light": r.light.value,
                    "completion_limit": r.completion_limit.isoformat(),
                    "response_light": r.response_light.value,
                    "completion_light": r.completion_light.value,
                }
                for r in rows
            ]
        )
        return 0
    # The text output speaks Chinese: labels, not the codes the JSON keeps.
    for r in rows:
        print(f"{r.number}  {r.light.label}  {r.status_label}  响应：{r.response_text}  办结：{r.completion_text}")
    print(f"共 {queue.count(db, actor, f, now=moment)} 件（显示 {len(rows)} 件）")
    return 0
