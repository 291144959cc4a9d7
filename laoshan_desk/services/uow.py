"""The unit of work: one transaction per clerk action, with its audit records inside it.

    with unit_of_work(db, actor, now) as work:
        work.session.add(...)
        work.audit("create", "appeal", appeal.id, "受理诉求", after={...})

Everything commits together when the block ends, or nothing does. A row another clerk saved
first (its version moved on) raises ``ConflictError`` with the stale-record message; a write lock
another desk holds past the busy timeout raises ``BusyError`` (mapped once, in ``store/db.py``):
both are DeskErrors, shown beside the form, which keeps what was typed.

A service a street desk may carry to the district (docs/hall.md) is registered with
``@recorded("appeals.progress")``: while it runs, its first unit of work calls every hook in
:data:`COMMIT_HOOKS` with the call (service name, input form, actor) just before it commits, so
what a hook writes (the street desk's outbox, the hub's applied-changes row) is in the same
transaction as the change itself. The foundation knows no hook; ``services/sync`` adds them.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import functools
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from laoshan_desk.domain.errors import ConflictError
from laoshan_desk.services import audit_chain
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

STALE = "该记录已被他人修改，请刷新后重试"  # a write from a screen that showed an older version


class Versioned(Protocol):
    version: int


def check_version(row: Versioned, version: int | None) -> None:
    """The version the clerk's screen showed must still be the row's (no lost update); else the
    stale message, and the form keeps what was typed. ``None``: the caller showed no version."""
    if version is not None and row.version != version:
        raise ConflictError(STALE)


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


@dataclasses.dataclass
class Call:
    """A registered service call in progress: what a commit hook is told about."""

    service: str
    form: Any
    actor: Actor
    now: dt.datetime
    hooked: bool = False  # the hooks ran (only the call's first unit of work runs them)


COMMIT_HOOKS: list[Callable[[Work, Call], None]] = []
SERVICES: dict[str, Callable[..., Any]] = {}
_CALL: contextvars.ContextVar[Call | None] = contextvars.ContextVar("desk_call", default=None)

F = TypeVar("F", bound=Callable[..., Any])


def recorded(service: str, prepare: Callable[[Any], Any] | None = None) -> Callable[[F], F]:
    """Register a write service ``fn(db, actor, form, *, now)`` under ``service`` (see above).

    ``prepare`` completes the form before the call and before the hooks see it (a new record's
    id), so that the call replayed elsewhere makes the same record."""

    def register(fn: F) -> F:
        @functools.wraps(fn)
        def call(db: Database, actor: Actor, form: Any, *, now: dt.datetime) -> Any:
            if _CALL.get() is not None:  # called by another registered service: its part
                return fn(db, actor, form, now=now)
            if prepare is not None:
                form = prepare(form)
            token = _CALL.set(Call(service, form, actor, now))
            try:
                return fn(db, actor, form, now=now)
            finally:
                _CALL.reset(token)

        SERVICES[service] = call
        return cast(F, call)

    return register


def fill_id(field: str) -> Callable[[Any], Any]:
    """A ``prepare`` for :func:`recorded`: the new record's id (``field`` of the form) made before
    the call, so the call replayed elsewhere makes the record with the same id."""

    def prepare(form: Any) -> Any:
        if getattr(form, field) is not None:
            return form
        return dataclasses.replace(form, **{field: uuid.uuid4()})

    return prepare


@contextlib.contextmanager
def unit_of_work(db: Database, actor: Actor, now: dt.datetime) -> Iterator[Work]:
    """The change's transaction; ``now`` (the caller's, never the system clock) times its audit records."""
    try:
        with db.session(write=True) as session:
            work = Work(session=session, actor=actor, now=now)
            yield work
            call = _CALL.get()
            if call is not None and not call.hooked:
                call.hooked = True
                for hook in COMMIT_HOOKS:
                    hook(work, call)
    except StaleDataError as exc:
        # Another clerk saved the same row after this one was read (version_id_col).
        raise ConflictError(STALE) from exc
