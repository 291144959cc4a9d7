"""The installed program's entry point: what ``laoshan-desk`` runs inside the bundle.

It is ``laoshan_desk.cli.main`` (the desk with no command, the command line with one). Only
when ``LAOSHAN_DESK_SMOKE`` is set does it run the package test's hidden start-up probe instead
(``packaging/smoke.py``: open a window offscreen, say when it is shown, exit); that variable
exists for ``make package-test`` and the start-up figures alone.
"""

import os
import sys


def main() -> int:
    if os.environ.get("LAOSHAN_DESK_SMOKE"):
        import smoke

        return smoke.run(os.environ["LAOSHAN_DESK_SMOKE"])
    from laoshan_desk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
