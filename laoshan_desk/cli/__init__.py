"""The command line (``laoshan-desk``): for admins and scheduled jobs, same database, same rules.

With no command it opens the desk. Every area adds its commands in a module of this package
that defines ``register(subparsers)``; they are found automatically. Bad arguments or files end
with exit status 2 and one clear line on stderr, having changed nothing (a command's handler
raises ``DeskError`` and this module prints it). A database the command cannot reach or read is
one line too. Anything else is a bug: one line on stderr, the details in the log file, exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from laoshan_desk.domain.errors import DeskError

EXIT_BAD_INPUT = 2
EXIT_BUG = 1


class UsageError(Exception):
    """Bad arguments: reported as one line, exit status 2."""


# argparse's own messages are English (its gettext catalog has no Chinese): the usual ones in
# Chinese, so a clerk at the command line reads the same language as every other refusal.
_ARGPARSE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"), "参数 {0} 无效：{1}（可选：{2}）"),
    (re.compile(r"^argument (.+?): expected one argument$"), "参数 {0} 需要一个值"),
    (re.compile(r"^argument (.+?): expected at least one argument$"), "参数 {0} 至少需要一个值"),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"), "参数 {0} 的值无效：{2}"),
    # A type check of ours refused the value with its own Chinese sentence: argparse only prefixes it.
    (re.compile(r"^argument (.+?): (.+)$"), "参数 {0}：{1}"),
)


def chinese_usage_message(message: str) -> str:
    for pattern, text in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return text.format(*match.groups())
    return message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {chinese_usage_message(message)}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="laoshan-desk",
        description=(
            "崂山政务窗口桌面 Laoshan Desk\n\n"
            "不带命令运行 laoshan-desk（可加 --db）即打开桌面：先是登录窗口，登录后按角色显示\n"
            "审批点菜单、崂先办诉求、财产保全审查、兴商护航联盟和管理各页。\n"
            "带命令时不打开桌面，在命令行完成该项工作（同一数据库、同样的规则），例如：\n"
            "  laoshan-desk init --demo        建立演示数据库\n"
            "  laoshan-desk appeals --help     诉求的导入、导出台账、统计\n"
            "  laoshan-desk backup             备份数据库及附件\n"
            "每个命令的用法：laoshan-desk 命令 --help"
        ),
        epilog="With no command the desk opens (the login window); with a command, that command runs instead.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", metavar="URL", help="数据库 URL（默认：用户数据目录中的 SQLite 文件；也可用 LAOSHAN_DESK_DB）"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            from laoshan_desk.app import run_desk

            return run_desk(args.db)
        return int(args.handler(args) or 0)
    except UsageError as exc:
        print(_one_line(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DeskError as exc:
        print(f"错误：{_one_line(exc.message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as exc:
        print(f"错误：{_one_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SQLAlchemyError as exc:
        print(f"错误：数据库无法使用：{_one_line(getattr(exc, 'orig', None) or exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the clerk, the details in the log
        where = _log_unexpected(exc)
        print(f"出现意外错误（{type(exc).__name__}），详情已写入 {where}", file=sys.stderr)
        return EXIT_BUG
    finally:
        from laoshan_desk.cli._common import close_databases  # cli: imported when a command ran

        close_databases()


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:300]


def _log_unexpected(exc: BaseException) -> str:
    import traceback

    from laoshan_desk.config import data_dir

    try:
        log = data_dir() / "logs" / "cli.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
        return str(log)
    except OSError:
        return "（日志无法写入）"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
