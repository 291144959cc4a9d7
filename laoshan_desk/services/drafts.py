"""Drafts of open dialogs, saved as the clerk types, so a crash or a lock loses nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select

from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Draft


def save(db: Database, actor: Actor, form_key: str, data: dict[str, Any], *, now: dt.datetime) -> None:
    # Not audited: a draft is the clerk's own unfinished typing, not a change to the record.
    if actor.user_id is None:
        return
    with db.session(write=True) as session:
        row = session.scalar(select(Draft).where(Draft.user_id == actor.user_id, Draft.form_key == form_key))
        if row is None:
            session.add(Draft(user_id=actor.user_id, form_key=form_key, data=jsonable(data), updated_at=now))
        else:
            row.data = jsonable(data)
            row.updated_at = now


def load(db: Database, actor: Actor, form_key: str) -> dict[str, Any] | None:
    if actor.user_id is None:
        return None
    with db.session() as session:
        row = session.scalar(select(Draft).where(Draft.user_id == actor.user_id, Draft.form_key == form_key))
        return dict(row.data) if row else None


def discard(db: Database, actor: Actor, form_key: str) -> None:
    if actor.user_id is None:
        return
    with db.session() as session:
        session.execute(delete(Draft).where(Draft.user_id == actor.user_id, Draft.form_key == form_key))
