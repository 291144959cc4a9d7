"""What every screen is given: the database handle, the logged-in actor, and the clock.

The database is held as an opaque handle and only ever handed to services. Tests pass a fixed
clock so that lights and countdowns are repeatable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from laoshan_desk.domain import timeutil
from laoshan_desk.services.context import Actor


@dataclasses.dataclass
class DeskContext:
    db: Any
    actor: Actor
    clock: Callable[[], dt.datetime] = timeutil.now

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()
