"""Street offices: ``link`` a new desk to the district database, ``sync`` it, or carry its changes
on a USB stick (``sync export`` / ``sync import``). See docs/hall.md.

    laoshan-desk --db street.sqlite3 link postgresql+psycopg://desk@hub/desk --street 沙子口街道
    laoshan-desk --db street.sqlite3 unlink               # forget the hub and its password
    laoshan-desk --db postgresql+psycopg://… hub add-street-login --street 沙子口街道
    laoshan-desk --db street.sqlite3 sync                 # push the outbox, pull the street's share
    laoshan-desk --db street.sqlite3 sync status
    laoshan-desk --db street.sqlite3 sync export stick.sync
    laoshan-desk --db postgresql+psycopg://… sync import stick.sync     # writes stick.sync.reply
    laoshan-desk --db street.sqlite3 sync import stick.sync.reply
    laoshan-desk --db postgresql+psycopg://… sync prune --days 30      # files nothing names any more
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from laoshan_desk.cli._common import add_force, database, existing_file, output_path, print_json
from laoshan_desk.domain import timeutil  # looked up at each call: a clock patched in tests is seen
from laoshan_desk.services import sync
from laoshan_desk.services.bootstrap import open_database
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    p = sub.add_parser("link", help="把本街道窗口（新数据库）连接到区级数据库")
    p.add_argument("url", help="区级数据库地址，如 postgresql+psycopg://用户@主机/库名")
    p.add_argument("--street", required=True, help="本窗口所属街道，如 沙子口街道")
    p.add_argument(
        "--allow-owner-login",
        action="store_true",
        help="允许用数据表所有者或超级用户的登录连接（不受行级安全限制，仅用于测试或大厅自用）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(handler=_link)

    p = sub.add_parser("unlink", help="断开本街道窗口与区级数据库的连接（删除保存的密码，数据和待同步改动保留）")
    p.set_defaults(handler=_unlink)

    p = sub.add_parser("hub", help="区级数据库的管理：街道窗口的数据库登录")
    hub_sub = p.add_subparsers(dest="hub_command", required=True, parser_class=type(p))
    q = hub_sub.add_parser("add-street-login", help="为一个街道的窗口建立只能改本街道诉求的数据库登录")
    q.add_argument("--street", required=True, help="街道，如 沙子口街道")
    q.add_argument("--login", help="登录名（小写字母、数字、下划线；默认按街道生成）")
    q.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    q.set_defaults(handler=_add_street_login)

    p = sub.add_parser("sync", help="与区级数据库同步：上传本窗口的改动，下载本街道的数据")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(handler=_sync)
    sync_sub = p.add_subparsers(dest="sync_command", parser_class=type(p))
    q = sync_sub.add_parser("status", help="是否已连接、待同步的改动数、未处理的冲突数")
    q.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    q.set_defaults(handler=_status)
    q = sync_sub.add_parser("export", help="把待同步的改动写入签名的同步文件（U盘）")
    q.add_argument("file")
    add_force(q)
    q.set_defaults(handler=_export)
    q = sync_sub.add_parser("import", help="导入同步文件：区级数据库导入窗口的文件并写出回执，窗口导入回执")
    q.add_argument("file", type=existing_file)
    q.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    q.set_defaults(handler=_import)
    q = sync_sub.add_parser("prune", help="区级数据库：清理没有附件记录引用的同步附件（拒绝、冲突或中断的上传留下的）")
    q.add_argument("--days", type=int, default=30, help="只清理收到超过这么多天的（默认 30，至少 1）")
    q.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    q.set_defaults(handler=_prune)


def _link(args: argparse.Namespace) -> int:
    desk = database(args)
    hub = open_database(args.url)  # the district database, at this program's schema
    try:
        report = sync.link.link(
            desk, system_actor("link"), hub, args.street, now=timeutil.now(), allow_owner=args.allow_owner_login
        )
    finally:
        hub.dispose()
    if report.warning:
        print(f"警告：{report.warning}", file=sys.stderr)
    if args.json:
        print_json(report)
    else:
        print(f"已连接区级数据库（{report.street}），下载诉求 {report.pulled.appeals} 件")
    return 0


def _add_street_login(args: argparse.Namespace) -> int:
    made = sync.street_login.add_street_login(
        database(args), system_actor("hub"), args.street, now=timeutil.now(), login=args.login
    )
    if args.json:
        print_json(made)
    else:
        print(f"已为{made.street}建立数据库登录 {made.login}，密码（只显示这一次）：{made.password}")
        print(
            f"在街道窗口连接：laoshan-desk link postgresql+psycopg://{made.login}:密码@主机/库名 --street {made.street}"
        )
    return 0


def _unlink(args: argparse.Namespace) -> int:
    removed = sync.link.unlink(database(args), system_actor("link"), now=timeutil.now())
    print("已断开与区级数据库的连接" + ("，已删除保存的密码" if removed else ""))
    return 0


def _sync(args: argparse.Namespace) -> int:
    desk = database(args)
    report = sync.sync_now(desk, system_actor("sync"), now=timeutil.now())
    if args.json:
        print_json(report)
    else:
        p, q = report.pushed, report.pulled
        files = f"，附件 {q.files} 个" if q.files else ""
        print(
            f"上传 {p.sent} 项：接受 {p.applied}，拒绝 {p.refused}，冲突 {p.conflicts}；下载诉求 {q.appeals} 件{files}"
        )
    return 0


def _status(args: argparse.Namespace) -> int:
    st = sync.status(database(args), system_actor("sync"))
    if args.json:
        print_json(st)
    elif not st.linked:
        print("本窗口未连接区级数据库")
    else:
        print(
            f"{st.street}：待同步 {st.waiting} 项，未处理冲突 {st.conflicts} 项"
            + (f"；{st.last_error}" if st.last_error else "")
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    path = output_path(args.file, force=args.force)
    n = sync.transport.export_changes(database(args), Path(path))
    print(f"已写出同步文件 {path}：{n} 项改动（导入区级数据库后，把回执文件带回本窗口导入）")
    return 0


def _import(args: argparse.Namespace) -> int:
    report = sync.transport.import_file(database(args), Path(args.file), now=timeutil.now())
    if args.json:
        print_json(report)
        return 0
    a = report.answers
    if report.kind == "push":
        print(f"已执行 {a.sent} 项：接受 {a.applied}，拒绝 {a.refused}，冲突 {a.conflicts}；回执：{report.reply}")
    else:
        got = report.pulled.appeals if report.pulled else 0
        print(f"回执已导入：接受 {a.applied}，拒绝 {a.refused}，冲突 {a.conflicts}；下载诉求 {got} 件")
    return 0


def _prune(args: argparse.Namespace) -> int:
    form = sync.files.PruneForm(older_than_days=args.days)
    report = sync.files.prune_files(database(args), system_actor("sync"), form, now=timeutil.now())
    if args.json:
        print_json(report)
    else:
        print(f"已清理同步附件 {report.files} 个（{report.size / 1024 / 1024:.1f} MB），保留 {report.kept} 个")
    return 0
