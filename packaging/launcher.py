"""The installed program's entry point: what ``laoshan-desk`` runs inside the bundle.

It is ``laoshan_desk.__main__.main`` (the desk with no command, opened before anything heavy is
imported; the command line with one). Only
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
    try:
        from laoshan_desk.__main__ import main as desk_main
    except ModuleNotFoundError:  # a desk older than its fast entry (the upgrade test builds one)
        from laoshan_desk.cli import main as desk_main

    return desk_main()


if __name__ == "__main__":
    sys.exit(main())
