"""``laoshan-desk enterprise show USCC``: one enterprise's file (一企一档) across the four areas.

Run as the command line's actor (system administrator), so every section is present. The service
is imported inside the command: the CLI starts without loading it.
"""

from __future__ import annotations

import argparse
from typing import Any

from laoshan_desk.cli._common import database, print_json
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    p = sub.add_parser("enterprise", help="一企一档：按统一社会信用代码查看企业档案")
    e = p.add_subparsers(dest="enterprise_command", required=True)
    show = e.add_parser("show", help="企业在审批、诉求、财产保全、兴商护航联盟中的全部情况")
    show.add_argument("uscc", metavar="USCC")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _show(args: argparse.Namespace) -> int:
    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services.enterprise import enterprise_file

    db = database(args)
    f = enterprise_file(db, system_actor("enterprise-show"), now=now(), uscc=args.uscc)
    data = f.as_json()
    if args.json:
        print_json(data)
        return 0
    print(f"{f.enterprise.name}（{f.enterprise.uscc}）")
    if f.approvals is not None:
        print(f"  审批项目 {len(f.approvals)} 个：" + "、".join(f"{p.number}[{p.light.label}]" for p in f.approvals))
    if f.appeals is not None:
        print(f"  涉企诉求 {f.appeals.total} 件")
    if f.preservation is not None:
        p = f.preservation
        print(
            f"  财产保全：被申请 {p.as_respondent} 件，裁定 {p.rulings} 件，"
            f"裁定金额 {p.amount_ruled:,.2f} 元，冻结账户 {p.accounts_frozen} 个"
        )
    if f.alliance is not None:
        a = f.alliance
        print(
            f"  兴商护航联盟：{'成员' if a.member else '非成员'}，荣誉 {len(a.honours)} 项，"
            f"投诉举报 {a.complaints} 件，抽检 {a.spot_checks} 批次（不合格 {a.nonconforming}），"
            f"推送政策 {a.policies_pushed} 条"
        )
    return 0
