"""``laoshan-desk`` and ``python -m laoshan_desk``: the desk with no command, else the command line.

With no command the desk opens straight away, without loading the command line's modules (each
imports its area's services and, through them, SQLAlchemy): the login dialog is on screen before
anything heavy is imported (see ``app.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def desk_database(argv: Sequence[str]) -> tuple[bool, str | None]:
    """``(True, url)`` when ``argv`` asks for the desk (no command; ``--db URL`` at most)."""
    args = list(argv)
    url: str | None = None
    while args:
        arg = args.pop(0)
        if arg == "--db" and args:
            url = args.pop(0)
        elif arg.startswith("--db="):
            url = arg[len("--db=") :]
        else:
            return False, None  # a command, --help, or something the command line explains
    return True, url


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    desk, url = desk_database(args)
    if desk:
        from laoshan_desk.app import run_desk

        return run_desk(url)
    from laoshan_desk.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
