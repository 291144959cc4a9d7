"""The unit of work: one transaction per clerk action, with its audit records inside it.

    with unit_of_work(db, actor) as work:
        work.session.add(...)
        work.audit("create", "appeal", appeal.id, "受理诉求", after={...})

Everything commits together when the block ends, or nothing does. A row another clerk saved
first (its version moved on) raises ``ConflictError`` with the stale-record message; a write lock
another desk holds past the busy timeout raises ``BusyError`` (mapped once, in ``store/db.py``):
both are DeskErrors, shown beside the form, which keeps what was typed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from laoshan_desk.domain.errors import ConflictError
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services import audit_chain
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database


@dataclasses.dataclass
class Work:
    session: Session
    actor: Actor
    now: dt.datetime

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: Any = None,
        summary: str = "",
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        audit_chain.append(
            self.session,
            at=self.now,
            user_id=self.actor.user_id,
            username=self.actor.username,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            summary=summary,
            before=before,
            after=after,
        )


@contextlib.contextmanager
def unit_of_work(db: Database, actor: Actor, now: dt.datetime | None = None) -> Iterator[Work]:
    try:
        with db.session(write=True) as session:
            yield Work(session=session, actor=actor, now=now or clock_now())
    except StaleDataError as exc:
        # Another clerk saved the same row after this one was read (version_id_col).
        raise ConflictError("该记录已被他人修改，请刷新后重试") from exc
