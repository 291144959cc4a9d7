"""``laoshan-desk alliance complaints import|export`` and ``alliance policies match``: the alliance's
exchange with other systems and its scheduled jobs. Bad files or unknown codes end with exit
status 2 and one line on stderr (cli/__init__.py).

Imports of the services are local to each command: the CLI starts without loading them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from laoshan_desk.cli._common import database, date_arg, print_json
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    p = sub.add_parser("alliance", help="兴商护航联盟：投诉举报导入导出、政策匹配")
    area = p.add_subparsers(dest="alliance_command", required=True)
    complaints = area.add_parser("complaints", help="投诉举报")
    c = complaints.add_subparsers(dest="complaints_command", required=True)
    imp = c.add_parser("import", help="从 Excel 导入投诉举报（同编号则更新）")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    imp.set_defaults(handler=_import)
    exp = c.add_parser("export", help="导出投诉举报台账（.xlsx，含受理期限、办结期限、是否超期）")
    exp.add_argument("file")
    exp.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE")
    exp.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE")
    exp.set_defaults(handler=_export)
    policies = area.add_parser("policies", help="政策清单")
    pol = policies.add_subparsers(dest="policies_command", required=True)
    match = pol.add_parser("match", help="按生命周期阶段、行业和荣誉为企业匹配政策")
    match.add_argument("uscc", metavar="USCC")
    match.add_argument("--json", action="store_true")
    match.set_defaults(handler=_match)


def _now() -> dt.datetime:
    from laoshan_desk.domain.timeutil import now

    return now()


def _import(args: argparse.Namespace) -> int:
    from laoshan_desk.services.alliance.complaint_excel import import_complaints

    db = database(args)
    report = import_complaints(db, system_actor("alliance-import"), Path(args.file), now=_now())
    if args.json:
        print_json(report.as_json())
    else:
        print(report.summary())
        for r in report.rejected:
            print(f"  第 {r.row} 行 [{r.column}]：{r.message}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from laoshan_desk.services.alliance.complaint_excel import export_complaints

    db = database(args)
    n = export_complaints(
        db,
        system_actor("alliance-export"),
        Path(args.file),
        now=_now(),
        date_from=args.date_from,
        date_to=args.date_to,
    )
    print(f"已导出 {n} 件投诉举报到 {args.file}")
    return 0


def _match(args: argparse.Namespace) -> int:
    from laoshan_desk.services.alliance.policies import match

    db = database(args)
    result = match(db, system_actor("alliance-match"), uscc=args.uscc)
    if args.json:
        print_json(
            {
                "uscc": result.uscc,
                "name": result.name,
                "stage": result.stage.value,
                "industry": result.industry.value,
                "honours": [h.value for h in result.honours],
                "policies": [
                    {
                        "code": m.policy.code,
                        "title": m.policy.title,
                        "issuer": m.policy.issuer,
                        "issued_on": m.policy.issued_on.isoformat(),
                        "stages": [s.value for s in m.policy.stages],
                        "amount": None if m.policy.amount is None else str(m.policy.amount),
                        "reasons": list(m.reasons),
                        "pushed": m.pushed_at is not None,
                    }
                    for m in result.matches
                ],
            }
        )
    else:
        print(f"{result.name}（{result.stage.label}，{result.industry.label}）匹配政策 {len(result.matches)} 条")
        for m in result.matches:
            mark = "已推送" if m.pushed_at else "未推送"
            print(f"  {m.policy.code} {m.policy.title}（{'；'.join(m.reasons)}）[{mark}]")
    return 0
