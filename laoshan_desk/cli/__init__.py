"""The command line (``laoshan-desk``): for admins and scheduled jobs, same database, same rules.

With no command it opens the desk. Every area adds its commands in a module of this package
that defines ``register(subparsers)``; they are found automatically. Bad arguments or files end
with exit status 2 and one clear line on stderr, having changed nothing.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from laoshan_desk.domain.errors import DeskError

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad arguments: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="laoshan-desk", description="崂山政务窗口桌面 Laoshan Desk")
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
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
