"""``python -m tests.hall.sync_child DESK_URL``: one sync of a linked desk, in a process of its
own, so that a test can kill it (SIGKILL) at a random moment in the middle."""

from __future__ import annotations

import sys

from laoshan_desk.services import bootstrap, sync
from laoshan_desk.services.context import system_actor
from tests.hall.sync_support import NOW


def main(url: str) -> None:
    desk = bootstrap.open_database(url)
    print("ready", flush=True)  # the parent's random moment counts from here
    sync.sync_now(desk, system_actor("sync"), now=NOW)


if __name__ == "__main__":
    main(sys.argv[1])
